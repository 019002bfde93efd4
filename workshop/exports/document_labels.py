"""Labels of the document exports (see labels.py)."""
from __future__ import annotations

from .labels import N_

DOCUMENT_LABELS: dict[str, str] = {
}
