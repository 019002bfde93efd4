"""An event (a meeting), its rooms and the secrets that open the moderator console."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Optional

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
    current_activity_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("activities.id", use_alter=True, ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    event: Mapped[Event] = relationship(back_populates="rooms")
    activities: Mapped[list["Activity"]] = relationship(
        back_populates="room", order_by="Activity.position", foreign_keys="Activity.room_id"
    )


class ModeratorCredential(Base):
    """A hashed secret; ``event_id`` NULL opens every event (the laptop owner's console); with ``room_id`` it opens
    that one room only (a facilitator's link)."""

    __tablename__ = "moderator_credentials"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    event_id: Mapped[Optional[int]] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), nullable=True)
    room_id: Mapped[Optional[int]] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), nullable=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class ModeratorSession(Base):
    """One browser's moderator session: its secret (hashed) lives in the signed cookie and is checked against this
    row on every request, so logging out, « revoke all » or revoking the credential behind it ends it."""

    __tablename__ = "moderator_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    credential_id: Mapped[int] = mapped_column(ForeignKey("moderator_credentials.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


def room_by_code(code: str) -> Select[tuple[Room]]:
    return select(Room).where(Room.code == code)
