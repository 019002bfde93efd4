"""The one builder of the capacity assessment's documents: reads the assessment, translates every word, replaces
names by codes (« OPM 1… ») on request, and hands a ``CapacityReport`` to the renderers."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ..domain.capacities import NOT_APPLICABLE, ROLES, ROUNDS
from ..domain.capacities_template import items_of
from ..domain.languages import LANGUAGE_CODES, text_direction
from ..domain.vocabulary import CODE_LABELS
from ..exports.capacities_document import render_capacities_docx, render_capacities_pptx, render_capacities_xlsx
from ..exports.capacities_labels import CAPACITY_LABELS
from ..exports.capacities_report import (AnswerRow, CapacityReport, DomainRow, PlanRow, Profile,
                                         QuestionnaireDomain)
from ..models import CapacityAnswer, CapacityConsensus, CapacityResponse
from .capacities_results import assessment
from .context import ServiceContext
from .organisations import find_event

Translate = Callable[[str], str]
FORMATS = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
           "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
RENDERERS = {"docx": render_capacities_docx, "pptx": render_capacities_pptx, "xlsx": render_capacities_xlsx}


@dataclass(frozen=True)
class CapacityFile:
    content: bytes
    filename: str
    mimetype: str


def _text(labels: dict[str, str], language: str) -> str:
    return labels.get(language) or labels.get("fr", "")


def build_capacity_report(ctx: ServiceContext, event_id: object, *, language: str, translate: Translate,
                          with_codes: bool = False) -> CapacityReport:
    words = {key: translate(text) for key, text in CAPACITY_LABELS.items()}
    code = lambda prefix, value: translate(CODE_LABELS[prefix][value])  # noqa: E731
    with ctx.db.read() as session:
        event = find_event(session, event_id)
        found = assessment(session, event.id)
        template = found["template"]
        names = {organisation["slug"]: (f"OPM {number}" if with_codes else organisation["name"])
                 for number, organisation in enumerate(found["organisations"], start=1)}
        by_id = {organisation["id"]: organisation["slug"] for organisation in found["organisations"]}
        domain_names = {domain["key"]: _text(domain["labels"], language) for domain in template["domains"]}
        statements = {item["key"]: (item["domain"], _text(item["labels"], language)) for item in items_of(template)}
        answers, roles_total = [], Counter()
        responses = list(session.scalars(select(CapacityResponse).where(CapacityResponse.event_id == event.id)
                                         .order_by(CapacityResponse.id)))
        for number, response in enumerate(responses, start=1):
            roles_total[response.role] += 1
            for answer in session.scalars(select(CapacityAnswer).where(CapacityAnswer.response_id == response.id)
                                          .order_by(CapacityAnswer.id)):
                domain, statement = statements.get(answer.item, ("", answer.item))
                answers.append(AnswerRow(
                    number, names[by_id[response.organisation_id]], code("capacity_role", response.role),
                    code("capacity_round", response.round), response.source, domain_names.get(domain, domain),
                    answer.item, statement,
                    code("capacity_level", NOT_APPLICABLE) if answer.level == NOT_APPLICABLE else answer.level,
                    "" if with_codes else answer.evidence, "" if with_codes else answer.comment))
        consensus = tuple(
            (names[by_id[row.organisation_id]], code("capacity_round", row.round),
             statements.get(row.item, ("", row.item))[1],
             code("capacity_level", NOT_APPLICABLE) if row.level == NOT_APPLICABLE else row.level,
             "" if with_codes else row.note)
            for row in session.scalars(select(CapacityConsensus).where(CapacityConsensus.event_id == event.id)
                                       .order_by(CapacityConsensus.organisation_id, CapacityConsensus.round,
                                                 CapacityConsensus.id)))
        title = event.title
    statement_texts = {key: text for key, (_domain, text) in statements.items()}
    profiles = tuple(_profile(organisation, names, domain_names, statement_texts, code)
                     for organisation in found["organisations"] if organisation["rounds"])
    rounds = tuple(code("capacity_round", round_name) for round_name in ROUNDS
                   if any(view["round"] == round_name for organisation in found["organisations"]
                          for view in organisation["rounds"]))
    return CapacityReport(
        title=title, language=language, direction=text_direction(language),
        generated_at=ctx.clock().strftime("%Y-%m-%d"), with_codes=with_codes, words=words,
        levels=tuple(code("capacity_level", level) for level in ("1", "2", "3", "4")),
        domains=tuple(domain_names.items()), profiles=profiles,
        respondents_by_role=tuple((code("capacity_role", role), roles_total[role]) for role in ROLES
                                  if roles_total[role]),
        rounds=rounds, shared_needs=tuple(domain_names[key] for key in found["shared_needs"]),
        specific_needs=tuple((names[slug], tuple(domain_names[key] for key in needs))
                             for slug, needs in found["specific_needs"].items()),
        plan=tuple(PlanRow(names[row["organisation"]] if row["organisation"] else words["cap_all_organisations"],
                           domain_names.get(row["domain"], row["domain"]), row["need"], row["action"],
                           code("capacity_modality", row["modality"]), row["owner"], row["deadline"],
                           "" if row["target"] is None else str(row["target"])) for row in found["plan"]),
        answers=tuple(answers), consensus=consensus,
        questionnaire=tuple(QuestionnaireDomain(
            domain_names[domain["key"]], domain["target"], code("capacity_importance", str(domain["importance"])),
            tuple((_text(item["labels"], language), tuple(_text(item["levels"][level], language)  # type: ignore[misc]
                                                          for level in ("1", "2", "3", "4")))
                  for item in domain["items"])) for domain in template["domains"]),
        stamp=f"{title} · {ctx.clock().strftime('%Y-%m-%d')}")


WEAKEST = 3  # statements named in each profile as the ones to work on first


def _profile(organisation: dict[str, Any], names: dict[str, str], domain_names: dict[str, str],
             statements: dict[str, str], code: Callable[[str, str], str]) -> Profile:
    rounds = {view["round"]: view for view in organisation["rounds"]}
    latest = organisation["rounds"][-1]
    initial = {domain["key"]: domain for domain in rounds.get("initial", {"domains": []})["domains"]}
    follow_up = {domain["key"]: domain for domain in rounds.get("suivi", {"domains": []})["domains"]}
    rows = []
    for domain in latest["domains"]:
        first = initial.get(domain["key"], {}).get("score")
        second = follow_up.get(domain["key"], {}).get("score")
        rows.append(DomainRow(domain["key"], domain_names[domain["key"]], domain["score"], first, second,
                              None if first is None or second is None else round(second - first, 2),
                              domain["target"], domain["importance"], domain["gap"], domain["priority"],
                              domain["items_answered"], domain["need"]))
    return Profile(names[organisation["slug"]],
                   code("region", organisation["region"]) if organisation["region"] else "–",
                   latest["respondents"],
                   tuple((code("capacity_role", role), n) for role, n in latest["roles"].items()),
                   tuple(code("capacity_round", view["round"]) for view in organisation["rounds"]), tuple(rows),
                   tuple(domain_names[key] for key in latest["strengths"]),
                   tuple(domain_names[key] for key in latest["gaps"]), _weakest(latest["items"], statements))


def _weakest(items: dict[str, dict[str, Any]], statements: dict[str, str]) -> tuple[tuple[str, float], ...]:
    """The statements scored lowest (the agreed level, else the mean), below the « consolidé » level 3."""
    scored = []
    for key, view in items.items():
        score = (None if view["agreed"] is None else float(view["agreed"])) if view["consensus"] else view["mean"]
        if score is not None and score < 3 and key in statements:
            scored.append((score, statements[key]))
    return tuple((text, score) for score, text in sorted(scored)[:WEAKEST])


def capacity_file(ctx: ServiceContext, event_id: object, *, file_format: str, language: str, translate: Translate,
                  with_codes: bool = False) -> CapacityFile:
    """The report (docx), the restitution slides (pptx) or the workbook (xlsx), in ``language``."""
    from ..domain.errors import DomainError

    if file_format not in RENDERERS:
        raise DomainError("unknown_format")
    if language not in LANGUAGE_CODES:
        raise DomainError("unknown_language", language=language)
    report = build_capacity_report(ctx, event_id, language=language, translate=translate, with_codes=with_codes)
    suffix = "-codes" if with_codes else ""
    return CapacityFile(RENDERERS[file_format](report), f"capacites-{event_id}-{language}{suffix}.{file_format}",
                        FORMATS[file_format])
