import pytest

from rapport.domain.phones import format_phone, index_tokens, normalize_phone, query_digits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("06 12 34 56 78", "+33612345678"),
        ("+33 6 12 34 56 78", "+33612345678"),
        ("0033612345678", "+33612345678"),
        ("+33612345678", "+33612345678"),
        ("(0)6-12-34-56-78", "+33612345678"),
        ("tel:+33612345678", "+33612345678"),
        ("TEL:+33612345678", "+33612345678"),
        ("+1 415 555 0134", "+14155550134"),
        ("06.12.34.56.78", "+33612345678"),
        ("+33 (0)6 12 34 56 78", "+33612345678"),
        ("  06 12 34 56 78\n", "+33612345678"),
        ('"06 12 34 56 78"', "+33612345678"),
        ("０６ １２ ３４ ５６ ７８", "+33612345678"),
        ("+44 20 7946 0958", "+442079460958"),
        # Emoji next to a number is decoration (pasted signatures); on its own it is nothing.
        ("📞 06 12 34 56 78", "+33612345678"),
    ],
)
def test_normalize_phone_accepts_usual_forms(text: str, expected: str) -> None:
    assert normalize_phone(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "123",
        "0612",
        "06123456789",
        "06 12 34 56 7a",
        "1-800-FLOWERS",
        "+33 6 12 34 56 78 ext. 12",
        "😀",
        '""',
        "0" * 5000,
        "06 12 34 56 78 " * 400,
    ],
)
def test_normalize_phone_rejects_garbage(text: str) -> None:
    assert normalize_phone(text) is None


def test_normalize_phone_default_region() -> None:
    assert normalize_phone("(415) 555-0134", default_region="US") == "+14155550134"
    assert normalize_phone("020 7946 0958", default_region="GB") == "+442079460958"


@pytest.mark.parametrize(
    ("e164", "expected"),
    [
        ("+33612345678", ["33612345678", "0612345678"]),
        ("+442079460958", ["442079460958", "02079460958"]),
        # Italy keeps its leading 0 inside the number rather than as a trunk prefix.
        ("+390612345678", ["390612345678", "0612345678"]),
        # NANP numbers are written nationally without the 1.
        ("+14155550134", ["14155550134", "4155550134"]),
    ],
)
def test_index_tokens(e164: str, expected: list[str]) -> None:
    assert index_tokens(e164) == expected


@pytest.mark.parametrize(("e164", "expected"), [("33612345678", ["33612345678"]), ("", [])])
def test_index_tokens_of_malformed_value_keeps_its_digits(e164: str, expected: list[str]) -> None:
    assert index_tokens(e164) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("06 12 34 56 78", "33612345678"),
        ("+33 6 12 34 56 78", "33612345678"),
        ("0033612345678", "33612345678"),
        ("0033 6 12", "33612"),
        ("+33 6 12", "33612"),
        ("+33 (0)6 12", "33612"),
        ("06 12 3", "06123"),
        ("06-12", "0612"),
        ("612", "612"),
        ("(415) 555", "415555"),
    ],
)
def test_query_digits(text: str, expected: str) -> None:
    assert query_digits(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "06", "+3", "jean", "jean 06", "06 12 34 56 7a", "😀 0612", "06/12/34", "0" * 5000],
)
def test_query_digits_refuses_non_phone_text(text: str) -> None:
    assert query_digits(text) is None


@pytest.mark.parametrize(
    "text", ["06 12 34 56 78", "+33 6 12", "0033 6 12", "06 12 3", "+33 (0)6 12"]
)
def test_query_digits_prefix_matches_stored_number(text: str) -> None:
    digits = query_digits(text)
    assert digits is not None
    assert any(token.startswith(digits) for token in index_tokens("+33612345678"))


def test_query_digits_us_region() -> None:
    assert query_digits("(415) 555-0134", default_region="US") == "14155550134"
    assert any(t.startswith("415555") for t in index_tokens("+14155550134"))


@pytest.mark.parametrize(
    ("e164", "region", "expected"),
    [
        ("+33612345678", "FR", "06 12 34 56 78"),
        ("+14155550134", "FR", "+1 415-555-0134"),
        ("+14155550134", "US", "(415) 555-0134"),
        ("+33612345678", "US", "+33 6 12 34 56 78"),
        ("+262692123456", "FR", "+262 692 12 34 56"),
        ("not a phone", "FR", "not a phone"),
    ],
)
def test_format_phone(e164: str, region: str, expected: str) -> None:
    assert format_phone(e164, region) == expected


def test_format_phone_defaults_to_france() -> None:
    assert format_phone("+33612345678") == "06 12 34 56 78"
