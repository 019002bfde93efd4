"""Activity types, one module each; importing this package registers them all."""
from . import (brainstorm, criteria_scoring, dot_voting, matrix, points_100, poll, ranking,  # noqa: F401
               questionnaire, quiz, scale, survey, word_cloud)  # registration side effect
from .base import (REGISTRY, ActivityType, ClusterView, ConfigContext, ConfigField, IdeaView, LinkedInput,
                   ResultInput, activity_type)
from ..domain.vocabulary import merged_labels


def type_labels() -> dict[str, str]:
    """Every registered type's name (``type_<name>``) and texts; two types declaring one key is an error."""
    return merged_labels(*(kind.all_labels() for kind in REGISTRY.values()))  # type: ignore[return-value]


__all__ = ["REGISTRY", "ActivityType", "ClusterView", "ConfigContext", "ConfigField", "IdeaView", "LinkedInput",
           "ResultInput", "activity_type", "type_labels"]
