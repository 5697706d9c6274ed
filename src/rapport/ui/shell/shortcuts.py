"""Help > Keyboard shortcuts (F1): every key of the window, read from its actions (the same ones
the menus and buttons use, :mod:`rapport.ui.shell.actions`), then the keys of panels and dialogs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rapport.ui.common.item_models import is_column_title
from rapport.ui.shell.actions import shortcut_rows

Index = QModelIndex | QPersistentModelIndex


class ShortcutsModel(QAbstractTableModel):
    """Columns: keys, what they do, where they work."""

    def __init__(self, rows: Sequence[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = list(rows)  # (where, keys, what)
        self._headers = (self.tr("Keys"), self.tr("Does"), self.tr("Where"))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        where, keys, what = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (keys, what, where)[index.column()]
        if role == Qt.ItemDataRole.FontRole and index.column() == 0:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return self._headers[section] if is_column_title(section, orientation, role, 3) else None


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.model = ShortcutsModel(shortcut_rows(actions), self)
        self.view = QTableView(self)
        self.view.setObjectName("shortcutsTable")
        self.view.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setTabKeyNavigation(False)  # Tab goes on to Close, not cell by cell
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        fm = self.fontMetrics()
        self.resize(fm.averageCharWidth() * 96, fm.height() * 30)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def keys(self) -> list[str]:
        """Every row's keys, as shown."""
        return [str(self.model.index(r, 0).data()) for r in range(self.model.rowCount())]
