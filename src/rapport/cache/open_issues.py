"""What is still open about a customer, for the band at the top of their screen: their open tasks
(anyone's) and the changes written here that the hub refused. An unresolved complaint comes from the
next best action, which already decides what counts as one
(:func:`rapport.domain.next_best_action.suggest`, kind ``resolve``)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from rapport.cache.outbox import REJECTED, VISIBLE
from rapport.cache.tasks import TaskView, customer_open_tasks

__all__ = ["OpenIssues", "open_issues"]


@dataclass(frozen=True, slots=True)
class OpenIssues:
    tasks: tuple[TaskView, ...]
    refused: int  # this customer's writes the hub refused, waiting for a redo or a dismiss


def open_issues(conn: sqlite3.Connection, customer_id: str) -> OpenIssues:
    refused = conn.execute(
        f"SELECT count(*) FROM outbox WHERE customer_id = ? AND state = ? AND {VISIBLE}",
        (customer_id, REJECTED),
    ).fetchone()[0]
    return OpenIssues(tuple(customer_open_tasks(conn, customer_id)), int(refused))
