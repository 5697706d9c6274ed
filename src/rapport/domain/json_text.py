"""JSON kept as text (the cache's json columns): read back, or a default when the column is empty
or holds something that is not JSON (a reader shows the rest of the customer rather than fail)."""

from __future__ import annotations

from typing import Any

import orjson


def json_or(text: str | None, default: Any) -> Any:
    if not text:
        return default
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return default
