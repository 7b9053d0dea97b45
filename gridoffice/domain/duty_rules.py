"""Value rules of grid duties: weekdays and school terms as the clerk writes them."""
import datetime as dt
import re

from .dates import WEEKDAYS

_TERM_SPLIT = re.compile(r"[;；\n]+")
_RANGE_SPLIT = re.compile(r"\s*(?:~|～|至|—|--)\s*")


def parse_weekdays(text: str) -> tuple[int, ...]:
    """'0,1' → (0, 1): Monday is 0. Raises ValueError."""
    days = []
    for part in re.split(r"[,，、\s]+", (text or "").strip()):
        if not part:
            continue
        if not part.isdigit() or not 0 <= int(part) <= 6:
            raise ValueError(f"星期“{part}”无效")
        days.append(int(part))
    return tuple(sorted(set(days)))


def format_weekdays(days: tuple[int, ...] | list[int]) -> str:
    return ",".join(str(d) for d in sorted(set(days)))


def weekday_labels(days: tuple[int, ...] | list[int]) -> str:
    """(0, 1) → '周一、周二'."""
    return "、".join(f"周{WEEKDAYS[d]}" for d in sorted(set(days)))


def parse_terms(text: str) -> list[tuple[dt.date, dt.date]]:
    """'2026-09-01~2027-01-22; 2027-02-24~2027-07-02' → the terms, in order. Raises ValueError
    (a Chinese sentence) for a malformed, reversed or overlapping term."""
    terms = []
    for part in _TERM_SPLIT.split((text or "").strip()):
        part = part.strip()
        if not part:
            continue
        pieces = _RANGE_SPLIT.split(part)
        if len(pieces) != 2:
            raise ValueError(f"学期“{part}”应写成 2026-09-01~2027-01-22")
        try:
            start, end = (dt.date.fromisoformat(p.strip().replace("/", "-").replace(".", "-")) for p in pieces)
        except ValueError:
            raise ValueError(f"学期“{part}”中的日期无效，应写成 2026-09-01~2027-01-22") from None
        if end < start:
            raise ValueError(f"学期“{part}”的结束日期早于开始日期")
        terms.append((start, end))
    terms.sort()
    for (_s1, e1), (s2, _e2) in zip(terms, terms[1:]):
        if s2 <= e1:
            raise ValueError("两个学期的日期重叠了")
    return terms


def format_terms(terms: list[tuple[dt.date, dt.date]]) -> str:
    return "; ".join(f"{start.isoformat()}~{end.isoformat()}" for start, end in terms)
