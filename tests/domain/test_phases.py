import pytest

from workshop.domain.errors import DomainError
from workshop.domain.phases import Phase, accepts_contributions, next_phase, parse_phase, results_visible


@pytest.mark.parametrize(("current", "target"), [
    (Phase.DRAFT, Phase.OPEN), (Phase.OPEN, Phase.CLOSED), (Phase.CLOSED, Phase.REVEALED), (Phase.CLOSED, Phase.OPEN),
])
def test_legal_moves(current: Phase, target: Phase) -> None:
    assert next_phase(current, target) is target


@pytest.mark.parametrize(("current", "target"), [
    (Phase.DRAFT, Phase.CLOSED), (Phase.DRAFT, Phase.REVEALED), (Phase.OPEN, Phase.REVEALED), (Phase.OPEN, Phase.DRAFT),
    (Phase.REVEALED, Phase.OPEN), (Phase.REVEALED, Phase.CLOSED), (Phase.OPEN, Phase.OPEN),
])
def test_illegal_moves_are_refused(current: Phase, target: Phase) -> None:
    with pytest.raises(DomainError) as refused:
        next_phase(current, target)
    assert refused.value.code == "phase_not_allowed"
    assert refused.value.params == {"current": current.value, "target": target.value}


def test_unknown_phase_name() -> None:
    with pytest.raises(DomainError, match="invalid_phase"):
        parse_phase("finished")
    assert parse_phase("open") is Phase.OPEN


def test_only_open_accepts_contributions() -> None:
    assert [phase for phase in Phase if accepts_contributions(phase)] == [Phase.OPEN]


def test_results_hidden_until_revealed_unless_live() -> None:
    assert [phase for phase in Phase if results_visible(phase, live_results=False)] == [Phase.REVEALED]
    assert [phase for phase in Phase if results_visible(phase, live_results=True)] == [
        Phase.OPEN, Phase.CLOSED, Phase.REVEALED]
