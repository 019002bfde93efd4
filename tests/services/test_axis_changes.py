"""Issue 11 §1: a cluster is made an axe once; axes are deleted and merged; undo takes back the latest change."""
import pytest

from workshop.domain.errors import DomainError
from workshop.services import axis_changes, clustering, strategy
from workshop.services.board_log import promoted_clusters

from .helpers import national_meeting, op


@pytest.fixture
def national(ctx):  # type: ignore[no-untyped-def]
    return national_meeting(ctx)


def _axes(ctx, event_id: int) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(axis["code"], axis["title"]) for axis in strategy.strategy_document(ctx, event_id)["axes"]]


def test_a_promoted_cluster_opens_its_axe_instead_of_a_second(ctx, national) -> None:
    created, rooms, (brainstorm, clusters), _second = national
    room_id = rooms[1][0]
    first = strategy.promote_to_axis(ctx, room_id=room_id, activity_id=brainstorm,
                                     cluster_ids=[clusters["Accès aux soins"]], op_id=op())
    again = strategy.promote_to_axis(ctx, room_id=room_id, activity_id=brainstorm,
                                     cluster_ids=[clusters["Accès aux soins"]], op_id=op())
    assert first["existing"] is False and again == {"ok": True, "axis_id": first["axis_id"], "existing": True,
                                                   "code": "A1"}
    assert _axes(ctx, created.event_id) == [("A1", "Accès aux soins")]
    with pytest.raises(DomainError, match="cluster_already_axis") as refused:
        strategy.promote_to_axis(ctx, room_id=room_id, activity_id=brainstorm,
                                 cluster_ids=[clusters["Accès aux soins"], clusters["Papiers"]])
    assert refused.value.params == {"label": "Accès aux soins", "axis": "A1"}
    with ctx.db.read() as session:
        assert promoted_clusters(session, room_id) == {
            str(brainstorm): {str(clusters["Accès aux soins"]): {"id": first["axis_id"], "code": "A1",
                                                                  "title": "Accès aux soins"}}}


def test_board_undo_takes_back_the_axe_made_last_and_names_it(ctx, national) -> None:
    created, rooms, (brainstorm, clusters), _second = national
    room_id = rooms[1][0]
    clustering.rename_cluster(ctx, room_id=room_id, activity_id=brainstorm, cluster_id=clusters["Papiers"],
                              label="Papiers et séjour", actor="console")
    strategy.promote_to_axis(ctx, room_id=room_id, activity_id=brainstorm, cluster_ids=[clusters["Accès aux soins"]],
                             actor="console")
    ctx.publisher.messages.clear()
    undone = clustering.undo_clustering(ctx, room_id=room_id, activity_id=brainstorm, actor="console")
    assert undone["undone"]["kind"] == "promote_to_axis" and undone["undone"]["summary"] == "A1 · Accès aux soins"
    assert _axes(ctx, created.event_id) == []
    assert [message.payload["promoted"] for message in ctx.publisher.events("promoted_clusters")][0] == {}
    # The cluster can be made an axe again (a new code: A1 stays the undone one's)
    again = strategy.promote_to_axis(ctx, room_id=room_id, activity_id=brainstorm,
                                     cluster_ids=[clusters["Accès aux soins"]])
    assert again["existing"] is False and _axes(ctx, created.event_id) == [("A2", "Accès aux soins")]
    clustering.undo_clustering(ctx, room_id=room_id, activity_id=brainstorm, actor="console")
    second = clustering.undo_clustering(ctx, room_id=room_id, activity_id=brainstorm, actor="console")
    assert second["undone"]["kind"] == "rename_cluster"
    assert second["undone"]["summary"] == "Papiers → Papiers et séjour"


def test_axes_are_deleted_merged_and_undone_from_the_strategy(ctx, national) -> None:
    created, rooms, (brainstorm, clusters), _second = national
    room_id = rooms[1][0]
    health = strategy.promote_to_axis(ctx, room_id=room_id, activity_id=brainstorm,
                                      cluster_ids=[clusters["Accès aux soins"]])["axis_id"]
    papers = strategy.promote_to_axis(ctx, room_id=room_id, activity_id=brainstorm,
                                      cluster_ids=[clusters["Papiers"]])["axis_id"]
    axis_changes.merge_axes(ctx, target_id=health, source_ids=[papers], event_ids=None, actor="console")
    merged = strategy.strategy_document(ctx, created.event_id)["axes"]
    assert [axis["id"] for axis in merged] == [health]
    assert {cluster["label"] for cluster in merged[0]["provenance"]["clusters"]} == {"Accès aux soins", "Papiers"}
    assert merged[0]["provenance"]["merged_axes"] == [{"id": papers, "code": "A2", "title": "Papiers"}]
    # Both clusters now open the merged axe
    assert strategy.promote_to_axis(ctx, room_id=room_id, activity_id=brainstorm,
                                    cluster_ids=[clusters["Papiers"]])["axis_id"] == health
    assert axis_changes.last_axis_change(ctx, created.event_id)["kind"] == "merge_axes"
    undone = axis_changes.undo_axis_change(ctx, event_id=created.event_id, actor="console")
    assert undone["undone"]["summary"] == "A1 · Accès aux soins + A2 · Papiers"
    assert _axes(ctx, created.event_id) == [("A1", "Accès aux soins"), ("A2", "Papiers")]
    assert "merged_axes" not in strategy.strategy_document(ctx, created.event_id)["axes"][0]["provenance"]

    axis_changes.delete_axis(ctx, axis_id=papers, event_ids=None, actor="console")
    assert _axes(ctx, created.event_id) == [("A1", "Accès aux soins")]
    with pytest.raises(DomainError, match="unknown_axis"):
        axis_changes.delete_axis(ctx, axis_id=papers, event_ids=None)
    # The board the axe came from undoes that deletion too: it is its latest change
    undone = clustering.undo_clustering(ctx, room_id=room_id, activity_id=brainstorm, actor="console")
    assert undone["undone"]["kind"] == "delete_axis"
    assert _axes(ctx, created.event_id) == [("A1", "Accès aux soins"), ("A2", "Papiers")]


def test_axes_of_another_event_cannot_be_deleted_or_merged(ctx, national) -> None:
    created, rooms, (brainstorm, clusters), _second = national
    health = strategy.promote_to_axis(ctx, room_id=rooms[1][0], activity_id=brainstorm,
                                      cluster_ids=[clusters["Accès aux soins"]])["axis_id"]
    with pytest.raises(DomainError, match="unknown_axis"):
        axis_changes.delete_axis(ctx, axis_id=health, event_ids=frozenset({created.event_id + 100}))
    with pytest.raises(DomainError, match="merge_axis_into_itself"):
        axis_changes.merge_axes(ctx, target_id=health, source_ids=[health], event_ids=None)
    with pytest.raises(DomainError, match="nothing_to_undo"):
        axis_changes.undo_axis_change(ctx, event_id=created.event_id)  # promotions are logged: one to undo
        axis_changes.undo_axis_change(ctx, event_id=created.event_id)
