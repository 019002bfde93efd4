"""Hand-built reports for renderer tests: a French national meeting, its Arabic twin, and edge cases."""
from __future__ import annotations

from workshop.exports.labels import all_labels
from workshop.exports.report import (ActivityReport, ActorPoint, AxisReport, Chart, ClusterCards, Comparison,
                                     CountRow, DeclinationRow, FieldBlock, IdeaRecord, MatrixPoint, Meta,
                                     ParticipantsSummary, Report, RoomReport, Series, StrategyReport, Table,
                                     VoteRecord)


def labels() -> dict[str, str]:
    """Untranslated labels (the msgids) stand in for a translation: renderers only look keys up."""
    return dict(all_labels())


def participants(total: int = 24) -> ParticipantsSummary:
    return ParticipantsSummary(total=total,
                               by_organisation_type=(CountRow("Organisation de personnes migrantes", 9),
                                                     CountRow("Association ou ONG", 11), CountRow("Non renseigné", 4)),
                               by_region=(CountRow("Casablanca-Settat", 10), CountRow("Rabat-Salé-Kénitra", 8),
                                          CountRow("Non renseigné", 6)))


def brainstorm(texts: dict[str, list[str]], *, activity_id: int = 1, hidden: tuple[str, ...] = ()) -> ActivityReport:
    ideas = []
    number = 0
    for cluster, cluster_texts in texts.items():
        for text in cluster_texts:
            number += 1
            ideas.append(IdeaRecord(id=number, text=text, cluster=cluster, hidden=text in hidden, merged_into=None,
                                    participant=f"p_{number:012x}", created_at="2026-12-10T10:00:00Z"))
    return ActivityReport(
        id=activity_id, type="brainstorm", type_label="Brainstorming",
        prompt="Quels problèmes notre plaidoyer doit-il traiter en premier ?", phase_label="Révélée",
        responses=len(ideas), summary=f"Idées : {len(ideas)} · participants : 12",
        clusters=tuple(ClusterCards(label, tuple(text for text in cluster_texts if text not in hidden))
                       for label, cluster_texts in texts.items()),
        ideas=tuple(ideas))


FRENCH_IDEAS = {
    "Accès aux soins": ["L'hôpital refuse les patients sans papiers", "Étendre l'AMO aux personnes en situation irrégulière",
                        "Médiateurs de santé dans les centres de santé"],
    "Papiers et séjour": ["Carte de séjour trop chère à renouveler", "Régularisation exceptionnelle en 2027"],
    "Éducation": ["Inscription à l'école sans acte de naissance", "Cours de darija pour les enfants"],
}

ARABIC_IDEAS = {
    "الولوج إلى العلاج": ["المستشفى يرفض المرضى بدون وثائق", "توسيع التغطية الصحية للمهاجرين"],
    "الوثائق والإقامة": ["تجديد بطاقة الإقامة مكلف جدا", "تسوية استثنائية سنة 2027"],
    "التعليم": ["تسجيل الأطفال في المدرسة بدون عقد ازدياد"],
}


def vote_activities(items: list[str], *, start_id: int = 10) -> tuple[ActivityReport, ...]:
    scores = [82.5, 67.0, 41.3][: len(items)]
    return (
        ActivityReport(
            id=start_id, type="dot_voting", type_label="Vote par gommettes", prompt="Quels regroupements comptent le plus ?",
            phase_label="Révélée", responses=18, summary="Bulletins : 18",
            chart=Chart("bar", "Points", tuple(items), (Series("Points", tuple(float(30 - 7 * n) for n in range(len(items)))),)),
            table=Table(("Rang", "Regroupement", "Points", "Votants"),
                        tuple((str(n + 1), item, str(30 - 7 * n), str(15 - 3 * n)) for n, item in enumerate(items)),
                        numeric_columns=(0, 2, 3)),
            votes=tuple(VoteRecord(f"p_{n:012x}", items[n % len(items)], "", 2) for n in range(6))),
        ActivityReport(
            id=start_id + 1, type="criteria_scoring", type_label="Notation sur critères",
            prompt="Notez chaque regroupement sur les critères.", phase_label="Révélée", responses=15,
            summary="15 participants ont noté",
            chart=Chart("bar", "Score (0–100)", tuple(items), (Series("Score", tuple(scores)),), number_format="0.0"),
            table=Table(("Rang", "Regroupement", "Score", "Accord"),
                        tuple((str(n + 1), item, f"{scores[n]:.1f}", "consensus") for n, item in enumerate(items)),
                        numeric_columns=(0, 2))),
        ActivityReport(
            id=start_id + 2, type="matrix", type_label="Matrice impact × faisabilité",
            prompt="Placez chaque regroupement.", phase_label="Révélée", responses=12, summary="12 participants",
            matrix=tuple(MatrixPoint(item, 4.2 - n, 3.5 - n * 0.8, "Gains rapides" if n == 0 else "Projets majeurs")
                         for n, item in enumerate(items))),
        ActivityReport(
            id=start_id + 3, type="scale", type_label="Échelle", prompt="Les services publics servent-ils bien les migrants ?",
            phase_label="Révélée", responses=20, summary="Réponses : 20",
            chart=Chart("stacked_bar", "Réponses", ("Santé", "Éducation", "Justice"),
                        tuple(Series(str(level), (float(level), float(5 - level), 2.0)) for level in range(1, 6)))),
    )


def axis(code: str, title: str, *, rank: int, score: float, blocks_filled: bool = True, parent: tuple[str, str] | None = None,
         disposition: str = "") -> AxisReport:
    blocks = (
        FieldBlock("Problème", paragraphs=("Les personnes migrantes sans titre de séjour se voient refuser les soins.",),
                   bullets=("Cause : absence de carte AMO", "Effet : retard de soins"),
                   tables=(Table(("Fait", "Chiffre", "Source", "Date"),
                                 (("Refus de soins documentés", "120", "Observatoire", "2025"),)),)),
        FieldBlock("Objectifs", paragraphs=("Garantir l'accès aux soins de base sans condition de séjour.",),
                   tables=(Table(("Objectif SMART", "Indicateur", "Échéance"),
                                 (("Circulaire du ministère de la Santé", "Circulaire publiée", "2027"),)),)),
        FieldBlock("Demandes", tables=(Table(("Mesure", "Décideur", "Instrument", "Niveau"),
                                             (("Circulaire d'accès aux soins", "Ministère de la Santé", "Circulaire",
                                               "National"),)),)),
        FieldBlock("Messages", to_complete=not blocks_filled),
        FieldBlock("Risques", to_complete=True),
    )
    return AxisReport(
        id=rank, code=code, title=title, theme="Santé", status="Validé en plénière", rank=rank, score=score,
        agreement="consensus", votes=30 - rank, blocks=blocks,
        actors=(ActorPoint("Ministère de la Santé", "Cible principale", 5, 3, 0),
                ActorPoint("Conseil régional", "Cible secondaire", 3, 4, 1),
                ActorPoint("Syndicat des médecins", "Allié", 2, 5, 2),
                ActorPoint("Groupe parlementaire X", "Opposant", 4, 2, -2)),
        sources=("L'hôpital refuse les patients sans papiers", "Étendre l'AMO aux personnes en situation irrégulière"),
        clusters=("Accès aux soins",),
        parent_code=parent[0] if parent else "", parent_title=parent[1] if parent else "",
        parent_summary="Garantir l'accès aux soins de base." if parent else "", disposition=disposition,
        central_message="La santé est un droit pour toutes et tous.",
        change_objective="Garantir l'accès aux soins de base sans condition de séjour.",
        asks=(("Circulaire d'accès aux soins", "Ministère de la Santé", "Circulaire", "National"),),
        problem="Les personnes migrantes sans titre de séjour se voient refuser les soins.",
        causes=("Absence de carte AMO", "Méconnaissance des droits par le personnel hospitalier",
                "Peur d'être signalé à la police"),
        effects=("Retard de soins", "Maladies chroniques non suivies"))


def french_report(*, kind: str = "sni") -> Report:
    items = list(FRENCH_IDEAS)
    plenary = RoomReport("Plénière", "ABC346", "plenary", participants(40), (
        ActivityReport(id=100, type="word_cloud", type_label="Nuage de mots",
                       prompt="En un mot : qu'attendez-vous de cette rencontre ?", phase_label="Révélée",
                       responses=35, summary="Réponses : 35",
                       word_frequencies=(("droits", 12), ("santé", 9), ("papiers", 7), ("école", 5), ("dignité", 4),
                                         ("l'accès", 3), ("travail", 2))),
        ActivityReport(id=101, type="poll", type_label="Sondage", prompt="De quel type d'organisation venez-vous ?",
                       phase_label="Révélée", responses=38, summary="Réponses : 38",
                       chart=Chart("bar", "Réponses", ("OPM", "Association", "Institution"),
                                   (Series("Réponses", (14.0, 18.0, 6.0)),))),
    ))
    workshop_one = RoomReport("Atelier thématique 1 : santé et papiers", "DEF479", "workshop", participants(18),
                              (brainstorm(FRENCH_IDEAS, hidden=("Cours de darija pour les enfants",)),
                               *vote_activities(items)),
                              priorities=Table(("Rang", "Regroupement", "Score"),
                                               (("1", "Accès aux soins", "82.5"), ("2", "Papiers et séjour", "67.0")),
                                               numeric_columns=(0, 2)))
    workshop_two = RoomReport("Atelier thématique 2 : éducation", "GHJ679", "workshop", participants(16),
                              (brainstorm({"Éducation": FRENCH_IDEAS["Éducation"], "Accès aux soins": ["Infirmerie scolaire"]},
                                          activity_id=2), *vote_activities(["Éducation", "Accès aux soins"], start_id=20)),
                              priorities=Table(("Rang", "Regroupement", "Score"),
                                               (("1", "Éducation", "78.0"), ("2", "Accès aux soins", "55.0")),
                                               numeric_columns=(0, 2)))
    parent = ("A1", "Accès aux soins") if kind == "sri" else None
    axes = (axis("A1", "Accès aux soins pour toutes et tous", rank=1, score=82.5, parent=parent,
                 disposition="Adapté" if parent else ""),
            axis("A2", "Simplifier le renouvellement des cartes de séjour", rank=2, score=67.0, blocks_filled=False,
                 parent=("A2", "Papiers") if parent else None, disposition="Maintenu" if parent else ""))
    strategy = StrategyReport(
        kind=kind, title="Stratégie Nationale d'Influence 2027–2029" if kind == "sni" else "Stratégie Régionale d'Influence",
        region="Casablanca-Settat" if kind == "sri" else "", vision="Un Maroc où les droits des personnes migrantes sont effectifs.",
        axes=axes, method="Les participants ont voté par gommettes puis noté chaque regroupement sur quatre critères pondérés.",
        scores=Table(("Rang", "Axe", "Score", "Accord", "Votes"),
                     (("1", "A1 Accès aux soins pour toutes et tous", "82.5", "consensus", "29"),
                      ("2", "A2 Simplifier le renouvellement des cartes de séjour", "67.0", "mitigé", "28")),
                     numeric_columns=(0, 2, 4)),
        declination=(DeclinationRow("A1 Accès aux soins", "A1 Accès aux soins (région)", "Adapté",
                                    ("Un guichet santé-migrants dans chaque préfecture d'ici 2027",),
                                    ("Programme régional d'accès aux soins — Conseil régional",),
                                    ("Conseil régional Casablanca-Settat",)),) if kind == "sri" else (),
        parent_title="Stratégie Nationale d'Influence 2027–2029" if kind == "sri" else "")
    return Report(
        meta=Meta(language="fr", direction="ltr", title="Rencontre nationale SNI", subtitle="Rabat, 10–11 décembre 2026",
                  date="10 décembre 2026", place="Rabat", generated_at="2026-12-11 17:00", event_id=1),
        labels=labels(), rooms=(plenary, workshop_one, workshop_two), strategy=strategy,
        comparison=Comparison(rooms=("Atelier thématique 1", "Atelier thématique 2"), common=("Accès aux soins",),
                              distinct=(("Atelier thématique 1", ("Papiers et séjour",)),
                                        ("Atelier thématique 2", ("Éducation",))),
                              table=Table(("Atelier thématique 1", "Atelier thématique 2"),
                                          (("Accès aux soins (82.5)", "Éducation (78.0)"),
                                           ("Papiers et séjour (67.0)", "Accès aux soins (55.0)")))),
        next_steps=("Consolider les comptes rendus (15 décembre)", "Valider la SNI en comité (janvier)"))


def arabic_report() -> Report:
    base = french_report()
    items = list(ARABIC_IDEAS)
    room = RoomReport("الورشة الموضوعاتية 1", "KMN346", "workshop", participants(14),
                      (brainstorm(ARABIC_IDEAS), *vote_activities(items)))
    return Report(meta=Meta(language="ar", direction="rtl", title="اللقاء الوطني للاستراتيجية الوطنية للترافع",
                            subtitle="الرباط، 10 دجنبر 2026 — Rabat", date="10 دجنبر 2026", place="الرباط",
                            generated_at="2026-12-11 17:00", event_id=2),
                  labels=labels(), rooms=(room,), strategy=base.strategy, comparison=None,
                  next_steps=("توحيد التقارير", "المصادقة على الاستراتيجية"))


def empty_report() -> Report:
    """A room where nothing happened: every renderer must still produce a valid file."""
    return Report(meta=Meta(language="fr", direction="ltr", title="Salle vide", subtitle="", date="", place="",
                            generated_at="2026-12-11 17:00", event_id=3),
                  labels=labels(), rooms=(RoomReport("Salle vide", "PQR346", "workshop",
                                                     ParticipantsSummary(0, (), ()), ()),))


def hostile_report(idea_count: int = 2000) -> Report:
    """Thousands of ideas, formulas, control characters and 5,000-character texts."""
    nasty = ["=HYPERLINK(\"http://evil\")", "+33 6 12 34 56 78", "-2+3", "@SUM(A1:A2)", "a\x07b\x0bc", "x" * 5000,
             "Texte mêlé عربي et français", "<b>pas du HTML</b>"]
    texts = [nasty[n % len(nasty)] if n < 40 else f"Idée numéro {n} sur l'accès aux droits" for n in range(idea_count)]
    room = RoomReport("Atelier massif", "STU346", "workshop", participants(150),
                      (brainstorm({"Grand regroupement": texts}), *vote_activities(["Grand regroupement"])))
    base = french_report()
    return Report(meta=base.meta, labels=labels(), rooms=(room,), strategy=base.strategy)
