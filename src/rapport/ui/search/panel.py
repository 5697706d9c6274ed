"""The search box and its as-you-type results (Ctrl+K from anywhere).

Search reads this computer's cache. When it finds few or no customers and the hub is reachable, the
panel offers to search every customer on the hub (Ctrl+Enter); those results come in a second
section, and opening one brings that customer to this computer first (pinning)."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from rapport.ui.common import format as fmt
from rapport.ui.common import wording
from rapport.ui.common.accessible import name_clear_button
from rapport.ui.common.theme import muted, tier_color
from rapport.ui.search.model import HubResultsModel, SearchModel, SearchRole

# Coalesce bursts of keystrokes (paste, fast typists) into one query without a felt delay.
TYPING_COALESCE_MS = 15
# Below this many local matches, the customer may well be someone this computer does not have.
FEW_RESULTS = 3


class SearchHitDelegate(QStyledItemDelegate):
    """Two lines: name (bold) and tier; phone and email, or where the customer is, underneath in
    the regular font. Every measure comes from the row's font, so a larger font (tablet mode, the
    user's settings) makes taller rows instead of clipped ones."""

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        # Copies: the option's font is shared with the view and the next row.
        regular = QFont(option.font)
        bold = QFont(option.font)
        bold.setBold(True)
        return regular, bold

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        regular, bold = self._fonts(option)
        fm, fm_bold = QFontMetrics(regular), QFontMetrics(bold)
        margin = (fm.height() + 3) // 4  # a quarter line above and below
        height = margin + fm_bold.height() + fm.leading() + fm.height() + margin
        return QSize(fm.averageCharWidth() * 30, height)

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
        regular, bold = self._fonts(option)
        fm, fm_bold = QFontMetrics(regular), QFontMetrics(bold)
        pad = fm.averageCharWidth()
        margin = (fm.height() + 3) // 4  # a quarter line above and below
        r = option.rect.adjusted(pad, margin, -pad, -margin)
        line1 = QRect(r.left(), r.top(), r.width(), fm_bold.height())
        line2 = QRect(r.left(), line1.bottom() + 1 + fm.leading(), r.width(), fm.height())
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

        code = str(index.data(SearchRole.Tier) or "")
        tier = wording.tier_name(code) if code else ""
        tier_w = fm.horizontalAdvance(tier) + pad * 2 if tier else 0
        painter.setFont(bold)
        painter.setPen(text_color)
        name = fm_bold.elidedText(
            index.data(SearchRole.Name) or "", Qt.TextElideMode.ElideRight, r.width() - tier_w
        )
        painter.drawText(line1, left, name)
        painter.setFont(regular)
        if tier:
            badge = QRect(r.right() - tier_w, line1.top(), tier_w, line1.height())
            painter.setPen(text_color if selected else tier_color(code.lower(), pal))
            painter.drawText(
                badge, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, tier
            )
        details = index.data(SearchRole.Detail) or " · ".join(
            x for x in (index.data(SearchRole.Phone), index.data(SearchRole.Email)) if x
        )
        painter.setPen(text_color if selected else muted(pal))
        painter.drawText(
            line2, left, fm.elidedText(details, Qt.TextElideMode.ElideRight, r.width())
        )
        painter.restore()


def _keys(keys: str) -> str:
    """A shortcut as this platform and language write it (Ctrl+Entrée in French)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


class SearchPanel(QWidget):
    customer_activated = Signal(str)
    online_search_requested = Signal(str)  # search the hub for this text
    pin_requested = Signal(str)  # bring this hub customer to this computer, then open them

    def __init__(
        self, reader: sqlite3.Connection, region: str = "FR", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = SearchModel(reader, region, parent=self)
        self.hub_model = HubResultsModel(parent=self)
        lh = self.fontMetrics().height()
        self.box = QLineEdit(self)
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText(
            self.tr("Search customers  ({keys})").format(keys=_keys("Ctrl+K"))
        )
        self.box.setClearButtonEnabled(True)
        self.box.setAccessibleName(self.tr("Search customers"))
        self.box.setAccessibleDescription(
            self.tr("Name, email, phone number in any format or loyalty id. Down moves to the "
                    "results, Enter opens the customer, Ctrl+Enter searches every customer on "
                    "the hub, Esc clears.")
        )  # fmt: skip
        name_clear_button(self.box, self.tr("Clear the search"), self.tr("Clear the search (Esc)"))
        delegate = SearchHitDelegate(self)
        self.results = self._list(
            "searchResults", self.model, delegate, self.tr("Matching customers")
        )
        self.hint = QLabel(self)
        self.hint.setObjectName("searchHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setContentsMargins(8, 16, 8, 16)

        self.online_button = QPushButton(
            self.tr("Search all customers on the hub\n({keys})").format(keys=_keys("Ctrl+Enter")),
            self,
        )
        self.online_button.setObjectName("searchOnline")
        self.online_button.setAutoDefault(False)
        self.online_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.online_button.setToolTip(
            self.tr(
                "This computer keeps the customers of your store and the ones you opened; the hub "
                "has everyone."
            )
        )
        self.online_button.clicked.connect(self.request_online_search)
        self.hub_title = QLabel(self.tr("On the hub — not on this computer yet"), self)
        self.hub_title.setObjectName("hubResultsTitle")
        title_font = QFont(self.hub_title.font())
        title_font.setWeight(QFont.Weight.DemiBold)
        self.hub_title.setFont(fmt.scaled_font(title_font, 0.9))
        self.hub_title.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hub_title.setContentsMargins(lh // 2, lh // 2, lh // 2, 0)
        self.hub_results = self._list(
            "hubResults",
            self.hub_model,
            delegate,
            self.tr("Customers on the hub, not on this computer"),
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(lh // 3)
        layout.addWidget(self.box)
        layout.addWidget(self.hint)
        layout.addWidget(self.results, 3)
        layout.addWidget(self.online_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.hub_title)
        layout.addWidget(self.hub_results, 2)
        layout.addStretch(0)  # takes the room the lists leave when they are hidden or short

        self._timer = QTimer(self, singleShot=True, interval=TYPING_COALESCE_MS)
        self._timer.timeout.connect(self._run_query)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self._open_current)
        self.box.installEventFilter(self)
        self.results.activated.connect(self._open_index)
        self.hub_results.activated.connect(self._pin_index)
        self.results.pressed.connect(self._local_pressed)
        self.hub_results.pressed.connect(self._hub_pressed)
        self._syncing_note = ""
        self._online = False
        self._online_query = ""  # the text the hub is being searched for (or was)
        self._online_busy = False
        self._online_note = ""  # an answer or an error about the online search or a pin
        self._pinning: str | None = None
        self._on_hub = False  # the keyboard's current row is in the hub section
        self._update_hint()

    def _list(
        self, name: str, model: object, delegate: QStyledItemDelegate, accessible: str
    ) -> QListView:
        view = QListView(self)
        view.setObjectName(name)
        view.setModel(model)  # type: ignore[arg-type]
        view.setItemDelegate(delegate)
        view.setUniformItemSizes(True)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        view.setAccessibleName(accessible)
        return view

    # ---- API ---------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def set_syncing_note(self, note: str) -> None:
        """E.g. 'Syncing customers… 40 %': results may still be incomplete."""
        self._syncing_note = note
        self._update_hint()

    def set_online(self, online: bool) -> None:
        """Whether the hub can be reached: online search is offered only then."""
        if online != self._online:
            self._online = online
            self._update_hint()

    @property
    def online(self) -> bool:
        return self._online

    @property
    def pinning(self) -> str | None:
        """The hub customer being brought to this computer, if any."""
        return self._pinning

    def refresh(self) -> None:
        self.model.refresh()
        self._after_results()

    def request_online_search(self) -> None:
        """Ctrl+Enter or the button: ask the hub about what is typed."""
        text = self.box.text().strip()
        if not text:
            return
        self._timer.stop()
        if self.model.query != self.box.text():
            self._run_query()
        if not self._online:
            self._online_note = self.tr(
                "The hub cannot be reached right now: this search covers this computer's cache only."
            )
            self._update_hint()
            return
        self._online_query = text
        self._online_busy = True
        self._online_note = ""
        self.hub_model.clear()
        self._update_hint()
        self.online_search_requested.emit(text)

    def show_online_results(self, query: str, rows: list[dict]) -> None:
        if query != self._online_query or query != self.box.text().strip():
            return  # an answer to text that is no longer in the box
        self._online_busy = False
        local = self.model.ids()
        rows = [r for r in rows if isinstance(r, dict) and r.get("id") not in local]
        self.hub_model.set_results(query, rows)
        self._online_note = (
            ""
            if rows
            else self.tr("The hub has no other customer matching {query}.").format(
                query=wording.quote(query[:60])
            )
        )
        if rows and self.model.rowCount() == 0:
            self._set_position(0)
        self._update_hint()

    def show_online_error(self, query: str, message: str) -> None:
        if query != self._online_query:
            return
        self._online_busy = False
        self._online_note = self.tr("The hub could not be searched: {reason}").format(
            reason=message
        )
        self._update_hint()

    def pin_done(self, customer_id: str) -> None:
        """The customer is on this computer now: they leave the hub section."""
        if self._pinning == customer_id:
            self._pinning = None
            self._online_note = ""
        self.hub_model.drop({customer_id})
        self.refresh()

    def show_pin_error(self, customer_id: str, message: str) -> None:
        if self._pinning != customer_id:
            return
        self._pinning = None
        self._online_note = self.tr(
            "This customer could not be brought to this computer: {reason}"
        ).format(reason=message)
        self._update_hint()

    # ---- internals ---------------------------------------------------------------------------

    def _run_query(self) -> None:
        text = self.box.text()
        if text.strip() != self._online_query:
            # What the hub said was about other text.
            self._online_query = ""
            self._online_busy = False
            self._online_note = ""
            self.hub_model.clear()
        self.model.set_query(text)
        self._after_results()

    def _after_results(self) -> None:
        self.hub_model.drop(self.model.ids())
        if self.model.rowCount() or self.hub_model.rowCount():
            self._set_position(0)
        self._update_hint()

    def _few_local(self) -> bool:
        return self.model.rowCount() < FEW_RESULTS

    def _update_hint(self) -> None:
        text = self.box.text().strip()
        local = self.model.rowCount()
        quoted = wording.quote(text[:60])
        new_keys = _keys("Ctrl+N")
        if not text:
            hint = self.tr("Type a name, an email, a phone number in any format or a loyalty id.")
        elif local == 0 and not self._online:
            hint = self.tr(
                "No customer matches {query} in this computer's cache. The hub cannot be "
                "reached, so only this computer's cache was searched. {keys} creates a customer."
            ).format(query=quoted, keys=new_keys)
        elif local == 0:
            hint = self.tr(
                "No customer matches {query} on this computer. {keys} creates a customer."
            ).format(query=quoted, keys=new_keys)
        elif not self._online and self._few_local():
            hint = self.tr("Offline: this search covers this computer's cache only.")
        else:
            hint = ""
        if text and self._pinning:
            hint = self.tr("Bringing this customer to this computer…")
        elif text and self._online_busy:
            hint = self.tr("Searching all customers on the hub…")
        elif text and self._online_note:
            hint = f"{hint}\n{self._online_note}".strip() if local == 0 else self._online_note
        if self._syncing_note:
            hint = f"{hint}\n{self._syncing_note}".strip()
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        searched = bool(self._online_query) and self._online_query == text
        offer = bool(text) and self._online and self._few_local() and not searched
        self.online_button.setVisible(offer)
        has_hub = self.hub_model.rowCount() > 0
        self.hub_title.setVisible(has_hub)
        self.hub_results.setVisible(has_hub)
        self.results.setVisible(local > 0 or not (has_hub or offer))
        # Few local matches above the hub's: the list is only as tall as its rows.
        self.results.setMaximumHeight(
            self._fit_height(self.results, local) if (has_hub or offer) else 16_777_215
        )

    @staticmethod
    def _fit_height(view: QListView, rows: int) -> int:
        row = view.sizeHintForRow(0) if rows else 0
        return row * rows + 2 * view.frameWidth()

    def _set_position(self, pos: int) -> None:
        """Make row ``pos`` of local-then-hub results the keyboard's current row."""
        local = self.model.rowCount()
        if pos < local:
            self._on_hub = False
            self.results.setCurrentIndex(self.model.index(pos))
            self.hub_results.clearSelection()
        elif pos - local < self.hub_model.rowCount():
            self._on_hub = True
            self.hub_results.setCurrentIndex(self.hub_model.index(pos - local))
            self.results.clearSelection()

    def _position(self) -> int:
        if self._on_hub and self.hub_results.currentIndex().isValid():
            return self.model.rowCount() + self.hub_results.currentIndex().row()
        return self.results.currentIndex().row()

    def _open_current(self) -> None:
        self._timer.stop()
        if self.model.query != self.box.text():
            self._run_query()
        if self._on_hub and self.hub_results.currentIndex().isValid():
            self._pin_index(self.hub_results.currentIndex())
            return
        index = self.results.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0)
        self._open_index(index)

    def _local_pressed(self) -> None:
        self._on_hub = False
        self.hub_results.clearSelection()

    def _hub_pressed(self) -> None:
        self._on_hub = True
        self.results.clearSelection()

    def _open_index(self, index: QModelIndex) -> None:
        cid = index.data(SearchRole.Id) if index.isValid() else None
        if cid:
            self.customer_activated.emit(cid)

    def _pin_index(self, index: QModelIndex) -> None:
        cid = index.data(SearchRole.Id) if index.isValid() else None
        if not cid or self._pinning == cid:
            return
        self._pinning = cid
        self._online_note = ""
        self._update_hint()
        self.pin_requested.emit(cid)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up/Down in the box move through the results (this computer's, then the hub's), so the
        # hands stay on the keyboard; Ctrl+Enter asks the hub.
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent(event).key() if not isinstance(event, QKeyEvent) else event.key()
            mods = event.modifiers() if isinstance(event, QKeyEvent) else Qt.KeyboardModifier(0)
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                mods & Qt.KeyboardModifier.ControlModifier
            ):
                self.request_online_search()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                rows = self.model.rowCount() + self.hub_model.rowCount()
                if rows:
                    cur = self._position()
                    step = {
                        Qt.Key.Key_Down: 1,
                        Qt.Key.Key_Up: -1,
                        Qt.Key.Key_PageDown: 5,
                        Qt.Key.Key_PageUp: -5,
                    }[Qt.Key(key)]
                    self._set_position(max(0, min(rows - 1, (cur if cur >= 0 else -1) + step)))
                return True
            if key == Qt.Key.Key_Escape and self.box.text():
                self.box.clear()
                return True
        return super().eventFilter(watched, event)
