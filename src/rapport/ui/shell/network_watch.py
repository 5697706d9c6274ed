"""Retry at once when the operating system says the network is back, instead of waiting for the
next backoff step. Best effort: where Qt has no reachability backend, backoff alone applies."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QNetworkInformation

log = logging.getLogger(__name__)


class NetworkWatch(QObject):
    def __init__(self, on_online: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_online = on_online
        self.available = QNetworkInformation.loadBackendByFeatures(
            QNetworkInformation.Feature.Reachability
        )
        info = QNetworkInformation.instance() if self.available else None
        if info is None:
            log.info("no network reachability backend; relying on retry backoff")
            return
        info.reachabilityChanged.connect(self._changed)

    def _changed(self, reachability: QNetworkInformation.Reachability) -> None:
        if reachability in (
            QNetworkInformation.Reachability.Online,
            QNetworkInformation.Reachability.Site,
            QNetworkInformation.Reachability.Local,
        ):
            self._on_online()
