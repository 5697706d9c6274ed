"""Several customers share the calling number (a household landline, a company switchboard): a
short list to pick the caller from, keyboard first. Enter or a double click opens the selected one,
1 to 9 open that row at once, Esc closes and leaves the window as it was."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QVBoxLayout, QWidget

from rapport.cache.search import SearchHit
from rapport.domain.phones import format_phone
from rapport.ui.search.model import SearchRole
from rapport.ui.search.panel import SearchHitDelegate

Index = QModelIndex | QPersistentModelIndex


class CallerModel(QAbstractListModel):
    """The customers a number belongs to, with the search list's roles (and its delegate)."""

    def __init__(self, hits: list[SearchHit], region: str = "FR", parent: Any = None) -> None:
        super().__init__(parent)
        self._hits = list(hits)
        self._region = region

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def hit(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        h = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, SearchRole.Name):
            return h.name or self.tr("(no name)")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if not h.tier:
                return self.tr("{n}: {name}").format(n=index.row() + 1, name=h.name)
            return self.tr("{n}: {name}, {tier} customer").format(
                n=index.row() + 1, name=h.name, tier=h.tier
            )
        if role == SearchRole.Id:
            return h.id
        if role == SearchRole.Tier:
            return h.tier
        if role == SearchRole.Email:
            return h.email
        if role == SearchRole.Phone:
            return format_phone(h.phone, self._region) if h.phone else None
        if role == SearchRole.LastContact:
            return h.last_contact_at
        return None


class CallerChooser(QDialog):
    chosen = Signal(str)  # the customer id picked

    def __init__(
        self,
        hits: list[SearchHit],
        number: str,
        region: str = "FR",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callerChooser")
        self.setWindowTitle(self.tr("Incoming call — {number}").format(number=number))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.title = QLabel(
            self.tr(
                "%n customer(s) have the number {number}. Who is calling?", "", len(hits)
            ).format(number=number),
            self,
        )
        self.title.setObjectName("callerChooserTitle")
        self.title.setWordWrap(True)
        self.model = CallerModel(hits, region, self)
        self.list = QListView(self)
        self.list.setObjectName("callerList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(SearchHitDelegate(self.list))
        self.list.setAccessibleName(self.tr("Customers with this number"))
        self.list.setCurrentIndex(self.model.index(0, 0))
        self.list.activated.connect(self._pick)
        self.list.installEventFilter(self)
        hint = QLabel(
            self.tr("Enter opens the selected customer, 1–9 the numbered one, Esc closes."), self
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(lambda: self._pick(self.list.currentIndex()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        fm = self.fontMetrics()
        rows = min(len(hits), 6)
        self.resize(fm.averageCharWidth() * 60, fm.height() * (8 + rows * 3))
        self.list.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Before the list's own keyboard search takes the digit.
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            row = key - Qt.Key.Key_1
            if plain and Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and row < self.model.rowCount():
                self._pick(self.model.index(row, 0))
                return True
        return super().eventFilter(watched, event)

    def _pick(self, index: Index) -> None:
        hit = self.model.hit(index.row()) if index.isValid() else None
        if hit is None:
            return
        self.chosen.emit(hit.id)
        self.accept()
