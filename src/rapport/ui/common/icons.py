"""The app's own icons: SVGs in ``rapport/resources/icons`` (``ui-*.svg``), drawn in one neutral grey
and tinted here from the palette, so they read on a light and a dark scheme alike. No theme icons
and no style's stock pixmaps: those differ by desktop and clash with each other (a floppy disk next
to a red cross).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

# Every ui-*.svg this module serves; a typo in a name fails at once (tests load them all).
NAMES = frozenset(
    {
        "about",
        "alert",
        "appointment",
        "basket",
        "close",
        "collapse",
        "consent",
        "expand",
        "help",
        "keyboard",
        "log",
        "menu",
        "new-customer",
        "ok",
        "outbox",
        "quit",
        "save",
        "search",
        "tasks",
        "wrap-up",
    }
)


@cache
def _renderer(name: str) -> QSvgRenderer:
    if name not in NAMES:
        raise KeyError(f"no icon named {name!r}")
    data = (files("rapport.resources.icons") / f"ui-{name}.svg").read_bytes()
    return QSvgRenderer(QByteArray(data))


@cache
def _tinted(name: str, pixels: int, rgba: int) -> QImage:
    image = QImage(pixels, pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    _renderer(name).render(p, QRectF(0, 0, pixels, pixels))
    # Keep the drawing's shape, take the wanted colour.
    p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    p.fillRect(image.rect(), QColor.fromRgba(rgba))
    p.end()
    return image


def pixmap(name: str, size: int, color: QColor, device_pixel_ratio: float = 2.0) -> QPixmap:
    pixels = max(1, round(size * device_pixel_ratio))
    out = QPixmap.fromImage(_tinted(name, pixels, color.rgba()))
    out.setDevicePixelRatio(device_pixel_ratio)
    return out


def icon(
    name: str, palette: QPalette, role: QPalette.ColorRole = QPalette.ColorRole.ButtonText
) -> QIcon:
    """``name`` in the palette's ``role`` colour, with a dimmed disabled state and the highlighted
    text colour when selected (menus)."""
    result = QIcon()
    for size in (16, 24, 32):
        result.addPixmap(pixmap(name, size, palette.color(role)), QIcon.Mode.Normal)
        result.addPixmap(
            pixmap(name, size, palette.color(QPalette.ColorGroup.Disabled, role)),
            QIcon.Mode.Disabled,
        )
        result.addPixmap(
            pixmap(name, size, palette.color(QPalette.ColorRole.HighlightedText)),
            QIcon.Mode.Selected,
        )
        result.addPixmap(pixmap(name, size, palette.color(role)), QIcon.Mode.Active)
    return result


def icon_size(metrics_height: int) -> QSize:
    """Icons beside text: the height of a line of that text, rounded to an even number of pixels."""
    side = max(12, metrics_height // 2 * 2)
    return QSize(side, side)
