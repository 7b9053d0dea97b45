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
