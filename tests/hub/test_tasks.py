"""Tasks over real HTTP: a follow-up and an appointment are created once, the appointment shows on
the timeline as a booked interaction, bad input is refused as invalid and a stranger cannot change
someone else's task."""

from __future__ import annotations

import uuid

import httpx
import pytest

from rapport.hub.mutations.task import booking_interaction_id
from rapport.hub.server import HubServer
from rapport.hub.service import Hub

from .conftest import customer_row, login, mutation, pull_all, push

TASK_ID = str(uuid.UUID(int=101))
APPT_ID = str(uuid.UUID(int=102))


def _store_row(sid: str = "st-a") -> dict:
    return {
        "id": sid,
        "name": "Paris Opéra",
        "city": "Paris",
        "country": "FR",
        "timezone": "Europe/Paris",
        "phone": None,
        "address": None,
    }


def follow_up(customer_id: str = "c-0001", **over: object) -> dict:
    return {
        "id": TASK_ID,
        "customer_id": customer_id,
        "assignee_id": None,
        "kind": "follow_up",
        "title": "Call back about the ring size",
        "due_at": "2030-01-02T09:00:00Z",
        "status": "open",
        "store_id": None,
        "appointment_type": None,
        "duration_min": None,
        "created_by": "whoever",
        "created_at": "2026-01-01T00:00:00Z",
        "updated_at": "2026-01-01T00:00:00Z",
        **over,
    }


def appointment(**over: object) -> dict:
    return follow_up(
        **{
            "id": APPT_ID,
            "kind": "appointment",
            "title": "Appointment: ring sizing",
            "store_id": "st-a",
            "appointment_type": "ring sizing",
            "duration_min": 30,
            **over,
        }
    )


def _count(hub: Hub, sql: str) -> int:
    with hub.engine.connect() as conn:
        return int(conn.exec_driver_sql(sql).scalar_one())


def _feed(client: httpx.Client, entity: str) -> list[dict]:
    return [ch["data"] for ch in pull_all(client)["changes"] if ch["entity"] == entity]


@pytest.fixture
def seeded(hub: Hub) -> Hub:
    hub.write("store", [_store_row()])
    hub.write("customer", [customer_row(1)])
    return hub


def test_a_follow_up_is_created_once_for_the_pusher(server: HubServer, seeded: Hub) -> None:
    c = login(server)
    batch = [mutation(1, "task.create", follow_up())]
    first = push(c, "dev-1", *batch).json()
    [res] = first["results"]
    assert res["status"] == "applied", res
    assert res["result"] == {"id": TASK_ID, "customer_id": "c-0001"}
    again = push(c, "dev-1", *batch).json()
    assert again["results"] == first["results"]
    # Sent again from a rebuilt cache (new device): still one task.
    other = push(c, "dev-2", mutation(1, "task.create", follow_up())).json()
    assert other["results"][0]["result"]["duplicate"] is True
    assert _count(seeded, "SELECT count(*) FROM task") == 1
    [row] = _feed(c, "task")
    me = c.get("/v1/me").json()
    assert row["assignee_id"] == me["id"] and row["created_by"] == me["id"]
    assert row["status"] == "open" and row["due_at"] == "2030-01-02T09:00:00Z"


def test_an_appointment_shows_on_the_timeline_as_booked(server: HubServer, seeded: Hub) -> None:
    c = login(server)
    assoc = login(server, "assoc").get("/v1/me").json()["id"]
    body = push(c, "dev-1", mutation(1, "task.create", appointment(assignee_id=assoc))).json()
    [res] = body["results"]
    assert res["status"] == "applied", res
    assert res["result"]["interaction_id"] == booking_interaction_id(APPT_ID)
    [task] = _feed(c, "task")
    assert task["assignee_id"] == assoc and task["duration_min"] == 30
    [booked] = _feed(c, "interaction")
    assert booked["id"] == booking_interaction_id(APPT_ID)
    assert booked["kind"] == "appointment" and booked["customer_id"] == "c-0001"
    assert booked["payload"]["status"] == "booked" and booked["payload"]["type"] == "ring sizing"
    assert booked["payload"]["task_id"] == APPT_ID and booked["store_id"] == "st-a"
    # Applying it again from another device records neither a second task nor a second booking.
    push(c, "dev-2", mutation(1, "task.create", appointment(assignee_id=assoc)))
    assert _count(seeded, "SELECT count(*) FROM interaction") == 1


@pytest.mark.parametrize(
    ("over", "field"),
    [
        ({"id": "nope"}, "id"),
        ({"kind": "errand"}, "kind"),
        ({"status": "done"}, "status"),
        ({"title": "  "}, "title"),
        ({"title": None}, "title"),
        ({"due_at": "2030-01-02 09:00"}, "due_at"),
        ({"due_at": "2030-02-31T09:00:00Z"}, "due_at"),
        ({"assignee_id": "no-such-user"}, "assignee_id"),
        ({"kind": "appointment", "store_id": "st-a", "duration_min": 30}, "appointment_type"),
        (
            {"kind": "appointment", "appointment_type": "fitting", "duration_min": 30},
            "store_id",
        ),
        (
            {
                "kind": "appointment",
                "appointment_type": "fitting",
                "store_id": "st-z",
                "duration_min": 30,
            },
            "store_id",
        ),
        (
            {"kind": "appointment", "appointment_type": "fitting", "store_id": "st-a"},
            "duration_min",
        ),
    ],
)
def test_bad_task_input_is_refused_as_invalid(
    server: HubServer, seeded: Hub, over: dict, field: str
) -> None:
    c = login(server)
    [res] = push(c, "dev-1", mutation(1, "task.create", follow_up(**over))).json()["results"]
    assert res["status"] == "rejected"
    assert res["error"]["code"] == "invalid" and field in res["error"]["message"]
    assert _count(seeded, "SELECT count(*) FROM task") == 0


def test_a_task_for_an_unknown_customer_is_refused(server: HubServer, seeded: Hub) -> None:
    c = login(server)
    [res] = push(c, "d", mutation(1, "task.create", follow_up("nobody"))).json()["results"]
    assert res["error"]["code"] == "unknown_customer"


def test_update_by_assignee_applies_and_by_a_stranger_is_refused(
    server: HubServer, staff: Hub
) -> None:
    staff.write("store", [_store_row()])
    staff.write("customer", [customer_row(1)])
    agent = login(server)
    push(agent, "dev-a", mutation(1, "task.create", follow_up()))
    stranger = login(server, "assoc")
    done = {"task_id": TASK_ID, "status": "done"}
    [res] = push(stranger, "dev-s", mutation(1, "task.update", done)).json()["results"]
    assert res["status"] == "rejected" and res["error"]["code"] == "forbidden"
    [res] = push(
        agent, "dev-a", mutation(2, "task.update", {**done, "due_at": "2030-01-03T10:00:00Z"})
    ).json()["results"]
    assert res["status"] == "applied", res
    [row] = _feed(agent, "task")
    assert row["status"] == "done" and row["due_at"] == "2030-01-03T10:00:00Z"
    # A supervisor may reopen it; a bad status is invalid.
    boss = login(server, "super")
    res = push(boss, "dev-b", mutation(1, "task.update", {"task_id": TASK_ID, "status": "x"}))
    assert res.json()["results"][0]["error"]["code"] == "invalid"
    res = push(boss, "dev-b", mutation(2, "task.update", {"task_id": TASK_ID, "status": "open"}))
    assert res.json()["results"][0]["status"] == "applied"
    [res] = push(
        agent, "dev-a", mutation(3, "task.update", {"task_id": "no-task", "status": "done"})
    ).json()["results"]
    assert res["error"]["code"] == "invalid"
