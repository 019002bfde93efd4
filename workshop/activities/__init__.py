"""Activity types, one module each; importing this package registers them all."""
from . import (brainstorm, criteria_scoring, dot_voting, matrix, points_100, poll, ranking,  # noqa: F401
               scale, survey, word_cloud)  # registration side effect
from .base import REGISTRY, ActivityType, ClusterView, ConfigContext, IdeaView, ResultInput, activity_type

__all__ = ["REGISTRY", "ActivityType", "ClusterView", "ConfigContext", "IdeaView", "ResultInput", "activity_type"]
