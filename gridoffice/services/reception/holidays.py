"""Working days for reception planning: China's official calendar plus the days the clerk enters.

Precedence, for any date: a HolidayOverride the clerk entered, then the official calendar
(chinese-calendar, which knows the years the State Council has announced), then — for a year
the library does not know yet — the statutory festival days fixed by law (全国年节及纪念日放假办法,
2024 revision: 元旦 1, 春节 4 from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3), then plain
weekends. The 调休 of such a year (bridging days, make-up workdays) is unknowable in advance: the
clerk enters it once the State Council publishes it, and the program warns until then.
"""
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import chinese_calendar
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import HolidayOverride
from gridoffice.domain.dates import chinese_date

FIRST_OFFICIAL_YEAR = min(chinese_calendar.holidays).year
LAST_OFFICIAL_YEAR = max(chinese_calendar.holidays).year

# 春节 (正月初一), 端午, 中秋 of the years after the library's data, from the lunisolar calendar
LUNAR_FESTIVALS: dict[int, tuple[dt.date, dt.date, dt.date]] = {
    2027: (dt.date(2027, 2, 6), dt.date(2027, 6, 9), dt.date(2027, 9, 15)),
    2028: (dt.date(2028, 1, 26), dt.date(2028, 5, 28), dt.date(2028, 10, 3)),
    2029: (dt.date(2029, 2, 13), dt.date(2029, 6, 16), dt.date(2029, 9, 22)),
    2030: (dt.date(2030, 2, 3), dt.date(2030, 6, 5), dt.date(2030, 9, 12)),
    2031: (dt.date(2031, 1, 23), dt.date(2031, 6, 24), dt.date(2031, 10, 1)),
    2032: (dt.date(2032, 2, 11), dt.date(2032, 6, 12), dt.date(2032, 9, 19)),
    2033: (dt.date(2033, 1, 31), dt.date(2033, 6, 1), dt.date(2033, 9, 8)),
    2034: (dt.date(2034, 2, 19), dt.date(2034, 6, 20), dt.date(2034, 9, 27)),
    2035: (dt.date(2035, 2, 8), dt.date(2035, 6, 10), dt.date(2035, 9, 16)),
}

OFFICIAL, OVERRIDE, ESTIMATED, ORDINARY = "official", "override", "estimated", "ordinary"


class HolidayInputError(ValueError):
    """A holiday entry the clerk typed that cannot be saved; the message is a Chinese sentence."""


@dataclass(frozen=True)
class DayInfo:
    date: dt.date
    is_workday: bool
    name: str = ""          # 国庆节, 春节（调休上班）...; "" for an ordinary day
    source: str = ORDINARY  # official / override / estimated / ordinary

    @property
    def is_makeup_workday(self) -> bool:
        """A weekend day worked (调休上班): a working day for reception."""
        return self.is_workday and self.date.weekday() >= 5

    @property
    def is_holiday(self) -> bool:
        """A weekday off (a holiday or a bridging day), or a named weekend day of a holiday."""
        return not self.is_workday and (self.date.weekday() < 5 or bool(self.name))

    @property
    def badge(self) -> str:
        """休 for a holiday, 班 for a make-up workday, "" otherwise (plain weekends are not marked)."""
        if self.is_makeup_workday:
            return "班"
        return "休" if self.is_holiday else ""


def official_year_known(year: int) -> bool:
    return FIRST_OFFICIAL_YEAR <= year <= LAST_OFFICIAL_YEAR


def statutory_days(year: int) -> dict[dt.date, str]:
    """The festival days fixed by law for a year without an official arrangement (no 调休)."""
    days = {dt.date(year, 1, 1): "元旦", dt.date(year, 5, 1): "劳动节", dt.date(year, 5, 2): "劳动节"}
    days.update({dt.date(year, 10, d): "国庆节" for d in (1, 2, 3)})
    days.update({day: "清明" for day, term in chinese_calendar.get_solar_terms(dt.date(year, 4, 1), dt.date(year, 4, 10))
                 if term == "清明"})
    if year in LUNAR_FESTIVALS:
        new_year, dragon_boat, mid_autumn = LUNAR_FESTIVALS[year]
        days.update({new_year + dt.timedelta(days=offset): "春节" for offset in (-1, 0, 1, 2)})
        days[dragon_boat] = "端午"
        days.setdefault(mid_autumn, "中秋")
    return days


def _official_name(day: dt.date) -> str:
    _is_holiday, english = chinese_calendar.get_holiday_detail(day)
    if not english:
        return ""
    try:
        return chinese_calendar.Holiday(english).chinese
    except ValueError:
        return english


class HolidayCalendar:
    """Answers "is this a working day, and what is it called" for reception planning."""

    def __init__(self, overrides: Iterable[tuple[dt.date, bool, str]] = ()):
        self.overrides = {day: (is_workday, name) for day, is_workday, name in overrides}
        self._estimated: dict[int, dict[dt.date, str]] = {}
        self._cache: dict[dt.date, DayInfo] = {}

    def info(self, day: dt.date) -> DayInfo:
        cached = self._cache.get(day)
        if cached is None:
            cached = self._cache[day] = self._info(day)
        return cached

    def _info(self, day: dt.date) -> DayInfo:
        if day in self.overrides:
            is_workday, name = self.overrides[day]
            return DayInfo(day, is_workday, name or ("调休上班" if is_workday else "休息"), OVERRIDE)
        if official_year_known(day.year):
            is_workday = chinese_calendar.is_workday(day)
            name = _official_name(day)
            if is_workday and name:
                name = f"{name}调休"
            return DayInfo(day, is_workday, name, OFFICIAL if name else ORDINARY)
        estimated = self._estimated.setdefault(day.year, statutory_days(day.year))
        if day in estimated:
            return DayInfo(day, False, estimated[day], ESTIMATED)
        return DayInfo(day, day.weekday() < 5)

    def is_workday(self, day: dt.date) -> bool:
        return self.info(day).is_workday

    def next_workday(self, day: dt.date) -> dt.date:
        """遇节假日顺延: the day itself when it is a working day, else the next one."""
        while not self.is_workday(day):
            day += dt.timedelta(days=1)
        return day

    def overrides_in(self, year: int) -> int:
        return sum(1 for day in self.overrides if day.year == year)

    def unknown_years(self, start: dt.date, end: dt.date) -> list[int]:
        """Years of the range the official calendar does not cover."""
        return [year for year in range(start.year, end.year + 1) if not official_year_known(year)]

    def year_warning(self, year: int) -> str:
        """A sentence for the clerk when a year's holiday arrangement is not known; "" otherwise."""
        if official_year_known(year):
            return ""
        entered = self.overrides_in(year)
        entered_text = (f"已手工录入 {entered} 天，请核对是否齐全。" if entered
                        else "请在“工具 → 节假日设置”中按国务院公布的安排录入放假和调休上班的日期。")
        return (f"程序内置的官方日历只到 {LAST_OFFICIAL_YEAR} 年，{year} 年的放假安排未收录："
                f"暂按法定节日（元旦、春节、清明、劳动节、端午、中秋、国庆）估算，调休未知。{entered_text}")

    def warnings(self, start: dt.date, end: dt.date) -> list[str]:
        return [self.year_warning(year) for year in self.unknown_years(start, end)]


def load_calendar(db: Database) -> HolidayCalendar:
    with db.session() as session:
        return calendar_of(session)


def calendar_of(session: Session) -> HolidayCalendar:
    rows = session.exec(select(HolidayOverride)).all()
    return HolidayCalendar((row.date, row.is_workday, row.name) for row in rows)


# --- the clerk's entries --------------------------------------------------------------------

def list_overrides(db: Database, year: int | None = None) -> list[DayInfo]:
    query = select(HolidayOverride).order_by(HolidayOverride.date)
    if year is not None:
        query = query.where(HolidayOverride.date >= dt.date(year, 1, 1), HolidayOverride.date <= dt.date(year, 12, 31))
    with db.session() as session:
        return [DayInfo(row.date, row.is_workday, row.name, OVERRIDE) for row in session.exec(query)]


def save_override(db: Database, day: dt.date, *, is_workday: bool, name: str) -> None:
    """Add or change the clerk's entry for one date."""
    with db.session() as session:
        _store_override(session, day, is_workday=is_workday, name=name)


def _store_override(session: Session, day: dt.date, *, is_workday: bool, name: str) -> None:
    name = name.strip()
    if len(name) > 50:
        raise HolidayInputError("节日名称不能超过 50 个字。")
    if is_workday and day.weekday() < 5:
        raise HolidayInputError(f"{chinese_date(day)}本来就是工作日，调休上班只能录入周六或周日。")
    row = session.get(HolidayOverride, day)
    if row is None:
        row = HolidayOverride(date=day)
    row.is_workday = is_workday
    row.name = name
    session.add(row)


def save_holiday_range(db: Database, first: dt.date, last: dt.date, name: str) -> int:
    """Enter a holiday span (e.g. 春节 2月5日 to 2月11日) as rest days; returns how many were entered."""
    if last < first:
        raise HolidayInputError("结束日期不能早于开始日期。")
    if (last - first).days > 30:
        raise HolidayInputError("一次录入的假期不能超过 31 天。")
    with db.session() as session:
        day = first
        while day <= last:
            _store_override(session, day, is_workday=False, name=name)
            day += dt.timedelta(days=1)
    return (last - first).days + 1


def delete_overrides(db: Database, days: Iterable[dt.date]) -> int:
    """Remove the clerk's entries for these dates; returns how many there were."""
    deleted = 0
    with db.session() as session:
        for day in days:
            row = session.get(HolidayOverride, day)
            if row is not None:
                session.delete(row)
                deleted += 1
    return deleted


def delete_override(db: Database, day: dt.date) -> bool:
    return delete_overrides(db, [day]) == 1


def month_days(calendar: HolidayCalendar, year: int, month: int) -> dict[dt.date, DayInfo]:
    """Every day of a month with its kind, for the month view."""
    day = dt.date(year, month, 1)
    result = {}
    while day.month == month:
        result[day] = calendar.info(day)
        day += dt.timedelta(days=1)
    return result


def year_entries(calendar: HolidayCalendar, year: int) -> list[DayInfo]:
    """The days of a year that are not ordinary (holidays, make-up workdays), for the holiday list."""
    day, days = dt.date(year, 1, 1), []
    while day.year == year:
        info = calendar.info(day)
        if info.source != ORDINARY or info.badge:
            days.append(info)
        day += dt.timedelta(days=1)
    return days
