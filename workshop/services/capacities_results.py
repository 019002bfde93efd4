"""The assessment's results: per organisation and round, respondents by role and domain scores; across
organisations, shared and specific needs; the plan proposed from the priorities; the public JSON
(``workshop export-event EVENT --format capacities``, docs/events.md)."""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.capacities import (ROLES, ROUNDS, DomainScore, Level, change, domain_scores, parse_level,
                                 proposed_plan, rounded, shared_needs, specific_needs, strengths_and_gaps)
from ..domain.capacities_template import domain_keys, items_of
from ..domain.vocabulary import N_
from ..models import CapacityAnswer, CapacityConsensus, CapacityPlanAction, CapacityResponse
from ..models.capacities import organisations_of
from .capacities import plan_of, save_plan_action, stored_questionnaire
from .context import ServiceContext
from .organisations import find_event

Translate = Callable[[str], str]


def _domain_view(score: DomainScore) -> dict[str, Any]:
    return {"key": score.key, "score": rounded(score.score), "items_answered": score.items_answered,
            "target": score.target, "importance": score.importance, "gap": rounded(score.gap),
            "priority": rounded(score.priority), "need": score.is_need}


def assessment(session: Session, event_id: int) -> dict[str, Any]:
    """Everything the console, the documents and the JSON export print about the event's assessment."""
    template = stored_questionnaire(session, event_id)
    items = items_of(template)
    organisations = list(session.scalars(organisations_of(event_id)))
    levels: dict[tuple[int, str], dict[str, list[Level]]] = {}
    roles: dict[tuple[int, str], Counter[str]] = {}
    for response in session.scalars(select(CapacityResponse).where(CapacityResponse.event_id == event_id)):
        roles.setdefault((response.organisation_id, response.round), Counter())[response.role] += 1
        levels.setdefault((response.organisation_id, response.round), {})
    for organisation_id, round_name, item, level in session.execute(
            select(CapacityResponse.organisation_id, CapacityResponse.round, CapacityAnswer.item, CapacityAnswer.level)
            .join(CapacityAnswer, CapacityAnswer.response_id == CapacityResponse.id)
            .where(CapacityResponse.event_id == event_id)):
        levels[(organisation_id, round_name)].setdefault(item, []).append(parse_level(level))
    agreed: dict[tuple[int, str], dict[str, Level]] = {}
    for row in session.scalars(select(CapacityConsensus).where(CapacityConsensus.event_id == event_id)):
        agreed.setdefault((row.organisation_id, row.round), {})[row.item] = parse_level(row.level)
    views = []
    latest: dict[str, list[DomainScore]] = {}
    for organisation in organisations:
        rounds = []
        for round_name in ROUNDS:
            key = (organisation.id, round_name)
            if key not in roles and key not in agreed:
                continue
            scores = domain_scores(template, levels.get(key, {}), agreed.get(key, {}))
            latest[organisation.slug] = scores
            strengths, gaps = strengths_and_gaps(scores)
            by_role = roles.get(key, Counter())
            rounds.append({"round": round_name, "respondents": sum(by_role.values()),
                           "roles": {role: by_role[role] for role in ROLES if by_role[role]},
                           "consensus_items": len(agreed.get(key, {})),
                           "domains": [_domain_view(score) for score in scores],
                           "strengths": strengths, "gaps": gaps,
                           "items": {item["key"]: _item_view(levels.get(key, {}).get(item["key"], []),
                                                             agreed.get(key, {}), item["key"]) for item in items}})
        if len(rounds) == 2:
            first = {domain["key"]: domain["score"] for domain in rounds[0]["domains"]}
            for domain in rounds[1]["domains"]:
                domain["change"] = rounded(change(first[domain["key"]], domain["score"]))
        views.append({"id": organisation.id, "slug": organisation.slug, "name": organisation.name,
                      "region": organisation.region, "rounds": rounds})
    order = domain_keys(template)
    needs = {slug: [score.key for score in scores if score.is_need] for slug, scores in latest.items()}
    shared = shared_needs(needs, order)
    return {"template": template, "organisations": views, "shared_needs": shared,
            "specific_needs": specific_needs(needs, shared), "plan": plan_of(session, event_id),
            "proposed": [asdict(action) for action in proposed_plan(latest, order)]}


def _item_view(given: list[Level], agreed: dict[str, Level], key: str) -> dict[str, Any]:
    scored = [level for level in given if level is not None]
    return {"n": len(given), "mean": rounded(sum(scored) / len(scored)) if scored else None,
            "agreed": (None if agreed[key] is None else agreed[key]) if key in agreed else "",
            "consensus": key in agreed}


def overview(ctx: ServiceContext, event_id: int) -> dict[str, Any]:
    """The console's view of the assessment: scores, heatmap, needs, plan and its proposal, and the questionnaire."""
    with ctx.db.read() as session:
        return assessment(session, find_event(session, event_id).id)


def capacities_document(ctx: ServiceContext, event_id: object) -> dict[str, Any]:
    """The contract of ``--format capacities``: scores on the 1–4 scale with two decimals."""
    with ctx.db.read() as session:
        event = find_event(session, event_id)
        found = assessment(session, event.id)
    return {
        "organisations": [{"slug": organisation["slug"], "name": organisation["name"], "rounds": [
            {"round": round_view["round"], "respondents": round_view["respondents"],
             "domains": [{key: domain[key] for key in ("key", "score", "items_answered", "target", "gap", "priority")}
                         for domain in round_view["domains"]]}
            for round_view in organisation["rounds"]]} for organisation in found["organisations"]],
        "shared_needs": found["shared_needs"],
        "plan": [{key: action[key] for key in ("organisation", "domain", "need", "action", "modality", "owner",
                                                "deadline", "target")} for action in found["plan"]],
    }


NEED_TEXT = N_("%(domain)s: score %(score)s for a target of %(target)s")
ACTION_TEXTS = {"atelier_collectif": N_("Group training workshop on %(domain)s for the organisations concerned"),
                "accompagnement": N_("Coaching of the organisation on %(domain)s")}


def propose_plan(ctx: ServiceContext, *, event_id: object, translate: Translate, language: str = "fr",
                 op_id: object = None) -> dict[str, Any]:
    """Write the plan proposed from the priorities (group workshops for shared needs, then coaching) when the plan
    is empty; the facilitator then edits each line. A plan already begun is left as it is."""
    with ctx.db.write() as session:
        event = find_event(session, event_id)
        if session.scalar(select(CapacityPlanAction.id).where(CapacityPlanAction.event_id == event.id)) is not None:
            return {"ok": True, "added": 0, "plan": plan_of(session, event.id)}
        found = assessment(session, event.id)
        labels = {domain["key"]: domain["labels"].get(language) or domain["labels"]["fr"]
                  for domain in found["template"]["domains"]}
        scores = {(organisation["slug"], domain["key"]): domain["score"] for organisation in found["organisations"]
                  for round_view in organisation["rounds"][-1:] for domain in round_view["domains"]}
        added = 0
        for proposal in found["proposed"]:
            if proposal["organisation"] is None:
                concerned = [value for (slug, key), value in scores.items() if key == proposal["domain"] and value]
                score = sum(concerned) / len(concerned) if concerned else None
            else:
                score = scores.get((proposal["organisation"], proposal["domain"]))
            need = translate(NEED_TEXT) % {"domain": labels[proposal["domain"]],
                                           "score": "–" if score is None else f"{score:.2f}",
                                           "target": proposal["target"]}
            save_plan_action(ctx, event_id=event.id, session=session, fields={
                "organisation": proposal["organisation"], "domain": proposal["domain"], "need": need,
                "action": translate(ACTION_TEXTS[proposal["modality"]]) % {"domain": labels[proposal["domain"]]},
                "modality": proposal["modality"], "target": proposal["target"]})
            added += 1
        return {"ok": True, "added": added, "plan": plan_of(session, event.id)}
