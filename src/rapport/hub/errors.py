"""The hub's refusals, one shape for every route: ``{"code", "message", "detail"}``.

``code`` is a short word a program can branch on, ``message`` the reason for the person who can fix
it; ``detail`` repeats the message (FastAPI's own key, which clients before 0.9 read; for a request
validation error it lists the fields). A refusal never echoes what was sent: a field's value may be
a password, or text the hub could not even encode (a lone surrogate).

An unexpected exception answers 500 with an error id and logs one line with that id, the exception
type, where it was raised and the route; no traceback, since a traceback's messages may quote the
request (Starlette's own 500 handler re-raises, and uvicorn then prints the traceback to stderr).
"""

from __future__ import annotations

import logging
import secrets
import traceback
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rapport.hub.textcheck import NO_NUL

_log = logging.getLogger("rapport.hub")

# The code of a refusal that does not name its own.
CODES = {
    400: "invalid",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    429: "too_many_requests",
    500: "internal",
    503: "unavailable",
}


class ApiError(HTTPException):
    """An HTTPException with its own ``code`` (``HTTPException`` gets the status's)."""

    def __init__(
        self,
        status: int,
        message: str,
        code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(status, message, headers)
        self.code = code or CODES.get(status, "error")


def error_body(status: int, message: str, code: str | None = None, **extra: Any) -> bytes:
    code = code or CODES.get(status, "error")
    return orjson.dumps({"code": code, "message": message, "detail": message, **extra})


def error_response(
    status: int, message: str, code: str | None = None, headers: dict[str, str] | None = None
) -> Response:
    return Response(
        error_body(status, message, code),
        status_code=status,
        media_type="application/json",
        headers=headers,
    )


async def send_error(
    send: Send,
    status: int,
    message: str,
    code: str | None = None,
    close: bool = False,
    headers: list[tuple[bytes, bytes]] | None = None,
) -> None:
    """The same answer from a pure ASGI middleware (before any route runs)."""
    body = error_body(status, message, code)
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", b"%d" % len(body)),
        *(headers or []),
    ]
    if close:  # the rest of the body was not read: the connection cannot carry another request
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def printable(text: str) -> str:
    """``text`` as UTF-8 can carry it: a lone surrogate becomes ``\\ud800``."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _field(loc: tuple[Any, ...]) -> str:
    # ("body", "mutations", 0, "device_id") -> mutations[0].device_id
    out = ""
    for part in loc[1:] if len(loc) > 1 else loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return printable(out)


def _reason(err: dict[str, Any]) -> str:
    kind = err.get("type")
    if kind == "string_unicode":
        return "contains a lone surrogate (\\ud800 to \\udfff), which text may not hold"
    if kind == "string_pattern_mismatch" and (err.get("ctx") or {}).get("pattern") == NO_NUL:
        return "contains a NUL character (\\u0000), which text may not hold"
    return printable(str(err.get("msg", "is not valid")))


def validation_answer(errors: list[dict[str, Any]]) -> Response:
    """422 listing each field and why, without the ``input`` and ``ctx`` FastAPI includes."""
    listed = [
        {"type": str(e.get("type", "")), "loc": [printable(str(p)) if isinstance(p, str) else p
                                                 for p in e.get("loc", ())], "msg": _reason(e)}
        for e in errors
    ]  # fmt: skip
    first = errors[0] if errors else {}
    message = f"{_field(tuple(first.get('loc', ())))}: {_reason(first)}" if first else "invalid"
    return Response(
        orjson.dumps({"code": "invalid", "message": message, "detail": listed}),
        status_code=422,
        media_type="application/json",
    )


def _where(exc: BaseException) -> str:
    """``module.py:123`` of the innermost frame: enough to find the bug, nothing of the input."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "?"
    last = frames[-1]
    return f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno}"


def _route(scope: Scope) -> str:
    # The route's template (``/v1/customers/{customer_id}/export``): the real path may hold a
    # customer id or a basket link's secret.
    route = scope.get("route")
    path = getattr(route, "path", None)
    return f"{scope.get('method', '')} {path or '(no route)'}"


class CatchUnexpected:
    """Pure ASGI, inside Starlette's ServerErrorMiddleware: an exception nothing handled answers
    500 ``{code: internal, message: "... (error id)"}`` and logs one line; it does not propagate,
    so neither Starlette nor uvicorn prints its traceback (with whatever its messages quote)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except ClientDisconnect:
            return  # the client went away mid-body: nobody to answer
        except Exception as exc:
            error_id = secrets.token_hex(6)
            _log.error(
                "error %s: unhandled %s at %s on %s",
                error_id, type(exc).__name__, _where(exc), _route(scope),
            )  # fmt: skip
            if not started:
                await send_error(send, 500, f"internal error (error id {error_id})")


def install(app: FastAPI) -> None:
    """The app-wide handlers; call once, after the routes' own middleware."""

    @app.exception_handler(HTTPException)
    async def _http(_request: Request, exc: HTTPException) -> Response:
        if exc.status_code in (204, 304):
            return Response(status_code=exc.status_code, headers=exc.headers)
        detail = printable(exc.detail) if isinstance(exc.detail, str) else exc.detail
        message = detail if isinstance(detail, str) else CODES.get(exc.status_code, "error")
        code = getattr(exc, "code", None)
        body = {"code": code or CODES.get(exc.status_code, "error"), "message": message,
                "detail": detail}  # fmt: skip
        return Response(
            orjson.dumps(body), status_code=exc.status_code, media_type="application/json",
            headers=exc.headers,
        )  # fmt: skip

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> Response:
        return validation_answer(list(exc.errors()))

    @app.exception_handler(OperationalError)
    @app.exception_handler(PoolTimeout)
    async def _busy(_request: Request, exc: Exception) -> Response:
        # Locked or unreachable database: transient. Nothing uncommitted was applied.
        _log.warning("database unavailable: %s", type(exc).__name__)
        return error_response(
            503, "the hub's database is busy; retry shortly", "busy", headers={"Retry-After": "1"}
        )

    app.add_middleware(CatchUnexpected)
