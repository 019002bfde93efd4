"""The report builder against a real database: what the exports will print, already translated."""
import pytest

from workshop.services import moderation, strategy
from workshop.services.declination import decline_strategy
from workshop.services.participants import join_room, update_profile
from workshop.services.reports import build_event_report, build_room_report

from .helpers import national_meeting, op


def identity(text: str) -> str:
    return text


@pytest.fixture
def meeting(ctx):  # type: ignore[no-untyped-def]
    created, rooms, first, second = national_meeting(ctx)
    brainstorm, clusters = first
    strategy.promote_to_axis(ctx, room_id=rooms[1][0], activity_id=brainstorm, cluster_ids=[clusters["Accès aux soins"]],
                             theme="sante")
    return created, rooms, first, second


def test_room_report_has_every_activity_with_results_and_counts_people_by_type(ctx, meeting) -> None:
    created, rooms, (brainstorm, clusters), _second = meeting
    code = rooms[1][1]
    phone = join_room(ctx, code=code, token=None)
    update_profile(ctx, phone, pseudonym="Awa", tags={"organisation_type": "opm", "region": "casablanca_settat"}, op_id=op())
    report = build_room_report(ctx, code, language="fr", translate=identity)
    room = report.rooms[0]
    assert report.meta.direction == "ltr" and report.meta.title == created.title
    assert [activity.type for activity in room.activities] == ["brainstorm", "criteria_scoring"]  # drafts left out
    wall = room.activities[0]
    assert [(column.label, column.ideas) for column in wall.clusters] == [
        ("Accès aux soins", ("Hôpital refuse sans papiers", "AMO pour tous")), ("Papiers", ("Carte de séjour trop chère",))]
    scoring = room.activities[1]
    assert scoring.chart.categories == ("Accès aux soins", "Papiers") and scoring.chart.series[0].values == (100.0, 50.0)
    assert scoring.table.rows[0][:3] == ("1", "Accès aux soins", "100,0")  # a French decimal comma
    assert room.participants.total == 5
    assert ("Migrant-led organisation", 1) in [(row.label, row.count) for row in room.participants.by_organisation_type]
    assert room.participants.pseudonyms == ()
    assert all(vote.participant.startswith("p_") for vote in scoring.votes)
    named = build_room_report(ctx, code, language="fr", translate=identity, with_pseudonyms=True)
    assert named.rooms[0].participants.pseudonyms == ("Awa",)


def test_hidden_ideas_are_left_out_unless_asked(ctx, meeting) -> None:
    _created, rooms, (brainstorm, _clusters), _second = meeting
    code = rooms[1][1]
    idea = build_room_report(ctx, code, language="fr", translate=identity).rooms[0].activities[0].ideas[0]
    moderation.hide_idea(ctx, room_id=rooms[1][0], idea_id=idea.id)
    visible = build_room_report(ctx, code, language="fr", translate=identity).rooms[0].activities[0]
    assert idea.text not in [record.text for record in visible.ideas]
    assert idea.text not in [text for column in visible.clusters for text in column.ideas]
    everything = build_room_report(ctx, code, language="fr", translate=identity, include_hidden=True)
    assert [record.hidden for record in everything.rooms[0].activities[0].ideas if record.id == idea.id] == [True]


def test_event_report_has_the_strategy_the_comparison_and_translated_labels(ctx, meeting) -> None:
    created, _rooms, _first, _second = meeting
    report = build_event_report(ctx, created.event_id, language="ar", translate=lambda text: f"«{text}»")
    assert report.meta.direction == "rtl"
    assert report.labels["score"] == "«Score (0–100)»"
    assert [room.kind for room in report.rooms] == ["plenary", "workshop", "workshop", "plenary"]
    axis = report.strategy.axes[0]
    # No Arabic version yet: the French title is marked as such (the label translated like the others).
    assert (axis.code, axis.title, axis.theme, axis.score) == ("A1", "«[in French] Accès aux soins»", "«Health»", 100.0)
    assert axis.sources == ("Hôpital refuse sans papiers", "AMO pour tous")
    assert all(block.to_complete for block in axis.blocks)  # nothing written yet: marked, not invented
    assert report.strategy.scores.rows[0][1] == "A1 «[in French] Accès aux soins»"
    assert report.comparison.rooms == ("Thematic workshop 1", "Thematic workshop 2")
    assert report.comparison.distinct[0] == ("Thematic workshop 1", ("Accès aux soins", "Papiers"))


def test_regional_report_carries_the_declination(ctx, meeting) -> None:
    created, _rooms, _first, _second = meeting
    regional = decline_strategy(ctx, national_event_id=created.event_id, region="rabat_sale_kenitra")
    kept = strategy.strategy_document(ctx, regional.event_id)["axes"][0]
    strategy.update_axis(ctx, axis_id=kept["id"], version=kept["version"], event_ids=None, changes={
        "disposition": "adapted",
        "fields": {"asks": [{"measure": "Guichet régional", "decision_maker": "Conseil régional",
                             "instrument": "programme", "level": "regional"}],
                   "actors": [{"name": "Wali", "role": "primary_target", "influence": 5, "interest": 2}]}})
    report = build_event_report(ctx, regional.event_id, language="fr", translate=identity)
    assert report.strategy.kind == "sri" and report.strategy.region == "Rabat-Salé-Kénitra"
    row = report.strategy.declination[0]
    assert (row.sni_axis, row.disposition, row.asks, row.targets) == (
        "A1 Accès aux soins", "Adapted", ("Guichet régional — Conseil régional",), ("Wali",))
    axis = report.strategy.axes[0]
    assert (axis.parent_code, axis.parent_title) == ("A1", "Accès aux soins")
    assert axis.actors[0].role == "Primary target" and not axis.blocks[2].to_complete


def test_an_empty_room_still_reports(ctx) -> None:
    from workshop.services.events import create_event

    created = create_event(ctx, title="Vide", room_names=["Salle"])
    report = build_room_report(ctx, created.rooms[0][1], language="fr", translate=identity)
    assert report.rooms[0].activities == () and report.rooms[0].participants.total == 0


def test_a_rooms_export_carries_only_that_rooms_axes(ctx, meeting) -> None:
    """The first workshop drafted an axe from its clusters, the second another: each deck shows its own."""
    _created, rooms, _first, (education_brainstorm, education_clusters) = meeting
    strategy.promote_to_axis(ctx, room_id=rooms[2][0], activity_id=education_brainstorm,
                             cluster_ids=[education_clusters["Scolarisation"]], theme="education")
    health = build_room_report(ctx, rooms[1][1], language="fr", translate=identity)
    education = build_room_report(ctx, rooms[2][1], language="fr", translate=identity)
    assert [axis.title for axis in health.strategy.axes] == ["Accès aux soins"]
    assert [axis.title for axis in education.strategy.axes] == ["Scolarisation"]
    assert build_room_report(ctx, rooms[0][1], language="fr", translate=identity).strategy is None  # the plenary


def test_a_regional_axe_knows_what_it_still_holds_from_its_parent_and_drafts_can_be_left_out(ctx, meeting) -> None:
    created, _rooms, _first, _second = meeting
    national = strategy.strategy_document(ctx, created.event_id)["axes"][0]
    strategy.update_axis(ctx, axis_id=national["id"], version=national["version"], event_ids=None, changes={
        "fields": {"problem": {"central": "Refus de soins"},
                   "objectives": {"smart": [{"statement": "Circulaire publiée", "indicator": "", "deadline": "2027"}]},
                   "asks": [{"measure": "Circulaire", "decision_maker": "Ministère de la Santé",
                             "instrument": "circular", "level": "national"}]}})
    regional = decline_strategy(ctx, national_event_id=created.event_id, region="casablanca_settat")
    kept = strategy.strategy_document(ctx, regional.event_id)["axes"][0]
    strategy.update_axis(ctx, axis_id=kept["id"], version=kept["version"], event_ids=None, changes={
        "disposition": "adapted", "fields": {"problem": {"central": "Refus de soins"}, "objectives": {"smart": [
            {"statement": "Un guichet par préfecture", "indicator": "", "deadline": "2028"}]}}})
    axis = build_event_report(ctx, regional.event_id, language="fr", translate=identity).strategy.axes[0]
    assert axis.inherited == ("problem",)  # the objectives were declined, the problem not yet
    assert axis.parent_objectives == ("Circulaire publiée",)
    assert axis.parent_asks == ("Circulaire — Ministère de la Santé",)
    assert axis.objectives == (("Un guichet par préfecture", "2028"),)
    assert (axis.status_key, axis.disposition_key) == ("draft", "adapted")
    left_out = build_event_report(ctx, regional.event_id, language="fr", translate=identity, without_drafts=True)
    assert left_out.strategy.axes == () and left_out.strategy.drafts_left_out


def test_documents_in_another_language_use_the_axes_versions_and_mark_what_is_still_french(ctx, meeting) -> None:
    created, _rooms, _first, _second = meeting
    axis = strategy.strategy_document(ctx, created.event_id)["axes"][0]
    strategy.update_axis(ctx, axis_id=axis["id"], version=axis["version"], event_ids=None, changes={
        "fields": {"objectives": {"change": "Garantir l'accès aux soins"}, "messages": {"central": "La santé est un droit"}},
        "versions": {"ar": {"title": "الولوج إلى العلاج", "messages.central": "الصحة حق"}}})
    with pytest.raises(Exception) as refused:  # versions of fields that take none are refused, nothing changes
        strategy.update_axis(ctx, axis_id=axis["id"], version=axis["version"] + 1, event_ids=None,
                             changes={"versions": {"ar": {"fields": "x"}}})
    assert getattr(refused.value, "code", None) == "invalid_versions"
    arabic = build_event_report(ctx, created.event_id, language="ar", translate=identity).strategy.axes[0]
    assert arabic.title == "الولوج إلى العلاج" and arabic.central_message == "الصحة حق"
    assert arabic.change_objective == "[in French] Garantir l'accès aux soins"  # marked, not passed off as Arabic
    assert arabic.untranslated == ("objectives.change",)  # the problem is empty: nothing to translate
    assert build_event_report(ctx, created.event_id, language="ar", translate=identity).strategy.scores.rows[0][1] \
        == "A1 الولوج إلى العلاج"
    french = build_event_report(ctx, created.event_id, language="fr", translate=identity).strategy.axes[0]
    assert (french.title, french.change_objective, french.untranslated) == (
        "Accès aux soins", "Garantir l'accès aux soins", ())
    english = build_event_report(ctx, created.event_id, language="en", translate=identity).strategy.axes[0]
    assert english.title == "[in French] Accès aux soins"
