"""Two years of a customer's activity at a glance: spend per month as bars, contacts per month as a
line, drawn with QPainter (no chart library for one small picture).

Everything is measured in font units and coloured from the palette, so it scales with the user's
font and stays readable in dark mode.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from rapport.cache.queries import MonthActivity
from rapport.ui.common import format as fmt
from rapport.ui.common.theme import mix


def _nice_ceiling(value: float) -> float:
    """A round number at least ``value`` (1, 1.5, 2, 3, 4, 5, 6 or 8 times a power of ten): the top
    of an axis, close enough to the highest bar that the bars stay readable."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 1.5, 2, 3, 4, 5, 6, 8, 10):
        if value <= step * power * (1 + 1e-9):
            return step * power
    return 10 * power


class ActivityChart(QWidget):
    """Spend (bars, left axis) and contacts (line, right axis) per month, oldest on the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._months: tuple[MonthActivity, ...] = ()
        self._currency = "EUR"
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Activity over the last 24 months"))

    def set_activity(self, months: Sequence[MonthActivity], currency: str | None) -> None:
        self._months = tuple(months)
        self._currency = currency or "EUR"
        self.setToolTip(self._summary())
        # The chart's text alternative: a screen reader (and a tablet, which has no tooltips) gets
        # the same sums.
        self.setAccessibleDescription(self._summary())
        self.update()

    def _summary(self) -> str:
        spend = sum(m.spend for m in self._months)
        contacts = sum(m.contacts for m in self._months)
        span = len(self._months)
        return self.tr("Last %n month(s): {spend} spent, {contacts}", "", span).format(
            spend=fmt.money(spend, self._currency, compact=True),
            contacts=self.tr("%n contact(s)", "", contacts),
        )

    def _tops(self) -> tuple[float, int]:
        """The tops of the two axes: spend in major units, contacts."""
        max_spend = max((m.spend for m in self._months), default=0)
        max_contacts = max((m.contacts for m in self._months), default=0)
        top_spend = _nice_ceiling(max_spend / 10 ** fmt.minor_exponent(self._currency))
        return top_spend, max(2, int(_nice_ceiling(max_contacts)))

    def axis_labels(self) -> tuple[str, str]:
        """What the tops of the axes say: spend on the left, contacts on the right."""
        top_spend, top_contacts = self._tops()
        spend = fmt.money(
            int(top_spend * 10 ** fmt.minor_exponent(self._currency)), self._currency, compact=True
        )
        return spend, self.tr("%n contact(s)", "the top of the contacts axis", top_contacts)

    # ---- size ------------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance("0") * 56, fm.height() * 8)

    def minimumSizeHint(self) -> QSize:
        fm = self.fontMetrics()
        # 24 months still read at 7 px a bar; the window gives it more where it can.
        return QSize(fm.horizontalAdvance("0") * 24, fm.height() * 6)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.update()
        super().changeEvent(event)

    # ---- painting --------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        bar = pal.color(QPalette.ColorRole.Highlight)
        grid = mix(pal.color(QPalette.ColorRole.Window), text, 0.15)
        line = mix(text, pal.color(QPalette.ColorRole.Window), 0.15)

        p.setFont(self._small_font())
        fm = p.fontMetrics()
        lh = fm.height()
        gap = lh / 3

        months = self._months
        top_spend, top_contacts = self._tops()
        spend_label, contact_label = self.axis_labels()
        plot = self._plot(fm)
        left, right = plot.left(), self.width() - plot.right()
        if plot.width() <= 0 or plot.height() <= 0:
            return

        self._legend(p, fm, bar, line, text)

        p.setPen(QPen(grid, 1))
        for frac in (0.0, 0.5, 1.0):
            y = plot.bottom() - plot.height() * frac
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))

        p.setPen(muted)
        right_align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        left_align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        p.drawText(QRectF(0, plot.top() - lh / 2, left - gap, lh), right_align, spend_label)
        p.drawText(QRectF(0, plot.bottom() - lh / 2, left - gap, lh), right_align, "0")
        p.drawText(
            QRectF(plot.right() + gap, plot.top() - lh / 2, right, lh), left_align, contact_label
        )
        p.drawText(QRectF(plot.right() + gap, plot.bottom() - lh / 2, right, lh), left_align, "0")

        if not months:
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No activity"))
            return

        slot = plot.width() / len(months)
        bar_width = max(1.0, slot * 0.62)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(bar)
        scale = 10 ** fmt.minor_exponent(self._currency)
        for i, m in enumerate(months):
            if m.spend <= 0:
                continue
            h = plot.height() * min(1.0, m.spend / scale / top_spend)
            x = plot.left() + i * slot + (slot - bar_width) / 2
            p.drawRoundedRect(QRectF(x, plot.bottom() - h, bar_width, h), 1.5, 1.5)

        p.setPen(muted)
        for box, label in self.month_labels():
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

        # Contacts: a line through the month centres, with dots where there were any.
        points = [
            QPointF(
                plot.left() + (i + 0.5) * slot,
                plot.bottom() - plot.height() * min(1.0, m.contacts / top_contacts),
            )
            for i, m in enumerate(months)
        ]
        faint = QColor(line)
        faint.setAlphaF(0.35)
        path = QPainterPath(points[0])
        for pt in points[1:]:
            path.lineTo(pt)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(faint, max(1.0, lh / 12), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawPath(path)
        radius = max(2.0, lh / 5)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(line)
        for pt, m in zip(points, months, strict=True):
            if m.contacts:
                p.drawEllipse(pt, radius, radius)

    def _small_font(self) -> QFont:
        return fmt.scaled_font(self.font(), 0.85)

    def _plot(self, fm: QFontMetrics) -> QRectF:
        """Where the bars go: the legend above, the month labels below, the values on the sides."""
        spend_label, contact_label = self.axis_labels()
        lh = fm.height()
        gap = lh / 3
        left = fm.horizontalAdvance(spend_label) + gap
        right = fm.horizontalAdvance(contact_label) + gap
        top = lh * 1.5 + gap
        return QRectF(left, top, self.width() - left - right, self.height() - top - lh - gap)

    def month_labels(self) -> list[tuple[QRectF, str]]:
        """The month labels under the bars and where they are drawn: every third month, ending on
        the current one (every sixth, or twelfth, when their words would touch: French month
        names are longer); the year on the first label and wherever it changes."""
        fm = QFontMetrics(self._small_font())
        plot = self._plot(fm)
        if not self._months or plot.width() <= 0:
            return []
        for step in (3, 6, 12):
            boxes = self._month_labels(step, plot, fm)
            if all(a[0].right() <= b[0].left() for a, b in pairwise(boxes)):
                break
        return boxes

    def _month_labels(self, step: int, plot: QRectF, fm: QFontMetrics) -> list[tuple[QRectF, str]]:
        months = self._months
        slot = plot.width() / len(months)
        lh = fm.height()
        gap = lh / 3
        out = []
        last_year = None
        for i, m in enumerate(months):
            if (len(months) - 1 - i) % step:
                continue
            label = fmt.month_abbreviation(m.month)
            if m.year != last_year:
                label = f"{label} {m.year}"
                last_year = m.year
            centre = plot.left() + (i + 0.5) * slot
            w = fm.horizontalAdvance(label) + gap
            x = min(max(centre - w / 2, 0), self.width() - w)
            out.append((QRectF(x, plot.bottom() + gap / 2, w, lh), label))
        return out

    def _legend(
        self, p: QPainter, fm: QFontMetrics, bar: QColor, line: QColor, text: QColor
    ) -> None:
        lh = fm.height()
        box = lh * 0.6
        x = float(self.width())
        items = ((self.tr("Contacts"), line, True), (self.tr("Spend"), bar, False))
        p.setPen(text)
        for label, color, is_line in items:
            w = fm.horizontalAdvance(label)
            x -= w
            p.setPen(text)
            p.drawText(QRectF(x, 0, w, lh), Qt.AlignmentFlag.AlignVCenter, label)
            x -= box + lh / 4
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(color)
            if is_line:
                p.drawEllipse(QRectF(x, (lh - box) / 2, box, box))
            else:
                p.drawRect(QRectF(x, (lh - box) / 2, box, box))
            x -= lh
        p.setPen(text)
        title = self.tr("Last %n month(s)", "", len(self._months))
        p.drawText(QRectF(0, 0, max(0.0, x), lh), Qt.AlignmentFlag.AlignVCenter, title)
