"""``rapport`` / ``rapport app`` (the desktop app, signed in) and ``rapport demo`` (the app on an
embedded demo hub with generated data)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

_TABLET_HELP = "tablet mode: touch-sized controls, one pane at a time"
_LANGUAGE_HELP = "interface language (default: the setting, else the computer's)"


def add_display_flags(p: argparse.ArgumentParser, *, suppress: bool = False) -> None:
    """``--tablet`` and ``--language``. On a command, SUPPRESS keeps the flag given before the
    command (``rapport --tablet app``)."""
    from rapport.policy import LANGUAGE_CHOICES

    default: dict[str, Any] = {"default": argparse.SUPPRESS} if suppress else {}
    p.add_argument("--tablet", action="store_true", help=_TABLET_HELP, **default)
    p.add_argument("--language", choices=list(LANGUAGE_CHOICES), help=_LANGUAGE_HELP, **default)


def add_parsers(sub: Any) -> None:
    a = sub.add_parser("app", help="start the app (the default)")
    add_display_flags(a, suppress=True)

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
    add_display_flags(d, suppress=True)
    d.add_argument(
        "--self-test",
        action="store_true",
        help="run offscreen: sync, open one customer, print one line, exit",
    )


def run_app(args: argparse.Namespace) -> int:
    from rapport.ui.shell.app import run_signed_in_app

    return run_signed_in_app(tablet=args.tablet, language=args.language)


def run_demo(args: argparse.Namespace) -> int:
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
        from rapport.ui.shell.app import run_demo as run_demo_window

        return run_demo_window(
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
