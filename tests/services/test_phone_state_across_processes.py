"""A phone's room_state from one process shows what another process changed in the room.

On PostgreSQL each server process keeps the part of ``room_state`` every phone of a room receives alike, under a
stamp of the room read with the phone's own rows (services/hot_path_pg.py ``ROOM_STAMP``). Two processes are two
databases objects on the same database here: what the second changes, the first must show at the next connection.
"""
import json
from dataclasses import replace

import pytest

from workshop.db import Database
from workshop.services import agenda, contributions, item_lists, moderation
from workshop.services.organisations import add_organisation
from workshop.services.publisher import PreEncoded
from workshop.services.state import participant_state
from workshop.services.writer import GroupCommitWriter

from .helpers import make_room, op


def decoded(value):  # type: ignore[no-untyped-def]
    return json.loads(value) if isinstance(value, PreEncoded) else value


def test_a_phone_sees_what_another_process_changed_in_its_room(ctx, database, settings) -> None:
    if database.url.get_backend_name() != "postgresql":
        pytest.skip("SQLite: one server process owns the file (services/room_cache.py)")
    ctx = replace(ctx, writer=GroupCommitWriter(database))  # a server process: it keeps what it may
    other_db = Database(settings.database_url)
    # another server process: its own engine, its own writer, its own kept values
    other = replace(ctx, db=other_db, writer=GroupCommitWriter(other_db))
    try:
        room = make_room(ctx)
        brainstorm = room.activity("brainstorm")
        author = room.participant()
        kept, hidden = (contributions.submit_idea(ctx, author, activity_id=brainstorm, text=text, op_id=op())["idea_id"]
                        for text in ("Gardée", "Cachée"))
        agenda.set_phase(ctx, room_id=room.room_id, activity_id=brainstorm, phase="closed")
        vote = room.activity("dot_voting", config={"source_activity_id": brainstorm})
        phone = room.participant()

        def vote_seen():  # type: ignore[no-untyped-def]
            state = participant_state(ctx, phone)
            return next(view for view in decoded(state["activities"]) if view["id"] == vote), state

        def list_of(view):  # type: ignore[no-untyped-def]
            # phones get the version of the vote's list, and fetch the list by it (services/item_lists.py)
            assert "targets" not in view
            with ctx.db.read() as session:
                found = item_lists.phone_list(session, room.room_id, vote, view["targets_version"])
            return [item["id"] for item in found.items]

        first, state = vote_seen()
        assert list_of(first) == [kept, hidden] and first["phase"] == "open"
        # nothing changed: the kept part, not a new one
        assert participant_state(ctx, phone)["activities"] is state["activities"]

        moderation.hide_idea(other, room_id=room.room_id, idea_id=hidden)
        after_hide, _ = vote_seen()
        assert after_hide["targets_version"] != first["targets_version"] and list_of(after_hide) == [kept]

        agenda.set_phase(other, room_id=room.room_id, activity_id=vote, phase="closed")
        after_close, _ = vote_seen()
        assert after_close["phase"] == "closed"

        add_organisation(other, event_id=room.event.event_id, name="Association Tilila")
        assert "Association Tilila" in decoded(participant_state(ctx, phone)["organisation_names"]).values()

        contributions_before = participant_state(ctx, phone)["my_ballots"]
        assert contributions_before == {}
        agenda.set_phase(other, room_id=room.room_id, activity_id=vote, phase="revealed")
        revealed, _ = vote_seen()
        assert revealed["phase"] == "revealed" and "results" in revealed
    finally:
        other_db.dispose()


def test_a_ballot_and_an_idea_in_one_process_see_what_another_process_changed(ctx, database, settings) -> None:
    # On PostgreSQL a command's follow-up reads (the ballot's items, the author's ideas so far) travel with its
    # activity's read, from what the process remembers of the vote's source: still read in the command's transaction.
    from workshop.domain.errors import DomainError

    if database.url.get_backend_name() != "postgresql":
        pytest.skip("SQLite: one server process owns the file (services/room_cache.py)")
    ctx = replace(ctx, writer=GroupCommitWriter(database))
    other_db = Database(settings.database_url)
    other = replace(ctx, db=other_db, writer=GroupCommitWriter(other_db))
    try:
        room = make_room(ctx)
        brainstorm = room.activity("brainstorm", config={"max_per_participant": 2})
        author = room.participant()
        first, second = (contributions.submit_idea(ctx, author, activity_id=brainstorm, text=text, op_id=op())["idea_id"]
                         for text in ("Première", "Deuxième"))
        with pytest.raises(DomainError, match="too_many_ideas"):  # its two ideas counted, one written by `other`
            contributions.submit_idea(other, author, activity_id=brainstorm, text="Troisième", op_id=op())
        agenda.set_phase(ctx, room_id=room.room_id, activity_id=brainstorm, phase="closed")
        vote = room.activity("dot_voting", config={"source_activity_id": brainstorm, "budget": 2, "max_per_item": 1})
        phone = room.participant()

        def ballot(*targets: int) -> dict:  # type: ignore[type-arg]
            return contributions.cast_votes(ctx, phone, activity_id=vote, op_id=op(),
                                            allocations=[{"target_id": target, "points": 1} for target in targets])

        assert ballot(first, second) == {"ok": True}  # the process now remembers the vote's source
        moderation.hide_idea(other, room_id=room.room_id, idea_id=second)
        with pytest.raises(DomainError, match="unknown_target"):
            ballot(first, second)
        assert ballot(first) == {"ok": True}
        agenda.set_phase(other, room_id=room.room_id, activity_id=vote, phase="closed")
        with pytest.raises(DomainError, match="activity_not_open"):
            ballot(first)
    finally:
        other_db.dispose()


def test_a_reconnecting_phone_s_one_read_gives_the_state_of_the_usual_reads(ctx, database) -> None:
    # On a PostgreSQL server the returning phone's lookup also reads its own rows and its room's stamp (one round
    # trip): its state must be the one the separate reads give, and a token of another room finds no one.
    from workshop.services import participants
    from workshop.services.hot_path import join_code_room

    if database.url.get_backend_name() != "postgresql":
        pytest.skip("the read ahead is PostgreSQL's")
    ctx = replace(ctx, writer=GroupCommitWriter(database))
    room, elsewhere = make_room(ctx), make_room(ctx, name="Atelier")
    brainstorm = room.activity("brainstorm")
    poll = room.activity("poll", config={"options": ["a", "b"]})
    phone = room.participant()
    contributions.submit_idea(ctx, phone, activity_id=brainstorm, text="Mon idée", op_id=op())
    contributions.cast_votes(ctx, phone, activity_id=poll, allocations=[{"target_id": 1, "points": 1}], op_id=op())
    join_code_room(database, room.code)  # as the namespace does first: the code's room is then known
    returning = participants.join_room(ctx, code=room.code, token=phone.token)
    assert returning.read_ahead and returning.participant_id == phone.participant_id and not returning.new
    ahead = participant_state(ctx, returning, just_joined=True)
    assert not returning.read_ahead, "the read ahead is taken once"
    usual = participant_state(ctx, returning, just_joined=True)  # nothing read ahead: the usual reads
    for key in ("participant", "my_ideas", "my_ballots", "participant_token", "room", "activities"):
        assert decoded(ahead[key]) == decoded(usual[key]), key
    assert [idea["text"] for idea in ahead["my_ideas"]] == ["Mon idée"]
    assert ahead["my_ballots"] == {str(poll): [{"target_id": 1, "points": 1}]}
    join_code_room(database, elsewhere.code)
    stranger = participants.join_room(ctx, code=elsewhere.code, token=phone.token)
    assert stranger.new and stranger.participant_id != phone.participant_id
