"""CORS for the tracking API only: a shop's pages post analytics.js events from their own origin.

Which origins: those an admin allowed on a write key (``allowed_origins``, ``["*"]`` for any site
as an explicit choice); a key with none serves servers only. A preflight carries no key (neither
the ``Authorization`` header nor the body), so it is answered for an origin some enabled key
allows; the request itself is then checked against its own key by the route (403
``origin_not_allowed``). Any other origin gets no CORS header at all, so its page can neither send
nor read. The agent API (sign-in, sync, admin) is never offered to browsers.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import orjson
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rapport.hub.ingest.messages import TYPES

# The Segment paths, analytics.js's one-letter ones (t, i, p, s, a, g, b), its metrics (m) and the
# settings it loads first.
_PATHS = frozenset(
    [f"/v1/{k}" for k in TYPES] + [f"/v1/{k[0]}" for k in TYPES] + ["/v1/batch", "/v1/b", "/v1/m"]
)
_SETTINGS = re.compile(r"^/v1/projects/[^/]+/settings$")
# analytics-next sends Content-Type: text/plain, Authorization: Basic <key> and, on a retry,
# X-Retry-Count; other Segment clients may compress.
ALLOW_HEADERS = "Content-Type, Authorization, Content-Encoding, X-Retry-Count"
ALLOW_METHODS = "GET, POST, OPTIONS"
MAX_AGE = "7200"  # Chromium's cap: one preflight per two hours per path


def is_tracking_path(path: str) -> bool:
    return path in _PATHS or bool(_SETTINGS.match(path))


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return None


class TrackingCors:
    """Pure ASGI (not BaseHTTPMiddleware): the tracking routes stream their bodies, and the
    refusals raised by exception handlers must carry the headers too."""

    def __init__(self, app: ASGIApp, origin_allowed: Callable[[str], bool]) -> None:
        self.app = app
        # Blocking (a database read): run off the event loop.
        self.origin_allowed = origin_allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_tracking_path(scope["path"]):
            await self.app(scope, receive, send)
            return
        origin = _header(scope, b"origin")
        if origin is None:  # a server, or a same-origin request: nothing to add
            await self.app(scope, receive, send)
            return
        allowed = await run_in_threadpool(self.origin_allowed, origin)
        preflight = scope["method"] == "OPTIONS" and _header(
            scope, b"access-control-request-method"
        )
        if preflight:
            await self._preflight(origin, allowed, send)
            return
        if not allowed:
            await self.app(scope, receive, send)
            return

        async def with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += _cors_headers(origin)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_cors)

    async def _preflight(self, origin: str, allowed: bool, send: Send) -> None:
        if allowed:
            status, body = 204, b""
            headers = [
                *_cors_headers(origin),
                (b"access-control-allow-methods", ALLOW_METHODS.encode()),
                (b"access-control-allow-headers", ALLOW_HEADERS.encode()),
                (b"access-control-max-age", MAX_AGE.encode()),
            ]
        else:
            message = "this origin may not use the tracking API: an admin allows it on a write key"
            body = orjson.dumps(
                {"success": False, "code": "origin_not_allowed", "message": message,
                 "detail": message}
            )  # fmt: skip
            status = 403
            headers = [(b"content-type", b"application/json"), (b"vary", b"Origin")]
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _cors_headers(origin: str) -> list[tuple[bytes, bytes]]:
    # The origin echoed rather than "*", even for a key open to any site: one rule, and it stays
    # right should a client ever send credentials.
    return [
        (b"access-control-allow-origin", origin.encode("latin-1")),
        (b"vary", b"Origin"),
        (b"access-control-expose-headers", b"Retry-After"),
    ]
