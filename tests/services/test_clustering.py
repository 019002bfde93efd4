import pytest

from workshop.domain.errors import DomainError
from workshop.services import clustering, contributions, moderation
from workshop.services.state import moderator_state, screen_state

from .helpers import make_room, op


def board(ctx, room, activity_id):  # type: ignore[no-untyped-def]
    activity = next(a for a in moderator_state(ctx, room.code)["activities"] if a["id"] == activity_id)
    found = activity["results"]["board"]
    return ({column["label"]: [idea["text"] for idea in column["ideas"]] for column in found["clusters"]},
            [idea["text"] for idea in found["unclustered"]])


@pytest.fixture
def wall(ctx):  # type: ignore[no-untyped-def]
    room = make_room(ctx)
    brainstorm = room.activity("brainstorm", config={"max_per_participant": 20})
    phone = room.participant()
    texts = ["Accès aux soins", "Carte de séjour", "Scolarisation des enfants", "Hôpital gratuit", "Régularisation"]
    ids = {text: contributions.submit_idea(ctx, phone, activity_id=brainstorm, text=text, op_id=op())["idea_id"]
           for text in texts}
    return room, brainstorm, ids


def test_drag_ideas_into_clusters_and_back_out(ctx, wall) -> None:
    room, brainstorm, ids = wall
    health = clustering.create_cluster(ctx, room_id=room.room_id, activity_id=brainstorm, label="Santé",
                                       actor="console", op_id=op())["cluster_id"]
    clustering.move_ideas(ctx, room_id=room.room_id, activity_id=brainstorm, actor="console",
                          idea_ids=[ids["Accès aux soins"], ids["Hôpital gratuit"]], cluster_id=health)
    papers = clustering.create_cluster(ctx, room_id=room.room_id, activity_id=brainstorm, label="Papiers",
                                       actor="console", idea_ids=[ids["Carte de séjour"], ids["Régularisation"]])["cluster_id"]
    assert board(ctx, room, brainstorm) == (
        {"Santé": ["Accès aux soins", "Hôpital gratuit"], "Papiers": ["Carte de séjour", "Régularisation"]},
        ["Scolarisation des enfants"])
    clustering.move_ideas(ctx, room_id=room.room_id, activity_id=brainstorm, actor="console",
                          idea_ids=[ids["Régularisation"]], cluster_id=None)
    clustering.rename_cluster(ctx, room_id=room.room_id, activity_id=brainstorm, cluster_id=papers,
                              label="Papiers et séjour", actor="console")
    assert board(ctx, room, brainstorm) == (
        {"Santé": ["Accès aux soins", "Hôpital gratuit"], "Papiers et séjour": ["Carte de séjour"]},
        ["Scolarisation des enfants", "Régularisation"])
    # The projector sees the same columns (live results of a brainstorm).
    screen_board = screen_state(ctx, room.code)["activities"][0]["results"]["board"]
    assert [column["label"] for column in screen_board["clusters"]] == ["Santé", "Papiers et séjour"]


def test_merge_split_and_undo_each_step(ctx, wall) -> None:
    room, brainstorm, ids = wall
    act = {"ctx": ctx, "room_id": room.room_id, "activity_id": brainstorm, "actor": "console"}
    a = clustering.create_cluster(**act, label="Soins", idea_ids=[ids["Accès aux soins"]])["cluster_id"]
    b = clustering.create_cluster(**act, label="Hôpital", idea_ids=[ids["Hôpital gratuit"]])["cluster_id"]
    clustering.merge_clusters(**act, target_id=a, source_ids=[b])
    assert board(ctx, room, brainstorm)[0] == {"Soins": ["Accès aux soins", "Hôpital gratuit"]}
    clustering.split_cluster(**act, cluster_id=a, idea_ids=[ids["Hôpital gratuit"]], label="Hôpitaux")
    assert board(ctx, room, brainstorm)[0] == {"Soins": ["Accès aux soins"], "Hôpitaux": ["Hôpital gratuit"]}
    clustering.undo_clustering(**act)  # the split
    assert board(ctx, room, brainstorm)[0] == {"Soins": ["Accès aux soins", "Hôpital gratuit"]}
    clustering.undo_clustering(**act)  # the merge
    assert board(ctx, room, brainstorm)[0] == {"Soins": ["Accès aux soins"], "Hôpital": ["Hôpital gratuit"]}
    clustering.undo_clustering(**act)
    clustering.undo_clustering(**act)
    assert board(ctx, room, brainstorm) == ({}, list(ids))
    with pytest.raises(DomainError, match="nothing_to_undo"):
        clustering.undo_clustering(**act)
    log = clustering.clustering_log(ctx, room_id=room.room_id, activity_id=brainstorm)
    assert [(entry["kind"], entry["undone"], entry["actor"]) for entry in log] == [
        ("split_cluster", True, "console"), ("merge_clusters", True, "console"),
        ("create_cluster", True, "console"), ("create_cluster", True, "console")]


def test_delete_cluster_returns_its_ideas_and_undo_restores_it(ctx, wall) -> None:
    room, brainstorm, ids = wall
    act = {"ctx": ctx, "room_id": room.room_id, "activity_id": brainstorm, "actor": "event 1"}
    cluster = clustering.create_cluster(**act, label="Santé", idea_ids=[ids["Accès aux soins"]])["cluster_id"]
    clustering.delete_cluster(**act, cluster_id=cluster)
    assert board(ctx, room, brainstorm)[0] == {}
    clustering.undo_clustering(**act)
    assert board(ctx, room, brainstorm)[0] == {"Santé": ["Accès aux soins"]}


def test_hidden_ideas_leave_the_board_but_keep_their_cluster(ctx, wall) -> None:
    room, brainstorm, ids = wall
    act = {"ctx": ctx, "room_id": room.room_id, "activity_id": brainstorm, "actor": "console"}
    clustering.create_cluster(**act, label="Santé", idea_ids=[ids["Accès aux soins"], ids["Hôpital gratuit"]])
    moderation.hide_idea(ctx, room_id=room.room_id, idea_id=ids["Hôpital gratuit"])
    assert board(ctx, room, brainstorm)[0] == {"Santé": ["Accès aux soins"]}
    moderation.restore_idea(ctx, room_id=room.room_id, idea_id=ids["Hôpital gratuit"])
    assert board(ctx, room, brainstorm)[0] == {"Santé": ["Accès aux soins", "Hôpital gratuit"]}


def test_bad_clustering_requests_change_nothing(ctx, wall) -> None:
    room, brainstorm, ids = wall
    other = make_room(ctx, "Atelier")
    foreign = other.activity("brainstorm")
    foreign_idea = contributions.submit_idea(ctx, other.participant(), activity_id=foreign, text="ailleurs",
                                             op_id=op())["idea_id"]
    poll = room.activity("poll", config={"options": ["a", "b"]})
    act = {"ctx": ctx, "room_id": room.room_id, "actor": "console"}
    cluster = clustering.create_cluster(**act, activity_id=brainstorm, label="Santé")["cluster_id"]
    for call, code in [
        (lambda: clustering.create_cluster(**act, activity_id=brainstorm, label=""), "text_empty"),
        (lambda: clustering.create_cluster(**act, activity_id=poll, label="x"), "not_clusterable"),
        (lambda: clustering.create_cluster(**act, activity_id=foreign, label="x"), "unknown_activity"),
        (lambda: clustering.move_ideas(**act, activity_id=brainstorm, idea_ids=[foreign_idea], cluster_id=cluster),
         "unknown_idea"),
        (lambda: clustering.move_ideas(**act, activity_id=brainstorm, idea_ids=[ids["Régularisation"]], cluster_id=999),
         "unknown_cluster"),
        (lambda: clustering.move_ideas(**act, activity_id=brainstorm, idea_ids="all", cluster_id=cluster), "invalid_type"),
        (lambda: clustering.merge_clusters(**act, activity_id=brainstorm, target_id=cluster, source_ids=[cluster]),
         "merge_into_itself"),
        (lambda: clustering.split_cluster(**act, activity_id=brainstorm, cluster_id=cluster,
                                          idea_ids=[ids["Régularisation"]], label="x"), "ideas_not_in_cluster"),
    ]:
        with pytest.raises(DomainError) as refused:
            call()
        assert refused.value.code == code
    assert board(ctx, room, brainstorm) == ({"Santé": []}, list(ids))
    assert len(clustering.clustering_log(ctx, room_id=room.room_id, activity_id=brainstorm)) == 1


def test_dot_voting_on_clusters(ctx, wall) -> None:
    from workshop.services import agenda
    from workshop.services.exports import export_room

    room, brainstorm, ids = wall
    act = {"ctx": ctx, "room_id": room.room_id, "activity_id": brainstorm, "actor": "console"}
    health = clustering.create_cluster(**act, label="Santé", idea_ids=[ids["Accès aux soins"], ids["Hôpital gratuit"]])
    papers = clustering.create_cluster(**act, label="Papiers", idea_ids=[ids["Carte de séjour"]])
    agenda.set_phase(ctx, room_id=room.room_id, activity_id=brainstorm, phase="closed")
    vote = room.activity("dot_voting", config={"source_activity_id": brainstorm, "target": "clusters", "budget": 3})
    other = make_room(ctx, "Atelier")
    other_brainstorm = other.activity("brainstorm")
    foreign = clustering.create_cluster(ctx, room_id=other.room_id, activity_id=other_brainstorm, label="Ailleurs",
                                        actor="console")["cluster_id"]
    phone = room.participant()
    with pytest.raises(DomainError, match="unknown_target"):
        contributions.cast_votes(ctx, phone, activity_id=vote, allocations=[{"target_id": foreign, "points": 1}],
                                 op_id=op())
    with pytest.raises(DomainError, match="unknown_target"):  # an idea id is not a cluster id here
        contributions.cast_votes(ctx, phone, activity_id=vote, allocations=[{"target_id": ids["Régularisation"] + 1000,
                                                                             "points": 1}], op_id=op())
    contributions.cast_votes(ctx, phone, activity_id=vote, allocations=[
        {"target_id": papers["cluster_id"], "points": 2}, {"target_id": health["cluster_id"], "points": 1}], op_id=op())
    results = export_room(ctx, room.code)["activities"][-1]["results"]
    assert [(item["text"], item["points"], item["rank"]) for item in results["items"]] == [("Papiers", 2, 1), ("Santé", 1, 2)]
    # Renaming a cluster renames the vote's item; the phones get the new list.
    clustering.rename_cluster(**act, cluster_id=papers["cluster_id"], label="Papiers et séjour")
    targets = [m.payload["activity"]["targets"] for m in ctx.publisher.events("activity_changed")
               if m.payload["activity"]["id"] == vote and "targets" in m.payload["activity"]][-1]
    assert [target["text"] for target in targets] == ["Santé", "Papiers et séjour"]


def test_suggestions_learn_from_the_moderators_placements_and_write_nothing(ctx) -> None:
    from workshop.services.suggestions import suggest_for_activity

    room = make_room(ctx)
    brainstorm = room.activity("brainstorm", config={"max_per_participant": 20})
    phone = room.participant()
    ids = {text: contributions.submit_idea(ctx, phone, activity_id=brainstorm, text=text, op_id=op())["idea_id"]
           for text in ("L'hôpital refuse de soigner les migrants", "Accès aux soins pour les sans-papiers",
                        "Des places à l'école pour les enfants migrants", "Scolarisation des enfants migrants",
                        "Renouvellement de la carte de séjour", "Les urgences refusent les personnes sans AMO")}
    act = {"ctx": ctx, "room_id": room.room_id, "activity_id": brainstorm, "actor": "console"}
    health = clustering.create_cluster(**act, label="Groupe 1",
                                       idea_ids=[ids["L'hôpital refuse de soigner les migrants"]])["cluster_id"]
    first = suggest_for_activity(ctx, room_id=room.room_id, activity_id=brainstorm)
    assert first == suggest_for_activity(ctx, room_id=room.room_id, activity_id=brainstorm)  # deterministic
    suggested = {idea["text"]: suggestion for suggestion in first for idea in suggestion["ideas"]}
    assert len(suggested) == 5  # every unclustered idea, exactly once
    assert suggested["Les urgences refusent les personnes sans AMO"]["cluster_id"] == health
    assert suggested["Scolarisation des enfants migrants"] is suggested["Des places à l'école pour les enfants migrants"]
    assert all(suggestion["label"] for suggestion in first)
    assert board(ctx, room, brainstorm)[0] == {"Groupe 1": ["L'hôpital refuse de soigner les migrants"]}
