"""Moderator secrets: made here, shown once, stored only as hashes."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import ModeratorCredential, Room
from .context import ServiceContext


def new_token() -> str:
    """192 random bits, URL-safe."""
    return secrets.token_urlsafe(24)


def token_hash(token: str) -> str:
    # Tokens are long random strings, not passwords: one SHA-256 is enough and keeps checks fast.
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class ModeratorAccess:
    """Which events a moderator may run; ``all_events`` for the laptop owner's console."""

    all_events: bool = False
    event_ids: frozenset[int] = frozenset()
    label: str = ""  # the credential's label ("console", "event 3"): who did it, in the clustering log

    def can_moderate_event(self, event_id: int) -> bool:
        return self.all_events or event_id in self.event_ids

    def can_moderate(self, room: Room) -> bool:
        return self.can_moderate_event(room.event_id)

    def merged(self, other: "ModeratorAccess") -> "ModeratorAccess":
        return ModeratorAccess(self.all_events or other.all_events, self.event_ids | other.event_ids,
                               self.label or other.label)

    @property
    def granted(self) -> bool:
        return self.all_events or bool(self.event_ids)


NO_ACCESS = ModeratorAccess()


def access_from_session(granted: object) -> ModeratorAccess:
    """What a browser's session cookie says it was granted (see ``session_record``)."""
    if not isinstance(granted, dict):
        return NO_ACCESS
    return ModeratorAccess(all_events=bool(granted.get("all")), event_ids=frozenset(granted.get("events", [])),
                           label=str(granted.get("label", "")))


def session_record(access: ModeratorAccess) -> dict[str, object]:
    """The JSON-able form of an access kept in the signed session cookie."""
    return {"all": access.all_events, "events": sorted(access.event_ids), "label": access.label}


def issue_credential(session: Session, *, event_id: int | None, label: str) -> str:
    """Create a credential inside the caller's transaction and return its clear token (shown once)."""
    token = new_token()
    session.add(ModeratorCredential(token_hash=token_hash(token), event_id=event_id, label=label))
    return token


def issue_console_token(ctx: ServiceContext) -> str:
    """A fresh all-events token for the person starting the server; the previous one stops working."""
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
    digest = token_hash(token)
    with ctx.db.read() as session:
        credential = session.scalar(select(ModeratorCredential).where(ModeratorCredential.token_hash == digest))
    # Looked up by its hash, so a match is already an equal hash: no timing-sensitive comparison is left to make.
    if credential is None or credential.revoked:
        return NO_ACCESS
    if credential.event_id is None:
        return ModeratorAccess(all_events=True, label=credential.label)
    return ModeratorAccess(event_ids=frozenset({credential.event_id}), label=credential.label)
