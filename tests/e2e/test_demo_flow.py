"""End to end: a real hub on 127.0.0.1 over generated data, a real cache synced over HTTP, the real
main window driven with the keyboard as an agent would on an incoming call."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTreeView

from rapport.demo import DemoSite, start_demo
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.customer.orders_model import OrderRole
from rapport.ui.customer.timeline_model import TimelineRole
from rapport.ui.shell.session import Session

CUSTOMERS = 300


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoSite]:
    site = start_demo(tmp_path_factory.mktemp("demo"), customers=CUSTOMERS)
    yield site
    site.close()


def _type(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(widget, text)


def test_caller_id_pops_the_researcher_with_intent_timeline_and_orders(
    qtbot, session: Session
) -> None:  # type: ignore[no-untyped-def]
    win = session.window
    qtbot.keyClick(win, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert win.search.box.hasFocus()
    _type(
        qtbot, win.search.box, "+33612345678"
    )  # as the caller ID gives it; stored "06 12 34 56 78"
    qtbot.waitUntil(lambda: win.search.model.rowCount() == 1, timeout=5000)
    qtbot.keyClick(win.search.box, Qt.Key.Key_Return)

    name = win.findChild(QLabel, "customerName")
    qtbot.waitUntil(lambda: name.isVisible() and "Lucas Martin" in name.text(), timeout=5000)
    assert win.customer.current_customer_id == STORY_CUSTOMERS["hoops"]

    sentence = win.findChild(QLabel, "intentSentence").text()
    assert sentence.startswith("Researching basketball hoops: 9 views over 3 days on 2 devices")
    assert "349" in sentence and "abandoned yesterday" in sentence

    timeline = win.findChild(QAbstractItemView, "timelineList").model()
    assert timeline.rowCount() > 0
    channels = {timeline.index(r, 0).data(TimelineRole.Channel) for r in range(timeline.rowCount())}
    assert "web" in channels  # his research sessions are on the timeline too
    times = [timeline.index(r, 0).data(TimelineRole.OccurredAt) for r in range(timeline.rowCount())]
    assert times == sorted(times, reverse=True)

    orders = win.findChild(QTreeView, "ordersTree").model()
    assert orders.rowCount() > 0
    first = orders.index(0, 0).data(OrderRole.Order)
    assert first.lines and first.total > 0


@pytest.mark.parametrize("typed", ["06 12 34 56 78", "0033612345678", "lucas mart", "LOY-100001"])
def test_the_same_customer_is_found_however_it_is_typed(
    qtbot, session: Session, typed: str
) -> None:  # type: ignore[no-untyped-def]
    win = session.window
    win.search.focus_search()
    _type(qtbot, win.search.box, typed)
    qtbot.waitUntil(lambda: win.search.model.query == typed, timeout=5000)
    found = [win.search.model.hit(r).id for r in range(win.search.model.rowCount())]
    assert STORY_CUSTOMERS["hoops"] in found


def test_the_complaint_story_shows_call_outcome_and_survey(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    win = session.window
    win.search.focus_search()
    _type(qtbot, win.search.box, "Nadia Benali")
    qtbot.waitUntil(lambda: win.search.model.rowCount() >= 1, timeout=5000)
    qtbot.keyClick(win.search.box, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: win.customer.current_customer_id == STORY_CUSTOMERS["complaint"], timeout=5000
    )
    model = win.findChild(QAbstractItemView, "timelineList").model()
    kinds = {
        (
            model.index(r, 0).data(TimelineRole.Kind),
            model.index(r, 0).data(TimelineRole.Disposition),
        )
        for r in range(min(model.rowCount(), 10))
    }
    assert ("call", "escalated") in kinds
    assert any(k == "survey" for k, _ in kinds)


def test_unknown_text_says_so_and_breaks_nothing(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    win = session.window
    win.search.focus_search()
    _type(qtbot, win.search.box, 'zzqx "AND* -(')
    qtbot.waitUntil(lambda: win.search.model.query.endswith("-("), timeout=5000)
    assert win.search.model.rowCount() == 0
    assert "No customer matches" in win.search.hint.text()


def test_a_change_on_the_hub_reaches_the_open_customer(
    qtbot, session: Session, demo: DemoSite
) -> None:  # type: ignore[no-untyped-def]
    win = session.window
    cid = STORY_CUSTOMERS["vip"]
    assert win.open_customer(cid)
    hub = demo.server.hub
    with hub.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT * FROM customer WHERE id = ?", (cid,)).mappings().one()
    hub.write("customer", [{**{str(k): v for k, v in row.items()}, "given_name": "Hélène-Marie"}])
    name = win.findChild(QLabel, "customerName")
    qtbot.waitUntil(lambda: "Hélène-Marie" in name.text(), timeout=10_000)
