"""Comparing release numbers the way our releases are numbered (``1.4.2``, ``1.5.0rc1``)."""

from __future__ import annotations

import re

_RELEASE = re.compile(r"^\s*v?(\d+(?:\.\d+)*)(.*)$")


def release_key(version: str) -> tuple[tuple[int, ...], int, str]:
    """Numbers first; then a final release sorts above its pre-releases (``1.5.0rc1`` < ``1.5.0``)."""
    match = _RELEASE.match(version)
    if match is None:
        return ((), 0, version)
    numbers = tuple(int(part) for part in match.group(1).split("."))
    while len(numbers) > 1 and numbers[-1] == 0:  # 1.5 == 1.5.0
        numbers = numbers[:-1]
    suffix = match.group(2).strip()
    return (numbers, 0 if suffix else 1, suffix)


def is_newer(announced: str, running: str) -> bool:
    """Whether ``announced`` is a later release than ``running``; unreadable versions never are."""
    if not _RELEASE.match(announced):
        return False
    return release_key(announced) > release_key(running)
