"""What every command but ``pop`` does before it runs: crash hooks, and IT's policy and CA bundle
checked (a command that cannot honour them stops and says why)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def install_crash_hooks(log_path: Path | None, *, dialog: bool) -> None:
    from rapport.crash import install_crash_hooks as install

    def show(report: str) -> None:
        if "PySide6.QtWidgets" not in sys.modules:  # a command without a window: stderr says it
            return
        from rapport.ui.shell.crash import show_crash_report

        show_crash_report(report, log_path)

    install(show if dialog else None)


def check_desk_policy(*, dialog: bool) -> int | None:
    """IT's policy and CA bundle applied; an exit code when they cannot be, else None."""
    from rapport.policy import PolicyError, load_policy

    try:
        load_policy()
    except PolicyError as exc:
        return _policy_stop(exc, dialog=dialog)
    problem = _use_ca_bundle()
    if problem:
        return _policy_stop(problem, dialog=dialog)
    return None


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
        from rapport.ui.shell.app import show_startup_error

        show_startup_error(
            "Rapport policy",
            f"Rapport cannot start: the IT policy file is not valid.\n\n{exc}\n\n"
            "Please tell your IT support.",
        )
    return 2
