"""What the hub answered to a push, written to the cache in one transaction: applied writes
leave the outbox; rejected ones stay with their reason; where the hub kept its own value
(compare-and-set conflict, superseded consent) the cache takes the hub's value and the user gets a
notice."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from rapport.cache.apply import purge_customer
from rapport.cache.outbox_file import begin_write, heard_last_seq, renumber_pending
from rapport.cache.search_index import reindex_customers
from rapport.protocol import EDITABLE_CUSTOMER_FIELDS, SILENT_MUTATIONS


@dataclass(slots=True)
class AckReport:
    applied: int = 0
    rejected: int = 0
    notices: int = 0
    customers: set[str] = field(default_factory=set)
    renumber: set[int] = field(default_factory=set)  # pending writes the hub numbered otherwise
    renumbered: int = 0  # pending writes given new numbers: to send again


def _set_field(conn: sqlite3.Connection, customer_id: str, name: str, value: Any) -> None:
    if name not in EDITABLE_CUSTOMER_FIELDS:
        return
    stored = orjson.dumps(value).decode() if name == "preferences" and value is not None else value
    conn.execute(f"UPDATE customer SET {name} = ? WHERE id = ?", (stored, customer_id))


def _set_consent(conn: sqlite3.Connection, customer_id: str, channel: str, value: Any) -> None:
    row = conn.execute("SELECT consent FROM customer WHERE id = ?", (customer_id,)).fetchone()
    if row is None:
        return
    consent = orjson.loads(row[0]) if row[0] else {}
    consent[channel] = value
    conn.execute(
        "UPDATE customer SET consent = ? WHERE id = ?",
        (orjson.dumps(consent).decode(), customer_id),
    )


# The hub's answer to a number it already holds for another write (hub.push._replay): this write
# was never applied; it is given a new number and sent again (outbox_file.renumber_pending).
ANOTHER_WRITE = "of this device was another write"


def apply_push_results(
    conn: sqlite3.Connection,
    results: Sequence[Mapping[str, Any]],
    last_seq: int | None = None,
    expected_seq: int | None = None,
) -> AckReport:
    """``last_seq``: the hub's last applied number for this device, stored as heard.
    ``expected_seq``: set by the hub when a gap in the numbers stopped it (a pending write erased
    here, a restored hub): the pending writes are renumbered right after ``last_seq``, as are
    those the hub answered "another write" for; the caller sends them again."""
    report = AckReport()
    with conn:
        begin_write(conn)
        if last_seq is not None:
            heard_last_seq(conn, int(last_seq))
        for res in results:
            seq = int(res["client_seq"])
            # By number and id: an answer about a write since renumbered lands on nothing.
            row = conn.execute(
                "SELECT name, args, customer_id FROM outbox WHERE client_seq = ?"
                " AND (? IS NULL OR mutation_id = ?) AND state = 'pending'",
                (seq, res.get("mutation_id"), res.get("mutation_id")),
            ).fetchone()
            if row is None:
                continue  # already handled (a repeated answer)
            name, args, customer_id = row[0], orjson.loads(row[1]), row[2]
            err = res.get("error") or {}
            if res.get("status") == "rejected" and ANOTHER_WRITE in str(err.get("message")):
                report.renumber.add(seq)
                continue
            if customer_id:
                report.customers.add(customer_id)
            if res.get("status") == "rejected" and name in SILENT_MUTATIONS:
                # Nothing for the user to decide (a view of a customer erased meanwhile).
                conn.execute("DELETE FROM outbox WHERE client_seq = ?", (seq,))
                continue
            if res.get("status") == "rejected":
                err = res.get("error") or {}
                _revert(conn, name, args, err.get("current"))
                conn.execute(
                    "UPDATE outbox SET state = 'rejected', error_code = ?, last_error = ?"
                    " WHERE client_seq = ?",
                    (str(err.get("code") or "rejected"), str(err.get("message") or ""), seq),
                )
                report.rejected += 1
                continue
            notice = _reconcile(conn, name, args, res.get("result") or {})
            if notice:
                conn.execute(
                    "UPDATE outbox SET state = 'notice', error_code = ?, last_error = ?"
                    " WHERE client_seq = ?",
                    (*notice, seq),
                )
                report.notices += 1
            else:
                conn.execute("DELETE FROM outbox WHERE client_seq = ?", (seq,))
            report.applied += 1
        if last_seq is not None and (report.renumber or expected_seq is not None):
            report.renumbered = renumber_pending(conn, int(last_seq), report.renumber)
    return report


def _revert(conn: sqlite3.Connection, name: str, args: dict[str, Any], current: Any) -> None:
    """Undo the local effect of a write the hub refused, so the cache shows the hub's truth."""
    cid = args.get("customer_id")
    if name == "customer.update" and isinstance(current, dict) and cid:
        for fname, value in current.items():
            _set_field(conn, cid, fname, value)
        reindex_customers(conn, [cid])
    elif name == "consent.set" and cid and isinstance(current, dict):
        _set_consent(conn, cid, str(args.get("channel")), current)
    # A refused interaction stays in the timeline, marked rejected, until the user dismisses it.


def _reconcile(
    conn: sqlite3.Connection, name: str, args: dict[str, Any], result: dict[str, Any]
) -> tuple[str, str] | None:
    """Take the hub's value where it kept its own; returns the notice for the agent, if any: its
    code (``conflict:<field>,<field>``, ``merged:<email|phone|...>``, ``superseded``, which the
    interface words in its language) and the English sentence (the command line, the logs)."""
    cid = args.get("customer_id")
    if name == "customer.update" and cid:
        conflicts = result.get("conflicts") or []
        for c in conflicts:
            _set_field(conn, cid, str(c.get("field")), c.get("current"))
        if conflicts:
            reindex_customers(conn, [cid])
            fields = [str(c.get("field")) for c in conflicts]
            return (
                "conflict:" + ",".join(fields),
                f"Someone changed {', '.join(fields)} first; the newer value was kept.",
            )
    if name == "customer.create" and result.get("merged_into"):
        matched = str(result.get("matched"))
        how = {"email": "the same email", "phone": "the same phone number"}.get(
            matched, "the same details"
        )
        # The redirect that moves what was queued for the new profile comes with the next pull.
        return (
            f"merged:{matched}",
            f"Already a customer with {how}: the new profile was merged into theirs.",
        )
    if name == "consent.set" and cid and result.get("superseded"):
        current = result.get("consent")
        if isinstance(current, dict):
            _set_consent(conn, cid, str(args.get("channel")), current)
        return (
            "superseded",
            f"A more recent {args.get('channel')} consent was already recorded and was kept.",
        )
    return None


def dismiss_entry(conn: sqlite3.Connection, client_seq: int) -> None:
    """The user has read a rejection or notice. A refused interaction leaves the timeline too."""
    with conn:
        begin_write(conn)
        row = conn.execute(
            "SELECT name, target_id, state FROM outbox WHERE client_seq = ?", (client_seq,)
        ).fetchone()
        if row is None or row[2] not in ("rejected", "notice"):
            return
        if row[0] == "interaction.log" and row[2] == "rejected" and row[1]:
            conn.execute("DELETE FROM interaction WHERE id = ?", (row[1],))
        if row[0] == "customer.create" and row[2] == "rejected" and row[1]:
            # The hub never took this customer: the local profile and what waits for it go too.
            purge_customer(conn, row[1])
        conn.execute("DELETE FROM outbox WHERE client_seq = ?", (client_seq,))
