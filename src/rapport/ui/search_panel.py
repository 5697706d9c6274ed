"""The search box and its as-you-type results (Ctrl+K from anywhere)."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from rapport.ui.models.search_model import SearchModel, SearchRole
from rapport.ui.theme import muted, tier_color

# Coalesce bursts of keystrokes (paste, fast typists) into one query without a felt delay.
TYPING_COALESCE_MS = 15


class SearchHitDelegate(QStyledItemDelegate):
    """Two lines: name and tier; email, phone and last contact underneath."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(fm.averageCharWidth() * 30, fm.height() * 2 + fm.height() // 2 + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
        )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        text_color = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        fm = QFontMetrics(option.font)
        pad = fm.averageCharWidth()
        r = option.rect.adjusted(pad, 4, -pad, -4)
        line1 = QRect(r.left(), r.top(), r.width(), fm.height())
        line2 = QRect(r.left(), r.top() + fm.height() + 2, r.width(), fm.height())

        tier = index.data(SearchRole.Tier) or ""
        tier_w = fm.horizontalAdvance(tier.title()) + pad * 2 if tier else 0
        bold = option.font
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color)
        name = QFontMetrics(bold).elidedText(
            index.data(SearchRole.Name) or "", Qt.TextElideMode.ElideRight, r.width() - tier_w - pad
        )
        painter.drawText(line1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(option.font)
        if tier:
            badge = QRect(r.right() - tier_w, line1.top(), tier_w, fm.height())
            painter.setPen(text_color if selected else tier_color(tier, pal))
            painter.drawText(
                badge, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, tier.title()
            )
        details = " · ".join(
            x for x in (index.data(SearchRole.Phone), index.data(SearchRole.Email)) if x
        )
        painter.setPen(text_color if selected else muted(pal))
        painter.drawText(
            line2,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(details, Qt.TextElideMode.ElideRight, r.width()),
        )
        painter.restore()


class SearchPanel(QWidget):
    customer_activated = Signal(str)

    def __init__(
        self, reader: sqlite3.Connection, region: str = "FR", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = SearchModel(reader, region, parent=self)
        self.box = QLineEdit(self)
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText("Name, email, phone or loyalty id  (Ctrl+K)")
        self.box.setClearButtonEnabled(True)
        self.box.setAccessibleName("Search customers")
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchHitDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.results.setAccessibleName("Matching customers")
        self.hint = QLabel(self)
        self.hint.setObjectName("searchHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setContentsMargins(8, 16, 8, 16)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.hint)
        layout.addWidget(self.results, 1)

        self._timer = QTimer(self, singleShot=True, interval=TYPING_COALESCE_MS)
        self._timer.timeout.connect(self._run_query)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self._open_current)
        self.box.installEventFilter(self)
        self.results.activated.connect(self._open_index)
        self._syncing_note = ""
        self._update_hint()

    def focus_search(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def set_syncing_note(self, note: str) -> None:
        """E.g. 'Syncing customers… 40 %': results may still be incomplete."""
        self._syncing_note = note
        self._update_hint()

    def refresh(self) -> None:
        self.model.refresh()
        self._after_results()

    def _run_query(self) -> None:
        self.model.set_query(self.box.text())
        self._after_results()

    def _after_results(self) -> None:
        if self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0))
        self._update_hint()

    def _update_hint(self) -> None:
        text = self.box.text().strip()
        if not text:
            hint = "Type a name, an email, a phone number in any format or a loyalty id."
        elif self.model.rowCount() == 0:
            hint = f"No customer matches “{text[:60]}” in this computer's cache."
        else:
            hint = ""
        if self._syncing_note:
            hint = f"{hint}\n{self._syncing_note}".strip()
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    def _open_current(self) -> None:
        self._timer.stop()
        if self.model.query != self.box.text():
            self._run_query()
        index = self.results.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0)
        self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        cid = index.data(SearchRole.Id) if index.isValid() else None
        if cid:
            self.customer_activated.emit(cid)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up/Down in the box move through the results, so the hands stay on the keyboard.
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent(event).key() if not isinstance(event, QKeyEvent) else event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                rows = self.model.rowCount()
                if rows:
                    cur = self.results.currentIndex().row()
                    step = {
                        Qt.Key.Key_Down: 1,
                        Qt.Key.Key_Up: -1,
                        Qt.Key.Key_PageDown: 5,
                        Qt.Key.Key_PageUp: -5,
                    }[Qt.Key(key)]
                    row = max(0, min(rows - 1, (cur if cur >= 0 else -1) + step))
                    self.results.setCurrentIndex(self.model.index(row))
                return True
            if key == Qt.Key.Key_Escape and self.box.text():
                self.box.clear()
                return True
        return super().eventFilter(watched, event)
