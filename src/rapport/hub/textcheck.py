"""Values the hub can store on every database it runs on.

PostgreSQL's text type cannot hold the NUL character (SQLite can), so a string with one would be
accepted on one database and fail on the other, mid-transaction. A lone surrogate (``\\ud800``,
which JSON's escapes can spell but UTF-8 cannot) fails on both, and so do a NaN, an infinity or a
whole number beyond 64 bits (Python's JSON parser accepts all three). Every boundary that takes
JSON from outside (pushes, tracking messages, systems records, settings) refuses them up front,
naming where, so one bad value is that value's refusal only.
"""

from __future__ import annotations

import math
from typing import Any

_MAX_DEPTH = 64  # deeper than any real payload; the JSON parser limits depth anyway
_INT64 = (-(2**63), 2**63 - 1)


def _text_problem(text: str) -> str | None:
    if "\x00" in text:
        return "contains a NUL character (\\u0000), which text may not hold"
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return "contains a lone surrogate (\\ud800 to \\udfff), which text may not hold"
    return None


def _number_problem(number: int | float) -> str | None:
    if isinstance(number, float):
        return None if math.isfinite(number) else "is not a finite number"
    if isinstance(number, bool) or _INT64[0] <= number <= _INT64[1]:
        return None
    return "is a whole number too large to store (beyond 64 bits)"


def refusal(value: Any, where: str = "") -> str | None:
    """Why the hub cannot store ``value``, naming the first place that holds it (``args.note
    contains a NUL character ...``, ``lines[2].price is not a finite number``), or None."""
    stack: list[tuple[Any, str, int]] = [(value, where, 0)]
    while stack:
        item, path, depth = stack.pop()
        problem = None
        if isinstance(item, str):
            problem = _text_problem(item)
        elif isinstance(item, int | float):
            problem = _number_problem(item)
        elif depth < _MAX_DEPTH and isinstance(item, dict):
            for key, sub in item.items():
                if isinstance(key, str) and (key_problem := _text_problem(key)):
                    return f"a key in {path} {key_problem}" if path else f"a key {key_problem}"
                stack.append((sub, f"{path}.{key}" if path else str(key), depth + 1))
        elif depth < _MAX_DEPTH and isinstance(item, list):
            stack.extend((sub, f"{path}[{i}]", depth + 1) for i, sub in enumerate(item))
        if problem:
            return f"{path or 'the value'} {problem}"
    return None


# For pydantic fields: ``Field(pattern=NO_NUL)``.
NO_NUL = r"^[^\x00]*$"


class RefuseNulInUrl:
    """Pure ASGI: a path or query string carrying NUL (``%00``) is answered 400 before any route
    reads it (customer ids, search text, cursors all end up as text parameters)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and (
            "\x00" in scope.get("path", "") or b"%00" in scope.get("query_string", b"")
        ):
            from rapport.hub.errors import send_error  # errors imports this module

            await send_error(send, 400, "the address contains a NUL character (%00)")
            return
        await self.app(scope, receive, send)
