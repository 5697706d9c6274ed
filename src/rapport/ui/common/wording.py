"""The sentences the customer screen reads out of facts: the one-second web intent, the reasons of
the next best actions, the titles and details of timeline entries. One module, every word through
Qt translation (``rapport.ui.common.i18n``), plurals by Qt's numerus forms (``"%n view(s)"`` is "1 view",
"2 views" in the English catalog and "1 vue", "2 vues" in the French one).

The facts come from ``rapport.domain`` (intent, next best action) and ``rapport.cache.queries``
(timeline); none of them holds a word of English. Product, category and store names, codes and what
people wrote are data and are shown as they are.

Fragments are joined by templates with named fields (``"Bought {what} {when}"``) so a translation
may put them in its own order; the English and French catalogs give the separators too ("; " and
"\u00a0; ").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate

from rapport.cache.queries import TimelineEntry, WebSession
from rapport.domain.intent import PendingCart, Purchase, Research, Summary
from rapport.domain.next_best_action import (
    CartIncentive,
    GoesWith,
    MissingConsent,
    OfferReminder,
    OpenIssue,
    QuietVip,
    RecentPurchase,
    Suggestion,
)
from rapport.ui.common import format as fmt
from rapport.ui.common.i18n import Context, TranslatedNames

__all__ = [
    "MAX_SENTENCE",
    "and_list",
    "appointment_type_name",
    "channel_name",
    "days_ago",
    "device_name",
    "disposition_text",
    "intent_sentence",
    "quote",
    "suggestion_title",
    "suggestion_why",
    "tier_name",
    "timeline_detail",
    "timeline_title",
]

Money = Callable[[int, str], str]

# The banner has room for about this much; a clause that would pass it is left out.
MAX_SENTENCE = 120
# A product name in a suggestion's title is cut at a word past this.
_MAX_TITLE_NAME = 40
# Room for the quoted searches in the intent sentence, by where they go.
_SEARCH_BUDGET_CLAUSE = 40
_SEARCH_BUDGET_MAIN = 60

Words = Context("Words")
IntentWords = Context("IntentWords")
ActionWords = Context("ActionWords")
TimelineWords = Context("TimelineWords")


# --------------------------------------------------------------------------------------------------
# Shared words


def days_ago(days: int) -> str:
    """``today``, ``yesterday``, ``3 days ago``: how long ago, in calendar days."""
    if days <= 0:
        return Words.tr("today")
    if days == 1:
        return Words.tr("yesterday")
    return Words.tr("%n day(s) ago", "", days)


def and_list(words: Sequence[str]) -> str:
    """``email``, ``email and SMS``, ``email, SMS and phone``."""
    if len(words) <= 1:
        return "".join(words)
    head = Words.tr(", ", "between the items of a list but the last two").join(words[:-1])
    return Words.tr("{items} and {last}", "a list of several things").format(
        items=head, last=words[-1]
    )


def channel_name(channel: str) -> str:
    """A channel in running text: ``opted in to email and SMS``, ``Email offer``."""
    names = {
        "email": Words.tr("email", "channel"),
        "sms": Words.tr("SMS", "channel"),
        "phone": Words.tr("phone", "channel"),
        "push": Words.tr("push", "channel"),
        "mail": Words.tr("mail", "channel: letters by post"),
        "app": Words.tr("app", "channel"),
        "social": Words.tr("social", "channel: social networks"),
        "web": Words.tr("web", "channel"),
        "store": Words.tr("store", "channel"),
        "chat": Words.tr("chat", "channel"),
    }
    return names.get(channel, channel)


def device_name(device: str) -> str:
    """``desktop``, ``mobile``, ``tablet`` as the agent's language says them; others as sent."""
    names = {
        "desktop": Words.tr("desktop", "device"),
        "mobile": Words.tr("mobile", "device"),
        "tablet": Words.tr("tablet", "device"),
    }
    return names.get(device, device)


def quote(text: str) -> str:
    return Words.tr("“{text}”", "quoting what someone typed or wrote").format(text=text)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------------------------------
# The web intent sentence


def _views(r: Research) -> str:
    views = IntentWords.tr("%n view(s)", "", r.views)
    if r.days > 1:
        text = IntentWords.tr("{views} over %n day(s)", "", r.days).format(views=views)
    elif r.days_ago is not None:
        text = IntentWords.tr("{views} {when}").format(views=views, when=days_ago(r.days_ago))
    else:
        text = views
    # One device is the usual case and not worth the words.
    if r.devices > 1:
        text = IntentWords.tr("{views} on %n device(s)", "", r.devices).format(views=text)
    return text


def _searches(terms: Sequence[str], budget: int) -> str:
    sep = Words.tr(", ", "between the items of a list but the last two")
    quoted: list[str] = []
    for term in terms:
        candidate = quote(term)
        if quoted and len(sep.join([*quoted, candidate])) > budget:
            break
        quoted.append(candidate)
    return sep.join(quoted)


def _what(p: Purchase, money: Money) -> str:
    if p.product is not None:
        if p.others <= 0:
            return p.product
        return IntentWords.tr("{product} and %n other item(s)", "", p.others).format(
            product=p.product
        )
    if p.value is not None:
        return IntentWords.tr("an order of {amount}").format(amount=money(p.value, p.currency))
    return IntentWords.tr("an order")


def _bought_clause(p: Purchase, money: Money) -> str:
    return IntentWords.tr("bought {what} {when}", "a clause after the main one").format(
        what=_what(p, money), when=days_ago(p.days_ago)
    )


def _cart_clause(cart: PendingCart, money: Money) -> str:
    amount = money(cart.value, cart.currency)
    if cart.status == "open":
        return IntentWords.tr("cart of {amount} still open").format(amount=amount)
    return IntentWords.tr("cart of {amount} abandoned {when}").format(
        amount=amount, when=days_ago(cart.days_ago)
    )


def _join(main: str, clauses: Sequence[str]) -> str:
    sep = IntentWords.tr("; ", "between the clauses of the intent sentence")
    sentence = main
    for clause in clauses:
        if len(sentence) + len(sep) + len(clause) <= MAX_SENTENCE:
            sentence += sep + clause
    return sentence


def intent_sentence(summary: Summary, money: Money = fmt.compact_money) -> str:
    """ "Researching basketball hoops: 9 views over 3 days on 2 devices; cart of €349 abandoned
    yesterday": at most :data:`MAX_SENTENCE` characters, the main clause first and then as many of
    the others as fit."""
    s = summary
    if s.kind == "none":
        return IntentWords.tr("No web activity in the last %n day(s)", "", s.window_days)

    if s.kind == "bought" and s.purchase is not None:
        what, when = _what(s.purchase, money), days_ago(s.purchase.days_ago)
        if s.research is not None and s.topic is not None:
            views = IntentWords.tr("%n view(s)", "", s.research.views)
            if s.research.days > 1:
                views = IntentWords.tr("{views} over %n day(s)", "", s.research.days).format(
                    views=views
                )
            main = IntentWords.tr("Bought {what} {when} after researching {topic} ({views})")
            main = main.format(what=what, when=when, topic=s.topic, views=views)
            if len(main) <= MAX_SENTENCE:
                return main
        # Without the research when it does not fit: a whole clause rather than a cut one.
        main = IntentWords.tr("Bought {what} {when}").format(what=what, when=when)
        return _clip(main, MAX_SENTENCE)

    cart = _cart_clause(s.cart, money) if s.cart is not None else None
    bought = _bought_clause(s.purchase, money) if s.purchase is not None else None

    if s.kind in ("researching", "interested") and s.topic is not None:
        if s.research is not None:
            main = IntentWords.tr("Researching {topic}: {views}").format(
                topic=s.topic, views=_views(s.research)
            )
        else:
            main = IntentWords.tr("Interested in {topic}").format(topic=s.topic)
        clauses = [c for c in (cart, bought) if c]
        if s.searches:
            clauses.append(
                IntentWords.tr("searched {terms}").format(
                    terms=_searches(s.searches, _SEARCH_BUDGET_CLAUSE)
                )
            )
        return _clip(_join(main, clauses), MAX_SENTENCE)

    if s.kind == "searched":
        terms = _searches(s.searches, _SEARCH_BUDGET_MAIN)
        when = (
            IntentWords.tr("over %n day(s)", "", s.search_days)
            if s.search_days > 1
            else days_ago(s.days_ago)
        )
        if s.search_count > 1:
            main = IntentWords.tr("Searched for {terms} (%n searches) {when}", "", s.search_count)
        else:
            main = IntentWords.tr("Searched for {terms} {when}")
        main = main.format(terms=terms, when=when)
        return _clip(_join(main, [c for c in (cart, bought) if c]), MAX_SENTENCE)

    if s.kind == "cart" and cart is not None:
        return _clip(_join(_capital(cart), [bought] if bought else []), MAX_SENTENCE)

    if s.kind == "visited":
        return IntentWords.tr("Visited the site {when} (%n page view(s))", "", s.pages).format(
            when=days_ago(s.days_ago)
        )
    return IntentWords.tr("Active on the site {when}").format(when=days_ago(s.days_ago))


# --------------------------------------------------------------------------------------------------
# Next best actions


def _short(name: str) -> str:
    """A product name for a title: cut at a word, not mid-word."""
    if len(name) <= _MAX_TITLE_NAME:
        return name
    return name[: _MAX_TITLE_NAME - 1].rsplit(" ", 1)[0].rstrip(" ,;-") + "…"


def _channels(channels: Sequence[str]) -> str:
    return and_list([channel_name(c) for c in channels])


def _contact_kind(kind: str) -> str:
    names = {
        "call": ActionWords.tr("call", "a contact"),
        "chat": ActionWords.tr("chat", "a contact"),
        "email": ActionWords.tr("email", "a contact"),
        "message": ActionWords.tr("message", "a contact"),
        "visit": ActionWords.tr("visit", "a contact"),
        "form": ActionWords.tr("form", "a contact"),
        "sms": ActionWords.tr("SMS", "a contact"),
    }
    return names.get(kind, kind)


# rapport.cache.tasks.APPOINTMENT_TYPES, stored in English; shown in the agent's language.
_APPOINTMENT_TYPES = TranslatedNames(
    "AppointmentTypes",
    {
        "browsing": QT_TRANSLATE_NOOP("AppointmentTypes", "browsing"),
        "ring sizing": QT_TRANSLATE_NOOP("AppointmentTypes", "ring sizing"),
        "financing options": QT_TRANSLATE_NOOP("AppointmentTypes", "financing options"),
        "fitting": QT_TRANSLATE_NOOP("AppointmentTypes", "fitting"),
        "repair pickup": QT_TRANSLATE_NOOP("AppointmentTypes", "repair pickup"),
        "engraving": QT_TRANSLATE_NOOP("AppointmentTypes", "engraving"),
        "personal styling": QT_TRANSLATE_NOOP("AppointmentTypes", "personal styling"),
    },
)


def appointment_type_name(code: str) -> str:
    """``ring sizing`` as the agent's language says it (lower case, for a sentence); a type that
    is not one of ours is shown as written."""
    return _APPOINTMENT_TYPES.get(code.strip().lower(), code)


def tier_name(tier: str) -> str:
    """``Gold``: a loyalty tier as the agent's language says it; an unknown one as sent."""
    names = {
        "platinum": ActionWords.tr("Platinum", "tier"),
        "gold": ActionWords.tr("Gold", "tier"),
        "silver": ActionWords.tr("Silver", "tier"),
        "bronze": ActionWords.tr("Bronze", "tier"),
    }
    return names.get(tier, tier.capitalize())


def _day_month(day: date) -> str:
    # The pattern is the catalog's: "30 Nov" in English, "30 novembre" in French (whose short
    # month names end in a period, which would meet the sentence's own).
    pattern = ActionWords.tr("d MMM", "Qt date format of a day in a sentence: 30 Nov")
    return fmt.locale().toString(QDate(day.year, day.month, day.day), pattern)


def suggestion_title(s: Suggestion) -> str:
    """What to do, in a few words: "Offer an incentive on the Spalding NBA…"."""
    f = s.facts
    if isinstance(f, OpenIssue):
        if f.callback:
            return ActionWords.tr("Call back first: a callback is pending")
        return ActionWords.tr("Resolve the open issue first")
    if isinstance(f, RecentPurchase):
        if f.product is None:
            return ActionWords.tr("Thank them for their order")
        return ActionWords.tr("Thank them for the {product}").format(product=_short(f.product))
    if isinstance(f, GoesWith):
        if f.product is None:
            return ActionWords.tr("Suggest what goes with their order")
        return ActionWords.tr("Suggest what goes with the {product}").format(
            product=_short(f.product)
        )
    if isinstance(f, CartIncentive):
        return ActionWords.tr("Offer an incentive on the {product}").format(
            product=_short(f.product)
        )
    if isinstance(f, OfferReminder):
        return ActionWords.tr("Remind them of offer {code}").format(code=f.code)
    if isinstance(f, QuietVip):
        return ActionWords.tr("Reach out personally")
    assert isinstance(f, MissingConsent)
    return ActionWords.tr("Ask about {channels} consent").format(channels=_channels(f.unknown))


def _issue_why(f: OpenIssue) -> str:
    if f.callback:
        head = ActionWords.tr("Callback promised on a {contact} {when}")
    else:
        head = ActionWords.tr("Escalated {contact} {when}")
    head = head.format(contact=_contact_kind(f.kind), when=days_ago(f.days_ago))
    if f.summary:
        head = ActionWords.tr("{reason} ({quote})").format(reason=head, quote=quote(f.summary))
    if f.later_contacts:
        return ActionWords.tr(
            "{reason}; not resolved since despite %n later contact(s).", "", f.later_contacts
        ).format(reason=head)
    return ActionWords.tr("{reason}; not resolved since.").format(reason=head)


def _purchase_why(f: RecentPurchase) -> str:
    if f.product is None:
        what = ActionWords.tr("an order")
    elif f.others:
        what = ActionWords.tr("{product} and %n more", "", f.others).format(product=f.product)
    else:
        what = f.product
    where = {
        "store": ActionWords.tr("Bought {what} in store {when} (order {number})"),
        "web": ActionWords.tr("Bought {what} online {when} (order {number})"),
        "phone": ActionWords.tr("Bought {what} by phone {when} (order {number})"),
    }.get(f.channel) or ActionWords.tr("Bought {what} {when} (order {number})")
    head = where.format(what=what, when=days_ago(f.days_ago), number=f.order_number)
    return ActionWords.tr("{reason}; ask how it is going before anything else.").format(reason=head)


def _incentive_why(f: CartIncentive, money: Money) -> str:
    amount = money(f.value, f.currency)
    when = days_ago(f.days_ago)
    head = (
        ActionWords.tr(
            "Left a cart of {amount} with the {product} {when} after %n view(s)", "", f.views
        )
        if f.views > 1
        else ActionWords.tr("Left a cart of {amount} with the {product} {when}")
    ).format(amount=amount, product=f.product, when=when)
    return ActionWords.tr("{reason}; opted in to {channels}.").format(
        reason=head, channels=_channels(f.channels)
    )


def suggestion_why(s: Suggestion, money: Money = fmt.compact_money) -> str:
    """The facts behind a suggestion, in one sentence."""
    f = s.facts
    if isinstance(f, OpenIssue):
        return _issue_why(f)
    if isinstance(f, RecentPurchase):
        return _purchase_why(f)
    if isinstance(f, GoesWith):
        names = and_list(list(f.related))
        if f.product is None:
            return ActionWords.tr("Goes with their order of {when}: {products}.").format(
                when=days_ago(f.days_ago), products=names
            )
        return ActionWords.tr("Goes with the {product} bought {when}: {products}.").format(
            product=f.product, when=days_ago(f.days_ago), products=names
        )
    if isinstance(f, CartIncentive):
        return _incentive_why(f, money)
    if isinstance(f, OfferReminder):
        what = quote(f.description) if f.description else f.code
        if f.channel and f.sent_days_ago is not None:
            sent = ActionWords.tr("{offer} sent by {channel} {when}").format(
                offer=what, channel=channel_name(f.channel), when=days_ago(f.sent_days_ago)
            )
        elif f.channel:
            sent = ActionWords.tr("{offer} sent by {channel}").format(
                offer=what, channel=channel_name(f.channel)
            )
        elif f.sent_days_ago is not None:
            sent = ActionWords.tr("{offer} sent {when}").format(
                offer=what, when=days_ago(f.sent_days_ago)
            )
        else:
            sent = ActionWords.tr("{offer} sent").format(offer=what)
        if f.expires_on is not None:
            return ActionWords.tr("{sent}, not used yet, valid until {day}.").format(
                sent=sent, day=_day_month(f.expires_on)
            )
        return ActionWords.tr("{sent}, not used yet.").format(sent=sent)
    if isinstance(f, QuietVip):
        if f.days_since is None:
            return ActionWords.tr("{tier} customer with no contact on record.").format(
                tier=tier_name(f.tier)
            )
        return ActionWords.tr(
            "{tier} customer with no contact for %n day(s).", "", f.days_since
        ).format(tier=tier_name(f.tier))
    assert isinstance(f, MissingConsent)
    unknown = _channels(f.unknown)
    if f.granted:
        return ActionWords.tr("Never asked about {channels} (opted in to {granted}).").format(
            channels=unknown, granted=_channels(f.granted)
        )
    return ActionWords.tr("Never asked about {channels}; no channel is opted in yet.").format(
        channels=unknown
    )


# --------------------------------------------------------------------------------------------------
# Timeline entries


def _duration(seconds: int | None) -> str | None:
    if seconds is None or seconds < 0:
        return None
    if seconds < 60:
        return TimelineWords.tr("{n} s", "a duration in seconds").format(n=seconds)
    minutes = round(seconds / 60)
    if minutes < 60:
        return TimelineWords.tr("{n} min", "a duration in minutes").format(n=minutes)
    return TimelineWords.tr("{h} h {mm}", "a duration in hours and minutes").format(
        h=minutes // 60, mm=f"{minutes % 60:02d}"
    )


def _with(title: str, extra: str | None) -> str:
    if not extra:
        return title
    return TimelineWords.tr("{title} · {extra}", "a title and a detail of it").format(
        title=title, extra=extra
    )


def _order_title(e: TimelineEntry) -> str:
    number = e.reference or ""
    titles = {
        "web": TimelineWords.tr("Web order {number}"),
        "store": TimelineWords.tr("Store purchase {number}"),
        "phone": TimelineWords.tr("Phone order {number}"),
    }
    title = titles.get(e.channel) or TimelineWords.tr("Order {number}")
    return title.format(number=number).strip()


def timeline_title(e: TimelineEntry) -> str:
    """ "Inbound call · 12 min", "Web order W-2026-001002", "Web session on mobile"."""
    inbound = e.direction == "inbound"
    kind = e.kind
    if kind == "order":
        return _order_title(e)
    if kind == "session":
        devices = e.session.devices if e.session else ()
        if not devices:
            return TimelineWords.tr("Web session")
        return TimelineWords.tr("Web session on {devices}").format(
            devices=and_list([device_name(d) for d in devices])
        )
    if kind == "call":
        title = TimelineWords.tr("Inbound call") if inbound else TimelineWords.tr("Outbound call")
        return _with(title, _duration(e.duration_s))
    if kind == "chat":
        return _with(TimelineWords.tr("Chat"), _duration(e.duration_s))
    if kind == "email":
        return TimelineWords.tr("Email received") if inbound else TimelineWords.tr("Email sent")
    if kind == "sms":
        return TimelineWords.tr("SMS received") if inbound else TimelineWords.tr("SMS sent")
    if kind == "visit":
        return TimelineWords.tr("Store visit")
    if kind == "appointment":
        title = (
            TimelineWords.tr("Appointment: {subject}").format(
                subject=appointment_type_name(e.subject)
            )
            if e.subject
            else TimelineWords.tr("Appointment")
        )
        minutes = TimelineWords.tr("{n} min", "a duration in minutes").format(n=e.minutes)
        return _with(title, minutes if e.minutes is not None else None)
    if kind == "campaign":
        if not e.offer:
            return TimelineWords.tr("Newsletter")
        return _capital(TimelineWords.tr("{channel} offer").format(channel=channel_name(e.channel)))
    if kind == "survey":
        score = f"{e.score}/{e.scale}" if e.score is not None and e.scale else None
        return _with(TimelineWords.tr("Survey"), score)
    if kind == "note":
        return TimelineWords.tr("Note")
    if kind == "message":
        return _capital(
            TimelineWords.tr("{channel} message").format(channel=channel_name(e.channel))
        )
    if kind == "review":
        return _capital(
            TimelineWords.tr("{channel} review").format(channel=channel_name(e.channel))
        )
    if kind == "form":
        return TimelineWords.tr("Contact form")
    # A kind this version does not know: its own name, made readable.
    return _capital((kind or e.channel).replace("_", " ")) or TimelineWords.tr("Activity")


def _session_detail(s: WebSession) -> str:
    parts = []
    if s.product_views:
        views = TimelineWords.tr("%n product view(s)", "", s.product_views)
        if s.category:
            views = TimelineWords.tr("{views} in {category}").format(
                views=views, category=s.category
            )
        parts.append(views)
    elif s.page_views:
        parts.append(TimelineWords.tr("%n page view(s)", "", s.page_views))
    if s.searches:
        sep = Words.tr(", ", "between the items of a list but the last two")
        parts.append(
            TimelineWords.tr("searched {terms}").format(
                terms=sep.join(quote(q) for q in s.searches)
            )
        )
    if s.added_to_cart:
        parts.append(TimelineWords.tr("added to cart"))
    if s.ordered:
        parts.append(TimelineWords.tr("ordered"))
    elif s.checkout:
        parts.append(TimelineWords.tr("started checkout"))
    if not parts:
        return TimelineWords.tr("%n event(s)", "", s.events)
    return _capital(TimelineWords.tr(", ", "between the parts of a web session").join(parts))


# The chip at the right of a timeline entry: an order's status or an interaction's wrap-up code,
# stored as codes; shown in the agent's language (a code of IT's own is shown as written).
_ORDER_STATUSES = TranslatedNames(
    "TimelineWords",
    {
        "processing": QT_TRANSLATE_NOOP("TimelineWords", "processing"),
        "shipped": QT_TRANSLATE_NOOP("TimelineWords", "shipped"),
        "delivered": QT_TRANSLATE_NOOP("TimelineWords", "delivered"),
        "completed": QT_TRANSLATE_NOOP("TimelineWords", "completed"),
        "cancelled": QT_TRANSLATE_NOOP("TimelineWords", "cancelled"),
        "returned": QT_TRANSLATE_NOOP("TimelineWords", "returned"),
    },
)
_WRAP_UP_CODES = TranslatedNames(
    "TimelineWords",
    {
        "resolved": QT_TRANSLATE_NOOP("TimelineWords", "resolved"),
        "information given": QT_TRANSLATE_NOOP("TimelineWords", "information given"),
        "sale": QT_TRANSLATE_NOOP("TimelineWords", "sale"),
        "callback": QT_TRANSLATE_NOOP("TimelineWords", "callback"),
        "escalated": QT_TRANSLATE_NOOP("TimelineWords", "escalated"),
        "transferred": QT_TRANSLATE_NOOP("TimelineWords", "transferred"),
        "no answer": QT_TRANSLATE_NOOP("TimelineWords", "no answer"),
        "voicemail": QT_TRANSLATE_NOOP("TimelineWords", "voicemail"),
    },
)


def disposition_text(kind: str, code: str) -> str:
    """``completed`` (an order), ``callback`` (a call's wrap-up) as the agent's language says it."""
    names = _ORDER_STATUSES if kind == "order" else _WRAP_UP_CODES
    return names.get(code, code)


def timeline_detail(e: TimelineEntry) -> str:
    """The line under the title: what was written about an interaction, what an order held, what
    a web session did."""
    if e.session is not None:
        return _session_detail(e.session)
    if e.kind == "order":
        items = e.items
        if items is None:
            return ""
        first = items.first or TimelineWords.tr("item", "an order line without a name")
        text = (
            first
            if items.lines == 1
            else TimelineWords.tr("{first} and %n more", "", items.lines - 1).format(first=first)
        )
        if items.quantity > 1:
            text = TimelineWords.tr("%n items: {items}", "", items.quantity).format(items=text)
        if items.returned:
            text = TimelineWords.tr("{items} (%n returned)", "", items.returned).format(items=text)
        return text
    if e.answer:
        return TimelineWords.tr("{summary} — {answer}").format(
            summary=e.summary, answer=quote(e.answer)
        )
    return e.summary
