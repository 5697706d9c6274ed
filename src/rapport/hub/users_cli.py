"""``rapport hub user list|add|disable|enable|reset``: what IT does to the hub's users from a shell
on the hub machine (the database is opened directly, like ``rapport hub`` does).

Passwords are read from the terminal without echo, or from standard input with
``--password-stdin`` (scripts); never from the command line, where ``ps`` and shell history see
them."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING, TextIO

from rapport.protocol import ROLES

if TYPE_CHECKING:  # the parser is built on every start: the hub's imports wait until it runs
    from rapport.hub.service import Hub

MIN_PASSWORD = 10


def add_parser(hub_commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    u = hub_commands.add_parser("user", help="list, add, disable, enable or reset hub users")
    u.add_argument("action", choices=["list", "add", "disable", "enable", "reset"])
    u.add_argument("username", nargs="?")
    u.add_argument("--data", help="folder of the embedded SQLite database")
    u.add_argument("--database", help="SQLAlchemy URL instead of --data")
    u.add_argument("--role", choices=ROLES, default="agent",
                   help="system: a service account that posts orders and interactions, nothing "
                   "else (it cannot sign in to the desktop app)")  # fmt: skip
    u.add_argument("--name", help="display name (default: the username)")
    u.add_argument("--store", help="store id (associates see that store's customers)")
    u.add_argument("--password-stdin", action="store_true", help="read the password from stdin")


def _password(args: argparse.Namespace, stdin: TextIO) -> str | None:
    if args.password_stdin:
        password = stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            print("rapport hub user: the two passwords differ", file=sys.stderr)
            return None
    if len(password) < MIN_PASSWORD:
        print(f"rapport hub user: a password has at least {MIN_PASSWORD} characters",
              file=sys.stderr)  # fmt: skip
        return None
    return password


def run_user(args: argparse.Namespace, hub: Hub, stdin: TextIO = sys.stdin) -> int:
    from rapport.hub.store.users import UnknownUser

    if args.action == "list":
        for row in hub.list_users():
            state = "disabled" if row["disabled"] else "active"
            store = f" store {row['store_id']}" if row["store_id"] else ""
            print(f"{row['username']}\t{row['role']}\t{state}{store}\t{row['display_name']}")
        return 0
    if not args.username:
        print(f"rapport hub user {args.action}: give the username", file=sys.stderr)
        return 2
    try:
        if args.action == "add":
            if args.role == "associate" and not args.store:
                print("rapport hub user add: an associate needs --store", file=sys.stderr)
                return 2
            password = _password(args, stdin)
            if password is None:
                return 2
            if any(r["username"] == args.username for r in hub.list_users()):
                print(f"rapport hub user add: {args.username} exists already", file=sys.stderr)
                return 2
            hub.add_user(args.username, password, args.name or args.username, args.role, args.store)
        elif args.action in ("disable", "enable"):
            hub.set_user_disabled(args.username, args.action == "disable")
        else:
            password = _password(args, stdin)
            if password is None:
                return 2
            hub.reset_password(args.username, password)
    except UnknownUser:
        print(f"rapport hub user {args.action}: no user {args.username}", file=sys.stderr)
        return 1
    done = {"add": "added", "disable": "disabled (signed out everywhere)", "enable": "enabled",
            "reset": "has a new password (signed out everywhere)"}  # fmt: skip
    print(f"{args.username} {done[args.action]}")
    return 0
