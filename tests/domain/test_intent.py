from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from rapport.domain.intent import (
    Cart,
    CategoryInterest,
    Intent,
    Money,
    SearchTerm,
    default_money,
    summarize_intent,
)
from rapport.ui.common.wording import MAX_SENTENCE, intent_sentence

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


def sentence(intent: Intent, money: Money = default_money) -> str:
    """The sentence as the English interface writes it (amounts as ``EUR 349``)."""
    return intent_sentence(intent.summary, money)


PRODUCTS: dict[str, Mapping[str, Any]] = {
    "hoop-pro": {
        "name": "Spalding Pro Hoop",
        "category": "Basketball Hoops",
        "department": "Sports",
        "price": 34900,
        "currency": "EUR",
    },
    "hoop-mini": {
        "name": "Lifetime Mini Hoop",
        "category": "Basketball Hoops",
        "department": "Sports",
        "price": 12900,
        "currency": "EUR",
    },
    "ball": {
        "name": "Wilson Evolution Ball",
        "category": "Basketballs",
        "department": "Sports",
        "price": 6990,
        "currency": "EUR",
    },
    "tv": {
        "name": "OLED 55",
        "category": "TV & Audio",
        "department": "Electronics",
        "price": 129900,
        "currency": "EUR",
    },
}


def ev(
    event: str,
    at: str,
    *,
    product_id: str | None = None,
    category: str | None = None,
    query: str | None = None,
    device: str | None = "desktop",
    session_id: str | None = "s1",
    value: int | None = None,
    currency: str | None = None,
) -> dict[str, Any]:
    return {
        "id": f"{event}-{at}",
        "customer_id": "c1",
        "anonymous_id": None,
        "event": event,
        "product_id": product_id,
        "category": category,
        "query": query,
        "device": device,
        "session_id": session_id,
        "value": value,
        "currency": currency,
        "occurred_at": at,
    }


def view(at: str, product_id: str = "hoop-pro", **kw: Any) -> dict[str, Any]:
    return ev("Product Viewed", at, product_id=product_id, **kw)


def basketball_story() -> list[dict[str, Any]]:
    """9 hoop views over Nov 20-22 on a desktop and a phone, a hoop put in the cart on the 22nd
    evening and left there; one glance at a ball on the side."""
    return [
        view("2026-11-20T19:00:00Z", session_id="a"),
        view("2026-11-20T19:05:00Z", "hoop-mini", session_id="a"),
        view("2026-11-20T19:10:00Z", session_id="a"),
        view("2026-11-21T08:00:00Z", device="mobile", session_id="b"),
        view("2026-11-21T08:02:00Z", "hoop-mini", device="mobile", session_id="b"),
        view("2026-11-21T12:30:00Z", device="mobile", session_id="b"),
        ev("Page Viewed", "2026-11-22T20:00:00Z", session_id="c"),
        view("2026-11-22T20:01:00Z", session_id="c"),
        view("2026-11-22T20:03:00Z", "ball", session_id="c"),
        view("2026-11-22T20:05:00Z", session_id="c"),
        view("2026-11-22T20:07:00Z", session_id="c"),
        ev(
            "Product Added",
            "2026-11-22T20:10:00Z",
            product_id="hoop-pro",
            session_id="c",
            value=34900,
            currency="EUR",
        ),
        ev("Cart Viewed", "2026-11-22T20:11:00Z", session_id="c"),
    ]


# -- money -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (34900, "EUR", "EUR 349"),
        (34950, "EUR", "EUR 349.50"),
        (34905, "EUR", "EUR 349.05"),
        (0, "EUR", "EUR 0"),
        (129900, "EUR", "EUR 1,299"),
        (-500, "USD", "USD -5"),
        (34900, "JPY", "JPY 34,900"),
        (1500, "KWD", "KWD 1.500"),
        (34900, "", "349"),
        (34900, "eur", "EUR 349"),
    ],
)
def test_default_money(amount: int, currency: str, expected: str) -> None:
    assert default_money(amount, currency) == expected


# -- the sentence --------------------------------------------------------------------------------


def test_basketball_story() -> None:
    intent = summarize_intent(basketball_story(), PRODUCTS, NOW)
    assert sentence(intent) == (
        "Researching basketball hoops: 9 views over 3 days on 2 devices; "
        "cart of EUR 349 abandoned yesterday"
    )
    assert len(sentence(intent)) <= MAX_SENTENCE
    assert intent.topic == "basketball hoops"
    assert intent.purchased is False
    assert intent.last_seen == datetime(2026, 11, 22, 20, 11, tzinfo=UTC)
    assert intent.devices == ["desktop", "mobile"]
    assert intent.searches == []
    assert intent.carts == [
        Cart(
            session_id="c",
            value=34900,
            currency="EUR",
            items=1,
            last_at=datetime(2026, 11, 22, 20, 11, tzinfo=UTC),
            status="abandoned",
            product_ids=("hoop-pro",),
            quantities=(1,),
        ),
    ]
    assert [(c.category, c.views, c.last_viewed) for c in intent.categories] == [
        ("Basketball Hoops", 9, datetime(2026, 11, 22, 20, 10, tzinfo=UTC)),
        ("Basketballs", 1, datetime(2026, 11, 22, 20, 3, tzinfo=UTC)),
    ]
    top = intent.products[0]
    assert (top.product_id, top.name, top.category, top.views, top.added_to_cart) == (
        "hoop-pro",
        "Spalding Pro Hoop",
        "Basketball Hoops",
        7,
        True,
    )
    assert top.last_viewed == datetime(2026, 11, 22, 20, 10, tzinfo=UTC)
    assert [p.product_id for p in intent.products] == ["hoop-pro", "hoop-mini", "ball"]
    assert [p.views for p in intent.products] == [7, 2, 1]


def test_event_order_does_not_matter() -> None:
    events = basketball_story()
    assert summarize_intent(events[::-1], PRODUCTS, NOW) == summarize_intent(events, PRODUCTS, NOW)


def test_purchase_after_research() -> None:
    events = [
        *basketball_story(),
        ev("Checkout Started", "2026-11-22T20:12:00Z", session_id="c", value=34900, currency="EUR"),
        ev(
            "Order Completed",
            "2026-11-22T20:15:00Z",
            product_id="hoop-pro",
            session_id="c",
            value=35900,
            currency="EUR",
        ),
        # The confirmation page is not more shopping.
        ev("Page Viewed", "2026-11-22T20:16:00Z", session_id="c"),
    ]
    intent = summarize_intent(events, PRODUCTS, NOW)
    assert sentence(intent) == (
        "Bought Spalding Pro Hoop yesterday after researching basketball hoops "
        "(9 views over 3 days)"
    )
    assert intent.purchased is True
    assert [(c.session_id, c.status, c.value) for c in intent.carts] == [("c", "purchased", 35900)]


def test_purchase_in_a_later_session_settles_the_cart() -> None:
    events = [
        *basketball_story(),
        ev(
            "Order Completed",
            "2026-11-23T09:00:00Z",
            session_id="d",
            device="mobile",
            value=34900,
            currency="EUR",
        ),
    ]
    intent = summarize_intent(events, PRODUCTS, NOW)
    assert sentence(intent) == (
        "Bought Spalding Pro Hoop today after researching basketball hoops (9 views over 3 days)"
    )
    assert {c.session_id: c.status for c in intent.carts} == {"d": "purchased", "c": "purchased"}


def test_order_without_product_names_the_cart() -> None:
    events = [
        view("2026-11-23T10:00:00Z", session_id="x"),
        ev("Product Added", "2026-11-23T10:01:00Z", product_id="hoop-pro", session_id="x"),
        ev("Product Added", "2026-11-23T10:02:00Z", product_id="ball", session_id="x"),
        ev("Order Completed", "2026-11-23T10:05:00Z", session_id="x", value=41890, currency="EUR"),
    ]
    intent = summarize_intent(events, PRODUCTS, NOW)
    assert sentence(intent) == (
        "Bought Spalding Pro Hoop and 1 other item today after researching basketball hoops "
        "(1 view)"
    )


def test_shopping_after_a_purchase_is_new_research() -> None:
    events = [
        ev(
            "Order Completed",
            "2026-11-10T10:00:00Z",
            product_id="ball",
            session_id="old",
            value=6990,
            currency="EUR",
        ),
        view("2026-11-23T10:00:00Z", "tv", session_id="new"),
        view("2026-11-23T10:05:00Z", "tv", session_id="new"),
    ]
    intent = summarize_intent(events, PRODUCTS, NOW)
    assert sentence(intent) == (
        "Researching TV & audio: 2 views today; bought Wilson Evolution Ball 13 days ago"
    )
    assert intent.topic == "TV & audio"
    assert intent.purchased is True


def test_searches_only() -> None:
    events = [
        ev("Products Searched", "2026-11-23T09:00:00Z", query="backboard"),
        ev("Products Searched", "2026-11-23T09:05:00Z", query="  Hoop "),
        ev("Products Searched", "2026-11-23T09:06:00Z", query=""),
    ]
    intent = summarize_intent(events, PRODUCTS, NOW)
    assert sentence(intent) == "Searched for “Hoop”, “backboard” (2 searches) today"
    assert intent.topic is None
    assert intent.searches == [
        SearchTerm("Hoop", 1, datetime(2026, 11, 23, 9, 5, tzinfo=UTC)),
        SearchTerm("backboard", 1, datetime(2026, 11, 23, 9, 0, tzinfo=UTC)),
    ]


def test_repeated_search_is_one_term() -> None:
    events = [
        ev("Products Searched", "2026-11-20T09:00:00Z", query="hoop"),
        ev("Products Searched", "2026-11-22T09:00:00Z", query="HOOP"),
        ev("Products Searched", "2026-11-22T09:01:00Z", query="backboard"),
        ev("Products Searched", "2026-11-23T09:00:00Z", query="hoop"),
    ]
    intent = summarize_intent(events, PRODUCTS, NOW)
    assert sentence(intent) == "Searched for “hoop”, “backboard” (4 searches) over 3 days"
    assert [(t.query, t.count) for t in intent.searches] == [("hoop", 3), ("backboard", 1)]


def test_single_search_has_no_count() -> None:
    events = [ev("Products Searched", "2026-11-22T09:00:00Z", query='12" rim')]
    assert sentence(summarize_intent(events, PRODUCTS, NOW)) == 'Searched for “12" rim” yesterday'


def test_research_mentions_searches_when_no_cart() -> None:
    events = [
        view("2026-11-23T10:00:00Z"),
        ev("Products Searched", "2026-11-23T09:59:00Z", query="hoop"),
    ]
    assert sentence(summarize_intent(events, PRODUCTS, NOW)) == (
        "Researching basketball hoops: 1 view today; searched “hoop”"
    )


@pytest.mark.parametrize(("window", "expected"), [(30, "30 days"), (7, "7 days"), (1, "day")])
def test_no_activity(window: int, expected: str) -> None:
    intent = summarize_intent([], PRODUCTS, NOW, window_days=window)
    assert sentence(intent) == f"No web activity in the last {expected}"
    assert intent.topic is None
    assert intent.products == intent.categories == intent.searches == intent.carts == []
    assert intent.devices == []
    assert intent.purchased is False
    assert intent.last_seen is None


def test_events_outside_window_are_ignored() -> None:
    events = [
        view("2026-10-01T10:00:00Z", "tv"),
        ev("Order Completed", "2026-10-02T10:00:00Z", product_id="tv", value=129900),
        view("2026-11-22T10:00:00Z"),
    ]
    intent = summarize_intent(events, PRODUCTS, NOW)
    assert sentence(intent) == "Researching basketball hoops: 1 view yesterday"
    assert [p.product_id for p in intent.products] == ["hoop-pro"]
    assert intent.purchased is False
    assert intent.carts == []

    assert sentence(summarize_intent(events[:2], PRODUCTS, NOW)) == (
        "No web activity in the last 30 days"
    )
    narrow = summarize_intent(events, PRODUCTS, NOW, window_days=60)
    assert narrow.purchased is True


def test_ranking_prefers_recent_interest() -> None:
    events = [
        # Five views twelve days ago lose to two views today with a 3-day half-life.
        *(view(f"2026-11-11T10:0{i}:00Z", "tv") for i in range(5)),
        view("2026-11-23T10:00:00Z", "ball"),
        view("2026-11-23T10:01:00Z", "ball"),
    ]
    intent = summarize_intent(events, PRODUCTS, NOW)
    assert [p.product_id for p in intent.products] == ["ball", "tv"]
    assert [p.views for p in intent.products] == [2, 5]
    hours_to_half_life = 3 * 24
    assert intent.products[0].score == pytest.approx(
        0.5 ** (5 / hours_to_half_life) + 0.5 ** ((5 - 1 / 60) / hours_to_half_life)
    )
    assert intent.topic == "basketballs"
    assert [c.category for c in intent.categories] == ["Basketballs", "TV & Audio"]


def test_add_to_cart_outweighs_a_view() -> None:
    events = [
        view("2026-11-23T10:00:00Z", "hoop-mini"),
        view("2026-11-23T10:00:00Z", "ball"),
        view("2026-11-23T10:00:00Z", "ball"),
        ev("Product Added", "2026-11-23T10:00:00Z", product_id="hoop-mini"),
    ]
    intent = summarize_intent(events, PRODUCTS, NOW)
    assert [(p.product_id, p.added_to_cart) for p in intent.products] == [
        ("hoop-mini", True),
        ("ball", False),
    ]


def test_ties_break_on_recency() -> None:
    a = view("2026-11-23T10:00:00Z", "ball")
    b = view("2026-11-23T10:00:00Z", "tv")
    ranked = summarize_intent([a, b], PRODUCTS, NOW).products
    assert ranked[0].score == ranked[1].score
    assert [p.product_id for p in ranked] == ["ball", "tv"]


def test_open_cart() -> None:
    events = [
        view("2026-11-23T14:40:00Z"),
        ev("Product Added", "2026-11-23T14:45:00Z", product_id="hoop-pro"),
    ]
    intent = summarize_intent(events, PRODUCTS, NOW)
    assert intent.carts[0].status == "open"
    assert intent.carts[0].value == 34900  # from the catalog price, the event had none
    assert (
        sentence(intent) == "Researching basketball hoops: 1 view today; cart of EUR 349 still open"
    )


def test_cart_emptied_again_is_not_abandoned() -> None:
    events = [
        view("2026-11-20T10:00:00Z"),
        ev("Product Added", "2026-11-20T10:01:00Z", product_id="hoop-pro"),
        ev("Product Removed", "2026-11-20T10:02:00Z", product_id="hoop-pro"),
    ]
    intent = summarize_intent(events, PRODUCTS, NOW)
    assert intent.carts == []
    assert sentence(intent) == "Researching basketball hoops: 1 view 3 days ago"
    (hoop,) = intent.products
    assert hoop.added_to_cart is False
    # View + add - removal leaves about two views' worth, not the four of view + add.
    assert hoop.score == pytest.approx(2 * 0.5 ** ((3 + 5 / 24) / 3), rel=1e-3)


def test_checkout_value_wins_and_removed_items_leave() -> None:
    events = [
        ev("Product Added", "2026-11-21T10:00:00Z", product_id="hoop-pro", value=34900),
        ev("Product Added", "2026-11-21T10:01:00Z", product_id="ball", value=6990),
        ev("Product Removed", "2026-11-21T10:02:00Z", product_id="ball", value=6990),
        ev("Checkout Started", "2026-11-21T10:03:00Z", value=35850, currency="EUR"),
    ]
    intent = summarize_intent(events, PRODUCTS, NOW)
    assert intent.carts == [
        Cart(
            "s1",
            35850,
            "EUR",
            1,
            datetime(2026, 11, 21, 10, 3, tzinfo=UTC),
            "abandoned",
            ("hoop-pro",),
            (1,),  # one hoop; the ball was taken out again
        ),
    ]
    assert (
        sentence(intent)
        == "Interested in basketball hoops; cart of EUR 358.50 abandoned 2 days ago"
    )


def test_events_without_session_are_grouped_by_day_and_device() -> None:
    events = [
        ev("Product Added", "2026-11-21T10:00:00Z", product_id="ball", session_id=None),
        ev("Product Added", "2026-11-22T10:00:00Z", product_id="ball", session_id=None),
    ]
    carts = summarize_intent(events, PRODUCTS, NOW).carts
    assert [c.session_id for c in carts] == ["2026-11-22/desktop", "2026-11-21/desktop"]


def test_money_formatter_is_used() -> None:
    intent = summarize_intent(basketball_story(), PRODUCTS, NOW)
    text = sentence(intent, money=lambda v, c: f"{v / 100:.2f} €")
    assert text.endswith("; cart of 349.00 € abandoned yesterday")


def test_calendar_days_follow_the_time_zone_of_now() -> None:
    # 23:30 UTC on the 22nd is already the 23rd in Paris.
    events = [view("2026-11-22T23:30:00Z")]
    paris_now = NOW.astimezone(timezone(timedelta(hours=1)))
    assert sentence(summarize_intent(events, PRODUCTS, NOW)).endswith("1 view yesterday")
    assert sentence(summarize_intent(events, PRODUCTS, paris_now)).endswith("1 view today")


def test_page_views_only() -> None:
    events = [
        ev("Page Viewed", "2026-11-21T10:00:00Z"),
        ev("Page Viewed", "2026-11-21T10:01:00Z", device="mobile"),
    ]
    intent = summarize_intent(events, PRODUCTS, NOW)
    assert sentence(intent) == "Visited the site 2 days ago (2 page views)"
    assert intent.devices == ["mobile", "desktop"]


def test_category_listing_pages_count_as_views() -> None:
    events = [
        ev("Page Viewed", "2026-11-23T10:00:00Z", category="Basketball Hoops"),
        # A product page fires both events; it is one view.
        ev("Page Viewed", "2026-11-23T10:01:00Z", product_id="hoop-pro"),
        view("2026-11-23T10:01:00Z"),
    ]
    intent = summarize_intent(events, PRODUCTS, NOW)
    assert intent.categories == [
        CategoryInterest(
            "Basketball Hoops",
            2,
            datetime(2026, 11, 23, 10, 1, tzinfo=UTC),
            intent.categories[0].score,
        )
    ]


@pytest.mark.parametrize(
    "row",
    [
        {},
        {"event": "Product Viewed", "occurred_at": None},
        {"event": "Product Viewed", "occurred_at": "yesterday"},
        {"event": "Product Viewed", "occurred_at": 12},
        {"event": "🏀", "occurred_at": "2026-11-23T10:00:00Z", "value": "lots"},
    ],
)
def test_odd_rows_do_not_break_it(row: dict[str, Any]) -> None:
    intent = summarize_intent([row], PRODUCTS, NOW)
    assert intent.products == []
    assert len(sentence(intent)) <= MAX_SENTENCE


def test_unknown_product_and_long_texts_stay_short() -> None:
    events = [
        view("2026-11-23T10:00:00Z", "mystery", category="X" * 5000),
        ev("Products Searched", "2026-11-23T10:00:00Z", query="q" * 5000),
        ev(
            "Product Added", "2026-11-23T10:01:00Z", product_id="mystery", value=100, currency="EUR"
        ),
    ]
    intent = summarize_intent(events, PRODUCTS, NOW)
    assert intent.products[0].name == "mystery"
    assert len(sentence(intent)) <= MAX_SENTENCE
    assert sentence(intent).startswith("Researching " + "X" * 39 + "…: 1 view today")


def test_emoji_and_quotes_in_search() -> None:
    events = [ev("Products Searched", "2026-11-23T10:00:00Z", query='🏀 "hoop"')]
    assert sentence(summarize_intent(events, PRODUCTS, NOW)) == ('Searched for “🏀 "hoop"” today')


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError):
        summarize_intent([], PRODUCTS, datetime(2026, 11, 23, 15, 0))
