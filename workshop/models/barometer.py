"""The barometer: editions (each with its own copy of the framework), responses, expert scores, policy events,
issued drafts and the comments made on them."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, select, Select
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class BarometerEdition(Base):
    """« Baromètre 2026 »: compared with ``previous_edition_id`` cell by cell (same region and indicator keys)."""

    __tablename__ = "barometer_editions"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    previous_edition_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("barometer_editions.id", ondelete="SET NULL"), nullable=True)
    min_n: Mapped[int] = mapped_column(Integer, default=30)
    # sectors, dimensions (with weights), indicators (labels fr/ar/en, kind, weight, anchors): see docs/barometer.md.
    framework: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The writers' texts by report section (summary, sante, education, justice, recommendations).
    narrative: Mapped[dict[str, Any]] = mapped_column(default=dict)
    version: Mapped[int] = mapped_column(default=1)  # bumped by every framework or narrative edit
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class BarometerResponse(Base):
    """One respondent, from the field (KoboToolbox/ODK) or a room; ``uuid`` makes a re-import add nothing."""

    __tablename__ = "barometer_responses"
    __table_args__ = (UniqueConstraint("edition_id", "uuid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("barometer_editions.id", ondelete="CASCADE"), index=True)
    uuid: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(20))  # field, room
    region: Mapped[str] = mapped_column(String(40))
    status: Mapped[Optional[str]] = mapped_column(String(30), nullable=True)
    sex: Mapped[Optional[str]] = mapped_column(String(20), nullable=True)
    answers: Mapped[dict[str, Any]] = mapped_column(default=dict)  # indicator key → choice name
    submitted_at: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class BarometerLegalScore(Base):
    """The experts' 0/50/100 on a legal indicator, for every status (``status`` NULL) or one legal status."""

    __tablename__ = "barometer_legal_scores"
    __table_args__ = (UniqueConstraint("edition_id", "indicator", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("barometer_editions.id", ondelete="CASCADE"), index=True)
    indicator: Mapped[str] = mapped_column(String(80))
    status: Mapped[Optional[str]] = mapped_column(String(30), nullable=True)
    score: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text, default="")
    source_date: Mapped[str] = mapped_column(String(10), default="")  # ISO date of the source
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class BarometerPolicyEvent(Base):
    """A law, circular, programme or practice that moved access (+) or set it back (−): shown, never scored."""

    __tablename__ = "barometer_policy_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("barometer_editions.id", ondelete="CASCADE"), index=True)
    date: Mapped[str] = mapped_column(String(10))
    sector: Mapped[str] = mapped_column(String(20))
    direction: Mapped[str] = mapped_column(String(1))  # "+" or "-"
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class BarometerDraft(Base):
    """What a draft showed when it was last issued: its figures and completed sections, to list what changed."""

    __tablename__ = "barometer_drafts"
    __table_args__ = (UniqueConstraint("edition_id", "draft"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("barometer_editions.id", ondelete="CASCADE"), index=True)
    draft: Mapped[str] = mapped_column(String(5))  # "1", "2", "final"
    issue: Mapped[int] = mapped_column(default=1)  # how many times this draft was issued
    stamp: Mapped[str] = mapped_column(String(120))
    snapshot: Mapped[dict[str, Any]] = mapped_column(default=dict)
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)


class BarometerComment(Base):
    """A reviewer's comment on a draft, recorded on the console; the next draft lists them."""

    __tablename__ = "barometer_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("barometer_editions.id", ondelete="CASCADE"), index=True)
    draft: Mapped[str] = mapped_column(String(5))  # the draft commented on: "1" or "2"
    section: Mapped[str] = mapped_column(String(40), default="general")
    author: Mapped[str] = mapped_column(String(120), default="")
    text: Mapped[str] = mapped_column(Text)
    response: Mapped[str] = mapped_column(Text, default="")  # how the writers took it into account
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


def responses_of(edition_id: int) -> Select[tuple[BarometerResponse]]:
    return select(BarometerResponse).where(BarometerResponse.edition_id == edition_id).order_by(BarometerResponse.id)


def legal_scores_of(edition_id: int) -> Select[tuple[BarometerLegalScore]]:
    return (select(BarometerLegalScore).where(BarometerLegalScore.edition_id == edition_id)
            .order_by(BarometerLegalScore.indicator, BarometerLegalScore.id))


def comments_of(edition_id: int) -> Select[tuple[BarometerComment]]:
    return select(BarometerComment).where(BarometerComment.edition_id == edition_id).order_by(BarometerComment.id)
