"""Follow-ups and appointments in the local cache: what is due for me, what a customer has open,
and the local writes that create, book and complete them.

Each write changes the cache and appends its mutation (``task.create`` / ``task.update``) to the
outbox in one transaction, as :class:`rapport.cache.writes.LocalWrites` does. Booking an
appointment also shows the booking on the customer's timeline at once; the hub records the same
interaction (same derived id) when it applies the task, so the row is replaced, never doubled.

Times are stored as UTC ``...Z`` text; "today" is the caller's local day (``now``'s time zone).
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import orjson

from rapport.cache.outbox import enqueue
from rapport.cache.outbox_file import begin_write
from rapport.cache.writes import LocalWrites, WriteError, refuse_bad_text
from rapport.domain.messages import QT_TRANSLATE_NOOP
from rapport.domain.timestamps import parse_utc_text, utc_text
from rapport.protocol import ENTITIES, TASK_STATUSES

__all__ = [
    "APPOINTMENT_TYPES",
    "MAX_TITLE",
    "MyTasks",
    "StoreChoice",
    "TaskView",
    "book_appointment",
    "booking_interaction_id",
    "busy_times",
    "complete_task",
    "create_follow_up",
    "customer_open_tasks",
    "due_between",
    "my_tasks",
    "set_task_status",
    "store_zone",
    "stores",
]

MAX_TITLE = 500
MAX_DURATION_MIN = 12 * 60
# What an associate books, in the words the timeline shows (``Appointment: ring sizing``).
APPOINTMENT_TYPES = (
    "browsing",
    "ring sizing",
    "financing options",
    "fitting",
    "repair pickup",
    "engraving",
    "personal styling",
)
_COLUMNS = ENTITIES["task"].column_names


def booking_interaction_id(task_id: str) -> str:
    """The id the hub gives the booking's timeline row (``rapport.hub.mutations.task``)."""
    return str(uuid.uuid5(uuid.UUID(task_id), "appointment-booked"))


# --------------------------------------------------------------------------------------------------
# Reads


@dataclass(frozen=True, slots=True)
class TaskView:
    id: str
    customer_id: str
    customer_name: str
    assignee_id: str | None
    kind: str  # follow_up | appointment
    title: str
    due_at: datetime  # aware, UTC
    status: str
    store_id: str | None
    appointment_type: str | None
    duration_min: int | None
    pending: bool  # written here and not on the hub yet


@dataclass(frozen=True, slots=True)
class MyTasks:
    overdue: tuple[TaskView, ...]
    today: tuple[TaskView, ...]
    upcoming: tuple[TaskView, ...]

    @property
    def due_count(self) -> int:
        """What the badge counts: overdue and due later today."""
        return len(self.overdue) + len(self.today)


@dataclass(frozen=True, slots=True)
class StoreChoice:
    id: str
    name: str
    city: str | None


_SELECT = (
    "SELECT t.*, trim(coalesce(c.given_name, '') || ' ' || coalesce(c.family_name, '')) AS name,"
    " EXISTS (SELECT 1 FROM outbox o WHERE o.target_id = t.id AND o.state = 'pending') AS pending"
    " FROM task t LEFT JOIN customer c ON c.id = t.customer_id"
)


def _view(row: sqlite3.Row) -> TaskView:
    try:
        due = parse_utc_text(row["due_at"])
    except (TypeError, ValueError):
        due = datetime.max.replace(tzinfo=UTC)
    return TaskView(
        id=row["id"],
        customer_id=row["customer_id"],
        customer_name=row["name"] or "Unknown customer",
        assignee_id=row["assignee_id"],
        kind=row["kind"] or "follow_up",
        title=row["title"] or "",
        due_at=due,
        status=row["status"] or "open",
        store_id=row["store_id"],
        appointment_type=row["appointment_type"],
        duration_min=row["duration_min"],
        pending=bool(row["pending"]),
    )


def my_tasks(conn: sqlite3.Connection, user_id: str, now: datetime) -> MyTasks:
    """Open tasks assigned to ``user_id``, oldest due first: overdue (due before ``now``), due later
    today (``now``'s local day) and upcoming."""
    rows = conn.execute(
        f"{_SELECT} WHERE t.assignee_id = ? AND t.status = 'open' ORDER BY t.due_at, t.id",
        (user_id,),
    ).fetchall()
    local_now = now if now.tzinfo is not None else now.astimezone()
    end_of_today = datetime.combine(
        local_now.date() + timedelta(days=1), datetime.min.time(), local_now.tzinfo
    )
    overdue, today, upcoming = [], [], []
    for row in rows:
        task = _view(row)
        if task.due_at < local_now:
            overdue.append(task)
        elif task.due_at < end_of_today:
            today.append(task)
        else:
            upcoming.append(task)
    return MyTasks(tuple(overdue), tuple(today), tuple(upcoming))


def customer_open_tasks(conn: sqlite3.Connection, customer_id: str) -> list[TaskView]:
    """The customer's open follow-ups and appointments, whoever they are assigned to."""
    rows = conn.execute(
        f"{_SELECT} WHERE t.customer_id = ? AND t.status = 'open' ORDER BY t.due_at, t.id",
        (customer_id,),
    ).fetchall()
    return [_view(r) for r in rows]


def due_between(
    conn: sqlite3.Connection, user_id: str, after: datetime, until: datetime
) -> list[TaskView]:
    """Open tasks of ``user_id`` falling due in ``(after, until]``: what a notifier announces."""
    rows = conn.execute(
        f"{_SELECT} WHERE t.assignee_id = ? AND t.status = 'open' AND t.due_at > ?"
        " AND t.due_at <= ? ORDER BY t.due_at, t.id",
        (user_id, utc_text(after), utc_text(until)),
    ).fetchall()
    return [_view(r) for r in rows]


def staff_at(conn: sqlite3.Connection, store_id: str | None) -> list[tuple[str, str]]:
    """(user id, display name) of the active staff of a store, by name: who can take an
    appointment there."""
    try:
        rows = conn.execute(
            "SELECT id, display_name FROM staff WHERE store_id IS ? AND active = 1"
            " ORDER BY display_name COLLATE NOCASE, id",
            (store_id,),
        ).fetchall()
    except sqlite3.OperationalError:  # a cache from before the staff directory
        return []
    return [(r[0], r[1] or r[0]) for r in rows]


def busy_times(
    conn: sqlite3.Connection, assignee_id: str, start: datetime, end: datetime
) -> list[tuple[datetime, datetime]]:
    """When ``assignee_id`` is taken between ``start`` and ``end``: their open appointments on
    this computer (the customers' that are cached here), as (start, end) pairs."""
    rows = conn.execute(
        "SELECT due_at, duration_min FROM task WHERE assignee_id = ? AND status = 'open'"
        " AND kind = 'appointment' AND due_at >= ? AND due_at < ?",
        (assignee_id, utc_text(start - timedelta(minutes=MAX_DURATION_MIN)), utc_text(end)),
    ).fetchall()
    out = []
    for due_at, minutes in rows:
        try:
            at = parse_utc_text(due_at)
        except (TypeError, ValueError):
            continue
        until = at + timedelta(minutes=int(minutes or 30))
        if until > start:
            out.append((at, until))
    return sorted(out)


def store_zone(conn: sqlite3.Connection, store_id: str | None) -> str | None:
    """The store's time zone name (``Europe/Paris``), when the cache knows it."""
    row = conn.execute("SELECT timezone FROM store WHERE id = ?", (store_id,)).fetchone()
    return str(row[0]) if row and row[0] else None


def stores(conn: sqlite3.Connection) -> list[StoreChoice]:
    rows = conn.execute("SELECT id, name, city FROM store ORDER BY name, id").fetchall()
    return [StoreChoice(r[0], r[1] or r[0], r[2]) for r in rows]


# --------------------------------------------------------------------------------------------------
# Writes


def _insert(writes: LocalWrites, row: dict[str, object]) -> None:
    cols = ", ".join(_COLUMNS)
    marks = ", ".join(f":{c}" for c in _COLUMNS)
    writes.conn.execute(f"INSERT INTO task ({cols}) VALUES ({marks})", row)


def _check_customer(writes: LocalWrites, customer_id: str) -> None:
    if (
        writes.conn.execute("SELECT 1 FROM customer WHERE id = ?", (customer_id,)).fetchone()
        is None
    ):
        raise WriteError(
            "customer",
            QT_TRANSLATE_NOOP("Messages", "This customer is not in this computer's cache."),
        )


def _title(title: str) -> str:
    refuse_bad_text(title=title)
    title = title.strip()
    if not title:
        raise WriteError("title", QT_TRANSLATE_NOOP("Messages", "Say what to do."))
    if len(title) > MAX_TITLE:
        raise WriteError(
            "title", QT_TRANSLATE_NOOP("Messages", "The title is over {n} characters."), n=MAX_TITLE
        )
    return title


def _due(due_at: datetime) -> str:
    if due_at.tzinfo is None:
        raise WriteError("due_at", QT_TRANSLATE_NOOP("Messages", "The due time needs a time zone."))
    return utc_text(due_at)


def _new_row(writes: LocalWrites, customer_id: str, kind: str, title: str, due_at: str) -> dict:
    now = utc_text(writes._now())
    row: dict[str, object] = dict.fromkeys(_COLUMNS)
    row.update(
        id=str(uuid.uuid4()),
        customer_id=customer_id,
        assignee_id=writes.user_id,
        kind=kind,
        title=title,
        due_at=due_at,
        status="open",
        created_by=writes.user_id,
        created_at=now,
        updated_at=now,
    )
    return row


def create_follow_up(writes: LocalWrites, customer_id: str, title: str, due_at: datetime) -> str:
    """Queue a follow-up assigned to the signed-in user; returns the task id."""
    row = _new_row(writes, customer_id, "follow_up", _title(title), _due(due_at))
    with writes.conn:
        begin_write(writes.conn)
        _check_customer(writes, customer_id)
        _insert(writes, row)
        enqueue(
            writes.conn,
            "task.create",
            row,
            customer_id=customer_id,
            target_id=str(row["id"]),
            summary=f"Follow-up: {row['title']}"[:200],
        )
    return str(row["id"])


def book_appointment(
    writes: LocalWrites,
    customer_id: str,
    *,
    appointment_type: str,
    store_id: str,
    due_at: datetime,
    duration_min: int,
    assignee_id: str | None = None,
    note: str = "",
    heading: str | None = None,
) -> str:
    """Queue an appointment (and show its booking on the timeline); returns the task id. The
    task's title is ``heading`` (the interface's words for the appointment, default
    ``Appointment: <type>``), then `` — note``."""
    refuse_bad_text(appointment_type=appointment_type, note=note)
    appointment_type = appointment_type.strip()
    if not appointment_type:
        raise WriteError(
            "appointment_type", QT_TRANSLATE_NOOP("Messages", "Choose what the appointment is for.")
        )
    if not store_id:
        raise WriteError("store_id", QT_TRANSLATE_NOOP("Messages", "Choose the store."))
    if not 1 <= duration_min <= MAX_DURATION_MIN:
        raise WriteError(
            "duration_min",
            QT_TRANSLATE_NOOP("Messages", "The duration is 1 to {n} minutes."),
            n=MAX_DURATION_MIN,
        )
    due = _due(due_at)
    if due_at <= writes._now():
        raise WriteError("due_at", QT_TRANSLATE_NOOP("Messages", "Choose a time in the future."))
    note = note.strip()
    heading = (heading or "").strip() or f"Appointment: {appointment_type}"
    title = heading + (f" — {note}" if note else "")
    row = _new_row(writes, customer_id, "appointment", _title(title), due)
    row.update(
        assignee_id=assignee_id or writes.user_id,
        store_id=store_id,
        appointment_type=appointment_type,
        duration_min=duration_min,
    )
    booked = {
        "id": booking_interaction_id(str(row["id"])),
        "customer_id": customer_id,
        "channel": "store",
        "direction": "outbound",
        "kind": "appointment",
        "occurred_at": row["created_at"],
        "user_id": writes.user_id,
        "store_id": store_id,
        "summary": f"Appointment booked for {due}: {row['title']}",
        "disposition": None,
        "payload": orjson.dumps(
            {
                "status": "booked",
                "task_id": row["id"],
                "type": appointment_type,
                "store_id": store_id,
                "duration_min": duration_min,
                "due_at": due,
                "assignee_id": row["assignee_id"],
            }
        ).decode(),
    }
    with writes.conn:
        begin_write(writes.conn)
        _check_customer(writes, customer_id)
        if writes.conn.execute("SELECT 1 FROM store WHERE id = ?", (store_id,)).fetchone() is None:
            raise WriteError(
                "store_id",
                QT_TRANSLATE_NOOP("Messages", "This store is not in this computer's cache."),
            )
        _insert(writes, row)
        writes.conn.execute(
            "INSERT OR IGNORE INTO interaction (id, customer_id, channel, direction, kind,"
            " occurred_at, user_id, store_id, summary, disposition, payload) VALUES (:id,"
            " :customer_id, :channel, :direction, :kind, :occurred_at, :user_id, :store_id,"
            " :summary, :disposition, :payload)",
            booked,
        )
        enqueue(
            writes.conn,
            "task.create",
            row,
            customer_id=customer_id,
            target_id=str(row["id"]),
            summary=f"{row['title']} on {due}"[:200],
        )
    return str(row["id"])


def set_task_status(
    writes: LocalWrites, task_id: str, status: str, due_at: datetime | None = None
) -> int:
    """Queue a status change (and optionally a new due time); returns the outbox sequence."""
    if status not in TASK_STATUSES:
        raise WriteError(
            "status",
            QT_TRANSLATE_NOOP("Messages", "Status must be one of {statuses}."),
            statuses=", ".join(TASK_STATUSES),
        )
    args: dict[str, object] = {"task_id": task_id, "status": status}
    if due_at is not None:
        args["due_at"] = _due(due_at)
    with writes.conn:
        begin_write(writes.conn)
        row = writes.conn.execute(
            "SELECT customer_id, title FROM task WHERE id = ?", (task_id,)
        ).fetchone()
        if row is None:
            raise WriteError(
                "task", QT_TRANSLATE_NOOP("Messages", "This task is not in this computer's cache.")
            )
        writes.conn.execute(
            "UPDATE task SET status = ?, due_at = coalesce(?, due_at), updated_at = ? WHERE id = ?",
            (status, args.get("due_at"), utc_text(writes._now()), task_id),
        )
        return enqueue(
            writes.conn,
            "task.update",
            args,
            customer_id=row[0],
            target_id=task_id,
            summary=f"Task {status}: {row[1]}"[:200],
        )


def complete_task(writes: LocalWrites, task_id: str) -> int:
    return set_task_status(writes, task_id, "done")
