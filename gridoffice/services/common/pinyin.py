"""Pinyin of names, for search by full pinyin or initials (zlx finds 张利霞).

A surname may be read differently from the same character elsewhere (单 shàn, 曾 zēng),
so every reading of the first character is kept: the stored forms are space-separated
alternatives, and a query matches any of them.
"""
from functools import lru_cache

MAX_SURNAME_READINGS = 3


@lru_cache(maxsize=20_000)
def pinyin_of(name: str) -> tuple[str, str]:
    """('zhanglixia', 'zlx'); ('shanxiongxin danxiongxin', 'sxx dxx') for 单雄信."""
    from pypinyin import Style, lazy_pinyin  # 0.7 s to import: only when a name is saved

    syllables = [s.lower() for s in lazy_pinyin(name, style=Style.NORMAL, strict=False) if s.strip()]
    if not syllables:
        return "", ""
    readings = _readings(name[0])
    first_choices = list(dict.fromkeys([syllables[0], *readings]))[:MAX_SURNAME_READINGS]
    rest = syllables[1:]
    fulls = [first + "".join(rest) for first in first_choices]
    initials = list(dict.fromkeys(first[0] + "".join(s[0] for s in rest) for first in first_choices))
    return " ".join(fulls), " ".join(initials)


@lru_cache(maxsize=2_000)
def _readings(char: str) -> list[str]:
    """Every reading of a character (a surname): looked up once per character, not once per name."""
    from pypinyin import Style, pinyin

    return [r.lower() for r in pinyin(char, style=Style.NORMAL, heteronym=True, strict=False)[0]]


def matches(query: str, name: str, full: str, initials: str) -> bool:
    """True if the query is part of the name, of one of its pinyin spellings or initials."""
    query = query.strip().lower()
    if not query:
        return True
    return query in name or any(query in form for form in full.split()) or any(
        query in form for form in initials.split())
