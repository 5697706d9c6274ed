"""Merging customers (rows move, redirect, aliases) and erasing them (purge, compaction, refusal
to re-create), over real HTTP."""

from __future__ import annotations

import hashlib

import httpx
import pytest
from sqlalchemy import inspect

from rapport.hub.server import HubServer
from rapport.hub.service import Hub
from rapport.hub.store.aliases import MergedCustomerError
from rapport.hub.store.subjects import ErasedSubjectError

from .conftest import customer_row, interaction_args, login, mutation, pull_all, push

A, B, C = "c-0001", "c-0002", "c-0003"


def _owned_rows(customer_id: str, tag: str, email: str | None = None) -> dict[str, list[dict]]:
    """One row of every customer-owned entity."""
    return {
        "identity": [
            {
                "id": f"id-{tag}-email",
                "customer_id": customer_id,
                "kind": "email",
                "value": email or f"{tag}@example.com",
                "label": None,
                "is_primary": 1,
                "created_at": "2025-01-01T00:00:00Z",
            },
            {
                "id": f"id-{tag}-loyalty",
                "customer_id": customer_id,
                "kind": "loyalty",
                "value": f"loy-{tag}",
                "label": None,
                "is_primary": 0,
                "created_at": "2025-01-01T00:00:00Z",
            },
        ],
        "interaction": [
            {
                "id": f"int-{tag}",
                "customer_id": customer_id,
                "channel": "store",
                "direction": "inbound",
                "kind": "visit",
                "occurred_at": "2025-05-01T10:00:00Z",
                "user_id": None,
                "store_id": "st-a",
                "summary": f"visit of {tag}",
                "disposition": None,
                "payload": {"k": tag},
            }
        ],
        "web_event": [
            {
                "id": f"web-{tag}",
                "customer_id": customer_id,
                "anonymous_id": f"anon-{tag}",
                "event": "Product Viewed",
                "product_id": "p1",
                "category": "hoops",
                "query": None,
                "device": "phone",
                "session_id": "s1",
                "value": None,
                "currency": None,
                "occurred_at": "2025-05-02T10:00:00Z",
            }
        ],
        "order": [
            {
                "id": f"ord-{tag}",
                "customer_id": customer_id,
                "number": f"N-{tag}",
                "channel": "web",
                "store_id": None,
                "status": "paid",
                "placed_at": "2025-05-03T10:00:00Z",
                "currency": "EUR",
                "subtotal": 1000,
                "shipping": 0,
                "total": 1000,
                "lines": [{"sku": "x", "qty": 1}],
            }
        ],
        "offer": [
            {
                "id": f"off-{tag}",
                "customer_id": customer_id,
                "campaign": "vip",
                "channel": "email",
                "code": f"CODE-{tag}",
                "description": "10% off",
                "sent_at": "2025-05-04T10:00:00Z",
                "expires_at": "2026-12-31T00:00:00Z",
                "redeemed_at": None,
            }
        ],
    }


def _seed(hub: Hub, customer_id: str, i: int, tag: str, **profile: object) -> None:
    hub.write("customer", [{**customer_row(i), **profile}])
    for entity, rows in _owned_rows(customer_id, tag).items():
        hub.write(entity, rows)


def _merge(c: httpx.Client, source: str, into: str) -> httpx.Response:
    return c.post(
        f"/v1/admin/customers/{source}/merge", json={"into": into, "reason": "same person"}
    )


def _erase(c: httpx.Client, cid: str) -> httpx.Response:
    return c.post(f"/v1/admin/customers/{cid}/erase", json={"reason": "request"})


def test_an_erasure_keeps_the_kind_of_reason_only(server: HubServer, staff: Hub) -> None:
    """The reason an admin gives is one of a few kinds (said back); any other text is taken as
    ``other`` and not kept, since it may name the person."""
    for i in (1, 2, 3):
        staff.write("customer", [customer_row(i)])
    admin = login(server, "admin")
    for cid, given, kept in (("c-0001", "objection", "objection"),
                             ("c-0002", " Retention ", "retention"),
                             ("c-0003", "Family3 called, wants out", "other")):  # fmt: skip
        r = admin.post(f"/v1/admin/customers/{cid}/erase", json={"reason": given})
        assert r.status_code == 200 and r.json()["reason"] == kept, r.text
    reasons = sorted(row[1] for row in _every_text(staff)["erased_subject"])
    assert reasons == ["objection", "other", "retention"]
    assert "family3" not in repr(_every_text(staff)).lower()


def test_merge_moves_rows_combines_profiles_and_emits_a_redirect(
    server: HubServer, staff: Hub
) -> None:
    hub = staff
    _seed(
        hub,
        A,
        1,
        "a",
        consent={
            "email": {"status": "granted", "source": "web", "effective_at": "2026-01-01T00:00:00Z"}
        },
        created_at="2025-03-01T00:00:00Z",
    )
    _seed(
        hub,
        B,
        2,
        "b",
        consent={
            "email": {"status": "denied", "source": "call", "effective_at": "2026-02-01T00:00:00Z"},
            "sms": {"status": "granted", "source": "store", "effective_at": "2025-01-01T00:00:00Z"},
        },
        tier="gold",
        created_at="2024-01-01T00:00:00Z",
        last_contact_at="2026-03-01T00:00:00Z",
    )
    # The same email on both profiles: A keeps its row, B's copy goes.
    hub.write("identity", [{**_owned_rows(B, "b")["identity"][0], "value": "a@example.com"}])
    agent = login(server, "agent")
    cursor = pull_all(agent)["cursor"]

    r = _merge(login(server, "super"), B, A)
    assert r.status_code == 200, r.text
    assert r.json()["merged"] == B and r.json()["into"] == A
    assert {k: v for k, v in r.json()["moved"].items() if v} == {
        "identity": 1,
        "interaction": 1,
        "web_event": 1,
        "order": 1,
        "offer": 1,
    }

    changes = pull_all(agent, cursor)["changes"]
    redirect = [ch for ch in changes if ch["op"] == "redirect"]
    assert redirect == [
        {
            "entity": "customer",
            "op": "redirect",
            "id": B,
            "version": redirect[0]["version"],
            "data": {"into": A},
        }
    ]
    assert changes[-1]["op"] == "redirect"  # after the rows it re-points
    moved = {ch["id"]: ch for ch in changes if ch["op"] == "upsert" and ch["entity"] != "customer"}
    assert set(moved) == {"id-b-loyalty", "int-b", "web-b", "ord-b", "off-b"}
    assert all(ch["data"]["customer_id"] == A for ch in moved.values())
    assert [ch["id"] for ch in changes if ch["op"] == "delete"] == ["id-b-email"]
    [a] = [ch["data"] for ch in changes if ch["entity"] == "customer" and ch["op"] == "upsert"]
    assert a["id"] == A
    assert a["lifetime_value"] == 1000 + 2000
    assert a["created_at"] == "2024-01-01T00:00:00Z"
    assert a["last_contact_at"] == "2026-03-01T00:00:00Z"
    assert a["tier"] == "gold"
    assert a["consent"]["email"]["status"] == "denied"  # the newer opt-out wins
    assert a["consent"]["sms"]["status"] == "granted"
    assert a["version"] == 2

    # A fresh client never sees B as a customer, only the redirect.
    fresh = pull_all(agent)["changes"]
    assert not [ch for ch in fresh if ch["id"] == B and ch["op"] != "redirect"]
    assert not [ch for ch in fresh if (ch["data"] or {}).get("customer_id") == B]
    with hub.engine.connect() as conn:
        assert conn.exec_driver_sql(f"SELECT count(*) FROM customer WHERE id = '{B}'").scalar() == 0
        alias = conn.exec_driver_sql(
            "SELECT alias_id, customer_id, reason FROM customer_alias"
        ).all()
    assert [tuple(x) for x in alias] == [(B, A, "same person")]


def test_mutations_and_ingestion_naming_a_merged_customer_reach_the_survivor(
    server: HubServer, staff: Hub
) -> None:
    hub = staff
    hub.write("customer", [customer_row(1), customer_row(2)])
    agent = login(server, "agent")  # an offline device still holds B
    assert _merge(login(server, "admin"), B, A).status_code == 200
    body = push(
        agent,
        "offline-dev",
        mutation(1, "interaction.log", interaction_args(B)),
        mutation(
            2,
            "customer.update",
            {"customer_id": B, "changes": [{"field": "notes", "base": None, "new": "VIP"}]},
        ),
        mutation(
            3,
            "consent.set",
            {
                "customer_id": B,
                "channel": "sms",
                "status": "denied",
                "source": "call",
                "effective_at": "2026-02-01T00:00:00Z",
            },
        ),
    ).json()
    assert [r["status"] for r in body["results"]] == ["applied"] * 3
    assert body["results"][0]["result"]["customer_id"] == A
    assert body["results"][1]["result"] == {"applied": ["notes"], "conflicts": []}
    # Ingestion that still names B lands on A; re-creating B as a customer is refused.
    hub.write("offer", [{**_owned_rows(B, "late")["offer"][0]}])
    with pytest.raises(MergedCustomerError):
        hub.write("customer", [customer_row(2)])
    with hub.engine.connect() as conn:
        owners = conn.exec_driver_sql(
            "SELECT customer_id FROM interaction UNION ALL SELECT customer_id FROM offer"
        ).scalars()
        assert set(owners) == {A}
        notes, consent = conn.exec_driver_sql(
            f"SELECT notes, consent FROM customer WHERE id = '{A}'"
        ).one()
    assert notes == "VIP" and '"denied"' in consent


def test_merge_follows_chains_and_refuses_nonsense(server: HubServer, staff: Hub) -> None:
    hub = staff
    hub.write("customer", [customer_row(i) for i in range(1, 5)])
    admin = login(server, "admin")
    assert _merge(admin, B, A).status_code == 200
    assert _merge(admin, A, C).status_code == 200  # B -> A -> C
    # Merging into B (merged away twice) lands on C.
    r = _merge(admin, "c-0004", B)
    assert r.status_code == 200 and r.json()["into"] == C
    redirects = {
        ch["id"]: ch["data"]["into"] for ch in pull_all(admin)["changes"] if ch["op"] == "redirect"
    }
    assert redirects == {B: C, A: C, "c-0004": C}
    assert _merge(admin, C, C).status_code == 400
    assert _merge(admin, C, B).status_code == 400  # B is C now
    r = _merge(admin, A, C)
    assert r.status_code == 409 and C in r.json()["detail"]
    assert _merge(admin, "nobody", C).status_code == 404
    assert _merge(admin, C, "nobody").status_code == 404
    r = admin.post(f"/v1/admin/customers/{C}/merge", json={"into": A})
    assert r.status_code == 422 and "reason" in r.text


def test_admin_endpoints_check_roles(server: HubServer, staff: Hub) -> None:
    staff.write("customer", [customer_row(1), customer_row(2)])
    for user in ("agent", "assoc"):
        c = login(server, user)
        assert _merge(c, B, A).status_code == 403
        assert _erase(c, A).status_code == 403
    r = _erase(login(server, "super"), A)
    assert r.status_code == 403 and "admin" in r.json()["detail"]
    assert httpx.post(f"{server.url}/v1/admin/customers/{A}/erase", json={}).status_code == 401
    with staff.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM customer").scalar() == 2


def _every_text(hub: Hub) -> dict[str, list[tuple]]:
    """Every row of every table, for a needle-in-the-database check."""
    out: dict[str, list[tuple]] = {}
    with hub.engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            out[table] = [tuple(r) for r in conn.exec_driver_sql(f'SELECT * FROM "{table}"')]
    return out


def test_erasure_removes_every_trace_and_refuses_re_creation(server: HubServer, staff: Hub) -> None:
    hub = staff
    _seed(hub, A, 1, "a")
    _seed(hub, B, 2, "b")  # will be merged into A: the same person, erased with A
    _seed(hub, C, 3, "c")  # a bystander
    admin, agent = login(server, "admin"), login(server, "agent")
    assert _merge(admin, B, A).status_code == 200
    hub.delete("offer", ["off-a"])  # a tombstone about A
    old_cursor = pull_all(agent)["cursor"]
    batch = [
        mutation(1, "interaction.log", interaction_args(A)),
        mutation(
            2,
            "customer.update",
            {"customer_id": A, "changes": [{"field": "notes", "base": "stale", "new": "n"}]},
        ),
        mutation(3, "interaction.log", interaction_args(C, 3)),
    ]
    first = push(agent, "dev", *batch).json()
    assert first["results"][1]["result"]["conflicts"] == [{"field": "notes", "current": None}]
    assert login(server, "assoc").post("/v1/sync/subscribe", json={"customer_id": A}).is_success

    r = _erase(admin, A)
    assert r.status_code == 200, r.text
    assert r.json()["erased"] is True and r.json()["ids"] == 2

    # No table holds A or B any more, except the purge rows of the change log.
    for table, rows in _every_text(hub).items():
        for row in rows:
            if any(isinstance(v, str) and (A in v or B in v) for v in row):
                assert table == "change_log", (table, row)
                assert row[2] in (A, B) and row[4] == "purge" and row[3] is None, row
    digests = {r[0] for r in _every_text(hub)["erased_subject"]}
    assert digests == {hashlib.sha256(x.encode()).hexdigest() for x in (A, B)}
    # The bystander is untouched.
    with hub.engine.connect() as conn:
        assert (
            conn.exec_driver_sql(
                f"SELECT count(*) FROM interaction WHERE customer_id='{C}'"
            ).scalar()
            == 2
        )

    # Clients: a fresh one sees only the purges; one that had the data gets them too.
    fresh = [ch for ch in pull_all(agent)["changes"] if ch["id"] in (A, B)]
    assert sorted((ch["id"], ch["op"], ch["data"]) for ch in fresh) == [
        (A, "purge", None),
        (B, "purge", None),
    ]
    later = pull_all(agent, old_cursor)["changes"]
    assert {ch["id"] for ch in later if ch["op"] == "purge"} == {A, B}
    assert not [ch for ch in later if (ch["data"] or {}).get("customer_id") in (A, B)]

    # A resend of the old batch answers redacted results; new writes about them are refused.
    again = push(agent, "dev", *batch).json()["results"]
    assert again[0]["result"] == {"redacted": "erased"} and again[1]["result"] == again[0]["result"]
    assert again[2]["result"]["customer_id"] == C
    refused = push(
        agent,
        "dev",
        mutation(4, "interaction.log", interaction_args(A, 4)),
        mutation(5, "interaction.log", interaction_args(B, 5)),
        mutation(
            6,
            "consent.set",
            {
                "customer_id": A,
                "channel": "email",
                "status": "granted",
                "source": "web",
                "effective_at": "2026-01-01T00:00:00Z",
            },
        ),
    ).json()["results"]
    assert [(r["status"], r["error"]["code"]) for r in refused] == [("rejected", "erased")] * 3
    assert A not in str(refused)
    # Ingestion cannot bring them back either, as a customer or as rows about them.
    with pytest.raises(ErasedSubjectError):
        hub.write("customer", [customer_row(1)])
    with pytest.raises(ErasedSubjectError):
        hub.write("web_event", _owned_rows(B, "again")["web_event"])
    assert admin.post("/v1/sync/subscribe", json={"customer_id": A}).status_code == 404
    assert _merge(admin, C, A).status_code == 404
    r = _erase(admin, A)
    assert r.status_code == 200 and r.json()["erased"] is False
    assert _erase(admin, "nobody").status_code == 404


def test_tracking_does_not_re_create_an_erased_person(server: HubServer, staff: Hub) -> None:
    from .tracking_payloads import basic, py_message

    key = staff.add_write_key("shop.example.com")
    http = httpx.Client(base_url=server.url, timeout=30, headers=basic(key))
    traits = {"email": "Zoe.Erased@Example.org", "phone": "+33 6 11 22 33 44", "firstName": "Zoe"}
    r = http.post("/v1/identify", json=py_message("identify", userId="u-zoe",
                                                 anonymousId="anon-zoe", traits=traits))  # fmt: skip
    assert r.status_code == 200, r.text
    with staff.engine.connect() as conn:
        (zoe,) = conn.exec_driver_sql("SELECT id FROM customer").scalars().all()
    admin = login(server, "admin")
    assert _erase(admin, zoe).json()["erased"] is True

    def customers() -> int:
        with staff.engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM customer").scalar() or 0)

    # Each identifier alone, as another site or device would send it, in other spellings too.
    attempts = [
        ("identify", {"userId": "u-new-1", "traits": {"email": "zoe.erased@example.org"}}, "email"),
        ("identify", {"anonymousId": "a-2", "traits": {"phone": "06 11 22 33 44"}}, "phone"),
        ("identify", {"userId": "u-zoe", "traits": {"email": "fresh@example.org"}}, "user id"),
        ("track", {"userId": "u-zoe", "event": "Product Viewed"}, "user id"),
        ("page", {"anonymousId": "anon-zoe", "name": "Home"}, "anonymous id"),
        ("alias", {"previousId": "anon-zoe", "userId": "u-other"}, "anonymous id"),
    ]
    for kind, fields, word in attempts:
        r = http.post(f"/v1/{kind}", json=py_message(kind, **fields))
        assert r.status_code == 400, (kind, r.text)
        reason = r.json()["detail"]
        assert word in reason and "erased at their request" in reason, reason
        assert "zoe" not in reason.lower() and "11 22" not in reason
    assert customers() == 0
    # In a batch, the erased person's message is set aside with its reason; the others are kept.
    batch = [
        py_message("identify", userId="u-zoe", traits={"email": "zoe.erased@example.org"}),
        py_message("identify", userId="u-bob", traits={"email": "bob@example.org"}),
    ]
    r = http.post("/v1/batch", json={"batch": batch})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["accepted"] == 1 and [x["index"] for x in body["rejected"]] == [0]
    assert "erased at their request" in body["rejected"][0]["reason"]
    assert customers() == 1
    # Nor does a CRM import bring them back.
    result = staff.systems.apply("customers", "crm", [
        {"external_id": "crm-9", "given_name": "Zoe", "email": "ZOE.erased@example.org"}])  # fmt: skip
    assert result.results == {} and "erased at their request" in result.rejected[0]
    assert customers() == 1
    # Nothing in the database holds the identifiers in clear, nor their plain SHA-256.
    everything = repr(_every_text(staff)).lower()
    for needle in ("zoe.erased@example.org", "+33611223344", "u-zoe", "anon-zoe"):
        assert needle not in everything
        assert hashlib.sha256(needle.encode()).hexdigest() not in everything
    with staff.engine.connect() as conn:
        kinds = conn.exec_driver_sql("SELECT kind FROM erased_identifier ORDER BY kind").scalars()
        assert list(kinds) == ["anonymous_id", "email", "phone", "user_id"]


def test_erasure_forgets_what_was_typed_held_or_imported_about_the_person(
    server: HubServer, staff: Hub
) -> None:
    """Beyond the rows about the customer: searches typed to find them (also those that found
    several people, or nobody yet), visits held for an identify that never came (under her ids
    and under the ids an alias tied to them), the alias itself, the import's record of which
    customer a CRM id became, the mark that a website made her profile, the merge review that
    names her."""
    from .tracking_payloads import basic, py_message

    staff.write("customer", [{**customer_row(7), "family_name": "Zawadzki"}])  # a bystander
    # She calls before the hub has her: the agent's search finds nobody.
    r = login(server, "agent").get("/v1/customers/search", params={"q": "Zawadzkiewicz"})
    assert r.json()["results"] == []
    # The web shop saw a visitor before anyone knew who they were: held aside, with a search;
    # her phone's browser too, tied to her web id by an alias while nobody knew either.
    key = staff.add_write_key("shop.example.com")
    http = httpx.Client(base_url=server.url, timeout=30, headers=basic(key))
    search = {"query": "gloves for Maelys Zawadzkiewicz"}
    batch = [
        py_message("track", userId="u-mae", event="Products Searched", properties=search),
        py_message("track", anonymousId="anon-mae-phone", event="Products Searched",
                   properties={"query": "Zawadzkiewicz wedding list"}),
        py_message("alias", previousId="anon-mae-phone", userId="u-mae"),
        # Her laptop's browser signs up with her email: the website makes her profile.
        py_message("identify", anonymousId="anon-mae-laptop", traits={
            "email": "maelys.zawadzkiewicz@example.org", "firstName": "Maëlys",
            "lastName": "Zawadzkiewicz"}),
    ]  # fmt: skip
    r = http.post("/v1/batch", json={"batch": batch})
    assert r.status_code == 200 and r.json()["accepted"] == 4, r.text
    # The CRM imports her (the profile the website made, found by her email), then her web id
    # is typed at the desk, and she buys in a store.
    result = staff.systems.apply("customers", "crm", [{
        "external_id": "crm-7", "given_name": "Maëlys", "family_name": "Zawadzkiewicz",
        "home_store_id": "st-a", "email": "Maelys.Zawadzkiewicz@example.org",
        "phone": "06 47 29 81 53"}])  # fmt: skip
    cid = result.results[0]["id"]
    staff.write("identity", [{"id": "i-mae-uid", "customer_id": cid, "kind": "user_id",
                              "value": "u-mae", "created_at": "2026-01-01T00:00:00Z"}])  # fmt: skip
    staff.write("order", [{"id": "o-mae", "customer_id": cid, "number": "S-1", "channel": "store",
                           "status": "paid", "currency": "EUR", "total": 100}])  # fmt: skip
    # Someone else's browser gives her phone number with another name: a review names her.
    r = http.post("/v1/identify", json=py_message("identify", anonymousId="anon-other", traits={
        "phone": "+33647298153", "firstName": "Léa", "lastName": "Martin"}))  # fmt: skip
    assert r.status_code == 200, r.text
    agent = login(server, "agent")
    # Searches finding her and the bystander, her alone by phone, the bystander alone.
    for q, found in (("zawadz", 2), ("06 47 29", 1), ("Given7", 1)):
        hits = agent.get("/v1/customers/search", params={"q": q}).json()["results"]
        assert len(hits) == found, (q, hits)
    before = _every_text(staff)
    assert len(before["ingest_pending_event"]) == 2
    assert before["ingest_pending_link"][0][:2] == ("anon-mae-phone", "u-mae")
    assert cid in {row[0] for row in before["ingest_web_profile"]}
    [review] = before["merge_review"]
    assert review[2] == cid

    # The admin types why, naming her: only the kind of reason is kept.
    typed = "Maëlys Zawadzkiewicz asked on 06 47 29 81 53 (u-mae) to be forgotten"
    r = login(server, "admin").post(f"/v1/admin/customers/{cid}/erase", json={"reason": typed})
    assert r.json()["erased"] is True and r.json()["reason"] == "other", r.text

    tables = _every_text(staff)
    assert [row[1] for row in tables["erased_subject"]] == ["other"]
    # Her id only in the change log's purge rows, which every cache must still receive.
    about_her = [row[1:] for row in tables.pop("change_log") if cid in row]
    assert about_her == [("customer", cid, None, "purge")]
    everything = repr(tables).lower()
    for needle in ("zawadzkiewicz", "maëlys", "maelys", "647298153", "06 47 29", "u-mae",
                   "anon-mae-phone", "anon-mae-laptop", "crm-7", cid):  # fmt: skip
        assert needle not in everything, [t for t in tables if needle in repr(tables[t]).lower()]
    assert tables["ingest_pending_link"] == [] and tables["merge_review"] == []
    # Her phone's browser, tied to her by the alias, is hers: its later visits are refused too.
    r = http.post("/v1/track", json=py_message("track", anonymousId="anon-mae-phone",
                                               event="Product Viewed"))  # fmt: skip
    assert r.status_code == 400 and "erased at their request" in r.json()["message"], r.text
    searches = {(r["detail"] or {}).get("q") for r in staff.audit(action="search")}
    assert searches == {None, "Given7"}
    # The bystander is still there, and so is the other browser's own profile: a review said
    # it might be her, nobody decided it was.
    assert sorted(r[1] for r in tables["customer"]) == ["Given7", "Léa"]
    assert len(tables["ingest_web_profile"]) == 1
