"""The merge review queue (supervisor, admin): merges identity resolution proposed instead of doing
(see :mod:`rapport.hub.ingest.identity`); approving one runs the merge."""

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response

from rapport.hub.ingest.review import ReviewError
from rapport.hub.routes.common import json_response
from rapport.hub.service import Hub
from rapport.hub.store.users import User

ReviewId = Annotated[str, Path(min_length=1, max_length=64)]


def router(hub: Hub, current_user: Callable[..., User]) -> APIRouter:
    r = APIRouter()
    CurrentUser = Annotated[User, Depends(current_user)]
    reviews = hub.tracking.reviews

    def reviewer(u: User) -> None:
        if u.role not in ("admin", "supervisor"):
            raise HTTPException(403, "only admin or supervisor users may do this")

    @r.get(
        "/v1/admin/merge-reviews",
        tags=["admin"],
        summary="Merges identity resolution proposed instead of doing, oldest first (supervisor)",
    )
    def list_merge_reviews(
        u: CurrentUser,
        status: Annotated[
            str, Query(pattern="^(pending|approved|rejected|obsolete|all)$")
        ] = "pending",
        limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    ) -> Response:
        reviewer(u)
        return json_response({"reviews": reviews.list(None if status == "all" else status, limit)})

    @r.post(
        "/v1/admin/merge-reviews/{review_id}/approve",
        tags=["admin"],
        summary="Approve a proposed merge: it runs now, audited (supervisor, admin)",
    )
    def approve_merge_review(u: CurrentUser, review_id: ReviewId) -> Response:
        reviewer(u)
        try:
            report = reviews.approve(review_id, by=u.id)
        except ReviewError as exc:
            raise HTTPException(exc.status, str(exc)) from exc
        return json_response({"merged": report.merged, "into": report.into, "moved": report.moved})

    @r.post(
        "/v1/admin/merge-reviews/{review_id}/reject",
        tags=["admin"],
        summary="Reject a proposed merge: two people; the pair is not proposed again",
    )
    def reject_merge_review(u: CurrentUser, review_id: ReviewId) -> Response:
        reviewer(u)
        try:
            return json_response(reviews.reject(review_id, by=u.id))
        except ReviewError as exc:
            raise HTTPException(exc.status, str(exc)) from exc

    return r
