"""The life of an activity: draft → open → closed → revealed, and nothing else."""
from __future__ import annotations

from enum import StrEnum

from .errors import DomainError


class Phase(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    REVEALED = "revealed"


# Re-opening a closed activity is allowed because a moderator often closes too early;
# a revealed activity never goes back, since the room has already seen its results.
ALLOWED_MOVES: dict[Phase, frozenset[Phase]] = {
    Phase.DRAFT: frozenset({Phase.OPEN}),
    Phase.OPEN: frozenset({Phase.CLOSED}),
    Phase.CLOSED: frozenset({Phase.OPEN, Phase.REVEALED}),
    Phase.REVEALED: frozenset(),
}


def parse_phase(raw: object) -> Phase:
    """Return the phase named by ``raw`` or refuse with ``invalid_phase``."""
    try:
        return Phase(str(raw))
    except ValueError:
        raise DomainError("invalid_phase", phase=str(raw)[:20]) from None


def next_phase(current: Phase, target: Phase) -> Phase:
    """Check that ``current → target`` is a legal move and return ``target``."""
    if target not in ALLOWED_MOVES[current]:
        raise DomainError("phase_not_allowed", current=current.value, target=target.value)
    return target


def accepts_contributions(phase: Phase) -> bool:
    """Only an open activity takes ideas or votes."""
    return phase is Phase.OPEN


def results_visible(phase: Phase, live_results: bool) -> bool:
    """Participants and projector see results once revealed, or all along when the moderator chose live results."""
    return phase is Phase.REVEALED or (live_results and phase is not Phase.DRAFT)
