"""The real analytics.js (@segment/analytics-next, from npm) in a real headless Chromium, on a shop
page of another origin than the hub's: it loads its settings from the hub, sends through CORS, and
the hub files the visit under the right customer.

Needs node, Debian's chromium and `npm ci` in this folder; skipped without them, except in CI
(``CI=true``), where it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from tests.hub.tracking_payloads import product_row, variant_row

from rapport.hub.server import HubServer
from rapport.hub.service import Hub
from rapport.hub.store.db import database_url

HERE = Path(__file__).parent
BUNDLE = HERE / "node_modules" / "@segment" / "analytics-next" / "dist" / "umd"
CHROMIUM = os.environ.get("RAPPORT_CHROMIUM", "/usr/bin/chromium")


def _missing() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed"
    if not Path(CHROMIUM).exists():
        return f"no chromium at {CHROMIUM}"
    if (
        not (BUNDLE / "index.js").exists()
        or not (HERE / "node_modules" / "playwright-core").exists()
    ):
        return "run `npm ci` in tests/browser"
    return None


@pytest.fixture(scope="module", autouse=True)
def _tools() -> None:
    reason = _missing()
    if reason is None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


class _Shop(SimpleHTTPRequestHandler):
    """The shop's site: its product page, and analytics.js served from its own origin."""

    page = b""

    def do_GET(self) -> None:
        if self.path in ("/", "/hoops/p-00001"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(self.page)))
            self.end_headers()
            self.wfile.write(self.page)
            return
        # /analytics-next/index.js and its lazily loaded chunks, from the npm package.
        self.path = self.path.removeprefix("/analytics-next").removeprefix("/bundles")
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[tuple[Hub, HubServer, str, str]]:
    hub = Hub.open(database_url(tmp_path))
    server = HubServer(hub).start()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Shop, directory=str(BUNDLE)))
    shop_origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield hub, server, shop_origin, server.url.removeprefix("http://")
    finally:
        httpd.shutdown()
        httpd.server_close()
        server.stop()
        hub.engine.dispose()


def _rows(hub: Hub, sql: str, *params: object) -> list[tuple]:
    with hub.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql, params)]


def test_analytics_next_in_chromium_reaches_the_right_customer(
    shop: tuple[Hub, HubServer, str, str],
) -> None:
    hub, _server, shop_origin, hub_host = shop
    # A customer the desk knows, by email; the shop's site allows its own origin on its key.
    hub.write("product", [product_row(1)])
    hub.write("variant", [variant_row(1, 1, None, "black")])
    hub.write("customer", [{"id": "c-0001", "given_name": "Given1", "family_name": "Family1",
                            "tier": "silver", "lifetime_value": 120_000, "currency": "EUR",
                            "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-01T00:00:00Z",
                            "version": 1}])  # fmt: skip
    hub.write("identity", [{"id": "i-1", "customer_id": "c-0001", "kind": "email",
                            "value": "ana@example.org", "normalized": "ana@example.org",
                            "is_primary": 1, "created_at": "2025-01-01T00:00:00Z"}])  # fmt: skip
    key = hub.add_write_key("shop", origins=[shop_origin])
    _Shop.page = (
        (HERE / "shop.html").read_text().replace("HUB_HOST", hub_host).replace("WRITE_KEY", key)
    ).encode()
    run = subprocess.run(
        ["node", str(HERE / "drive.js"), f"{shop_origin}/hoops/p-00001", "30000"],
        capture_output=True,
        text=True,
        timeout=90,
        cwd=HERE,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["result"]["failed"] == [], report
    assert (report["errors"], report["failed"], report["refused"]) == ([], [], []), report
    anon = report["result"]["anonymousId"]
    events = _rows(
        hub, "SELECT event, customer_id, product_id, device FROM web_event ORDER BY event"
    )
    assert events == [
        ("Page Viewed", "c-0001", None, "desktop"),
        ("Product Added", "c-0001", "p-00001", "desktop"),
        ("Product Viewed", "c-0001", "p-00001", "desktop"),
    ]
    kinds = _rows(hub, "SELECT kind, normalized FROM identity WHERE customer_id = 'c-0001'"
                  " ORDER BY kind")  # fmt: skip
    assert kinds == [("anonymous_id", anon), ("email", "ana@example.org"),
                     ("user_id", "shop-user-1001")]  # fmt: skip
    assert _rows(hub, "SELECT count(*) FROM ingest_pending_event") == [(0,)]
