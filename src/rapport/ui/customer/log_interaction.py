"""Log an interaction (Ctrl+L on an open customer): channel, direction, kind, wrap-up code and a
note. It is written to this computer's cache and outbox at once (it shows on the timeline, marked
pending) and reaches the hub as soon as it can. A refused field is named next to that field and
nothing typed is lost; Ctrl+Enter saves from the note."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from rapport.cache.hub_settings import WrapUpCode, wrapup_codes
from rapport.cache.tasks import create_follow_up
from rapport.cache.writes import LocalWrites, WriteError
from rapport.protocol import CHANNELS
from rapport.ui.common import format as fmt
from rapport.ui.common.field_error import FieldError, FieldErrors
from rapport.ui.common.forms import add_field_row, customer_title, quiet, submit_buttons
from rapport.ui.common.icons import channel_icon
from rapport.ui.common.messages import error_text
from rapport.ui.common.wrapup import (
    CHANNEL_NAMES,
    DIRECTIONS,
    KINDS,
    code_label,
    default_kind,
)


@dataclass(frozen=True, slots=True)
class InteractionDraft:
    """What was typed, kept when the dialog is cancelled so the next Ctrl+L brings it back."""

    channel: str = "phone"
    direction: str = "inbound"
    kind: str = "call"
    disposition: str | None = None
    note: str = ""
    kind_chosen: bool = False  # the agent picked the kind: a channel change no longer resets it
    duration_s: int | None = None  # a call's length, from the call strip's timer (wrap-up)

    @property
    def is_empty(self) -> bool:
        return not self.note.strip() and self.disposition is None


class LogInteractionDialog(QDialog):
    logged = Signal(str, str, str)  # customer id, interaction id, channel

    def __init__(
        self,
        writes: LocalWrites,
        customer_id: str,
        customer_name: str,
        draft: InteractionDraft | None = None,
        parent: QWidget | None = None,
        codes: Sequence[WrapUpCode] | None = None,
        channels: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("logInteraction")
        # The hub's wrap-up codes as last synced (built-in ones before the first sync).
        self._codes = list(codes) if codes is not None else wrapup_codes(writes.conn)
        self.setWindowTitle(self.tr("Log an interaction — {name}").format(name=customer_name))
        self._writes = writes
        self.customer_id = customer_id
        self.customer_name = customer_name
        draft = draft or InteractionDraft()
        self._kind_chosen = draft.kind_chosen
        lh = self.fontMetrics().height()

        self._make_fields(channels)
        self._make_follow_up()
        self.general_error = FieldError("logError", self)
        self._form = self._make_form()
        self.hint = quiet(
            self.tr(
                "Saved on this computer at once and sent to the hub when it can be reached. "
                "Ctrl+Enter saves from the note."
            ),
            self,
            name="logHint",
        )
        self.hint.setFont(fmt.scaled_font(self.hint.font(), 0.9))
        self.buttons = submit_buttons(self, self.tr("&Log interaction"), "logSubmit", self.submit)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.setSpacing(lh // 2)
        layout.addLayout(
            customer_title(self.tr("Log an interaction with"), customer_name, "logCustomer", self)
        )
        layout.addSpacing(lh // 3)
        layout.addLayout(self._form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)
        order = (
            self.channel, self.direction, self.kind, self.disposition, self.duration, self.note,
            self.follow_up, self.follow_up_title, self.follow_up_due, self.ok_button,
        )  # fmt: skip
        for a, b in pairwise(order):
            QWidget.setTabOrder(a, b)

        self._errors = FieldErrors(
            self.errors,
            self.general_error,
            {
                "channel": self.channel,
                "direction": self.direction,
                "kind": self.kind,
                "disposition": self.disposition,
                "summary": self.note,
                "follow_up": self.follow_up_title,
            },
        )
        self._has_duration = False
        self._apply_draft(draft)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.kind.activated.connect(self._kind_picked)
        self.note.textChanged.connect(lambda: self._clear_error("summary"))
        self.channel.currentIndexChanged.connect(lambda _i: self._clear_error("channel"))
        self.direction.currentIndexChanged.connect(lambda _i: self._clear_error("direction"))
        self.kind.currentIndexChanged.connect(lambda _i: self._clear_error("kind"))
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- building ----------------------------------------------------------------------------

    def _make_fields(self, channels: Sequence[str]) -> None:
        """Channel (those IT allows; empty: all), direction, type, wrap-up code, the call's length
        and the note, each with the place its refusal is said."""
        fm = self.fontMetrics()
        icon_color = self.palette().color(QPalette.ColorRole.ButtonText)
        self.channel = QComboBox(self)
        self.channel.setObjectName("logChannel")
        for code in [c for c in CHANNELS if not channels or c in channels]:
            self.channel.addItem(
                channel_icon(code, icon_color), CHANNEL_NAMES.get(code, code.capitalize()), code
            )
        self.direction = QComboBox(self)
        self.direction.setObjectName("logDirection")
        for code, text in DIRECTIONS.items():
            self.direction.addItem(text, code)
        self.kind = QComboBox(self)
        self.kind.setObjectName("logKind")
        for code, text in KINDS.items():
            self.kind.addItem(text, code)
        self.disposition = QComboBox(self)
        self.disposition.setObjectName("logDisposition")
        self._fill_codes(str(self.channel.currentData()))
        # A call's length, shown when the call strip's Wrap up opened the dialog (editable: the
        # agent may have started the strip late, or kept talking).
        self.duration = QTimeEdit(self)
        self.duration.setObjectName("logDuration")
        self.duration.setDisplayFormat("H:mm:ss")
        self.duration.setAccessibleName(self.tr("Call duration"))
        self.duration.setToolTip(self.tr("How long the call lasted, from the call strip"))
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("logNote")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(
            self.tr("What the customer wanted, what you did, what happens next.")
        )
        self.note.setMinimumHeight(fm.height() * 7)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.installEventFilter(self)
        for combo in (self.channel, self.direction, self.kind, self.disposition):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumWidth(fm.averageCharWidth() * 24)
        self.errors = {
            "channel": FieldError("channelError", self),
            "direction": FieldError("directionError", self),
            "kind": FieldError("kindError", self),
            "disposition": FieldError("dispositionError", self),
            "summary": FieldError("noteError", self),
            "follow_up": FieldError("followUpError", self),
        }

    def _make_follow_up(self) -> None:
        """An optional follow-up task, created with the interaction: what to do, and when."""
        self.follow_up = QCheckBox(self.tr("&Follow up"), self)
        self.follow_up.setObjectName("followUpCheck")
        self.follow_up_title = QLineEdit(self)
        self.follow_up_title.setObjectName("followUpTitle")
        # No label of their own beside them: the row's label is the Follow up check box.
        self.follow_up_title.setAccessibleName(self.tr("Follow-up: what to do"))
        self.follow_up_title.setPlaceholderText(
            self.tr("What to do, e.g. call back with the delivery date")
        )
        self.follow_up_due = QDateTimeEdit(self)
        self.follow_up_due.setObjectName("followUpDue")
        self.follow_up_due.setAccessibleName(self.tr("Follow-up: when it is due"))
        self.follow_up_due.setCalendarPopup(True)
        tomorrow = QDateTime.currentDateTime().addDays(1)
        tomorrow.setTime(QTime(10, 0))
        self.follow_up_due.setDateTime(tomorrow)
        for w in (self.follow_up_title, self.follow_up_due):
            w.setEnabled(False)
            self.follow_up.toggled.connect(w.setEnabled)

    def _make_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(self.fontMetrics().height() // 2)
        e = self.errors
        add_field_row(form, self.tr("&Channel"), self.channel, e["channel"])
        add_field_row(form, self.tr("D&irection"), self.direction, e["direction"])
        add_field_row(form, self.tr("&Type"), self.kind, e["kind"])
        add_field_row(form, self.tr("&Wrap-up"), self.disposition, e["disposition"])
        add_field_row(form, self.tr("D&uration"), self.duration)
        add_field_row(form, self.tr("&Note"), self.note, e["summary"])
        follow_row = QWidget(self)
        follow_col = QVBoxLayout(follow_row)
        follow_col.setContentsMargins(0, 0, 0, 0)
        follow_line = QHBoxLayout()
        follow_line.addWidget(self.follow_up_title, 1)
        follow_line.addWidget(self.follow_up_due)
        follow_col.addLayout(follow_line)
        follow_col.addWidget(e["follow_up"])
        form.addRow(self.follow_up, follow_row)
        return form

    # ---- draft -------------------------------------------------------------------------------

    def _select(self, combo: QComboBox, value: object) -> None:
        i = combo.findData(value)
        if i >= 0:
            combo.setCurrentIndex(i)

    def _apply_draft(self, draft: InteractionDraft) -> None:
        self._select(self.channel, draft.channel)
        self._select(self.direction, draft.direction)
        self._select(self.kind, draft.kind)
        self._fill_codes(str(self.channel.currentData()))
        self._select(self.disposition, draft.disposition)
        self.set_call_duration(draft.duration_s)
        self.note.setPlainText(draft.note)
        cursor = self.note.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.note.setTextCursor(cursor)

    def draft(self) -> InteractionDraft:
        return InteractionDraft(
            channel=str(self.channel.currentData()),
            direction=str(self.direction.currentData()),
            kind=str(self.kind.currentData()),
            disposition=self.disposition.currentData(),
            note=self.note.toPlainText(),
            kind_chosen=self._kind_chosen,
            duration_s=self.call_duration(),
        )

    def set_call_duration(self, seconds: int | None) -> None:
        """A wrapped-up call: its length (None hides the row: not every interaction is a call)."""
        self._form.setRowVisible(self.duration, seconds is not None)
        self._has_duration = seconds is not None
        if seconds is not None:
            self.duration.setTime(QTime(0, 0).addSecs(min(seconds, 23 * 3600 + 3599)))

    def call_duration(self) -> int | None:
        if not self._has_duration:
            return None
        return QTime(0, 0).secsTo(self.duration.time())

    def prefill_call(self, seconds: int) -> None:
        """The call strip's Wrap up: an inbound phone call of ``seconds``."""
        self._select(self.channel, "phone")
        self._select(self.direction, "inbound")
        if not self._kind_chosen:
            self._select(self.kind, "call")
        self.set_call_duration(seconds)

    def retarget(self, customer_id: str, customer_name: str) -> None:
        """The customer was merged into another: log against the surviving profile."""
        self.customer_id = customer_id
        self.customer_name = customer_name
        self.setWindowTitle(self.tr("Log an interaction — {name}").format(name=customer_name))
        heading = self.findChild(QLabel, "logCustomer")
        if heading is not None:
            heading.setText(customer_name)

    def _fill_codes(self, channel: str) -> None:
        """The codes offered on ``channel``; the one chosen stays chosen when it still applies."""
        chosen = self.disposition.currentData()
        self.disposition.clear()
        self.disposition.addItem(self.tr("No wrap-up code"), None)
        for code in self._codes:
            if code.offered_on(channel):
                self.disposition.addItem(code_label(code), code.code)
        self._select(self.disposition, chosen)

    def _channel_changed(self) -> None:
        self._fill_codes(str(self.channel.currentData()))
        if not self._kind_chosen:
            self._select(self.kind, default_kind(str(self.channel.currentData())))

    def _kind_picked(self) -> None:
        self._kind_chosen = True

    # ---- submit ------------------------------------------------------------------------------

    def submit(self) -> None:
        for error in (*self.errors.values(), self.general_error):
            error.show_error("")
        d = self.draft()
        channel = d.channel
        follow: tuple[str, datetime] | None = None
        if self.follow_up.isChecked():
            title = self.follow_up_title.text().strip()
            due = self.follow_up_due.dateTime().toPython().astimezone()
            if not title:
                self._show_error("follow_up", self.tr("Say what the follow-up is."))
                return
            if due <= datetime.now().astimezone():
                self._show_error("follow_up", self.tr("A follow-up is due in the future."))
                return
            follow = (title, due)
        try:
            interaction_id = self._writes.log_interaction(
                self.customer_id,
                channel=channel,
                summary=d.note,
                direction=d.direction,
                kind=d.kind,
                disposition=d.disposition,
                # The same key the contact-center import and the demo data use.
                payload={"duration_s": d.duration_s} if d.duration_s is not None else None,
            )
            if follow is not None:
                create_follow_up(self._writes, self.customer_id, follow[0], follow[1])
        except WriteError as exc:
            self._show_error(exc.field, error_text(exc))
            return
        except sqlite3.Error as exc:
            self._show_error(
                "",
                self.tr(
                    "Could not save on this computer ({reason}). Nothing you typed is lost: "
                    "try again."
                ).format(reason=exc),
            )
            return
        self.logged.emit(self.customer_id, interaction_id, channel)
        self.accept()

    def _show_error(self, field: str, message: str) -> None:
        self._errors.show(field, message)

    def _clear_error(self, field: str) -> None:
        self.errors[field].show_error("")

    def error_text(self, field: str) -> str:
        """The error shown for ``field`` (``""`` for the one under the form), or ``""``."""
        return self._errors.text(field)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Ctrl+Enter in the note saves (the note would otherwise take it as a line break).
        if watched is self.note and event.type() in (
            QEvent.Type.KeyPress,
            QEvent.Type.ShortcutOverride,
        ):
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                if event.type() == QEvent.Type.KeyPress:
                    self.submit()
                event.accept()
                return True
        return super().eventFilter(watched, event)
