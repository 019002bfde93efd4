"""Issue 11 §3: an activity's prompt and options in other languages; templates ship French, Arabic and English."""
import pytest

from workshop.domain.errors import DomainError
from workshop.services import agenda
from workshop.services.event_templates import create_event_from_template
from workshop.services.state import moderator_state

from .helpers import make_room, op, rooms_of


def _activity(ctx, code: str, activity_id: int) -> dict:  # type: ignore[no-untyped-def]
    return next(activity for activity in moderator_state(ctx, code)["activities"] if activity["id"] == activity_id)


def test_prompts_and_options_take_versions_checked_against_the_config(ctx) -> None:
    room = make_room(ctx)
    poll = agenda.create_activity(ctx, room_id=room.room_id, type_name="poll", prompt="Quelle priorité ?",
                                  config={"options": ["Santé", "École"]}, op_id=op(),
                                  versions={"ar": {"prompt": "ما الأولوية؟", "options.0": "الصحة", "options.1": "المدرسة"},
                                            "en": {"prompt": "Which priority?"}})["activity_id"]
    view = _activity(ctx, room.code, poll)
    assert view["versions"] == {"ar": {"prompt": "ما الأولوية؟", "options.0": "الصحة", "options.1": "المدرسة"},
                                "en": {"prompt": "Which priority?"}}
    with pytest.raises(DomainError, match="invalid_versions"):  # there is no third option
        agenda.update_activity(ctx, room_id=room.room_id, activity_id=poll, versions={"ar": {"options.2": "العدالة"}})
    with pytest.raises(DomainError, match="text_too_long"):
        agenda.update_activity(ctx, room_id=room.room_id, activity_id=poll, versions={"en": {"options.0": "x" * 121}})
    # A shorter list of options drops the versions of the options gone.
    agenda.update_activity(ctx, room_id=room.room_id, activity_id=poll, config={"options": ["Santé", "Papiers"]})
    agenda.update_activity(ctx, room_id=room.room_id, activity_id=poll, config={"options": ["Santé", "Papiers", "Écoles"]},
                           versions={"ar": {"prompt": "ما الأولوية؟", "options.2": "المدارس"}})
    assert _activity(ctx, room.code, poll)["versions"] == {"ar": {"prompt": "ما الأولوية؟", "options.2": "المدارس"}}
    agenda.update_activity(ctx, room_id=room.room_id, activity_id=poll, config={"options": ["Santé", "Papiers"]})
    assert _activity(ctx, room.code, poll)["versions"] == {"ar": {"prompt": "ما الأولوية؟"}}


def test_the_templates_ship_every_question_in_french_arabic_and_english(ctx) -> None:
    def tag(language: str):  # type: ignore[no-untyped-def]
        return lambda text: f"[{language}] {text}"

    created = create_event_from_template(ctx, template="sni", version_translators={
        language: tag(language) for language in ("fr", "ar", "en")})
    rooms = rooms_of(ctx, created)
    code = rooms[1][1]
    state = moderator_state(ctx, code)
    assert set(state["room"]["versions"]) == {"fr", "ar", "en"}
    assert state["room"]["versions"]["ar"]["name"].startswith("[ar] ")
    for activity in state["activities"]:
        assert set(activity["versions"]) == {"fr", "ar", "en"}
        assert activity["versions"]["en"]["prompt"] == f"[en] {activity['prompt']}"
        for index, _option in enumerate(activity["config"].get("options", [])):
            assert activity["versions"]["ar"][f"options.{index}"].startswith("[ar] ")
