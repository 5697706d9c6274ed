"""Next best action rules, one at a time and together (DESIGN.md story 7: searched and left → an
incentive; bought → acknowledge it, suggest what goes with it, stop pitching the same item)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from rapport.domain.intent import Cart, Intent, ProductInterest, Summary, default_money
from rapport.domain.next_best_action import (
    ContactFact,
    NbaInputs,
    OfferFact,
    OrderFact,
    Suggestion,
    suggest,
)
from rapport.ui.common.wording import suggestion_title, suggestion_why

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
DAY = timedelta(days=1)
ALL_ASKED = {"email": "granted", "sms": "granted", "phone": "granted", "push": "denied",
             "mail": "denied"}  # fmt: skip
PRODUCTS = {
    "hoop": {"name": "Pro hoop", "related": ["ball", "net", "pump"]},
    "ball": {"name": "Indoor ball", "related": ["hoop"]},
    "net": {"name": "Spare net", "related": []},
    "pump": {"name": "Ball pump", "related": []},
}


def title(s: Suggestion) -> str:
    return suggestion_title(s)


def why(s: Suggestion) -> str:
    """The reason as the English interface writes it (amounts as ``EUR 349``)."""
    return suggestion_why(s, default_money)


def _intent(*carts: Cart) -> Intent:
    return Intent(
        summary=Summary("none", 30),
        topic="basketball hoops",
        products=[ProductInterest("hoop", "Pro hoop", "Hoops", 9, NOW - DAY, True, 5.0)],
        carts=list(carts),
    )


def _cart(status: str = "abandoned", at: datetime = NOW - DAY, ids=("hoop",)) -> Cart:
    return Cart("s1", 34900, "EUR", len(ids), at, status, tuple(ids))  # type: ignore[arg-type]


def _order(ids=("hoop",), at: datetime = NOW - 2 * DAY, status: str = "delivered") -> OrderFact:
    names = tuple(PRODUCTS[i]["name"] for i in ids)
    return OrderFact("o1", "W-1", at, "web", status, tuple(ids), names)


def _contact(disposition: str | None, at: datetime, kind: str = "call") -> ContactFact:
    return ContactFact(f"i-{at.isoformat()}", at, "phone", kind, "inbound", disposition,
                       "Backboard arrived broken")  # fmt: skip


def _kinds(inputs: NbaInputs) -> list[str]:
    return [s.kind for s in suggest(inputs, NOW)]


def test_nothing_known_asks_only_for_consent() -> None:
    out = suggest(NbaInputs(), NOW)
    assert [s.kind for s in out] == ["consent"]
    assert title(out[0]) == "Ask about email, SMS, phone, push and mail consent"
    assert "no channel is opted in" in why(out[0])


def test_abandoned_cart_gets_an_incentive_on_a_consented_channel() -> None:
    inputs = NbaInputs(consent={**ALL_ASKED, "sms": "denied"}, intent=_intent(_cart()),
                       products=PRODUCTS)  # fmt: skip
    [s] = suggest(inputs, NOW)
    assert s.kind == "incentive"
    assert title(s) == "Offer an incentive on the Pro hoop"
    assert s.channel == "email"  # SMS was refused
    assert why(s) == (
        "Left a cart of EUR 349 with the Pro hoop yesterday after 9 views; "
        "opted in to email and phone."
    )
    assert s.product_ids == ("hoop",)


def test_no_incentive_without_consent_or_for_old_or_bought_carts() -> None:
    denied = dict.fromkeys(ALL_ASKED, "denied")
    assert _kinds(NbaInputs(consent=denied, intent=_intent(_cart()))) == []
    old = _intent(_cart(at=NOW - 30 * DAY))
    assert _kinds(NbaInputs(consent=ALL_ASKED, intent=old)) == []
    purchased = _intent(_cart(status="purchased"))
    assert _kinds(NbaInputs(consent=ALL_ASKED, intent=purchased)) == []


def test_recent_purchase_is_acknowledged_with_what_goes_with_it() -> None:
    out = suggest(NbaInputs(consent=ALL_ASKED, orders=[_order()], products=PRODUCTS), NOW)
    assert [s.kind for s in out] == ["acknowledge", "related"]
    ack, related = out
    assert title(ack) == "Thank them for the Pro hoop"
    assert why(ack).startswith("Bought Pro hoop online 2 days ago (order W-1)")
    assert (
        why(related)
        == "Goes with the Pro hoop bought 2 days ago: Indoor ball, Spare net and Ball pump."
    )
    assert related.product_ids == ("ball", "net", "pump")


def test_old_or_cancelled_orders_are_not_acknowledged() -> None:
    old = _order(at=NOW - 20 * DAY)
    cancelled = _order(status="cancelled")
    assert _kinds(NbaInputs(consent=ALL_ASKED, orders=[old, cancelled], products=PRODUCTS)) == []


def test_story7_bought_stops_the_pitch_of_the_same_item() -> None:
    # Searched and left: an incentive.
    left = NbaInputs(consent=ALL_ASKED, intent=_intent(_cart()), products=PRODUCTS)
    assert _kinds(left) == ["incentive"]
    # Then bought the hoop (in store, so the web cart still looks abandoned): no more hoop pitch,
    # the purchase is acknowledged and what goes with it suggested, without the hoop itself.
    bought = replace(left, orders=[_order(("hoop", "net"))])
    out = suggest(bought, NOW)
    assert [s.kind for s in out] == ["acknowledge", "related"]
    assert all("hoop" not in s.product_ids for s in out if s.kind != "acknowledge")
    assert out[1].product_ids == ("ball", "pump")  # the net was bought too


def test_cart_with_something_left_keeps_only_what_was_not_bought() -> None:
    inputs = NbaInputs(consent=ALL_ASKED, intent=_intent(_cart(ids=("hoop", "pump"))),
                       orders=[_order(("hoop",))], products=PRODUCTS)  # fmt: skip
    incentive = next(s for s in suggest(inputs, NOW) if s.kind == "incentive")
    assert incentive.product_ids == ("pump",)
    assert "Ball pump" in title(incentive)


def test_open_issue_comes_first_and_holds_back_sales() -> None:
    issue = _contact("escalated", NOW - 6 * DAY)
    visit = replace(_contact(None, NOW - DAY, kind="visit"), channel="store")
    offer = OfferFact("VIP20", "20% off", "email", NOW - 4 * DAY, NOW + 10 * DAY, False)
    inputs = NbaInputs(tier="platinum", consent={}, intent=_intent(_cart()),
                       orders=[_order()], contacts=[issue, visit], offers=[offer],
                       products=PRODUCTS)  # fmt: skip
    out = suggest(inputs, NOW)
    assert [s.kind for s in out] == ["resolve"]
    assert title(out[0]) == "Resolve the open issue first"
    assert why(out[0]) == (
        "Escalated call 6 days ago (“Backboard arrived broken”); "
        "not resolved since despite 1 later contact."
    )
    assert out[0].channel == "phone"


def test_callback_and_resolution() -> None:
    callback = _contact("callback", NOW - 2 * DAY)
    [s] = suggest(NbaInputs(consent=ALL_ASKED, contacts=[callback]), NOW)
    assert s.kind == "resolve" and title(s).startswith("Call back first")
    resolved = _contact("resolved", NOW - DAY)
    assert _kinds(NbaInputs(consent=ALL_ASKED, contacts=[callback, resolved])) == []
    # Resolved before the escalation does not count; a month-old escalation has gone stale.
    assert _kinds(
        NbaInputs(consent=ALL_ASKED, contacts=[resolved, _contact("escalated", NOW)])
    ) == ["resolve"]
    stale = _contact("escalated", NOW - 40 * DAY)
    assert _kinds(NbaInputs(consent=ALL_ASKED, contacts=[stale])) == []


def test_active_offer_reminder() -> None:
    live = OfferFact("VIP20", "20% off everything", "email", NOW - 4 * DAY, NOW + 10 * DAY, False)
    used = replace(live, code="USED", redeemed=True)
    gone = replace(live, code="GONE", expires_at=NOW - DAY)
    [s] = suggest(NbaInputs(consent=ALL_ASKED, offers=[live, used, gone]), NOW)
    assert s.kind == "offer" and title(s) == "Remind them of offer VIP20"
    assert (
        why(s) == "“20% off everything” sent by email 4 days ago, not used yet, valid until 30 Nov."
    )
    assert s.action == "offer:VIP20"


@pytest.mark.parametrize(
    ("tier", "last", "expected"),
    [
        ("platinum", NOW - 120 * DAY, ["reach_out"]),
        ("gold", None, ["reach_out"]),
        ("platinum", NOW - 30 * DAY, []),
        ("silver", NOW - 400 * DAY, []),
    ],
)
def test_vip_without_contact(tier: str, last: datetime | None, expected: list[str]) -> None:
    out = suggest(NbaInputs(tier=tier, consent=ALL_ASKED, last_contact_at=last), NOW)
    assert [s.kind for s in out] == expected
    if expected and last is not None:
        assert why(out[0]) == "Platinum customer with no contact for 120 days."
        assert out[0].channel == "phone"


def test_a_recent_contact_counts_even_if_the_header_is_stale() -> None:
    contact = _contact("resolved", NOW - 5 * DAY)
    inputs = NbaInputs(tier="gold", consent=ALL_ASKED, last_contact_at=NOW - 200 * DAY,
                       contacts=[contact])  # fmt: skip
    assert _kinds(inputs) == []


def test_consent_asks_only_unknown_channels_never_the_refused() -> None:
    [s] = suggest(NbaInputs(consent={"email": "granted", "sms": "denied"}), NOW)
    assert title(s) == "Ask about phone, push and mail consent"
    assert why(s) == "Never asked about phone, push and mail (opted in to email)."
    assert s.action == "consent"


def test_ranked_by_priority() -> None:
    offer = OfferFact("VIP20", "20% off", "email", None, None, False)
    inputs = NbaInputs(tier="gold", consent={"email": "granted"}, intent=_intent(_cart(ids=("pump",))),
                       orders=[_order()], offers=[offer], products=PRODUCTS)  # fmt: skip
    assert _kinds(inputs) == [
        "acknowledge",
        "incentive",
        "offer",
        "related",
        "reach_out",
        "consent",
    ]


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError):
        suggest(NbaInputs(), NOW.replace(tzinfo=None))
