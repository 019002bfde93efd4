"""The ``consolidation`` contract and the common priorities by meaning, from a meeting built through the services."""
from __future__ import annotations

import pytest

from workshop.domain.errors import DomainError
from workshop.services.consolidation import consolidation_data
from workshop.services.matching import decide_match, matches

from ..exports.meeting import HEALTH, PAPERS, PAPERS_AGAIN, SCHOOL, build_meeting


def test_the_contract_holds_signals_disagreements_groups_and_matches(ctx) -> None:  # type: ignore[no-untyped-def]
    meeting = build_meeting(ctx)
    clusters = meeting.clusters
    proposed = matches(ctx, meeting.event_id)["proposed"]
    pair = next(pair for pair in proposed if {pair["left"]["label"], pair["right"]["label"]} == {PAPERS, PAPERS_AGAIN})
    assert pair["theme"] == "papiers"
    data = consolidation_data(ctx, meeting.event_id)
    assert set(data) == {"event", "rooms", "signals", "disagreements", "groups", "common", "distinct", "common_axes",
                         "distinct_axes"}
    assert [room["kind"] for room in data["rooms"]] == ["plenary", "workshop", "workshop"]
    assert set(data["rooms"][0]) == {"code", "name", "theme", "kind"}
    papers_code = meeting.codes["papers"]
    signals = {signal["activity_id"]: signal for signal in data["signals"]}
    assert signals[meeting.activities["papers_dots"]] == {
        "room": papers_code, "activity_id": meeting.activities["papers_dots"], "type": "dot_voting",
        "ranking": [clusters[HEALTH], clusters[PAPERS], clusters[SCHOOL]]}
    assert signals[meeting.activities["papers_scoring"]]["ranking"] == [clusters[SCHOOL], clusters[HEALTH],
                                                                         clusters[PAPERS]]
    [disagreement] = data["disagreements"]
    assert disagreement["room"] == papers_code and disagreement["correlation"] == -0.5
    assert disagreement["activity_ids"] == [meeting.activities["papers_dots"], meeting.activities["papers_scoring"]]
    assert "disagree" in disagreement["sentence"]
    dots = [group for group in data["groups"] if group["activity_id"] == meeting.activities["papers_dots"]]
    by_name = {(group["dimension"], group["group"]): group for group in dots}
    assert set(by_name) == {("organisation_type", "opm"), ("organisation_type", "public_institution"),
                            ("region", "casablanca_settat"), ("region", "rabat_sale_kenitra")}  # researchers: 2 < 5
    opm = by_name[("organisation_type", "opm")]
    assert opm["n"] == 6 and set(opm) == {"room", "activity_id", "dimension", "group", "n", "items"}
    assert {item["id"]: item["value"] for item in opm["items"]} == {clusters[PAPERS]: 18, clusters[HEALTH]: 12,
                                                                   clusters[SCHOOL]: 0}
    assert all(group["n"] >= 5 for group in data["groups"])
    common = [entry for entry in data["common"]
              if {side["label"] for side in entry["clusters"]} == {PAPERS, PAPERS_AGAIN}]
    assert common and common[0]["confirmed"] is False
    # The moderator confirms the pair: one common priority, listed with both labels; neither is distinct any more.
    decide_match(ctx, meeting.event_id, clusters[PAPERS_AGAIN], clusters[PAPERS], "confirm")
    data = consolidation_data(ctx, meeting.event_id)
    confirmed = [entry for entry in data["common"] if entry["confirmed"]]
    assert [{side["label"] for side in entry["clusters"]} for entry in confirmed] == [{PAPERS, PAPERS_AGAIN}]
    assert {side["room"] for side in confirmed[0]["clusters"]} == {papers_code, meeting.codes["health"]}
    distinct = {side["label"] for side in data["distinct"]}
    assert PAPERS not in distinct and PAPERS_AGAIN not in distinct and SCHOOL in distinct
    # Split: the two stay distinct, and the engine does not propose them again.
    view = decide_match(ctx, meeting.event_id, clusters[PAPERS], clusters[PAPERS_AGAIN], "split")
    assert len(view["split"]) == 1 and not any(
        {pair["left"]["label"], pair["right"]["label"]} == {PAPERS, PAPERS_AGAIN} for pair in view["proposed"])
    with pytest.raises(DomainError) as refused:
        decide_match(ctx, meeting.event_id, clusters[PAPERS], clusters[HEALTH], "confirm")
    assert refused.value.code == "match_same_room"
