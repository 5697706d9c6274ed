"""The settings analytics.js (analytics-next) loads from ``{cdnURL}/v1/projects/{writeKey}/settings``
before anything else: with the hub as its cdnURL, they send every event to the hub.

Only what the library reads is here: the ``Segment.io`` destination (its key, host and protocol),
a tracking plan that lets every event through, and metrics switched off (it would post its own
counters to ``/v1/m``; the hub accepts and drops them, but there is no point in the traffic).
No device-mode destinations, so no other script is loaded from a CDN.
"""

from __future__ import annotations

from typing import Any


def settings(write_key: str, scheme: str, host_and_path: str) -> dict[str, Any]:
    """``host_and_path``: where the browser reaches the hub, ``hub.example`` or ``hub.example/x``
    behind a proxy's path prefix (no trailing slash)."""
    api_host = f"{host_and_path.rstrip('/')}/v1"
    return {
        "integrations": {
            "Segment.io": {
                "apiKey": write_key,
                "apiHost": api_host,
                "protocol": scheme,
                "addBundledMetadata": True,
                "unbundledIntegrations": [],
                "maybeBundledConfigIds": {},
            }
        },
        "plan": {
            "track": {"__default": {"enabled": True, "integrations": {}}},
            "identify": {"__default": {"enabled": True}},
            "group": {"__default": {"enabled": True}},
        },
        "enabledMiddleware": {},
        "middlewareSettings": {},
        "metrics": {"sampleRate": 0, "host": api_host},
        "remotePlugins": [],
        "legacyVideoPluginsEnabled": False,
    }
