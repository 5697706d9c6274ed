"""Consent and preferences for the open customer (Ctrl+Shift+C, or a click on a consent chip).

Per channel: opted in or out, and where the customer said so (required for every change, DESIGN.md
story 8). Saving writes each change through :class:`LocalWrites` (cache and outbox in one
transaction), so an opt-out holds on this computer at once and reaches the hub when it can. Sizes,
colours and brands are edited as short text. A problem is shown next to its field and the dialog
stays open with everything typed."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from rapport.cache.queries import Consent, customer_header
from rapport.cache.writes import LocalWrites, WriteError
from rapport.domain.timestamps import parse_timestamp
from rapport.ui.common import format as fmt
from rapport.ui.common.field_error import FieldError
from rapport.ui.common.forms import add_field_row, heading, quiet
from rapport.ui.common.i18n import TranslatedNames
from rapport.ui.common.messages import error_text

CONSENT_SHORTCUT = "Ctrl+Shift+C"
_CTX = "ConsentPreferencesDialog"
CHANNEL_NAMES = TranslatedNames(
    _CTX,
    {
        "email": QT_TRANSLATE_NOOP("ConsentPreferencesDialog", "Email"),
        "sms": QT_TRANSLATE_NOOP("ConsentPreferencesDialog", "SMS"),
        "phone": QT_TRANSLATE_NOOP("ConsentPreferencesDialog", "Phone"),
        "push": QT_TRANSLATE_NOOP("ConsentPreferencesDialog", "Push"),
        "mail": QT_TRANSLATE_NOOP("ConsentPreferencesDialog", "Mail"),
    },
)
# Offered in the source box (which takes any text): saved as shown, in the agent's language.
SOURCES = (
    QT_TRANSLATE_NOOP("ConsentPreferencesDialog", "Told the agent on the phone"),
    QT_TRANSLATE_NOOP("ConsentPreferencesDialog", "In-store form"),
    QT_TRANSLATE_NOOP("ConsentPreferencesDialog", "Told the associate in store"),
    QT_TRANSLATE_NOOP("ConsentPreferencesDialog", "Email reply"),
    QT_TRANSLATE_NOOP("ConsentPreferencesDialog", "Website preference centre"),
)
_STATUS_ITEMS = (
    (QT_TRANSLATE_NOOP("ConsentPreferencesDialog", "Opted in"), "granted"),
    (QT_TRANSLATE_NOOP("ConsentPreferencesDialog", "Opted out"), "denied"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _sizes_text(sizes: Any) -> str:
    if not isinstance(sizes, dict):
        return ""
    return ", ".join(f"{k} {v}" for k, v in sizes.items())


def _list_text(values: Any) -> str:
    return ", ".join(str(v) for v in values) if isinstance(values, list) else ""


def parse_sizes(text: str) -> dict[str, str]:
    """``shoes 43, gloves L`` → ``{"shoes": "43", "gloves": "L"}``; ValueError names the bad part."""
    sizes: dict[str, str] = {}
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        what, _, size = part.replace(":", " ").rpartition(" ")
        if not what.strip() or not size.strip():
            raise ValueError(
                QCoreApplication.translate(
                    "ConsentPreferencesDialog", "“{part}”: write what and the size, e.g. shoes 43."
                ).format(part=part)
            )
        sizes[what.strip().lower()] = size.strip()
    return sizes


def _parse_list(text: str) -> list[str]:
    return list(dict.fromkeys(p.strip() for p in text.split(",") if p.strip()))


class _ChannelRow:
    def __init__(self, consent: Consent, now: datetime, parent: QWidget) -> None:
        self.channel = consent.channel
        self.initial = consent.status
        name = CHANNEL_NAMES.get(consent.channel, consent.channel.capitalize())
        self.label = QLabel(name, parent)
        self.status = QComboBox(parent)
        self.status.setObjectName(f"consentStatus-{consent.channel}")
        self.status.setAccessibleName(
            QCoreApplication.translate("ConsentPreferencesDialog", "{channel} consent").format(
                channel=name
            )
        )
        if consent.status not in ("granted", "denied"):
            self.status.addItem(
                QCoreApplication.translate("ConsentPreferencesDialog", "Not asked"), None
            )
        for text, value in _STATUS_ITEMS:
            self.status.addItem(_tr(text), value)
        self.status.setCurrentIndex(max(0, self.status.findData(consent.status)))
        self.source = QComboBox(parent)
        self.source.setObjectName(f"consentSource-{consent.channel}")
        self.source.setEditable(True)
        self.source.addItems([_tr(text) for text in SOURCES])
        self.source.setCurrentIndex(-1)
        self.source.lineEdit().setPlaceholderText(
            QCoreApplication.translate("ConsentPreferencesDialog", "Where did they say so?")
        )
        self.source.setAccessibleName(
            QCoreApplication.translate(
                "ConsentPreferencesDialog", "{channel} consent source"
            ).format(channel=name)
        )
        # The field typed into is the combo's own line edit, a control of its own to a screen reader.
        self.source.lineEdit().setAccessibleName(self.source.accessibleName())
        self.source.setEnabled(False)
        self.status.currentIndexChanged.connect(self._changed)
        self.label.setBuddy(self.status)
        at = parse_timestamp(consent.effective_at)
        since = (
            QCoreApplication.translate("ConsentPreferencesDialog", "since {date}").format(
                date=fmt.date_text(at.astimezone(now.tzinfo))
            )
            if at
            else None
        )
        facts = [x for x in (consent.source, since) if x]
        self.current = QLabel(
            ", ".join(facts)
            or QCoreApplication.translate("ConsentPreferencesDialog", "never recorded"),
            parent,
        )
        self.current.setObjectName(f"consentNow-{consent.channel}")
        self.current.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.error = FieldError(f"consentError-{consent.channel}", parent)

    def value(self) -> str | None:
        return self.status.currentData()

    @property
    def changed(self) -> bool:
        return self.value() is not None and self.value() != self.initial

    def _changed(self) -> None:
        self.source.setEnabled(self.changed)
        if self.changed and not self.source.currentText().strip():
            self.source.setFocus()
        self.error.show_error("")


class ConsentPreferencesDialog(QDialog):
    saved = Signal(str)  # customer id, after at least one write was queued

    def __init__(
        self,
        reader: sqlite3.Connection,
        writes: LocalWrites,
        customer_id: str,
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        header = customer_header(reader, customer_id, now=now, months=1)
        if header is None:
            raise LookupError(customer_id)
        self.customer_id = customer_id
        self._writes = writes
        self._prefs = dict(header.preferences)
        self.setObjectName("consentDialog")
        self.setWindowTitle(self.tr("Consent and preferences — {name}").format(name=header.name))
        lh = self.fontMetrics().height()
        consent_box = self._make_consent_box(header.consent, now)
        prefs_box = self._make_prefs_box()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(lh * 3 // 4)
        layout.addWidget(heading(header.name, self))
        layout.addWidget(consent_box)
        layout.addWidget(prefs_box)
        layout.addWidget(self.buttons)
        first = next(iter(self.rows.values()), None)
        if first is not None:
            first.status.setFocus()

    def _make_consent_box(self, consent: Sequence[Consent], now: datetime) -> QGroupBox:
        """A row per channel: its label, the status to set, where the customer said so, and what
        is on record."""
        lh = self.fontMetrics().height()
        consent_box = QGroupBox(self.tr("Consent by channel"), self)
        grid = QGridLayout(consent_box)
        grid.setHorizontalSpacing(lh)
        grid.setVerticalSpacing(lh // 4)
        captions = ("", self.tr("Status"), self.tr("Source of this change"), self.tr("On record"))
        for col, text in enumerate(captions):
            caption = QLabel(text, consent_box)
            caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            grid.addWidget(caption, 0, col)
        self.rows: dict[str, _ChannelRow] = {}
        for i, c in enumerate(consent):
            row = _ChannelRow(c, now, consent_box)
            r = 1 + 2 * i
            grid.addWidget(row.label, r, 0)
            grid.addWidget(row.status, r, 1)
            grid.addWidget(row.source, r, 2)
            grid.addWidget(row.current, r, 3)
            grid.addWidget(row.error, r + 1, 1, 1, 3)
            self.rows[c.channel] = row
        grid.setColumnStretch(2, 1)
        grid.setColumnMinimumWidth(2, self.fontMetrics().averageCharWidth() * 30)
        note = quiet(
            self.tr("An opt-out holds at once on this computer and on every channel once synced."),
            consent_box,
        )
        grid.addWidget(note, 1 + 2 * len(self.rows), 0, 1, 4)
        return consent_box

    def _make_prefs_box(self) -> QGroupBox:
        """Sizes, colours and brands the customer likes."""
        prefs_box = QGroupBox(self.tr("Preferences"), self)
        form = QFormLayout(prefs_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.sizes = QLineEdit(_sizes_text(self._prefs.get("sizes")), prefs_box)
        self.sizes.setObjectName("prefSizes")
        self.sizes.setPlaceholderText(self.tr("shoes 43, gloves L, ring 52"))
        self.colors = QLineEdit(_list_text(self._prefs.get("colors")), prefs_box)
        self.colors.setObjectName("prefColors")
        self.colors.setPlaceholderText(self.tr("black, navy"))
        self.brands = QLineEdit(_list_text(self._prefs.get("brands")), prefs_box)
        self.brands.setObjectName("prefBrands")
        self.brands.setPlaceholderText(self.tr("Nike, Molten"))
        self.sizes_error = FieldError("prefSizesError", prefs_box)
        self.prefs_error = FieldError("prefError", prefs_box)
        add_field_row(form, self.tr("Si&zes"), self.sizes, self.sizes_error)
        add_field_row(form, self.tr("Co&lours"), self.colors)
        add_field_row(form, self.tr("&Brands"), self.brands)
        form.addRow("", self.prefs_error)
        self.sizes.textEdited.connect(lambda _t: self.sizes_error.show_error(""))
        return prefs_box

    def _new_preferences(self) -> dict[str, Any] | None:
        """The edited preferences, or None when unchanged; ValueError on a bad sizes entry."""
        prefs = dict(self._prefs)
        for key, value in (
            ("sizes", parse_sizes(self.sizes.text())),
            ("colors", _parse_list(self.colors.text())),
            ("brands", _parse_list(self.brands.text())),
        ):
            if value:
                prefs[key] = value
            else:
                prefs.pop(key, None)
        return None if prefs == self._prefs else prefs

    def save(self) -> None:
        # Check everything first, so nothing is half written because of a later field.
        problems = False
        for row in self.rows.values():
            if row.changed and not row.source.currentText().strip():
                row.error.show_error(self.tr("Say where the customer gave this answer."))
                problems = True
        try:
            prefs = self._new_preferences()
        except ValueError as exc:
            self.sizes_error.show_error(str(exc))
            prefs, problems = None, True
        if problems:
            return
        wrote = False
        for row in self.rows.values():
            if not row.changed:
                continue
            try:
                self._writes.set_consent(
                    self.customer_id, row.channel, row.value() or "", row.source.currentText()
                )
            except WriteError as exc:
                row.error.show_error(error_text(exc))
                return
            row.initial = row.value() or row.initial
            row.source.setEnabled(False)
            wrote = True
        if prefs is not None:
            try:
                self._writes.update_customer(self.customer_id, {"preferences": prefs})
            except WriteError as exc:
                self.prefs_error.show_error(error_text(exc))
                if wrote:
                    self.saved.emit(self.customer_id)
                return
            self._prefs = prefs
            wrote = True
        if wrote:
            self.saved.emit(self.customer_id)
        self.accept()
