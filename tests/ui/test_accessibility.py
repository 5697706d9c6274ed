"""Accessibility, checked on Qt's own accessibility tree (what a screen reader is given) of the real
windows on a seeded cache: the main window with a customer open (every tab, a call on), the start
page, the search, every dialog, and tablet mode.

- Every visible control a user can operate (buttons, check boxes, fields, combo and spin boxes,
  lists, tables, trees, tabs, menu items, links) has an accessible name that says what it is: words,
  not an icon's file name or a lone symbol. A field's or a list's name is its own (an accessible
  name or a buddy label), never its content. Item views expose a text for every row.
- Tab reaches every visible, enabled control that takes focus, and no control keeps the Tab key.
- An icon-only button has a tooltip naming its action and, if it has one, its shortcut.
- In tablet mode every control is at least a fingertip high.

A walk reports every offender at once (module, object name, role, what is wrong).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleInterface,
    QAction,
    QFontMetrics,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFocusFrame,
    QHeaderView,
    QLineEdit,
    QTabBar,
    QTableView,
    QToolButton,
    QWidget,
)

from rapport.cache.search import search_customers
from rapport.cache.tasks import create_follow_up
from rapport.cache.writes import LocalWrites
from rapport.hub.demo_data import STORY_CUSTOMERS
from rapport.ui.calls.caller_chooser import CallerChooser
from rapport.ui.calls.unknown_caller import UnknownCallerPanel
from rapport.ui.common.theme import apply_theme
from rapport.ui.common.touch import touch_height
from rapport.ui.customer.consent_preferences import ConsentPreferencesDialog
from rapport.ui.shell.main_window import MainWindow
from rapport.ui.shell.sign_in import SignInDialog
from tests.helpers import FIXED_NOW

HOOPS = STORY_CUSTOMERS["hoops"]
COMPLAINT = STORY_CUSTOMERS["complaint"]
Role = QAccessible.Role

# Roles a user operates. Scroll bars are left out: Qt names them, and Tab never stops on them.
CONTROLS = frozenset(
    {
        Role.Button,
        Role.CheckBox,
        Role.RadioButton,
        Role.ComboBox,
        Role.EditableText,
        Role.SpinBox,
        Role.Slider,
        Role.Dial,
        Role.PageTab,
        Role.PageTabList,
        Role.MenuItem,
        Role.Link,
        Role.ButtonMenu,
        Role.ButtonDropDown,
        Role.ButtonDropGrid,
        Role.HotkeyField,
    }
)
VIEWS = frozenset({Role.List, Role.Table, Role.Tree})
ITEMS = frozenset({Role.ListItem, Role.Cell, Role.TreeItem})
# Controls whose own text is their value (what was typed, the current choice): their name must
# come from an accessible name or a buddy label. (On Linux a combo box's Name is its current text.)
VALUED = frozenset({Role.ComboBox, Role.EditableText, Role.SpinBox, Role.Slider, Role.Dial})
# Not checked: what Qt draws and names itself inside its own widgets.
QT_PARTS = frozenset({"qt_scrollarea_hcontainer", "qt_scrollarea_vcontainer"})
MAX_ROWS = 40  # rows of an item view whose texts are checked
KEEPS_TAB = 6  # presses of Tab a control may take before it lets focus go


@dataclass(frozen=True, slots=True, order=True)
class Offender:
    module: str
    name: str  # object name, or class name when it has none
    role: str
    problem: str

    def __str__(self) -> str:
        return f"{self.module}: {self.name} ({self.role}): {self.problem}"


def _module_of(obj: QObject | None) -> str:
    """The rapport.ui module the object belongs to: its own class's, or its nearest parent's."""
    while obj is not None:
        module = type(obj).__module__
        if module.startswith("rapport.ui"):
            return module
        obj = obj.parent()
    return "Qt"


def _label(obj: QObject | None) -> str:
    if obj is None:
        return "?"
    return obj.objectName() or type(obj).__name__


def _offender(obj: QObject | None, role: Role | str, problem: str) -> Offender:
    role_name = role if isinstance(role, str) else role.name
    return Offender(_module_of(obj), _label(obj), role_name, problem)


def meaningful(text: str) -> bool:
    """Words: at least two letters, not an icon's file name (a lone "✓" or "×" says nothing)."""
    text = text.replace("&", "").strip()
    if re.fullmatch(r"[\w.-]+\.(svg|png|ico|jpe?g|gif)", text, re.IGNORECASE):
        return False
    return len(re.findall(r"[^\W\d_]", text)) >= 2


def own_name(iface: QAccessibleInterface, widget: QWidget) -> str:
    """A field's or a view's name: its accessible name, else the label Qt tells a screen reader
    labels it (a buddy label beside it). Its content is not a name."""
    labels = [
        other.text(QAccessible.Text.Name)
        for other, _ in iface.relations(QAccessible.Relation.Label)
    ]
    return widget.accessibleName() or next((t for t in labels if t.strip()), "")


def _children(iface: QAccessibleInterface) -> Iterator[QAccessibleInterface]:
    for i in range(iface.childCount()):
        child = iface.child(i)
        if child is not None and child.isValid():
            yield child


def _model_indexes(model: QAbstractItemModel) -> Iterator[QModelIndex]:
    """The first rows of a model (and of their children, for a tree), every column."""

    def columns(parent: QModelIndex) -> int:
        # A list model's columnCount is private in PySide6: it has one.
        return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)

    def rows(parent: QModelIndex, depth: int) -> Iterator[QModelIndex]:
        for row in range(min(model.rowCount(parent), MAX_ROWS)):
            for column in range(columns(parent)):
                yield model.index(row, column, parent)
            first = model.index(row, 0, parent)
            if depth == 0 and model.rowCount(first) > 0:
                yield from rows(first, 1)

    yield from rows(QModelIndex(), 0)


def _text(index: QModelIndex, role: Qt.ItemDataRole) -> str:
    value = index.data(role)
    return value.strip() if isinstance(value, str) else ""


def _item_problems(iface: QAccessibleInterface, view: QAbstractItemView) -> list[Offender]:
    """Every row of an item view says something (in Qt's tree: the cells' names); what a cell's
    tooltip adds, or an icon says, is told to a screen reader too (its accessible roles)."""
    rows: dict[int, list[str]] = {}
    for child in _children(iface):
        if child.role() not in ITEMS:
            continue
        cell = child.tableCellInterface()
        if cell is None:
            continue
        if cell.rowIndex() >= MAX_ROWS:
            break
        rows.setdefault(cell.rowIndex(), []).append(child.text(QAccessible.Text.Name).strip())
    out = []
    empty = sorted(row for row, texts in rows.items() if not any(texts))
    if empty:
        out.append(_offender(view, iface.role(), f"rows without any text: {empty[:10]}"))
    model = view.model()
    if model is None:
        return out
    silent: dict[str, int] = {}
    for index in _model_indexes(model):
        display = _text(index, Qt.ItemDataRole.DisplayRole)
        spoken = _text(index, Qt.ItemDataRole.AccessibleTextRole)
        described = _text(index, Qt.ItemDataRole.AccessibleDescriptionRole)
        tip = _text(index, Qt.ItemDataRole.ToolTipRole)
        if tip and tip not in display and not described and spoken in ("", display):
            silent.setdefault("a tooltip a screen reader is not told", index.column())
        if index.data(Qt.ItemDataRole.DecorationRole) is not None and not (display or spoken):
            silent.setdefault("an icon without words", index.column())
    for what, column in silent.items():
        header = model.headerData(column, Qt.Orientation.Horizontal)
        where = f"column {header!r}" if isinstance(header, str) else f"column {column}"
        out.append(_offender(model, iface.role(), f"{where}: {what}"))
    return out


def name_problems(root: QWidget) -> list[Offender]:
    """What Qt's accessibility tree of ``root`` misses: names of controls, views and their rows,
    of whatever takes focus."""
    out: list[Offender] = []

    def visit(iface: QAccessibleInterface, depth: int) -> None:
        role, state, obj = iface.role(), iface.state(), iface.object()
        widget = obj if isinstance(obj, QWidget) else None
        if depth > 60 or (widget is not None and widget.objectName() in QT_PARTS):
            return
        if role in ITEMS:
            return  # checked by their view
        shown = not state.invisible
        if role == Role.MenuItem and isinstance(obj, QAction):
            # Menus are closed while the tree is walked: their items are checked all the same.
            if not obj.isSeparator() and not meaningful(iface.text(QAccessible.Text.Name)):
                out.append(_offender(obj.parent(), role, "menu item without words"))
        elif shown and widget is not None and role in VIEWS:
            if not meaningful(own_name(iface, widget)):
                out.append(_offender(widget, role, "item view without a name"))
            assert isinstance(widget, QAbstractItemView)
            out.extend(_item_problems(iface, widget))
            return  # its cells and headers are the view's own
        elif shown and widget is not None and role in VALUED:
            if not meaningful(own_name(iface, widget)):
                out.append(_offender(widget, role, "no accessible name nor buddy label"))
        elif shown and role in CONTROLS:
            name = iface.text(QAccessible.Text.Name)
            if not meaningful(name):
                out.append(_offender(widget or obj, role, f"no name in words ({name!r})"))
        elif (
            shown
            and widget is not None
            and state.focusable
            and widget.focusProxy() is None
            and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            and role != Role.StaticText
            and not meaningful(iface.text(QAccessible.Text.Name))
        ):
            out.append(_offender(widget, role, "takes focus but has no name"))
        for child in _children(iface):
            visit(child, depth + 1)

    iface = QAccessible.queryAccessibleInterface(root)
    assert iface is not None and iface.isValid()
    visit(iface, 0)
    return out


def _shortcuts(button: QAbstractButton) -> list[str]:
    action = button.defaultAction() if isinstance(button, QToolButton) else None
    keys = action.shortcuts() if action is not None else [button.shortcut()]
    return [k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys if not k.isEmpty()]


def icon_button_problems(root: QWidget) -> list[Offender]:
    """An icon-only button's tooltip names its action, and its shortcut if it has one."""
    out = []
    for button in root.findChildren(QAbstractButton):
        if not button.isVisible() or button.window() is not root:
            continue
        icon_only = not button.text().strip() or (
            isinstance(button, QToolButton)
            and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        has_icon = not button.icon().isNull() or (
            isinstance(button, QToolButton) and button.arrowType() != Qt.ArrowType.NoArrow
        )
        if not (icon_only and has_icon):
            continue
        tip = button.toolTip()
        keys = _shortcuts(button)
        if not meaningful(tip):
            out.append(_offender(button, "Button", f"icon only, no tooltip ({tip!r})"))
        elif keys and not any(k in tip for k in keys):
            out.append(_offender(button, "Button", f"tooltip {tip!r} does not say {keys[0]}"))
    return out


def _tab_stops(root: QWidget) -> list[QWidget]:
    """What Tab should reach in ``root``: visible, enabled, takes focus by Tab."""
    out = []
    for w in root.findChildren(QWidget):
        if (
            w.isVisible()
            and w.isEnabled()
            and w.window() is root
            and w.focusProxy() is None
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
            and not isinstance(w, QFocusFrame)
        ):
            out.append(w)
    return out


def _next_stop(widget: QWidget, stops: list[QWidget]) -> QWidget:
    nxt = widget.nextInFocusChain()
    while nxt is not widget and nxt not in stops:
        nxt = nxt.nextInFocusChain()
    return nxt


def _focused(root: QWidget) -> QWidget | None:
    w = root.focusWidget()
    while w is not None and w.focusProxy() is not None:
        w = w.focusProxy()
    return w


def tab_problems(qtbot, root: QWidget) -> list[Offender]:  # type: ignore[no-untyped-def]
    """Press Tab round the window: report the controls Tab never reaches and those that keep it."""
    stops = _tab_stops(root)
    if not stops:
        return []
    # Active, as a window the agent works in is: Qt moves focus within a button group by arrows
    # only in the active window.
    root.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is root, timeout=2000)
    start = _focused(root)
    if start is None or start not in stops:
        start = stops[0]
        start.setFocus(Qt.FocusReason.TabFocusReason)
    reached: list[QWidget] = []
    out: list[Offender] = []
    current = start
    for _ in range(len(stops) * 3 + 10):
        if current not in reached:
            reached.append(current)
        # A date field's sections and a label's links take Tab in turn, then let it go.
        for _press in range(KEEPS_TAB):
            qtbot.keyClick(current, Qt.Key.Key_Tab)
            after = _focused(root) or current
            if after is not current:
                break
        else:
            out.append(_offender(current, type(current).__name__, "keeps the Tab key"))
            after = _next_stop(current, stops)
            after.setFocus(Qt.FocusReason.TabFocusReason)
        current = after
        if current is start:
            break
    by_arrows = _arrow_stops(qtbot, root, [w for w in stops if w not in reached], reached)
    for w in stops:
        if w not in reached and w not in by_arrows:
            out.append(_offender(w, type(w).__name__, "Tab never reaches it"))
    return out


def _group(button: QWidget) -> list[QAbstractButton]:
    """The buttons Tab treats as one stop with ``button`` (Qt gives Tab to one button of a button
    group, or of auto-exclusive buttons under one parent; the arrow keys move within it)."""
    if not isinstance(button, QAbstractButton) or not button.isCheckable():
        return []
    if button.group() is not None:
        return [b for b in button.group().buttons() if b.isCheckable()]
    if button.autoExclusive() and button.parentWidget() is not None:
        siblings = button.parentWidget().findChildren(
            QAbstractButton, options=Qt.FindChildOption.FindDirectChildrenOnly
        )
        return [b for b in siblings if b.autoExclusive() and b.isCheckable()]
    return []


def _arrow_stops(
    qtbot, root: QWidget, missed: list[QWidget], reached: list[QWidget]
) -> set[QWidget]:  # type: ignore[no-untyped-def]
    """Of the ``missed`` buttons, those the arrow keys reach from a button of their group that Tab
    reached."""
    found: set[QWidget] = set()
    for w in missed:
        group = _group(w)
        entry = next((b for b in group if b in reached), None)
        if entry is None or w in found:
            continue
        entry.setFocus(Qt.FocusReason.TabFocusReason)
        for key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            current: QWidget = entry
            for _ in range(len(group)):
                qtbot.keyClick(current, key)
                current = _focused(root) or current
                found.add(current)
    return found


def all_problems(qtbot, root: QWidget) -> list[Offender]:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    return name_problems(root) + icon_button_problems(root) + tab_problems(qtbot, root)


def report(problems: list[Offender]) -> str:
    unique = sorted(set(problems))
    return f"{len(unique)} offenders:\n" + "\n".join(str(p) for p in unique)


# --------------------------------------------------------------------------------------------------
# The windows, built as the app builds them


@dataclass
class Scene:
    qtbot: object
    reader: sqlite3.Connection
    writes: LocalWrites

    def keep(self, widget: QWidget) -> QWidget:
        self.qtbot.addWidget(widget)  # type: ignore[attr-defined]
        widget.show()
        self.qtbot.waitExposed(widget)  # type: ignore[attr-defined]
        return widget

    def window(self, *, tablet: bool = False, size: tuple[int, int] = (1366, 768)) -> MainWindow:
        win = MainWindow(
            self.reader,
            writes=self.writes,
            region="FR",
            now=lambda: FIXED_NOW,
            hub_url="https://hub.example:8765",
            tablet=tablet,
        )
        self.keep(win)
        win.resize(*((1280, 800) if tablet else size))
        QApplication.processEvents()
        return win

    def customer(self, customer_id: str = HOOPS, size: tuple[int, int] = (1366, 768)) -> MainWindow:
        """The main window with a customer open, as a popped call opens them."""
        win = self.window(size=size)
        self.search(win, "martin")
        assert win.open_customer(customer_id)
        win.start_call(customer_id, "+33612345678")
        return win

    def search(self, win: MainWindow, text: str) -> None:
        self.qtbot.keyClicks(win.search.box, text)  # type: ignore[attr-defined]
        self.qtbot.waitUntil(lambda: win.search.model.query == text, timeout=5000)  # type: ignore[attr-defined]


def _states(win: MainWindow) -> Iterator[str]:
    """The main window in each of its states worth walking: every tab of the customer."""
    tabs = win.customer.tabs
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        QApplication.processEvents()
        yield tabs.tabText(i)
    tabs.setCurrentIndex(0)


Opener = Callable[[Scene, MainWindow], QWidget | None]


def _dialog(open_it: Opener) -> Callable[[Scene], QWidget]:
    def build(s: Scene) -> QWidget:
        win = s.customer()
        dialog = open_it(s, win)
        assert dialog is not None
        s.qtbot.waitExposed(dialog)  # type: ignore[attr-defined]
        return dialog

    return build


def _start_page(s: Scene) -> QWidget:
    create_follow_up(s.writes, COMPLAINT, "Call back about the damaged delivery",
                     FIXED_NOW + timedelta(hours=1))  # fmt: skip
    win = s.window()
    for cid in (HOOPS, COMPLAINT):
        assert win.open_customer(cid, "search")
    win.close_customer()
    assert win.customer.empty.isVisible()
    return win


def _outbox(s: Scene, win: MainWindow) -> QWidget:
    s.writes.log_interaction(HOOPS, channel="phone", summary="Asked about the hoop delivery")  # type: ignore[union-attr]
    return win.show_outbox()


def _tasks(s: Scene, win: MainWindow) -> QWidget | None:
    create_follow_up(s.writes, HOOPS, "Ask how the hoop went up", FIXED_NOW + timedelta(hours=2))  # type: ignore[arg-type]
    return win.tasks.show_my_tasks()


def _basket(s: Scene, win: MainWindow) -> QWidget | None:
    dialog = win.open_basket()
    assert dialog is not None
    dialog.search.setText("hoop")
    # The catalog search runs after a pause: done before the test ends and the cache closes.
    s.qtbot.waitUntil(lambda: dialog.catalog.rowCount() > 0, timeout=5000)  # type: ignore[attr-defined]
    dialog.results.setCurrentIndex(dialog.catalog.index(0, 0))
    dialog.add_current()  # a line in the basket
    assert dialog.lines.rowCount() == 1
    return dialog


def _new_customer(s: Scene, win: MainWindow) -> QWidget | None:
    # A number that is already a customer's: the dialog offers to open them instead.
    return win.new_customer(phone="06 12 34 56 78", name="Lucas Martin")


WINDOWS: dict[str, Callable[[Scene], QWidget]] = {
    "main window with a customer": lambda s: s.customer(HOOPS),
    "main window with open issues": lambda s: s.customer(COMPLAINT),
    # Narrow: the header's buttons and the channel filters are icons only.
    "main window on a small screen": lambda s: s.customer(HOOPS, (1024, 600)),
    "start page": _start_page,
    "log interaction": _dialog(lambda _s, w: w.wrap_up_call()),
    "basket": _dialog(_basket),
    "consent": _dialog(lambda _s, w: w.edit_consent()),
    "appointment": _dialog(lambda _s, w: w.tasks.book_appointment()),
    "new customer": _dialog(_new_customer),
    "outbox": _dialog(_outbox),
    "my tasks": _dialog(_tasks),
    "shortcuts": _dialog(lambda _s, w: w.show_shortcuts()),
    "about": _dialog(lambda _s, w: w.show_about()),
    "caller chooser": lambda s: s.keep(
        CallerChooser(search_customers(s.reader, "Martin", limit=3), "01 23 45 67 89")
    ),
    "unknown caller": lambda s: s.keep(UnknownCallerPanel("+33123456789", "01 23 45 67 89")),
    "sign in": lambda s: s.keep(SignInDialog("https://hub.example.com", "ana")),
}


@pytest.fixture
def scene(qtbot, reader: sqlite3.Connection, writes: LocalWrites) -> Scene:  # type: ignore[no-untyped-def]
    return Scene(qtbot, reader, writes)


def _walk(qtbot, root: QWidget) -> list[Offender]:  # type: ignore[no-untyped-def]
    if isinstance(root, MainWindow):
        problems = []
        for _tab in _states(root):
            problems += all_problems(qtbot, root)
        return problems
    return all_problems(qtbot, root)


@pytest.mark.parametrize("name", WINDOWS)
def test_every_control_is_named_and_reached_by_tab(qtbot, scene: Scene, name: str) -> None:  # type: ignore[no-untyped-def]
    root = WINDOWS[name](scene)
    problems = _walk(qtbot, root)
    assert not problems, f"{name}: {report(problems)}"


@pytest.fixture
def tablet_look(qapp: QApplication) -> Iterator[None]:
    apply_theme(qapp, tablet=True)
    yield
    apply_theme(qapp, tablet=False)


def test_tablet_mode_is_named_and_reached_by_tab(qtbot, scene: Scene, tablet_look) -> None:  # type: ignore[no-untyped-def]
    win = scene.window(tablet=True)
    scene.search(win, "martin")
    problems = all_problems(qtbot, win)  # the search page
    assert win.open_customer(HOOPS)
    problems += _walk(qtbot, win)  # the customer page, tab by tab
    assert not problems, f"tablet: {report(problems)}"


# --------------------------------------------------------------------------------------------------
# Touch


def _targets(root: QWidget) -> Iterator[tuple[QWidget, str, int]]:
    """Everything a finger hits in ``root``, with its height: controls, tabs, item rows."""
    for w in root.findChildren(QWidget):
        if not w.isVisible() or w.window() is not root or isinstance(w, QFocusFrame):
            continue
        if isinstance(w.parentWidget(), QLineEdit | QAbstractSpinBox | QComboBox):
            continue  # a field's own clear button or editor: the field is the target
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.isTabVisible(i):
                    yield w, f"tab {w.tabText(i)!r}", w.tabRect(i).height()
        elif isinstance(w, QHeaderView):
            continue  # sorting by a column is a desktop nicety; a finger scrolls the rows
        elif isinstance(w, QAbstractItemView):
            model = w.model()
            if model is not None and model.rowCount() > 0:
                count = min(model.rowCount(), MAX_ROWS)
                if isinstance(w, QTableView):  # a row with its grid line (visualRect leaves it out)
                    rows = [w.rowHeight(r) for r in range(count) if not w.isRowHidden(r)]
                else:
                    rows = [w.visualRect(model.index(r, 0)).height() for r in range(count)]
                shown = [h for h in rows if h > 0]
                if shown:
                    yield w, "rows", min(shown)
        elif isinstance(w, QAbstractButton | QLineEdit | QComboBox | QAbstractSpinBox):
            if w.parentWidget() is not None and isinstance(w.parentWidget(), QTabBar):
                continue  # the tab bar's scroll arrows
            yield w, type(w).__name__, w.height()


def small_targets(root: QWidget) -> list[Offender]:
    minimum = touch_height(QFontMetrics(QApplication.font()))
    return [
        _offender(w, what, f"{height} px high, under {minimum}")
        for w, what, height in _targets(root)
        if height < minimum
    ]


TABLET_DIALOGS: dict[str, Opener] = {
    "log interaction": lambda _s, w: w.log_interaction(),
    "basket": _basket,
    "consent": lambda _s, w: w.edit_consent(),
    "appointment": lambda _s, w: w.tasks.book_appointment(),
    "outbox": _outbox,
    "my tasks": _tasks,
}


def test_every_control_is_finger_sized_in_tablet_mode(qtbot, scene: Scene, tablet_look) -> None:  # type: ignore[no-untyped-def]
    win = scene.window(tablet=True)
    scene.search(win, "martin")
    problems = small_targets(win)  # the search page
    assert win.open_customer(HOOPS)
    for _tab in _states(win):
        problems += small_targets(win)
    for name, open_it in TABLET_DIALOGS.items():
        dialog = open_it(scene, win)
        assert dialog is not None, name
        qtbot.waitExposed(dialog)
        problems += small_targets(dialog)
        dialog.close()
    assert not problems, f"tablet: {report(problems)}"


# --------------------------------------------------------------------------------------------------
# The walk itself, and what a name must say where words alone are not enough


def test_the_walk_finds_what_is_missing(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The checks above can fail: an unnamed icon button, a field without a label, a view
    without a name, a control Tab skips."""
    from PySide6.QtGui import QIcon, QPixmap
    from PySide6.QtWidgets import QDialog, QListWidget, QVBoxLayout

    dialog = QDialog()
    dialog.setObjectName("probe")
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.black)
    icon_button = QToolButton(dialog)
    icon_button.setObjectName("bare")
    icon_button.setIcon(QIcon(pixmap))
    field = QLineEdit(dialog)
    field.setObjectName("field")
    skipped = QLineEdit(dialog)
    skipped.setObjectName("skipped")
    skipped.setAccessibleName("Skipped by Tab")
    listing = QListWidget(dialog)
    listing.setObjectName("listing")
    for _ in range(KEEPS_TAB + 2):
        listing.addItem("")
    layout = QVBoxLayout(dialog)
    for w in (icon_button, field, skipped, listing):
        layout.addWidget(w)
    listing.setTabKeyNavigation(True)  # a list that keeps Tab to itself

    class JumpOver(QObject):  # Tab in the field jumps over the next one
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Tab:  # type: ignore[attr-defined]
                listing.setFocus(Qt.FocusReason.TabFocusReason)
                return True
            return False

    jump = JumpOver(dialog)
    field.installEventFilter(jump)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    found = {(p.name, p.problem.split(" (")[0].split(":")[0]) for p in all_problems(qtbot, dialog)}
    assert ("bare", "no name in words") in found
    assert ("bare", "icon only, no tooltip") in found
    assert ("field", "no accessible name nor buddy label") in found
    assert ("listing", "item view without a name") in found
    assert ("listing", "rows without any text") in found
    assert ("listing", "keeps the Tab key") in found
    assert ("skipped", "Tab never reaches it") in found


# --------------------------------------------------------------------------------------------------
# What a screen reader says where a control's words are not enough


def _iface(widget: QWidget) -> QAccessibleInterface:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None and iface.isValid()
    return iface


def test_consent_chips_say_the_channel_and_its_state(scene: Scene) -> None:
    win = scene.customer(HOOPS)
    header = win.customer.header
    said = {c: _iface(chip).text(QAccessible.Text.Name) for c, chip in header.consent_chips.items()}
    assert said["email"] == "Email: opted in"
    assert said["push"] == "Push: not asked"
    assert said == {c: chip.toolTip().split(" (")[0] for c, chip in header.consent_chips.items()}
    assert _iface(header.tier).text(QAccessible.Text.Name) == "Silver tier"


def test_the_call_timer_says_the_time(scene: Scene) -> None:
    win = scene.customer(HOOPS)
    timer = win.call_strip.timer
    name = _iface(timer).text(QAccessible.Text.Name)
    assert name.startswith("Call duration") and timer.text() in name


def test_the_activity_chart_has_a_text_alternative(scene: Scene) -> None:
    win = scene.customer(HOOPS)
    chart = win.customer.header.chart
    iface = _iface(chart)
    assert iface.text(QAccessible.Text.Name) == "Activity over the last 24 months"
    description = chart.accessibleDescription()  # its own, not the tooltip's (a tablet has none)
    assert description == iface.text(QAccessible.Text.Description) == chart.toolTip()
    assert description.startswith("Last 24 months: ")
    assert " spent, " in description and " contact" in description


def test_the_intent_sentence_is_read_as_text(scene: Scene) -> None:
    win = scene.customer(HOOPS)
    sentence = win.customer.intent_banner.sentence
    iface = _iface(sentence)
    assert iface.role() == Role.StaticText
    assert iface.text(QAccessible.Text.Name) == sentence.text()
    assert sentence.text().startswith("Researching basketball hoops")


def test_next_best_action_cards_are_buttons_named_by_their_title(qtbot, scene: Scene) -> None:  # type: ignore[no-untyped-def]
    win = scene.customer(HOOPS)
    incentive, consent = win.customer.next_actions.cards()
    for card in (incentive, consent):
        iface = _iface(card)
        assert iface.role() == Role.Button
        assert iface.text(QAccessible.Text.Name) == card.title.text()
        assert card.why.text() in iface.text(QAccessible.Text.Description)
        assert card.action is not None and card.action.split("  ")[0] in iface.text(
            QAccessible.Text.Description
        )
    # A screen reader's "press" does what a click does.
    press = _iface(consent).actionInterface()
    assert press is not None and QAccessibleActionInterface.pressAction() in press.actionNames()
    press.doAction(QAccessibleActionInterface.pressAction())
    qtbot.waitUntil(lambda: win.findChild(ConsentPreferencesDialog) is not None, timeout=2000)
    win.findChild(ConsentPreferencesDialog).reject()
