"""Which database errors are worth retrying a whole request for: a request that hit one answers
503 and the sender tries again; any other fails the same way on every retry, so it must be the
refusal of the message or write that caused it, not of everything sent with it."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

# PostgreSQL SQLSTATE classes: connection exception, transaction rollback (deadlock,
# serialization failure), insufficient resources, operator intervention (statement timeout,
# shutdown); and lock_not_available (lock_timeout).
_PG_CLASSES = ("08", "40", "53", "57")
_PG_CODES = ("55P03",)
# SQLite primary result codes: busy, locked, out of memory, I/O error, disk full, cannot open.
_SQLITE_CODES = (5, 6, 7, 10, 13, 14)


def transient(exc: BaseException) -> bool:
    if isinstance(exc, PoolTimeout):
        return True
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    orig = exc.orig
    sqlstate = getattr(orig, "sqlstate", None)  # psycopg
    if isinstance(sqlstate, str):
        return sqlstate[:2] in _PG_CLASSES or sqlstate in _PG_CODES
    code = getattr(orig, "sqlite_errorcode", None)  # sqlite3
    if isinstance(code, int):
        return code & 0xFF in _SQLITE_CODES
    # No code to go by (a connection that failed to open): as the API has always taken it.
    return isinstance(exc, OperationalError)
