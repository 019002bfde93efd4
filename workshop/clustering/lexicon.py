"""The theme lexicon of this field (migrants' access to rights in Morocco), as data.

Each theme has a label in French, English and Arabic, the theme of an axe d'influence it proposes,
and words and phrases in the three languages. ``terms`` point clearly to the theme; ``hints`` lean
towards it but also turn up elsewhere (``naissance``: a birth certificate or a maternity ward), so
they weigh less. Write words as people type them: matching folds case and accents, stems French and
English words and lightly normalises Arabic (tokens.py), so one form per word family is enough, but
a broken plural (مدرسة / مدارس) or an irregular form (hôpital / hôpitaux) needs its own entry.
A phrase beats the single words it contains: « protection sociale » is work, « protection » alone is
protection; « clinique juridique » is justice, « clinique » alone is health. A word written ``=loyer``
matches that exact word only, for the few words whose stem is another word's (loyer → « loi »,
visa → « vis », foyer → « foi »).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

@dataclass(frozen=True)
class Theme:
    """One theme of the lexicon."""

    key: str
    # The theme (domain/axes.py THEMES) an axe made of such a cluster starts with; None for the cross-cutting
    # themes, where the moderator chooses (the console proposes « transversal » unless another cluster says more).
    axis_theme: str | None
    labels: Mapping[str, str]              # language → short label
    terms: Mapping[str, tuple[str, ...]]   # language → words and phrases that point to the theme
    hints: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # language → words that lean to it


THEMES: tuple[Theme, ...] = (
    Theme(
        key="sante",
        axis_theme="sante",
        labels={"fr": "Santé", "en": "Health", "ar": "الصحة"},
        terms={
            "fr": (
                "santé", "santé mentale", "santé reproductive", "santé sexuelle", "centre de santé",
                "soins", "soigner", "soignant", "soins de santé primaires", "soins d'urgence", "service des urgences",
                "médical", "médicale", "médecin", "médecine", "médicament", "médicaments", "pharmacie",
                "hôpital", "hôpitaux", "hospitalisation", "hospitalier", "clinique", "dispensaire",
                "infirmier", "infirmière", "ambulance", "maternité", "accouchement", "accoucher",
                "grossesse", "enceinte", "prénatal", "vaccination", "vaccin", "vacciner", "dépistage",
                "VIH", "=sida", "tuberculose", "hépatite", "paludisme", "maladie", "malade", "diabète",
                "psychologique", "psychologue", "psychiatrique", "psychiatre", "psychosocial",
                "traumatisme", "traumatisé", "AMO", "AMO Tadamon", "Tadamon", "RAMED", "couverture médicale",
                "assurance maladie", "mutuelle", "=ordonnance", "=ordonnances", "radiographie", "analyses médicales",
                "consultation médicale", "médiateur de santé", "médiatrice de santé", "planning familial",
                "contraception", "malnutrition", "dentiste", "soins dentaires", "handicap",
            ),
            "en": (
                "health", "healthcare", "health care", "mental health", "hospital", "clinic", "medical",
                "medicine", "medicines", "doctor", "nurse", "medical care", "vaccination",
                "vaccine", "maternity", "pregnant", "pregnancy", "childbirth", "HIV", "tuberculosis",
                "psychological", "psychosocial", "trauma", "disease", "illness", "sick", "pharmacy",
                "health insurance", "ambulance", "chronic disease", "treatment",
            ),
            "ar": (
                "الصحة", "صحي", "الصحية", "الصحة النفسية", "المستشفى", "المستشفيات", "مستشفى", "العلاج",
                "علاج", "الأدوية", "دواء", "الطبيب", "الأطباء", "طبي", "الطبية", "التغطية الصحية",
                "التأمين الصحي", "راميد", "أمو", "أمو تضامن", "الحوامل", "الحامل", "التلقيح", "اللقاح",
                "المرض", "الأمراض", "المرضى", "الدعم النفسي", "المراكز الصحية", "مركز صحي", "الإسعاف",
                "المستعجلات", "الممرض", "الممرضين", "الصيدلية", "السيدا", "السل", "الولادة في المستشفى",
            ),
        },
        hints={
            "fr": ("urgences", "sanitaire", "naissance", "traitement", "interprète médical"),
            "en": ("care", "drugs"),
            "ar": ("الولادة",),
        },
    ),
    Theme(
        key="education",
        axis_theme="education",
        labels={"fr": "Éducation", "en": "Education", "ar": "التعليم"},
        terms={
            "fr": (
                "éducation", "éducatif", "école", "écoles", "scolaire", "scolarité", "scolarisation",
                "scolariser", "non scolarisé", "déscolarisation", "décrochage scolaire", "abandon scolaire",
                "enseignant", "enseignants", "enseignement", "instituteur", "institutrice",
                "professeur", "classe", "alphabétisation", "analphabétisme",
                "analphabète", "cantine", "fournitures scolaires", "manuels scolaires", "cartable",
                "rentrée scolaire", "inscription scolaire", "préscolaire", "crèche", "maternelle", "collège",
                "lycée", "université", "universitaire", "étudiant", "étudiants", "bourse", "bourses",
                "examen", "examens", "baccalauréat", "brevet", "académie",
                "académies", "AREF", "circulaire 13/487", "éducation non formelle", "Tayssir",
                "soutien scolaire", "cours d'arabe", "cours de langue", "apprendre",
                "enseigner", "pédagogique", "mise à niveau", "établissement scolaire", "directeur d'école",
                "kits scolaires", "formation des enseignants",
            ),
            "en": (
                "education", "school", "schools", "schooling", "pupil", "pupils", "student", "students",
                "teacher", "teachers", "classroom", "enrol", "enroll", "enrolment", "enrollment",
                "scholarship", "scholarships", "university", "literacy", "illiteracy", "kindergarten",
                "preschool", "tuition", "curriculum", "dropout", "lessons", "language classes",
            ),
            "ar": (
                "التعليم", "تعليم", "التعليمية", "المدرسة", "المدارس", "مدرسي", "المدرسية", "التمدرس",
                "تمدرس", "التلاميذ", "التلميذ", "تلاميذ", "الطلبة", "الطلاب", "الجامعة", "الجامعات",
                "منحة دراسية", "المنح الدراسية", "الدراسة", "الدراسي", "الأستاذ", "الأساتذة", "المعلم",
                "المعلمين", "محو الأمية", "التربية", "التربية غير النظامية", "دروس", "الدعم المدرسي",
                "الدعم التربوي", "رياض الأطفال", "التعليم الأولي", "الحضانة", "الهدر المدرسي",
                "تيسير", "الأكاديمية",
            ),
        },
        hints={
            # « élève » folds and stems like « élevé » (a high cost): a hint only
            "fr": ("cours", "diplôme", "diplômes", "darija", "apprentissage", "circulaire", "élève", "élèves"),
            "en": ("classes", "class", "learn", "learning", "diploma"),
            "ar": ("الشهادات",),
        },
    ),
    Theme(
        key="justice",
        axis_theme="justice",
        labels={"fr": "Justice et accès aux droits", "en": "Justice and access to rights",
                "ar": "العدالة والولوج إلى الحقوق"},
        terms={
            "fr": (
                "justice", "judiciaire", "juridique", "juridiquement", "juridictionnel", "aide juridictionnelle",
                "assistance juridique", "permanence juridique", "clinique juridique", "conseil juridique",
                "tribunal", "tribunaux", "cour d'appel", "juge", "juges", "jugement", "procès", "audience",
                "audiences", "avocat", "avocats", "barreau", "plainte", "porter plainte", "procureur",
                "parquet", "recours", "contentieux", "litige", "litiges", "procès-verbal", "procès-verbaux",
                "garde à vue", "détention", "arrestation arbitraire", "CNDH", "médiateur du royaume",
                "institution du médiateur", "droits humains", "droits de l'homme", "droit des étrangers",
                "accès aux droits", "accès à la justice", "connaître ses droits", "information juridique",
                "adoul", "notaire", "impunité", "poursuites",
            ),
            "en": (
                "justice", "court", "courts", "judge", "judges", "lawyer", "lawyers", "legal", "legal aid",
                "attorney", "trial", "complaint", "judicial", "prosecutor", "appeal", "human rights",
                "access to justice", "detention", "detained",
            ),
            "ar": (
                "العدالة", "القضاء", "القضائية", "القضائي", "المحكمة", "المحاكم", "القاضي", "القضاة",
                "المحامي", "المحامين", "محام", "المساعدة القضائية", "المساعدة القانونية", "قانوني", "شكاية",
                "الشكايات", "تقديم شكاية", "حقوق الإنسان", "المجلس الوطني لحقوق الإنسان", "الاعتقال",
                "الاحتجاز", "الطعن", "الولوج إلى العدالة", "الوسيط", "مؤسسة الوسيط",
            ),
        },
        hints={
            "fr": ("droits", "droit", "arrestation", "arrestations", "médiation", "police",
                   "commissariat", "démarches", "procédures"),
            "en": ("rights", "arrest", "police station"),
            "ar": ("الحقوق", "حقوق", "القانونية"),
        },
    ),
    Theme(
        key="papiers",
        axis_theme="papiers_sejour",
        labels={"fr": "Papiers et séjour", "en": "Documents and residence", "ar": "الوثائق والإقامة"},
        terms={
            "fr": (
                "papiers", "séjour", "titre de séjour", "carte de séjour", "carte de résidence",
                "régularisation", "régulariser", "récépissé", "renouvellement", "préfecture",
                "préfectures", "bureau des étrangers", "DGSN", "carte d'immatriculation", "immatriculation",
                "passeport", "passeports", "=visa", "=visas", "ambassade", "consulat", "asile", "demandeur d'asile",
                "demandeurs d'asile", "demande d'asile", "=réfugié", "=réfugiés", "=réfugiée", "=réfugiées",
                "statut de réfugié",
                "carte de réfugié", "HCR", "UNHCR", "BRA", "bureau des réfugiés", "apatride", "apatridie",
                "état civil", "acte de naissance", "extrait de naissance", "déclaration de naissance",
                "enregistrement des naissances", "livret de famille", "naturalisation",
                "situation administrative", "refoulement", "refoulements", "reconduite à la frontière", "frontière",
                "frontières", "déplacements forcés", "carte d'identité", "regroupement familial",
                "pièces administratives", "dossier de séjour",
            ),
            "en": (
                "papers", "residence permit", "residence card",
                "residency", "regularisation", "regularization", "regularise", "regularize", "visa",
                "passport", "asylum", "asylum seeker", "asylum seekers", "refugee status", "stateless",
                "statelessness", "birth registration", "birth certificate", "civil registry",
                "civil registration", "deportation", "deported", "nationality", "identity card", "border",
            ),
            "ar": (
                "بطاقة الإقامة", "الإقامة", "إقامة", "تسوية الوضعية", "التسوية", "تسوية",
                "الوضعية الإدارية", "الوثائق", "وثائق", "جواز السفر", "التأشيرة", "اللجوء", "طالبي اللجوء",
                "اللاجئين", "اللاجئ", "صفة اللاجئ", "الحالة المدنية", "عقد الازدياد", "شهادة الميلاد",
                "رسم الولادة", "شهادة الولادة", "تسجيل المواليد", "المواليد", "الحصول على الجنسية", "عديمي الجنسية",
                "انعدام الجنسية", "الترحيل", "بطاقة التعريف", "الأوراق", "الحدود",
            ),
        },
        hints={
            # How a person's status is described (« soins pour les migrants en situation irrégulière ») more
            # often qualifies an idea about something else than makes it one about papers.
            "fr": ("documents", "dossier", "statut", "expulsion", "naissance", "renouveler", "administration",
                   "régularisé", "régularisés", "sans papiers", "sans-papiers", "situation irrégulière",
                   "en situation régulière", "irrégulier",
                   "nationalité"),
            "en": ("documents", "permit", "status", "refugee", "refugees", "renewal", "undocumented", "without papers"),
            "ar": ("تجديد", "الإدارة", "بدون أوراق"),
        },
    ),
    Theme(
        key="emploi",
        axis_theme="emploi",
        labels={"fr": "Emploi et moyens de subsistance", "en": "Work and livelihoods", "ar": "الشغل وسبل العيش"},
        terms={
            "fr": (
                "emploi", "emplois", "travail", "travailler", "travailleur", "travailleurs", "travailleuse",
                "employeur", "employeurs", "employé", "embauche", "embaucher", "recrutement", "chômage",
                "chômeur", "salaire", "salaires", "salarié", "rémunération", "contrat de travail",
                "permis de travail", "CNSS", "sécurité sociale", "protection sociale", "ANAPEC", "OFPPT",
                "formation professionnelle", "insertion professionnelle", "professionnel",
                "métier", "métiers", "entreprise", "entrepreneuriat", "entrepreneur", "auto-entrepreneur",
                "création d'entreprise", "microcrédit", "microcrédits", "coopérative", "coopératives",
                "activité génératrice de revenus", "AGR", "revenus", "revenu", "commerce", "commerçant",
                "vendeur ambulant", "secteur informel", "informel",
                "travail au noir", "patron", "patrons", "ouvrier", "ouvriers",
                "agriculture", "exploitation agricole", "exploitations agricoles", "travail domestique",
                "employée de maison", "inspection du travail", "inspecteur du travail",
                "code du travail", "syndicat", "heures supplémentaires", "licenciement", "préférence nationale",
                "moyens de subsistance", "subsistance", "stage", "gagner sa vie", "petits boulots", "job",
            ),
            "en": (
                "work", "job", "jobs", "employment", "unemployment", "employer", "employers", "worker",
                "workers", "wage", "wages", "salary", "labour", "labor", "work permit", "work permits",
                "social security", "vocational training", "livelihood", "livelihoods", "income", "business",
                "self-employed", "entrepreneur", "microcredit", "domestic worker", "domestic workers",
                "informal economy", "hire", "hiring", "trade union",
            ),
            "ar": (
                "الشغل", "شغل", "العمل", "عمل", "التشغيل", "فرص الشغل", "فرص العمل", "البطالة", "الأجر",
                "الأجور", "الأجراء", "أجراء", "العمال", "عامل", "العاملات", "المشغل", "المشغلين", "عقد العمل",
                "الضمان الاجتماعي", "الصندوق الوطني للضمان الاجتماعي", "التكوين المهني", "المهني",
                "الإدماج المهني", "المقاولة", "المقاول الذاتي", "القروض الصغرى", "التعاونيات", "التعاونية",
                "الدخل", "مدخول", "أنابيك", "عاملات المنازل", "العمل المنزلي", "الأنشطة المدرة للدخل",
                "سبل العيش", "التجارة",
            ),
        },
        hints={
            "fr": ("diplôme", "diplômes", "compétences", "crédit", "=batiment", "=batiments", "agricole",
                   "domestique", "domestiques", "apprentissage", "qualification"),
            "en": ("paid", "unpaid", "skills", "training", "construction"),
            "ar": ("الشهادات", "التكوين"),
        },
    ),
    Theme(
        key="logement",
        axis_theme="logement_protection",
        labels={"fr": "Logement et hébergement", "en": "Housing and shelter", "ar": "السكن والإيواء"},
        terms={
            "fr": (
                "logement", "logements", "loger", "logement social", "hébergement", "héberger", "hébergé",
                "hébergement d'urgence", "abri", "abris", "sans-abri", "sans abri", "SDF", "=foyer", "=foyers",
                "centre d'accueil", "maison d'accueil", "accueil de jour", "=loyer", "=loyers", "louer",
                "location", "locataire", "locataires", "locatif", "locative", "bail",
                "bailleur", "bailleurs", "propriétaire", "propriétaires", "caution", "colocation",
                "expulsion locative", "insalubre", "insalubres", "insalubrité", "surpeuplé", "surpeuplée",
                "surpeuplement", "bidonville", "campement", "campements", "squat", "dormir dans la rue",
                "à la rue", "appartement", "immeuble", "habitat", "=habitation", "=habitations", "toit", "dortoir",
            ),
            "en": (
                "housing", "shelter", "shelters", "homeless", "homelessness", "rent", "renting", "tenant",
                "tenants", "landlord", "landlords", "lease", "eviction", "evicted", "accommodation",
                "overcrowded", "slum", "sleeping rough", "apartment",
            ),
            "ar": (
                "السكن", "سكن", "المسكن", "السكن اللائق", "السكن الاجتماعي", "الكراء", "كراء", "المكتري",
                "المكترين", "صاحب المنزل", "أصحاب المنازل", "المنازل", "المنزل", "الإيواء", "إيواء",
                "مراكز الإيواء", "مأوى", "بدون مأوى", "الإفراغ", "غرفة", "الاكتظاظ", "المخيمات",
                "وضعية الشارع",
            ),
        },
        hints={
            "fr": ("maison", "maisons", "chambre", "=refuge", "=refuges", "rue"),
            "en": ("house", "camp", "camps", "home"),
            "ar": ("البيت", "الشارع"),
        },
    ),
    Theme(
        key="protection",
        axis_theme="logement_protection",
        labels={"fr": "Protection (violences, mineurs, traite)", "en": "Protection (violence, minors, trafficking)",
                "ar": "الحماية (العنف، القاصرون، الاتجار بالبشر)"},
        terms={
            "fr": (
                "protection", "protection de l'enfance", "violence", "violences", "violent", "VBG",
                "violence basée sur le genre", "violences basées sur le genre", "violence conjugale",
                "violences sexuelles", "violence policière", "femmes battues", "femmes victimes", "victime",
                "victimes", "abus", "abus sexuels", "agression", "agressions", "agresser", "viol", "violée",
                "harcèlement", "harceler", "exploitation", "exploiter", "exploité", "=traite",
                "traite des êtres humains", "=traite des personnes", "trafic de personnes", "trafiquant",
                "trafiquants", "passeur", "passeurs", "réseaux de passeurs", "mineur", "mineurs", "mineure",
                "mineures", "mineurs non accompagnés", "MNA", "enfants non accompagnés", "mineurs isolés",
                "enfants des rues", "enfants en situation de rue", "enfance", "kafala", "orphelin",
                "orphelins", "mendicité", "mariage forcé", "mariages forcés", "mariage précoce", "séquestré",
                "séquestration", "travail forcé", "travail des enfants", "esclavage", "menaces",
                "cellule d'écoute", "cellules d'écoute", "centre d'écoute", "écoute",
                "survivant", "survivante", "survivantes", "maltraitance", "torture", "enlèvement", "rançon",
                "racket", "loi 27-14", "loi 103-13", "signaler", "signalement",
            ),
            "en": (
                "protection", "protect", "violence", "abuse", "abused", "assault", "rape", "harassment",
                "exploitation", "exploited", "trafficking", "human trafficking", "trafficked", "smuggler",
                "smugglers", "unaccompanied minors", "unaccompanied children", "minors", "child protection",
                "street children", "gender-based violence", "GBV", "victim", "victims", "survivor",
                "survivors", "forced marriage", "child labour", "child labor", "safe house", "hotline",
            ),
            "ar": (
                "الحماية", "حماية", "العنف", "عنف", "ضحايا", "الضحايا", "ضحية", "الاتجار بالبشر",
                "الاتجار بالأشخاص", "الاتجار", "الاستغلال", "استغلال", "القاصرين", "القاصرين غير المصحوبين",
                "القاصر", "القاصرون", "الأطفال غير المصحوبين", "أطفال الشوارع", "التحرش", "الاغتصاب",
                "الاعتداء", "الاعتداءات", "العنف الجنسي", "العنف القائم على النوع", "النساء ضحايا العنف",
                "مراكز الاستماع", "الاستماع", "زواج القاصرات", "التسول", "المهربين", "شبكات التهريب",
                "الكفالة", "المعنفات",
            ),
        },
        hints={
            "fr": ("protéger", "sécurité", "vulnérable", "vulnérables", "vulnérabilité", "=refuge", "=refuges",
                   "trafic", "disparus"),
            "en": ("minor", "safe", "vulnerable"),
            "ar": ("الأمان", "الأطفال"),
        },
    ),
    Theme(
        key="participation",
        axis_theme=None,
        labels={"fr": "Participation et plaidoyer", "en": "Participation and advocacy", "ar": "المشاركة والترافع"},
        terms={
            "fr": (
                # « participants » has the stem of « participation »: exact words only
                "=participation", "=participer", "=participatif", "=participative", "représentation",
                "représentant", "représentants", "représentativité", "consultation", "consulter",
                "=concertation", "dialogue", "plaidoyer", "=associatif", "=associative", "vie associative",
                "société civile",
                "OPM", "organisations de migrants", "organisations de personnes migrantes",
                "associations de migrants", "leadership", "leader", "leaders", "leaders communautaires",
                "porte-parole", "élections", "électoral", "vote", "voter", "droit de vote", "conseil communal",
                "conseils communaux", "conseil régional", "=pétition", "=pétitions", "motion", "instances",
                "=gouvernance", "politiques publiques", "implication",
                "impliquer", "coalition", "mobilisation", "renforcement des capacités", "citoyenneté",
                "=engagement", "parlementaires", "décideurs",
                "budget participatif",
            ),
            "en": (
                "=participation", "=participate", "representation", "represent", "consult", "consultation",
                "dialogue", "advocacy", "civil society", "migrant-led", "vote", "voting", "elections",
                "leadership", "voice", "policy making", "policy-making", "decision-making", "coalition",
                "petition", "engagement", "empowerment",             ),
            "ar": (
                "المشاركة", "مشاركة", "إشراك", "التمثيلية", "تمثيلية", "التمثيل", "التشاور", "الحوار",
                "الترافع", "المجتمع المدني", "الانتخابات", "التصويت", "المجالس المنتخبة",
                "السياسات العمومية", "العرائض", "عريضة", "الديمقراطية التشاركية", "القيادة",
                "الحياة العامة", "العمل الجمعوي",
            ),
        },
        hints={
            "fr": ("associations", "association", "associer", "réseau", "capacités", "décisions", "conseil",
                   "conseils", "ministère", "médias", "politiques"),
            "en": ("associations", "organisations", "organizations", "policies", "policy", "laws"),
            "ar": ("الجمعيات", "جمعيات", "المجالس"),
        },
    ),
    Theme(
        key="discrimination",
        axis_theme=None,
        labels={"fr": "Discriminations et cohésion sociale", "en": "Discrimination and social cohesion",
                "ar": "التمييز والتماسك الاجتماعي"},
        terms={
            "fr": (
                "discrimination", "discriminations", "discriminatoire", "discriminer", "racisme", "raciste",
                "racistes", "racial", "raciale", "xénophobie", "xénophobe", "préjugé", "préjugés",
                "stéréotype", "stéréotypes", "stigmatisation", "stigmatiser", "haine", "haineux",
                "discours de haine", "insulte", "insultes", "insulter", "injure", "injures", "=facies",
                "contrôle au faciès", "profilage",
                "vivre ensemble", "vivre-ensemble", "cohésion sociale", "interculturel",
                "interculturelle", "interculturelles", "tolérance", "égalité de traitement", "mépris",
                "grand public", "opinion publique", "sensibilisation du public",
            ),
            "en": (
                "discrimination", "racism", "racist", "racial", "racial profiling", "xenophobia", "xenophobic",
                "prejudice", "stereotypes", "stereotype", "stigma", "stigmatisation", "hate speech",
                "social cohesion", "tolerance", "intercultural",
            ),
            "ar": (
                "التمييز", "العنصرية", "عنصري", "التمييز العنصري", "=الكراهية", "=كراهية", "خطاب الكراهية",
                "الصور النمطية", "الأحكام المسبقة", "الوصم", "التعايش", "العيش المشترك", "التماسك الاجتماعي",
                "التسامح", "كراهية الأجانب",
            ),
        },
        hints={
            "fr": ("sensibilisation", "sensibiliser", "intégration", "diversité", "médias", "réseaux sociaux",
                   "exclusion", "=egalite", "culturel", "culturelle"),
            "en": ("integration", "awareness", "media"),
            "ar": ("الاندماج", "التحسيس"),
        },
    ),
)

# Words every idea of this field uses whatever its theme (« améliorer l'accès des migrants à … »): they
# say nothing about which ideas belong together, so lexical similarity leaves them out. The lexicon
# still sees them (« accès aux droits »).
GENERIC_WORDS: Mapping[str, tuple[str, ...]] = {
    "fr": (
        "migrant", "migrante", "migrants", "migrantes", "migration", "migratoire", "personne", "personnes",
        "gens", "sans", "accès", "accéder", "améliorer", "amélioration", "renforcer", "renforcement", "faciliter",
        "garantir", "assurer", "mettre", "place", "créer", "besoin", "besoins", "manque", "problème",
        "problèmes", "difficulté", "difficultés", "pays", "maroc", "marocain", "marocaine", "marocains",
        "étranger", "étrangers", "étrangères", "gratuit", "gratuite", "gratuits", "droit", "droits",
        "situation", "prise", "charge", "aide", "service", "services", "public", "publique", "publics",
        "former", "formation", "campagne", "campagnes", "centre", "centres", "demander", "demande",
        "refuser", "refusent", "exiger", "simplifier", "lutter", "lutte", "nouvelle", "programme",
    ),
    "en": (
        "migrant", "migrants", "people", "person", "persons", "access", "improve", "ensure", "provide",
        "need", "needs", "without", "lack", "morocco", "moroccan", "free", "right", "rights", "public", "support",
        "campaign", "campaigns", "centre", "center", "service", "services", "training", "new",
    ),
    "ar": (
        "المهاجرين", "مهاجر", "المهاجرون", "المهاجرات", "الولوج", "ولوج", "تسهيل", "تحسين", "ضمان",
        "توفير", "الأشخاص", "المغرب", "المغاربة", "حق", "الحق", "حقوق", "مجانية", "المجاني", "العمومية",
        "العمومي", "محاربة", "مراكز", "دعم", "الدعم", "حملة", "جديدة",
    ),
}

OTHER_LABELS: Mapping[str, str] = {"fr": "Autres", "en": "Other", "ar": "أخرى"}
