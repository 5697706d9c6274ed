"""The hub's operations, independent of HTTP: routes, the CLI and the tests all call these."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine

from rapport.hub.identity import normalize_identity_rows
from rapport.hub.live import ChangeNotifier
from rapport.hub.store import changes, users
from rapport.hub.store.db import get_meta, open_engine
from rapport.hub.store.search import search_customers


class CursorError(ValueError):
    """A cursor this hub did not issue or cannot parse."""


class Hub:
    def __init__(
        self, engine: Engine, token_ttl: timedelta = timedelta(hours=12), default_region: str = "FR"
    ) -> None:
        self.engine = engine
        self.token_ttl = token_ttl
        self.default_region = default_region
        self.notifier = ChangeNotifier()
        self.hub_id = get_meta(engine, "hub_id") or "hub"

    @classmethod
    def open(cls, url: str, **kwargs: Any) -> Hub:
        return cls(open_engine(url), **kwargs)

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
            return users.add_user(conn, username, password, display_name, role, store_id)

    def login(self, username: str, password: str) -> tuple[users.User, str, str] | None:
        with self.engine.begin() as conn:
            u = users.authenticate(conn, username, password)
            if u is None:
                return None
            raw, expires = users.issue_token(conn, u, self.token_ttl)
        return u, raw, expires

    def user_for_token(self, raw: str) -> users.User | None:
        with self.engine.connect() as conn:
            return users.user_for_token(conn, raw)

    # -- reads ----------------------------------------------------------------------------------
    def scope_for(self, u: users.User) -> changes.Scope:
        # Associates replicate their store's customers; agents and above the whole book.
        return changes.Scope(store_id=u.store_id if u.role == "associate" else None)

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

    def search(self, q: str, limit: int, scope: changes.Scope) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return search_customers(conn, q, limit, scope, self.default_region)
