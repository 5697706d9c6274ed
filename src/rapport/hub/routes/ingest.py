"""Segment-compatible HTTP tracking API (``/v1/track``, ``/v1/identify``, ``/v1/page``,
``/v1/screen``, ``/v1/alias``, ``/v1/group``, ``/v1/batch``) and write-key administration.

Authentication as Segment documents it: the write key is the HTTP basic-auth username with an empty
password (or ``writeKey`` in the body). Answers ``200 {"success": true}``; a bad message 400 with
the reason; a message over 32 KB or a batch over 500 KB 413 (Segment answers 400 there; 413 says
which limit). A batch keeps every valid message: it answers 200 with the rejected ones listed by
index, and 400 only when none could be kept. ``Content-Encoding: gzip`` bodies are read (the limits
apply to the inflated JSON).
"""

import base64
import binascii
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import urlsplit

import orjson
from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from rapport.hub import jsonbody
from rapport.hub.ingest import analytics_js
from rapport.hub.ingest.keys import BadOrigin, WriteKey
from rapport.hub.ingest.messages import (
    MAX_BATCH_BYTES,
    MAX_MESSAGE_BYTES,
    TYPES,
    BadMessage,
    Message,
    parse_message,
    parse_time,
)
from rapport.hub.ingest.tracking import Outcome, Tracking
from rapport.hub.routes.common import json_response
from rapport.hub.service import Hub
from rapport.hub.store.users import User
from rapport.hub.textcheck import NO_NUL, refusal

_MAX_BATCH_MESSAGES = 2_500


_EXAMPLE = {
    "type": "track",
    "anonymousId": "507f191e810c19729de860ea",
    "event": "Product Viewed",
    "properties": {"product_id": "p-00001", "sku": "HOOP-00001-BLA", "price": 499.99},
    "context": {"userAgent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X)"},
    "timestamp": "2026-11-30T10:12:00.000Z",
    "sentAt": "2026-11-30T10:12:01.000Z",
    "messageId": "ajs-next-1764497521000-4f3c2a",
}


def _body_doc(example: dict[str, Any]) -> dict[str, Any]:
    """The request body for the OpenAPI document: the routes read raw JSON (for the size limits
    and Segment's own error semantics), so FastAPI cannot describe it by itself."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"type": "object"}, "example": example}},
        }
    }


Origin = Annotated[str, Field(min_length=1, max_length=300, pattern=NO_NUL)]


class WriteKeyRequest(BaseModel):
    name: str = Field(min_length=1, max_length=200, pattern=NO_NUL)
    # Sites whose pages may send with this key from a browser (CORS); ["*"]: any site.
    allowed_origins: list[Origin] = Field(default_factory=list, max_length=100)


class OriginsRequest(BaseModel):
    allowed_origins: list[Origin] = Field(max_length=100)


class TrackingError(Exception):
    """A refusal on a tracking route, answered as ``{"code", "message", "detail"}``.

    Segment's and RudderStack's Python SDKs read ``code`` and ``message`` from any answer but a
    200 and give up on a 4xx other than 429; without those keys they fail with a KeyError, which
    their backoff retries for minutes. ``detail`` repeats the message for clients that read it.
    """

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def _error_body(code: str, message: str, **more: Any) -> bytes:
    return orjson.dumps(
        {"success": False, "code": code, "message": message, "detail": message, **more}
    )


async def tracking_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, TrackingError)
    return Response(
        _error_body(exc.code, exc.message),
        status_code=exc.status,
        media_type="application/json",
        headers=exc.headers,
    )


def _too_large(limit: int) -> TrackingError:
    return TrackingError(413, "too_large", f"payload larger than {limit // 1024} KB")


def _reject(reason: str) -> TrackingError:
    return TrackingError(400, "invalid_message", reason)


def _check_origin(request: Request, key: WriteKey) -> None:
    """A browser page (it sends ``Origin``) may use a key only from a site the key allows; servers
    send no Origin. See :mod:`rapport.hub.routes.cors`."""
    origin = request.headers.get("origin")
    if origin is not None and not key.allows(origin):
        raise TrackingError(
            403, "origin_not_allowed", "this write key is not allowed from this site's pages"
        )


async def _read_json(request: Request, limit: int) -> Any:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise _too_large(limit)
    if request.headers.get("content-encoding", "").lower() == "gzip":
        body = _gunzip(bytes(body), limit)  # analytics-java and others compress their batches
    try:
        return jsonbody.loads(body)  # NaN, Infinity, lone surrogates: refused per message later
    except jsonbody.NotJson as exc:
        raise TrackingError(400, "invalid_json", "body is not valid JSON") from exc


def _gunzip(data: bytes, limit: int) -> bytes:
    """Inflate at most ``limit`` bytes: the size limits are about the JSON, and a small gzip body
    can inflate to gigabytes."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise TrackingError(400, "invalid_gzip", "body is not valid gzip") from exc
    if len(out) > limit:
        raise _too_large(limit)
    return out


def _write_key(request: Request, body: Any) -> str | None:
    auth = request.headers.get("authorization", "")
    scheme, _, encoded = auth.partition(" ")
    if scheme.lower() == "basic" and encoded:
        try:
            user, _, _password = base64.b64decode(encoded).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        return user or None
    if isinstance(body, dict) and isinstance(body.get("writeKey"), str):
        return body["writeKey"]
    return None


def router(hub: Hub, current_user: Callable[..., User]) -> APIRouter:
    """The tracking routes and write-key administration. The app also needs
    :func:`tracking_error` as the handler of :class:`TrackingError` and the
    :class:`~rapport.hub.routes.cors.TrackingCors` middleware (``create_app`` adds both)."""
    r = APIRouter()
    _add_segment_calls(r, hub.tracking)
    _add_segment_batch(r, hub.tracking)
    _add_analytics_js(r, hub)
    _add_write_keys(r, hub.tracking, current_user)
    return r


def _source_of(tracking: Tracking, request: Request, body: Any) -> str:
    """The id of the write key the request was sent with (checked, and allowed from its page)."""
    raw = _write_key(request, body)
    key = tracking.key(raw) if raw else None
    if key is None:
        raise TrackingError(
            401,
            "invalid_write_key",
            "unknown or missing write key (send it as the basic-auth username)",
            headers={"WWW-Authenticate": 'Basic realm="rapport tracking"'},
        )
    _check_origin(request, key)
    return key.id


def _add_segment_calls(r: APIRouter, tracking: Tracking) -> None:
    """``/v1/track``, ``/v1/identify``... one message each."""

    def single(kind: str) -> Callable[..., Any]:
        async def track_one(request: Request) -> Response:
            body = await _read_json(request, MAX_MESSAGE_BYTES)
            source = await run_in_threadpool(_source_of, tracking, request, body)
            try:
                msg = parse_message(body, kind, datetime.now(UTC))
            except BadMessage as exc:
                raise _reject(str(exc)) from exc
            outcome = await run_in_threadpool(tracking.apply, source, [msg])
            if outcome.rejected:
                raise _reject(next(iter(outcome.rejected.values())))
            return json_response({"success": True})

        track_one.__name__ = f"segment_{kind}"
        return track_one

    for kind in TYPES:
        handler = single(kind)
        r.add_api_route(
            f"/v1/{kind}",
            handler,
            methods=["POST"],
            tags=["tracking"],
            summary=f"Segment {kind} call (write key as basic-auth username)",
            openapi_extra=_body_doc({k: v for k, v in _EXAMPLE.items() if k != "type"}),
        )
        # analytics.js posts to one-letter paths (/v1/t, /v1/p, /v1/i ...) with the key in the body.
        r.add_api_route(f"/v1/{kind[0]}", handler, methods=["POST"], include_in_schema=False)


def _add_segment_batch(r: APIRouter, tracking: Tracking) -> None:
    @r.post("/v1/b", include_in_schema=False)  # analytics.js's batching dispatcher
    @r.post(
        "/v1/batch",
        tags=["tracking"],
        summary="Segment batch of up to 500 KB",
        openapi_extra=_body_doc({"batch": [_EXAMPLE], "sentAt": "2026-11-30T10:12:01.000Z"}),
    )
    async def segment_batch(request: Request) -> Response:
        body = await _read_json(request, MAX_BATCH_BYTES)
        source = await run_in_threadpool(_source_of, tracking, request, body)
        if not isinstance(body, dict) or not isinstance(body.get("batch"), list):
            raise _reject("body must be an object with a batch list")
        items: list[Any] = body["batch"]
        if len(items) > _MAX_BATCH_MESSAGES:
            raise TrackingError(
                413, "too_large", f"more than {_MAX_BATCH_MESSAGES} messages in one batch"
            )
        parsed, where, rejected = _parse_batch(body, items)
        outcome = await run_in_threadpool(tracking.apply, source, parsed) if parsed else Outcome()
        for j, reason in outcome.rejected.items():
            rejected[where[j]] = reason
        report = [
            {"index": i, "messageId": _message_id(items[i]), "reason": rejected[i]}
            for i in sorted(rejected)
        ]
        if items and not outcome.accepted and not outcome.duplicates:
            return Response(
                _error_body(
                    "no_valid_message", "no message of the batch could be kept", rejected=report
                ),
                status_code=400,
                media_type="application/json",
            )
        return json_response(
            {
                "success": True,
                "accepted": outcome.accepted,
                "duplicates": outcome.duplicates,
                "rejected": report,
            }
        )


def _parse_batch(body: dict, items: list[Any]) -> tuple[list[Message], list[int], dict[int, str]]:
    """The batch's valid messages, the index in the request of each, and the reason each
    other index was refused."""
    received = datetime.now(UTC)
    try:
        sent_at = parse_time(body.get("sentAt"), "sentAt")
    except BadMessage as exc:
        raise _reject(str(exc)) from exc
    context = body.get("context") if isinstance(body.get("context"), dict) else None
    parsed: list[Message] = []
    where: list[int] = []  # index in the request of each parsed message
    rejected: dict[int, str] = {}
    for i, item in enumerate(items):
        try:
            if (why := refusal(item)) is not None:  # before orjson.dumps, which refuses them
                raise BadMessage(why)
            if len(orjson.dumps(item)) > MAX_MESSAGE_BYTES:
                raise BadMessage(f"message larger than {MAX_MESSAGE_BYTES // 1024} KB")
            parsed.append(parse_message(item, None, received, sent_at, context, checked=True))
            where.append(i)
        except BadMessage as exc:
            rejected[i] = str(exc)
    return parsed, where, rejected


def _add_analytics_js(r: APIRouter, hub: Hub) -> None:
    tracking = hub.tracking

    @r.get(
        "/v1/projects/{write_key}/settings",
        tags=["analytics.js"],
        summary="The settings analytics.js loads first (its cdnURL is the hub): events go here",
    )
    def analytics_js_settings(
        request: Request, write_key: Annotated[str, Path(min_length=1, max_length=200)]
    ) -> Response:
        key = tracking.key(write_key)
        if key is None:
            raise TrackingError(404, "invalid_write_key", "unknown write key")
        _check_origin(request, key)
        # Where the page's browser reaches the hub: the public address when one is set (a proxy
        # in front), else the one this request came to.
        base = urlsplit(hub.outbound.public_url or str(request.base_url))
        return json_response(analytics_js.settings(write_key, base.scheme, base.netloc + base.path))

    @r.post("/v1/m", include_in_schema=False)
    async def analytics_js_metrics(request: Request) -> Response:
        # analytics.js's own performance counters: nothing for the hub to learn; read (bounded)
        # and dropped so the page sees a success.
        await _read_json(request, MAX_MESSAGE_BYTES)
        return json_response({"success": True})


def _add_write_keys(r: APIRouter, tracking: Tracking, current_user: Callable[..., User]) -> None:
    CurrentUser = Annotated[User, Depends(current_user)]

    def admin_only(u: User) -> None:
        if u.role != "admin":
            raise HTTPException(403, "only admin users may do this")

    @r.post(
        "/v1/admin/write-keys",
        tags=["admin"],
        summary="Create a tracking write key for a source (admin); the key is shown once",
    )
    def create_write_key(u: CurrentUser, body: WriteKeyRequest) -> Response:
        admin_only(u)
        try:
            source_id, raw = tracking.add_write_key(body.name, body.allowed_origins)
        except BadOrigin as exc:
            raise HTTPException(422, str(exc)) from exc
        [key] = [k for k in tracking.write_keys() if k.id == source_id]
        return json_response({**key.public(), "write_key": raw})

    @r.get(
        "/v1/admin/write-keys",
        tags=["admin"],
        summary="The tracking write keys (admin): names and allowed origins, never the keys",
    )
    def list_write_keys(u: CurrentUser) -> Response:
        admin_only(u)
        return json_response({"write_keys": [k.public() for k in tracking.write_keys()]})

    @r.put(
        "/v1/admin/write-keys/{key_id}/origins",
        tags=["admin"],
        summary="The sites whose pages may send with this key from a browser (admin); "
        '["*"]: any site',
    )
    def put_write_key_origins(
        u: CurrentUser,
        key_id: Annotated[str, Path(min_length=1, max_length=64)],
        body: OriginsRequest,
    ) -> Response:
        admin_only(u)
        try:
            key = tracking.set_origins(key_id, body.allowed_origins)
        except BadOrigin as exc:
            raise HTTPException(422, str(exc)) from exc
        if key is None:
            raise HTTPException(404, "no such write key")
        return json_response(key.public())


def _message_id(item: Any) -> str | None:
    mid = item.get("messageId") if isinstance(item, dict) else None
    return mid if isinstance(mid, str) else None
