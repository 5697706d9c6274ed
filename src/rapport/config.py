"""Typed settings, their files and the app's folders.

Order of precedence, lowest first: defaults, the user's settings file, environment variables
(``RAPPORT_HUB_URL``...), command-line flags. IT policy (issue 6) will sit above all of them.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "Rapport"


class SettingsError(ValueError):
    """A settings file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Settings:
    hub_url: str = ""
    username: str = ""
    region: str = "FR"  # phone numbers typed without a country code are read as this region's
    tablet_mode: bool = False
    sources: dict[str, str] = field(default_factory=dict, compare=False)

    @classmethod
    def load(cls, path: Path | None = None, env: dict[str, str] | None = None) -> Settings:
        path = path or settings_path()
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        sources: dict[str, str] = {}
        if path.exists():
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise SettingsError(f"{path}: {exc}") from exc
            for f in fields(cls):
                if f.name in data and f.name != "sources":
                    values[f.name] = _coerce(
                        path, f.name, data[f.name], type(getattr(cls(), f.name))
                    )
                    sources[f.name] = str(path)
        for f in fields(cls):
            key = f"RAPPORT_{f.name.upper()}"
            if key in env and f.name != "sources":
                values[f.name] = _coerce(Path(key), f.name, env[key], type(getattr(cls(), f.name)))
                sources[f.name] = f"environment {key}"
        return cls(**values, sources=sources)

    def with_overrides(self, **overrides: Any) -> Settings:
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(
            self, **given, sources={**self.sources, **dict.fromkeys(given, "command line")}
        )

    def save(self, path: Path | None = None) -> None:
        path = path or settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = [
            f"hub_url = {_toml_str(self.hub_url)}",
            f"username = {_toml_str(self.username)}",
            f"region = {_toml_str(self.region)}",
            f"tablet_mode = {'true' if self.tablet_mode else 'false'}",
        ]
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
