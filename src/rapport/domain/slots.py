"""Free appointment times: the starts, a step apart, at which an appointment of a given length fits
inside a store's opening hours without overlapping what the associate already has.

Opening hours are wall-clock times in the store's time zone; the starts come back as aware
datetimes in that zone (callers show them in their own)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

__all__ = ["DEFAULT_HOURS", "OpeningHours", "free_slots"]


@dataclass(frozen=True, slots=True)
class OpeningHours:
    opens: time = time(10, 0)
    closes: time = time(19, 0)
    closed_on: frozenset[int] = field(default_factory=lambda: frozenset({7}))  # ISO weekdays

    def is_open(self, day: date) -> bool:
        return day.isoweekday() not in self.closed_on and self.opens < self.closes


# Stores carry no hours in the catalog yet: a high-street week, Monday to Saturday.
DEFAULT_HOURS = OpeningHours()


def free_slots(
    day: date,
    zone: tzinfo,
    busy: Iterable[tuple[datetime, datetime]],
    duration: timedelta,
    *,
    hours: OpeningHours = DEFAULT_HOURS,
    step: timedelta = timedelta(minutes=30),
    not_before: datetime | None = None,
) -> list[datetime]:
    """Starts on ``day`` (in ``zone``) from opening time, every ``step``, where ``duration`` ends
    by closing time, overlaps none of the ``busy`` intervals (aware, half-open) and does not begin
    before ``not_before`` (now, so today's past times are not offered)."""
    if not hours.is_open(day) or duration <= timedelta(0) or step <= timedelta(0):
        return []
    start = datetime.combine(day, hours.opens, zone)
    closes = datetime.combine(day, hours.closes, zone)
    taken = sorted((a, b) for a, b in busy if b > start and a < closes)
    out = []
    at = start
    while at + duration <= closes:
        end = at + duration
        if (not_before is None or at >= not_before) and not any(
            a < end and at < b for a, b in taken
        ):
            out.append(at)
        at += step
    return out
