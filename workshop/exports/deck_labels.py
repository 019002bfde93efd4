"""Labels of the deck exports (see labels.py)."""
from __future__ import annotations

from .labels import N_

DECK_LABELS: dict[str, str] = {
}
