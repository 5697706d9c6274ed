"""The ``rapport hub import`` command: progress on stderr, then the rejected rows."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from rapport.hub.ingest.importer import count_lines, import_file, kind_of
from rapport.hub.service import Hub
from rapport.hub.store.db import database_url

_BAR = 30


def _bar(out: TextIO, done: int, total: int) -> None:
    filled = _BAR * done // max(total, 1)
    out.write(f"\r[{'#' * filled}{' ' * (_BAR - filled)}] {done:,}/{total:,} lines")
    out.flush()


def run_import(
    file: Path,
    data: Path | None,
    database: str | None,
    kind: str | None,
    source: str,
    out: TextIO | None = None,
) -> int:
    out = out or sys.stderr  # looked up per call: tests and wrappers replace sys.stderr
    if not file.is_file():
        print(f"rapport hub import: no file {file}", file=out)
        return 2
    kind = kind or kind_of(file)
    if kind is None:
        print("rapport hub import: say --kind customers, orders or interactions", file=out)
        return 2
    if database:
        url = database
    elif data:
        data.mkdir(parents=True, exist_ok=True)
        url = database_url(data)
    else:
        print("rapport hub import: give --data DIR or --database URL", file=out)
        return 2
    hub = Hub.open(url)
    total = count_lines(file)
    try:
        report = import_file(
            hub.systems, file, kind, source, progress=lambda line: _bar(out, line, total)
        )
    finally:
        hub.engine.dispose()
    _bar(out, total, total)
    out.write("\n")
    print(
        f"{kind}: {report.applied:,} of {report.records:,} records imported in "
        f"{report.seconds:.1f} s; {len(report.rejected):,} rejected",
        file=out,
    )
    for r in report.rejected:
        print(f"  line {r.line}: {r.reason}", file=out)
    return 1 if report.rejected else 0
