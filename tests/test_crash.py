"""Uncaught exceptions: logged with their code path, never their message (it may quote customer
data); the dialog copies a report from any thread."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from rapport.ui.shell.crash import CrashDialog, show_crash_report

SECRET = "Jeanne Dupont +33612345678 jeanne@example.com"

SCRIPT = textwrap.dedent(
    """
    import sys, threading
    from pathlib import Path
    from rapport.crash import install_crash_hooks
    from rapport.logs import setup_logging

    setup_logging(folder=Path(sys.argv[1]))
    install_crash_hooks(None)

    def lookup_in_worker():
        raise ValueError(sys.argv[2])

    t = threading.Thread(target=lookup_in_worker, name="sync-worker")
    t.start()
    t.join()

    def open_customer():
        try:
            {}["x"]
        except KeyError:
            raise RuntimeError(sys.argv[2])

    open_customer()
    """
)


def test_uncaught_exceptions_in_any_thread_reach_the_log_without_their_message(
    tmp_path: Path,
) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path), SECRET],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1  # still a failed process for whoever started it
    assert "crashed with RuntimeError; details are in the log" in proc.stderr
    log = (tmp_path / "rapport.log").read_text(encoding="utf-8")
    assert "Thread: sync-worker" in log
    assert "builtins.ValueError (message withheld" in log
    assert "builtins.RuntimeError (message withheld" in log
    assert "While handling / caused by:\nbuiltins.KeyError" in log
    assert "in lookup_in_worker" in log and "in open_customer" in log
    for part in SECRET.split():
        assert part not in log
        assert part not in proc.stderr


def test_the_dialog_copies_the_report(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = CrashDialog("Rapport 0.1.0\nbuiltins.KeyError", Path("/var/log/rapport.log"))
    qtbot.addWidget(dialog)
    assert "no customer data" in dialog.informativeText()
    assert "/var/log/rapport.log" in dialog.informativeText()
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == "Rapport 0.1.0\nbuiltins.KeyError"


def test_a_crash_in_a_worker_thread_shows_the_dialog_in_the_gui_thread(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    QApplication.clipboard().clear()
    seen: dict[str, object] = {}

    def answer() -> None:  # the person reading the dialog: copies the report, which closes it
        widget = QApplication.activeModalWidget()
        if isinstance(widget, CrashDialog):
            seen["thread"] = threading.current_thread() is threading.main_thread()
            widget.copy_button.click()
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    worker = threading.Thread(target=show_crash_report, args=("REPORT-42", tmp_path / "x.log"))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: "thread" in seen, timeout=5000)
    assert seen["thread"] is True
    assert QApplication.clipboard().text() == "REPORT-42"
