"""The "open issues" band: one line at the top of a customer, shown only when something is open,
so an agent taking a call knows before saying hello: an unresolved complaint (the next best action's
``resolve``), open tasks, changes the hub refused. Each part is a link to where it is dealt with
(``activated``: ``issue``, ``tasks`` or ``outbox``)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from rapport.cache.tasks import TaskView
from rapport.domain.next_best_action import Suggestion
from rapport.ui.common import format as fmt
from rapport.ui.common import icons, wording
from rapport.ui.common.theme import caution, mix


class IssuesBand(QFrame):
    activated = Signal(str)  # "issue", "tasks" or "outbox"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openIssues")
        lh = self.fontMetrics().height()
        self.icon = QLabel(self)
        self.icon.setAccessibleName(self.tr("Open issues"))
        self.text = QLabel(self)
        self.text.setObjectName("openIssuesText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.text.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # Never wider than the window: a long complaint is cut, its whole text is in the tooltip.
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.text.linkActivated.connect(self.activated)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(lh // 2, lh // 6, lh // 2, lh // 6)
        layout.setSpacing(lh // 2)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        self._parts: list[str] = []
        self._last: tuple[Suggestion | None, tuple[TaskView, ...], int, datetime] | None = None
        self._paint_icon()
        self.hide()

    def parts(self) -> list[str]:
        """What the band says, one plain string per issue (tests, accessibility)."""
        return list(self._parts)

    def set_issues(
        self,
        resolve: Suggestion | None,
        tasks: Sequence[TaskView],
        refused: int,
        now: datetime,
    ) -> None:
        self._last = (resolve, tuple(tasks), refused, now)
        parts: list[tuple[str, str, str]] = []  # (link, text, tooltip)
        if resolve is not None:
            parts.append(
                ("issue", wording.suggestion_title(resolve), wording.suggestion_why(resolve))
            )
        if tasks:
            first = min(tasks, key=lambda t: t.due_at)
            due = fmt.date_time_text(first.due_at, now)
            if len(tasks) == 1:
                words = self.tr("Open task: {title}, due {due}").format(title=first.title, due=due)
            else:
                words = self.tr("{n} open tasks, next due {due}").format(n=len(tasks), due=due)
            parts.append(("tasks", words, "\n".join(t.title for t in tasks)))
        if refused:
            words = self.tr("%n change(s) refused by the hub", "", refused)
            parts.append(("outbox", words, self.tr("Redo or dismiss it in the outbox")))
        self._parts = [text for _link, text, _tip in parts]
        link_color = self.palette().color(QPalette.ColorRole.Link).name()
        self.text.setText(
            "  ·  ".join(
                f'<a href="{link}" style="color:{link_color}">{html.escape(text)}</a>'
                for link, text, _tip in parts
            )
        )
        self.setToolTip("\n".join(f"{text}: {tip}" if tip else text for _l, text, tip in parts))
        self.text.setAccessibleName("; ".join(self._parts))
        self.setVisible(bool(parts))

    def _paint_icon(self) -> None:
        side = self.fontMetrics().height()
        self.icon.setPixmap(icons.pixmap("alert", side, caution(self.palette())))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icon()
            if self._last is not None:
                self.set_issues(*self._last)  # the links take the new palette's colour
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        tone = caution(pal)
        radius = self.fontMetrics().height() / 3
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(mix(pal.color(QPalette.ColorRole.Window), tone, 0.14))
        p.drawRoundedRect(QRectF(self.rect()), radius, radius)
