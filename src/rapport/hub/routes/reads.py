"""Routes of the read side: the change feed (``/v1/sync/changes``, a long poll) and the search
of every customer, beyond the caller's replication scope."""

import asyncio
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from rapport.hub.fanout import SharedReads
from rapport.hub.routes.common import json_response
from rapport.hub.service import CursorError, Hub
from rapport.hub.store.changes import ChangePage, Scope
from rapport.hub.store.users import User
from rapport.protocol import DEFAULT_PAGE, MAX_PAGE, MAX_WAIT_SECONDS, PROTOCOL_VERSION


def router(hub: Hub, current_user: Callable[..., User]) -> APIRouter:
    r = APIRouter()
    CurrentUser = Annotated[User, Depends(current_user)]
    shared_reads = SharedReads(hub.engine)

    @r.get(
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
        return json_response(
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

    @r.get(
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
        return json_response({"results": hub.search(q, limit, Scope(), by=u)})

    return r
