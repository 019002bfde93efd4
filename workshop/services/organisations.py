"""The organisations of an event: the unit a self-assessment assesses and a training's attendance counts.

Organisations are named; the people answering for them never are. The slug is what forms, imports and the JSON
exports use (``workshop add-organisation``, the XLSForm's ``organisation`` choices).
"""
from __future__ import annotations

import re
import unicodedata
from itertools import count
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.errors import DomainError
from ..domain.profiles import REGIONS
from ..domain.text import checked_text
from ..models import Event, Organisation
from ..models.capacities import organisations_of
from .context import ServiceContext

# A letter first: the slug is also a choice name in the XLSForm, which may not start with a digit.
SLUG = re.compile(r"^[a-z][a-z0-9_-]{0,59}$")
MAX_ORGANISATIONS = 100


def slug_of(name: str) -> str:
    """« Association Afrique Solidarité » → ``association-afrique-solidarite``; empty for a name with no Latin
    letter or digit (an Arabic name), which then gets a numbered slug."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return (f"opm-{slug}" if slug[:1].isdigit() else slug)[:60].rstrip("-")


def organisation_view(organisation: Organisation) -> dict[str, Any]:
    return {"id": organisation.id, "slug": organisation.slug, "name": organisation.name,
            "region": organisation.region}


def find_event(session: Session, event_id: object) -> Event:
    event = session.get(Event, event_id) if type(event_id) is int else None
    if event is None:
        raise DomainError("unknown_event")
    return event


def add_organisation(ctx: ServiceContext, *, event_id: object, name: object, slug: object = None,
                     region: object = None, session: Session | None = None) -> dict[str, Any]:
    """Add one organisation to the event; its slug is given or made from its name, and unique in the event."""
    clean_name = checked_text(name, max_length=200, field="name")
    if region in (None, ""):
        clean_region = None
    elif isinstance(region, str) and region.strip() in REGIONS:
        clean_region = region.strip()
    else:
        raise DomainError("unknown_region")
    if slug not in (None, "") and (not isinstance(slug, str) or not SLUG.match(slug.strip())):
        raise DomainError("invalid_slug")
    if session is None:
        with ctx.db.write() as own:
            return add_organisation(ctx, event_id=event_id, name=clean_name, slug=slug, region=clean_region,
                                    session=own)
    event = find_event(session, event_id)
    existing = list(session.scalars(organisations_of(event.id)))
    if len(existing) >= MAX_ORGANISATIONS:
        raise DomainError("too_many_organisations", maximum=MAX_ORGANISATIONS)
    if any(other.name.casefold() == clean_name.casefold() for other in existing):
        raise DomainError("duplicate_organisation", name=clean_name)
    taken = {other.slug for other in existing}
    if slug not in (None, ""):
        chosen = str(slug).strip()
        if chosen in taken:
            raise DomainError("duplicate_slug", slug=chosen)
    else:
        base = slug_of(clean_name)
        if base and base not in taken:
            chosen = base
        else:  # a name with no Latin letter is « opm-1 », a repeated slug « name-2 »
            chosen = next(f"{base or 'opm'}-{number}" for number in count(2 if base else 1)
                          if f"{base or 'opm'}-{number}" not in taken)
    position = session.scalar(select(func.coalesce(func.max(Organisation.position), -1))
                              .where(Organisation.event_id == event.id))
    organisation = Organisation(event_id=event.id, slug=chosen, name=clean_name, region=clean_region,
                                position=int(position if position is not None else -1) + 1, created_at=ctx.clock())
    session.add(organisation)
    session.flush()
    return {"organisation": organisation_view(organisation), "event": {"id": event.id, "title": event.title}}


def list_organisations(ctx: ServiceContext, event_id: object) -> list[dict[str, Any]]:
    with ctx.db.read() as session:
        event = find_event(session, event_id)
        return [organisation_view(organisation) for organisation in session.scalars(organisations_of(event.id))]


def find_organisation(session: Session, event_id: int, reference: object) -> Organisation:
    """An organisation of the event by slug (forms, imports) or id (the console), or ``unknown_organisation``."""
    query = organisations_of(event_id)
    if type(reference) is int:
        found = session.scalar(query.where(Organisation.id == reference))
    elif isinstance(reference, str):
        found = session.scalar(query.where(Organisation.slug == reference.strip()))
    else:
        found = None
    if found is None:
        raise DomainError("unknown_organisation", value=str(reference)[:60])
    return found
