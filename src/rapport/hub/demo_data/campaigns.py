"""Marketing: newsletters and offers with a code, sent only on channels the customer agreed to;
some offers redeemed."""

from __future__ import annotations

import random

from rapport.hub.demo_data.common import DAY, HOUR, daytime, iso, uuid_from
from rapport.hub.demo_data.draft import CustomerDraft
from rapport.hub.demo_data.interactions import add_interaction
from rapport.hub.demo_data.world import World

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_LABELS = {"email": "Email", "sms": "SMS", "push": "Push"}


def add_offer(
    c: CustomerDraft,
    rng: random.Random,
    ts: int,
    channel: str,
    campaign: str,
    code: str,
    description: str,
    subject: str,
    expires: int,
    redeemed: int | None,
) -> dict:
    """The offer row and the campaign message that carried it."""
    row = {
        "id": uuid_from(rng),
        "customer_id": c.id,
        "campaign": campaign,
        "channel": channel,
        "code": code,
        "description": description,
        "sent_at": iso(ts),
        "expires_at": iso(expires),
        "redeemed_at": iso(redeemed) if redeemed else None,
    }
    c.offers.append(row)
    add_interaction(
        c,
        rng,
        ts,
        channel,
        "outbound",
        "campaign",
        None,
        None,
        f"{_LABELS[channel]} campaign: {subject} (code {code})",
        None,
        {"subject": subject, "offer_id": row["id"], "code": code},
    )
    return row


def newsletters(world: World, c: CustomerDraft, rng: random.Random, n: int) -> None:
    """``n`` newsletters by e-mail, if the customer agreed to e-mail."""
    if "email" not in c.granted:
        return
    r = rng.random
    news = world.texts["newsletters"]
    for _ in range(n):
        subject = news[int(r() * len(news))]
        add_interaction(
            c,
            rng,
            daytime(rng, c.start, c.until),
            "email",
            "outbound",
            "campaign",
            None,
            None,
            f"Newsletter: {subject}",
            None,
            {"subject": subject, "offer_id": None},
        )


def campaign_offers(world: World, c: CustomerDraft, rng: random.Random, n: int) -> None:
    """``n`` offers on the channels the customer agreed to (e-mail, SMS, push); about one in
    five redeemed before it expired."""
    chans = [ch for ch in ("email", "sms", "push") if ch in c.granted]
    if not chans:
        return
    r = rng.random
    camps = world.texts["campaigns"]
    for _ in range(n):
        camp = camps[int(r() * len(camps))]
        sent = daytime(rng, c.start, c.until)
        expires = sent + (14, 21, 30)[int(r() * 3)] * DAY
        redeemed = None
        if r() < 0.22:
            redeemed = sent + HOUR + int(r() * (expires - sent - HOUR))
            if redeemed > world.now:
                redeemed = None
        code = camp["prefix"] + "-" + "".join(_CODE_ALPHABET[int(r() * 32)] for _ in range(6))
        channel = chans[int(r() * len(chans))]
        add_offer(
            c, rng, sent, channel, camp["campaign"], code, camp["description"], camp["subject"],
            expires, redeemed,
        )  # fmt: skip
