"""``rapport``: the desktop app and its commands. The only package that imports the UI.

One module per command group: ``app`` (the app and the demo), ``hub`` (the hub server and its
administration), ``local`` (search, log and sync on this computer's cache), ``login``, ``pop``,
``config``; ``startup`` holds what every command but ``pop`` does first. Building the parser
imports none of their dependencies: each command imports what it needs when it runs, so a
ringing phone (``rapport pop``) or a script (``rapport log``) does not wait for Qt or the hub.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from rapport import __version__
from rapport.cli import app, config, hub, local, login, pop, startup


def _parser() -> argparse.ArgumentParser:
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
    app.add_display_flags(p)
    sub = p.add_subparsers(dest="command")
    app.add_parsers(sub)
    hub.add_parser(sub)
    local.add_parsers(sub)
    login.add_parser(sub)
    pop.add_parser(sub)
    config.add_parser(sub)
    local.add_search_parser(sub)
    return p


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "app": app.run_app,
    "config": config.run,
    "demo": app.run_demo,
    "hub": hub.run,
    "search": local.run_search,
    "log": local.run_log,
    "sync": local.run_sync,
    "login": login.run_login,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "pop":
        return pop.run(args)  # a call is ringing: no log setup, nothing but the socket
    from rapport.logs import setup_logging

    log_path = setup_logging(args.verbose)
    startup.install_crash_hooks(log_path, dialog=not args.no_crash_dialog)
    command = args.command or "app"
    if command != "hub":  # the hub is a server: IT's desk policy is not its business
        stop = startup.check_desk_policy(dialog=command == "app" and not args.no_crash_dialog)
        if stop is not None:
            return stop
    return _COMMANDS[command](args)
