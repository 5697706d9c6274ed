"""The sync state in the status bar. It always says whether the hub is reachable (online, offline
since when, syncing and how far), when the last sync was, and what this computer still has to send:
``2 pending · 1 rejected``, a flat button that opens the outbox panel. Refused writes draw the eye."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QStyle,
    QStyleOptionFocusRect,
    QStyleOptionToolButton,
    QStylePainter,
    QWidget,
)

from rapport.domain.timestamps import parse_timestamp
from rapport.sync.engine import SyncStatus
from rapport.ui.common import format as fmt
from rapport.ui.common.i18n import Context
from rapport.ui.common.theme import caution, muted, positive, warning
from rapport.ui.outbox.panel import OUTBOX_SHORTCUT

StatusWords = Context("StatusWords")


def _number(n: int) -> str:
    """``1,500`` (``1 500`` in French)."""
    return fmt.locale().toString(n)


def describe(status: SyncStatus, now: datetime | None = None) -> str:
    """The connection part: ``Online · last sync today 14:05``, ``Offline since today 14:02 ·
    retrying`` (moments as :func:`rapport.ui.common.format.when_text` says them)."""
    now = now or datetime.now().astimezone()
    last_at = parse_timestamp(status.last_sync_at)
    last_part = (
        StatusWords.tr(" · last sync {when}").format(when=fmt.when_text(last_at, now))
        if last_at
        else ""
    )
    if status.state == "online":
        return StatusWords.tr("Online") + last_part
    if status.state == "syncing":
        if status.total:
            return StatusWords.tr("Syncing · {done} of about {total} changes").format(
                done=_number(status.done), total=_number(status.total)
            )
        return StatusWords.tr("Syncing…")
    if status.state == "offline":
        since = parse_timestamp(status.since)
        days = fmt.days_between(since, now) if since else 0
        if since is None:
            head = StatusWords.tr("Offline")
        elif days > 1:  # "since 3 days ago" says nothing a count of days does not say better
            head = StatusWords.tr("Offline for %n day(s)", "", days)
        else:
            head = StatusWords.tr("Offline since {when}").format(when=fmt.when_text(since, now))
        return StatusWords.tr("{state} · retrying").format(state=head) + last_part
    if status.state == "signin":
        return StatusWords.tr("Signed out · sign in again to sync (nothing local is lost)")
    return StatusWords.tr("Starting…")


def describe_outbox(status: SyncStatus) -> str:
    """The outbox part: ``2 pending · 1 rejected · 1 notice``, or ``All changes sent``."""
    parts = [text for text, _tone in outbox_parts(status)]
    return " · ".join(parts)


def outbox_parts(status: SyncStatus) -> list[tuple[str, str]]:
    """(text, tone) pieces; tone is ``normal``, ``warning``, ``caution`` or ``muted``."""
    parts = []
    # The count goes in as {count}, formatted the locale's way; the plural form is chosen by it.
    if status.pending:
        text = StatusWords.tr("{count} pending", "", status.pending)
        parts.append((text.format(count=_number(status.pending)), "normal"))
    if status.rejected:
        text = StatusWords.tr("{count} rejected", "", status.rejected)
        parts.append((text.format(count=_number(status.rejected)), "warning"))
    if status.notices:
        text = StatusWords.tr("{count} notice(s)", "", status.notices)
        parts.append((text.format(count=_number(status.notices)), "caution"))
    return parts or [(StatusWords.tr("All changes sent"), "muted")]


def describe_tooltip(status: SyncStatus) -> str:
    lines = []
    if status.state == "offline":
        lines.append(
            StatusWords.tr(
                "The hub cannot be reached. You can keep working: searches and customer screens "
                "use this computer's cache, and what you log is sent as soon as the hub is back."
            )
        )
    if status.message:
        lines.append(
            StatusWords.tr("Last error: {message}").format(message=status.message)
            if status.state == "offline"
            else status.message
        )
    return "\n".join(lines) or describe(status)


def _outbox_tooltip(status: SyncStatus) -> str:
    lines = []
    for count, text in (
        (
            status.pending,
            StatusWords.tr(
                "{count} change(s) saved on this computer, waiting for the hub.", "", status.pending
            ),
        ),
        (
            status.rejected,
            StatusWords.tr(
                "{count} change(s) refused by the hub: redo or dismiss them.", "", status.rejected
            ),
        ),
        (
            status.notices,
            StatusWords.tr(
                "{count} change(s) applied, but the hub kept a newer value.", "", status.notices
            ),
        ),
    ):
        if count:
            lines.append(text.format(count=_number(count)))
    if not lines:
        lines.append(StatusWords.tr("Everything changed on this computer has reached the hub."))
    keys = QKeySequence(OUTBOX_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
    lines.append(StatusWords.tr("Open the outbox ({keys}).").format(keys=keys))
    return "\n".join(lines)


def state_color(state: str, palette: QPalette) -> QColor:
    if state == "online":
        return positive(palette)
    if state == "syncing":
        return palette.color(QPalette.ColorRole.Highlight)
    if state == "offline":
        return caution(palette)
    if state == "signin":
        return warning(palette)
    return muted(palette)


class _Dot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = "starting"
        size = self.fontMetrics().height() // 2 + 2
        self.setFixedSize(size, size)

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(state_color(self.state, self.palette()))
        p.drawEllipse(self.rect().adjusted(1, 1, -1, -1))


class OutboxButton(QAbstractButton):
    """A flat button whose text comes in coloured pieces: ``3 pending · 1 rejected``."""

    _SEPARATOR = "  ·  "

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxButton")
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._parts: list[tuple[str, str]] = [(StatusWords.tr("All changes sent"), "muted")]
        self.setText(StatusWords.tr("All changes sent"))

    def parts(self) -> list[tuple[str, str]]:
        return list(self._parts)

    def set_parts(self, parts: list[tuple[str, str]]) -> None:
        if parts == self._parts:
            return
        self._parts = list(parts)
        self.setText(" · ".join(t for t, _ in parts))
        self.setAccessibleName(StatusWords.tr("Outbox: {state}").format(state=self.text()))
        self.updateGeometry()
        self.update()

    def _font(self, tone: str) -> QFont:
        font = QFont(self.font())
        if tone == "warning":
            font.setWeight(QFont.Weight.Bold)
        return font

    def _content_width(self) -> int:
        width = sum(QFontMetrics(self._font(tone)).horizontalAdvance(t) for t, tone in self._parts)
        sep = self.fontMetrics().horizontalAdvance(self._SEPARATOR)
        return width + sep * max(0, len(self._parts) - 1)

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        pad = fm.averageCharWidth()
        return QSize(self._content_width() + 2 * pad, fm.height() + pad)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _color(self, tone: str) -> QColor:
        pal = self.palette()
        if tone == "warning":
            return warning(pal)
        if tone == "caution":
            return caution(pal)
        if tone == "muted":
            return muted(pal)
        return pal.color(QPalette.ColorRole.WindowText)

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QStylePainter(self)
        opt = QStyleOptionToolButton()
        opt.initFrom(self)
        opt.subControls = QStyle.SubControl.SC_ToolButton
        opt.activeSubControls = QStyle.SubControl.SC_None
        opt.state |= QStyle.StateFlag.State_AutoRaise
        if self.underMouse() and self.isEnabled():
            opt.state |= QStyle.StateFlag.State_Raised
        if self.isDown():
            opt.state |= QStyle.StateFlag.State_Sunken
        p.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, opt)
        if self.hasFocus():
            focus = QStyleOptionFocusRect()
            focus.initFrom(self)
            p.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus)
        x = (self.width() - self._content_width()) // 2
        sep_color = muted(self.palette())
        for i, (text, tone) in enumerate(self._parts):
            if i:
                w = self.fontMetrics().horizontalAdvance(self._SEPARATOR)
                p.setFont(self.font())
                p.setPen(sep_color)
                p.drawText(QRect(x, 0, w, self.height()), Qt.AlignmentFlag.AlignCenter, "·")
                x += w
            font = self._font(tone)
            w = QFontMetrics(font).horizontalAdvance(text)
            p.setFont(font)
            p.setPen(self._color(tone))
            p.drawText(QRect(x, 0, w, self.height()), Qt.AlignmentFlag.AlignVCenter, text)
            x += w


class SyncStatusWidget(QWidget):
    """Dot, connection text, progress while syncing, and the outbox button."""

    outbox_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dot = _Dot(self)
        self.label = QLabel(StatusWords.tr("Starting…"), self)
        self.label.setObjectName("syncStatus")
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(self.fontMetrics().averageCharWidth() * 18)
        self.progress.setMaximumHeight(self.fontMetrics().height())
        self.progress.setTextVisible(False)
        self.progress.hide()
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.VLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        self.outbox = OutboxButton(self)
        self.outbox.clicked.connect(self.outbox_requested)
        self.status = SyncStatus()
        em = self.fontMetrics().averageCharWidth()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(em // 2, 0, em // 2, 0)
        layout.setSpacing(em)
        layout.addWidget(self.dot)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(rule)
        layout.addWidget(self.outbox)

    def text(self) -> str:
        """Everything the widget says, as one line (tests, accessibility)."""
        return f"{self.label.text()} · {self.outbox.text()}"

    def set_status(self, status: SyncStatus, now: datetime | None = None) -> None:
        self.status = status
        self.dot.state = status.state
        self.dot.update()
        self.label.setText(describe(status, now))
        self.label.setToolTip(describe_tooltip(status))
        self.outbox.set_parts(outbox_parts(status))
        self.outbox.setToolTip(_outbox_tooltip(status))
        if status.state == "syncing" and status.total:
            self.progress.setRange(0, status.total)
            self.progress.setValue(min(status.done, status.total))
            self.progress.show()
        else:
            self.progress.hide()
