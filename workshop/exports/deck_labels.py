"""Labels of the deck exports (see labels.py)."""
from __future__ import annotations

from ..domain.vocabulary import N_

DECK_LABELS: dict[str, str] = {
    "deck_kicker": N_("Restitution"),
    "deck_label_value": N_("%(label)s: %(value)s"),  # French: "%(label)s : %(value)s"
    "deck_quote": N_("“%(text)s”"),  # French: "« %(text)s »"
    "deck_continued": N_("continued"),
    "deck_no_results": N_("No results yet"),
    "deck_no_words": N_("No words yet"),
    "deck_more_in_spreadsheet": N_("More in the spreadsheet:"),
    "deck_priority_axes": N_("Priority axes"),
    "deck_method": N_("Method"),
    "deck_declines": N_("Declines"),
    "deck_parent_axis": N_("National axe"),
    "deck_power_interest": N_("Power/interest grid"),
    "deck_not_placed": N_("not placed"),
    "deck_alignment_strongly_opposed": N_("Strongly opposed"),
    "deck_alignment_opposed": N_("Opposed"),
    "deck_alignment_neutral": N_("Neutral"),
    "deck_alignment_supportive": N_("Supportive"),
    "deck_alignment_strongly_supportive": N_("Strongly supportive"),
    "deck_comparison": N_("The workshops side by side"),
    "deck_common_priorities": N_("Common priorities"),
    "deck_distinct_priorities": N_("only here"),
    "deck_common_axes": N_("Common axes"),
    "deck_room_priorities": N_("Priorities of the workshop"),
    "deck_restitution_priorities": N_("The axes as voted in the restitution"),
    "deck_decisions_next_steps": N_("Decisions and next steps"),
    "deck_left_out": N_("Left out of this summary"),
    "deck_left_out_where": N_("%(count)s slides, all in the full deck and in the documents"),
    "deck_left_out_item": N_("« %(prompt)s » (%(room)s)"),
    "deck_left_out_clusters": N_("The clusters of a brainstorm and how many ideas each gathered"),
    "deck_left_out_tables": N_("Further pages of result tables"),
    "deck_hint_next_steps": N_("Write here what the meeting decided, who does what next, and by when."),
}
