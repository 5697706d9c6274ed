"""New customer (Ctrl+N, or from the unknown-caller panel with the number filled in): name, phone,
email and the consent the caller gives on the spot. Saved to this computer at once and sent to the
hub behind it; a caller the hub already knows is merged into their existing profile there.

A phone number or email address that a customer on this computer already has is flagged as it is
filled in or typed, with that customer's name and a button to open them instead."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rapport.cache.new_customer import Holder, NewCustomer, create_customer, existing_holders
from rapport.cache.writes import LocalWrites, WriteError
from rapport.domain.phones import format_phone, normalize_phone
from rapport.ui.common.field_error import FieldError, FieldErrors
from rapport.ui.common.format import scaled_font
from rapport.ui.common.forms import add_field_row, quiet
from rapport.ui.common.messages import error_text
from rapport.ui.common.theme import caution

NEW_CUSTOMER_SHORTCUT = "Ctrl+N"
CONSENT_OFFERED = (
    ("email", QT_TRANSLATE_NOOP("NewCustomerDialog", "&Email")),
    ("sms", QT_TRANSLATE_NOOP("NewCustomerDialog", "S&MS")),
    ("phone", QT_TRANSLATE_NOOP("NewCustomerDialog", "P&hone calls")),
)


class NewCustomerDialog(QDialog):
    created = Signal(str)  # the new customer's id
    open_instead = Signal(str)  # the agent chose an existing customer with this phone or email

    def __init__(
        self,
        writes: LocalWrites,
        region: str,
        *,
        phone: str = "",
        name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newCustomer")
        self.setWindowTitle(self.tr("New customer"))
        self._writes = writes
        self._region = region
        self.customer_id: str | None = None

        title = QLabel(self.tr("New customer"), self)
        title.setFont(scaled_font(title.font(), 1.3))
        self._make_fields(phone, name)
        consent_row = self._make_consent()
        self.errors = {
            key: FieldError(f"new{key.title().replace('_', '')}Error", self)
            for key in ("given_name", "family_name", "phone", "email", "consent")
        }
        self.general_error = FieldError("newCustomerError", self)
        widgets: dict[str, QWidget] = {
            "given_name": self.given,
            "family_name": self.family,
            "phone": self.phone,
            "email": self.email,
            "consent": self.consent["email"],
        }
        self._errors = FieldErrors(self.errors, self.general_error, widgets)
        form = self._make_form(consent_row)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("&Create customer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("newCustomerSave")
        self.save_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        # Someone here already has this phone or email: say who, offer to open them instead.
        self.duplicate = QLabel(self)
        self.duplicate.setObjectName("newCustomerDuplicate")
        self.duplicate.setWordWrap(True)
        self.duplicate.setAccessibleName(self.tr("Already a customer"))
        self.duplicate.hide()
        self._recolor()
        self._holder_buttons: list[QPushButton] = []
        self._holders: list[Holder] = []
        self._holders_row = QHBoxLayout()
        self._holders_row.addStretch(1)

        note = quiet(
            self.tr(
                "Saved on this computer now and sent to the hub when it can be reached. If the "
                "hub already knows this phone or email, the two profiles become one."
            ),
            self,
            name="newCustomerNote",
        )
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.duplicate)
        layout.addLayout(self._holders_row)
        layout.addWidget(note)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 84)
        self._connect()
        self._check_duplicates()  # a number filled in by the screen pop or the search box

    def _make_fields(self, phone: str, name: str) -> None:
        """Name, phone and email, filled in with what the caller or the search box gave."""
        self.given = QLineEdit(self)
        self.given.setObjectName("newGiven")
        self.family = QLineEdit(self)
        self.family.setObjectName("newFamily")
        self.phone = QLineEdit(self)
        self.phone.setObjectName("newPhone")
        self.phone.setPlaceholderText(self.tr("As dialled, or +country code"))
        self.email = QLineEdit(self)
        self.email.setObjectName("newEmail")
        self.email.setPlaceholderText(self.tr("name@example.com"))
        for box, limit in ((self.given, 200), (self.family, 200), (self.phone, 64),
                           (self.email, 320)):  # fmt: skip
            box.setMaxLength(limit)
        e164 = normalize_phone(phone, self._region) if phone else None
        self.phone.setText(format_phone(e164, self._region) if e164 else phone)
        given, _, family = name.strip().partition(" ")
        self.given.setText(given)
        self.family.setText(family)

    def _make_consent(self) -> QHBoxLayout:
        """The channels the caller agrees to, on this call."""
        self.consent = {
            channel: QCheckBox(self.tr(label), self) for channel, label in CONSENT_OFFERED
        }
        consent_row = QHBoxLayout()
        for channel, box in self.consent.items():
            box.setObjectName(f"newConsent-{channel}")
            box.setToolTip(self.tr("The customer agreed on this call to hear from us this way"))
            consent_row.addWidget(box)
        consent_row.addStretch(1)
        return consent_row

    def _make_form(self, consent_row: QHBoxLayout) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        e = self.errors
        add_field_row(form, self.tr("&First name"), self.given, e["given_name"])
        add_field_row(form, self.tr("&Last name"), self.family, e["family_name"])
        add_field_row(form, self.tr("&Phone"), self.phone, e["phone"])
        add_field_row(form, self.tr("E&mail address"), self.email, e["email"])
        consent_column = QVBoxLayout()
        consent_column.addLayout(consent_row)
        consent_column.addWidget(e["consent"])
        form.addRow(self.tr("Consent"), consent_column)
        consent_label = form.labelForField(consent_column)
        if isinstance(consent_label, QLabel):
            consent_label.setToolTip(
                self.tr("The channels the customer agreed, on this call, to hear from us on")
            )
        return form

    def _connect(self) -> None:
        for key, box in (
            ("given_name", self.given),
            ("family_name", self.family),
            ("phone", self.phone),
            ("email", self.email),
        ):
            box.textChanged.connect(lambda _t, k=key: self.errors[k].show_error(""))
        for box in self.consent.values():
            box.toggled.connect(lambda _on: self.errors["consent"].show_error(""))
        for box in (self.phone, self.email):
            box.textChanged.connect(lambda _t: self._check_duplicates())

    # -- already a customer ----------------------------------------------------------------------
    def _recolor(self) -> None:
        pal = self.duplicate.palette()
        pal.setColor(QPalette.ColorRole.WindowText, caution(pal))
        self.duplicate.setPalette(pal)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._recolor()  # dark mode: the caution colour against the new palette
        super().changeEvent(event)

    def _check_duplicates(self) -> None:
        holders = existing_holders(
            self._writes.conn, self.phone.text(), self.email.text(), self._region
        )
        sentences = []
        for kind in ("phone", "email"):
            names = list(dict.fromkeys(h.name for h in holders if h.kind == kind))
            if not names:
                continue
            who = self.tr(" and ").join(names)
            sentences.append(
                self.tr("This phone number belongs to {who}.").format(who=who)
                if kind == "phone"
                else self.tr("This email address belongs to {who}.").format(who=who)
            )
        self.duplicate.setText(" ".join(sentences))
        self.duplicate.setVisible(bool(sentences))
        self._show_holder_buttons(list({h.customer_id: h for h in holders}.values())[:2])

    def _show_holder_buttons(self, holders: list[Holder]) -> None:
        if holders == self._holders:
            return  # as the agent types on, the same people: keep the buttons (and the focus)
        self._holders = holders
        for button in self._holder_buttons:
            self._holders_row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self._holder_buttons = []
        for holder in holders:
            button = QPushButton(
                self.tr("Open {name} instead").format(name=holder.name.replace("&", "&&")), self
            )
            button.setObjectName("newCustomerOpenExisting")
            button.setAccessibleName(self.tr("Open {name} instead").format(name=holder.name))
            button.setToolTip(
                self.tr("Close this form and open {name}'s profile").format(name=holder.name)
            )
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, cid=holder.customer_id: self._open(cid))
            self._holders_row.insertWidget(self._holders_row.count() - 1, button)
            button.show()
            self._holder_buttons.append(button)

    def _open(self, customer_id: str) -> None:
        self.open_instead.emit(customer_id)
        self.reject()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The name is what is missing when a number is known, and the other way round.
        first = self.given if not self.given.text() else self.phone
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def draft(self) -> NewCustomer:
        return NewCustomer(
            given_name=self.given.text(),
            family_name=self.family.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            consent={c: box.isChecked() for c, box in self.consent.items()},
        )

    def submit(self) -> None:
        self._errors.clear()
        try:
            self.customer_id = create_customer(self._writes, self.draft(), self._region)
        except WriteError as exc:
            self._errors.show(exc.field, error_text(exc))
            return
        except sqlite3.Error as exc:
            self.general_error.show_error(
                self.tr(
                    "Could not save on this computer ({reason}). Nothing you typed is lost: try "
                    "again."
                ).format(reason=exc)
            )
            return
        self.created.emit(self.customer_id)
        self.accept()

    def error_text(self, field: str) -> str:
        return self._errors.text(field)
