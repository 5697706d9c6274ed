"""The update notice against a real hub: announced newer release -> a link in the status bar;
same or older -> nothing; a hub without an announcement -> nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMainWindow

from rapport.demo import DemoSite, start_demo
from rapport.ui.shell.update_notice import check_for_update


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoSite]:
    site = start_demo(tmp_path_factory.mktemp("demo-update"), customers=20)
    yield site
    site.close()


_windows: list[QMainWindow] = []  # qtbot holds widgets weakly: keep each until the module ends


def _check(qtbot, demo: DemoSite, running: str):  # type: ignore[no-untyped-def]
    window = QMainWindow()
    _windows.append(window)
    qtbot.addWidget(window)
    window.show()
    notice = check_for_update(window, demo.hub_url, demo.login.token, running=running)
    qtbot.waitUntil(lambda: notice.checked, timeout=10_000)
    return notice


def test_no_announcement_no_notice(qtbot, demo: DemoSite) -> None:  # type: ignore[no-untyped-def]
    with demo.server.hub.engine.begin() as conn:
        conn.exec_driver_sql(
            "DELETE FROM hub_meta WHERE key IN ('client_version', 'client_download_url')"
        )
    assert not _check(qtbot, demo, "0.1.0").isVisible()


def test_a_newer_release_shows_a_download_link(qtbot, demo: DemoSite) -> None:  # type: ignore[no-untyped-def]
    demo.server.hub.announce_client("0.3.0", "https://downloads.example/rapport-0.3.0.exe")
    notice = _check(qtbot, demo, "0.2.9")
    assert notice.isVisible()
    assert "Rapport 0.3.0 is available" in notice.text()
    assert 'href="https://downloads.example/rapport-0.3.0.exe"' in notice.text()


def test_the_same_or_an_older_release_shows_nothing(qtbot, demo: DemoSite) -> None:  # type: ignore[no-untyped-def]
    demo.server.hub.announce_client("0.3.0", "https://downloads.example/rapport-0.3.0.exe")
    assert not _check(qtbot, demo, "0.3.0").isVisible()
    assert not _check(qtbot, demo, "1.0.0").isVisible()


def test_a_link_that_is_not_a_web_address_is_not_clickable(qtbot, demo: DemoSite) -> None:  # type: ignore[no-untyped-def]
    demo.server.hub.announce_client("9.0", "file:///etc/passwd")
    notice = _check(qtbot, demo, "0.1.0")
    assert notice.isVisible() and "href" not in notice.text()
