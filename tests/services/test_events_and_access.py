import sqlite3
from dataclasses import replace

import pytest

from workshop.domain.codes import JOIN_CODE_ALPHABET
from workshop.domain.errors import DomainError
from workshop.services.access import access_for_token, issue_console_token
from workshop.services.events import create_event, find_room, list_events
from workshop.services.hot_path import join_code_room
from workshop.services.participants import join_room, update_profile
from workshop.services.writer import GroupCommitWriter

from .helpers import make_room, op


def test_create_event_with_rooms_and_codes(ctx) -> None:
    created = create_event(ctx, title=" Rencontre nationale SNI ", room_names=["Plénière", "Atelier santé", "Atelier éducation"])
    assert created.title == "Rencontre nationale SNI"
    assert [name for name, _code in created.rooms] == ["Plénière", "Atelier santé", "Atelier éducation"]
    codes = [code for _name, code in created.rooms]
    assert len(set(codes)) == 3 and all(set(code) <= set(JOIN_CODE_ALPHABET) for code in codes)
    assert list_events(ctx, None)[0]["rooms"][1] == {"name": "Atelier santé", "code": codes[1]}


def test_create_event_refuses_bad_input_and_writes_nothing(ctx) -> None:
    for title, rooms, code in [("", ["a"], "text_empty"), ("T", [], "rooms_required"), ("T", ["x" * 201], "text_too_long")]:
        with pytest.raises(DomainError) as refused:
            create_event(ctx, title=title, room_names=rooms)
        assert refused.value.code == code
    assert list_events(ctx, None) == []


def test_moderator_tokens_are_scoped_and_stored_hashed(ctx) -> None:
    first = create_event(ctx, title="A", room_names=["r"])
    second = create_event(ctx, title="B", room_names=["r"])
    access = access_for_token(ctx, first.moderator_token)
    assert access.can_moderate_event(first.event_id) and not access.can_moderate_event(second.event_id)
    assert not access_for_token(ctx, "x" * 32).granted
    assert not access_for_token(ctx, None).granted
    with ctx.db.read() as session:
        stored = session.execute(__import__("sqlalchemy").text("select token_hash from moderator_credentials")).scalars().all()
    assert first.moderator_token not in stored and len(stored[0]) == 64


def test_console_token_opens_everything_and_replaces_the_previous_one(ctx) -> None:
    event = create_event(ctx, title="A", room_names=["r"])
    old = issue_console_token(ctx)
    new = issue_console_token(ctx)
    assert access_for_token(ctx, new).can_moderate_event(event.event_id)
    assert not access_for_token(ctx, old).granted


def test_find_room_is_lenient_with_typing(ctx) -> None:
    room = make_room(ctx)
    with ctx.db.read() as session:
        assert find_room(session, room.code.lower()[:3] + " " + room.code[3:]).code == room.code
        with pytest.raises(DomainError, match="unknown_room"):
            find_room(session, "ZZZZZZ")


def test_participant_keeps_identity_with_its_token_only_in_its_room(ctx) -> None:
    room, other = make_room(ctx), make_room(ctx, "Atelier")
    first = join_room(ctx, code=room.code, token=None)
    again = join_room(ctx, code=room.code, token=first.token)
    assert (again.participant_id, again.public_id) == (first.participant_id, first.public_id)
    elsewhere = join_room(ctx, code=other.code, token=first.token)
    assert elsewhere.participant_id != first.participant_id
    forged = join_room(ctx, code=room.code, token="not-a-real-token-at-all")
    assert forged.participant_id != first.participant_id


def test_profile_is_optional_and_checked(ctx) -> None:
    room = make_room(ctx)
    joined = room.participant()
    ack = update_profile(ctx, joined, pseudonym="Awa", tags={"organisation_type": "opm"}, op_id=op())
    assert ack["participant"] == {"id": joined.public_id, "pseudonym": "Awa", "tags": {"organisation_type": "opm"}}
    with pytest.raises(DomainError, match="unknown_tag"):
        update_profile(ctx, joined, pseudonym=None, tags={"nationality": "x"}, op_id=op())


def test_a_join_code_unknown_once_is_asked_again(ctx) -> None:
    """The room cache keeps what a join code names, but not that a code names nothing: a room made since by another
    process (the command line) writes nothing this process's cache sees, and must still be found."""
    if not ctx.db.is_sqlite:
        pytest.skip("the room cache is SQLite's (one server process)")
    room = make_room(replace(ctx, writer=GroupCommitWriter(ctx.db)))  # the writer keeps the room cache
    renamed = next(code for code in ("QWERTY", "ZXCVBN") if code != room.code)
    assert join_code_room(ctx.db, room.code)[0] == room.room_id  # known, and kept
    with pytest.raises(DomainError) as refused:
        join_code_room(ctx.db, renamed)
    assert refused.value.code == "unknown_room"
    other_process = sqlite3.connect(ctx.db.engine.url.database)
    with other_process:
        other_process.execute("UPDATE rooms SET code = ? WHERE id = ?", (renamed, room.room_id))
    other_process.close()
    assert join_code_room(ctx.db, renamed)[0] == room.room_id
