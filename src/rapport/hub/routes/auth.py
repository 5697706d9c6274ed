"""Signing in and out, who am I, and the desktop release the hub announces."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel, Field

from rapport.hub.routes.common import Callers
from rapport.hub.service import Hub
from rapport.hub.store.users import User
from rapport.hub.textcheck import NO_NUL


class LoginRequest(BaseModel):
    username: str = Field(min_length=1, max_length=128, pattern=NO_NUL)
    password: str = Field(min_length=1, max_length=1024, pattern=NO_NUL)


class UserOut(BaseModel):
    id: str
    username: str
    display_name: str
    role: str
    store_id: str | None


class LoginResponse(BaseModel):
    token: str
    expires_at: str
    user: UserOut


def _user_out(u: User) -> UserOut:
    return UserOut(
        id=u.id, username=u.username, display_name=u.display_name, role=u.role, store_id=u.store_id
    )


def router(hub: Hub, who: Callers) -> APIRouter:
    r = APIRouter()
    AnyUser = Annotated[User, Depends(who.signed_in)]
    CurrentUser = Annotated[User, Depends(who.desk_user)]
    Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(who.bearer)]

    @r.post(
        "/v1/auth/login",
        response_model=LoginResponse,
        tags=["auth"],
        responses={429: {"description": "Too many wrong passwords: retry after Retry-After s"}},
    )
    def login(body: LoginRequest, request: Request) -> LoginResponse:
        address = request.client.host if request.client else None
        throttle = hub.login_throttle
        wait = throttle.retry_after(body.username, address)
        if wait:
            later = f"{wait} s" if wait < 120 else f"{round(wait / 60)} min"
            raise HTTPException(
                429,
                f"too many wrong passwords from this address: try again in {later}",
                headers={"Retry-After": str(wait)},
            )
        result = hub.login(body.username, body.password)
        if result is None:
            throttle.failed(body.username, address)
            raise HTTPException(401, "wrong username or password")
        throttle.succeeded(body.username, address)
        u, raw, expires = result
        return LoginResponse(token=raw, expires_at=expires, user=_user_out(u))

    @r.post("/v1/auth/logout", status_code=204, tags=["auth"], summary="End this token's session")
    def logout(_u: AnyUser, creds: Credentials) -> Response:
        if creds is not None:
            hub.logout(creds.credentials)
        return Response(status_code=204)

    @r.get("/v1/me", response_model=UserOut, tags=["auth"])
    def me(u: AnyUser) -> UserOut:
        return _user_out(u)

    @r.get(
        "/v1/client/release",
        tags=["client"],
        summary="The desktop release agents should run: {version, download_url}, or nulls",
    )
    def client_release(_u: CurrentUser) -> dict[str, str | None]:
        release = hub.client_release()
        return release or {"version": None, "download_url": None}

    return r
