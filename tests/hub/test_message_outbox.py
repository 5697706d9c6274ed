"""The message outbox of basket sends, over a real SMTP server on 127.0.0.1 (tests/smtp_sink.py):
nothing is sent before the push commits, a hub restarted with an unsent message sends it once, one
in flight when the hub stopped is never sent twice, provider failures are retried with backoff, and
every outcome reaches the desks through the change log."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from rapport.hub.mutations import Context, apply_mutation
from rapport.hub.notify import FileNotifier, Outbound
from rapport.hub.outbox import MessageDispatcher
from rapport.hub.push import Mutation
from rapport.hub.server import HubServer
from rapport.hub.service import Hub
from rapport.hub.store.schema import message_outbox
from tests.smtp_sink import SmtpSink, smtp_sink

from .conftest import login, mutation, pull_all, push
from .test_basket import BASKET_ID, _basket, _status, stock, wait_until

OTHER_BASKET = str(uuid.UUID(int=0xB2))


@pytest.fixture
def smtp() -> Iterator[SmtpSink]:
    with smtp_sink() as sink:
        yield sink


def _outbox(hub: Hub) -> list[dict]:
    with hub.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(message_outbox.select())]


def _push_send(hub: Hub, basket_id: str, seq: int) -> dict:
    """Save then send a basket as the agent's device would, straight into the Hub (no server, so
    no dispatcher: what a hub that stops right after the push commit leaves behind)."""
    u = hub.login("agent", "s3cret-pass")
    assert u is not None
    out = hub.push(u[0], "desk-1", [
        Mutation(seq, f"m-{seq}", "basket.save", _basket(id=basket_id)),
        Mutation(seq + 1, f"m-{seq + 1}", "basket.send", {"basket_id": basket_id,
                                                          "channel": "email"}),
    ])  # fmt: skip
    assert [r["status"] for r in out["results"]] == ["applied", "applied"], out
    return out["results"][1]


def test_nothing_is_sent_before_the_push_commits_then_it_is_sent_once(
    hub: Hub, smtp: SmtpSink, tmp_path: Path
) -> None:
    stock(hub, smtp, tmp_path)
    sent = _push_send(hub, BASKET_ID, 1)
    assert sent["result"]["link"] and sent["result"]["queued_at"]
    # Committed, not sent: the push transaction only wrote the outbox row.
    assert smtp.messages == [] and _status(hub) == "queued"
    [row] = _outbox(hub)
    assert (row["key"], row["state"], row["attempts"]) == ("m-2", "pending", 0)
    # A send whose transaction rolls back leaves nothing to send.
    u = hub.login("agent", "s3cret-pass")
    assert u is not None
    with hub.engine.connect() as conn:
        trans = conn.begin()
        ctx = Context(u[0], datetime.now(UTC), "desk-1", "m-rolled-back")
        out = apply_mutation(conn, ctx, "basket.send", {"basket_id": BASKET_ID, "channel": "email"})
        assert out.status == "rejected"  # queued already: one send at a time
        apply_mutation(conn, ctx, "basket.save", _basket(id=OTHER_BASKET))
        ctx = Context(u[0], datetime.now(UTC), "desk-1", "m-rolled-back-2")
        out = apply_mutation(conn, ctx, "basket.send", {"basket_id": OTHER_BASKET,
                                                        "channel": "email"})  # fmt: skip
        assert out.status == "applied"
        trans.rollback()  # the commit fails: as if the database went away
    assert [r["key"] for r in _outbox(hub)] == ["m-2"]

    with HubServer(hub) as server:  # the dispatcher runs with the server
        wait_until(lambda: _status(hub) == "sent")
        [(rcpt, msg)] = smtp.messages
        assert rcpt == ["ann@example.com"] and msg["Message-ID"] == "<m-2@rapport.hub>"
        [row] = _outbox(hub)
        assert (row["state"], row["attempts"]) == ("sent", 1)
        assert row["recipient"] is None and row["body"] is None  # no address kept once sent
        changes = pull_all(login(server))["changes"]
        [basket] = [c["data"] for c in changes if c["entity"] == "basket"]
        assert basket["status"] == "sent" and basket["sent_at"]
        [logged] = [c["data"] for c in changes if c["entity"] == "interaction"]
        assert logged["kind"] == "basket_sent" and logged["payload"]["basket_id"] == BASKET_ID


def test_a_restart_sends_an_unsent_message_once_and_never_resends_one_in_flight(
    hub: Hub, db_url: str, smtp: SmtpSink, tmp_path: Path
) -> None:
    stock(hub, smtp, tmp_path)
    _push_send(hub, BASKET_ID, 1)  # committed, then the hub stopped before sending it
    _push_send(hub, OTHER_BASKET, 3)
    # The second one was claimed (marked "sending") by a hub that died during the provider call.
    with hub.engine.begin() as conn:
        conn.execute(
            update(message_outbox)
            .where(message_outbox.c.key == "m-4")
            .values(state="sending", claimed_at="2026-01-01T00:00:00Z", attempts=1)
        )
    outbound = hub.outbound
    hub.engine.dispose()

    for _restart in range(2):
        again = Hub.open(db_url, outbound=outbound)
        with HubServer(again) as server:
            wait_until(lambda h=again: _status(h) == "sent")
            wait_until(lambda h=again: _status(h, OTHER_BASKET) == "failed")
            again.dispatcher.run_once()  # one more full pass: nothing is due twice
            changes = pull_all(login(server))["changes"]
        again.engine.dispose()
        assert [rcpt for rcpt, _m in smtp.messages] == [["ann@example.com"]]

    states = {r["key"]: (r["state"], r["attempts"]) for r in _outbox(again)}
    assert states == {"m-2": ("sent", 1), "m-4": ("failed", 1)}
    failed = [c["data"] for c in changes if c["entity"] == "interaction"
              and c["data"]["kind"] == "basket_send_failed"]  # fmt: skip
    assert len(failed) == 1 and "may have reached the customer" in failed[0]["summary"]


def test_provider_failures_are_retried_with_backoff_then_sent_once(
    server: HubServer, hub: Hub, smtp: SmtpSink, tmp_path: Path
) -> None:
    stock(hub, smtp, tmp_path)
    hub.dispatcher.base_delay = 0.5
    smtp.fail_next = 2  # the mail server answers 451 twice
    c = login(server)
    r = c.post("/v1/sync/push", json={"device_id": "d", "schema_version": 1, "mutations": [
        {"client_seq": 1, "mutation_id": "m-1", "name": "basket.save", "args": _basket()},
        {"client_seq": 2, "mutation_id": "m-2", "name": "basket.send",
         "args": {"basket_id": BASKET_ID, "channel": "email"}}]})  # fmt: skip
    assert [x["status"] for x in r.json()["results"]] == ["applied", "applied"]
    wait_until(lambda: _status(hub) == "sent", timeout=30)
    assert smtp.failed == 2 and len(smtp.messages) == 1
    [row] = _outbox(hub)
    assert (row["state"], row["attempts"]) == ("sent", 3)
    assert row["created_at"] < row["done_at"]  # the retries waited, they did not spin


def test_a_refused_address_fails_the_basket_with_the_reason_on_the_desk(
    server: HubServer, hub: Hub, smtp: SmtpSink, tmp_path: Path
) -> None:
    stock(hub, smtp, tmp_path)
    smtp.refuse.add("ann@example.com")
    c = login(server)

    def send(seq: int) -> None:
        r = c.post("/v1/sync/push", json={"device_id": "d", "schema_version": 1, "mutations": [
            {"client_seq": seq, "mutation_id": f"m-{seq}", "name": "basket.send",
             "args": {"basket_id": BASKET_ID, "channel": "email"}}]})  # fmt: skip
        assert r.json()["results"][0]["status"] == "applied", r.text

    saved = push(c, "d", mutation(1, "basket.save", _basket()))
    assert saved.json()["results"][0]["status"] == "applied"
    send(2)
    wait_until(lambda: _status(hub) == "failed")
    assert smtp.messages == []
    changes = pull_all(c)["changes"]
    [basket] = [ch["data"] for ch in changes if ch["entity"] == "basket"]
    assert basket["status"] == "failed"
    [why] = [ch["data"] for ch in changes if ch["entity"] == "interaction"]
    assert why["kind"] == "basket_send_failed"
    assert "the mail server refused the address" in why["summary"]
    assert "ann@" not in why["summary"]
    # Once the address is fixed, the associate sends it again.
    smtp.refuse.clear()
    send(3)
    wait_until(lambda: _status(hub) == "sent")
    assert len(smtp.messages) == 1


def test_erasing_the_customer_drops_their_unsent_message(
    hub: Hub, smtp: SmtpSink, tmp_path: Path
) -> None:
    stock(hub, smtp, tmp_path)
    _push_send(hub, BASKET_ID, 1)
    hub.add_user("admin", "s3cret-pass", "Ada Admin", "admin")
    hub.erase("c-0001", "GDPR art. 17 request")
    assert _outbox(hub) == []  # the address and the body went with the rest
    with HubServer(hub):
        hub.dispatcher.run_once()
    assert smtp.messages == []


def test_a_message_being_sent_while_the_erasure_runs_is_not_left_in_the_outbox_file(
    hub: Hub, smtp: SmtpSink, tmp_path: Path
) -> None:
    """The dispatcher has claimed the message (committed ``sending``) and is about to append it
    to the mail outbox file when the customer is erased: the erasure has already rewritten that
    file, so an append now would stay. The two take turns: the dispatcher appends only under the
    change feed's lock (which the erasure holds) and only if the message is still there.

    Deterministic: the dispatcher runs in a thread of the test and waits, between its claim and
    the append, on the call that hands it the hub's notifiers until the erasure has committed."""
    stock(hub, smtp, tmp_path)
    mail = tmp_path / "mail-outbox.jsonl"
    hub.outbound.notifiers["email"] = FileNotifier(mail)
    _push_send(hub, BASKET_ID, 1)
    claimed, erased = threading.Event(), threading.Event()

    def notifiers_after_the_erasure() -> Outbound:
        claimed.set()
        assert erased.wait(30)
        return hub.outbound

    dispatcher = MessageDispatcher(hub.engine, notifiers_after_the_erasure, lambda: None)
    sending = threading.Thread(target=dispatcher.run_once)
    sending.start()
    try:
        assert claimed.wait(30)
        assert [r["state"] for r in _outbox(hub)] == ["sending"]
        hub.erase("c-0001", "request")
    finally:
        erased.set()
        sending.join(30)
    assert not sending.is_alive()
    text = mail.read_text() if mail.exists() else ""
    assert "ann@example.com" not in text.lower()
    assert _outbox(hub) == []


def test_a_message_appended_before_the_erasure_goes_with_it(
    hub: Hub, smtp: SmtpSink, tmp_path: Path
) -> None:
    """The other order: the dispatcher appends first (holding the feed's lock), the erasure
    waits for it, then rewrites the file without the message."""
    stock(hub, smtp, tmp_path)
    mail = tmp_path / "mail-outbox.jsonl"
    hub.outbound.notifiers["email"] = FileNotifier(mail)
    _push_send(hub, BASKET_ID, 1)
    hub.dispatcher.run_once()
    assert "ann@example.com" in mail.read_text().lower()
    hub.erase("c-0001", "request")
    assert "ann@example.com" not in mail.read_text().lower()
