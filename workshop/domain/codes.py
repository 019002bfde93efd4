"""Join codes people can read off a projector and type on a phone without confusion."""
from __future__ import annotations

import random as _random

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: those pairs are misread from the back of a room.
JOIN_CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
JOIN_CODE_LENGTH = 6


def generate_join_code(rng: _random.Random) -> str:
    """Draw one code; the caller retries on the (rare) collision the database reports."""
    return "".join(rng.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalize_join_code(raw: str) -> str:
    """Accept what people type: lower case, spaces, dashes."""
    return "".join(ch for ch in raw.upper() if ch.isalnum())
