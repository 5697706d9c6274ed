"""Routes of the write side of sync: push, subscribe/unsubscribe (pinning)."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path
from fastapi.responses import Response
from pydantic import BaseModel, Field

from rapport.hub.push import MAX_BATCH, DeviceOfAnotherUser, Mutation
from rapport.hub.routes.common import json_response
from rapport.hub.service import Hub
from rapport.hub.store.customers import UnknownCustomer
from rapport.hub.store.users import User
from rapport.hub.textcheck import NO_NUL


class MutationIn(BaseModel):
    client_seq: int = Field(ge=1, le=2**62, strict=True)
    mutation_id: str = Field(min_length=1, max_length=64, pattern=NO_NUL)
    name: str = Field(min_length=1, max_length=64, pattern=NO_NUL)
    args: dict[str, Any]


class PushRequest(BaseModel):
    device_id: str = Field(min_length=1, max_length=64, pattern=NO_NUL)
    schema_version: int = Field(ge=0, strict=True)
    mutations: list[MutationIn]


class SubscribeRequest(BaseModel):
    customer_id: str = Field(min_length=1, max_length=64, pattern=NO_NUL)


def router(hub: Hub, current_user: Callable[..., User]) -> APIRouter:
    r = APIRouter()
    CurrentUser = Annotated[User, Depends(current_user)]

    @r.post(
        "/v1/sync/push",
        tags=["sync"],
        summary="Apply a device's numbered mutations, exactly once and in order",
        responses={
            403: {"description": "the device belongs to another user"},
            413: {"description": f"more than {MAX_BATCH} mutations in one push"},
            503: {"description": "the hub cannot apply now; retry after Retry-After seconds"},
        },
    )
    def sync_push(u: CurrentUser, body: PushRequest) -> Response:
        if len(body.mutations) > MAX_BATCH:
            raise HTTPException(
                413, f"at most {MAX_BATCH} mutations per push; send the rest in another push"
            )
        batch = [Mutation(m.client_seq, m.mutation_id, m.name, m.args) for m in body.mutations]
        try:
            return json_response(hub.push(u, body.device_id, batch))
        except DeviceOfAnotherUser as exc:
            raise HTTPException(403, "this device id belongs to another user") from exc

    @r.post(
        "/v1/sync/subscribe",
        tags=["sync"],
        summary="Pin a customer outside your scope: answers their history as changes",
    )
    def sync_subscribe(u: CurrentUser, body: SubscribeRequest) -> Response:
        try:
            return json_response({"changes": hub.subscribe(u, body.customer_id)})
        except UnknownCustomer as exc:
            raise HTTPException(404, "no such customer") from exc

    @r.delete(
        "/v1/sync/subscribe/{customer_id}",
        tags=["sync"],
        summary="Unpin a customer",
        status_code=204,
    )
    def sync_unsubscribe(
        u: CurrentUser, customer_id: Annotated[str, Path(min_length=1, max_length=64)]
    ) -> Response:
        hub.unsubscribe(u, customer_id)
        return Response(status_code=204)

    return r
