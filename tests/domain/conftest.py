"""The domain tests read the sentences the English interface writes from the domain's facts."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _english(english: None) -> None:
    """English catalog loaded (its plural forms: "1 view", "2 views")."""
