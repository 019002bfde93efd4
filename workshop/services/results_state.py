"""An activity's results input kept in the process and updated from each committed ballot or idea (SQLite, one
server process).

The live screens get an activity's results every 250 ms while it runs; reading its thousand ballots (or ideas)
again each time was the largest cost of a burst after the commands themselves. Here the input of ``results``
(items, ballots in the order of their rows and each one's participant, ideas) is read once and then follows the
hot path: each committed ballot replaces its participant's entry (``room_cache.ballot_committed``, run after the
COMMIT), exactly as the ballot replaced its rows; each committed idea is added under its id
(``room_cache.idea_committed``; ideas are listed by id, as read). Any other change (an idea hidden, the activity edited or closed, a ballot removed by anything
but the hot path) moves the room cache's generation, and the input is read again. ``results`` then runs on the
same values ``state.compute_results`` would have read (tests/services/test_results_state.py compares the two).

Only activities whose results read nothing else are kept: not a type that reads records of its own
(questionnaire) nor one that reads a linked activity's ballots (a post-test); those are computed as before.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ..activities import IdeaView, ResultInput, activity_type
from ..domain.ballots import Allocation
from ..domain.prioritization import MIN_GROUP_SIZE
from ..models import Activity
from . import room_cache
from .state import result_input_and_owners, results_failed, room_people


class ResultsState:
    """One activity's results input: everything but the ballots as read, the ballots as committed since."""

    def __init__(self, activity: Activity, stamp: Any, data: ResultInput, owners: list[int],
                 people: dict[int, tuple[str, dict[str, Any] | None]]) -> None:
        self.activity_id, self.type, self.config, self.room_id = activity.id, activity.type, activity.config, activity.room_id
        self.stamp = stamp
        self.data = data
        self.ballots: dict[int, list[Allocation]] = dict(zip(owners, (list(ballot) for ballot in data.ballots)))
        self.people = people
        self.unknown_people = any(owner not in people for owner in owners)  # read again at the first results
        self.ideas: dict[int, IdeaView] = {idea.id: idea for idea in data.ideas}
        self.listed_ideas: list[IdeaView] | None = list(data.ideas)
        self.counts_ideas = activity_type(activity.type).input_kind == "idea"

    @property
    def received(self) -> int:
        """What ``state.received_count`` counts: ideas given, or ballots cast."""
        return len(self.ideas) if self.counts_ideas else len(self.ballots)

    def add_idea(self, idea: IdeaView) -> None:
        """A committed idea (again, if it was read with the input: the same entry)."""
        self.ideas[idea.id] = idea
        self.listed_ideas = None

    def replace_ballot(self, participant_id: int, allocations: list[Allocation]) -> None:
        """A committed ballot: the participant's entry becomes it (a first ballot goes last, as its row does)."""
        kept, _left_out = activity_type(self.type).stored_ballot(
            self.config, sorted(allocations, key=lambda allocation: (allocation.target_id, allocation.criterion)))
        self.ballots[participant_id] = kept
        if participant_id not in self.people:
            self.unknown_people = True

    def results(self, session: Session) -> dict[str, Any]:
        if self.unknown_people:  # someone who joined since: their public id and tags, read once for all of them
            self.people = kept_people(session, self.room_id, fresh=True)
            self.unknown_people = False
        owners = list(self.ballots)
        if self.listed_ideas is None:
            self.listed_ideas = sorted(self.ideas.values(), key=lambda idea: idea.id)
        data = ResultInput(
            ideas=self.listed_ideas, targets=self.data.targets, ballots=list(self.ballots.values()),
            clusters=self.data.clusters,
            ballot_tags=[dict(self.people.get(owner, (None, None))[1] or {}) for owner in owners],
            ballot_keys=[self.people.get(owner, ("", None))[0] for owner in owners], linked=None,
            min_group_size=self.data.min_group_size or MIN_GROUP_SIZE)
        return activity_type(self.type).results(self.config, data)


def kept(activity: Activity) -> bool:
    """Whether an activity's results input can follow its ballots alone."""
    kind = activity_type(activity.type)
    return not kind.reads_records and kind.linked_activity_id(activity.config) is None


def results_state(session: Session, activity: Activity) -> ResultsState | None:
    """The activity's kept input, read again if anything but its ballots changed; None where none is kept."""
    cache = room_cache.cache_of(session.connection())
    if cache is None or not kept(activity):
        return None
    kind = activity_type(activity.type)
    source_id = kind.source_activity_id(activity.config)
    # Its own new ideas reach it as committed (``add_idea``); its source's move its items: read again.
    stamp = (cache.generation, cache.ideas_added.get(source_id, 0) if source_id is not None else 0)
    state = cache.results.get(activity.id)
    if state is not None and state.stamp == stamp:
        return state
    people = kept_people(session, activity.room_id)
    data, owners = result_input_and_owners(session, activity, people)
    state = ResultsState(activity, stamp, data, owners, people)
    cache.results[activity.id] = state
    return state


def kept_people(session: Session, room_id: int, *, fresh: bool = False) -> dict[int, tuple[str, dict[str, Any] | None]]:
    """``state.room_people``, kept while the participants stay as they are (``room_cache.participants_version``): a
    thousand rows and their tags were half of reading an activity's input again, which each new activity and each
    change of phase cause. ``fresh``: read now whatever the version says (a ballot came from someone not in the
    kept people: whatever the reason, the database has them), and keep that."""
    cache = room_cache.cache_of(session.connection())
    if cache is None:
        return room_people(session, room_id)
    key = ("room_people", room_id)
    if fresh:
        cache.values.pop(key, None)
    return cache.get(key, cache.participants_version, lambda: room_people(session, room_id))  # type: ignore[no-any-return]


def live_results(session: Session, activity: Activity) -> tuple[dict[str, Any], int] | None:
    """(results, ballots received) from the kept input; None where none is kept (compute from the database)."""
    try:
        state = results_state(session, activity)
        if state is None:
            return None
        return state.results(session), state.received
    except Exception as error:  # noqa: BLE001 — as compute_results: one activity's results never take the room down
        cache = room_cache.cache_of(session.connection())
        if cache is not None:
            cache.results.pop(activity.id, None)
        return results_failed(activity, error), 0
