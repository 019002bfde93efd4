"""Time the full download of a national meeting and its regional declination: 3 rooms, 150 participants, 600 ideas.

    python -m tests.bench.exports               # part of `make bench`
    python -m tests.bench.exports --runs 5      # the export round five times on the same meeting: median and spread

The meeting is built through the services on a fresh SQLite file (French texts from the clustering corpus),
then declined into a regional strategy. The files are those the download pages offer (``offered_downloads``,
the page's own rule): every file of each room of the national meeting (deck, minutes, capacity-building report,
workbook, CSV, JSON; the plenary's word cloud as PNG and SVG), every file of the national event (consolidated
minutes, SNI, policy paper, summary and full decks, workbook, archive), and the regional strategy's documents
(SRI and position paper; the regional rooms have not met yet). Each is built from the database and rendered as
the download does, in one process; each is timed, and the total is compared with the goal of 5 s.
"""
from __future__ import annotations

import argparse
import csv
import random
import statistics
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
from workshop.services.download_offer import offered_downloads
from workshop.services.events import create_event, find_room
from workshop.services.files import export_event_file, export_room_file
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


REGIONAL_DOCUMENTS = ("sri", "document-de-position")  # what the declination is for; its rooms have not met


def download_list(ctx: ServiceContext, event_id: int, codes: list[str], regional_event_id: int,
                  regional_code: str) -> list[tuple[str, str, str | int, str]]:
    """(name, scope, room code or event id, key) of every file a moderator downloads, as the pages offer them."""
    files: list[tuple[str, str, str | int, str]] = []
    event_keys: list[str] = []
    for code in codes:
        room_keys, event_keys = offered_downloads(ctx, code)
        files += [(f"room {code} {key}", "room", code, key) for key in room_keys]
    files += [(f"event {key}", "event", event_id, key) for key in event_keys]
    _room_keys, regional_keys = offered_downloads(ctx, regional_code)
    files += [(f"regional {key}", "event", regional_event_id, key) for key in regional_keys if key in REGIONAL_DOCUMENTS]
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=1, help="export rounds on the same meeting (the first is printed)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings.from_env({}, instance_path=Path(folder), secret_key="bench")
        upgrade(settings.database_url)
        ctx = ServiceContext(Database(settings.database_url, min_group_size=settings.min_group_size), RecordingPublisher(), settings)
        started = time.perf_counter()
        event_id, codes = build_meeting(ctx, random.Random(arguments.seed))
        print(f"meeting built in {time.perf_counter() - started:.1f} s: 3 rooms, 150 participants, 600 ideas, 10 activities")
        regional = decline_strategy(ctx, national_event_id=event_id, region="casablanca_settat")
        regional_code = regional.rooms[0][1]
        files = download_list(ctx, event_id, codes, regional.event_id, regional_code)
        identity = {"language": "fr", "translate": lambda text: text}

        def export(scope: str, target: str | int, key: str) -> bytes:
            if scope == "room":
                return export_room_file(ctx, str(target), key, **identity).content
            return export_event_file(ctx, int(target), key, **identity).content

        totals: list[float] = []
        # Run 1 is what a download costs in a fresh process (as the download page's export jobs are): imports,
        # fonts and the clustering's word analysis are paid there; later runs reuse them, as a long-lived process.
        for run in range(arguments.runs):
            timings: list[tuple[str, float, float, int]] = []
            for name, scope, target, key in files:
                begin, begin_cpu = time.perf_counter(), time.process_time()
                content = export(scope, target, key)
                timings.append((name, time.perf_counter() - begin, time.process_time() - begin_cpu, len(content)))
            if run == 0:
                print(f"  {'file':<34} {'wall':>8}     {'CPU':>8}     {'size':>8}")
                for name, seconds, cpu, size in timings:
                    print(f"  {name:<34} {seconds * 1000:8.0f} ms  {cpu * 1000:8.0f} ms  {size / 1024:8.0f} KB")
            totals.append(sum(seconds for _name, seconds, _cpu, _size in timings))
            cpu_total = sum(cpu for _name, _seconds, cpu, _size in timings)
            print(f"run {run + 1}: all {len(timings)} files: {totals[-1]:.2f} s, CPU {cpu_total:.2f} s (goal: under 5 s)")
        if len(totals) > 1:
            print(f"{len(files)} files, {len(totals)} runs: median {statistics.median(totals):.2f} s, "
                  f"min {min(totals):.2f} s, max {max(totals):.2f} s")


if __name__ == "__main__":
    main()
