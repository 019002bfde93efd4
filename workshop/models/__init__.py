"""Typed SQLAlchemy models, one module per aggregate."""
from .activities import Activity
from .base import Base, utcnow
from .contributions import Ballot, Idea, Vote
from .events import Event, ModeratorCredential, Room
from .operations import Operation
from .participants import Participant

__all__ = ["Activity", "Ballot", "Base", "Event", "Idea", "ModeratorCredential", "Operation", "Participant",
           "Room", "Vote", "utcnow"]
