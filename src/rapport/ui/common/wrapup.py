"""The words for interactions: channel names, kinds and directions. The wrap-up codes come from
the hub's settings (:mod:`rapport.cache.hub_settings`); dispositions are stored as those codes,
like the ones that arrive from the contact-center system.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from rapport.cache.hub_settings import WrapUpCode
from rapport.protocol import DEFAULT_WRAPUP_CODES
from rapport.ui.common.i18n import TranslatedNames

# Labels as a heading or a button says them; read in the language of the moment.
CHANNEL_NAMES = TranslatedNames(
    "Wrapup",
    {
        "phone": QT_TRANSLATE_NOOP("Wrapup", "Phone"),
        "email": QT_TRANSLATE_NOOP("Wrapup", "Email"),
        "chat": QT_TRANSLATE_NOOP("Wrapup", "Chat"),
        "sms": QT_TRANSLATE_NOOP("Wrapup", "SMS"),
        "store": QT_TRANSLATE_NOOP("Wrapup", "Store"),
        "web": QT_TRANSLATE_NOOP("Wrapup", "Web"),
        "app": QT_TRANSLATE_NOOP("Wrapup", "App"),
        "social": QT_TRANSLATE_NOOP("Wrapup", "Social"),
        "push": QT_TRANSLATE_NOOP("Wrapup", "Push"),
    },
)

# kind -> label, in the order offered.
KINDS = TranslatedNames(
    "Wrapup",
    {
        "call": QT_TRANSLATE_NOOP("Wrapup", "Call"),
        "chat": QT_TRANSLATE_NOOP("Wrapup", "Chat"),
        "email": QT_TRANSLATE_NOOP("Wrapup", "Email"),
        "sms": QT_TRANSLATE_NOOP("Wrapup", "SMS"),
        "message": QT_TRANSLATE_NOOP("Wrapup", "Message"),
        "visit": QT_TRANSLATE_NOOP("Wrapup", "Store visit"),
        "appointment": QT_TRANSLATE_NOOP("Wrapup", "Appointment"),
        "note": QT_TRANSLATE_NOOP("Wrapup", "Note"),
    },
)

DIRECTIONS = TranslatedNames(
    "Wrapup",
    {
        "inbound": QT_TRANSLATE_NOOP("Wrapup", "Inbound"),
        "outbound": QT_TRANSLATE_NOOP("Wrapup", "Outbound"),
        "internal": QT_TRANSLATE_NOOP("Wrapup", "Internal"),
    },
)

# What an interaction on a channel usually is, until the agent says otherwise.
DEFAULT_KIND = {
    "phone": "call",
    "chat": "chat",
    "email": "email",
    "sms": "sms",
    "store": "visit",
    "social": "message",
    "app": "message",
}


# The hub's built-in wrap-up codes, in the agent's language while nobody has relabelled them (a
# label IT wrote is theirs, shown as written).
_BUILTIN_LABELS = {str(c["code"]): str(c["label"]) for c in DEFAULT_WRAPUP_CODES}
BUILTIN_CODE_LABELS = TranslatedNames(
    "Wrapup",
    {
        "resolved": QT_TRANSLATE_NOOP("Wrapup", "Resolved"),
        "information given": QT_TRANSLATE_NOOP("Wrapup", "Information given"),
        "sale": QT_TRANSLATE_NOOP("Wrapup", "Sale"),
        "callback": QT_TRANSLATE_NOOP("Wrapup", "Callback"),
        "escalated": QT_TRANSLATE_NOOP("Wrapup", "Escalated"),
        "transferred": QT_TRANSLATE_NOOP("Wrapup", "Transferred"),
        "no answer": QT_TRANSLATE_NOOP("Wrapup", "No answer"),
        "voicemail": QT_TRANSLATE_NOOP("Wrapup", "Voicemail"),
    },
)


def code_label(code: WrapUpCode) -> str:
    """A wrap-up code as the agent reads it: a built-in one in their language, unless relabelled."""
    if code.code in BUILTIN_CODE_LABELS and code.label == _BUILTIN_LABELS.get(code.code):
        return BUILTIN_CODE_LABELS[code.code]
    return code.label


def default_kind(channel: str) -> str:
    return DEFAULT_KIND.get(channel, "note")


def label(code: str) -> str:
    """``no answer`` -> ``No answer``."""
    return code[:1].upper() + code[1:]


def channel_name(channel: str | None) -> str:
    return CHANNEL_NAMES.get(channel or "", (channel or "").capitalize())


def kind_name(kind: str | None) -> str:
    if kind in KINDS:
        return KINDS[kind]
    if not kind:
        return QCoreApplication.translate("Wrapup", "Interaction")
    return kind.replace("_", " ").capitalize()
