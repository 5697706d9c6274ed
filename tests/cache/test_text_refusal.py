"""Text the hub cannot store (a NUL, a lone surrogate) is refused when the write is made, naming
the field, and nothing is queued: the hub would refuse it, and the refusal would wait in the
outbox. A lone surrogate comes from bytes that were not UTF-8 (a command-line argument); Qt never
hands one over."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from rapport.cache.apply import apply_changes
from rapport.cache.db import open_cache
from rapport.cache.new_customer import NewCustomer, create_customer
from rapport.cache.outbox import counts
from rapport.cache.tasks import create_follow_up
from rapport.cache.writes import LocalWrites, WriteError
from rapport.cli import main
from rapport.config import demo_cache_path
from tests.helpers import FIXED_NOW

BAD = {"NUL": "called back\x00", "lone surrogate": "called back \udcff"}


@pytest.fixture
def writes(tmp_path: Path) -> LocalWrites:
    path = demo_cache_path(tmp_path)  # where `rapport log --data DIR` looks
    path.parent.mkdir()
    conn, _ = open_cache(path)
    apply_changes(conn, [{"entity": "customer", "op": "upsert", "id": "c-1", "version": 1,
                          "data": {"id": "c-1", "given_name": "Ana", "family_name": "Silva"}}],
                  "FR")  # fmt: skip
    return LocalWrites(conn, user_id="u-agent", store_id="st-1", now=lambda: FIXED_NOW)


@pytest.mark.parametrize("text", BAD.values(), ids=BAD.keys())
def test_every_typed_field_refuses_what_the_hub_cannot_store(
    writes: LocalWrites, text: str
) -> None:
    attempts = {
        "summary": lambda: writes.log_interaction("c-1", channel="phone", summary=text),
        "disposition": lambda: writes.log_interaction(
            "c-1", channel="phone", summary="ok", disposition=text
        ),
        "payload": lambda: writes.log_interaction(
            "c-1", channel="phone", summary="ok", payload={"topic": text}
        ),
        "notes": lambda: writes.update_customer("c-1", {"notes": text}),
        "source": lambda: writes.set_consent("c-1", "email", "granted", text),
        "family_name": lambda: create_customer(writes, NewCustomer("Ana", text, "", "", {})),
        "title": lambda: create_follow_up(writes, "c-1", text, FIXED_NOW + timedelta(days=1)),
    }
    for field, attempt in attempts.items():
        with pytest.raises(WriteError) as err:
            attempt()
        assert err.value.field == field
        assert "cannot be saved" in str(err.value)
    assert counts(writes.conn).pending == 0
    writes.log_interaction("c-1", channel="phone", summary="called back")
    assert counts(writes.conn).pending == 1


def test_rapport_log_refuses_a_note_that_is_not_text(
    writes: LocalWrites, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    writes.conn.close()
    # A note whose bytes are not UTF-8: Python hands it over with a lone surrogate in it.
    note = os.fsdecode(b"called back \xff")
    argv = ["log", "--data", str(tmp_path), "--customer", "c-1", "--channel", "phone",
            "--note", note]  # fmt: skip
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "summary" in err and "cannot be saved" in err
    conn, _ = open_cache(demo_cache_path(tmp_path))
    assert counts(conn).pending == 0
    conn.close()
