"""What the layers without Qt tell a person, in a form the interface can translate.

The cache and the domain import no Qt (an import-linter contract), yet what they refuse ("Write a
short note of what happened.") is read by an agent working in French or English. They say it as a
:class:`Message`: an English template with named fields, and the values of those fields. The
template is marked with :func:`QT_TRANSLATE_NOOP` under the context :data:`CONTEXT`, a stand-in of
Qt's marker that does nothing but that ``pyside6-lupdate`` reads as it reads Qt's, so the template
lands in the catalogs with the interface's own strings.

``str()`` of a message is the English sentence (logs, the command line, tests);
:func:`rapport.ui.common.messages.message_text` says it in the interface's language. A field's value may
be a message itself (a part of the sentence that is words, not data), and numbers are written the
locale's way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["CONTEXT", "QT_TRANSLATE_NOOP", "Message"]

CONTEXT = "Messages"  # the catalog context of every template marked in the non-Qt layers


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate reads
    """Mark ``text`` as a catalog source under ``context`` (a literal: lupdate reads the call);
    returns it unchanged."""
    return text


@dataclass(frozen=True, slots=True)
class Message:
    template: str  # the English source text, with {fields}
    values: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        if not self.values:
            return self.template
        return self.template.format(**{k: _english(v) for k, v in self.values.items()})


def _english(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)
