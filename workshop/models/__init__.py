"""Typed SQLAlchemy models, one module per aggregate."""
from .activities import Activity
from .barometer import (BarometerComment, BarometerDraft, BarometerEdition, BarometerLegalScore,
                        BarometerPolicyEvent, BarometerResponse)
from .base import Base, utcnow
from .capacities import (CapacityAnswer, CapacityConsensus, CapacityPlanAction, CapacityQuestionnaire,
                         CapacityResponse, Organisation)
from .clusters import Cluster, ClusteringAction
from .contributions import Ballot, Idea, Vote
from .events import Event, EventLogo, ModeratorCredential, ModeratorSession, Room
from .export_jobs import ExportJob
from .matches import AxisMatch, PriorityMatch
from .operations import Operation
from .participants import Participant
from .strategy import Axis, Strategy

__all__ = ["Activity", "Axis", "AxisMatch", "BarometerComment", "BarometerDraft", "BarometerEdition", "BarometerLegalScore",
           "BarometerPolicyEvent", "BarometerResponse", "Ballot", "Base", "CapacityAnswer", "CapacityConsensus",
           "CapacityPlanAction", "CapacityQuestionnaire", "CapacityResponse", "Cluster", "ClusteringAction", "Event",
           "EventLogo", "ExportJob", "Idea", "ModeratorCredential", "ModeratorSession", "Operation", "Organisation", "Participant", "PriorityMatch",
           "Room", "Strategy", "Vote", "utcnow"]
