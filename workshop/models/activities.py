"""One step of a room's agenda: a brainstorm, a poll, a vote..."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Optional

from sqlalchemy import ForeignKey, String, Text, select, Select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..domain.phases import Phase
from .base import Base, utcnow

if TYPE_CHECKING:
    from .events import Room


class Activity(Base):
    __tablename__ = "activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(40))
    prompt: Mapped[str] = mapped_column(Text)
    config: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The prompt and options in other languages (domain/multilingual.py): {"ar": {"prompt": "…"}, "en": {…}}.
    versions: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default="{}")
    phase: Mapped[str] = mapped_column(String(12), default=Phase.DRAFT.value)
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    phase_changed_at: Mapped[Optional[datetime]] = mapped_column(nullable=True)

    room: Mapped["Room"] = relationship(back_populates="activities", foreign_keys=[room_id])

    @property
    def current_phase(self) -> Phase:
        return Phase(self.phase)


def activities_of_room(room_id: int) -> Select[tuple[Activity]]:
    return select(Activity).where(Activity.room_id == room_id).order_by(Activity.position, Activity.id)
