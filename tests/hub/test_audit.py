"""The audit trail and the access request: views pushed by devices (made offline too), hub
searches, exports, merges and erasures are recorded; a supervisor reads them, an agent may not;
the export holds everything about the person; erasure leaves the trail without the person in it."""

from __future__ import annotations

from rapport.hub.server import HubServer
from rapport.hub.service import Hub

from .conftest import customer_row, interaction_args, login, mutation, push


def _view(cid: str, at: str = "2026-02-01T09:00:00Z", **over: object) -> dict:
    return {"customer_id": cid, "viewed_at": at, "source": "search", "query": "given1", **over}


def test_views_searches_and_exports_are_in_the_trail(server: HubServer, staff: Hub) -> None:
    staff.write("customer", [customer_row(1), customer_row(2)])
    agent, boss = login(server), login(server, "super")
    me = agent.get("/v1/me").json()
    # A view made offline yesterday arrives today: recorded at the time it happened.
    results = push(agent, "dev-1", mutation(1, "customer.view", _view("c-0001"))).json()
    assert results["results"][0]["status"] == "applied"
    assert agent.get("/v1/customers/search", params={"q": "Family2"}).status_code == 200
    export = boss.get("/v1/customers/c-0001/export")
    assert export.status_code == 200

    trail = boss.get("/v1/admin/audit", params={"customer_id": "c-0001"}).json()["events"]
    assert [(e["action"], e["user_id"]) for e in trail][-1] == ("view", me["id"])
    view = trail[-1]
    assert view["at"] == "2026-02-01T09:00:00Z" and view["device_id"] == "dev-1"
    assert view["detail"] == {"source": "search", "query": "given1"}
    assert trail[0]["action"] == "export"
    searches = boss.get("/v1/admin/audit", params={"action": "search"}).json()["events"]
    assert [(s["customer_id"], s["detail"]) for s in searches] == [
        ("c-0002", {"q": "Family2", "results": 1})
    ]
    # Agents cannot read the trail or export a person.
    assert agent.get("/v1/admin/audit").status_code == 403
    assert agent.get("/v1/customers/c-0001/export").status_code == 403


def test_the_export_holds_everything_about_the_person(server: HubServer, staff: Hub) -> None:
    staff.write("customer", [customer_row(1), customer_row(2)])
    agent, boss, admin = login(server), login(server, "super"), login(server, "admin")
    push(agent, "dev-1", mutation(1, "interaction.log", interaction_args("c-0002", 7)))
    merged = admin.post("/v1/admin/customers/c-0002/merge", json={"into": "c-0001",
                                                                  "reason": "same person"})  # fmt: skip
    assert merged.status_code == 200, merged.text
    body = boss.get("/v1/customers/c-0002/export").json()  # the merged-away id finds the person
    assert body["customer_id"] == "c-0001" and body["merged_ids"] == ["c-0002"]
    assert body["data"]["customer"][0]["given_name"] == "Given1"
    assert [i["summary"] for i in body["data"]["interaction"]] == ["call number 7"]
    assert "merge" in [e["action"] for e in body["access_log"]]
    assert boss.get("/v1/customers/c-9999/export").status_code == 404


def test_erasure_keeps_the_trail_but_forgets_the_person(server: HubServer, staff: Hub) -> None:
    staff.write("customer", [customer_row(1)])
    agent, boss, admin = login(server), login(server, "super"), login(server, "admin")
    push(agent, "dev-1", mutation(1, "customer.view", _view("c-0001", query="Given1 Family1")))
    erased = admin.post("/v1/admin/customers/c-0001/erase", json={"reason": "GDPR request"})
    assert erased.status_code == 200, erased.text
    trail = boss.get("/v1/admin/audit").json()["events"]
    assert [e["action"] for e in trail] == ["erase", "view"]
    assert all(e["customer_id"] is None and e["detail"] is None for e in trail)
    assert boss.get("/v1/customers/c-0001/export").status_code == 404
    # A view still queued on some device for the erased customer is refused, not recorded.
    late = push(agent, "dev-2", mutation(1, "customer.view", _view("c-0001"))).json()
    assert late["results"][0]["error"]["code"] == "erased"
    assert len(boss.get("/v1/admin/audit").json()["events"]) == 2
