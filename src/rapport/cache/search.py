"""Customer lookup in the local cache: names, emails, phone numbers as any caller ID gives them,
loyalty ids. Any text a person can type returns results or none, never an error."""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass

from rapport.domain.phones import query_digits

MAX_QUERY_CHARS = 200
MAX_TOKENS = 8
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    name: str
    tier: str | None
    email: str | None
    phone: str | None  # E.164; the UI formats it
    last_contact_at: str | None


def fts_query(text: str, default_region: str = "FR") -> str | None:
    """Turn what was typed into a safe FTS5 query, or None when nothing searchable remains.

    Every token is a quoted string with a prefix star, so FTS5 syntax in the input (quotes, ``*``,
    ``AND``, ``-``, ``NEAR``, parentheses) is matched as text, never parsed as an operator.
    """
    text = unicodedata.normalize("NFKC", text)[:MAX_QUERY_CHARS]
    digits = query_digits(text, default_region)
    if digits is not None:
        # Digits may be a phone number or a loyalty number: try both columns.
        raw = "".join(ch for ch in text if ch.isdigit())[:MAX_QUERY_CHARS]
        return f'(phones : "{digits}"*) OR (loyalty : "{raw}"*)'
    tokens = [t for t in _WORD.findall(text.casefold()) if t.strip("_")][:MAX_TOKENS]
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens)


def search_customers(
    conn: sqlite3.Connection, text: str, limit: int = 50, default_region: str = "FR"
) -> list[SearchHit]:
    email = _email_prefix(text)
    if email is not None:
        rows = _email_rows(conn, email, limit * 4)
    else:
        query = fts_query(text, default_region)
        if query is None:
            return []
        try:
            rows = conn.execute(
                "SELECT c.id, c.given_name, c.family_name, c.tier, c.last_contact_at"
                " FROM (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ? LIMIT ?) AS m"
                " JOIN customer AS c ON c.rowid = m.rowid",
                (query, limit * 4),
            ).fetchall()
        except sqlite3.OperationalError:
            # The tokenizer can still reject a pathological token; a search box must not crash.
            return []
    words = [t for t in _WORD.findall(_fold(text)) if t.strip("_")]
    # Best match first: the name starts with what was typed, then whole-word matches, then
    # prefixes; within each, the most recently contacted customer (the likelier caller).
    rows.sort(key=lambda r: r["last_contact_at"] or "", reverse=True)
    rows.sort(key=lambda r: _name_rank(r, words))
    rows = rows[:limit]
    contacts = _primary_contacts(conn, [r["id"] for r in rows])
    return [
        SearchHit(
            id=r["id"],
            name=f"{r['given_name'] or ''} {r['family_name'] or ''}".strip(),
            tier=r["tier"],
            email=contacts.get((r["id"], "email")),
            phone=contacts.get((r["id"], "phone")),
            last_contact_at=r["last_contact_at"],
        )
        for r in rows
    ]


def _email_prefix(text: str) -> str | None:
    """What was typed, when it is the start of an email address (one word with an ``@``)."""
    text = unicodedata.normalize("NFKC", text).strip()[:MAX_QUERY_CHARS]
    if "@" not in text or any(ch.isspace() for ch in text):
        return None
    return text.casefold()


def _email_rows(conn: sqlite3.Connection, prefix: str, limit: int) -> list[sqlite3.Row]:
    # Past the "@", FTS would AND the address's words with "example"*, "gmail"*...: prefixes longer
    # than its prefix indexes, shared by most customers, whose whole doclists FTS5 merges (30-45 ms
    # at 500,000 customers). A range on the normalized (lower-case) address is one index seek.
    return conn.execute(
        "SELECT c.id, c.given_name, c.family_name, c.tier, c.last_contact_at"
        " FROM (SELECT DISTINCT customer_id FROM identity"
        "  WHERE normalized >= ? AND normalized < ? AND kind = 'email' LIMIT ?) AS m"
        " JOIN customer AS c ON c.id = m.customer_id",
        (prefix, prefix + "\U0010ffff", limit),
    ).fetchall()


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _name_rank(row: sqlite3.Row, words: list[str]) -> int:
    if not words:
        return 5
    name_words = _WORD.findall(_fold(f"{row['given_name'] or ''} {row['family_name'] or ''}"))
    if name_words[: len(words)] == words:
        return 0  # "lucas martin" for Lucas Martin
    if all(w in name_words for w in words):
        return 1  # whole words, other order: "martin lucas", or "lucas" for Mamadou Lucas
    if " ".join(name_words).startswith(" ".join(words)):
        return 2  # still typing: "lucas mar"
    if all(any(n.startswith(w) for n in name_words) for w in words):
        return 3
    return 4  # matched through an email, phone or loyalty id


def _primary_contacts(conn: sqlite3.Connection, ids: list[str]) -> dict[tuple[str, str], str]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    out: dict[tuple[str, str], str] = {}
    for cid, kind, normalized, _primary in conn.execute(
        f"SELECT customer_id, kind, normalized, is_primary FROM identity"
        f" WHERE customer_id IN ({marks}) AND kind IN ('email', 'phone')"
        f" ORDER BY is_primary DESC",
        ids,
    ):
        if normalized and (cid, kind) not in out:
            out[(cid, kind)] = normalized
    return out


def customers_with_phone(conn: sqlite3.Connection, e164: str, region: str) -> list[SearchHit]:
    """Customers with exactly this number, for a screen pop (search matches prefixes:
    +3361234567 is not the caller +33612345678's neighbour)."""
    hits = search_customers(conn, e164, 50, region)
    if not hits:
        return []
    marks = ",".join("?" * len(hits))
    exact = {
        row[0]
        for row in conn.execute(
            "SELECT customer_id FROM identity WHERE kind = 'phone' AND normalized = ?"
            f" AND customer_id IN ({marks})",
            [e164, *(h.id for h in hits)],
        )
    }
    return [h for h in hits if h.id in exact]
