"""What the meeting's codes are called: one English text (a msgid) per code, for the pages and the exports alike.

A code such as ``opm``, ``quick_wins`` or ``primary_target`` is stored and sent as it is; people read its label,
translated in their language. The label is declared here once, under ``<prefix>_<code>``: the pages receive it
in their data island (web/client_strings.py), the report builder translates it into every export
(exports/labels.py). Activity types declare their own names and captions (activities/, ``ActivityType.labels``).
"""
from __future__ import annotations

from collections.abc import Mapping


def N_(text: str) -> str:  # noqa: N802 (gettext's "translate later" marker, extracted by pybabel)
    return text


CODE_LABELS: dict[str, dict[str, str]] = {
    # Profile tags (profiles.PROFILE_TAGS)
    "organisation_type": {
        "opm": N_("Migrant-led organisation"),
        "association": N_("Association"),
        "public_institution": N_("Public institution"),
        "international": N_("International organisation"),
        "research": N_("Research or university"),
        "other": N_("Other"),
    },
    "region": {
        "tanger_tetouan_al_hoceima": N_("Tanger-Tétouan-Al Hoceïma"),
        "oriental": N_("Oriental"),
        "fes_meknes": N_("Fès-Meknès"),
        "rabat_sale_kenitra": N_("Rabat-Salé-Kénitra"),
        "beni_mellal_khenifra": N_("Béni Mellal-Khénifra"),
        "casablanca_settat": N_("Casablanca-Settat"),
        "marrakech_safi": N_("Marrakech-Safi"),
        "draa_tafilalet": N_("Drâa-Tafilalet"),
        "souss_massa": N_("Souss-Massa"),
        "guelmim_oued_noun": N_("Guelmim-Oued Noun"),
        "laayoune_sakia_el_hamra": N_("Laâyoune-Sakia El Hamra"),
        "dakhla_oued_ed_dahab": N_("Dakhla-Oued Ed-Dahab"),
        "outside_morocco": N_("Outside Morocco"),
    },
    "sex": {
        "femme": N_("Woman"),
        "homme": N_("Man"),
        "non_dit": N_("Prefer not to say"),
    },
    # The life of an activity (phases.Phase)
    "phase": {
        "draft": N_("In preparation"),
        "open": N_("Open"),
        "closed": N_("Closed"),
        "revealed": N_("Results revealed"),
    },
    # Prioritization (prioritization.CRITERIA, QUADRANTS and the agreement labels)
    "criterion": {
        "impact": N_("Impact"),
        "faisabilite": N_("Feasibility"),
        "urgence": N_("Urgency"),
        "opportunite": N_("Opportunity"),
        "valeur_ajoutee": N_("Added value"),
        "coalition": N_("Coalition potential"),
        "risque": N_("Risk"),
        "alignement": N_("Alignment with migrant people's priorities"),
    },
    "criterion_hint": {
        "impact": N_("How serious the problem is, and how many people it affects"),
        "faisabilite": N_("How likely we are to succeed"),
        "urgence": N_("How soon it must be dealt with"),
        "opportunite": N_("Whether a political window is open now"),
        "valeur_ajoutee": N_("What we bring that others do not"),
        "coalition": N_("How many allies could join us"),
        "risque": N_("5 = very risky: a high score lowers the priority"),
        "alignement": N_("How close it is to what migrant people themselves ask for"),
    },
    "agreement": {
        "consensus": N_("Consensus"),
        "mixed": N_("Mixed"),
        "divided": N_("Divided"),
    },
    "quadrant": {
        "quick_wins": N_("Quick wins"),
        "major_projects": N_("Major projects"),
        "fill_ins": N_("Fill-ins"),
        "thankless": N_("Thankless tasks"),
    },
    # The record of an axe d'influence (axes.py)
    "theme": {
        "sante": N_("Health"),
        "education": N_("Education"),
        "justice": N_("Justice"),
        "papiers_sejour": N_("Documents and residence"),
        "emploi": N_("Work"),
        "logement_protection": N_("Housing and protection"),
        "transversal": N_("Cross-cutting"),
    },
    "status": {
        "draft": N_("Draft"),
        "validated": N_("Validated in plenary"),
        "adopted": N_("Adopted"),
    },
    "disposition": {
        "kept": N_("Kept"),
        "adapted": N_("Adapted"),
        "dropped": N_("Dropped"),
        "regional_only": N_("Regional only"),
    },
    "change_type": {
        "discursive": N_("Discursive"),
        "procedural": N_("Procedural"),
        "content": N_("Content"),
        "attitudinal": N_("Attitudinal"),
        "behavioural": N_("Behavioural"),
    },
    "instrument": {
        "law": N_("Law"),
        "decree": N_("Decree"),
        "circular": N_("Circular"),
        "budget": N_("Budget"),
        "programme": N_("Programme"),
        "practice": N_("Practice"),
    },
    "level": {
        "national": N_("National"),
        "regional": N_("Regional"),
        "communal": N_("Communal"),
    },
    "actor_role": {
        "primary_target": N_("Primary target"),
        "secondary_target": N_("Secondary target"),
        "ally": N_("Ally"),
        "opponent": N_("Opponent"),
        "neutral": N_("Neutral"),
    },
    "axis_activity": {
        "direct_advocacy": N_("Direct advocacy"),
        "brief": N_("Brief"),
        "media": N_("Media"),
        "mobilisation": N_("Mobilisation"),
        "research": N_("Research"),
        "coalition": N_("Coalition"),
        "event": N_("Event"),
    },
    "risk_type": {
        "security": N_("Security"),
        "reputation": N_("Reputation"),
        "relationship": N_("Relationship"),
        "expectations": N_("Expectations"),
        "legal": N_("Legal"),
    },
    "indicator_level": {
        "activity": N_("Activity"),
        "intermediate_outcome": N_("Intermediate outcome"),
        "policy_change": N_("Policy change"),
        "impact": N_("Impact"),
    },
    # The self-assessment of organisational capacities (capacities.py: ROLES, ROUNDS, LEVEL_CHOICES, MODALITIES)
    "capacity_role": {
        "president": N_("Chair (président·e)"),
        "tresorier": N_("Treasurer (trésorier·e)"),
        "membre_bureau": N_("Board member"),
        "salarie": N_("Staff member (salarié·e)"),
        "membre": N_("Member"),
    },
    "capacity_round": {
        "initial": N_("Initial assessment"),
        "suivi": N_("Follow-up"),
    },
    "capacity_level": {
        "1": N_("1 · Emerging"),
        "2": N_("2 · Developing"),
        "3": N_("3 · Established"),
        "4": N_("4 · Mature"),
        "na": N_("Not applicable"),
    },
    "capacity_importance": {
        "1": N_("Low"),
        "2": N_("Medium"),
        "3": N_("High"),
    },
    "capacity_modality": {
        "atelier_collectif": N_("Group workshop"),
        "accompagnement": N_("Coaching"),
    },
    # Where an actor sits on the power/interest grid (axes.power_interest_quadrant)
    "grid": {
        "manage_closely": N_("Manage closely"),
        "keep_satisfied": N_("Keep satisfied"),
        "keep_informed": N_("Keep informed"),
        "monitor": N_("Monitor"),
    },
}

# Words both the pages and the documents print (column headings, badges), declared once.
SHARED_WORDS: dict[str, str] = {
    "item": N_("Item"),
    "rank": N_("Rank"),
    "points": N_("Points"),
    "respondents": N_("Respondents"),
    "agreement": N_("Agreement"),
    "status": N_("Status"),
    "hidden": N_("Hidden"),
    "unclustered": N_("Not clustered"),
    # An activity whose stored data its type cannot compute: the room and its other activities go on.
    "results_unavailable": N_("These results could not be computed; the other activities are not affected."),
}


def merged_labels(*tables: Mapping[str, object]) -> dict[str, object]:
    """The tables as one; a key declared in two of them is a programming error (each label is declared once)."""
    merged: dict[str, object] = {}
    for table in tables:
        for key, text in table.items():
            if key in merged:
                raise RuntimeError(f"label {key!r} is declared twice")
            merged[key] = text
    return merged


def vocabulary_labels() -> dict[str, str]:
    """Every code label as ``<prefix>_<code>``, and the shared words."""
    codes = {f"{prefix}_{code}": text for prefix, labels in CODE_LABELS.items() for code, text in labels.items()}
    return {**codes, **SHARED_WORDS}
