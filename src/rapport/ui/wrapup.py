"""The words for interactions: channel names, kinds and directions. The wrap-up codes come from
the hub's settings (:mod:`rapport.cache.hub_settings`); dispositions are stored as those codes,
like the ones that arrive from the contact-center system.
"""

from __future__ import annotations

CHANNEL_NAMES = {
    "phone": "Phone",
    "email": "Email",
    "chat": "Chat",
    "sms": "SMS",
    "store": "Store",
    "web": "Web",
    "app": "App",
    "social": "Social",
    "push": "Push",
}

# kind -> label, in the order offered.
KINDS: dict[str, str] = {
    "call": "Call",
    "chat": "Chat",
    "email": "Email",
    "sms": "SMS",
    "message": "Message",
    "visit": "Store visit",
    "appointment": "Appointment",
    "note": "Note",
}

DIRECTIONS: dict[str, str] = {"inbound": "Inbound", "outbound": "Outbound", "internal": "Internal"}

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


def default_kind(channel: str) -> str:
    return DEFAULT_KIND.get(channel, "note")


def label(code: str) -> str:
    """``no answer`` -> ``No answer``."""
    return code[:1].upper() + code[1:]


def channel_name(channel: str | None) -> str:
    return CHANNEL_NAMES.get(channel or "", (channel or "").capitalize())


def kind_name(kind: str | None) -> str:
    return KINDS.get(kind or "", (kind or "interaction").replace("_", " ").capitalize())
