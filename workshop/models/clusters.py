"""Clusters: the moderator's grouping of one activity's ideas, and the log that makes every change undoable."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import Boolean, ForeignKey, String, Select, select
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class Cluster(Base):
    __tablename__ = "clusters"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(default=0)
    # Removed clusters stay as rows so that undoing a merge or a deletion can bring them back.
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ClusteringAction(Base):
    """Who did what to the clusters, when, and the state before and after (for undo)."""

    __tablename__ = "clustering_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The board the action belongs to; None for an axe changed on the strategy page that came from no board.
    activity_id: Mapped[Optional[int]] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"), index=True,
                                                       nullable=True)
    # Set when the action changed axes: the strategy page's undo looks here.
    strategy_id: Mapped[Optional[int]] = mapped_column(ForeignKey("strategies.id", ondelete="CASCADE"), index=True,
                                                       nullable=True)
    actor: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(40))
    before: Mapped[dict[str, Any]] = mapped_column(default=dict)
    after: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    undone: Mapped[bool] = mapped_column(Boolean, default=False)
    undone_by: Mapped[Optional[str]] = mapped_column(String(100), nullable=True)


def clusters_of_activity(activity_id: int) -> Select[tuple[Cluster]]:
    return (select(Cluster).where(Cluster.activity_id == activity_id, Cluster.removed.is_(False))
            .order_by(Cluster.position, Cluster.id))
