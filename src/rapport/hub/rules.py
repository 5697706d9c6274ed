"""Pure decision rules shared by mutations and merges: consent precedence, JSON equality, combining
two profiles of one person."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson

from rapport.protocol import TIERS

CONSENT_STATUSES = ("granted", "denied")


def consent_supersedes(new: Mapping[str, Any], current: Mapping[str, Any] | None) -> bool:
    """Whether consent ``new`` replaces ``current`` on one channel: the most restrictive recent
    value wins. A later ``effective_at`` wins; at the same instant an opt-out wins; an older value
    never replaces a newer one (so an opt-out is never undone by an older opt-in)."""
    if not isinstance(current, Mapping) or not current.get("effective_at"):
        return True
    new_at, cur_at = str(new.get("effective_at") or ""), str(current["effective_at"])
    if new_at != cur_at:
        return new_at > cur_at
    return new.get("status") == "denied" and current.get("status") != "denied"


def json_equal(a: Any, b: Any) -> bool:
    """Equal as JSON documents (key order ignored)."""
    if isinstance(a, str | bytes) or isinstance(b, str | bytes):
        return a == b
    opt = orjson.OPT_SORT_KEYS
    return orjson.dumps(a, option=opt) == orjson.dumps(b, option=opt)


def text_equal(a: Any, b: Any) -> bool:
    """Equal text fields, an empty string counting as no value."""
    return (a or None) == (b or None)


def _merge_preferences(a: Any, b: Any) -> Any:
    if not isinstance(a, dict) or not isinstance(b, dict):
        return a if a not in (None, {}, []) else b
    out = dict(a)
    for key, value in b.items():
        if key not in out or out[key] in (None, "", [], {}):
            out[key] = value
        elif isinstance(out[key], list) and isinstance(value, list):
            out[key] = out[key] + [v for v in value if v not in out[key]]
    return out


def _tier(a: str | None, b: str | None) -> str | None:
    rank = {t: i for i, t in enumerate(TIERS)}
    if a in rank and b in rank:
        return a if rank[a] >= rank[b] else b
    return a or b


def combine_profiles(
    survivor: Mapping[str, Any], merged: Mapping[str, Any], now: str
) -> dict[str, Any]:
    """The survivor's row after absorbing ``merged`` (JSON columns as Python values). The survivor's
    values win; the merged profile fills gaps; sums, extremes and consent follow their own rules."""
    out = dict(survivor)
    for name in ("given_name", "family_name", "home_store_id", "birth_date", "currency"):
        if not out.get(name):
            out[name] = merged.get(name)
    out["tier"] = _tier(survivor.get("tier"), merged.get("tier"))
    same_currency = not survivor.get("currency") or survivor.get("currency") == merged.get(
        "currency"
    )
    if same_currency or not merged.get("lifetime_value"):
        out["lifetime_value"] = (survivor.get("lifetime_value") or 0) + (
            merged.get("lifetime_value") or 0
        )
    # else: different currencies cannot be added; the survivor's figure stands.
    out["preferences"] = _merge_preferences(survivor.get("preferences"), merged.get("preferences"))
    notes = [n for n in (survivor.get("notes"), merged.get("notes")) if n]
    out["notes"] = "\n\n".join(dict.fromkeys(notes)) or None
    created = [c for c in (survivor.get("created_at"), merged.get("created_at")) if c]
    out["created_at"] = min(created) if created else None
    contacts = [c for c in (survivor.get("last_contact_at"), merged.get("last_contact_at")) if c]
    out["last_contact_at"] = max(contacts) if contacts else None
    consent = dict(survivor.get("consent") or {})
    for channel, value in (merged.get("consent") or {}).items():
        if consent_supersedes(value, consent.get(channel)):
            consent[channel] = value
    out["consent"] = consent
    out["version"] = max(survivor.get("version") or 0, merged.get("version") or 0) + 1
    out["updated_at"] = now
    return out
