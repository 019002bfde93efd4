"""suggest_clusters: near-duplicates, placements learnt from the moderator, graph communities, invariants."""
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.clustering import ExistingCluster, Suggestion, suggest_clusters
from workshop.clustering.engine import near_duplicate

from .measures import read_corpus

ROOT = Path(__file__).resolve().parents[2]


def assert_partition(suggestions: list[Suggestion], count: int) -> None:
    members = [member for suggestion in suggestions for member in suggestion.members]
    assert sorted(members) == list(range(count))
    for suggestion in suggestions:
        assert list(suggestion.members) == sorted(suggestion.members)
        assert suggestion.members and suggestion.label


def cluster_of(suggestions: list[Suggestion], index: int) -> Suggestion:
    return next(suggestion for suggestion in suggestions if index in suggestion.members)


def test_empty_input() -> None:
    assert suggest_clusters([]) == []
    assert suggest_clusters([], [ExistingCluster("c1", "Santé", ("Soins",))]) == []


def test_a_single_idea() -> None:
    assert suggest_clusters(["Soins gratuits à l'hôpital"]) == [
        Suggestion(label="Santé", members=(0,), cluster_key=None, theme="sante")]
    assert suggest_clusters(["Date de la prochaine réunion"]) == [
        Suggestion(label="Autres", members=(0,), cluster_key=None, theme=None)]


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        suggest_clusters(["Soins"], language="de")


def test_labels_follow_the_language() -> None:
    texts = ["Soins gratuits à l'hôpital", "Médicaments trop chers", "Date de la prochaine réunion"]
    assert [s.label for s in suggest_clusters(texts, language="fr")] == ["Santé", "Autres"]
    assert [s.label for s in suggest_clusters(texts, language="en")] == ["Health", "Other"]
    assert [s.label for s in suggest_clusters(texts, language="ar")] == ["الصحة", "أخرى"]


def test_themes_group_ideas_that_share_no_word() -> None:
    texts = ["Médicaments trop chers", "Accouchement gratuit à la maternité", "Cantine scolaire",
             "Alphabétisation des adultes", "المستشفى بعيد", "Mental health support"]
    suggestions = suggest_clusters(texts)
    assert {s.label: s.members for s in suggestions} == {"Santé": (0, 1, 4, 5), "Éducation": (2, 3)}


def test_near_duplicate_rule() -> None:
    assert near_duplicate("acce soin hopital", "soin hopital acce")           # word order
    assert near_duplicate("acce soin hopital", "acce soins hopital")           # a typo
    assert near_duplicate("acce soin hopital", "acce soin hopital femm")       # one word more
    assert not near_duplicate("sant", "sant sexuel reproduct jeun femm")       # a word is not an idea
    assert not near_duplicate("sant sexuel reproduct jeun femm", "abus sexuel femm")  # token-set ratio 81
    assert not near_duplicate("", "")


def test_near_duplicates_are_always_together() -> None:
    texts = ["Accès aux soins pour les sans-papiers", "Le climat change", "acces aux soins pour les sans papiers",
             "Accés aux soins pour les sans-papiers !!", "Les sans-papiers: accès aux soins", "Rencontre à Rabat"]
    suggestions = suggest_clusters(texts)
    assert cluster_of(suggestions, 0).members == (0, 2, 3, 4)
    assert_partition(suggestions, len(texts))


def test_near_duplicates_of_unthemed_ideas_form_a_cluster() -> None:
    texts = ["Organiser la fête de fin d'année", "Fête de fin d'année à organiser", "organiser la fete de fin d annee",
             "Le climat change"]
    suggestions = suggest_clusters(texts)
    assert cluster_of(suggestions, 0).members == (0, 1, 2)
    assert cluster_of(suggestions, 3).label == "Autres"


def test_an_idea_like_a_cluster_member_is_suggested_into_that_cluster() -> None:
    existing = [ExistingCluster("c-logistics", "Logistique", ("Date de la prochaine rencontre régionale",)),
                ExistingCluster("c-misc", "Divers", ("Organiser un tournoi de football",))]
    suggestions = suggest_clusters(["Changer la date de la rencontre", "Tournoi de football entre associations",
                                    "Le climat change"], existing)
    assert suggestions[0] == Suggestion(label="Logistique", members=(0,), cluster_key="c-logistics", theme=None)
    assert suggestions[1] == Suggestion(label="Divers", members=(1,), cluster_key="c-misc", theme=None)
    assert suggestions[2].cluster_key is None and suggestions[2].members == (2,)


def test_an_idea_on_a_cluster_theme_is_suggested_into_it() -> None:
    existing = [ExistingCluster("c7", "Groupe 7", ("Les hôpitaux refusent les migrants",)),
                ExistingCluster("c8", "Groupe 8", ("Loyers trop chers",))]
    suggestions = suggest_clusters(["Médicaments trop chers", "Centres d'hébergement d'urgence",
                                    "Accouchement à la maternité", "Cantine scolaire"], existing)
    assert [(s.cluster_key, s.members, s.theme) for s in suggestions] == [
        ("c7", (0, 2), "sante"), ("c8", (1,), "logement"), (None, (3,), "education")]


def test_a_cluster_with_only_a_label_learns_from_its_label() -> None:
    existing = [ExistingCluster("h", "Logement", ())]
    suggestions = suggest_clusters(["Loyers trop chers", "Cantine scolaire"], existing)
    assert suggestions[0].cluster_key == "h" and suggestions[0].members == (0,)


def test_a_retyped_member_goes_to_its_twin_even_against_the_theme() -> None:
    existing = [ExistingCluster("a", "Santé", ("Soins gratuits",)),
                ExistingCluster("b", "Urgent", ("Carte de séjour pour les étudiants",))]
    suggestions = suggest_clusters(["carte de sejour pour les etudiants !"], existing)
    assert suggestions == [Suggestion(label="Urgent", members=(0,), cluster_key="b", theme="papiers")]


def test_a_new_community_on_an_existing_cluster_theme_joins_it() -> None:
    existing = [ExistingCluster("s", "Accès aux soins", ("Médicaments trop chers",))]
    texts = ["Médiation pour les litiges avec les employeurs", "Vaccination des enfants", "Dépistage du VIH"]
    suggestions = suggest_clusters(texts, existing)
    assert cluster_of(suggestions, 1).cluster_key == "s" and cluster_of(suggestions, 2).cluster_key == "s"


def test_same_input_same_output() -> None:
    texts = [text for _, _, text in read_corpus("corpus_tuning.tsv")]
    assert suggest_clusters(texts) == suggest_clusters(list(texts))


def test_the_partition_does_not_depend_on_input_order() -> None:
    texts = [text for _, _, text in read_corpus("corpus_tuning.tsv")]
    shuffled = list(texts)
    random.Random(7).shuffle(shuffled)

    def by_text(order: list[str]) -> set[tuple[str, frozenset[str]]]:
        return {(s.label, frozenset(order[m] for m in s.members)) for s in suggest_clusters(order)}

    assert by_text(texts) == by_text(shuffled)


def test_the_output_is_stable_across_processes_and_hash_seeds() -> None:
    script = ("import json, sys; from workshop.clustering import suggest_clusters; "
              "from tests.clustering.measures import read_corpus; "
              "texts = [t for _, _, t in read_corpus('corpus_labelled.tsv')]; "
              "print(json.dumps([[s.label, s.members, s.cluster_key, s.theme] for s in suggest_clusters(texts)]))")
    outputs = []
    for seed in ("0", "1", "12345"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True,
                                text=True, timeout=120, check=True)
        outputs.append(json.loads(result.stdout))
    assert outputs[0] == outputs[1] == outputs[2]


@pytest.mark.parametrize("corpus", ["corpus_tuning.tsv", "corpus_labelled.tsv"])
def test_every_index_exactly_once(corpus: str) -> None:
    texts = [text for _, _, text in read_corpus(corpus)]
    assert_partition(suggest_clusters(texts), len(texts))
    existing = [ExistingCluster("x", "Santé", (texts[0],)), ExistingCluster("y", "Divers", (texts[-1],))]
    assert_partition(suggest_clusters(texts[1:-1], existing), len(texts) - 2)
    assert_partition(suggest_clusters(texts, use_lexicon=False), len(texts))


def test_repeated_blank_and_odd_texts() -> None:
    texts = ["", "   ", "Soins", "Soins", "!!!", "???", "12", "\x00\x01", "de la", "Soins"]
    suggestions = suggest_clusters(texts)
    assert_partition(suggestions, len(texts))
    assert cluster_of(suggestions, 2).members == (2, 3, 9)


def test_five_thousand_character_texts() -> None:
    generator = random.Random(3)
    vocabulary = "accès soins hôpital école enfants loyer travail papiers séjour violence tribunal".split()
    texts = [" ".join(generator.choice(vocabulary) for _ in range(700))[:5000] for _ in range(4)]
    texts += ["santé " * 833, "x" * 5000, "Cantine scolaire"]
    assert all(len(text) >= 4998 for text in texts[:6])
    suggestions = suggest_clusters(texts)
    assert_partition(suggestions, len(texts))
    assert cluster_of(suggestions, 4).theme == "sante"


def test_control_characters() -> None:
    texts = ["Soins\x00 gratuits\x07 à l'hôpital", "Soins gratuits à l'hôpital", "\x1b[2J\x1b[H", "\u202eTIHS",
             "Cantine\r\nscolaire\t gratuite"]
    suggestions = suggest_clusters(texts)
    assert_partition(suggestions, len(texts))
    assert cluster_of(suggestions, 0).members[:2] == (0, 1)
    assert cluster_of(suggestions, 4).theme == "education"
