"""Canonical forms of identifiers, so the same person typed three ways is found one way."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rapport.domain.phones import normalize_phone


def normalize_identity(kind: str, value: str | None, default_region: str) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if kind == "phone":
        return normalize_phone(value, default_region)
    if kind == "email":
        return value.lower()
    if kind == "loyalty":
        return value.upper()
    return value


def normalize_identity_rows(
    rows: Sequence[Mapping[str, Any]], default_region: str
) -> list[Mapping[str, Any]]:
    out: list[Mapping[str, Any]] = []
    for r in rows:
        if r.get("normalized"):
            out.append(r)
        else:
            out.append(
                {**r, "normalized": normalize_identity(r["kind"], r.get("value"), default_region)}
            )
    return out
