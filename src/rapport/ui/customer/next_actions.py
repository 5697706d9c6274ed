"""The next best action column of the customer 360: a few suggestions, most important first, each
with the one sentence of facts behind it, so the agent can trust it or ignore it in a glance.

``SuggestionsModel`` holds the list (named roles, so tests and other views read the same data);
``NextActionsPanel`` shows it as a short stack of cards with a coloured edge by kind (the title says
the same thing in words, so colour is never the only cue). A card that leads somewhere says where
on its last line; a click, a tap, or Enter on the focused card (Tab reaches them) asks the window to
go there (``activated``)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rapport.domain.next_best_action import Suggestion
from rapport.ui.common import wording
from rapport.ui.common.i18n import Context, TranslatedNames
from rapport.ui.common.theme import caution, mix, muted, positive, warning

_Index = QModelIndex | QPersistentModelIndex

_KIND_WORDS = TranslatedNames(
    "NextActions",
    {
        "resolve": QT_TRANSLATE_NOOP("NextActions", "Service"),
        "acknowledge": QT_TRANSLATE_NOOP("NextActions", "Purchase"),
        "related": QT_TRANSLATE_NOOP("NextActions", "Goes with it"),
        "incentive": QT_TRANSLATE_NOOP("NextActions", "Win back"),
        "offer": QT_TRANSLATE_NOOP("NextActions", "Offer"),
        "reach_out": QT_TRANSLATE_NOOP("NextActions", "VIP"),
        "consent": QT_TRANSLATE_NOOP("NextActions", "Consent"),
    },
)
NextActions = Context("NextActions")
# The window's shortcuts for what a card opens (rapport.ui.shell.actions has the same keys).
_LOG_KEYS, _CONSENT_KEYS, _BASKET_KEYS = "Ctrl+L", "Ctrl+Shift+C", "Ctrl+B"


class SuggestionRole(IntEnum):
    Title = Qt.ItemDataRole.DisplayRole
    Why = Qt.ItemDataRole.ToolTipRole
    Kind = Qt.ItemDataRole.UserRole + 1
    KindText = Qt.ItemDataRole.UserRole + 2
    Channel = Qt.ItemDataRole.UserRole + 3
    Action = Qt.ItemDataRole.UserRole + 4


class SuggestionsModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Suggestion] = []

    def set_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        self.beginResetModel()
        self._rows = list(suggestions)
        self.endResetModel()

    def suggestion(self, row: int) -> Suggestion:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        if role == SuggestionRole.Title:
            return wording.suggestion_title(s)
        if role == SuggestionRole.Why:
            return wording.suggestion_why(s)
        if role == SuggestionRole.Kind:
            return s.kind
        if role == SuggestionRole.KindText:
            return _KIND_WORDS.get(s.kind, s.kind)
        if role == SuggestionRole.Channel:
            return s.channel
        if role == SuggestionRole.Action:
            return s.action
        return None

    def roleNames(self) -> dict[int, bytes]:
        return {int(r): r.name.lower().encode() for r in SuggestionRole}


def kind_color(kind: str, palette: QPalette) -> QColor:
    if kind == "resolve":
        return warning(palette)
    if kind in ("incentive", "offer", "reach_out"):
        return caution(palette)
    if kind in ("acknowledge", "related"):
        return positive(palette)
    return palette.color(QPalette.ColorRole.Highlight)


def action_label(s: Suggestion, show_keys: bool = True) -> str | None:
    """What acting on the suggestion opens, in the words of the card's last line, with its
    shortcut when ``show_keys``."""
    action = s.action or ""
    keys = ""
    if action == "log":
        words, keys = NextActions.tr("Log the call"), _LOG_KEYS
    elif action == "consent":
        words, keys = NextActions.tr("Record their answer"), _CONSENT_KEYS
    elif action in ("incentive", "products") and s.product_ids:
        words, keys = NextActions.tr("Put it in a basket"), _BASKET_KEYS
    elif action.startswith("offer:"):
        words = NextActions.tr("See the offer")
    elif action.startswith("order:"):
        words = NextActions.tr("See the order")
    else:
        return None
    if not (keys and show_keys):
        return words
    native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
    return f"{words}  ({native})"


class _CardFace:
    """What a card shows and how it is painted: a small kind caption, the title in bold, the why
    below it, and where acting on it leads. A mixin, for the two kinds of card: one that leads
    somewhere is a button (:class:`_ActionCard`), one that only informs a frame (:class:`_Card`);
    a screen reader tells them apart by their role."""

    suggestion: Suggestion
    kind: str
    caption: QLabel
    title: QLabel
    why: QLabel
    action: str | None
    go: QLabel | None

    def _build(self, s: Suggestion, show_keys: bool) -> None:
        assert isinstance(self, QWidget)
        self.suggestion = s
        self.kind = s.kind
        self.setObjectName(f"suggestion-{s.kind}")
        lh = self.fontMetrics().height()
        self.caption = QLabel(_KIND_WORDS.get(s.kind, s.kind).upper())
        # Explicit: inside a button card a label's text role would be the button's (ButtonText),
        # and the kind's colour set on WindowText would not show.
        self.caption.setForegroundRole(QPalette.ColorRole.WindowText)
        small = self.caption.font()
        small.setPointSizeF(small.pointSizeF() * 0.8)
        small.setWeight(QFont.Weight.DemiBold)
        small.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        self.caption.setFont(small)
        title, why = wording.suggestion_title(s), wording.suggestion_why(s)
        self.title = QLabel(title)
        self.title.setObjectName("suggestionTitle")
        self.title.setWordWrap(True)
        bold = self.title.font()
        bold.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(bold)
        self.why = QLabel(why)
        self.why.setObjectName("suggestionWhy")
        self.why.setWordWrap(True)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.why.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(lh * 3 // 4, lh // 2, lh // 2, lh // 2)
        layout.setSpacing(lh // 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.title)
        layout.addWidget(self.why)
        self.action = action_label(s, show_keys)  # a tablet has no keys to hint at
        self.go: QLabel | None = None
        if self.action is not None:
            self.go = QLabel(f"{self.action} ›")
            self.go.setObjectName("suggestionGo")
            self.go.setWordWrap(True)  # a narrow column wraps it rather than cut the card
            self.go.setForegroundRole(QPalette.ColorRole.Link)
            layout.addWidget(self.go)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setToolTip(self.action.split("  ")[0])
        # Read as the title, then the facts behind it and where acting on it leads (with its keys).
        self.setAccessibleName(title)
        self.setAccessibleDescription("\n".join(x for x in (why, self.action) if x))
        self._recolor()

    def _recolor(self) -> None:
        assert isinstance(self, QWidget)
        pal = self.caption.palette()
        pal.setColor(QPalette.ColorRole.WindowText, kind_color(self.kind, self.palette()))
        self.caption.setPalette(pal)

    def paintEvent(self, event: QPaintEvent) -> None:
        assert isinstance(self, QWidget)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        window = pal.color(QPalette.ColorRole.Window)
        base = pal.color(QPalette.ColorRole.Base)
        accent = kind_color(self.kind, pal)
        r = self.rect().adjusted(0, 0, -1, -1)
        radius = self.fontMetrics().height() / 3
        p.setPen(mix(window, muted(pal), 0.35))
        p.setBrush(mix(base, accent, 0.06))
        p.drawRoundedRect(r, radius, radius)
        bar = max(3, self.fontMetrics().height() // 5)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(accent)
        p.drawRoundedRect(r.x(), r.y(), bar, r.height() + 1, bar / 2, bar / 2)
        if self.hasFocus():  # keyboard users see which card Enter acts on
            pen = p.pen()
            p.setPen(pal.color(QPalette.ColorRole.Highlight))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(r.adjusted(1, 1, -1, -1), radius, radius)
            p.setPen(pen)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._recolor()
        super().changeEvent(event)  # type: ignore[misc]


class _Card(_CardFace, QFrame):
    """A suggestion that only informs (nothing to open for it)."""

    def __init__(
        self, s: Suggestion, parent: QWidget | None = None, show_keys: bool = True
    ) -> None:
        super().__init__(parent)
        self._build(s, show_keys)


class _ActionCard(_CardFace, QAbstractButton):
    """A suggestion that leads somewhere: a button, so a screen reader says so and can press it. A
    click, a tap, or Enter or Space on the focused card (Tab reaches it) emits ``clicked``."""

    def __init__(
        self, s: Suggestion, parent: QWidget | None = None, show_keys: bool = True
    ) -> None:
        super().__init__(parent)
        # A frame's size policy, not a push button's fixed height: the card wraps its words.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._build(s, show_keys)

    def hitButton(self, pos: QPoint) -> bool:
        # The why is selectable: a drag across it copies, it does not act.
        return self.rect().contains(pos) and not self.why.hasSelectedText()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)


class NextActionsPanel(QWidget):
    """``set_suggestions`` fills it; with nothing to suggest it says so instead of staying blank."""

    activated = Signal(object)  # the Suggestion a card was clicked or entered on
    show_keys = True  # the shortcut beside each card's action (off in tablet mode)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nextActions")
        self.model = SuggestionsModel(self)
        self.model.modelReset.connect(self._rebuild)
        lh = self.fontMetrics().height()

        heading = QLabel(self.tr("Next best action"))
        heading.setObjectName("nextActionsHeading")
        font = heading.font()
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)
        self.note = QLabel()
        self.note.setObjectName("nextActionsNote")
        self.note.setWordWrap(True)
        self.note.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self._card_list: list[_Card | _ActionCard] = []
        self._cards = QWidget()
        self._cards.setObjectName("nextActionsCards")
        self._cards_layout = QVBoxLayout(self._cards)
        self._cards_layout.setContentsMargins(0, 0, 0, 0)
        self._cards_layout.setSpacing(lh // 2)
        self._cards_layout.addWidget(self.note)
        self._cards_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(self._cards)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a Tab stop of its own: Tab goes to the cards, and it scrolls to the one focused.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.viewport().setAutoFillBackground(False)
        self._cards.setAutoFillBackground(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(lh // 2)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._rebuild()

    def set_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        self.model.set_suggestions(suggestions)

    def cards(self) -> list[_Card | _ActionCard]:
        return list(self._card_list)

    def _rebuild(self) -> None:
        for card in self._card_list:
            self._cards_layout.removeWidget(card)
            # Hidden and left with its parent until deleted: setParent(None) would make the card a
            # top-level window for a moment, and the window manager could activate it, taking the
            # focus from whatever the agent was typing into.
            card.hide()
            card.deleteLater()
        self._card_list = []
        for row in range(self.model.rowCount()):
            s = self.model.suggestion(row)
            card: _Card | _ActionCard
            if action_label(s) is None:
                card = _Card(s, self._cards, self.show_keys)
            else:
                card = _ActionCard(s, self._cards, self.show_keys)
                card.clicked.connect(
                    lambda _checked=False, c=card: self.activated.emit(c.suggestion)
                )
            self._cards_layout.insertWidget(row, card)
            self._card_list.append(card)
        kinds = [self.model.suggestion(r).kind for r in range(self.model.rowCount())]
        if not kinds:
            self.note.setText(
                self.tr("Nothing to suggest: no open issue, offer or recent activity.")
            )
        elif kinds[0] == "resolve":
            self.note.setText(self.tr("Sales suggestions wait until the issue is resolved."))
        else:
            self.note.setText("")
        self.note.setVisible(bool(self.note.text()))
