"""``rapport``: the desktop app and its commands. The only module that imports the UI."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from rapport import __version__


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="rapport", description="The agent's single view of the customer."
    )
    p.add_argument("--version", action="version", version=f"rapport {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = p.add_subparsers(dest="command")

    sub.add_parser("app", help="start the app (the default)")

    d = sub.add_parser("demo", help="start the app on an embedded demo hub with generated data")
    d.add_argument("--data", type=Path, help="keep the demo in this folder (reused next time)")
    d.add_argument("--customers", type=int, default=None, help="data set size (default 2000)")
    d.add_argument("--seed", type=int, default=42, help="random seed of the data set")
    d.add_argument("--user", default="agent", choices=["agent", "associate", "supervisor"])
    d.add_argument(
        "--open",
        metavar="TEXT",
        help="once synced, search TEXT and open the first match (support, screenshots)",
    )
    d.add_argument(
        "--self-test",
        action="store_true",
        help="run offscreen: sync, open one customer, print one line, exit",
    )

    h = sub.add_parser("hub", help="run the hub server")
    h.add_argument("--data", type=Path, help="folder of the embedded SQLite database")
    h.add_argument("--database", help="SQLAlchemy URL instead of --data")
    h.add_argument("--host", default="127.0.0.1")
    h.add_argument("--port", type=int, default=8765)
    h.add_argument(
        "--demo-customers",
        type=int,
        default=0,
        help="fill an empty hub with this many demo customers and the demo users",
    )

    s = sub.add_parser("search", help="find customers in the local cache")
    s.add_argument("text")
    s.add_argument("--data", type=Path, help="a demo folder kept with `rapport demo --data`")
    s.add_argument("--limit", type=int, default=20)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from rapport.logs import setup_logging

    setup_logging(args.verbose)
    command = args.command or "app"
    if command == "demo":
        return _demo(args)
    if command == "hub":
        return _hub(args)
    if command == "search":
        return _search(args)
    return _app()


def _demo(args: argparse.Namespace) -> int:
    from rapport.demo import DEFAULT_CUSTOMERS, hub_is_seeded, start_demo

    if args.customers is not None and args.customers < 1:
        print("rapport demo: --customers must be at least 1", file=sys.stderr)
        return 2
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    customers = args.customers or DEFAULT_CUSTOMERS
    if args.data is None or not hub_is_seeded(args.data):
        print(f"Generating the demo data set ({customers:,} customers)…", file=sys.stderr)
    try:
        site = start_demo(args.data, customers, args.seed, args.user)
    except Exception as exc:
        print(f"rapport demo: could not start the demo hub: {exc}", file=sys.stderr)
        return 1
    if site.seeded:
        print(
            f"Demo hub: {site.seeded.rows:,} rows in {site.seeded.seconds:.1f} s at {site.hub_url}",
            file=sys.stderr,
        )
    try:
        from rapport.ui.app import run_demo

        return run_demo(
            site.cache_path,
            site.hub_url,
            site.login.token,
            dict(site.login.user),
            self_test=args.self_test,
            open_text=args.open,
        )
    finally:
        site.close()


def _hub(args: argparse.Namespace) -> int:
    from rapport.hub.bootstrap import seed_demo
    from rapport.hub.seed import SeedConfig
    from rapport.hub.server import serve_forever
    from rapport.hub.service import Hub
    from rapport.hub.store.db import database_url

    if args.database:
        url = args.database
    elif args.data:
        args.data.mkdir(parents=True, exist_ok=True)
        url = database_url(args.data)
    else:
        print("rapport hub: give --data DIR or --database URL", file=sys.stderr)
        return 2
    hub = Hub.open(url)
    if args.demo_customers and hub.latest_seq() == 0:
        report = seed_demo(hub, SeedConfig(customers=args.demo_customers))
        print(
            f"seeded {report.rows:,} rows in {report.seconds:.1f} s; users agent, associate, "
            "supervisor with password 'demo'",
            file=sys.stderr,
        )
    serve_forever(hub, args.host, args.port)
    return 0


def _search(args: argparse.Namespace) -> int:
    from rapport.cache.db import connect
    from rapport.cache.search import search_customers
    from rapport.config import Settings, cache_path_for, profile_dir
    from rapport.demo import client_cache_path
    from rapport.domain.phones import format_phone

    settings = Settings.load()
    if args.data:
        path = client_cache_path(args.data)
    elif settings.hub_url and settings.username:
        path = cache_path_for(profile_dir(settings.hub_url, settings.username))
    else:
        print(
            "rapport search: no local cache; sign in with `rapport` first, or pass --data DIR "
            "of a demo kept with `rapport demo --data DIR`",
            file=sys.stderr,
        )
        return 2
    if not path.exists():
        print(f"rapport search: no cache at {path}", file=sys.stderr)
        return 2
    conn = connect(path)
    try:
        hits = search_customers(conn, args.text, args.limit, settings.region)
    finally:
        conn.close()
    if not hits:
        print("no match", file=sys.stderr)
        return 1
    for h in hits:
        phone = format_phone(h.phone, settings.region) if h.phone else ""
        print(
            "\t".join([h.id, h.name, h.tier or "", h.email or "", phone, h.last_contact_at or ""])
        )
    return 0


def _app() -> int:
    from rapport.ui.app import run_signed_in_app

    return run_signed_in_app()


if __name__ == "__main__":
    sys.exit(main())
