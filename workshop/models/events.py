"""An event (a meeting), its rooms and the secrets that open the moderator console."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Optional

from sqlalchemy import Boolean, ForeignKey, String, select, Select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow

if TYPE_CHECKING:
    from .activities import Activity


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    # "national" (builds an SNI) or "regional" (declines an SNI into an SRI).
    scope: Mapped[str] = mapped_column(String(20), default="national", server_default="national")
    template: Mapped[Optional[str]] = mapped_column(String(40), nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    rooms: Mapped[list["Room"]] = relationship(back_populates="event", order_by="Room.position")


class Room(Base):
    __tablename__ = "rooms"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(6), unique=True)
    position: Mapped[int] = mapped_column(default=0)
    # plenary or workshop: the national view compares the workshop rooms side by side.
    kind: Mapped[str] = mapped_column(String(20), default="workshop", server_default="workshop")
    premoderation: Mapped[bool] = mapped_column(Boolean, default=False)
    # The name in other languages (domain/multilingual.py): {"ar": {"name": "…"}, "en": {…}}.
    versions: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default="{}")
    # How many people the moderator expects in the room: the console shows phones connected against it.
    expected_count: Mapped[Optional[int]] = mapped_column(nullable=True)
    current_activity_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("activities.id", use_alter=True, ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    event: Mapped[Event] = relationship(back_populates="rooms")
    activities: Mapped[list["Activity"]] = relationship(
        back_populates="room", order_by="Activity.position", foreign_keys="Activity.room_id"
    )


class ModeratorCredential(Base):
    """A hashed secret; ``event_id`` NULL opens every event (the laptop owner's console)."""

    __tablename__ = "moderator_credentials"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    event_id: Mapped[Optional[int]] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), nullable=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


def room_by_code(code: str) -> Select[tuple[Room]]:
    return select(Room).where(Room.code == code)
