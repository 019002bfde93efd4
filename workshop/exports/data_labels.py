"""Labels of the data exports (see labels.py)."""
from __future__ import annotations

from .labels import N_

DATA_LABELS: dict[str, str] = {
}
