"""Tasks (story 4) on a real cache, from the keyboard: book an appointment for the bride with
Ctrl+Shift+A, find it in my tasks (Ctrl+T) under the right group and in the outbox as pending, mark a
task done, count the badge, and hear about a task falling due (with an injected clock)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, QPoint, QRect, Qt, QTime
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QListView, QPushButton

from rapport.cache.apply import apply_changes
from rapport.cache.outbox import entries
from rapport.cache.tasks import (
    booking_interaction_id,
    create_follow_up,
    customer_open_tasks,
    my_tasks,
    stores,
)
from rapport.cache.writes import LocalWrites
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.followups.appointment import BookAppointmentDialog
from rapport.ui.followups.model import MyTasksModel, TaskRole
from rapport.ui.followups.panel import MyTasksPanel
from rapport.ui.shell.main_window import MainWindow
from tests.helpers import FIXED_NOW
from tests.ui.fakes import FakeWorker

BRIDE = STORY_CUSTOMERS["bride"]
HOOPS = STORY_CUSTOMERS["hoops"]
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def clock() -> Clock:
    return Clock(FIXED_NOW)


@pytest.fixture
def worker() -> FakeWorker:
    return FakeWorker()


@pytest.fixture
def window(qtbot, reader: sqlite3.Connection, writes: LocalWrites, worker, clock):  # type: ignore[no-untyped-def]
    win = MainWindow(reader, writes=writes, worker=worker, now=clock)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    yield win
    win.detach()


def _activate(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    widget.activateWindow()  # what a window manager does when a dialog closes; offscreen does not
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)


def _rows(model) -> list[tuple[str, bool, str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [
        (
            model.index(i, 0).data(TaskRole.Group),
            model.index(i, 0).data(TaskRole.IsHeader),
            model.index(i, 0).data(TaskRole.CustomerName),
            model.index(i, 0).data(TaskRole.Title),
        )
        for i in range(model.rowCount())
    ]


def _open_tasks(qtbot, win: MainWindow) -> MyTasksPanel:  # type: ignore[no-untyped-def]
    _activate(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_T, CTRL)
    panel = win.findChild(MyTasksPanel, "myTasks")
    assert panel is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel, timeout=2000)
    return panel


def test_book_an_appointment_for_the_bride_from_the_keyboard(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, reader, worker
) -> None:
    assert window.open_customer(BRIDE)
    _activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_A, CTRL | SHIFT)
    dialog = window.findChild(BookAppointmentDialog, "bookAppointment")
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    assert dialog.windowTitle() == "Book an appointment — Camille Dubois"
    kind = dialog.findChild(QComboBox, "appointmentType")
    assert kind.hasFocus()
    qtbot.keyClicks(kind, "ring")
    assert kind.currentData() == "ring sizing"
    # Store, time, duration and associate (me) keep their defaults; Alt+N goes to the note.
    qtbot.keyClick(kind, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    note = dialog.findChild(QLineEdit, "appointmentNote")
    assert note.hasFocus()
    qtbot.keyClicks(note, "Bring the white gold bands, size 52")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert worker.kicks == 1

    # Pending in the outbox, with the contract's args.
    [entry] = [e for e in entries(reader) if e.name == "task.create"]
    assert entry.state == "pending" and entry.customer_id == BRIDE
    args = entry.args
    assert args["kind"] == "appointment" and args["appointment_type"] == "ring sizing"
    assert args["due_at"] == "2026-11-21T10:00:00Z" and args["duration_min"] == 30
    assert args["assignee_id"] == "u-agent" and args["status"] == "open"
    assert args["title"] == "Appointment: ring sizing — Bring the white gold bands, size 52"
    # The booking is on the bride's timeline at once, under the id the hub will give it.
    booked = reader.execute(
        "SELECT kind, customer_id FROM interaction WHERE id = ?",
        (booking_interaction_id(args["id"]),),
    ).fetchone()
    assert tuple(booked) == ("appointment", BRIDE)
    assert [t.id for t in customer_open_tasks(reader, BRIDE)] == [args["id"]]

    # Tomorrow 10:00: upcoming in my tasks, marked as not sent yet.
    panel = _open_tasks(qtbot, window)
    rows = _rows(panel.model)
    assert rows == [
        ("upcoming", True, None, None),
        ("upcoming", False, "Camille Dubois", args["title"]),
    ]
    assert panel.model.index(1, 0).data(TaskRole.Pending) is True
    assert window.tasks.badge.text() == "No tasks due"


def test_invalid_time_is_named_next_to_the_field(qtbot, window: MainWindow, reader) -> None:  # type: ignore[no-untyped-def]
    assert window.open_customer(BRIDE)
    dialog = window.tasks.book_appointment()
    assert dialog is not None
    dialog.when.setDateTime(QDateTime(QDate(2026, 11, 19), QTime(9, 0)))
    qtbot.keyClicks(dialog.note, "Too late")
    dialog.findChild(QPushButton, "appointmentSubmit").click()
    assert dialog.isVisible()
    assert "future" in dialog.error_text("due_at")
    assert not [e for e in entries(reader) if e.name == "task.create"]
    assert dialog.note.text() == "Too late"
    dialog.reject()


def test_groups_badge_enter_opens_and_ctrl_d_marks_done(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, writes: LocalWrites, reader, worker, qtmodeltester
) -> None:
    now = FIXED_NOW  # 15:30 UTC
    create_follow_up(writes, HOOPS, "Ask how the hoop fits", now - timedelta(days=1))
    create_follow_up(writes, BRIDE, "Confirm the sizing", now + timedelta(hours=2))
    create_follow_up(writes, BRIDE, "Send the engraving proof", now + timedelta(days=3))
    window.tasks.refresh()
    assert window.tasks.badge.text() == "2 tasks due"

    panel = _open_tasks(qtbot, window)
    qtmodeltester.check(panel.model)
    assert [(g, h, n) for g, h, n, _t in _rows(panel.model)] == [
        ("overdue", True, None),
        ("overdue", False, "Lucas Martin"),
        ("today", True, None),
        ("today", False, "Camille Dubois"),
        ("upcoming", True, None),
        ("upcoming", False, "Camille Dubois"),
    ]
    assert panel.model.index(0, 0).data() == "Overdue (1)"
    assert panel.model.index(3, 0).data(TaskRole.Due) == "today 17:30"
    view = panel.findChild(QListView, "myTasksList")
    assert view.hasFocus() and view.currentIndex().row() == 1
    # Ctrl+D marks the overdue one done: it leaves the list, the update is queued.
    qtbot.keyClick(view, Qt.Key.Key_D, CTRL)
    assert [n for _g, h, n, _t in _rows(panel.model) if not h] == [
        "Camille Dubois",
        "Camille Dubois",
    ]
    [update] = [e for e in entries(reader) if e.name == "task.update"]
    assert update.args["status"] == "done" and update.state == "pending"
    assert window.tasks.badge.text() == "1 task due"
    assert worker.kicks == 1
    # Enter opens the selected task's customer.
    qtbot.keyClick(view, Qt.Key.Key_Down)
    current = view.currentIndex()
    assert current.data(TaskRole.CustomerId) == BRIDE
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.customer.current_customer_id == BRIDE, timeout=2000)
    panel.close()


def test_a_task_falling_due_is_announced(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, writes: LocalWrites, clock: Clock
) -> None:
    notifier = window.tasks.notifier
    assert notifier is not None and notifier.timer.interval() == 60_000
    create_follow_up(writes, BRIDE, "Call about the financing", FIXED_NOW + timedelta(minutes=3))
    assert notifier.check() == []  # not due yet
    clock.at = FIXED_NOW + timedelta(minutes=4)
    with qtbot.waitSignal(notifier.message_shown, timeout=2000) as blocker:
        notifier.timer.timeout.emit()  # the minute tick
    assert blocker.args == ["Due today 15:33: Call about the financing — Camille Dubois"]
    # No tray offscreen: it is in the status bar, and the badge counts it as overdue.
    assert "Call about the financing" in window.statusBar().currentMessage()
    assert window.tasks.badge.text() == "1 task due"
    clock.at += timedelta(minutes=1)
    assert notifier.check() == []  # announced once


def test_my_tasks_are_grouped_in_local_time(writes: LocalWrites, reader) -> None:  # type: ignore[no-untyped-def]
    # 23:30 in Paris on 20 Nov is 22:30 UTC; a task at 23:45 Paris time is still today there.
    from zoneinfo import ZoneInfo

    paris = datetime(2026, 11, 20, 23, 30, tzinfo=ZoneInfo("Europe/Paris"))
    create_follow_up(writes, BRIDE, "Late call", paris + timedelta(minutes=15))
    create_follow_up(writes, BRIDE, "Morning call", paris + timedelta(hours=9))
    tasks = my_tasks(reader, "u-agent", paris)
    assert [t.title for t in tasks.today] == ["Late call"]
    assert [t.title for t in tasks.upcoming] == ["Morning call"]
    assert tasks.due_count == 1
    assert MyTasksModel().rowCount() == 0


def test_the_appointment_goes_to_a_colleague_of_the_chosen_store(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, reader, writes: LocalWrites
) -> None:
    first, second = (s.id for s in stores(reader)[:2])

    def person(uid: str, name: str, store: str, active: int = 1) -> dict:
        return {"entity": "staff", "op": "upsert", "id": uid,
                "data": {"id": uid, "display_name": name, "role": "associate",
                         "store_id": store, "active": active}}  # fmt: skip

    apply_changes(
        writes.conn,
        [person("u-ines", "Inès Roy", first), person("u-bob", "Bob Lenoir", first),
         person("u-gone", "Old Timer", first, 0), person("u-paul", "Paul Ng", second)],
        None,
    )  # fmt: skip
    assert window.open_customer(BRIDE)
    dialog = window.tasks.book_appointment()
    assert dialog is not None
    store = dialog.findChild(QComboBox, "appointmentStore")
    associate = dialog.findChild(QComboBox, "appointmentAssociate")

    def offered() -> list[str]:
        return [associate.itemText(i) for i in range(associate.count())]

    store.setCurrentIndex(store.findData(first))
    assert offered() == ["Me", "Bob Lenoir", "Inès Roy"]  # by name; who left is not offered
    associate.setCurrentIndex(associate.findData("u-ines"))
    store.setCurrentIndex(store.findData(second))
    assert offered() == ["Me", "Paul Ng"] and associate.currentData() == "u-agent"
    associate.setCurrentIndex(associate.findData("u-paul"))
    dialog.submit()
    [entry] = [e for e in entries(reader) if e.name == "task.create"]
    assert entry.args["assignee_id"] == "u-paul" and entry.args["store_id"] == second


def test_the_empty_state_is_inside_the_list(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = _open_tasks(qtbot, window)
    assert panel.model.rowCount() == 0
    view = panel.findChild(QListView, "myTasksList")
    empty = panel.findChild(QLabel, "myTasksEmpty")
    qtbot.waitUntil(empty.isVisible, timeout=2000)
    viewport = view.viewport()
    area = QRect(viewport.mapToGlobal(QPoint(0, 0)), viewport.size())
    where = QRect(empty.mapToGlobal(QPoint(0, 0)), empty.size())
    assert area.contains(where), (area, where)
    assert "Ctrl+Shift+A" in empty.text()
    # A task arrives: the list shows it and the empty state goes.
    create_follow_up(panel._writes, BRIDE, "Call back", FIXED_NOW + timedelta(hours=1))
    panel.refresh()
    assert panel.model.rowCount() == 2 and not empty.isVisible()
    panel.close()


def _slot_texts(dialog: BookAppointmentDialog) -> list[str]:
    view = dialog.findChild(QListView, "appointmentSlots")
    assert view is not None
    model = view.model()
    return [model.index(i, 0).data() for i in range(model.rowCount())]


def test_the_dialog_lists_the_associates_free_times_and_books_one(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, writes: LocalWrites, reader
) -> None:
    from zoneinfo import ZoneInfo

    from rapport.cache.tasks import book_appointment

    assert window.open_customer(BRIDE)
    dialog = window.tasks.book_appointment()
    assert dialog is not None
    store = dialog.store.currentData()
    dialog.reject()
    # I already see someone tomorrow at 11:00 in the store (10:00 UTC, the window's clock) for
    # an hour; the store opens 10:00 to 19:00 (Paris), so 09:00 to 18:00 on this UTC clock.
    paris = ZoneInfo("Europe/Paris")
    book_appointment(
        writes, HOOPS, appointment_type="fitting", store_id=store,
        due_at=datetime(2026, 11, 21, 11, 0, tzinfo=paris), duration_min=60,
    )  # fmt: skip

    dialog = window.tasks.book_appointment()
    qtbot.waitExposed(dialog)
    slots = _slot_texts(dialog)
    assert slots[0] == "09:00" and slots[-1] == "17:30"  # 30 minutes, before closing
    assert "10:00" not in slots and "10:30" not in slots  # taken
    assert "11:00" in slots and "14:00" in slots
    note = dialog.findChild(QLabel, "appointmentSlotsNote")
    assert note.text() == "Me · tomorrow · open 09:00–18:00"
    # The default time was taken: the first free one is chosen instead.
    assert dialog.due_at() == datetime(2026, 11, 21, 9, 0, tzinfo=UTC)

    # An hour-long fitting: 17:30 no longer fits before closing, nor 09:30 before my 10:00.
    dialog.duration.setValue(60)
    slots = _slot_texts(dialog)
    assert "17:30" not in slots and "09:30" not in slots and slots[-1] == "17:00"

    # Pick 14:00 with a click (a tap in tablet mode) and book.
    view = dialog.findChild(QListView, "appointmentSlots")
    row = _slot_texts(dialog).index("14:00")
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.due_at() == datetime(2026, 11, 21, 14, 0, tzinfo=UTC)
    # The keyboard moves between times too.
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert dialog.due_at() == datetime(2026, 11, 21, 14, 30, tzinfo=UTC)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    dialog.findChild(QPushButton, "appointmentSubmit").click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    booked = [e.args for e in entries(reader) if e.name == "task.create"]
    assert booked[-1]["due_at"] == "2026-11-21T14:00:00Z" and booked[-1]["duration_min"] == 60


def test_no_free_times_on_a_closed_day(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.open_customer(BRIDE)
    dialog = window.tasks.book_appointment()
    dialog.when.setDate(QDate(2026, 11, 22))  # a Sunday
    assert _slot_texts(dialog) == []
    note = dialog.findChild(QLabel, "appointmentSlotsNote")
    assert "closed" in note.text().lower()
    dialog.reject()
