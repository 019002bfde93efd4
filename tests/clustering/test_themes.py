"""The theme lexicon: data checks, and matching in French, Arabic and English."""
import pytest

from workshop.clustering.lexicon import OTHER_LABELS, THEMES
from workshop.domain.axes import THEMES as AXIS_THEMES
from workshop.domain.languages import LANGUAGE_CODES as LANGUAGES
from workshop.clustering.themes import HINT_WEIGHT, _index, theme_scores, theme_shares
from workshop.clustering.tokens import idea_tokens


def top_theme(text: str) -> str | None:
    scores = theme_scores(idea_tokens(text)[1])
    return max(scores, key=scores.get) if scores else None


def test_every_theme_has_labels_and_words_in_three_languages() -> None:
    required = {"sante", "education", "justice", "papiers", "emploi", "logement", "protection", "participation"}
    assert required <= {theme.key for theme in THEMES}
    for theme in THEMES:
        assert set(theme.labels) == set(LANGUAGES)
        assert all(theme.labels[language] for language in LANGUAGES)
        assert set(theme.terms) == set(LANGUAGES)
        assert all(len(theme.terms[language]) >= 10 for language in LANGUAGES), theme.key
        assert theme.axis_theme is None or theme.axis_theme in AXIS_THEMES, theme.key
    assert set(OTHER_LABELS) == set(LANGUAGES)


def test_every_lexicon_entry_compiles_to_content_words() -> None:
    index = _index()  # raises on an entry made of stop-words only
    assert index


@pytest.mark.parametrize("text, theme", [
    ("Les hôpitaux refusent de soigner les malades", "sante"),
    ("hopital trop loin", "sante"),
    ("Intégrer les migrants au RAMED et à l'AMO", "sante"),
    ("Scolarisation des enfants et cantine", "education"),
    ("Aide juridictionnelle et avocats", "justice"),
    ("Renouvellement de la carte de séjour", "papiers"),
    ("carte de sejour", "papiers"),
    ("Acte de naissance et état civil", "papiers"),
    ("Affiliation à la CNSS", "emploi"),
    ("Loyers trop chers", "logement"),
    ("Kafala des mineurs non accompagnés", "protection"),
    ("Représentation dans les conseils communaux", "participation"),
])
def test_french_ideas_find_their_theme(text: str, theme: str) -> None:
    assert top_theme(text) == theme


@pytest.mark.parametrize("text, theme", [
    ("الصحة للجميع", "sante"),
    ("المُسْتَشْفَى بعيد", "sante"),
    ("التعليم والمدرسة", "education"),
    ("والتعليم", "education"),
    ("تجديد بطاقة الإقامة", "papiers"),
    ("الحق في العمل", "emploi"),
    ("السكن اللائق", "logement"),
    ("العنف ضد النساء", "protection"),
    ("حماية القاصرين", "protection"),
    ("محاربة الاتجار بالبشر", "protection"),
])
def test_arabic_ideas_find_their_theme(text: str, theme: str) -> None:
    assert top_theme(text) == theme


@pytest.mark.parametrize("text, theme", [
    ("Access to hospitals", "sante"),
    ("Enrol children in schools", "education"),
    ("Free legal aid", "justice"),
    ("Residence permit renewal", "papiers"),
    ("Fair wages for workers", "emploi"),
    ("Emergency shelters", "logement"),
    ("Human trafficking victims", "protection"),
    ("Advocacy by civil society", "participation"),
])
def test_english_ideas_find_their_theme(text: str, theme: str) -> None:
    assert top_theme(text) == theme


@pytest.mark.parametrize("text, theme", [
    ("bghina lwra9", "papiers"),
    ("sbitar ma bghawch ydakhlouna", "sante"),
    ("lmadrasa ma bghatch tsjel wladi", "education"),
    ("lbolis ma bghawch yakhdo chikaya", "justice"),
    ("ma kaynach lkhedma", "emploi"),
    ("mol dar bgha ykhrjna", "logement"),
    ("mrati kaydrbha rajelha", "protection"),
    ("l7ogra f tobis", "discrimination"),
    ("بغينا الوراق", "papiers"),
    ("السبيطار بعيد", "sante"),
    ("الكرا غالي بزاف", "logement"),
    ("الحكرة فالطوبيس", "discrimination"),
])
def test_darija_ideas_find_their_theme(text: str, theme: str) -> None:
    assert top_theme(text) == theme


def test_darija_rent_is_not_hatred() -> None:
    """« الكرا » (rent) and « الكراهية » (hatred) share a light stem: each is listed as the word itself."""
    assert theme_scores(idea_tokens("الكرا غالي")[1]) == {"logement": 1.0}
    assert theme_scores(idea_tokens("الكراهية ضد المهاجرين")[1]) == {"discrimination": 1.0}


def test_a_phrase_beats_the_words_it_contains() -> None:
    assert top_theme("Protection sociale") == "emploi"
    assert top_theme("Protection") == "protection"
    assert top_theme("Clinique juridique") == "justice"
    assert top_theme("Clinique") == "sante"


def test_stem_collisions_are_avoided() -> None:
    assert top_theme("Travailler l'hiver") == "emploi"  # French stem of « hiver » is the English one of « HIV »
    assert top_theme("Consulter avant chaque nouvelle loi") == "participation"  # « loyer » stems to « loi »
    assert top_theme("Ce projet vise les jeunes") is None  # « visa » stems to « vis »
    assert top_theme("Transport des participants") is None  # « participants » is no participation
    assert top_theme("Durée trop courte") is None  # « courte » is not the English « court »
    assert top_theme("Court and lawyers") == "justice"
    assert top_theme("Refuges pour les femmes battues") == "protection"  # « refuge » stems like « réfugié »
    assert top_theme("Le gouvernement doit agir") is None  # « gouvernance » stems like « gouvernement »


def test_hints_weigh_less_than_terms() -> None:
    scores = theme_scores(idea_tokens("Papiers pour les urgences")[1])
    assert scores == {"sante": HINT_WEIGHT, "papiers": 1.0}
    assert theme_shares({"participation": HINT_WEIGHT}) == {"participation": HINT_WEIGHT}
    assert theme_shares({"sante": 1.5, "papiers": 0.5}) == {"sante": 0.75, "papiers": 0.25}


def test_status_words_only_hint_at_papers() -> None:
    assert top_theme("Accès aux urgences pour les personnes sans papiers") == "sante"
    assert top_theme("Soins pour les migrants en situation irrégulière") == "sante"
