"""Property tests: whatever a phone sends, a ballot an activity accepts obeys that activity's rules.

For each ballot type, Hypothesis writes arbitrary allocation lists (extra keys, criteria where there are none,
unknown targets, repeated targets, points of any size); the type parses and checks them as ``cast_votes`` does in
its transaction. A refusal must be a ``DomainError``; an accepted ballot must satisfy the rules below, which are
written here again, independently, from docs/events.md — and its results must compute.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from workshop.activities import REGISTRY, ConfigContext, IdeaView, ResultInput, activity_type
from workshop.domain.ballots import Allocation
from workshop.domain.barometer import question_choices
from workshop.domain.errors import DomainError

TARGETS = frozenset({10, 20, 30})
ITEMS = [IdeaView(10, "Santé"), IdeaView(20, "Papiers"), IdeaView(30, "École")]
CONTEXT = ConfigContext(type_of_activity={7: "brainstorm"}.get, prompt="Priorités ?")

CONFIGS: dict[str, dict[str, Any]] = {
    "dot_voting": {"source_activity_id": 7, "budget": 5, "max_per_item": 3},
    "points_100": {"source_activity_id": 7, "exact": False},
    "poll": {"options": ["a", "b", "c"], "multiple": True, "max_choices": 2},
    "ranking": {"source_activity_id": 7, "max_ranked": 2},
    "scale": {"items": ["one", "two"]},
    "criteria_scoring": {"source_activity_id": 7, "criteria": ["impact", "urgence"]},
    "matrix": {"source_activity_id": 7},
    "survey": {"edition_id": 1, "questions": [{"key": "region", "kind": "region"}, {"key": "sexe", "kind": "sex"}]},
    "questionnaire": {"round": "initial"},
    "quiz": {"questions": [{"text": "Q1", "options": ["a", "b", "c"], "correct": [1]},
                           {"text": "Q2", "options": ["a", "b"], "correct": [0, 1]}]},
}


def _once(keys: list[tuple[int, str]]) -> bool:
    return len(keys) == len(set(keys))


def _known(ballot: list[Allocation]) -> bool:
    return all(allocation.target_id in TARGETS for allocation in ballot)


def _plain(ballot: list[Allocation]) -> bool:
    return all(allocation.criterion == "" for allocation in ballot) and _once([(a.target_id, "") for a in ballot])


def _dot_voting(config: Mapping[str, Any], ballot: list[Allocation]) -> bool:
    return (_plain(ballot) and _known(ballot) and all(1 <= a.points <= config["max_per_item"] for a in ballot)
            and sum(a.points for a in ballot) <= config["budget"])


def _points_100(config: Mapping[str, Any], ballot: list[Allocation]) -> bool:
    return _plain(ballot) and _known(ballot) and all(a.points >= 1 for a in ballot) and sum(a.points for a in ballot) <= 100


def _poll(config: Mapping[str, Any], ballot: list[Allocation]) -> bool:
    return (_plain(ballot) and all(0 <= a.target_id < len(config["options"]) and a.points == 1 for a in ballot)
            and len(ballot) <= config["max_choices"])


def _ranking(config: Mapping[str, Any], ballot: list[Allocation]) -> bool:
    return (_plain(ballot) and _known(ballot) and len(ballot) <= config["max_ranked"]
            and sorted(a.points for a in ballot) == list(range(1, len(ballot) + 1)))


def _scale(config: Mapping[str, Any], ballot: list[Allocation]) -> bool:
    return _plain(ballot) and all(0 <= a.target_id < len(config["items"]) and 1 <= a.points <= 5 for a in ballot)


def _criteria_scoring(config: Mapping[str, Any], ballot: list[Allocation]) -> bool:
    return (_known(ballot) and _once([(a.target_id, a.criterion) for a in ballot])
            and all(a.criterion in config["criteria"] and 1 <= a.points <= 5 for a in ballot))


def _matrix(config: Mapping[str, Any], ballot: list[Allocation]) -> bool:
    per_item = Counter(a.target_id for a in ballot)
    return (_known(ballot) and _once([(a.target_id, a.criterion) for a in ballot])
            and all(a.criterion in ("impact", "feasibility") and 1 <= a.points <= 5 for a in ballot)
            and all(count == 2 for count in per_item.values()))


def _survey(config: Mapping[str, Any], ballot: list[Allocation]) -> bool:
    questions = config["questions"]
    return _plain(ballot) and all(0 <= a.target_id < len(questions)
                                  and 1 <= a.points <= len(question_choices(questions[a.target_id]["kind"]))
                                  for a in ballot)


def _quiz(config: Mapping[str, Any], ballot: list[Allocation]) -> bool:
    """``option:<k>`` on a question that has option k, one point, once; one option where one is correct."""
    questions = config["questions"]
    chosen = Counter(a.target_id for a in ballot)
    return (_once([(a.target_id, a.criterion) for a in ballot])
            and all(0 <= a.target_id < len(questions) and a.points == 1 and a.criterion.startswith("option:")
                    and a.criterion[len("option:"):] in [str(k) for k in range(len(questions[a.target_id]["options"]))]
                    for a in ballot)
            and all(count == 1 or len(questions[target]["correct"]) > 1 for target, count in chosen.items()))


RULES: dict[str, Callable[[Mapping[str, Any], list[Allocation]], bool]] = {
    "dot_voting": _dot_voting, "points_100": _points_100, "poll": _poll, "ranking": _ranking, "scale": _scale,
    "criteria_scoring": _criteria_scoring, "matrix": _matrix, "survey": _survey, "quiz": _quiz,
    # Its answers go through ``answer_item``, never through ballots: no ballot is ever accepted.
    "questionnaire": lambda config, ballot: False,
}

# Mostly near-valid values (so that many ballots are accepted and their content checked), sometimes anything.
_odd = st.one_of(st.integers(), st.booleans(), st.floats(allow_nan=True), st.text(max_size=3), st.none(),
                 st.sampled_from([-1, 2**63, 2**64, 10**30]))
_targets = st.one_of(st.sampled_from([0, 1, 2, 10, 20, 30]), st.sampled_from([0, 1, 10, 20]), _odd)
_points = st.one_of(st.integers(min_value=0, max_value=6), st.integers(min_value=1, max_value=3),
                    st.sampled_from([20, 50, 100, 101]), _odd)
_criteria = st.sampled_from(["impact", "urgence", "feasibility", "faisabilite", "", "a"])
_allocation = st.one_of(
    st.fixed_dictionaries({"target_id": _targets, "points": _points}),
    st.fixed_dictionaries({"target_id": _targets, "points": _points, "criterion": _criteria}),
    st.fixed_dictionaries({"target_id": _targets, "points": _points},
                          optional={"criterion": st.one_of(_criteria, _odd), "weight": _odd}),
    _odd)
_junk_ballots = st.one_of(st.lists(_allocation, max_size=6), _odd, st.dictionaries(st.text(max_size=3), _odd, max_size=2))


@st.composite
def _near_valid(draw: st.DrawFn, name: str, config: Mapping[str, Any]) -> object:
    """A ballot close to what the type takes: its own targets, criteria and points, then at most one mutation
    (a criterion smuggled in, an item twice, points one step too far, an unknown target). The type's declared rules
    only steer the generator; ``RULES`` judge."""
    rules = activity_type(name).ballot_rules(config)
    valid = list(range(rules.positions)) if rules.positions is not None else sorted(TARGETS)
    low, high = rules.points
    chosen = draw(st.lists(st.sampled_from(valid), unique=True, min_size=1, max_size=len(valid)))
    keys = [(target, criterion) for target in chosen for criterion in (rules.criteria or ("",))]
    if draw(st.booleans()):
        ballot = [{"target_id": target, "points": position}  # a ranking's positions 1..k
                  for position, (target, _criterion) in enumerate(keys, start=1)]
    else:
        ballot = [{"target_id": target, "points": draw(st.integers(min_value=low, max_value=min(high, low + 3)))}
                  for target, _criterion in keys]
    for item, (_target, criterion) in zip(ballot, keys):
        if criterion:
            item["criterion"] = criterion
    mutation = draw(st.sampled_from(["none"] * 5 + ["criterion", "twice", "points", "target", "key"]))
    if mutation == "criterion":
        ballot[0]["criterion"] = "a"
    elif mutation == "twice":
        ballot.append(dict(ballot[0]))
    elif mutation == "points":
        ballot[-1]["points"] = draw(st.sampled_from([high + 1, -1, 2**64]))
    elif mutation == "target":
        ballot[-1]["target_id"] = draw(st.sampled_from([99, valid[-1] + 1, -1, 2**63]))
    elif mutation == "key":
        ballot[0]["weight"] = 3
    return ballot


def test_every_ballot_type_is_covered() -> None:
    assert set(RULES) == {name for name, kind in REGISTRY.items() if kind.input_kind == "ballot"}


@pytest.mark.parametrize("name", sorted(RULES))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_what_a_type_accepts_obeys_its_rules(name: str, data: st.DataObject) -> None:
    kind = activity_type(name)
    config = kind.validate_config(CONFIGS[name], CONTEXT)
    raw = data.draw(st.one_of(_near_valid(name, config), _near_valid(name, config), _junk_ballots))
    try:
        parsed = kind.parse_ballot(config, raw)
        kind.check_ballot(config, parsed, TARGETS)
    except DomainError:
        return
    assert RULES[name](config, parsed), (raw, parsed)
    kind.results(config, ResultInput(ideas=ITEMS, targets=ITEMS, ballots=[parsed, parsed],
                                     ballot_tags=[{"region": "oriental"}, {}]))


@pytest.mark.parametrize("name", sorted(RULES))
@settings(max_examples=150, deadline=None)
@given(stored=st.lists(st.builds(Allocation, st.integers(min_value=-1, max_value=40), st.integers(-3, 120),
                                 _criteria), max_size=8))
def test_results_never_raise_on_stored_ballots(name: str, stored: list[Allocation]) -> None:
    """Ballots stored before the rules were strict (or by hand): the type repairs them and computes its results."""
    kind = activity_type(name)
    config = kind.validate_config(CONFIGS[name], CONTEXT)
    repaired, _dropped = kind.stored_ballot(config, stored)
    kind.results(config, ResultInput(ideas=ITEMS, targets=ITEMS, ballots=[repaired], ballot_tags=[{}]))
