"""The crash dialog: says something went wrong, where the log is, and copies a report for support.

The report (``rapport.crash.crash_report``) holds no customer data, so the agent can paste it into
a ticket or a chat without thinking about what it contains.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


class CrashDialog(QMessageBox):
    def __init__(self, report: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Rapport: unexpected problem"))
        where = (
            self.tr("The details are in the log:\n{path}").format(path=log_path) if log_path else ""
        )
        self.setText(self.tr("Rapport hit an unexpected problem. Your saved work is safe."))
        self.setInformativeText(
            self.tr("Copy the report and send it to your IT support. It holds no customer data.")
            + "\n"
            + where
        )
        self.setDetailedText(report)
        self.report = report
        self.copy_button = self.addButton(self.tr("Copy report"), QMessageBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("crashCopy")
        self.addButton(QMessageBox.StandardButton.Close)
        self.copy_button.clicked.connect(self.copy_report)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)


class _Reporter(QObject):
    """Lives in the GUI thread so a crash in a worker thread reaches the dialog queued."""

    crashed = Signal(str)

    def __init__(self, log_path: Path | None) -> None:
        super().__init__()
        self.log_path = log_path
        self.showing = False
        self.crashed.connect(self._show)

    @Slot(str)
    def _show(self, report: str) -> None:
        if self.showing:  # a crash loop must not stack dialogs
            return
        self.showing = True
        try:
            CrashDialog(report, self.log_path, QApplication.activeWindow()).exec()
        finally:
            self.showing = False


_reporter: _Reporter | None = None
_lock = threading.Lock()


def show_crash_report(report: str, log_path: Path | None) -> None:
    """From any thread: shows the dialog in the GUI thread; nothing when no app is running."""
    global _reporter
    app = QApplication.instance()
    if app is None:
        return
    with _lock:
        if _reporter is None:
            _reporter = _Reporter(log_path)
            if QThread.currentThread() != app.thread():
                _reporter.moveToThread(app.thread())
    _reporter.crashed.emit(report)
