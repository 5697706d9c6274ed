"""What the cache and the domain tell the agent, in the interface's language.

They import no Qt, so they say it as a :class:`rapport.domain.messages.Message` (an English
template marked for lupdate under the ``Messages`` context, and its values); a ``WriteError``
carries one. Here the template is looked up in the catalog of the moment and filled in: a value
that is a message is said the same way, a number the locale's way (``10 000`` in French).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from rapport.cache.writes import WriteError
from rapport.domain.messages import CONTEXT, Message
from rapport.ui.common import format as fmt

__all__ = ["error_text", "message_text"]


def message_text(message: Message | str | None) -> str:
    """``message`` in the interface's language; a plain string (the hub's own words, a system
    error) as it is."""
    if message is None:
        return ""
    if isinstance(message, str):
        return message
    text = QCoreApplication.translate(CONTEXT, message.template)
    if not message.values:
        return text
    return text.format(**{k: _value(v) for k, v in message.values.items()})


def _value(value: object) -> str:
    if isinstance(value, Message):
        return message_text(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return fmt.locale().toString(value)
    return str(value)


def error_text(exc: BaseException) -> str:
    """What a refused write says (a :class:`WriteError`'s message, translated); any other error
    as Python words it."""
    if isinstance(exc, WriteError):
        return message_text(exc.message)
    return str(exc)
