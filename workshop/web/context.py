"""The service context of the current app."""
from __future__ import annotations

from flask import current_app

from ..services.context import ServiceContext


def services() -> ServiceContext:
    return current_app.extensions["workshop"]  # type: ignore[no-any-return]
