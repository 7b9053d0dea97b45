"""How dates are written for the clerk: 2026年3月4日, 星期三."""
import datetime as dt

WEEKDAYS = "一二三四五六日"


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def weekday_name(day: dt.date) -> str:
    return f"星期{WEEKDAYS[day.weekday()]}"
