"""Messages the hub sends to customers (a basket to pay, for now), behind one small interface.

``SmtpNotifier`` sends email with the standard library; ``SmsFileNotifier`` appends each SMS as a
JSON line to a file until a provider is plugged in (a provider is one more ``Notifier``). The hub
holds an :class:`Outbound` (which notifier per channel, and the public address links point to);
mutation handlers find it from their connection's engine, since they only get the connection.
"""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
import threading
import weakref
from collections.abc import Collection
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

import orjson
from sqlalchemy import Engine

from rapport.domain.timestamps import utc_now_text
from rapport.hub.store.private import open_private_append

DEFAULT_PUBLIC_URL = "http://127.0.0.1:8765"
_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Message:
    channel: str  # "email" | "sms"
    to: str  # an email address or an E.164 phone number
    subject: str
    body: str
    # The hub's idempotency key of this message: the email's Message-ID, so a receiving system
    # can tell a duplicate from a second message.
    key: str | None = None


class DeliveryRefused(Exception):
    """The provider refused this message for good (a bad address): retrying will not help."""


class Notifier(Protocol):
    def send(self, message: Message) -> None:
        """Deliver or raise: :class:`DeliveryRefused` for good, ``OSError`` when worth retrying."""


class SmtpNotifier:
    def __init__(
        self,
        host: str,
        port: int = 25,
        sender: str = "Rapport <no-reply@localhost>",
        *,
        starttls: bool = False,
        username: str | None = None,
        password: str | None = None,
        timeout: float = 15.0,
    ) -> None:
        self.host, self.port, self.sender = host, port, sender
        self.starttls, self.username, self.password = starttls, username, password
        self.timeout = timeout

    def send(self, message: Message) -> None:
        mail = EmailMessage()
        mail["From"] = self.sender
        mail["To"] = message.to
        mail["Subject"] = message.subject
        if message.key:
            mail["Message-ID"] = f"<{message.key}@rapport.hub>"
        mail.set_content(message.body)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                if self.starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if self.username:
                    smtp.login(self.username, self.password or "")
                smtp.send_message(mail)
        except smtplib.SMTPRecipientsRefused as exc:
            # 4xx: the server cannot take it now (greylisting, full queue); 5xx: for good.
            if all(code >= 500 for code, _msg in exc.recipients.values()):
                raise DeliveryRefused("the mail server refused the address") from exc
            raise OSError("the mail server deferred the address") from exc
        except smtplib.SMTPSenderRefused as exc:
            if exc.smtp_code >= 500:
                raise DeliveryRefused("the mail server refused the sender address") from exc
            raise OSError("the mail server deferred the sender") from exc
        except smtplib.SMTPException as exc:
            raise OSError(f"mail server error: {type(exc).__name__}") from exc


class FileNotifier:
    """Appends each message as one JSON line (``SmsFileNotifier`` for SMS): the hand-off point
    until a provider is configured, and what the demo uses."""

    # The message stays in a file of the hub's, which an erasure rewrites: the dispatcher appends
    # only while it holds the change feed's lock (see rapport.hub.outbox).
    keeps_copy = True

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def send(self, message: Message) -> None:
        line = orjson.dumps(
            {
                "channel": message.channel,
                "to": message.to,
                "subject": message.subject,
                "body": message.body,
                "queued_at": utc_now_text(),
            }
        )
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open_private_append(self.path) as f:  # customers' addresses: 0600
                f.write(line + b"\n")
                f.flush()
                os.fsync(f.fileno())

    def forget(self, addresses: Collection[str]) -> int:
        """Erasure: rewrite the file without the messages to these addresses (compared
        lowercased); returns how many went. The file is replaced whole, never left half-written."""
        wanted = {a.lower() for a in addresses}
        with self._lock:
            if not wanted or not self.path.exists():
                return 0
            kept: list[bytes] = []
            dropped = 0
            for line in self.path.read_bytes().splitlines(keepends=True):
                try:
                    to = str(orjson.loads(line).get("to") or "").lower()
                except (orjson.JSONDecodeError, AttributeError):
                    to = ""
                if to in wanted:
                    dropped += 1
                else:
                    kept.append(line)
            if dropped:
                spare = self.path.with_name(self.path.name + ".tmp")
                with spare.open("wb") as f:
                    f.writelines(kept)
                    f.flush()
                    os.fsync(f.fileno())
                os.replace(spare, self.path)
            return dropped


SmsFileNotifier = FileNotifier


@dataclass(slots=True)
class Outbound:
    """What the hub sends customers through: a notifier per channel, and its public address."""

    notifiers: dict[str, Notifier] = field(default_factory=dict)
    # None: the address devices reach the hub on, learnt from their requests (see
    # ``rapport.hub.routes.basket_link``); set it when customers reach the hub another way.
    public_url: str | None = None

    def link(self, token: str) -> str:
        return f"{(self.public_url or DEFAULT_PUBLIC_URL).rstrip('/')}/b/{token}"

    def forget(self, addresses: Collection[str]) -> None:
        """Erasure: messages to these addresses that are still here (in an outbox file) go; what
        a mail server or SMS provider already took is theirs to erase."""
        for notifier in {id(n): n for n in self.notifiers.values()}.values():
            forget = getattr(notifier, "forget", None)
            if forget is None:
                continue
            try:
                forget(addresses)
            except OSError as exc:  # the erasure itself is committed: say so, do not undo it
                _log.error(
                    "erasure: an outbox file could not be rewritten (%s)", type(exc).__name__
                )

    @classmethod
    def from_env(cls, folder: Path, env: dict[str, str] | None = None) -> Outbound:
        """SMTP when ``RAPPORT_SMTP_HOST`` is set (``_PORT``, ``_SENDER``, ``_STARTTLS``,
        ``_USER``, ``_PASSWORD``), else email to ``mail-outbox.jsonl``; SMS to
        ``sms-outbox.jsonl`` in ``folder``; links on ``RAPPORT_PUBLIC_URL`` when set."""
        env = dict(os.environ if env is None else env)
        host = env.get("RAPPORT_SMTP_HOST")
        email: Notifier
        if host:
            email = SmtpNotifier(
                host,
                int(env.get("RAPPORT_SMTP_PORT") or 25),
                env.get("RAPPORT_SMTP_SENDER") or "Rapport <no-reply@localhost>",
                starttls=env.get("RAPPORT_SMTP_STARTTLS", "").lower() in ("1", "true", "yes"),
                username=env.get("RAPPORT_SMTP_USER") or None,
                password=env.get("RAPPORT_SMTP_PASSWORD") or None,
            )
        else:
            email = FileNotifier(folder / "mail-outbox.jsonl")
        return cls(
            {"email": email, "sms": SmsFileNotifier(folder / "sms-outbox.jsonl")},
            env.get("RAPPORT_PUBLIC_URL") or None,
        )

    @classmethod
    def for_engine(cls, engine: Engine) -> Outbound:
        """The default next to an SQLite database (its folder), else in the working folder."""
        db = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
        folder = Path(db).parent if db and db != ":memory:" else Path.cwd()
        return cls.from_env(folder)


_attached: weakref.WeakKeyDictionary[Engine, Outbound] = weakref.WeakKeyDictionary()


def attach(engine: Engine, outbound: Outbound) -> None:
    _attached[engine] = outbound


def outbound_for(engine: Engine) -> Outbound:
    found = _attached.get(engine)
    if found is None:
        found = _attached[engine] = Outbound.for_engine(engine)
    return found
