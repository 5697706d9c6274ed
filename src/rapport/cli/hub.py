"""``rapport hub`` (the hub server) and its administration: ``migrate``, ``user``,
``db-password``, ``import``. Run on the hub machine; the database is opened directly."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    h = sub.add_parser(
        "hub",
        help="run the hub server",
        description="One hub process per SQLite database (--data). On PostgreSQL (--database "
        "postgresql://USER:PASSWORD@HOST/DB) several hub processes may share one database: a "
        "change written through any of them reaches the clients of all. The schema is migrated "
        "to this version's on start (or beforehand with `rapport hub migrate`).",
    )
    h.add_argument(
        "--data", type=Path, help="folder of the embedded SQLite database (one hub process only)"
    )
    h.add_argument(
        "--database",
        help="postgresql://USER:PASSWORD@HOST[:PORT]/DB (or any SQLAlchemy URL) instead of --data",
    )
    h.add_argument("--host", default="127.0.0.1")
    h.add_argument("--port", type=int, default=8765)
    h.add_argument(
        "--demo-customers",
        type=int,
        default=0,
        help="fill an empty hub with this many demo customers and the demo users",
    )
    h.add_argument(
        "--client-version",
        metavar="VERSION",
        help="announce this desktop release to clients (they show an update notice if older)",
    )
    h.add_argument("--client-url", default="", help="where agents download --client-version")
    _add_admin_parsers(h.add_subparsers(dest="hub_command"))


def _add_admin_parsers(hs: Any) -> None:
    from rapport.hub.users_cli import add_parser as add_user_parser

    im = hs.add_parser(
        "import",
        help="load customers, orders or interactions from a CSV or JSON Lines export",
        description="Idempotent by (--source, external_id): importing the same file again "
        "updates the same rows. Rejected rows are listed with their line numbers.",
    )
    im.add_argument("file", type=Path)
    im.add_argument("--data", type=Path, help="folder of the embedded SQLite database")
    im.add_argument("--database", help="SQLAlchemy URL instead of --data")
    im.add_argument("--kind", choices=["customers", "orders", "interactions"])
    im.add_argument("--source", default="import", help="the system the file comes from")
    add_user_parser(hs)
    mg = hs.add_parser(
        "migrate",
        help="bring the database's schema to this version's and exit (hubs also do it on start)",
    )
    mg.add_argument("--data", type=Path, help="folder of the embedded SQLite database")
    mg.add_argument("--database", help="postgresql://... URL instead of --data")
    pw = hs.add_parser(
        "db-password",
        help="keep the PostgreSQL password in the OS keyring (then leave it out of --database)",
        description="Asks for the password (or reads one line from stdin with --password-stdin) "
        "and stores it in the OS keyring for that user, host and database. A hub started with "
        "--database postgresql://USER@HOST/DB, no password in the URL, uses it.",
    )
    pw.add_argument("--database", required=True, help="postgresql://USER@HOST[:PORT]/DB")
    pw.add_argument("--password-stdin", action="store_true")


def run(args: argparse.Namespace) -> int:
    if args.hub_command == "import":
        from rapport.hub.ingest.cli import run_import

        return run_import(args.file, args.data, args.database, args.kind, args.source)
    if args.hub_command == "user":
        return _user(args)
    if args.hub_command == "migrate":
        return _migrate(args)
    if args.hub_command == "db-password":
        return _db_password(args)
    return _serve(args)


def _db_error(exc: Exception) -> str:
    """The driver's first line (host, user, reason), never the URL with its password."""
    orig = getattr(exc, "orig", None) or exc
    return (
        f"{type(orig).__name__}: {str(orig).strip().splitlines()[0] if str(orig).strip() else ''}"
    )


def _db_password(args: argparse.Namespace) -> int:
    import getpass

    from keyring.errors import KeyringError
    from sqlalchemy.exc import ArgumentError

    from rapport.hub.db_secret import account, store_password
    from rapport.hub.store.db import normalize_url

    try:
        url = normalize_url(args.database)
    except ArgumentError:
        print("rapport hub db-password: --database is not a URL", file=sys.stderr)
        return 2
    if url.get_backend_name() != "postgresql" or not url.username:
        print("rapport hub db-password: give postgresql://USER@HOST/DB", file=sys.stderr)
        return 2
    if url.password is not None:
        print("rapport hub db-password: leave the password out of the URL", file=sys.stderr)
        return 2
    if args.password_stdin:
        secret = sys.stdin.readline().rstrip("\n")
    else:
        secret = getpass.getpass(f"Password for {account(url)}: ")
    if not secret:
        print("rapport hub db-password: empty password, nothing stored", file=sys.stderr)
        return 2
    try:
        store_password(url, secret)
    except KeyringError as exc:
        print(f"rapport hub db-password: no usable keyring ({type(exc).__name__})", file=sys.stderr)
        return 1
    print(f"stored in the OS keyring for {account(url)}")
    return 0


def _hub_url(args: argparse.Namespace, command: str) -> str | None:
    """``--database`` as given, or the SQLite file in ``--data`` (created); None, said why,
    when neither was given."""
    from rapport.hub.store.db import database_url

    if args.database:
        return str(args.database)
    if args.data:
        args.data.mkdir(parents=True, exist_ok=True)
        return database_url(args.data)
    print(f"{command}: give --data DIR or --database URL", file=sys.stderr)
    return None


def _migrate(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import DBAPIError

    from rapport.hub import migrations
    from rapport.hub.store.db import open_engine, safe_url

    url = _hub_url(args, "rapport hub migrate")
    if url is None:
        return 2
    try:
        engine = open_engine(url)
    except DBAPIError as exc:
        print(f"rapport hub migrate: {safe_url(url)}: {_db_error(exc)}", file=sys.stderr)
        return 1
    try:
        with engine.connect() as conn:
            print(f"{safe_url(url)}: schema at revision {migrations.current(conn)}")
    finally:
        engine.dispose()
    return 0


def _serve(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import DBAPIError

    from rapport.hub.bootstrap import seed_demo
    from rapport.hub.demo_data import SeedConfig
    from rapport.hub.server import serve_forever
    from rapport.hub.service import Hub
    from rapport.hub.store.db import safe_url

    url = _hub_url(args, "rapport hub")
    if url is None:
        return 2
    try:
        hub = Hub.open(url)
    except ValueError as exc:  # a setting from the environment the hub cannot work with
        print(f"rapport hub: {exc}", file=sys.stderr)
        return 2
    except DBAPIError as exc:
        print(f"rapport hub: cannot open {safe_url(url)}: {_db_error(exc)}", file=sys.stderr)
        return 1
    print(f"rapport hub: database {safe_url(url)}", file=sys.stderr)
    if args.demo_customers and not hub.has_customers():
        report = seed_demo(hub, SeedConfig(customers=args.demo_customers))
        print(
            f"seeded {report.rows:,} rows in {report.seconds:.1f} s; users agent, associate, "
            "supervisor with password 'demo'",
            file=sys.stderr,
        )
    if args.client_version:
        hub.announce_client(args.client_version, args.client_url)
    serve_forever(hub, args.host, args.port)
    return 0


def _user(args: argparse.Namespace) -> int:
    from rapport.hub.service import Hub
    from rapport.hub.store.db import database_url
    from rapport.hub.users_cli import run_user

    if not (args.database or args.data):
        print("rapport hub user: give --data DIR or --database URL", file=sys.stderr)
        return 2
    hub = Hub.open(args.database or database_url(Path(args.data)))
    try:
        return run_user(args, hub)
    finally:
        hub.engine.dispose()
