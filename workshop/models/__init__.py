"""Typed SQLAlchemy models, one module per aggregate."""
from .activities import Activity
from .barometer import (BarometerComment, BarometerDraft, BarometerEdition, BarometerLegalScore,
                        BarometerPolicyEvent, BarometerResponse)
from .base import Base, utcnow
from .clusters import Cluster, ClusteringAction
from .contributions import Ballot, Idea, Vote
from .events import Event, ModeratorCredential, Room
from .export_jobs import ExportJob
from .operations import Operation
from .participants import Participant
from .strategy import Axis, Strategy

__all__ = ["Activity", "Axis", "BarometerComment", "BarometerDraft", "BarometerEdition", "BarometerLegalScore",
           "BarometerPolicyEvent", "BarometerResponse", "Ballot", "Base", "Cluster", "ClusteringAction", "Event", "ExportJob", "Idea", "ModeratorCredential", "Operation", "Participant",
           "Room", "Strategy", "Vote", "utcnow"]
