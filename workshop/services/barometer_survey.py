"""The barometer in a room: a ``survey`` activity that asks the edition's questions on phones, and its ballots
read back as respondents of the edition (source "room")."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..activities.survey import answers_of_ballot
from ..domain.ballots import Allocation
from ..domain.barometer import NOT_SAID, answers_of, need_question
from ..domain.errors import DomainError
from ..models import Activity, Ballot, BarometerEdition
from .agenda import create_activity
from .context import ServiceContext
from .events import find_room


def survey_questions(framework: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Region, legal status and sex, then per sector the filter question and its survey indicators (the form's
    order); the phone skips a sector's usage questions for someone who did not need that service."""
    questions: list[dict[str, Any]] = [{"key": "region", "kind": "region"}, {"key": "status", "kind": "status"},
                                       {"key": "sex", "kind": "sex"}]
    for sector in framework["sectors"]:
        questions.append({"key": need_question(sector["key"]), "kind": "need", "sector": sector["key"],
                          "labels": sector["need"] if sector["need"].get("fr") else sector["labels"]})
        questions.extend({"key": item["key"], "kind": item["kind"], "sector": item["sector"], "labels": item["labels"]}
                         for item in framework["indicators"] if item["sector"] == sector["key"]
                         and item["kind"] != "legal")
    return questions


def create_room_survey(ctx: ServiceContext, *, edition_id: int, room_code: object, prompt: object) -> dict[str, Any]:
    """Add the edition's questionnaire to a room's agenda (in draft); the room's moderator opens it as usual."""
    with ctx.db.read() as session:
        edition = session.get(BarometerEdition, edition_id)
        if edition is None:
            raise DomainError("unknown_edition")
        room_id = find_room(session, room_code).id
        config = {"edition_id": edition.id, "questions": survey_questions(edition.framework)}
    return create_activity(ctx, room_id=room_id, type_name="survey", prompt=prompt, config=config)


def room_responses(session: Session, edition: BarometerEdition) -> list[dict[str, Any]]:
    """Each phone's answers to this edition's surveys, as stored responses are: region, status, sex, answers.

    A phone that has not given its region yet is not a respondent. Its identity stays in the room: the response
    is keyed by activity and participant only to count each phone once.
    """
    responses = []
    surveys = [activity for activity in session.scalars(select(Activity).where(Activity.type == "survey"))
               if activity.config.get("edition_id") == edition.id]
    for activity in surveys:
        for ballot in session.scalars(select(Ballot).where(Ballot.activity_id == activity.id).order_by(Ballot.id)):
            allocations = [Allocation(vote.target_id, vote.points) for vote in ballot.votes]
            values = answers_of_ballot(activity.config, allocations)
            if "region" not in values:
                continue
            responses.append({"uuid": f"room-{activity.id}-{ballot.participant_id}", "source": "room",
                              "region": values["region"],
                              "status": None if values.get("status") in (None, NOT_SAID) else values["status"],
                              "sex": None if values.get("sex") in (None, NOT_SAID) else values["sex"],
                              "answers": answers_of(values, edition.framework["indicators"])})
    return responses
