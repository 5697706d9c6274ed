"""IT policy: a system-wide TOML file that IT writes at install time and users cannot change.

It sits above every other source of settings (see ``rapport.config``). A policy that cannot be
read stops the app: running with half of IT's intent would be worse than not running, so every
problem (syntax, unknown key, wrong type) is reported with the file and the line.
"""

from __future__ import annotations

import os
import re
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapport.protocol import CHANNELS

POLICY_ENV = "RAPPORT_POLICY_FILE"
# Interface languages with a catalog (resources/translations/rapport_<code>.ts); "auto" follows the
# computer's language, English when it is none of these.
UI_LANGUAGES = ("en", "fr")
LANGUAGE_CHOICES = ("auto", *UI_LANGUAGES)

# Key -> (type, description). The order here is the order `rapport config` prints.
POLICY_KEYS: dict[str, tuple[type, str]] = {
    "hub_url": (str, "the hub every agent on this machine signs in to"),
    "ca_bundle": (str, "PEM file of the CA that signed the hub's certificate"),
    "tablet_mode": (bool, "touch-sized controls, one pane at a time"),
    "allowed_channels": (
        list,
        f"channels agents may log interactions on, of {', '.join(CHANNELS)}",
    ),
    "cache_retention_days": (
        int,
        "days the local cache keeps a customer pinned from outside its scope and not opened since",
    ),
    "demo_allowed": (bool, "whether `rapport demo` may run"),
    "update_check": (bool, "whether the app tells agents that a newer version exists"),
    "allow_plain_http": (
        bool,
        "accept an http:// hub on another machine without a warning (a network IT encrypts itself)",
    ),
    "language": (
        str,
        f"the interface language: {', '.join(LANGUAGE_CHOICES)} (auto: the computer's)",
    ),
}


class PolicyError(ValueError):
    """A policy file that cannot be applied; the message names the file, the line and the problem."""


@dataclass(frozen=True, slots=True)
class Policy:
    """The keys IT set, and only those: a key absent here leaves the user's setting alone."""

    path: Path | None = None
    values: Mapping[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self.values


def policy_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get(POLICY_ENV):
        return Path(env[POLICY_ENV])
    if sys.platform == "win32":
        base = env.get("ProgramData") or r"C:\ProgramData"
        return Path(base) / "Rapport" / "policy.toml"
    if sys.platform == "darwin":
        return Path("/Library/Application Support/Rapport/policy.toml")
    return Path("/etc/rapport/policy.toml")


def load_policy(path: Path | None = None, env: Mapping[str, str] | None = None) -> Policy:
    """The policy at ``path`` (default: the platform's); no file means no policy."""
    path = path or policy_path(env)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Policy()
    except OSError as exc:
        raise PolicyError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")  # Windows tools (the installer, Notepad) may write a BOM
    except UnicodeDecodeError as exc:
        raise PolicyError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib's message ends "(at line 3, column 9)": keep it, it is what IT needs.
        raise PolicyError(f"{path}: invalid TOML: {exc}") from exc
    values = {key: _check(path, text, key, value) for key, value in data.items()}
    return Policy(path, values)


def _check(path: Path, text: str, key: str, value: Any) -> Any:
    where = f"{path}, line {_line_of(text, key)}"
    if key not in POLICY_KEYS:
        known = ", ".join(POLICY_KEYS)
        raise PolicyError(f"{where}: unknown key {key!r} (known keys: {known})")
    typ, _ = POLICY_KEYS[key]
    # bool is an int in Python: `cache_retention_days = true` must not read as 1 day.
    if not isinstance(value, typ) or (typ is int and isinstance(value, bool)):
        raise PolicyError(f"{where}: {key} must be {_type_name(typ)}, not {value!r}")
    if key == "allowed_channels":
        unknown = [c for c in value if c not in CHANNELS]
        if unknown or not all(isinstance(c, str) for c in value):
            raise PolicyError(
                f"{where}: allowed_channels has {unknown or value!r}; channels are "
                f"{', '.join(CHANNELS)}"
            )
        return tuple(value)
    if key == "cache_retention_days" and value < 1:
        raise PolicyError(f"{where}: cache_retention_days must be at least 1, not {value}")
    if key == "language" and value not in LANGUAGE_CHOICES:
        raise PolicyError(
            f"{where}: language must be one of {', '.join(LANGUAGE_CHOICES)}, not {value!r}"
        )
    if key == "hub_url" and not re.match(r"^https?://[^\s/]+", value):
        raise PolicyError(f"{where}: hub_url must be an http:// or https:// address, not {value!r}")
    return value


def _type_name(typ: type) -> str:
    return {
        str: "text in quotes",
        bool: "true or false",
        int: "a whole number",
        list: 'a list like ["phone", "email"]',
    }[typ]


def _line_of(text: str, key: str) -> int:
    """The line a top-level key is set on (tomllib's values do not carry one)."""
    quoted = re.escape(key)
    pattern = re.compile(rf"^\s*(?:{quoted}|\"{quoted}\"|'{quoted}')\s*=|^\s*\[+\s*{quoted}\s*\]")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1
