"""The cross-channel timeline: channel filter buttons over a list painted by a delegate (a channel
icon, the title, time and amount, the detail line, a disposition chip), with a header above the
first entry of each day. Rows come from :class:`TimelineModel`, which loads pages as the list
scrolls."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStackedLayout,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rapport.protocol import CHANNELS
from rapport.ui.common import format as fmt
from rapport.ui.common import wording
from rapport.ui.common.adaptive import ButtonStrip
from rapport.ui.common.forms import empty_state, heading_font
from rapport.ui.common.icons import channel_icon, channel_pixmap
from rapport.ui.common.theme import mix, warning
from rapport.ui.common.wrapup import CHANNEL_NAMES
from rapport.ui.customer.timeline_model import SYNC_REJECTED, TimelineModel, TimelineRole

Index = QModelIndex | QPersistentModelIndex


class TimelineDelegate(QStyledItemDelegate):
    """One entry in two lines of text beside a round channel icon; a day header above the first
    entry of a day. All measures are fractions of the font's line height."""

    def _metrics(self, option: QStyleOptionViewItem) -> tuple[QFontMetrics, int, int]:
        fm = option.fontMetrics
        lh = fm.height()
        return fm, lh, max(2, lh // 2)

    def _header_height(self, lh: int) -> int:
        return round(lh * 2.1)

    def row_heights(self, fm: QFontMetrics) -> tuple[int, int]:
        """(an entry's height, the height of a day's header above its first entry)."""
        lh = fm.height()
        pad = max(2, lh // 2)
        return 2 * pad + 2 * lh + lh // 4, self._header_height(lh)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        entry, header = self.row_heights(option.fontMetrics)
        if index.data(TimelineRole.FirstOfDay):
            entry += header
        return QSize(option.fontMetrics.horizontalAdvance("0") * 60, entry)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _fm, lh, pad = self._metrics(option)
        rect = QRect(option.rect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if index.data(TimelineRole.FirstOfDay):
            header = QRect(rect.left(), rect.top(), rect.width(), self._header_height(lh))
            self._paint_day(painter, option, header, str(index.data(TimelineRole.DayTitle)))
            rect.setTop(header.bottom() + 1)
        item = QStyleOptionViewItem(option)
        item.rect = rect
        item.text = ""
        item.icon = QIcon()
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, item, painter, option.widget
            )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        circle = self._paint_channel(painter, option, index, rect, selected)
        left, right, top = round(circle.right()) + pad, rect.right() - pad, rect.top() + pad
        self._paint_first_line(painter, option, index, (left, right, top), selected)
        self._paint_second_line(painter, option, index, (left, right, top + lh + lh // 4), selected)
        painter.restore()

    @staticmethod
    def _colors(option: QStyleOptionViewItem, selected: bool) -> tuple[QColor, QColor, QColor]:
        """(text, base, muted): the row's text colour, the list's base, and a quieter text."""
        pal = option.palette
        text = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        base = pal.color(QPalette.ColorRole.Base)
        return text, base, mix(base, text, 0.62) if not selected else text

    def _paint_channel(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: Index,
        rect: QRect,
        selected: bool,
    ) -> QRectF:
        """The channel's icon in a soft circle (an order's in the accent colour); returns the
        circle."""
        _fm, lh, pad = self._metrics(option)
        text, base, _muted = self._colors(option, selected)
        diameter = round(lh * 2)
        circle = QRectF(rect.left() + pad, rect.top() + pad, diameter, diameter)
        channel = str(index.data(TimelineRole.Channel) or "")
        is_order = index.data(TimelineRole.Kind) == "order"
        accent = option.palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mix(base, accent if is_order else text, 0.16 if is_order else 0.08))
        painter.drawEllipse(circle)
        icon_size = round(lh * 1.15)
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        icon_color = accent if is_order and not selected else mix(base, text, 0.75)
        pixmap = channel_pixmap("order" if is_order else channel, icon_size, icon_color, dpr)
        painter.drawPixmap(
            round(circle.center().x() - icon_size / 2),
            round(circle.center().y() - icon_size / 2),
            pixmap,
        )
        return circle

    def _paint_first_line(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: Index,
        line: tuple[int, int, int],
        selected: bool,
    ) -> None:
        """Title and store on the left; disposition, amount and time on the right. ``line``:
        its left and right edges and its top."""
        fm, lh, _pad = self._metrics(option)
        text, _base, muted = self._colors(option, selected)
        left, x_right, top = line
        time = str(index.data(TimelineRole.Time) or "")
        amount = index.data(TimelineRole.Amount)
        bold = heading_font(option.font)
        bold_fm = QFontMetrics(bold)
        painter.setFont(option.font)
        painter.setPen(muted)
        tw = fm.horizontalAdvance(time)
        painter.drawText(QRect(x_right - tw, top, tw, lh), Qt.AlignmentFlag.AlignVCenter, time)
        x_right -= tw + lh
        if amount:
            aw = bold_fm.horizontalAdvance(amount)
            painter.setFont(bold)
            painter.setPen(text)
            painter.drawText(
                QRect(x_right - aw, top, aw, lh), Qt.AlignmentFlag.AlignVCenter, amount
            )
            x_right -= aw + lh
        disposition = index.data(TimelineRole.Disposition)
        if disposition:
            label = wording.disposition_text(str(index.data(TimelineRole.Kind)), str(disposition))
            x_right = self._paint_chip(painter, option, label, x_right, top, lh, selected)
            x_right -= lh // 2

        title = str(index.data(TimelineRole.Title) or "")
        store = index.data(TimelineRole.StoreName)
        avail = max(0, x_right - left)
        painter.setFont(bold)
        painter.setPen(text)
        shown_title = bold_fm.elidedText(title, Qt.TextElideMode.ElideRight, avail)
        painter.drawText(QRect(left, top, avail, lh), Qt.AlignmentFlag.AlignVCenter, shown_title)
        used = bold_fm.horizontalAdvance(shown_title)
        if store and used < avail:
            painter.setFont(option.font)
            painter.setPen(muted)
            rest = fm.elidedText(f"  ·  {store}", Qt.TextElideMode.ElideRight, avail - used)
            painter.drawText(
                QRect(left + used, top, avail - used, lh), Qt.AlignmentFlag.AlignVCenter, rest
            )

    def _paint_second_line(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: Index,
        line: tuple[int, int, int],
        selected: bool,
    ) -> None:
        """The detail, elided (the tooltip has all of it). A row written here that the hub does
        not have yet (or refused) ends with a badge saying so."""
        fm, lh, _pad = self._metrics(option)
        text, base, _muted = self._colors(option, selected)
        left, right, top = line
        width = max(0, right - left)
        sync = index.data(TimelineRole.SyncState)
        if sync:
            badge_left = self._paint_sync_badge(
                painter, option, index, str(sync), right, top, lh, width, selected
            )
            width = max(0, badge_left - lh // 2 - left)
        detail = str(index.data(TimelineRole.Detail) or "").replace("\n", " ")
        painter.setFont(option.font)
        painter.setPen(mix(base, text, 0.85) if not selected else text)
        painter.drawText(
            QRect(left, top, width, lh),
            Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(detail, Qt.TextElideMode.ElideRight, width),
        )

    def _paint_day(
        self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect, title: str
    ) -> None:
        pal = option.palette
        fm = option.fontMetrics
        lh = fm.height()
        pad = max(2, lh // 2)
        base = pal.color(QPalette.ColorRole.Base)
        text = pal.color(QPalette.ColorRole.Text)
        font = QFont(option.font)
        font.setWeight(QFont.Weight.Bold)
        painter.setFont(font)
        painter.setPen(mix(base, text, 0.7))
        band = QRect(rect.left() + pad, rect.bottom() - lh - lh // 3, rect.width() - 2 * pad, lh)
        painter.drawText(band, Qt.AlignmentFlag.AlignVCenter, title)
        title_width = QFontMetrics(font).horizontalAdvance(title)
        painter.setPen(mix(base, text, 0.15))
        y = band.center().y()
        painter.drawLine(band.left() + title_width + lh // 2, y, band.right(), y)

    def _paint_sync_badge(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: Index,
        sync: str,
        right: int,
        top: int,
        lh: int,
        room: int,
        selected: bool,
    ) -> int:
        """ "Not synced yet" (quiet, dashed) or "Refused: <reason>" (warning colour), right-aligned
        on line two; returns the badge's left edge."""
        pal = option.palette
        font = fmt.scaled_font(QFont(option.font), 0.85)
        fm = QFontMetrics(font)
        text, base, _muted = self._colors(option, selected)
        if sync == SYNC_REJECTED:
            reason = str(index.data(TimelineRole.SyncReason) or self.tr("refused by the hub"))
            label = self.tr("Refused: {reason}").format(reason=reason)
            accent = text if selected else warning(pal)
            fill = Qt.BrushStyle.NoBrush if selected else mix(base, warning(pal), 0.12)
            style = Qt.PenStyle.SolidLine
        else:
            label = self.tr("Not synced yet")
            accent = text if selected else mix(base, text, 0.7)
            fill = Qt.BrushStyle.NoBrush
            style = Qt.PenStyle.DashLine
        pad = lh // 2
        label = fm.elidedText(label, Qt.TextElideMode.ElideRight, max(lh, room // 2 - 2 * pad))
        width = fm.horizontalAdvance(label) + 2 * pad
        height = fm.height() + 2
        badge = QRectF(right - width, top + (lh - height) / 2, width, height)
        pen = QPen(accent, 1, style)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setFont(font)
        painter.setPen(accent)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        return round(badge.left())

    def _paint_chip(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        label: str,
        right: int,
        top: int,
        lh: int,
        selected: bool,
    ) -> int:
        font = fmt.scaled_font(QFont(option.font), 0.85)
        fm = QFontMetrics(font)
        text, base, _muted = self._colors(option, selected)
        width = fm.horizontalAdvance(label) + lh
        height = fm.height() + 2
        chip = QRectF(right - width, top + (lh - height) / 2, width, height)
        painter.setPen(mix(base, text, 0.35))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(chip, height / 2, height / 2)
        painter.setFont(font)
        painter.setPen(mix(base, text, 0.8) if not selected else text)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
        return round(chip.left())


class TimelineList(QTableView):
    """The timeline's rows, one column, looking like a list.

    A table and not a ``QListView``: a list whose rows differ in height asks the delegate for the
    size of every row again each time a page is appended (O(rows) Python calls per page: 87 ms
    frames at 5,000 rows, about 600 ms at 20,000). Here rows are sections of the vertical header,
    sized in C++; only the rows that begin a day are made taller, and only for the rows that
    arrive, so a frame costs the rows on screen whatever has been loaded.
    """

    def __init__(self, model: QAbstractItemModel, delegate: TimelineDelegate) -> None:
        super().__init__()
        self._delegate = delegate
        self._tall: list[int] = []  # the rows made taller for a day's header
        self.setModel(model)
        self.setItemDelegate(delegate)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the list, as it did from a list view
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setCornerButtonEnabled(False)
        columns = self.horizontalHeader()
        columns.hide()
        columns.setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setMinimumSectionSize(1)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Connected after setModel: the header has made (or reset) its sections when these run.
        model.rowsInserted.connect(self._rows_inserted)
        model.modelReset.connect(self._size_all_rows)
        model.layoutChanged.connect(self._size_all_rows)
        self._size_all_rows()

    def _rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            self._size_rows(first, last)

    def _size_all_rows(self) -> None:
        entry, _header = self._delegate.row_heights(self.fontMetrics())
        rows = self.verticalHeader()
        count = self.model().rowCount()
        # A reset keeps the sizes of the sections that still exist: the day starts made taller
        # before go back to an entry's height, then the new ones are made taller. Every row when
        # the font changed that height (rare).
        resized = self._tall
        if rows.defaultSectionSize() != entry:
            rows.setDefaultSectionSize(entry)
            resized = range(count)
        for row in resized:
            if row < count:
                rows.resizeSection(row, entry)
        self._tall = []
        self._size_rows(0, count - 1)

    def _size_rows(self, first: int, last: int) -> None:
        """Rows new to the header have an entry's height: make the ones that begin a day taller."""
        if last < first:
            return
        model = self.model()
        entry, header = self._delegate.row_heights(self.fontMetrics())
        day_starts = getattr(model, "day_starts", None)
        if day_starts is not None:
            starts = day_starts(first, last)
        else:
            starts = [
                r for r in range(first, last + 1) if model.index(r, 0).data(TimelineRole.FirstOfDay)
            ]
        rows = self.verticalHeader()
        for row in starts:
            rows.resizeSection(row, entry + header)
        self._tall.extend(starts)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._size_all_rows()

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        # Home and End go to the first and last entry, as in a list (a table's go to the first
        # and last column of the row, which is the same cell here).
        count = self.model().rowCount()
        if count and cursorAction == QAbstractItemView.CursorAction.MoveHome:
            return self.model().index(0, 0)
        if count and cursorAction == QAbstractItemView.CursorAction.MoveEnd:
            return self.model().index(count - 1, 0)
        return super().moveCursor(cursorAction, modifiers)


class TimelineView(QWidget):
    """Filter buttons (All + one per channel) over the timeline list, and an empty state."""

    def __init__(self, model: TimelineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        lh = self.fontMetrics().height()

        # No QButtonGroup: Qt gives Tab to one checkable button of a group and moves within it by
        # arrows only when it is exclusive, so the other filters of a non-exclusive group could not
        # be reached from the keyboard at all.
        self._setting = False
        # On a narrow window the channel buttons drop their names and keep their icons (the name
        # stays in the tooltip and for screen readers).
        bar = ButtonStrip(Qt.AlignmentFlag.AlignLeft)
        bar.setObjectName("channelFilter")
        self.filter_bar = bar
        self.all_button = self._button(self.tr("All"), None)
        self.all_button.setObjectName("channel-all")
        self.all_button.setChecked(True)
        bar.add_button(self.all_button)
        self.channel_buttons: dict[str, QToolButton] = {}
        for channel in CHANNELS:
            button = self._button(CHANNEL_NAMES.get(channel, channel.capitalize()), channel)
            button.setObjectName(f"channel-{channel}")
            self.channel_buttons[channel] = button
            button.toggled.connect(self._filter_changed)
            bar.add_button(button)
        self.all_button.clicked.connect(self._show_all)

        self.list = TimelineList(model, TimelineDelegate())
        self.list.setObjectName("timelineList")
        self.list.setAccessibleName(self.tr("Timeline"))
        self.list.itemDelegate().setParent(self.list)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMouseTracking(True)

        self.empty = empty_state(name="timelineEmpty", wrap=True)

        self._stack = QStackedLayout()
        self._stack.addWidget(self.list)
        self._stack.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, lh // 2, 0, 0)
        layout.setSpacing(lh // 2)
        layout.addWidget(bar)
        layout.addLayout(self._stack)

        model.modelReset.connect(self._update_empty)
        model.rowsInserted.connect(self._update_empty)
        self._update_empty()

    def _button(self, text: str, channel: str | None) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAccessibleName(text)
        button.setCheckable(True)
        button.setAutoRaise(False)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        if channel is not None:
            button.setIcon(
                channel_icon(channel, self.palette().color(QPalette.ColorRole.ButtonText))
            )
            button.setToolTip(
                self.tr("Show only {channel}; pick several to combine").format(channel=text)
            )
        else:
            button.setToolTip(self.tr("Show every channel"))
        return button

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            color = self.palette().color(QPalette.ColorRole.ButtonText)
            for channel, button in self.channel_buttons.items():
                button.setIcon(channel_icon(channel, color))
        super().changeEvent(event)

    def selected_channels(self) -> frozenset[str] | None:
        picked = frozenset(c for c, b in self.channel_buttons.items() if b.isChecked())
        return picked or None

    def set_channels(self, channels: frozenset[str] | None) -> None:
        """Check the buttons of these channels (None: All) and filter the model."""
        self._setting = True
        try:
            for channel, button in self.channel_buttons.items():
                button.setChecked(channels is not None and channel in channels)
        finally:
            self._setting = False
        self._apply()

    def reveal(self, entry_id: str, channel: str | None = None) -> None:
        """Show and select this entry (just logged): widen the channel filter if it hides it."""
        channels = self.selected_channels()
        if channels is not None and channel not in channels:
            self.set_channels(None)
        row = self.model.row_of(entry_id)
        if row >= 0:
            index = self.model.index(row)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)

    def _show_all(self) -> None:
        self.set_channels(None)

    def _filter_changed(self) -> None:
        if not self._setting:
            self._apply()

    def _apply(self) -> None:
        channels = self.selected_channels()
        self.all_button.setChecked(channels is None)
        if channels != self.model.channels:
            self.model.set_channels(channels)
            self.list.scrollToTop()

    def _update_empty(self) -> None:
        if self.model.rowCount() == 0:
            self.empty.setText(
                self.tr("Nothing on these channels yet")
                if self.model.channels
                else self.tr("No activity yet")
            )
            self._stack.setCurrentWidget(self.empty)
        else:
            self._stack.setCurrentWidget(self.list)
