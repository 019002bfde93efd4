"""The papers' content (issue 8 §6): recommendations as rows with their deadlines, drafts flagged or left out, asks
of the paper's level only; in the SRI and the position paper what is still the SNI's marked, each axe beside its
parent aspect by aspect, regional asks only, and an axe the region dropped never left « to complete »."""
from __future__ import annotations

from dataclasses import replace

from workshop.exports.documents import Callout, Heading, Paragraph, TableBlock, ToComplete, compose
from workshop.exports.labels import all_labels
from workshop.exports.report import DeclinationRow

from .sample_reports import french_report

LABELS = all_labels()
NATIONAL = ("Circulaire d'accès aux soins", "Ministère de la Santé", "Circulaire", "National")
REGIONAL = ("Guichet santé-migrants", "Conseil régional", "Programme", "Régional")


def national_report(*, drafts_left_out: bool = False):  # type: ignore[no-untyped-def]
    report = french_report()
    first, second = report.strategy.axes
    first = replace(first, status_key="validated", asks=(NATIONAL, REGIONAL), ask_levels=("national", "regional"),
                    objectives=(("Circulaire publiée", "juin 2027"), ("Guichets ouverts", "2028"),
                                ("Suivi publié", "juin 2027")))
    second = replace(second, status="Brouillon", status_key="draft",
                     asks=(("Carte de séjour de dix ans", "Ministère de l'Intérieur", "Loi", "National"),),
                     ask_levels=("national",), objectives=())
    return replace(report, strategy=replace(report.strategy, axes=(first, second), drafts_left_out=drafts_left_out))


KEYS = {"Problème": "problem", "Objectifs": "objectives", "Demandes": "asks", "Messages": "messages", "Risques": "risks"}


def regional_report():  # type: ignore[no-untyped-def]
    report = french_report(kind="sri")
    first, second = (replace(axis, blocks=tuple(replace(block, key=KEYS[block.heading]) for block in axis.blocks))
                     for axis in report.strategy.axes)
    first = replace(first, asks=(NATIONAL, REGIONAL), ask_levels=("national", "regional"),
                    objectives=(("Un guichet par préfecture", "2027"),),
                    parent_objectives=("Circulaire publiée",), parent_asks=("Circulaire d'accès aux soins — Ministère",),
                    inherited=("problem",), disposition_key="adapted")
    second = replace(second, disposition_key="kept", asks=(NATIONAL,), ask_levels=("national",))
    declination = (*report.strategy.declination,
                   DeclinationRow("A3 Logement", "A3 Logement (région)", "Abandonné", (), (), (), disposition_key="dropped"))
    return replace(report, strategy=replace(report.strategy, axes=(first, second), declination=declination))


def table_after(model, heading: str) -> TableBlock:  # type: ignore[no-untyped-def]
    blocks = list(model.blocks)
    start = next(index for index, block in enumerate(blocks) if isinstance(block, Heading) and block.text == heading)
    return next(block for block in blocks[start:] if isinstance(block, TableBlock))


def notes(model) -> list[str]:  # type: ignore[no-untyped-def]
    return [block.text for block in model.blocks if isinstance(block, Paragraph) and block.kind == "note"]


def test_policy_paper_recommends_row_by_row_with_deadlines_from_the_smart_objectives() -> None:
    model = compose(national_report(), "note-de-politique")
    table = table_after(model, LABELS["recommendations"])
    assert table.headers == (LABELS["axis"], LABELS["addressee"], LABELS["measure"], LABELS["deadline"])
    first = "A1 Accès aux soins pour toutes et tous"
    assert table.rows[0] == (first, "Ministère de la Santé", "Circulaire d'accès aux soins — Circulaire",
                             "juin 2027, 2028")
    # Only the asks of the paper's level: the regional one is not a national recommendation.
    assert all("Guichet santé-migrants" not in str(cell) for row in table.rows for cell in row)
    # The draft axe is there, flagged; its deadline is the writer's to set (it has no SMART objective).
    draft = f"A2 Simplifier le renouvellement des cartes de séjour ({LABELS['draft_axis']})"
    assert table.rows[1][:2] == (draft, "Ministère de l'Intérieur") and isinstance(table.rows[1][3], ToComplete)
    assert LABELS["drafts_flagged"] in notes(model)


def test_policy_paper_says_when_drafts_were_left_out() -> None:
    report = national_report(drafts_left_out=True)
    report = replace(report, strategy=replace(report.strategy, axes=report.strategy.axes[:1]))
    model = compose(report, "note-de-politique")
    assert LABELS["drafts_left_out"] in notes(model) and LABELS["drafts_flagged"] not in notes(model)
    assert len(table_after(model, LABELS["recommendations"]).rows) == 1


def test_sri_marks_what_is_still_the_snis_and_sets_each_axe_beside_its_parent() -> None:
    model = compose(regional_report(), "sri")
    blocks = list(model.blocks)
    problem = next(index for index, block in enumerate(blocks) if isinstance(block, Heading) and block.text == "Problème")
    assert blocks[problem + 1] == Paragraph(LABELS["inherited_from_sni"], "note")
    assert sum(1 for text in notes(model) if text == LABELS["inherited_from_sni"]) == 1  # only the first axe's problem
    beside = next(block for block in blocks if isinstance(block, TableBlock)
                  and block.headers == ("", LABELS["sni_axis"], LABELS["sri_axis"]))
    rows = {row[0]: row[1:] for row in beside.rows}
    assert rows[LABELS["smart_objective"]] == ("Circulaire publiée", "Un guichet par préfecture — 2027")
    assert rows[LABELS["block_asks"]][0] == "Circulaire d'accès aux soins — Ministère"
    assert "Guichet santé-migrants — Conseil régional" in rows[LABELS["block_asks"]][1]


def test_a_dropped_axe_is_not_left_to_complete_in_the_declination_table() -> None:
    model = compose(regional_report(), "sri")
    table = table_after(model, LABELS["declination_table"])
    dropped = next(row for row in table.rows if row[1] == "A3 Logement (région)")
    assert dropped[3:] == ("—", "—", "—")
    kept = next(row for row in table.rows if row[1] != "A3 Logement (région)")
    assert not any(isinstance(cell, ToComplete) for cell in kept[3:])


def test_position_paper_marks_a_message_still_the_snis() -> None:
    report = regional_report()
    first, second = report.strategy.axes
    report = replace(report, strategy=replace(report.strategy, axes=(replace(first, inherited=("messages",)), second)))
    model = compose(report, "document-de-position")
    blocks = list(model.blocks)
    message = blocks.index(Paragraph(first.central_message, "lead"))
    assert blocks[message + 1] == Paragraph(LABELS["inherited_from_sni"], "note")
    assert notes(compose(regional_report(), "document-de-position")).count(LABELS["inherited_from_sni"]) == 0


def test_position_paper_lists_regional_asks_only_with_their_deadlines() -> None:
    model = compose(regional_report(), "document-de-position")
    table = table_after(model, LABELS["regional_asks_timeline"])
    assert [row[:2] for row in table.rows] == [("Conseil régional", "Guichet santé-migrants")]
    assert table.rows[0][-1] == "2027"
    report = regional_report()
    national_only = replace(report, strategy=replace(report.strategy, axes=tuple(
        replace(axis, asks=(NATIONAL,), ask_levels=("national",)) for axis in report.strategy.axes)))
    model = compose(national_only, "document-de-position")
    blocks = list(model.blocks)
    start = next(index for index, block in enumerate(blocks)
                 if isinstance(block, Heading) and block.text == LABELS["regional_asks_timeline"])
    assert isinstance(blocks[start + 1], Callout) and blocks[start + 1].hint == LABELS["hint_regional_asks"]


def test_arabic_documents_list_with_the_arabic_comma_and_hold_latin_in_order() -> None:
    import io

    from docx import Document

    from workshop.exports.typography import LRM
    from workshop.exports.word import render_docx

    report = national_report()
    report = replace(report, meta=replace(report.meta, language="ar", direction="rtl"))
    model = compose(report, "note-de-politique")
    table = table_after(model, LABELS["recommendations"])
    assert table.rows[0][3] == "juin 2027، 2028"
    document = Document(io.BytesIO(render_docx(model)))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert f"{LRM}juin 2027، 2028{LRM}" in cells  # a Latin-first cell held in its own order
