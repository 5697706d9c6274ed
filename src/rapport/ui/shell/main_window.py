"""The main window: a menu bar, search on the left, the customer 360 on the right (under the call
strip while a popped call is on), sync state below. In tablet mode (:mod:`rapport.ui.common.touch`) one of
them fills the window at a time and a Menu button stands in for the menu bar.

Every command is a QAction from :mod:`rapport.ui.shell.actions` (menus, the header's action strip, the
tablet's buttons and the F1 list share them): Ctrl+K search, Ctrl+L log an interaction, Ctrl+B a
basket, Ctrl+Shift+C consent, Ctrl+Shift+A an appointment, Ctrl+Shift+W wrap up the call, Ctrl+N a
new customer, Ctrl+T my tasks, Ctrl+Shift+O the outbox, Ctrl+Shift+H the customer's details, F1 the
shortcuts. The window reads through the UI's reader connection; what the agent writes goes through
``writes`` (one durable transaction each) and the sync worker is asked to send it at once.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStatusBar,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from rapport.cache.audit import record_view
from rapport.cache.outbox import NOTICE, REJECTED, counts
from rapport.cache.outbox_view import outbox_items
from rapport.cache.queries import survivor_of
from rapport.cache.recent import recent_customers
from rapport.cache.writes import LocalWrites
from rapport.config import HEADER_AUTO_COLLAPSE_HEIGHT, Settings, SettingsError, remember
from rapport.domain.phones import normalize_phone
from rapport.sync.engine import SyncStatus
from rapport.ui.basket.dialog import BasketDialog
from rapport.ui.calls.call_strip import CallStrip
from rapport.ui.common.style import install_focus_ring, ring_width
from rapport.ui.common.touch import enable_kinetic_scrolling, touch_height
from rapport.ui.customer.consent_preferences import ConsentPreferencesDialog
from rapport.ui.customer.log_interaction import InteractionDraft, LogInteractionDialog
from rapport.ui.customer.new_customer import NewCustomerDialog
from rapport.ui.customer.view import Customer360
from rapport.ui.followups.controller import TasksController
from rapport.ui.outbox.answers import answer_message
from rapport.ui.outbox.panel import OutboxPanel
from rapport.ui.search.panel import SearchPanel
from rapport.ui.shell.about import AboutDialog
from rapport.ui.shell.actions import (
    LOG_SHORTCUT,
    SEARCH_SHORTCUT,
    action_keys,
    fill_menus,
    key_text,
    make_actions,
    tint_actions,
)
from rapport.ui.shell.shortcuts import ShortcutsDialog
from rapport.ui.shell.start_page import StartPage
from rapport.ui.shell.status_bar import SyncStatusWidget
from rapport.ui.shell.tablet_panes import TabletPanes

if TYPE_CHECKING:
    from rapport.domain.next_best_action import Suggestion
    from rapport.ui.shell.sync_worker import SyncWorker

log = logging.getLogger(__name__)
MESSAGE_MS = 12_000  # how long a transient status-bar message stays
# The search column's share of a window's width, between these many average characters.
SEARCH_MIN_EM, SEARCH_MAX_EM = 26, 44
STRIP_ACTIONS = ("log", "basket", "consent", "appointment")  # the customer header's buttons


class MainWindow(QMainWindow):
    customer_opened = Signal(str)  # after the 360 shows a customer
    closing = Signal()

    def __init__(
        self,
        reader: sqlite3.Connection,
        *,
        writes: LocalWrites | None = None,
        worker: SyncWorker | None = None,
        user_label: str = "",
        region: str = "FR",
        now: Callable[[], datetime] | None = None,
        tablet: bool = False,
        allowed_channels: Sequence[str] = (),
        hub_url: str = "",
        settings_path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``settings_path``: the user's settings file, where the header's state is remembered
        (None: nothing is read or written, as in tests)."""
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Rapport — {user}").format(user=user_label) if user_label else "Rapport"
        )
        install_focus_ring()
        self.hub_url = hub_url
        self._settings_path = settings_path
        self._settings = self._load_settings()
        self._reader = reader
        self._now = now
        self._writes = writes
        self._worker = worker
        self._region = region
        self._allowed_channels = tuple(allowed_channels)  # IT policy; empty: every channel
        self.search = SearchPanel(reader, region, self)
        self.start_page = StartPage(region)
        self.customer = Customer360(
            reader, region=region, now=now, parent=self, empty=self.start_page
        )
        self.call_strip = CallStrip()
        self.tablet = tablet
        self._lay_out(tablet)
        bar = self._make_status_bar()
        self.connection_warning: QLabel | None = None
        self._sync_status = SyncStatus()
        self.outbox_panel: OutboxPanel | None = None
        self.log_dialog: LogInteractionDialog | None = None
        self._drafts: dict[str, InteractionDraft] = {}
        self._seen_answers: set[int] | None = None
        self._awaiting_pin: str | None = None  # a merged-into customer being brought here
        self._connect_parts()

        # Sync can deliver many pages a second; re-read what is on screen at most 4 times a second.
        self._pending_customers: set[str] = set()
        self._detached = False
        self._refresh_timer = QTimer(self, singleShot=True, interval=250)
        self._refresh_timer.timeout.connect(self._refresh_views)
        # Room for a readable search column beside the whole 360 (the 360 needs about 160 em);
        # Session.start fits the window to its screen.
        self.resize(self.fontMetrics().averageCharWidth() * 212, self.fontMetrics().height() * 52)
        if worker is not None:
            self._connect_worker(worker, connect=True)
        self.tasks = TasksController(self, self, reader, writes, worker, now)
        bar.addPermanentWidget(self.tasks.badge)
        self._make_actions()
        self._show_counts()
        if self.panes is not None:
            self._setup_tablet(self.panes)
        else:
            self.menus = fill_menus(self.menuBar(), self.actions)
            self.customer.header.add_actions([self.actions[k] for k in STRIP_ACTIONS])
        self.refresh_start_page()

    # -- building ----------------------------------------------------------------------------------
    def _lay_out(self, tablet: bool) -> None:
        """Search beside the customer (the call strip above them) in a splitter; in tablet mode,
        one of them at a time."""
        em = self.fontMetrics().averageCharWidth()
        # The call strip sits above the customer, in both layouts.
        self.customer_pane = QWidget()
        self.customer_pane.setObjectName("customerPane")
        pane = QVBoxLayout(self.customer_pane)
        pane.setContentsMargins(0, 0, 0, 0)
        pane.setSpacing(0)
        pane.addWidget(self.call_strip)
        pane.addWidget(self.customer, 1)
        self.panes: TabletPanes | None = None
        self.splitter: QSplitter | None = None
        self._splitter_moved = False
        if tablet:
            # One pane at a time: the search fills the window, a customer opens over it.
            self.panes = TabletPanes(self.search, self.customer_pane, self)
            self.setCentralWidget(self.panes)
            return
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.search)
        splitter.addWidget(self.customer_pane)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.search.setMinimumWidth(em * SEARCH_MIN_EM)
        splitter.setSizes([em * SEARCH_MAX_EM, em * 140])
        splitter.splitterMoved.connect(self._user_moved_splitter)
        # Room at the window's edge for the focus ring of the search box.
        ring = ring_width() + 1
        splitter.setContentsMargins(ring, ring, 0, 0)
        self.splitter = splitter
        self.setCentralWidget(splitter)

    def _make_status_bar(self) -> QStatusBar:
        self.status = SyncStatusWidget(self)
        bar = QStatusBar(self)
        bar.setObjectName("statusBar")
        # Permanent, so transient messages (on the left) never hide the sync state.
        bar.addPermanentWidget(self.status)
        self.setStatusBar(bar)
        return bar

    def _connect_parts(self) -> None:
        self.customer.next_actions.activated.connect(self.act_on)
        self.call_strip.dismissed.connect(self._call_ended)
        self.customer.consent_requested.connect(self.edit_consent)
        self.customer.issue_activated.connect(self._issue_activated)
        self.start_page.customer_requested.connect(self._open_from_start)
        self.customer.customerClosed.connect(self.refresh_start_page)
        self.customer.header.collapsed_changed.connect(self._header_toggled)
        self.search.customer_activated.connect(lambda cid: self.open_customer(cid, "search"))
        self.search.online_search_requested.connect(self._search_online)
        self.search.pin_requested.connect(self._pin)
        self.status.outbox_requested.connect(self.show_outbox)

    def _make_actions(self) -> None:
        """The window's commands (:mod:`rapport.ui.shell.actions`), wired to what they do."""
        self.actions = make_actions(
            self,
            {
                "new_customer": self.new_customer,
                "quit": self.close,
                "search": self.focus_search,
                "log": self.log_interaction,
                "basket": self.open_basket,
                "consent": self.edit_consent,
                "appointment": self.tasks.book_appointment,
                "wrap_up": self.wrap_up_call,
                "close_customer": self.close_customer,
                "tasks": self.tasks.show_my_tasks,
                "outbox": self.show_outbox,
                "details": self._details_action_toggled,
                "shortcuts": self.show_shortcuts,
                "about": self.show_about,
            },
        )
        self.actions["wrap_up"].setEnabled(False)  # until a call pops a customer
        self.call_strip.set_wrap_up_action(self.actions["wrap_up"])
        self.customer.header.set_toggle_keys(action_keys(self.actions["details"]))
        self.customer.header.set_collapsed(self._start_collapsed())
        self.actions["details"].setChecked(not self.customer.header.collapsed)

    # -- settings and layout -----------------------------------------------------------------------
    def _load_settings(self) -> Settings:
        if self._settings_path is None:
            return Settings()
        try:
            return Settings.load(self._settings_path)
        except SettingsError as exc:
            log.warning("settings not read: %s", exc)
            return Settings()

    def _start_collapsed(self) -> bool:
        """The header's details: as the agent left them, else collapsed on a short screen."""
        screen = self.screen()
        return header_starts_collapsed(
            self._settings.customer_header,
            screen.availableGeometry().height() if screen is not None else None,
        )

    def _details_action_toggled(self, shown: bool) -> None:
        if self.customer.header.collapsed == (not shown):
            return
        self.customer.header.set_collapsed(not shown, by_user=True)

    def _header_toggled(self, collapsed: bool) -> None:
        """The agent collapsed or expanded the header: the menu follows, the settings remember."""
        self.actions["details"].setChecked(not collapsed)
        if self._settings_path is None:
            return
        try:
            remember(
                "customer_header", "collapsed" if collapsed else "expanded", self._settings_path
            )
        except (OSError, SettingsError) as exc:
            log.warning("header state not remembered: %s", exc)

    def fit_to_screen(self) -> None:
        """Fill the screen's available area (no window manager may do it) and ask to be maximized:
        an agent works in Rapport all day, on laptops as small as 1024x600."""
        screen = self.screen()
        if screen is not None:
            self.setGeometry(screen.availableGeometry())
        self.showMaximized()

    def _user_moved_splitter(self, *_args: object) -> None:
        self._splitter_moved = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The search column takes a fifth of the width, within bounds, until the agent moves it.
        if self.splitter is not None and not self._splitter_moved:
            em = self.fontMetrics().averageCharWidth()
            search = max(SEARCH_MIN_EM * em, min(SEARCH_MAX_EM * em, event.size().width() // 5))
            total = sum(self.splitter.sizes()) or event.size().width()
            self.splitter.setSizes([search, max(1, total - search)])
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "actions"):
            tint_actions(self.actions, self.palette())  # light/dark switch: icons follow
        super().changeEvent(event)

    # -- start page --------------------------------------------------------------------------------
    def refresh_start_page(self) -> None:
        """Re-read the recent customers and today's tasks (the page is shown with nobody open)."""
        if self._detached:
            return
        now = self._now() if self._now else datetime.now().astimezone()
        self.start_page.set_recent(recent_customers(self._reader), now)
        self.start_page.set_tasks(self.tasks.tasks(), now)

    def close_customer(self) -> None:
        """Ctrl+W: back to the start page (recent customers, today's tasks)."""
        if self.customer.current_customer_id is not None:
            self.customer.clear()
        recent = self.start_page.recent
        if self.panes is None and recent.model().rowCount():
            recent.setCurrentIndex(recent.model().index(0, 0))
            recent.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.focus_search()

    def _open_from_start(self, customer_id: str, where: str) -> None:
        source = "tasks" if where == "tasks" else "other"
        if not self.open_customer(customer_id, source):
            self.show_message(self.tr("This customer is no longer on this computer."))
            self.refresh_start_page()

    def _issue_activated(self, what: str) -> None:
        if what == "tasks":
            self.tasks.show_my_tasks()
        elif what == "outbox":
            self.show_outbox()
        else:
            self.log_interaction()

    # -- help --------------------------------------------------------------------------------------
    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(list(self.actions.values()), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self.hub_url, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # -- calls -------------------------------------------------------------------------------------
    def start_call(self, customer_id: str, number: str) -> None:
        """A call popped this customer: the call strip runs until the call is wrapped up."""
        name = (
            self.customer.current_customer_name
            if (self.customer.current_customer_id == customer_id)
            else ""
        )
        self.call_strip.start(customer_id, number, name)
        self.actions["wrap_up"].setEnabled(True)

    def wrap_up_call(self) -> LogInteractionDialog | None:
        """The call strip's Wrap up: log the call, its channel and duration filled in."""
        cid = self.call_strip.customer_id
        if cid is None:
            self.show_message(self.tr("No call to wrap up."))
            return None
        if self.customer.current_customer_id != cid and not self.open_customer(cid, "pop"):
            self.show_message(self.tr("The caller is no longer on this computer."))
            self._call_ended()
            return None
        if self.log_dialog is not None and self.log_dialog.customer_id != cid:
            self.log_dialog.close()
        dialog = self.log_interaction()
        if dialog is not None:
            dialog.prefill_call(self.call_strip.elapsed_seconds())
        return dialog

    def _call_ended(self) -> None:
        self.call_strip.stop()
        self.actions["wrap_up"].setEnabled(False)

    def _setup_tablet(self, panes: TabletPanes) -> None:
        self.customer_opened.connect(lambda _cid: panes.show_customer(self.search.box.text()))
        self.customer.customerClosed.connect(panes.show_search)
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence(QKeySequence.StandardKey.Back)):
            shortcut = QShortcut(keys, panes.customer_page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.show_search_pane)
        # No keyboard to hint at on a tablet.
        self.customer.next_actions.show_keys = False
        self.search.box.setPlaceholderText(self.tr("Name, email, phone or loyalty id"))
        self.search.online_button.setText(self.tr("Search all customers on the hub"))
        self.status.outbox.setMinimumHeight(touch_height(self.fontMetrics()))
        # The customer's commands as finger-sized buttons on the bar beside Back (the same actions
        # as the desktop's header strip; the consent chips are too small for a finger).
        for key in ("log", "consent", "basket", "appointment"):
            panes.add_action(self.actions[key], f"tablet-{key}")
        # No menu bar: its items are a line of small text across the top, hard to hit with a
        # finger, and it would take a row from every page. One Menu button opens the same
        # commands as a menu of finger-sized rows.
        menu = QMenu(self)
        menu.setObjectName("tabletMenu")
        fill_menus(menu, self.actions, flat=True)
        panes.set_menu(menu)
        enable_kinetic_scrolling(self)
        # One tap opens a result, whatever the style says about single-click activation.
        for view in (self.search.results, self.search.hub_results):
            if not view.style().styleHint(
                QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick, None, view
            ):
                view.clicked.connect(view.activated)

    def focus_search(self) -> None:
        """Ctrl+K: the search box (in tablet mode, the search pane first)."""
        if self.panes is not None:
            self.panes.show_search()
        self.search.focus_search()

    def show_search_pane(self) -> None:
        """Tablet mode's Back: the search as it was left, query and results kept."""
        if self.panes is not None:
            self.panes.show_search()
            self.search.results.setFocus(Qt.FocusReason.OtherFocusReason)

    def _connect_worker(self, worker: SyncWorker, *, connect: bool) -> None:
        pairs = (
            (worker.status_changed, self.on_sync_status),
            (worker.customers_changed, self.on_customers_changed),
            (worker.customers_redirected, self.on_customers_redirected),
            (worker.online_results, self.search.show_online_results),
            (worker.online_failed, self.search.show_online_error),
            (worker.pinned, self.on_pinned),
            (worker.pin_failed, self.on_pin_failed),
        )
        for signal, slot in pairs:
            if connect:
                signal.connect(slot)
            else:
                signal.disconnect(slot)

    def current_customer(self) -> tuple[str, str] | None:
        """The open customer's id and name, or None with nobody open."""
        cid = self.customer.current_customer_id
        return None if cid is None else (cid, self.customer.current_customer_name)

    def open_customer(self, customer_id: str, source: str = "other") -> bool:
        """Show a customer's 360; ``source`` says for the audit trail how they were reached."""
        shown = self.customer.show_customer(customer_id)
        if shown:
            self._audit_view(customer_id, source)
            self.customer_opened.emit(customer_id)
        return shown

    def _audit_view(self, customer_id: str, source: str) -> None:
        if self._writes is None:
            return
        query = self.search.box.text() if source == "search" else None
        try:
            record_view(self._writes, customer_id, source, query)
        except sqlite3.Error as exc:
            # The agent still sees the customer; the trail misses one view, and the log says so.
            log.warning("view not queued for the audit trail: %s", type(exc).__name__)
        # No kick: the view goes with the next push, at the latest when the long poll returns.

    def show_message(self, text: str, ms: int = MESSAGE_MS) -> None:
        self.statusBar().showMessage(text, ms)

    def show_connection_warning(self, text: str) -> None:
        """A warning that stays for the whole session (the hub's address is plain http)."""
        if self.connection_warning is None:
            self.connection_warning = QLabel(self)
            self.connection_warning.setObjectName("connectionWarning")
            self.statusBar().insertPermanentWidget(0, self.connection_warning)
        self.connection_warning.setText(self.tr("⚠ Connection to the hub not encrypted (http://)"))
        self.connection_warning.setToolTip(text)
        self.connection_warning.setAccessibleDescription(text)
        log.warning("the hub's address is plain http to another machine")

    # -- writing -------------------------------------------------------------------------------
    def log_interaction(self) -> LogInteractionDialog | None:
        """Ctrl+L: the log dialog for the open customer (what was typed last time comes back)."""
        cid = self.customer.current_customer_id
        if cid is None:
            self.show_message(
                self.tr("Open a customer first ({search} to search), then log with {log}.").format(
                    search=key_text(SEARCH_SHORTCUT), log=key_text(LOG_SHORTCUT)
                )
            )
            return None
        if self._writes is None:
            self.show_message(self.tr("This window cannot write: it has no local outbox."))
            return None
        if self.log_dialog is not None:
            self.log_dialog.raise_()
            self.log_dialog.activateWindow()
            return self.log_dialog
        dialog = LogInteractionDialog(
            self._writes,
            cid,
            self.customer.current_customer_name,
            self._drafts.get(cid),
            self,
            channels=self._allowed_channels,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.logged.connect(self._logged)
        dialog.finished.connect(self._log_dialog_finished)
        self.log_dialog = dialog
        # Not modal: the agent can scroll the timeline or look up an order while writing.
        dialog.show()
        return dialog

    def _log_dialog_finished(self, result: int) -> None:
        dialog = self.log_dialog
        self.log_dialog = None
        if dialog is None:
            return
        if result == LogInteractionDialog.DialogCode.Accepted:
            self._drafts.pop(dialog.customer_id, None)
            if (
                dialog.call_duration() is not None
                and dialog.customer_id == self.call_strip.customer_id
            ):
                self._call_ended()  # the call is logged: wrapped up
        else:
            draft = dialog.draft()
            if draft.is_empty:
                self._drafts.pop(dialog.customer_id, None)
            else:
                self._drafts[dialog.customer_id] = draft
                self.show_message(
                    self.tr("Your note is kept: {keys} brings it back.").format(
                        keys=key_text(LOG_SHORTCUT)
                    )
                )

    def _logged(self, customer_id: str, interaction_id: str, channel: str) -> None:
        # Show it first (marked pending), then ask the worker to send it.
        self._pending_customers.add(customer_id)
        self._refresh_views()
        if self.customer.current_customer_id == customer_id:
            self.customer.timeline.reveal(interaction_id, channel)
        self.show_message(self.tr("Logged on this computer; it is on its way to the hub."), 5000)
        self._kick()

    def new_customer(self, phone: str = "", name: str = "") -> NewCustomerDialog | None:
        """Ctrl+N (what is in the search box fills the phone or the name), or an unknown
        caller's panel (their number)."""
        if self._writes is None:
            self.show_message(self.tr("This window cannot write: it has no local outbox."))
            return None
        if not phone and not name:
            typed = self.search.box.text().strip()
            if normalize_phone(typed, self._region) is not None:
                phone = typed
            elif typed and "@" not in typed and not any(ch.isdigit() for ch in typed):
                name = typed
        dialog = NewCustomerDialog(self._writes, self._region, phone=phone, name=name, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self._customer_created)
        dialog.open_instead.connect(lambda cid: self.open_customer(cid, "other"))
        dialog.open()
        return dialog

    def _customer_created(self, customer_id: str) -> None:
        self.search.refresh()
        self.open_customer(customer_id, "new")
        name = self.customer.current_customer_name
        self.show_message(
            (
                self.tr(
                    "{name} was created on this computer; on the way to the hub. {keys} logs this call."
                )
                if name
                else self.tr(
                    "The customer was created on this computer; on the way to the hub. {keys} logs this call."
                )
            ).format(name=name, keys=key_text(LOG_SHORTCUT)),
            8000,
        )
        self._kick()

    def edit_consent(self) -> ConsentPreferencesDialog | None:
        """Ctrl+Shift+C or a consent chip: consent and preferences of the open customer."""
        cid = self.customer.current_customer_id
        if cid is None or self._writes is None:
            self.show_message(
                self.tr("Open a customer first; consent is changed on this computer's cache.")
            )
            return None
        now = self._now() if self._now else datetime.now().astimezone()
        dialog = ConsentPreferencesDialog(self._reader, self._writes, cid, now, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._logged_change)
        dialog.open()
        return dialog

    def open_basket(self) -> BasketDialog | None:
        """Ctrl+B: build or send a basket for the open customer."""
        cid = self.customer.current_customer_id
        if cid is None or self._writes is None:
            self.show_message(self.tr("Open a customer first; the basket is built for them."))
            return None
        dialog = BasketDialog(self._reader, self._writes, cid, self.customer.current_customer_name,
                              self._writes.store_id, self)  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._logged_change)
        if self._worker is not None:
            self._worker.customers_changed.connect(dialog.refresh)
        dialog.show()
        return dialog

    def act_on(self, s: Suggestion) -> None:
        """A next best action card was clicked or entered: open what acting on it needs."""
        action = s.action or ""
        if action == "log":
            self.log_interaction()
        elif action == "consent":
            self.edit_consent()
        elif action in ("incentive", "products") and s.product_ids:
            dialog = self.open_basket()
            if dialog is not None and not dialog.find_product(s.product_ids[0]):
                self.show_message(self.tr("That product is not in this computer's catalog."))
        elif action.startswith("offer:"):
            self.customer.tabs.setCurrentWidget(self.customer.offers)
        elif action.startswith("order:"):
            self.customer.tabs.setCurrentWidget(self.customer.purchases)

    def _logged_change(self, customer_id: str) -> None:
        self._pending_customers.add(customer_id)
        self._refresh_views()
        self.show_message(self.tr("Saved on this computer; it is on its way to the hub."), 5000)
        self._kick()

    def _kick(self) -> None:
        if self._worker is not None:
            self._worker.kick()

    # -- outbox --------------------------------------------------------------------------------
    def show_outbox(self) -> OutboxPanel:
        if self.outbox_panel is None:
            panel = OutboxPanel(self._reader, self._writes, self)
            panel.changed.connect(self._outbox_changed)
            panel.customer_requested.connect(lambda cid: self.open_customer(cid, "outbox"))
            self.outbox_panel = panel
        if self.outbox_panel.isVisible():
            self.outbox_panel.raise_()
            self.outbox_panel.activateWindow()
        else:
            self.outbox_panel.show()
        return self.outbox_panel

    def _outbox_changed(self) -> None:
        # A redo or a dismiss: a redone write is sent now; the timeline loses or regains marks.
        self._kick()
        self._show_counts()
        if self.customer.current_customer_id:
            self.customer.refresh()

    def _show_counts(self) -> None:
        """The status bar with this computer's own outbox counts: they are right even while the
        worker cannot report (offline, just written)."""
        if self._detached:
            return
        c = counts(self._reader)
        status = replace(
            self._sync_status, pending=c.pending, rejected=c.rejected, notices=c.notices
        )
        self.status.set_status(status, self._now() if self._now else None)
        self._announce_answers()
        if self.outbox_panel is not None and self.outbox_panel.isVisible():
            self.outbox_panel.refresh()

    def _announce_answers(self) -> None:
        """A short status-bar message when the hub refused a write or kept a newer value."""
        items = outbox_items(self._reader, (REJECTED, NOTICE))
        seqs = {i.client_seq for i in items}
        if self._seen_answers is not None:
            fresh = [i for i in items if i.client_seq not in self._seen_answers]
            if fresh:
                self.show_message(answer_message(fresh))
        self._seen_answers = seqs

    # -- sync notifications (queued from the sync thread) ---------------------------------------
    def on_sync_status(self, status: SyncStatus) -> None:
        if self._detached:
            return
        self._sync_status = status
        self._show_counts()
        self.search.set_online(status.state in ("online", "syncing"))
        if status.state == "syncing" and status.total:
            pct = int(100 * status.done / max(1, status.total))
            self.search.set_syncing_note(
                self.tr("Syncing customers to this computer… {percent} %").format(percent=pct)
            )
        elif status.state in ("online", "offline", "signin"):
            self.search.set_syncing_note("")
            self._refresh_views()

    def on_customers_changed(self, ids: frozenset[str]) -> None:
        self._pending_customers |= ids
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def on_customers_redirected(self, redirects: dict[str, str]) -> None:
        """Customers were merged on the hub: an open one that was merged away shows the
        surviving profile, and a note or draft being written follows it."""
        if self._detached:
            return
        for old, new in redirects.items():
            if old in self._drafts:
                self._drafts.setdefault(new, self._drafts.pop(old))
        current = self.customer.current_customer_id
        dialog_target = self.log_dialog.customer_id if self.log_dialog is not None else None
        if current not in redirects and dialog_target not in redirects:
            return
        if current in redirects:
            self._show_survivor(redirects[current], self.customer.current_customer_name)
        if self.log_dialog is not None and dialog_target in redirects:
            survivor = redirects[dialog_target]
            name = (
                self.customer.current_customer_name
                if self.customer.current_customer_id == survivor
                else self.log_dialog.customer_name
            )
            self.log_dialog.retarget(survivor, name)

    def _show_survivor(self, survivor: str, before: str) -> None:
        """The open customer, named ``before``, was merged into ``survivor``: show that one."""
        if self.open_customer(survivor, "merge"):
            after = self.customer.current_customer_name
            if before and before != after:
                self.show_message(
                    self.tr("{before} was merged into {after}: showing {after}.").format(
                        before=before, after=after
                    )
                )
            elif after:
                self.show_message(
                    self.tr(
                        "Two profiles of {name} were merged on the hub: showing the combined "
                        "profile."
                    ).format(name=after)
                )
            else:
                self.show_message(
                    self.tr(
                        "Two profiles of this customer were merged on the hub: showing the "
                        "combined profile."
                    )
                )
        elif self._worker is not None:
            self._awaiting_pin = survivor
            self._worker.pin(survivor)
            self.show_message(
                self.tr(
                    "{name} was merged into another profile; bringing it to this computer…"
                ).format(name=before)
                if before
                else self.tr(
                    "This customer was merged into another profile; bringing it to this computer…"
                )
            )

    def on_pinned(self, customer_id: str) -> None:
        if self._detached:
            return
        if self.search.pinning == customer_id or self._awaiting_pin == customer_id:
            self._awaiting_pin = None
            self.search.pin_done(customer_id)
            if not self.open_customer(customer_id, "search"):
                self.show_message(
                    self.tr("The customer arrived but cannot be shown; try searching again.")
                )
        else:
            self.search.pin_done(customer_id)

    def on_pin_failed(self, customer_id: str, message: str) -> None:
        if self._awaiting_pin == customer_id:
            self._awaiting_pin = None
            self.show_message(
                self.tr("The merged profile could not be brought here: {reason}").format(
                    reason=message
                )
            )
        self.search.show_pin_error(customer_id, message)

    def _search_online(self, text: str) -> None:
        if self._worker is None:
            self.search.show_online_error(text, self.tr("this window is not connected to a hub"))
            return
        self._worker.search_online(text)

    def _pin(self, customer_id: str) -> None:
        if self._worker is None:
            self.search.show_pin_error(
                customer_id, self.tr("this window is not connected to a hub")
            )
            return
        self._worker.pin(customer_id)

    def detach(self) -> None:
        """The session is ending: no more re-reads of the cache, no more worker signals."""
        if self._detached:
            return
        self._detached = True
        self._refresh_timer.stop()
        self.tasks.stop()
        if self._worker is not None:
            self._connect_worker(self._worker, connect=False)
        for dialog in (self.log_dialog, self.outbox_panel):
            if dialog is not None:
                dialog.close()

    def _refresh_views(self) -> None:
        if self._detached:
            return
        changed, self._pending_customers = self._pending_customers, set()
        self.search.refresh()
        current = self.customer.current_customer_id
        if current is None:
            self.refresh_start_page()  # a task synced or done, a recent customer erased
        if current and (not changed or current in changed):
            name = self.customer.current_customer_name
            self.customer.refresh()
            survivor = survivor_of(self._reader, current)
            if self.customer.current_customer_id is None and survivor is not None:
                # The merge was applied before its signal came: follow it from the cache.
                self._show_survivor(survivor, name)
            elif self.customer.current_customer_id is None:
                self.show_message(
                    (
                        self.tr(
                            "{name} is no longer on this computer (erased on request, or removed "
                            "from your customers)."
                        )
                        if name
                        else self.tr(
                            "The customer is no longer on this computer (erased on request, or "
                            "removed from your customers)."
                        )
                    ).format(name=name)
                )
        if changed:
            self._show_counts()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)


def header_starts_collapsed(choice: str, screen_height: int | None) -> bool:
    """The header's details at start: as the agent left them (``customer_header`` collapsed or
    expanded), else ("auto") collapsed on a screen under HEADER_AUTO_COLLAPSE_HEIGHT pixels."""
    if choice != "auto":
        return choice == "collapsed"
    return screen_height is not None and screen_height < HEADER_AUTO_COLLAPSE_HEIGHT
