"""The "update available" notice: the hub announces the release agents should run; when it is
newer than this one, a link sits at the right of the status bar. Nothing modal, nothing during a
call, and IT can turn the check off (policy ``update_check = false``): updates are IT's to roll out.
"""

from __future__ import annotations

import asyncio
import html
import logging

from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from rapport import __version__
from rapport.domain.versions import is_newer
from rapport.sync.client import HubClient
from rapport.ui.common.background import run_task

log = logging.getLogger(__name__)


class UpdateNotice(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("updateNotice")
        self.setOpenExternalLinks(True)
        self.version = ""
        self.checked = False  # the hub has answered (or failed to)
        self.hide()

    def show_release(self, version: str, download_url: str) -> None:
        self.version = version
        text = self.tr("Rapport {version} is available").format(version=html.escape(version))
        # Only web links become clickable: the hub is trusted, but a typo must not open a file.
        if download_url.startswith(("https://", "http://")):
            link = html.escape(download_url, quote=True)
            text = self.tr('{notice}: <a href="{url}">download</a>').format(notice=text, url=link)
        self.setText(text)
        self.setToolTip(
            self.tr("You have Rapport {version}. Your IT team may install it for you.").format(
                version=__version__
            )
        )
        self.show()


def check_for_update(
    window: QMainWindow, hub_url: str, token: str, running: str = __version__
) -> UpdateNotice:
    """Asks the hub once, off the UI thread; the notice shows only for a newer release."""
    notice = UpdateNotice(window)
    window.statusBar().addPermanentWidget(notice)

    async def fetch() -> tuple[str, str] | None:
        async with HubClient(hub_url, token, timeout=10.0) as client:
            return await client.client_release()

    def done(release: tuple[str, str] | None) -> None:
        notice.checked = True
        if release and is_newer(release[0], running):
            log.info("update available: %s (running %s)", release[0], running)
            notice.show_release(*release)

    def failed(exc: BaseException) -> None:  # not worth the agent's attention: next start retries
        notice.checked = True
        log.info("update check failed: %s", type(exc).__name__)

    run_task(lambda: asyncio.run(fetch()), done, failed)
    return notice
