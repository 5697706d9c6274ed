"""Applying a device's pushed mutations exactly once, in order, each in its own transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine

from rapport.hub.mutations import Context, apply_mutation
from rapport.hub.store import devices
from rapport.hub.store.users import User, now_iso

MAX_BATCH = 1000


@dataclass(frozen=True, slots=True)
class Mutation:
    client_seq: int
    mutation_id: str
    name: str
    args: dict[str, Any]


class DeviceOfAnotherUser(Exception):
    """A device id belongs to the user who first pushed it."""


def _answer(m: Mutation, status: str, result: Any, error: Any) -> dict[str, Any]:
    return {
        "client_seq": m.client_seq,
        "mutation_id": m.mutation_id,
        "status": status,
        "result": result,
        "error": error,
    }


def _replay(
    stored: devices.StoredResult | None, same_id: devices.StoredResult | None, m: Mutation
) -> dict[str, Any]:
    """The answer to a mutation this device's counter is already past. ``stored``: what its
    number was answered; ``same_id``: what its mutation id was answered, under any number."""
    if same_id is not None:
        return _answer(m, same_id.status, same_id.result, same_id.error)
    if stored is None:
        # Applied long ago and its answer no longer kept: applied is all the hub knows.
        return _answer(m, "applied", None, None)
    if stored.mutation_id != m.mutation_id:
        # The device numbered two different writes alike (a cache rebuilt under the same id):
        # this one was never applied, and claiming otherwise would lose it.
        return _answer(
            m,
            "rejected",
            None,
            {
                "code": "invalid",
                "message": f"write #{m.client_seq} of this device was another write; redo it",
                "current": None,
            },
        )
    return _answer(m, stored.status, stored.result, stored.error)


def push(
    engine: Engine,
    user: User,
    device_id: str,
    mutations: Sequence[Mutation],
    on_commit: Callable[[], None],
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> dict[str, Any]:
    with engine.begin() as conn:
        owner = devices.ensure_device(conn, device_id, user.id, now_iso(clock()))
    if owner != user.id:
        raise DeviceOfAnotherUser(device_id)
    results: list[dict[str, Any]] = []
    expected: int | None = None
    last = None
    applied_any = False
    try:
        for m in mutations:
            now = clock()
            with engine.begin() as conn:
                # First statement: the device row lock, so concurrent pushes of this device
                # take turns and each sees the other's committed counter.
                last = devices.lock_device(conn, device_id, now_iso(now))
                # A write the device sent before under another number (it renumbers pending
                # writes after a gap or a repair, and a late request may still carry the old
                # numbers) is known by its id: never applied twice.
                if m.client_seq <= last:
                    stored = devices.stored_result(conn, device_id, m.client_seq)
                    same = stored is not None and stored.mutation_id == m.mutation_id
                    done = stored if same else devices.result_of(conn, device_id, m.mutation_id)
                    answer = _replay(stored, done, m)
                elif m.client_seq > last + 1:
                    expected = last + 1
                    break
                elif (done := devices.result_of(conn, device_id, m.mutation_id)) is not None:
                    # Its number is used up by this copy of the answer: a later write sent
                    # under it is told it was another write, and renumbered.
                    devices.record_result(
                        conn,
                        device_id,
                        m.client_seq,
                        m.mutation_id,
                        done.name or m.name,
                        done.status,
                        done.result,
                        done.error,
                        done.customer_id,
                        now_iso(now),
                    )
                    answer = _answer(m, done.status, done.result, done.error)
                    last = m.client_seq
                else:
                    out = apply_mutation(
                        conn, Context(user, now, device_id, m.mutation_id), m.name, m.args
                    )
                    devices.record_result(
                        conn,
                        device_id,
                        m.client_seq,
                        m.mutation_id,
                        m.name,
                        out.status,
                        out.result,
                        out.error,
                        out.customer_id,
                        now_iso(now),
                    )
                    answer = _answer(m, out.status, out.result, out.error)
                    last = m.client_seq
                    applied_any = applied_any or out.status == "applied"
            results.append(answer)  # only once committed
    finally:
        if applied_any:
            on_commit()
    if last is None:
        with engine.connect() as conn:
            last = devices.last_seq(conn, device_id, user.id) or 0
    return {"results": results, "last_seq": last, "expected_seq": expected}
