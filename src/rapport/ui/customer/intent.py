"""Recent web intent: the one sentence an agent reads first (:class:`IntentBanner`, always on screen)
and, in its tab, what it is made of (:class:`IntentPanel`): ranked products with when they were
last looked at, categories, searches and carts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from rapport.domain.intent import Intent
from rapport.ui.common import format as fmt
from rapport.ui.common import wording
from rapport.ui.common.accessible import tooltip_description
from rapport.ui.common.forms import empty_state
from rapport.ui.common.i18n import TranslatedNames

Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
# The strongest signals are at the top; past this many rows a list stops being read.
MAX_ROWS = 25
_CART_WORDS = TranslatedNames(
    "IntentPanel",
    {
        "abandoned": QT_TRANSLATE_NOOP("IntentPanel", "Abandoned"),
        "purchased": QT_TRANSLATE_NOOP("IntentPanel", "Bought"),
        "open": QT_TRANSLATE_NOOP("IntentPanel", "Still open"),
    },
)


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


class IntentBanner(QFrame):
    """The intent sentence, large, on a tinted band with an accent bar: the first thing read.
    Without web activity it is one quiet line ("Web intent: no web activity…"), not a box that
    takes the timeline's room to say nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lh = self.fontMetrics().height()
        self.caption = QLabel(self.tr("Web intent"))
        self.caption.setObjectName("intentCaption")
        self.caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.sentence = QLabel()
        self.sentence.setObjectName("intentSentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.sentence.font()
        font = fmt.scaled_font(font, 1.25)
        font.setWeight(QFont.Weight.DemiBold)
        self._large = font
        self.sentence.setFont(font)
        self.sentence.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(lh, lh // 2, lh, lh // 2)
        layout.setSpacing(lh // 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.sentence)
        self._active = False

    def set_intent(self, intent: Intent | None, now: datetime) -> None:
        if intent is None:
            self.sentence.setText("")
            return
        sentence = wording.intent_sentence(intent.summary)
        self._active = intent.last_seen is not None
        self._set_active_look(self._active)
        if not self._active:
            self.sentence.setText(self.tr("Web intent: {sentence}").format(sentence=sentence))
            self.update()
            return
        self.sentence.setText(sentence)
        caption = self.tr("Web intent")
        if intent.last_seen is not None:
            caption = self.tr("Web intent · last on the site {when}").format(
                when=fmt.relative_text(intent.last_seen, now)
            )
            if intent.devices:
                caption += " · " + ", ".join(wording.device_name(d) for d in intent.devices)
        self.caption.setText(caption)
        self.update()

    def _set_active_look(self, active: bool) -> None:
        lh = self.fontMetrics().height()
        self.caption.setVisible(active)
        self.sentence.setFont(self._large if active else self.font())
        self.sentence.setForegroundRole(
            QPalette.ColorRole.WindowText if active else QPalette.ColorRole.PlaceholderText
        )
        margins = (lh, lh // 2, lh, lh // 2) if active else (0, 0, 0, 0)
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(*margins)

    def is_one_line(self) -> bool:
        """True when there is nothing to say but that there is nothing (no band, one line)."""
        return not self._active

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._active:
            return  # one plain line: no band
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        accent = pal.color(QPalette.ColorRole.Highlight)
        window = pal.color(QPalette.ColorRole.Window)
        radius = self.fontMetrics().height() / 3
        rect = QRectF(self.rect())
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_mix(window, accent, 0.12 if self._active else 0.05))
        p.drawRoundedRect(rect, radius, radius)
        bar = max(3.0, self.fontMetrics().height() / 5)
        p.setBrush(accent if self._active else _mix(window, accent, 0.35))
        p.drawRoundedRect(QRectF(rect.left(), rect.top(), bar, rect.height()), bar / 2, bar / 2)


class RowsModel(QAbstractTableModel):
    """A small read-only table: headers, rows of display text, right-aligned numeric columns."""

    def __init__(
        self, headers: Sequence[str], numeric: Sequence[int] = (), parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._numeric = frozenset(numeric)
        self._rows: list[tuple[str, ...]] = []
        self._tips: list[str | None] = []

    def set_rows(self, rows: Sequence[Sequence[str]], tips: Sequence[str | None] = ()) -> None:
        self.beginResetModel()
        self._rows = [tuple(r) for r in rows]
        self._tips = list(tips) + [None] * (len(rows) - len(tips))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            row = self._rows[index.row()]
            return row[index.column()] if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[index.row()]
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return tooltip_description(index)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if index.column() in self._numeric else _LEFT
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in self._numeric else _LEFT
        return None


class _Section(QWidget):
    """A heading over a table that is as tall as its rows (up to ``max_rows``, then it scrolls), or
    a muted line when there is nothing to list."""

    def __init__(
        self, title: str, model: RowsModel, name: str, none: str, max_rows: int = 8
    ) -> None:
        super().__init__()
        self.model = model
        self._max_rows = max_rows
        heading = QLabel(title)
        font = heading.font()
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)
        self.view = QTreeView()
        self.view.setObjectName(name)
        heading.setBuddy(self.view)  # the heading names the table for a screen reader
        self.view.setModel(model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.none = QLabel(none)
        self.none.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self.fontMetrics().height() // 4)
        layout.addWidget(heading)
        layout.addWidget(self.view)
        layout.addWidget(self.none)
        model.modelReset.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        rows = self.model.rowCount()
        self.view.setVisible(rows > 0)
        self.none.setVisible(rows == 0)
        if rows:
            row = self.view.sizeHintForRow(0)
            height = self.view.header().sizeHint().height() + min(rows, self._max_rows) * row
            self.view.setFixedHeight(height + 2 * self.view.frameWidth())


class IntentPanel(QWidget):
    """The Web intent tab: products ranked by interest (recency-weighted), then categories, searches
    and carts."""

    def __init__(
        self, money: Callable[[int, str], str] = fmt.money, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._money = money
        lh = self.fontMetrics().height()
        self.products = RowsModel(
            [
                self.tr("Product"),
                self.tr("Category"),
                self.tr("Views"),
                self.tr("Last seen"),
                self.tr("Cart"),
            ],
            numeric=(2,),
        )
        self.categories = RowsModel(
            [self.tr("Category"), self.tr("Views"), self.tr("Last seen")], numeric=(1,)
        )
        self.searches = RowsModel(
            [self.tr("Search"), self.tr("Times"), self.tr("Last")], numeric=(1,)
        )
        self.carts = RowsModel(
            [self.tr("Cart"), self.tr("Items"), self.tr("Value"), self.tr("Last change")],
            numeric=(1, 2),
        )

        self.empty = empty_state(name="intentEmpty")

        self._details = QWidget()
        right = QVBoxLayout()
        right.setSpacing(lh)
        right.addWidget(
            _Section(self.tr("Categories"), self.categories, "intentCategories", self.tr("None"))
        )
        right.addWidget(
            _Section(self.tr("Searches"), self.searches, "intentSearches", self.tr("No searches"))
        )
        right.addWidget(_Section(self.tr("Carts"), self.carts, "intentCarts", self.tr("No carts")))
        right.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(
            _Section(
                self.tr("Products, most interest first"),
                self.products,
                "intentProducts",
                self.tr("No product viewed"),
                max_rows=20,
            )
        )
        left.addStretch(1)
        row = QHBoxLayout(self._details)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(lh * 2)
        row.addLayout(left, 3)
        row.addLayout(right, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, lh // 2, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self._details)

    def set_intent(self, intent: Intent | None, now: datetime) -> None:
        if intent is None or intent.last_seen is None:
            self.empty.setText(
                wording.intent_sentence(intent.summary) if intent else self.tr("No web activity")
            )
            self.empty.show()
            self._details.hide()
            for model in (self.products, self.categories, self.searches, self.carts):
                model.set_rows([])
            return
        self.empty.hide()
        self._details.show()

        top = MAX_ROWS

        def when(at: datetime | None) -> str:
            return fmt.relative_text(at, now) if at else ""

        self.products.set_rows(
            [
                (
                    p.name,
                    p.category or "",
                    str(p.views),
                    when(p.last_viewed),
                    self.tr("In cart") if p.added_to_cart else "",
                )
                for p in intent.products[:top]
            ],
            [f"{p.name} ({p.product_id})" for p in intent.products[:top]],
        )
        self.categories.set_rows(
            [(c.category, str(c.views), when(c.last_viewed)) for c in intent.categories[:top]]
        )
        self.searches.set_rows(
            [(wording.quote(s.query), str(s.count), when(s.last_at)) for s in intent.searches[:top]]
        )
        self.carts.set_rows(
            [
                (
                    _CART_WORDS.get(c.status, c.status),
                    str(c.items),
                    self._money(c.value, c.currency),
                    when(c.last_at),
                )
                for c in intent.carts[:top]
            ]
        )
