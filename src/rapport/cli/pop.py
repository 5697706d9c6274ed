"""``rapport pop``: what a softphone runs when a call rings. Hands the caller's number to the
running app, which reads it in its own region and shows the caller. Kept light (no settings, no
logging setup, no phone rules loaded here): the phone is ringing."""

from __future__ import annotations

import argparse
import sys
from typing import Any

_PHONE_CHARS = frozenset("0123456789 +-.()/")


def add_parser(sub: Any) -> None:
    po = sub.add_parser(
        "pop",
        help="show an incoming call's customer in the running app (what a softphone runs)",
        description="Bring the caller to the front of the running Rapport: the customer with "
        "this number, a chooser when several have it, or an unknown-caller panel.",
    )
    po.add_argument("url", nargs="?", help="a rapport://pop?phone=%%2B33612345678 link")
    po.add_argument("--phone", help="the calling number as the softphone gives it")


def run(args: argparse.Namespace) -> int:
    from rapport.ui.shell.single_instance import PopUrlError, parse_pop_url, send_to_running

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
