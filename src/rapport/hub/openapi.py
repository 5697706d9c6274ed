"""The hub's OpenAPI document, completed: FastAPI describes what it parses itself, but most routes
answer raw JSON (orjson, for speed) and the tracking API reads its body raw (for Segment's limits
and error semantics), so their answers, bodies, error shapes and the write-key scheme are added
here, in one place, from the same limits the routes enforce.

``tests/hub/test_openapi_fuzz.py`` holds the document to account: schemathesis checks every answer
of a running hub against it.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, Field

from rapport.hub import limits
from rapport.hub.ingest.messages import MAX_BATCH_BYTES, MAX_MESSAGE_BYTES, TYPES
from rapport.hub.ingest.records import DIRECTIONS, ORDER_CHANNELS, ORDER_STATUSES
from rapport.hub.routes.systems import _INTERACTION_EXAMPLE, _ORDER_EXAMPLE
from rapport.protocol import (
    BASKET,
    CHANNELS,
    CONSENT_CHANNELS,
    EDITABLE_CUSTOMER_FIELDS,
    FULFILLMENTS,
    INTERACTION,
    TASK,
    TASK_KINDS,
    TASK_STATUSES,
    Entity,
)


class Error(BaseModel):
    """Every refusal: a status code, a short code a program can branch on, and the reason, meant
    for the person who can fix it (``detail`` repeats it, for clients that read that)."""

    code: str = Field(description="invalid, unauthorized, forbidden, not_found, too_large, ...")
    message: str
    detail: str


class TrackingRefusal(BaseModel):
    """A tracking route's refusal, in the shape Segment's server SDKs read (``code`` and
    ``message``: without them they retry a final refusal); ``detail`` repeats the message."""

    success: bool
    code: str
    message: str
    detail: str


class Change(BaseModel):
    entity: str
    op: str = Field(description="upsert, delete, redirect or purge")
    id: str
    version: int
    data: dict[str, Any] | None


class ChangesPage(BaseModel):
    changes: list[Change]
    cursor: str
    more: bool
    remaining: int
    acked_through: int | None
    reset: bool
    protocol: int


class SearchResults(BaseModel):
    results: list[dict[str, Any]]


class MutationAnswer(BaseModel):
    client_seq: int
    mutation_id: str
    status: str = Field(description="applied or rejected")
    result: dict[str, Any] | None
    error: dict[str, Any] | None


class PushAnswer(BaseModel):
    results: list[MutationAnswer]
    last_seq: int
    expected_seq: int | None


class Snapshot(BaseModel):
    changes: list[Change]


class MergeAnswer(BaseModel):
    merged: str
    into: str
    moved: dict[str, int]


class EraseAnswer(BaseModel):
    erased: bool
    ids: int
    rows: int
    reason: str | None  # the kind of reason kept; None when they were already erased


class Setting(BaseModel):
    id: str
    value: Any
    updated_at: str


class AuditTrail(BaseModel):
    events: list[dict[str, Any]]


class Export(BaseModel):
    customer_id: str
    exported_at: str
    merged_ids: list[str]
    data: dict[str, list[Any]]
    access_log: list[dict[str, Any]]


class WriteKey(BaseModel):
    id: str
    name: str
    write_key: str = Field(description="shown once: the hub keeps only its hash")


class Record(BaseModel):
    id: str
    customer_id: str
    created: bool


class ClientRelease(BaseModel):
    version: str | None
    download_url: str | None


class TrackAnswer(BaseModel):
    success: bool


class BatchRejection(BaseModel):
    index: int
    messageId: str | None
    reason: str


class BatchAnswer(BaseModel):
    success: bool
    accepted: int
    duplicates: int
    rejected: list[BatchRejection]


class BatchRefused(TrackingRefusal):
    rejected: list[BatchRejection]


_MODELS: tuple[type[BaseModel], ...] = (
    Error, Change, ChangesPage, SearchResults, MutationAnswer, PushAnswer, Snapshot, MergeAnswer,
    EraseAnswer, Setting, AuditTrail, Export, WriteKey, Record, ClientRelease, TrackAnswer,
    BatchRejection, BatchAnswer, BatchRefused, TrackingRefusal,
)  # fmt: skip

# The 200 answer of each route that returns raw JSON.
_OK: dict[tuple[str, str], type[BaseModel]] = {
    ("get", "/v1/sync/changes"): ChangesPage,
    ("get", "/v1/customers/search"): SearchResults,
    ("get", "/v1/client/release"): ClientRelease,
    ("post", "/v1/sync/push"): PushAnswer,
    ("post", "/v1/sync/subscribe"): Snapshot,
    ("post", "/v1/admin/customers/{customer_id}/merge"): MergeAnswer,
    ("post", "/v1/admin/customers/{customer_id}/erase"): EraseAnswer,
    ("put", "/v1/admin/settings/{key}"): Setting,
    ("get", "/v1/admin/audit"): AuditTrail,
    ("get", "/v1/customers/{customer_id}/export"): Export,
    ("post", "/v1/admin/write-keys"): WriteKey,
    ("post", "/v1/orders"): Record,
    ("post", "/v1/interactions"): Record,
    ("post", "/v1/batch"): BatchAnswer,
    **{("post", f"/v1/{kind}"): TrackAnswer for kind in TYPES},
}
# Other refusals a route makes, beyond those every route of its kind makes.
_ERRORS: dict[tuple[str, str], dict[int, str]] = {
    ("post", "/v1/auth/login"): {
        400: "the body is not JSON",
        401: "wrong username or password",
        429: "too many wrong passwords: retry after Retry-After seconds",
    },
    ("get", "/v1/sync/changes"): {400: "a cursor this hub did not issue"},
    ("post", "/v1/sync/push"): {
        403: "the device belongs to another user",
        413: "too many mutations in one push",
    },
    ("post", "/v1/sync/subscribe"): {404: "no such customer"},
    ("post", "/v1/admin/customers/{customer_id}/merge"): {
        400: "a customer cannot be merged into itself",
        404: "no such customer",
        409: "the customer was already merged into another",
    },
    ("post", "/v1/admin/customers/{customer_id}/erase"): {404: "no such customer"},
    ("get", "/v1/customers/{customer_id}/export"): {404: "no such customer"},
    ("post", "/v1/orders"): {400: "the record is refused: the reason names the field"},
    ("post", "/v1/interactions"): {400: "the record is refused: the reason names the field"},
    ("post", "/v1/admin/write-keys"): {422: "an allowed origin is not scheme://host[:port]"},
    ("put", "/v1/admin/write-keys/{key_id}/origins"): {
        404: "no such write key",
        422: "an allowed origin is not scheme://host[:port]",
    },
    ("post", "/v1/admin/merge-reviews/{review_id}/approve"): {
        404: "no such merge review",
        409: "already decided, or one of the two was merged or erased since",
    },
    ("post", "/v1/admin/merge-reviews/{review_id}/reject"): {
        404: "no such merge review",
        409: "already decided",
    },
    ("get", "/v1/projects/{write_key}/settings"): {
        403: "the key is not allowed from this page's site",
        404: "unknown write key",
    },
}
_SIGNED_IN_ANYONE = {("get", "/v1/me"), ("post", "/v1/auth/logout")}

_TEXT = {"type": "string", "maxLength": 256}
_OBJECT = {"type": "object", "additionalProperties": True}
_TIME = {"type": "string", "format": "date-time", "description": "ISO-8601"}


def _segment_message(kind: str | None) -> dict[str, Any]:
    """A Segment message as the hub reads it (``rapport.hub.ingest.messages.parse_message``)."""
    props: dict[str, Any] = {
        "userId": _TEXT,
        "anonymousId": _TEXT,
        "messageId": _TEXT,
        "timestamp": _TIME,
        "sentAt": _TIME,
        "context": _OBJECT,
        "integrations": _OBJECT,
        "writeKey": {"type": "string", "description": "instead of basic auth (analytics.js)"},
    }
    if kind is None:
        props["type"] = {"type": "string", "enum": list(TYPES)}
    if kind in (None, "track"):
        props["event"] = {"type": "string", "minLength": 1, "maxLength": 200}
    if kind in (None, "track", "page", "screen"):
        props["properties"] = _OBJECT
    if kind in (None, "page", "screen"):
        props["name"] = {"type": "string", "maxLength": 200}
    if kind in (None, "identify", "group"):
        props["traits"] = _OBJECT
    if kind in (None, "alias"):
        props["previousId"] = _TEXT
    if kind in (None, "group"):
        props["groupId"] = _TEXT
    who = [{"required": ["userId"]}, {"required": ["anonymousId"]}]
    schema: dict[str, Any] = {"type": "object", "properties": props, "anyOf": who}
    required = {"track": ["event"], "alias": ["previousId", "userId"], "group": ["groupId"]}
    if kind in required:
        schema["required"] = required[kind]
    if kind is None:
        schema["required"] = ["type"]
    return schema


def _record_schema(kind: str) -> dict[str, Any]:
    """An order or interaction as ``rapport.hub.ingest.records`` checks it."""
    ref = {
        "type": "object",
        "properties": {
            "customer_id": {"type": "string", "maxLength": 64},
            "customer_external_id": {"type": "string", "maxLength": 128},
            "email": {"type": "string", "maxLength": 320},
            "phone": {"type": "string", "maxLength": 320},
            "loyalty": {"type": "string", "maxLength": 320},
        },
        "minProperties": 1,
        "description": "who it is about: an id, an id in this source, or an email, phone or "
        "loyalty id (also accepted flat, at the top level)",
    }
    common = {
        "source": {"type": "string", "minLength": 1, "maxLength": 64},
        "external_id": {"type": "string", "minLength": 1, "maxLength": 128},
        "customer": ref,
        "store_id": {"type": "string", "maxLength": 64},
    }
    if kind == "orders":
        line = {
            "type": "object",
            "properties": {
                "sku": {"type": "string", "minLength": 1, "maxLength": 64},
                "product_id": {"type": "string", "minLength": 1, "maxLength": 64},
                "name": {"type": "string", "maxLength": 200},
                "quantity": {"type": "integer", "minimum": 1},
                "unit_price": {"type": "integer", "minimum": 0, "description": "minor units"},
                "returned_quantity": {"type": "integer", "minimum": 0},
                "return_reason": {"type": "string", "maxLength": 200},
            },
            "anyOf": [{"required": ["sku"]}, {"required": ["product_id"]}],
        }
        props = {
            **common,
            "number": {"type": "string", "maxLength": 64},
            "channel": {"type": "string", "enum": list(ORDER_CHANNELS)},
            "status": {"type": "string", "enum": list(ORDER_STATUSES)},
            "placed_at": _TIME,
            "currency": {"type": "string", "minLength": 3, "maxLength": 3},
            "shipping": {"type": "integer", "minimum": 0},
            "total": {"type": "integer", "minimum": 0},
            "lines": {"type": "array", "items": line, "minItems": 1},
        }
        required = ["source", "external_id", "customer", "placed_at", "lines"]
    else:
        props = {
            **common,
            "channel": {"type": "string", "enum": list(CHANNELS)},
            "direction": {"type": "string", "enum": list(DIRECTIONS)},
            "kind": {"type": "string", "minLength": 1, "maxLength": 64},
            "occurred_at": _TIME,
            "summary": {"type": "string", "maxLength": 2000},
            "disposition": {"type": "string", "maxLength": 64},
            "payload": _OBJECT,
        }
        required = ["source", "external_id", "customer", "channel", "kind", "occurred_at"]
    example = _ORDER_EXAMPLE if kind == "orders" else _INTERACTION_EXAMPLE
    return {"type": "object", "properties": props, "required": required, "examples": [example]}


_UUID = {"type": "string", "format": "uuid"}
_ID = {"type": "string", "minLength": 1, "maxLength": 64}
_TYPE = {"text": {"type": ["string", "null"]}, "int": {"type": ["integer", "null"]},
         "json": {"type": ["object", "array", "null"]}}  # fmt: skip


def _row(entity: Entity, required: tuple[str, ...], **fields: dict[str, Any]) -> dict[str, Any]:
    """A whole entity row as a mutation's args (the protocol's columns), some fields narrowed."""
    props = {c.name: _TYPE[c.type] for c in entity.columns}
    props.update(fields)
    return {"type": "object", "properties": props, "required": list(required)}


def _mutation_args() -> dict[str, dict[str, Any]]:
    """Each mutation's args (``rapport.protocol.MUTATIONS``)."""
    return {
        "interaction.log": _row(
            INTERACTION, ("id", "customer_id", "channel", "kind", "occurred_at"),
            id=_UUID, customer_id=_ID, channel={"type": "string", "enum": list(CHANNELS)},
            direction={"type": "string", "enum": list(DIRECTIONS)}, occurred_at=_TIME,
            summary={"type": ["string", "null"], "maxLength": 2000},
        ),
        "customer.create": {
            "type": "object",
            "properties": {
                "id": _UUID,
                "given_name": {"type": ["string", "null"], "maxLength": 200},
                "family_name": {"type": ["string", "null"], "maxLength": 200},
                "identities": {"type": "array", "items": {
                    "type": "object", "required": ["id", "kind", "value"],
                    "properties": {"id": _UUID, "kind": {"enum": ["email", "phone"]},
                                   "value": {"type": "string", "maxLength": 320}}}},
                "consent": _OBJECT,
            },
            "required": ["id"],
        },
        "customer.update": {
            "type": "object",
            "properties": {"customer_id": _ID, "changes": {"type": "array", "items": {
                "type": "object", "required": ["field", "new"],
                "properties": {"field": {"enum": list(EDITABLE_CUSTOMER_FIELDS)}, "base": {},
                               "new": {}}}}},
            "required": ["customer_id", "changes"],
        },
        "consent.set": {
            "type": "object",
            "properties": {"customer_id": _ID,
                           "channel": {"type": "string", "enum": list(CONSENT_CHANNELS)},
                           "status": {"type": "string", "enum": ["granted", "denied"]},
                           "source": {"type": "string", "maxLength": 64},
                           "effective_at": _TIME},
            "required": ["customer_id", "channel", "status"],
        },
        "basket.save": _row(
            BASKET, ("id", "customer_id", "fulfillment"),
            id=_UUID, customer_id=_ID,
            fulfillment={"type": "string", "enum": list(FULFILLMENTS)},
            lines={"type": "array", "maxItems": 50, "items": {
                "type": "object", "required": ["line_id", "variant_id", "quantity"],
                "properties": {"line_id": _ID, "variant_id": _ID,
                               "quantity": {"type": "integer", "minimum": 1, "maximum": 99},
                               "source_store_id": {"type": ["string", "null"]}}}},
        ),
        "basket.send": {
            "type": "object",
            "properties": {"basket_id": _UUID, "channel": {"enum": ["email", "sms"]}},
            "required": ["basket_id", "channel"],
        },
        "task.create": _row(
            TASK, ("id", "customer_id", "kind", "title", "due_at"),
            id=_UUID, customer_id=_ID, kind={"type": "string", "enum": list(TASK_KINDS)},
            title={"type": "string", "minLength": 1, "maxLength": 200}, due_at=_TIME,
            status={"type": "string", "enum": list(TASK_STATUSES)},
        ),
        "task.update": {
            "type": "object",
            "properties": {"task_id": _UUID,
                           "status": {"type": "string", "enum": list(TASK_STATUSES)},
                           "due_at": _TIME},
            "required": ["task_id", "status"],
        },
        "customer.view": {
            "type": "object",
            "properties": {"customer_id": _ID, "viewed_at": _TIME,
                           "source": {"type": "string", "maxLength": 32},
                           "query": {"type": ["string", "null"], "maxLength": 256}},
            "required": ["customer_id", "viewed_at"],
        },
    }  # fmt: skip


def _mutation_schema() -> dict[str, Any]:
    """A pushed mutation: one shape per name. The hub takes any ``args`` object at the HTTP
    level and rejects bad ones per mutation (the queue advances), so this is what it applies."""
    head = {
        "client_seq": {"type": "integer", "minimum": 1, "maximum": 2**62},
        "mutation_id": {"type": "string", "minLength": 1, "maxLength": 64},
    }
    return {
        "oneOf": [
            {
                "type": "object",
                "title": name,
                "properties": {**head, "name": {"const": name}, "args": args},
                "required": ["client_seq", "mutation_id", "name", "args"],
            }
            for name, args in _mutation_args().items()
        ]
    }


def _ref(model: type[BaseModel] | str) -> dict[str, str]:
    name = model if isinstance(model, str) else model.__name__
    return {"$ref": f"#/components/schemas/{name}"}


def _json_content(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": _json_content(_ref(Error))}


def _refusal(description: str) -> dict[str, Any]:
    return {"description": description, "content": _json_content(_ref(TrackingRefusal))}


def complete(doc: dict[str, Any]) -> dict[str, Any]:
    components = doc.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for model in _MODELS:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(schema.pop("$defs", {}))
        schemas[model.__name__] = schema
    if "MutationIn" in schemas:
        schemas["MutationIn"] = _mutation_schema()
    components.setdefault("securitySchemes", {})["WriteKey"] = {
        "type": "http",
        "scheme": "basic",
        "description": "A tracking source's write key as the username, empty password "
        "(Segment's convention); analytics.js may send it as writeKey in the body instead.",
    }
    for path, operations in doc.get("paths", {}).items():
        for method, op in operations.items():
            _complete_operation(path, method, op)
    return doc


def _complete_operation(path: str, method: str, op: dict[str, Any]) -> None:
    responses: dict[str, Any] = op.setdefault("responses", {})
    key = (method, path)
    model = _OK.get(key)
    if model is not None:
        ok = responses.setdefault("200", {"description": "Successful Response"})
        ok["content"] = _json_content(_ref(model))
    tags = set(op.get("tags") or [])
    if "tracking" in tags:
        op["security"] = [{"WriteKey": []}]
        kind = path.rsplit("/", 1)[-1]
        schema = (
            {
                "type": "object",
                "properties": {
                    "batch": {"type": "array", "items": _segment_message(None)},
                    "sentAt": _TIME,
                    "context": _OBJECT,
                    "writeKey": {"type": "string"},
                },
                "required": ["batch"],
            }
            if kind == "batch"
            else _segment_message(kind)
        )
        op["requestBody"]["content"]["application/json"]["schema"] = schema
        limit = MAX_BATCH_BYTES if kind == "batch" else MAX_MESSAGE_BYTES
        responses["400"] = (
            {
                "description": "no message of the batch could be kept: each one's reason",
                "content": _json_content(
                    {"anyOf": [_ref(BatchRefused), _ref(TrackingRefusal)]}
                ),  # a body that is not a batch at all gets a plain reason
            }
            if kind == "batch"
            else _refusal("the message is refused: the reason says why")
        )
        responses["401"] = _refusal("unknown or missing write key (final: do not retry)")
        responses["403"] = _refusal("a browser page's site (Origin) the key does not allow")
        responses["413"] = _refusal(f"payload larger than {limit // 1024} KB once inflated")
    elif op.get("security"):
        responses["401"] = _error("sign in first, or again: missing, expired or revoked token")
        if key not in _SIGNED_IN_ANYONE:
            responses["403"] = _error("this account's role may not do this")
    if path in ("/v1/orders", "/v1/interactions"):
        kind = path.rsplit("/", 1)[-1]
        op["requestBody"]["content"]["application/json"]["schema"] = _record_schema(kind)
    if "requestBody" in op:
        responses.setdefault("400", _error("the body is not valid JSON"))
        cap = limits.cap_for(path)
        responses.setdefault(
            "413",
            _error(f"the body is over {(cap.limit if cap else limits.DEFAULT_CAP) // 1024} KB"),
        )
    if any(p.get("in") in ("path", "query") for p in op.get("parameters", [])):
        # textcheck.RefuseNulInUrl answers before the route does.
        responses.setdefault("400", _error("the address contains a NUL character (%00)"))
    for status, description in _ERRORS.get(key, {}).items():
        responses.setdefault(str(status), _error(description))
    if "422" in responses:
        # FastAPI's own validation errors list the fields; a route's own 422 gives one reason.
        responses["422"]["content"] = _json_content(
            {"anyOf": [_ref("HTTPValidationError"), _ref(Error)]}
        )
    if path.startswith("/b/"):
        responses["404"] = {
            "description": "no such basket, or not sent",
            "content": {"text/html": {"schema": {"type": "string"}}},
        }
        responses.pop("422", None)  # the token is any text: a bad one is a plain 404
    else:
        responses["503"] = _error("the hub's database is busy: retry after Retry-After seconds")


def install(app: FastAPI) -> None:
    """Serve the completed document at /openapi.json (built once, on first request)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = complete(
                get_openapi(
                    title=app.title,
                    version=app.version,
                    description=app.description,
                    routes=app.routes,
                )
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
