"""Labels of the data exports (see labels.py)."""
from __future__ import annotations

from ..domain.vocabulary import N_

DATA_LABELS: dict[str, str] = {
    "data_idea_id": N_("No."),
    "data_merged_into": N_("Merged into"),
    "data_participant": N_("Participant"),
    "data_created_at": N_("Sent at"),
    "data_criterion": N_("Criterion"),
    "data_sheet_contents": N_("Contents"),
    "data_sheet": N_("Sheet"),
    "data_room": N_("Room"),
    "data_question": N_("Question"),
    "data_summary": N_("Summary"),
    "data_responses": N_("Responses"),
    "data_sheet_axes": N_("Axes"),
    "data_code": N_("Code"),
    "data_theme": N_("Theme"),
    "data_status": N_("Status"),
    "data_parent_axis": N_("Parent axe"),
    "data_disposition": N_("Disposition"),
    "data_clusters": N_("Clusters"),
    "data_source_ideas": N_("Source ideas"),
    "data_sheet_groups": N_("By group"),
    "data_dimension": N_("Breakdown"),
    "data_group": N_("Group"),
    "data_measure": N_("Measure"),
    "data_value": N_("Value"),
}
