"""The call-center-scale benchmarks still run, at 10,000 customers (CI smoke test).

No timing is asserted: CI machines vary. Only that each script finishes and prints its figures.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Each builds or syncs a sizeable data set in a subprocess (8-26 s each here).
pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parent.parent / "bench"
CUSTOMERS = "10000"
HEAVY = "3000"  # one heavy customer: enough rows to page through, quick to build


def _run(script: str, *args: str, out: Path) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, str(BENCH / script), "--out", str(out), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.fixture(scope="module")
def bench_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bench")
    text = _run("build_cache.py", "--customers", CUSTOMERS, "--heavy", HEAVY, out=out)
    assert "rows/s" in text
    return out


def test_search_and_open_benchmark_prints_its_figures(bench_out: Path) -> None:
    text = _run(
        "search_open.py", "--customers", CUSTOMERS, "--heavy", HEAVY, "--samples", "15",
        out=bench_out,
    )  # fmt: skip
    for figure in ("machine:", "search name", "naive search phone", "open reads", "Customer360"):
        assert figure in text


def test_ui_benchmarks_print_their_figures(bench_out: Path) -> None:
    text = _run(
        "ui_scale.py", "--customers", CUSTOMERS, "--heavy", HEAVY, "--only", "scroll,start,stall",
        "--runs", "1", "--view-rows", "300", "--sync-customers", "300",
        "--watchdog", str(bench_out / "watchdog.txt"),
        out=bench_out,
    )  # fmt: skip
    for figure in ("scroll frame (model)", "cold start to search", "RSS after 100", "UI tick"):
        assert figure in text
    assert "the ten latest ticks" in text and "UI thread waiting for a CPU per tick" in text
    assert (bench_out / "watchdog.txt").exists()


def _run_hub_bench(script: str, *args: str) -> str:
    """The hub-side benchmarks start a hub of their own (a fresh SQLite one by default)."""
    done = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_longpoll_fanout_benchmark_prints_its_figures() -> None:
    text = _run_hub_bench(
        "longpoll_fanout.py", "--clients", "20", "--rounds", "2", "--customers", "50"
    )
    assert "machine:" in text and "round 2: 20 clients" in text
    assert "delivery of one change to 20 long polls, 2 rounds (40 deliveries)" in text


def test_pull_benchmark_prints_its_figures() -> None:
    text = _run_hub_bench("pull.py", "--customers", "50", "--runs", "1", "--limit", "500")
    assert "machine:" in text and "run 1:" in text and "median:" in text and "rows/s" in text


@pytest.mark.parametrize("mode", ["--apply-process", "--write-only"])
def test_initial_sync_benchmark_prints_its_figures(mode: str) -> None:
    text = _run_hub_bench("initial_sync.py", "--customers", "50", "--runs", "1", mode)
    assert "hub ready" in text and "run 1:" in text and "median:" in text and "rows/s" in text
