"""The protocol's timestamp text, and the JSON-column reader: one home each (rapport.domain)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from rapport.domain.json_text import json_or
from rapport.domain.timestamps import parse_utc_text, utc_now_text, utc_text


def test_utc_text_is_utc_with_a_z_and_reads_back() -> None:
    paris = timezone(timedelta(hours=1))
    at = datetime(2026, 11, 23, 19, 11, 30, 999_999, tzinfo=paris)
    assert utc_text(at) == "2026-11-23T18:11:30Z"
    assert parse_utc_text("2026-11-23T18:11:30Z") == datetime(2026, 11, 23, 18, 11, 30, tzinfo=UTC)
    assert parse_utc_text(utc_now_text()) <= datetime.now(UTC)
    with pytest.raises(ValueError):
        parse_utc_text("2026-11-23T18:11:30+00:00")


def test_json_or_falls_back_on_empty_or_damaged_text() -> None:
    assert json_or('{"a": [1]}', {}) == {"a": [1]}
    assert json_or(None, []) == [] and json_or("", {}) == {}
    assert json_or("{not json", {"x": 1}) == {"x": 1}
