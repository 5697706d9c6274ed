"""The hub's FastAPI app, assembled: middleware, the route groups of :mod:`rapport.hub.routes`,
error handlers, and the lifespan that starts and stops the hub's threads. Routes are thin: parse,
authorize, call :class:`rapport.hub.service.Hub`."""

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

from rapport import __version__
from rapport.hub import errors, limits, openapi
from rapport.hub.pglisten import start_listener
from rapport.hub.routes import (
    admin,
    auth,
    basket_link,
    ingest,
    merge_review,
    reads,
    systems,
    writes,
)
from rapport.hub.routes.common import callers
from rapport.hub.routes.cors import TrackingCors
from rapport.hub.service import Hub
from rapport.hub.textcheck import RefuseNulInUrl


def create_app(hub: Hub) -> FastAPI:
    app = FastAPI(
        title="Rapport hub",
        version=__version__,
        lifespan=_lifespan(hub),
        description="Customer data hub for the Rapport desktop app (sync protocol v1).",
    )
    app.state.hub = hub
    openapi.install(app)
    # Each added middleware wraps the ones before: CORS outermost, the NUL check innermost.
    app.add_middleware(RefuseNulInUrl)
    app.add_middleware(limits.BodyLimits, authenticate=hub.user_for_token)
    app.add_middleware(basket_link.LearnPublicUrl, hub=hub)
    app.add_middleware(TrackingCors, origin_allowed=hub.tracking.any_key_allows)
    app.add_exception_handler(ingest.TrackingError, ingest.tracking_error)
    who = callers(hub)
    # In this order: a path two groups could both match goes to the first.
    app.include_router(auth.router(hub, who))
    app.include_router(reads.router(hub, who.desk_user))
    app.include_router(writes.router(hub, who.desk_user))
    app.include_router(admin.router(hub, who.desk_user))
    app.include_router(basket_link.router(hub))
    app.include_router(ingest.router(hub, who.desk_user))
    app.include_router(merge_review.router(hub, who.desk_user))
    app.include_router(systems.router(hub, who.system_user))
    errors.install(app)
    return app


def _lifespan(hub: Hub) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
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

    return lifespan
