"""What the route modules share: the JSON answer, and the dependencies that say who is calling."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

import orjson
from fastapi import Depends, HTTPException, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from rapport.hub import limits
from rapport.hub.service import Hub
from rapport.hub.store.users import User
from rapport.protocol import DESK_ROLES


def json_response(payload: Any) -> Response:
    # orjson: the change feed is the hub's hot path; pydantic serialization would dominate it.
    return Response(orjson.dumps(payload), media_type="application/json")


@dataclass(frozen=True, slots=True)
class Callers:
    """FastAPI dependencies of one hub's routes: ``signed_in`` is any valid token's user;
    ``desk_user`` a person at a desk (service accounts are refused); ``system_user`` a system (or
    admin) account that posts other systems' records. ``bearer`` reads the token."""

    bearer: HTTPBearer
    signed_in: Callable[..., User]
    desk_user: Callable[..., User]
    system_user: Callable[..., User]


def callers(hub: Hub) -> Callers:
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

    return Callers(bearer, signed_in, desk_user, system_user)
