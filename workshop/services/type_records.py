"""The loaders of the types that keep their input in tables of their own (``ActivityType.reads_records``)."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ..models import Activity


def type_records(session: Session, activity: Activity) -> dict[str, Any]:
    from .capacities import activity_records  # the questionnaire's responses (services/capacities.py)

    loaders = {"questionnaire": activity_records}
    return loaders[activity.type](session, activity) if activity.type in loaders else {}
