"""The settings the window remembers for the agent (the header's details) and the colour scheme:
typed, checked, and written back without copying the environment's or IT's values into the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapport.config import Settings, SettingsError, remember


def test_choices_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('color_scheme = "purple"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="color_scheme must be one of auto, light, dark"):
        Settings.load(path, env={})
    assert (
        Settings.load(tmp_path / "none.toml", env={"RAPPORT_COLOR_SCHEME": "dark"}).color_scheme
        == "dark"
    )
    assert Settings.load(tmp_path / "none.toml", env={}).customer_header == "auto"


def test_remember_writes_one_setting_and_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('hub_url = "https://hub.example"\ntablet_mode = true\n', encoding="utf-8")
    remember("customer_header", "collapsed", path)
    loaded = Settings.load(path, env={"RAPPORT_REGION": "BE"})
    assert loaded.customer_header == "collapsed"
    assert loaded.hub_url == "https://hub.example" and loaded.tablet_mode is True
    remember("customer_header", "expanded", path)
    text = path.read_text(encoding="utf-8")
    assert 'customer_header = "expanded"' in text and "region" not in text  # env not copied
    with pytest.raises(SettingsError):
        remember("customer_header", "sideways", path)
    with pytest.raises(ValueError, match="not a user setting"):
        remember("cache_retention_days", "3", path)
