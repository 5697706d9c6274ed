"""Mutations a device may push, by name (see ``rapport.protocol.MUTATIONS``)."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

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

_log = logging.getLogger("rapport.hub.push")

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
    except (OperationalError, PoolTimeout):
        raise  # the database is busy or gone: the push answers 503 and the device retries
    except Exception as exc:
        # Anything else would fail again on every retry: a 500 would have the device send this
        # write for ever and nothing after it. It is set aside instead, with an id for the log.
        savepoint.rollback()
        error_id = secrets.token_hex(6)
        _log.error("error %s: %s failed with %s", error_id, name, type(exc).__name__)
        return Rejected(
            "failed", f"the hub could not apply this write (error id {error_id}); tell IT"
        ).outcome()
    except BaseException:
        savepoint.rollback()
        raise
    savepoint.commit()
    return outcome
