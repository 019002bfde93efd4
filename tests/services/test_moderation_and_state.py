import pytest

from workshop.domain.errors import DomainError
from workshop.services import agenda, contributions, moderation
from workshop.services.exports import export_room
from workshop.services.publisher import Audience
from workshop.services.state import moderator_state, participant_state, results_snapshot, screen_state

from .helpers import make_room, op


def wall(ctx, room):  # type: ignore[no-untyped-def]
    return [idea["text"] for idea in screen_state(ctx, room.code)["ideas"]]


def test_hide_restore_and_what_each_audience_sees(ctx, publisher) -> None:
    room = make_room(ctx)
    brainstorm = room.activity("brainstorm")
    phone = room.participant()
    first = contributions.submit_idea(ctx, phone, activity_id=brainstorm, text="Soins pour tous", op_id=op())["idea_id"]
    contributions.submit_idea(ctx, phone, activity_id=brainstorm, text="Papiers", op_id=op())
    moderation.hide_idea(ctx, room_id=room.room_id, idea_id=first)
    screen_update = [m for m in publisher.events("idea_changed") if Audience.SCREENS in m.audiences][-1]
    assert screen_update.payload["idea"] == screen_update.payload["idea"] | {"id": first, "on_wall": False}
    assert wall(ctx, room) == ["Papiers"]
    assert [idea["hidden"] for idea in moderator_state(ctx, room.code)["ideas"]] == [True, False]
    mine = participant_state(ctx, phone)["my_ideas"]
    assert [(idea["text"], idea["hidden"]) for idea in mine] == [("Soins pour tous", True), ("Papiers", False)]
    moderation.restore_idea(ctx, room_id=room.room_id, idea_id=first)
    assert wall(ctx, room) == ["Soins pour tous", "Papiers"]


def test_merge_keeps_both_texts_and_never_chains(ctx) -> None:
    room = make_room(ctx)
    brainstorm = room.activity("brainstorm")
    phone = room.participant()
    a, b, c = (contributions.submit_idea(ctx, phone, activity_id=brainstorm, text=text, op_id=op())["idea_id"]
               for text in ("Accès aux soins", "accès aux soins !", "Soins gratuits"))
    moderation.merge_ideas(ctx, room_id=room.room_id, target_id=b, source_ids=[c])
    moderation.merge_ideas(ctx, room_id=room.room_id, target_id=a, source_ids=[b])
    ideas = {idea["id"]: idea for idea in export_room(ctx, room.code)["activities"][0]["ideas"]}
    assert (ideas[b]["merged_into"], ideas[c]["merged_into"]) == (a, a)
    assert {idea["text"] for idea in ideas.values()} == {"Accès aux soins", "accès aux soins !", "Soins gratuits"}
    with pytest.raises(DomainError, match="idea_already_merged"):
        moderation.merge_ideas(ctx, room_id=room.room_id, target_id=b, source_ids=[a])
    with pytest.raises(DomainError, match="merge_into_itself"):
        moderation.merge_ideas(ctx, room_id=room.room_id, target_id=a, source_ids=[a])
    moderation.unmerge_idea(ctx, room_id=room.room_id, idea_id=c)
    assert export_room(ctx, room.code)["activities"][0]["ideas"][2]["merged_into"] is None


def test_merge_across_activities_or_rooms_is_refused(ctx) -> None:
    room, other = make_room(ctx), make_room(ctx, "Atelier")
    one, two = room.activity("brainstorm"), room.activity("brainstorm")
    phone = room.participant()
    a = contributions.submit_idea(ctx, phone, activity_id=one, text="a", op_id=op())["idea_id"]
    b = contributions.submit_idea(ctx, phone, activity_id=two, text="b", op_id=op())["idea_id"]
    with pytest.raises(DomainError, match="merge_across_activities"):
        moderation.merge_ideas(ctx, room_id=room.room_id, target_id=a, source_ids=[b])
    with pytest.raises(DomainError, match="unknown_idea"):
        moderation.hide_idea(ctx, room_id=other.room_id, idea_id=a)


def test_hiding_an_idea_updates_the_items_of_an_open_vote(ctx, publisher) -> None:
    room = make_room(ctx)
    brainstorm = room.activity("brainstorm")
    idea = contributions.submit_idea(ctx, room.participant(), activity_id=brainstorm, text="x", op_id=op())["idea_id"]
    vote = room.activity("dot_voting", config={"source_activity_id": brainstorm})
    moderation.hide_idea(ctx, room_id=room.room_id, idea_id=idea)
    changed = [m for m in publisher.events("activity_changed") if m.payload["activity"]["id"] == vote]
    screens, phones = changed[-2:]  # screens get the list; phones its version, and they fetch it (item_lists)
    assert screens.payload["activity"]["targets"] == [] and Audience.PARTICIPANTS not in screens.audiences
    assert phones.audiences == {Audience.PARTICIPANTS} and "targets" not in phones.payload["activity"]
    assert phones.payload["activity"]["targets_version"] == screens.payload["activity"]["targets_version"]
    assert (room.code, vote) in publisher.dirty_results


def test_results_stay_hidden_until_revealed(ctx) -> None:
    room = make_room(ctx)
    poll = room.activity("poll", config={"options": ["Santé", "Éducation"]})
    phone = room.participant()
    contributions.cast_votes(ctx, phone, activity_id=poll, allocations=[{"target_id": 1, "points": 1}], op_id=op())
    assert "results" not in screen_state(ctx, room.code)["activities"][0]
    assert "results" not in participant_state(ctx, phone)["activities"][0]
    assert moderator_state(ctx, room.code)["activities"][0]["results"]["respondents"] == 1
    snapshot = results_snapshot(ctx, poll)
    assert (snapshot.public, snapshot.revealed) == (False, False)
    agenda.set_phase(ctx, room_id=room.room_id, activity_id=poll, phase="closed")
    agenda.set_phase(ctx, room_id=room.room_id, activity_id=poll, phase="revealed")
    assert screen_state(ctx, room.code)["activities"][0]["results"]["options"][1]["count"] == 1
    assert participant_state(ctx, phone)["activities"][0]["results"]["options"][1]["count"] == 1


def test_live_results_reach_the_screen_but_not_the_phones(ctx) -> None:
    room = make_room(ctx)
    cloud = room.activity("word_cloud")
    phone = room.participant()
    contributions.submit_idea(ctx, phone, activity_id=cloud, text="santé", op_id=op())
    assert screen_state(ctx, room.code)["activities"][0]["results"]["frequencies"] == [["santé", 1]]
    assert "results" not in participant_state(ctx, phone)["activities"][0]


def test_drafts_are_the_moderators_business(ctx) -> None:
    room = make_room(ctx)
    room.activity("brainstorm", "En préparation", phase=None)
    assert screen_state(ctx, room.code)["activities"] == []
    assert [a["prompt"] for a in moderator_state(ctx, room.code)["activities"]] == ["En préparation"]


def test_participant_state_restores_ballots_and_profile_options(ctx) -> None:
    room = make_room(ctx)
    poll = room.activity("poll", config={"options": ["a", "b"]})
    phone = room.participant()
    contributions.cast_votes(ctx, phone, activity_id=poll, allocations=[{"target_id": 0, "points": 1}], op_id=op())
    state = participant_state(ctx, phone)
    assert state["my_ballots"] == {str(poll): [{"target_id": 0, "points": 1}]}
    assert state["participant_token"] == phone.token
    assert "casablanca_settat" in state["profile_options"]["region"]


def test_export_matches_the_public_contract(ctx) -> None:
    room = make_room(ctx)
    brainstorm = room.activity("brainstorm")
    phone = room.participant()
    op_id = op()
    idea = contributions.submit_idea(ctx, phone, activity_id=brainstorm, text="Idée", op_id=op_id)["idea_id"]
    agenda.set_phase(ctx, room_id=room.room_id, activity_id=brainstorm, phase="closed")
    vote = room.activity("dot_voting", config={"source_activity_id": brainstorm})
    contributions.cast_votes(ctx, phone, activity_id=vote, allocations=[{"target_id": idea, "points": 2}], op_id=op())
    document = export_room(ctx, room.code)
    assert set(document) == {"room", "activities"}
    first, second = document["activities"]
    assert {"id", "type", "prompt", "phase", "ideas", "votes", "results"} <= set(first)
    assert first["ideas"][0] | {"created_at": None} == {
        "id": idea, "op_id": op_id, "text": "Idée", "hidden": False, "approved": True, "merged_into": None,
        "participant": phone.public_id, "created_at": None}
    assert second["votes"] == [{"participant": phone.public_id, "target_id": idea, "points": 2}]
    moderation.hide_idea(ctx, room_id=room.room_id, idea_id=idea)
    assert export_room(ctx, room.code, include_hidden=False)["activities"][0]["ideas"] == []
