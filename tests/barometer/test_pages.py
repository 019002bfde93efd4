"""The barometer's pages through Flask's client: access, console forms, imports, files, dashboard."""
from __future__ import annotations

import html
import io
import re

import pytest
from docx import Document

from workshop.services.access import issue_console_token
from workshop.services.events import create_event

from .conftest import fill_edition
from .field_export import as_csv, fill


@pytest.fixture
def owner(app):  # type: ignore[no-untyped-def]
    client = app.test_client()
    token = issue_console_token(app.extensions["workshop"])
    assert client.post("/m/login", data={"token": token}).status_code == 302
    return client


@pytest.fixture
def edition(app):  # type: ignore[no-untyped-def]
    return fill_edition(app.extensions["workshop"], "Baromètre 2026")


def test_only_the_console_owner_opens_the_barometer(app, edition) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    assert client.get("/m/barometer/").status_code == 302  # to the login page
    event = create_event(app.extensions["workshop"], title="Atelier", room_names=["Salle"])
    assert client.post("/m/login", data={"token": event.moderator_token}).status_code == 302
    for path in ("/m/barometer/", f"/m/barometer/{edition['id']}", f"/m/barometer/{edition['id']}/console",
                 f"/m/barometer/{edition['id']}/scores.json", f"/m/barometer/{edition['id']}/form.xlsx"):
        assert client.get(path).status_code == 403, path
    assert client.post(f"/m/barometer/{edition['id']}/console/min_n", data={"min_n": "5"}).status_code == 403


def test_create_an_edition_and_use_its_console(owner) -> None:  # type: ignore[no-untyped-def]
    created = owner.post("/m/barometer/", data={"title": "Baromètre 2026", "previous": ""})
    assert created.status_code == 302 and created.headers["Location"].endswith("/m/barometer/1/console")
    assert owner.post("/m/barometer/", data={"title": "Baromètre 2026"}).status_code == 400
    page = owner.get("/m/barometer/1/console?lang=fr").get_data(as_text=True)
    assert "Scores juridiques des experts" in page and "sante_droit_soins_base" in page

    saved = owner.post("/m/barometer/1/console/legal", data={"indicator": "edu_droit_inscription", "score": "50",
                                                             "status": "", "source": "Circulaire 13-487",
                                                             "source_date": "2013-10-09"})
    assert saved.status_code == 302 and saved.headers["Location"].endswith("#section-legal")
    refused = owner.post("/m/barometer/1/console/event", data={"date": "2026-02-30", "sector": "sante",
                                                               "direction": "+", "text": "Nouvelle circulaire"})
    assert refused.status_code == 400 and "AAAA-MM-JJ" in refused.get_data(as_text=True)
    assert owner.post("/m/barometer/1/console/event", data={"date": "2026-02-03", "sector": "sante",
                                                            "direction": "+", "text": "Nouvelle circulaire"}).status_code == 302
    assert owner.post("/m/barometer/1/console/narrative", data={"section": "summary",
                                                                "text": "Synthèse écrite."}).status_code == 302
    assert owner.post("/m/barometer/1/console/framework", data={
        "op": "update_indicator", "key": "sante_soins_obtenus", "label_fr": "A obtenu les soins demandés ?",
        "label_ar": "حصل على العلاج المطلوب؟", "label_en": "Got the care asked for?", "weight": "2"}).status_code == 302
    assert owner.post("/m/barometer/1/console/framework", data={"op": "update_indicator", "key": "sante_soins_obtenus",
                                                                "label_fr": "", "weight": "2"}).status_code == 400
    assert owner.post("/m/barometer/1/console/min_n", data={"min_n": "abc"}).status_code == 400
    assert owner.post("/m/barometer/1/console/delete_event", data={"id": "999"}).status_code == 400
    assert owner.post("/m/barometer/1/console/nothing").status_code == 404
    page = owner.get("/m/barometer/1/console").get_data(as_text=True)
    assert "Circulaire 13-487" in page and "Nouvelle circulaire" in page and "Synthèse écrite." in page
    assert "A obtenu les soins demandés ?" in page


def test_field_import_from_the_console_lists_the_refused_rows(owner, app) -> None:  # type: ignore[no-untyped-def]
    owner.post("/m/barometer/", data={"title": "Baromètre 2026"})
    form = owner.get("/m/barometer/1/form.xlsx")
    assert form.status_code == 200 and form.data[:2] == b"PK"
    headers, rows = fill(form.data, {"oriental": 12, "souss_massa": 3})
    rows[0][headers.index("region")] = "Atlantide"
    upload = {"file": (io.BytesIO(as_csv(headers, rows)), "export.csv")}
    page = owner.post("/m/barometer/1/import/submissions", data=upload, content_type="multipart/form-data")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "14 lignes importées." in text and "1 ligne refusée." in text and "Atlantide" in text
    again = owner.post("/m/barometer/1/import/submissions", content_type="multipart/form-data",
                       data={"file": (io.BytesIO(as_csv(headers, rows)), "export.csv")})
    assert "0 ligne importée." in again.get_data(as_text=True)
    empty = owner.post("/m/barometer/1/import/legal", content_type="multipart/form-data",
                       data={"file": (io.BytesIO(b"indicator;score\n"), "x.csv")})
    assert empty.status_code == 200
    missing = owner.post("/m/barometer/1/import/legal", content_type="multipart/form-data",
                         data={"file": (io.BytesIO(b"nom;valeur\nx;1\n"), "x.csv")})
    assert missing.status_code == 400 and "indicator, score" in missing.get_data(as_text=True)


def test_dashboard_and_files(owner, edition) -> None:  # type: ignore[no-untyped-def]
    number = edition["id"]
    page = owner.get(f"/m/barometer/{number}?lang=fr").get_data(as_text=True)
    assert "Tableau des scores : régions × secteurs" in page
    assert page.count('role="img"') >= 3 + 3 + 13  # scoreboard, gap, perceptions; three maps; 13 radars
    assert 'class="hatch" data-low-n="1"' in page  # Béni Mellal-Khénifra has 6 respondents
    assert re.search(r'<rect [^>]*class="cell cell-beni_mellal_khenifra-sante low-n"', page)
    arabic = owner.get(f"/m/barometer/{number}?lang=ar").get_data(as_text=True)
    assert 'dir="rtl"' in arabic and "جدول الدرجات" in arabic
    projector = owner.get(f"/m/barometer/{number}?view=projector").get_data(as_text=True)
    assert "projector-view" in projector
    scores = owner.get(f"/m/barometer/{number}/scores.json").get_json()
    assert scores["edition"]["title"] == "Baromètre 2026" and len(scores["cells"]) == 13 * 46
    assert owner.get("/m/barometer/999/scores.json").status_code == 404
    report = owner.get(f"/m/barometer/{number}/report?draft=2&format=docx&lang=en")
    assert report.status_code == 200 and "projet-2-en.docx" in report.headers["Content-Disposition"]
    text = "\n".join(paragraph.text for paragraph in Document(io.BytesIO(report.data)).paragraphs)
    assert "What changed since the previous draft" in text
    assert "The previous draft was never issued: nothing to compare with." in text
    assert owner.get(f"/m/barometer/{number}/report?draft=3&format=docx").status_code == 400
    assert owner.get(f"/m/barometer/{number}/report?draft=1&format=pdf").status_code == 400
    deck = owner.get(f"/m/barometer/{number}/report?draft=1&format=pptx")
    assert deck.status_code == 200 and deck.data[:2] == b"PK"


def test_an_empty_edition_shows_and_prints_nothing_invented(owner) -> None:  # type: ignore[no-untyped-def]
    owner.post("/m/barometer/", data={"title": "Baromètre 2027"})
    page = html.unescape(owner.get("/m/barometer/1?lang=fr").get_data(as_text=True))
    assert "n.d." in page and "Aucune réponse pour l'instant." in page
    assert 'data-low-n="1"' not in page  # no respondent is no low n: every cell is « n.d. »
    for file_format in ("docx", "pptx", "xlsx"):
        assert owner.get(f"/m/barometer/1/report?draft=1&format={file_format}").status_code == 200
    document = Document(io.BytesIO(owner.get("/m/barometer/1/report?draft=final&format=docx").data))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Le projet précédent n'a jamais été émis : rien à comparer." in text
