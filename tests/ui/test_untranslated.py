"""A test that fails on an untranslated string.

Each window below is built twice, once in English and once in French, and every text it shows is
collected the same way from both (label and button texts, group box titles, placeholders, window
titles, tooltips and accessible names of visible widgets; spin box suffixes; the menus of a menu
bar or a button; header and cell texts of item models). A
text that is the same in both languages is untranslated, unless it is data (every word of it is in
the open customer's own rows, or in what the hub's settings hold), has no letters (numbers, times,
codes) or is in :data:`SAME_IN_FRENCH`.

Only texts that belong to a module of :data:`TRANSLATED` are checked (a widget belongs to the
module of its nearest ``rapport.ui`` class, a model's texts to the model's module). A module joins
the list once its strings go through tr(); :func:`test_the_whole_window` checks every text of each
window whatever module shows it (Qt's own buttons included). To check another window, add a
builder to :data:`WINDOWS`.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from rapport.cache.search import search_customers
from rapport.cache.tasks import book_appointment, stores
from rapport.cache.writes import LocalWrites
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.basket.dialog import BasketDialog
from rapport.ui.calls.caller_chooser import CallerChooser
from rapport.ui.calls.unknown_caller import UnknownCallerPanel
from rapport.ui.common import i18n
from rapport.ui.customer.consent_preferences import ConsentPreferencesDialog
from rapport.ui.customer.log_interaction import LogInteractionDialog
from rapport.ui.customer.new_customer import NewCustomerDialog
from rapport.ui.followups.appointment import BookAppointmentDialog
from rapport.ui.followups.panel import MyTasksPanel
from rapport.ui.outbox.panel import OutboxPanel
from rapport.ui.shell.about import AboutDialog
from rapport.ui.shell.crash import CrashDialog
from rapport.ui.shell.main_window import MainWindow
from rapport.ui.shell.shortcuts import ShortcutsDialog
from rapport.ui.shell.sign_in import SignInDialog
from rapport.ui.shell.update_notice import UpdateNotice
from tests.helpers import FIXED_NOW

HOOPS = STORY_CUSTOMERS["hoops"]

# Modules whose every user-facing string goes through tr(). Add a module when it does.
TRANSLATED = frozenset(
    {
        "rapport.ui.basket.dialog",
        "rapport.ui.basket.models",
        "rapport.ui.calls.call_strip",
        "rapport.ui.calls.caller_chooser",
        "rapport.ui.calls.screen_pop",
        "rapport.ui.calls.unknown_caller",
        "rapport.ui.common.adaptive",
        "rapport.ui.common.field_error",
        "rapport.ui.common.format",
        "rapport.ui.common.touch",
        "rapport.ui.common.wording",
        "rapport.ui.common.wrapup",
        "rapport.ui.customer.activity_chart",
        "rapport.ui.customer.consent_preferences",
        "rapport.ui.customer.header",
        "rapport.ui.customer.intent",
        "rapport.ui.customer.issues",
        "rapport.ui.customer.log_interaction",
        "rapport.ui.customer.new_customer",
        "rapport.ui.customer.next_actions",
        "rapport.ui.customer.offers",
        "rapport.ui.customer.orders_model",
        "rapport.ui.customer.purchases",
        "rapport.ui.customer.timeline",
        "rapport.ui.customer.timeline_model",
        "rapport.ui.customer.view",
        "rapport.ui.followups.appointment",
        "rapport.ui.followups.badge",
        "rapport.ui.followups.model",
        "rapport.ui.followups.panel",
        "rapport.ui.followups.slots",
        "rapport.ui.outbox.answers",
        "rapport.ui.outbox.model",
        "rapport.ui.outbox.panel",
        "rapport.ui.search.model",
        "rapport.ui.search.panel",
        "rapport.ui.shell.about",
        "rapport.ui.shell.actions",
        "rapport.ui.shell.app",
        "rapport.ui.shell.crash",
        "rapport.ui.shell.main_window",
        "rapport.ui.shell.reauth",
        "rapport.ui.shell.recent_model",
        "rapport.ui.shell.session",
        "rapport.ui.shell.shortcuts",
        "rapport.ui.shell.sign_in",
        "rapport.ui.shell.start_page",
        "rapport.ui.shell.status_bar",
        "rapport.ui.shell.tablet_panes",
        "rapport.ui.shell.update_notice",
    }
)
# Words French writes as English does.
SAME_IN_FRENCH = frozenset(
    {"Alt", "Chat", "Code", "Contact", "Contacts", "Ctrl", "Date", "Menu", "Message", "min",
     "Newsletter", "Nike, Molten", "Note", "OK", "Push", "Rapport", "SMS", "Stock", "Tab", "Total",
     "Type", "VIP", "Web"}
)  # fmt: skip
_SAME_WORDS = frozenset(w.casefold() for w in SAME_IN_FRENCH if " " not in w)
_MAX_ROWS = 30
# Texts a translated module shows but another module writes, still on another branch: skipped
# here, each with the reason. Remove an entry once its module is in TRANSLATED.
WRITTEN_ELSEWHERE: tuple[tuple[re.Pattern[str], str], ...] = ()


@dataclass(frozen=True, slots=True)
class Shown:
    where: str  # a path in the widget tree, the same in both languages
    what: str  # text, title, placeholder, tooltip, accessible name, header, cell...
    text: str
    module: str  # the rapport.ui module the text belongs to


def _module_of(widget: QWidget | None) -> str:
    while widget is not None:
        module = type(widget).__module__
        if module.startswith("rapport.ui"):
            return module
        widget = widget.parentWidget()
    return "Qt"


def _plain(text: str) -> str:
    if re.search(r"<\w[^>]*>", text):  # rich text: what is read, not the markup
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _path(widget: QWidget, root: QWidget) -> str:
    parts = []
    while widget is not None and widget is not root:
        parent = widget.parentWidget()
        siblings = parent.findChildren(type(widget), options=Qt.FindChildOption.FindDirectChildrenOnly) if parent else []  # fmt: skip
        index = siblings.index(widget) if widget in siblings else 0
        parts.append(f"{widget.objectName() or type(widget).__name__}[{index}]")
        widget = parent
    return "/".join(reversed(parts)) or type(root).__name__


def _model_texts(model: QAbstractItemModel, where: str) -> Iterator[Shown]:
    module = type(model).__module__
    # A list model's columnCount is private in PySide6: it has one.
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    for column in range(columns):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if isinstance(header, str):
            yield Shown(f"{where}#header{column}", "header", header, module)
    for row in range(min(model.rowCount(QModelIndex()), _MAX_ROWS)):
        for column in range(max(columns, 1)):
            index = model.index(row, column)
            for role, what in (
                (Qt.ItemDataRole.DisplayRole, "cell"),
                (Qt.ItemDataRole.ToolTipRole, "cell tooltip"),
                (Qt.ItemDataRole.AccessibleTextRole, "cell accessible text"),
            ):
                value = index.data(role)
                if isinstance(value, str):
                    yield Shown(f"{where}#{row},{column}", what, value, module)


def _action_texts(actions: list[QAction]) -> list[tuple[str, str]]:
    out = []
    for a in actions:
        if a.isSeparator():
            out.append(("section", a.text()))
            continue
        out += [("menu item", a.text()), ("menu tip", a.toolTip()), ("status tip", a.statusTip())]
    return out


def shown_texts(root: QWidget) -> list[Shown]:
    """Every text ``root`` shows, in a stable order."""
    out: list[Shown] = []
    for w in [root, *root.findChildren(QWidget)]:
        if w is not root and not w.isVisibleTo(root):
            continue
        where, module = _path(w, root), _module_of(w)
        texts: list[tuple[str, str]] = []
        if w.isWindow():
            texts.append(("window title", w.windowTitle()))
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(("text", w.text()))
        elif isinstance(w, QGroupBox):
            texts.append(("title", w.title()))
        elif isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
            texts.append(("placeholder", w.placeholderText()))
        elif isinstance(w, QComboBox):
            texts += [("item", w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QTabBar):
            texts += [("tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QAbstractSpinBox):
            texts += (
                [("suffix", w.suffix()), ("prefix", w.prefix())] if hasattr(w, "suffix") else []
            )
        # A menu bar's menus, and a button's menu (the tablet's Menu): what opening them shows.
        menus = [a.menu() for a in w.actions() if a.menu()] if isinstance(w, QMenuBar) else []
        if isinstance(w, QMenuBar):
            texts += [("menu", a.text()) for a in w.actions()]
        button_menu = getattr(w, "menu", None) if isinstance(w, QAbstractButton) else None
        if callable(button_menu) and isinstance(button_menu(), QMenu):
            menus.append(button_menu())
        for menu in menus:
            texts += _action_texts(menu.actions())
        texts += [
            ("tooltip", w.toolTip()),
            ("accessible name", w.accessibleName()),
            ("accessible description", w.accessibleDescription()),
        ]
        out += [Shown(where, what, _plain(t), module) for what, t in texts if _plain(t)]
        # A table's headers are views of its model too: its header data is read from the table.
        if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) and w.model():
            out += _model_texts(w.model(), where)
    return out


# --------------------------------------------------------------------------------------------------
# The windows


@dataclass
class Scene:
    qtbot: object
    reader: sqlite3.Connection
    writes: LocalWrites

    def keep(self, widget: QWidget) -> QWidget:
        self.qtbot.addWidget(widget)  # type: ignore[attr-defined]
        widget.show()
        return widget


def _main_window(s: Scene) -> QWidget:
    window = MainWindow(s.reader, writes=s.writes, now=lambda: FIXED_NOW)
    s.keep(window).resize(1366, 768)
    assert window.open_customer(HOOPS)
    return window


def _outbox(s: Scene) -> QWidget:
    if not s.reader.execute("SELECT 1 FROM outbox LIMIT 1").fetchone():  # once for both languages
        s.writes.log_interaction(HOOPS, channel="phone", summary="Asked about the hoop delivery")
    return s.keep(OutboxPanel(s.reader, s.writes))


def _start_page(s: Scene) -> QWidget:
    """The window with nobody open: recent customers (Lucas Martin was just opened) and today's
    tasks."""
    _a_task(s)  # before the window, so both languages start from the same outbox
    window = _main_window(s)
    window.close_customer()
    window.refresh_start_page()
    return window


def _call_strip(s: Scene) -> QWidget:
    window = _main_window(s)
    window.start_call(HOOPS, "06 12 34 56 78")
    return window


def _tablet(s: Scene) -> QWidget:
    window = MainWindow(s.reader, writes=s.writes, now=lambda: FIXED_NOW, tablet=True)
    s.keep(window).resize(1280, 800)
    window.search.box.setText("Martin")
    assert window.open_customer(HOOPS)
    return window


def _a_task(s: Scene) -> None:
    """One appointment today for Lucas Martin (booked once for both languages)."""
    if s.reader.execute("SELECT 1 FROM task LIMIT 1").fetchone():
        return
    store = stores(s.reader)[0].id
    due = FIXED_NOW.replace(hour=17, minute=0)
    book_appointment(s.writes, HOOPS, appointment_type="ring sizing", store_id=store, due_at=due,
                     duration_min=30, note="Bring the white gold bands")  # fmt: skip


def _tasks(s: Scene) -> QWidget:
    _a_task(s)
    return s.keep(MyTasksPanel(s.reader, s.writes, lambda: FIXED_NOW))


def _basket(s: Scene) -> QWidget:
    dialog = BasketDialog(s.reader, s.writes, HOOPS, "Lucas Martin", None, now=lambda: FIXED_NOW)
    s.keep(dialog)
    dialog.search.setText("hoop")
    s.qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    return dialog


def _shortcuts(s: Scene) -> QWidget:
    window = MainWindow(s.reader, writes=s.writes, now=lambda: FIXED_NOW)
    s.qtbot.addWidget(window)  # type: ignore[attr-defined]
    return s.keep(ShortcutsDialog(list(window.actions.values())))


WINDOWS: dict[str, Callable[[Scene], QWidget]] = {
    "caller chooser": lambda s: s.keep(
        CallerChooser(search_customers(s.reader, "Martin", limit=3), "01 23 45 67 89")
    ),
    "consent and preferences": lambda s: s.keep(
        ConsentPreferencesDialog(s.reader, s.writes, HOOPS, FIXED_NOW)
    ),
    "crash": lambda s: s.keep(CrashDialog("Traceback: …", Path("/var/log/rapport/rapport.log"))),
    "log an interaction": lambda s: s.keep(LogInteractionDialog(s.writes, HOOPS, "Lucas Martin")),
    "outbox": _outbox,
    "sign in": lambda s: s.keep(SignInDialog("https://hub.example.com", "ana")),
    "unknown caller": lambda s: s.keep(UnknownCallerPanel("+33123456789", "01 23 45 67 89")),
    "update notice": lambda s: _notice(s),
    "about": lambda s: s.keep(AboutDialog("https://hub.example.com")),
    "keyboard shortcuts (F1)": _shortcuts,
    "basket": _basket,
    "my tasks": _tasks,
    "book an appointment": lambda s: s.keep(
        BookAppointmentDialog(s.reader, s.writes, HOOPS, "Lucas Martin", FIXED_NOW)
    ),
    # The number of Lucas Martin: the dialog says he is already a customer.
    "new customer": lambda s: s.keep(NewCustomerDialog(s.writes, "FR", phone="06 12 34 56 78")),
    "main window with a customer": _main_window,
    "start page": _start_page,
    "call strip": _call_strip,
    "tablet": _tablet,
}


def _notice(s: Scene) -> QWidget:
    notice = UpdateNotice()
    s.keep(notice)
    notice.show_release("9.9.0", "https://hub.example.com/download")
    return notice


# --------------------------------------------------------------------------------------------------


def _data_words(reader: sqlite3.Connection) -> frozenset[str]:
    """Words of the open customer's own rows, of every customer's name (a caller chooser lists
    others), of the stores and of the hub's settings: data, shown as it is in every language."""
    values = [str(v) for row in reader.execute("SELECT given_name, family_name FROM customer")
              for v in row if v]  # fmt: skip
    for table, where in (
        ("customer", "id = :c"),
        ("identity", "customer_id = :c"),
        ("interaction", "customer_id = :c"),
        ("orders", "customer_id = :c"),
        ("offer", "customer_id = :c"),
        ("store", "1"),
        ("product", "1"),  # the basket's catalog
        ("hub_setting", "1"),
    ):
        try:
            rows = reader.execute(f"SELECT * FROM {table} WHERE {where}", {"c": HOOPS})
        except sqlite3.OperationalError:
            continue
        values += [str(v) for row in rows for v in tuple(row) if isinstance(v, str)]
    return frozenset(w.casefold() for v in values for w in re.findall(r"[^\W\d_]+", v))


def _words(text: str) -> list[str]:
    return [w.casefold() for w in re.findall(r"[^\W\d_]{2,}", text)]


def _untranslated(
    english: list[Shown], french: list[Shown], data: frozenset[str], modules: frozenset[str] | None
) -> list[str]:
    assert [(s.where, s.what) for s in english] == [(s.where, s.what) for s in french], (
        "the window is not built the same way in both languages"
    )
    problems = []
    for en, fr in zip(english, french, strict=True):
        if modules is not None and en.module not in modules:
            continue
        words = _words(en.text)
        if en.text != fr.text or not words or en.text in SAME_IN_FRENCH:
            continue
        if all(w in data or w in _SAME_WORDS for w in words):
            continue
        if any(pattern.search(en.text) for pattern, _ in WRITTEN_ELSEWHERE):
            continue
        problems.append(f"{en.module}: {en.where} {en.what}: {en.text!r}")
    return problems


def _walk(qtbot, qapp: QApplication, reader, writes, build, language: str) -> list[Shown]:  # type: ignore[no-untyped-def]
    i18n.install(qapp, language)
    root = build(Scene(qtbot, reader, writes))
    qapp.processEvents()
    texts = shown_texts(root)
    root.close()
    return texts


@pytest.fixture
def both(qtbot, qapp: QApplication, reader: sqlite3.Connection, writes: LocalWrites):  # type: ignore[no-untyped-def]
    def run(build: Callable[[Scene], QWidget]) -> tuple[list[Shown], list[Shown]]:
        try:
            english = _walk(qtbot, qapp, reader, writes, build, "en")
            french = _walk(qtbot, qapp, reader, writes, build, "fr")
        finally:
            i18n.install(qapp, "en")
        return english, french

    return run


@pytest.mark.parametrize("name", WINDOWS)
def test_no_untranslated_string(both, reader: sqlite3.Connection, name: str) -> None:  # type: ignore[no-untyped-def]
    english, french = both(WINDOWS[name])
    checked = [s for s in french if s.module in TRANSLATED]
    assert checked, f"{name}: nothing shown by a translated module"
    problems = _untranslated(english, french, _data_words(reader), TRANSLATED)
    assert not problems, f"{name}: untranslated in French:\n" + "\n".join(problems)


def test_the_walk_finds_an_untranslated_string(qtbot, both) -> None:  # type: ignore[no-untyped-def]
    """The test above can fail: a label whose text does not go through tr() is caught."""

    def build(s: Scene) -> QWidget:
        panel = UnknownCallerPanel("+33123456789", "01 23 45 67 89")
        QLabel("Caller on hold", panel).show()
        return s.keep(panel)

    english, french = both(build)
    problems = _untranslated(english, french, frozenset(), TRANSLATED)
    [problem] = problems
    assert problem.startswith("rapport.ui.calls.unknown_caller: QLabel")
    assert problem.endswith(" text: 'Caller on hold'")


@pytest.mark.parametrize("name", WINDOWS)
def test_the_whole_window(both, reader: sqlite3.Connection, name: str) -> None:  # type: ignore[no-untyped-def]
    """Every text of the window, whatever module shows it (Qt's own buttons too)."""
    english, french = both(WINDOWS[name])
    problems = _untranslated(english, french, _data_words(reader), None)
    assert not problems, "untranslated in French:\n" + "\n".join(problems)
