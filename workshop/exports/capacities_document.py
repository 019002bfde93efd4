"""The « Rapport d'évaluation des capacités organisationnelles » (DOCX through render_docx), its restitution slides
(PPTX) and the workbook of every answer and score (XLSX), from a ``CapacityReport``.

Document outline: cover; method; organisations and respondents by role; heatmap organisations × domains; one
profile per organisation (radar and table, strengths and gaps); shared and specific needs; the plan de
renforcement; annex with the questionnaire. Names may be replaced by codes (« OPM 1… »): the builder does it.
"""
from __future__ import annotations

import io

from openpyxl import Workbook

from . import capacities_charts as charts
from .barometer_deck import HEIGHT, MARGIN, NAVY, WIDTH, _Deck
from .barometer_document import picture
from .barometer_workbook import _sheet
from .capacities_report import CapacityReport, Profile
from .documents import BulletList, Callout, Cover, DocumentModel, Heading, PageBreak, Paragraph, TableBlock
from .word import render_docx


def _domain_table(report: CapacityReport, profile: Profile) -> TableBlock:
    w = report.word
    two_rounds = any(domain.follow_up is not None for domain in profile.domains)
    headers = (w("cap_col_domain"), w("cap_col_initial"), *((w("cap_col_follow_up"), w("cap_col_change"))
                                                           if two_rounds else ()),
               w("cap_col_target"), w("cap_col_gap"), w("cap_col_importance"), w("cap_col_priority"))
    rows = tuple((domain.name, report.number(domain.initial),
                  *((report.number(domain.follow_up), report.signed(domain.change)) if two_rounds else ()),
                  str(domain.target), report.number(domain.gap), str(domain.importance),
                  report.number(domain.priority)) for domain in profile.domains)
    return TableBlock(headers, rows, tuple(range(1, len(headers))), (3.2, *([1.0] * (len(headers) - 1))))


def compose_capacities(report: CapacityReport) -> DocumentModel:
    w = report.word
    blocks: list = []  # type: ignore[type-arg]
    cover = Cover(kicker=w("cap_kicker"), title=w("cap_title"), subtitle=f"{report.title} — {w('cap_subtitle')}",
                  facts=((w("cap_cover_organisations"), str(len(report.profiles))),
                         (w("cap_cover_respondents"), str(sum(n for _role, n in report.respondents_by_role))),
                         (w("cap_cover_rounds"), ", ".join(report.rounds) or "–"),
                         (w("cap_cover_names"), w("cap_names_codes" if report.with_codes else "cap_names_names"))),
                  notice=w("cap_notice"))
    items = sum(len(domain.items) for domain in report.questionnaire)
    blocks += [Heading(w("cap_section_method"), 1),
               Paragraph(w("cap_method_text", domains=len(report.questionnaire), items=items)),
               Paragraph(w("cap_method_scores")), Paragraph(w("cap_method_needs")),
               Heading(w("cap_section_participants"), 1)]
    if report.profiles:
        blocks.append(TableBlock((w("cap_col_organisation"), w("cap_col_region"), w("cap_col_respondents"),
                                  w("cap_col_round")),
                                 tuple((profile.name, profile.region, str(profile.respondents),
                                        ", ".join(profile.rounds))
                                       for profile in report.profiles), (2,), (3, 2.2, 1.3, 2.5)))
    if report.respondents_by_role:
        blocks.append(TableBlock((w("cap_col_role"), w("cap_col_respondents")),
                                 tuple((role, str(n)) for role, n in report.respondents_by_role), (1,), (3, 1.5)))
    blocks += [Heading(w("cap_section_heatmap"), 1), picture(charts.heatmap(report), 16),
               Paragraph(w("cap_heatmap_note"), "note"), PageBreak(), Heading(w("cap_section_profiles"), 1)]
    for profile in report.profiles:
        blocks += [Heading(profile.name, 2), picture(charts.radar(report, profile), 13),
                   Paragraph(w("cap_radar_note"), "note"), _domain_table(report, profile),
                   Paragraph(", ".join(profile.strengths) or w("cap_none"), label=w("cap_strengths")),
                   Paragraph(", ".join(profile.gaps) or w("cap_none"), label=w("cap_gaps"))]
        if profile.weakest:
            blocks += [Paragraph(w("cap_weakest"), "lead"),
                       BulletList(tuple(f"{text} ({report.number(score)})" for text, score in profile.weakest))]
    blocks += [Heading(w("cap_section_needs"), 1), Heading(w("cap_shared_needs"), 2),
               BulletList(report.shared_needs) if report.shared_needs else Paragraph(w("cap_no_shared_needs")),
               Heading(w("cap_specific_needs"), 2),
               BulletList(tuple(f"{name} : {', '.join(needs)}" for name, needs in report.specific_needs if needs))
               if any(needs for _name, needs in report.specific_needs) else Paragraph(w("cap_none")),
               Heading(w("cap_section_plan"), 1)]
    if report.plan:
        blocks.append(TableBlock(
            (w("cap_col_organisation"), w("cap_col_domain"), w("cap_col_need"), w("cap_col_action"),
             w("cap_col_modality"), w("cap_col_owner"), w("cap_col_deadline"), w("cap_col_target")),
            tuple((row.organisation, row.domain, row.need, row.action, row.modality, row.owner, row.deadline,
                   row.target) for row in report.plan), (7,), (2, 2, 3, 3, 1.6, 1.6, 1.5, 0.9)))
    else:
        blocks.append(Callout(w("cap_to_complete"), w("cap_plan_empty")))
    blocks += [PageBreak(), Heading(w("cap_section_annex"), 1)]
    for domain in report.questionnaire:
        blocks.append(Heading(w("cap_annex_domain", domain=domain.name, target=domain.target,
                                importance=domain.importance), 2))
        blocks.append(TableBlock((w("cap_col_statement"), *report.levels),
                                 tuple((statement, *anchors) for statement, anchors in domain.items), (),
                                 (2.4, 1.6, 1.6, 1.6, 1.6)))
    return DocumentModel(title=w("cap_title"), header=f"{report.title} · {w('cap_title')}", language=report.language,
                         direction=report.direction, to_complete=w("cap_to_complete"), blocks=tuple(blocks),
                         cover=cover, generated_at=report.generated_at)


def render_capacities_docx(report: CapacityReport) -> bytes:
    return render_docx(compose_capacities(report))


def render_capacities_pptx(report: CapacityReport) -> bytes:
    """The restitution to the organisations: the overview, one slide per organisation, needs, the plan."""
    deck = _Deck(report)  # type: ignore[arg-type]  # the barometer's slide helpers: title, text, picture, table
    w = report.word
    cover = deck.prs.slides.add_slide(deck.layouts["Title Slide"])
    cover.shapes.title.text = w("cap_title")
    cover.placeholders[1].text = f"{report.title}\n{w('cap_kicker')}"
    slide = deck.slide(w("cap_section_heatmap"))
    deck.picture(slide, charts.heatmap(report), MARGIN, 1250000, WIDTH - 2 * MARGIN, 4900000)
    for profile in report.profiles:
        slide = deck.slide(profile.name)
        deck.picture(slide, charts.radar(report, profile), MARGIN, 1200000, 5600000, 5000000)
        lines = [f"{w('cap_strengths')} : {', '.join(profile.strengths) or w('cap_none')}",
                 f"{w('cap_gaps')} : {', '.join(profile.gaps) or w('cap_none')}",
                 f"{w('cap_col_respondents')} : {profile.respondents}"]
        deck.text(slide, lines, 6300000, 1500000, WIDTH - 6300000 - MARGIN, 3500000, size=16)
    slide = deck.slide(w("cap_section_needs"))
    deck.text(slide, w("cap_shared_needs"), MARGIN, 1250000, WIDTH - 2 * MARGIN, 400000, size=18, bold=True,
              colour=NAVY)
    deck.text(slide, list(report.shared_needs) or [w("cap_no_shared_needs")], MARGIN, 1700000, WIDTH - 2 * MARGIN,
              1500000, size=15)
    deck.text(slide, w("cap_specific_needs"), MARGIN, 3300000, WIDTH - 2 * MARGIN, 400000, size=18, bold=True,
              colour=NAVY)
    deck.text(slide, [f"{name} : {', '.join(needs)}" for name, needs in report.specific_needs if needs]
              or [w("cap_none")], MARGIN, 3750000, WIDTH - 2 * MARGIN, 2300000, size=15)
    slide = deck.slide(w("cap_section_plan"))
    if report.plan:
        deck.table(slide, (w("cap_col_organisation"), w("cap_col_domain"), w("cap_col_action"),
                           w("cap_col_modality"), w("cap_col_deadline")),
                   [(row.organisation, row.domain, row.action or row.need, row.modality, row.deadline)
                    for row in report.plan[:10]], MARGIN, 1250000, WIDTH - 2 * MARGIN, size=11, first_share=0.2)
    else:
        deck.text(slide, w("cap_plan_empty"), MARGIN, 1400000, WIDTH - 2 * MARGIN, 800000)
    output = io.BytesIO()
    deck.prs.save(output)
    return output.getvalue()


def render_capacities_xlsx(report: CapacityReport) -> bytes:
    """Every score and every answer, numbers as numbers; respondents numbered, never named."""
    w = report.word
    rtl = report.direction == "rtl"
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    _sheet(workbook, w("cap_sheet_scores"),
           (w("cap_col_organisation"), w("cap_col_domain"), "domain", w("cap_col_initial"), w("cap_col_follow_up"),
            w("cap_col_change"), w("cap_col_target"), w("cap_col_gap"), w("cap_col_importance"),
            w("cap_col_priority"), w("cap_col_items")),
           ((profile.name, domain.name, domain.key, domain.initial, domain.follow_up, domain.change, domain.target,
             domain.gap, domain.importance, domain.priority, domain.items_answered)
            for profile in report.profiles for domain in profile.domains), rtl,
           (28, 28, 22, 10, 10, 10, 8, 8, 10, 10, 10))
    _sheet(workbook, w("cap_sheet_answers"),
           (w("cap_col_respondent"), w("cap_col_organisation"), w("cap_col_role"), w("cap_col_round"),
            w("cap_col_source"), w("cap_col_domain"), "item", w("cap_col_statement"), w("cap_col_level"),
            w("cap_col_evidence"), w("cap_col_comment")),
           ((row.respondent, row.organisation, row.role, row.round, row.source, row.domain, row.item, row.statement,
             int(row.level) if row.level.isdigit() else row.level, row.evidence, row.comment)
            for row in report.answers), rtl, (10, 26, 18, 14, 8, 24, 16, 50, 10, 30, 30))
    _sheet(workbook, w("cap_sheet_consensus"),
           (w("cap_col_organisation"), w("cap_col_round"), w("cap_col_statement"), w("cap_col_level"),
            w("cap_col_note")),
           ((organisation, round_name, statement, int(level) if level.isdigit() else level, note)
            for organisation, round_name, statement, level, note in report.consensus), rtl, (26, 14, 50, 10, 40))
    _sheet(workbook, w("cap_sheet_plan"),
           (w("cap_col_organisation"), w("cap_col_domain"), w("cap_col_need"), w("cap_col_action"),
            w("cap_col_modality"), w("cap_col_owner"), w("cap_col_deadline"), w("cap_col_target")),
           ((row.organisation, row.domain, row.need, row.action, row.modality, row.owner, row.deadline,
             int(row.target) if row.target.isdigit() else row.target) for row in report.plan), rtl,
           (26, 24, 40, 40, 18, 18, 12, 8))
    _sheet(workbook, w("cap_sheet_questionnaire"),
           (w("cap_col_domain"), w("cap_col_statement"), *report.levels),
           ((domain.name, statement, *anchors)
            for domain in report.questionnaire for statement, anchors in domain.items),
           rtl, (24, 50, 30, 30, 30, 30))
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


__all__ = ["HEIGHT", "compose_capacities", "render_capacities_docx", "render_capacities_pptx",
           "render_capacities_xlsx"]
