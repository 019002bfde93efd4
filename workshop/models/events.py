"""An event (a meeting), its rooms and the secrets that open the moderator console."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Optional

from sqlalchemy import Boolean, Date, ForeignKey, LargeBinary, String, select, Select
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
    # The meeting's identity, printed on every cover: where and when it met (one day or several), the project.
    place: Mapped[str] = mapped_column(String(200), default="", server_default="")
    first_day: Mapped[Optional[date]] = mapped_column(Date, nullable=True)
    last_day: Mapped[Optional[date]] = mapped_column(Date, nullable=True)
    project_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # Organisers and partners (not the assessed ``organisations`` of the capacities questionnaire):
    # [{"name": "…", "role": "organiser"|"partner", "logo_id": int|None}], in the order the covers show them.
    organised_by: Mapped[list[Any]] = mapped_column(default=list)
    # Arabic and English versions of the title, place and project (domain/multilingual.py).
    versions: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Decisions and next steps typed on the console for the consolidated minutes (one line each).
    decisions: Mapped[list[Any]] = mapped_column(default=list)
    next_steps: Mapped[list[Any]] = mapped_column(default=list)
    rooms: Mapped[list["Room"]] = relationship(back_populates="event", order_by="Room.position")


class EventLogo(Base):
    """A logo image of an organiser or partner (PNG or JPEG, checked on upload), kept apart so events stay light."""

    __tablename__ = "event_logos"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    media_type: Mapped[str] = mapped_column(String(20))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Room(Base):
    __tablename__ = "rooms"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(6), unique=True)
    position: Mapped[int] = mapped_column(default=0)
    # plenary or workshop: the national view compares the workshop rooms side by side.
    kind: Mapped[str] = mapped_column(String(20), default="workshop", server_default="workshop")
    # The question or topic the room works on (« Accès aux papiers et à l'état civil »), printed with its name.
    theme: Mapped[str] = mapped_column(String(300), default="", server_default="")
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
