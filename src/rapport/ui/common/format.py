"""How the UI writes money, dates and times (and scales its fonts): one place, through QLocale, for
every widget.

Stored values follow :mod:`rapport.protocol` (integer minor units next to an ISO currency code; UTC
ISO-8601 text with a ``Z``). Calendar words ("today", "yesterday") are computed in the time zone of
the ``now`` the caller passes, so a local aware datetime gives the agent's own days.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtGui import QFont

from rapport.ui.common.i18n import Context

# ISO 4217 exponents that are not the usual two.
_ZERO_DECIMAL = frozenset(
    {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND",
     "VUV", "XAF", "XOF", "XPF"}
)  # fmt: skip
_THREE_DECIMAL = frozenset({"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"})
# Symbols people recognise; any other currency is shown by its ISO code, which is never wrong.
_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "INR": "₹", "KRW": "₩"}

# Within this many calendar days of now a time reads better in words ("3 days ago", "Thursday");
# further away, the locale's short date.
RECENT_DAYS = 7


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


def _local(at: datetime, now: datetime | None) -> datetime:
    if now is not None and now.tzinfo is not None:
        return at.astimezone(now.tzinfo)
    return at.astimezone()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


# The calendar words are the ones rapport.ui.common.wording uses (one context, one translation each).
Words = Context("Words")


def date_text(day: date | datetime) -> str:
    """The locale's short date: ``20/11/2026`` (``11/20/26`` in the US)."""
    if isinstance(day, datetime):
        day = day.date()
    return locale().toString(_qdate(day), QLocale.FormatType.ShortFormat)


def time_text(at: datetime) -> str:
    """``14:05`` (``2:05 PM`` where the locale says so)."""
    return locale().toString(QTime(at.hour, at.minute), QLocale.FormatType.ShortFormat)


def date_time_text(at: datetime, now: datetime | None = None) -> str:
    """The exact moment, for tooltips and records: ``20/11/2026 14:05``."""
    local = _local(at, now)
    return f"{date_text(local)} {time_text(local)}"


def days_between(at: datetime, now: datetime) -> int:
    """Calendar days from ``at`` to ``now``, in ``now``'s time zone (0 = same day, negative when
    ``at`` is on a later day)."""
    return (now.date() - _local(at, now).date()).days


def _day_words(days: int, day: date) -> str | None:
    """The calendar word for a day ``days`` before today (negative: after), or None beyond a week."""
    if days == 0:
        return Words.tr("today")
    if days == 1:
        return Words.tr("yesterday")
    if days == -1:
        return Words.tr("tomorrow")
    if 1 < days < RECENT_DAYS:
        return Words.tr("%n day(s) ago", "", days)
    if -RECENT_DAYS < days < -1:
        return locale().dayName(day.isoweekday(), QLocale.FormatType.LongFormat)
    return None


def when_text(at: datetime | None, now: datetime, *, with_time: bool = True) -> str:
    """The one way the UI says when something happened or is due, in ``now``'s time zone:
    ``today 14:05``, ``yesterday 09:12``, ``3 days ago``; ``tomorrow 10:00``, ``Thursday 10:00``;
    then the locale's short date (with the time when it is still to come). The timeline, the
    purchases, the tasks, the header, the outbox and the basket all use it, so one moment reads
    the same everywhere."""
    if at is None:
        return ""
    local = _local(at, now)
    days = days_between(at, now)
    words = _day_words(days, local.date())
    if words is None:
        text = date_text(local)
        return f"{text} {time_text(local)}" if with_time and days < 0 else text
    if days > 1:  # "3 days ago": the hour of a past day matters little; the tooltip has it
        return words
    if not with_time:
        return words
    return Words.tr("{day} {time}", "a day word and a time: today 14:05").format(
        day=words, time=time_text(local)
    )


# The name the header and the intent banner already call it by.
relative_text = when_text


def day_text(day: date, today: date) -> str:
    """A calendar day by the same rule as :func:`when_text`: ``today``, ``tomorrow``,
    ``3 days ago``, ``Thursday``, then the short date."""
    words = _day_words((today - day).days, day)
    return words if words is not None else date_text(day)


def day_title(day: date, today: date) -> str:
    """A timeline day header: :func:`day_text` with a capital (``Today``, ``Yesterday``)."""
    text = day_text(day, today)
    return text[:1].upper() + text[1:]


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
