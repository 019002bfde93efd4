"""Suggested clusters for the ideas not yet clustered, learning from the clusters the moderator already made."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ..clustering.engine import ExistingCluster, suggest_clusters
from ..clustering.lexicon import THEMES
from ..models import Idea
from ..models.clusters import clusters_of_activity
from .clustering import clusterable_activity
from .context import ServiceContext


def suggest_for_activity(ctx: ServiceContext, *, room_id: int, activity_id: object, language: str = "fr"
                         ) -> list[dict[str, Any]]:
    """Proposals only: nothing is written; the moderator accepts (a logged clustering action), edits or rejects each."""
    with ctx.db.read() as session:
        activity = clusterable_activity(session, room_id, activity_id)
        ideas = [idea for idea in session.scalars(select(Idea).where(Idea.activity_id == activity.id).order_by(Idea.id))
                 if idea.on_wall]
        clusters = list(session.scalars(clusters_of_activity(activity.id)))
        live = {cluster.id for cluster in clusters}
        existing = [ExistingCluster(key=str(cluster.id), label=cluster.label,
                                    member_texts=tuple(idea.text for idea in ideas if idea.cluster_id == cluster.id))
                    for cluster in clusters]
        loose = [idea for idea in ideas if idea.cluster_id not in live]
    suggestions = suggest_clusters([idea.text for idea in loose], existing, language=language)
    return [{"label": suggestion.label, "theme": suggestion.theme,
             "cluster_id": int(suggestion.cluster_key) if suggestion.cluster_key is not None else None,
             "ideas": [{"id": loose[index].id, "text": loose[index].text} for index in suggestion.members]}
            for suggestion in suggestions]


def suggestion_axis_themes() -> dict[str, str]:
    """The axe theme each suggestion theme proposes when its cluster is made an axe (none for cross-cutting ones)."""
    return {theme.key: theme.axis_theme for theme in THEMES if theme.axis_theme}
