"""Reading a JSON body that may hold values the hub refuses one by one.

orjson (fast, strict) reads nearly every body. It refuses the whole document for a NaN, an
Infinity, a number too large for a double or a lone surrogate escape (``"\\ud800"``); in a Segment
batch that would drop every message for one bad value. Such a body is read again with Python's
parser, which takes all of those, and :func:`rapport.hub.textcheck.refusal` then refuses only the
message that holds one, naming the field.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


class NotJson(ValueError):
    """The body is not JSON at all."""


def loads(body: bytes | bytearray | memoryview | str) -> Any:
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        pass
    try:
        text = body if isinstance(body, str) else bytes(body).decode("utf-8")
        return json.loads(text)
    except (ValueError, RecursionError) as exc:  # bad UTF-8 or JSON; too deep; too many digits
        raise NotJson("body is not valid JSON") from exc
