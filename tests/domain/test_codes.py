import random

from workshop.domain.codes import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, generate_join_code, normalize_join_code


def test_codes_avoid_ambiguous_characters() -> None:
    assert not set("0O1IL2Z5S8B") & set(JOIN_CODE_ALPHABET)
    rng = random.Random(7)
    codes = {generate_join_code(rng) for _ in range(500)}
    assert all(len(code) == JOIN_CODE_LENGTH and set(code) <= set(JOIN_CODE_ALPHABET) for code in codes)
    assert len(codes) == 500


def test_codes_are_typed_loosely() -> None:
    assert normalize_join_code(" ab-c 3d4 ") == "ABC3D4"
