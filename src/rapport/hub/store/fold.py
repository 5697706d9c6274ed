"""Names folded for search: case and accents set aside, the same way on every database.

SQLite's lower() folds ASCII only, and PostgreSQL's depends on the database's locale (under "C",
ASCII only too), so the hub folds in Python when it writes a row and searches the folded copy:
"Émilie", "émilie" and "EMILIE" all find Émilie.
"""

from __future__ import annotations

import unicodedata

# Hub-only columns: (table, column, the replicated column it folds). Never sent to devices.
FOLDED = {"customer": (("given_key", "given_name"), ("family_key", "family_name"))}


def fold(text: str | None) -> str | None:
    """Case-folded, compatibility-decomposed, combining marks dropped (``Straße`` -> ``strasse``,
    ``Ørsted`` stays ``ørsted``: ø is a letter of its own, not o with a mark)."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
