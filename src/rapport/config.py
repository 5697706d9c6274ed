"""Typed settings, their files and the app's folders.

Order of precedence, lowest first: defaults, the user's settings file, environment variables
(``RAPPORT_HUB_URL``...), command-line flags, then IT policy (``rapport.policy``) above all of them.
Some settings are IT's alone (allowed channels, cache retention, demo allowed): the user's file and
the environment cannot set those, so an agent cannot grant themselves what IT withheld.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from rapport.domain.hub_address import plain_http_warning
from rapport.policy import LANGUAGE_CHOICES, Policy, load_policy

APP_NAME = "Rapport"


class SettingsError(ValueError):
    """A settings file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Settings:
    hub_url: str = ""
    username: str = ""
    region: str = "FR"  # phone numbers typed without a country code are read as this region's
    tablet_mode: bool = False
    ca_bundle: str = ""  # empty: the system's CA store
    update_check: bool = True
    allowed_channels: tuple[str, ...] = ()  # empty: every channel
    cache_retention_days: int = 0  # 0: keep for ever
    demo_allowed: bool = True
    # The customer header's detail part (chart, chips): "auto" starts it collapsed on a short
    # screen (under HEADER_AUTO_COLLAPSE_HEIGHT), "collapsed"/"expanded" is what the agent chose last.
    customer_header: str = "auto"
    color_scheme: str = "auto"  # "auto" follows the OS; "light" or "dark" holds whatever it says
    allow_plain_http: bool = False  # IT's alone: an http:// hub elsewhere is warned about
    language: str = "auto"  # the interface language: auto (the computer's), en or fr
    sources: dict[str, str] = field(default_factory=dict, compare=False)

    @classmethod
    def load(
        cls,
        path: Path | None = None,
        env: dict[str, str] | None = None,
        policy: Policy | None = None,
    ) -> Settings:
        """Raises SettingsError for a bad settings file, PolicyError (a ValueError, not a
        SettingsError: it must stop the app, not offer to carry on) for a bad policy."""
        path = path or settings_path()
        env = os.environ if env is None else env
        policy = load_policy(env=env) if policy is None else policy
        values: dict[str, Any] = {}
        sources: dict[str, str] = {}
        if path.exists():
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise SettingsError(f"{path}: {exc}") from exc
            for f in fields(cls):
                if f.name in data and f.name in USER_KEYS:
                    values[f.name] = _coerce(
                        path, f.name, data[f.name], type(getattr(cls(), f.name))
                    )
                    sources[f.name] = str(path)
        for f in fields(cls):
            key = f"RAPPORT_{f.name.upper()}"
            if key in env and f.name in USER_KEYS:
                values[f.name] = _coerce(Path(key), f.name, env[key], type(getattr(cls(), f.name)))
                sources[f.name] = f"environment {key}"
        for key, value in policy.values.items():
            values[key] = value
            sources[key] = f"policy {policy.path}"
        return cls(**values, sources=sources)

    def from_policy(self, name: str) -> bool:
        return self.sources.get(name, "").startswith("policy ")

    def source(self, name: str) -> str:
        return self.sources.get(name, "default")

    def hub_warning(self, hub_url: str | None = None) -> str | None:
        """What to tell the person about the hub's address (plain http to another machine)."""
        return plain_http_warning(self.hub_url if hub_url is None else hub_url,
                                  self.allow_plain_http)  # fmt: skip

    def tablet(self, flag: bool) -> bool:
        """Tablet mode given the --tablet flag: IT's choice wins, else the flag or the setting."""
        return self.tablet_mode if self.from_policy("tablet_mode") else flag or self.tablet_mode

    def interface_language(self, flag: str | None) -> str:
        """The language given the --language flag: IT's choice wins, else the flag or the
        setting. "auto" means the computer's language (``rapport.ui.common.i18n`` resolves it)."""
        if self.from_policy("language") or not flag:
            return self.language
        return flag

    def with_overrides(self, **overrides: Any) -> Settings:
        # What IT set stays set: a flag or the sign-in dialog cannot move it.
        given = {k: v for k, v in overrides.items() if v is not None and not self.from_policy(k)}
        return replace(
            self, **given, sources={**self.sources, **dict.fromkeys(given, "command line")}
        )

    def save(self, path: Path | None = None) -> None:
        """Writes the user's own settings; what policy set is IT's and is not copied into them."""
        path = path or settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        written = {
            "hub_url": _toml_str(self.hub_url),
            "username": _toml_str(self.username),
            "region": _toml_str(self.region),
            "tablet_mode": "true" if self.tablet_mode else "false",
            "ca_bundle": _toml_str(self.ca_bundle),
            "update_check": "true" if self.update_check else "false",
            "customer_header": _toml_str(self.customer_header),
            "color_scheme": _toml_str(self.color_scheme),
            "language": _toml_str(self.language),
        }
        lines = [f"{k} = {v}" for k, v in written.items() if not self.from_policy(k)]
        tmp = path.with_suffix(".tmp")
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        tmp.replace(path)


# What the user's settings file and RAPPORT_* variables may set; the rest is IT's (policy only).
USER_KEYS = frozenset(
    {
        "hub_url",
        "username",
        "region",
        "tablet_mode",
        "ca_bundle",
        "update_check",
        "customer_header",
        "color_scheme",
        "language",
    }
)
# Settings that take one of a few words.
CHOICES: dict[str, tuple[str, ...]] = {
    "customer_header": ("auto", "collapsed", "expanded"),
    "color_scheme": ("auto", "light", "dark"),
    "language": LANGUAGE_CHOICES,
}
HEADER_AUTO_COLLAPSE_HEIGHT = 800  # px of screen height: below it the header starts collapsed


def remember(name: str, value: str | bool, path: Path | None = None) -> None:
    """Keep one of the user's own settings (the header's state, a choice in a menu) in their file.
    Only what the file already holds and this value are written: a value that came from the
    environment or IT policy is not copied into it."""
    if name not in USER_KEYS:
        raise ValueError(f"{name} is not a user setting")
    path = path or settings_path()
    _coerce(Path(name), name, value, type(getattr(Settings(), name)))
    data: dict[str, Any] = {}
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{path}: {exc}") from exc
    data[name] = value
    lines = []
    for key in (f.name for f in fields(Settings)):
        if key not in USER_KEYS or key not in data:
            continue
        v = data[key]
        lines.append(
            f"{key} = {('true' if v else 'false') if isinstance(v, bool) else _toml_str(str(v))}"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _coerce(where: Path, name: str, value: Any, typ: type) -> Any:
    if typ is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in {
            "1",
            "true",
            "yes",
            "on",
            "0",
            "false",
            "no",
            "off",
        }:
            return value.lower() in {"1", "true", "yes", "on"}
        raise SettingsError(f"{where}: {name} must be true or false, not {value!r}")
    if not isinstance(value, str):
        raise SettingsError(f"{where}: {name} must be text, not {value!r}")
    allowed = CHOICES.get(name)
    if allowed is not None and value not in allowed:
        raise SettingsError(f"{where}: {name} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def settings_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.toml"


def data_root() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def profile_dir(hub_url: str, username: str) -> Path:
    """One cache per (hub, user): signing in as someone else never shows the last user's data."""
    key = hashlib.sha256(f"{hub_url.rstrip('/')}\n{username}".encode()).hexdigest()[:16]
    return data_root() / "profiles" / key


def cache_path_for(profile: Path) -> Path:
    return profile / "cache.sqlite3"


def demo_cache_path(data_dir: Path) -> Path:
    """The desktop cache of a demo kept with ``rapport demo --data DIR``."""
    return data_dir / "client" / "cache.sqlite3"
