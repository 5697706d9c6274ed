"""Starting the Qt application: the demo, or a real hub after sign-in."""

from __future__ import annotations

import logging
import sqlite3
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from rapport import __version__
from rapport.cache.db import connect
from rapport.cache.profile import load_profile
from rapport.config import Settings, SettingsError, cache_path_for, profile_dir, settings_path
from rapport.credentials import load_token, save_token
from rapport.sync.client import LoginResult
from rapport.ui.common import i18n
from rapport.ui.common.style import install_focus_ring
from rapport.ui.common.theme import apply_theme, follow_color_scheme
from rapport.ui.shell.paint_probe import install_if_asked
from rapport.ui.shell.reauth import Reauthenticator
from rapport.ui.shell.selftest import SelfTest
from rapport.ui.shell.session import Session
from rapport.ui.shell.sign_in import SignInDialog
from rapport.ui.shell.single_instance import send_to_running
from rapport.ui.shell.update_notice import check_for_update
from rapport.ui.shell.url_events import RapportApplication, attach_url_events

_QT_NOISE = ("This plugin does not support propagateSizeHints",)
_qt_log = logging.getLogger("rapport.qt")


def _qt_messages(mode: QtMsgType, _context: object, message: str) -> None:
    # Qt's own warnings go to our log (the offscreen platform's known chatter is dropped).
    if message.startswith(_QT_NOISE):
        return
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(mode, logging.ERROR)
    _qt_log.log(level, "%s", message)


def make_app(*, tablet: bool = False, language: str | None = None) -> QApplication:
    """The application, its theme and its interface language (``language``: the --language flag,
    None for the settings' choice), before any window is built."""
    qInstallMessageHandler(_qt_messages)
    app = QApplication.instance() or RapportApplication(sys.argv[:1])
    i18n.install(app, _language_setting(language))
    app.setApplicationName("Rapport")
    app.setOrganizationName("Rapport")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("rapport")
    app.setWindowIcon(QIcon(str(files("rapport.resources.icons") / "rapport.svg")))
    apply_theme(app, tablet=tablet)  # type: ignore[arg-type]
    follow_color_scheme(app, _color_scheme_setting())  # type: ignore[arg-type]
    install_focus_ring(app)  # type: ignore[arg-type]
    install_if_asked(app)  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


def show_startup_error(title: str, text: str) -> None:
    """A problem that stops the app before any window: a dialog, since a desktop launch has no
    terminal to read stderr in."""
    make_app()
    QMessageBox.critical(None, title, text)


def raise_running() -> bool:
    """A second start: when a Rapport already runs for this user, bring it to the front and say so."""
    if not send_to_running({"cmd": "raise"}, 500):
        return False
    print("Rapport is already running: brought its window to the front.", file=sys.stderr)
    return True


def run_demo(
    cache_path: Path,
    hub_url: str,
    token: str,
    user: dict[str, Any],
    *,
    self_test: bool = False,
    open_text: str | None = None,
    tablet: bool = False,
    language: str | None = None,
) -> int:
    tablet = _tablet_setting(tablet)
    app = make_app(tablet=tablet, language=language)
    if not self_test and raise_running():
        return 0
    session = Session(
        cache_path,
        hub_url,
        token,
        user=user,
        user_label=QCoreApplication.translate("App", "{name} · demo").format(
            name=user.get("display_name", "")
        ),
        tablet=tablet,
        settings_path=settings_path(),
    )
    if open_text:
        session.open_when_synced(open_text)
    outcome = {"code": 0}
    if self_test:

        def report(ok: bool, message: str) -> None:
            print(f"rapport self-test: {'ok' if ok else 'FAILED'}: {message}", flush=True)
            outcome["code"] = 0 if ok else 1
            session.window.close()
            app.quit()

        SelfTest(session, report)
    session.start(show=True)
    if not self_test:
        session.listen()  # `rapport pop` reaches this window
        attach_url_events(app, session.screen_pop.handle)  # macOS links
        if _update_check_setting():
            check_for_update(session.window, hub_url, token)
    app.aboutToQuit.connect(session.shutdown)
    app.exec()
    session.shutdown()
    return outcome["code"]


def _tablet_setting(flag: bool) -> bool:
    """The demo's tablet mode: policy's, else the flag, the settings file's or RAPPORT_TABLET_MODE
    (an unreadable settings file does not stop a demo)."""
    try:
        return Settings.load().tablet(flag)
    except SettingsError:
        return flag


def _color_scheme_setting() -> str:
    """auto (the OS's), light or dark: the settings file's or RAPPORT_COLOR_SCHEME."""
    try:
        return Settings.load().color_scheme
    except SettingsError:
        return "auto"


def _language_setting(flag: str | None) -> str:
    """IT policy's language, else the flag, the settings file's or RAPPORT_LANGUAGE (an
    unreadable settings file leaves the computer's language)."""
    try:
        return Settings.load().interface_language(flag)
    except SettingsError:
        return flag or "auto"


def _update_check_setting() -> bool:
    try:
        return Settings.load().update_check
    except SettingsError:
        return True


def _remembered_user(settings: Settings) -> dict[str, Any] | None:
    path = cache_path_for(profile_dir(settings.hub_url, settings.username))
    if not path.exists():
        return None
    try:
        conn = connect(path)  # a damaged file is repaired by open_cache later, not here
    except sqlite3.Error:
        return None
    try:
        return load_profile(conn)[1]
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def run_signed_in_app(*, tablet: bool = False, language: str | None = None) -> int:
    """``tablet``: the --tablet flag; without it the settings (file, RAPPORT_TABLET_MODE) decide.
    ``language``: the --language flag, likewise."""
    try:
        settings = Settings.load()
    except SettingsError as exc:
        make_app(language=language)
        QMessageBox.critical(
            None,
            QCoreApplication.translate("App", "Rapport settings"),
            QCoreApplication.translate(
                "App", "The settings file cannot be read:\n{problem}"
            ).format(problem=exc),
        )
        return 2
    # Not folded into ``settings``: a flag given once must not be saved with them after sign-in.
    tablet = settings.tablet(tablet)
    app = make_app(tablet=tablet, language=language)
    if raise_running():
        return 0
    token = load_token(settings.hub_url, settings.username) if settings.username else None
    user: dict[str, Any] = {"username": settings.username}
    if token:
        user = _remembered_user(settings) or user
    else:
        dialog = SignInDialog(
            settings.hub_url, settings.username, allow_plain_http=settings.allow_plain_http
        )
        dialog.hub.setReadOnly(settings.from_policy("hub_url"))  # IT chose the hub
        if dialog.exec() != SignInDialog.DialogCode.Accepted or dialog.result_login is None:
            return 0
        login = dialog.result_login
        settings = settings.with_overrides(
            hub_url=dialog.hub.text().strip(), username=dialog.user.text().strip()
        )
        settings.save()
        token = login.token
        user = dict(login.user)
        if not save_token(settings.hub_url, settings.username, token):
            QTimer.singleShot(
                0,
                lambda: QMessageBox.information(
                    None,
                    QCoreApplication.translate("App", "No keyring"),
                    QCoreApplication.translate(
                        "App",
                        "This computer has no password keyring, so Rapport keeps your sign-in for "
                        "this session only. You will be asked to sign in again next time.",
                    ),
                ),
            )
    cache = cache_path_for(profile_dir(settings.hub_url, settings.username))
    session = Session(
        cache,
        settings.hub_url,
        token,
        user=user,
        region=settings.region,
        tablet=tablet,
        allowed_channels=settings.allowed_channels,
        retention_days=settings.cache_retention_days,
        settings_path=settings_path(),
        hub_warning=settings.hub_warning(),
    )

    def ask(message: str) -> LoginResult | None:
        dialog = SignInDialog(
            settings.hub_url, settings.username, message, session.window,
            allow_plain_http=settings.allow_plain_http,
        )  # fmt: skip
        dialog.hub.setReadOnly(True)  # same hub and person: the cache and outbox are theirs
        dialog.user.setReadOnly(True)
        accepted = dialog.exec() == SignInDialog.DialogCode.Accepted
        return dialog.result_login if accepted else None

    reauth = Reauthenticator(
        ask,
        session.worker.set_token,
        lambda tok: save_token(settings.hub_url, settings.username, tok),
        session,
    )
    session.worker.status_changed.connect(reauth.on_status)
    session.start()
    attach_url_events(app, session.screen_pop.handle)  # macOS links
    if settings.update_check:  # IT may turn it off: they roll out releases themselves
        check_for_update(session.window, settings.hub_url, token)
    app.aboutToQuit.connect(session.shutdown)
    return app.exec()
