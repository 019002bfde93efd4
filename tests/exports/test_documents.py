"""Writers' documents (.docx) from hand-built reports: outline, content, right-to-left, bad input, and as printed."""
from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from workshop.exports.documents import COMPOSERS, Callout, Heading, compose
from workshop.exports.labels import all_labels
from workshop.exports.typography import LRM
from workshop.exports.word import render_document
from workshop.exports.report import ParticipantsSummary, Report

from .rendering import page_count, pdf_text, to_pdf
from .sample_reports import FRENCH_IDEAS, arabic_report, empty_report, french_report, hostile_report

LABELS = all_labels()
W_P, W_R, W_TBL = qn("w:p"), qn("w:r"), qn("w:tbl")


def workshop_report() -> Report:
    """A room export: the builder puts the one room asked for first (here the first thematic workshop)."""
    report = french_report()
    return dataclasses.replace(report, rooms=(report.rooms[1],))


def report_for(name: str) -> Report:
    if name in ("compte-rendu", "rapport-renforcement"):
        return workshop_report()
    return french_report(kind="sri") if name in ("sri", "document-de-position") else french_report()


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    """Each French document rendered once for the module."""
    return {name: render_document(report_for(name), name) for name in COMPOSERS}


@pytest.fixture(scope="module")
def pdf(rendered: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], Path]]:
    """One LibreOffice conversion per document, on first use (about a second each)."""
    folder = tmp_path_factory.mktemp("documents")
    converted: dict[str, Path] = {}

    def convert(name: str) -> Path:
        if name not in converted:
            data = render_document(arabic_report(), "compte-rendu") if name == "arabic" else rendered[name]
            path = folder / f"{name}.docx"
            path.write_bytes(data)
            converted[name] = to_pdf(path)
        return converted[name]

    yield convert


def opened(data: bytes):  # type: ignore[no-untyped-def]
    return Document(io.BytesIO(data))


def headings(data: bytes, level: int | None = None) -> list[tuple[int, str]]:
    found = []
    for paragraph in opened(data).paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if style.startswith("Heading "):
            number = int(style.split()[1])
            if level is None or number == level:
                found.append((number, paragraph.text))
    return found


def all_text(data: bytes) -> str:
    """Every paragraph's text, tables included, headers and footers left out."""
    body = opened(data).element.body
    return "\n".join("".join(node.text or "" for node in paragraph.iter(qn("w:t"))) for paragraph in body.iter(W_P))


def tables(data: bytes) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in opened(data).tables]


def table_with_header(data: bytes, first_header: str, second_header: str) -> list[list[str]]:
    return next(rows for rows in tables(data) if rows and rows[0][:2] == [first_header, second_header])


# --- Outline: real headings, in the order of docs/strategy.md --------------------------------------------------

AXIS_HEADINGS = ["Axe A1 — Accès aux soins pour toutes et tous",
                 "Axe A2 — Simplifier le renouvellement des cartes de séjour"]
OUTLINES = {
    "compte-rendu": ["participants", "questions_asked", "ideas_by_cluster", "results", "decisions", "next_steps"],
    "compte-rendu-consolide": ["missing_parts", "meeting_agenda", "synthesis", "participants", "plenary_results",
                               "thematic_workshops", "side_by_side", "common_priorities", "distinct_priorities",
                               "disagreements", "restitution_vote", "axes_origin", "decisions", "next_steps"],
    "sni": ["executive_summary", "context_analysis", "vision_theory", "priority_axes", *AXIS_HEADINGS, "risks",
            "monitoring", "governance", "annexes"],
    "note-de-politique": ["key_messages", "summary", "problem_why_now", "context_data", "policy_limits", "options",
                          "recommendations", "implementation", "participatory_method", "references"],
    "sri": ["executive_summary", "context_analysis", "vision_theory", "priority_axes", *AXIS_HEADINGS, "risks",
            "monitoring", "governance", "annexes"],
    "document-de-position": ["position_statement", "who_speaks", "regional_issue", "position_grounds",
                             "arguments_evidence", "objections", "regional_asks_timeline", "call_to_action", "annexes"],
    "rapport-renforcement": ["training_objectives", "training_agenda", "training_attendance", "training_knowledge",
                             "training_satisfaction", "training_observations", "training_follow_up", "next_steps"],
}


@pytest.mark.parametrize("name", list(COMPOSERS))
def test_each_document_follows_its_outline_with_real_heading_styles(rendered: dict[str, bytes], name: str) -> None:
    expected = [LABELS.get(key, key) for key in OUTLINES[name]]
    assert [text for _, text in headings(rendered[name], 1)] == expected
    levels = [level for level, _ in headings(rendered[name])]
    assert all(later <= earlier + 1 for earlier, later in zip([0, *levels], levels)), "a heading level was skipped"


def test_strategy_sections_have_their_sub_sections_in_order(rendered: dict[str, bytes]) -> None:
    second = [text for _, text in headings(rendered["sni"], 2)]
    expected = ["political_context", "legal_framework", "power_analysis", "data_evidence", "vision", "theory_of_change",
                "prioritization_method", "vote_results", "scores_table"]
    assert second[:len(expected)] == [LABELS[key] for key in expected]
    axis_one = second[len(expected):second.index("Objectifs") + 1]
    assert axis_one == ["Problème", "Objectifs"]  # the builder's blocks, in its order
    assert [LABELS["problem_trees"], LABELS["anonymised_participants"], LABELS["traceability"],
            LABELS["minutes_annex"]] == second[-4:]
    sri_second = [text for _, text in headings(rendered["sri"], 2)]
    assert sri_second.index(LABELS["declination_table"]) == sri_second.index(LABELS["scores_table"]) + 1
    assert sri_second.count(LABELS["parent_axis"]) == 2  # each regional axe beside its parent


def test_titles_cover_page_and_page_setup(rendered: dict[str, bytes]) -> None:
    sni = opened(rendered["sni"])
    cover = sni.tables[0].rows[0].cells[0].text
    assert "Stratégie Nationale d'Influence 2027–2029" in cover and "Rencontre nationale SNI" in cover
    section = sni.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert section.different_first_page_header_footer  # no running header on the page de garde
    assert "Rencontre nationale SNI" in section.header.paragraphs[0].text
    footer_fields = [field.get(qn("w:instr")) for field in section.footer._element.iter(qn("w:fldSimple"))]
    assert footer_fields == ["PAGE", "NUMPAGES"]
    minutes = opened(rendered["compte-rendu"])
    styles = [paragraph.style.name for paragraph in minutes.paragraphs[:3]]
    assert styles == ["Kicker", "Title", "Subtitle"]
    assert minutes.paragraphs[1].text == LABELS["minutes"]
    assert minutes.core_properties.title == LABELS["minutes"]


# --- Content ---------------------------------------------------------------------------------------------

def test_minutes_list_every_visible_idea_by_cluster_and_no_hidden_one(rendered: dict[str, bytes]) -> None:
    text = all_text(rendered["compte-rendu"])
    hidden = "Cours de darija pour les enfants"
    for cluster, ideas in FRENCH_IDEAS.items():
        for idea in ideas:
            assert (idea in text) == (idea != hidden), idea
    third = [text for _, text in headings(rendered["compte-rendu"], 3)]
    assert third == ["Accès aux soins (3)", "Papiers et séjour (2)", "Éducation (1)"]
    for prompt in ("Quels problèmes notre plaidoyer doit-il traiter en premier ?",
                   "Notez chaque regroupement sur les critères."):
        assert prompt in text


def test_score_tables_keep_the_rank_order_and_align_numbers(rendered: dict[str, bytes]) -> None:
    scores = table_with_header(rendered["compte-rendu"], "Rang", "Regroupement")
    assert [row[0] for row in scores[1:]] == ["1", "2", "3"]
    assert [row[1] for row in scores[1:]] == ["Accès aux soins", "Papiers et séjour", "Éducation"]
    strategy = table_with_header(rendered["sni"], "Rang", "Axe")
    assert [row[:3] for row in strategy[1:]] == [["1", "A1 Accès aux soins pour toutes et tous", "82.5"],
                                                 ["2", "A2 Simplifier le renouvellement des cartes de séjour", "67.0"]]
    table = next(table for table in opened(rendered["sni"]).tables
                 if [cell.text for cell in table.rows[0].cells[:2]] == ["Rang", "Axe"])
    header = table.rows[0]._tr
    assert header.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    alignments = [cell._tc.find(f".//{qn('w:jc')}") for cell in table.rows[1].cells]
    assert [None if jc is None else jc.get(qn("w:val")) for jc in alignments] == ["right", None, "right", None, "right"]


def to_complete_after(data: bytes, heading_text: str, occurrence: int = 0) -> bool:
    """Whether the first paragraph after that heading is a "to complete" callout."""
    paragraphs = opened(data).paragraphs
    positions = [index for index, paragraph in enumerate(paragraphs) if paragraph.text == heading_text
                 and paragraph.style.name.startswith("Heading")]
    following = paragraphs[positions[occurrence] + 1]
    return following.style.name == "Callout" and following.text.startswith(LABELS["to_complete"])


def test_what_the_writer_must_complete_is_marked_never_invented(rendered: dict[str, bytes]) -> None:
    sni = rendered["sni"]
    assert to_complete_after(sni, "Messages", 1)  # A2's messages: to_complete
    assert to_complete_after(sni, "Risques", 0) and to_complete_after(sni, "Risques", 1)
    assert not to_complete_after(sni, "Problème", 0) and not to_complete_after(sni, "Objectifs", 1)
    for key in ("executive_summary", "governance", "monitoring"):
        assert to_complete_after(sni, LABELS[key])
    callouts = [paragraph for paragraph in opened(sni).paragraphs if paragraph.style.name == "Callout"]
    assert len(callouts) >= 10 and all(paragraph.text.startswith(LABELS["to_complete"]) for paragraph in callouts)
    minutes = table_with_header(rendered["compte-rendu"], LABELS["meeting"], "Rencontre nationale SNI")
    assert [LABELS["facilitation"], LABELS["to_complete"]] in minutes
    note = rendered["note-de-politique"]
    recommendations = table_with_header(note, LABELS["axis"], LABELS["addressee"])
    assert [row[3] for row in recommendations[1:]] == [LABELS["to_complete"]] * 2  # no deadline was given


def test_an_empty_vision_is_left_for_the_writer(rendered: dict[str, bytes]) -> None:
    report = french_report()
    assert report.strategy is not None
    without = dataclasses.replace(report, strategy=dataclasses.replace(report.strategy, vision=""))
    data = render_document(without, "sni")
    assert to_complete_after(data, LABELS["vision"]) and LABELS["hint_vision"] in all_text(data)
    assert report.strategy.vision in all_text(rendered["sni"])


def test_participants_are_counted_by_type_never_named(rendered: dict[str, bytes]) -> None:
    text = all_text(rendered["compte-rendu"])
    assert "p_0000" not in text and LABELS["pseudonyms"] not in text
    counts = table_with_header(rendered["compte-rendu"], LABELS["organisation_type"], LABELS["count"])
    assert counts[1:] == [["Organisation de personnes migrantes", "9"], ["Association ou ONG", "11"],
                          ["Non renseigné", "4"]]
    report = workshop_report()
    room = report.rooms[0]
    named = dataclasses.replace(room, participants=dataclasses.replace(room.participants, pseudonyms=("Amina", "Yao")))
    data = render_document(dataclasses.replace(report, rooms=(named,)), "compte-rendu")
    assert LABELS["pseudonyms"] in all_text(data) and "Amina" in all_text(data)


def test_consolidated_minutes_put_the_workshops_side_by_side(rendered: dict[str, bytes]) -> None:
    data = rendered["compte-rendu-consolide"]
    side = table_with_header(data, "Atelier thématique 1", "Atelier thématique 2")
    assert side[1] == ["Accès aux soins (82.5)", "Éducation (78.0)"]
    second = [text for _, text in headings(data, 2)]
    assert second == ["Atelier thématique 1 : santé et papiers", "Atelier thématique 2 : éducation"]  # each workshop
    participants = table_with_header(data, LABELS["organisation_type"], "Plénière")  # every room, the plenary first
    assert participants[-1] == [LABELS["total"], "40", "18", "16"]


def test_sri_has_the_declination_table_and_each_axis_beside_its_parent(rendered: dict[str, bytes]) -> None:
    data = rendered["sri"]
    declination = table_with_header(data, LABELS["sni_axis"], LABELS["sri_axis"])
    assert len(declination[0]) == 6
    assert declination[1][:3] == ["A1 Accès aux soins", "A1 Accès aux soins (région)", "Adapté"]
    assert "Un guichet santé-migrants dans chaque préfecture d'ici 2027" in declination[1][3]
    beside = [rows for rows in tables(data) if rows[0] == ["", LABELS["sni_axis"], LABELS["sri_axis"]]]
    assert beside[0][1] == [LABELS["axis"], "A1 Accès aux soins", "A1 Accès aux soins pour toutes et tous"]
    assert beside[0][2] == [LABELS["change_objective"], "Garantir l'accès aux soins de base.",
                            "Garantir l'accès aux soins de base sans condition de séjour."]
    assert "Casablanca-Settat" in opened(data).tables[0].rows[0].cells[0].text  # the region on the page de garde


def test_position_paper_answers_opponents_and_asks_with_a_timeline(rendered: dict[str, bytes]) -> None:
    data = rendered["document-de-position"]
    objections = table_with_header(data, LABELS["actor"], LABELS["axes"])
    assert [row[0] for row in objections[1:]] == ["Groupe parlementaire X — Opposant"]
    assert objections[1][2:] == [LABELS["to_complete"], LABELS["to_complete"]]
    asks = table_with_header(data, LABELS["addressee"], LABELS["measure"])
    assert asks[1][:2] == ["Ministère de la Santé", "Circulaire d'accès aux soins"]
    assert asks[1][-1] == LABELS["to_complete"]


def test_policy_brief_recommends_one_measure_per_axis(rendered: dict[str, bytes]) -> None:
    data = rendered["note-de-politique"]
    document = opened(data)
    assert document.paragraphs[1].text == "Un Maroc où les droits des personnes migrantes sont effectifs."  # titre-message
    recommendations = table_with_header(data, LABELS["axis"], LABELS["addressee"])
    assert [row[:2] for row in recommendations[1:]] == [["A1 Accès aux soins pour toutes et tous", "Ministère de la Santé"],
                                                         ["A2 Simplifier le renouvellement des cartes de séjour",
                                                          "Ministère de la Santé"]]
    bullets = [paragraph.text for paragraph in document.paragraphs if paragraph.style.name == "List Bullet"]
    assert bullets.count("La santé est un droit pour toutes et tous.") == 1  # a key message once


def test_the_builders_blocks_are_recognised_by_their_labels() -> None:
    """With the builder's own headings, risks and indicators join the SNI's Risks and M&E sections."""
    report = french_report()
    assert report.strategy is not None
    relabelled = tuple(dataclasses.replace(axis, blocks=tuple(
        dataclasses.replace(block, heading={"Problème": LABELS["block_problem"], "Risques": LABELS["block_risks"]}
                            .get(block.heading, block.heading)) for block in axis.blocks)) for axis in report.strategy.axes)
    model = compose(dataclasses.replace(report, strategy=dataclasses.replace(report.strategy, axes=relabelled)), "sni")
    titles = [(block.level, block.text) for block in model.blocks if isinstance(block, Heading)]
    risks = titles.index((1, LABELS["risks"]))
    assert titles[risks + 1:risks + 3] == [(2, AXIS_HEADINGS[0]), (2, AXIS_HEADINGS[1])]
    assert (2, LABELS["block_risks"]) not in titles  # moved out of the axes, not repeated
    note = compose(dataclasses.replace(report, strategy=dataclasses.replace(report.strategy, axes=relabelled)),
                   "note-de-politique")
    texts = [getattr(block, "text", "") for block in note.blocks]
    assert "Les personnes migrantes sans titre de séjour se voient refuser les soins." in texts  # the problem
    assert any(isinstance(block, Callout) for block in note.blocks)


def test_headings_come_from_the_reports_labels() -> None:
    report = workshop_report()
    shouting = dataclasses.replace(report, labels={key: f"«{text.upper()}»" for key, text in report.labels.items()})
    first = [text for _, text in headings(render_document(shouting, "compte-rendu"), 1)]
    assert first and all(text.startswith("«") and text == text.upper() for text in first)


def test_unknown_document_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown document"):
        render_document(french_report(), "rapport-annuel")


# --- Right to left -----------------------------------------------------------------------------------------

def test_arabic_documents_are_right_to_left_throughout() -> None:
    report = arabic_report()
    for name in ("compte-rendu", "sni"):
        document = opened(render_document(report, name))
        body = document.element.body
        paragraphs = list(body.iter(W_P))
        assert paragraphs and all(paragraph.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None for paragraph in paragraphs)
        runs = [run for run in body.iter(W_R) if run.find(qn("w:t")) is not None]
        assert runs and all(run.find(f"{qn('w:rPr')}/{qn('w:rtl')}") is not None for run in runs)
        assert {run.find(f"{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:bidi")) for run in runs} == {"ar-MA"}
        assert all(table.find(f"{qn('w:tblPr')}/{qn('w:bidiVisual')}") is not None for table in body.iter(W_TBL))
        assert document.sections[0]._sectPr.find(qn("w:bidi")) is not None
        fonts = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
        assert {fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "cs")} == {"DejaVu Sans"}
        for paragraph in document.paragraphs:
            assert paragraph.paragraph_format.alignment is None or paragraph.style.name == "Figure"
    text = all_text(render_document(report, "compte-rendu"))
    for idea in ("المستشفى يرفض المرضى بدون وثائق", "تسوية استثنائية سنة 2027", "الولوج إلى العلاج (2)"):
        assert idea in text


def test_latin_text_and_numbers_keep_their_order_inside_arabic_paragraphs() -> None:
    text = all_text(render_document(arabic_report(), "compte-rendu"))
    assert f"{LRM}Quels problèmes notre plaidoyer doit-il traiter en premier ?{LRM}" in text
    assert "المستشفى يرفض المرضى بدون وثائق" in text and f"{LRM}المستشفى" not in text  # Arabic left alone
    french = all_text(render_document(workshop_report(), "compte-rendu"))
    assert LRM not in french


# --- Bad input ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", list(COMPOSERS))
def test_an_empty_report_gives_a_valid_document_saying_there_is_nothing_yet(name: str) -> None:
    report = empty_report()
    text = all_text(render_document(report, name))
    assert any(LABELS[key] in text for key in ("nothing_yet", "no_strategy", "no_comparison"))
    no_rooms = dataclasses.replace(report, rooms=())
    assert opened(render_document(no_rooms, name)).paragraphs


def test_zero_participants_and_no_rooms_do_not_break_the_minutes() -> None:
    report = empty_report()
    room = dataclasses.replace(report.rooms[0], participants=ParticipantsSummary(0, (), ()))
    text = all_text(render_document(dataclasses.replace(report, rooms=(room,)), "compte-rendu"))
    assert LABELS["nothing_yet"] in text and LABELS["hint_next_steps"] in text


def test_hostile_text_is_printed_literally_and_thousands_of_ideas_fit() -> None:
    data = render_document(hostile_report(2000), "compte-rendu")
    document = opened(data)
    text = all_text(data)
    for literal in ('=HYPERLINK("http://evil")', "+33 6 12 34 56 78", "-2+3", "@SUM(A1:A2)", "<b>pas du HTML</b>",
                    "Texte mêlé عربي et français", "x" * 5000, "Idée numéro 1999 sur l'accès aux droits"):
        assert literal in text, literal[:40]
    assert "\x07" not in text and "a\x07b" not in text
    bullets = [paragraph for paragraph in document.paragraphs if paragraph.style.name == "List Bullet"]
    assert len(bullets) >= 2000
    assert any(paragraph.text == "ab\nc" for paragraph in bullets)  # the vertical tab became a line break


# --- As printed by LibreOffice -------------------------------------------------------------------------------

PAGES = {"compte-rendu": (2, 5), "compte-rendu-consolide": (3, 12), "sni": (6, 20), "note-de-politique": (2, 6),
         "sri": (6, 20), "document-de-position": (2, 6), "rapport-renforcement": (2, 6)}
PRINTED = {
    "compte-rendu": ["Workshop minutes", "L'hôpital refuse les patients sans papiers", "Inscription à l'école sans acte"],
    "compte-rendu-consolide": ["Consolidated minutes", "Priorities common to the workshops", "Éducation (78.0)"],
    "sni": ["Stratégie Nationale d'Influence", "Executive summary", "Un Maroc où les droits", "Ministère de la Santé"],
    "note-de-politique": ["Un Maroc où les droits", "Key messages", "Recommendations", "Circulaire d'accès aux soins"],
    "sri": ["Stratégie Régionale d'Influence", "Declination table", "Un guichet", "Casablanca-Settat"],
    "document-de-position": ["Position paper", "Groupe parlementaire X", "Anticipated objections and answers"],
    # A room without a post-test: the report says so (the before/after evidence: tests/exports/test_training_report.py).
    "rapport-renforcement": ["Capacity-building workshop report", "No post-test has been run in this room"],
}


@pytest.mark.parametrize("name", list(COMPOSERS))
def test_printed_documents_have_a_sensible_length_and_their_key_texts(pdf: Callable[[str], Path], name: str) -> None:
    printed = pdf(name)
    low, high = PAGES[name]
    assert low <= page_count(printed) <= high
    text = " ".join(pdf_text(printed).split())
    for expected in PRINTED[name]:
        assert expected in text, expected
    assert LABELS["to_complete"] in text


def test_printed_arabic_minutes_keep_the_arabic_text(pdf: Callable[[str], Path]) -> None:
    printed = pdf("arabic")
    text = pdf_text(printed)
    for word in ("المستشفى", "الرباط", "الورشة الموضوعاتية"):
        assert word in text
    assert 2 <= page_count(printed) <= 5
