"""Views of a customer, queued for the hub's audit trail like any write (so an offline view is
audited when the network returns), but never shown to the user as pending
(:data:`rapport.protocol.SILENT_MUTATIONS`)."""

from __future__ import annotations

from rapport.cache.outbox import enqueue
from rapport.cache.outbox_file import begin_write
from rapport.cache.recent import note_recent
from rapport.cache.retention import note_opened
from rapport.cache.writes import LocalWrites

MAX_QUERY = 256


def record_view(
    writes: LocalWrites, customer_id: str, source: str, query: str | None = None
) -> int:
    args: dict[str, object] = {
        "customer_id": customer_id,
        "viewed_at": writes.now_text(),
        "source": source,
    }
    if query and query.strip():
        args["query"] = query.strip()[:MAX_QUERY]
    with writes.conn:
        begin_write(writes.conn)
        note_opened(writes.conn, customer_id, str(args["viewed_at"]))
        note_recent(writes.conn, customer_id, str(args["viewed_at"]))
        return enqueue(
            writes.conn,
            "customer.view",
            args,
            customer_id=customer_id,
            target_id=None,
            summary=f"Viewed ({source})",
        )
