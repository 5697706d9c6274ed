"""Application-wide look: Fusion (the app's :class:`rapport.ui.common.style.AppStyle`) in a light or dark
palette that follows the system's colour scheme as it changes, tier colours, status tones."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from rapport.ui.common.style import AppStyle
from rapport.ui.common.touch import tablet_font, touch_style

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
        app.setStyle(AppStyle())


_R = QPalette.ColorRole
_G = QPalette.ColorGroup
# A dark palette of our own: Fusion's follows the platform's only where the platform theme reports
# one (not on a bare X11 or on every Linux desktop). Secondary text (PlaceholderText) keeps 4.5:1
# on Window and Base; the highlight keeps 4.5:1 under white text.
_DARK = {
    _R.Window: "#25282d",
    _R.WindowText: "#e8eaed",
    _R.Base: "#1b1d21",
    _R.AlternateBase: "#2a2e33",
    _R.Text: "#e8eaed",
    _R.Button: "#30343a",
    _R.ButtonText: "#e8eaed",
    _R.BrightText: "#ff8a80",
    _R.Highlight: "#3c78c8",
    _R.HighlightedText: "#ffffff",
    _R.Link: "#8ab4f8",
    _R.LinkVisited: "#c58af9",
    _R.PlaceholderText: "#a0a6ad",
    _R.ToolTipBase: "#30343a",
    _R.ToolTipText: "#e8eaed",
    _R.Light: "#4a5058",
    _R.Midlight: "#3a3f46",
    _R.Mid: "#2a2e33",
    _R.Dark: "#16181b",
    _R.Shadow: "#000000",
    _R.Accent: "#3c78c8",
}
_DARK_DISABLED = {
    _R.WindowText: "#7c828a",
    _R.Text: "#7c828a",
    _R.ButtonText: "#7c828a",
    _R.Highlight: "#3a3f46",
    _R.PlaceholderText: "#6c7178",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in _DARK.items():
        palette.setColor(role, QColor(color))
    for role, color in _DARK_DISABLED.items():
        palette.setColor(_G.Disabled, role, QColor(color))
    return palette


def light_palette(app: QApplication) -> QPalette:
    """Fusion's own light palette (what the app has always looked like)."""
    return QPalette(app.style().standardPalette())


def scheme_for(preference: str, system: Qt.ColorScheme) -> Qt.ColorScheme:
    """The scheme to show: the settings' ``color_scheme`` (``auto`` follows the system's)."""
    if preference == "dark":
        return Qt.ColorScheme.Dark
    if preference == "light":
        return Qt.ColorScheme.Light
    return system


def apply_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    app.setPalette(dark_palette() if scheme == Qt.ColorScheme.Dark else light_palette(app))


class SchemeFollower(QObject):
    """Applies the system's colour scheme now and whenever it changes (the user switches their
    desktop to dark at dusk), unless the settings hold one."""

    def __init__(self, app: QApplication, preference: str = "auto") -> None:
        super().__init__(app)
        self._app = app
        self.preference = preference
        hints = app.styleHints()
        hints.colorSchemeChanged.connect(self.on_scheme_changed)
        self.on_scheme_changed(hints.colorScheme())

    def on_scheme_changed(self, system: Qt.ColorScheme) -> None:
        apply_scheme(self._app, scheme_for(self.preference, system))


def follow_color_scheme(app: QApplication, preference: str = "auto") -> SchemeFollower:
    """One follower per application; a later call changes its preference."""
    follower = app.findChild(SchemeFollower)
    if follower is None:
        return SchemeFollower(app, preference)
    follower.preference = preference
    follower.on_scheme_changed(app.styleHints().colorScheme())
    return follower


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
