"""The compte rendu consolidé, rendered by LibreOffice and read as a consultant would."""
from __future__ import annotations

import pytest

from workshop.services.files import export_event_file
from workshop.services.identity import edit_event
from workshop.services.axis_matching import decide_axis_match
from workshop.services.matching import decide_match
from workshop.services.reports import build_event_report

from .meeting import HEALTH, MEDICINES, PAPERS, PAPERS_AGAIN, build_meeting
from .rendering import pdf_reading_text, to_pdf


def identity(text: str) -> str:
    return text


def rendered(ctx, event_id: int, tmp_path, language: str = "fr") -> str:  # type: ignore[no-untyped-def]
    path = tmp_path / f"consolidation-{language}.docx"
    path.write_bytes(export_event_file(ctx, event_id, "compte-rendu-consolide", language=language,
                                       translate=identity).content)
    return pdf_reading_text(to_pdf(path))


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_consolidation_gathers_the_whole_meeting(ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    meeting = build_meeting(ctx, restitution=True)
    edit_event(ctx, meeting.event_id, {"place": "Rabat, Hôtel Farah", "dates": "2026-12-12..2026-12-13",
                                       "organisers": ["Association Amal"],
                                       "decisions": ["Adopter les deux axes prioritaires"],
                                       "next_steps": ["Envoyer le compte rendu aux partenaires avant le 20/12"]})
    decide_match(ctx, meeting.event_id, meeting.clusters[PAPERS], meeting.clusters[PAPERS_AGAIN], "confirm")
    decide_axis_match(ctx, meeting.event_id, meeting.axes[PAPERS_AGAIN], meeting.axes[PAPERS], "confirm")
    text = rendered(ctx, meeting.event_id, tmp_path)
    for expected in (
            "Consolidated minutes of the thematic workshops", "Rabat, Hôtel Farah", "12/12/2026 to 13/12/2026",
            "Association Amal", "Agenda of the meeting",
            # The plenary's baseline: 1, 2, 1, 2, 1 on access to justice.
            "The meeting's baseline: plenary scales and polls", "1,4",
            # The papers workshop: its ideas by cluster, its two prioritizations and their group view.
            "Carte de séjour trop chère", "18 (1)", "25 (1)", "(n=6)",
            "« Dot voting » and « Criteria scoring » disagree",
            # Common priorities by meaning, both labels; the restitution; where axes came from.
            f"{PAPERS} (Atelier papiers) = {PAPERS_AGAIN} (Atelier santé) — confirmed by the moderator",
            "The restitution vote", "Quels axes d'abord ?", "Which axes came from which workshop",
            "Adopter les deux axes prioritaires", "Envoyer le compte rendu aux partenaires avant le 20/12"):
        assert expected in text, expected
    assert "Not in this consolidation" not in text
    # Common axes by meaning: the confirmed pair with both codes, titles and rooms; the engine's proposal to decide;
    # the axes of one room only.
    common_axes = text[text.index("Axes common to several rooms"):text.index("Decisions")]
    assert (f"A1 {PAPERS} (Atelier papiers) = A3 {PAPERS_AGAIN} (Atelier santé) — confirmed by the moderator"
            in " ".join(common_axes.split()))
    assert (f"A2 {HEALTH} (Atelier papiers) = A4 {MEDICINES} (Atelier santé) — proposed (same theme, close wording), "
            "to confirm" in " ".join(common_axes.split()))
    assert "Axes drafted in one room only" in common_axes and f"A2 {HEALTH}" in common_axes
    assert "Where the signals disagree" in text and "Atelier papiers — « Dot voting »" in text
    deck = tmp_path / "meeting.pptx"
    deck.write_bytes(export_event_file(ctx, meeting.event_id, "deck", language="fr", translate=identity).content)
    slides = pdf_reading_text(to_pdf(deck))
    assert f"{PAPERS} (Atelier papiers) = {PAPERS_AGAIN} (Atelier santé)" in slides  # common by meaning, both labels
    assert f"A1 {PAPERS} (Atelier papiers) = A3 {PAPERS_AGAIN} (Atelier santé)" in slides  # the common axes too


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_one_workshop_and_the_plenary_make_a_consolidation_that_says_what_is_missing(ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    meeting = build_meeting(ctx, second_workshop=False)
    text = rendered(ctx, meeting.event_id, tmp_path)
    assert "Not in this consolidation" in text
    assert "Only one thematic workshop has prioritized" in text and "No restitution vote has been recorded." in text
    assert "18 (1)" in text  # the one workshop is there in full
    arabic = rendered(ctx, meeting.event_id, tmp_path, "ar")
    assert "18 (1)" in arabic or "18(1)" in arabic.replace(" ", "")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_sni_and_the_deck_carry_the_group_view_signals_and_declared_order(ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from workshop.services.files import export_room_file

    meeting = build_meeting(ctx, restitution=True)
    path = tmp_path / "sni.docx"
    path.write_bytes(export_event_file(ctx, meeting.event_id, "sni", language="fr", translate=identity).content)
    sni = pdf_reading_text(to_pdf(path))
    assert "The meeting's baseline: plenary scales and polls" in sni and "1,4" in sni  # context: the plenary's scale
    assert "18 (1)" in sni and "(n=6)" in sni  # the group view in the vote results
    assert "« Dot voting » and « Criteria scoring » disagree" in sni
    # The restitution gave the health axe 10 points, the papers axe 5; the moderator had put papers first.
    assert "Order kept" in sni
    assert "Same axe as (confirmed)" not in sni  # no pair of axes confirmed yet
    decide_axis_match(ctx, meeting.event_id, meeting.axes[PAPERS], meeting.axes[PAPERS_AGAIN], "confirm")
    path.write_bytes(export_event_file(ctx, meeting.event_id, "sni", language="fr", translate=identity).content)
    sni = " ".join(pdf_reading_text(to_pdf(path)).split())
    assert f"Same axe as (confirmed) A3 {PAPERS_AGAIN} (Atelier santé)" in sni
    assert f"Same axe as (confirmed) A1 {PAPERS} (Atelier papiers)" in sni
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(export_room_file(ctx, meeting.codes["papers"], "pptx", language="fr", translate=identity).content)
    slides = pdf_reading_text(to_pdf(deck))
    assert "18 (1)" in slides and "25 (1)" in slides and "(n=6)" in slides


def test_the_arabic_consolidation_is_in_arabic(app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from workshop.i18n import translator

    ctx = app.extensions["workshop"]
    meeting = build_meeting(ctx, second_workshop=False)
    path = tmp_path / "consolidation-ar.docx"
    with app.app_context():
        content = export_event_file(ctx, meeting.event_id, "compte-rendu-consolide", language="ar",
                                    translate=translator("ar")).content
    path.write_bytes(content)
    # The PDF's text carries direction marks around runs; what a reader sees is the letters between them.
    text = " ".join(pdf_reading_text(to_pdf(path)).translate({code: " " for code in range(0x202A, 0x202F)}).split())
    for heading in ("جدول أعمال اللقاء", "نتائج الجلسة العامة", "الورشات الموضوعاتية", "ما ينقص هذا التجميع",
                    "من يدعم ماذا"):
        assert heading in text, heading
    # Numbers and counts survive in the right-to-left tables (their brackets' order is the renderer's, issue 8 §7).
    assert "n=6" in text and "18 (1" in text.replace(")", "(")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_long_wall_goes_to_the_annex(ctx) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from workshop.exports.documents import Heading, Paragraph, compose
    from workshop.exports.report import ClusterCards
    from workshop.services.reports import build_event_report

    meeting = build_meeting(ctx, second_workshop=False)
    report = build_event_report(ctx, meeting.event_id, language="fr", translate=identity)
    wall = (ClusterCards(PAPERS, tuple(f"Idée {n}" for n in range(45))),)
    rooms = tuple(replace(room, activities=tuple(replace(activity, clusters=wall) if activity.clusters else activity
                                                 for activity in room.activities)) for room in report.rooms)
    model = compose(replace(report, rooms=rooms), "compte-rendu-consolide")
    texts = [block.text for block in model.blocks if isinstance(block, (Heading, Paragraph))]
    assert "45 ideas in 1 clusters: all of them are in the annex." in texts
    annex = texts.index("Annex: every idea on the wall, by cluster")
    assert f"{PAPERS} (45)" in texts[annex:]


def test_the_meetings_title_without_its_arabic_version_is_marked_in_french(app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from workshop.i18n import translator

    ctx = app.extensions["workshop"]
    meeting = build_meeting(ctx, second_workshop=False)
    edit_event(ctx, meeting.event_id, {"project_name": "Projet Droits"})

    def arabic(name: str) -> tuple[str, str]:
        with app.app_context():
            made = export_event_file(ctx, meeting.event_id, "compte-rendu-consolide", language="ar",
                                     translate=translator("ar"))
        path = tmp_path / f"{name}.docx"
        path.write_bytes(made.content)
        text = " ".join(pdf_reading_text(to_pdf(path)).translate({code: " " for code in range(0x200E, 0x202F)}).split())
        return made.filename, text

    filename, text = arabic("french-title")
    # No Arabic version yet: the cover says the title and the project are French, and a notice says where to fix it.
    assert "[بالفرنسية] Rencontre nationale SNI" in text and "[بالفرنسية] Projet Droits" in text
    # (The PDF's text gives « لا » as its ligature's letters reversed: the notice is read around it.)
    assert "عنوان اللقاء أو مشروعه" in text and "بالفرنسية فقط" in text and "استمارة هوية اللقاء" in text
    assert "french" not in filename and "rencontre-nationale-sni" in filename  # the file name stays clean
    edit_event(ctx, meeting.event_id, {"versions": {"ar": {"title": "اللقاء الوطني", "project_name": "مشروع الحقوق"}}})
    _filename, text = arabic("arabic-title")
    assert "اللقاء الوطني" in text and "مشروع الحقوق" in text
    assert "[بالفرنسية] Rencontre" not in text and "بالفرنسية فقط" not in text
    english = build_event_report(ctx, meeting.event_id, language="en", translate=identity).meta
    assert (english.title, english.project, english.untranslated) == (
        "[in French] Rencontre nationale SNI", "[in French] Projet Droits", ("title", "project_name"))
    french = build_event_report(ctx, meeting.event_id, language="fr", translate=identity).meta
    assert (french.title, french.untranslated) == ("Rencontre nationale SNI", ())


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_proposals_waiting_for_the_moderator_are_not_called_no_common_priority(ctx) -> None:  # type: ignore[no-untyped-def]
    from workshop.exports.documents import BulletList, Paragraph, compose

    meeting = build_meeting(ctx)  # two workshops, the engine's proposals, nothing confirmed
    model = compose(build_event_report(ctx, meeting.event_id, language="fr", translate=identity),
                    "compte-rendu-consolide")
    texts = [block.text for block in model.blocks if isinstance(block, Paragraph)]
    assert "No pair has been confirmed on the strategy page yet; the clustering engine proposes these:" in texts
    assert "No priority is shared by the workshops." not in texts
    proposed = [item for block in model.blocks if isinstance(block, BulletList) for item in block.items
                if item.endswith("proposed (same theme, close wording), to confirm")]
    assert f"{PAPERS} (Atelier papiers) = {PAPERS_AGAIN} (Atelier santé) — proposed (same theme, close wording), " \
           "to confirm" in proposed


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_strategy_named_like_its_meeting_is_named_once_in_the_running_header(ctx) -> None:  # type: ignore[no-untyped-def]
    from workshop.exports.documents import compose

    meeting = build_meeting(ctx, second_workshop=False)  # the SNI starts with the meeting's title
    report = build_event_report(ctx, meeting.event_id, language="fr", translate=identity)
    assert compose(report, "sni").header == "Rencontre nationale SNI"
    edit_event(ctx, meeting.event_id, {"strategy_title": "SNI 2027-2029"})
    report = build_event_report(ctx, meeting.event_id, language="fr", translate=identity)
    assert compose(report, "sni").header == "Rencontre nationale SNI · SNI 2027-2029"
