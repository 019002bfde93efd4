"""Moroccan Darija, as participants type it: in Arabic script, and in Latin script with digits (« arabizi »).

Latin-script Darija has no fixed spelling: « lwra9 », « lwraq », « elwara9 » are one word (الوراق, the papers);
3 stands for ع, 7 for ح, 9 for ق, 2 for ء, 5 for خ, 8 for غ; vowels come and go (« khedma », « khdma »); the
article « l » is glued to its noun, pronouns to the end of words (« wladna », our children) and the present's
« ka- »/« kay- » and the negation « ma-…-ch » around verbs (« ma9ablouhomch », they did not accept them). So a
word is compared by its consonant skeleton (``skeleton``: digits read as letters, vowels and doubled letters
dropped), with and without those affixes (``latin_forms``). Darija words in Arabic script go through the Arabic
normalisation of tokens.py like Modern Standard Arabic; what differs is vocabulary (السبيطار, الوراق, الخدمة,
الكرا, الحكرة), listed per theme here and read by themes.py with the lexicon's Arabic entries.

An idea is Darija in Latin script when its Darija function words or digit-spelled words outnumber its French and
English function words (tokens.guess_language). French words inside a Darija idea (« les passeurs », « carte de
séjour ») keep their French forms: a room code-switches.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

# Digits that spell letters; ع and ء (3, 2) are dropped like vowels, being hardly written the same twice.
# ق (9, q) stays apart from ك (k): « 9ra » is to read, « kra » is rent.
_DIGIT_LETTERS = str.maketrans({"2": "", "3": "", "4": "", "5": "x", "7": "h", "8": "g", "9": "q"})
# « y » stays: it is a consonant as often as a vowel (« l3yalat », « 3ayrouna »), and spellings keep it.
_VOWELS = re.compile(r"[aeiou]")
_DOUBLED = re.compile(r"(.)\1+")

# Function words of Darija in Latin script: they tell the language and carry no theme.
STOP_WORDS = frozenset("""
    a ana anaya 7na 7ena hna ntoma ntouma nta nti howa huwa hiya homa houma
    ma mach machi mashi ch chi chwiya ghir gha ghadi ghan bghina bghit bgha bghat bghaw bghawch bghach bghitch
    bghatch bghinach dyal dial dyali dyalna dyalhom dyalkom dyalo dyalha d dl f fi fl fel l li lli elli b bla m3a
    mn men 3la 3lina 3lihom 3lik lina lik lih liha lihom liya had hadi hada hadak hadik hadchi dak dik daba
    dima bzaf bzzaf walo wa walakin walakine ila ila kan kant kano kanou kayn kayna kaynin kaynine makaynch
    makaynach makaynich makaynche kaynach kaynch mazal ma zal baqi ba9i 7it hit 7ta hta bach wach fin fach kifach kifash
    3lach 3lash chno chnou achno ach ki kif b7al kolchi kol ga3 gaa3 khass khas khasso khassna khasshom
    w o y wla ola mli melli 3ad rah raha rahom rani
""".split())
# Words only Darija writes: the function words above that are not also French or English words.
MARKERS = STOP_WORDS - frozenset("""
    a ana had kan dima ach kif fin men ila bla chi dak dik rah wla ola khas khass w o y d f l b m li ki kol hit
    hta wa mach ma
""".split())
# Shapes no French or English word has: a letter beside a digit (« lwra9 »), the article glued to a consonant
# (« lkhedma », « lbni »), the present's prefix (« kaydrbha »), the negation around a verb (« mabghawch »).
_DARIJA_SHAPE = re.compile(r"[a-z][2-9]|[2-9][a-z]|^l[bcdfgjkmnpqstvwxz]|^ka[ynt][bcdfghjklmnpqrstvwxz]|^ma\w{3,}ch$")
ARTICLES = ("el", "al", "l")
SUFFIXES = ("hom", "houm", "kom", "koum", "na", "ha", "ni", "ek", "ik", "k", "h", "o", "ou", "u", "i")
VERB_PREFIXES = ("kay", "kan", "kat", "ka", "tay", "tan", "tat", "ta", "n", "y", "t")


def skeleton(word: str) -> str:
    """The consonants of a Latin-script Darija word: ``lwra9`` and ``elwaraq`` → ``lwrq``."""
    word = word.replace("ch", "sh").replace("kh", "5").replace("gh", "8").replace("ou", "u")
    word = _DOUBLED.sub(r"\1", word.translate(_DIGIT_LETTERS).replace("p", "b").replace("c", "k").replace("v", "f"))
    return _VOWELS.sub("", word)  # « 9anon » keeps its two n: collapsing here would make it « 9ina »


def is_darija_word(word: str) -> bool:
    return word in MARKERS or bool(_DARIJA_SHAPE.search(word))


def latin_forms(word: str) -> tuple[str, ...]:
    """Skeletons of ``word`` as typed and without its negation, article, verb prefix or pronoun suffix."""
    bases = {word}
    if word.endswith("ch") and len(word) >= 5:  # the negation: « ma khlasnach », « ma9ablouhomch »
        bases.add(word[2:-2] if word.startswith("ma") and len(word) > 6 else word[:-2])
    for affixes, strip in ((ARTICLES, lambda base, affix: base[len(affix):] if base.startswith(affix) else None),
                           (VERB_PREFIXES, lambda base, affix: base[len(affix):] if base.startswith(affix) else None),
                           (SUFFIXES, lambda base, affix: base[: -len(affix)] if base.endswith(affix) else None)):
        for base in list(bases):
            for affix in affixes:
                stripped = strip(base, affix)
                if stripped and len(skeleton(stripped)) >= (3 if affixes is VERB_PREFIXES else 2):
                    bases.add(stripped)
                    break
    return tuple(sorted({skeleton(base) for base in bases} - {""}))


# Per theme of the lexicon: Darija words in Latin script (one spelling each: the skeleton finds the others) and
# in Arabic script (read as Arabic). Verbs in one person: their affixes are taken off before matching.
LATIN: Mapping[str, tuple[str, ...]] = {
    # Not « wlada » / « twled » (birth): their skeleton is « wlad »'s, children, in every theme.
    "sante": ("sbitar", "sbitarat", "mostachfa", "mostawsaf", "tbib", "tbiba", "atibba", "dwa", "dwaya", "l3ilaj",
              "3ilaj", "mrid", "mrida", "mrad", "mard", "7amla", "tolid", "ramed", "amo", "fermli",
              "fermlia", "pharmacie", "ta9lih", "ambulance", "lanbilans", "urgence", "sbitar dyal l3am"),
    "education": ("madrasa", "medrassa", "mdrasa", "mdares", "9raya", "9ra", "yqra", "t9ra", "ostad", "ostada",
                  "mo3alim", "mo3alima", "tlamid", "tilmid", "talib", "tolab", "jami3a", "l3arbiya", "dars", "drouss",
                  "tasjil l madrasa", "ecole", "lycee", "college", "9bel", "ta3lim"),
    "justice": ("m7ami", "m7amiya", "mahkama", "m7akma", "mahakim", "9adi", "l9ada", "chikaya", "chkaya", "nchki",
                "bolis", "police", "commissariat", "tarjman", "motarjim", "l9anoun", "9anon", "d3wa", "7abs", "l7bs",
                "procureur", "niyaba", "l7a9", "7o9o9"),
    "papiers": ("wra9", "lwara9", "karta", "lakart", "carte", "sejour", "ikama", "i9ama", "tajdid", "tasjil", "taswiya",
                "regularisation", "passport", "paspor", "recepisse", "resipisse", "bita9a", "l2idara", "idara",
                "lwatha2i9", "watha2i9", "visa"),
    "emploi": ("khdma", "khedma", "khdmat", "khdam", "khddama", "khdamin", "nkhdem", "patron", "batron", "khlas",
               "khlsa", "ujra", "cnss", "contrat", "kontra", "lbni", "mchrou3", "machari3", "chomage", "tchomage",
               "sal3a", "bi3", "fellaha", "lfla7a", "mo9awala", "anapec", "ofppt", "takwin", "7irfa"),
    # Not « dar » alone: its skeleton is the verb « dir » (to do)'s.
    "logement": ("darna", "dyour", "bit", "byout", "kra", "nkri", "ykri", "mol dar", "s7ab dar", "skna", "nskon",
                 "sokna", "gorfa", "ghorfa", "n3es", "na3sin", "n3so", "mawa", "l2iwa2", "iwa2", "khrjna",
                 "lbarrak", "bidonville", "appartement", "chambre"),
    "protection": ("l3onf", "3onf", "drb", "tdrb", "tdarbo", "darbouni", "tta3di", "ta3di", "t3dda", "tt3dda",
                   "ghtissab", "t7arrouch", "t7rach", "drari sghar", "drari bo7dhom", "bo7dhom", "9aser", "9asirin",
                   "l3yalat", "3yalat", "passeurs", "passeur", "mhareb", "mharbin", "stghlal", "ystghel",
                   "khtaf", "tetkhtaf", "hddou", "tahdid", "sr9o", "sera9"),
    "participation": ("ncharkou", "ycharkou", "mocharaka", "jam3iya", "jam3iyat", "l9rarat", "9rar", "ra2y",
                      "ra2yna", "hiwar", "lmajalis", "majlis", "ntikhabat", "intikhabat", "tamtil", "momatil",
                      "tchawor", "mas2oulin", "mas2oul", "sowlo", "ysowlo", "kaysowlona"),
    "discrimination": ("7ogra", "hogra", "ta7gar", "kay7gro", "3onsoriya", "3onsori", "3onsoriyin", "3azzi", "3azi",
                       "3zzi", "ka7la", "k7al", "loun", "3ayrou", "t3ayro", "3ayer", "sabb", "sebba", "kaysbou",
                       "tamyiz", "racisme", "raciste"),
}
ARABIC: Mapping[str, tuple[str, ...]] = {
    "sante": ("السبيطار", "سبيطار", "الصبيطار", "الطبيب", "الدوا", "الدواء", "الفرملي", "الفرمليه", "مريض", "المريض",
              "مريضة", "الحاملة", "الولادة", "الصبيطارات", "المستوصف", "لافارماسي"),
    "education": ("المدرسة", "القراية", "نقراو", "يقراو", "الاستاذ", "المعلم", "الدراسة", "نتسجل", "التسجيل فالمدرسة",
                  "ليكول", "الليسي", "الكوليج"),
    "justice": ("المحامي", "محامي", "المحكمة", "البوليس", "الشكاية", "شكاية", "نشكي", "القاضي", "الكوميسارية",
                "الترجمان", "الحبس", "القانون"),
    "papiers": ("الوراق", "وراق", "الكارطة", "كارطة", "لاكارط", "الإقامة", "الاقامة", "التسوية", "الباسبور",
                "الفيزا", "السيجور", "تجديد", "الرسيبيسي"),
    "emploi": ("الخدمة", "خدمة", "خدام", "نخدم", "كنخدم", "الخدامة", "الباطرون", "باطرون", "الخلصة", "خلصناش",
               "كونطرا", "الكونطرا", "لاسيانيس", "البني", "الموقف", "التكوين"),
    "logement": ("=الكرا", "=كرا", "=لكرا", "الدار", "دار", "البيت", "مول الدار", "صاحب الدار", "نسكن", "السكنى", "يكري",
                 "نكري", "الغرفة", "نعسو", "كنعسو"),
    "protection": ("العنف", "الضرب", "كيتضربو", "تضربات", "كيضربها", "كيتعداو", "الاعتداء", "القاصرين",
                   "الدراري الصغار", "دراري صغار", "بوحدهم", "العيالات", "الحراكة", "المهربين", "الاستغلال",
                   "كيستغلو", "التهديد"),
    "participation": ("نشاركو", "يشاركو", "المشاركة", "القرارات", "القرار", "الجمعيات", "جمعيات", "رأينا", "الرأي",
                      "كيسولونا", "الحوار", "المجالس", "الانتخابات", "المسؤولين"),
    "discrimination": ("الحكرة", "حكرة", "كيحكرونا", "العنصرية", "عنصري", "عزي", "كيسميونا", "كيعيرونا", "كحال",
                       "الكحلين", "لوننا", "اللون", "كيسبونا", "السب", "التمييز"),
}
# Function words of Darija in Arabic script, on top of the Arabic stop-words.
ARABIC_STOP_WORDS = frozenset("""
    ما بغينا بغيت بغا بغاو ديال ديالنا ديالي ديالهم ديالو ديالها اللي لي حيت بلا شنو فين بزاف غير واش هاد هادي
    هادشي داك ديك علينا عليهم ليا لينا ليه ليها مازال زال كاين كاينة كاينين ماكاينش والو دابا خاص خاصنا خاصهم
    حنا انا هوما نتوما راه راهم باش كي كيفاش علاش
""".split())
