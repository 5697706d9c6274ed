"""The outbox panel (Ctrl+Shift+O, or the counts in the status bar): every change made on this
computer that the hub does not have yet, every change it refused, with the reason, and every change
it applied with a notice. Refused changes can be redone (Enter) or dismissed (Delete); notices
dismissed once read. Non-modal: the agent keeps working while it is open."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rapport.cache.acks import dismiss_entry
from rapport.cache.outbox import NOTICE, REJECTED
from rapport.cache.outbox_view import OutboxItem
from rapport.cache.writes import LocalWrites, WriteError
from rapport.ui.common.forms import empty_state, quiet
from rapport.ui.common.messages import error_text
from rapport.ui.common.theme import warning
from rapport.ui.common.touch import row_height
from rapport.ui.outbox.model import (
    OutboxColumn,
    OutboxModel,
    customer_text,
    reason_text,
    what_text,
)

OUTBOX_SHORTCUT = "Ctrl+Shift+O"


class OutboxPanel(QDialog):
    changed = Signal()  # the outbox changed here (redo, dismiss): re-read counts and views, send
    customer_requested = Signal(str)  # "Show customer"

    def __init__(
        self,
        reader: sqlite3.Connection,
        writes: LocalWrites | None,
        parent: QWidget | None = None,
        *,
        model: OutboxModel | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Outbox — changes made on this computer"))
        self.setObjectName("outboxPanel")
        self.setModal(False)
        self._writes = writes
        self.model = model or OutboxModel(reader, parent=self)
        fm = self.fontMetrics()
        em, lh = fm.averageCharWidth(), fm.height()

        intro = quiet(
            self.tr(
                "Changes made on this computer that the hub does not have yet, and what it "
                "answered. Rejected changes stay here until you redo or dismiss them."
            ),
            self,
        )
        self.table = self._make_table()
        self.empty = empty_state(
            self.tr("Nothing waiting.\nEverything changed on this computer has reached the hub."),
            self,
            name="outboxEmpty",
            wrap=True,
        )
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty)

        self.detail = QLabel(self)
        self.detail.setObjectName("outboxDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(lh * 3)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        buttons = self._make_buttons()

        layout = QVBoxLayout(self)
        layout.setSpacing(lh // 2)
        layout.addWidget(intro)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)

        # In the table, Enter redoes and Delete dismisses the selection; on a focused button,
        # Enter presses that button.
        for key in ("Return", "Enter"):
            _table_key(QKeySequence(key), self.table, self.redo_selected)
        for key in (QKeySequence.StandardKey.Delete, QKeySequence(Qt.Key.Key_Backspace)):
            _table_key(QKeySequence(key), self.table, self.dismiss_selected)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._update_state)
        self.resize(em * 175, lh * 28)
        self._message = ""
        self._update_state()

    def _make_table(self) -> QTableView:
        """The writes, one a row: state, when, customer, what, the hub's reason."""
        em = self.fontMetrics().averageCharWidth()
        table = QTableView(self)
        table.setObjectName("outboxTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setTabKeyNavigation(False)  # Tab goes on to the buttons
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(row_height(table, 1.7))
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        widths = {
            OutboxColumn.State: 11,
            OutboxColumn.When: 16,
            OutboxColumn.Customer: 22,
            OutboxColumn.What: 56,
        }
        for column, chars in widths.items():
            header.resizeSection(column, em * chars)
        header.setSectionResizeMode(OutboxColumn.Reason, QHeaderView.ResizeMode.Stretch)
        table.setAccessibleName(self.tr("Outbox"))
        return table

    def _make_buttons(self) -> QHBoxLayout:
        """Redo, dismiss, show the customer; close."""
        self.redo_button = self._button(self.tr("&Redo  (Enter)"), "outboxRedo")
        self.redo_button.setToolTip(self.tr("Send the selected rejected change to the hub again"))
        self.dismiss_button = self._button(self.tr("&Dismiss  (Delete)"), "outboxDismiss")
        self.dismiss_button.setToolTip(
            self.tr(
                "Forget the selected rejected changes or notices; a rejected note leaves the "
                "timeline"
            )
        )
        self.show_button = self._button(self.tr("&Show customer"), "outboxShowCustomer")
        close = self._button(self.tr("Close"), "outboxClose")
        close.clicked.connect(self.close)
        self.redo_button.clicked.connect(self.redo_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.show_button.clicked.connect(self._show_customer)

        buttons = QHBoxLayout()
        buttons.addWidget(self.redo_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        return buttons

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(True)  # Enter presses the focused button, no button is the default
        return button

    # ---- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the outbox, keeping the selection on the same entries where they remain."""
        selected = [item.client_seq for item in self.selected_items()]
        current = self.table.currentIndex().row()
        if not self.model.refresh():
            return
        self._restore_selection(selected, current)

    def _restore_selection(self, seqs: list[int], fallback_row: int) -> None:
        rows = [r for r in (self.model.row_of(s) for s in seqs) if r >= 0]
        if not rows and self.model.rowCount():
            rows = [min(max(fallback_row, 0), self.model.rowCount() - 1)]
        selection = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for i, row in enumerate(rows):
            index = self.model.index(row, 0)
            if i == 0:
                selection.setCurrentIndex(index, flags | QItemSelectionModel.SelectionFlag.Clear)
            else:
                selection.select(index, flags)
        self._update_state()

    def showEvent(self, event: QShowEvent) -> None:
        self.model.refresh()
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self._restore_selection([], 0)
        self._update_state()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        super().showEvent(event)

    def selected_items(self) -> list[OutboxItem]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [item for item in (self.model.item(r) for r in rows) if item is not None]

    # ---- acting ------------------------------------------------------------------------------

    def redo_selected(self) -> None:
        items = [i for i in self.selected_items() if i.can_redo]
        if not items:
            self._say(
                self.tr("Only rejected changes can be redone.") if self.selected_items() else ""
            )
            return
        if self._writes is None:
            return
        errors = []
        for item in items:
            try:
                self._writes.redo(item.client_seq)
            except (WriteError, sqlite3.Error) as exc:
                errors.append(error_text(exc))
        self._after_change(
            "; ".join(errors) or self.tr("Queued again: it is sent to the hub right away.")
        )

    def dismiss_selected(self) -> None:
        items = [i for i in self.selected_items() if i.can_dismiss]
        if not items:
            self._say(
                self.tr(
                    "Pending changes are still on their way to the hub and cannot be dismissed."
                )
                if self.selected_items()
                else ""
            )
            return
        if self._writes is None:
            return
        errors = []
        for item in items:
            try:
                dismiss_entry(self._writes.conn, item.client_seq)
            except sqlite3.Error as exc:
                errors.append(str(exc))
        self._after_change("; ".join(errors) or self.tr("Dismissed."))

    def _after_change(self, message: str) -> None:
        self._message = message
        self.refresh()
        self._update_state()
        self.changed.emit()

    def _say(self, message: str) -> None:
        self._message = message
        self._update_state()

    def _show_customer(self) -> None:
        items = self.selected_items()
        if items and items[0].customer_id and items[0].customer_name:
            self.customer_requested.emit(items[0].customer_id)

    # ---- state -------------------------------------------------------------------------------

    def _selection_changed(self) -> None:
        self._message = ""
        self._update_state()

    def _update_state(self) -> None:
        empty = self.model.rowCount() == 0
        self._stack.setCurrentWidget(self.empty if empty else self.table)
        items = self.selected_items()
        self.redo_button.setEnabled(any(i.can_redo for i in items))
        self.dismiss_button.setEnabled(any(i.can_dismiss for i in items))
        self.show_button.setEnabled(bool(items) and bool(items[0].customer_name))
        self.detail.setText(self._detail_html(items))

    def _detail_html(self, items: list[OutboxItem]) -> str:
        note = ""
        if self._message:
            note = f"<p><i>{_escape(self._message)}</i></p>"
        if len(items) != 1:
            if items:
                return self.tr("%n entries selected.", "", len(items)) + note
            return note
        item = items[0]
        color = warning(self.palette()).name()
        head = f"<b>{_escape(what_text(item))}</b> — {_escape(customer_text(item))}"
        if item.state == REJECTED:
            rejected = (
                self.tr("Rejected by the hub ({code}):").format(code=_escape(item.error_code))
                if item.error_code
                else self.tr("Rejected by the hub:")
            )
            reason = _escape(reason_text(item) or self.tr("no reason given"))
            after = (
                self.tr(
                    "Redo sends it again as it is; Dismiss forgets it and removes it from the timeline."
                )
                if item.name == "interaction.log"
                else self.tr("Redo sends it again as it is; Dismiss forgets it.")
            )
            body = f"<span style='color:{color}'><b>{rejected}</b> {reason}</span><br>{after}"
        elif item.state == NOTICE:
            body = self.tr("Applied, with a notice: {notice}").format(
                notice=_escape(reason_text(item))
            )
        else:
            body = self.tr("{what}: it is sent as soon as the hub can be reached.").format(
                what=_escape(reason_text(item))
            )
        return f"{head}<br>{body}{note}"


def _table_key(key: QKeySequence, table: QTableView, slot: Callable[[], None]) -> None:
    shortcut = QShortcut(key, table)
    # Set apart: PySide6 ignores the context argument of the constructor that takes a callable.
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(slot)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
