"""A small form with everything the reader must handle: groups, both select types, numbers, three languages."""
from __future__ import annotations

from workshop.fieldforms import Choice, FormSpec, Group, Language, Question

FR, AR, EN = Language("fr", "Français"), Language("ar", "العربية"), Language("en", "English")

YES_NO = (Choice("oui", {"fr": "Oui", "ar": "نعم", "en": "Yes"}), Choice("non", {"fr": "Non", "ar": "لا", "en": "No"}))
SERVICES = (Choice("sante", {"fr": "Santé", "ar": "الصحة", "en": "Health"}),
            Choice("ecole", {"fr": "École", "ar": "المدرسة", "en": "School"}),
            Choice("justice", {"fr": "Justice", "ar": "العدالة", "en": "Justice"}))
REGIONS = (Choice("oriental", {"fr": "Oriental", "ar": "جهة الشرق", "en": "Oriental"}),
           Choice("souss_massa", {"fr": "Souss-Massa", "ar": "سوس ماسة", "en": "Souss-Massa"}))


def sample_spec() -> FormSpec:
    return FormSpec(
        form_id="essai", title="Formulaire d'essai", version="1", languages=(FR, AR, EN), default_language="fr",
        choice_lists={"yes_no": YES_NO, "services": SERVICES, "regions": REGIONS},
        items=(
            Question("select_one", "region", {"fr": "Région", "ar": "الجهة", "en": "Region"}, choices="regions",
                     required=True),
            Question("integer", "age", {"fr": "Âge", "ar": "العمر", "en": "Age"}, constraint=". >= 15"),
            Group("acces", {"fr": "Accès", "ar": "الولوج", "en": "Access"}, appearance="field-list", children=(
                Question("select_one", "soins", {"fr": "A obtenu les soins", "ar": "حصل على العلاج",
                                                 "en": "Got the care"}, choices="yes_no",
                         hints={"fr": "Lors du dernier besoin", "ar": "عند آخر حاجة", "en": "Last time"},
                         extra={"ws_key": "h1"}),
                Group("detail", {"fr": "Détail", "ar": "تفاصيل", "en": "Detail"}, children=(
                    Question("select_multiple", "services", {"fr": "Services utilisés", "ar": "الخدمات المستعملة",
                                                             "en": "Services used"}, choices="services",
                             extra={"ws_key": "s1"}),)),
            )),
            Question("text", "commentaire", {"fr": "Commentaire", "ar": "تعليق", "en": "Comment"}),
        ),
        extra_columns=("ws_key",),
    )
