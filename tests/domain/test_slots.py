"""Free appointment starts inside opening hours, around what is already booked."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from rapport.domain.slots import OpeningHours, free_slots

PARIS = ZoneInfo("Europe/Paris")
SATURDAY = date(2026, 11, 21)


def _times(starts: list[datetime]) -> list[str]:
    return [s.strftime("%H:%M") for s in starts]


def test_every_half_hour_that_fits_before_closing() -> None:
    starts = free_slots(SATURDAY, PARIS, [], timedelta(minutes=30))
    assert _times(starts)[:3] == ["10:00", "10:30", "11:00"] and _times(starts)[-1] == "18:30"
    assert len(starts) == 18 and all(s.tzinfo is PARIS for s in starts)
    hour = free_slots(SATURDAY, PARIS, [], timedelta(minutes=60))
    assert _times(hour)[-1] == "18:00"


def test_busy_times_and_the_past_are_left_out() -> None:
    busy = [
        (datetime(2026, 11, 21, 11, 0, tzinfo=PARIS), datetime(2026, 11, 21, 12, 0, tzinfo=PARIS))
    ]
    starts = _times(free_slots(SATURDAY, PARIS, busy, timedelta(minutes=45)))
    assert "10:00" in starts and "10:30" not in starts  # would run into 11:00
    assert "11:00" not in starts and "11:30" not in starts and "12:00" in starts
    # Busy given in UTC counts the same.
    utc = [(a.astimezone(UTC), b.astimezone(UTC)) for a, b in busy]
    assert _times(free_slots(SATURDAY, PARIS, utc, timedelta(minutes=45))) == starts
    now = datetime(2026, 11, 21, 15, 10, tzinfo=PARIS)
    later = _times(free_slots(SATURDAY, PARIS, busy, timedelta(minutes=30), not_before=now))
    assert later[0] == "15:30"


def test_closed_days_and_other_hours() -> None:
    assert free_slots(date(2026, 11, 22), PARIS, [], timedelta(minutes=30)) == []  # Sunday
    short = OpeningHours(time(9, 0), time(12, 0), frozenset())
    sunday = free_slots(date(2026, 11, 22), PARIS, [], timedelta(minutes=60), hours=short)
    assert _times(sunday) == ["09:00", "09:30", "10:00", "10:30", "11:00"]
