"""Whether the hub's address sends everything in clear: ``http://`` to another machine carries the
password at sign-in, the bearer token and every customer's data readable by anyone on the path.
A hub on this machine (the demo, a hub behind a local TLS proxy) is fine over http."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

PLAIN_HTTP_WARNING = (
    "The hub address starts with http://, so passwords and customer data cross the network "
    "unencrypted. Ask IT for its https:// address."
)


def is_loopback(host: str) -> bool:
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def plain_http_warning(url: str, allowed: bool = False) -> str | None:
    """The warning to show for ``url``, or None (https, a loopback hub, or IT allowed it:
    ``allow_plain_http`` in the policy, for a network IT encrypts another way)."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        return None
    if allowed or parts.scheme.lower() != "http" or not host or is_loopback(host):
        return None
    return PLAIN_HTTP_WARNING
