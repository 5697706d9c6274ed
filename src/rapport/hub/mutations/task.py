"""``task.create`` and ``task.update``: follow-ups and appointments.

A task belongs to one customer and is assigned to one user (the pusher unless the args name another
known user). An appointment also needs a store, a type and a duration, and booking one records an
``appointment`` interaction (``payload.status = "booked"``) on the customer's timeline. That
interaction's id is derived from the task id (:func:`booking_interaction_id`), so a device that
showed the booking on its own timeline before it reached the hub sees the same row come back.

Only the assignee, the creator, a supervisor or an admin may change a task.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Connection, select

from rapport.hub.mutations import validate as v
from rapport.hub.mutations.base import Context, Outcome, Rejected, target_customer
from rapport.hub.store import aliases
from rapport.hub.store.changes import write_rows
from rapport.hub.store.schema import entity_tables, user
from rapport.protocol import ENTITIES, TASK_KINDS, TASK_STATUSES

MAX_TITLE = 500
MAX_DURATION_MIN = 12 * 60
SUPERVISING_ROLES = ("supervisor", "admin")
_task = entity_tables["task"]
_store = entity_tables["store"]
_interaction = entity_tables["interaction"]


def booking_interaction_id(task_id: str) -> str:
    """The id of the ``appointment`` interaction that booking task ``task_id`` records. The client
    cache derives the same id (``rapport.cache.tasks``): keep the two formulas alike."""
    return str(uuid.uuid5(uuid.UUID(task_id), "appointment-booked"))


def _due_at(args: dict[str, Any]) -> str:
    """A UTC time like ``timestamp`` but allowed in the future (that is what a due date is)."""
    return v.moment(args, "due_at")[0]


def _assignee(conn: Connection, ctx: Context, args: dict[str, Any]) -> str:
    value = args.get("assignee_id")
    if value is None or value == "":
        return ctx.user.id
    if not isinstance(value, str) or len(value) > 64:
        raise Rejected("invalid", "assignee_id must be a user id")
    row = conn.execute(select(user.c.id, user.c.disabled).where(user.c.id == value)).first()
    if row is None or row.disabled:
        raise Rejected("invalid", "assignee_id is not a user of this hub")
    return value


def _duration(args: dict[str, Any]) -> int:
    value = args.get("duration_min")
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_DURATION_MIN:
        raise Rejected("invalid", f"duration_min must be minutes from 1 to {MAX_DURATION_MIN}")
    return value


def _store_id(conn: Connection, args: dict[str, Any]) -> str:
    value = v.text(args, "store_id", 64, required=True)
    assert value is not None
    if conn.execute(select(_store.c.id).where(_store.c.id == value)).first() is None:
        raise Rejected("invalid", "store_id is not a store of this hub")
    return value


def create_task(conn: Connection, ctx: Context, args: dict[str, Any]) -> Outcome:
    tid = v.uuid_text(args, "id")
    cid = target_customer(conn, args)
    kind = v.choice(args, "kind", TASK_KINDS)
    if args.get("status", "open") != "open":
        raise Rejected("invalid", "status of a new task must be open")
    row: dict[str, Any] = dict.fromkeys(ENTITIES["task"].column_names)
    row.update(
        id=tid,
        customer_id=cid,
        assignee_id=_assignee(conn, ctx, args),
        kind=kind,
        title=v.text(args, "title", MAX_TITLE, required=True),
        due_at=_due_at(args),
        status="open",
        created_by=ctx.user.id,  # whoever pushed it, whatever the args say
        created_at=ctx.now_text,
        updated_at=ctx.now_text,
    )
    if kind == "appointment":
        row.update(
            store_id=_store_id(conn, args),
            appointment_type=v.text(args, "appointment_type", 200, required=True),
            duration_min=_duration(args),
        )
    else:
        row["store_id"] = v.text(args, "store_id", 64)
    existing = conn.execute(select(_task.c.customer_id).where(_task.c.id == tid)).first()
    if existing is not None:
        # Sent again (a rebuilt cache under a new device id): keep the first copy.
        if aliases.resolve_one(conn, existing[0] or "") != cid:
            raise Rejected("invalid", "id is already used by another task")
        return Outcome("applied", {"id": tid, "customer_id": cid, "duplicate": True}, None, cid)
    write_rows(conn, "task", [row])
    result: dict[str, Any] = {"id": tid, "customer_id": cid}
    if kind == "appointment":
        result["interaction_id"] = _record_booking(conn, ctx, row)
    return Outcome("applied", result, None, cid)


def _record_booking(conn: Connection, ctx: Context, task: dict[str, Any]) -> str:
    iid = booking_interaction_id(task["id"])
    if conn.execute(select(_interaction.c.id).where(_interaction.c.id == iid)).first() is None:
        write_rows(conn, "interaction", [booking_interaction(task, ctx.user.id, ctx.now_text)])
    return iid


def booking_interaction(task: dict[str, Any], user_id: str, at: str) -> dict[str, Any]:
    """The timeline row of a booked appointment."""
    return {
        "id": booking_interaction_id(task["id"]),
        "customer_id": task["customer_id"],
        "channel": "store",
        "direction": "outbound",
        "kind": "appointment",
        "occurred_at": at,
        "user_id": user_id,
        "store_id": task["store_id"],
        "summary": f"Appointment booked for {task['due_at']}: {task['title']}",
        "disposition": None,
        "payload": {
            "status": "booked",
            "task_id": task["id"],
            "type": task["appointment_type"],
            "store_id": task["store_id"],
            "duration_min": task["duration_min"],
            "due_at": task["due_at"],
            "assignee_id": task["assignee_id"],
        },
    }


def update_task(conn: Connection, ctx: Context, args: dict[str, Any]) -> Outcome:
    tid = args.get("task_id")
    if not isinstance(tid, str) or not tid or len(tid) > 64:
        raise Rejected("invalid", "task_id must be a task id")
    status = v.choice(args, "status", TASK_STATUSES)
    due_at = _due_at(args) if args.get("due_at") is not None else None
    found = conn.execute(select(_task).where(_task.c.id == tid)).mappings().first()
    if found is None:
        raise Rejected("invalid", "task_id names no task on the hub")
    task = dict(found)
    # The customer may have been merged or erased since: the same checks as a new write.
    cid = target_customer(conn, {"customer_id": task["customer_id"] or ""})
    allowed = ctx.user.id in (task["assignee_id"], task["created_by"])
    if not allowed and ctx.user.role not in SUPERVISING_ROLES:
        raise Rejected(
            "forbidden", "only the task's assignee, its creator or a supervisor may change it"
        )
    task.update(customer_id=cid, status=status, updated_at=ctx.now_text)
    if due_at is not None:
        task["due_at"] = due_at
    write_rows(conn, "task", [task])
    return Outcome(
        "applied",
        {"id": tid, "customer_id": cid, "status": status, "due_at": task["due_at"]},
        None,
        cid,
    )
