"""Normal form of words: accents and case folded, French and English stems, light Arabic normalisation."""
from workshop.clustering.tokens import arabic_stem, fold, guess_language, idea_tokens, words


def keys(text: str) -> list[str]:
    return [token.key for token in idea_tokens(text)[1]]


def test_fold_drops_case_accents_and_ligatures() -> None:
    assert fold("Hôpital") == "hopital"
    assert fold("ÉCOLE") == "ecole"
    assert fold("Œuvre") == "oeuvre"
    assert fold("Séjour") == fold("sejour") == "sejour"


def test_accented_and_unaccented_spellings_share_a_key() -> None:
    assert keys("Les hôpitaux") == keys("les hopitaux") == keys("L'HÔPITAL")
    assert keys("carte de séjour") == keys("Cartes de sejour")
    assert keys("éducation") == keys("Education")


def test_elisions_and_stop_words_are_dropped() -> None:
    assert [token.surface for token in idea_tokens("L'accès à l'école pour tous les enfants")[1]] == [
        "accès", "école", "enfants"]
    assert idea_tokens("de la et le")[1] == []


def test_field_words_in_general_stop_lists_are_kept() -> None:
    # « état » is a French stop-word, « sans » too; here they make « état civil » and « sans papiers ».
    assert [token.surface for token in idea_tokens("État civil des sans papiers")[1]] == [
        "état", "civil", "sans", "papiers"]


def test_arabic_letter_variants_are_folded() -> None:
    assert arabic_stem("أطفال") == arabic_stem("اطفال") == arabic_stem("إطفال")
    assert arabic_stem("آمن") == arabic_stem("امن")
    assert arabic_stem("مستشفى") == arabic_stem("مستشفي")
    assert arabic_stem("صحة") == arabic_stem("صحه")


def test_arabic_diacritics_and_tatweel_are_removed() -> None:
    assert keys("المُسْتَشْفَى") == keys("المستشفى")
    assert keys("الصّحّة") == keys("الصحة")
    assert keys("التعـــليم") == keys("التعليم")


def test_arabic_article_and_endings_are_removed() -> None:
    assert arabic_stem("المدرسة") == arabic_stem("مدرسة") == arabic_stem("مدرسي")
    assert arabic_stem("والتعليم") == arabic_stem("التعليم") == arabic_stem("تعليم")
    assert arabic_stem("للأطفال") == arabic_stem("الأطفال")
    assert arabic_stem("المهاجرين") == arabic_stem("المهاجرون") == arabic_stem("مهاجر")
    assert arabic_stem("المستشفيات") == arabic_stem("المستشفى")


def test_arabic_clitic_form_is_offered_to_the_lexicon() -> None:
    token = idea_tokens("وتعليم")[1][0]
    assert "ar:" + arabic_stem("تعليم") in token.forms


def test_language_guess() -> None:
    assert guess_language(words("Accès aux soins pour les personnes sans papiers")) == "fr"
    assert guess_language(words("Changer la date de la rencontre")) == "fr"
    assert guess_language(words("Free legal aid for migrants in court")) == "en"
    assert guess_language(words("تسهيل ولوج المهاجرين إلى المستشفيات")) == "ar"
    assert guess_language(words("Legal aid")) == guess_language(words("")) == "?"  # both stems then


def test_control_and_bidi_characters_are_ignored() -> None:
    assert keys("Soins\x00 gratuits\x07 à l'hô\u202epital") == keys("Soins gratuits à l'hôpital")
    assert idea_tokens("\x00\x01\x7f\u202e\u2066")[1] == []


def test_darija_in_latin_script_is_told_from_french_and_english() -> None:
    for text in ("bghina lwra9", "sbitar ma bghawch ydakhlouna", "lkra ghali bzaf", "mrati kaydrbha rajelha",
                 "ma kaynach lkhedma l lmohajirin"):
        assert guess_language(words(text)) == "dz", text
    for text, language in (("Les hôpitaux refusent de soigner", "fr"), ("Access to hospitals for all", "en"),
                           ("Circulaire 13/487 sur la scolarisation", "fr"), ("Réunion du G7", "fr"),
                           ("بغينا الوراق", "ar")):
        assert guess_language(words(text)) == language, text


def test_darija_spellings_of_one_word_share_a_skeleton() -> None:
    from workshop.clustering.darija import latin_forms, skeleton

    assert skeleton("lwra9") == skeleton("lwraq") == skeleton("elwara9".removeprefix("e")) == "lwrq"
    assert skeleton("khedma") == skeleton("khdma") and skeleton("sbitar") == skeleton("spitar")
    assert skeleton("9ra") != skeleton("kra")  # to read, and rent: ق is not ك
    assert skeleton("9anon") != skeleton("9ina")  # doubled consonants across a vowel are two letters
    # The article, the present's prefix, the negation and a pronoun come off: the verb « drb » (to beat) is found.
    assert skeleton("drb") in latin_forms("kaydrbha")
    assert skeleton("khlas") in latin_forms("khlasnach")
    assert skeleton("wra9") in latin_forms("lwra9")
