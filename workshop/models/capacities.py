"""Organisational capacities (docs/capacities.md): the event's organisations, its questionnaire (the OCA template),
the respondents' answers, the consensus levels agreed per organisation and the plan de renforcement.

Organisations are named (they are the unit assessed); respondents never are: a response knows its organisation,
its role and its round, and a phone or a field submission only through an opaque ``uuid``.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, select, Select
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class Organisation(Base):
    """An organisation taking part in an event (« OPM »), known by a slug that forms and imports use."""

    __tablename__ = "organisations"
    __table_args__ = (UniqueConstraint("event_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(200))
    region: Mapped[Optional[str]] = mapped_column(String(60), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CapacityQuestionnaire(Base):
    """The event's questionnaire: domains with their target level and importance, items with anchored levels, in
    French, Arabic and English (``domain/capacities_template.py`` checks its shape). One per event."""

    __tablename__ = "capacity_questionnaires"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), unique=True)
    template: Mapped[dict[str, Any]] = mapped_column(default=dict)
    version: Mapped[int] = mapped_column(Integer, default=1)  # bumped by every edit (the XLSForm's version)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CapacityResponse(Base):
    """One respondent's sheet for one round: from a phone in a room (``uuid`` room-<activity>-<participant>-<round>)
    or from the field (KoboToolbox/ODK ``_uuid``, so that a re-import adds nothing)."""

    __tablename__ = "capacity_responses"
    __table_args__ = (UniqueConstraint("event_id", "uuid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    uuid: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(10))  # room, field
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    round: Mapped[str] = mapped_column(String(10))  # initial, suivi
    activity_id: Mapped[Optional[int]] = mapped_column(ForeignKey("activities.id", ondelete="SET NULL"),
                                                       nullable=True, index=True)
    submitted_at: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CapacityAnswer(Base):
    """One item of one response: the level (``1``–``4`` or ``na``), with optional evidence and comment."""

    __tablename__ = "capacity_answers"
    __table_args__ = (UniqueConstraint("response_id", "item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("capacity_responses.id", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(String(60))
    level: Mapped[str] = mapped_column(String(2))
    evidence: Mapped[str] = mapped_column(Text, default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class CapacityConsensus(Base):
    """The level an organisation agreed on for one item in one round after discussing its answers' spread."""

    __tablename__ = "capacity_consensus"
    __table_args__ = (UniqueConstraint("organisation_id", "round", "item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    round: Mapped[str] = mapped_column(String(10))
    item: Mapped[str] = mapped_column(String(60))
    level: Mapped[str] = mapped_column(String(2))
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class CapacityPlanAction(Base):
    """One line of the plan de renforcement: for one organisation, or for all (``organisation_id`` NULL: a shared
    need met by a group workshop)."""

    __tablename__ = "capacity_plan_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[Optional[int]] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"),
                                                           nullable=True, index=True)
    domain: Mapped[str] = mapped_column(String(60))
    need: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(Text, default="")
    modality: Mapped[str] = mapped_column(String(30))  # atelier_collectif, accompagnement
    owner: Mapped[str] = mapped_column(String(200), default="")
    deadline: Mapped[str] = mapped_column(String(10), default="")  # ISO date, or empty
    target: Mapped[Optional[int]] = mapped_column(Integer, nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


def organisations_of(event_id: int) -> Select[tuple[Organisation]]:
    return select(Organisation).where(Organisation.event_id == event_id).order_by(Organisation.position,
                                                                                  Organisation.id)
