"""Push over real HTTP: exactly-once, gaps, rejections, concurrency, compare-and-set, consent."""

from __future__ import annotations

import threading

import httpx

from rapport.hub.server import HubServer
from rapport.hub.service import Hub
from rapport.hub.store.db import open_engine

from .conftest import business, customer_row, interaction_args, login, mutation, pull_all, push


def _count(hub: Hub, sql: str) -> int:
    with hub.engine.connect() as conn:
        return int(conn.exec_driver_sql(sql).scalar_one())


def _customer(client: httpx.Client, cid: str) -> dict:
    rows = [
        ch["data"]
        for ch in pull_all(client)["changes"]
        if ch["entity"] == "customer" and ch["id"] == cid
    ]
    assert rows, cid
    return rows[0]


def test_interaction_is_applied_once_and_a_repeat_answers_the_stored_result(
    server: HubServer, hub: Hub
) -> None:
    hub.write("customer", [customer_row(1)])
    c = login(server)
    batch = [mutation(1, "interaction.log", interaction_args("c-0001"))]
    first = push(c, "dev-1", *batch)
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["last_seq"] == 1 and body["expected_seq"] is None
    [res] = body["results"]
    assert res["status"] == "applied" and res["error"] is None
    assert res["client_seq"] == 1 and res["mutation_id"] == "m-1"
    # The response was lost: the client sends the same batch again.
    again = push(c, "dev-1", *batch).json()
    assert again["results"] == body["results"] and again["last_seq"] == 1
    assert _count(hub, "SELECT count(*) FROM interaction") == 1
    # It is in the change feed with the signed-in user as author, and bumped last contact.
    feed = pull_all(c)["changes"]
    [row] = [ch["data"] for ch in feed if ch["entity"] == "interaction"]
    me = c.get("/v1/me").json()
    assert row["user_id"] == me["id"] and row["summary"] == "call number 0"
    cust = next(ch["data"] for ch in feed if ch["entity"] == "customer")
    assert cust["last_contact_at"] == "2026-02-01T09:00:00Z"


def test_older_interaction_does_not_move_last_contact_back(server: HubServer, hub: Hub) -> None:
    hub.write("customer", [customer_row(1)])  # last contact 2026-01-02
    c = login(server)
    args = interaction_args("c-0001", occurred_at="2025-06-01T09:00:00Z")
    assert push(c, "d", mutation(1, "interaction.log", args)).json()["results"][0]["status"] == (
        "applied"
    )
    assert _customer(c, "c-0001")["last_contact_at"] == "2026-01-02T10:00:00Z"


def test_a_gap_answers_the_expected_seq_and_applies_nothing_after_it(
    server: HubServer, hub: Hub
) -> None:
    hub.write("customer", [customer_row(1)])
    c = login(server)
    body = push(
        c,
        "dev-1",
        mutation(1, "interaction.log", interaction_args("c-0001", 1)),
        mutation(3, "interaction.log", interaction_args("c-0001", 3)),
        mutation(4, "interaction.log", interaction_args("c-0001", 4)),
    ).json()
    assert [r["client_seq"] for r in body["results"]] == [1]
    assert body["expected_seq"] == 2 and body["last_seq"] == 1
    assert _count(hub, "SELECT count(*) FROM interaction") == 1
    # A fresh device that starts at 5 is told to start at 1.
    body = push(c, "dev-2", mutation(5, "interaction.log", interaction_args("c-0001", 5))).json()
    assert body["results"] == [] and body["expected_seq"] == 1 and body["last_seq"] == 0


def test_a_rejection_advances_the_counter_and_later_mutations_apply(
    server: HubServer, hub: Hub
) -> None:
    hub.write("customer", [customer_row(1)])
    c = login(server)
    body = push(
        c,
        "dev-1",
        mutation(1, "interaction.log", interaction_args("c-0001", 1, channel="pigeon")),
        mutation(2, "teleport.customer", {"customer_id": "c-0001"}),
        mutation(3, "interaction.log", interaction_args("nobody", 3)),
        mutation(4, "interaction.log", interaction_args("c-0001", 4)),
    ).json()
    statuses = [(r["status"], (r["error"] or {}).get("code")) for r in body["results"]]
    assert statuses == [
        ("rejected", "invalid"),
        ("rejected", "unknown_mutation"),
        ("rejected", "unknown_customer"),
        ("applied", None),
    ]
    assert "channel" in body["results"][0]["error"]["message"]
    assert body["last_seq"] == 4
    assert _count(hub, "SELECT count(*) FROM interaction") == 1
    # The rejection is remembered like any result.
    again = push(c, "dev-1", mutation(1, "interaction.log", interaction_args("c-0001", 1)))
    assert again.json()["results"][0]["error"]["code"] == "invalid"


def test_interaction_arguments_are_validated(server: HubServer, hub: Hub) -> None:
    hub.write("customer", [customer_row(1)])
    c = login(server)
    bad = [
        ({"id": "not-a-uuid"}, "id"),
        ({"id": "00000000-0000-0000-0000-00000000000A"}, "id"),
        ({"occurred_at": "2026-02-01 09:00:00"}, "occurred_at"),
        ({"occurred_at": "2026-02-31T09:00:00Z"}, "occurred_at"),
        ({"occurred_at": "2999-01-01T00:00:00Z"}, "occurred_at"),
        ({"summary": "x" * 10_001}, "summary"),
        ({"summary": 42}, "summary"),
        ({"kind": ""}, "kind"),
        ({"direction": "sideways"}, "direction"),
        ({"payload": [1, 2]}, "payload"),
        ({"customer_id": None}, "customer_id"),
    ]
    muts = [
        mutation(i + 1, "interaction.log", {**interaction_args("c-0001", i), **over})
        for i, (over, _f) in enumerate(bad)
    ]
    body = push(c, "dev", *muts).json()
    for (_over, field), res in zip(bad, body["results"], strict=True):
        assert res["status"] == "rejected", field
        assert res["error"]["code"] == "invalid", field
        assert field in res["error"]["message"], (field, res["error"]["message"])
    assert body["last_seq"] == len(bad)
    assert _count(hub, "SELECT count(*) FROM interaction") == 0
    ok = interaction_args("c-0001", 99, summary="x" * 10_000)
    res = push(c, "dev", mutation(len(bad) + 1, "interaction.log", ok)).json()["results"][0]
    assert res["status"] == "applied"


def test_the_same_interaction_from_another_device_is_kept_once(server: HubServer, hub: Hub) -> None:
    hub.write("customer", [customer_row(1), customer_row(2)])
    c = login(server)
    args = interaction_args("c-0001")
    assert push(c, "old-cache", mutation(1, "interaction.log", args)).status_code == 200
    res = push(c, "new-cache", mutation(1, "interaction.log", args)).json()["results"][0]
    assert res["status"] == "applied" and res["result"]["duplicate"] is True
    other = push(c, "new-cache", mutation(2, "interaction.log", {**args, "customer_id": "c-0002"}))
    assert other.json()["results"][0]["error"]["code"] == "invalid"
    assert _count(hub, "SELECT count(*) FROM interaction") == 1


def test_concurrent_pushes_of_the_same_batch_apply_each_mutation_once(
    server: HubServer, hub: Hub
) -> None:
    hub.write("customer", [customer_row(1)])
    token = login(server).headers["Authorization"]
    batch = [mutation(i, "interaction.log", interaction_args("c-0001", i)) for i in range(1, 31)]
    threads_n = 4
    barrier = threading.Barrier(threads_n)
    answers: list[dict] = []
    errors: list[BaseException] = []

    def send() -> None:
        try:
            with httpx.Client(
                base_url=server.url, timeout=60, headers={"Authorization": token}
            ) as c:
                barrier.wait()
                r = push(c, "shared-dev", *batch)
                assert r.status_code == 200, r.text
                answers.append(r.json())
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=send) for _ in range(threads_n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert _count(hub, "SELECT count(*) FROM interaction") == 30
    assert _count(hub, "SELECT count(*) FROM mutation_result") == 30
    assert _count(hub, "SELECT count(*) FROM change_log WHERE entity = 'interaction'") == 30
    for body in answers:
        assert body["last_seq"] == 30
        assert [r["client_seq"] for r in body["results"]] == list(range(1, 31))
        assert all(r["status"] == "applied" for r in body["results"])
    assert all(a["results"] == answers[0]["results"] for a in answers)


def test_a_device_belongs_to_its_first_user(server: HubServer, hub: Hub) -> None:
    hub.write("customer", [customer_row(1)])
    agent, assoc = login(server, "agent"), login(server, "assoc")
    assert push(agent, "dev-x", mutation(1, "interaction.log", interaction_args("c-0001"))).json()
    r = push(assoc, "dev-x", mutation(2, "interaction.log", interaction_args("c-0001", 2)))
    assert r.status_code == 403 and "another user" in r.json()["detail"]
    assert _count(hub, "SELECT count(*) FROM interaction") == 1
    # Nor does the other user learn the device's counter.
    assert assoc.get("/v1/sync/changes", params={"device": "dev-x"}).json()["acked_through"] is None


def test_request_shape_errors_are_clear(server: HubServer) -> None:
    c = login(server)
    r = c.post("/v1/sync/push", content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and "JSON" in r.text
    r = c.post("/v1/sync/push", json={"device_id": "d", "schema_version": 1})
    assert r.status_code == 422 and "mutations" in r.text
    r = c.post("/v1/sync/push", json={"schema_version": 1, "mutations": []})
    assert r.status_code == 422 and "device_id" in r.text
    r = push(c, "d", {"client_seq": 1, "name": "x", "args": {}})
    assert r.status_code == 422 and "mutation_id" in r.text
    r = push(c, "d", {"client_seq": "1", "mutation_id": "m", "name": "x", "args": {}})
    assert r.status_code == 422 and "client_seq" in r.text
    r = push(c, "d", {"client_seq": 0, "mutation_id": "m", "name": "x", "args": {}})
    assert r.status_code == 422 and "client_seq" in r.text
    r = push(c, "d", {"client_seq": 1, "mutation_id": "m", "name": "x", "args": [1]})
    assert r.status_code == 422 and "args" in r.text
    r = push(c, "d", *[mutation(i, "x", {}) for i in range(1, 1002)])
    assert r.status_code == 413 and "1000" in r.text
    assert httpx.post(f"{server.url}/v1/sync/push", json={}).status_code == 401


def test_acked_through_is_the_devices_counter(server: HubServer, hub: Hub) -> None:
    hub.write("customer", [customer_row(1)])
    c = login(server)
    assert c.get("/v1/sync/changes").json()["acked_through"] is None
    assert c.get("/v1/sync/changes", params={"device": "dev"}).json()["acked_through"] is None
    push(c, "dev", *[mutation(i, "interaction.log", interaction_args("c-0001", i)) for i in (1, 2)])
    body = c.get("/v1/sync/changes", params={"device": "dev"}).json()
    assert body["acked_through"] == 2
    assert {ch["entity"] for ch in business(body["changes"])} == {"customer", "interaction"}


def test_customer_update_compares_and_sets_each_field(server: HubServer, hub: Hub) -> None:
    hub.write("customer", [customer_row(1)])
    c = login(server)
    # Someone else already renamed her on the hub.
    hub.write("customer", [{**customer_row(1), "family_name": "Durand", "version": 2}])
    args = {
        "customer_id": "c-0001",
        "changes": [
            {"field": "family_name", "base": "Family1", "new": "Martin"},
            {"field": "notes", "base": None, "new": "Prefers mornings"},
            {"field": "preferences", "base": {"colors": ["black"]}, "new": {"sizes": ["M"]}},
        ],
    }
    [res] = push(c, "dev", mutation(1, "customer.update", args)).json()["results"]
    assert res["status"] == "applied"
    assert res["result"] == {
        "applied": ["notes", "preferences"],
        "conflicts": [{"field": "family_name", "current": "Durand"}],
    }
    row = _customer(c, "c-0001")
    assert row["family_name"] == "Durand" and row["notes"] == "Prefers mornings"
    assert row["preferences"] == {"sizes": ["M"]}
    assert row["version"] == 3 and row["updated_at"] > "2025-01-01T00:00:00Z"
    # Everything conflicting is still "applied", with nothing applied and the version unchanged.
    args = {"customer_id": "c-0001", "changes": [{"field": "notes", "base": "old", "new": "x"}]}
    [res] = push(c, "dev", mutation(2, "customer.update", args)).json()["results"]
    assert res["status"] == "applied"
    assert res["result"] == {
        "applied": [],
        "conflicts": [{"field": "notes", "current": "Prefers mornings"}],
    }
    assert _customer(c, "c-0001")["version"] == 3
    # JSON-equal preferences match whatever the key order.
    args = {
        "customer_id": "c-0001",
        "changes": [
            {"field": "preferences", "base": {"sizes": ["M"]}, "new": {"b": 1, "a": 2}},
        ],
    }
    push(c, "dev", mutation(3, "customer.update", args))
    args["changes"] = [{"field": "preferences", "base": {"a": 2, "b": 1}, "new": None}]
    [res] = push(c, "dev", mutation(4, "customer.update", args)).json()["results"]
    assert res["result"]["applied"] == ["preferences"]


def test_customer_update_rejects_fields_that_cannot_be_edited(server: HubServer, hub: Hub) -> None:
    hub.write("customer", [customer_row(1)])
    c = login(server)
    cases = [
        [{"field": "lifetime_value", "base": 1000, "new": 10**9}],
        [{"field": "notes", "new": "no base"}],
        [],
        [{"field": "birth_date", "base": None, "new": "1990-02-30"}],
        [{"field": "given_name", "base": "Given1", "new": "x" * 201}],
    ]
    muts = [
        mutation(i + 1, "customer.update", {"customer_id": "c-0001", "changes": ch})
        for i, ch in enumerate(cases)
    ]
    results = push(c, "dev", *muts).json()["results"]
    assert [r["error"]["code"] for r in results] == ["invalid"] * len(cases)
    assert _customer(c, "c-0001")["version"] == 1


def _consent(c: httpx.Client, seq: int, status: str, at: str, channel: str = "email") -> dict:
    args = {
        "customer_id": "c-0001",
        "channel": channel,
        "status": status,
        "source": "phone",
        "effective_at": at,
    }
    [res] = push(c, "dev", mutation(seq, "consent.set", args)).json()["results"]
    return res


def test_consent_the_most_restrictive_recent_value_wins(server: HubServer, hub: Hub) -> None:
    hub.write("customer", [customer_row(1)])  # email granted at 2026-01-01
    c = login(server)
    res = _consent(c, 1, "denied", "2026-03-01T00:00:00Z")
    assert res["result"]["superseded"] is False
    assert res["result"]["consent"]["status"] == "denied"
    # An older opt-in (an offline device catching up) does not undo the opt-out.
    res = _consent(c, 2, "granted", "2026-02-01T00:00:00Z")
    assert res["status"] == "applied" and res["result"]["superseded"] is True
    assert res["result"]["consent"] == {
        "status": "denied",
        "source": "phone",
        "effective_at": "2026-03-01T00:00:00Z",
    }
    # At the same instant, the opt-out wins too.
    res = _consent(c, 3, "granted", "2026-03-01T00:00:00Z")
    assert res["result"]["superseded"] is True
    assert _customer(c, "c-0001")["consent"]["email"]["status"] == "denied"
    # A newer opt-in after the opt-out applies.
    res = _consent(c, 4, "granted", "2026-04-01T00:00:00Z")
    assert res["result"]["superseded"] is False
    consent = _customer(c, "c-0001")["consent"]
    assert consent["email"]["status"] == "granted"
    assert consent["email"]["effective_at"] == "2026-04-01T00:00:00Z"
    # A channel without a value yet takes any.
    assert _consent(c, 5, "granted", "2020-01-01T00:00:00Z", "sms")["result"]["superseded"] is (
        False
    )
    # Bad channel or status: rejected, nothing changed.
    assert _consent(c, 6, "maybe", "2026-05-01T00:00:00Z")["error"]["code"] == "invalid"
    assert (
        _consent(c, 7, "denied", "2026-05-01T00:00:00Z", "carrier-pigeon")["error"]["code"]
        == "invalid"
    )
    assert _customer(c, "c-0001")["consent"]["email"]["status"] == "granted"


def test_a_locked_database_answers_503_with_retry_after(hub: Hub, db_url: str) -> None:
    hub.write("customer", [customer_row(1)])
    impatient = Hub(open_engine(db_url, busy_timeout=0.2))
    # Another writer holds the lock: SQLite's database lock, PostgreSQL's change-counter row.
    holder = impatient.engine.connect()
    try:
        with HubServer(impatient) as srv:
            c = login(srv)
            trans = holder.begin()
            if holder.dialect.name == "sqlite":
                holder.exec_driver_sql("UPDATE hub_meta SET value = value WHERE key = 'hub_id'")
            else:
                holder.exec_driver_sql("SELECT seq FROM counter FOR UPDATE")
            r = push(c, "dev", mutation(1, "interaction.log", interaction_args("c-0001")))
            assert r.status_code == 503, r.text
            assert r.headers["retry-after"] == "1"
            trans.rollback()
            r = push(c, "dev", mutation(1, "interaction.log", interaction_args("c-0001")))
            assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied"
    finally:
        holder.close()
        impatient.engine.dispose()


def test_the_same_write_under_two_numbers_is_applied_once(server: HubServer, hub: Hub) -> None:
    """The client renumbers pending writes after a gap or a repair; a push of the old numbers
    that arrives late (a killed process's request, the app and ``rapport sync`` pushing one
    cache together) would carry a write the hub already applied under another number. The hub
    knows it by its mutation id: the stored answer, the counter moved on, nothing applied again."""
    hub.write("customer", [customer_row(1)])
    c = login(server)

    def write(seq: int, mid: str, name: str, args: dict) -> dict:
        return {"client_seq": seq, "mutation_id": mid, "name": name, "args": args}

    note = {"customer_id": "c-0001", "changes": [{"field": "notes", "base": None, "new": "n1"}]}
    view = {"customer_id": "c-0001", "viewed_at": "2026-02-01T09:00:00Z", "source": "search"}
    first = push(c, "dev-1", write(1, "m-note", "customer.update", note),
                 write(2, "m-view", "customer.view", view)).json()  # fmt: skip
    assert [r["status"] for r in first["results"]] == ["applied", "applied"]
    # The same two writes, renumbered 3 and 4.
    late = push(c, "dev-1", write(3, "m-note", "customer.update", note),
                write(4, "m-view", "customer.view", view)).json()  # fmt: skip
    assert late["last_seq"] == 4 and late["expected_seq"] is None
    for a, b in zip(first["results"], late["results"], strict=True):
        assert (b["status"], b["result"], b["error"]) == (a["status"], a["result"], a["error"])
        assert b["client_seq"] == a["client_seq"] + 2 and b["mutation_id"] == a["mutation_id"]
    assert _count(hub, "SELECT count(*) FROM audit_event WHERE action = 'view'") == 1
    assert _customer(c, "c-0001")["version"] == 2  # updated once
    # Under a number the hub holds for the other one, it is still that write's answer.
    again = push(c, "dev-1", write(2, "m-note", "customer.update", note)).json()
    assert again["results"][0]["status"] == "applied"
    assert again["results"][0]["result"] == first["results"][0]["result"]
    # Number 4 is taken (by the view's copy): another write under it is told to renumber, and
    # the next number applies as usual.
    other = push(c, "dev-1", write(4, "m-other", "customer.view", view)).json()
    assert "another write" in other["results"][0]["error"]["message"]
    assert push(c, "dev-1", write(5, "m-other", "customer.view", view)).json()["last_seq"] == 5
    assert _count(hub, "SELECT count(*) FROM audit_event WHERE action = 'view'") == 2
