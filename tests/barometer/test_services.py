"""The barometer's use cases on a real database: editions, framework edits, expert scores, events, drafts."""
from __future__ import annotations

import pytest

from workshop.domain.errors import DomainError
from workshop.services import barometer
from workshop.services.barometer_reports import build_barometer_report, issue_draft

from .conftest import SAME, fill_edition


def test_a_new_edition_starts_from_the_previous_framework(ctx) -> None:  # type: ignore[no-untyped-def]
    first = barometer.create_edition(ctx, title="Baromètre 2025")["edition"]
    barometer.update_framework(ctx, edition_id=first["id"], change={"op": "update_indicator",
                                                                  "key": "sante_soins_obtenus", "weight": 2})
    barometer.set_min_n(ctx, edition_id=first["id"], min_n=20)
    second = barometer.create_edition(ctx, title="Baromètre 2026", previous="Baromètre 2025")["edition"]
    record = barometer.edition_record(ctx, second["id"])
    assert record["min_n"] == 20
    assert next(i for i in record["framework"]["indicators"] if i["key"] == "sante_soins_obtenus")["weight"] == 2.0
    with pytest.raises(DomainError) as refused:
        barometer.create_edition(ctx, title="Baromètre 2026")
    assert refused.value.code == "duplicate_edition"
    with pytest.raises(DomainError) as unknown:
        barometer.create_edition(ctx, title="Baromètre 2027", previous="Baromètre 1999")
    assert unknown.value.code == "unknown_edition"


def test_framework_edits_are_checked_and_a_refused_one_changes_nothing(ctx) -> None:  # type: ignore[no-untyped-def]
    edition = barometer.create_edition(ctx, title="B")["edition"]["id"]
    before = barometer.edition_record(ctx, edition)
    added = {"key": "sante_delai_rdv", "sector": "sante", "dimension": "accessibilite", "kind": "usage",
             "labels": {"fr": "Avez-vous obtenu un rendez-vous en moins d'un mois ?", "ar": "", "en": ""}}
    barometer.update_framework(ctx, edition_id=edition, change={"op": "add_indicator", "indicator": added})
    barometer.update_framework(ctx, edition_id=edition, change={
        "op": "set_dimension_weight", "sector": "justice", "dimension": "droits", "weight": 2})
    barometer.update_framework(ctx, edition_id=edition, change={"op": "remove_indicator", "key": "edu_soutien_langue"})
    after = barometer.edition_record(ctx, edition)
    keys = [item["key"] for item in after["framework"]["indicators"]]
    assert "sante_delai_rdv" in keys and "edu_soutien_langue" not in keys
    assert after["framework"]["dimension_weights"]["justice.droits"] == 2.0 and after["version"] == before["version"] + 3
    for change, code in (({"op": "add_indicator", "indicator": added}, "duplicate_indicator"),
                         ({"op": "add_indicator", "indicator": {**added, "key": "2bad"}}, "invalid_indicator_key"),
                         ({"op": "add_indicator", "indicator": {**added, "key": "x_y", "kind": "vote"}}, "invalid_choice"),
                         ({"op": "update_indicator", "key": "sante_soins_obtenus", "weight": 0}, "config_out_of_range"),
                         ({"op": "update_indicator", "key": "sante_soins_obtenus", "labels": {"fr": " "}}, "text_empty"),
                         ({"op": "remove_indicator", "key": "nope"}, "unknown_indicator"),
                         ({"op": "drop_everything"}, "invalid_payload"), ("x", "invalid_payload")):
        with pytest.raises(DomainError) as refused:
            barometer.update_framework(ctx, edition_id=edition, change=change)
        assert refused.value.code == code
    assert barometer.edition_record(ctx, edition)["framework"] == after["framework"]


def test_legal_scores_replace_per_status_and_events_are_checked(ctx) -> None:  # type: ignore[no-untyped-def]
    edition = barometer.create_edition(ctx, title="B")["edition"]["id"]
    barometer.record_legal_score(ctx, edition_id=edition, indicator="edu_droit_inscription", score=50)
    barometer.record_legal_score(ctx, edition_id=edition, indicator="edu_droit_inscription", score=100,
                                 source="Loi", source_date="2026-01-02")
    barometer.record_legal_score(ctx, edition_id=edition, indicator="edu_droit_inscription", score=0,
                                 status="irregulier")
    rows = barometer.edition_record(ctx, edition)["legal_scores"]
    assert [(row["status"], row["score"], row["source"]) for row in rows] == [(None, 100, "Loi"), ("irregulier", 0, "")]
    for kwargs, code in (({"indicator": "edu_facilite_inscription", "score": 50}, "unknown_indicator"),
                         ({"indicator": "edu_droit_inscription", "score": 75}, "invalid_legal_score"),
                         ({"indicator": "edu_droit_inscription", "score": 50, "status": "touriste"}, "invalid_choice"),
                         ({"indicator": "edu_droit_inscription", "score": 50, "source_date": "2026-02-30"},
                          "invalid_date")):
        with pytest.raises(DomainError) as refused:
            barometer.record_legal_score(ctx, edition_id=edition, **kwargs)
        assert refused.value.code == code
    for kwargs, code in (({"when": "2026-01-01", "sector": "logement", "direction": "+", "text": "x"}, "invalid_choice"),
                         ({"when": "2026-01-01", "sector": "sante", "direction": "?", "text": "x"}, "invalid_choice"),
                         ({"when": "01/01/2026", "sector": "sante", "direction": "+", "text": "x"}, "invalid_date"),
                         ({"when": "2026-01-01", "sector": "sante", "direction": "−", "text": " "}, "text_empty")):
        with pytest.raises(DomainError) as refused:
            barometer.add_policy_event(ctx, edition_id=edition, **kwargs)
        assert refused.value.code == code


def test_drafts_list_what_changed_and_the_comments_on_the_previous_one(ctx) -> None:  # type: ignore[no-untyped-def]
    edition = fill_edition(ctx, "Baromètre 2026", share=0.4)
    first = issue_draft(ctx, build_barometer_report(ctx, edition["id"], language="en", translate=str, draft="1"))
    assert first.changes is None and first.stamp.startswith("First draft — issue 1 of ")
    barometer.add_comment(ctx, edition_id=edition["id"], draft="1", section="sante", author="CNDH",
                          text="Give the source of the emergency figure.")
    barometer.add_comment(ctx, edition_id=edition["id"], draft="2", section="general", text="Not for draft 2.")
    barometer.set_narrative(ctx, edition_id=edition["id"], section="summary", text="Access is uneven.")
    from .field_export import as_xlsx
    from workshop.services.barometer_field import import_submissions

    import_submissions(ctx, edition["id"], as_xlsx(edition["headers"], edition["rows"]), SAME)
    second = build_barometer_report(ctx, edition["id"], language="en", translate=str, draft="2")
    changes = second.changes
    assert changes is not None and changes.previous_issued
    assert (changes.responses_before, changes.responses_after) == (int(len(edition["rows"]) * 0.4), len(edition["rows"]))
    assert changes.sections_completed == ("Summary",)
    assert changes.figures and all(figure.before != figure.after for figure in changes.figures)
    assert [(row.section, row.author, row.text) for row in second.comments] == [
        ("Health", "CNDH", "Give the source of the emergency figure.")]
    final = build_barometer_report(ctx, edition["id"], language="en", translate=str, draft="final")
    assert final.changes is not None and not final.changes.previous_issued  # draft 2 was never issued
    reissued = issue_draft(ctx, build_barometer_report(ctx, edition["id"], language="en", translate=str, draft="1"))
    assert " issue 2 of " in reissued.stamp and reissued.stamp[-8:] != first.stamp[-8:]  # new figures, new fingerprint


def test_anonymised_answers_hide_rare_statuses_and_keep_no_identifier(ctx) -> None:  # type: ignore[no-untyped-def]
    edition = fill_edition(ctx, "B")
    report = build_barometer_report(ctx, edition["id"], language="en", translate=str)
    assert len(report.anonymised) == len(edition["rows"])
    by_region: dict[tuple[str, str], int] = {}
    for row in report.anonymised:
        by_region[(row.region, row.status)] = by_region.get((row.region, row.status), 0) + 1
    assert all(count >= 5 for (region, status), count in by_region.items() if status)
    # Béni Mellal-Khénifra has 6 respondents: no status of theirs reaches 5, all are blanked.
    assert all(row.status == "" for row in report.anonymised if row.region == "Béni Mellal-Khénifra")
    assert not any("uuid" in " ".join(row.answers) for row in report.anonymised)


def test_breakdowns_and_trends(two_editions, ctx) -> None:  # type: ignore[no-untyped-def]
    _first, second = two_editions
    report = build_barometer_report(ctx, second["id"], language="en", translate=str)
    groups = {group: (people, cells) for group, people, cells in report.breakdowns["status"]}
    people, cells = groups["Without a residence permit"]
    assert people > 0 and {cell.sector for cell in cells} == {"sante", "education", "justice"}
    assert [title for title, _scores in report.trends] == ["Baromètre 2025", "Baromètre 2026"]
    assert [event.date for event in report.timeline] == ["2013-10-09", "2014-12-18", "2025-03-15", "2025-03-15"]
    national = report.cell("national", "sante")
    assert national is not None and national.change is not None
