"""Product thumbnails: the catalog has no photos, so each product is shown by a neutral line
drawing of its kind (``resources/products/*.svg``, chosen from the category) on a soft tile, in
the palette's colours so it reads in light and dark mode. Nothing is fetched from the network."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

# Catalog category (lower case) -> drawing. Categories not listed get a price tag.
_GLYPHS = {
    "basketball hoops": "hoop",
    "basketballs": "basketball",
    "footballs": "football",
    "tennis balls": "tennis-ball",
    "running shoes": "shoe",
    "tennis rackets": "racket",
    "yoga mats": "mat",
    "yoga accessories": "block",
    "bikes": "bike",
    "bike helmets": "helmet",
    "sports bags": "duffel",
    "water bottles": "bottle",
    "leather gloves": "glove",
    "scarves": "scarf",
    "handbags": "handbag",
    "belts": "belt",
    "sunglasses": "sunglasses",
    "wallets": "wallet",
    "hats": "hat",
    "engagement rings": "ring",
    "wedding bands": "band",
    "necklaces": "necklace",
    "earrings": "earrings",
    "bracelets": "bracelet",
    "watches": "watch",
}
FALLBACK = "tag"


def glyph_name(category: str | None) -> str:
    return _GLYPHS.get((category or "").strip().lower(), FALLBACK)


@cache
def _renderer(name: str) -> QSvgRenderer:
    data = (files("rapport.resources.products") / f"{name}.svg").read_bytes()
    return QSvgRenderer(QByteArray(data))


@cache
def _tile(name: str, pixels: int, ink: int, fill: int, edge: int) -> QImage:
    image = QImage(pixels, pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    radius = pixels / 6
    frame = QRectF(0.5, 0.5, pixels - 1, pixels - 1)
    p.setPen(QColor.fromRgba(edge))
    p.setBrush(QColor.fromRgba(fill))
    p.drawRoundedRect(frame, radius, radius)
    # The drawing in its own layer, tinted: the SVGs are one neutral grey.
    glyph = QImage(pixels, pixels, QImage.Format.Format_ARGB32_Premultiplied)
    glyph.fill(Qt.GlobalColor.transparent)
    g = QPainter(glyph)
    g.setRenderHint(QPainter.RenderHint.Antialiasing)
    inset = pixels * 0.17
    _renderer(name).render(g, QRectF(inset, inset, pixels - 2 * inset, pixels - 2 * inset))
    g.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    g.fillRect(glyph.rect(), QColor.fromRgba(ink))
    g.end()
    p.drawImage(0, 0, glyph)
    p.end()
    return image


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def _colors(palette: QPalette) -> tuple[int, int, int]:
    """(ink, fill, edge) as RGBA: the drawing, the tile and its border, between Base and Text."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    return (
        _mix(base, text, 0.62).rgba(),
        _mix(base, text, 0.06).rgba(),
        _mix(base, text, 0.18).rgba(),
    )


def _pixmap(name: str, size: int, colors: tuple[int, int, int], ratio: float) -> QPixmap:
    pixmap = QPixmap.fromImage(_tile(name, max(1, round(size * ratio)), *colors))
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def product_pixmap(
    category: str | None, size: int, palette: QPalette, device_pixel_ratio: float = 2.0
) -> QPixmap:
    """A ``size`` x ``size`` (logical pixels) thumbnail for a product of ``category``."""
    return _pixmap(glyph_name(category), size, _colors(palette), device_pixel_ratio)


@cache
def _icon(name: str, colors: tuple[int, int, int]) -> QIcon:
    icon = QIcon()
    for size in (16, 20, 24, 32, 40, 48, 64):  # drawn at each size: thin lines stay crisp
        icon.addPixmap(_pixmap(name, size, colors, 2.0))
    return icon


def product_icon(category: str | None, palette: QPalette) -> QIcon:
    """The thumbnail as an icon for item views (their icon size picks the drawing)."""
    return _icon(glyph_name(category), _colors(palette))


__all__ = ["FALLBACK", "glyph_name", "product_icon", "product_pixmap"]
