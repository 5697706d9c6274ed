"""Mutations a device may push, by name (see ``rapport.protocol.MUTATIONS``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection

from rapport.hub.mutations.base import ERASED_MESSAGE, Context, Outcome, Rejected
from rapport.hub.mutations.basket import save_basket, send_basket
from rapport.hub.mutations.consent import set_consent
from rapport.hub.mutations.customer_create import create_customer
from rapport.hub.mutations.interaction import log_interaction
from rapport.hub.mutations.profile import update_customer
from rapport.hub.mutations.task import create_task, update_task
from rapport.hub.mutations.view import view_customer
from rapport.hub.store.subjects import ErasedSubjectError
from rapport.hub.textcheck import refusal

Handler = Callable[[Connection, Context, dict[str, Any]], Outcome]

HANDLERS: dict[str, Handler] = {
    "interaction.log": log_interaction,
    "customer.create": create_customer,
    "customer.update": update_customer,
    "consent.set": set_consent,
    "basket.save": save_basket,
    "basket.send": send_basket,
    "task.create": create_task,
    "task.update": update_task,
    "customer.view": view_customer,
}

__all__ = ["HANDLERS", "Context", "Outcome", "Rejected", "apply_mutation"]


def apply_mutation(conn: Connection, ctx: Context, name: str, args: dict[str, Any]) -> Outcome:
    """Apply one mutation in the caller's transaction. A refusal undoes whatever the handler wrote
    (a savepoint) and comes back as a rejected outcome; anything else propagates."""
    handler = HANDLERS.get(name)
    if handler is None:
        return Rejected(
            "unknown_mutation", f"this hub does not know the write {name!r}; update the hub"
        ).outcome()
    if (why := refusal(args, "args")) is not None:
        return Rejected("invalid", why).outcome()
    savepoint = conn.begin_nested()
    try:
        outcome = handler(conn, ctx, args)
    except Rejected as exc:
        savepoint.rollback()
        return exc.outcome()
    except ErasedSubjectError:
        savepoint.rollback()
        return Rejected("erased", ERASED_MESSAGE).outcome()
    except BaseException:
        savepoint.rollback()
        raise
    savepoint.commit()
    return outcome
