"""Activity types, one module each; importing this package registers them all."""
from . import brainstorm, dot_voting, poll, scale, word_cloud  # noqa: F401  (registration side effect)
from .base import REGISTRY, ActivityType, ClusterView, ConfigContext, IdeaView, ResultInput, activity_type

__all__ = ["REGISTRY", "ActivityType", "ClusterView", "ConfigContext", "IdeaView", "ResultInput", "activity_type"]
