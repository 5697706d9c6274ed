"""Values no database can hold (a NaN, an infinity, a number beyond 64 bits, a year-1 or year-9999
time, a lone surrogate) are refused where they arrive, naming the field: a single message or
record gets a 400, a batch keeps its other messages, a push rejects that write and moves on."""

from __future__ import annotations

import json
import random
import string
import uuid
from typing import Any

import httpx
import pytest

from rapport.hub.server import HubServer
from rapport.hub.service import Hub

from .conftest import customer_row, interaction_args, login, mutation, push, rows
from .test_systems_api import ORDER, known  # noqa: F401  (fixture)
from .tracking_payloads import basic, py_message


def raw(value: Any, **literals: str) -> bytes:
    """``value`` as JSON, with each string ``"@NAME@"`` replaced by the literal ``literals[NAME]``
    (``NaN``, ``1e400``, ``"\\ud800"``): what a careless or hostile sender can put on the wire."""
    text = json.dumps(value)
    for name, literal in literals.items():
        text = text.replace(f'"@{name}@"', literal)
    return text.encode()


@pytest.fixture
def key(hub: Hub) -> str:
    return hub.add_write_key("shop.example.com")


def _viewed(anon: str, **properties: Any) -> dict[str, Any]:
    return py_message("track", anonymousId=anon, event="Product Viewed", properties=properties)


def _post(http: httpx.Client, path: str, key: str, body: bytes) -> httpx.Response:
    return http.post(path, content=body, headers=basic(key))


BAD_PRICES = {
    "NaN": "NaN",
    "Infinity": "Infinity",
    "-Infinity": "-Infinity",
    "too big for a double": "1e400",
    "beyond 64 bits": "18446744073709551616",
    "a huge double": "1e300",
}


def test_a_bad_number_refuses_its_message_only(server: HubServer, hub: Hub, key: str) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        for n, (label, literal) in enumerate(BAD_PRICES.items()):
            bad = _viewed(f"anon-bad-{n}", price="@P@")
            one = _post(http, "/v1/track", key, raw(bad, P=literal))
            assert one.status_code == 400, (label, one.text)
            assert "properties.price" in one.json()["detail"], label
            good = _viewed(f"anon-good-{n}", price=18.99)
            batch = {"batch": [good, {**bad, "type": "track"}]}
            r = _post(http, "/v1/batch", key, raw(batch, P=literal))
            assert r.status_code == 200, (label, r.text)
            body = r.json()
            assert body["accepted"] == 1, label
            [rejected] = body["rejected"]
            assert rejected["index"] == 1 and "properties.price" in rejected["reason"], label
        # An order whose total no database column can hold.
        order = py_message("track", userId="u-1", event="Order Completed",
                           properties={"order_id": "o-1", "total": "@T@", "products": []})  # fmt: skip
        r = _post(http, "/v1/track", key, raw(order, T="1e300"))
        assert r.status_code == 400 and "total" in r.json()["detail"]
        order["properties"]["products"] = [{"sku": "X", "price": 1, "quantity": 2**62}]
        r = _post(http, "/v1/track", key, raw(order, T="1"))
        assert r.status_code == 400, r.text
    # Unknown visitors' events are held aside until they are identified.
    values = [json.loads(r)["value"] for (r,) in rows(hub, "SELECT row FROM ingest_pending_event")]
    assert values == [1899] * len(BAD_PRICES)


BAD_TIMES = (
    "0001-01-01T00:00:00+05:00",
    "9999-12-31T23:59:59-05:00",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "1899-12-31T23:59:59Z",
)


def test_a_time_out_of_range_refuses_its_message_only(
    server: HubServer, hub: Hub, key: str
) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        for n, moment in enumerate(BAD_TIMES):
            for field in ("timestamp", "sentAt"):
                bad = {**_viewed(f"anon-{field}-{n}"), field: moment}
                one = _post(http, "/v1/track", key, raw(bad))
                assert one.status_code == 400, (moment, field, one.text)
                assert field in one.json()["detail"], (moment, field)
                good = _viewed(f"anon-ok-{field}-{n}")
                r = _post(http, "/v1/batch", key, raw({"batch": [bad | {"type": "track"}, good]}))
                assert r.status_code == 200 and r.json()["accepted"] == 1, (moment, r.text)
                assert r.json()["rejected"][0]["index"] == 0
            # Each time in range, but too far apart to correct the clock with.
            skewed = {**_viewed(f"anon-skew-{n}"), "timestamp": "2099-12-31T00:00:00Z",
                      "sentAt": "1900-01-02T00:00:00Z"}  # fmt: skip
            assert _post(http, "/v1/track", key, raw(skewed)).status_code == 400
        r = _post(
            http, "/v1/batch", key, raw({"batch": [_viewed("anon-x")], "sentAt": BAD_TIMES[0]})
        )
        assert r.status_code == 400 and "sentAt" in r.json()["detail"]
    assert rows(hub, "SELECT count(*) FROM ingest_pending_event") == [(2 * len(BAD_TIMES),)]


def test_systems_records_refuse_bad_numbers_and_times(server: HubServer, known: Hub) -> None:  # noqa: F811
    admin = login(server, "admin")
    interaction = {"source": "ccaas", "external_id": "call-1", "customer_id": "c-0001",
                   "channel": "phone", "kind": "call", "occurred_at": "2026-11-28T09:12:00Z"}  # fmt: skip
    headers = {"Content-Type": "application/json"}

    def post(path: str, body: bytes) -> httpx.Response:
        return admin.post(path, content=body, headers=headers)

    for moment in BAD_TIMES:
        r = post("/v1/interactions", raw({**interaction, "occurred_at": moment}))
        assert r.status_code == 400 and "occurred_at" in r.json()["detail"], (moment, r.text)
        r = post("/v1/orders", raw({**ORDER, "placed_at": moment}))
        assert r.status_code == 400 and "placed_at" in r.json()["detail"], (moment, r.text)
    r = post("/v1/interactions", raw({**interaction, "payload": {"score": "@X@"}}, X="NaN"))
    assert r.status_code == 400 and "payload.score" in r.json()["detail"]
    r = post("/v1/interactions", raw({**interaction, "payload": {"n": "@X@"}}, X=str(2**64)))
    assert r.status_code == 400 and "payload.n" in r.json()["detail"]
    line = ORDER["lines"][0]
    for field, literal in (("unit_price", str(2**64)), ("unit_price", str(2**62)),
                           ("quantity", str(2**62)), ("unit_price", "Infinity")):  # fmt: skip
        body = raw({**ORDER, "lines": [{**line, field: "@X@"}]}, X=literal)
        r = post("/v1/orders", body)
        assert r.status_code == 400 and field in r.json()["detail"], (field, literal, r.text)
    r = post("/v1/orders", raw({**ORDER, "total": "@X@"}, X=str(2**63 - 1)))
    assert r.status_code == 400 and "total" in r.json()["detail"]
    assert rows(known, "SELECT count(*) FROM orders") == [(0,)]
    assert rows(known, "SELECT count(*) FROM interaction") == [(0,)]
    assert post("/v1/interactions", raw(interaction)).status_code == 200
    assert post("/v1/orders", raw(ORDER)).status_code == 200


SURROGATE = '"x\\ud800y"'  # a JSON string escape no UTF-8 text can hold


def test_a_push_rejects_the_write_with_a_lone_surrogate_and_applies_the_next(
    server: HubServer, hub: Hub
) -> None:
    hub.write("customer", [customer_row(1)])
    client = login(server)
    bad = interaction_args("c-0001", 0, summary="@S@")
    good = interaction_args("c-0001", 1)
    body = {"device_id": "dev-1", "schema_version": 1,
            "mutations": [mutation(1, "interaction.log", bad)]}  # fmt: skip
    headers = {"Content-Type": "application/json"}
    r = client.post("/v1/sync/push", content=raw(body, S=SURROGATE), headers=headers)
    assert r.status_code == 200, r.text
    [first] = r.json()["results"]
    assert first["status"] == "rejected" and first["error"]["code"] == "invalid"
    assert "args.summary" in first["error"]["message"]
    assert "surrogate" in first["error"]["message"]
    # The device's next write goes through: the refused one does not block its outbox.
    body["mutations"] = [mutation(2, "interaction.log", good)]
    r = client.post("/v1/sync/push", content=raw(body), headers=headers)
    assert r.json()["results"][0]["status"] == "applied" and r.json()["last_seq"] == 2
    # A NaN or a number beyond 64 bits in the args is refused the same way.
    for seq, literal in ((3, "NaN"), (4, str(2**64))):
        args = interaction_args("c-0001", seq, payload={"score": "@X@"})
        body["mutations"] = [mutation(seq, "interaction.log", args)]
        r = client.post("/v1/sync/push", content=raw(body, X=literal), headers=headers)
        [answer] = r.json()["results"]
        assert answer["status"] == "rejected" and "args.payload.score" in answer["error"]["message"]
    assert rows(hub, "SELECT summary FROM interaction") == [("call number 1",)]


def test_a_lone_surrogate_is_refused_at_every_door(
    server: HubServer,
    known: Hub,  # noqa: F811
    key: str,
) -> None:
    headers = {"Content-Type": "application/json"}
    admin = login(server, "admin")
    with httpx.Client(base_url=server.url, timeout=30) as http:
        # The 422 used to fail on encoding its own echo of the username (a 500).
        r = http.post("/v1/auth/login", content=raw({"username": "@S@", "password": "pw"},
                                                    S=SURROGATE), headers=headers)  # fmt: skip
        assert r.status_code == 422 and "surrogate" in r.json()["message"]
        bad = _viewed("anon-bad", query="@S@")
        r = _post(http, "/v1/track", key, raw(bad, S=SURROGATE))
        assert r.status_code == 400 and "properties.query" in r.json()["detail"]
        r = _post(http, "/v1/batch", key, raw({"batch": [bad, _viewed("anon-ok")]}, S=SURROGATE))
        assert r.status_code == 200 and r.json()["accepted"] == 1
        assert r.json()["rejected"][0]["index"] == 0
        # A key, not a value.
        r = _post(http, "/v1/track", key, raw(_viewed("anon-k")).replace(b'"price', b'"\\udfff'))
        assert r.status_code in (200, 400)
    interaction = {"source": "ccaas", "external_id": "call-1", "customer_id": "c-0001",
                   "channel": "phone", "kind": "call", "occurred_at": "2026-11-28T09:12:00Z",
                   "summary": "@S@"}  # fmt: skip
    r = admin.post("/v1/interactions", content=raw(interaction, S=SURROGATE), headers=headers)
    assert r.status_code == 400 and "summary" in r.json()["detail"]
    r = admin.post("/v1/orders", content=raw({**ORDER, "external_id": "@S@"}, S=SURROGATE),
                   headers=headers)  # fmt: skip
    assert r.status_code == 400 and "external_id" in r.json()["detail"]
    r = admin.put("/v1/admin/settings/wrapup_codes", headers=headers,
                  content=raw({"value": [{"code": "@S@", "label": "x"}]}, S=SURROGATE))  # fmt: skip
    assert r.status_code == 422 and "surrogate" in r.json()["message"]
    for path, body in (
        ("/v1/admin/customers/c-0001/merge", {"into": "c-0002", "reason": "@S@"}),
        ("/v1/admin/customers/c-0001/erase", {"reason": "@S@"}),
        ("/v1/admin/write-keys", {"name": "@S@"}),
        ("/v1/sync/subscribe", {"customer_id": "@S@"}),
    ):
        r = admin.post(path, content=raw(body, S=SURROGATE), headers=headers)
        assert r.status_code == 422, (path, r.text)
    assert admin.get("/v1/me").status_code == 200
    assert rows(known, "SELECT count(*) FROM interaction") == [(0,)]


def test_a_message_id_per_test_is_unique() -> None:
    # Guard for the helpers above: py_message numbers each message afresh.
    assert py_message("track")["messageId"] != py_message("track")["messageId"]
    assert uuid.UUID(py_message("track")["messageId"])


def test_a_write_the_hub_fails_on_is_set_aside_and_the_device_moves_on(
    server: HubServer, hub: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever a write makes the hub trip on (here a bug it does not have), the push answers
    that write rejected with an error id, and the device's later writes still go through: a 500
    would have the device send the same write for ever."""
    from rapport.hub import mutations

    hub.write("customer", [customer_row(1)])
    client = login(server)
    real = mutations.HANDLERS["interaction.log"]

    def trips_on_one(conn: Any, ctx: Any, args: dict) -> Any:
        if args.get("summary") == "trip":
            raise ArithmeticError("a bug quoting the input: trip")
        return real(conn, ctx, args)

    monkeypatch.setitem(mutations.HANDLERS, "interaction.log", trips_on_one)
    bad = interaction_args("c-0001", 0, summary="trip")
    good = interaction_args("c-0001", 1)
    r = push(
        client, "dev-1", mutation(1, "interaction.log", bad), mutation(2, "interaction.log", good)
    )
    assert r.status_code == 200, r.text
    first, second = r.json()["results"]
    assert first["status"] == "rejected" and first["error"]["code"] == "failed"
    assert "error id" in first["error"]["message"] and "trip" not in first["error"]["message"]
    assert second["status"] == "applied" and r.json()["last_seq"] == 2
    assert rows(hub, "SELECT summary FROM interaction") == [("call number 1",)]


def _refuse_event_in_the_database(hub: Hub, event: str) -> None:
    """A constraint of the database itself on web events named ``event``: what a real
    constraint does when a message trips it (an IntegrityError from the driver)."""
    with hub.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(
                f"ALTER TABLE web_event ADD CONSTRAINT no_such_event CHECK (event <> '{event}')"
            )
        else:
            conn.exec_driver_sql(
                f"CREATE TRIGGER no_such_event BEFORE INSERT ON web_event"
                f" WHEN NEW.event = '{event}' BEGIN SELECT RAISE(ABORT, 'no such event'); END"
            )


def _allow_every_event(hub: Hub) -> None:
    with hub.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("ALTER TABLE web_event DROP CONSTRAINT no_such_event")
        else:
            conn.exec_driver_sql("DROP TRIGGER no_such_event")


def test_a_database_error_on_one_message_is_that_messages_rejection_only(
    server: HubServer, hub: Hub, key: str
) -> None:
    """Each message of a batch is written in its own savepoint once anything failed: a
    constraint one message trips undoes that message only, and the batch keeps the others."""
    _refuse_event_in_the_database(hub, "Poisoned")

    def event(name: str) -> dict[str, Any]:
        return py_message("track", userId="u-1", event=name)

    poisoned = event("Poisoned")
    batch = [py_message("identify", userId="u-1", traits={"firstName": "Ana"}),
             event("Product Viewed"), poisoned, event("Product Added")]  # fmt: skip
    with httpx.Client(base_url=server.url, timeout=30) as http:
        r = _post(http, "/v1/batch", key, raw({"batch": batch}))
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["accepted"] == 3 and [x["index"] for x in body["rejected"]] == [2]
        reason = body["rejected"][0]["reason"]
        assert "error id" in reason and "no such event" not in reason
        one = _post(http, "/v1/track", key, raw(event("Poisoned")))
        assert one.status_code == 400 and "error id" in one.json()["message"], one.text
        events = sorted(e for (e,) in rows(hub, "SELECT event FROM web_event"))
        assert events == ["Product Added", "Product Viewed"]
        # The refused message was not taken as seen: once the database takes it, it is kept.
        _allow_every_event(hub)
        r = _post(http, "/v1/batch", key, raw({"batch": [poisoned]}))
        assert r.json()["accepted"] == 1, r.text


def test_a_message_id_or_email_no_column_can_hold_is_refused(
    server: HubServer, hub: Hub, key: str
) -> None:
    """A messageId longer than the dedupe column (128) failed the whole batch on PostgreSQL (500),
    an email too long for an index entry answered 503 for ever; both are refused by name."""
    long_id = py_message("track", anonymousId="a-1", event="Product Viewed", messageId="m" * 200)
    # Random letters: PostgreSQL compresses a repeated pattern under the index entry's limit.
    rnd = random.Random(13)
    letters = "".join(rnd.choice(string.ascii_lowercase) for _ in range(6000))
    long_email = py_message("identify", anonymousId="a-2",
                            traits={"email": f"{letters}@example.org"})  # fmt: skip
    good = py_message("track", anonymousId="a-3", event="Product Viewed")
    with httpx.Client(base_url=server.url, timeout=30) as http:
        r = _post(http, "/v1/batch", key, raw({"batch": [long_id, long_email, good]}))
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["accepted"] == 1, r.text
        reasons = {x["index"]: x["reason"] for x in body["rejected"]}
        assert "messageId" in reasons[0] and "traits.email" in reasons[1], reasons


def test_a_write_with_a_time_before_1900_or_after_2099_is_refused_by_name(
    server: HubServer, hub: Hub
) -> None:
    """The rule of tracking and imports for pushed writes too: a time a database or the ISO format
    may not hold once shifted (year 1, year 9999) is refused, naming the field; the device moves
    on. The bounds themselves are taken."""
    from .test_tasks import follow_up

    hub.write("customer", [customer_row(1)])
    client = login(server)
    consent = {"customer_id": "c-0001", "channel": "sms", "status": "denied", "source": "call"}
    view = {"customer_id": "c-0001", "source": "search"}
    task = str(uuid.UUID(int=77))
    bad = [
        ("interaction.log", interaction_args("c-0001", 1, occurred_at="0001-01-01T00:00:00Z"),
         "occurred_at"),
        ("interaction.log", interaction_args("c-0001", 2, occurred_at="1899-12-31T23:59:59Z"),
         "occurred_at"),
        ("consent.set", {**consent, "effective_at": "0001-01-01T00:00:00Z"}, "effective_at"),
        ("customer.view", {**view, "viewed_at": "1000-06-01T00:00:00Z"}, "viewed_at"),
        ("task.create", follow_up(due_at="0001-01-01T00:00:00Z"), "due_at"),
        ("task.create", follow_up(due_at="2100-01-01T00:00:00Z"), "due_at"),
        ("task.create", follow_up(due_at="9999-12-31T23:59:59Z"), "due_at"),
    ]  # fmt: skip
    good = [
        ("interaction.log", interaction_args("c-0001", 3, occurred_at="1900-01-01T00:00:00Z")),
        ("task.create", follow_up(id=task, due_at="2099-12-31T23:59:59Z")),
    ]
    batch = [mutation(n, name, args) for n, (name, args, *_f) in enumerate(bad + good, 1)]
    r = push(client, "dev-1", *batch)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    for res, (name, _args, field) in zip(results, bad, strict=False):
        assert res["status"] == "rejected", (name, field, res)
        assert res["error"]["code"] == "invalid" and field in res["error"]["message"], res
        assert "1900" in res["error"]["message"] and "2099" in res["error"]["message"], res
    assert [res["status"] for res in results[len(bad) :]] == ["applied", "applied"]
    assert r.json()["last_seq"] == len(batch)


def test_each_message_of_a_batch_is_checked_once() -> None:
    # The batch checked every message for values no database holds before measuring it, then
    # parse_message checked it again: two walks of each message on the event loop's thread
    # (4% of the hub's CPU per tracked event, bench/ingest.py). Counted with a profile hook on
    # the real function.
    import sys

    from rapport.hub import textcheck
    from rapport.hub.routes.ingest import _parse_batch

    items = [_viewed(f"anon-{n}", sku="SKU-1", price=9.5) for n in range(5)]
    items.append(_viewed("anon-bad", note="a\x00b"))
    walks = [0]

    def count(frame: Any, event: str, _arg: Any) -> None:
        if event == "call" and frame.f_code is textcheck.refusal.__code__:
            walks[0] += 1

    sys.setprofile(count)
    try:
        parsed, where, rejected = _parse_batch({"batch": items}, items)
    finally:
        sys.setprofile(None)
    assert where == [0, 1, 2, 3, 4] and len(parsed) == 5
    assert rejected == {
        5: "properties.note contains a NUL character (\\u0000), which text may not hold"
    }
    assert walks[0] == len(items)
