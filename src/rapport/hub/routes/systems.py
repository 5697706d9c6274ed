"""Systems API: POS, e-commerce and contact-center systems post orders and interactions, each
named by the system (``source``) and its own id (``external_id``): posting again updates the same
row. A ``system`` service account (``rapport hub user add --role system``) posts them; admin
tokens still may. The caller's dependency checks the role."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from rapport.hub.ingest.records import BadRecord, text
from rapport.hub.routes.common import json_response
from rapport.hub.service import Hub
from rapport.hub.store.users import User

_ORDER_EXAMPLE = {
    "source": "pos-paris",
    "external_id": "T-2026-000812",
    "customer": {"email": "ana@example.org"},
    "channel": "store",
    "store_id": "st-paris-01",
    "status": "completed",
    "placed_at": "2026-11-28T15:04:00Z",
    "currency": "EUR",
    "lines": [{"sku": "HOOP-00001-BLA", "quantity": 1, "unit_price": 49999}],
}
_INTERACTION_EXAMPLE = {
    "source": "ccaas",
    "external_id": "call-8812",
    "customer": {"phone": "+33612345678"},
    "channel": "phone",
    "direction": "inbound",
    "kind": "call",
    "occurred_at": "2026-11-28T09:12:00Z",
    "summary": "Asked about delivery",
    "disposition": "information given",
}


def router(hub: Hub, current_user: Callable[..., User]) -> APIRouter:
    r = APIRouter()
    CurrentUser = Annotated[User, Depends(current_user)]

    async def post(_u: User, kind: str, body: Any) -> Response:
        if not isinstance(body, dict):
            raise HTTPException(400, "body must be a JSON object")
        try:
            source = text(body, "source", 64, required=True)
        except BadRecord as exc:
            raise HTTPException(400, str(exc)) from exc
        assert source is not None
        result = await run_in_threadpool(hub.systems.apply, kind, source, [body])
        if result.rejected:
            raise HTTPException(400, result.rejected[0])
        return json_response(result.results[0])

    @r.post(
        "/v1/orders",
        tags=["systems"],
        summary="Post an order from a POS or e-commerce system, idempotent by (source, external_id)",
    )
    async def post_order(
        u: CurrentUser, body: Annotated[dict[str, Any], Body(examples=[_ORDER_EXAMPLE])]
    ) -> Response:
        return await post(u, "orders", body)

    @r.post(
        "/v1/interactions",
        tags=["systems"],
        summary="Post an interaction (call, chat, email...), idempotent by (source, external_id)",
    )
    async def post_interaction(
        u: CurrentUser, body: Annotated[dict[str, Any], Body(examples=[_INTERACTION_EXAMPLE])]
    ) -> Response:
        return await post(u, "interactions", body)

    return r
