"""Every sentence the page modules show, translated on the server and handed to them in the data island.

The JavaScript looks strings up by key (``t("sent")``); keeping them here lets pybabel extract them
with the rest, so the browser needs no translation machinery of its own. Placeholders use Python's
``%(name)s`` form, which the pages fill in the same way.

The pages' own sentences are below; the names of codes (regions, criteria, the axe's choices) come from
domain/vocabulary.py and each activity type's texts from its module (``ActivityType.labels``), declared once
for the pages and the exports alike.
"""
from __future__ import annotations

from babel import Locale
from flask_babel import get_locale, get_translations, gettext, lazy_gettext as _l, lazy_pgettext as _lp

from ..activities import type_labels, type_plural_labels
from ..domain.vocabulary import merged_labels, vocabulary_labels

PAGE_STRINGS = {
    # Connection and delivery (static/js/socket.js)
    "sent": _l("Sent"),
    "waiting": _l("Waiting to be sent"),
    "not_sent": _l("Not sent"),
    "awaiting_review": _l("The moderator will review it before it is shown."),
    "hidden_by_moderation": _l("hidden by the moderators"),
    "shown_in_base_language": _l("Not translated into your language yet: shown as written."),
    "offline": _l("Connection lost: your answers are kept and will be sent when it returns."),
    "offline_screen": _l("Connection lost: reconnecting…"),
    "offline_moderator": _l("Connection lost: reconnecting… Commands cannot be sent until it returns."),
    "online": _l("Connected"),
    "connecting": _l("Connecting…"),
    "no_answer": _l("The server did not answer. Check the connection and try again."),
    "not_connected": _l("Not connected to the server: try again when the connection returns."),
    "dismiss": _l("Dismiss"),
    # Phone page (static/js/participant.js and static/js/activities/)
    "waiting_for_activity": _l("Welcome! The next activity will appear here when the moderator starts it."),
    "results": _l("Results"),
    "activity_closed": _l("This activity is closed."),
    "send": _l("Send"),
    "write_first": _l("Please write something first."),
    "my_answers": _l("My answers"),
    "quota": _l("Answers given: %(count)s of %(maximum)s."),
    "quota_reached": _l("You have given the %(maximum)s answers this activity takes. Thank you!"),
    "send_vote": _l("Send my vote"),
    "vote_not_sent": _l("Not sent yet."),
    "vote_changed": _l("Changed: send it again to count the change."),
    "vote_sent": _l("Vote sent"),
    "points_left": _l("Points left: %(left)s of %(budget)s"),
    "nothing_to_vote_on": _l("Nothing to vote on yet."),
    "profile_saved": _l("Profile saved"),
    # Results (static/js/activities/)
    "results_respondents": _l("Respondents: %(count)s"),
    "no_answers_yet": _l("No answers yet."),
    # Projector (static/js/screen.js)
    "screen_welcome": _l("Scan the code or type the address on your phone to take part."),
    "screen_phase_open": _l("Answer on your phone"),
    "screen_phase_closed": _l("Answers are closed"),
    "screen_phase_revealed": _l("Results"),
    "screen_answer_on_phone": _l("Answers appear here as they arrive."),
    "screen_results_later": _l("The results will be shown soon."),
    "cloud_label": _l("Word cloud (most frequent words: %(count)s)"),
    "no_ideas": _l("No ideas yet."),
    # Moderator console (static/js/moderator.js)
    "action_open": _lp("action", "Open"),  # a button, where "phase_open" is a state: two words in French
    "action_close": _l("Close"),
    "action_reopen": _l("Reopen"),
    "action_reveal": _l("Reveal results"),
    "action_show": _l("Show on the projector"),
    "action_delete": _l("Delete"),
    "move_up": _l("Move up"),
    "move_down": _l("Move down"),
    "confirm_delete": _l("Delete this activity?"),
    "on_screen": _l("On the projector"),
    "live_results": _l("live results"),
    "no_activity_yet": _l("No activity yet."),
    "activity_added": _l("Activity added to the agenda, in preparation."),
    "ideas_count": _l("Ideas: %(count)s · cards on the wall: %(cards)s"),
    "merge": _l("Merge"),
    "merge_into": _l("Merge the selected ideas into"),
    "merged_ideas": _l("Merged ideas"),
    "select_for_merge": _l("Select for merging"),
    "approve": _l("Approve"),
    "awaiting_approval": _l("Awaiting approval"),
    "hide": _l("Hide"),
    "restore": _l("Restore"),
    "unmerge": _l("Unmerge"),
    "received_at": _l("Received at %(time)s"),
    "config_source": _l("Vote on the ideas of"),
    # Prioritization on the phone (static/js/activities/ratings.js)
    "rate_both_axes": _l("Place every item on both axes, or on neither (%(count)s to finish)."),
    # Prioritization results (static/js/activities/)
    "score": _l("Score"),
    "score_out_of_100": _l("Score: %(score)s / 100"),
    "groups_title": _l("By group of participants"),
    "groups_by_organisation_type": _l("By type of organisation"),
    "groups_by_region": _l("By region"),
    "groups_by_sex": _l("By sex"),
    "small_group_hint": _l("Groups too small to be shown on their own are counted together under “Others”; if "
                           "they are still too few, they are left out."),
    "group_other": _l("Others"),
    # New activity form (static/js/activities/fields.js)
    "config_target": _l("Vote on"),
    "target_ideas": _l("Ideas"),
    "target_clusters": _l("Clusters"),
    "target_axes": _l("Axes of the strategy"),
    "config_source_items": _l("Ideas or clusters of"),
    "config_no_source": _l("Add a brainstorm or a word cloud first."),
    # Clustering board (static/js/clustering.js)
    "tab_ideas": _l("Ideas and moderation"),
    "tab_board": _l("Clusters"),
    "clustering_board": _l("Clustering board"),
    "board_hint": _l("Drag the cards into clusters (on a tablet: press a card for a moment, then drag). Tick cards to make a cluster of them, tick clusters to merge them or make an axe."),
    "cluster_label": _l("Cluster label"),
    "cluster_label_placeholder": _l("Label of a new cluster"),
    "cluster_label_needed": _l("Type the label of the new cluster first."),
    "create_cluster": _l("Create a cluster"),
    "split_default_label": _l("%(label)s (2)"),
    "rename_cluster": _l("Rename the cluster"),
    "select_cluster": _l("Select the cluster %(label)s"),
    "select_card": _l("Select this card"),
    "delete_cluster": _l("Delete the cluster %(label)s"),
    "confirm_delete_cluster": _l("Delete the cluster “%(label)s”? Its cards go back to the ideas not in a cluster."),
    "move_selected_to": _l("Move them to"),
    "move": _l("Move"),
    "merge_clusters_into": _l("Merge them into"),
    "clear_selection": _l("Clear the selection"),
    "undo": _l("Undo"),
    "undone": _l("Undone: %(action)s"),
    "undone_what": _l("Undone: %(action)s (%(what)s)"),
    "suggest_clusters": _l("Suggest clusters"),
    "suggestions": _l("Suggested clusters"),
    "no_suggestions": _l("No suggestion: every card is in a cluster."),
    "suggestions_done": _l("Every suggestion was accepted or rejected."),
    "suggestion_into": _l("Into the existing cluster “%(label)s”"),
    "suggestion_new": _l("New cluster"),
    "unnamed_cluster": _l("Cluster"),
    "accept": _l("Accept"),
    "edit": _l("Edit"),
    "editing": _l("Editing: untick cards, change the label"),
    "reject": _l("Reject"),
    "close": _l("Close"),
    "clustering_log": _l("History"),
    "log_empty": _l("No change yet."),
    "log_undone": _l("undone"),
    "log_counts": _l("cards: %(ideas)s · clusters: %(clusters)s"),
    "log_create_cluster": _l("cluster created"),
    "log_rename_cluster": _l("cluster renamed"),
    "log_move_ideas": _l("cards moved"),
    "log_merge_clusters": _l("clusters merged"),
    "log_split_cluster": _l("cluster split"),
    "log_delete_cluster": _l("cluster deleted"),
    "log_promote_to_axis": _l("axe made from clusters"),
    "log_delete_axis": _l("axe deleted"),
    "log_merge_axes": _l("axes merged"),
    "make_axis": _l("Make an axe"),
    "axis_theme": _l("Theme"),
    "axis_title": _l("Title of the axe"),
    "axis_created": _l("The axe d'influence was created."),
    "open_axis_editor": _l("Open the axe editor"),
    "open_axis": _l("Open the axe %(code)s"),
    "axis_exists": _l("This cluster is already the axe %(code)s."),
    # Axe editor (static/js/axis.js): the sections and columns of the axe's record (domain/axes.py)
    "ax_versions": _l("In other languages"),
    "ax_versions_hint": _l("What the Arabic and English documents print instead of the French text. Left empty, they "
                           "print the French, marked “in French”."),
    "ax_problem": _l("Problem"),
    "ax_problem_central": _l("Central problem"),
    "ax_problem_causes": _l("Causes (one per line)"),
    "ax_problem_effects": _l("Effects (one per line)"),
    "ax_problem_evidence": _l("Evidence"),
    "ax_objectives": _l("Objectives"),
    "ax_objectives_change": _l("Change objective (long term)"),
    "ax_objectives_smart": _l("Specific SMART objectives"),
    "ax_objectives_change_type": _l("Type of change"),
    "ax_asks": _l("Asks"),
    "ax_actors": _l("Actors"),
    "ax_messages": _l("Messages"),
    "ax_messages_central": _l("Central message"),
    "ax_messages_by_target": _l("Message per target"),
    "ax_activities": _l("Activities"),
    "ax_windows": _l("Windows of opportunity"),
    "ax_risks": _l("Risks"),
    "ax_indicators": _l("Indicators"),
    "ax_progress_markers": _l("Progress markers"),
    "col_evidence_fact": _l("Fact"),
    "col_evidence_figure": _l("Figure"),
    "col_evidence_source": _l("Source"),
    "col_evidence_date": _l("Date"),
    "col_smart_statement": _l("Statement"),
    "col_smart_indicator": _l("Indicator"),
    "col_smart_deadline": _l("Deadline"),
    "col_asks_measure": _l("Measure asked for"),
    "col_asks_decision_maker": _l("Decision-maker"),
    "col_asks_instrument": _l("Instrument"),
    "col_asks_level": _l("Level"),
    "col_actors_name": _l("Name or institution"),
    "col_actors_role": _l("Role"),
    "col_actors_influence": _l("Influence (1–5)"),
    "col_actors_interest": _l("Interest (1–5)"),
    "col_actors_alignment": _l("Alignment (−2 to +2)"),
    "col_target_messages_target": _l("Target"),
    "col_target_messages_message": _l("Message"),
    "col_target_messages_messenger": _l("Messenger"),
    "col_target_messages_channel": _l("Channel"),
    "col_activities_type": _l("Type"),
    "col_activities_description": _l("Description"),
    "col_activities_owner": _l("Responsible"),
    "col_activities_start": _l("Start"),
    "col_activities_end": _l("End"),
    "col_activities_resources": _l("Resources"),
    "col_windows_event": _l("Event"),
    "col_windows_date": _l("Date"),
    "col_risks_description": _l("Description"),
    "col_risks_type": _l("Type"),
    "col_risks_probability": _l("Probability (1–4)"),
    "col_risks_impact": _l("Impact (1–4)"),
    "col_risks_mitigation": _l("Mitigation"),
    "col_indicators_level": _l("Level"),
    "col_indicators_indicator": _l("Indicator"),
    "col_indicators_baseline": _l("Baseline"),
    "col_indicators_target": _l("Target"),
    "col_indicators_source": _l("Source"),
    "col_progress_markers_expect": _l("Expect to see"),
    "col_progress_markers_like": _l("Like to see"),
    "col_progress_markers_love": _l("Love to see"),
    "add_row": _l("Add a row"),
    "remove_row": _l("Remove this row"),
    "no_rows": _l("Nothing yet."),
    "choose": _l("Choose…"),
    "risk_level": _l("Level %(level)s / 16"),
    "power_grid": _l("Power/interest grid"),
    "power_grid_label": _l("Actors placed by influence (up) and interest (across); colour: alignment"),
    "grid_influence": _l("Influence"),
    "grid_interest": _l("Interest"),
    "alignment_legend": _l("Colour: opponent (−2) to ally (+2)"),
    "save": _l("Save"),
    "saving": _l("Saving…"),
    "saved": _l("Saved (version %(version)s)"),
    "unsaved": _l("Changes not saved yet"),
    "save_failed": _l("Not saved: %(message)s"),
    "conflict_title": _l("Someone else saved this axe while you were editing it."),
    "conflict_text": _l("Your changes are NOT saved, and theirs were not overwritten (their version: %(version)s). Copy what you want to keep, then reload their version and add it again."),
    "reload_their_version": _l("Reload their version"),
    "leave_unsaved": _l("Changes are not saved. Leave anyway?"),
    "disposition": _l("Disposition in the region"),
    "provenance": _l("Where this axe comes from"),
    "parent_axis": _l("Parent axe (SNI)"),
    "parent_text": _l("The SNI axe, as the national meeting wrote it"),
    "no_parent": _l("No parent (regional only)"),
    "provenance_ideas": _l("Source ideas"),
    "provenance_clusters": _l("Source clusters"),
    "provenance_scores": _l("Votes and scores at promotion"),
    "provenance_declined": _l("Declined from the SNI axe"),
    "load_failed": _l("The axe could not be loaded: %(message)s"),
    # Strategy page (static/js/strategy.js)
    "axis_moved": _l("Order saved."),
    # Room settings in the console (static/js/console_room.js)
    "room_name": _l("Name of the room"),
    "version_in": _l("%(label)s in %(language)s (optional)"),
    "version_lines_in": _l("%(label)s in %(language)s: one per line, in the same order (optional)"),
    # Editing an activity (static/js/activity_editor.js)
    "edit_activity": _l("Edit"),
    "edit_prompt": _l("Question or instruction"),
    "edit_settings": _l("Settings"),
    "edit_live_results": _l("Show results on the projector while answers come in"),
    "edit_settings_locked": _l("The settings no longer change once the activity has been opened: answers depend on them."),
    "activity_saved": _l("Activity saved."),
    "cancel": _l("Cancel"),
    "confirm_delete_axis": _l("Delete the axe %(code)s “%(title)s”? « Undo » on this page brings it back."),
    "merge_axes_needs_two": _l("Tick at least two axes to merge them."),
    "national_common": _l("common to several rooms (confirmed)"),
    "national_distinct": _l("this workshop only"),
    "national_no_priorities": _l("No prioritization closed or revealed yet."),
    "national_no_axes": _l("No axe from this workshop yet."),
    "national_priorities": _l("Priorities"),
    "national_axes": _l("Axes"),
    "national_common_priorities": _l("Priorities common to several workshops (confirmed)"),
    "national_common_axes": _l("Axes common to several rooms (confirmed)"),
    "national_no_confirmed": _l("No pair confirmed yet: confirm the proposals below, or add a pair."),
    # A button's accessible name: what it does, then to which item (French puts a space before the colon).
    "action_on_item": _l("%(action)s: %(item)s"),
    # Downloads (static/js/downloads.js)
    "export_running": _l("Preparing the file…"),
    "export_ready": _l("Ready: the download starts."),
    "export_failed": _l("The file could not be made."),
}



def _n(singular: str, plural: str) -> tuple[str, str]:
    """A sentence with a number (``%(count)s``): extracted with its plural, translated in every plural form."""
    return singular, plural


# Sentences that count something: the page picks the form with Intl.PluralRules (dom.js ``tn``), so Arabic gets its
# six forms and French says « 1 carte » and « 2 cartes ».
PLURAL_STRINGS = {
    "connected_count": _n("Connected: %(count)s", "Connected: %(count)s"),
    "phones_connected": _n("%(count)s phone connected", "%(count)s phones connected"),
    "phones_of_expected": _n("%(count)s phone connected of %(expected)s expected",
                             "%(count)s phones connected of %(expected)s expected"),
    "create_cluster_with": _n("New cluster with the selected card", "New cluster with the %(count)s selected cards"),
    "split_selected": _n("New cluster with the selected card", "New cluster with the %(count)s selected cards"),
    "clusters_selected": _n("%(count)s cluster selected", "%(count)s clusters selected"),
    "cards_selected": _n("%(count)s card selected", "%(count)s cards selected"),
    "make_axis_of": _n("Make one axe of this cluster", "Make one axe of these %(count)s clusters"),
    "national_proposed_count": _n("%(count)s proposed pair to confirm or split below",
                                  "%(count)s proposed pairs to confirm or split below"),
    "merged_count": _n("%(count)s idea merged into this one", "%(count)s ideas merged into this one"),
    "pending_count": _n("%(count)s awaiting approval", "%(count)s awaiting approval"),
    "word_count": _n("%(count)s word of %(maximum)s at most", "%(count)s words of %(maximum)s at most"),
    "character_count": _n("%(count)s character of %(maximum)s at most", "%(count)s characters of %(maximum)s at most"),
    "screen_received_answers": _n("%(count)s answer received", "%(count)s answers received"),
    "screen_received_ballots": _n("%(count)s vote received", "%(count)s votes received"),
    "screen_ideas_hidden": _n("%(count)s idea received. They will be shown at the reveal.",
                              "%(count)s ideas received. They will be shown at the reveal."),
}

# The pages' counting sentences and the activity types' (``ActivityType.plural_labels``): one key, one declaration.
ALL_PLURAL_STRINGS: dict[str, tuple[str, str]] = merged_labels(PLURAL_STRINGS, type_plural_labels())  # type: ignore[assignment]

# A number of each plural category, for each language (found once from the CLDR rules babel carries).
_SAMPLES: dict[str, dict[str, int]] = {}


def _samples(language: str) -> dict[str, int]:
    if language not in _SAMPLES:
        rules = Locale.parse(language).plural_form
        found: dict[str, int] = {}
        for number in range(0, 1001):
            found.setdefault(rules(number), number)
        _SAMPLES[language] = found
    return _SAMPLES[language]


def translated_plural_strings() -> dict[str, dict[str, str]]:
    """Each counting sentence in every plural category of the page's language: ``{key: {"one": …, "other": …}}``."""
    language = str(get_locale() or "fr")
    catalog = get_translations()  # its ngettext leaves the placeholders for the page to fill
    return {key: {category: catalog.ngettext(singular, plural, number)
                  for category, number in _samples(language).items()}
            for key, (singular, plural) in ALL_PLURAL_STRINGS.items()}


# Plain msgids (vocabulary, activity types) are translated when a page is rendered; lazy ones on ``str``.
CLIENT_STRINGS = merged_labels(PAGE_STRINGS, vocabulary_labels(), type_labels())


def translated_client_strings() -> dict[str, str]:
    return {key: gettext(value) if isinstance(value, str) else str(value) for key, value in CLIENT_STRINGS.items()}
