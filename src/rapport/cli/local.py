"""The headless commands on this computer's cache: ``rapport search``, ``rapport log`` (queue an
interaction in the outbox, offline too) and ``rapport sync``. They import only what they use: no
Qt, no hub (a demo folder's cache is found by its path alone)."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from rapport.cli.login import add_sync_flags

_DATA_HELP = "a demo folder kept with `rapport demo --data`"
_TokenSource = Callable[[], Awaitable[str | None]]


def add_parsers(sub: Any) -> None:
    lg = sub.add_parser(
        "log", help="queue an interaction in the outbox (works offline); prints its id"
    )
    lg.add_argument("--customer", required=True, help="customer id")
    lg.add_argument("--channel", default="phone")
    lg.add_argument("--direction", default="inbound", choices=["inbound", "outbound", "internal"])
    lg.add_argument("--kind", default="call")
    lg.add_argument("--disposition", help="wrap-up code")
    lg.add_argument("--note", required=True, help="what happened")
    lg.add_argument("--data", type=Path, help=_DATA_HELP)

    sy = sub.add_parser("sync", help="send the outbox and pull changes; prints what moved")
    sy.add_argument("--once", action="store_true", help="one round, then exit")
    sy.add_argument("--data", type=Path, help=_DATA_HELP)
    add_sync_flags(sy)


def add_search_parser(sub: Any) -> None:
    s = sub.add_parser("search", help="find customers in the local cache")
    s.add_argument("text")
    s.add_argument("--data", type=Path, help=_DATA_HELP)
    s.add_argument("--limit", type=int, default=20)


def local_cache(args: argparse.Namespace, command: str) -> Path | None:
    """The cache a headless command works on: a kept demo's, or the signed-in profile's."""
    from rapport.config import Settings, cache_path_for, demo_cache_path, profile_dir

    if args.data:
        path = demo_cache_path(args.data)
    else:
        settings = Settings.load()
        if not (settings.hub_url and settings.username):
            print(f"rapport {command}: no local cache; sign in with `rapport` first, or pass "
                  "--data DIR of a demo kept with `rapport demo --data DIR`", file=sys.stderr)  # fmt: skip
            return None
        path = cache_path_for(profile_dir(settings.hub_url, settings.username))
    if not path.exists():
        print(f"rapport {command}: no cache at {path}", file=sys.stderr)
        return None
    return path


def open_checked(command: str, path: Path) -> sqlite3.Connection | None:
    """The cache through its integrity check, migrations and repair; what a repair did goes to
    stderr (stdout stays the command's output for scripts)."""
    from rapport.cache.db import CacheError, open_cache

    try:
        conn, report = open_cache(path)
    except CacheError as exc:
        print(f"rapport {command}: {exc}", file=sys.stderr)
        return None
    message = report.message()
    if message:
        print(f"rapport {command}: {message}", file=sys.stderr)
    return conn


def run_search(args: argparse.Namespace) -> int:
    from rapport.cache.search import search_customers
    from rapport.config import Settings
    from rapport.domain.phones import format_phone

    path = local_cache(args, "search")
    if path is None:
        return 2
    region = Settings.load().region
    conn = open_checked("search", path)
    if conn is None:
        return 2
    try:
        hits = search_customers(conn, args.text, args.limit, region)
    finally:
        conn.close()
    if not hits:
        print("no match", file=sys.stderr)
        return 1
    for h in hits:
        phone = format_phone(h.phone, region) if h.phone else ""
        print(
            "\t".join([h.id, h.name, h.tier or "", h.email or "", phone, h.last_contact_at or ""])
        )
    return 0


def run_log(args: argparse.Namespace) -> int:
    from rapport.cache.db import connect_local_writer
    from rapport.cache.profile import load_profile
    from rapport.cache.writes import LocalWrites, WriteError

    path = local_cache(args, "log")
    if path is None:
        return 2
    checked = open_checked("log", path)  # check, migrate, repair before writing
    if checked is None:
        return 2
    checked.close()
    conn = connect_local_writer(path)
    try:
        _hub, user = load_profile(conn)
        writes = LocalWrites(conn, str((user or {}).get("id") or ""), (user or {}).get("store_id"))
        iid = writes.log_interaction(
            args.customer,
            channel=args.channel,
            summary=args.note,
            direction=args.direction,
            kind=args.kind,
            disposition=args.disposition,
        )
    except WriteError as exc:
        print(f"rapport log: {exc.field}: {exc}", file=sys.stderr)
        return 2
    finally:
        conn.close()
    print(iid)
    return 0


def run_sync(args: argparse.Namespace) -> int:
    import asyncio

    from rapport.cache.profile import load_profile
    from rapport.cli.login import read_secret
    from rapport.sync.client import AuthRequired, HubError

    path = local_cache(args, "sync")
    if path is None:
        return 2
    conn = open_checked("sync", path)
    if conn is None:
        return 2
    hub_url, user = load_profile(conn)
    conn.close()
    if not hub_url:
        print("rapport sync: this cache does not say which hub it syncs with", file=sys.stderr)
        return 2
    # Scripts and kiosks (no keyring): a token, or the password, on stdin; kept in memory only.
    given = read_secret() if (args.token_stdin or args.password_stdin) else None
    username = str((user or {}).get("username") or "")
    try:
        run = _sync_once if args.once else _sync_forever
        return asyncio.run(run(path, hub_url, lambda: _token(args, hub_url, username, given)))
    except AuthRequired as exc:
        print(f"rapport sync: sign in again ({exc})", file=sys.stderr)
        return 3
    except HubError as exc:
        print(f"rapport sync: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


async def _token(
    args: argparse.Namespace, hub_url: str, username: str, given: str | None
) -> str | None:
    """Where ``rapport sync`` takes its token from: stdin (a token, or a password to sign in
    with for this run), the demo's password for a demo folder, else the OS keyring."""
    from rapport.config import Settings
    from rapport.credentials import load_token

    if args.token_stdin:
        return given or None
    if args.password_stdin and given:
        from rapport.cli.login import sign_in_for_run

        return await sign_in_for_run(hub_url, username or Settings.load().username, given)
    if args.data:  # a demo: its agent signs in with the demo password
        from rapport.hub.demo_users import DEMO_PASSWORD
        from rapport.sync.client import HubClient

        async with HubClient(hub_url) as client:
            return (await client.login(username or "agent", DEMO_PASSWORD)).token
    return load_token(hub_url, Settings.load().username)


async def _sync_once(path: Path, hub_url: str, token: _TokenSource) -> int:
    from rapport.sync.engine import SyncEngine

    tok = await token()
    if not tok:
        print("rapport sync: not signed in; run `rapport login` (or start `rapport`)",
              file=sys.stderr)  # fmt: skip
        return 3
    engine = SyncEngine(path, hub_url, tok)
    try:
        pushed = await engine.push()
        pulled = await engine.pull()
    finally:
        await engine.aclose()
    st = engine.status
    print(f"pushed {pushed.applied} applied, {pushed.rejected} rejected; "
          f"pulled {pulled.rows} rows; now {st.pending} pending, {st.rejected} rejected")  # fmt: skip
    return 0


async def _sync_forever(path: Path, hub_url: str, token: _TokenSource) -> int:
    import asyncio

    from rapport.sync.engine import SyncEngine

    tok = await token()
    if not tok:
        print("rapport sync: not signed in; start `rapport` and sign in", file=sys.stderr)
        return 3
    engine = SyncEngine(path, hub_url, tok, on_status=lambda s: print(
        f"{s.state}: {s.pending} pending, {s.rejected} rejected {s.message}".rstrip(), flush=True))  # fmt: skip
    stop = asyncio.Event()
    try:
        await engine.run(stop)
    finally:
        await engine.aclose()
    return 0
