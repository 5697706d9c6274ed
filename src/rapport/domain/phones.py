"""Phone numbers: normalising what agents type or paste, indexing stored numbers for prefix search,
and formatting them for display.

Stored phones are E.164 (``+33612345678``). Country rules (trunk prefixes, lengths, formats) come
from ``phonenumbers`` so that a number from any region behaves the same way as a French one.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat

__all__ = ["format_phone", "index_tokens", "normalize_phone", "query_digits"]

# Far beyond any real number with its punctuation; bounds the work done on pasted essays.
_MAX_INPUT = 64

# What a search box entry may contain to be treated as a phone number rather than a name.
_PHONEISH_PUNCTUATION = frozenset(" \t+-.()")
_MIN_QUERY_DIGITS = 3

# The "(0)" in "+33 (0)6 12" marks the trunk prefix one drops when dialling from abroad;
# phonenumbers ignores it for a whole number but a partial query has to drop it by itself.
_OPTIONAL_TRUNK = re.compile(r"\(\s*0\s*\)")


def _parse(text: str, region: str | None) -> PhoneNumber | None:
    try:
        return phonenumbers.parse(text, region)
    except NumberParseException:
        return None


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def normalize_phone(text: str, default_region: str = "FR") -> str | None:
    """E.164 form of ``text``, or None when it is not a possible phone number.

    National forms are read in ``default_region``. Text with letters is refused rather than read
    as a vanity number ("1-800-FLOWERS") or a number followed by words, which would be a guess.
    """
    text = text.strip()
    if not text or len(text) > _MAX_INPUT:
        return None
    # The tel: URI scheme is the one place letters belong to a phone number (pasted from links).
    if text[:4].lower() == "tel:":
        text = text[4:]
    if _has_letters(text):
        return None
    number = _parse(text, default_region)
    if number is None or not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def index_tokens(e164: str) -> list[str]:
    """Digit strings under which a stored phone is found by prefix search: the international digits
    (``33612345678``) and the digits as written nationally (``0612345678``), without duplicates.

    The national token follows the region's own national format, so it carries the trunk prefix
    where locals dial one (France ``0``) and not where they do not (NANP writes ``(415) 555-0134``).
    """
    number = _parse(e164, None)
    if number is None:
        # Keep a malformed stored value findable by its digits rather than dropping it.
        digits = phonenumbers.normalize_digits_only(e164)
        return [digits] if digits else []
    tokens = [phonenumbers.format_number(number, PhoneNumberFormat.E164).lstrip("+")]
    national = phonenumbers.normalize_digits_only(
        phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    )
    if national and national not in tokens:
        tokens.append(national)
    return tokens


def query_digits(text: str, default_region: str = "FR") -> str | None:
    """The digits to prefix-match against :func:`index_tokens`, or None when ``text`` is not a
    phone-ish search (it has letters or other symbols, or fewer than three digits).

    A complete valid number becomes its international digits so it matches however it was typed;
    a partial one keeps its digits as typed, with ``00``/``+`` turned into the international form.
    """
    text = text.strip()
    if not text or len(text) > _MAX_INPUT:
        return None
    if not all(ch.isdecimal() or ch in _PHONEISH_PUNCTUATION for ch in text):
        return None
    digits = phonenumbers.normalize_digits_only(text)
    if len(digits) < _MIN_QUERY_DIGITS:
        return None

    number = _parse(text, default_region)
    if number is not None and phonenumbers.is_valid_number(number):
        return phonenumbers.format_number(number, PhoneNumberFormat.E164).lstrip("+")

    international = text.startswith("+") or digits.startswith("00")
    if international:
        digits = phonenumbers.normalize_digits_only(_OPTIONAL_TRUNK.sub("", text))
        if digits.startswith("00") and not text.startswith("+"):
            digits = digits[2:]
    return digits or None


def format_phone(e164: str, region: str = "FR") -> str:
    """Display form: national for numbers sharing ``region``'s country code (what the agent would
    dial), international otherwise. Text that does not parse is shown as stored."""
    number = _parse(e164, None)
    if number is None:
        return e164
    if number.country_code == phonenumbers.country_code_for_region(region):
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
