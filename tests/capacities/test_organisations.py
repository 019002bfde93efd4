"""The event's organisations: named, keyed by a slug unique in the event, refused cleanly when wrong."""
from __future__ import annotations

import json

import pytest

from workshop.domain.errors import DomainError
from workshop.services.events import create_event
from workshop.services.organisations import add_organisation, list_organisations, slug_of

from ..test_cli import run  # noqa: F401  (the installed command, on a real database file)


def test_slugs_are_made_from_names_and_kept_unique(ctx) -> None:  # type: ignore[no-untyped-def]
    event_id = create_event(ctx, title="Diagnostic OPM", room_names=["Salle"]).event_id
    first = add_organisation(ctx, event_id=event_id, name="Association Afrique Solidarité",
                             region="casablanca_settat")["organisation"]
    assert first["slug"] == "association-afrique-solidarite" and first["region"] == "casablanca_settat"
    arabic = add_organisation(ctx, event_id=event_id, name="جمعية التضامن")["organisation"]
    assert arabic["slug"] == "opm-1"
    twin = add_organisation(ctx, event_id=event_id, name="Association Afrique Solidarité (Oujda)")["organisation"]
    assert twin["slug"] == "association-afrique-solidarite-oujda"
    chosen = add_organisation(ctx, event_id=event_id, name="Voix des femmes", slug="vdf")["organisation"]
    assert chosen["slug"] == "vdf"
    assert [row["slug"] for row in list_organisations(ctx, event_id)] == [
        "association-afrique-solidarite", "opm-1", "association-afrique-solidarite-oujda", "vdf"]
    assert slug_of("Éducation & Santé") == "education-sante" and slug_of("2 Mains") == "opm-2-mains"


@pytest.mark.parametrize(("kwargs", "code"), [
    ({"name": "Voix des femmes"}, "duplicate_organisation"),
    ({"name": "Autre", "slug": "vdf"}, "duplicate_slug"),
    ({"name": "Autre", "slug": "Pas Bon"}, "invalid_slug"),
    ({"name": "Autre", "region": "atlantide"}, "unknown_region"),
    ({"name": " "}, "text_empty"),
])
def test_refusals_change_nothing(ctx, kwargs, code) -> None:  # type: ignore[no-untyped-def]
    event_id = create_event(ctx, title="Diagnostic OPM", room_names=["Salle"]).event_id
    add_organisation(ctx, event_id=event_id, name="Voix des femmes", slug="vdf")
    with pytest.raises(DomainError) as refused:
        add_organisation(ctx, event_id=event_id, **kwargs)
    assert refused.value.code == code
    assert len(list_organisations(ctx, event_id)) == 1
    with pytest.raises(DomainError) as unknown:
        add_organisation(ctx, event_id=event_id + 100, name="Ailleurs")
    assert unknown.value.code == "unknown_event"


def test_add_organisation_command(run) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    event = json.loads(run("create-event", "--title", "Diagnostic", "--room", "Salle", "--json").stdout)["event"]
    added = json.loads(run("add-organisation", str(event["id"]), "--name", "Voix des femmes", "--region",
                           "oriental", "--json").stdout)
    assert added["organisation"] | {"id": 0} == {"id": 0, "slug": "voix-des-femmes", "name": "Voix des femmes",
                                                  "region": "oriental"}
    assert added["event"] == {"id": event["id"], "title": event["title"]}  # create-event adds its moderator link
    again = run("add-organisation", str(event["id"]), "--name", "Voix des femmes", check=False)
    assert again.returncode == 1 and "(duplicate_organisation)" in again.stderr
