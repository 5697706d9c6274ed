"""Interactions: calls, chats, e-mails and store visits from the templates of ``texts.json``
(about an order or a product), the surveys after some calls, and in-store appointments."""

from __future__ import annotations

import random
from bisect import bisect

from rapport.hub.demo_data.common import (
    DAY,
    HOUR,
    STORE_HOURS,
    WAKING_HOURS,
    daytime,
    iso,
    uuid_from,
)
from rapport.hub.demo_data.draft import CustomerDraft
from rapport.hub.demo_data.orders import pick_product, pick_variant
from rapport.hub.demo_data.stores import ASSOCIATE_OF, CALL_CENTER_AGENTS, STORE_BY_ID
from rapport.hub.demo_data.world import Script, World

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def add_interaction(
    c: CustomerDraft,
    rng: random.Random,
    ts: int,
    channel: str,
    direction: str,
    kind: str,
    user: str | None,
    store: str | None,
    summary: str,
    disposition: str | None,
    payload: dict,
) -> dict:
    row = {
        "id": uuid_from(rng),
        "customer_id": c.id,
        "channel": channel,
        "direction": direction,
        "kind": kind,
        "occurred_at": iso(ts),
        "user_id": user,
        "store_id": store,
        "summary": summary,
        "disposition": disposition,
        "payload": payload,
    }
    c.interactions.append(row)
    # A contact is one the customer started or a person took part in, as the client counts
    # them (rapport.cache.queries.last_contact_at): a mailing is not a contact.
    if ts > c.last_contact and (direction == "inbound" or user is not None):
        c.last_contact = ts
    return row


def scripted_interactions(world: World, c: CustomerDraft, rng: random.Random, n: int) -> None:
    """Up to ``n`` interactions drawn from the templates (fewer when one is about an order
    the customer does not have, or one placed too late to talk about)."""
    r = rng.random
    for _ in range(n):
        s = world.scripts[bisect(world.script_cum, r() * world.script_tot)]
        if s.ref == "order" and not c.order_refs:
            s = world.scripts[bisect(world.script_cum, r() * world.script_tot)]  # something else
            if s.ref == "order":
                continue
        _one_scripted(world, c, rng, s)


def _one_scripted(world: World, c: CustomerDraft, rng: random.Random, s: Script) -> None:
    r = rng.random
    hours = STORE_HOURS if s.channel == "store" else WAKING_HOURS
    if s.ref == "order":
        about = _about_an_order(world, c, rng, hours)
        if about is None:
            return
    else:
        about = _about_a_product(world, c, rng, s, hours)
    ts, number, pname, category, size, store = about
    summary = s.summary.format(
        order=number,
        product=pname,
        category=category.lower(),
        store=store["name"],
        size=size or "M",
        day=_WEEKDAYS[(ts // DAY + 5) % 7],
    )
    user = (
        CALL_CENTER_AGENTS[int(r() * 20)]
        if s.user == "agent"
        else ASSOCIATE_OF[store["id"]]
        if s.user == "assoc"
        else None
    )
    disposition = s.dispositions[bisect(s.disp_cum, r() * s.disp_tot)] if s.dispositions else None
    payload: dict = {}
    if s.kind == "call" or s.kind == "chat":
        payload = {"duration_s": 45 + int(r() * r() * 1500)}
        if number:
            payload["order_number"] = number
        if s.direction == "inbound" and r() < 0.25:
            survey_at = ts + DAY // 2 + int(r() * DAY)
            if survey_at <= c.until:
                add_survey(world, c, rng, survey_at, s.kind)
    store_id = store["id"] if s.channel == "store" else None
    add_interaction(
        c, rng, ts, s.channel, s.direction, s.kind, user, store_id, summary, disposition, payload
    )


_About = tuple[
    int, str | None, str, str, str | None, dict
]  # ts, order, product, category, size, store


def _about_an_order(
    world: World, c: CustomerDraft, rng: random.Random, hours: list[int]
) -> _About | None:
    """A moment in the days after one of the customer's orders, and a line of it; None when the
    order was placed too late to talk about it yet."""
    r = rng.random
    o_ts, number, order = c.order_refs[int(r() * len(c.order_refs))]
    lo = o_ts + HOUR
    if lo >= c.until:  # placed just now: nothing to say about it yet
        return None
    ts = daytime(rng, lo, min(c.until, lo + int(DAY * (1 + 9 * r()))), hours)
    line = order["lines"][int(r() * len(order["lines"]))]
    category = world.products[int(line["product_id"][2:]) - 1].category
    store = STORE_BY_ID[order["store_id"]] if order["store_id"] else c.home
    return ts, number, line["name"], category, line["size"], store


def _about_a_product(
    world: World, c: CustomerDraft, rng: random.Random, s: Script, hours: list[int]
) -> _About:
    p = pick_product(world, rng, c, s.needs_size)
    ts = daytime(rng, c.start, c.until, hours)
    size = pick_variant(rng, c, p).size if s.needs_size else None
    return ts, None, p.name, p.category, size, c.home


def add_survey(world: World, c: CustomerDraft, rng: random.Random, ts: int, about: str) -> None:
    """The satisfaction survey sent after a call or a chat, with its answer."""
    r = rng.random
    survey = world.texts["surveys"]
    score = 1 + bisect(world.survey_cum, r() * world.survey_tot)
    answers = survey["answers"][str(score)]
    question = survey["questions"][0 if about == "call" else 1]
    add_interaction(
        c,
        rng,
        ts,
        "email",
        "outbound",
        "survey",
        None,
        None,
        f"Satisfaction survey after the {about}: {score}/5",
        None,
        {
            "score": score,
            "scale": 5,
            "question": question,
            "answer": answers[int(r() * len(answers))] or None,
        },
    )


def appointments(world: World, c: CustomerDraft, rng: random.Random) -> None:
    """In-store appointments at the home store: some customers, and many for a heavy one."""
    r = rng.random
    if not (c.level == "heavy" or r() < 0.12):
        return
    home = c.home
    appts = world.texts["appointments"]
    assoc = ASSOCIATE_OF[home["id"]]
    for _ in range(40 if c.level == "heavy" else 1 + (r() < 0.3)):
        a = appts[int(r() * len(appts))]
        payload = {
            "type": a["type"],
            "store_id": home["id"],
            "duration_min": a["duration_min"][int(r() * len(a["duration_min"]))],
        }
        pname = size = ""
        if a["category"]:
            cat = world.categories[a["category"]]
            p = cat.products[int(r() * len(cat.products))]
            pname = p.name
            size = pick_variant(rng, c, p).size
            payload["product_id"] = p.id
        summary = a["summary"].format(store=home["name"], product=pname, size=size)
        when = daytime(rng, c.start, c.until, STORE_HOURS)
        add_interaction(
            c, rng, when, "store", "inbound", "appointment", assoc, home["id"], summary, None,
            payload,
        )  # fmt: skip
