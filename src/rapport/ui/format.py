"""How the UI writes money, dates and times (and scales its fonts): one place, through QLocale, for
every widget.

Stored values follow :mod:`rapport.protocol` (integer minor units next to an ISO currency code; UTC
ISO-8601 text with a ``Z``). Calendar words ("today", "yesterday") are computed in the time zone of
the ``now`` the caller passes, so a local aware datetime gives the agent's own days.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtGui import QFont

# ISO 4217 exponents that are not the usual two.
_ZERO_DECIMAL = frozenset(
    {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND",
     "VUV", "XAF", "XOF", "XPF"}
)  # fmt: skip
_THREE_DECIMAL = frozenset({"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"})
# Symbols people recognise; any other currency is shown by its ISO code, which is never wrong.
_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "INR": "₹", "KRW": "₩"}

_DATE_PATTERN = "d MMM yyyy"
_DAY_PATTERN = "dddd d MMMM"


def locale() -> QLocale:
    """The user's locale; the bare "C" locale (no LANG set) reads as British English, whose dates
    and money look like the rest of Europe's."""
    current = QLocale()
    if current.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return current


def minor_exponent(currency: str | None) -> int:
    code = (currency or "").upper()
    return 0 if code in _ZERO_DECIMAL else 3 if code in _THREE_DECIMAL else 2


def money(amount_minor: int | None, currency: str | None, *, compact: bool = False) -> str:
    """``€349.00`` (``349,00 €`` in French). ``compact`` drops a zero fraction: ``€349``, for
    sentences and chart axes. An unknown amount is an empty string."""
    if amount_minor is None:
        return ""
    code = (currency or "").upper()
    exponent = minor_exponent(code)
    value = amount_minor / 10**exponent
    digits = 0 if compact and amount_minor % 10**exponent == 0 else exponent
    symbol = _SYMBOLS.get(code, code)
    return locale().toCurrencyString(value, symbol, digits)


def compact_money(amount_minor: int, currency: str) -> str:
    """The :data:`rapport.domain.intent.Money` shape: whole amounts without a fraction."""
    return money(amount_minor, currency, compact=True)


def parse_timestamp(text: str | None) -> datetime | None:
    """A stored ``...Z`` timestamp as an aware datetime, or None when missing or unreadable."""
    if not text:
        return None
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        return None
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at


def _local(at: datetime, now: datetime | None) -> datetime:
    if now is not None and now.tzinfo is not None:
        return at.astimezone(now.tzinfo)
    return at.astimezone()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_text(day: date | datetime) -> str:
    """``20 Nov 2026``."""
    if isinstance(day, datetime):
        day = day.date()
    return locale().toString(_qdate(day), _DATE_PATTERN)


def time_text(at: datetime) -> str:
    """``14:05`` (``2:05 PM`` where the locale says so)."""
    return locale().toString(QTime(at.hour, at.minute), QLocale.FormatType.ShortFormat)


def date_time_text(at: datetime, now: datetime | None = None) -> str:
    local = _local(at, now)
    return f"{date_text(local)} {time_text(local)}"


def days_between(at: datetime, now: datetime) -> int:
    """Calendar days from ``at`` to ``now``, in ``now``'s time zone (0 = same day)."""
    return (now.date() - _local(at, now).date()).days


def relative_text(at: datetime | None, now: datetime, *, with_time: bool = True) -> str:
    """``today 14:05``, ``yesterday 09:12``, ``3 days ago``, then a full date after a week."""
    if at is None:
        return ""
    local = _local(at, now)
    days = days_between(at, now)
    if days <= 0:
        return f"today {time_text(local)}" if with_time else "today"
    if days == 1:
        return f"yesterday {time_text(local)}" if with_time else "yesterday"
    if days < 7:
        return f"{days} days ago"
    return date_text(local)


def day_title(day: date, today: date) -> str:
    """A timeline day header: ``Today``, ``Yesterday``, ``Monday 16 November``, and the year when it
    is not this year's."""
    delta = (today - day).days
    if delta == 0:
        return "Today"
    if delta == 1:
        return "Yesterday"
    text = locale().toString(_qdate(day), _DAY_PATTERN)
    return text if day.year == today.year else f"{text} {day.year}"


def month_abbreviation(month: int) -> str:
    """``Nov``: chart axes."""
    return locale().standaloneMonthName(month, QLocale.FormatType.ShortFormat).rstrip(".")


def scaled_font(font: QFont, factor: float) -> QFont:
    """``font`` at ``factor`` times its size, whether it is set in points or in pixels: headings and
    small print follow the user's font instead of fixed sizes."""
    scaled = QFont(font)
    if font.pointSizeF() > 0:
        scaled.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        scaled.setPixelSize(max(1, round(font.pixelSize() * factor)))
    return scaled
