"""Release numbers as the update notice compares them."""

from __future__ import annotations

import pytest

from rapport.domain.versions import is_newer


@pytest.mark.parametrize(
    ("announced", "running", "newer"),
    [
        ("0.2.0", "0.1.0", True),
        ("0.10.0", "0.9.3", True),  # numbers, not text
        ("1.5", "1.5.0", False),
        ("1.5.0", "1.5.0rc1", True),  # the final release is after its candidate
        ("1.5.0rc2", "1.5.0", False),
        ("0.1.0", "0.2.0", False),
        ("v2.0", "1.9", True),
        ("soon", "0.1.0", False),  # unreadable: never nag
    ],
)
def test_is_newer(announced: str, running: str, newer: bool) -> None:
    assert is_newer(announced, running) is newer
