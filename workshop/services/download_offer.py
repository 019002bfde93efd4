"""Which downloads apply to a room and its event, so the download page offers only those.

The same conditions as the builders' refusals (services/files.py ``_check_document``), read cheaply: a policy
paper needs an SNI and a position paper an SRI, the consolidated minutes something recorded in the event's rooms,
a word-cloud image a word cloud with answers.
"""
from __future__ import annotations

from sqlalchemy import func, select

from ..exports.catalogue import EVENT_DOWNLOADS, ROOM_DOWNLOADS
from ..models import Activity, Room, Strategy
from .context import ServiceContext
from .events import find_room
from .files import room_has_word_cloud

def offered_downloads(ctx: ServiceContext, code: str) -> tuple[list[str], list[str]]:
    """The keys of the room's and of its event's downloads that can be made now."""
    with ctx.db.read() as session:
        room = find_room(session, code)
        strategy_kind = session.scalar(select(Strategy.kind).where(Strategy.event_id == room.event_id))
        # The consolidated minutes need something recorded in a room of the event (one workshop and the plenary
        # will do: the document says what is missing), as the builder checks.
        recorded = session.scalar(select(func.count()).select_from(Activity).join(Room, Room.id == Activity.room_id)
                                  .where(Room.event_id == room.event_id)) > 0
    # The export refuses an image of a word cloud by the same rule: one door for « this room has a word cloud ».
    has_cloud = room_has_word_cloud(ctx, code)
    room_keys = [download.key for download in ROOM_DOWNLOADS if has_cloud or not download.needs_word_cloud]
    event_keys = [download.key for download in EVENT_DOWNLOADS
                  if (not download.strategy or download.strategy == strategy_kind)
                  and (not download.needs_workshops or recorded)]
    return room_keys, event_keys
