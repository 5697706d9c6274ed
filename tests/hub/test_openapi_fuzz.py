"""Schemathesis against a real hub on 127.0.0.1: every operation of /openapi.json, with data that
fits the document and data that does not, signed in as an admin (a write key for the tracking API).
No request may get a server error, and every answer must be one the document describes.

Bounded: ``EXAMPLES`` cases per operation (valid and invalid data mixed), no shrinking, so the run
takes about a minute on a small machine. A failure lists every offending request, not only the
first. ``RAPPORT_FUZZ_EXAMPLES=300 RAPPORT_FUZZ_CHECKS=server`` makes a longer hunt.
"""

from __future__ import annotations

import base64
import os
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from rapport.hub.server import HubServer
from rapport.hub.service import Hub

from .conftest import customer_row
from .tracking_payloads import product_row, variant_row

EXAMPLES = int(os.environ.get("RAPPORT_FUZZ_EXAMPLES", "50"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
if os.environ.get("RAPPORT_FUZZ_CHECKS") == "server":  # a longer hunt for server errors only
    CHECKS = [not_a_server_error]
TRACKING = {"tracking"}


def _token(hub: Hub) -> str:
    # Straight from the hub: the fuzzed login route's wrong passwords throttle this address.
    found = hub.login("admin", "s3cret-pass")
    assert found is not None
    return found[1]


def _applicable(push: dict[str, Any]) -> None:
    """A fresh device numbered from 1, about customers that exist: so the hub applies the
    mutations (their handlers are what is fuzzed) instead of answering a gap or an unknown id."""
    mutations = push.get("mutations")
    if not isinstance(mutations, list):
        return
    push["device_id"] = f"fuzz-{uuid.uuid4()}"
    for n, m in enumerate(mutations, 1):
        if isinstance(m, dict):
            m["client_seq"] = n
            args = m.get("args")
            if isinstance(args, dict) and "customer_id" in args:
                args["customer_id"] = f"c-{2 + n % 4:04d}"


def _fuzz(
    server: HubServer,
    op: Any,
    label: str,
    examples: int,
    auth: Callable[[], str],
    ran: Counter[str],
    statuses: dict[str, Counter[int]],
    failures: list[str],
) -> None:
    strategy = op.as_strategy(generation_mode=GenerationMode.POSITIVE) | op.as_strategy(
        generation_mode=GenerationMode.NEGATIVE
    )

    @settings(max_examples=examples, deadline=None, database=None,
              phases=[Phase.explicit, Phase.generate],
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(case=strategy)
    def run(case: Any) -> None:
        if case.query and "wait" in case.query:
            case.query["wait"] = 0  # a long poll holds the request: not what is fuzzed here
        if case.path == "/v1/sync/push" and isinstance(case.body, dict):
            _applicable(case.body)
        ran[label] += 1
        response = case.call(base_url=server.url, headers={"Authorization": auth()}, timeout=30)
        statuses[label][response.status_code] += 1
        try:
            case.validate_response(response, checks=CHECKS)
        except (AssertionError, FailureGroup) as exc:  # collect them all: one run shows all
            found = exc.exceptions if isinstance(exc, FailureGroup) else (exc,)
            for failure in found:
                title = getattr(failure, "title", None) or str(failure).strip().split("\n")[0]
                failures.append(f"{label} -> {response.status_code}: {title[:200]}\n"
                                f"    {case.as_curl_command()[:400]}")  # fmt: skip

    run()


@pytest.mark.slow
def test_schemathesis_finds_no_server_error(server: HubServer, staff: Hub) -> None:
    # What the document's examples name (a customer by email and phone, a product by sku), so the
    # explicit phase reaches the code that applies a valid request, not only the refusals.
    staff.write("customer", [customer_row(i) for i in range(1, 6)])
    staff.write(
        "identity",
        [
            {"id": "i-ana", "customer_id": "c-0001", "kind": "email", "value": "ana@example.org"},
            {"id": "i-tel", "customer_id": "c-0001", "kind": "phone", "value": "+33612345678"},
        ],
    )
    staff.write("product", [product_row(1)])
    staff.write("variant", [variant_row(1, 1, None, "black")])
    write_key = staff.add_write_key("fuzz")
    basic = "Basic " + base64.b64encode(f"{write_key}:".encode()).decode()
    bearer = "Bearer " + _token(staff)
    schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    ran: Counter[str] = Counter()
    statuses: dict[str, Counter[int]] = defaultdict(Counter)
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    # Merges and erasures last: the customers the examples name are still there for the others.
    operations.sort(key=lambda op: op.path.startswith("/v1/admin/customers"))
    assert len(operations) >= 20

    for op in operations:
        label = f"{op.method.upper()} {op.path}"
        tags = set(op.definition.raw.get("tags") or [])
        if tags & TRACKING:
            auth: Callable[[], str] = lambda: basic  # noqa: E731
        elif op.path == "/v1/auth/logout":
            auth = lambda: "Bearer " + _token(staff)  # noqa: E731 (a token of its own to end)
        else:
            auth = lambda: bearer  # noqa: E731
        examples = 5 if op.path == "/v1/auth/logout" else EXAMPLES  # that one signs in per case
        _fuzz(server, op, label, examples, auth, ran, statuses, failures)

    total = sum(ran.values())
    print(f"schemathesis: {len(ran)} operations, {total} requests")
    for label, n in sorted(ran.items()):
        print(f"  {n:4d}  {label:48s} {dict(sorted(statuses[label].items()))}")
    assert len(ran) == len(operations)
    # After the run, the hub still answers and the admin token still works.
    me = httpx.get(f"{server.url}/v1/me", headers={"Authorization": bearer}, timeout=10)
    assert me.status_code == 200 and me.json()["username"] == "admin"
    assert not failures, f"{len(failures)} failing requests:\n" + "\n".join(failures[:60])
