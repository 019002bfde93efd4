"""The optional profile: a pseudonym and tags chosen from fixed lists, so nothing personal slips in."""
from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TypeVar

from .errors import DomainError
from .text import clean_text

T = TypeVar("T")

ORGANISATION_TYPES = ("opm", "association", "public_institution", "international", "research", "other")
# The twelve regions of Morocco (2015 division), by stable slug; labels are translated on the pages.
REGIONS = (
    "tanger_tetouan_al_hoceima", "oriental", "fes_meknes", "rabat_sale_kenitra", "beni_mellal_khenifra",
    "casablanca_settat", "marrakech_safi", "draa_tafilalet", "souss_massa", "guelmim_oued_noun",
    "laayoune_sakia_el_hamra", "dakhla_oued_ed_dahab", "outside_morocco",
)
# Sex, for the sex-disaggregated attendance funders ask for; « préfère ne pas dire » is an answer of its own, apart
# from a profile left blank.
SEXES = ("femme", "homme", "non_dit")
PROFILE_TAGS: dict[str, tuple[str, ...]] = {"organisation_type": ORGANISATION_TYPES, "region": REGIONS, "sex": SEXES}
MAX_PSEUDONYM_LENGTH = 40
OTHER_GROUP = "other"  # where groups under the minimum n are pooled (also the organisation type « other »)


def pooled_groups(members: Mapping[str, Sequence[T]], min_n: int) -> list[tuple[str, list[T]]]:
    """Groups of at least ``min_n`` members as they are, by name; the smaller ones (and the « other » group itself)
    pooled into one ``OTHER_GROUP``, last, which is left out too when it is still under ``min_n``.

    On a screen, a group of one is that person's vote: no breakdown anywhere carries a group under the minimum.
    """
    kept = [(name, list(values)) for name, values in sorted(members.items())
            if name != OTHER_GROUP and len(values) >= min_n]
    pooled = [value for name, values in sorted(members.items())
              if name == OTHER_GROUP or len(values) < min_n for value in values]
    if len(pooled) >= min_n:
        kept.append((OTHER_GROUP, pooled))
    return kept


# The organisation a participant comes for, among the event's organisations (by slug): a training's attendance by
# organisation. Organisations are named; the person is not.
ORGANISATION_TAG = "organisation"


def checked_profile(pseudonym: object, tags: object, organisations: Collection[str] = ()
                    ) -> tuple[str | None, dict[str, str]]:
    """A cleaned pseudonym (None when blank) and tags whose keys and values come from ``PROFILE_TAGS``, or the
    organisation's slug from the event's ``organisations``."""
    clean_pseudonym: str | None = None
    if pseudonym is not None:
        clean_pseudonym = clean_text(pseudonym) or None
        if clean_pseudonym and len(clean_pseudonym) > MAX_PSEUDONYM_LENGTH:
            raise DomainError("text_too_long", field="pseudonym", max_length=MAX_PSEUDONYM_LENGTH,
                              length=len(clean_pseudonym))
    if tags is None:
        tags = {}
    if not isinstance(tags, dict):
        raise DomainError("invalid_type", field="tags", expected="object")
    clean_tags: dict[str, str] = {}
    for key, value in tags.items():
        if key == ORGANISATION_TAG:
            allowed: Collection[str] = organisations
        elif key in PROFILE_TAGS:
            allowed = PROFILE_TAGS[key]
        else:
            raise DomainError("unknown_tag", tag=str(key)[:40])
        if value in (None, ""):
            continue
        if not isinstance(value, str) or value not in allowed:
            raise DomainError("unknown_tag", tag=str(value)[:40])
        clean_tags[key] = value
    return clean_pseudonym, clean_tags
