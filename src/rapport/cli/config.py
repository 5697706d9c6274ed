"""``rapport config``: the effective settings and where each comes from (checks IT's policy
file)."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_parser(sub: Any) -> None:
    sub.add_parser(
        "config",
        help="print the effective settings and where each comes from (checks IT's policy file)",
    )


def run(_args: argparse.Namespace) -> int:
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
