"""Text the hub can store on every database it runs on.

PostgreSQL's text type cannot hold the NUL character (SQLite can), so a string with one would be
accepted on one database and fail on the other, mid-transaction. Every boundary that takes text
from outside (pushes, tracking messages, systems records) refuses it up front, naming where.
"""

from __future__ import annotations

from typing import Any

_MAX_DEPTH = 64  # deeper than any real payload; the JSON parser limits depth anyway


def nul_path(value: Any, where: str = "") -> str | None:
    """The path (``args.note``, ``lines[2].name``) of the first key or string holding a NUL
    character, or None when there is none."""
    stack: list[tuple[Any, str, int]] = [(value, where, 0)]
    while stack:
        item, path, depth = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return path or "the text"
        elif depth < _MAX_DEPTH and isinstance(item, dict):
            for key, sub in item.items():
                name = f"{path}.{key}" if path else str(key)
                if isinstance(key, str) and "\x00" in key:
                    return f"a key in {path}" if path else "a key"
                stack.append((sub, name, depth + 1))
        elif depth < _MAX_DEPTH and isinstance(item, list):
            stack.extend((sub, f"{path}[{i}]", depth + 1) for i, sub in enumerate(item))
    return None


def nul_message(path: str) -> str:
    return f"{path} contains a NUL character (\\u0000), which text may not hold"


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
            body = b'{"detail":"the address contains a NUL character (%00)"}'
            await send(
                {
                    "type": "http.response.start",
                    "status": 400,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send)
