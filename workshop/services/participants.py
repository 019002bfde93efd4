"""Phones joining a room: no account, an opaque identity kept in the phone, optional profile."""
from __future__ import annotations

from collections.abc import Callable

import secrets
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import DomainError
from ..domain.profiles import ORGANISATION_TAG, checked_profile
from ..models import Organisation, Participant, Room
from .access import new_token, token_hash
from .context import ServiceContext
from . import hot_path, hot_path_pg
from .operations import run_once, write
from .publisher import Published
from .views import participant_view


@dataclass(frozen=True)
class Joined:
    participant_id: int
    public_id: str
    room_id: int
    room_code: str
    token: str
    new: bool = False  # made by this join: no ideas, no ballots, no profile yet
    # PostgreSQL: what ``state.participant_state`` reads, read with the returning phone's lookup (one round trip for
    # a reconnection); taken by the connection's first state, never used again.
    read_ahead: list[Any] = field(default_factory=list, compare=False, repr=False)


def join_room(ctx: ServiceContext, *, code: object, token: object,
              admit_new: Callable[[], None] | None = None) -> Joined:
    """Recognise a returning phone by its token, or welcome a new one with a fresh token.

    ``admit_new`` is asked first before a new participant is made (it raises to refuse: too many new identities).
    """
    if isinstance(token, str) and 16 <= len(token) <= 128:
        room = hot_path_pg.known_room(ctx.db.engine, code)
        if room is not None and ctx.writer is not None:  # a PostgreSQL server: its state's reads come along
            with ctx.db.read() as session:
                raw = hot_path_pg.driver(session.connection())
                known, ahead = hot_path_pg.returning_phone(raw, token_hash(token), room[1], room[0])
            if known is not None:
                return Joined(*known, token, read_ahead=[ahead])
        with ctx.db.read() as session:
            known = hot_path.returning_participant(session.connection(), code, token_hash(token))
        if known is not None:
            return Joined(*known, token)
    if admit_new is not None:
        admit_new()
    fresh = new_token()

    def welcome(session: Session) -> Joined:
        db = hot_path.connection(session)
        room_id, room_code, _event_id = hot_path.room_identity(db, code)
        public_id = "p_" + secrets.token_hex(6)
        participant_id = hot_path.add_participant(db, room_id=room_id, public_id=public_id,
                                                  token_hash=token_hash(fresh), created_at=ctx.clock())
        if ctx.writer is not None:  # a new identity has no journal: its first command reads none
            ctx.writer.recent.first_seen(public_id)
        return Joined(participant_id, public_id, room_id, room_code, fresh, new=True)

    return write(ctx, welcome, core_only=True)  # a QR-code rush commits its new participants together


def event_organisations(session: Session, room_id: int) -> dict[str, str]:
    """The organisations of the room's event, slug → name, in the event's order (a profile names one of them)."""
    event_id = select(Room.event_id).where(Room.id == room_id).scalar_subquery()
    return {organisation.slug: organisation.name for organisation in session.scalars(
        select(Organisation).where(Organisation.event_id == event_id)
        .order_by(Organisation.position, Organisation.id))}


def update_profile(ctx: ServiceContext, joined: Joined, *, pseudonym: object, tags: object,
                   op_id: object) -> dict[str, Any]:
    """Set or clear the optional pseudonym and profile tags; nothing else about a person is stored."""
    # The shape, before any database work; the organisation is checked against the event's list in the transaction.
    checked_profile(pseudonym, {key: value for key, value in tags.items() if key != ORGANISATION_TAG}
                    if isinstance(tags, dict) else tags)

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        participant = session.get(Participant, joined.participant_id)
        if participant is None:
            raise DomainError("unknown_participant")
        clean_pseudonym, clean_tags = checked_profile(pseudonym, tags, event_organisations(session, joined.room_id))
        participant.pseudonym = clean_pseudonym
        participant.tags = clean_tags
        return {"ok": True, "participant": participant_view(participant)}, []

    return run_once(ctx, op_id=op_id, actor=joined.public_id, kind="update_profile", room_id=joined.room_id,
                    work=work)
