"""Common axes by meaning across rooms (issue 8 §3): proposed by the clustering engine, decided by the moderator."""
from __future__ import annotations

import pytest

from workshop.domain.errors import DomainError
from workshop.services.axis_matching import axis_matches, decide_axis_match
from workshop.services.consolidation import consolidation_data
from workshop.services.declination import national_view

from ..exports.meeting import HEALTH, MEDICINES, PAPERS, PAPERS_AGAIN, build_meeting


def labels(pair: dict) -> set[str]:
    return {pair["left"]["label"], pair["right"]["label"]}


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_axes_of_two_workshops_that_mean_the_same_are_proposed_then_confirmed(ctx) -> None:  # type: ignore[no-untyped-def]
    meeting = build_meeting(ctx, restitution=True)
    axes = meeting.axes
    view = axis_matches(ctx, meeting.event_id)
    assert {side["label"] for side in view["axes"]} == {PAPERS, HEALTH, PAPERS_AGAIN, MEDICINES}
    proposed = [pair for pair in view["proposed"] if labels(pair) == {PAPERS, PAPERS_AGAIN}]
    assert proposed and proposed[0]["theme"] == "papiers"
    # Never two axes of the same room, whatever their words.
    assert all(pair["left"]["room"] != pair["right"]["room"] for pair in view["proposed"])
    before = consolidation_data(ctx, meeting.event_id)
    entry = next(entry for entry in before["common_axes"]
                 if {side["label"] for side in entry["axes"]} == {PAPERS, PAPERS_AGAIN})
    assert entry["confirmed"] is False
    assert set(entry["axes"][0]) == {"room", "axis_id", "code", "label"}

    view = decide_axis_match(ctx, meeting.event_id, axes[PAPERS_AGAIN], axes[PAPERS], "confirm")
    assert [labels(pair) for pair in view["confirmed"]] == [{PAPERS, PAPERS_AGAIN}]
    assert not any(labels(pair) == {PAPERS, PAPERS_AGAIN} for pair in view["proposed"])
    data = consolidation_data(ctx, meeting.event_id)
    [confirmed] = [entry for entry in data["common_axes"] if entry["confirmed"]]
    assert {(side["room"], side["label"]) for side in confirmed["axes"]} == {
        (meeting.codes["papers"], PAPERS), (meeting.codes["health"], PAPERS_AGAIN)}
    assert {side["label"] for side in data["distinct_axes"]} == {HEALTH, MEDICINES}
    # The national view marks the two axes common and lists the pair with both labels.
    national = national_view(ctx, meeting.event_id)
    [pair] = [entry for entry in national["common_axes"] if entry["confirmed"]]
    assert {side["label"] for side in pair["axes"]} == {PAPERS, PAPERS_AGAIN}
    flags = {axis["title"]: axis["common"] for column in national["rooms"] for axis in column["axes"]}
    assert flags == {PAPERS: True, HEALTH: False, PAPERS_AGAIN: True, MEDICINES: False}

    # The engine also proposes the two health axes (same theme); the moderator confirms that pair too.
    assert [labels(pair) for pair in view["proposed"]] == [{HEALTH, MEDICINES}]
    decide_axis_match(ctx, meeting.event_id, axes[HEALTH], axes[MEDICINES], "confirm")
    # A pair the engine did not propose is added: pairs that chain make one common axe of three.
    view = decide_axis_match(ctx, meeting.event_id, axes[PAPERS_AGAIN], axes[HEALTH], "confirm")
    assert len(view["confirmed"]) == 3
    groups = [entry for entry in consolidation_data(ctx, meeting.event_id)["common_axes"] if entry["confirmed"]]
    assert [{side["label"] for side in entry["axes"]} for entry in groups] == [{PAPERS, HEALTH, PAPERS_AGAIN, MEDICINES}]
    # Split undoes a confirmation, and the engine does not propose the pair again.
    view = decide_axis_match(ctx, meeting.event_id, axes[PAPERS], axes[PAPERS_AGAIN], "split")
    assert [labels(pair) for pair in view["split"]] == [{PAPERS, PAPERS_AGAIN}]
    assert not any(labels(pair) == {PAPERS, PAPERS_AGAIN} for pair in view["proposed"] + view["confirmed"])


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_pair_of_axes_is_refused_within_one_room_or_for_an_unknown_axe(ctx) -> None:  # type: ignore[no-untyped-def]
    meeting = build_meeting(ctx, restitution=True)
    axes = meeting.axes
    for left, right, code in ((axes[PAPERS], axes[HEALTH], "match_same_room"),
                              (axes[PAPERS], 999_999, "unknown_axis")):
        with pytest.raises(DomainError) as refused:
            decide_axis_match(ctx, meeting.event_id, left, right, "confirm")
        assert refused.value.code == code
    with pytest.raises(DomainError) as refused:
        decide_axis_match(ctx, meeting.event_id, axes[PAPERS], axes[PAPERS_AGAIN], "merge")
    assert refused.value.code == "invalid_choice"
    assert axis_matches(ctx, meeting.event_id)["confirmed"] == []  # nothing changed


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_reports_list_common_axes_in_the_documents_language(ctx) -> None:  # type: ignore[no-untyped-def]
    from workshop.services.reports import build_event_report

    meeting = build_meeting(ctx, restitution=True)
    decide_axis_match(ctx, meeting.event_id, meeting.axes[PAPERS], meeting.axes[PAPERS_AGAIN], "confirm")
    french = build_event_report(ctx, meeting.event_id, language="fr", translate=lambda text: text)
    assert french.common_axes == (f"A1 {PAPERS} (Atelier papiers) = A3 {PAPERS_AGAIN} (Atelier santé)",)
    assert french.proposed_axes == (f"A2 {HEALTH} (Atelier papiers) = A4 {MEDICINES} (Atelier santé)",)
    assert french.distinct_axes == (("Atelier papiers", (f"A2 {HEALTH}",)), ("Atelier santé", (f"A4 {MEDICINES}",)))
    # In Arabic the titles without their Arabic version are marked, as everywhere else an axe is named.
    arabic = build_event_report(ctx, meeting.event_id, language="ar", translate=lambda text: text)
    assert arabic.common_axes == (f"A1 [in French] {PAPERS} (Atelier papiers) = A3 [in French] {PAPERS_AGAIN} "
                                  "(Atelier santé)",)
    # Each of the two axes knows the other (the SNI prints it among the axe's facts).
    same = {axis.code: axis.same_as for axis in french.strategy.axes}
    assert same == {"A1": (f"A3 {PAPERS_AGAIN} (Atelier santé)",), "A2": (), "A3": (f"A1 {PAPERS} (Atelier papiers)",),
                    "A4": ()}
    # Only dot votes ranked the axes: the table of scores has no column of dashes for a score nobody gave.
    assert french.strategy.scores.headers == ("Rank", "Axe", "Points", "Order kept")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_archive_takes_the_moderators_pairs_to_another_laptop(ctx) -> None:  # type: ignore[no-untyped-def]
    import json

    from workshop.services.declination import export_event_archive, import_event_archive
    from workshop.services.matching import decide_match, matches

    meeting = build_meeting(ctx, restitution=True)
    decide_match(ctx, meeting.event_id, meeting.clusters[PAPERS], meeting.clusters[PAPERS_AGAIN], "confirm")
    decide_axis_match(ctx, meeting.event_id, meeting.axes[PAPERS], meeting.axes[PAPERS_AGAIN], "confirm")
    decide_axis_match(ctx, meeting.event_id, meeting.axes[HEALTH], meeting.axes[MEDICINES], "split")
    archive = json.loads(json.dumps(export_event_archive(ctx, meeting.event_id)))
    assert len(archive["matches"]["clusters"]) == 1 and len(archive["matches"]["axes"]) == 2
    imported = import_event_archive(ctx, archive).event_id
    assert imported != meeting.event_id
    clusters = matches(ctx, imported)
    assert [labels(pair) for pair in clusters["confirmed"]] == [{PAPERS, PAPERS_AGAIN}]
    view = axis_matches(ctx, imported)
    assert [labels(pair) for pair in view["confirmed"]] == [{PAPERS, PAPERS_AGAIN}]
    assert [labels(pair) for pair in view["split"]] == [{HEALTH, MEDICINES}] and view["proposed"] == []
    # Each axe keeps its room (the import numbers rooms anew): the pairs are still across two workshops.
    assert {(side["room_name"], side["label"]) for side in view["axes"]} == {
        ("Atelier papiers", PAPERS), ("Atelier papiers", HEALTH), ("Atelier santé", PAPERS_AGAIN),
        ("Atelier santé", MEDICINES)}
    # An archive written before the pairs were kept still imports (no « matches »): the engine proposes again.
    del archive["matches"]
    assert axis_matches(ctx, import_event_archive(ctx, archive).event_id)["confirmed"] == []
