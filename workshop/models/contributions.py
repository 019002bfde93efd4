"""What participants give: ideas (text) and ballots (points on items)."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint, select, Select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow


class Idea(Base):
    __tablename__ = "ideas"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[Optional[int]] = mapped_column(ForeignKey("participants.id", ondelete="SET NULL"), nullable=True)
    op_id: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    approved: Mapped[bool] = mapped_column(Boolean, default=True)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    # A merged idea keeps its text and its votes; it is shown under, and counted for, the idea it joined.
    merged_into_id: Mapped[Optional[int]] = mapped_column(ForeignKey("ideas.id", ondelete="SET NULL"), nullable=True)
    cluster_id: Mapped[Optional[int]] = mapped_column(ForeignKey("clusters.id", ondelete="SET NULL"), nullable=True,
                                                      index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index("ix_ideas_activity_participant", "activity_id", "participant_id"),)

    @property
    def on_wall(self) -> bool:
        """Shown to the projector and votable: approved, not hidden, not merged into another."""
        return self.approved and not self.hidden and self.merged_into_id is None


class Ballot(Base):
    """One participant's current allocation for one activity; replacing it is one transaction."""

    __tablename__ = "ballots"
    __table_args__ = (UniqueConstraint("activity_id", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    votes: Mapped[list["Vote"]] = relationship(cascade="all, delete-orphan", order_by="Vote.target_id")


class Vote(Base):
    """Points on one item; ``criterion`` names what was scored when an item is scored on several criteria."""

    __tablename__ = "votes"
    __table_args__ = (UniqueConstraint("ballot_id", "target_id", "criterion", name="uq_votes_ballot_target_criterion"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ballot_id: Mapped[int] = mapped_column(ForeignKey("ballots.id", ondelete="CASCADE"))
    target_id: Mapped[int]
    # "" rather than NULL when there is no criterion: NULLs never collide in a unique constraint.
    criterion: Mapped[str] = mapped_column(String(40), default="", server_default="")
    points: Mapped[int]


def ideas_of_activity(activity_id: int) -> Select[tuple[Idea]]:
    return select(Idea).where(Idea.activity_id == activity_id).order_by(Idea.id)

