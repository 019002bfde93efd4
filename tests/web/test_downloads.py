"""Downloads from the console: a synchronous link, and a job whose progress a page follows."""
import io
import time
import zipfile

import pytest
from docx import Document
from pptx import Presentation

from workshop.services.events import create_event


@pytest.fixture
def moderator(app):  # type: ignore[no-untyped-def]
    created = create_event(app.extensions["workshop"], title="Rencontre nationale SNI", room_names=["Plénière"])
    client = app.test_client()
    client.post("/m/login", data={"token": created.moderator_token})
    return client, created


def test_the_download_page_lists_the_files_that_apply(app, moderator) -> None:
    from workshop.services import agenda, contributions
    from workshop.services.participants import join_room

    client, created = moderator
    code = created.rooms[0][1]
    page = client.get(f"/m/{code}/downloads").get_data(as_text=True)
    for path in ("/download/pptx", "/download/docx", "/download/xlsx", "/download/csv", "/download/json",
                 f"/events/{created.event_id}/download/sni", f"/events/{created.event_id}/download/deck",
                 f"/events/{created.event_id}/download/deck-full"):
        assert path in page
    # A national event has no SRI nor position paper; nothing recorded yet, nothing to consolidate; no word cloud, no image.
    for path in (f"/events/{created.event_id}/download/sri", f"/events/{created.event_id}/download/document-de-position",
                 f"/events/{created.event_id}/download/compte-rendu-consolide", "/download/png", "/download/svg"):
        assert path not in page
    ctx = app.extensions["workshop"]
    from workshop.services.events import find_room

    with ctx.db.read() as session:
        room_id = find_room(session, code).id
    cloud = agenda.create_activity(ctx, room_id=room_id, type_name="word_cloud", prompt="Un mot ?", config={})
    agenda.set_phase(ctx, room_id=room_id, activity_id=cloud["activity_id"], phase="open")
    contributions.submit_idea(ctx, join_room(ctx, code=code, token=None), activity_id=cloud["activity_id"],
                              text="carte de séjour", op_id="cloud-0000001")
    page = client.get(f"/m/{code}/downloads").get_data(as_text=True)
    assert "/download/png" in page and "/download/svg" in page


def test_synchronous_downloads_open_in_their_own_library(moderator) -> None:
    client, created = moderator
    code = created.rooms[0][1]
    deck = client.get(f"/m/{code}/download/pptx?lang=ar")
    assert deck.status_code == 200 and deck.headers["Content-Disposition"].startswith("attachment")
    assert len(Presentation(io.BytesIO(deck.data)).slides) >= 1
    minutes = client.get(f"/m/{code}/download/docx")
    assert Document(io.BytesIO(minutes.data)).paragraphs
    assert zipfile.ZipFile(io.BytesIO(client.get(f"/m/{code}/download/csv").data)).namelist() is not None
    refused = client.get(f"/m/events/{created.event_id}/download/sri")
    assert refused.status_code == 400 and "SRI" in refused.get_data(as_text=True)


def test_a_job_reports_progress_then_serves_the_file(moderator) -> None:
    client, created = moderator
    started = client.post("/m/exports", data={"kind": "event", "target": str(created.event_id), "format": "sni",
                                              "lang": "fr"}).get_json()
    assert started["ok"] is True
    deadline = time.monotonic() + 60
    status = started["job"]
    while status["state"] == "running" and time.monotonic() < deadline:
        time.sleep(0.2)
        status = client.get(started["status_url"]).get_json()
    assert status["state"] == "done" and status["progress"] == 1.0
    document = client.get(started["file_url"])
    assert document.status_code == 200
    assert Document(io.BytesIO(document.data)).paragraphs


def test_a_failing_job_says_why_and_other_moderators_cannot_see_it(app, moderator) -> None:
    client, created = moderator
    started = client.post("/m/exports", data={"kind": "event", "target": str(created.event_id),
                                              "format": "document-de-position"}).get_json()
    deadline = time.monotonic() + 60
    status = started["job"]
    while status["state"] == "running" and time.monotonic() < deadline:
        time.sleep(0.2)
        status = client.get(started["status_url"]).get_json()
    assert status["state"] == "failed" and "SRI" in status["error"]
    assert "document_needs_strategy" not in status["error"]  # a sentence, never the raw code
    stranger = app.test_client()
    other = create_event(app.extensions["workshop"], title="Autre", room_names=["r"])
    stranger.post("/m/login", data={"token": other.moderator_token})
    assert stranger.get(started["status_url"]).status_code == 404
    assert client.post("/m/exports", data={"kind": "room", "target": created.rooms[0][1], "format": "exe"}).status_code == 400


def test_the_policy_paper_flags_draft_axes_or_leaves_them_out_on_request(app) -> None:  # type: ignore[no-untyped-def]
    from tests.services.helpers import national_meeting
    from workshop.services import strategy

    ctx = app.extensions["workshop"]
    created, rooms, (brainstorm, clusters), _second = national_meeting(ctx)
    strategy.promote_to_axis(ctx, room_id=rooms[1][0], activity_id=brainstorm,
                             cluster_ids=[clusters["Accès aux soins"]], theme="sante")  # a new axe is a draft
    client = app.test_client()
    client.post("/m/login", data={"token": created.moderator_token})
    page = client.get(f"/m/{rooms[1][1]}/downloads").get_data(as_text=True)
    assert 'name="without_drafts"' in page

    def paper(query: str) -> str:
        response = client.get(f"/m/events/{created.event_id}/download/note-de-politique?lang=fr{query}")
        assert response.status_code == 200
        document = Document(io.BytesIO(response.data))
        return "\n".join([paragraph.text for paragraph in document.paragraphs]
                         + [cell.text for table in document.tables for row in table.rows for cell in row.cells])

    flagged, left_out = paper(""), paper("&without_drafts=1")
    assert "brouillon, pas encore validé" in flagged and "Accès aux soins" in flagged
    assert "les brouillons sont laissés de côté" in left_out and "brouillon, pas encore validé" not in left_out


def test_any_server_process_answers_the_poll_and_serves_the_file(app, moderator, settings) -> None:
    """Behind a load balancer the poll may reach another process: a second app on the same database answers it."""
    from workshop import create_app

    client, created = moderator
    started = client.post("/m/exports", data={"kind": "event", "target": str(created.event_id), "format": "sni",
                                              "lang": "fr"}).get_json()
    other_process = create_app(settings)
    other_process.config["TESTING"] = True
    elsewhere = other_process.test_client()
    cookie = client.get_cookie("session")  # the browser's cookie goes to whichever process the balancer picks
    assert cookie is not None
    elsewhere.set_cookie("session", cookie.value)
    deadline = time.monotonic() + 60
    status = elsewhere.get(started["status_url"]).get_json()
    assert status["id"] == started["job"]["id"]
    while status["state"] == "running" and time.monotonic() < deadline:
        time.sleep(0.2)
        status = elsewhere.get(started["status_url"]).get_json()
    assert status["state"] == "done" and status["progress"] == 1.0
    document = elsewhere.get(started["file_url"])
    assert document.status_code == 200 and Document(io.BytesIO(document.data)).paragraphs
    other_process.extensions["workshop"].db.dispose()
