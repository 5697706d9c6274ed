"""Phone numbers: valid (phonenumbers checks them), unique per customer, and typed the way
people type them (``06 12 34 56 78``, ``+33612345678``, ``0033 6 12...``)."""

from __future__ import annotations

import random
from bisect import bisect

import phonenumbers

from rapport.hub.demo_data.common import cumulative, scatter

_FR6 = [b for b in range(100) if b not in (39, 90, 91, 92, 93, 94, 96, 97)]
FR_MOBILE = [f"6{b:02d}" for b in _FR6 if b not in (12, 98)] + [
    f"7{b:02d}" for b in range(30, 100) if b != 81
]  # 06 12.., 06 98.., 07 81.. belong to stories
FR_LANDLINE = [f"{b}" for b in (*range(10, 26), *range(27, 40), *range(41, 59))]
BE_MOBILE = [f"{b}" for b in range(450, 500)]
_INTL_SPACES = {  # region: (country code, prefixes, free digits)
    "US": (
        "1",
        [
            f"{a}{x}"
            for a in (212, 213, 305, 312, 415, 617, 646, 718, 206, 512)
            for x in range(200, 1000)
            if x % 100 != 11
        ],
        4,
    ),
    "DE": ("49", ["151", "152", "157", "160", "170", "171", "172", "175", "176", "177"], 8),
    "ES": ("34", [f"6{b}" for b in range(10)], 7),
    "IT": ("39", ["320", "328", "329", "333", "338", "339", "340", "347", "348", "349"], 7),
    "PT": ("351", ["91", "92", "93", "96"], 7),
    "CH": ("41", ["75", "76", "77", "78", "79"], 7),
    "NL": ("31", ["61", "62", "63", "64", "65", "68"], 7),
}

_FR_FORMATS = (
    (34, lambda d: f"0{d[0]} {d[1:3]} {d[3:5]} {d[5:7]} {d[7:]}"),
    (20, lambda d: f"0{d}"),
    (8, lambda d: f"0{d[0]}.{d[1:3]}.{d[3:5]}.{d[5:7]}.{d[7:]}"),
    (15, lambda d: f"+33 {d[0]} {d[1:3]} {d[3:5]} {d[5:7]} {d[7:]}"),
    (8, lambda d: f"+33{d}"),
    (5, lambda d: f"0033{d}"),
    (3, lambda d: f"0033 {d[0]} {d[1:3]} {d[3:5]} {d[5:7]} {d[7:]}"),
    (4, lambda d: f"0{d[0]}-{d[1:3]}-{d[3:5]}-{d[5:7]}-{d[7:]}"),
    (3, lambda d: f"+33 (0){d[0]} {d[1:3]} {d[3:5]} {d[5:7]} {d[7:]}"),
)
_BE_FORMATS = (
    (45, lambda d: f"+32 {d[:3]} {d[3:5]} {d[5:7]} {d[7:]}"),
    (15, lambda d: f"+32{d}"),
    (15, lambda d: f"0032 {d[:3]} {d[3:5]} {d[5:7]} {d[7:]}"),
    (10, lambda d: f"0032{d}"),
    (10, lambda d: f"+32 {d[:3]}/{d[3:5]}.{d[5:7]}.{d[7:]}"),
    (5, lambda d: f"+32 (0){d[:3]} {d[3:5]} {d[5:7]} {d[7:]}"),
)


def _formatter(formats):
    """A function that writes a national number in one of ``formats``, drawn by weight."""
    cum, tot = cumulative(w for w, _ in formats)
    fns = [f for _, f in formats]

    def fmt(rng: random.Random, digits: str) -> str:
        return fns[bisect(cum, rng.random() * tot)](digits)

    return fmt


typed_fr = _formatter(_FR_FORMATS)
typed_be = _formatter(_BE_FORMATS)


def national_number(prefixes: list[str], free: int, idx: int, salt: int) -> str:
    """Customer ``idx``'s number in the space of ``prefixes`` followed by ``free`` digits: unique
    per customer (see :func:`scatter`)."""
    n = scatter(idx, len(prefixes) * 10**free, salt)
    p, rest = divmod(n, 10**free)
    return f"{prefixes[p]}{rest:0{free}d}"


def abroad_phone(rng: random.Random, region: str, idx: int, salt: int) -> tuple[str, str]:
    """(as typed, E.164) for a number abroad."""
    cc, prefixes, free = _INTL_SPACES[region]
    e164 = f"+{cc}{national_number(prefixes, free, idx, salt)}"
    x = rng.random()
    if x < 0.6:
        num = phonenumbers.parse(e164)
        return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL), e164
    return (e164 if x < 0.85 else "00" + e164[1:]), e164
