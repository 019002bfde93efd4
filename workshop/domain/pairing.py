"""Before/after evidence: the anonymous pairing code, answers paired per person, and the paired change with its
95 % interval (Student's t, computed here: the domain uses the standard library only).

A person is paired either by their phone in the room (the same participant answered both quizzes) or by a code
they make themselves and can make again on another day without writing anything down: the first two letters of
their mother's first name and their birth month (« FA07 »). Never a name. A code two people share cannot tell
them apart: such codes are left out of the pairing and counted, so the report can say so.
"""
from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from statistics import fmean, stdev
from typing import TypeVar

from .errors import DomainError

CODE_LETTERS = 2
MONTHS = range(1, 13)
# Arabic letters typed in several shapes for one sound: the code compares their common form.
_ARABIC_FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"})
_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _letter(char: str) -> str | None:
    """One letter in its compared form (Latin without accents, upper case; Arabic folded), or None if no letter."""
    if not char.isalpha():
        return None
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(part for part in decomposed if not unicodedata.combining(part))
    return base.upper().translate(_ARABIC_FOLDS) if base else None


def pairing_code(raw: object) -> str:
    """The code in one form: two letters then the month on two digits (« fa-7 » and « FA07 » are both « FA07 »).

    Refuses anything else with ``invalid_pairing_code``: a code that cannot be made again the same way is no code.
    """
    if not isinstance(raw, str) or len(raw) > 20:
        raise DomainError("invalid_pairing_code")
    letters: list[str] = []
    digits = ""
    for char in unicodedata.normalize("NFC", raw.strip()).translate(_EASTERN_DIGITS):
        if char.isdigit() and char.isascii():
            digits += char
            continue
        if digits:  # letters come first, the month last
            raise DomainError("invalid_pairing_code")
        letter = _letter(char)
        if letter is not None:
            letters.append(letter)
        elif not (char.isspace() or char in "-_./"):
            raise DomainError("invalid_pairing_code")
    if len(letters) != CODE_LETTERS or not digits or len(digits) > 2 or int(digits) not in MONTHS:
        raise DomainError("invalid_pairing_code")
    return f"{''.join(letters)}{int(digits):02d}"


Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


@dataclass(frozen=True)
class Keyed:
    """Entries by key, without the keys several entries share (they cannot tell people apart)."""

    by_key: dict
    ambiguous: int  # entries left out because their key was not unique
    without_key: int  # entries that gave no key


def unique_by_key(entries: Iterable[tuple[Key | None, Value]]) -> Keyed:
    """Index ``(key, value)`` entries by key; keys given more than once are dropped and counted."""
    listed = list(entries)
    counts = Counter(key for key, _ in listed if key is not None)
    return Keyed(by_key={key: value for key, value in listed if key is not None and counts[key] == 1},
                 ambiguous=sum(count for count in counts.values() if count > 1),
                 without_key=sum(1 for key, _ in listed if key is None))


@dataclass(frozen=True)
class PairedChange:
    """The change of one score (after − before) over the people seen at both moments."""

    n: int
    before_mean: float | None
    after_mean: float | None
    mean_change: float | None
    interval: tuple[float, float] | None  # 95 % confidence interval of the mean change; None below two pairs
    improved: int
    unchanged: int
    worsened: int

    @property
    def improved_share(self) -> float | None:
        return self.improved / self.n if self.n else None


def paired_change(before: Mapping[Key, float], after: Mapping[Key, float], *, confidence: float = 0.95
                  ) -> PairedChange:
    """Pair the two moments by key and describe the change: its mean, its t interval, who improved.

    The interval is mean ± t(1 − α/2, n − 1) · s / √n, the paired t interval; it needs two pairs. When every
    change is the same (s = 0) the interval is that value.
    """
    keys = [key for key in before if key in after]
    changes = [after[key] - before[key] for key in keys]
    n = len(changes)
    if not n:
        return PairedChange(0, None, None, None, None, 0, 0, 0)
    mean_change = fmean(changes)
    interval = None
    if n >= 2:
        half_width = t_quantile(1 - (1 - confidence) / 2, n - 1) * stdev(changes) / math.sqrt(n)
        interval = (mean_change - half_width, mean_change + half_width)
    return PairedChange(
        n=n, before_mean=fmean(before[key] for key in keys), after_mean=fmean(after[key] for key in keys),
        mean_change=mean_change, interval=interval, improved=sum(1 for change in changes if change > 0),
        unchanged=sum(1 for change in changes if change == 0), worsened=sum(1 for change in changes if change < 0))


# Student's t distribution. The quantile inverts the distribution function, which is a regularized incomplete
# beta function evaluated by its continued fraction (Lentz's method); bisection then finds the quantile to 1e-12.

def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    fraction = d
    for m in range(1, 500):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            fraction *= c * d
        if abs(c * d - 1.0) < 1e-15:
            break
    return fraction


def regularized_beta(a: float, b: float, x: float) -> float:
    """I_x(a, b), for 0 ≤ x ≤ 1."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1.0) / (a + b + 2.0):  # the continued fraction converges fast on this side; use symmetry otherwise
        return math.exp(log_front) * _beta_continued_fraction(a, b, x) / a
    return 1.0 - math.exp(log_front) * _beta_continued_fraction(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """P(T ≤ t) for Student's t with ``df`` degrees of freedom."""
    tail = 0.5 * regularized_beta(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t > 0 else tail


def t_quantile(p: float, df: float) -> float:
    """The t such that P(T ≤ t) = p (0 < p < 1)."""
    if not 0.0 < p < 1.0 or df <= 0:
        raise ValueError("t_quantile needs 0 < p < 1 and df > 0")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        high *= 2.0
    while high - low > 1e-12 * max(1.0, high):
        middle = (low + high) / 2.0
        if t_cdf(middle, df) < p:
            low = middle
        else:
            high = middle
    return (low + high) / 2.0
