import pytest

from workshop.domain.errors import DomainError
from workshop.services import agenda
from workshop.services.publisher import Audience

from .helpers import make_room, op


def test_create_activity_is_a_draft_at_the_end_and_is_announced(ctx, publisher) -> None:
    room = make_room(ctx)
    first = room.activity("brainstorm", phase=None)
    second = room.activity("word_cloud", "Un mot ?", phase=None)
    changed = publisher.events("activity_changed")
    assert [message.payload["activity"]["id"] for message in changed] == [first, second]
    assert changed[-1].payload["activity"]["phase"] == "draft"
    assert changed[-1].audiences == {Audience.MODERATORS}  # a draft's prompt does not leave the console
    agenda.set_phase(ctx, room_id=room.room_id, activity_id=second, phase="open")
    assert publisher.events("activity_changed")[-1].audiences == {
        Audience.MODERATORS, Audience.SCREENS, Audience.PARTICIPANTS}
    with pytest.raises(DomainError, match="activity_not_open"):
        agenda.show_activity(ctx, room_id=room.room_id, activity_id=first)


def test_bad_activity_requests_change_nothing(ctx, publisher) -> None:
    room = make_room(ctx)
    for type_name, prompt, config, code in [
        ("karaoke", "q", {}, "unknown_activity_type"),
        ("brainstorm", "", {}, "text_empty"),
        ("brainstorm", "q", {"max_length": "x"}, "invalid_config"),
        ("brainstorm", "q", [], "invalid_type"),
        ("dot_voting", "q", {"source_activity_id": 999}, "unknown_activity"),
    ]:
        with pytest.raises(DomainError) as refused:
            agenda.create_activity(ctx, room_id=room.room_id, type_name=type_name, prompt=prompt, config=config, op_id=op())
        assert refused.value.code == code
    assert publisher.messages == []


def test_phase_machine_and_current_activity(ctx, publisher) -> None:
    room = make_room(ctx)
    activity = room.activity("brainstorm", phase=None)
    with pytest.raises(DomainError, match="phase_not_allowed"):
        agenda.set_phase(ctx, room_id=room.room_id, activity_id=activity, phase="revealed")
    agenda.set_phase(ctx, room_id=room.room_id, activity_id=activity, phase="open")
    assert publisher.messages[-1].payload["current_activity_id"] == activity
    assert (room.code, activity) in publisher.dirty_results


def test_an_activity_of_another_room_is_unknown(ctx) -> None:
    room, other = make_room(ctx), make_room(ctx, "Atelier")
    foreign = other.activity("brainstorm", phase=None)
    with pytest.raises(DomainError, match="unknown_activity"):
        agenda.set_phase(ctx, room_id=room.room_id, activity_id=foreign, phase="open")


def test_move_activity_renumbers_the_agenda(ctx, publisher) -> None:
    room = make_room(ctx)
    ids = [room.activity("brainstorm", f"q{n}", phase=None) for n in range(3)]
    agenda.move_activity(ctx, room_id=room.room_id, activity_id=ids[2], position=0)
    assert publisher.events("agenda_changed")[-1].payload == {"order": [ids[2], ids[0], ids[1]]}


def test_config_is_locked_once_opened_except_live_results(ctx) -> None:
    room = make_room(ctx)
    activity = room.activity("brainstorm")
    with pytest.raises(DomainError, match="config_locked"):
        agenda.update_activity(ctx, room_id=room.room_id, activity_id=activity, config={"max_length": 50})
    agenda.update_activity(ctx, room_id=room.room_id, activity_id=activity, config={"live_results": False})


def test_delete_only_drafts_nobody_votes_on(ctx) -> None:
    room = make_room(ctx)
    opened = room.activity("brainstorm")
    with pytest.raises(DomainError, match="activity_not_draft"):
        agenda.delete_activity(ctx, room_id=room.room_id, activity_id=opened)
    draft = room.activity("brainstorm", phase=None)
    room.activity("dot_voting", config={"source_activity_id": draft}, phase=None)
    with pytest.raises(DomainError, match="activity_in_use"):
        agenda.delete_activity(ctx, room_id=room.room_id, activity_id=draft)
