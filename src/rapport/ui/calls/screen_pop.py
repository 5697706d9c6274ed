"""Screen pop: an incoming call's number brings the caller to the front, under a call strip (the
number, a running timer, Wrap up: :mod:`rapport.ui.calls.call_strip`).

The softphone runs ``rapport pop --phone +33612345678`` (or opens ``rapport://pop?phone=...``); the
running app receives the request through :mod:`rapport.ui.shell.single_instance` and this module decides
what the agent sees: the one customer with that number, a short chooser when several share it
(a household's landline), or an "unknown caller" panel with the number ready to search or copy.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from rapport.cache.search import SearchHit, customers_with_phone
from rapport.domain.phones import format_phone, normalize_phone
from rapport.ui.calls.caller_chooser import CallerChooser
from rapport.ui.calls.unknown_caller import UnknownCallerPanel
from rapport.ui.common import wording
from rapport.ui.search.panel import SearchPanel

log = logging.getLogger(__name__)

OPENED, CHOOSER, UNKNOWN, INVALID = "opened", "chooser", "unknown", "invalid"
_NO_STACKING = frozenset({"offscreen", "minimal"})  # platforms without windows to raise
MAX_SHOWN_INPUT = 40  # how much of a refused number the status bar repeats


def bring_to_front(widget: QWidget) -> None:
    """Show ``widget`` on top and give it the keyboard. Windows may still only flash it in the
    taskbar when another program has the focus (its foreground lock)."""
    if widget.isMinimized():
        widget.showNormal()
    elif not widget.isVisible():
        widget.show()
    if QGuiApplication.platformName() not in _NO_STACKING:
        widget.raise_()
        widget.activateWindow()


class PopHost(Protocol):
    """What a screen pop needs of the window it pops into: the shell's main window is one. The
    window itself is passed apart, as a QWidget, for what Qt does with it (raise it, parent the
    chooser and the unknown-caller panel to it)."""

    search: SearchPanel

    def show_message(self, text: str) -> None:
        """A transient line in the status bar."""

    def open_customer(self, customer_id: str, source: str) -> bool:
        """Show this customer's 360; False when this computer no longer has them."""

    def start_call(self, customer_id: str, number: str) -> None:
        """The call strip runs for this caller until the call is wrapped up."""

    def new_customer(self, phone: str) -> object:
        """The new-customer dialog, the number filled in."""


class ScreenPop(QObject):
    """Handles pop and raise requests for one main window."""

    popped = Signal(str, str)  # outcome (opened, chooser, unknown, invalid), what was asked

    def __init__(
        self, window: QWidget, host: PopHost, reader: sqlite3.Connection, region: str = "FR"
    ) -> None:
        super().__init__(window)
        self._window = window
        self._host = host
        self._reader = reader
        self._region = region
        self.chooser: CallerChooser | None = None
        self.unknown: UnknownCallerPanel | None = None

    def handle(self, message: dict[str, Any]) -> None:
        """A request from :class:`rapport.ui.shell.single_instance.InstanceServer`."""
        if message.get("cmd") == "pop":
            self.pop(str(message.get("phone") or ""))
        else:
            self.bring_to_front()

    def bring_to_front(self) -> None:
        bring_to_front(self._window)

    def pop(self, text: str) -> str:
        self._close_previous()
        self.bring_to_front()
        e164 = normalize_phone(text, self._region)
        if e164 is None:
            shown = text.strip()[:MAX_SHOWN_INPUT]
            keys = QKeySequence("Ctrl+K").toString(QKeySequence.SequenceFormat.NativeText)
            self._host.show_message(
                self.tr(
                    "A call came in for {number}, which is not a phone number: search the "
                    "caller by name ({keys})."
                ).format(
                    number=wording.quote(shown) if shown else self.tr("an empty number"), keys=keys
                )
            )
            return self._done(INVALID, text)
        hits = self._callers(e164)
        number = text.strip()[:MAX_SHOWN_INPUT]  # as the softphone gave it, for the call strip
        if len(hits) == 1:
            if self._host.open_customer(hits[0].id, "pop"):
                self._host.start_call(hits[0].id, number)
                return self._done(OPENED, e164)
            hits = []  # gone between the search and the open (erased meanwhile)
        if len(hits) > 1:
            chooser = CallerChooser(hits, format_phone(e164, self._region), self._region,
                                    self._window)  # fmt: skip
            chooser.chosen.connect(lambda cid: self._answer(cid, number))
            bring_to_front(chooser)
            self.chooser = chooser
            chooser.finished.connect(lambda _r: self._forget(chooser))
            return self._done(CHOOSER, e164)
        panel = UnknownCallerPanel(e164, format_phone(e164, self._region), self._window)
        panel.search_hub.connect(self._search_hub)
        panel.search_by_name.connect(self._host.search.focus_search)
        panel.new_customer.connect(lambda number: self._host.new_customer(phone=number))
        bring_to_front(panel)
        self.unknown = panel
        panel.finished.connect(lambda _r: self._forget(panel))
        return self._done(UNKNOWN, e164)

    def _answer(self, customer_id: str, number: str) -> None:
        """The agent picked the caller in the chooser."""
        if self._host.open_customer(customer_id, "pop"):
            self._host.start_call(customer_id, number)

    def _callers(self, e164: str) -> list[SearchHit]:
        return customers_with_phone(self._reader, e164, self._region)

    def _search_hub(self, e164: str) -> None:
        search = self._host.search
        search.box.setText(e164)
        search.focus_search()
        search.request_online_search()

    def _forget(self, dialog: QDialog) -> None:
        # A closed panel deletes itself: a later call must not reach for it.
        if self.chooser is dialog:
            self.chooser = None
        if self.unknown is dialog:
            self.unknown = None

    def _close_previous(self) -> None:
        # A new call replaces the previous caller's chooser or panel.
        for dialog in (self.chooser, self.unknown):
            if dialog is not None:
                dialog.close()
        self.chooser = self.unknown = None

    def _done(self, outcome: str, asked: str) -> str:
        log.info("screen pop: %s", outcome)  # never the number: it is customer data
        self.popped.emit(outcome, asked)
        return outcome


__all__ = ["CHOOSER", "INVALID", "OPENED", "UNKNOWN", "ScreenPop"]
