"""IT policy: a system-wide file above the user's settings and the environment; a bad one stops
the app naming the file, the line and the problem."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rapport.cli import main
from rapport.config import Settings
from rapport.policy import PolicyError, load_policy, policy_path

GOOD = """\
# Written by the installer
hub_url = "https://hub.corp.example"
ca_bundle = "/etc/ssl/corp-ca.pem"
tablet_mode = true
allowed_channels = ["phone", "email"]
cache_retention_days = 30
demo_allowed = false
update_check = false
"""


def _write(tmp_path: Path, text: str, name: str = "policy.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_policy_overrides_the_users_file_and_the_environment(tmp_path: Path) -> None:
    user = _write(tmp_path, 'hub_url = "http://mine:1"\nusername = "ana"\n', "settings.toml")
    policy = _write(tmp_path, GOOD)
    env = {
        "RAPPORT_POLICY_FILE": str(policy),
        "RAPPORT_HUB_URL": "http://env:2",
        "RAPPORT_TABLET_MODE": "0",
    }
    s = Settings.load(user, env=env)
    assert s.hub_url == "https://hub.corp.example"
    assert s.tablet_mode is True
    assert s.username == "ana"  # not in the policy: the user's own
    assert s.allowed_channels == ("phone", "email")
    assert (s.cache_retention_days, s.demo_allowed, s.update_check) == (30, False, False)
    assert s.source("hub_url") == f"policy {policy}"
    assert s.source("username") == str(user)
    assert s.source("region") == "default"


def test_flags_and_sign_in_cannot_move_what_policy_set(tmp_path: Path) -> None:
    env = {"RAPPORT_POLICY_FILE": str(_write(tmp_path, 'hub_url = "https://it:1"\n'))}
    s = Settings.load(tmp_path / "none.toml", env=env)
    moved = s.with_overrides(hub_url="http://elsewhere", username="bo")
    assert (moved.hub_url, moved.username) == ("https://it:1", "bo")
    saved = tmp_path / "saved.toml"
    moved.save(saved)
    assert "hub_url" not in saved.read_text()  # IT's value is not copied into the user's file
    assert Settings.load(saved, env={}).username == "bo"  # the user's own values round-trip


def test_saving_keeps_the_users_own_ca_bundle_and_update_check(tmp_path: Path) -> None:
    text = r'ca_bundle = "C:\\certs\\ca.pem"' + "\nupdate_check = false\n"  # TOML escapes \\
    user = _write(tmp_path, text, "s.toml")
    Settings.load(user, env={}).with_overrides(username="ana").save(user)
    again = Settings.load(user, env={})
    assert (again.ca_bundle, again.update_check, again.username) == (
        "C:\\certs\\ca.pem",
        False,
        "ana",
    )


def test_policy_decides_tablet_mode_over_the_flag(tmp_path: Path) -> None:
    env = {"RAPPORT_POLICY_FILE": str(_write(tmp_path, "tablet_mode = false\n"))}
    assert Settings.load(tmp_path / "none.toml", env=env).tablet(True) is False
    assert Settings.load(tmp_path / "none.toml", env={}).tablet(True) is True


def test_user_file_and_environment_cannot_grant_what_only_it_sets(tmp_path: Path) -> None:
    user = _write(tmp_path, "demo_allowed = true\ncache_retention_days = 9\n", "settings.toml")
    env = {"RAPPORT_POLICY_FILE": str(_write(tmp_path, "demo_allowed = false\n")),
           "RAPPORT_ALLOWED_CHANNELS": "sms"}  # fmt: skip
    s = Settings.load(user, env=env)
    assert (s.demo_allowed, s.cache_retention_days, s.allowed_channels) == (False, 0, ())


def test_no_policy_file_is_no_policy(tmp_path: Path) -> None:
    policy = load_policy(tmp_path / "absent.toml")
    assert policy.values == {} and policy.path is None


def test_policy_path_per_platform_and_override(tmp_path: Path) -> None:
    assert policy_path({"RAPPORT_POLICY_FILE": str(tmp_path / "p.toml")}) == tmp_path / "p.toml"
    if sys.platform.startswith("linux"):
        assert policy_path({}) == Path("/etc/rapport/policy.toml")


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ('hub_url = "https://a"\n\ntablet_mode = "yes"\n', 3, "tablet_mode must be true or false"),
        ('\n\nhub_ur = "https://a"\n', 3, "unknown key 'hub_ur'"),
        ("demo_allowed = false\ncache_retention_days = true\n", 2, "must be a whole number"),
        ("cache_retention_days = 0\n", 1, "at least 1"),
        ('allowed_channels = ["phone", "fax"]\n', 1, "'fax'"),
        ('\n[hub]\nurl = "x"\n', 2, "unknown key 'hub'"),
        ('hub_url = "hub.corp:8765"\n', 1, "http:// or https://"),
        ('demo_allowed = false\nhub_url = "https://a\n', 2, "invalid TOML"),
    ],
)
def test_a_bad_policy_names_the_file_the_line_and_the_problem(
    tmp_path: Path, text: str, line: int, problem: str
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(PolicyError) as exc:
        load_policy(path)
    message = str(exc.value)
    assert str(path) in message
    assert f"line {line}" in message
    assert problem in message


def test_rapport_config_prints_values_and_their_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ca = _write(tmp_path, "", "corp-ca.pem")
    policy = _write(tmp_path, GOOD.replace("/etc/ssl/corp-ca.pem", str(ca)))
    monkeypatch.setenv("RAPPORT_POLICY_FILE", str(policy))
    monkeypatch.setenv("RAPPORT_REGION", "BE")
    monkeypatch.setenv("SSL_CERT_FILE", "")  # restored after: main() points it at the bundle
    assert main(["config"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert f'hub_url = "https://hub.corp.example"  # policy {policy}' in lines
    assert 'allowed_channels = ["phone", "email"]  # policy ' + str(policy) in lines
    assert 'region = "BE"  # environment RAPPORT_REGION' in lines
    assert 'username = ""  # default' in lines


def test_a_bad_policy_stops_every_client_command(tmp_path: Path) -> None:
    """A real process, as IT would run it after writing the file."""
    policy = _write(tmp_path, "update_check = 1\n")
    env = {"RAPPORT_POLICY_FILE": str(policy), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    for args in (["config"], ["--no-crash-dialog"], ["demo", "--self-test"]):
        proc = subprocess.run(
            [sys.executable, "-m", "rapport.cli", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 2, (args, proc.stderr)
        assert f"{policy}, line 1: update_check must be true or false" in proc.stderr


def test_demo_refuses_when_policy_forbids_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RAPPORT_POLICY_FILE", str(_write(tmp_path, "demo_allowed = false\n")))
    assert main(["demo", "--self-test", "--data", str(tmp_path / "demo")]) == 3
    assert "turned off on this computer by IT policy" in capsys.readouterr().err
    assert not (tmp_path / "demo").exists()  # refused before generating anything


def test_a_policy_with_a_byte_order_mark_reads(tmp_path: Path) -> None:
    """The Windows installer and Notepad write UTF-8 with a BOM."""
    path = tmp_path / "policy.toml"
    path.write_bytes(
        b'\xef\xbb\xbfhub_url = "https://hub.corp.example"\r\ndemo_allowed = false\r\n'
    )
    assert load_policy(path).values == {
        "hub_url": "https://hub.corp.example",
        "demo_allowed": False,
    }


def test_the_ca_bundle_is_used_for_https_and_a_missing_one_stops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import certifi
    import httpx

    bundle = tmp_path / "corp-ca.pem"
    bundle.write_bytes(Path(certifi.where()).read_bytes())
    monkeypatch.setenv("RAPPORT_POLICY_FILE", str(_write(tmp_path, f'ca_bundle = "{bundle}"\n')))
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    assert main(["config"]) == 0
    assert os.environ["SSL_CERT_FILE"] == str(bundle)
    assert httpx.create_ssl_context().get_ca_certs()  # httpx loads IT's bundle

    bundle.unlink()
    assert main(["config"]) == 2
    assert f"ca_bundle {bundle} (from policy " in capsys.readouterr().err


def test_rapport_config_warns_about_a_plain_http_hub_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RAPPORT_POLICY_FILE", str(tmp_path / "no-policy.toml"))
    monkeypatch.setenv("RAPPORT_HUB_URL", "http://hub.corp.example:8765")
    assert main(["config"]) == 0
    out, err = capsys.readouterr()
    assert "# WARNING (hub_url):" in out and "unencrypted" in out
    assert "unencrypted" in err
    for url in ("https://hub.corp.example", "http://127.0.0.1:8765"):
        monkeypatch.setenv("RAPPORT_HUB_URL", url)
        assert main(["config"]) == 0
        assert "unencrypted" not in "".join(capsys.readouterr())
    # IT may accept plain http on a network it encrypts itself.
    policy = _write(tmp_path, "allow_plain_http = true\n")
    monkeypatch.setenv("RAPPORT_POLICY_FILE", str(policy))
    monkeypatch.setenv("RAPPORT_HUB_URL", "http://hub.corp.example:8765")
    assert main(["config"]) == 0
    out, err = capsys.readouterr()
    assert "unencrypted" not in out + err
    assert f"allow_plain_http = true  # policy {policy}" in out.splitlines()
