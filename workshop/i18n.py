"""Languages: French first, English, Arabic right-to-left; and the translated text of every error code."""
from __future__ import annotations

from collections.abc import Mapping

from flask import request, session
from flask_babel import force_locale, gettext, lazy_gettext as _l

LANGUAGES = {"fr": "Français", "en": "English", "ar": "العربية"}
RTL_LANGUAGES = frozenset({"ar"})
DEFAULT_LANGUAGE = "fr"


def select_locale() -> str:
    """An explicit ``?lang=`` (remembered in the session), else the browser's preference, else French."""
    chosen = request.args.get("lang")
    if chosen in LANGUAGES:
        session["lang"] = chosen
        return chosen
    remembered = session.get("lang")
    if remembered in LANGUAGES:
        return remembered
    return request.accept_languages.best_match(list(LANGUAGES)) or DEFAULT_LANGUAGE


def text_direction(language: str) -> str:
    return "rtl" if language in RTL_LANGUAGES else "ltr"


ERROR_MESSAGES = {
    "invalid_type": _l("The field %(field)s has the wrong type."),
    "invalid_payload": _l("This request is not well formed."),
    "invalid_op_id": _l("This request has no valid identifier."),
    "invalid_phase": _l("This phase does not exist."),
    "phase_not_allowed": _l("This activity cannot go from “%(current)s” to “%(target)s”."),
    "text_empty": _l("Please write something first."),
    "text_too_long": _l("This text is too long: %(length)s characters for at most %(max_length)s."),
    "too_many_words": _l("Answer in %(max_words)s words at most."),
    "too_many_ideas": _l("You have already given %(maximum)s answers, the most this activity takes."),
    "too_many_choices": _l("Choose at most %(maximum)s options."),
    "too_many_allocations": _l("This ballot has too many items."),
    "points_negative": _l("Points cannot be negative."),
    "duplicate_target": _l("The same item appears twice in this ballot."),
    "unknown_target": _l("You voted for an item that is not part of this vote."),
    "over_item_limit": _l("At most %(max_per_item)s points can go to one item."),
    "over_budget": _l("You have %(budget)s points; this ballot spends %(total)s."),
    "score_out_of_range": _l("Scores go from %(minimum)s to %(maximum)s."),
    "activity_not_open": _l("This activity is not open right now."),
    "activity_not_draft": _l("Only an activity still in preparation can be deleted."),
    "activity_in_use": _l("Another activity votes on this one's ideas."),
    "wrong_input_kind": _l("This activity does not take this kind of answer."),
    "unknown_activity": _l("This activity does not exist in this room."),
    "unknown_activity_type": _l("This type of activity does not exist."),
    "invalid_source_activity": _l("Votes can only be on the ideas of a brainstorm or word cloud."),
    "unknown_idea": _l("This idea does not exist in this room."),
    "unknown_room": _l("No room has this code. Check the code on the screen."),
    "unknown_participant": _l("This phone is not known in this room."),
    "unknown_tag": _l("This profile choice is not in the list."),
    "idea_already_merged": _l("This idea is already merged into another one."),
    "idea_not_merged": _l("This idea is not merged."),
    "merge_into_itself": _l("An idea cannot be merged into itself."),
    "merge_across_activities": _l("Only ideas of the same activity can be merged."),
    "invalid_config": _l("The setting %(field)s has the wrong type."),
    "config_out_of_range": _l("The setting %(field)s must be between %(minimum)s and %(maximum)s."),
    "config_locked": _l("Settings can no longer change once the activity has been opened."),
    "rooms_required": _l("An event needs at least one room."),
    "too_many_rooms": _l("An event has at most %(maximum)s rooms."),
    "rate_limited": _l("Too many requests: wait a few seconds and try again."),
    "forbidden": _l("This action is for the moderator."),
    "message_too_large": _l("This message is too large."),
    "internal_error": _l("Something went wrong on the server; nothing was saved. Try again."),
}


def error_message(code: str, params: Mapping[str, object], language: str | None = None) -> str:
    """The translated sentence for an error code, in ``language`` when given."""
    template = ERROR_MESSAGES.get(code, ERROR_MESSAGES["internal_error"])
    if language is None:
        return _format(str(template), params)
    with force_locale(language):
        return _format(str(template), params)


def _format(template: str, params: Mapping[str, object]) -> str:
    try:
        return template % params if "%(" in template else template
    except (KeyError, TypeError, ValueError):
        return template.split("%(")[0].rstrip(" :")


__all__ = ["ERROR_MESSAGES", "LANGUAGES", "error_message", "gettext", "select_locale", "text_direction"]
