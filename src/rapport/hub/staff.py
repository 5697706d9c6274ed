"""The staff directory devices replicate (``staff`` rows): every user by display name, role and
store, never their login details. Written when a user is added, and filled in for users a hub had
before the directory existed."""

from __future__ import annotations

from sqlalchemy import Connection, select

from rapport.hub.store.changes import write_rows
from rapport.hub.store.schema import entity_tables, user
from rapport.hub.store.users import User
from rapport.protocol import DESK_ROLES

_staff = entity_tables["staff"]


def publish(conn: Connection, u: User, active: bool = True) -> None:
    if u.role not in DESK_ROLES:
        return  # service accounts are nobody's colleague: no tasks are assigned to them
    row = {
        "id": u.id,
        "display_name": u.display_name,
        "role": u.role,
        "store_id": u.store_id,
        "active": int(active),
    }
    write_rows(conn, "staff", [row])


def backfill(conn: Connection) -> int:
    known = set(conn.execute(select(_staff.c.id)).scalars())
    rows = [
        {
            "id": r.id,
            "display_name": r.display_name,
            "role": r.role,
            "store_id": r.store_id,
            "active": 0 if r.disabled else 1,
        }
        for r in conn.execute(select(user)).all()
        if r.id not in known and r.role in DESK_ROLES
    ]
    write_rows(conn, "staff", rows)
    return len(rows)
