"""The moderator's decisions on priorities of different rooms that mean the same thing (issue 8 §3)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class PriorityMatch(Base):
    """Two clusters of two rooms: ``confirmed`` (one common priority) or not (split: two distinct ones).

    ``left_cluster_id`` is the smaller id, so a pair is stored once whichever way it was chosen.
    """

    __tablename__ = "priority_matches"
    __table_args__ = (UniqueConstraint("left_cluster_id", "right_cluster_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    left_cluster_id: Mapped[int] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"))
    right_cluster_id: Mapped[int] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"))
    confirmed: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AxisMatch(Base):
    """Two axes drafted in two rooms: ``confirmed`` (one common axe of the meeting) or not (split: two distinct ones).

    ``left_axis_id`` is the smaller id, so a pair is stored once whichever way it was chosen.
    """

    __tablename__ = "axis_matches"
    __table_args__ = (UniqueConstraint("left_axis_id", "right_axis_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    left_axis_id: Mapped[int] = mapped_column(ForeignKey("axes.id", ondelete="CASCADE"))
    right_axis_id: Mapped[int] = mapped_column(ForeignKey("axes.id", ondelete="CASCADE"))
    confirmed: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
