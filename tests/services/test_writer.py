"""Group commit: jobs queued together share one transaction, each in its own SAVEPOINT, acknowledged after COMMIT."""
import threading
import time
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from workshop.domain.errors import DomainError
from workshop.models import Idea, Operation, Vote
from workshop.services import contributions
from workshop.services.writer import GroupCommitWriter

from .helpers import make_room, op


def count(ctx, model) -> int:  # type: ignore[no-untyped-def]
    query = select(func.count()).select_from(model)
    if model is Operation:
        query = query.where(Operation.actor.like("p_%"))
    with ctx.db.read() as session:
        return session.scalar(query)


def held_batch(writer: GroupCommitWriter, calls: list, timeout: float = 20) -> list[object]:
    """Run ``calls`` (functions) so that all of them land in one batch: a first job holds the writer until they queue."""
    release = threading.Event()
    holding = threading.Event()

    def hold(_session) -> None:  # type: ignore[no-untyped-def]
        holding.set()
        release.wait(timeout)

    outcomes: list[object] = [None] * len(calls)

    def run(index: int) -> None:
        try:
            outcomes[index] = calls[index]()
        except Exception as error:  # noqa: BLE001 (the test inspects it)
            outcomes[index] = error

    holder = threading.Thread(target=writer.execute, args=(hold,))
    holder.start()
    # Wait until the writer runs the holder's job (not a fixed sleep: under load the writer may take longer to
    # pick it up, and the calls would then queue beside it in the same batch).
    assert holding.wait(timeout), "the writer never ran the holding job"
    # One after the other, each once its job is queued: the batch then holds the calls in the order given (started
    # together, a loaded machine could queue them in any order, and a test of "the last ballot wins" would fail).
    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(calls))]
    for queued, thread in enumerate(threads, start=1):
        thread.start()
        deadline = time.monotonic() + timeout
        while writer.pending < queued and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.001)
    deadline = time.monotonic() + timeout
    while writer.pending < len(calls) and time.monotonic() < deadline:
        time.sleep(0.001)
    largest_before = writer.stats.largest
    release.set()
    for thread in [holder, *threads]:
        thread.join(timeout)
    assert writer.stats.largest >= len(calls) > largest_before, "the calls did not share one batch"
    return outcomes


@pytest.fixture
def grouped(ctx):  # type: ignore[no-untyped-def]
    return replace(ctx, writer=GroupCommitWriter(ctx.db))


def test_a_refused_job_rolls_back_alone_and_the_others_of_its_batch_commit(grouped) -> None:
    room = make_room(grouped)
    brainstorm = room.activity("brainstorm", config={"max_per_participant": 1})
    first, second = room.participant(), room.participant()
    outcomes = held_batch(grouped.writer, [
        lambda: contributions.submit_idea(grouped, first, activity_id=brainstorm, text="Une idée", op_id=op()),
        lambda: contributions.submit_idea(grouped, first, activity_id=brainstorm, text="Une de trop", op_id=op()),
        lambda: contributions.submit_idea(grouped, second, activity_id=brainstorm, text="La mienne", op_id=op()),
    ])
    refused = [outcome for outcome in outcomes if isinstance(outcome, DomainError)]
    assert [error.code for error in refused] == ["too_many_ideas"]
    acked = [outcome for outcome in outcomes if isinstance(outcome, dict)]
    assert len(acked) == 2 and all(ack["ok"] for ack in acked)
    with grouped.db.read() as session:
        stored = dict(session.execute(select(Idea.id, Idea.text)).all())
    texts = ["Une idée", "Une de trop", "La mienne"]
    assert sorted(stored.values()) == sorted(text for text, outcome in zip(texts, outcomes)
                                             if not isinstance(outcome, Exception))
    assert {ack["idea_id"] for ack in acked} == set(stored)
    assert count(grouped, Operation) == 2


def test_the_same_op_id_twice_in_one_batch_stores_one_idea_and_both_get_its_ack(grouped) -> None:
    room = make_room(grouped)
    brainstorm = room.activity("brainstorm")
    phone = room.participant()
    op_id = op()
    outcomes = held_batch(grouped.writer, [
        lambda: contributions.submit_idea(grouped, phone, activity_id=brainstorm, text="Une fois", op_id=op_id)
        for _ in range(3)])
    assert all(isinstance(outcome, dict) for outcome in outcomes), outcomes
    assert outcomes[0] == outcomes[1] == outcomes[2]
    assert count(grouped, Idea) == 1 and count(grouped, Operation) == 1


def test_ballots_of_one_phone_in_one_batch_never_exceed_the_budget(grouped) -> None:
    room = make_room(grouped)
    brainstorm = room.activity("brainstorm", config={"max_per_participant": 10})
    author = room.participant()
    ideas = [contributions.submit_idea(grouped, author, activity_id=brainstorm, text=f"Idée {n}", op_id=op())["idea_id"]
             for n in range(3)]
    vote = room.activity("dot_voting", config={"source_activity_id": brainstorm, "budget": 5, "max_per_item": 3})
    phone = room.participant()
    ballots = [[{"target_id": ideas[0], "points": 3}, {"target_id": ideas[1], "points": 2}],
               [{"target_id": ideas[1], "points": 3}, {"target_id": ideas[2], "points": 3}],  # over budget
               [{"target_id": ideas[2], "points": 1}]]
    outcomes = held_batch(grouped.writer, [
        (lambda allocations=allocations: contributions.cast_votes(grouped, phone, activity_id=vote,
                                                                  allocations=allocations, op_id=op()))
        for allocations in ballots])
    assert isinstance(outcomes[1], DomainError) and outcomes[1].code == "over_budget"
    assert outcomes[0] == outcomes[2] == {"ok": True}
    with grouped.db.read() as session:
        stored = sorted(session.execute(select(Vote.target_id, Vote.points)).all())
    assert stored == [(ideas[2], 1)], "the last acknowledged ballot replaced the first"


def test_a_failed_commit_acknowledges_nothing_of_its_batch(grouped) -> None:
    room = make_room(grouped)
    brainstorm = room.activity("brainstorm")
    phone = room.participant()
    with grouped.db.read() as session:
        before = session.scalar(select(func.count()).select_from(Idea))

    def poison(session):  # type: ignore[no-untyped-def]
        # A deferred failure: the row is valid when flushed, the transaction is then closed under the writer.
        session.connection().invalidate()

    outcomes = held_batch(grouped.writer, [
        lambda: contributions.submit_idea(grouped, phone, activity_id=brainstorm, text="Perdue", op_id=op()),
        lambda: grouped.writer.execute(poison)])
    assert isinstance(outcomes[0], Exception), "an idea was acknowledged though its batch did not commit"
    with grouped.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Idea)) == before


def test_the_rate_limit_counts_in_memory_and_survives_a_restart_of_the_writer(grouped) -> None:
    limited = replace(grouped, settings=replace(grouped.settings, rate_limit_count=3, rate_limit_seconds=600))
    room = make_room(limited)
    brainstorm = room.activity("brainstorm", config={"max_per_participant": 50})
    phone, neighbour = room.participant(), room.participant()
    for n in range(3):
        contributions.submit_idea(limited, phone, activity_id=brainstorm, text=f"idée {n}", op_id=op())
    with pytest.raises(DomainError, match="rate_limited"):
        contributions.submit_idea(limited, phone, activity_id=brainstorm, text="encore", op_id=op())
    restarted = replace(limited, writer=GroupCommitWriter(limited.db))  # a new process: its memory starts empty
    with pytest.raises(DomainError, match="rate_limited"):
        contributions.submit_idea(restarted, phone, activity_id=brainstorm, text="après redémarrage", op_id=op())
    contributions.submit_idea(restarted, neighbour, activity_id=brainstorm, text="à moi", op_id=op())
    assert count(grouped, Idea) == 4


def test_a_job_sees_its_own_deferred_writes_through_sqlalchemy_and_a_refusal_after_them_undoes_them(grouped) -> None:
    # On PostgreSQL the hot path's writes wait to travel with the job's next read (services/hot_path_pg.py): a read
    # through SQLAlchemy in the same job must come after them, and a job refused after them must leave none.
    from workshop.models.base import utcnow
    from workshop.services import hot_path

    room = make_room(grouped)
    phone = room.participant()
    kept, undone = op(), op()

    def journal(op_id: str, refuse: bool):  # type: ignore[no-untyped-def]
        def job(session):  # type: ignore[no-untyped-def]
            hot_path.record(hot_path.connection(session), op_id=op_id, actor=phone.public_id, kind="test",
                            room_id=room.room_id, response={"ok": True, "op": op_id}, created_at=utcnow())
            seen = session.scalar(select(func.count()).select_from(Operation).where(Operation.op_id == op_id))
            if refuse:
                raise DomainError("refused_here")
            return seen
        return lambda: grouped.writer.execute(job, core_only=True)

    outcomes = held_batch(grouped.writer, [journal(kept, False), journal(undone, True)])
    assert outcomes[0] == 1, "the job's own journal entry was not visible to its SQLAlchemy read"
    assert isinstance(outcomes[1], DomainError) and outcomes[1].code == "refused_here"
    with grouped.db.read() as session:
        stored = set(session.scalars(select(Operation.op_id).where(Operation.op_id.in_([kept, undone]))))
    assert stored == {kept}
    with grouped.db.read() as session:
        assert hot_path.recorded(session.connection(), kept) == (phone.public_id, {"ok": True, "op": kept})


def test_a_commit_sent_with_the_last_job_s_writes_acknowledges_nothing_when_it_fails(grouped) -> None:
    # On PostgreSQL the batch's COMMIT travels with its last hot-path job's writes (services/hot_path_pg.py). A
    # COMMIT that fails (here a deferred check refusing a journal entry at COMMIT time) must fail the whole batch,
    # not the last job alone; a write refused at once (a replayed op_id) must still fail its job alone.
    if grouped.db.is_sqlite:
        pytest.skip("the COMMIT travels with the writes on PostgreSQL only")
    from sqlalchemy import text

    with grouped.db.write() as session:
        session.execute(text(
            "CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF NEW.op_id LIKE 'poison%' THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NEW; END $$"))
        session.execute(text("CREATE CONSTRAINT TRIGGER refuse_poison AFTER INSERT ON operations "
                             "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_poison()"))
    room = make_room(grouped)
    brainstorm = room.activity("brainstorm")
    phone, other = room.participant(), room.participant()
    outcomes = held_batch(grouped.writer, [
        lambda: contributions.submit_idea(grouped, other, activity_id=brainstorm, text="Perdue aussi", op_id=op()),
        lambda: contributions.submit_idea(grouped, phone, activity_id=brainstorm, text="Poison",
                                          op_id="poison" + op())])
    assert all(isinstance(outcome, Exception) for outcome in outcomes), outcomes
    assert count(grouped, Idea) == 0 and count(grouped, Operation) == 0
    replayed = op()
    grouped = replace(grouped, writer=GroupCommitWriter(grouped.db))  # held_batch measures its largest batch anew
    first = contributions.submit_idea(grouped, phone, activity_id=brainstorm, text="Une", op_id=replayed)
    outcomes = held_batch(grouped.writer, [
        lambda: contributions.submit_idea(grouped, other, activity_id=brainstorm, text="Deux", op_id=op()),
        lambda: contributions.submit_idea(grouped, phone, activity_id=brainstorm, text="Une", op_id=replayed)])
    assert isinstance(outcomes[0], dict) and outcomes[0]["ok"]
    assert outcomes[1] == first, "the replay gets its first acknowledgement"
    assert count(grouped, Idea) == 2 and count(grouped, Operation) == 2
