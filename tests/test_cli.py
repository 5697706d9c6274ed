"""The command line: what scripts and support run."""

from __future__ import annotations

import asyncio
import io
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from rapport import __version__
from rapport.cache.db import open_cache
from rapport.cli import main
from rapport.demo import start_demo
from rapport.hub.server import free_port
from rapport.sync.engine import SyncEngine
from tests.conftest import MemoryKeyring


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"rapport {__version__}"


def test_search_prints_matches_from_a_kept_demo_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = start_demo(tmp_path / "demo", customers=60)
    try:
        open_cache(site.cache_path)[0].close()
        engine = SyncEngine(site.cache_path, site.hub_url, site.login.token)

        async def pull() -> None:
            await engine.pull()
            await engine.aclose()

        asyncio.run(pull())
    finally:
        site.close()
    assert main(["search", "0612345678", "--data", str(tmp_path / "demo")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    _cid, name, tier, email, phone, _last = out[0].split("\t")
    assert (name, tier, email, phone) == (
        "Lucas Martin",
        "silver",
        "lucas.martin@example.com",
        "06 12 34 56 78",
    )
    assert main(["search", "zzzz-nobody", "--data", str(tmp_path / "demo")]) == 1
    assert "no match" in capsys.readouterr().err


_LOADED = (
    "import sys; from rapport.cli import main; code = main(sys.argv[1:]); "
    "print(code, ' '.join(sorted({m.split('.')[0] if not m.startswith('rapport.') else "
    "'.'.join(m.split('.')[:2]) for m in sys.modules})))"
)


def _modules_loaded_by(tmp_path: Path, *argv: str) -> tuple[int, set[str]]:
    """Runs ``rapport ARGV`` in a fresh interpreter: its exit code and the packages it loaded
    (top-level names, and ``rapport.<sub>`` for ours)."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}  # fmt: skip
    done = subprocess.run([sys.executable, "-c", _LOADED, *argv], env=env, capture_output=True,
                          text=True, timeout=60, check=True)  # fmt: skip
    code, *loaded = done.stdout.splitlines()[-1].split()
    return int(code), set(loaded)


def test_headless_commands_load_neither_qt_nor_the_hub(tmp_path: Path) -> None:
    # `rapport search/log` run from scripts: loading the demo's hub took seconds per call.
    from rapport.cache.apply import apply_changes
    from rapport.config import demo_cache_path

    conn, _ = open_cache(demo_cache_path(tmp_path))
    apply_changes(conn, [{"entity": "customer", "op": "upsert", "id": "c-1", "version": 1,
                          "data": {"id": "c-1", "given_name": "Ana", "family_name": "Lima"}}],
                  "FR")  # fmt: skip
    conn.close()
    # (The parser's own rapport.hub.users_cli is a few lines: the hub's weight is below.)
    heavy = {"PySide6", "rapport.demo", "rapport.ui", "fastapi", "sqlalchemy", "uvicorn"}
    code, loaded = _modules_loaded_by(tmp_path, "search", "ana", "--data", str(tmp_path))
    assert code == 0 and not loaded & heavy, loaded & heavy
    argv = ["log", "--data", str(tmp_path), "--customer", "c-1", "--note", "called back"]
    code, loaded = _modules_loaded_by(tmp_path, *argv)
    assert code == 0 and not loaded & (heavy | {"httpx"}), loaded & heavy


def test_pop_loads_no_http_client(tmp_path: Path) -> None:
    # A ringing phone: `rapport pop` talks to the running app over a local socket only. Nor does
    # it load asyncio (about 20 ms of a pop that must paint within 200 ms: bench/screen_pop.py).
    code, loaded = _modules_loaded_by(tmp_path, "pop", "--phone", "+33612345678")
    assert code == 1  # no app running here
    heavy = {"httpx", "asyncio", "rapport.sync", "rapport.demo", "sqlalchemy", "fastapi"}
    assert not loaded & heavy, loaded & heavy


def test_search_without_a_cache_explains(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "x", "--data", str(tmp_path)]) == 2
    assert "no cache" in capsys.readouterr().err


def test_demo_refuses_a_bad_size(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--customers", "0"]) == 2
    assert "--customers" in capsys.readouterr().err


def test_hub_runs_on_its_own(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "rapport.cli", "hub", "--data", str(tmp_path),
           "--port", str(port), "--demo-customers", "30"]  # fmt: skip
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        token = None
        while time.monotonic() < deadline and token is None:
            try:
                r = httpx.post(
                    f"http://127.0.0.1:{port}/v1/auth/login",
                    json={"username": "agent", "password": "demo"},
                )
                token = r.json()["token"]
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
                time.sleep(0.2)
        assert token
        r = httpx.get(
            f"http://127.0.0.1:{port}/v1/customers/search",
            params={"q": "+33612345678"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert [x["given_name"] for x in r.json()["results"]] == ["Lucas"]
    finally:
        proc.terminate()
        proc.wait(10)
    logs = proc.stdout.read().decode() if proc.stdout else ""
    assert "Lucas" not in logs and "33612345678" not in logs  # no customer data in the output


@pytest.fixture
def desk_hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A real hub with an agent and a customer; this user's settings and caches in tmp_path."""
    from rapport.hub.server import HubServer
    from rapport.hub.service import Hub
    from rapport.hub.store.db import database_url

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    (tmp_path / "hub").mkdir()
    hub = Hub.open(database_url(tmp_path / "hub"))
    hub.add_user("agent", "s3cret-pass", "Alex Agent", "agent")
    hub.write("customer", [{"id": "c-1", "given_name": "Ana", "family_name": "Lima",
                            "tier": "bronze", "created_at": "2025-01-01T00:00:00Z",
                            "updated_at": "2025-01-01T00:00:00Z", "version": 1}])  # fmt: skip
    with HubServer(hub) as server:
        yield server.url
    hub.engine.dispose()


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_login_keeps_the_token_in_the_keyring_for_sync(
    desk_hub: str,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _stdin(monkeypatch, "s3cret-pass\n")
    assert main(["login", "--hub", desk_hub, "--user", "agent", "--password-stdin"]) == 0
    [((service, account), token)] = memory_keyring.store.items()
    assert (service, account) == ("rapport", f"agent@{desk_hub}")
    out = capsys.readouterr()
    assert "Alex Agent" in out.out
    assert token not in out.out + out.err and "s3cret-pass" not in out.out + out.err
    assert main(["sync", "--once"]) == 0
    assert "pulled" in capsys.readouterr().out


def test_sync_without_a_keyring_takes_the_token_or_password_on_stdin(
    tmp_path: Path,
    desk_hub: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    keyring.set_keyring(fail.Keyring())
    _stdin(monkeypatch, "s3cret-pass\n")
    # A kiosk: no keyring. The sign-in cannot be kept, and login says so (non-zero)...
    assert main(["login", "--hub", desk_hub, "--user", "agent", "--password-stdin"]) == 1
    assert "--password-stdin" in capsys.readouterr().err
    # ...but this computer now knows its hub and user: each run gives the password,
    _stdin(monkeypatch, "s3cret-pass\n")
    assert main(["sync", "--once", "--password-stdin"]) == 0
    assert "pulled 3 rows" in capsys.readouterr().out  # settings, staff, customer
    # or a token a script got elsewhere.
    token = httpx.post(f"{desk_hub}/v1/auth/login",
                       json={"username": "agent", "password": "s3cret-pass"}).json()["token"]  # fmt: skip
    _stdin(monkeypatch, token + "\n")
    assert main(["sync", "--once", "--token-stdin"]) == 0
    out = capsys.readouterr()
    assert token not in out.out + out.err
    _stdin(monkeypatch, "wrong\n")
    assert main(["sync", "--once", "--password-stdin"]) == 3
    # Never on disk: no file under this user's folders holds the token.
    for path in tmp_path.rglob("*"):
        if path.is_file() and "hub" not in path.parts:
            assert token.encode() not in path.read_bytes(), path
