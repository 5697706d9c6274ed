"""Messages shaped as Segment's own SDKs send them (analytics-python 2.x and analytics.js 2.0),
for the tracking tests."""

from __future__ import annotations

import base64
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

PY_CONTEXT = {"library": {"name": "analytics-python", "version": "2.3.2"}}
IPHONE_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"
)
DESKTOP_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/119.0.0.0 Safari/537.36"
)


def stamp(moment: datetime) -> str:
    """analytics-python's format: ISO-8601 with microseconds and an offset."""
    return moment.astimezone(UTC).isoformat()


def basic(write_key: str) -> dict[str, str]:
    """analytics-python: ``requests`` basic auth with the write key and an empty password."""
    token = base64.b64encode(f"{write_key}:".encode()).decode()
    return {"Authorization": f"Basic {token}", "Content-Type": "application/json"}


def py_message(kind: str, at: datetime | None = None, **fields: Any) -> dict[str, Any]:
    """One message as ``analytics.track(...)`` / ``analytics.identify(...)`` queue it."""
    return {
        "type": kind,
        "context": dict(PY_CONTEXT),
        "integrations": {},
        "timestamp": stamp(at or datetime.now(UTC)),
        "messageId": str(uuid.uuid4()),
        **fields,
    }


def js_message(kind: str, anonymous_id: str, ua: str = IPHONE_UA, **fields: Any) -> dict[str, Any]:
    """One message as analytics.js sends it (page context, user agent, ``ajs-`` messageId)."""
    now = datetime.now(UTC)
    return {
        "timestamp": now.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
        "integrations": {},
        "type": kind,
        "context": {
            "page": {
                "path": "/hoops/p-00001",
                "referrer": "https://www.google.com/",
                "search": "",
                "title": "Pro Dunk 54 in. hoop",
                "url": "https://shop.example.com/hoops/p-00001",
            },
            "userAgent": ua,
            "locale": "fr-FR",
            "library": {"name": "analytics.js", "version": "next-1.74.0"},
        },
        "messageId": f"ajs-next-{int(now.timestamp() * 1000)}-{uuid.uuid4().hex[:12]}",
        "anonymousId": anonymous_id,
        "userId": None,
        "sentAt": now.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
        "_metadata": {"bundled": ["Segment.io"], "unbundled": [], "bundledIds": []},
        **fields,
    }


def post_batch(
    client: httpx.Client,
    write_key: str,
    messages: list[dict[str, Any]],
    skew: timedelta = timedelta(),
) -> httpx.Response:
    """analytics-python's upload: ``{"batch": [...], "sentAt": ...}`` with basic auth; ``skew``
    sets the sender's clock ahead (or behind) of the hub's."""
    sent_at = stamp(datetime.now(UTC) + skew)
    return client.post(
        "/v1/batch",
        content=_dumps({"batch": messages, "sentAt": sent_at}),
        headers=basic(write_key),
    )


def _dumps(payload: Any) -> bytes:
    import json

    return json.dumps(payload).encode()


def product_row(n: int, category: str = "Basketball hoops", price: int = 49_999) -> dict:
    return {
        "id": f"p-{n:05d}",
        "sku": f"HOOP-{n:05d}",
        "name": f"Pro Dunk {n}",
        "department": "Sports",
        "category": category,
        "brand": "Pro Dunk",
        "price": price,
        "currency": "EUR",
        "description": "A hoop.",
        "attributes": {},
        "related": [],
    }


def variant_row(n: int, k: int, size: str | None, color: str, price: int = 49_999) -> dict:
    return {
        "id": f"v-{n:05d}-{k:02d}",
        "product_id": f"p-{n:05d}",
        "sku": f"HOOP-{n:05d}-{color[:3].upper()}",
        "size": size,
        "color": color,
        "price": price,
    }
