"""The merge review queue: merges identity resolution found doubtful are proposed here instead of
done (see :mod:`rapport.hub.ingest.identity` for what is doubtful). A supervisor or an admin lists
them, approves one (the usual merge runs, audited, with the proposal's reason) or rejects it (the
pair is then not proposed again)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, or_, select, update

from rapport.domain.timestamps import utc_now_text
from rapport.hub.ingest.tables import merge_review
from rapport.hub.store.changes import lock_feed
from rapport.hub.store.customers import get_customer
from rapport.hub.store.merge import MergeError, MergeReport, merge_customers

STATUSES = ("pending", "approved", "rejected", "obsolete")


class ReviewError(ValueError):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _pair(a: str, b: str) -> Any:
    c = merge_review.c
    return or_(and_(c.customer_id == a, c.into_id == b), and_(c.customer_id == b, c.into_id == a))


def propose(conn: Connection, source: str, into: str, reason: str, now: str) -> str | None:
    """Propose merging ``source`` into ``into``; None when that pair is already waiting, or was
    rejected (two people, a reviewer said so). The caller holds the change feed's lock."""
    if source == into:
        return None
    c = merge_review.c
    seen = conn.execute(
        select(c.id).where(and_(_pair(source, into), c.status.in_(("pending", "rejected"))))
    ).first()
    if seen is not None:
        return None
    review_id = str(uuid.uuid4())
    conn.execute(
        merge_review.insert().values(
            id=review_id,
            customer_id=source,
            into_id=into,
            reason=reason,
            status="pending",
            created_at=now,
        )
    )
    return review_id


def forget(conn: Connection, customer_ids: list[str]) -> int:
    """Erasure: every review naming one of ``customer_ids`` goes, decided or not (a pending one
    can no longer be approved; a decided one would keep the erased id in clear)."""
    c = merge_review.c
    return int(
        conn.execute(
            delete(merge_review).where(
                or_(c.customer_id.in_(customer_ids), c.into_id.in_(customer_ids))
            )
        ).rowcount
        or 0
    )


def _profile(conn: Connection, cid: str) -> dict[str, Any] | None:
    row = get_customer(conn, cid)
    if row is None:
        return None  # merged away or erased since
    keep = ("id", "given_name", "family_name", "tier", "home_store_id", "created_at")
    return {k: row.get(k) for k in keep}


def _describe(conn: Connection, r: Any) -> dict[str, Any]:
    return {
        "id": r.id,
        "status": r.status,
        "reason": r.reason,
        "created_at": r.created_at,
        "decided_at": r.decided_at,
        "decided_by": r.decided_by,
        "customer": _profile(conn, r.customer_id) or {"id": r.customer_id},
        "into": _profile(conn, r.into_id) or {"id": r.into_id},
    }


class MergeReviews:
    def __init__(self, engine: Engine, notify: Callable[[], None]) -> None:
        self.engine = engine
        self.notify = notify

    def list(self, status: str | None = "pending", limit: int = 200) -> list[dict[str, Any]]:
        """Oldest first, each with both profiles as they are now (None when gone)."""
        c = merge_review.c
        query = select(merge_review).order_by(c.created_at, c.id).limit(limit)
        if status is not None:
            query = query.where(c.status == status)
        with self.engine.connect() as conn:
            return [_describe(conn, r) for r in conn.execute(query)]

    def approve(self, review_id: str, by: str) -> MergeReport:
        """Run the proposed merge; raises ReviewError (404 unknown, 409 decided or no longer
        possible: one side was merged or erased since)."""
        now = iso_now()
        with self.engine.begin() as conn:
            lock_feed(conn)
            row = self._pending(conn, review_id)
            try:
                report = merge_customers(
                    conn, row.customer_id, row.into_id, f"merge review: {row.reason}", by, now
                )
            except MergeError as exc:
                obsolete = True
                report = None
                reason = str(exc)
            else:
                obsolete = False
            self._decide(conn, review_id, "obsolete" if obsolete else "approved", by, now)
        if report is None:
            raise ReviewError(409, f"this merge can no longer be done: {reason}")
        self.notify()
        return report

    def reject(self, review_id: str, by: str) -> dict[str, Any]:
        """The two are different people: the pair is not proposed again."""
        now = iso_now()
        with self.engine.begin() as conn:
            lock_feed(conn)
            self._pending(conn, review_id)
            self._decide(conn, review_id, "rejected", by, now)
            row = conn.execute(select(merge_review).where(merge_review.c.id == review_id)).one()
            return _describe(conn, row)

    @staticmethod
    def _pending(conn: Connection, review_id: str) -> Any:
        row = conn.execute(select(merge_review).where(merge_review.c.id == review_id)).first()
        if row is None:
            raise ReviewError(404, "no such merge review")
        if row.status != "pending":
            raise ReviewError(409, f"this merge review was already {row.status}")
        return row

    @staticmethod
    def _decide(conn: Connection, review_id: str, status: str, by: str, now: str) -> None:
        conn.execute(
            update(merge_review)
            .where(merge_review.c.id == review_id)
            .values(status=status, decided_at=now, decided_by=by)
        )


def iso_now() -> str:
    return utc_now_text()
