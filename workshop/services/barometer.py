"""Barometer use cases: editions and their framework, expert scores, policy events, comments, texts, scores."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.barometer import (BAROMETER_REGIONS, BREAKDOWNS, NATIONAL, SECTORS, Cell, Response,
                                checked_legal_score, checked_min_n,
                                rounded, score_edition, with_changes)
from ..domain.barometer_framework import changed_framework, checked_framework, framework_model, indicator_index
from ..domain.errors import DomainError
from ..domain.text import checked_text, clean_text
from ..models import BarometerComment, BarometerEdition, BarometerLegalScore, BarometerPolicyEvent
from ..models.barometer import comments_of, legal_scores_of, responses_of
from .context import ServiceContext

NARRATIVE_SECTIONS = ("summary", *SECTORS, "recommendations")
COMMENT_SECTIONS = ("general", *NARRATIVE_SECTIONS, "method", "data")
DRAFTS = ("1", "2", "final")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def default_framework() -> dict[str, Any]:
    """The framework every first edition starts from (workshop/data/barometer_framework.json, fr/ar/en)."""
    text = resources.files("workshop").joinpath("data/barometer_framework.json").read_text(encoding="utf-8")
    return checked_framework(json.loads(text))


def find_edition(session: Session, reference: object) -> BarometerEdition:
    """An edition by id (``3``) or exact title (« Baromètre 2026 »), or ``unknown_edition``."""
    edition = None
    if isinstance(reference, int) and not isinstance(reference, bool):
        edition = session.get(BarometerEdition, reference)
    elif isinstance(reference, str):
        edition = session.get(BarometerEdition, int(reference)) if reference.strip().isdigit() else session.scalar(
            select(BarometerEdition).where(BarometerEdition.title == reference.strip()))
    if edition is None:
        raise DomainError("unknown_edition")
    return edition


def create_edition(ctx: ServiceContext, *, title: object, previous: object = None) -> dict[str, Any]:
    """A new edition; it starts from the previous edition's framework and minimum n (else the default framework)."""
    clean_title = checked_text(title, max_length=200, field="title")
    with ctx.db.write() as session:
        if session.scalar(select(BarometerEdition).where(BarometerEdition.title == clean_title)) is not None:
            raise DomainError("duplicate_edition")
        earlier = find_edition(session, previous) if previous not in (None, "") else None
        edition = BarometerEdition(
            title=clean_title, previous_edition_id=earlier.id if earlier else None,
            min_n=earlier.min_n if earlier else 30,
            framework=earlier.framework if earlier else default_framework(), narrative={}, created_at=ctx.clock())
        session.add(edition)
        session.flush()
        return {"edition": {"id": edition.id, "title": edition.title}}


def list_editions(ctx: ServiceContext) -> list[dict[str, Any]]:
    with ctx.db.read() as session:
        return [{"id": edition.id, "title": edition.title, "previous_edition_id": edition.previous_edition_id,
                 "responses": len(stored_responses(session, edition))}
                for edition in session.scalars(select(BarometerEdition).order_by(BarometerEdition.id.desc()))]


def _bump(edition: BarometerEdition) -> None:
    edition.version += 1


def update_framework(ctx: ServiceContext, *, edition_id: int, change: object) -> dict[str, Any]:
    """One console edit of the framework (``domain.barometer_framework.changed_framework``)."""
    with ctx.db.write() as session:
        edition = find_edition(session, edition_id)
        edition.framework = changed_framework(edition.framework, change)
        _bump(edition)
        return {"ok": True, "version": edition.version}


def set_min_n(ctx: ServiceContext, *, edition_id: int, min_n: object) -> dict[str, Any]:
    with ctx.db.write() as session:
        edition = find_edition(session, edition_id)
        edition.min_n = checked_min_n(min_n)
        _bump(edition)
        return {"ok": True, "min_n": edition.min_n}


def set_narrative(ctx: ServiceContext, *, edition_id: int, section: object, text: object) -> dict[str, Any]:
    """The writers' text for one section of the report; empty text leaves the section « to complete »."""
    if section not in NARRATIVE_SECTIONS:
        raise DomainError("invalid_choice", field="section")
    clean = clean_text(text if isinstance(text, str) else "")
    if len(clean) > 20_000:
        raise DomainError("text_too_long", field="text", max_length=20_000, length=len(clean))
    with ctx.db.write() as session:
        edition = find_edition(session, edition_id)
        edition.narrative = {**edition.narrative, str(section): clean}
        _bump(edition)
        return {"ok": True}


def _checked_date(value: object, field: str, *, required: bool) -> str:
    text = clean_text(value if isinstance(value, str) else "")
    if not text and not required:
        return ""
    try:
        if not ISO_DATE.match(text):
            raise ValueError(text)
        date.fromisoformat(text)
    except ValueError:
        raise DomainError("invalid_date", field=field) from None
    return text


def _checked_status(value: object) -> str | None:
    if value in (None, "", "all"):
        return None
    if value not in BREAKDOWNS["status"]:
        raise DomainError("invalid_choice", field="status")
    return str(value)


def record_legal_score(ctx: ServiceContext, *, edition_id: int, indicator: object, score: object,
                       status: object = None, source: object = "", source_date: object = "", note: object = "",
                       session: Session | None = None) -> dict[str, Any]:
    """The experts' 0/50/100 for a legal indicator (replacing an earlier one for the same status), with its source."""
    if session is None:
        with ctx.db.write() as own:
            return record_legal_score(ctx, edition_id=edition_id, indicator=indicator, score=score, status=status,
                                      source=source, source_date=source_date, note=note, session=own)
    edition = find_edition(session, edition_id)
    known = indicator_index(edition.framework).get(indicator if isinstance(indicator, str) else "")
    if known is None or known["kind"] != "legal":
        raise DomainError("unknown_indicator")
    value = checked_legal_score(score)
    clean_status = _checked_status(status)
    clean_source = clean_text(source if isinstance(source, str) else "")[:1000]
    date = _checked_date(source_date, "source_date", required=False)
    row = session.scalar(select(BarometerLegalScore).where(
        BarometerLegalScore.edition_id == edition.id, BarometerLegalScore.indicator == known["key"],
        BarometerLegalScore.status.is_(None) if clean_status is None else BarometerLegalScore.status == clean_status))
    if row is None:
        row = BarometerLegalScore(edition_id=edition.id, indicator=known["key"], status=clean_status)
        session.add(row)
    row.score, row.source, row.source_date = value, clean_source, date
    row.note = clean_text(note if isinstance(note, str) else "")[:2000]
    row.updated_at = ctx.clock()
    session.flush()
    return {"ok": True, "id": row.id}


def _of_edition(session: Session, model: type[Any], row_id: int, edition_id: int, unknown: str) -> Any:
    """A row of this edition (a legal score, an event, a comment), or ``unknown`` as the refusal's code."""
    row = session.get(model, row_id)
    if row is None or row.edition_id != edition_id:
        raise DomainError(unknown)
    return row


def delete_legal_score(ctx: ServiceContext, *, edition_id: int, score_id: int) -> dict[str, Any]:
    with ctx.db.write() as session:
        session.delete(_of_edition(session, BarometerLegalScore, score_id, edition_id, "unknown_legal_score"))
        return {"ok": True}


def add_policy_event(ctx: ServiceContext, *, edition_id: int, when: object, sector: object, direction: object,
                     text: object, source: object = "", session: Session | None = None) -> dict[str, Any]:
    """A dated change of law, circular, programme or practice on the timeline (never scored); ``when`` ISO date."""
    if session is None:
        with ctx.db.write() as own:
            return add_policy_event(ctx, edition_id=edition_id, when=when, sector=sector, direction=direction,
                                    text=text, source=source, session=own)
    edition = find_edition(session, edition_id)
    if sector not in SECTORS:
        raise DomainError("invalid_choice", field="sector")
    sign = {"+": "+", "-": "-", "−": "-", "plus": "+", "minus": "-"}.get(str(direction).strip())
    if sign is None:
        raise DomainError("invalid_choice", field="direction")
    event = BarometerPolicyEvent(edition_id=edition.id, date=_checked_date(when, "date", required=True),
                                 sector=str(sector), direction=sign,
                                 text=checked_text(text, max_length=2000, field="text"),
                                 source=clean_text(source if isinstance(source, str) else "")[:1000],
                                 created_at=ctx.clock())
    session.add(event)
    session.flush()
    return {"ok": True, "id": event.id}


def delete_policy_event(ctx: ServiceContext, *, edition_id: int, event_id: int) -> dict[str, Any]:
    with ctx.db.write() as session:
        session.delete(_of_edition(session, BarometerPolicyEvent, event_id, edition_id, "unknown_policy_event"))
        return {"ok": True}


def add_comment(ctx: ServiceContext, *, edition_id: int, draft: object, section: object, text: object,
                author: object = "") -> dict[str, Any]:
    """A reviewer's comment on draft 1 or 2, listed in the next draft."""
    if draft not in ("1", "2"):
        raise DomainError("invalid_choice", field="draft")
    if section not in COMMENT_SECTIONS:
        raise DomainError("invalid_choice", field="section")
    with ctx.db.write() as session:
        edition = find_edition(session, edition_id)
        comment = BarometerComment(edition_id=edition.id, draft=str(draft), section=str(section),
                                   author=clean_text(author if isinstance(author, str) else "")[:120],
                                   text=checked_text(text, max_length=4000, field="text"), created_at=ctx.clock())
        session.add(comment)
        session.flush()
        return {"ok": True, "id": comment.id}


def answer_comment(ctx: ServiceContext, *, edition_id: int, comment_id: int, response: object) -> dict[str, Any]:
    """How the writers took a comment into account (printed beside it in the next draft)."""
    with ctx.db.write() as session:
        comment = _of_edition(session, BarometerComment, comment_id, edition_id, "unknown_comment")
        comment.response = clean_text(response if isinstance(response, str) else "")[:4000]
        return {"ok": True}


# --- scores ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class EditionScores:
    """An edition's cells with their change, and what they were computed from."""

    edition: dict[str, Any]
    framework: dict[str, Any]
    cells: list[Cell]
    responses: list[Response]
    legal: dict[tuple[str, str | None], int]
    previous_title: str | None


def stored_responses(session: Session, edition: BarometerEdition) -> list[dict[str, Any]]:
    """Every respondent of the edition: imported from the field, then answered on phones in rooms."""
    from .barometer_survey import room_responses  # the survey reads the rooms' ballots, which import the agenda

    imported = [{"uuid": row.uuid, "source": row.source, "region": row.region, "status": row.status, "sex": row.sex,
                 "answers": row.answers} for row in session.scalars(responses_of(edition.id))]
    return imported + room_responses(session, edition)


def _responses(session: Session, edition: BarometerEdition) -> list[Response]:
    return [Response(region=row["region"], answers=row["answers"], status=row["status"], sex=row["sex"])
            for row in stored_responses(session, edition)]


def _legal(session: Session, edition_id: int) -> dict[tuple[str, str | None], int]:
    return {(row.indicator, row.status): row.score for row in session.scalars(legal_scores_of(edition_id))}


def _cells(session: Session, edition: BarometerEdition) -> tuple[list[Cell], list[Response], dict]:  # type: ignore[type-arg]
    responses = _responses(session, edition)
    legal = _legal(session, edition.id)
    cells = score_edition(framework_model(edition.framework), responses, legal, BAROMETER_REGIONS,
                          min_n=edition.min_n)
    return cells, responses, legal


def edition_scores(ctx: ServiceContext, edition_ref: object) -> EditionScores:
    """Every cell of the edition, each with its change since the previous edition where both have a score."""
    with ctx.db.read() as session:
        edition = find_edition(session, edition_ref)
        cells, responses, legal = _cells(session, edition)
        previous_title = None
        if edition.previous_edition_id is not None:
            previous = session.get(BarometerEdition, edition.previous_edition_id)
            if previous is not None:
                cells = with_changes(cells, _cells(session, previous)[0])
                previous_title = previous.title
        summary = {"id": edition.id, "title": edition.title, "previous": previous_title, "min_n": edition.min_n,
                   "responses": len(responses), "version": edition.version}
        return EditionScores(summary, edition.framework, cells, responses, legal, previous_title)


def cell_document(cell: Cell) -> dict[str, Any]:
    """One cell as the public JSON contract gives it (docs/events.md)."""
    return {"region": cell.region, "sector": cell.sector, "dimension": cell.dimension, "indicator": cell.indicator,
            "kind": cell.kind, "score": rounded(cell.score), "n": cell.n,
            "ci": None if cell.ci is None else [rounded(cell.ci[0]), rounded(cell.ci[1])],
            "flag": cell.flag, "change": rounded(cell.change)}


def scores_document(ctx: ServiceContext, edition_ref: object) -> dict[str, Any]:
    """``workshop barometer scores EDITION --json``."""
    scores = edition_scores(ctx, edition_ref)
    return {"edition": scores.edition, "cells": [cell_document(cell) for cell in scores.cells]}


def breakdown_cells(scores: EditionScores, breakdown: str, min_n: int) -> dict[str, list[Cell]]:
    """National cells for each legal status or sex, from the responses that gave it (legal scores per status)."""
    result = {}
    for value in BREAKDOWNS[breakdown]:
        pool = [response for response in scores.responses if getattr(response, breakdown) == value]
        cells = score_edition(framework_model(scores.framework), pool, scores.legal, (), min_n=min_n,
                              status=value if breakdown == "status" else None)
        result[value] = [cell for cell in cells if cell.region == NATIONAL]
    return result


def policy_timeline(session: Session, edition: BarometerEdition) -> list[BarometerPolicyEvent]:
    """The events recorded with this edition and the editions before it, oldest first."""
    chain, seen, current = [], set(), edition  # type: ignore[var-annotated]
    while current is not None and current.id not in seen:
        seen.add(current.id)
        chain.append(current.id)
        current = session.get(BarometerEdition, current.previous_edition_id) if current.previous_edition_id else None
    return list(session.scalars(select(BarometerPolicyEvent).where(BarometerPolicyEvent.edition_id.in_(chain))
                                .order_by(BarometerPolicyEvent.date, BarometerPolicyEvent.id)))


def editions_chain(session: Session, edition: BarometerEdition) -> list[BarometerEdition]:
    """This edition and those before it, oldest first (for trends)."""
    chain: list[BarometerEdition] = []
    current: BarometerEdition | None = edition
    while current is not None and current not in chain:
        chain.append(current)
        current = session.get(BarometerEdition, current.previous_edition_id) if current.previous_edition_id else None
    return list(reversed(chain))


def trend_cells(ctx: ServiceContext, edition_ref: object) -> list[tuple[str, list[Cell]]]:
    """(edition title, its cells) for this edition and every earlier one, oldest first."""
    with ctx.db.read() as session:
        edition = find_edition(session, edition_ref)
        return [(item.title, _cells(session, item)[0]) for item in editions_chain(session, edition)]


def edition_record(ctx: ServiceContext, edition_ref: object) -> dict[str, Any]:
    """What the console shows of an edition besides its scores: legal scores, events, comments, texts."""
    with ctx.db.read() as session:
        edition = find_edition(session, edition_ref)
        return {
            "id": edition.id, "title": edition.title, "min_n": edition.min_n, "version": edition.version,
            "framework": edition.framework, "narrative": edition.narrative,
            "legal_scores": [{"id": row.id, "indicator": row.indicator, "status": row.status, "score": row.score,
                              "source": row.source, "source_date": row.source_date, "note": row.note}
                             for row in session.scalars(legal_scores_of(edition.id))],
            "policy_events": [{"id": row.id, "date": row.date, "sector": row.sector, "direction": row.direction,
                               "text": row.text, "source": row.source, "edition_id": row.edition_id}
                              for row in policy_timeline(session, edition)],
            "comments": [{"id": row.id, "draft": row.draft, "section": row.section, "author": row.author,
                          "text": row.text, "response": row.response, "created_at": row.created_at.isoformat() + "Z"}
                         for row in session.scalars(comments_of(edition.id))],
            "responses": len(stored_responses(session, edition)),
        }
