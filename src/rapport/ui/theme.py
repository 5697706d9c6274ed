"""Application-wide look: Fusion style following the system colour scheme, tier colours."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from rapport.ui.tablet import tablet_font, touch_style

# Tier badges: hue chosen per tier; lightness adapts to the palette in tier_color().
_TIER_HUES = {"bronze": 28, "silver": 210, "gold": 45, "platinum": 265}


_desktop_font: QFont | None = None  # the app's font before tablet mode enlarged it


def apply_theme(app: QApplication, *, tablet: bool = False) -> None:
    """Fusion; in tablet mode a font one step larger and touch-sized controls (call it before the
    windows are built: their spacing follows the font)."""
    global _desktop_font
    if _desktop_font is None:
        _desktop_font = QFont(app.font())
    if tablet:
        font = tablet_font(_desktop_font)
        app.setFont(font)
        app.setStyle(touch_style(font))
    else:
        app.setFont(_desktop_font)
        app.setStyle("Fusion")


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def tier_color(tier: str | None, palette: QPalette | None = None) -> QColor:
    hue = _TIER_HUES.get((tier or "").lower(), 0)
    sat = 0 if tier is None or tier.lower() not in _TIER_HUES else 150
    if tier and tier.lower() == "silver":
        sat = 40
    return QColor.fromHsl(hue, sat, 170 if is_dark(palette) else 90)


def muted(palette: QPalette) -> QColor:
    """Secondary text: between text and background, still over 4.5:1 on both schemes."""
    return palette.color(QPalette.ColorRole.PlaceholderText)


def _tone(hue: int, sat: int, palette: QPalette | None, light: int, dark: int) -> QColor:
    return QColor.fromHsl(hue, sat, dark if is_dark(palette) else light)


def warning(palette: QPalette | None = None) -> QColor:
    """Something needs the user: a refused write. Red-orange, readable on either scheme."""
    return _tone(8, 190, palette, 92, 178)


def caution(palette: QPalette | None = None) -> QColor:
    """Worth knowing, nothing to do yet: offline, a notice from the hub. Amber."""
    return _tone(34, 200, palette, 78, 170)


def positive(palette: QPalette | None = None) -> QColor:
    return _tone(142, 150, palette, 80, 150)


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``t`` of the way from ``a`` to ``b``: tints that follow the palette."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )
