"""Book an appointment (Ctrl+Shift+A on an open customer): what for, which store, when, how long,
with whom (me unless chosen) and a note. The chosen associate's free times on the chosen day are
listed (opening hours less their appointments on this computer): a click, a tap or the arrow keys
pick one. Saved on this computer at once (it shows in my tasks and on
the timeline) and sent to the hub when it can be reached. A refused field is named next to it."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta, tzinfo
from itertools import pairwise
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rapport.cache.basket import home_store
from rapport.cache.tasks import (
    APPOINTMENT_TYPES,
    book_appointment,
    busy_times,
    staff_at,
    store_zone,
    stores,
)
from rapport.cache.writes import LocalWrites, WriteError
from rapport.domain.slots import DEFAULT_HOURS, free_slots
from rapport.ui.common import format as fmt
from rapport.ui.common import wording
from rapport.ui.common.field_error import FieldError
from rapport.ui.common.forms import add_field_row, customer_title, quiet, submit_buttons
from rapport.ui.common.messages import error_text
from rapport.ui.followups.slots import SlotRole, SlotsModel, slots_view

APPOINTMENT_SHORTCUT = "Ctrl+Shift+A"
DEFAULT_DURATION = 30
DEFAULT_HOUR = 10


def default_start(now: datetime) -> datetime:
    """Tomorrow at 10:00 in ``now``'s time zone."""
    day = (now + timedelta(days=1)).date()
    return datetime.combine(day, datetime.min.time(), now.tzinfo).replace(hour=DEFAULT_HOUR)


class BookAppointmentDialog(QDialog):
    booked = Signal(str, str)  # customer id, task id

    def __init__(
        self,
        reader: sqlite3.Connection,
        writes: LocalWrites,
        customer_id: str,
        customer_name: str,
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bookAppointment")
        self.setWindowTitle(self.tr("Book an appointment — {name}").format(name=customer_name))
        self._reader = reader
        self._writes = writes
        self._now = now
        self.customer_id = customer_id
        lh = self.fontMetrics().height()

        self._make_fields(reader, writes, customer_id, now)
        self.errors = {
            key: FieldError(f"{key}Error", self)
            for key in ("appointment_type", "store_id", "due_at", "duration_min", "title")
        }
        self.general_error = FieldError("appointmentError", self)
        form = self._make_form()
        self.buttons = submit_buttons(self, self.tr("&Book"), "appointmentSubmit", self.submit)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.setSpacing(lh // 2)
        layout.addLayout(customer_title("", customer_name, "appointmentCustomer", self))
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        order = (
            self.kind, self.store, self.when, self.duration, self.associate, self.slots_view,
            self.note, self.ok_button,
        )  # fmt: skip
        for a, b in pairwise(order):
            QWidget.setTabOrder(a, b)
        self._connect()
        self._fill_slots(prefer_first_free=True)
        self.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    def _make_fields(
        self, reader: sqlite3.Connection, writes: LocalWrites, customer_id: str, now: datetime
    ) -> None:
        """What for, where (the associate's store, else the customer's), when (tomorrow at ten),
        how long, with whom, the free times, a note."""
        self.kind = QComboBox(self)
        self.kind.setObjectName("appointmentType")
        for code in APPOINTMENT_TYPES:
            name = wording.appointment_type_name(code)
            self.kind.addItem(name[:1].upper() + name[1:], code)
        self.store = QComboBox(self)
        self.store.setObjectName("appointmentStore")
        for s in stores(reader):
            self.store.addItem(f"{s.name} ({s.city})" if s.city else s.name, s.id)
        home = writes.store_id or home_store(reader, customer_id)
        if home and self.store.findData(home) >= 0:
            self.store.setCurrentIndex(self.store.findData(home))
        self.when = QDateTimeEdit(self)
        self.when.setObjectName("appointmentWhen")
        self.when.setCalendarPopup(True)
        # The locale's short date and time, as everywhere else.
        locale = fmt.locale()
        self.when.setDisplayFormat(
            f"{locale.dateFormat(QLocale.FormatType.ShortFormat)}"
            f" {locale.timeFormat(QLocale.FormatType.ShortFormat)}"
        )
        start = default_start(now)
        self.when.setDateTime(
            QDateTime(QDate(start.year, start.month, start.day), QTime(start.hour, start.minute))
        )
        self.duration = QSpinBox(self)
        self.duration.setObjectName("appointmentDuration")
        self.duration.setRange(5, 12 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setValue(DEFAULT_DURATION)
        self.associate = QComboBox(self)
        self.associate.setObjectName("appointmentAssociate")
        self._fill_associates()
        self.slots = SlotsModel(now.tzinfo, self)
        self.slots_view = slots_view(self.slots, self)
        self.slots_view.setObjectName("appointmentSlots")
        self.slots_view.setAccessibleName(self.tr("Free times"))
        self.slots_view.setAccessibleDescription(
            self.tr("The associate's free times on the chosen day; arrow keys move between them")
        )
        self.slots_note = quiet(parent=self, name="appointmentSlotsNote")
        self.note = QLineEdit(self)
        self.note.setObjectName("appointmentNote")
        self.note.setPlaceholderText(self.tr("What to prepare: sizes, pieces to set aside…"))
        for w in (self.kind, self.store, self.associate):
            w.setMinimumWidth(self.fontMetrics().averageCharWidth() * 30)

    def _make_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(self.fontMetrics().height() // 2)
        e = self.errors
        add_field_row(form, self.tr("&Type"), self.kind, e["appointment_type"])
        add_field_row(form, self.tr("&Store"), self.store, e["store_id"])
        add_field_row(form, self.tr("&When"), self.when, e["due_at"])
        add_field_row(form, self.tr("&Duration"), self.duration, e["duration_min"])
        add_field_row(form, self.tr("&Associate"), self.associate)
        add_field_row(form, self.tr("F&ree times"), self.slots_view, self.slots_note)
        add_field_row(form, self.tr("&Note"), self.note, e["title"])
        return form

    def _connect(self) -> None:
        self.when.dateTimeChanged.connect(lambda _d: self.errors["due_at"].show_error(""))
        self.store.currentIndexChanged.connect(lambda _i: self.errors["store_id"].show_error(""))
        self.store.currentIndexChanged.connect(lambda _i: self._fill_associates())
        # Any of these changes who is free when: list the times again.
        self.when.dateChanged.connect(lambda _d: self._fill_slots())
        self.when.timeChanged.connect(lambda _t: self._select_slot_of_time())
        self.duration.valueChanged.connect(lambda _v: self._fill_slots())
        self.associate.currentIndexChanged.connect(lambda _i: self._fill_slots())
        self.store.currentIndexChanged.connect(lambda _i: self._fill_slots())
        self.slots_view.selectionModel().currentChanged.connect(
            lambda cur, _prev: self._slot_chosen(cur.row())
        )
        self.slots_view.clicked.connect(lambda index: self._slot_chosen(index.row()))

    def _fill_associates(self) -> None:
        """Me, then the staff of the chosen store; whoever was chosen stays if they work there."""
        chosen = self.associate.currentData()
        self.associate.clear()
        self.associate.addItem(self.tr("Me"), self._writes.user_id)
        for uid, name in staff_at(self._reader, self.store.currentData()):
            if uid != self._writes.user_id:
                self.associate.addItem(name, uid)
        i = self.associate.findData(chosen)
        self.associate.setCurrentIndex(max(i, 0))

    # -- free times ----------------------------------------------------------------------------
    def _store_zone(self) -> tzinfo:
        name = store_zone(self._reader, self.store.currentData())
        try:
            return ZoneInfo(name) if name else (self._now.tzinfo or ZoneInfo("UTC"))
        except (ZoneInfoNotFoundError, ValueError):
            return self._now.tzinfo or ZoneInfo("UTC")

    def _fill_slots(self, *, prefer_first_free: bool = False) -> None:
        """The associate's free starts on the chosen day for the chosen length, at the store's
        opening hours (default ones: stores carry none yet)."""
        qd = self.when.date()
        zone = self._store_zone()
        store_day = date(qd.year(), qd.month(), qd.day())  # the day chosen, at the store
        day = datetime.combine(store_day, datetime.min.time(), zone)
        assignee = self.associate.currentData() or self._writes.user_id
        busy = busy_times(self._reader, assignee, day - timedelta(days=1), day + timedelta(days=2))
        starts = free_slots(
            store_day,
            zone,
            busy,
            timedelta(minutes=self.duration.value()),
            not_before=self._now,
        )
        self.slots.set_slots(starts, self._now.tzinfo)
        who = self.associate.currentText() or self.tr("Me")
        here = self._now.tzinfo
        if starts:
            opens = datetime.combine(store_day, DEFAULT_HOURS.opens, zone).astimezone(here)
            closes = datetime.combine(store_day, DEFAULT_HOURS.closes, zone).astimezone(here)
            self.slots_note.setText(
                self.tr("{who} · {day} · open {opens}–{closes}").format(
                    who=who,
                    day=fmt.day_text(store_day, self._now.date()),
                    opens=fmt.time_text(opens),
                    closes=fmt.time_text(closes),
                )
            )
        elif not DEFAULT_HOURS.is_open(store_day):
            self.slots_note.setText(
                self.tr("The store is closed on {weekday}s: choose another day.").format(
                    weekday=fmt.locale().dayName(store_day.isoweekday())
                )
            )
        else:
            self.slots_note.setText(
                self.tr("{who} has no free time left that day: choose another day.").format(who=who)
            )
        if prefer_first_free and starts and self.slots.row_of(self.due_at()) < 0:
            self._slot_chosen(0)
        self._select_slot_of_time()

    def _select_slot_of_time(self) -> None:
        """Show the typed time as chosen when it is one of the free times."""
        row = self.slots.row_of(self.due_at())
        view = self.slots_view
        if row >= 0 and view.currentIndex().row() != row:
            view.selectionModel().blockSignals(True)
            view.setCurrentIndex(self.slots.index(row, 0))
            view.selectionModel().blockSignals(False)
            view.viewport().update()
        elif row < 0:
            view.clearSelection()

    def _slot_chosen(self, row: int) -> None:
        start = self.slots.index(row, 0).data(SlotRole.Start) if row >= 0 else None
        if start is None:
            return
        local = start.astimezone(self._now.tzinfo) if self._now.tzinfo else start
        self.when.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )

    def due_at(self) -> datetime:
        """The chosen start, in the time zone of ``now``."""
        qdt = self.when.dateTime()
        d, t = qdt.date(), qdt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self._now.tzinfo)

    def submit(self) -> None:
        for error in (*self.errors.values(), self.general_error):
            error.show_error("")
        if self.store.currentIndex() < 0:
            self._show_error("store_id", self.tr("No store in this computer's cache: sync first."))
            return
        code = str(self.kind.currentData() or self.kind.currentText())
        # The title everyone reads in their task list, in the words of the agent who booked it.
        heading = self.tr("Appointment: {type}").format(type=wording.appointment_type_name(code))
        try:
            task_id = book_appointment(
                self._writes,
                self.customer_id,
                appointment_type=code,
                store_id=str(self.store.currentData()),
                due_at=self.due_at(),
                duration_min=self.duration.value(),
                assignee_id=self.associate.currentData(),
                note=self.note.text(),
                heading=heading,
            )
        except WriteError as exc:
            self._show_error(exc.field, error_text(exc))
            return
        except sqlite3.Error as exc:
            self._show_error(
                "",
                self.tr("Could not save on this computer ({reason}). Try again.").format(
                    reason=exc
                ),
            )
            return
        self.booked.emit(self.customer_id, task_id)
        self.accept()

    def _show_error(self, field: str, message: str) -> None:
        label = self.errors.get(field, self.general_error)
        label.show_error(message)
        widgets = {
            "appointment_type": self.kind,
            "store_id": self.store,
            "due_at": self.when,
            "duration_min": self.duration,
            "title": self.note,
        }
        if field in widgets:
            widgets[field].setFocus(Qt.FocusReason.OtherFocusReason)

    def error_text(self, field: str) -> str:
        label = self.errors.get(field, self.general_error)
        return "" if label.isHidden() else label.text()
