"""How large a request body each route takes, enforced before the route reads it.

A pure ASGI middleware: a declared ``Content-Length`` over the route's cap is answered 413 at once,
and a streamed body (chunked) is counted as it arrives and cut off at the cap, so a 100 MB push
costs the hub nothing but the headers. Routes that take a bearer token check it first, from the
headers: an anonymous sender cannot make the hub read (or wait for) a body at all.

The caps, in one place. The desktop app pushes at most 100 writes at a time, each at most about
75 KB (a 64 KB payload, a 2,000-character note); a tracking batch is Segment's 500 KB.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rapport.hub.errors import send_error
from rapport.hub.ingest.messages import MAX_BATCH_BYTES, MAX_MESSAGE_BYTES, TYPES

KB = 1024
MB = 1024 * KB
DEFAULT_CAP = 64 * KB
# Where the signed-in user found by the middleware waits for the route's dependency.
USER_KEY = "rapport.user"
MISSING_TOKEN = "sign in first: missing bearer token"
BAD_TOKEN = "token expired or revoked: sign in again"


@dataclass(frozen=True, slots=True)
class Cap:
    pattern: re.Pattern[str]
    limit: int
    bearer: bool  # the route takes a bearer token: check it before reading the body


def _cap(path: str, limit: int, bearer: bool = True) -> Cap:
    return Cap(re.compile(f"^{path}$"), limit, bearer)


_TRACKING_PATHS = "|".join(sorted({*TYPES, *(t[0] for t in TYPES)}))
CAPS: tuple[Cap, ...] = (
    _cap("/v1/auth/login", 8 * KB, bearer=False),
    _cap("/v1/sync/push", 8 * MB),
    _cap("/v1/(orders|interactions)", 1 * MB),
    _cap("/v1/admin/settings/[^/]+", 256 * KB),
    _cap("/v1/(sync/subscribe|auth/logout|admin/write-keys)", DEFAULT_CAP),
    _cap("/v1/admin/customers/[^/]+/(merge|erase)", DEFAULT_CAP),
    # Write keys may come in the body (analytics.js), so these read it first.
    _cap("/v1/(batch|b)", MAX_BATCH_BYTES, bearer=False),
    _cap(f"/v1/({_TRACKING_PATHS})", MAX_MESSAGE_BYTES, bearer=False),
)


def cap_for(path: str) -> Cap | None:
    return next((c for c in CAPS if c.pattern.match(path)), None)


def _size(n: int) -> str:
    return f"{n // MB} MB" if n >= MB and n % MB == 0 else f"{n // KB} KB"


def bearer_token(authorization: str | None) -> str | None:
    scheme, _, token = (authorization or "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


class BodyLimits:
    """``authenticate(token)`` returns the signed-in user, or None (it may touch the database:
    it runs on the thread pool)."""

    def __init__(self, app: ASGIApp, authenticate: Callable[[str], Any | None]) -> None:
        self.app = app
        self.authenticate = authenticate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        declared = headers.get("content-length")
        if declared in (None, "0") and "transfer-encoding" not in headers:
            await self.app(scope, receive, send)  # no body to guard
            return
        cap = cap_for(scope["path"])
        limit = cap.limit if cap else DEFAULT_CAP
        if cap is not None and cap.bearer:
            token = bearer_token(headers.get("authorization"))
            user = await run_in_threadpool(self.authenticate, token) if token else None
            if user is None:
                await send_error(
                    send, 401, BAD_TOKEN if token else MISSING_TOKEN, close=True,
                    headers=[(b"www-authenticate", b"Bearer")],
                )  # fmt: skip
                return
            scope[USER_KEY] = user
        too_large = f"the request body is over {_size(limit)}, this address's limit"
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await send_error(send, 413, too_large, close=True)
            return
        await _Counted(self.app, limit, too_large)(scope, receive, send)


class _Counted:
    """Counts a body's bytes as the route reads them; past the limit it answers 413 itself and
    tells the route the client went away."""

    def __init__(self, app: ASGIApp, limit: int, message: str) -> None:
        self.app, self.limit, self.message = app, limit, message
        self.received = 0
        self.refused = False
        self.started = False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def counted() -> Message:
            if self.refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                self.received += len(message.get("body", b""))
                if self.received > self.limit and not self.started:
                    self.refused = True
                    await send_error(send, 413, self.message, close=True)
                    return {"type": "http.disconnect"}
            return message

        async def guarded(message: Message) -> None:
            if self.refused:
                return  # the route's answer to the "disconnect": the 413 went instead
            self.started = self.started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, guarded)
        except Exception:
            if not self.refused:
                raise
