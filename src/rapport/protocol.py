"""Wire shapes shared by the hub and the client.

The change feed carries whole rows of the entities below. Both the hub's tables and the client cache's
tables are built from this one registry, so a column added here reaches the wire, the hub and the cache
together (the cache through a migration).

Conventions, chosen so SQLite and PostgreSQL behave alike and text sorts in time order:
- ids are text (UUIDs for customer data, readable codes for stores and catalog rows);
- timestamps are UTC ISO-8601 text with a ``Z`` suffix (``2026-11-23T18:11:30Z``);
- money is an integer in minor units (cents) with the ISO currency next to it;
- ``json`` columns hold lists or objects; on the wire they are nested JSON, in SQLite JSON text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

PROTOCOL_VERSION = 1

ColumnType = Literal["text", "int", "json"]


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: ColumnType = "text"
    indexed: bool = False


@dataclass(frozen=True, slots=True)
class Entity:
    """One replicated table. ``customer_column`` names the column tying a row to a customer, which is
    what scope filters, merges re-point and erasure deletes by."""

    name: str
    table: str
    columns: tuple[Column, ...]
    customer_column: str | None = None
    # Derived once: the sync hot paths read these for every row.
    column_names: tuple[str, ...] = field(init=False)
    json_columns: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "column_names", tuple(c.name for c in self.columns))
        object.__setattr__(
            self, "json_columns", tuple(c.name for c in self.columns if c.type == "json")
        )


def _cols(*specs: str) -> tuple[Column, ...]:
    """``"name"``, ``"name:int"``, ``"name:json"``; a trailing ``!`` asks for an index."""
    out = []
    for spec in specs:
        indexed = spec.endswith("!")
        spec = spec.rstrip("!")
        name, _, typ = spec.partition(":")
        out.append(Column(name, typ or "text", indexed))  # type: ignore[arg-type]
    return tuple(out)


STORE = Entity(
    "store",
    "store",
    _cols("id", "name", "city", "country", "timezone", "phone", "address"),
)
PRODUCT = Entity(
    "product",
    "product",
    _cols(
        "id",
        "sku!",
        "name",
        "department",
        "category!",
        "brand",
        "price:int",
        "currency",
        "description",
        "attributes:json",
        "related:json",
    ),
)
VARIANT = Entity(
    "variant",
    "variant",
    _cols("id", "product_id!", "sku!", "size", "color", "price:int"),
)
INVENTORY = Entity(
    "inventory",
    "inventory",
    _cols("id", "variant_id!", "store_id!", "quantity:int", "updated_at"),
)
CUSTOMER = Entity(
    "customer",
    "customer",
    _cols(
        "id",
        "given_name",
        "family_name",
        "tier",
        "home_store_id!",
        "lifetime_value:int",
        "currency",
        "birth_date",
        "preferences:json",
        "consent:json",
        "notes",
        "last_contact_at",
        "created_at",
        "updated_at",
        "version:int",
    ),
    customer_column="id",
)
# ``value`` is what was typed or received; ``normalized`` is the hub's canonical form (E.164 phones,
# lower-case emails, upper-case loyalty ids) that search and identity resolution compare.
IDENTITY = Entity(
    "identity",
    "identity",
    _cols(
        "id",
        "customer_id!",
        "kind",
        "value",
        "normalized!",
        "label",
        "is_primary:int",
        "created_at",
    ),
    customer_column="customer_id",
)
INTERACTION = Entity(
    "interaction",
    "interaction",
    _cols(
        "id",
        "customer_id!",
        "channel",
        "direction",
        "kind",
        "occurred_at",
        "user_id",
        "store_id",
        "summary",
        "disposition",
        "payload:json",
    ),
    customer_column="customer_id",
)
WEB_EVENT = Entity(
    "web_event",
    "web_event",
    _cols(
        "id",
        "customer_id!",
        "anonymous_id",
        "event",
        "product_id",
        "category",
        "query",
        "device",
        "session_id",
        "value:int",
        "currency",
        "occurred_at",
    ),
    customer_column="customer_id",
)
ORDER = Entity(
    "order",
    "orders",
    _cols(
        "id",
        "customer_id!",
        "number",
        "channel",
        "store_id",
        "status",
        "placed_at",
        "currency",
        "subtotal:int",
        "shipping:int",
        "total:int",
        "lines:json",
    ),
    customer_column="customer_id",
)
OFFER = Entity(
    "offer",
    "offer",
    _cols(
        "id",
        "customer_id!",
        "campaign",
        "channel",
        "code",
        "description",
        "sent_at",
        "expires_at",
        "redeemed_at",
    ),
    customer_column="customer_id",
)

# A basket an associate builds for a customer and sends them to pay. One owner; lines (json, like
# order lines) are edited by line id: {line_id, product_id, variant_id, sku, name, size, color,
# quantity, unit_price, source_store_id}.
BASKET = Entity(
    "basket",
    "basket",
    _cols(
        "id",
        "customer_id!",
        "owner_id",
        "store_id",
        "status",
        "fulfillment",
        "pickup_store_id",
        "currency",
        "subtotal:int",
        "shipping:int",
        "total:int",
        "lines:json",
        "sent_channel",
        "sent_at",
        "link",
        "created_at",
        "updated_at",
    ),
    customer_column="customer_id",
)
# Follow-ups and appointments.
TASK = Entity(
    "task",
    "task",
    _cols(
        "id",
        "customer_id!",
        "assignee_id!",
        "kind",
        "title",
        "due_at",
        "status",
        "store_id",
        "appointment_type",
        "duration_min:int",
        "created_by",
        "created_at",
        "updated_at",
    ),
    customer_column="customer_id",
)

# The hub's configuration that devices need offline, one row per key (``id``): ``wrapup_codes`` is
# a list of {"code", "label", "channels": [channel...] or absent for every channel}, in the order
# agents are offered them.
SETTING = Entity("setting", "hub_setting", _cols("id", "value:json", "updated_at"))
# Who can be given a task or an appointment: the hub's users by their display name (no login
# details), so an associate can book a colleague offline.
STAFF = Entity("staff", "staff", _cols("id", "display_name", "role", "store_id!", "active:int"))

DEFAULT_WRAPUP_CODES: tuple[dict[str, Any], ...] = (
    {"code": "resolved", "label": "Resolved"},
    {"code": "information given", "label": "Information given"},
    {"code": "sale", "label": "Sale"},
    {"code": "callback", "label": "Callback"},
    {"code": "escalated", "label": "Escalated"},
    {"code": "transferred", "label": "Transferred", "channels": ["phone", "chat"]},
    {"code": "no answer", "label": "No answer", "channels": ["phone"]},
    {"code": "voicemail", "label": "Voicemail", "channels": ["phone"]},
)

ENTITIES: dict[str, Entity] = {
    e.name: e
    for e in (
        STORE,
        PRODUCT,
        VARIANT,
        INVENTORY,
        CUSTOMER,
        IDENTITY,
        INTERACTION,
        WEB_EVENT,
        ORDER,
        OFFER,
        BASKET,
        TASK,
        SETTING,
        STAFF,
    )
}
# queued: the hub accepted a send and its outbox delivers it; failed: the provider refused it (the
# reason is on the timeline, a basket_send_failed interaction) and the basket can be sent again.
BASKET_STATUSES = ("draft", "queued", "sent", "failed", "converted", "abandoned")
FULFILLMENTS = ("take_now", "pickup", "ship")
TASK_KINDS = ("follow_up", "appointment")
TASK_STATUSES = ("open", "done", "cancelled")

# Channels of the timeline and of consent, in display order.
CHANNELS = ("phone", "email", "chat", "sms", "store", "web", "app", "social", "push")
CONSENT_CHANNELS = ("email", "sms", "phone", "push", "mail")
IDENTITY_KINDS = ("email", "phone", "loyalty", "user_id", "anonymous_id", "device")
TIERS = ("bronze", "silver", "gold", "platinum")
# ``system``: a service account for other systems (POS, e-commerce, contact center) posting orders
# and interactions; it reads no customer and cannot sign in to the desktop app.
ROLES = ("agent", "associate", "supervisor", "admin", "system")
DESK_ROLES = ("agent", "associate", "supervisor", "admin")

# Segment e-commerce spec event names kept as web events.
WEB_EVENTS = (
    "Page Viewed",
    "Product Viewed",
    "Products Searched",
    "Product Added",
    "Product Removed",
    "Cart Viewed",
    "Checkout Started",
    "Order Completed",
)

ChangeOp = Literal["upsert", "delete"]

# Pull page sizes: the hub clamps ``limit`` to this range.
MAX_PAGE = 10_000
DEFAULT_PAGE = 2_000
MAX_WAIT_SECONDS = 60


# --- Writes: the push protocol (sync v1) -------------------------------------------------------
#
# POST /v1/sync/push
#   request  {"device_id": str, "schema_version": int,
#             "mutations": [{"client_seq": int, "mutation_id": str, "name": str, "args": {...}}]}
#   response {"results": [{"client_seq", "mutation_id", "status": "applied" | "rejected",
#                          "result": {...} | null,
#                          "error": {"code", "message", "current": {...} | null} | null}],
#             "last_seq": int,              # the device's last applied client_seq
#             "expected_seq": int | null}   # set when a gap stopped processing: resend from here
#   A client_seq at or below last_seq answers its stored result (exactly-once effect). A rejected
#   mutation still advances last_seq, or one bad write would wedge the queue. 503 + Retry-After
#   when the hub cannot apply now (nothing of that batch after the last committed one applied).
#
# GET /v1/sync/changes?...&device=ID adds "acked_through": that device's last_seq.
# Change ops beyond upsert/delete, for entity "customer":
#   {"op": "redirect", "id": B, "data": {"into": A}}   B was merged into A: re-point B's rows
#   {"op": "purge",    "id": X, "data": null}          X was erased: delete every row about X
#
# POST /v1/sync/subscribe {"customer_id"} pins a customer outside the user's scope and answers
#   {"changes": [...]} with every row about them (their history predates the caller's cursor).

MUTATIONS = (
    # args: an interaction row (protocol columns); the hub sets user_id from the token.
    "interaction.log",
    # args: {"id" (made by the device), "given_name", "family_name", "identities": [{"id", "kind":
    # "email"|"phone" (E.164), "value"}], "consent": {channel: {status, source, effective_at}}}.
    # A caller already known by one of those emails or phones is merged into at once.
    # result: {"customer_id"} or {"customer_id", "merged_into", "matched": kind}
    "customer.create",
    # args: {"customer_id", "changes": [{"field", "base", "new"}]}: compare-and-set per field.
    # result: {"applied": [field...], "conflicts": [{"field", "current"}]}
    "customer.update",
    # args: {"customer_id", "channel", "status": "granted"|"denied", "source", "effective_at"}
    # The most restrictive recent value wins: an opt-out is never undone by an older opt-in.
    # result: {"consent": {...current value for that channel...}, "superseded": bool}
    "consent.set",
    # args: a basket row (protocol columns) written whole by its owner; totals are recomputed by
    # the hub from the lines and catalog prices.
    "basket.save",
    # args: {"basket_id", "channel": "email"|"sms"}: refused unless the customer consented on it.
    # result: {"link": url, "queued_at": ts}: the basket is "queued" and the hub's outbox sends
    # it after the push commits, then turns it "sent" (logging a basket_sent interaction) or
    # "failed" (a basket_send_failed interaction holding the reason).
    "basket.send",
    # args: a task row (protocol columns).
    "task.create",
    # args: {"task_id", "status"} (open | done | cancelled), optionally "due_at".
    "task.update",
    # args: {"customer_id", "viewed_at", "source", "query"?}: the audit trail of who opened whom.
    "customer.view",
)
# Writes the user never sees as pending (the status bar and the outbox panel leave them out) and
# that are dropped when the hub refuses them: there is nothing for the user to decide.
SILENT_MUTATIONS = ("customer.view",)
EDITABLE_CUSTOMER_FIELDS = ("given_name", "family_name", "birth_date", "notes", "preferences")
REJECTION_CODES = (
    "invalid",  # args fail validation; message says which field
    "unknown_customer",  # no such customer (never existed)
    "erased",  # the customer was erased: never re-created
    "forbidden",  # the user's role may not do this
    "unknown_mutation",  # a name this hub does not know (newer client)
)
