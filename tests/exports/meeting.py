"""A small national meeting built through the services, with numbers a test can predict.

Plenary: a 1–5 scale on access to justice and a poll. Workshop « papiers »: a brainstorm in three clusters,
dot voting on the clusters by six migrant-led organisations (Casablanca-Settat), five public institutions
(Rabat-Salé-Kénitra) and two researchers (a group too small to print), then a criteria scoring of the same
clusters that disagrees with the dot vote. Workshop « santé »: a brainstorm whose cluster « Documents d'identité
et état civil » means what « Papiers, régularisation et état civil » means in the first.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from workshop.services import agenda, clustering, contributions, strategy
from workshop.services.context import ServiceContext
from workshop.services.events import create_event, find_room
from workshop.services.participants import Joined, join_room, update_profile

PAPERS = "Papiers, régularisation et état civil"
HEALTH = "Accès aux soins"
SCHOOL = "Scolarisation des enfants"
PAPERS_AGAIN = "Documents d'identité et état civil"
MEDICINES = "Coût des médicaments"
CRITERIA = ("impact", "faisabilite", "urgence", "alignement")


def op() -> str:
    return uuid.uuid4().hex


@dataclass
class Meeting:
    ctx: ServiceContext
    event_id: int
    codes: dict[str, str]  # room kind/name key → join code
    room_ids: dict[str, int]
    clusters: dict[str, int] = field(default_factory=dict)
    activities: dict[str, int] = field(default_factory=dict)
    axes: dict[str, int] = field(default_factory=dict)  # cluster label → the axe made of it (with the restitution)


def _activity(ctx: ServiceContext, room_id: int, type_name: str, prompt: str, config: dict) -> int:
    activity_id = agenda.create_activity(ctx, room_id=room_id, type_name=type_name, prompt=prompt, config=config,
                                         op_id=op())["activity_id"]
    agenda.set_phase(ctx, room_id=room_id, activity_id=activity_id, phase="open")
    return activity_id


def _close(ctx: ServiceContext, room_id: int, activity_id: int) -> None:
    agenda.set_phase(ctx, room_id=room_id, activity_id=activity_id, phase="closed")
    agenda.set_phase(ctx, room_id=room_id, activity_id=activity_id, phase="revealed")


def _phones(ctx: ServiceContext, code: str, count: int, organisation_type: str, region: str) -> list[Joined]:
    phones = []
    for _ in range(count):
        phone = join_room(ctx, code=code, token=None)
        update_profile(ctx, phone, pseudonym=None, tags={"organisation_type": organisation_type, "region": region},
                       op_id=op())
        phones.append(phone)
    return phones


def _wall(meeting: Meeting, key: str, prompt: str, walls: dict[str, list[str]], phone: Joined) -> int:
    ctx, room_id = meeting.ctx, meeting.room_ids[key]
    brainstorm = _activity(ctx, room_id, "brainstorm", prompt, {"max_per_participant": 20})
    for label, texts in walls.items():
        ids = [contributions.submit_idea(ctx, phone, activity_id=brainstorm, text=text, op_id=op())["idea_id"]
               for text in texts]
        meeting.clusters[label] = clustering.create_cluster(ctx, room_id=room_id, activity_id=brainstorm,
                                                            label=label, idea_ids=ids, actor="console")["cluster_id"]
    _close(ctx, room_id, brainstorm)
    meeting.activities[f"{key}_brainstorm"] = brainstorm
    return brainstorm


def build_meeting(ctx: ServiceContext, *, second_workshop: bool = True, restitution: bool = False) -> Meeting:
    keys = ["plenary", "papers", *(["health"] if second_workshop else []), *(["restitution"] if restitution else [])]
    labels = {"plenary": "Plénière d'ouverture", "papers": "Atelier papiers", "health": "Atelier santé",
              "restitution": "Restitution"}
    names = [labels[key] for key in keys]
    kinds = ["workshop" if key in ("papers", "health") else "plenary" for key in keys]
    created = create_event(ctx, title="Rencontre nationale SNI", room_names=names, room_kinds=kinds)
    codes = {key: code for key, (_name, code) in zip(keys, created.rooms, strict=True)}
    with ctx.db.read() as session:
        room_ids = {key: find_room(session, code).id for key, code in codes.items()}
    meeting = Meeting(ctx, created.event_id, codes, room_ids)

    # Plenary: perception of access to justice (1–5), and a poll.
    plenary = room_ids["plenary"]
    scale = _activity(ctx, plenary, "scale", "Accès à la justice aujourd'hui ?", {})
    poll = _activity(ctx, plenary, "poll", "Votre priorité pour la journée ?", {"options": ["Papiers", "Santé"]})
    for index, phone in enumerate(_phones(ctx, codes["plenary"], 5, "opm", "casablanca_settat")):
        contributions.cast_votes(ctx, phone, activity_id=scale, allocations=[{"target_id": 0, "points": 1 + index % 2}],
                                 op_id=op())
        contributions.cast_votes(ctx, phone, activity_id=poll, allocations=[{"target_id": index % 2, "points": 1}],
                                 op_id=op())
    _close(ctx, plenary, scale)
    _close(ctx, plenary, poll)
    meeting.activities.update(scale=scale, poll=poll)

    # Workshop « papiers »: 6 OPM, 5 public institutions, 2 researchers.
    code, room_id = codes["papers"], room_ids["papers"]
    opm = _phones(ctx, code, 6, "opm", "casablanca_settat")
    institutions = _phones(ctx, code, 5, "public_institution", "rabat_sale_kenitra")
    researchers = _phones(ctx, code, 2, "research", "oriental")
    brainstorm = _wall(meeting, "papers", "Quels obstacles pour accéder aux droits ?",
                       {PAPERS: ["Carte de séjour trop chère", "Acte de naissance refusé"],
                        HEALTH: ["Hôpital refuse sans papiers"], SCHOOL: ["Inscription scolaire refusée"]}, opm[0])
    dots = _activity(ctx, room_id, "dot_voting", "Où mettre nos efforts ?",
                     {"target": "clusters", "source_activity_id": brainstorm, "budget": 5, "max_per_item": 5})
    ballots = ([(opm, {PAPERS: 3, HEALTH: 2})] + [(institutions, {HEALTH: 5})] + [(researchers, {SCHOOL: 5})])
    for phones, spend in ballots:
        for phone in phones:
            contributions.cast_votes(ctx, phone, activity_id=dots, op_id=op(), allocations=[
                {"target_id": meeting.clusters[label], "points": points} for label, points in spend.items()])
    _close(ctx, room_id, dots)
    scoring = _activity(ctx, room_id, "criteria_scoring", "Notez chaque priorité",
                        {"target": "clusters", "source_activity_id": brainstorm, "criteria": list(CRITERIA)})
    # Scores disagree with the dots: school first, papers last.
    for phone in opm + institutions:
        contributions.cast_votes(ctx, phone, activity_id=scoring, op_id=op(), allocations=[
            {"target_id": meeting.clusters[label], "criterion": criterion, "points": points}
            for label, points in ((SCHOOL, 5), (HEALTH, 3), (PAPERS, 1)) for criterion in CRITERIA])
    _close(ctx, room_id, scoring)
    meeting.activities.update(papers_dots=dots, papers_scoring=scoring)

    if second_workshop:
        phones = _phones(ctx, codes["health"], 5, "association", "souss_massa")
        brainstorm = _wall(meeting, "health", "Quels obstacles pour se soigner ?",
                           {PAPERS_AGAIN: ["Pas de carte d'identité", "État civil des enfants"],
                            MEDICINES: ["Médicaments trop chers"]}, phones[0])
        dots = _activity(ctx, room_ids["health"], "dot_voting", "Priorités ?",
                         {"target": "clusters", "source_activity_id": brainstorm, "budget": 3, "max_per_item": 3})
        for phone in phones:
            contributions.cast_votes(ctx, phone, activity_id=dots, op_id=op(), allocations=[
                {"target_id": meeting.clusters[PAPERS_AGAIN], "points": 2},
                {"target_id": meeting.clusters[MEDICINES], "points": 1}])
        _close(ctx, room_ids["health"], dots)
        meeting.activities["health_dots"] = dots
    if restitution:
        _restitution(meeting)
    return meeting


def _restitution(meeting: Meeting) -> None:
    """Two axes made from the papers workshop's clusters (and, with the health workshop, two from its own: « Documents
    d'identité et état civil » is the papers axe again under another title), then the papers workshop's two voted
    on (dots) in the restitution plenary."""
    ctx = meeting.ctx
    axes = [strategy.promote_to_axis(ctx, room_id=meeting.room_ids["papers"],
                                     activity_id=meeting.activities["papers_brainstorm"],
                                     cluster_ids=[meeting.clusters[label]])["axis_id"] for label in (PAPERS, HEALTH)]
    meeting.axes.update({PAPERS: axes[0], HEALTH: axes[1]})
    if "health" in meeting.room_ids:
        for label in (PAPERS_AGAIN, MEDICINES):
            meeting.axes[label] = strategy.promote_to_axis(
                ctx, room_id=meeting.room_ids["health"], activity_id=meeting.activities["health_brainstorm"],
                cluster_ids=[meeting.clusters[label]])["axis_id"]
    room_id = meeting.room_ids["restitution"]
    vote = _activity(ctx, room_id, "dot_voting", "Quels axes d'abord ?", {"target": "axes", "budget": 3,
                                                                           "max_per_item": 3})
    for phone in _phones(ctx, meeting.codes["restitution"], 5, "association", "fes_meknes"):
        contributions.cast_votes(ctx, phone, activity_id=vote, op_id=op(), allocations=[
            {"target_id": axes[1], "points": 2}, {"target_id": axes[0], "points": 1}])
    _close(ctx, room_id, vote)
    meeting.activities["restitution_vote"] = vote
