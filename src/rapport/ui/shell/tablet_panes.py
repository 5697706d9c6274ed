"""Tablet mode's layout: one pane at a time. The search fills the window; a customer opens
full-window under a bar with a Back button, the customer's commands as finger-sized buttons and a
Menu button that stands in for the menu bar. The look (touch-sized controls, drag-to-scroll) is
:mod:`rapport.ui.common.touch`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rapport.ui.common import icons, wording
from rapport.ui.common.forms import heading
from rapport.ui.common.touch import roomier_rows


class TabletPanes(QStackedWidget):
    """Search, or one customer: never both. The customer page has a Back button (and Esc or
    Alt+Left) that returns to the search as it was left, query and results included."""

    pane_changed = Signal(str)  # "search" or "customer"

    def __init__(self, search: QWidget, customer: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tabletPanes")
        lh = self.fontMetrics().height()
        self.search_page = QWidget()
        self.search_page.setObjectName("tabletSearchPage")
        title = heading(self.tr("Find a customer"), name="tabletSearchTitle", scale=1.4)
        # The results sit on the window, not in a white box that is empty until something is typed.
        for view in search.findChildren(QAbstractItemView):
            view.setFrameShape(QFrame.Shape.NoFrame)
            view.viewport().setBackgroundRole(QPalette.ColorRole.Window)
            roomier_rows(view, lh)
        column = QVBoxLayout()
        column.setSpacing(lh // 2)
        self._search_top = QHBoxLayout()
        self._search_top.addWidget(title, 1)
        column.addLayout(self._search_top)
        column.addWidget(search, 1)
        s = QHBoxLayout(self.search_page)
        s.setContentsMargins(lh * 2, lh * 2, lh * 2, lh // 2)
        # A readable column: two-line results across a whole landscape screen are hard to follow.
        s.addStretch(1)
        s.addLayout(column, 12)
        s.addStretch(1)

        self.back_button = QToolButton()
        self.back_button.setObjectName("tabletBack")
        self.back_button.setText(self.tr("Back to search"))
        self.back_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.back_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.back_button.setAccessibleName(self.tr("Back to search"))
        keys = QKeySequence(QKeySequence.StandardKey.Back).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.back_button.setToolTip(
            self.tr("Back to the search results ({esc}, {keys})").format(
                esc=QKeySequence(Qt.Key.Key_Escape).toString(
                    QKeySequence.SequenceFormat.NativeText
                ),
                keys=keys,
            )
        )
        self.back_button.setMinimumWidth(self.fontMetrics().averageCharWidth() * 22)
        self.back_button.clicked.connect(self.show_search)
        self.query_label = QLabel()
        self.query_label.setObjectName("tabletQuery")
        self.query_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.query_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar = QFrame()
        bar.setObjectName("tabletBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(lh, lh // 2, lh, 0)
        row.setSpacing(lh)
        row.addWidget(self.back_button)
        row.addWidget(self.query_label, 1)
        self._bar_row = row

        self.customer_page = QWidget()
        self.customer_page.setObjectName("tabletCustomerPage")
        c = QVBoxLayout(self.customer_page)
        c.setContentsMargins(0, 0, 0, 0)
        c.setSpacing(0)
        c.addWidget(bar)
        c.addWidget(customer, 1)

        self.addWidget(self.search_page)
        self.addWidget(self.customer_page)
        self.setCurrentWidget(self.search_page)

    def add_action(self, action: QAction, name: str) -> QToolButton:
        """A button for one of the window's actions at the right of the customer page's bar: on a
        tablet there is no shortcut key to reach what the desktop opens with one."""
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setText(action.iconText())
        button.setAccessibleName(action.iconText())
        button.setObjectName(name)
        self._bar_row.addWidget(button)
        return button

    def set_menu(self, menu: QMenu) -> None:
        """The window's commands behind a Menu button on both pages (a tablet has no menu bar)."""
        for row, name in ((self._bar_row, "tabletMenuCustomer"), (self._search_top, "tabletMenu")):
            button = QToolButton()
            button.setObjectName(name)
            button.setText(self.tr("Menu"))
            button.setAccessibleName(self.tr("Menu"))
            button.setToolTip(self.tr("Every command: new customer, tasks, outbox, help"))
            button.setIcon(icons.icon("menu", self.palette()))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            button.setMenu(menu)
            row.addWidget(button)

    @property
    def pane(self) -> str:
        return "customer" if self.currentWidget() is self.customer_page else "search"

    def show_customer(self, query: str = "") -> None:
        shown = query.strip()
        self.query_label.setText(
            self.tr("Results for {query}").format(query=wording.quote(shown[:60])) if shown else ""
        )
        self._switch(self.customer_page)

    def show_search(self) -> None:
        self._switch(self.search_page)

    def _switch(self, page: QWidget) -> None:
        if self.currentWidget() is page:
            return
        self.setCurrentWidget(page)
        self.pane_changed.emit(self.pane)
