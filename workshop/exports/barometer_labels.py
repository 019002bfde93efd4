"""Every word the barometer's form, dashboard, reports and workbooks print, by key (English msgids, ``N_``).

Region names come from ``domain/vocabulary.py`` (``CODE_LABELS["region"]``); sectors, dimensions and indicators are
data of the framework, in French, Arabic and English.
"""
from __future__ import annotations

from ..domain.vocabulary import N_

BAROMETER_LABELS: dict[str, str] = {
    # The form and the breakdowns
    "form_region": N_("In which region do you live?"),
    "form_status": N_("What is your situation in Morocco?"),
    "form_sex": N_("You are…"),
    "status_regularise": N_("Regularised (residence card)"),
    "status_irregulier": N_("Without a residence permit"),
    "status_refugie": N_("Refugee"),
    "status_demandeur_asile": N_("Asylum seeker"),
    "sex_femme": N_("A woman"),
    "sex_homme": N_("A man"),
    "prefer_not_to_say": N_("Prefer not to say"),
    "answer_tres_facile": N_("Very easy"),
    "answer_facile": N_("Easy"),
    "answer_difficile": N_("Difficult"),
    "answer_tres_difficile": N_("Very difficult"),
    "answer_nsp": N_("Don't know"),
    "answer_oui": N_("Yes"),
    "answer_non": N_("No"),
    # Short region names, for the tiles of the map (the tooltip and the tables give the full name)
    "region_short_tanger_tetouan_al_hoceima": N_("Tanger"),
    "region_short_oriental": N_("Oriental"),
    "region_short_fes_meknes": N_("Fès"),
    "region_short_rabat_sale_kenitra": N_("Rabat"),
    "region_short_beni_mellal_khenifra": N_("Béni Mellal"),
    "region_short_casablanca_settat": N_("Casablanca"),
    "region_short_marrakech_safi": N_("Marrakech"),
    "region_short_draa_tafilalet": N_("Drâa"),
    "region_short_souss_massa": N_("Souss"),
    "region_short_guelmim_oued_noun": N_("Guelmim"),
    "region_short_laayoune_sakia_el_hamra": N_("Laâyoune"),
    "region_short_dakhla_oued_ed_dahab": N_("Dakhla"),
    # Kinds, flags, levels
    "kind_legal": N_("Law (expert score)"),
    "kind_perception": N_("Perception"),
    "kind_usage": N_("Experience of use"),
    "kind_knowledge": N_("Knowledge of rights"),
    "kind_dimension": N_("Dimension"),
    "kind_sector": N_("Sector"),
    "gap_legal": N_("Law"),
    "gap_perception": N_("Perception"),
    "gap_usage": N_("Use"),
    "flag_low_n": N_("fewer respondents than the minimum: read with caution"),
    "flag_nd": N_("n.d."),
    "national": N_("National"),
    "breakdown_status": N_("By legal status"),
    "breakdown_sex": N_("By sex"),
    "direction_up": N_("Progress"),
    "direction_down": N_("Setback"),
    "all_statuses": N_("All statuses"),
    # Drafts
    "draft_1": N_("First draft"),
    "draft_2": N_("Second draft"),
    "draft_final": N_("Final report"),
    "stamp": N_("%(draft)s — issue %(issue)s of %(date)s — figures %(fingerprint)s"),
    "report_kicker": N_("National barometer of access to basic services"),
    "report_subtitle": N_("Migrants' access to health, education and justice, by region"),
    "cover_edition": N_("Edition"),
    "cover_version": N_("Version"),
    "cover_responses": N_("Respondents"),
    "cover_previous": N_("Compared with"),
    "cover_none": N_("First edition: no comparison"),
    "draft_notice": N_("Draft for review: figures may still change. Do not quote before the final report."),
    "final_notice": N_("Final report. Figures, intervals and sample sizes are in the annexes."),
    # Sections
    "section_summary": N_("Summary"),
    "section_key_figures": N_("Key figures"),
    "section_scoreboard": N_("Scoreboard: regions × sectors"),
    "section_sante": N_("Health"),
    "section_education": N_("Education"),
    "section_justice": N_("Justice"),
    "section_recommendations": N_("Recommendations"),
    "section_gap": N_("The law and lived access"),
    "section_breakdowns": N_("By legal status and by sex"),
    "section_timeline": N_("Policy timeline"),
    "section_trends": N_("Trends over editions"),
    "section_changes": N_("What changed since the previous draft"),
    "section_comments": N_("Comments on the previous draft"),
    "section_method": N_("Annex 1 — Method"),
    "section_data": N_("Annex 2 — Data"),
    "section_general": N_("General"),
    "section_method_short": N_("Method"),
    "section_data_short": N_("Data"),
    "to_write": N_("The writers' analysis of this section, to be entered on the barometer console."),
    # Tables
    "col_region": N_("Region"),
    "col_sector": N_("Sector"),
    "col_dimension": N_("Dimension"),
    "col_indicator": N_("Indicator"),
    "col_kind": N_("Kind"),
    "col_score": N_("Score"),
    "col_n": N_("n"),
    "col_ci": N_("Interval (95 %)"),
    "col_change": N_("Change"),
    "col_flag": N_("Note"),
    "col_weight": N_("Weight"),
    "col_date": N_("Date"),
    "col_direction": N_("Direction"),
    "col_text": N_("Event"),
    "col_source": N_("Source"),
    "col_before": N_("Before"),
    "col_after": N_("Now"),
    "col_section": N_("Section"),
    "col_author": N_("Author"),
    "col_comment": N_("Comment"),
    "col_response": N_("How it was taken into account"),
    "col_status": N_("Legal status"),
    "col_sex": N_("Sex"),
    "col_respondents": N_("Respondents"),
    "col_goalpost": N_("Points"),
    "col_answer": N_("Answer"),
    "col_response_id": N_("Response"),
    "col_source_kind": N_("Collected"),
    "source_field": N_("in the field (KoboToolbox/ODK)"),
    "source_room": N_("in a workshop room"),
    # What changed
    "changes_none": N_("No figure moved by one point or more, and no section was completed."),
    "changes_first": N_("This is the first draft: nothing to compare yet."),
    "changes_previous_missing": N_("The previous draft was never issued: nothing to compare with."),
    "changes_figures": N_("Figures that moved by one point or more"),
    "changes_sections": N_("Sections completed since the previous draft"),
    "changes_responses": N_("Respondents: %(before)s in the previous draft, %(after)s now."),
    "comments_none": N_("No comment was recorded on the previous draft."),
    # Method annex
    "method_sampling": N_("Who answered"),
    "method_sampling_text": N_("%(responses)s people answered this edition: %(field)s in the field with KoboToolbox or "
                               "ODK, %(room)s in workshop rooms. They are people the partner organisations reach, "
                               "not a random sample: the figures describe them and are not estimates for every migrant "
                               "in Morocco. Each answer counts once; national figures pool every answer, so a region "
                               "with more respondents weighs more in them."),
    "method_goalposts": N_("Fixed goalposts (0 to 100)"),
    "method_goalposts_text": N_("Every indicator is put on the same 0–100 scale, with goalposts that never change "
                                "from one edition to the next, so that editions compare. Perception: very easy 100, "
                                "easy 66.7, difficult 33.3, very difficult 0; « don't know » is left out. Experience "
                                "of use and knowledge of rights: the percentage answering yes (use: among those who "
                                "needed the service). Law: experts score each provision 0, 50 or 100 against written "
                                "anchors, with the source and its date, as MIPEX does."),
    "method_intervals": N_("Intervals and sample sizes"),
    "method_intervals_text": N_("Each cell gives its score, the number of respondents behind it (n) and a 95 %% "
                                "interval: mean ± 1.96 × sd / √n for perception (sd: the sample standard deviation), "
                                "Wilson's interval for percentages. Intervals are cut at 0 and 100. A cell with fewer "
                                "than %(min_n)s respondents is flagged and shown hatched: it is printed, never hidden, "
                                "but should be read with caution. Dimensions and sectors give n (respondents who "
                                "answered at least one of their questions) but no interval."),
    "method_rule": N_("The two-thirds rule"),
    "method_rule_text": N_("A dimension's score is the mean of its indicators' scores when at least two thirds of "
                           "them have a value; otherwise it is « n.d. » (not available). A sector's score is the "
                           "mean of its dimensions under the same rule. The law is national: every region carries "
                           "the national legal scores. National figures are computed from all answers, not as a mean "
                           "of the regions. Change is given in points, only where both editions have the cell."),
    "method_weights": N_("Weights"),
    "method_weights_equal": N_("All weights are equal (1)."),
    "method_weights_set": N_("Weights other than 1 (all others are 1):"),
    "method_anchors": N_("Anchors of the legal indicators"),
    "method_cells": N_("Respondents per region"),
    "method_events": N_("Policy events are shown on the timeline and are never scored."),
    "data_intro": N_("Every cell of this edition: score, n, 95 %% interval, flag and change since %(previous)s. The "
                     "workbook of the same cells and of the anonymised answers comes with this report."),
    "data_no_previous": N_("the previous edition (none)"),
    "low_n_note": N_("Hatched or marked ‡: fewer than %(min_n)s respondents."),
    # Charts and dashboard
    "chart_scoreboard": N_("Scores by region and sector (0–100)"),
    "chart_gap": N_("The law, perception and use, by sector"),
    "chart_likert": N_("How easy is it? Answers to the perception questions"),
    "chart_radar": N_("Dimensions in %(region)s"),
    "chart_trend": N_("Sector scores over editions"),
    "chart_map": N_("Regions"),
    "no_data": N_("No answer yet."),
    "legend_low_n": N_("Hatched: fewer than %(min_n)s respondents"),
    "legend_nd": N_("n.d.: not enough indicators have a value (⅔ rule)"),
    # Workbook
    "sheet_cells": N_("Cells"),
    "sheet_responses": N_("Anonymised answers"),
    "sheet_framework": N_("Framework"),
    "sheet_legal": N_("Legal scores"),
    "sheet_events": N_("Policy events"),
    "anonymised_note": N_("Anonymised: no identifier, no date; status and sex are blanked where fewer than "
                          "%(k)s respondents of a region share them."),
}
