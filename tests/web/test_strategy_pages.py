import json

import pytest

from workshop.services import agenda, clustering, contributions, strategy
from workshop.services.event_templates import create_event_from_template
from workshop.services.events import find_room
from workshop.services.participants import join_room


@pytest.fixture
def national(app):  # type: ignore[no-untyped-def]
    ctx = app.extensions["workshop"]
    created = create_event_from_template(ctx, template="sni")
    code = created.rooms[1][1]
    with ctx.db.read() as session:
        room = find_room(session, code)
        brainstorm = next(activity.id for activity in room.activities if activity.type == "brainstorm")
        room_id = room.id
    agenda.set_phase(ctx, room_id=room_id, activity_id=brainstorm, phase="open")
    phone = join_room(ctx, code=code, token=None)
    idea = contributions.submit_idea(ctx, phone, activity_id=brainstorm, text="Accès aux soins", op_id="op-strategy-1")
    cluster = clustering.create_cluster(ctx, room_id=room_id, activity_id=brainstorm, label="Santé", actor="console",
                                        idea_ids=[idea["idea_id"]])["cluster_id"]
    axis_id = strategy.promote_to_axis(ctx, room_id=room_id, activity_id=brainstorm, cluster_ids=[cluster])["axis_id"]
    return created, axis_id


def login(client, token: str) -> None:  # type: ignore[no-untyped-def]
    assert client.post("/m/login", data={"token": token}).status_code == 302


def test_strategy_pages_need_access_to_the_event(app, national) -> None:
    created, axis_id = national
    client = app.test_client()
    assert client.get(f"/m/events/{created.event_id}/strategy").status_code == 302
    other = create_event_from_template(app.extensions["workshop"], template="sni")
    login(client, other.moderator_token)
    assert client.get(f"/m/events/{created.event_id}/strategy").status_code == 403
    assert client.get(f"/m/api/axes/{axis_id}").status_code == 404
    assert client.put(f"/m/api/axes/{axis_id}", json={"version": 1, "changes": {"title": "x"}}).status_code == 404


def test_axe_editing_over_http_detects_conflicts(app, national) -> None:
    created, axis_id = national
    writer, other_writer = app.test_client(), app.test_client()
    login(writer, created.moderator_token)
    login(other_writer, created.moderator_token)
    first = writer.get(f"/m/api/axes/{axis_id}").get_json()
    assert first["axis"]["title"] == "Santé" and first["axis"]["version"] == 1
    saved = writer.put(f"/m/api/axes/{axis_id}", json={"version": 1, "changes": {
        "fields": {"problem": {"central": "Refus de soins"}}}})
    assert saved.status_code == 200 and saved.get_json()["axis"]["version"] == 2
    late = other_writer.put(f"/m/api/axes/{axis_id}", json={"version": 1, "changes": {"title": "Mon titre"}})
    assert late.status_code == 409
    assert late.get_json()["error"]["code"] == "edit_conflict" and late.get_json()["error"]["current_version"] == 2
    bad = writer.put(f"/m/api/axes/{axis_id}", json={"version": 2, "changes": {"fields": {"asks": "x"}}})
    assert bad.status_code == 400 and bad.get_json()["error"]["code"] == "invalid_type"
    assert writer.get(f"/m/api/axes/{axis_id}").get_json()["axis"]["title"] == "Santé"


def test_decline_archive_and_declination_pages(app, national) -> None:
    created, _axis_id = national
    client = app.test_client()
    login(client, created.moderator_token)
    assert client.get(f"/m/events/{created.event_id}/strategy").status_code == 200
    national_view = client.get(f"/m/events/{created.event_id}/national.json").get_json()
    assert [column["room"]["name"] for column in national_view["rooms"]] == ["Thematic workshop 1", "Thematic workshop 2"]
    archive = client.get(f"/m/events/{created.event_id}/archive.json")
    assert json.loads(archive.get_data(as_text=True))["format"] == "workshop-event-archive"
    declined = client.post(f"/m/events/{created.event_id}/decline", data={"title": "Rencontre régionale",
                                                                         "region": "rabat_sale_kenitra"})
    assert declined.status_code == 302
    regional_id = int(declined.headers["Location"].split("/")[3])
    document = client.get(f"/m/events/{regional_id}/strategy.json").get_json()
    assert document["strategy"]["kind"] == "sri" and document["axes"][0]["parent"]["title"] == "Santé"
    assert client.get(f"/m/events/{regional_id}/declination").status_code == 200
    assert client.get(f"/m/events/{regional_id}/declination.json").get_json()["rows"][0]["sni_axis"]["title"] == "Santé"


def test_console_owner_imports_an_archive(app, national) -> None:
    import io

    from workshop.services.access import issue_console_token

    created, _axis_id = national
    client = app.test_client()
    login(client, issue_console_token(app.extensions["workshop"]))
    archive = client.get(f"/m/events/{created.event_id}/archive.json").get_data()
    response = client.post("/m/events/import", data={"archive": (io.BytesIO(archive), "sni.json")},
                           content_type="multipart/form-data")
    assert response.status_code == 302
    refused = client.post("/m/events/import", data={"archive": (io.BytesIO(b"{}"), "x.json")},
                          content_type="multipart/form-data")
    assert refused.status_code == 400


def test_axes_of_one_room_only_offer_no_pair(app) -> None:
    from tests.exports.meeting import build_meeting
    from workshop.services.access import issue_credential

    ctx = app.extensions["workshop"]
    meeting = build_meeting(ctx, second_workshop=False, restitution=True)  # two axes, both of the papers workshop
    assert len(meeting.axes) == 2
    with ctx.db.write() as session:
        token = issue_credential(session, event_id=meeting.event_id, label="test")
    client = app.test_client()
    login(client, token)
    page = client.get(f"/m/events/{meeting.event_id}/strategy").get_data(as_text=True)
    section = page[page.index('id="axis-matches"'):]
    section = section[:section.index("</section>")]
    assert "match-add" not in section and 'class="empty"' in section  # a pair of one room would be refused


def test_the_identity_form_and_api_save_what_the_covers_print(app, national) -> None:
    import base64
    import io

    from PIL import Image

    created, _axis_id = national
    client = app.test_client()
    login(client, created.moderator_token)
    page = client.get(f"/m/events/{created.event_id}/strategy").get_data(as_text=True)
    assert 'name="strategy_title"' in page and 'name="first_day"' in page
    saved = client.post(f"/m/events/{created.event_id}/identity", data={
        "title": "Rencontre nationale des OSC", "place": "Rabat", "first_day": "2026-12-12", "last_day": "2026-12-13",
        "project_name": "", "organisers": "Association Amal\nCollectif Migrants", "partners": "",
        "strategy_title": "SNI 2027-2030", "vision": "Des droits pour toutes et tous", "version_label": "Version finale",
        "decisions": "Valider les axes\n", "next_steps": "Envoyer le compte rendu",
        f"room_name_{created.rooms[1][1]}": "Atelier santé", f"room_theme_{created.rooms[1][1]}": "Accès aux soins",
        "version_ar_title": "اللقاء الوطني لمنظمات المجتمع المدني", "version_ar_place": "", "version_ar_project_name": "",
        "version_en_title": "National meeting of CSOs", "strategy_version_ar_title": "الاستراتيجية الوطنية",
        "strategy_version_ar_vision": "", "strategy_version_en_vision": "Rights for all"})
    assert saved.status_code == 302
    identity = client.get(f"/m/api/events/{created.event_id}/identity").get_json()
    # The texts in Arabic and English typed in the form: empty boxes give no version.
    assert identity["versions"] == {"ar": {"title": "اللقاء الوطني لمنظمات المجتمع المدني"},
                                    "en": {"title": "National meeting of CSOs"}}
    assert identity["strategy"]["versions"] == {"ar": {"title": "الاستراتيجية الوطنية"}, "en": {"vision": "Rights for all"}}
    page = client.get(f"/m/events/{created.event_id}/strategy").get_data(as_text=True)
    assert 'name="version_ar_title" maxlength="200" value="اللقاء الوطني لمنظمات المجتمع المدني" dir="rtl"' in page
    assert identity["dates"] == ["2026-12-12", "2026-12-13"] and identity["decisions"] == ["Valider les axes"]
    assert {"code": created.rooms[1][1], "name": "Atelier santé", "theme": "Accès aux soins",
            "kind": "workshop"} in identity["rooms"]
    assert [entry["name"] for entry in identity["organisers"]] == ["Association Amal", "Collectif Migrants"]
    buffer = io.BytesIO()
    Image.new("RGB", (60, 30), "navy").save(buffer, "PNG")
    changed = client.post(f"/m/api/events/{created.event_id}/identity", json={
        "logos": {"Collectif Migrants": base64.b64encode(buffer.getvalue()).decode()}})
    logo_id = changed.get_json()["organisers"][1]["logo_id"]
    assert client.get(f"/m/events/{created.event_id}/logos/{logo_id}").data == buffer.getvalue()
    refused = client.post(f"/m/api/events/{created.event_id}/identity", json={"dates": "2026-13-40"})
    assert refused.status_code == 400 and refused.get_json()["error"]["code"] == "invalid_date"
    code = created.rooms[1][1]
    room = client.post(f"/m/api/rooms/{code}", json={"name": "Atelier santé et papiers"}).get_json()
    assert room["name"] == "Atelier santé et papiers"


def test_common_priorities_are_confirmed_split_and_added_on_the_strategy_page(app) -> None:
    from tests.exports.meeting import PAPERS, PAPERS_AGAIN, SCHOOL, build_meeting
    from workshop.services.access import issue_credential

    ctx = app.extensions["workshop"]
    meeting = build_meeting(ctx)
    with ctx.db.write() as session:
        token = issue_credential(session, event_id=meeting.event_id, label="test")
    client = app.test_client()
    login(client, token)
    page = client.get(f"/m/events/{meeting.event_id}/strategy").get_data(as_text=True)
    assert PAPERS in page and "Documents d&#39;identité et état civil" in page and 'value="confirm"' in page
    clusters = meeting.clusters
    assert client.post(f"/m/events/{meeting.event_id}/matches", data={
        "left": clusters[PAPERS], "right": clusters[PAPERS_AGAIN], "decision": "confirm"}).status_code == 302
    added = client.post(f"/m/api/events/{meeting.event_id}/matches", json={
        "left_cluster_id": clusters[SCHOOL], "right_cluster_id": clusters["Coût des médicaments"],
        "decision": "confirm"}).get_json()
    assert len(added["confirmed"]) == 2
    refused = client.post(f"/m/api/events/{meeting.event_id}/matches", json={
        "left_cluster_id": clusters[SCHOOL], "right_cluster_id": clusters[PAPERS], "decision": "confirm"})
    assert refused.status_code == 400 and refused.get_json()["error"]["code"] == "match_same_room"


def test_common_axes_are_confirmed_split_and_added_on_the_strategy_page(app) -> None:
    from tests.exports.meeting import HEALTH, MEDICINES, PAPERS, PAPERS_AGAIN, build_meeting
    from workshop.services.access import issue_credential

    ctx = app.extensions["workshop"]
    meeting = build_meeting(ctx, restitution=True)
    with ctx.db.write() as session:
        token = issue_credential(session, event_id=meeting.event_id, label="test")
    client = app.test_client()
    login(client, token)
    axes = meeting.axes
    page = client.get(f"/m/events/{meeting.event_id}/strategy").get_data(as_text=True)
    section = page[page.index('id="axis-matches"'):]
    section = section[:section.index("</section>")]
    # The engine's proposal, both axes with their code, title and room, and the buttons to decide.
    proposed = section[section.index("match-proposed"):section.index("match-add")]
    assert "A1 " + PAPERS in proposed and "A3 Documents d&#39;identité et état civil" in proposed
    assert "(Atelier papiers)" in proposed and "(Atelier santé)" in proposed and 'value="confirm"' in proposed
    assert client.post(f"/m/events/{meeting.event_id}/axis-matches", data={
        "left": axes[PAPERS], "right": axes[PAPERS_AGAIN], "decision": "confirm"}).status_code == 302
    added = client.post(f"/m/api/events/{meeting.event_id}/axis-matches", json={
        "left_axis_id": axes[HEALTH], "right_axis_id": axes[MEDICINES], "decision": "confirm"}).get_json()
    assert len(added["confirmed"]) == 2 and added["proposed"] == []
    refused = client.post(f"/m/api/events/{meeting.event_id}/axis-matches", json={
        "left_axis_id": axes[PAPERS], "right_axis_id": axes[HEALTH], "decision": "confirm"})
    assert refused.status_code == 400 and refused.get_json()["error"]["code"] == "match_same_room"
    wrong = client.post(f"/m/events/{meeting.event_id}/axis-matches", data={
        "left": axes[PAPERS], "right": "x", "decision": "confirm"})
    assert wrong.status_code == 400
    page = client.get(f"/m/events/{meeting.event_id}/strategy").get_data(as_text=True)
    confirmed = page[page.index('id="axis-matches"'):]
    confirmed = confirmed[confirmed.index("match-confirmed"):confirmed.index("</section>")]
    assert PAPERS in confirmed and MEDICINES in confirmed and 'value="split"' in confirmed
    national = client.get(f"/m/events/{meeting.event_id}/national.json").get_json()
    assert [{side["label"] for side in entry["axes"]} for entry in national["common_axes"] if entry["confirmed"]] == [
        {PAPERS, PAPERS_AGAIN}, {HEALTH, MEDICINES}]
