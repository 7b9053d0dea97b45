"""How dates are written for the clerk: 2026年3月4日, 星期三; and how a typed date is read."""
import datetime as dt
import re

WEEKDAYS = "一二三四五六日"


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def weekday_name(day: dt.date) -> str:
    return f"星期{WEEKDAYS[day.weekday()]}"


def parse_date(text: str) -> dt.date | None:
    """'2025-01-08', '2025.1.8' or '2025年1月8日' → a date; '' → None. Raises ValueError."""
    text = text.strip()
    if not text:
        return None
    parts = [p for p in re.split(r"[-./年月日\s]+", text) if p]
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise ValueError("日期应写成 2025-01-08")
    return dt.date(*(int(p) for p in parts))


def month_index(day: dt.date) -> int:
    """Months since year 0, so months can be added and compared: month_from_index(month_index(d) + 1)."""
    return day.year * 12 + day.month - 1


def month_from_index(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month `months` after the month of `day` (12月 + 1 → next year's 1月)."""
    return month_from_index(month_index(day) + months)


_MONTH_ONLY = re.compile(r"^(\d{1,2})\s*月?$")
_YEAR_MONTH = re.compile(r"^(\d{4})\s*(?:[-./年]\s*)(\d{1,2})\s*月?$")


def parse_month(text: str, *, reference: dt.date) -> dt.date | None:
    """A month as the clerk types it, as its first day: '2027-01', '2027.1', '2027年1月', '202701',
    or the month alone ('1月', '1'), meaning the next such month from `reference`'s month on
    (typed in December, 1月 is next January). Full-width digits are read too. None when unreadable."""
    text = text.strip().translate(_FULL_WIDTH)
    compact = re.fullmatch(r"(\d{4})(\d{2})", text)
    match = _YEAR_MONTH.match(text) or compact
    if match:
        year, month = int(match[1]), int(match[2])
        return dt.date(year, month, 1) if 1 <= month <= 12 and 1900 <= year <= 2200 else None
    match = _MONTH_ONLY.match(text)
    if not match or not 1 <= int(match[1]) <= 12:
        return None
    month = int(match[1])
    year = reference.year + (month < reference.month)
    return dt.date(year, month, 1)


_FULL_WIDTH = str.maketrans("０１２３４５６７８９－．／　", "0123456789-./ ")
