"""Numbers that come from the network, checked before they reach the database.

A Python int has no bound and SQLite's and PostgreSQL's BIGINT stop at 2^63 − 1: an id of 2^64 sent by a crafted
client must be refused here, as an unknown id, rather than overflow in the driver.
"""
from __future__ import annotations

import math

from .errors import DomainError

MAX_ID = 2**63 - 1  # the largest signed 64-bit integer: every id column holds at most this
MAX_NESTING = 8  # deeper than any command's payload needs


def is_whole(value: object) -> bool:
    """A true int: bool is an int subclass, and 3.0 or "3" is not what the pages send."""
    return type(value) is int


def checked_id(raw: object, *, field: str, unknown: str) -> int:
    """A database id: a whole number from 1 to MAX_ID; another number is an id nothing has (``unknown``)."""
    if not is_whole(raw):
        raise DomainError("invalid_type", field=field, expected="integer")
    assert isinstance(raw, int)
    if not 1 <= raw <= MAX_ID:
        raise DomainError(unknown, **{field: str(raw)[:20]})
    return raw


def checked_int(raw: object, *, field: str, minimum: int, maximum: int) -> int:
    """A whole number within bounds, or ``invalid_type`` / ``number_out_of_range``."""
    if not is_whole(raw):
        raise DomainError("invalid_type", field=field, expected="integer")
    assert isinstance(raw, int)
    if not minimum <= raw <= maximum:
        raise DomainError("number_out_of_range", field=field, minimum=minimum, maximum=maximum)
    return raw


def payload_is_sane(value: object, *, depth: int = 0) -> bool:
    """No number a database column could not hold (beyond 64 bits, NaN, infinities), no nesting past MAX_NESTING.

    Checked on every command before its handler runs, so that no service meets such a value. A loop over a list
    of the containers still to look into, not a recursion of generators: this runs for every ballot of a burst.
    """
    pending: list[tuple[object, int]] = [(value, depth)]
    while pending:
        item, level = pending.pop()
        if level > MAX_NESTING:
            return False
        if isinstance(item, bool) or item is None or isinstance(item, str):
            continue
        if isinstance(item, int):
            if not -MAX_ID - 1 <= item <= MAX_ID:
                return False
        elif isinstance(item, float):
            if not math.isfinite(item):
                return False
        elif isinstance(item, list):
            pending.extend((inner, level + 1) for inner in item)
        elif isinstance(item, dict):
            for key, inner in item.items():
                if not isinstance(key, str):
                    return False
                pending.append((inner, level + 1))
        else:
            return False  # bytes (binary attachments) and anything else no command takes
    return True
