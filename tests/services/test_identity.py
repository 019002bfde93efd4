"""The meeting's and the strategy's identity: set once (command line, console, socket), printed on every cover."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from workshop.domain.errors import DomainError
from workshop.services.events import create_event
from workshop.services.files import export_event_file
from workshop.services.identity import edit_event, edit_room, event_identity, parse_days

from ..exports.rendering import pdf_text, to_pdf


def identity(text: str) -> str:
    return text


def png(colour: str, size: tuple[int, int] = (120, 60)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def test_days_are_one_or_several() -> None:
    assert parse_days("2026-12-12") == parse_days("2026-12-12..2026-12-12")
    first, last = parse_days("2026-12-12..2026-12-13")
    assert (first.isoformat(), last.isoformat()) == ("2026-12-12", "2026-12-13")
    assert parse_days("") == (None, None)
    for wrong, code in (("12/12/2026", "invalid_date"), ("2026-12-13..2026-12-12", "invalid_dates"),
                        ("2026-12-01..2026-12-31", "invalid_dates")):
        with pytest.raises(DomainError) as refused:
            parse_days(wrong)
        assert refused.value.code == code


def test_edit_event_sets_everything_or_nothing(ctx) -> None:  # type: ignore[no-untyped-def]
    created = create_event(ctx, title="Rencontre nationale SNI", room_names=["Plénière", "Atelier papiers"],
                           room_kinds=["plenary", "workshop"])
    document = edit_event(ctx, created.event_id, {
        "title": "Rencontre nationale des OSC", "place": "Rabat, Hôtel Farah", "dates": "2026-12-12..2026-12-13",
        "project_name": "Projet Droits et Migrations", "organisers": ["Association Amal", "Collectif Migrants"],
        "partners": ["Union européenne"], "logos": {"association amal": png("navy")},
        "strategy_title": "Stratégie nationale d'influence 2027-2030", "vision": "Chaque personne migrante accède à ses droits.",
        "version_label": "Version provisoire 1", "versions": {"ar": {"title": "اللقاء الوطني"}},
        "strategy_versions": {"en": {"vision": "Every migrant has access to their rights."}}})
    assert document["dates"] == ["2026-12-12", "2026-12-13"] and document["place"] == "Rabat, Hôtel Farah"
    assert [entry["name"] for entry in document["organisers"]] == ["Association Amal", "Collectif Migrants"]
    assert document["organisers"][0]["logo_id"] and not document["organisers"][1]["logo_id"]
    assert document["strategy"]["version_label"] == "Version provisoire 1"
    assert document["versions"] == {"ar": {"title": "اللقاء الوطني"}}
    # A name that stays keeps its logo when the list is replaced.
    again = edit_event(ctx, created.event_id, {"organisers": ["Collectif Migrants", "Association Amal"]})
    assert again["organisers"][1]["logo_id"] == document["organisers"][0]["logo_id"]
    # Bad input changes nothing, even when it comes after good fields.
    for changes, code in (({"place": "Salé", "dates": "demain"}, "invalid_date"),
                          ({"place": "Salé", "logos": {"Inconnue": png("red")}}, "unknown_organiser"),
                          ({"place": "Salé", "logos": {"Association Amal": b"GIF89a not an image"}}, "invalid_logo"),
                          ({"place": "Salé", "regions": ["casablanca_settat"]}, "regions_not_allowed"),
                          ({"place": "Salé", "colour": "red"}, "unknown_field")):
        with pytest.raises(DomainError) as refused:
            edit_event(ctx, created.event_id, changes)
        assert refused.value.code == code
    assert event_identity(ctx, created.event_id)["place"] == "Rabat, Hôtel Farah"
    room = edit_room(ctx, created.rooms[1][1], name="Atelier papiers et état civil", theme="Accès aux documents")
    assert (room["name"], room["theme"]) == ("Atelier papiers et état civil", "Accès aux documents")
    with pytest.raises(DomainError):
        edit_room(ctx, created.rooms[1][1], name=" ")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_sni_cover_prints_title_vision_place_dates_and_version(ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    created = create_event(ctx, title="Rencontre nationale SNI", room_names=["Plénière"])
    edit_event(ctx, created.event_id, {
        "place": "Rabat, Hôtel Farah", "dates": "2026-12-12..2026-12-13", "organisers": ["Association Amal"],
        "partners": ["Union européenne"], "logos": {"Union européenne": png("navy")},
        "strategy_title": "Stratégie nationale d'influence 2027-2030",
        "vision": "Chaque personne migrante accède à ses droits.", "version_label": "Version provisoire 1"})
    content = export_event_file(ctx, created.event_id, "sni", language="fr", translate=identity).content
    path = tmp_path / "sni.docx"
    path.write_bytes(content)
    cover = " ".join(pdf_text(to_pdf(path), first=1, last=1).split())
    for expected in ("Stratégie nationale d'influence 2027-2030", "Chaque personne migrante accède à ses droits.",
                     "Rabat, Hôtel Farah", "12/12/2026 to 13/12/2026", "Version provisoire 1", "Association Amal",
                     "Union européenne"):
        assert expected in cover, expected
    assert "/20" not in cover.replace("12/12/2026", "").replace("13/12/2026", "")  # no creation date instead


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_an_sri_covering_two_regions_prints_both_on_its_cover(ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from workshop.services.declination import decline_strategy

    national = create_event(ctx, title="Rencontre nationale SNI", room_names=["Plénière"])
    regional = decline_strategy(ctx, national_event_id=national.event_id, title="Rencontre Casablanca-Rabat",
                                region="casablanca_settat")
    edit_event(ctx, regional.event_id, {"regions": ["casablanca_settat", "rabat_sale_kenitra"],
                                        "dates": "2027-01-15"})
    path = tmp_path / "sri.docx"
    path.write_bytes(export_event_file(ctx, regional.event_id, "sri", language="fr", translate=identity).content)
    cover = " ".join(pdf_text(to_pdf(path), first=1, last=1).split())
    assert "Casablanca-Settat, Rabat-Salé-Kénitra" in cover and "15/01/2027" in cover
