"""The hub's operations, independent of HTTP: routes, the CLI and the tests all call these."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, Engine

from rapport.hub import hub_settings, payments, staff
from rapport.hub import push as push_mod
from rapport.hub.identity import normalize_identity_rows
from rapport.hub.ingest.systems import Systems
from rapport.hub.ingest.tracking import Tracking
from rapport.hub.live import ChangeNotifier
from rapport.hub.notify import Outbound, attach
from rapport.hub.outbox import MessageDispatcher
from rapport.hub.payments import PaymentLinks
from rapport.hub.pglisten import ChangeListener
from rapport.hub.store import aliases, audit, changes, devices, subscriptions, users
from rapport.hub.store.customers import UnknownCustomer, exists
from rapport.hub.store.db import get_meta, open_engine, set_meta, truncate_wal
from rapport.hub.store.erasure import ErasureReport, erase_customer
from rapport.hub.store.merge import MergeReport, merge_customers
from rapport.hub.store.search import search_customers
from rapport.hub.store.subjects import is_erased
from rapport.hub.throttle import LoginThrottle

log = logging.getLogger(__name__)


class CursorError(ValueError):
    """A cursor this hub did not issue or cannot parse."""


class Hub:
    def __init__(
        self,
        engine: Engine,
        token_ttl: timedelta = timedelta(hours=12),
        default_region: str = "FR",
        outbound: Outbound | None = None,
    ) -> None:
        self.engine = engine
        self.token_ttl = token_ttl
        self.default_region = default_region
        self.notifier = ChangeNotifier()
        # Set while the server runs on PostgreSQL: hears the other hub processes' commits.
        self.listener: ChangeListener | None = None
        self.hub_id = get_meta(engine, "hub_id") or "hub"
        # What customer messages go through (baskets): SMTP from the environment, SMS to a file.
        self.outbound = outbound or Outbound.for_engine(engine)
        # Where a sent basket's Pay button leads (RAPPORT_PAYMENT_URL), or none.
        self.payments: PaymentLinks = payments.from_env()
        self.login_throttle = LoginThrottle()
        attach(engine, self.outbound)
        # Sends what pushes enqueued, after they commit; the server runs it (create_app's
        # lifespan), so a Hub opened by a CLI command sends nothing behind its back.
        self.dispatcher = MessageDispatcher(engine, lambda: self.outbound, self.notifier.notify)
        with engine.begin() as conn:
            # Hub processes starting together on one PostgreSQL database: the first writes the
            # defaults, the others then see them (the counter lock before their reads).
            changes.lock_feed(conn)
            hub_settings.ensure_defaults(conn, users.now_iso())
            staff.backfill(conn)
        # Segment-compatible tracking (rapport.hub.ingest): write keys, dedupe, identity resolution.
        self.tracking = Tracking(engine, self.notifier.notify, default_region)
        # Orders, interactions and customers from other systems, by their own ids.
        self.systems = Systems(engine, self.notifier.notify, default_region)

    def add_write_key(self, name: str, origins: Iterable[str] = ()) -> str:
        """A new tracking write key for source ``name``: returned once, only its hash is kept.
        ``origins``: the sites whose pages may send with it from a browser (``["*"]``: any)."""
        return self.tracking.add_write_key(name, origins)[1]

    @classmethod
    def open(cls, url: str, **kwargs: Any) -> Hub:
        return cls(open_engine(url), **kwargs)

    # -- client releases ------------------------------------------------------------------------
    def announce_client(self, version: str, download_url: str) -> None:
        """The desktop release agents should run; clients tell their agent when theirs is older."""
        set_meta(self.engine, "client_version", version)
        set_meta(self.engine, "client_download_url", download_url)

    def client_release(self) -> dict[str, str] | None:
        version = get_meta(self.engine, "client_version")
        if not version:
            return None
        return {
            "version": version,
            "download_url": get_meta(self.engine, "client_download_url") or "",
        }

    # -- writes ---------------------------------------------------------------------------------
    def write(self, entity: str, rows: Sequence[Mapping[str, Any]]) -> int:
        with self.engine.begin() as conn:
            last = self._write(conn, entity, rows)
        self.notifier.notify()
        return last

    def write_batches(
        self,
        batches: Iterable[tuple[str, Sequence[Mapping[str, Any]]]],
        rows_per_commit: int = 100_000,
    ) -> int:
        """Bulk load (seed, imports): a commit every ``rows_per_commit`` rows, so readers see
        progress and the WAL stays bounded; one wake-up per commit."""
        total = pending = 0
        conn = self.engine.connect()
        try:
            trans = conn.begin()
            for entity, rows in batches:
                self._write(conn, entity, rows)
                total += len(rows)
                pending += len(rows)
                if pending >= rows_per_commit:
                    trans.commit()
                    self.notifier.notify()
                    trans, pending = conn.begin(), 0
            trans.commit()
        finally:
            conn.close()
        self.notifier.notify()
        return total

    def _write(self, conn: Any, entity: str, rows: Sequence[Mapping[str, Any]]) -> int:
        if entity == "identity":
            rows = normalize_identity_rows(rows, self.default_region)
        return changes.write_rows(conn, entity, rows)

    def delete(self, entity: str, ids: Sequence[str]) -> int:
        with self.engine.begin() as conn:
            last = changes.delete_rows(conn, entity, ids)
        self.notifier.notify()
        return last

    # -- pushed mutations, merges, erasure ---------------------------------------------------
    def push(
        self, u: users.User, device_id: str, mutations: Sequence[push_mod.Mutation]
    ) -> dict[str, Any]:
        """Apply a device's batch (see ``rapport.protocol``); raises
        :class:`rapport.hub.push.DeviceOfAnotherUser`."""
        try:
            return push_mod.push(self.engine, u, device_id, mutations, self.notifier.notify)
        finally:
            self.dispatcher.wake()  # a basket.send may have enqueued a message

    def acked_through(self, u: users.User, device_id: str) -> int | None:
        with self.engine.connect() as conn:
            return devices.last_seq(conn, device_id, u.id)

    def merge(self, source: str, into: str, reason: str, by: str | None = None) -> MergeReport:
        """Merge customer ``source`` into ``into``; raises
        :class:`rapport.hub.store.merge.MergeError` (with an HTTP status)."""
        with self.engine.begin() as conn:
            report = merge_customers(conn, source, into, reason, by, users.now_iso())
        self.notifier.notify()
        return report

    def erase(self, customer_id: str, reason: str, by: str | None = None) -> ErasureReport:
        """Erase a customer; raises :class:`UnknownCustomer`. Once committed, their messages go
        from the outbox files and, on SQLite, the WAL is emptied: it still holds their rows."""
        with self.engine.begin() as conn:
            report = erase_customer(
                conn, customer_id, reason, by, users.now_iso(), self.default_region
            )
        self.notifier.notify()
        if not report.already:
            self.outbound.forget(report.addresses)
            if not truncate_wal(self.engine):
                log.warning("erasure: the database's WAL is in use; emptied when the hub stops")
        return report

    def put_setting(self, key: str, value: Any) -> dict[str, Any]:
        """Change a replicated setting; raises :class:`rapport.hub.hub_settings.SettingError`."""
        with self.engine.begin() as conn:
            row = hub_settings.put_setting(conn, key, value, users.now_iso())
        self.notifier.notify()
        return row

    # -- subscriptions (pinned customers) --------------------------------------------------------
    def subscribe(self, u: users.User, customer_id: str) -> list[dict[str, Any]]:
        """Pin a customer for ``u``; returns every row about them as changes (and, when
        ``customer_id`` was merged into another, a redirect after them). Raises
        :class:`UnknownCustomer`."""
        with self.engine.begin() as conn:
            target = _live_customer(conn, customer_id)
            subscriptions.subscribe(conn, u.id, target, users.now_iso())
            snapshot = subscriptions.customer_snapshot(conn, target)
        if target != customer_id:
            # After the rows: a cache applies redirects after the upserts of the same page.
            snapshot.append(
                {
                    "entity": "customer",
                    "op": "redirect",
                    "id": customer_id,
                    "version": 0,
                    "data": {"into": target},
                }
            )
        return snapshot

    def unsubscribe(self, u: users.User, customer_id: str) -> None:
        with self.engine.begin() as conn:
            subscriptions.unsubscribe(conn, u.id, aliases.resolve_one(conn, customer_id))

    # -- users ----------------------------------------------------------------------------------
    def add_user(
        self,
        username: str,
        password: str,
        display_name: str,
        role: str,
        store_id: str | None = None,
    ) -> users.User:
        with self.engine.begin() as conn:
            u = users.add_user(conn, username, password, display_name, role, store_id)
            staff.publish(conn, u)
        self.notifier.notify()
        return u

    def login(self, username: str, password: str) -> tuple[users.User, str, str] | None:
        with self.engine.begin() as conn:
            u = users.authenticate(conn, username, password)
            if u is None:
                return None
            raw, expires = users.issue_token(conn, u, self.token_ttl)
        return u, raw, expires

    def logout(self, raw: str) -> bool:
        with self.engine.begin() as conn:
            return users.revoke_token(conn, raw)

    def list_users(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return users.list_users(conn)

    def set_user_disabled(self, username: str, disabled: bool) -> users.User:
        """Raises :class:`rapport.hub.store.users.UnknownUser`."""
        with self.engine.begin() as conn:
            u = users.set_disabled(conn, username, disabled)
            staff.publish(conn, u, active=not disabled)
        self.notifier.notify()
        return u

    def reset_password(self, username: str, password: str) -> users.User:
        """Raises :class:`rapport.hub.store.users.UnknownUser`."""
        with self.engine.begin() as conn:
            return users.reset_password(conn, username, password)

    def user_for_token(self, raw: str) -> users.User | None:
        with self.engine.connect() as conn:
            return users.user_for_token(conn, raw)

    # -- reads ----------------------------------------------------------------------------------
    def scope_for(self, u: users.User) -> changes.Scope:
        # Associates replicate their store's customers and those they pinned; agents and above the
        # whole book.
        if u.role == "associate":
            return changes.Scope(store_id=u.store_id, user_id=u.id)
        return changes.Scope()

    def encode_cursor(self, seq: int) -> str:
        return f"{self.hub_id}.{seq}"

    def decode_cursor(self, cursor: str | None) -> tuple[int, bool]:
        """Returns (seq, reset). A cursor of another hub, or older than the compaction horizon,
        means the client must start over."""
        if not cursor:
            return 0, False
        hub_id, sep, seq_text = cursor.rpartition(".")
        if not sep or not seq_text.isdigit() or len(seq_text) > 18:
            raise CursorError("cursor is not one this hub issued")
        seq = int(seq_text)
        if hub_id != self.hub_id:
            return 0, True
        horizon = int(get_meta(self.engine, "horizon_seq") or 0)
        if seq < horizon:
            return 0, True
        return seq, False

    def changes(self, after: int, limit: int, scope: changes.Scope) -> changes.ChangePage:
        with self.engine.connect() as conn:
            return changes.read_changes(conn, after, limit, scope)

    def latest_seq(self) -> int:
        with self.engine.connect() as conn:
            return changes.latest_seq(conn)

    def has_customers(self) -> bool:
        """Whether any customer was ever loaded (a new hub holds only its default settings)."""
        with self.engine.connect() as conn:
            return changes.any_rows(conn, "customer")

    def search(
        self, q: str, limit: int, scope: changes.Scope, by: users.User | None = None
    ) -> list[dict[str, Any]]:
        with self.engine.begin() as conn:
            results = search_customers(conn, q, limit, scope, self.default_region)
            if by is not None:
                one = results[0]["id"] if len(results) == 1 else None
                audit.record(conn, "search", by.id, users.now_iso(), one,
                             {"q": q, "results": len(results)})  # fmt: skip
            return results

    def audit(self, **filters: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return audit.query(conn, **filters)

    def export_customer(self, customer_id: str, by: users.User) -> dict[str, Any]:
        """Everything held about a person (GDPR access request); raises :class:`UnknownCustomer`.
        The export itself is audited."""
        with self.engine.begin() as conn:
            target = _live_customer(conn, customer_id)
            rows: dict[str, list[Any]] = {}
            for ch in subscriptions.customer_snapshot(conn, target):
                rows.setdefault(ch["entity"], []).append(ch["data"])
            now = users.now_iso()
            audit.record(conn, "export", by.id, now, target)
            return {
                "customer_id": target,
                "exported_at": now,
                "merged_ids": aliases.aliases_of(conn, target),
                "data": rows,
                "access_log": audit.query(conn, customer_id=target, limit=audit.MAX_ROWS),
            }


def _live_customer(conn: Connection, customer_id: str) -> str:
    """The customer ``customer_id`` is now (merges followed); erased and unknown ids raise
    :class:`UnknownCustomer` alike."""
    if is_erased(conn, customer_id):
        raise UnknownCustomer(customer_id)
    target = aliases.resolve_one(conn, customer_id)
    if not exists(conn, target):
        raise UnknownCustomer(customer_id)
    return target
