"""Replicated settings: a new hub has wrap-up codes at once; a supervisor changes them over HTTP
and every device gets the new list through the change feed; what devices could not use is refused."""

from __future__ import annotations

import pytest

from rapport.hub.server import HubServer
from rapport.hub.service import Hub
from rapport.protocol import DEFAULT_WRAPUP_CODES

from .conftest import login, pull_all


def _settings(changes: list[dict]) -> dict[str, object]:
    return {ch["id"]: ch["data"]["value"] for ch in changes if ch["entity"] == "setting"}


def test_a_new_hub_sends_its_default_wrapup_codes(server: HubServer) -> None:
    feed = pull_all(login(server))["changes"]
    assert _settings(feed)["wrapup_codes"] == [dict(c) for c in DEFAULT_WRAPUP_CODES]


def test_a_supervisor_changes_the_codes_and_devices_receive_them(
    server: HubServer, staff: Hub
) -> None:
    agent = login(server)
    cursor = pull_all(agent)["cursor"]
    codes = [
        {"code": "refund", "label": "Refund issued"},
        {"code": "no answer", "label": "No answer", "channels": ["phone", "phone"]},
    ]
    r = login(server, "super").put("/v1/admin/settings/wrapup_codes", json={"value": codes})
    assert r.status_code == 200, r.text
    after = pull_all(agent, cursor)["changes"]
    assert _settings(after) == {
        "wrapup_codes": [codes[0], {**codes[1], "channels": ["phone"]}]  # duplicates dropped
    }
    # Reopening the hub keeps what the supervisor chose (defaults fill only what is missing).
    again = Hub(staff.engine)
    assert _settings(pull_all(agent, cursor)["changes"])["wrapup_codes"][0]["code"] == "refund"
    del again


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("wrapup_codes", [], "non-empty list"),
        ("wrapup_codes", [{"code": "a", "label": "A"}, {"code": "a", "label": "B"}], "twice"),
        ("wrapup_codes", [{"code": "a", "label": ""}], "label"),
        ("wrapup_codes", [{"code": "a", "label": "A", "channels": ["fax"]}], "channels"),
        ("colour_scheme", "dark", "unknown setting"),
    ],
)
def test_unusable_settings_are_refused_with_the_reason(
    server: HubServer, staff: Hub, key: str, value: object, words: str
) -> None:
    r = login(server, "super").put(f"/v1/admin/settings/{key}", json={"value": value})
    assert r.status_code == 422 and words in r.json()["detail"], r.text


def test_agents_may_not_change_settings(server: HubServer) -> None:
    r = login(server).put(
        "/v1/admin/settings/wrapup_codes", json={"value": [{"code": "x", "label": "X"}]}
    )
    assert r.status_code == 403


def test_the_staff_directory_names_users_without_their_login_details(
    server: HubServer, hub: Hub
) -> None:
    staff = {
        ch["id"]: ch["data"] for ch in pull_all(login(server))["changes"] if ch["entity"] == "staff"
    }
    by_name = {row["display_name"]: row for row in staff.values()}
    assert set(by_name) == {"Alex Agent", "Ines Associate"}
    assert by_name["Ines Associate"]["store_id"] == "st-a"
    assert by_name["Ines Associate"]["active"] == 1
    assert set(by_name["Alex Agent"]) == {"id", "display_name", "role", "store_id", "active"}
