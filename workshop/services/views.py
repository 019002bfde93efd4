"""The JSON shapes of rows as each audience sees them (docs/events.md describes them)."""
from __future__ import annotations

from typing import Any

from ..activities import IdeaView, activity_type
from ..domain.phases import results_visible
from ..models import Activity, Idea, Participant


def activity_view(activity: Activity) -> dict[str, Any]:
    return {
        "id": activity.id,
        "type": activity.type,
        "prompt": activity.prompt,
        "phase": activity.phase,
        "position": activity.position,
        "config": activity_type(activity.type).public_config(activity.config),
        "results_visible": results_visible(activity.current_phase, bool(activity.config.get("live_results"))),
    }


def idea_view(idea: Idea, *, participant_public_id: str | None, for_moderator: bool) -> dict[str, Any]:
    """Moderators see everything; screens and participants never see who wrote what."""
    view: dict[str, Any] = {
        "id": idea.id,
        "activity_id": idea.activity_id,
        "text": idea.text,
        "merged_into": idea.merged_into_id,
        "created_at": idea.created_at.isoformat() + "Z",
    }
    if for_moderator:
        view |= {"hidden": idea.hidden, "approved": idea.approved, "participant": participant_public_id}
    return view


def participant_view(participant: Participant) -> dict[str, Any]:
    return {"id": participant.public_id, "pseudonym": participant.pseudonym, "tags": dict(participant.tags)}


def plain_idea(idea: Idea, participant_key: str | None = None) -> IdeaView:
    return IdeaView(id=idea.id, text=idea.text, approved=idea.approved, hidden=idea.hidden,
                    merged_into_id=idea.merged_into_id, participant_key=participant_key, cluster_id=idea.cluster_id)
