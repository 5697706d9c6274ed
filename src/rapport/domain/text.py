"""Text the hub can store: no NUL character (PostgreSQL's text cannot hold it) and no lone
surrogate (UTF-8 cannot: the hub refuses both, and a write it refuses waits in the outbox until
someone redoes or dismisses it). Checked when the write is made, so the person typing sees which
field to correct. A lone surrogate reaches Python from bytes that were not UTF-8 (a command line,
a file), never from Qt, which drops them."""

from __future__ import annotations

from typing import Any

from rapport.domain.messages import QT_TRANSLATE_NOOP

_MAX_DEPTH = 64


def text_problem(text: str) -> str | None:
    if "\x00" in text:
        return QT_TRANSLATE_NOOP("Messages", "contains a NUL character (\\u0000)")
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return QT_TRANSLATE_NOOP(
                "Messages", "contains a character that is not valid text (a lone surrogate)"
            )
    return None


def find_bad_text(value: Any, depth: int = 0) -> str | None:
    """The problem of the first string (or key) in ``value`` the hub cannot store, or None."""
    if isinstance(value, str):
        return text_problem(value)
    if depth >= _MAX_DEPTH:
        return None
    if isinstance(value, dict):
        for key, sub in value.items():
            problem = (text_problem(key) if isinstance(key, str) else None) or find_bad_text(
                sub, depth + 1
            )
            if problem:
                return problem
    elif isinstance(value, list | tuple):
        for sub in value:
            if problem := find_bad_text(sub, depth + 1):
                return problem
    return None
