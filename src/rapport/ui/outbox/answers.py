"""What the status bar says when the hub answers a write with a refusal or keeps a newer value:
one short sentence (the outbox panel, Ctrl+Shift+O, has the details)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence

from rapport.cache.outbox import NOTICE, REJECTED
from rapport.cache.outbox_view import OutboxItem
from rapport.ui.common.i18n import Context
from rapport.ui.outbox.model import customer_text, reason_text
from rapport.ui.outbox.panel import OUTBOX_SHORTCUT

# What the hub refused, said with its article (French nouns have a gender).
_INTERACTION_NOUNS = {
    "call": QT_TRANSLATE_NOOP("HubAnswers", "a call"),
    "chat": QT_TRANSLATE_NOOP("HubAnswers", "a chat"),
    "email": QT_TRANSLATE_NOOP("HubAnswers", "an email"),
    "sms": QT_TRANSLATE_NOOP("HubAnswers", "an SMS"),
    "message": QT_TRANSLATE_NOOP("HubAnswers", "a message"),
    "visit": QT_TRANSLATE_NOOP("HubAnswers", "a store visit"),
    "appointment": QT_TRANSLATE_NOOP("HubAnswers", "an appointment"),
    "note": QT_TRANSLATE_NOOP("HubAnswers", "a note"),
}
HubAnswers = Context("HubAnswers")


def _write_noun(item: OutboxItem) -> str:
    if item.name == "interaction.log":
        noun = _INTERACTION_NOUNS.get(str(item.args.get("kind") or ""))
        return HubAnswers.tr(noun) if noun else HubAnswers.tr("an interaction")
    if item.name == "consent.set":
        return HubAnswers.tr("a consent change")
    if item.name == "customer.create":
        return HubAnswers.tr("a new customer")
    return HubAnswers.tr("a profile change")


def answer_message(fresh: list[OutboxItem]) -> str:
    """What the status bar says when the hub refused writes or kept newer values (the outbox
    panel has the details)."""
    keys = QKeySequence(OUTBOX_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
    rejected = [i for i in fresh if i.state == REJECTED]
    notices = [i for i in fresh if i.state == NOTICE]
    if len(fresh) == 1 and rejected:
        item = rejected[0]
        reason = reason_text(item).rstrip(".") or HubAnswers.tr("no reason given")
        return HubAnswers.tr("The hub refused {what} for {customer}: {reason} ({keys})").format(
            what=_write_noun(item), customer=customer_text(item), reason=reason, keys=keys
        )
    if len(fresh) == 1:
        item = notices[0]
        return HubAnswers.tr("The hub kept a newer value for {customer}: {reason}").format(
            customer=customer_text(item), reason=reason_text(item)
        )
    if rejected and notices:
        return HubAnswers.tr(
            "The hub refused %n change(s) and kept newer values for {kept} ({keys} to review)",
            "",
            len(rejected),
        ).format(kept=len(notices), keys=keys)
    if rejected:
        return HubAnswers.tr(
            "The hub refused %n change(s) ({keys} to review)", "", len(rejected)
        ).format(keys=keys)
    return HubAnswers.tr(
        "The hub kept newer values for %n change(s) ({keys} to review)", "", len(notices)
    ).format(keys=keys)
