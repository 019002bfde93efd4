"""The barometer's questionnaire in a room: phones answer through the same ballots, outbox and op ids as any vote;
their answers count in the edition's scores with the field's."""
from __future__ import annotations

import pytest

from workshop.domain.barometer import question_choices
from workshop.domain.errors import DomainError
from workshop.services import agenda, barometer, contributions
from workshop.services.barometer_reports import build_barometer_report
from workshop.services.barometer_survey import create_room_survey
from workshop.services.state import compute_results

from ..services.helpers import make_room, op


def answer(config: dict, **chosen: str) -> list[dict[str, int]]:
    """A ballot from {question key: choice name}."""
    index = {question["key"]: position for position, question in enumerate(config["questions"])}
    return [{"target_id": index[key], "points": question_choices(config["questions"][index[key]]["kind"]).index(name) + 1}
            for key, name in chosen.items()]


@pytest.fixture
def survey(ctx):  # type: ignore[no-untyped-def]
    edition = barometer.create_edition(ctx, title="Baromètre 2026")["edition"]["id"]
    barometer.set_min_n(ctx, edition_id=edition, min_n=2)
    room = make_room(ctx, "Atelier baromètre")
    activity_id = create_room_survey(ctx, edition_id=edition, room_code=room.code.lower(),
                                     prompt="Baromètre : vos réponses")["activity_id"]
    agenda.set_phase(ctx, room_id=room.room_id, activity_id=activity_id, phase="open")
    with ctx.db.read() as session:
        from workshop.models import Activity

        config = session.get(Activity, activity_id).config
    return edition, room, activity_id, config


def test_questions_follow_the_form(survey) -> None:  # type: ignore[no-untyped-def]
    _edition, _room, _activity, config = survey
    keys = [question["key"] for question in config["questions"]]
    assert keys[:5] == ["region", "status", "sex", "besoin_sante", "sante_connait_droit_soins"]
    assert "sante_droit_soins_base" not in keys  # legal indicators are the experts'
    assert len(keys) == 3 + 3 + 21
    assert config["edition_id"] == _edition


def test_phones_answer_and_count_in_the_scores(ctx, survey) -> None:  # type: ignore[no-untyped-def]
    edition, room, activity_id, config = survey
    first, second, third = room.participant(), room.participant(), room.participant()
    ballot = answer(config, region="oriental", status="refugie", sex="femme", besoin_sante="oui",
                    sante_soins_obtenus="oui", sante_facilite_consultation="facile")
    same_op = op()
    assert contributions.cast_votes(ctx, first, activity_id=activity_id, allocations=ballot[:2], op_id=op())["ok"]
    # Self-paced: each step replaces the whole ballot; a replayed op id changes nothing.
    assert contributions.cast_votes(ctx, first, activity_id=activity_id, allocations=ballot, op_id=same_op)["ok"]
    assert contributions.cast_votes(ctx, first, activity_id=activity_id, allocations=ballot, op_id=same_op)["ok"]
    contributions.cast_votes(ctx, second, activity_id=activity_id, op_id=op(), allocations=answer(
        config, region="oriental", status="non_dit", besoin_sante="non", sante_soins_obtenus="non",
        sante_facilite_consultation="difficile"))
    contributions.cast_votes(ctx, third, activity_id=activity_id, op_id=op(), allocations=answer(
        config, status="irregulier"))  # no region yet: not a respondent
    scores = {(c["region"], c["indicator"]): c for c in barometer.scores_document(ctx, edition)["cells"]}
    usage = scores[("oriental", "sante_soins_obtenus")]
    assert (usage["score"], usage["n"]) == (100.0, 1)  # the second phone did not need care: not counted
    perception = scores[("oriental", "sante_facilite_consultation")]
    assert (perception["score"], perception["n"]) == (50.0, 2)
    assert scores[("national", "sante_facilite_consultation")]["n"] == 2
    report = build_barometer_report(ctx, edition, language="en", translate=str)
    assert report.responses == 2 and dict(report.responses_by_source) == {"in a workshop room": 2}
    with ctx.db.read() as session:
        from workshop.models import Activity

        results = compute_results(session, session.get(Activity, activity_id))
    assert results["respondents"] == 3 and results["regions"] == [{"region": "oriental", "count": 2}]


def test_a_ballot_outside_the_questions_is_refused(ctx, survey) -> None:  # type: ignore[no-untyped-def]
    _edition, room, activity_id, config = survey
    phone = room.participant()
    for allocations, code in (([{"target_id": 99, "points": 1}], "unknown_target"),
                              ([{"target_id": 0, "points": 13}], "score_out_of_range"),
                              ([{"target_id": 3, "points": 3}], "score_out_of_range"),
                              ([{"target_id": 0, "points": 1}, {"target_id": 0, "points": 2}], "duplicate_target")):
        with pytest.raises(DomainError) as refused:
            contributions.cast_votes(ctx, phone, activity_id=activity_id, allocations=allocations, op_id=op())
        assert refused.value.code == code


def test_the_config_is_checked_like_any_other(ctx) -> None:  # type: ignore[no-untyped-def]
    room = make_room(ctx)
    for config in ({}, {"edition_id": 1, "questions": []},
                   {"edition_id": 1, "questions": [{"key": "status", "kind": "status"}]},
                   {"edition_id": 1, "questions": [{"key": "region", "kind": "region"}, {"key": "x1", "kind": "vote"}]},
                   {"edition_id": 1, "questions": [{"key": "region", "kind": "region"},
                                                   {"key": "x1", "kind": "usage", "sector": "logement",
                                                    "labels": {"fr": "?"}}]}):
        with pytest.raises(DomainError):
            agenda.create_activity(ctx, room_id=room.room_id, type_name="survey", prompt="Baromètre", config=config)
    with pytest.raises(DomainError) as unknown:
        create_room_survey(ctx, edition_id=42, room_code=room.code, prompt="Baromètre")
    assert unknown.value.code == "unknown_edition"

