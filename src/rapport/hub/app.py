"""HTTP routes of the hub. Thin: parse, authorize, call :class:`rapport.hub.service.Hub`."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

import orjson
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from rapport import __version__
from rapport.hub import errors, limits, openapi
from rapport.hub.fanout import SharedReads
from rapport.hub.pglisten import start_listener
from rapport.hub.routes import admin, basket_link, ingest, merge_review, systems, writes
from rapport.hub.service import CursorError, Hub
from rapport.hub.store.changes import ChangePage, Scope
from rapport.hub.store.users import User
from rapport.hub.textcheck import NO_NUL, RefuseNulInUrl
from rapport.protocol import (
    DEFAULT_PAGE,
    DESK_ROLES,
    MAX_PAGE,
    MAX_WAIT_SECONDS,
    PROTOCOL_VERSION,
)


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


def _json(payload: Any) -> Response:
    # orjson: the change feed is the hub's hot path; pydantic serialization would dominate it.
    return Response(orjson.dumps(payload), media_type="application/json")


def create_app(hub: Hub) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        hub.notifier.bind(asyncio.get_running_loop())
        # PostgreSQL: other hub processes' commits wake this one's long polls too.
        # Off the loop: it waits (briefly) for its LISTEN to be in place.
        listener = await asyncio.to_thread(start_listener, hub.engine, hub.notifier.notify)
        hub.listener = listener
        hub.dispatcher.start()
        try:
            yield
        finally:
            await run_in_threadpool(hub.dispatcher.stop)
            if listener is not None:
                hub.listener = None
                await asyncio.to_thread(listener.stop)

    app = FastAPI(
        title="Rapport hub",
        version=__version__,
        lifespan=lifespan,
        description="Customer data hub for the Rapport desktop app (sync protocol v1).",
    )
    app.state.hub = hub
    shared_reads = SharedReads(hub.engine)
    openapi.install(app)
    app.add_middleware(RefuseNulInUrl)
    app.add_middleware(limits.BodyLimits, authenticate=hub.user_for_token)
    bearer = HTTPBearer(auto_error=False)

    def signed_in(
        request: Request,
        creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> User:
        if creds is None or creds.scheme.lower() != "bearer":
            raise HTTPException(401, limits.MISSING_TOKEN, headers={"WWW-Authenticate": "Bearer"})
        # Checked already, before the body was read, on routes that take one.
        u = request.scope.get(limits.USER_KEY) or hub.user_for_token(creds.credentials)
        if u is None:
            raise HTTPException(401, limits.BAD_TOKEN, headers={"WWW-Authenticate": "Bearer"})
        return u

    def desk_user(u: Annotated[User, Depends(signed_in)]) -> User:
        # Service accounts post what other systems know; they read no customer and push nothing.
        if u.role not in DESK_ROLES:
            raise HTTPException(403, "service accounts may only post orders and interactions")
        return u

    def system_user(u: Annotated[User, Depends(signed_in)]) -> User:
        if u.role not in ("system", "admin"):
            raise HTTPException(403, "only system (or admin) accounts may post records")
        return u

    current_user = desk_user
    AnyUser = Annotated[User, Depends(signed_in)]
    CurrentUser = Annotated[User, Depends(current_user)]

    @app.post(
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

    @app.post("/v1/auth/logout", status_code=204, tags=["auth"], summary="End this token's session")
    def logout(
        _u: AnyUser, creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
    ) -> Response:
        if creds is not None:
            hub.logout(creds.credentials)
        return Response(status_code=204)

    @app.get("/v1/me", response_model=UserOut, tags=["auth"])
    def me(u: AnyUser) -> UserOut:
        return _user_out(u)

    @app.get(
        "/v1/client/release",
        tags=["client"],
        summary="The desktop release agents should run: {version, download_url}, or nulls",
    )
    def client_release(_u: CurrentUser) -> dict[str, str | None]:
        release = hub.client_release()
        return release or {"version": None, "download_url": None}

    @app.get(
        "/v1/sync/changes",
        tags=["sync"],
        summary="Changes after a cursor, optionally waiting for the next one (long poll)",
    )
    async def sync_changes(
        u: CurrentUser,
        cursor: Annotated[str | None, Query(max_length=64)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
        wait: Annotated[float, Query(ge=0, le=MAX_WAIT_SECONDS)] = 0,
        device: Annotated[str | None, Query(min_length=1, max_length=64)] = None,
    ) -> Response:
        try:
            after, reset = hub.decode_cursor(cursor)
        except CursorError as exc:
            raise HTTPException(400, str(exc)) from exc
        scope = hub.scope_for(u)

        def read(after: int) -> tuple[ChangePage, int | None]:
            # The device's counter before the page: every write it acknowledges committed
            # before the page was read, so the page (or a later one) carries its effect.
            acked = hub.acked_through(u, device) if device else None
            return hub.changes(after, limit, scope), acked

        generation = hub.notifier.generation
        page, acked = await run_in_threadpool(read, after)
        deadline = asyncio.get_running_loop().time() + wait
        # A change outside the caller's scope wakes us too; loop until one in scope or time out.
        while not page.changes and not page.more and wait > 0 and not hub.notifier.closing:
            if hub.notifier.generation == generation:
                remaining = deadline - asyncio.get_running_loop().time()
                if remaining <= 0 or not await hub.notifier.wait(remaining):
                    break
            generation = hub.notifier.generation
            # Woken with every other waiting pull: one read serves them all.
            page, acked = await shared_reads.read(
                generation, page.last_seq, limit, scope, u.id, device
            )
        return _json(
            {
                "changes": page.changes,
                "cursor": hub.encode_cursor(page.last_seq),
                "more": page.more,
                "remaining": max(0, page.head - page.last_seq) if page.more else 0,
                "acked_through": acked,
                "reset": reset,
                "protocol": PROTOCOL_VERSION,
            }
        )

    @app.get(
        "/v1/customers/search",
        tags=["customers"],
        summary="Find customers by name, email, phone (any format) or loyalty id",
    )
    def customers_search(
        u: CurrentUser,
        q: Annotated[str, Query(min_length=1, max_length=256)],
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
    ) -> Response:
        # Every customer, whatever the caller's replication scope: this is how an associate finds
        # someone outside their store, then pins them (POST /v1/sync/subscribe).
        return _json({"results": hub.search(q, limit, Scope(), by=u)})

    writes.register(app, hub, current_user, _json)
    admin.register(app, hub, current_user, _json)
    basket_link.register(app, hub)
    ingest.register(app, hub, current_user, _json)
    merge_review.register(app, hub, current_user, _json)
    systems.register(app, hub, system_user, _json)

    errors.install(app)
    return app
