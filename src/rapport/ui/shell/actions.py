"""Every command of the main window, in one registry: its words, keys, icon and menu.

The window makes one QAction per entry (:func:`make_actions`); the menu bar, the customer header's
action strip, the tablet's buttons and the keyboard-shortcut list (F1) all use those same QActions,
so a shortcut shown anywhere is the one that works, and a new command shows up everywhere at once.

Keys that work only inside one panel or dialog (Enter in the search results, Ctrl+D in my tasks)
are not window commands; :data:`CONTEXT_KEYS` lists them for the shortcut list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from rapport.ui.basket.dialog import BASKET_SHORTCUT
from rapport.ui.common import icons
from rapport.ui.customer.consent_preferences import CONSENT_SHORTCUT
from rapport.ui.customer.new_customer import NEW_CUSTOMER_SHORTCUT
from rapport.ui.followups.appointment import APPOINTMENT_SHORTCUT
from rapport.ui.followups.badge import TASKS_SHORTCUT
from rapport.ui.followups.panel import DONE_SHORTCUT
from rapport.ui.outbox.panel import OUTBOX_SHORTCUT

CONTEXT = "Actions"  # the translation context of every string in this module

SEARCH_SHORTCUT = "Ctrl+K"
LOG_SHORTCUT = "Ctrl+L"
WRAP_UP_SHORTCUT = "Ctrl+Shift+W"
DETAILS_SHORTCUT = "Ctrl+Shift+H"
HELP_SHORTCUT = "F1"
CLOSE_SHORTCUT = "Ctrl+W"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True, slots=True)
class ActionSpec:
    key: str
    menu: str  # file, customer, view, help
    text: str  # the menu's words, with the mnemonic
    tip: str  # one sentence: the tooltip and status tip
    keys: tuple[str | QKeySequence.StandardKey, ...] = ()
    icon: str | None = None
    short: str = ""  # a button's words on the action strip (empty: the menu's words)
    checkable: bool = False
    separator_before: bool = False


# QT_TRANSLATE_NOOP marks the words for lupdate (with the literal context it reads); tr()
# translates them when an action or menu is made.
SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("new_customer", "file", QT_TRANSLATE_NOOP("Actions", "&New customer…"),
               QT_TRANSLATE_NOOP("Actions", "Create a customer: an unknown caller, a walk-in"),
               (NEW_CUSTOMER_SHORTCUT,), "new-customer"),
    ActionSpec("quit", "file", QT_TRANSLATE_NOOP("Actions", "&Quit"), QT_TRANSLATE_NOOP("Actions", "Close Rapport"),
               (QKeySequence.StandardKey.Quit, "Ctrl+Q"), "quit", separator_before=True),
    ActionSpec("search", "customer", QT_TRANSLATE_NOOP("Actions", "&Find a customer"),
               QT_TRANSLATE_NOOP("Actions", "Search by name, email, phone in any format or loyalty id"),
               (SEARCH_SHORTCUT, QKeySequence.StandardKey.Find, "Ctrl+F"), "search"),
    ActionSpec("log", "customer", QT_TRANSLATE_NOOP("Actions", "&Log interaction…"),
               QT_TRANSLATE_NOOP("Actions", "Log a call, chat, visit or note for the open customer"),
               (LOG_SHORTCUT,), "log", QT_TRANSLATE_NOOP("Actions", "Log call"), separator_before=True),
    ActionSpec("basket", "customer", QT_TRANSLATE_NOOP("Actions", "&Basket…"),
               QT_TRANSLATE_NOOP("Actions", "Build a basket for the open customer and send it"),
               (BASKET_SHORTCUT,), "basket", QT_TRANSLATE_NOOP("Actions", "Basket")),
    ActionSpec("consent", "customer", QT_TRANSLATE_NOOP("Actions", "&Consent and preferences…"),
               QT_TRANSLATE_NOOP("Actions", "Consent per channel and preferences of the open customer"),
               (CONSENT_SHORTCUT,), "consent", QT_TRANSLATE_NOOP("Actions", "Consent")),
    ActionSpec("appointment", "customer", QT_TRANSLATE_NOOP("Actions", "Book an &appointment…"),
               QT_TRANSLATE_NOOP("Actions", "Book an in-store appointment for the open customer"),
               (APPOINTMENT_SHORTCUT,), "appointment", QT_TRANSLATE_NOOP("Actions", "Appointment")),
    ActionSpec("close_customer", "customer", QT_TRANSLATE_NOOP("Actions", "Clo&se customer"),
               QT_TRANSLATE_NOOP("Actions", "Back to the start page: recent customers and today's tasks"),
               (CLOSE_SHORTCUT,), "close"),
    ActionSpec("wrap_up", "customer", QT_TRANSLATE_NOOP("Actions", "&Wrap up the call…"),
               QT_TRANSLATE_NOOP("Actions", "Log the current call, its duration filled in"),
               (WRAP_UP_SHORTCUT,), "wrap-up", QT_TRANSLATE_NOOP("Actions", "Wrap up"), separator_before=True),
    ActionSpec("tasks", "view", QT_TRANSLATE_NOOP("Actions", "My &tasks"),
               QT_TRANSLATE_NOOP("Actions", "Your follow-ups and appointments: overdue, today, upcoming"),
               (TASKS_SHORTCUT,), "tasks"),
    ActionSpec("outbox", "view", QT_TRANSLATE_NOOP("Actions", "&Outbox"),
               QT_TRANSLATE_NOOP("Actions", "Changes not yet on the hub, and what the hub refused"),
               (OUTBOX_SHORTCUT,), "outbox"),
    ActionSpec("details", "view", QT_TRANSLATE_NOOP("Actions", "Customer &details"),
               QT_TRANSLATE_NOOP("Actions", "Show or hide the chart and details at the top of the customer"),
               (DETAILS_SHORTCUT,), None, checkable=True, separator_before=True),
    ActionSpec("shortcuts", "help", QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"),
               QT_TRANSLATE_NOOP("Actions", "Every shortcut of Rapport"), (HELP_SHORTCUT,), "keyboard"),
    ActionSpec("about", "help", QT_TRANSLATE_NOOP("Actions", "&About Rapport"),
               QT_TRANSLATE_NOOP("Actions", "Version, hub address and licences"), (), "about",
               separator_before=True),
)  # fmt: skip
MENUS: tuple[tuple[str, str], ...] = (
    ("file", QT_TRANSLATE_NOOP("Actions", "&File")),
    ("customer", QT_TRANSLATE_NOOP("Actions", "&Customer")),
    ("view", QT_TRANSLATE_NOOP("Actions", "&View")),
    ("help", QT_TRANSLATE_NOOP("Actions", "&Help")),
)
# (where, keys, what) for keys that belong to one panel or dialog.
CONTEXT_KEYS: tuple[tuple[str, str, str], ...] = (
    (
        QT_TRANSLATE_NOOP("Actions", "Search"),
        "Up, Down, Enter",
        QT_TRANSLATE_NOOP("Actions", "Move through the results; open one"),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "Search"),
        "Ctrl+Enter",
        QT_TRANSLATE_NOOP("Actions", "Search all customers on the hub"),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "Start screen"),
        "Enter",
        QT_TRANSLATE_NOOP("Actions", "Open the recent customer or task"),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "Log interaction"),
        "Ctrl+Enter",
        QT_TRANSLATE_NOOP("Actions", "Save from the note"),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "My tasks"),
        "Enter",
        QT_TRANSLATE_NOOP("Actions", "Open the task's customer"),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "My tasks"),
        DONE_SHORTCUT,
        QT_TRANSLATE_NOOP("Actions", "Mark the task done"),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "Outbox"),
        "Enter, Delete",
        QT_TRANSLATE_NOOP("Actions", "Redo or dismiss a refused change"),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "Next best action"),
        "Tab, Enter",
        QT_TRANSLATE_NOOP("Actions", "Reach a card; act on it"),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "Tablet"),
        "Esc, Alt+Left",
        QT_TRANSLATE_NOOP("Actions", "Back to the search"),
    ),
)


def key_text(keys: str | QKeySequence | QKeySequence.StandardKey) -> str:
    """A shortcut as this platform writes it (Ctrl+K, ⌘K)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def action_keys(action: QAction) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())


def _sequences(spec: ActionSpec) -> list[QKeySequence]:
    out: list[QKeySequence] = []
    for keys in spec.keys:
        if isinstance(keys, QKeySequence.StandardKey):
            out.extend(s for s in QKeySequence.keyBindings(keys) if s not in out)
        elif QKeySequence(keys) not in out:
            # Also a fallback for a standard key that this platform binds to nothing (Quit and
            # Find have no keys on a bare X11).
            out.append(QKeySequence(keys))
    return out


def make_actions(window: QWidget, slots: Mapping[str, Callable[[], object]]) -> dict[str, QAction]:
    """One QAction per spec, added to ``window`` (so its keys work wherever the focus is in it,
    menu bar shown or not) and connected to ``slots[key]``."""
    actions: dict[str, QAction] = {}
    for spec in SPECS:
        action = QAction(tr(spec.text), window)
        action.setObjectName(f"action-{spec.key}")
        action.setShortcuts(_sequences(spec))
        action.setCheckable(spec.checkable)
        action.setIconText(
            tr(spec.short) if spec.short else tr(spec.text).replace("&", "").rstrip("…")
        )
        keys = action_keys(action)
        tip = tr(spec.tip)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        if spec.checkable:
            action.toggled.connect(slots[spec.key])
        else:
            action.triggered.connect(lambda _checked=False, slot=slots[spec.key]: slot())
        window.addAction(action)
        actions[spec.key] = action
    tint_actions(actions, window.palette())
    return actions


def tint_actions(actions: Mapping[str, QAction], palette: QPalette) -> None:
    """(Re)draw the actions' icons in the palette's colours: after a light/dark switch too."""
    for spec in SPECS:
        if spec.icon and spec.key in actions:
            actions[spec.key].setIcon(icons.icon(spec.icon, palette))


def fill_menus(
    bar: QMenuBar | QMenu, actions: Mapping[str, QAction], flat: bool = False
) -> dict[str, QMenu]:
    """The File, Customer, View and Help menus on ``bar`` (or, ``flat``, one menu with a section
    per menu: the tablet's Menu button)."""
    menus: dict[str, QMenu] = {}
    for name, title in MENUS:
        if flat and isinstance(bar, QMenu):
            menu = bar
            if not menu.isEmpty():
                menu.addSeparator()
        else:
            menu = bar.addMenu(tr(title))
            menu.setObjectName(f"menu-{name}")
        menus[name] = menu
        first = True
        for spec in SPECS:
            if spec.menu != name:
                continue
            if spec.separator_before and not first:
                menu.addSeparator()
            menu.addAction(actions[spec.key])
            first = False
    return menus


def shortcut_rows(actions: Sequence[QAction]) -> list[tuple[str, str, str]]:
    """(where, keys, what) for the shortcut list: the window's actions in menu order, then the
    keys of panels and dialogs."""
    menu_titles = {name: tr(title).replace("&", "") for name, title in MENUS}
    by_name = {a.objectName(): a for a in actions}
    rows = []
    for spec in SPECS:
        action = by_name.get(f"action-{spec.key}")
        if action is None or not action.shortcuts():
            continue
        rows.append((menu_titles[spec.menu], action_keys(action), action.text().replace("&", "")))
    # Key names as this platform and language write them (Entrée, Échap, Haut in French).
    rows.extend(
        (tr(where), ", ".join(key_text(k) for k in keys.split(", ")), tr(what))
        for where, keys, what in CONTEXT_KEYS
    )
    return rows
