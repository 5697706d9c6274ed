"""What the customer screen says about the story customers of the demo data, in English and in
French: the one-second intent, the next best actions and timeline lines, written by
``rapport.ui.common.wording`` from the facts the domain and the cache find. Plurals follow each language's
rule (French: one form for 0 and 1)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication

from rapport.cache.nba_inputs import nba_inputs
from rapport.cache.queries import TimelineEntry, WebSession, intent_inputs, timeline_page
from rapport.domain.intent import Intent, Purchase, Research, Summary, summarize_intent
from rapport.domain.next_best_action import Suggestion, suggest
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.common import i18n, wording
from tests.helpers import FIXED_NOW

NBSP = "\u00a0"


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    i18n.install(qapp, "fr")
    yield
    i18n.install(qapp, "en")


def _intent(reader: sqlite3.Connection, story: str) -> Intent:
    events, products = intent_inputs(reader, STORY_CUSTOMERS[story], FIXED_NOW - timedelta(days=30))
    return summarize_intent(events, products, FIXED_NOW)


def _actions(reader: sqlite3.Connection, story: str) -> list[tuple[str, str]]:
    cid = STORY_CUSTOMERS[story]
    inputs = nba_inputs(reader, cid, FIXED_NOW, _intent(reader, story))
    assert inputs is not None
    out: list[Suggestion] = suggest(inputs, FIXED_NOW)
    return [(wording.suggestion_title(s), wording.suggestion_why(s)) for s in out]


def _sentence(reader: sqlite3.Connection, story: str) -> str:
    return wording.intent_sentence(_intent(reader, story).summary)


# --------------------------------------------------------------------------------------------------
# English


def test_english_story_sentences(reader: sqlite3.Connection) -> None:
    assert _sentence(reader, "hoops") == (
        "Researching basketball hoops: 9 views over 3 days on 2 devices; "
        "cart of €349 abandoned yesterday"
    )
    assert _sentence(reader, "bride") == (
        "Researching engagement rings: 9 views over 5 days on 2 devices; "
        "searched “wedding band”, “engagement ring”"
    )
    assert _sentence(reader, "complaint") == (
        "Bought Spalding Beast in-ground basketball hoop and 1 other item 12 days ago "
        "after researching basketballs (1 view)"
    )
    assert _sentence(reader, "vip") == "No web activity in the last 30 days"


def test_english_story_actions(reader: sqlite3.Connection) -> None:
    [incentive, consent] = _actions(reader, "hoops")
    assert incentive == (
        "Offer an incentive on the Spalding NBA Platinum portable…",
        "Left a cart of €349 with the Spalding NBA Platinum portable basketball hoop yesterday "
        "after 4 views; opted in to SMS, email and phone.",
    )
    assert consent == (
        "Ask about push and mail consent",
        "Never asked about push and mail (opted in to email, SMS and phone).",
    )
    [(title, why)] = _actions(reader, "complaint")
    assert title == "Resolve the open issue first"
    assert why.startswith("Escalated call 6 days ago (“Order W-")
    assert why.endswith("”); not resolved since despite 1 later contact.")
    offer, vip, _ = _actions(reader, "vip")
    assert offer[1].endswith("sent by email 4 days ago, not used yet, valid until 30 Nov.")
    # The header's last contact: a call in July, not the offer email of four days ago.
    assert vip == ("Reach out personally", "Platinum customer with no contact for 127 days.")


# --------------------------------------------------------------------------------------------------
# French


def test_french_story_sentences(reader: sqlite3.Connection, french: None) -> None:
    assert _sentence(reader, "hoops") == (
        f"Recherches sur basketball hoops{NBSP}: 9 vues en 3 jours sur 2 appareils{NBSP}; "
        f"panier de 349{NBSP}€ abandonné hier"
    )
    assert _sentence(reader, "bride") == (
        f"Recherches sur engagement rings{NBSP}: 9 vues en 5 jours sur 2 appareils{NBSP}; "
        f"a recherché «{NBSP}wedding band{NBSP}», «{NBSP}engagement ring{NBSP}»"
    )
    # With its research it passes the banner's length: the purchase alone, not a cut clause.
    assert _sentence(reader, "complaint") == (
        "A acheté Spalding Beast in-ground basketball hoop et 1 autre article il y a 12 jours"
    )
    assert _sentence(reader, "vip") == "Aucune activité web depuis 30 jours"


def test_french_story_actions(reader: sqlite3.Connection, french: None) -> None:
    [incentive, consent] = _actions(reader, "hoops")
    assert incentive == (
        "Proposer un geste commercial sur Spalding NBA Platinum portable…",
        f"A laissé un panier de 349{NBSP}€ avec Spalding NBA Platinum portable basketball hoop "
        f"hier après 4 consultations{NBSP}; accepte les contacts par SMS, e-mail et téléphone.",
    )
    assert consent == (
        "Demander le consentement pour push et courrier",
        "Consentement jamais demandé pour push et courrier (accepte e-mail, SMS et téléphone).",
    )
    [(title, why)] = _actions(reader, "complaint")
    assert title == "Régler d'abord le problème en cours"
    assert why.startswith(f"Escalade{NBSP}: appel il y a 6 jours («{NBSP}Order W-")
    assert why.endswith(f"{NBSP}»){NBSP}; toujours pas réglé malgré 1 contact depuis.")
    offer, vip, _ = _actions(reader, "vip")
    assert offer[0] == "Rappeler l'offre VIP-20-HROUSSEAU"
    assert offer[1].endswith(
        "envoyée par e-mail il y a 4 jours, pas encore utilisée, valable jusqu'au 30 novembre."
    )
    assert vip == (
        "Prendre contact personnellement",
        "Client Platine sans contact depuis 127 jours.",
    )


def test_french_timeline_lines(reader: sqlite3.Connection, french: None) -> None:
    page = timeline_page(reader, STORY_CUSTOMERS["complaint"], limit=6)
    lines = [(wording.timeline_title(e), wording.timeline_detail(e)) for e in page]
    assert lines[0][0] == "Visite en magasin"
    assert lines[1][0] == "Enquête · 2/5"
    assert lines[1][1].endswith(f"«{NBSP}The agent was polite, but nobody can tell me when the new backboard will arrive.{NBSP}»")  # fmt: skip
    assert lines[2][0] == f"Appel entrant · 12{NBSP}min"
    order = next(line for e, line in zip(page, lines, strict=True) if e.kind == "order")
    assert order == (
        "Commande web W-2026-001002",
        f"2 articles{NBSP}: Spalding Beast in-ground basketball hoop et 1 autre",
    )


# --------------------------------------------------------------------------------------------------
# Plurals, one and many, in both languages


def _session(views: int, events: int = 1) -> TimelineEntry:
    facts = WebSession(views, None, 0, (), False, False, False, ("mobile",), events)
    return TimelineEntry(
        "web:x", "2026-11-20T10:00:00Z", "web", "session", "inbound", session=facts
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["1 view yesterday", "2 views over 2 days", "0 page views", "1 page view"]),
        ("fr", ["1 vue hier", "2 vues en 2 jours", "0 page vue", "1 page vue"]),
    ],
)
def test_plurals(qapp: QApplication, language: str, expected: list[str]) -> None:
    i18n.install(qapp, language)
    try:
        one = Summary("researching", 30, topic="x", research=Research(1, 1, 1, 1))
        two = Summary("researching", 30, topic="x", research=Research(2, 2, 1, 0))
        got = [wording.intent_sentence(s).split(": " if language == "en" else f"{NBSP}: ")[1]
               for s in (one, two)]  # fmt: skip
        got += [
            wording.intent_sentence(Summary("visited", 30, days_ago=n, pages=n)).split("(")[1][:-1]
            for n in (0, 1)
        ]
        assert got == expected
        bought = Summary("bought", 30, purchase=Purchase("Ball", 0, None, "", 2))
        assert (
            wording.intent_sentence(bought)
            == {
                "en": "Bought Ball 2 days ago",
                "fr": "A acheté Ball il y a 2 jours",
            }[language]
        )
        details = [wording.timeline_detail(_session(n)) for n in (1, 3)]
        assert (
            details
            == {
                "en": ["1 product view", "3 product views"],
                "fr": ["1 produit consulté", "3 produits consultés"],
            }[language]
        )
        assert (
            wording.timeline_detail(_session(0, 5))
            == {"en": "5 events", "fr": "5 événements"}[language]
        )
    finally:
        i18n.install(qapp, "en")
