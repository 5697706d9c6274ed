"""One rule for saying when: relative words near now ("yesterday 14:05", "3 days ago",
"tomorrow 10:00"), the locale's short date beyond a week; and the timeline, purchases, tasks,
outbox and hub-search models all say it through :func:`rapport.ui.common.format.when_text`."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt

from rapport.cache.tasks import create_follow_up, my_tasks
from rapport.cache.writes import LocalWrites
from rapport.domain.timestamps import parse_timestamp
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.common import format as fmt
from rapport.ui.customer.orders_model import OrderColumn, OrderRole, OrdersModel
from rapport.ui.customer.timeline_model import TimelineModel, TimelineRole
from rapport.ui.followups.model import MyTasksModel, TaskRole
from rapport.ui.outbox.model import OutboxColumn, OutboxModel, OutboxRole
from rapport.ui.search.model import HubResultsModel, SearchRole
from tests.helpers import FIXED_NOW

HOOPS = STORY_CUSTOMERS["hoops"]
NOW = FIXED_NOW  # Friday 20 Nov 2026, 15:30 UTC


@pytest.fixture
def british() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (NOW - timedelta(minutes=5), "today 15:25"),
        (datetime(2026, 11, 19, 14, 5, tzinfo=UTC), "yesterday 14:05"),
        (NOW - timedelta(days=3), "3 days ago"),
        (NOW - timedelta(days=6), "6 days ago"),
        (NOW - timedelta(days=7), "13/11/2026"),
        (datetime(2026, 3, 31, 9, 0, tzinfo=UTC), "31/03/2026"),
        (datetime(2026, 11, 21, 10, 0, tzinfo=UTC), "tomorrow 10:00"),
        (datetime(2026, 11, 24, 10, 0, tzinfo=UTC), "Tuesday 10:00"),
        (datetime(2026, 12, 4, 10, 0, tzinfo=UTC), "04/12/2026 10:00"),
        (None, ""),
    ],
)
def test_when_text_one_rule(british: None, at: datetime | None, expected: str) -> None:
    assert fmt.when_text(at, NOW) == expected


def test_when_text_days_follow_the_callers_time_zone(british: None) -> None:
    from zoneinfo import ZoneInfo

    paris = NOW.astimezone(ZoneInfo("Europe/Paris")).replace(hour=0, minute=30)  # 20 Nov, 00:30
    # 23:15 UTC on the 19th is already the 20th in Paris.
    assert fmt.when_text(datetime(2026, 11, 19, 23, 15, tzinfo=UTC), paris) == "today 00:15"


def test_short_date_is_the_locales(british: None) -> None:
    at = datetime(2026, 10, 2, 12, 0, tzinfo=UTC)
    assert fmt.date_text(at) == "02/10/2026"
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert fmt.when_text(at, NOW) == "10/2/26"


def test_day_titles_follow_the_same_rule(british: None) -> None:
    today = NOW.date()
    assert fmt.day_title(today, today) == "Today"
    assert fmt.day_title(date(2026, 11, 19), today) == "Yesterday"
    assert fmt.day_title(date(2026, 11, 17), today) == "3 days ago"
    assert fmt.day_title(date(2026, 11, 2), today) == "02/11/2026"


def test_the_models_say_when_through_the_one_function(  # type: ignore[no-untyped-def]
    british: None, reader: sqlite3.Connection, writes: LocalWrites
) -> None:
    def now() -> datetime:
        return NOW

    # Purchases: each order's date.
    orders = OrdersModel(reader, now)
    orders.set_customer(HOOPS)
    assert orders.rowCount() >= 3
    for row in range(orders.rowCount()):
        placed = orders.index(row, 0).data(OrderRole.PlacedAt)
        assert orders.index(row, OrderColumn.Date).data() == fmt.when_text(placed, NOW)

    # Timeline: day headers by the same rule, and each entry's spoken time.
    timeline = TimelineModel(reader, now)
    timeline.set_customer(HOOPS)
    assert timeline.rowCount() > 0
    for row in range(min(timeline.rowCount(), 20)):
        index = timeline.index(row, 0)
        at = index.data(TimelineRole.OccurredAt)
        assert index.data(TimelineRole.DayTitle) == fmt.day_title(at.date(), NOW.date())
        assert fmt.when_text(at, NOW) in index.data(Qt.ItemDataRole.AccessibleTextRole)

    # Tasks: the same moment reads the same as in the purchases and the timeline.
    due = NOW + timedelta(hours=2)
    create_follow_up(writes, HOOPS, "Call back about the hoop", due)
    tasks = MyTasksModel()
    tasks.set_tasks(my_tasks(reader, "u-agent", NOW), NOW)
    [row] = [i for i in range(tasks.rowCount()) if not tasks.index(i, 0).data(TaskRole.IsHeader)]
    assert tasks.index(row, 0).data(TaskRole.Due) == fmt.when_text(due, NOW) == "today 17:30"

    # Outbox: when the change was made.
    outbox = OutboxModel(reader, now)
    outbox.refresh()
    made = parse_timestamp(outbox.index(0, 0).data(OutboxRole.Item).created_at)
    assert outbox.index(0, OutboxColumn.When).data() == fmt.when_text(made, NOW)

    # Customers found on the hub: their last contact.
    hub = HubResultsModel(now=now)
    hub.set_results(
        "x", [{"id": "c1", "given_name": "X", "last_contact_at": "2026-11-19T14:05:00Z"}]
    )
    assert hub.index(0, 0).data(SearchRole.Detail) == "On the hub · last contact yesterday 14:05"
