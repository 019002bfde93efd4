"""Labels of the meeting's identity, the group view, the declared signals and the consolidation (see labels.py)."""
from __future__ import annotations

from ..domain.vocabulary import N_

CONSOLIDATION_LABELS: dict[str, str] = {
    # Identity on the covers
    "dates": N_("Dates"),
    "organisers": N_("Organisers"),
    "partners": N_("Partners"),
    "project": N_("Project"),
    "version_label": N_("Version"),
    "regions": N_("Regions"),
    "room_theme": N_("Theme"),
    "date_range": N_("%(first)s to %(last)s"),
    # The group view
    "group_view": N_("Who supports what: by type of organisation and by region"),
    "group": N_("Group"),
    "group_n": N_("n"),
    "group_rank": N_("Rank in the group"),
    "group_other": N_("others"),
    "group_pooled_note": N_("Groups of fewer than %(minimum)s respondents are pooled into « others » and never "
                            "shown alone."),
    "by_organisation_type": N_("By type of organisation"),
    "by_region": N_("By region"),
    "reading": N_("Reading"),
    "consensus_strong": N_("broad agreement across groups (%(low)s to %(high)s)"),
    "divergence": N_("strong support from %(high_group)s (%(high)s), weak from %(low_group)s (%(low)s)"),
    "divergence_mild": N_("more support from %(high_group)s (%(high)s) than from %(low_group)s (%(low)s)"),
    "within_split": N_("opinions divided within the groups"),
    "per_respondent": N_("%(value)s per respondent"),
    "no_support": N_("no support from the groups shown"),
    "too_few_groups": N_("not enough respondents per group to compare"),
    # Every signal declared
    "signals": N_("Every prioritization, side by side"),
    "method": N_("Method"),
    "respondents_short": N_("Respondents"),
    "top_item": N_("First item"),
    "signals_agree": N_("The prioritizations agree (rank correlation %(correlation)s on %(count)s shared items)."),
    "signals_disagree": N_("« %(first)s » and « %(second)s » disagree: %(reason)s."),
    "reason_top": N_("the first puts « %(top_a)s » first, the second « %(top_b)s »"),
    "reason_correlation": N_("their rank correlation on %(count)s shared items is only %(correlation)s"),
    "reason_both": N_("their rank correlation on %(count)s shared items is only %(correlation)s, and the first "
                      "puts « %(top_a)s » first, the second « %(top_b)s »"),
    "signals_heading_note": N_("Each method asks a different question; where they disagree, the room's priorities "
                                "are a choice to make, not a count."),
    "chosen_order": N_("Order kept"),
    "baseline_data": N_("The meeting's baseline: plenary scales and polls"),
    # The consolidation
    "meeting_agenda": N_("Agenda of the meeting"),
    "plenary_results": N_("Plenary results"),
    "thematic_workshops": N_("The thematic workshops"),
    "disagreements": N_("Where the signals disagree"),
    "no_disagreements": N_("The prioritizations of each workshop agree with each other."),
    "restitution_vote": N_("The restitution vote"),
    "no_restitution": N_("No restitution vote has been recorded."),
    "axes_origin": N_("Which axes came from which workshop"),
    "origin_room": N_("Workshop"),
    "common_axes": N_("Axes common to several rooms"),
    "same_axe_as": N_("Same axe as (confirmed)"),
    "no_common_axes": N_("No axe drafted in one room has been confirmed as the same as another room's."),
    "distinct_axes": N_("Axes drafted in one room only"),
    "no_origin": N_("Plenary or written afterwards"),
    "missing_parts": N_("Not in this consolidation"),
    "missing_second_workshop": N_("Only one thematic workshop has prioritized: there is nothing to compare it "
                                  "with yet."),
    "missing_plenary": N_("No plenary has been recorded."),
    "missing_workshops": N_("No thematic workshop has prioritized yet."),
    "ideas_annex": N_("Annex: every idea on the wall, by cluster"),
    "ideas_in_annex": N_("%(count)s ideas in %(clusters)s clusters: all of them are in the annex."),
    "matched_pair": N_("%(labels)s"),
    "confirmed_match": N_("confirmed by the moderator"),
    "no_confirmed_priorities": N_("No pair has been confirmed on the strategy page yet; the clustering engine "
                                  "proposes these:"),
    "proposed_match": N_("proposed (same theme, close wording), to confirm"),
    "kind_plenary": N_("Plenary"),
    "kind_workshop": N_("Thematic workshop"),
    "kind_restitution": N_("Restitution"),
}
