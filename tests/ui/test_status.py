"""The status bar's words: connection state, last sync, and what this computer still has to send;
refused writes in the palette's warning colour."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtGui import QColor, QPalette

from rapport.sync.engine import SyncStatus
from rapport.ui.common.theme import caution, warning
from rapport.ui.shell.status_bar import (
    SyncStatusWidget,
    describe,
    describe_outbox,
    describe_tooltip,
    outbox_parts,
)

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (SyncStatus(), "Starting…"),
        (SyncStatus(state="online"), "Online"),
        (
            SyncStatus(state="online", last_sync_at="2026-11-20T15:29:10Z"),
            "Online · last sync today 15:29",
        ),
        (
            SyncStatus(state="offline", since="2026-11-20T14:02:00Z"),
            "Offline since today 14:02 · retrying",
        ),
        (
            SyncStatus(
                state="offline", since="2026-11-20T14:02:00Z", last_sync_at="2026-11-20T13:58:00Z"
            ),
            "Offline since today 14:02 · retrying · last sync today 13:58",
        ),
        (
            SyncStatus(state="offline", since="2026-11-19T18:00:00Z"),
            "Offline since yesterday 18:00 · retrying",
        ),
        # Moments say what the rest of the UI says (format.when_text); days gone count as days.
        (
            SyncStatus(
                state="offline", since="2026-11-16T09:00:00Z", last_sync_at="2026-11-16T08:00:00Z"
            ),
            "Offline for 4 days · retrying · last sync 4 days ago",
        ),
        (SyncStatus(state="syncing"), "Syncing…"),
        (
            SyncStatus(state="syncing", done=1200, total=5000),
            "Syncing · 1,200 of about 5,000 changes",
        ),
        (SyncStatus(state="signin"), "Signed out · sign in again to sync (nothing local is lost)"),
    ],
)
def test_describe_the_connection(status: SyncStatus, expected: str) -> None:
    assert describe(status, NOW) == expected


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((0, 0, 0), "All changes sent"),
        ((2, 0, 0), "2 pending"),
        ((0, 1, 0), "1 rejected"),
        ((3, 1, 1), "3 pending · 1 rejected · 1 notice"),
        ((0, 0, 2), "2 notices"),
        ((1500, 0, 0), "1,500 pending"),
    ],
)
def test_describe_the_outbox(counts: tuple[int, int, int], expected: str) -> None:
    pending, rejected, notices = counts
    status = SyncStatus(pending=pending, rejected=rejected, notices=notices)
    assert describe_outbox(status) == expected


def test_offline_tooltip_says_work_goes_on() -> None:
    tip = describe_tooltip(SyncStatus(state="offline", message="cannot reach the hub at x"))
    assert "keep working" in tip and "cannot reach the hub at x" in tip


def test_widget_shows_both_parts_and_rejections_in_the_warning_colour(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    status = SyncStatus(
        state="offline", since="2026-11-20T14:02:00Z", pending=2, rejected=1, notices=1
    )
    widget.set_status(status, NOW)
    assert (
        widget.text() == "Offline since today 14:02 · retrying · 2 pending · 1 rejected · 1 notice"
    )
    tones = dict(outbox_parts(status))
    assert tones == {"2 pending": "normal", "1 rejected": "warning", "1 notice": "caution"}
    assert "Ctrl+Shift+O" in widget.outbox.toolTip()

    # The warning colour comes from the palette: darker on light, lighter on dark schemes.
    light, dark = QPalette(QColor("#f0f0f0")), QPalette(QColor("#303030"))
    assert warning(light).lightness() < 128 < warning(dark).lightness()
    assert caution(light).lightness() < 128 < caution(dark).lightness()
    assert warning(light).hue() != caution(light).hue()


def test_counts_button_opens_the_outbox(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.show()
    widget.set_status(SyncStatus(state="online", pending=1))
    with qtbot.waitSignal(widget.outbox_requested, timeout=1000):
        widget.outbox.click()
    assert widget.outbox.sizeHint().width() >= widget.outbox.fontMetrics().horizontalAdvance(
        "1 pending"
    )


def test_the_status_bar_in_french(qapp) -> None:  # type: ignore[no-untyped-def]
    from rapport.ui.common import i18n

    i18n.install(qapp, "fr")
    try:
        offline = SyncStatus(state="offline", since="2026-11-20T14:02:00Z")
        assert describe(offline, NOW) == "Hors ligne depuis aujourd'hui à 14:02 · reconnexion…"
        counts = SyncStatus(pending=1500, rejected=2, notices=1)
        assert describe_outbox(counts) == "1\u202f500 en attente · 2 refusés · 1 avis"
    finally:
        i18n.install(qapp, "en")
