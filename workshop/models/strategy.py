"""Strategies (the SNI of a national event, the SRI of a regional one) and their axes d'influence."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import Boolean, ForeignKey, String, Text, Select, select
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class Strategy(Base):
    __tablename__ = "strategies"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), unique=True)
    kind: Mapped[str] = mapped_column(String(3))  # "sni" or "sri"
    title: Mapped[str] = mapped_column(String(200))
    region: Mapped[Optional[str]] = mapped_column(String(40), nullable=True)
    parent_strategy_id: Mapped[Optional[int]] = mapped_column(ForeignKey("strategies.id", ondelete="SET NULL"),
                                                              nullable=True)
    # What the SRI keeps from the SNI: the vision and the core message (docs/strategy.md).
    vision: Mapped[str] = mapped_column(Text, default="")
    # « Version provisoire 1 », « Version finale »: printed on the cover.
    version_label: Mapped[str] = mapped_column(String(100), default="", server_default="")
    # An SRI may cover several regions (Casablanca-Settat and Rabat-Salé-Kénitra); ``region`` keeps the first.
    regions: Mapped[list[Any]] = mapped_column(default=list)
    # Arabic and English versions of the title and the vision (domain/multilingual.py).
    versions: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Axis(Base):
    """One axe d'influence; ``fields`` holds the editable record described in docs/strategy.md, ``version`` guards concurrent edits."""

    __tablename__ = "axes"

    id: Mapped[int] = mapped_column(primary_key=True)
    strategy_id: Mapped[int] = mapped_column(ForeignKey("strategies.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    theme: Mapped[str] = mapped_column(String(40), default="transversal")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    position: Mapped[int] = mapped_column(default=0)
    parent_axis_id: Mapped[Optional[int]] = mapped_column(ForeignKey("axes.id", ondelete="SET NULL"), nullable=True)
    # SNI axes: None. SRI axes: kept, adapted, dropped (kept for the record) or regional_only.
    disposition: Mapped[Optional[str]] = mapped_column(String(20), nullable=True)
    origin_room_id: Mapped[Optional[int]] = mapped_column(ForeignKey("rooms.id", ondelete="SET NULL"), nullable=True)
    fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    provenance: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The title and record texts in other languages: {"ar": {"title": "…", "problem.central": "…"}, "en": {…}}
    # (domain/multilingual.py; the fields that take one: domain/axes.VERSIONED_FIELDS).
    versions: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default="{}")
    version: Mapped[int] = mapped_column(default=1)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


def axes_of_strategy(strategy_id: int) -> Select[tuple[Axis]]:
    return select(Axis).where(Axis.strategy_id == strategy_id).order_by(Axis.position, Axis.id)
