"""The one place where Socket.IO room names are spelled."""
from __future__ import annotations

from ..services.publisher import Audience


def audience_room(code: str, audience: Audience) -> str:
    return f"{code}:{audience.value}"


def participant_room(public_id: str) -> str:
    """Every connection of one participant (two tabs, a reload) shares this room."""
    return f"participant:{public_id}"
