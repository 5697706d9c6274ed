"""What every part of the generator uses: time units and timestamp text, ids and weighted picks
drawn from a random stream, scattered unique numbers, the bundled resource files, and the hours
people are awake or the stores are open."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from functools import cache
from importlib import resources
from itertools import accumulate

CURRENCY = "EUR"
DAY = 86_400
HOUR = 3_600
YEAR = 365 * DAY
HISTORY_DAYS = 3 * 365

# hours of the day (UTC) when people shop, call and visit, weighted
_HOUR_WEIGHTS = (0, 0, 0, 0, 0, 1, 2, 4, 6, 7, 8, 9, 10, 9, 8, 8, 9, 10, 10, 9, 7, 4, 2, 1)
WAKING_HOURS = [h for h, w in enumerate(_HOUR_WEIGHTS) for _ in range(w)]
# store opening hours, 10:00 to 19:00 in Paris, in UTC, busier in the afternoon
STORE_HOURS = [
    h for h, w in zip(range(8, 18), (2, 4, 5, 5, 6, 7, 8, 8, 6, 3), strict=True) for _ in range(w)
]


@cache
def resource(name: str):
    """A JSON file of ``rapport/resources/demo`` (names, texts, the catalog, the stores)."""
    text = resources.files("rapport.resources.demo").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


_UUID_MASK = ~((0xF000 << 64) | (0xC000 << 48)) & ((1 << 128) - 1)
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)


def uuid_from(rng: random.Random) -> str:
    """A version-4 UUID drawn from ``rng``."""
    h = "%032x" % ((rng.getrandbits(128) & _UUID_MASK) | _UUID_SET)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_day_prefix: dict[int, str] = {}
_D2 = [f"{i:02d}" for i in range(60)]
_HMS = [
    hm + ss for hm in [f"{h}:{m}:" for h in _D2[:24] for m in _D2] for ss in [f"{s}Z" for s in _D2]
]


def iso(ts: int) -> str:
    """Epoch seconds to the protocol's UTC text, ``YYYY-MM-DDTHH:MM:SSZ``
    (:func:`rapport.domain.timestamps.utc_text` for a datetime). Millions of calls per data set,
    hence a day-prefix cache and a time-of-day table rather than ``strftime``."""
    d, s = divmod(ts, DAY)
    p = _day_prefix.get(d)
    if p is None:
        p = _day_prefix[d] = (_EPOCH + timedelta(days=d)).strftime("%Y-%m-%dT")
    return p + _HMS[s]


def year_of(ts: int) -> int:
    return int(iso(ts)[:4])


def cumulative(weights) -> tuple[list[float], float]:
    """Running totals and the total, for weighted picks with ``bisect(cum, r() * total)``."""
    c = list(accumulate(weights))
    return c, c[-1]


def scatter(idx: int, size: int, salt: int) -> int:
    """An injective map of ``0 <= idx < size`` into ``range(size)`` that looks scattered (the
    multiplier is the prime 2**31 - 1, coprime with every size used here). Identifiers derived from
    the customer index this way are unique without remembering the ones already handed out."""
    return (idx * 2_147_483_647 + salt) % size


def daytime(rng: random.Random, lo: int, hi: int, hours: list[int] = WAKING_HOURS) -> int:
    """A moment in ``[lo, hi]``, at an hour people are awake (or the store is open) when the
    range allows."""
    if hi <= lo:
        return hi
    r = rng.random
    t = lo + int(r() * (hi - lo))
    t2 = t - t % DAY + hours[int(r() * len(hours))] * HOUR + int(r() * HOUR)
    return t2 if lo <= t2 <= hi else t
