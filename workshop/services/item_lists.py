"""A vote's item list as phones get it: named by a version in the activity, fetched once per version over HTTP.

Sent inside every ``activity_changed`` and ``room_state``, a 5,000-idea list went to 5,000 phones at each phase
change (about N² bytes: minutes at 5,000 phones). Phones now receive the list's version only, and fetch the list
itself (``web/pages.py``: ``/p/<code>/activities/<id>/items/<version>``) when they do not hold that version. The
version is a digest of the list's JSON, so it is the same in every process and after a restart, and a browser may
cache the answer for good. The JSON and its gzip are built once per (activity, version) per process and served to
every phone as they are.
"""
from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy.orm import Session

from ..domain.errors import DomainError
from ..domain.phases import Phase
from ..models import Activity
from . import room_cache
from .items import target_list

_KEPT = 256  # activities whose current list is kept per database (one entry each: an old version is refused)


@dataclass(eq=False)
class ItemList:
    """One version of an activity's item list; its bytes are made at the first phone's request, then reused."""

    activity_id: int
    version: str
    items: list[dict[str, Any]]  # the list object ``target_list`` gave (kept: its identity says it is unchanged)

    @cached_property
    def body(self) -> bytes:
        """The answer: ``{"activity_id", "targets_version", "targets"}`` as JSON."""
        return json.dumps({"activity_id": self.activity_id, "targets_version": self.version, "targets": self.items},
                          separators=(",", ":"), ensure_ascii=False).encode()

    @cached_property
    def gzipped(self) -> bytes:
        return gzip.compress(self.body, compresslevel=6, mtime=0)


def list_version(items: list[dict[str, Any]]) -> str:
    """A name for a list of items that changes whenever any of them does (their JSON's digest)."""
    text = json.dumps(items, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def current_list(session: Session, activity: Activity) -> ItemList:
    """The activity's item list as it is now, with its version; digested and encoded once while it is unchanged."""
    items = target_list(session, activity)
    cache: dict[int, ItemList] = session.info.setdefault("item_lists", {})
    kept = cache.get(activity.id)
    if kept is not None and (kept.items is items or kept.items == items):
        return kept
    made = ItemList(activity.id, list_version(items), items)
    if kept is None and len(cache) >= _KEPT:
        cache.pop(next(iter(cache)))
    cache[activity.id] = made
    return made


def phone_list(session: Session, room_id: int, activity_id: int, version: str) -> ItemList:
    """The list a phone asks for: only of an activity the room's phones see (not a draft), only its current version.

    ``unknown_activity`` for a draft as for a missing one (a draft's existence is the moderator's business);
    ``item_list_changed`` with ``current_version`` when the list has changed since the phone was told (an idea
    hidden or added): the phone fetches that one instead. Old versions are never served: a hidden idea stays hidden.
    A SQLite server answers from its room cache while nothing was written (``room_cache``: every phone of a vote asks
    within seconds, and the votable set's fingerprint is an aggregate over every idea); PostgreSQL reads it each time.
    """
    cache = room_cache.cache_of(session.connection())
    if cache is None:
        found = _for_phones(session, activity_id)
    else:
        found = cache.get(("phone_item_list", activity_id), (cache.generation, cache.ideas_added_total),
                          lambda: _for_phones(session, activity_id))
    if found is None or found[0] != room_id:
        raise DomainError("unknown_activity", activity_id=activity_id)
    if found[1].version != version:
        raise DomainError("item_list_changed", current_version=found[1].version)
    return found[1]


def _for_phones(session: Session, activity_id: int) -> tuple[int, ItemList] | None:
    """(room id, current list) of an activity phones see, or None."""
    activity = session.get(Activity, activity_id)
    if activity is None or activity.current_phase is Phase.DRAFT or "target" not in activity.config:
        return None
    return activity.room_id, current_list(session, activity)
