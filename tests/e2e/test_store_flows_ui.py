"""End to end, a store associate on a tablet, fingers only, against a real hub on 127.0.0.1 that
mails through a local SMTP server: a basket for the hoops researcher sent by email arrives with a
link that opens the basket; an SMS to a customer who opted out cannot be sent, and says why; an
appointment booked with taps reaches the hub."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QToolButton, QWidget

from rapport.cache.outbox import counts
from rapport.demo import DemoSite, start_demo
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.hub.notify import SmsFileNotifier, SmtpNotifier
from rapport.ui.basket.dialog import BasketDialog
from rapport.ui.common.theme import apply_theme
from rapport.ui.followups.appointment import BookAppointmentDialog
from rapport.ui.shell.main_window import MainWindow
from rapport.ui.shell.session import Session
from tests.smtp_sink import SmtpSink, smtp_sink

from .support import hub_row

HOOPS = STORY_CUSTOMERS["hoops"]


@pytest.fixture(scope="module")
def smtp() -> Iterator[SmtpSink]:
    with smtp_sink() as sink:
        yield sink


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, smtp: SmtpSink) -> Iterator[DemoSite]:
    folder = tmp_path_factory.mktemp("demo-store")
    site = start_demo(folder, customers=200)
    host, port = smtp.server_address[:2]
    site.server.hub.outbound.notifiers = {
        "email": SmtpNotifier(str(host), int(port), "Rapport Sports <shop@example.com>"),
        "sms": SmsFileNotifier(folder / "sms-outbox.jsonl"),
    }
    yield site
    site.close()


@pytest.fixture
def tablet(qtbot, qapp: QApplication, demo: DemoSite, tmp_path: Path) -> Iterator[Session]:  # type: ignore[no-untyped-def]
    apply_theme(qapp, tablet=True)
    s = Session(tmp_path / "cache.sqlite3", demo.hub_url, demo.login.token,
                user=dict(demo.login.user), live_wait=1.0, tablet=True)  # fmt: skip
    qtbot.addWidget(s.window)
    s.start(show=True)
    qtbot.waitUntil(lambda: s.worker.status.state == "online", timeout=60_000)
    yield s
    s.shutdown()
    apply_theme(qapp, tablet=False)


def _tap(qtbot, widget: QWidget, pos: QPoint | None = None) -> None:  # type: ignore[no-untyped-def]
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())


def _tap_row(qtbot, view: QAbstractItemView, row: int = 0) -> None:  # type: ignore[no-untyped-def]
    rect = view.visualRect(view.model().index(row, 0))
    _tap(qtbot, view.viewport(), rect.center())


def _open(qtbot, win: MainWindow, typed: str, customer_id: str) -> None:  # type: ignore[no-untyped-def]
    if win.panes is not None and win.panes.pane == "customer":
        _tap(qtbot, win.panes.back_button)
    win.search.box.clear()
    qtbot.keyClicks(win.search.box, typed)  # the on-screen keyboard types into the box
    qtbot.waitUntil(lambda: win.search.model.query == typed, timeout=5000)
    _tap_row(qtbot, win.search.results)
    qtbot.waitUntil(lambda: win.customer.current_customer_id == customer_id, timeout=5000)


def _bar_button(win: MainWindow, name: str) -> QToolButton:
    button = win.findChild(QToolButton, f"tablet-{name}")
    assert button is not None, name
    return button


def _basket_with(qtbot, win: MainWindow, typed: str) -> BasketDialog:  # type: ignore[no-untyped-def]
    """Tap Basket…, find ``typed`` in the catalog, tap the first product and Add."""
    _tap(qtbot, _bar_button(win, "basket"))
    qtbot.waitUntil(lambda: win.findChild(BasketDialog) is not None, timeout=5000)
    basket = win.findChild(BasketDialog)
    qtbot.keyClicks(basket.search, typed)
    qtbot.waitUntil(lambda: basket.catalog.rowCount() > 0, timeout=5000)
    _tap_row(qtbot, basket.results)
    qtbot.waitUntil(lambda: basket.add_button.isEnabled(), timeout=5000)
    _tap(qtbot, basket.add_button)
    return basket


def test_a_basket_sent_by_email_arrives_with_a_link_to_it(
    qtbot, tablet: Session, smtp: SmtpSink, demo: DemoSite
) -> None:  # type: ignore[no-untyped-def]
    win = tablet.window
    _open(qtbot, win, "Lucas Martin", HOOPS)
    basket = _basket_with(qtbot, win, "basketball hoop")
    assert basket.lines.rowCount() == 1
    before = len(smtp.messages)
    _tap(qtbot, basket.send_buttons["email"])

    # Sent through the outbox; the hub mails it and records the link.
    qtbot.waitUntil(lambda: counts(tablet.reader).pending == 0, timeout=30_000)
    qtbot.waitUntil(lambda: len(smtp.messages) == before + 1, timeout=10_000)
    rcpt, message = smtp.messages[-1]
    assert rcpt == ["lucas.martin@example.com"]
    body = message.get_payload(decode=True).decode()

    # The hub's outbox marks the basket sent once the mail server has answered, a moment later.
    def sent_row():  # type: ignore[no-untyped-def]
        return hub_row(
            demo, "SELECT link FROM basket WHERE customer_id = ? AND status = 'sent'", HOOPS
        )

    qtbot.waitUntil(lambda: sent_row() is not None, timeout=10_000)
    row = sent_row()
    assert row is not None and row["link"] in body
    page = httpx.get(row["link"], timeout=10)
    assert page.status_code == 200 and "Your basket" in page.text and "hoop" in page.text.lower()
    # The dialog, still open, shows the link the customer got.
    qtbot.waitUntil(lambda: row["link"] in basket.status.text(), timeout=10_000)
    assert basket.status.text().startswith("Sent by email")
    basket.close()


def test_an_sms_to_a_customer_who_opted_out_cannot_be_sent(qtbot, tablet: Session) -> None:  # type: ignore[no-untyped-def]
    win = tablet.window
    row = tablet.reader.execute(
        "SELECT c.id, c.given_name || ' ' || c.family_name FROM customer c"
        " JOIN identity i ON i.customer_id = c.id AND i.kind = 'phone'"
        " WHERE json_extract(c.consent, '$.sms.status') = 'denied' LIMIT 1"
    ).fetchone()
    assert row is not None
    _open(qtbot, win, row[1], row[0])
    basket = _basket_with(qtbot, win, "glove")
    sms = basket.send_buttons["sms"]
    assert not sms.isEnabled()
    assert basket.reasons["sms"].isVisible()
    assert basket.reasons["sms"].text() == "The customer opted out of SMS messages."
    basket.close()


def test_an_appointment_booked_with_taps_reaches_the_hub(
    qtbot, tablet: Session, demo: DemoSite
) -> None:  # type: ignore[no-untyped-def]
    win = tablet.window
    _open(qtbot, win, "Lucas Martin", HOOPS)
    _tap(qtbot, _bar_button(win, "appointment"))
    qtbot.waitUntil(lambda: win.findChild(BookAppointmentDialog) is not None, timeout=5000)
    dialog = win.findChild(BookAppointmentDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    _tap(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: counts(tablet.reader).pending == 0, timeout=30_000)
    task = hub_row(
        demo, "SELECT kind, status FROM task WHERE customer_id = ? AND kind = 'appointment'", HOOPS
    )
    assert task is not None and task["status"] == "open"
