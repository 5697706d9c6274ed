"""The PostgreSQL password kept in the OS keyring instead of the --database URL."""

from __future__ import annotations

import io

import pytest

from rapport import cli
from rapport.hub.db_secret import SERVICE, with_keyring_password
from rapport.hub.store.db import normalize_url, safe_url
from tests.conftest import MemoryKeyring

URL = "postgresql://rapport@db.example:5433/crm"


def test_db_password_is_stored_in_the_keyring_and_filled_into_a_url_without_one(
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-db-pass\n"))
    assert cli.main(["hub", "db-password", "--database", URL, "--password-stdin"]) == 0
    out, err = capsys.readouterr()
    assert "rapport@db.example:5433/crm" in out and "s3cret" not in out + err
    assert memory_keyring.store == {(SERVICE, "rapport@db.example:5433/crm"): "s3cret-db-pass"}

    filled = with_keyring_password(normalize_url(URL))
    assert filled.password == "s3cret-db-pass"
    assert "s3cret" not in safe_url(filled)
    # A password in the URL wins; another database or user is another entry.
    assert with_keyring_password(normalize_url("postgresql://rapport:given@db.example:5433/crm")).password == "given"  # fmt: skip
    assert with_keyring_password(normalize_url("postgresql://other@db.example:5433/crm")).password is None  # fmt: skip
    assert with_keyring_password(normalize_url("sqlite:///hub.sqlite3")).password is None


@pytest.mark.parametrize(
    "url, reason",
    [
        ("postgresql://rapport:inline@db.example/crm", "leave the password out"),
        ("sqlite:///hub.sqlite3", "give postgresql://USER@HOST/DB"),
        ("postgresql://db.example/crm", "give postgresql://USER@HOST/DB"),
    ],
)
def test_db_password_refuses_urls_it_cannot_key(
    memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str], url: str, reason: str
) -> None:
    assert cli.main(["hub", "db-password", "--database", url, "--password-stdin"]) == 2
    assert reason in capsys.readouterr().err
    assert memory_keyring.store == {}
