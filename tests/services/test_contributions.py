import threading
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from workshop.domain.errors import DomainError
from workshop.models import Idea, Operation, Vote
from workshop.services import agenda, contributions, moderation
from workshop.services.exports import export_room
from workshop.services.publisher import Audience

from .helpers import make_room, op


def count(ctx, model) -> int:  # type: ignore[no-untyped-def]
    """Rows of ``model``; for the journal, only the participants' entries (the helpers journal moderator commands)."""
    query = select(func.count()).select_from(model)
    if model is Operation:
        query = query.where(Operation.actor.like("p_%"))
    with ctx.db.read() as session:
        return session.scalar(query)


def test_idea_is_acknowledged_after_commit_and_published_to_moderators_and_screens(ctx, publisher) -> None:
    room = make_room(ctx)
    brainstorm = room.activity("brainstorm")
    phone = room.participant()
    ack = contributions.submit_idea(ctx, phone, activity_id=brainstorm, text=" Accès aux soins ", op_id=op())
    assert ack == {"ok": True, "idea_id": ack["idea_id"], "approved": True}
    with ctx.db.read() as session:
        assert session.get(Idea, ack["idea_id"]).text == "Accès aux soins"
    submitted = publisher.events("ideas_submitted")
    assert {audience for message in submitted for audience in message.audiences} == {Audience.MODERATORS, Audience.SCREENS}
    screen_payload = next(m.payload for m in submitted if Audience.SCREENS in m.audiences)
    assert [idea["text"] for idea in screen_payload["ideas"]] == ["Accès aux soins"]
    assert "participant" not in screen_payload["ideas"][0]


def test_the_same_op_id_returns_the_first_ack_and_writes_nothing(ctx, publisher) -> None:
    room = make_room(ctx)
    brainstorm = room.activity("brainstorm")
    phone = room.participant()
    op_id = op()
    first = contributions.submit_idea(ctx, phone, activity_id=brainstorm, text="Une idée", op_id=op_id)
    published = len(publisher.messages)
    again = contributions.submit_idea(ctx, phone, activity_id=brainstorm, text="Une idée", op_id=op_id)
    assert again == first
    assert count(ctx, Idea) == 1 and count(ctx, Operation) == 1
    assert len(publisher.messages) == published


def test_an_op_id_of_someone_else_is_refused(ctx) -> None:
    room = make_room(ctx)
    brainstorm = room.activity("brainstorm")
    op_id = op()
    contributions.submit_idea(ctx, room.participant(), activity_id=brainstorm, text="a", op_id=op_id)
    with pytest.raises(DomainError, match="invalid_op_id"):
        contributions.submit_idea(ctx, room.participant(), activity_id=brainstorm, text="b", op_id=op_id)
    assert count(ctx, Idea) == 1


@pytest.mark.parametrize(("text", "op_id", "code"), [
    ("", "op-000001", "text_empty"),
    ("x" * 1001, "op-000002", "text_too_long"),
    (42, "op-000003", "invalid_type"),
    ("ok", None, "invalid_op_id"),
    ("ok", "short", "invalid_op_id"),
    ("ok", "has spaces in it", "invalid_op_id"),
])
def test_bad_ideas_are_refused_and_change_nothing(ctx, publisher, text, op_id, code) -> None:
    room = make_room(ctx)
    brainstorm = room.activity("brainstorm")
    with pytest.raises(DomainError) as refused:
        contributions.submit_idea(ctx, room.participant(), activity_id=brainstorm, text=text, op_id=op_id)
    assert refused.value.code == code
    assert count(ctx, Idea) == 0 and count(ctx, Operation) == 0
    assert publisher.events("ideas_submitted") == []


def test_ideas_only_while_open_and_within_the_per_participant_limit(ctx) -> None:
    room = make_room(ctx)
    draft = room.activity("brainstorm", phase=None)
    phone = room.participant()
    with pytest.raises(DomainError, match="activity_not_open"):
        contributions.submit_idea(ctx, phone, activity_id=draft, text="trop tôt", op_id=op())
    limited = room.activity("brainstorm", config={"max_per_participant": 2})
    for n in range(2):
        contributions.submit_idea(ctx, phone, activity_id=limited, text=f"idée {n}", op_id=op())
    with pytest.raises(DomainError, match="too_many_ideas"):
        contributions.submit_idea(ctx, phone, activity_id=limited, text="une de trop", op_id=op())
    closed = room.activity("brainstorm", phase="closed")
    with pytest.raises(DomainError, match="activity_not_open"):
        contributions.submit_idea(ctx, phone, activity_id=closed, text="trop tard", op_id=op())
    with pytest.raises(DomainError, match="unknown_activity"):
        contributions.submit_idea(ctx, phone, activity_id=99999, text="?", op_id=op())
    assert count(ctx, Idea) == 2


def test_rate_limit_per_participant_in_the_write_transaction(ctx) -> None:
    limited = replace(ctx, settings=replace(ctx.settings, rate_limit_count=3, rate_limit_seconds=60))
    room = make_room(limited)
    brainstorm = room.activity("brainstorm", config={"max_per_participant": 50})
    phone, neighbour = room.participant(), room.participant()
    for n in range(3):
        contributions.submit_idea(limited, phone, activity_id=brainstorm, text=f"idée {n}", op_id=op())
    with pytest.raises(DomainError, match="rate_limited"):
        contributions.submit_idea(limited, phone, activity_id=brainstorm, text="encore", op_id=op())
    contributions.submit_idea(limited, neighbour, activity_id=brainstorm, text="à moi", op_id=op())
    assert count(ctx, Idea) == 4


def test_premoderated_ideas_wait_for_approval_before_reaching_the_screen(ctx, publisher) -> None:
    room = make_room(ctx)
    agenda.set_premoderation(ctx, room_id=room.room_id, enabled=True)
    brainstorm = room.activity("brainstorm")
    ack = contributions.submit_idea(ctx, room.participant(), activity_id=brainstorm, text="À valider", op_id=op())
    assert ack["approved"] is False
    assert [m.audiences for m in publisher.events("ideas_submitted")] == [{Audience.MODERATORS}]
    moderation.approve_idea(ctx, room_id=room.room_id, idea_id=ack["idea_id"])
    screen_update = [m for m in publisher.events("idea_changed") if Audience.SCREENS in m.audiences][-1]
    assert screen_update.payload["idea"]["on_wall"] is True


def vote_room(ctx, budget: int = 5, max_per_item: int = 3):  # type: ignore[no-untyped-def]
    room = make_room(ctx)
    brainstorm = room.activity("brainstorm", config={"max_per_participant": 10})
    author = room.participant()
    ideas = [contributions.submit_idea(ctx, author, activity_id=brainstorm, text=f"Idée {n}", op_id=op())["idea_id"]
             for n in range(4)]
    agenda.set_phase(ctx, room_id=room.room_id, activity_id=brainstorm, phase="closed")
    vote = room.activity("dot_voting", config={"source_activity_id": brainstorm, "budget": budget,
                                               "max_per_item": max_per_item})
    return room, brainstorm, ideas, vote


def stored_ballot(ctx, room, participant_public_id: str):  # type: ignore[no-untyped-def]
    votes = export_room(ctx, room.code)["activities"][-1]["votes"]
    return sorted((vote["target_id"], vote["points"]) for vote in votes if vote["participant"] == participant_public_id)


def test_cast_votes_replaces_the_ballot(ctx) -> None:
    room, _brainstorm, ideas, vote = vote_room(ctx)
    phone = room.participant()
    contributions.cast_votes(ctx, phone, activity_id=vote, allocations=[{"target_id": ideas[0], "points": 3}], op_id=op())
    contributions.cast_votes(ctx, phone, activity_id=vote, allocations=[{"target_id": ideas[1], "points": 2},
                                                                        {"target_id": ideas[2], "points": 1}], op_id=op())
    assert stored_ballot(ctx, room, phone.public_id) == [(ideas[1], 2), (ideas[2], 1)]


@pytest.mark.parametrize(("allocations", "code"), [
    ([{"target_id": 0, "points": 3}, {"target_id": 1, "points": 3}], "over_budget"),
    ([{"target_id": 0, "points": 4}], "over_item_limit"),
    ([{"target_id": -5, "points": 1}], "unknown_target"),
    ("all of them", "invalid_type"),
])
def test_bad_ballots_are_refused_and_keep_the_previous_ballot(ctx, allocations, code) -> None:
    room, _brainstorm, ideas, vote = vote_room(ctx)
    phone = room.participant()
    contributions.cast_votes(ctx, phone, activity_id=vote, allocations=[{"target_id": ideas[3], "points": 1}], op_id=op())
    if isinstance(allocations, list):
        allocations = [{"target_id": ideas[item["target_id"]] if item["target_id"] >= 0 else 10**6,
                        "points": item["points"]} for item in allocations]
    with pytest.raises(DomainError) as refused:
        contributions.cast_votes(ctx, phone, activity_id=vote, allocations=allocations, op_id=op())
    assert refused.value.code == code
    assert stored_ballot(ctx, room, phone.public_id) == [(ideas[3], 1)]


def test_hidden_and_merged_ideas_are_not_votable_and_merged_votes_follow(ctx) -> None:
    room, _brainstorm, ideas, vote = vote_room(ctx)
    phone = room.participant()
    contributions.cast_votes(ctx, phone, activity_id=vote, allocations=[{"target_id": ideas[1], "points": 2}], op_id=op())
    moderation.merge_ideas(ctx, room_id=room.room_id, target_id=ideas[0], source_ids=[ideas[1]])
    moderation.hide_idea(ctx, room_id=room.room_id, idea_id=ideas[2])
    for target in (ideas[1], ideas[2]):
        with pytest.raises(DomainError, match="unknown_target"):
            contributions.cast_votes(ctx, phone, activity_id=vote, allocations=[{"target_id": target, "points": 1}],
                                     op_id=op())
    results = export_room(ctx, room.code)["activities"][-1]["results"]
    assert [(item["id"], item["points"]) for item in results["items"]] == [(ideas[0], 2), (ideas[3], 0)]


def test_a_vote_is_not_an_idea_and_an_idea_is_not_a_vote(ctx) -> None:
    room, brainstorm, ideas, vote = vote_room(ctx)
    phone = room.participant()
    with pytest.raises(DomainError, match="wrong_input_kind"):
        contributions.submit_idea(ctx, phone, activity_id=vote, text="idée", op_id=op())
    agenda.set_phase(ctx, room_id=room.room_id, activity_id=brainstorm, phase="open")
    with pytest.raises(DomainError, match="wrong_input_kind"):
        contributions.cast_votes(ctx, phone, activity_id=brainstorm, allocations=[], op_id=op())


def test_concurrent_ballots_of_one_phone_never_exceed_the_budget(ctx) -> None:
    """Eight threads replace one participant's ballot at once on a real SQLite file: one whole ballot wins."""
    room, _brainstorm, ideas, vote = vote_room(ctx, budget=5, max_per_item=3)
    phone = room.participant()
    ballots = [[{"target_id": ideas[n % 4], "points": 3}, {"target_id": ideas[(n + 1) % 4], "points": 2}] for n in range(8)]
    ballots += [[{"target_id": ideas[n % 4], "points": 3}, {"target_id": ideas[(n + 1) % 4], "points": 3}] for n in range(4)]
    outcomes: list[str] = []
    start = threading.Barrier(len(ballots))

    def cast(allocations) -> None:  # type: ignore[no-untyped-def]
        start.wait()
        try:
            contributions.cast_votes(ctx, phone, activity_id=vote, allocations=allocations, op_id=op())
            outcomes.append("ok")
        except DomainError as refused:
            outcomes.append(refused.code)

    threads = [threading.Thread(target=cast, args=(ballot,)) for ballot in ballots]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok"] * 8 + ["over_budget"] * 4
    final = stored_ballot(ctx, room, phone.public_id)
    assert sum(points for _target, points in final) <= 5
    assert final in [sorted((item["target_id"], item["points"]) for item in ballot) for ballot in ballots[:8]]
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Vote)) == 2


def test_the_json_export_keeps_the_criterion_of_each_score(ctx) -> None:
    room = make_room(ctx)
    brainstorm = room.activity("brainstorm")
    idea = contributions.submit_idea(ctx, room.participant(), activity_id=brainstorm, text="Soins", op_id=op())["idea_id"]
    agenda.set_phase(ctx, room_id=room.room_id, activity_id=brainstorm, phase="closed")
    scoring = room.activity("criteria_scoring", config={"source_activity_id": brainstorm, "criteria": ["impact", "urgence"]})
    phone = room.participant()
    contributions.cast_votes(ctx, phone, activity_id=scoring, op_id=op(), allocations=[
        {"target_id": idea, "criterion": "impact", "points": 5}, {"target_id": idea, "criterion": "urgence", "points": 2}])
    assert export_room(ctx, room.code)["activities"][-1]["votes"] == [
        {"participant": phone.public_id, "target_id": idea, "points": 5, "criterion": "impact"},
        {"participant": phone.public_id, "target_id": idea, "points": 2, "criterion": "urgence"}]


@pytest.mark.parametrize("length", [281, 1001, 5000])
def test_a_too_long_idea_is_refused_naming_the_activitys_own_limit(ctx, length: int) -> None:
    room = make_room(ctx)
    brainstorm = room.activity("brainstorm", config={"max_length": 280})
    with pytest.raises(DomainError, match="text_too_long") as refused:
        contributions.submit_idea(ctx, room.participant(), activity_id=brainstorm, text="x" * length, op_id=op())
    assert refused.value.params["max_length"] == 280  # not the server's ceiling of 1,000
    assert count(ctx, Idea) == 0
