"""The stores (``stores.json``: the same for every seed) and the people who work there: twenty
call-center agents and one associate per store."""

from __future__ import annotations

from rapport import protocol
from rapport.hub.demo_data.common import resource

STORES: list[dict] = resource("stores.json")
STORE_BY_ID: dict[str, dict] = {s["id"]: s for s in STORES}

AGENT_IDS: tuple[str, ...] = tuple(f"agent-{i:02d}" for i in range(1, 21)) + tuple(
    "assoc-" + s["id"].removeprefix("st-") for s in STORES
)
CALL_CENTER_AGENTS = AGENT_IDS[:20]
ASSOCIATE_OF = {s["id"]: "assoc-" + s["id"].removeprefix("st-") for s in STORES}
STORY_STORE = "st-paris-opera"  # the story customers' store, where the demo associate works


def store_rows() -> list[dict]:
    cols = protocol.STORE.column_names
    return [{k: s[k] for k in cols} for s in STORES]
