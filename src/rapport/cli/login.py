"""``rapport login`` and where ``rapport sync`` takes its sign-in from, for scripts and kiosks.

The token goes to the OS keyring and nowhere else: never a file, never the terminal. A computer
with no keyring (a kiosk, a headless box) gives each run its password or a token on stdin instead
(``rapport sync --password-stdin`` / ``--token-stdin``); ``rapport login`` there still records
which hub and user this computer works as, and creates the cache, so that works.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the parser is built on every start (``rapport pop`` too): httpx waits
    from rapport.sync.client import LoginResult

KIOSK_HINT = (
    "give each run the password or a token on stdin instead: "
    "`rapport sync --password-stdin` (or `--token-stdin`)"
)


def add_parser(sub: Any) -> None:
    lg = sub.add_parser(
        "login",
        help="sign in to a hub for the headless commands; the token goes to the OS keyring",
        description="Signs in, keeps the token in the OS keyring (never in a file, never "
        "printed), and records the hub and user in your settings and local cache, so that "
        "`rapport sync` and `rapport log` act as that user. Without a keyring, " + KIOSK_HINT + ".",
    )
    lg.add_argument("--hub", required=True, help="the hub's address, https://hub.example")
    lg.add_argument("--user", required=True, help="your user name on the hub")
    lg.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin (one line)"
    )


def add_sync_flags(sy: argparse.ArgumentParser) -> None:
    given = sy.add_mutually_exclusive_group()
    given.add_argument(
        "--token-stdin",
        action="store_true",
        help="read a token from stdin (one line) instead of the OS keyring",
    )
    given.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the user's password from stdin and sign in for this run (no keyring needed)",
    )


def read_secret() -> str:
    return sys.stdin.readline().rstrip("\r\n")


def run_login(args: argparse.Namespace) -> int:
    # Here, not at the top: building the parser imports this module, `rapport pop` too.
    import asyncio

    from rapport.cache.db import open_cache
    from rapport.cache.profile import save_profile
    from rapport.config import Settings, cache_path_for, profile_dir
    from rapport.credentials import save_token
    from rapport.sync.client import HubError

    hub_url, username = args.hub.strip().rstrip("/"), args.user.strip()
    settings = Settings.load()
    if settings.from_policy("hub_url") and settings.hub_url.rstrip("/") != hub_url:
        print(f"rapport login: IT's policy sets the hub to {settings.hub_url}", file=sys.stderr)
        return 2
    password = (
        read_secret() if args.password_stdin else getpass.getpass(f"Password for {username}: ")
    )
    if not password:
        print("rapport login: empty password", file=sys.stderr)
        return 2
    try:
        result = asyncio.run(_login(hub_url, username, password))
    except HubError as exc:
        print(f"rapport login: {exc}", file=sys.stderr)
        return 3
    settings.with_overrides(hub_url=hub_url, username=username).save()
    conn, _report = open_cache(cache_path_for(profile_dir(hub_url, username)))
    try:
        save_profile(conn, hub_url, result.user)
    finally:
        conn.close()
    who = result.user.get("display_name") or username
    if not save_token(hub_url, username, result.token):
        asyncio.run(_logout(hub_url, result.token))  # a token nobody keeps: end its session now
        print(f"rapport login: signed in as {who}, but this computer has no usable OS keyring, so "
              f"the sign-in was not kept; {KIOSK_HINT}", file=sys.stderr)  # fmt: skip
        return 1
    print(f"signed in to {hub_url} as {who}; the token is in the OS keyring "
          f"(valid until {result.expires_at})")  # fmt: skip
    return 0


async def _login(hub_url: str, username: str, password: str) -> LoginResult:
    from rapport.sync.client import HubClient

    async with HubClient(hub_url) as client:
        return await client.login(username, password)


async def _logout(hub_url: str, token: str) -> None:
    from rapport.sync.client import HubClient

    async with HubClient(hub_url, token) as client:
        await client.logout()


async def sign_in_for_run(hub_url: str, username: str, password: str) -> str:
    """``rapport sync --password-stdin``: a token for this run only, in memory."""
    return (await _login(hub_url, username, password)).token
