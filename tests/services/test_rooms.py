"""Issue 11 §2 and §5: a room renamed (with versions in other languages) and the head-count the moderator expects."""
import pytest

from workshop.domain.errors import DomainError
from workshop.models import Room
from workshop.services import rooms
from workshop.services.state import moderator_state

from .helpers import make_room, op


def test_a_room_is_renamed_with_its_versions_and_everyone_hears_it(ctx, publisher) -> None:
    room = make_room(ctx)
    ack = rooms.rename_room_command(ctx, room_id=room.room_id, name="Atelier santé",
                                    versions={"ar": {"name": "ورشة الصحة"}, "en": {"name": ""}}, op_id=op())
    assert ack["ok"] and (ack["room"]["name"], ack["room"]["versions"]) == ("Atelier santé", {"ar": {"name": "ورشة الصحة"}})
    assert publisher.events("room_changed")[-1].payload == {"name": "Atelier santé",
                                                           "versions": {"ar": {"name": "ورشة الصحة"}}}
    header = moderator_state(ctx, room.code)["room"]
    assert (header["name"], header["versions"]) == ("Atelier santé", {"ar": {"name": "ورشة الصحة"}})
    with ctx.db.write() as session:  # the command line's edit-room calls the same function
        rooms.rename_room(session, room.code, versions={"en": {"name": "Health workshop"}})
    with ctx.db.read() as session:
        renamed = session.get(Room, room.room_id)
        assert renamed.name == "Atelier santé" and renamed.versions == {"en": {"name": "Health workshop"}}


@pytest.mark.parametrize(("name", "versions", "code"), [
    ("", None, "text_empty"),
    ("x" * 201, None, "text_too_long"),
    (None, {"de": {"name": "Werkstatt"}}, "unknown_language"),
    (None, {"ar": {"title": "عنوان"}}, "invalid_versions"),
])
def test_bad_names_are_refused_and_change_nothing(ctx, name, versions, code) -> None:
    room = make_room(ctx, "Plénière")
    with pytest.raises(DomainError, match=code):
        rooms.rename_room_command(ctx, room_id=room.room_id, name=name, versions=versions, op_id=op())
    assert moderator_state(ctx, room.code)["room"]["name"] == "Plénière"


def test_the_expected_head_count_is_kept_and_checked(ctx, publisher) -> None:
    room = make_room(ctx)
    rooms.set_expected_count(ctx, room_id=room.room_id, expected=30, op_id=op())
    assert moderator_state(ctx, room.code)["room"]["expected_count"] == 30
    assert publisher.events("room_changed")[-1].payload == {"expected_count": 30}
    for wrong in (0, -3, 5001, "30", 2.5):
        with pytest.raises(DomainError, match="config_out_of_range"):
            rooms.set_expected_count(ctx, room_id=room.room_id, expected=wrong, op_id=op())
    rooms.set_expected_count(ctx, room_id=room.room_id, expected=None, op_id=op())
    assert moderator_state(ctx, room.code)["room"]["expected_count"] is None
