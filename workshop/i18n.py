"""Languages: French first, English, Arabic right-to-left; and the translated text of every error code."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from flask import request, session
from flask_babel import force_locale, gettext, lazy_gettext as _l, ngettext

from .domain.languages import DEFAULT_LANGUAGE, LANGUAGES as LANGUAGE_LIST, text_direction

LANGUAGES = {code: language.name for code, language in LANGUAGE_LIST.items()}  # code → its own name, for menus


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


def _n(singular: str, plural: str, counter: str) -> tuple[str, str, str]:
    """Mark a plural message for extraction; it is translated with ngettext when rendered."""
    return singular, plural, counter


# A message is a lazy string, or (singular, plural, the parameter that counts) for sentences with a number.
ERROR_MESSAGES: dict[str, Any] = {
    "invalid_type": _l("This request has a value of the wrong type."),
    "invalid_payload": _l("This request is not well formed."),
    "invalid_op_id": _l("This request has no valid identifier."),
    "invalid_phase": _l("This phase does not exist."),
    "phase_not_allowed": _l("This activity cannot go from “%(current)s” to “%(target)s”."),
    "text_empty": _l("Please write something first."),
    "text_too_long": (_n("This text is too long: at most %(num)s character.",
                         "This text is too long: at most %(num)s characters.", "max_length")),
    "too_many_words": (_n("Answer in %(num)s word.", "Answer in %(num)s words at most.", "max_words")),
    "too_many_ideas": (_n("You have already given %(num)s answer, the most this activity takes.",
                          "You have already given %(num)s answers, the most this activity takes.", "maximum")),
    "too_many_choices": (_n("Choose %(num)s option at most.", "Choose at most %(num)s options.", "maximum")),
    "too_many_allocations": _l("This ballot has too many items."),
    "no_word_cloud": _l("This room has no word cloud to draw."),
    "unknown_language": _l("This language is not one of the product's languages."),
    "points_negative": _l("Points cannot be negative."),
    "points_out_of_range": _l("Points go from %(minimum)s to %(maximum)s."),
    "number_out_of_range": _l("A number must be between %(minimum)s and %(maximum)s."),
    "unexpected_field": _l("This request has a field the server does not take: %(field)s."),
    "duplicate_target": _l("The same item appears twice in this ballot."),
    "unknown_target": _l("You voted for an item that is not part of this vote."),
    "over_item_limit": (_n("At most %(num)s point can go to one item.", "At most %(num)s points can go to one item.",
                           "max_per_item")),
    "over_budget": (_n("You have %(num)s point; this ballot spends %(total)s.",
                       "You have %(num)s points; this ballot spends %(total)s.", "budget")),
    "points_total_not_100": _l("Share exactly 100 points: this ballot gives %(total)s."),
    "score_out_of_range": _l("Scores go from %(minimum)s to %(maximum)s."),
    "quiz_no_correct_option": _l("Each question needs at least one correct option, among its own options."),
    "invalid_pairing_code": _l("Your code is two letters (the start of your mother's first name) then your birth "
                               "month, for example FA07."),
    "pairing_code_missing": _l("Give your anonymous code first: it links your answers before and after the "
                               "training."),
    "quiz_unknown_pre_test": _l("Link this quiz to a quiz of the same room."),
    "activity_not_open": _l("This activity is not open right now."),
    "activity_not_draft": _l("Only an activity still in preparation can be deleted."),
    "activity_in_use": _l("Another activity votes on this one's ideas."),
    "wrong_input_kind": _l("This activity does not take this kind of answer."),
    "unknown_activity": _l("This activity does not exist in this room."),
    "unknown_activity_type": _l("This type of activity does not exist."),
    "item_list_changed": _l("The list of items of this vote has just changed: the phone loads the new one."),
    "invalid_source_activity": _l("Votes can only be on the ideas of a brainstorm or word cloud."),
    "unknown_idea": _l("This idea does not exist in this room."),
    "unknown_room": _l("No room has this code. Check the code on the screen."),
    "unknown_participant": _l("This phone is not known in this room."),
    "unknown_tag": _l("This profile choice is not in the list."),
    "idea_already_merged": _l("This idea is already merged into another one."),
    "idea_not_merged": _l("This idea is not merged."),
    "merge_into_itself": _l("An idea cannot be merged into itself."),
    "merge_across_activities": _l("Only ideas of the same activity can be merged."),
    "invalid_config": _l("A setting of this activity has the wrong type."),
    "config_out_of_range": _l("A value must be between %(minimum)s and %(maximum)s."),
    "config_locked": _l("Settings can no longer change once the activity has been opened."),
    "rooms_required": _l("An event needs at least one room."),
    "too_many_rooms": _l("An event has at most %(maximum)s rooms."),
    "rate_limited": _l("Too many requests: wait a few seconds and try again."),
    "too_many_attempts": _l("Too many wrong room codes from this network: wait a minute, then check the code on the "
                            "screen."),
    "too_many_identities": _l("Too many new phones from this network just now: wait a minute and try again. A phone "
                              "that was here before keeps its place."),
    "forbidden": _l("This action is for the moderator."),
    "message_too_large": _l("This message is too large."),
    "internal_error": _l("Something went wrong on the server; nothing was saved. Try again."),
    "not_clusterable": _l("Only the ideas of a brainstorm or word cloud can be clustered."),
    "unknown_cluster": _l("This cluster does not exist in this activity."),
    "ideas_not_in_cluster": _l("Only ideas of this cluster can be split off from it."),
    "nothing_to_undo": _l("There is nothing left to undo."),
    "unknown_criterion": _l("This criterion is not one of this activity's criteria."),
    "invalid_weight": _l("A weight is a number from 0 to 10."),
    "weights_all_zero": _l("At least one criterion needs a weight above zero."),
    "invalid_minimum": _l("The smallest group size must be at least 1."),
    "unknown_item": _l("This item is not part of this vote."),
    "duplicate_item": _l("The same item appears twice in this ranking."),
    "invalid_ranking": _l("Rank the items 1, 2, 3… without gaps or ties."),
    "placement_incomplete": _l("Place each item on both impact and feasibility."),
    "no_strategy": _l("This event has no strategy to vote on."),
    "no_items_to_vote_on": _l("There is nothing to vote on yet: add ideas, clusters or axes first."),
    "cluster_already_axis": _l("The cluster “%(label)s” is already the axe %(axis)s: open that axe, or delete it first."),
    "merge_axis_into_itself": _l("An axe cannot be merged into itself."),
    "unknown_language": _l("This language is not one of French, Arabic and English."),
    "nothing_to_promote": _l("Choose at least one cluster or idea to make an axe from."),
    "idea_hidden": _l("A hidden idea cannot become an axe."),
    "unknown_axis": _l("This axe does not exist in this strategy."),
    "unknown_event": _l("This event does not exist."),
    "unknown_field": _l("This field is not part of an axe."),
    "unknown_language": _l("This language is not offered."),
    "invalid_versions": _l("Only the texts people type can be given in another language."),
    "invalid_choice": _l("This choice is not in the list."),
    "too_many_rows": _l("This list is too long: %(maximum)s rows at most."),
    "edit_conflict": _l("Someone saved this axe while you were editing it. Your changes were not saved: "
                        "reload to see their version, then make your changes again."),
    "disposition_not_allowed": _l("Only the axes of a regional strategy are kept, adapted or dropped."),
    "parent_not_allowed": _l("Only an axe of a regional strategy has a parent axe."),
    "parent_outside_sni": _l("The parent axe must belong to the national strategy this one declines."),
    "parent_cycle": _l("These parent links would go round in a circle."),
    "unknown_template": _l("This event template does not exist."),
    "invalid_archive": _l("This file is not an archive of a national event made by this software."),
    "unknown_format": _l("This export format does not exist."),
    "document_needs_strategy": _l("This document is written from an %(kind)s: this event has none."),
    "document_needs_workshops": _l("The consolidated minutes gather what the rooms recorded: nothing has been "
                                   "recorded in this event yet."),
    "unknown_edition": _l("No barometer edition has this number or title."),
    "duplicate_edition": _l("An edition already has this title."),
    "unknown_indicator": _l("This indicator is not in the edition's framework (or is not a legal indicator)."),
    "invalid_legal_score": _l("A legal score is 0, 50 or 100."),
    "invalid_indicator_key": _l("An indicator key is 2 to 60 lower-case letters, digits or underscores, starting with a letter."),
    "duplicate_indicator": _l("Another indicator already has the key %(key)s."),
    "invalid_framework": _l("This framework is not well formed: three sectors, four dimensions, a list of indicators."),
    "invalid_date": _l("Give the date as YYYY-MM-DD."),
    "unknown_legal_score": _l("This legal score does not exist in this edition."),
    "unknown_policy_event": _l("This policy event does not exist in this edition."),
    "unknown_comment": _l("This comment does not exist in this edition."),
    "unreadable_file": _l("This file is neither an XLSX workbook nor a CSV table."),
    "missing_columns": _l("Columns missing from the file: %(columns)s."),
    "missing_uuid": _l("No submission identifier (_uuid or meta/instanceID) on this row."),
    "duplicate_uuid": _l("This submission (%(value)s) appears twice in the file."),
    "required": _l("%(question)s: the answer is missing."),
    "not_a_choice": _l("%(question)s: “%(value)s” is not one of the choices."),
    "not_a_number": _l("%(question)s: “%(value)s” is not a number."),
    "not_a_date": _l("%(question)s: “%(value)s” is not a date."),
    "no_known_column": _l("No column of this file is a question of the form."),
    "too_many_rows": _l("This file has too many rows."),
    "invalid_dates": _l("The last day comes before the first, or the meeting lasts more than %(maximum)s days."),
    "invalid_logo": _l("A logo is a PNG or JPEG image."),
    "logo_too_large": _l("A logo weighs at most %(maximum)s MB."),
    "unknown_organiser": _l("No organiser or partner is called “%(name)s”: add it before its logo."),
    "regions_not_allowed": _l("Only a regional strategy (SRI) covers regions."),
    "unknown_logo": _l("This logo does not exist."),
    "match_same_room": _l("A common priority pairs clusters or axes of two different rooms."),
    "unknown_language": _l("This language is not one of the languages offered."),
    "too_many_organisations": _l("An event has at most %(maximum)s organisations."),
    "unknown_region": _l("This region is not in the list of regions."),
    "invalid_slug": _l("A short key is 1 to 60 lower-case letters, digits, hyphens or underscores."),
    "duplicate_organisation": _l("The organisation %(name)s is already in this event."),
    "duplicate_slug": _l("Another organisation of this event already has the key %(slug)s."),
    "unknown_organisation": _l("The organisation “%(value)s” is not in this event's list."),
    "invalid_level": _l("“%(value)s” is not a level: answer 1, 2, 3, 4 or « non applicable » (na)."),
    "unknown_role": _l("“%(value)s” is not one of the roles in the list."),
    "unknown_round": _l("“%(value)s” is not a round: « initial » or « suivi »."),
    "unknown_modality": _l("“%(value)s” is not a modality: « atelier_collectif » or « accompagnement »."),
    "unknown_domain": _l("“%(value)s” is not a domain of this questionnaire."),
    "unknown_questionnaire_item": _l("This statement is not part of the questionnaire."),
    "invalid_item_key": _l("A key is 2 to 40 lower-case letters, digits or underscores, starting with a letter."),
    "invalid_template": _l("This questionnaire is not well formed: domains, each with its statements and their "
                           "four levels."),
    "duplicate_key": _l("The key %(key)s appears twice in the questionnaire."),
    "unknown_plan_action": _l("This line of the plan does not exist."),
    "no_organisations": _l("This event has no organisation yet: add them first (workshop add-organisation)."),
}

# Values that travel in error parameters as codes, and what people read instead.
PARAMETER_LABELS = {
    "draft": _l("in preparation"),
    "open": _l("open"),
    "closed": _l("closed"),
    "revealed": _l("revealed"),
}


def translator(language: str) -> Callable[[str], str]:
    """gettext in ``language`` whatever the request's own: for exports and agendas made in a chosen language."""
    def translate(text: str) -> str:
        with force_locale(language):
            return gettext(text)

    return translate


def error_message(code: str, params: Mapping[str, object], language: str | None = None) -> str:
    """The translated sentence for an error code, in ``language`` when given."""
    if language is None:
        return _render(code, params)
    with force_locale(language):
        return _render(code, params)


def _render(code: str, params: Mapping[str, object]) -> str:
    message = ERROR_MESSAGES.get(code, ERROR_MESSAGES["internal_error"])
    values = {key: str(PARAMETER_LABELS[value]) if isinstance(value, str) and value in PARAMETER_LABELS else value
              for key, value in params.items()}
    try:
        if isinstance(message, tuple):
            singular, plural, counter = message
            count = values.get(counter)
            number = count if isinstance(count, int) else 2
            # flask_babel's ngettext formats with the variables it is given (and num): all of them must be there.
            return ngettext(singular, plural, number, **{key: value for key, value in values.items() if key != "num"})
        template = str(message)
        return template % values if "%(" in template else template
    except (KeyError, TypeError, ValueError):
        return str(message[0] if isinstance(message, tuple) else message).split("%(")[0].rstrip(" :")


__all__ = ["ERROR_MESSAGES", "LANGUAGES", "error_message", "gettext", "select_locale", "text_direction"]
