"""What every use case needs: the database, the publisher, the settings and the clock."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from ..config import Settings
from ..db import Database
from ..models import utcnow
from .publisher import Publisher
from .writer import GroupCommitWriter


@dataclass
class ServiceContext:
    db: Database
    publisher: Publisher
    settings: Settings
    clock: Callable[[], datetime] = field(default=utcnow)
    writer: GroupCommitWriter | None = None  # the server's group commit; None: each write its own transaction
