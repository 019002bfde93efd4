"""Time the full set of exports for a national meeting: 3 rooms, 150 participants, 600 ideas, 10 activities.

    python -m tests.bench.exports          # part of `make bench`

The meeting is built through the services on a fresh SQLite file (French texts from the clustering corpus),
then every room file and every event document is built from the database and rendered, as the download
page does; each is timed, and the total is compared with the goal of 5 s on this machine.
"""
from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
import uuid
from pathlib import Path

from workshop import activities  # noqa: F401  (registers the activity types)
from workshop.config import Settings
from workshop.db import Database
from workshop.migrate import upgrade
from workshop.services import agenda, clustering, contributions, strategy
from workshop.services.context import ServiceContext
from workshop.services.declination import decline_strategy
from workshop.services.events import create_event, find_room
from workshop.services.files import export_event_file, export_room_file, room_has_word_cloud
from workshop.services.participants import join_room, update_profile
from workshop.services.publisher import RecordingPublisher

CORPUS = Path(__file__).resolve().parents[1] / "clustering" / "corpus_tuning.tsv"
TAGS = (("opm", "casablanca_settat"), ("association", "rabat_sale_kenitra"), ("public_institution", "oriental"), (None, None))


def op() -> str:
    return uuid.uuid4().hex


def corpus() -> list[tuple[str, str]]:
    with CORPUS.open(encoding="utf-8") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]
    return [(row[2], row[0]) for row in rows if len(row) >= 3 and row[1] == "fr"]  # (text, gold theme)


def build_meeting(ctx: ServiceContext, rng: random.Random) -> tuple[int, list[str]]:
    """Plenary + two workshops; 150 phones; 600 ideas clustered by theme; votes, scores, axes."""
    created = create_event(ctx, title="Rencontre nationale SNI", room_names=["Plénière", "Atelier santé et papiers",
                                                                             "Atelier éducation et travail"],
                           room_kinds=["plenary", "workshop", "workshop"])
    texts = corpus()
    codes = [code for _name, code in created.rooms]
    people_per_room = (50, 50, 50)
    ideas_per_room = (0, 300, 300)
    for index, code in enumerate(codes):
        with ctx.db.read() as session:
            room_id = find_room(session, code).id
        phones = []
        for number in range(people_per_room[index]):
            phone = join_room(ctx, code=code, token=None)
            organisation, region = TAGS[number % len(TAGS)]
            if organisation:
                update_profile(ctx, phone, pseudonym=None, tags={"organisation_type": organisation, "region": region},
                               op_id=op())
            phones.append(phone)
        act = {"ctx": ctx, "room_id": room_id}
        if index == 0:
            cloud = agenda.create_activity(**act, type_name="word_cloud", prompt="En un mot ?", config={})["activity_id"]
            poll = agenda.create_activity(**act, type_name="poll", prompt="Votre organisation ?",
                                          config={"options": ["OPM", "Association", "Institution"]})["activity_id"]
            for activity_id in (cloud, poll):
                agenda.set_phase(**act, activity_id=activity_id, phase="open")
            for phone in phones:
                contributions.submit_idea(ctx, phone, activity_id=cloud, text=rng.choice(["droits", "santé", "dignité",
                                                                                         "papiers", "école"]), op_id=op())
                contributions.cast_votes(ctx, phone, activity_id=poll,
                                         allocations=[{"target_id": rng.randrange(3), "points": 1}], op_id=op())
            continue
        brainstorm = agenda.create_activity(**act, type_name="brainstorm", prompt="Vos priorités ?",
                                            config={"max_per_participant": 10})["activity_id"]
        agenda.set_phase(**act, activity_id=brainstorm, phase="open")
        by_theme: dict[str, list[int]] = {}
        for number in range(ideas_per_room[index]):
            text, theme = texts[(number + index * 37) % len(texts)]
            idea = contributions.submit_idea(ctx, phones[number % len(phones)], activity_id=brainstorm,
                                             text=f"{text} ({number})", op_id=op())["idea_id"]
            by_theme.setdefault(theme, []).append(idea)
        clusters = [clustering.create_cluster(**act, activity_id=brainstorm, label=theme, idea_ids=ids, actor="bench")
                    ["cluster_id"] for theme, ids in sorted(by_theme.items())]
        agenda.set_phase(**act, activity_id=brainstorm, phase="closed")
        vote = agenda.create_activity(**act, type_name="dot_voting", prompt="Votez", config={
            "source_activity_id": brainstorm, "target": "clusters", "budget": 5})["activity_id"]
        scoring = agenda.create_activity(**act, type_name="criteria_scoring", prompt="Notez", config={
            "source_activity_id": brainstorm, "target": "clusters",
            "criteria": ["impact", "faisabilite", "urgence", "alignement"]})["activity_id"]
        matrix = agenda.create_activity(**act, type_name="matrix", prompt="Placez", config={
            "source_activity_id": brainstorm, "target": "clusters"})["activity_id"]
        for activity_id in (vote, scoring, matrix):
            agenda.set_phase(**act, activity_id=activity_id, phase="open")
        for phone in phones:
            chosen = rng.sample(clusters, 3)
            contributions.cast_votes(ctx, phone, activity_id=vote, allocations=[
                {"target_id": chosen[0], "points": 3}, {"target_id": chosen[1], "points": 2}], op_id=op())
            contributions.cast_votes(ctx, phone, activity_id=scoring, allocations=[
                {"target_id": cluster, "criterion": criterion, "points": rng.randint(1, 5)}
                for cluster in chosen for criterion in ("impact", "faisabilite", "urgence", "alignement")], op_id=op())
            contributions.cast_votes(ctx, phone, activity_id=matrix, allocations=[
                {"target_id": cluster, "criterion": axis, "points": rng.randint(1, 5)}
                for cluster in chosen for axis in ("impact", "feasibility")], op_id=op())
        for activity_id in (vote, scoring, matrix):
            agenda.set_phase(**act, activity_id=activity_id, phase="closed")
            agenda.set_phase(**act, activity_id=activity_id, phase="revealed")
        for cluster in clusters[:2]:
            strategy.promote_to_axis(ctx, room_id=room_id, activity_id=brainstorm, cluster_ids=[cluster])
    return created.event_id, codes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings.from_env({}, instance_path=Path(folder), secret_key="bench")
        upgrade(settings.database_url)
        ctx = ServiceContext(Database(settings.database_url, min_group_size=settings.min_group_size), RecordingPublisher(), settings)
        started = time.perf_counter()
        event_id, codes = build_meeting(ctx, random.Random(arguments.seed))
        print(f"meeting built in {time.perf_counter() - started:.1f} s: 3 rooms, 150 participants, 600 ideas, 10 activities")
        regional = decline_strategy(ctx, national_event_id=event_id, region="casablanca_settat")
        timings: list[tuple[str, float, int]] = []

        def timed(name: str, make) -> None:  # type: ignore[no-untyped-def]
            begin = time.perf_counter()
            exported = make()
            timings.append((name, time.perf_counter() - begin, len(exported.content)))

        identity = {"language": "fr", "translate": lambda text: text}
        for code in codes:
            # A room without a word cloud has no image of one (the plenary has it; the workshops brainstorm).
            images = ("png",) if room_has_word_cloud(ctx, code) else ()
            for export_format in ("pptx", "docx", "xlsx", "csv", *images, "json"):
                timed(f"room {code} {export_format}", lambda: export_room_file(ctx, code, export_format, **identity))
        for document in ("compte-rendu-consolide", "sni", "note-de-politique", "deck", "xlsx", "archive"):
            timed(f"event {document}", lambda: export_event_file(ctx, event_id, document, **identity))
        for document in ("sri", "document-de-position"):
            timed(f"regional {document}", lambda: export_event_file(ctx, regional.event_id, document, **identity))
        for name, seconds, size in timings:
            print(f"  {name:<34} {seconds * 1000:8.0f} ms  {size / 1024:8.0f} KB")
        total = sum(seconds for _name, seconds, _size in timings)
        print(f"all {len(timings)} exports: {total:.2f} s (goal: under 5 s)")


if __name__ == "__main__":
    main()
