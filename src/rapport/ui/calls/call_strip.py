"""The call strip: while a call that popped a customer is on, a line above the customer says who is
calling (the number as the softphone gave it), for how long, and offers to wrap it up (log it with
its duration filled in). It ends when the call is wrapped up or dismissed."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from rapport.ui.common import icons
from rapport.ui.common.adaptive import ElidedLabel
from rapport.ui.common.theme import mix, positive


def duration_text(seconds: int) -> str:
    """``0:42``, ``12:05``, ``1:02:05``."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class CallStrip(QFrame):
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callStrip")
        self.setAccessibleName(self.tr("Current call"))
        lh = self.fontMetrics().height()
        self.customer_id: str | None = None
        self.number = ""
        self._elapsed = QElapsedTimer()
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._show_time)

        self.icon = QLabel(self)
        self.caller = ElidedLabel(self)
        self.caller.setObjectName("callCaller")
        bold = QFont(self.caller.font())
        bold.setWeight(QFont.Weight.DemiBold)
        self.caller.setFont(bold)
        self.timer = QLabel("0:00", self)
        self.timer.setObjectName("callTimer")
        self.timer.setAccessibleName(self.tr("Call duration"))
        digits = QFont(self.timer.font())
        digits.setStyleHint(QFont.StyleHint.Monospace)
        self.timer.setFont(digits)
        self.timer.setMinimumWidth(self.fontMetrics().horizontalAdvance("0:00:00 "))
        self.timer.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.wrap_up = QToolButton(self)
        self.wrap_up.setObjectName("callWrapUp")
        self.wrap_up.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.dismiss = QToolButton(self)
        self.dismiss.setObjectName("callDismiss")
        self.dismiss.setAutoRaise(True)
        self.dismiss.setToolTip(self.tr("The call ended without anything to log: close this strip"))
        self.dismiss.setAccessibleName(self.tr("Dismiss the call"))
        self.dismiss.clicked.connect(self._dismiss)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(lh // 2, lh // 4, lh // 4, lh // 4)
        layout.setSpacing(lh // 2)
        layout.addWidget(self.icon)
        layout.addWidget(self.caller, 1)
        layout.addWidget(self.timer)
        layout.addWidget(self.wrap_up)
        layout.addWidget(self.dismiss)
        self._paint_icons()
        self.hide()

    def set_wrap_up_action(self, action: QAction) -> None:
        """The window's "Wrap up the call" command (one action: the menu's, the strip's)."""
        self.wrap_up.setDefaultAction(action)
        self.wrap_up.setText(action.iconText())
        self.wrap_up.setAccessibleName(action.iconText())

    @property
    def active(self) -> bool:
        return self.customer_id is not None

    def start(self, customer_id: str, number: str, name: str) -> None:
        """A call from ``number`` (as the softphone sent it) opened ``customer_id``."""
        self.customer_id = customer_id
        self.number = number
        self.set_customer_name(name)
        self._elapsed.start()
        self._tick.start()
        self._show_time()
        self.show()

    def set_customer_name(self, name: str) -> None:
        words = self.tr("Call from {number}").format(number=self.number)
        self.caller.set_full_text(f"{words} · {name}" if name else words)

    def elapsed_seconds(self) -> int:
        return self._elapsed.elapsed() // 1000 if self._elapsed.isValid() else 0

    def stop(self) -> None:
        self._tick.stop()
        self._elapsed.invalidate()
        self.customer_id = None
        self.number = ""
        self.hide()

    def _dismiss(self) -> None:
        self.stop()
        self.dismissed.emit()

    def _show_time(self) -> None:
        self.timer.setText(duration_text(self.elapsed_seconds()))
        # The name is what a screen reader reads of a label: the time with it, not the word alone.
        self.timer.setAccessibleName(
            self.tr("Call duration: {time}").format(time=self.timer.text())
        )

    def _paint_icons(self) -> None:
        lh = self.fontMetrics().height()
        self.icon.setPixmap(icons.channel_pixmap("phone", lh, positive(self.palette()), 2.0))
        self.dismiss.setIcon(icons.icon("close", self.palette()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        tone = positive(pal)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(mix(pal.color(QPalette.ColorRole.Window), tone, 0.16))
        p.drawRect(QRectF(self.rect()))
        p.setBrush(tone)
        bar = max(3.0, self.fontMetrics().height() / 5)
        p.drawRect(QRectF(0, 0, bar, self.height()))
