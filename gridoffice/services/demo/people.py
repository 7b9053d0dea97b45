"""Fictional people for the demo: unique Chinese names and phone numbers nobody can own."""
import random
from functools import lru_cache
from itertools import accumulate

from gridoffice.services.demo import words

# 154 is a mobile segment MIIT has never allocated to any operator, so these numbers
# pass the format check (^1[3-9]\d{9}$) but cannot reach a real person.
MOBILE_SEGMENT = "154"
# A local number starting with 0 is impossible in China's numbering plan (0 is the trunk
# prefix), so "0750-0xxxxxxx" is well formed yet unreachable.
LANDLINE_LOCAL_PREFIX = "0"


class NameMaker:
    """Plausible names, never the same twice for one maker."""

    def __init__(self, rng: random.Random, taken: set[str] | None = None):
        self._rng = rng
        self._taken = taken if taken is not None else set()

    def reserve(self, name: str) -> str:
        self._taken.add(name)
        return name

    def make(self, gender: str) -> str:
        while True:
            name = self._compose(gender)
            if name not in self._taken:
                return self.reserve(name)

    def _compose(self, gender: str) -> str:
        rng = self._rng
        surname = rng.choices(words.SURNAMES, weights=words.SURNAME_WEIGHTS)[0]
        last_chars = words.GIVEN_FEMALE if gender == "女" else words.GIVEN_MALE
        if rng.random() < 0.25:
            return surname + rng.choice(last_chars)
        first = rng.choice(words.GIVEN_FIRST + last_chars)
        last = rng.choice(last_chars)
        if last == first:
            last = rng.choice(words.GIVEN_FIRST)
        return surname + first + last


class PhoneMaker:
    """Unique mobiles and landlines in ranges that cannot belong to anyone."""

    def __init__(self, rng: random.Random):
        self._rng = rng
        self._taken: set[str] = set()

    def mobile(self) -> str:
        return self._unique(lambda: f"{MOBILE_SEGMENT}{self._rng.randrange(10**8):08d}")

    def landline(self) -> str:
        return self._unique(
            lambda: f"{words.AREA_CODE}-{LANDLINE_LOCAL_PREFIX}{self._rng.randrange(10**7):07d}")

    def _unique(self, draw) -> str:
        while True:
            number = draw()
            if number not in self._taken:
                self._taken.add(number)
                return number


def weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    """One value from ((value, weight), ...)."""
    values, cumulative = _split_weights(pairs)
    return rng.choices(values, cum_weights=cumulative)[0]


@lru_cache(maxsize=64)
def _split_weights(pairs: tuple[tuple[str, int], ...]) -> tuple[list[str], list[int]]:
    return [value for value, _ in pairs], list(accumulate(weight for _, weight in pairs))
