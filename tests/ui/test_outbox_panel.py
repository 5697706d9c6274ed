"""The outbox panel over a real cache: pending, rejected and notice entries in a table model (run
through Qt's model tester), Enter redoes a rejected write, Delete dismisses it, the detail line
shows the hub's reason, and an empty outbox says so."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from rapport.cache.acks import apply_push_results
from rapport.cache.outbox import counts, entries, pending_targets
from rapport.cache.outbox_view import outbox_items, rejected_targets
from rapport.cache.writes import LocalWrites
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.common import format as fmt
from rapport.ui.outbox.model import OutboxColumn, OutboxModel, OutboxRole
from rapport.ui.outbox.panel import OutboxPanel
from tests.helpers import FIXED_NOW

HOOPS = STORY_CUSTOMERS["hoops"]
VIP = STORY_CUSTOMERS["vip"]
REASON = "Agents may not log calls for customers of another store."


def show(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Show a window and wait until it is the active one (keys and shortcuts go there)."""
    widget.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)


def _last_seq(writes: LocalWrites) -> int:
    return entries(writes.conn)[-1].client_seq


def _reject(writes: LocalWrites, seq: int, code: str = "forbidden", message: str = REASON) -> None:
    apply_push_results(
        writes.conn,
        [{"client_seq": seq, "status": "rejected", "error": {"code": code, "message": message}}],
    )


def _fill(writes: LocalWrites) -> dict[str, str]:
    """One pending call, one refused call, one profile change applied with a notice."""
    pending = writes.log_interaction(HOOPS, channel="phone", summary="Asked about delivery")
    refused = writes.log_interaction(
        VIP, channel="phone", summary="Wants the VIP offer on yesterday's order", disposition="sale"
    )
    _reject(writes, _last_seq(writes))
    writes.update_customer(VIP, {"given_name": "Hélène"})
    apply_push_results(
        writes.conn,
        [
            {
                "client_seq": _last_seq(writes),
                "status": "applied",
                "result": {"conflicts": [{"field": "given_name", "current": "Helene"}]},
            }
        ],
    )
    return {"pending": pending, "refused": refused}


@pytest.fixture
def panel(qtbot, reader: sqlite3.Connection, writes: LocalWrites) -> OutboxPanel:  # type: ignore[no-untyped-def]
    p = OutboxPanel(reader, writes)
    qtbot.addWidget(p)
    return p


def _rows(model: OutboxModel) -> list[tuple[str, ...]]:
    return [
        tuple(str(model.index(r, c).data()) for c in OutboxColumn) for r in range(model.rowCount())
    ]


def test_outbox_model_passes_the_model_tester(qapp, qtmodeltester, reader, writes) -> None:  # type: ignore[no-untyped-def]
    model = OutboxModel(reader)
    qtmodeltester.check(model)
    _fill(writes)
    assert model.refresh() is True
    qtmodeltester.check(model)
    assert model.refresh() is False  # nothing changed: no reset, the selection stays


def test_items_come_refused_first_with_names_and_reasons(reader, writes) -> None:  # type: ignore[no-untyped-def]
    ids = _fill(writes)
    model = OutboxModel(reader)
    model.refresh()
    rows = _rows(model)
    assert [r[OutboxColumn.State] for r in rows] == ["Rejected", "Notice", "Pending"]
    refused = rows[0]
    assert refused[OutboxColumn.Customer] == "Helene Rousseau"
    assert refused[OutboxColumn.What] == "Call: Wants the VIP offer on yesterday's order"
    assert refused[OutboxColumn.Reason] == REASON
    assert rows[1][OutboxColumn.What] == "Profile: first name → Hélène"
    assert "first name" in rows[1][OutboxColumn.Reason]  # not the column name given_name
    assert rows[2][OutboxColumn.Reason] == "Waiting to be sent"
    assert model.index(0, 0).data(OutboxRole.CanRedo) is True
    assert model.index(2, 0).data(OutboxRole.CanDismiss) is False
    assert rejected_targets(reader, VIP) == {ids["refused"]: REASON}
    tip = model.index(0, OutboxColumn.Reason).data(Qt.ItemDataRole.ToolTipRole)
    assert "forbidden" in tip and REASON in tip


def test_empty_outbox_says_everything_reached_the_hub(qtbot, panel: OutboxPanel) -> None:  # type: ignore[no-untyped-def]
    show(qtbot, panel)
    empty = panel.findChild(QLabel, "outboxEmpty")
    assert empty.isVisible() and "reached the hub" in empty.text()
    assert not panel.redo_button.isEnabled() and not panel.dismiss_button.isEnabled()


def test_enter_redoes_a_rejected_write(qtbot, panel, reader, writes) -> None:  # type: ignore[no-untyped-def]
    ids = _fill(writes)
    show(qtbot, panel)
    assert panel.table.hasFocus()  # keys act at once
    assert panel.selected_items()[0].state == "rejected"  # the first row is selected on open
    detail = panel.findChild(QLabel, "outboxDetail").text()
    assert "Rejected by the hub" in detail and REASON in detail
    with qtbot.waitSignal(panel.changed, timeout=1000):
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    # Queued again under a new number, with the same interaction id: the timeline marks it pending.
    assert counts(reader).rejected == 0 and counts(reader).pending == 2
    assert ids["refused"] in pending_targets(reader, VIP)
    assert [i.state for i in outbox_items(reader)] == ["notice", "pending", "pending"]


def test_delete_dismisses_a_rejection_and_its_timeline_row(qtbot, panel, reader, writes) -> None:  # type: ignore[no-untyped-def]
    ids = _fill(writes)
    show(qtbot, panel)
    with qtbot.waitSignal(panel.changed, timeout=1000):
        qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert counts(reader).rejected == 0
    assert (
        reader.execute("SELECT 1 FROM interaction WHERE id = ?", (ids["refused"],)).fetchone()
        is None
    )
    # The notice is now the first row and selected: Delete again dismisses it too.
    assert panel.selected_items()[0].state == "notice"
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert [i.state for i in outbox_items(reader)] == ["pending"]
    # A pending write cannot be dismissed: it is still on its way.
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert [i.state for i in outbox_items(reader)] == ["pending"]
    assert "still on their way" in panel.findChild(QLabel, "outboxDetail").text()


def test_refresh_keeps_the_selection(qtbot, panel, writes) -> None:  # type: ignore[no-untyped-def]
    _fill(writes)
    show(qtbot, panel)
    panel.table.selectRow(2)
    seq = panel.selected_items()[0].client_seq
    writes.log_interaction(HOOPS, channel="chat", kind="chat", summary="Second contact")
    panel.refresh()
    assert panel.model.rowCount() == 4
    assert [i.client_seq for i in panel.selected_items()] == [seq]


def test_show_customer_asks_to_open_them(qtbot, panel, writes) -> None:  # type: ignore[no-untyped-def]
    _fill(writes)
    show(qtbot, panel)
    with qtbot.waitSignal(panel.customer_requested, timeout=1000) as blocker:
        panel.show_button.click()
    assert blocker.args == [VIP]


def test_enter_on_a_focused_button_presses_that_button(qtbot, panel, reader, writes) -> None:  # type: ignore[no-untyped-def]
    _fill(writes)
    show(qtbot, panel)
    for _ in range(6):  # Tab from the table to the Dismiss button
        if panel.dismiss_button.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert panel.dismiss_button.hasFocus()
    qtbot.keyClick(panel.dismiss_button, Qt.Key.Key_Return)
    assert counts(reader).rejected == 0  # dismissed, not redone
    assert counts(reader).pending == 1


def test_a_write_for_a_customer_no_longer_here_still_shows(reader, writes) -> None:  # type: ignore[no-untyped-def]
    writes.log_interaction(HOOPS, channel="store", kind="visit", summary="Came in for sizing")
    with writes.conn:
        writes.conn.execute("DELETE FROM customer WHERE id = ?", (HOOPS,))
    (item,) = outbox_items(reader)
    assert item.customer_name is None and item.customer_id == HOOPS
    model = OutboxModel(reader)
    model.refresh()
    assert model.index(0, OutboxColumn.Customer).data() == "Customer not on this computer"
    assert model.index(0, OutboxColumn.What).data() == "Store visit: Came in for sizing"


def _every_kind_of_write(reader: sqlite3.Connection, writes: LocalWrites) -> None:
    """One write of each kind the desk queues besides calls, profiles and consent."""
    from rapport.cache import basket as bk
    from rapport.cache.new_customer import NewCustomer, create_customer
    from rapport.cache.tasks import book_appointment, create_follow_up, set_task_status

    hit = bk.search_catalog(reader, "gloves")[0]
    variant = bk.variant_stock(reader, hit.id, "st-paris-opera")[0]
    basket = bk.Basket.new(HOOPS, "st-paris-opera")
    bk.save_basket(writes, bk.with_lines(basket, [bk.line_for(variant, 2)]))
    bk.send_basket(writes, basket.id, "email")
    create_customer(writes, NewCustomer("Yasmine", "Haddad", phone="06 11 22 33 44"))
    task = create_follow_up(
        writes, HOOPS, "Call back about the hoop", FIXED_NOW + timedelta(days=1)
    )
    set_task_status(writes, task, "done")
    book_appointment(
        writes, HOOPS, appointment_type="fitting", store_id="st-paris-opera",
        due_at=FIXED_NOW + timedelta(days=2), duration_min=30, heading="Fitting",
    )  # fmt: skip


def test_every_kind_of_write_is_said_in_the_agents_language(qapp, reader, writes) -> None:  # type: ignore[no-untyped-def]
    """The outbox says each write in the language of the moment, not in the English the cache
    stored when it was queued (a French desk saw "Basket saved: 2 items")."""
    from rapport.ui.common import i18n

    _every_kind_of_write(reader, writes)
    model = OutboxModel(reader, now=lambda: FIXED_NOW)
    model.refresh()
    english = [r[OutboxColumn.What] for r in _rows(model)]
    assert english == [
        "Basket saved: 2 items",
        "Basket sent by email",
        "New customer: Yasmine Haddad",
        "Follow-up: Call back about the hoop",
        "Task done: Call back about the hoop",
        "Fitting on " + fmt.date_time_text(FIXED_NOW + timedelta(days=2)),
    ]
    try:
        i18n.install(qapp, "fr")
        french = [r[OutboxColumn.What] for r in _rows(model)]
    finally:
        i18n.install(qapp, "en")
    assert french[:5] == [
        "Panier enregistré\u00a0: 2 articles",
        "Panier envoyé par e-mail",
        "Nouveau client\u00a0: Yasmine Haddad",
        "Suivi\u00a0: Call back about the hoop",
        "Tâche terminée\u00a0: Call back about the hoop",
    ]
    assert french[5] != english[5]


def _answer(writes: LocalWrites, **answer: object) -> None:
    apply_push_results(writes.conn, [{"client_seq": _last_seq(writes), **answer}])


def test_notices_and_refusals_are_said_in_the_agents_language(qapp, reader, writes) -> None:  # type: ignore[no-untyped-def]
    """What the cache writes when the hub kept its own value (a notice) was an English sentence
    stored with the write; a French desk read "Someone changed given_name first"."""
    from rapport.cache.new_customer import NewCustomer, create_customer
    from rapport.ui.common import i18n

    writes.update_customer(VIP, {"given_name": "Hélène", "birth_date": "1980-01-02"})
    conflicts = [{"field": "given_name", "current": "Helene"}, {"field": "birth_date"}]
    _answer(writes, status="applied", result={"conflicts": conflicts})
    create_customer(writes, NewCustomer("Yasmine", "Haddad", phone="06 11 22 33 44"))
    _answer(writes, status="applied", result={"merged_into": VIP, "matched": "phone"})
    writes.set_consent(HOOPS, "sms", "denied", "phone call")
    current = {"status": "granted", "source": "web", "effective_at": "2026-11-20T15:31:00Z"}
    _answer(writes, status="applied", result={"superseded": True, "consent": current})
    writes.log_interaction(HOOPS, channel="phone", summary="Asked about delivery")
    _answer(writes, status="rejected", error={"code": "erased", "message": "erased, not kept"})
    model = OutboxModel(reader, now=lambda: FIXED_NOW)
    model.refresh()

    def reasons() -> list[str]:
        return [r[OutboxColumn.Reason] for r in _rows(model)]

    assert reasons() == [
        "This customer's data was erased at their request; the write was not kept.",
        "Someone changed first name, birth date first; the newer value was kept.",
        "Already a customer with the same phone number: the new profile was merged into theirs.",
        "A more recent SMS consent was already recorded and was kept.",
    ]
    try:
        i18n.install(qapp, "fr")
        french = reasons()
    finally:
        i18n.install(qapp, "en")
    assert french == [
        "Les données de ce client ont été effacées à sa demande\u00a0; la saisie n'a pas été"
        " conservée.",
        "Quelqu'un a d'abord modifié prénom, date de naissance\u00a0; la valeur la plus récente"
        " a été gardée.",
        "Déjà client avec le même numéro de téléphone\u00a0: le nouveau profil a été fusionné"
        " avec le sien.",
        "Un consentement SMS plus récent était déjà enregistré et a été gardé.",
    ]
    # The command line and the logs keep the English sentence.
    assert "given_name, birth_date" in outbox_items(reader)[1].reason


def test_a_write_with_odd_arguments_is_said_by_its_stored_summary(reader, writes) -> None:  # type: ignore[no-untyped-def]
    """An outbox row whose arguments are not what this desk writes (a recovered file, an older
    version) still shows, in the words stored with it, rather than breaking the panel."""
    from rapport.cache.outbox import enqueue

    with writes.conn:
        enqueue(
            writes.conn, "basket.save", {"lines": [{"quantity": "two"}]},
            customer_id=HOOPS, target_id="b-odd", summary="Basket saved: 2 items",
        )  # fmt: skip
    model = OutboxModel(reader, now=lambda: FIXED_NOW)
    model.refresh()
    assert model.index(0, OutboxColumn.What).data() == "Basket saved: 2 items"
