"""``rapport hub import``: customers, orders and interactions from a CRM export (CSV or JSON
Lines), in chunks through :class:`rapport.hub.ingest.systems.Systems`, with progress and the line
number and reason of every rejected row."""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from rapport.hub.ingest.systems import KINDS, Systems

_LINE_FIELDS = (
    "sku", "product_id", "name", "quantity", "unit_price", "returned_quantity", "return_reason",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Rejected:
    line: int
    reason: str


@dataclass(slots=True)
class ImportReport:
    kind: str
    records: int = 0
    applied: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    seconds: float = 0.0


class _Unreadable:
    def __init__(self, reason: str) -> None:
        self.reason = reason


def kind_of(path: Path) -> str | None:
    """customers, orders or interactions, from a file name such as ``crm-orders-2026.csv``."""
    stem = path.name.lower()
    for kind in KINDS:
        if kind.rstrip("s") in stem:
            return kind
    return None


def count_lines(path: Path) -> int:
    with path.open("rb") as f:
        return sum(1 for _ in f)


def _json_lines(path: Path) -> Iterator[tuple[int, Any]]:
    with path.open("rb") as f:
        for n, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            try:
                yield n, orjson.loads(raw)
            except orjson.JSONDecodeError:
                yield n, _Unreadable("not valid JSON")


def _csv_rows(path: Path, kind: str) -> Iterator[tuple[int, Any]]:
    with path.open(newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        if kind != "orders":
            for row in reader:
                yield reader.line_num, dict(row)
            return
        # One row per order line, the order's columns repeated: consecutive rows with the same
        # external_id are one order, reported at its first line.
        order: dict[str, Any] | None = None
        first = 0
        for row in reader:
            line = {k: row.get(k) for k in _LINE_FIELDS}
            if order is not None and row.get("external_id") == order.get("external_id"):
                order["lines"].append(line)
                continue
            if order is not None:
                yield first, order
            first = reader.line_num
            order = {k: v for k, v in row.items() if k not in _LINE_FIELDS}
            order["lines"] = [line]
        if order is not None:
            yield first, order


def read_records(path: Path, kind: str) -> Iterator[tuple[int, Any]]:
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        return _json_lines(path)
    return _csv_rows(path, kind)


def import_file(
    systems: Systems,
    path: Path,
    kind: str,
    source: str,
    chunk: int = 500,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """``progress`` receives the last line number read after each chunk."""
    started = time.perf_counter()
    report = ImportReport(kind)
    batch: list[tuple[int, Any]] = []

    def flush() -> None:
        readable = [(n, r) for n, r in batch if not isinstance(r, _Unreadable)]
        report.rejected += [Rejected(n, r.reason) for n, r in batch if isinstance(r, _Unreadable)]
        result = systems.apply(kind, source, [r for _n, r in readable])
        report.applied += len(result.results)
        report.rejected += [Rejected(readable[i][0], why) for i, why in result.rejected.items()]
        if progress and batch:
            progress(batch[-1][0])
        batch.clear()

    for n, rec in read_records(path, kind):
        report.records += 1
        batch.append((n, rec))
        if len(batch) >= chunk:
            flush()
    flush()
    report.rejected.sort(key=lambda r: r.line)
    report.seconds = time.perf_counter() - started
    return report
