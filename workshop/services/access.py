"""Moderator secrets and sessions: made here, shown once, stored only as hashes, revocable.

A token (printed by the server for the console, by ``create-event`` for an event and for each of its rooms) is
exchanged for a **session**: a fresh secret kept in the browser's signed cookie and, hashed, in
``moderator_sessions``. Every request looks the session up, so logging out, « revoke all », a new console link
(which revokes the previous console credential) or a revoked credential end it at once — a copied cookie included.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import ModeratorCredential, ModeratorSession, Room
from .context import ServiceContext


def new_token() -> str:
    """192 random bits, URL-safe."""
    return secrets.token_urlsafe(24)


def token_hash(token: str) -> str:
    # Tokens are long random strings, not passwords: one SHA-256 is enough and keeps checks fast.
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class ModeratorAccess:
    """Which events and rooms a moderator may run; ``all_events`` for the laptop owner's console.

    A room credential (a facilitator's link) opens that room's console, live commands and downloads only; an event
    credential opens every room of the event and the event's pages (strategy, event documents).
    """

    all_events: bool = False
    event_ids: frozenset[int] = frozenset()
    label: str = ""  # the credential's label ("console", "event 3"): who did it, in the clustering log
    room_ids: frozenset[int] = frozenset()
    # The events of those rooms: their shared strategy (axes, their order, the workshops side by side) is written
    # by every room's facilitator, so a room's link opens it; not the other rooms' consoles or the event's files.
    strategy_event_ids: frozenset[int] = frozenset()

    def can_moderate_event(self, event_id: int) -> bool:
        return self.all_events or event_id in self.event_ids

    def can_edit_strategy(self, event_id: int) -> bool:
        return self.can_moderate_event(event_id) or event_id in self.strategy_event_ids

    @property
    def strategy_events(self) -> frozenset[int] | None:
        """The events whose strategy one may edit; None: every event."""
        return None if self.all_events else self.event_ids | self.strategy_event_ids

    def can_moderate_room(self, room_id: int, event_id: int) -> bool:
        return self.can_moderate_event(event_id) or room_id in self.room_ids

    def can_moderate(self, room: Room) -> bool:
        return self.can_moderate_room(room.id, room.event_id)

    def merged(self, other: "ModeratorAccess") -> "ModeratorAccess":
        return ModeratorAccess(self.all_events or other.all_events, self.event_ids | other.event_ids,
                               self.label or other.label, self.room_ids | other.room_ids,
                               self.strategy_event_ids | other.strategy_event_ids)

    @property
    def granted(self) -> bool:
        return self.all_events or bool(self.event_ids) or bool(self.room_ids)


NO_ACCESS = ModeratorAccess()
# A browser keeps the clear secrets of its sessions in its cookie (one per token it exchanged), at most this many.
MAX_SESSIONS_PER_BROWSER = 20


def _access_of(credential: ModeratorCredential) -> ModeratorAccess:
    if credential.room_id is not None:
        return ModeratorAccess(room_ids=frozenset({credential.room_id}), label=credential.label,
                               strategy_event_ids=frozenset({credential.event_id}) if credential.event_id else frozenset())
    if credential.event_id is None:
        return ModeratorAccess(all_events=True, label=credential.label)
    return ModeratorAccess(event_ids=frozenset({credential.event_id}), label=credential.label)


def issue_credential(session: Session, *, event_id: int | None, label: str, room_id: int | None = None) -> str:
    """Create a credential inside the caller's transaction and return its clear token (shown once)."""
    token = new_token()
    session.add(ModeratorCredential(token_hash=token_hash(token), event_id=event_id, room_id=room_id, label=label))
    return token


def issue_console_token(ctx: ServiceContext) -> str:
    """A fresh all-events token for the person starting the server; the previous one, and every browser session
    opened with it, stop working."""
    with ctx.db.write() as session:
        for credential in session.scalars(
            select(ModeratorCredential).where(ModeratorCredential.label == "console", ModeratorCredential.revoked.is_(False))
        ):
            credential.revoked = True
        return issue_credential(session, event_id=None, label="console")


def access_for_token(ctx: ServiceContext, token: object) -> ModeratorAccess:
    """What a presented token opens; NO_ACCESS when it is unknown, revoked or not a string."""
    if not isinstance(token, str) or not 16 <= len(token) <= 128:
        return NO_ACCESS
    with ctx.db.read() as session:
        credential = session.scalar(select(ModeratorCredential).where(ModeratorCredential.token_hash == token_hash(token)))
        # Looked up by its hash, so a match is already an equal hash: no timing-sensitive comparison is left to make.
        if credential is None or credential.revoked:
            return NO_ACCESS
        return _access_of(credential)


def open_session(ctx: ServiceContext, token: object) -> tuple[str, ModeratorAccess] | None:
    """Exchange a moderator token for a new session: its clear secret (for the cookie) and what it opens."""
    if not isinstance(token, str) or not 16 <= len(token) <= 128:
        return None
    secret = new_token()
    with ctx.db.write() as session:
        credential = session.scalar(select(ModeratorCredential).where(
            ModeratorCredential.token_hash == token_hash(token), ModeratorCredential.revoked.is_(False)))
        if credential is None:
            return None
        session.add(ModeratorSession(secret_hash=token_hash(secret), credential_id=credential.id,
                                     created_at=ctx.clock()))
        return secret, _access_of(credential)


def grant_event_session(ctx: ServiceContext, event_id: int, label: str) -> str:
    """A new credential for one event and a session on it (an event moderator who declines their event into a new
    one moderates the new one too); returns the session's clear secret."""
    secret = new_token()
    with ctx.db.write() as session:
        credential = ModeratorCredential(token_hash=token_hash(new_token()), event_id=event_id, label=label[:100])
        session.add(credential)
        session.flush()
        session.add(ModeratorSession(secret_hash=token_hash(secret), credential_id=credential.id,
                                     created_at=ctx.clock()))
    return secret


def _live_sessions(session: Session, secrets_: list[object]) -> list[tuple[ModeratorSession, ModeratorCredential]]:
    hashes = [token_hash(secret) for secret in secrets_ if isinstance(secret, str)][:MAX_SESSIONS_PER_BROWSER]
    if not hashes:
        return []
    return [(row, credential) for row, credential in session.execute(
        select(ModeratorSession, ModeratorCredential).join(ModeratorCredential)
        .where(ModeratorSession.secret_hash.in_(hashes), ModeratorSession.revoked.is_(False),
               ModeratorCredential.revoked.is_(False)))]


def access_for_sessions(ctx: ServiceContext, secrets_: object) -> ModeratorAccess:
    """What the sessions named in a browser's cookie still open (revoked ones open nothing)."""
    if not isinstance(secrets_, list):
        return NO_ACCESS
    with ctx.db.read() as session:
        access = NO_ACCESS
        for _row, credential in _live_sessions(session, secrets_):
            access = access.merged(_access_of(credential))
        return access


def end_sessions(ctx: ServiceContext, secrets_: object) -> None:
    """Log out: the sessions named in this browser's cookie stop working, wherever the cookie was copied."""
    if not isinstance(secrets_, list):
        return
    with ctx.db.write() as session:
        for row, _credential in _live_sessions(session, secrets_):
            row.revoked = True


def revoke_all_sessions(ctx: ServiceContext, *, keep: object = None) -> int:
    """« Revoke all »: every moderator session ends except the caller's own (``keep``: its cookie's secrets)."""
    kept = {token_hash(secret) for secret in keep if isinstance(secret, str)} if isinstance(keep, list) else set()
    ended = 0
    with ctx.db.write() as session:
        for row in session.scalars(select(ModeratorSession).where(ModeratorSession.revoked.is_(False))):
            if row.secret_hash not in kept:
                row.revoked = True
                ended += 1
    return ended
