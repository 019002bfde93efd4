"""The words of the « Rapport d'évaluation des capacités organisationnelles », its slides and its workbook: English
msgids (``N_``), translated by the one builder (services/capacities_reports.py) into the report's language."""
from __future__ import annotations

from ..domain.vocabulary import N_

CAPACITY_LABELS: dict[str, str] = {
    "cap_title": N_("Organisational capacity assessment report"),
    "cap_kicker": N_("Self-assessment of migrant-led organisations"),
    "cap_subtitle": N_("Diagnosis, shared and specific needs, plan de renforcement"),
    "cap_cover_organisations": N_("Organisations assessed"),
    "cap_cover_respondents": N_("Respondents"),
    "cap_cover_rounds": N_("Rounds"),
    "cap_cover_names": N_("Organisations named by"),
    "cap_names_codes": N_("codes (OPM 1, OPM 2…)"),
    "cap_names_names": N_("their names"),
    "cap_notice": N_("Answers are given per role, never per person: no respondent is named in this report."),
    "cap_section_method": N_("Method"),
    "cap_method_text": N_(
        "Each organisation assessed itself on %(domains)s domains of organisational capacity (%(items)s statements). "
        "Each statement is rated on four anchored levels — 1 emerging, 2 developing, 3 established, 4 mature — or "
        "« not applicable ». Board members, staff and members answered individually on their phones or on field "
        "tablets (KoboToolbox/ODK); the organisation then discussed the statements on which its answers differed "
        "and agreed on a level."),
    "cap_method_scores": N_(
        "A statement's score is the level agreed in that discussion when there is one, otherwise the mean of the "
        "respondents' levels; « not applicable » counts nowhere. A domain's score is the mean of its statements' "
        "scores, on the 1–4 scale. The gap is the domain's target level minus its score; the priority is the gap "
        "multiplied by the domain's importance (1 low, 2 medium, 3 high)."),
    "cap_method_needs": N_(
        "A domain is a need of an organisation when its score is at least half a level below the target. A need "
        "shared by most organisations is met by a group workshop; the others by coaching of the organisation."),
    "cap_section_participants": N_("Participating organisations and respondents"),
    "cap_col_organisation": N_("Organisation"),
    "cap_col_region": N_("Region"),
    "cap_col_respondents": N_("Respondents"),
    "cap_col_role": N_("Role"),
    "cap_col_domain": N_("Domain"),
    "cap_col_score": N_("Score (1–4)"),
    "cap_col_initial": N_("Initial"),
    "cap_col_follow_up": N_("Follow-up"),
    "cap_col_change": N_("Change"),
    "cap_col_target": N_("Target"),
    "cap_col_gap": N_("Gap"),
    "cap_col_importance": N_("Importance"),
    "cap_col_priority": N_("Priority"),
    "cap_col_items": N_("Statements scored"),
    "cap_col_need": N_("Need"),
    "cap_col_action": N_("Action"),
    "cap_col_modality": N_("Modality"),
    "cap_col_owner": N_("Owner"),
    "cap_col_deadline": N_("Deadline"),
    "cap_col_statement": N_("Statement"),
    "cap_col_level": N_("Level"),
    "cap_col_round": N_("Round"),
    "cap_col_evidence": N_("Evidence"),
    "cap_col_comment": N_("Comment"),
    "cap_col_source": N_("Source"),
    "cap_col_respondent": N_("Respondent"),
    "cap_col_note": N_("Note"),
    "cap_all_organisations": N_("All the organisations concerned"),
    "cap_section_heatmap": N_("Overview: organisations × domains"),
    "cap_heatmap_title": N_("Domain scores by organisation (1 emerging – 4 mature)"),
    "cap_heatmap_note": N_("Empty cells: no statement of the domain was scored. Scores of the latest round."),
    "cap_section_profiles": N_("Profile of each organisation"),
    "cap_radar_title": N_("%(organisation)s: domain scores"),
    "cap_radar_note": N_("Teal: initial assessment; amber: follow-up; grey outline: target level."),
    "cap_strengths": N_("Strengths"),
    "cap_gaps": N_("Main gaps"),
    "cap_none": N_("none"),
    "cap_weakest": N_("Statements to work on first (lowest scores, below « consolidé »):"),
    "cap_section_needs": N_("Shared and specific needs"),
    "cap_shared_needs": N_("Shared needs (group workshops)"),
    "cap_specific_needs": N_("Specific needs (coaching)"),
    "cap_no_shared_needs": N_("No need is shared by most organisations."),
    "cap_section_plan": N_("Plan de renforcement"),
    "cap_plan_empty": N_("The plan has not been drawn up yet."),
    "cap_section_annex": N_("Annex: the questionnaire"),
    "cap_annex_domain": N_("%(domain)s — target %(target)s, importance %(importance)s"),
    "cap_to_complete": N_("To complete"),
    "cap_sheet_scores": N_("Scores"),
    "cap_sheet_answers": N_("Answers"),
    "cap_sheet_consensus": N_("Consensus"),
    "cap_sheet_plan": N_("Plan"),
    "cap_sheet_questionnaire": N_("Questionnaire"),
    "cap_slide_thanks": N_("Next steps: the plan de renforcement"),
}
