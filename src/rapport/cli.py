"""``rapport``: the desktop app and its commands. The only module that imports the UI."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from rapport import __version__


def _parser() -> argparse.ArgumentParser:
    from rapport.policy import LANGUAGE_CHOICES

    p = argparse.ArgumentParser(
        prog="rapport", description="The agent's single view of the customer."
    )
    p.add_argument("--version", action="version", version=f"rapport {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    p.add_argument(
        "--no-crash-dialog",
        action="store_true",
        help="report crashes and a bad policy on stderr and in the log only, no dialog (tests)",
    )
    tablet_help = "tablet mode: touch-sized controls, one pane at a time"
    p.add_argument("--tablet", action="store_true", help=tablet_help)
    language_help = "interface language (default: the setting, else the computer's)"
    languages = list(LANGUAGE_CHOICES)
    p.add_argument("--language", choices=languages, help=language_help)
    sub = p.add_subparsers(dest="command")

    a = sub.add_parser("app", help="start the app (the default)")
    # SUPPRESS: `rapport --tablet app` keeps the flag given before the command.
    a.add_argument("--tablet", action="store_true", default=argparse.SUPPRESS, help=tablet_help)
    a.add_argument("--language", choices=languages, default=argparse.SUPPRESS, help=language_help)

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
    d.add_argument("--tablet", action="store_true", default=argparse.SUPPRESS, help=tablet_help)
    d.add_argument("--language", choices=languages, default=argparse.SUPPRESS, help=language_help)
    d.add_argument(
        "--self-test",
        action="store_true",
        help="run offscreen: sync, open one customer, print one line, exit",
    )

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
    hs = h.add_subparsers(dest="hub_command")
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
    from rapport.hub.users_cli import add_parser as add_user_parser

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

    lg = sub.add_parser(
        "log", help="queue an interaction in the outbox (works offline); prints its id"
    )
    lg.add_argument("--customer", required=True, help="customer id")
    lg.add_argument("--channel", default="phone")
    lg.add_argument("--direction", default="inbound", choices=["inbound", "outbound", "internal"])
    lg.add_argument("--kind", default="call")
    lg.add_argument("--disposition", help="wrap-up code")
    lg.add_argument("--note", required=True, help="what happened")
    lg.add_argument("--data", type=Path, help="a demo folder kept with `rapport demo --data`")

    sy = sub.add_parser("sync", help="send the outbox and pull changes; prints what moved")
    sy.add_argument("--once", action="store_true", help="one round, then exit")
    sy.add_argument("--data", type=Path, help="a demo folder kept with `rapport demo --data`")
    from rapport.login_cli import add_parser as add_login_parser
    from rapport.login_cli import add_sync_flags

    add_sync_flags(sy)
    add_login_parser(sub)

    po = sub.add_parser(
        "pop",
        help="show an incoming call's customer in the running app (what a softphone runs)",
        description="Bring the caller to the front of the running Rapport: the customer with "
        "this number, a chooser when several have it, or an unknown-caller panel.",
    )
    po.add_argument("url", nargs="?", help="a rapport://pop?phone=%%2B33612345678 link")
    po.add_argument("--phone", help="the calling number as the softphone gives it")

    sub.add_parser(
        "config",
        help="print the effective settings and where each comes from (checks IT's policy file)",
    )

    s = sub.add_parser("search", help="find customers in the local cache")
    s.add_argument("text")
    s.add_argument("--data", type=Path, help="a demo folder kept with `rapport demo --data`")
    s.add_argument("--limit", type=int, default=20)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "pop":
        return _pop(args)  # a call is ringing: no log setup, nothing but the socket
    from rapport.logs import setup_logging

    log_path = setup_logging(args.verbose)
    _install_crash_hooks(log_path, dialog=not args.no_crash_dialog)
    command = args.command or "app"
    if command != "hub":  # the hub is a server: IT's desk policy is not its business
        from rapport.policy import PolicyError, load_policy

        try:
            load_policy()
        except PolicyError as exc:
            return _policy_stop(exc, dialog=command == "app" and not args.no_crash_dialog)
        problem = _use_ca_bundle()
        if problem:
            return _policy_stop(problem, dialog=command == "app" and not args.no_crash_dialog)
    if command == "config":
        return _config()
    if command == "demo":
        return _demo(args)
    if command == "hub" and args.hub_command == "import":
        from rapport.hub.ingest.cli import run_import

        return run_import(args.file, args.data, args.database, args.kind, args.source)
    if command == "hub" and args.hub_command == "user":
        return _hub_user(args)
    if command == "hub" and args.hub_command == "migrate":
        return _hub_migrate(args)
    if command == "hub" and args.hub_command == "db-password":
        return _hub_db_password(args)
    if command == "hub":
        return _hub(args)
    if command == "search":
        return _search(args)
    if command == "log":
        return _log(args)
    if command == "sync":
        return _sync(args)
    if command == "login":
        from rapport.login_cli import run_login

        return run_login(args)
    return _app(args.tablet, args.language)


def _install_crash_hooks(log_path: Path | None, *, dialog: bool) -> None:
    from rapport.crash import install_crash_hooks

    def show(report: str) -> None:
        if "PySide6.QtWidgets" not in sys.modules:  # a command without a window: stderr says it
            return
        from rapport.ui.dialogs.crash import show_crash_report

        show_crash_report(report, log_path)

    install_crash_hooks(show if dialog else None)


def _use_ca_bundle() -> ValueError | None:
    """The hub's CA (policy or settings ``ca_bundle``) for every https call: httpx reads
    SSL_CERT_FILE, so no client needs to be told. A bundle that is not there is IT's mistake to
    hear about now, not as a certificate error at sign-in."""
    from rapport.config import Settings, SettingsError

    try:
        settings = Settings.load()
    except SettingsError:
        return None  # the app says what is wrong with the user's file itself
    if not settings.ca_bundle:
        return None
    if not Path(settings.ca_bundle).is_file():
        return ValueError(
            f"ca_bundle {settings.ca_bundle} (from {settings.source('ca_bundle')}) is not a file"
        )
    os.environ["SSL_CERT_FILE"] = settings.ca_bundle
    return None


def _policy_stop(exc: Exception, *, dialog: bool) -> int:
    """A bad policy stops the app: what IT meant cannot be guessed. Says which file and line."""
    import logging

    logging.getLogger("rapport.policy").error("policy rejected: %s", exc)
    print(f"rapport: IT policy cannot be applied: {exc}", file=sys.stderr)
    if dialog:
        from rapport.ui.app import show_startup_error

        show_startup_error(
            "Rapport policy",
            f"Rapport cannot start: the IT policy file is not valid.\n\n{exc}\n\n"
            "Please tell your IT support.",
        )
    return 2


def _config() -> int:
    import json

    from rapport.config import Settings, SettingsError, settings_path
    from rapport.policy import policy_path

    try:
        settings = Settings.load()
    except SettingsError as exc:
        print(f"rapport config: {exc}", file=sys.stderr)
        return 2
    path = policy_path()
    print(f"# settings file: {settings_path()}")
    print(f"# policy file:   {path}{'' if path.exists() else ' (none)'}")
    for name in settings.__dataclass_fields__:
        if name == "sources":
            continue
        value = getattr(settings, name)
        # JSON scalars and lists are TOML too: a line can be pasted into a policy file as is.
        shown = json.dumps(list(value) if isinstance(value, tuple) else value)
        print(f"{name} = {shown}  # {settings.source(name)}")
    if warning := settings.hub_warning():
        print(f"# WARNING (hub_url): {warning}")
        print(f"rapport config: warning: {warning}", file=sys.stderr)
    return 0


def _demo(args: argparse.Namespace) -> int:
    from rapport.demo import DEFAULT_CUSTOMERS, hub_is_seeded, start_demo
    from rapport.policy import load_policy

    policy = load_policy()
    if policy.get("demo_allowed", True) is False:
        print(
            f"rapport demo: the demo is turned off on this computer by IT policy ({policy.path}, "
            "demo_allowed = false)",
            file=sys.stderr,
        )
        return 3
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
            tablet=args.tablet,
            language=args.language,
        )
    finally:
        site.close()


def _db_error(exc: Exception) -> str:
    """The driver's first line (host, user, reason), never the URL with its password."""
    orig = getattr(exc, "orig", None) or exc
    return (
        f"{type(orig).__name__}: {str(orig).strip().splitlines()[0] if str(orig).strip() else ''}"
    )


def _hub_db_password(args: argparse.Namespace) -> int:
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


def _hub_migrate(args: argparse.Namespace) -> int:
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


def _hub(args: argparse.Namespace) -> int:
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


def _hub_user(args: argparse.Namespace) -> int:
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


def _local_cache(args: argparse.Namespace, command: str) -> Path | None:
    """The cache a headless command works on: a kept demo's, or the signed-in profile's."""
    from rapport.config import Settings, cache_path_for, profile_dir
    from rapport.demo import client_cache_path

    if args.data:
        path = client_cache_path(args.data)
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


def _open_for(command: str, path: Path) -> sqlite3.Connection | None:
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


def _search(args: argparse.Namespace) -> int:
    from rapport.cache.search import search_customers
    from rapport.config import Settings
    from rapport.domain.phones import format_phone

    path = _local_cache(args, "search")
    if path is None:
        return 2
    region = Settings.load().region
    conn = _open_for("search", path)
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


def _log(args: argparse.Namespace) -> int:
    from rapport.cache.db import connect_local_writer
    from rapport.cache.profile import load_profile
    from rapport.cache.writes import LocalWrites, WriteError

    path = _local_cache(args, "log")
    if path is None:
        return 2
    checked = _open_for("log", path)  # check, migrate, repair before writing
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


def _sync(args: argparse.Namespace) -> int:
    import asyncio

    from rapport.cache.profile import load_profile
    from rapport.config import Settings
    from rapport.credentials import load_token
    from rapport.login_cli import read_secret, sign_in_for_run
    from rapport.sync.client import AuthRequired, HubClient, HubError
    from rapport.sync.engine import SyncEngine

    path = _local_cache(args, "sync")
    if path is None:
        return 2
    conn = _open_for("sync", path)
    if conn is None:
        return 2
    hub_url, user = load_profile(conn)
    conn.close()
    if not hub_url:
        print("rapport sync: this cache does not say which hub it syncs with", file=sys.stderr)
        return 2

    # Scripts and kiosks (no keyring): a token, or the password, on stdin; kept in memory only.
    given = read_secret() if (args.token_stdin or args.password_stdin) else None

    async def token() -> str | None:
        if args.token_stdin:
            return given or None
        if args.password_stdin and given:
            name = str((user or {}).get("username") or Settings.load().username)
            return await sign_in_for_run(hub_url, name, given)
        if args.data:  # a demo: its agent signs in with the demo password
            from rapport.hub.bootstrap import DEMO_PASSWORD

            async with HubClient(hub_url) as client:
                return (await client.login(str((user or {}).get("username") or "agent"),
                                           DEMO_PASSWORD)).token  # fmt: skip
        return load_token(hub_url, Settings.load().username)

    async def once() -> int:
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

    async def forever() -> int:
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

    try:
        return asyncio.run(once() if args.once else forever())
    except AuthRequired as exc:
        print(f"rapport sync: sign in again ({exc})", file=sys.stderr)
        return 3
    except HubError as exc:
        print(f"rapport sync: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


_PHONE_CHARS = frozenset("0123456789 +-.()/")


def _pop(args: argparse.Namespace) -> int:
    """Hand the caller's number to the running app, which reads it in its own region and shows
    the caller. Kept light (no settings, no phone rules loaded here): the phone is ringing."""
    from rapport.ui.single_instance import PopUrlError, parse_pop_url, send_to_running

    if (args.url is None) == (args.phone is None):
        print("rapport pop: give --phone NUMBER or a rapport://pop?phone=... link", file=sys.stderr)
        return 2
    phone = args.phone
    if args.url is not None:
        try:
            phone = parse_pop_url(args.url)
        except PopUrlError as exc:
            print(f"rapport pop: {exc}", file=sys.stderr)
            return 2
    bare = phone.strip().removeprefix("tel:")
    if sum(ch.isdigit() for ch in bare) < 3 or not set(bare) <= _PHONE_CHARS:
        print(f"rapport pop: {phone[:40]!r} is not a phone number", file=sys.stderr)
        return 2
    if not send_to_running({"cmd": "pop", "phone": phone}, 2000):
        print("rapport pop: Rapport is not running; start it and sign in", file=sys.stderr)
        return 1
    return 0


def _app(tablet: bool, language: str | None) -> int:
    from rapport.ui.app import run_signed_in_app

    return run_signed_in_app(tablet=tablet, language=language)


if __name__ == "__main__":
    sys.exit(main())
