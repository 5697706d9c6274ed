"""Administrative routes: merging, erasing and exporting customers, the audit trail, replicated
settings."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from rapport.hub.hub_settings import SettingError
from rapport.hub.routes.common import json_response
from rapport.hub.service import Hub
from rapport.hub.store.customers import UnknownCustomer
from rapport.hub.store.merge import MergeError
from rapport.hub.store.subjects import ERASURE_REASONS
from rapport.hub.store.users import User
from rapport.hub.textcheck import NO_NUL

CustomerId = Annotated[str, Path(min_length=1, max_length=64)]


class MergeRequest(BaseModel):
    into: str = Field(min_length=1, max_length=64, pattern=NO_NUL)
    reason: str = Field(min_length=1, max_length=1000, pattern=NO_NUL)


class SettingRequest(BaseModel):
    value: Any


class EraseRequest(BaseModel):
    reason: str = Field(
        min_length=1,
        max_length=1000,
        pattern=NO_NUL,
        description="One of " + ", ".join(ERASURE_REASONS) + ". Only that kind is kept: "
        "any other text is taken as other and not stored (it may name the person).",
    )


def _require(u: User, roles: tuple[str, ...]) -> None:
    if u.role not in roles:
        raise HTTPException(403, f"only {' or '.join(roles)} users may do this")


def router(hub: Hub, current_user: Callable[..., User]) -> APIRouter:
    r = APIRouter()
    CurrentUser = Annotated[User, Depends(current_user)]

    @r.post(
        "/v1/admin/customers/{customer_id}/merge",
        tags=["admin"],
        summary="Merge this customer into another (admin, supervisor)",
    )
    def merge_customer(u: CurrentUser, customer_id: CustomerId, body: MergeRequest) -> Response:
        _require(u, ("admin", "supervisor"))
        try:
            report = hub.merge(customer_id, body.into, body.reason, by=u.id)
        except MergeError as exc:
            raise HTTPException(exc.status, str(exc)) from exc
        return json_response({"merged": report.merged, "into": report.into, "moved": report.moved})

    @r.post(
        "/v1/admin/customers/{customer_id}/erase",
        tags=["admin"],
        summary="Erase a customer and every row about them (admin)",
    )
    def erase_customer(u: CurrentUser, customer_id: CustomerId, body: EraseRequest) -> Response:
        _require(u, ("admin",))
        try:
            report = hub.erase(customer_id, body.reason, by=u.id)
        except UnknownCustomer as exc:
            raise HTTPException(404, "no such customer") from exc
        return json_response(
            {
                "erased": not report.already,
                "ids": report.ids,
                "rows": report.rows,
                "reason": report.reason,
            }
        )

    @r.put(
        "/v1/admin/settings/{key}",
        tags=["admin"],
        summary="Change a setting every device receives, such as wrapup_codes (admin, supervisor)",
    )
    def put_setting(
        u: CurrentUser, key: Annotated[str, Path(min_length=1, max_length=64)], body: SettingRequest
    ) -> Response:
        _require(u, ("admin", "supervisor"))
        try:
            row = hub.put_setting(key, body.value)
        except SettingError as exc:
            raise HTTPException(422, str(exc)) from exc
        return json_response(row)

    @r.get(
        "/v1/admin/audit",
        tags=["admin"],
        summary="Who viewed, searched, exported, merged or erased whom, newest first (supervisor)",
    )
    def audit_trail(
        u: CurrentUser,
        customer_id: Annotated[str | None, Query(max_length=64)] = None,
        user_id: Annotated[str | None, Query(max_length=64)] = None,
        action: Annotated[str | None, Query(pattern="^(view|search|export|merge|erase)$")] = None,
        since: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    ) -> Response:
        _require(u, ("admin", "supervisor"))
        rows = hub.audit(
            customer_id=customer_id, user_id=user_id, action=action, since=since, limit=limit
        )
        return json_response({"events": rows})

    @r.get(
        "/v1/customers/{customer_id}/export",
        tags=["admin"],
        summary="Everything held about a person, for an access request (supervisor, admin)",
    )
    def export_customer(u: CurrentUser, customer_id: CustomerId) -> Response:
        _require(u, ("admin", "supervisor"))
        try:
            body = hub.export_customer(customer_id, by=u)
        except UnknownCustomer as exc:
            raise HTTPException(404, "no such customer") from exc
        return json_response(body)

    return r
