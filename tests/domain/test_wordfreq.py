from workshop.domain.wordfreq import phrase_of, word_frequencies, words_of

STOP = frozenset({"de", "la", "le", "les", "aux", "à", "et", "pour", "tous", "في", "l'"})


def test_french_elisions_are_split_off_in_longer_texts() -> None:
    assert words_of("L'accès à l'hôpital et d’abord qu'on soigne", STOP) == ["accès", "hôpital", "abord", "on", "soigne"]


def test_an_answer_of_up_to_three_words_counts_as_one_phrase() -> None:
    answers = ["carte de séjour", "Carte de séjour", "La carte de séjour", "accès aux soins", "papiers",
               "الحق في الصحة", "الصحة"]
    assert word_frequencies(answers, STOP) == [("carte de séjour", 3), ("accès aux soins", 1), ("papiers", 1),
                                              ("الحق في الصحة", 1), ("الصحة", 1)]


def test_acronyms_keep_their_capitals_and_are_counted_with_their_lower_case_spelling() -> None:
    assert phrase_of("CIN exigée", STOP) == "CIN exigée"
    assert phrase_of("l'AMO", STOP) == "AMO"
    assert word_frequencies(["cin exigée", "CIN exigée", "AMO", "amo"], STOP) == [("AMO", 2), ("CIN exigée", 2)]


def test_longer_texts_count_word_by_word_and_stop_words_alone_count_for_nothing() -> None:
    assert phrase_of("Accès aux soins pour tous les migrants", STOP) is None
    assert word_frequencies(["Accès aux soins pour tous les migrants", "les", "à"], STOP) == [
        ("accès", 1), ("migrants", 1), ("soins", 1)]


def test_frequencies_sorted_by_count_then_alphabetically() -> None:
    assert word_frequencies(["soins", "accès", "Soins", "accès", "papiers"], STOP) == [
        ("accès", 2), ("soins", 2), ("papiers", 1)]


def test_limit() -> None:
    assert len(word_frequencies([f"mot{n} terme{n}" for n in range(50)], STOP, limit=10)) == 10
