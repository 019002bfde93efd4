import json
import re

import pytest
from sqlalchemy import select

from workshop.domain.errors import DomainError
from workshop.services.axis_matching import decide_axis_match
from workshop.models import Activity, Room
from workshop.services import agenda, contributions, moderation, strategy
from workshop.services.declination import (declination_table, decline_strategy, export_event_archive,
                                           import_event_archive, national_view)
from workshop.services.event_templates import create_event_from_template
from workshop.services.events import find_room
from workshop.services.participants import join_room
from workshop.services.identity import rename_room

from .helpers import national_meeting, op, rooms_of


@pytest.fixture
def national(ctx):  # type: ignore[no-untyped-def]
    return national_meeting(ctx)


def test_the_sni_template_gives_a_working_agenda_in_one_step(ctx) -> None:
    created = create_event_from_template(ctx, template="sni")
    rooms = rooms_of(ctx, created)
    assert [kind for _id, _code, kind, _agenda in rooms] == ["plenary", "workshop", "workshop", "plenary"]
    workshop = rooms[1][3]
    assert [kind for _id, kind, _config in workshop] == ["word_cloud", "brainstorm", "dot_voting", "criteria_scoring",
                                                         "matrix"]
    brainstorm_id = workshop[1][0]
    assert workshop[2][2]["source_activity_id"] == brainstorm_id and workshop[2][2]["target"] == "clusters"
    assert created.title == "National meeting SNI"
    with pytest.raises(DomainError, match="unknown_template"):
        create_event_from_template(ctx, template="party")


def test_the_top_cluster_becomes_an_axe_with_its_provenance(ctx, national) -> None:
    created, rooms, (brainstorm, clusters), _second = national
    room_id = rooms[1][0]
    ack = strategy.promote_to_axis(ctx, room_id=room_id, activity_id=brainstorm,
                                   cluster_ids=[clusters["Accès aux soins"]], theme="sante", op_id=op())
    document = strategy.strategy_document(ctx, created.event_id)
    axis = document["axes"][0]
    assert (axis["id"], axis["code"], axis["title"], axis["theme"]) == (ack["axis_id"], "A1", "Accès aux soins", "sante")
    assert [idea["text"] for idea in axis["provenance"]["ideas"]] == ["Hôpital refuse sans papiers", "AMO pour tous"]
    scored = [entry for entry in axis["provenance"]["scores"] if entry["type"] == "criteria_scoring"]
    assert scored[0]["item"]["score"] == 100.0 and scored[0]["item"]["rank"] == 1
    assert document["strategy"]["kind"] == "sni"


def test_promotions_refuse_hidden_ideas_and_clusters_of_another_room(ctx, national) -> None:
    created, rooms, (brainstorm, clusters), (other_brainstorm, other_clusters) = national
    room_id = rooms[1][0]
    with pytest.raises(DomainError, match="unknown_cluster"):
        strategy.promote_to_axis(ctx, room_id=room_id, activity_id=brainstorm,
                                 cluster_ids=[other_clusters["Scolarisation"]])
    with pytest.raises(DomainError, match="unknown_activity"):
        strategy.promote_to_axis(ctx, room_id=room_id, activity_id=other_brainstorm, cluster_ids=[1])
    export = json.dumps(export_event_archive(ctx, created.event_id))
    idea_id = json.loads(export)["rooms"][1]["activities"][1]["ideas"][0]["id"]
    moderation.hide_idea(ctx, room_id=room_id, idea_id=idea_id)
    with pytest.raises(DomainError, match="idea_hidden"):
        strategy.promote_to_axis(ctx, room_id=room_id, activity_id=brainstorm, idea_ids=[idea_id])
    with pytest.raises(DomainError, match="nothing_to_promote"):
        strategy.promote_to_axis(ctx, room_id=room_id, activity_id=brainstorm)
    assert strategy.strategy_document(ctx, created.event_id)["axes"] == []


def test_two_writers_on_one_axe_do_not_overwrite_each_other(ctx, national) -> None:
    created, rooms, (brainstorm, clusters), _second = national
    axis_id = strategy.promote_to_axis(ctx, room_id=rooms[1][0], activity_id=brainstorm,
                                       cluster_ids=[clusters["Accès aux soins"]])["axis_id"]
    everyone = None
    first = strategy.update_axis(ctx, axis_id=axis_id, version=1, event_ids=everyone, changes={
        "fields": {"problem": {"central": "Refus de soins", "causes": ["Absence de carte AMO"]}}})
    assert first["axis"]["version"] == 2
    with pytest.raises(DomainError) as conflict:
        strategy.update_axis(ctx, axis_id=axis_id, version=1, event_ids=everyone, changes={"title": "Autre titre"})
    assert (conflict.value.code, conflict.value.params) == ("edit_conflict", {"version": 1, "current_version": 2})
    axis = strategy.strategy_document(ctx, created.event_id)["axes"][0]
    assert axis["title"] == "Accès aux soins" and axis["fields"]["problem"]["central"] == "Refus de soins"
    with pytest.raises(DomainError, match="config_out_of_range"):
        strategy.update_axis(ctx, axis_id=axis_id, version=2, event_ids=everyone,
                             changes={"fields": {"actors": [{"name": "Ministère", "influence": 9}]}})
    with pytest.raises(DomainError, match="unknown_axis"):  # a moderator of another event cannot reach it
        strategy.update_axis(ctx, axis_id=axis_id, version=2, event_ids=frozenset({9999}), changes={"title": "x"})
    assert strategy.strategy_document(ctx, created.event_id)["axes"][0]["version"] == 2


def test_national_view_puts_the_workshops_side_by_side(ctx, national) -> None:
    created, rooms, (brainstorm, clusters), (other_brainstorm, other_clusters) = national
    strategy.promote_to_axis(ctx, room_id=rooms[1][0], activity_id=brainstorm, cluster_ids=[clusters["Accès aux soins"]],
                             theme="sante")
    strategy.promote_to_axis(ctx, room_id=rooms[1][0], activity_id=brainstorm, cluster_ids=[clusters["Papiers"]],
                             theme="papiers_sejour")
    strategy.promote_to_axis(ctx, room_id=rooms[2][0], activity_id=other_brainstorm,
                             cluster_ids=[other_clusters["Santé à l'école"]], theme="sante")
    view = national_view(ctx, created.event_id)
    assert [column["room"]["name"] for column in view["rooms"]] == ["Thematic workshop 1", "Thematic workshop 2"]
    first, second = view["rooms"]
    assert [item["text"] for item in first["priorities"]["items"]] == ["Accès aux soins", "Papiers"]
    assert view["common_themes"] == ["sante"]  # a hint: the axes are common once the moderator confirms a pair
    assert [(axis["title"], axis["common"]) for axis in first["axes"]] == [("Accès aux soins", False), ("Papiers", False)]
    decide_axis_match(ctx, created.event_id, first["axes"][0]["id"], second["axes"][0]["id"], "confirm")
    first, second = national_view(ctx, created.event_id)["rooms"]
    assert [(axis["title"], axis["common"]) for axis in first["axes"]] == [("Accès aux soins", True), ("Papiers", False)]
    assert [(axis["title"], axis["common"]) for axis in second["axes"]] == [("Santé à l'école", True)]


def test_a_regional_event_declines_the_sni(ctx, national) -> None:
    created, rooms, (brainstorm, clusters), _second = national
    sni_axis = strategy.promote_to_axis(ctx, room_id=rooms[1][0], activity_id=brainstorm,
                                        cluster_ids=[clusters["Accès aux soins"]], theme="sante")["axis_id"]
    dropped_parent = strategy.promote_to_axis(ctx, room_id=rooms[1][0], activity_id=brainstorm,
                                              cluster_ids=[clusters["Papiers"]])["axis_id"]
    regional = decline_strategy(ctx, national_event_id=created.event_id, title="Rencontre régionale Casablanca–Rabat",
                                region="casablanca_settat")
    document = strategy.strategy_document(ctx, regional.event_id)
    assert document["strategy"]["kind"] == "sri" and document["strategy"]["parent"]["event_id"] == created.event_id
    kept, dropped = document["axes"]
    assert (kept["parent_axis_id"], kept["disposition"], kept["parent"]["title"]) == (sni_axis, "kept", "Accès aux soins")
    strategy.update_axis(ctx, axis_id=kept["id"], version=kept["version"], event_ids=None, changes={
        "disposition": "adapted",
        "fields": {"objectives": {"smart": [{"statement": "Une circulaire régionale d'ici 2027", "indicator": "Circulaire",
                                              "deadline": "2027"}]},
                   "asks": [{"measure": "Guichet santé migrants", "decision_maker": "Conseil régional",
                             "instrument": "programme", "level": "regional"},
                            {"measure": "Loi", "decision_maker": "Parlement", "instrument": "law", "level": "national"}],
                   "actors": [{"name": "Conseil régional Casablanca-Settat", "role": "primary_target", "influence": 5,
                               "interest": 3, "alignment": 0}]}})
    strategy.update_axis(ctx, axis_id=dropped["id"], version=dropped["version"], event_ids=None,
                         changes={"disposition": "dropped"})
    table = declination_table(ctx, regional.event_id)
    first_row = table["rows"][0]
    assert first_row["sni_axis"]["id"] == sni_axis
    cells = first_row["sri"][0]
    assert cells["objectives"] == ["Une circulaire régionale d'ici 2027"]
    assert [ask["decision_maker"] for ask in cells["asks"]] == ["Conseil régional"]
    assert cells["targets"] == [{"name": "Conseil régional Casablanca-Settat", "role": "primary_target"}]
    assert table["rows"][1]["sri"][0]["axis"]["disposition"] == "dropped"
    assert dropped_parent == table["rows"][1]["sni_axis"]["id"]


def test_parent_links_stay_inside_the_declined_sni(ctx, national) -> None:
    created, rooms, (brainstorm, clusters), _second = national
    sni_axis, other_sni_axis = (strategy.promote_to_axis(ctx, room_id=rooms[1][0], activity_id=brainstorm,
                                                         cluster_ids=[clusters[label]])["axis_id"]
                                for label in ("Accès aux soins", "Papiers"))
    with pytest.raises(DomainError, match="parent_not_allowed"):  # an SNI axe has no parent
        strategy.update_axis(ctx, axis_id=sni_axis, version=1, event_ids=None, changes={"parent_axis_id": other_sni_axis})
    regional = decline_strategy(ctx, national_event_id=created.event_id)
    kept = strategy.strategy_document(ctx, regional.event_id)["axes"][0]
    regional_only = _other_sri_axis(ctx, regional)
    with pytest.raises(DomainError, match="parent_outside_sni"):  # an SRI axe cannot hang from another SRI axe
        strategy.update_axis(ctx, axis_id=kept["id"], version=kept["version"], event_ids=None,
                             changes={"parent_axis_id": regional_only})
    with pytest.raises(DomainError, match="unknown_axis"):
        strategy.update_axis(ctx, axis_id=kept["id"], version=kept["version"], event_ids=None,
                             changes={"parent_axis_id": kept["id"]})


def _other_sri_axis(ctx, regional) -> int:  # type: ignore[no-untyped-def]
    """A regional-only axe of the SRI, to try as a parent."""
    code = regional.rooms[1][1]
    with ctx.db.read() as session:
        room = find_room(session, code)
        brainstorm = session.scalar(select(Activity.id).where(Activity.room_id == room.id, Activity.type == "brainstorm"))
        room_id = room.id
    agenda.set_phase(ctx, room_id=room_id, activity_id=brainstorm, phase="open")
    phone = join_room(ctx, code=code, token=None)
    idea = contributions.submit_idea(ctx, phone, activity_id=brainstorm, text="Guichet régional", op_id=op())["idea_id"]
    return strategy.promote_to_axis(ctx, room_id=room_id, activity_id=brainstorm, idea_ids=[idea])["axis_id"]


def test_archive_round_trip_then_decline_on_another_laptop(ctx, national, tmp_path) -> None:
    created, rooms, (brainstorm, clusters), _second = national
    strategy.promote_to_axis(ctx, room_id=rooms[1][0], activity_id=brainstorm, cluster_ids=[clusters["Accès aux soins"]],
                             theme="sante")
    agenda.update_activity(ctx, room_id=rooms[1][0], activity_id=brainstorm, versions={"ar": {"prompt": "ما العوائق؟"}})
    with ctx.db.write() as session:
        rename_room(session, rooms[1][1], versions={"ar": {"name": "ورشة الصحة"}})
    archive = json.loads(json.dumps(export_event_archive(ctx, created.event_id)))
    assert not re.search(r'"p_[0-9a-f]{12}"', json.dumps(archive))  # no participant, even pseudonymous
    imported = import_event_archive(ctx, archive)
    assert imported.event_id != created.event_id and imported.rooms[0][1] != created.rooms[0][1]
    copy = strategy.strategy_document(ctx, imported.event_id)
    assert [axis["title"] for axis in copy["axes"]] == ["Accès aux soins"]
    with ctx.db.read() as session:
        room = session.scalar(select(Room).where(Room.code == imported.rooms[1][1]))
        labels = [a for a in session.scalars(select(Activity).where(Activity.room_id == room.id, Activity.type == "dot_voting"))]
        brainstorm_copy = session.scalar(select(Activity.id).where(Activity.room_id == room.id, Activity.type == "brainstorm"))
        assert labels[0].config["source_activity_id"] == brainstorm_copy
        # Versions travel with the archive (issue 11 §3).
        original = session.scalar(select(Room).where(Room.code == rooms[1][1]))
        assert room.versions == original.versions == {"ar": {"name": "ورشة الصحة"}}
        assert [activity.versions for activity in session.scalars(select(Activity).where(Activity.room_id == room.id)
                                                                  .order_by(Activity.position))] == [
            activity.versions for activity in session.scalars(select(Activity).where(Activity.room_id == original.id)
                                                              .order_by(Activity.position))]
    regional = decline_strategy(ctx, national_event_id=imported.event_id)
    assert [axis["parent"]["title"] for axis in strategy.strategy_document(ctx, regional.event_id)["axes"]] == [
        "Accès aux soins"]
    for broken in ({}, {"format": "other"}, {**archive, "version": 99}, {**archive, "rooms": "x"}):
        with pytest.raises(DomainError, match="invalid_archive"):
            import_event_archive(ctx, broken)
