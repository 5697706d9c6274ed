"""The basket dialog on a seeded cache (story 5): the black leather gloves in M are out of stock at
Paris Opéra, in stock at La Défense and Lyon; the associate finds them, adds them from another
store, ships them free, and can send by email but not by SMS to a customer who opted out."""

from __future__ import annotations

import sqlite3

import orjson
import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from rapport.cache import basket as bk
from rapport.cache.acks import apply_push_results
from rapport.cache.outbox import entries
from rapport.cache.writes import LocalWrites, WriteError
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.basket.dialog import BasketDialog
from rapport.ui.basket.models import BasketLinesModel, CatalogModel, VariantStockModel
from rapport.ui.common import format as fmt
from rapport.ui.shell.main_window import MainWindow
from tests.helpers import FIXED_NOW
from tests.ui.fakes import FakeWorker

BRIDE = STORY_CUSTOMERS["bride"]
OPERA = "st-paris-opera"


def _story_gloves(reader: sqlite3.Connection) -> str:
    """The product of story 5: the first of the leather gloves."""
    return reader.execute(
        "SELECT name FROM product WHERE id ="
        " (SELECT min(id) FROM product WHERE category = 'Leather gloves')"
    ).fetchone()[0]


@pytest.fixture
def opted_out(writes: LocalWrites) -> str:
    """The bride opted out of SMS at the counter; email stays granted."""
    writes.set_consent(BRIDE, "email", "granted", "store")
    writes.set_consent(BRIDE, "sms", "denied", "store")
    return BRIDE


@pytest.fixture
def dialog(qtbot, reader: sqlite3.Connection, writes: LocalWrites, opted_out: str) -> BasketDialog:  # type: ignore[no-untyped-def]
    dlg = BasketDialog(reader, writes, opted_out, "Bride To-Be", OPERA)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _find_and_pick_gloves(qtbot, dlg: BasketDialog, name: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dlg.search, "Leather gloves")
    qtbot.waitUntil(lambda: dlg.catalog.rowCount() > 0, timeout=2000)
    rows = [dlg.catalog.index(i, 0).data().split("\n")[0] for i in range(dlg.catalog.rowCount())]
    assert name in rows
    row = rows.index(name)
    dlg.results.scrollTo(dlg.catalog.index(row, 0))
    rect = dlg.results.visualRect(dlg.catalog.index(row, 0))
    qtbot.mouseClick(dlg.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: dlg.product_label.text().startswith(name), timeout=2000)
    # Color then size, from the keyboard as a person would.
    dlg.color.setFocus()
    qtbot.keyClicks(dlg.color, "Black")
    dlg.size.setFocus()
    qtbot.keyClicks(dlg.size, "M")
    assert (dlg.color.currentData(), dlg.size.currentData()) == ("black", "M")


def test_story_5_gloves_from_another_store_shipped_free(
    qtbot, dialog: BasketDialog, reader, writes
) -> None:  # type: ignore[no-untyped-def]
    name = _story_gloves(reader)
    _find_and_pick_gloves(qtbot, dialog, name)
    stock = dialog.stock.text()
    assert "Out of stock at Paris Opéra" in stock
    assert "Paris La Défense 4" in dialog.stock.toolTip().replace(": ", " ")
    assert "Lyon Part-Dieu: 2" in dialog.stock.toolTip()
    # The variant table shows the same, row by row.
    row = dialog.variant_view.currentIndex().row()
    assert dialog.variants.index(row, 2).data() == "Out of stock"
    assert "Paris La Défense" in dialog.variants.index(row, 3).data(Qt.ItemDataRole.ToolTipRole)
    # Nothing here: the item comes from the nearest store that has it.
    assert dialog.source.currentData() == "st-paris-la-defense"
    assert dialog.source.currentText() == "Paris La Défense (4)"
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.lines.rowCount() == 1
    assert dialog.lines.index(0, 1).data() == "Black · M"
    assert dialog.fulfillment.currentData() == "ship"
    price = reader.execute(
        "SELECT COALESCE(v.price, p.price) FROM variant v JOIN product p ON p.id = v.product_id"
        " WHERE p.name = ? AND v.size = 'M' AND v.color = 'black'",
        (name,),
    ).fetchone()[0]
    totals = dialog.totals.text()
    assert "Shipping Free" in totals and f"Total {fmt.money(price, 'EUR')}" in totals

    # SMS is refused for this customer, with the reason; email is allowed.
    assert not dialog.send_buttons["sms"].isEnabled()
    assert dialog.reasons["sms"].text() == "The customer opted out of SMS messages."
    assert dialog.reasons["sms"].isVisible()
    assert dialog.send_buttons["email"].isEnabled()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [save] = [e for e in entries(writes.conn) if e.name == "basket.save"]
    assert save.args["customer_id"] == BRIDE and save.args["fulfillment"] == "ship"
    [line] = save.args["lines"]
    assert line["quantity"] == 1 and line["unit_price"] == price
    assert line["source_store_id"] not in (None, OPERA)
    assert dialog.status.text() == "Draft saved on this computer."

    qtbot.mouseClick(dialog.send_buttons["email"], Qt.MouseButton.LeftButton)
    [send] = [e for e in entries(writes.conn) if e.name == "basket.send"]
    assert send.args == {"basket_id": save.args["id"], "channel": "email"}
    status = reader.execute("SELECT status FROM basket WHERE id = ?", (save.args["id"],))
    assert status.fetchone()[0] == "sending"
    assert not dialog.send_buttons["email"].isEnabled()
    assert dialog.status.text().startswith("Sending by email")


def test_a_refused_send_makes_the_basket_a_draft_again_with_the_reason(
    qtbot, dialog: BasketDialog, reader, writes
) -> None:  # type: ignore[no-untyped-def]
    _find_and_pick_gloves(qtbot, dialog, _story_gloves(reader))
    dialog.add_current()
    assert dialog.send("email")
    [send] = [e for e in entries(writes.conn) if e.name == "basket.send"]
    apply_push_results(
        writes.conn,
        [{"client_seq": send.client_seq, "status": "rejected",
          "error": {"code": "forbidden", "message": "the customer has opted out of email messages"}}],
    )  # fmt: skip
    dialog.refresh(frozenset({BRIDE}))
    assert dialog.basket.status == "draft"
    assert dialog.problem.text() == "the customer has opted out of email messages"
    assert dialog.add_button.isEnabled() or dialog.current_variant() is not None


def test_ctrl_b_opens_the_basket_of_the_open_customer(qtbot, reader, writes, opted_out) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(reader, writes=writes, worker=FakeWorker(), now=lambda: FIXED_NOW)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    try:
        assert win.open_customer(BRIDE)
        qtbot.keyClick(win, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: win.findChild(BasketDialog) is not None, timeout=2000)
        dlg = win.findChild(BasketDialog)
        assert dlg.customer_id == BRIDE
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.search, timeout=2000)
        dlg.close()
    finally:
        win.detach()


def test_catalog_search_matches_name_sku_and_category(reader: sqlite3.Connection) -> None:
    by_name = bk.search_catalog(reader, "leather gloves")
    assert by_name and all(
        "gloves" in h.name.lower() or h.category == "Leather gloves" for h in by_name
    )
    sku = by_name[0].sku
    assert bk.search_catalog(reader, sku.lower())[0].sku == sku
    assert bk.search_catalog(reader, "   ") == []
    assert bk.search_catalog(reader, "100%_") == []


def test_models_pass_the_model_tester(qtmodeltester, reader: sqlite3.Connection) -> None:  # type: ignore[no-untyped-def]
    catalog = CatalogModel()
    hits = bk.search_catalog(reader, "gloves")
    catalog.set_results(hits)
    qtmodeltester.check(catalog)
    variants = VariantStockModel("Paris Opéra")
    stock = bk.variant_stock(reader, hits[0].id, OPERA)
    variants.set_variants(stock)
    qtmodeltester.check(variants)
    lines = BasketLinesModel("EUR", {"st-lyon-part-dieu": "Lyon Part-Dieu"})
    lines.add(bk.line_for(stock[0], 2))
    lines.add(bk.line_for(stock[1], 1, "st-lyon-part-dieu"))
    qtmodeltester.check(lines)
    assert lines.setData(lines.index(0, 3), 3) and lines.lines[0].quantity == 3
    assert not lines.setData(lines.index(0, 3), 0)


def test_local_writes_save_and_send_in_one_transaction_each(
    reader: sqlite3.Connection, writes: LocalWrites, opted_out: str
) -> None:
    hit = bk.search_catalog(reader, "gloves")[0]
    variant = bk.variant_stock(reader, hit.id, OPERA)[0]
    basket = bk.Basket.new(opted_out, OPERA)
    with pytest.raises(WriteError):
        bk.send_basket(writes, basket.id, "email")  # not saved yet
    saved = bk.save_basket(writes, bk.with_lines(basket, [bk.line_for(variant, 2)]))
    assert saved.total == 2 * variant.price
    row = reader.execute(
        "SELECT total, lines, owner_id FROM basket WHERE id = ?", (basket.id,)
    ).fetchone()
    assert row[0] == 2 * variant.price and orjson.loads(row[1])[0]["quantity"] == 2
    assert row[2] == writes.user_id
    with pytest.raises(WriteError, match="opted out of SMS"):
        bk.send_basket(writes, basket.id, "sms")
    assert [e.name for e in entries(writes.conn)][-1] == "basket.save"
    bk.send_basket(writes, basket.id, "email")
    assert bk.customer_basket(reader, opted_out, writes.user_id).status == bk.SENDING


def test_the_hubs_queued_then_failed_send_reaches_the_dialog_with_the_reason(
    qtbot, dialog: BasketDialog, reader, writes
) -> None:  # type: ignore[no-untyped-def]
    from rapport.cache.apply import apply_changes

    _find_and_pick_gloves(qtbot, dialog, _story_gloves(reader))
    dialog.add_current()
    assert dialog.send("email")
    [send] = [e for e in entries(writes.conn) if e.name == "basket.send"]
    apply_push_results(
        writes.conn, [{"client_seq": send.client_seq, "status": "applied", "result": {}}]
    )
    row = dict(writes.conn.execute("SELECT * FROM basket WHERE id = ?",
                                   (dialog.basket.id,)).fetchone())  # fmt: skip
    row["lines"] = orjson.loads(row["lines"])

    def hub_says(status: str, *more: dict) -> None:
        basket = {"entity": "basket", "op": "upsert", "id": row["id"], "version": 1,
                  "data": {**row, "status": status}}  # fmt: skip
        apply_changes(writes.conn, [basket, *more], None)
        dialog.refresh(frozenset({BRIDE}))

    # Accepted by the hub, in its outbox: on its way, not editable.
    hub_says("queued")
    assert dialog.basket.status == bk.SENDING and not dialog.basket.editable
    assert dialog.status.text().startswith("Sending by email")
    # The mail server refused the address: a draft again, with the hub's reason.
    reason = "Basket not sent by email: the mail server refused the address"
    hub_says("failed", {"entity": "interaction", "op": "upsert", "id": "i-failed", "version": 1,
                        "data": {"id": "i-failed", "customer_id": BRIDE, "channel": "email",
                                 "direction": "outbound", "kind": "basket_send_failed",
                                 "occurred_at": "2026-11-30T10:00:00Z", "summary": reason,
                                 "payload": {"basket_id": row["id"], "reason": "refused"}}})  # fmt: skip
    assert dialog.basket.status == "draft" and dialog.basket.editable
    assert dialog.problem.text() == reason
    hub_says("sent")
    assert dialog.basket.status == "sent" and not dialog.problem.text()


# -- issue 14: fits the screen, starts from the web cart, ranks what the customer looked at ------

HOOPS = STORY_CUSTOMERS["hoops"]


def _hoops_dialog(qtbot, reader, writes, parent=None) -> BasketDialog:  # type: ignore[no-untyped-def]
    dlg = BasketDialog(reader, writes, HOOPS, "Lucas Martin", OPERA, parent, now=lambda: FIXED_NOW)
    qtbot.addWidget(dlg)
    return dlg


def _inside(dlg: BasketDialog, widget) -> bool:  # type: ignore[no-untyped-def]
    where = QRect(widget.mapTo(dlg, QPoint(0, 0)), widget.size())
    return dlg.rect().contains(where)


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 600)])
@pytest.mark.parametrize("tablet", [False, True])
def test_the_dialog_fits_the_screen(
    qtbot, reader, writes, width: int, height: int, tablet: bool
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from rapport.ui.common.touch import tablet_font

    parent = QWidget()
    qtbot.addWidget(parent)
    if tablet:
        parent.setFont(tablet_font(parent.font()))
    dlg = _hoops_dialog(qtbot, reader, writes, parent)
    available = QRect(0, 0, width, height)
    dlg.fit_to(available)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert available.contains(dlg.frameGeometry()), (dlg.frameGeometry(), available)
    assert dlg.minimumSizeHint().width() <= width and dlg.minimumSizeHint().height() <= height
    # What closes, saves and sends is always on screen, whatever scrolls.
    for button in dlg.findChildren(QPushButton):
        if button.isVisible() and button.objectName() in (
            "basketSave", "basketSendEmail", "basketSendSms", "basketClose", "basketClearCart"
        ):  # fmt: skip
            assert _inside(dlg, button), button.objectName()
    assert _inside(dlg, dlg.search)
    dlg.close()


def test_the_basket_starts_from_the_abandoned_web_cart(qtbot, reader, writes) -> None:  # type: ignore[no-untyped-def]
    dlg = _hoops_dialog(qtbot, reader, writes)
    dlg.show()
    hoop = reader.execute(
        "SELECT id, name FROM product WHERE category = 'Basketball hoops' AND price = 34900"
    ).fetchone()
    assert [(line.product_id, line.quantity) for line in dlg.lines.lines] == [(hoop[0], 1)]
    assert dlg.lines.index(0, 0).data() == hoop[1]
    note = dlg.findChild(QLabel, "basketFromCart")
    assert note.isVisible()
    assert note.text() == "From the web cart abandoned yesterday 20:13 (€349)"
    assert "Total €349.00" in dlg.totals.text()
    # Nothing is saved until the associate says so; the cart can be put aside in one click.
    assert not [e for e in entries(writes.conn) if e.name == "basket.save"]
    clear = dlg.findChild(QPushButton, "basketClearCart")
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert dlg.lines.rowCount() == 0 and not note.isVisible()


def test_no_web_cart_when_the_customer_has_a_draft_or_none(
    qtbot, reader, writes, opted_out
) -> None:  # type: ignore[no-untyped-def]
    bride = BasketDialog(reader, writes, BRIDE, "Bride To-Be", OPERA, now=lambda: FIXED_NOW)
    qtbot.addWidget(bride)
    assert bride.lines.rowCount() == 0
    assert not bride.findChild(QLabel, "basketFromCart").isVisibleTo(bride)
    # Saved once: the draft is what opens next time, not the web cart again.
    first = _hoops_dialog(qtbot, reader, writes)
    first.lines.remove(0)
    hit = bk.search_catalog(reader, "gloves")[0]
    first.lines.add(bk.line_for(bk.variant_stock(reader, hit.id, OPERA)[0]))
    assert first.save()
    again = _hoops_dialog(qtbot, reader, writes)
    assert [line.product_id for line in again.lines.lines] == [hit.id]
    assert not again.findChild(QLabel, "basketFromCart").isVisibleTo(again)


def test_catalog_search_ranks_what_the_customer_looked_at_first(qtbot, reader, writes) -> None:  # type: ignore[no-untyped-def]
    dlg = _hoops_dialog(qtbot, reader, writes)
    dlg.show()
    qtbot.keyClicks(dlg.search, "hoop")
    qtbot.waitUntil(lambda: dlg.catalog.rowCount() > 14, timeout=2000)
    hits = [dlg.catalog.product(i) for i in range(dlg.catalog.rowCount())]
    categories = [h.category for h in hits]
    first_earring = categories.index("Earrings")
    assert set(categories[:first_earring]) == {"Basketball hoops"}
    assert first_earring == 14  # every hoop, then the earrings
    viewed = {  # hoops Lucas looked at this month
        r[0]
        for r in reader.execute(
            "SELECT DISTINCT w.product_id FROM web_event w JOIN product p ON p.id = w.product_id"
            " WHERE w.customer_id = ? AND w.event = 'Product Viewed' AND w.occurred_at >= ?"
            " AND p.name LIKE '%hoop%'",
            (HOOPS, "2026-10-21T15:30:00Z"),
        )
    }
    assert len(viewed) == 4
    assert {h.id for h in hits[: len(viewed)]} == viewed  # the ones viewed lead
    assert hits[0].price == 34900  # the one in the cart, viewed most
    assert "Viewed online" in dlg.catalog.index(0, 0).data()
    # Someone else's search is not steered by Lucas's browsing.
    plain = bk.search_catalog(reader, "hoop")
    assert plain[0].category == "Earrings"


def test_no_error_before_an_attempt_and_one_on_send_without_items(
    qtbot, reader, writes, opted_out
) -> None:  # type: ignore[no-untyped-def]
    dlg = BasketDialog(reader, writes, BRIDE, "Bride To-Be", OPERA, now=lambda: FIXED_NOW)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    said = [w.text() for w in dlg.findChildren(QLabel) if w.isVisible()]
    assert not [t for t in said if "Add an item" in t], said
    assert dlg.problem.isHidden()
    # The opted-out channel says why, as a hint (not in the error colour).
    hint = dlg.reasons["sms"]
    assert hint.isVisible() and "opted out" in hint.text()
    assert hint.palette().color(hint.foregroundRole()) != dlg.problem.palette().color(
        dlg.problem.foregroundRole()
    )
    # Sending an empty basket is the attempt that earns an error.
    email = dlg.send_buttons["email"]
    assert email.isEnabled()
    qtbot.mouseClick(email, Qt.MouseButton.LeftButton)
    assert dlg.problem.isVisible() and "Add an item" in dlg.problem.text()
    assert not [e for e in entries(writes.conn) if e.name.startswith("basket.")]
    # Adding an item takes the error away.
    hit = bk.search_catalog(reader, "gloves")[0]
    dlg.lines.add(bk.line_for(bk.variant_stock(reader, hit.id, OPERA)[0]))
    assert dlg.problem.isHidden()
