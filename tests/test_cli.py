"""The command line: what scripts and support run."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from rapport import __version__
from rapport.cache.db import open_cache
from rapport.cli import main
from rapport.demo import start_demo
from rapport.hub.server import free_port
from rapport.sync.engine import SyncEngine


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
