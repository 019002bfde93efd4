from workshop.domain.wordfreq import word_frequencies, words_of

STOP = frozenset({"de", "la", "le", "les", "aux", "à", "et", "في"})


def test_french_elisions_are_split_off() -> None:
    assert words_of("L'accès à l'hôpital et d’abord qu'on soigne", STOP) == ["accès", "hôpital", "abord", "on", "soigne"]


def test_frequencies_sorted_by_count_then_alphabetically() -> None:
    answers = ["accès aux soins", "Soins", "papiers", "accès", "الحق في الصحة", "الصحة"]
    assert word_frequencies(answers, STOP) == [("accès", 2), ("soins", 2), ("الصحة", 2), ("papiers", 1), ("الحق", 1)]


def test_limit() -> None:
    assert len(word_frequencies([f"mot{n} terme{n}" for n in range(50)], STOP, limit=10)) == 10
