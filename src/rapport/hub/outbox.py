"""Delivering the message outbox: the thread that sends what committed pushes enqueued.

A push that sends a basket only writes a ``message_outbox`` row in its transaction; this dispatcher
sends committed rows afterwards, so a failed commit sends nothing and a retried push (answered from
the device's stored result) enqueues nothing twice.

Each row is sent at most once, across restarts and hub processes:

1. **mark before**: a row is claimed (``pending`` -> ``sending``, one conditional UPDATE that one
   process wins) and that is committed *before* the provider is called;
2. **mark after**: the outcome is committed once the provider answers: ``sent``; ``failed`` for a
   refusal (a bad address); back to ``pending`` with a later ``next_attempt_at`` (exponential
   backoff) when the provider could not be reached, until ``give_up_after``.

Right before the hand-over, the row is read again under the change feed's lock, which an erasure
holds: a message whose customer was erased since the claim is not sent, and one kept in the hub's
own outbox files is appended while the lock is held, so the erasure's rewrite of those files
comes after it (``_hand_over``).

A row still ``sending`` after ``orphan_after`` was claimed by a hub that stopped between the call
and step 2: it may or may not have reached the customer, so it is never sent again; it is settled
as failed with that reason, which the associate sees, rather than risking a second message.

The outcome reaches the desks through the change log: the basket row turns ``sent`` (with
``sent_at``) or ``failed``, and the timeline gets a ``basket_sent`` or ``basket_send_failed``
interaction whose summary holds the reason.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine

from rapport.hub.mutations.basket import failed_interaction, get_basket, sent_interaction
from rapport.hub.notify import DeliveryRefused, Notifier, Outbound
from rapport.hub.store import outbox as rows
from rapport.hub.store.changes import lock_feed, write_rows
from rapport.hub.store.customers import get_customer, put_customer
from rapport.hub.store.subjects import ErasedSubjectError
from rapport.hub.store.users import now_iso

_log = logging.getLogger("rapport.hub.outbox")


class MessageDispatcher:
    def __init__(
        self,
        engine: Engine,
        outbound: Callable[[], Outbound],
        on_commit: Callable[[], None],
        *,
        base_delay: float = 2.0,
        max_delay: float = 300.0,
        give_up_after: timedelta = timedelta(hours=24),
        orphan_after: timedelta = timedelta(minutes=10),
        poll_seconds: float = 5.0,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.engine = engine
        self.outbound = outbound
        self.on_commit = on_commit
        self.base_delay, self.max_delay = base_delay, max_delay
        self.give_up_after = give_up_after
        # Longer than a provider call can take (SMTP times out after 15 s), or a live send of
        # another hub process would be taken for an orphan.
        self.orphan_after = orphan_after
        self.poll_seconds = poll_seconds
        self.clock = clock
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- the thread ------------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="rapport-outbox", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 20.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wake(self) -> None:
        """A push enqueued something (or may have): look now rather than at the next poll."""
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self.run_once()
                wait = self._seconds_to_next()
            except Exception as exc:  # a database hiccup must not end deliveries for good
                _log.warning("outbox: %s; trying again shortly", type(exc).__name__)
                wait = self.poll_seconds
            self._wake.wait(wait)

    def _seconds_to_next(self) -> float:
        with self.engine.connect() as conn:
            at = rows.next_due(conn)
        if at is None:
            return self.poll_seconds
        delta = (datetime.fromisoformat(at.replace("Z", "+00:00")) - self.clock()).total_seconds()
        return max(0.0, min(self.poll_seconds, delta))

    # -- one pass --------------------------------------------------------------------------------
    def run_once(self, limit: int = 50) -> int:
        """Settle orphans, then send what is due; returns how many were sent."""
        self._settle_orphans()
        sent = 0
        while not self._stop.is_set():
            with self.engine.connect() as conn:
                keys = rows.due(conn, now_iso(self.clock()), limit)
            if not keys:
                break
            for key in keys:
                if self._stop.is_set():
                    break
                sent += self._deliver(key)
            if len(keys) < limit:
                break
        return sent

    def _deliver(self, key: str) -> int:
        with self.engine.begin() as conn:  # mark before: committed before the provider is called
            row = rows.claim(conn, key, now_iso(self.clock()))
        if row is None:
            return 0  # another hub process has it
        notifier = self.outbound().notifiers.get(row.channel)
        try:
            if notifier is None:
                raise DeliveryRefused(f"this hub cannot send {row.channel} messages")
            if not self._hand_over(notifier, row):
                return 0  # the customer was erased since the claim: not sent, nothing to tell
        except DeliveryRefused as exc:
            self._finish(row, rows.FAILED, str(exc) or "the provider refused the message")
            return 0
        except Exception as exc:  # unreachable or failing provider: worth another try later
            self._retry(row, exc)
            return 0
        self._finish(row, rows.SENT, None)
        return 1

    def _hand_over(self, notifier: Notifier, row: rows.Row) -> bool:
        """Give the message to its notifier if it is still there; False when an erasure took it
        since the claim. An erasure holds the change feed's lock while it deletes the message and
        rewrites the hub's outbox files after it commits, so the two take turns on that lock: a
        message kept in a file of the hub's is appended while the lock is held (the erasure, if
        one comes, then finds it in the file), never after the erasure looked. A provider is
        called outside the lock (it may take seconds); what it took is its own to erase."""
        with self.engine.begin() as conn:
            lock_feed(conn)
            if rows.state_of(conn, row.key) != rows.SENDING:
                return False
            if getattr(notifier, "keeps_copy", False):
                notifier.send(row.message)
                return True
        notifier.send(row.message)
        return True

    def _retry(self, row: rows.Row, exc: Exception) -> None:
        now = self.clock()
        why = f"{type(exc).__name__}: the provider could not be reached"
        created = datetime.fromisoformat(row.created_at.replace("Z", "+00:00"))
        if now - created >= self.give_up_after:
            hours = self.give_up_after.total_seconds() / 3600
            self._finish(row, rows.FAILED, f"the provider could not be reached for {hours:g} h")
            return
        # Exponential backoff with full jitter: a provider coming back is not hit by every row
        # at once.
        cap = min(self.max_delay, self.base_delay * 2 ** (row.attempts - 1))
        delay = cap / 2 + random.uniform(0, cap / 2)
        # Rounded up to the whole second the column holds: never sooner than the backoff says.
        at = now + timedelta(seconds=delay)
        if at.microsecond:
            at = at.replace(microsecond=0) + timedelta(seconds=1)
        with self.engine.begin() as conn:
            rows.retry_later(conn, row.key, now_iso(at), why)
        _log.info("outbox: %s message not sent (attempt %d): %s", row.channel, row.attempts, why)

    def _finish(self, row: rows.Row, state: str, reason: str | None) -> None:
        at = now_iso(self.clock())
        with self.engine.begin() as conn:  # mark after
            if not rows.settle(conn, row.key, state, at, reason):
                return  # erased meanwhile: nothing to tell anyone
            self._tell_desks(conn, row.basket_id, row.channel, row.user_id, at, reason)
        self.on_commit()
        if reason:
            _log.warning("outbox: %s message failed: %s", row.channel, reason)

    def _settle_orphans(self) -> None:
        cutoff = now_iso(self.clock() - self.orphan_after)
        with self.engine.connect() as conn:
            found = rows.orphans(conn, cutoff)
        for key, basket_id in found:
            reason = (
                "the hub stopped while sending it: it may have reached the customer; "
                "check with them before sending it again"
            )
            at = now_iso(self.clock())
            with self.engine.begin() as conn:
                if rows.settle(conn, key, rows.FAILED, at, reason):
                    self._tell_desks(conn, basket_id, None, None, at, reason)
            self.on_commit()

    def _tell_desks(
        self,
        conn: Connection,
        basket_id: str,
        channel: str | None,
        user_id: str | None,
        at: str,
        reason: str | None,
    ) -> None:
        """The basket's new status and a timeline row, through the change log."""
        basket = get_basket(conn, basket_id)
        if basket is None:
            return
        channel = channel or basket.get("sent_channel") or "email"
        if reason is None:
            basket.update(status="sent", sent_at=at, updated_at=at)
            timeline = sent_interaction(basket, channel, at, user_id)
        else:
            basket.update(status="failed", updated_at=at)
            timeline = failed_interaction(basket, channel, at, user_id, reason)
        try:
            write_rows(conn, "basket", [basket])
            write_rows(conn, "interaction", [timeline])
        except ErasedSubjectError:
            return
        if reason is None:
            customer = get_customer(conn, basket["customer_id"])
            if customer is not None and (customer.get("last_contact_at") or "") < at:
                customer["last_contact_at"] = at
                put_customer(conn, customer)
