from __future__ import annotations

import pytest

from rapport.domain.hub_address import plain_http_warning


@pytest.mark.parametrize(
    "url",
    [
        "http://hub.example.com",
        "http://10.0.0.5:8765",
        "HTTP://Hub.Example.com/",
        "http://[2001:db8::1]:8765",
    ],
)
def test_plain_http_to_another_machine_is_warned_about(url: str) -> None:
    assert "unencrypted" in (plain_http_warning(url) or "")
    assert plain_http_warning(url, allowed=True) is None  # IT policy: allow_plain_http = true


@pytest.mark.parametrize(
    "url",
    ["https://hub.example.com", "http://127.0.0.1:8765", "http://127.1.2.3", "http://localhost:8765",
     "http://[::1]:8765", "http://hub.localhost", "", "not a url", "http://[bad"],
)  # fmt: skip
def test_https_and_this_machine_are_not(url: str) -> None:
    assert plain_http_warning(url) is None
