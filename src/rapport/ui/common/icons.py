"""The app's own icons: SVGs in ``rapport/resources/icons`` (``ui-*.svg`` for commands,
``channel-*.svg`` for the channels of the timeline, the call strip and the log dialog), drawn in one
neutral grey and tinted here from the palette, so they read on a light and a dark scheme alike. No theme icons
and no style's stock pixmaps: those differ by desktop and clash with each other (a floppy disk next
to a red cross).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from rapport.protocol import CHANNELS

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


# The channels' icons (channel-*.svg): every channel of the protocol, and orders.
CHANNEL_NAMES = frozenset((*CHANNELS, "order"))


@cache
def _renderer(stem: str) -> QSvgRenderer:
    data = (files("rapport.resources.icons") / f"{stem}.svg").read_bytes()
    return QSvgRenderer(QByteArray(data))


@cache
def _tinted(stem: str, pixels: int, rgba: int) -> QImage:
    image = QImage(pixels, pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    _renderer(stem).render(p, QRectF(0, 0, pixels, pixels))
    # Keep the drawing's shape, take the wanted colour.
    p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    p.fillRect(image.rect(), QColor.fromRgba(rgba))
    p.end()
    return image


def _pixmap(stem: str, size: int, color: QColor, device_pixel_ratio: float) -> QPixmap:
    pixels = max(1, round(size * device_pixel_ratio))
    out = QPixmap.fromImage(_tinted(stem, pixels, color.rgba()))
    out.setDevicePixelRatio(device_pixel_ratio)
    return out


def pixmap(name: str, size: int, color: QColor, device_pixel_ratio: float = 2.0) -> QPixmap:
    """The command icon ``name`` (one of :data:`NAMES`) at ``size`` logical pixels, in ``color``."""
    if name not in NAMES:
        raise KeyError(f"no icon named {name!r}")
    return _pixmap(f"ui-{name}", size, color, device_pixel_ratio)


def channel_pixmap(name: str, size: int, color: QColor, device_pixel_ratio: float = 1.0) -> QPixmap:
    """The channel's icon (``phone``, ``email``... or ``order``; another name: the web's) at
    ``size`` logical pixels, in ``color``."""
    stem = f"channel-{name if name in CHANNEL_NAMES else 'web'}"
    return _pixmap(stem, size, color, device_pixel_ratio)


def channel_icon(name: str, color: QColor, size: int = 32) -> QIcon:
    return QIcon(channel_pixmap(name, size, color, 2.0))


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
