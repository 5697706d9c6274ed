"""The top of the customer screen: who this is, what they are worth to us, how to reach them and
what they agreed to be contacted by, next to two years of activity.

The title row always shows: name, tier, an action strip (the window's commands for this customer)
and a toggle. The details under it (facts, consent chips, chart) collapse to a one-line summary on
the title row (lifetime value, consent), which leaves a short screen its timeline."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rapport.cache.queries import Consent, CustomerHeader, OfferView
from rapport.domain.timestamps import parse_timestamp
from rapport.ui.common import format as fmt
from rapport.ui.common import icons, wording
from rapport.ui.common.adaptive import ButtonStrip, ElidedLabel
from rapport.ui.common.forms import heading_font
from rapport.ui.common.i18n import Context, TranslatedNames
from rapport.ui.common.theme import is_dark, mix, tier_color
from rapport.ui.customer.activity_chart import ActivityChart

HeaderWords = Context("HeaderWords")
_CONSENT_NAMES = TranslatedNames(
    "HeaderWords",
    {
        "email": QT_TRANSLATE_NOOP("HeaderWords", "Email"),
        "sms": QT_TRANSLATE_NOOP("HeaderWords", "SMS"),
        "phone": QT_TRANSLATE_NOOP("HeaderWords", "Phone"),
        "push": QT_TRANSLATE_NOOP("HeaderWords", "Push"),
        "mail": QT_TRANSLATE_NOOP("HeaderWords", "Mail"),
    },
)
_STATUS_WORDS = TranslatedNames(
    "HeaderWords",
    {
        "granted": QT_TRANSLATE_NOOP("HeaderWords", "opted in"),
        "denied": QT_TRANSLATE_NOOP("HeaderWords", "opted out"),
        "unknown": QT_TRANSLATE_NOOP("HeaderWords", "not asked"),
    },
)
_STATUS_MARKS = {"granted": "✓", "denied": "✕", "unknown": "?"}
_IDENTITY_NAMES = TranslatedNames(
    "HeaderWords",
    {
        "phone": QT_TRANSLATE_NOOP("HeaderWords", "Phone"),
        "email": QT_TRANSLATE_NOOP("HeaderWords", "Email"),
        "loyalty": QT_TRANSLATE_NOOP("HeaderWords", "Loyalty"),
    },
)


class Chip(QWidget):
    """A small rounded label. ``filled`` chips take a tint of ``accent``; others are outlined, and
    ``dashed`` for the unknown. The mark in the text carries the meaning too, not the colour alone."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = text
        self._accent: QColor | None = None
        self._filled = False
        self._dashed = False
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def set_look(
        self, text: str, accent: QColor | None, *, filled: bool, dashed: bool = False
    ) -> None:
        self._text = text
        self._accent = accent
        self._filled = filled
        self._dashed = dashed
        self.setAccessibleName(text)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self._text) + fm.height(), round(fm.height() * 1.4))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        window = pal.color(QPalette.ColorRole.Window)
        accent = self._accent or pal.color(QPalette.ColorRole.PlaceholderText)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        radius = rect.height() / 2
        pen = QPen(accent if self._filled else mix(window, text, 0.45), 1)
        if self._dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        # On a dark window a light tint of the accent barely shows: a stronger one keeps a chosen
        # chip apart from the outlined ones.
        tint = 0.5 if is_dark(pal) else 0.22
        p.setBrush(mix(window, accent, tint) if self._filled else Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(rect, radius, radius)
        p.setPen(text if self._filled else pal.color(QPalette.ColorRole.PlaceholderText))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._text)


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _value_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _consent_tooltip(c: Consent, now: datetime) -> str:
    name = _CONSENT_NAMES.get(c.channel, c.channel.capitalize())
    status = _STATUS_WORDS.get(c.status, c.status)
    text = HeaderWords.tr("{channel}: {status}").format(channel=name, status=status)
    at = parse_timestamp(c.effective_at)
    details = [x for x in (HeaderWords.tr("source: {source}").format(source=c.source) if c.source else None,
                           HeaderWords.tr("since {date}").format(date=fmt.date_text(at.astimezone(now.tzinfo))) if at else None) if x]  # fmt: skip
    if not details:
        return text
    return HeaderWords.tr("{text} ({details})").format(
        text=text, details=HeaderWords.tr(", ").join(details)
    )


def _consent_spoken(c: Consent) -> str:
    """A consent chip for a screen reader: the channel and its state in words ("Email: opted in"),
    where the chip shows a mark."""
    return QCoreApplication.translate("CustomerHeaderView", "{channel}: {status}").format(
        channel=_CONSENT_NAMES.get(c.channel, c.channel.capitalize()),
        status=_STATUS_WORDS.get(c.status, c.status),
    )


def _channels_by_status(header: CustomerHeader) -> list[tuple[str, list[str]]]:
    """The channels' names by consent: opted in, opted out, not asked (those with any)."""
    by_status: dict[str, list[str]] = {}
    for c in header.consent:
        by_status.setdefault(c.status, []).append(
            _CONSENT_NAMES.get(c.channel, c.channel.capitalize())
        )
    return [(s, by_status[s]) for s in ("granted", "denied", "unknown") if by_status.get(s)]


def _preferences_text(prefs: Mapping[str, Any]) -> str:
    parts = []
    sizes = prefs.get("sizes")
    if isinstance(sizes, dict) and sizes:
        parts.append(
            HeaderWords.tr("Sizes {values}").format(
                values=", ".join(f"{k} {v}" for k, v in sizes.items())
            )
        )
    for key, title in (
        ("colors", HeaderWords.tr("Colours {values}")),
        ("brands", HeaderWords.tr("Brands {values}")),
    ):
        values = prefs.get(key)
        if isinstance(values, list) and values:
            parts.append(title.format(values=", ".join(str(v) for v in values)))
    return "  ·  ".join(parts)


class CustomerHeaderView(QWidget):
    """Name, tier, value, home store, identifiers, consent, preferences; the chart on the right.
    ``set_collapsed(True)`` leaves the title row with a summary; ``collapsed_changed`` says when the
    agent toggled it."""

    collapsed_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._header: CustomerHeader | None = None
        self._now: datetime | None = None
        self._collapsed = False
        lh = self.fontMetrics().height()
        title = self._make_title()
        self._facts = facts = self._make_facts()
        self.chart = ActivityChart()
        self.chart.setObjectName("activityChart")

        self.details = QWidget()
        self.details.setObjectName("headerDetails")
        details = QHBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.setSpacing(lh * 2)
        details.addLayout(facts, 3)
        details.addWidget(self.chart, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(lh // 2)
        layout.addLayout(title)
        layout.addWidget(self.details)
        self._show_toggle()

    def _make_title(self) -> QHBoxLayout:
        """Name, tier, the summary shown when collapsed, the action strip, the toggle."""
        lh = self.fontMetrics().height()
        self.name = QLabel()
        self.name.setObjectName("customerName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name.setFont(heading_font(self.name.font(), 1.7))
        # A long name gives way to the action strip rather than push the window wider.
        self.name.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.name.setMinimumWidth(self.fontMetrics().averageCharWidth() * 12)
        self.tier = Chip()
        self.tier.setObjectName("tierBadge")
        self.summary = ElidedLabel()
        self.summary.setObjectName("headerSummary")
        self.summary.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.summary.hide()
        self.actions = ButtonStrip(Qt.AlignmentFlag.AlignRight)
        self.actions.setObjectName("customerActions")
        self.actions.setAccessibleName(self.tr("Actions for this customer"))
        self.toggle = QToolButton()
        self.toggle.setObjectName("headerToggle")
        self.toggle.setAutoRaise(True)
        self.toggle.clicked.connect(lambda: self.set_collapsed(not self._collapsed, by_user=True))

        title = QHBoxLayout()
        title.setSpacing(lh // 2)
        title.addWidget(self.name)
        title.addWidget(self.tier, 0, Qt.AlignmentFlag.AlignVCenter)
        title.addWidget(self.summary, 1)
        title.addWidget(self.actions, 1)
        title.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignVCenter)
        return title

    def _make_facts(self) -> QGridLayout:
        """Value, home store, last contact, since when, how to reach them, consent chips,
        preferences, active offers."""
        lh = self.fontMetrics().height()
        self.lifetime_value = _value_label("lifetimeValue")
        self.lifetime_value.setFont(heading_font(self.lifetime_value.font()))
        self.home_store = _value_label("homeStore")
        self.last_contact = _value_label("lastContact")
        self.customer_since = _value_label("customerSince")
        self.identifiers = _value_label("identifiers")
        self.identifiers.setTextFormat(Qt.TextFormat.PlainText)
        self.identifiers.setWordWrap(True)  # a narrow window puts the email under the phone
        self.preferences = _value_label("preferences")
        self.preferences.setWordWrap(True)

        facts = QGridLayout()
        facts.setHorizontalSpacing(lh)
        facts.setVerticalSpacing(lh // 4)
        rows = (
            (
                self.tr("Lifetime value"),
                self.lifetime_value,
                self.tr("Home store"),
                self.home_store,
            ),
            (
                self.tr("Last contact"),
                self.last_contact,
                self.tr("Customer since"),
                self.customer_since,
            ),
        )
        for r, (a, wa, b, wb) in enumerate(rows):
            facts.addWidget(_caption(a), r, 0)
            facts.addWidget(wa, r, 1)
            facts.addWidget(_caption(b), r, 2)
            facts.addWidget(wb, r, 3)
        facts.addWidget(_caption(self.tr("Contact")), 2, 0)
        facts.addWidget(self.identifiers, 2, 1, 1, 3)
        facts.addWidget(_caption(self.tr("Consent")), 3, 0)
        self._consent_row = QHBoxLayout()
        self._consent_row.setSpacing(lh // 3)
        self.consent_chips: dict[str, Chip] = {}
        self._chip_pool: list[Chip] = []  # in the row's order; consent_chips maps into it
        facts.addLayout(self._consent_row, 3, 1, 1, 3)
        facts.addWidget(_caption(self.tr("Preferences")), 4, 0, Qt.AlignmentFlag.AlignTop)
        facts.addWidget(self.preferences, 4, 1, 1, 3)
        self.offers = _value_label("activeOffers")
        self.offers.setWordWrap(True)
        facts.addWidget(_caption(self.tr("Offers")), 5, 0, Qt.AlignmentFlag.AlignTop)
        facts.addWidget(self.offers, 5, 1, 1, 3)
        facts.setColumnStretch(3, 1)
        return facts

    # ---- collapsing ------------------------------------------------------------------------------

    @property
    def collapsed(self) -> bool:
        return self._collapsed

    def set_collapsed(self, collapsed: bool, *, by_user: bool = False) -> None:
        """Details hidden (True) or shown; ``by_user`` tells listeners to remember it."""
        if collapsed == self._collapsed:
            return
        self._collapsed = collapsed
        self.details.setVisible(not collapsed)
        self.summary.setVisible(collapsed)
        self._show_toggle()
        if by_user:
            self.collapsed_changed.emit(collapsed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Too narrow for the facts and the chart side by side: the chart goes (the facts matter
        # more; what it sums up is on the timeline and the Purchases tab). The room needed does
        # not depend on whether the chart shows, so this cannot flip back and forth.
        details = self.details.layout()
        assert details is not None
        needed = (
            self._facts.minimumSize().width()
            + details.spacing()
            + self.chart.minimumSizeHint().width()
        )
        wide = event.size().width() >= needed
        if self.chart.isHidden() == wide:
            self.chart.setVisible(wide)
        super().resizeEvent(event)

    def _show_toggle(self) -> None:
        if self._collapsed:
            words, name = self.tr("Show details"), "expand"
        else:
            words, name = self.tr("Hide details"), "collapse"
        self.toggle.setIcon(icons.icon(name, self.palette()))
        self.toggle.setToolTip(words + self._toggle_keys)
        self.toggle.setAccessibleName(words)

    _toggle_keys = ""

    def set_toggle_keys(self, keys: str) -> None:
        """The window's shortcut for the toggle, for its tooltip."""
        self._toggle_keys = f" ({keys})" if keys else ""
        self._show_toggle()

    def add_actions(self, actions: Sequence[QAction]) -> None:
        """The window's commands for this customer, as the header's action strip."""
        for action in actions:
            self.actions.add_action(action)

    def _summary_text(self, header: CustomerHeader) -> str:
        parts = []
        if header.lifetime_value:
            value = fmt.money(header.lifetime_value, header.currency)
            parts.append(self.tr("{value} lifetime").format(value=value))
        for status, names in _channels_by_status(header):
            parts.append(f"{_STATUS_MARKS[status]} {', '.join(names)}")
        return "  ·  ".join(parts)

    def _summary_spoken(self, header: CustomerHeader) -> str:
        """The collapsed summary for a screen reader: consent in words, not marks."""
        parts = []
        if header.lifetime_value:
            value = fmt.money(header.lifetime_value, header.currency)
            parts.append(self.tr("{value} lifetime").format(value=value))
        parts += [
            self.tr("{status}: {channels}").format(
                status=_STATUS_WORDS[status], channels=", ".join(names)
            )
            for status, names in _channels_by_status(header)
        ]
        return "; ".join(parts)

    def set_header(self, header: CustomerHeader, now: datetime) -> None:
        self._header = header
        self._now = now
        self.name.setText(header.name or self.tr("Unnamed customer"))
        tier = wording.tier_name(header.tier) if header.tier else ""
        self.tier.setVisible(bool(tier))
        self._paint_tier()
        self.tier.setToolTip(self.tr("{tier} tier").format(tier=tier) if tier else "")

        ltv = fmt.money(header.lifetime_value, header.currency) if header.lifetime_value else "—"
        self.lifetime_value.setText(ltv)
        store = header.home_store_name or "—"
        if header.home_store_city and header.home_store_city not in store:
            store += f", {header.home_store_city}"
        self.home_store.setText(store)
        last = parse_timestamp(header.last_contact_at)
        self.last_contact.setText(fmt.relative_text(last, now) if last else self.tr("Never"))
        created = parse_timestamp(header.created_at)
        self.customer_since.setText(
            fmt.date_text(created.astimezone(now.tzinfo)) if created else "—"
        )

        shown = [i for i in header.identifiers if i.kind in _IDENTITY_NAMES]
        self.identifiers.setText(
            "     ".join(
                f"{i.display}" + ("" if i.primary or not i.label else f" ({i.label})")
                for i in shown
            )
            or "—"
        )
        self.identifiers.setToolTip(
            "\n".join(
                self.tr("{kind}: {value}").format(kind=_IDENTITY_NAMES[i.kind], value=i.display)
                + (f" — {i.label}" if i.label else "")
                + (self.tr(" (primary)") if i.primary else "")
                for i in shown
            )
        )
        self._set_consent(header)
        self.summary.set_full_text(self._summary_text(header))
        self.summary.setAccessibleName(self._summary_spoken(header))
        prefs = _preferences_text(header.preferences)
        self.preferences.setText(prefs or self.tr("None recorded"))
        self.preferences.setForegroundRole(
            QPalette.ColorRole.WindowText if prefs else QPalette.ColorRole.PlaceholderText
        )
        self.chart.set_activity(header.activity, header.currency)

    def set_offers(self, active: Sequence[OfferView], now: datetime) -> None:
        """The offers the customer can still use: any channel must honour them."""
        parts = []
        for offer in active:
            text = offer.code
            expires = parse_timestamp(offer.expires_at)
            if expires:
                text = self.tr("{code} (until {date})").format(
                    code=offer.code, date=fmt.date_text(expires.astimezone(now.tzinfo))
                )
            parts.append(text)
        self.offers.setText("  ·  ".join(parts) or self.tr("None active"))
        self.offers.setToolTip("\n".join(f"{o.code}: {o.description}" for o in active))
        font = self.offers.font()
        font.setWeight(QFont.Weight.DemiBold if parts else QFont.Weight.Normal)
        self.offers.setFont(font)
        self.offers.setForegroundRole(
            QPalette.ColorRole.WindowText if parts else QPalette.ColorRole.PlaceholderText
        )

    def _paint_tier(self) -> None:
        header = self._header
        if header is None or not header.tier:
            return
        self.tier.set_look(
            wording.tier_name(header.tier), tier_color(header.tier, self.palette()), filled=True
        )
        self.tier.setAccessibleName(self.tr("{tier} tier").format(tier=header.tier.capitalize()))

    def _set_consent(self, header: CustomerHeader) -> None:
        header_now = self._now or datetime.now().astimezone()
        # Chips are reused from one customer to the next: almost every customer has the same
        # channels, so opening one changes their looks and leaves the row's layout alone. Chips
        # made and dropped on every open piled up until the event loop deleted them, each still
        # painted (bench/search_open.py: about 1,000 chip paints per open after 200 opens).
        pool = self._chip_pool
        relayout = len(pool) != len(header.consent)
        for i, c in enumerate(header.consent):
            if i == len(pool):
                pool.append(Chip())
            pool[i].setObjectName(f"consent-{c.channel}")
            self._look_consent(pool[i], c)
            pool[i].setToolTip(_consent_tooltip(c, header_now))
        if relayout:
            while self._consent_row.count():
                self._consent_row.takeAt(0)
            for chip in pool[len(header.consent) :]:
                # Hidden at once: deleteLater waits for the event loop, and until then a chip
                # left with its parent would still be painted over the row.
                chip.hide()
                chip.deleteLater()
            del pool[len(header.consent) :]
            for chip in pool:
                self._consent_row.addWidget(chip)
            self._consent_row.addStretch(1)
        self.consent_chips = {c.channel: pool[i] for i, c in enumerate(header.consent)}

    def _look_consent(self, chip: Chip, c: Consent) -> None:
        name = _CONSENT_NAMES.get(c.channel, c.channel.capitalize())
        text = f"{_STATUS_MARKS.get(c.status, '?')} {name}"
        if c.status == "granted":
            chip.set_look(text, self.palette().color(QPalette.ColorRole.Highlight), filled=True)
        else:
            chip.set_look(text, None, filled=False, dashed=c.status != "denied")
        chip.setAccessibleName(_consent_spoken(c))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._show_toggle()
        if event.type() == QEvent.Type.PaletteChange and self._header is not None:
            self._paint_tier()
            for c in self._header.consent:
                chip = self.consent_chips.get(c.channel)
                if chip is not None:
                    self._look_consent(chip, c)
        super().changeEvent(event)
