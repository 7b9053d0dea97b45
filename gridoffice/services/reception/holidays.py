"""Working days for reception planning: China's official calendar plus the days the clerk enters.

Precedence, for any date: a HolidayOverride (entered by the clerk, or saved from the State
Council's notice pasted in 节假日设置), then the official calendar (chinese-calendar, which knows
the years the State Council has announced), then — for a year neither knows yet — the statutory
festival days fixed by law (全国年节及纪念日放假办法, 2024 revision: 元旦 1, 春节 4 from 除夕,
清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3) and the days that are usually bridged (可能放假: the week
of 春节, 国庆 1–7 October, 劳动节 1–5 May, and the weekday between a festival and the weekend),
then plain weekends. A year whose notice was imported is known: its days are the notice's.
"""
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import chinese_calendar
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import HolidayOverride
from gridoffice.domain.dates import chinese_date
from gridoffice.domain.holiday_notice import HolidayNotice, parse_holiday_notice
from gridoffice.domain.settings import Setting
from gridoffice.services.common.settings import set_setting

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

OFFICIAL, OVERRIDE, ESTIMATED, PROBABLE, ORDINARY = "official", "override", "estimated", "probable", "ordinary"
PROBABLE_LABEL = "可能放假"
# a setting per year whose State Council notice was imported: holiday_notice.2027 = the day it was imported
NOTICE_SETTING_PREFIX = "holiday_notice."


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
    def label(self) -> str:
        """What the calendar writes in the day's cell: 国庆节, 春节（估）, 可能放假（春节）."""
        if self.source == PROBABLE:
            return f"{PROBABLE_LABEL}（{self.name}）" if self.name else PROBABLE_LABEL
        if self.source == ESTIMATED and self.name:
            return f"{self.name}（估）"
        return self.name

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


def probable_days(year: int) -> dict[dt.date, str]:
    """The weekdays a year not yet announced will very likely have off besides the statutory days,
    after the pattern the State Council's 2025 notice states: 春节 8 days from 除夕, 劳动节 1–5 May,
    国庆 1–7 October (8 days, as 国庆节、中秋节, when 中秋 falls next to it), the other festivals three
    days joined to the weekend (the day alone when it is a Wednesday); a festival on a weekend is
    made up on the Monday."""
    statutory = statutory_days(year)
    days: dict[dt.date, str] = {}

    def add(day: dt.date, name: str) -> None:
        if day.year == year and day.weekday() < 5 and day not in statutory:
            days.setdefault(day, name)

    singles = [(dt.date(year, 1, 1), "元旦")]
    singles += [(day, name) for day, name in statutory.items() if name == "清明"]
    national = (7, "国庆节")
    if year in LUNAR_FESTIVALS:
        new_year, dragon_boat, mid_autumn = LUNAR_FESTIVALS[year]
        for offset in range(-1, 7):
            add(new_year + dt.timedelta(days=offset), "春节")
        singles.append((dragon_boat, "端午"))
        if dt.date(year, 9, 30) <= mid_autumn <= dt.date(year, 10, 8):
            national = (8, "国庆节、中秋节")
        else:
            singles.append((mid_autumn, "中秋"))
    for day in range(1, 6):
        add(dt.date(year, 5, day), "劳动节")
    for day in range(1, national[0] + 1):
        add(dt.date(year, 10, day), national[1])
    bridge = {1: -1, 3: 1, 5: 2, 6: 1}     # Tuesday: the Monday; Thursday: the Friday; weekend: the Monday
    for day, name in singles:
        if day.weekday() in bridge:
            add(day + dt.timedelta(days=bridge[day.weekday()]), name)
    return dict(sorted(days.items()))


def describe_days(days: dict[dt.date, str], *, with_year: bool = True) -> str:
    """2027年2月9日至12日（春节）、2027年5月3日至5日（劳动节）: consecutive days of one name as a range."""
    groups: list[list[dt.date]] = []
    for day in sorted(days):
        if groups and (day - groups[-1][-1]).days <= 3 and days[groups[-1][-1]] == days[day] and \
                all((groups[-1][-1] + dt.timedelta(days=k)).weekday() >= 5
                    for k in range(1, (day - groups[-1][-1]).days)):
            groups[-1].append(day)
        else:
            groups.append([day])
    return "、".join(f"{describe_span(g[0], g[-1], with_year=with_year)}（{days[g[0]]}）" for g in groups)


def describe_span(first: dt.date, last: dt.date, *, with_year: bool = True) -> str:
    """2027年2月9日至12日, 1月31日至2月1日, 6月9日."""
    start = chinese_date(first) if with_year else f"{first.month}月{first.day}日"
    if first == last:
        return start
    if (first.year, first.month) == (last.year, last.month):
        return f"{start}至{last.day}日"
    if first.year == last.year:
        return f"{start}至{last.month}月{last.day}日"
    return f"{start}至{chinese_date(last)}"


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

    def __init__(self, overrides: Iterable[tuple[dt.date, bool, str]] = (), *, notice_years: Iterable[int] = ()):
        self.overrides = {day: (is_workday, name) for day, is_workday, name in overrides}
        self.notice_years = set(notice_years)     # years whose State Council notice was imported
        self._estimated: dict[int, dict[dt.date, str]] = {}
        self._probable: dict[int, dict[dt.date, str]] = {}
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
        if day.year in self.notice_years:
            return DayInfo(day, day.weekday() < 5)       # the notice's days are all overrides
        estimated = self._estimated.setdefault(day.year, statutory_days(day.year))
        if day in estimated:
            return DayInfo(day, False, estimated[day], ESTIMATED)
        probable = self.probable_days(day.year)
        if day in probable:
            return DayInfo(day, False, probable[day], PROBABLE)
        return DayInfo(day, day.weekday() < 5)

    def probable_days(self, year: int) -> dict[dt.date, str]:
        """The year's probable holidays the calendar applies: none for a known year, and none within a
        week of a date the clerk entered (the clerk has entered that break: the guess gives way)."""
        if self.year_known(year):
            return {}
        if year not in self._probable:
            entered = sorted(self.overrides)
            self._probable[year] = {d: n for d, n in probable_days(year).items()
                                    if not any(abs((d - e).days) <= 7 for e in entered)}
        return self._probable[year]

    def year_known(self, year: int) -> bool:
        """The year's arrangement is known: built in, or imported from the State Council's notice."""
        return official_year_known(year) or year in self.notice_years

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
        """Years of the range whose arrangement is neither built in nor imported."""
        return [year for year in range(start.year, end.year + 1) if not self.year_known(year)]

    def year_warning(self, year: int) -> str:
        """A sentence for the clerk when a year's holiday arrangement is not known; "" otherwise."""
        if self.year_known(year):
            return ""
        entered = self.overrides_in(year)
        entered_text = f"已手工录入 {entered} 天，请核对是否齐全。" if entered else ""
        return (f"程序内置的官方日历只到 {LAST_OFFICIAL_YEAR} 年，{year} 年的放假安排尚未公布或尚未导入："
                f"暂按法定节日（元旦、春节、清明、劳动节、端午、中秋、国庆）估算，往年通常连休的日子按"
                f"“{PROBABLE_LABEL}”处理，排班时避开。{entered_text}国务院公布通知后，请在“工具 → 节假日设置”中"
                "粘贴通知全文导入。")

    def probable_in(self, start: dt.date, end: dt.date) -> dict[dt.date, str]:
        """The probable holidays between start and end, inclusive."""
        return {day: name for year in self.unknown_years(start, end)
                for day, name in self.probable_days(year).items() if start <= day <= end}

    def warnings(self, start: dt.date, end: dt.date) -> list[str]:
        """The unknown years' warnings, and the probable holidays of the period, named."""
        result = [self.year_warning(year) for year in self.unknown_years(start, end)]
        probable = self.probable_in(start, end)
        if probable:
            result.append(f"按往年惯例{PROBABLE_LABEL}、排班已避开的日子：{describe_days(probable)}。")
        return result


def load_calendar(db: Database) -> HolidayCalendar:
    with db.session() as session:
        return calendar_of(session)


def calendar_of(session: Session) -> HolidayCalendar:
    rows = session.exec(select(HolidayOverride)).all()
    return HolidayCalendar(((row.date, row.is_workday, row.name) for row in rows), notice_years=notice_years(session))


def notice_key(year: int) -> str:
    return f"{NOTICE_SETTING_PREFIX}{year}"


def notice_years(session: Session) -> set[int]:
    keys = session.exec(select(Setting.key).where(Setting.key.startswith(NOTICE_SETTING_PREFIX)))
    return {int(key[len(NOTICE_SETTING_PREFIX):]) for key in keys if key[len(NOTICE_SETTING_PREFIX):].isdigit()}


# --- the State Council's notice, pasted ---------------------------------------------------------

@dataclass(frozen=True)
class NoticeImport:
    year: int
    days_off: int
    workdays: int
    replaced: int        # the year's earlier entries removed


def read_holiday_notice(text: str, year: int | None = None) -> HolidayNotice:
    """The notice's text parsed and checked (NoticeParseError with a Chinese sentence when it cannot be)."""
    return parse_holiday_notice(text, year)


def import_holiday_notice(db: Database, notice: HolidayNotice, *, today: dt.date,
                          replace_official: bool = False) -> NoticeImport:
    """Save the notice's days off and make-up workdays as the clerk's entries, replacing that year's
    earlier ones, in one transaction; the year then counts as known (no estimate, no 可能放假).
    A year the built-in calendar knows is refused unless `replace_official` (the window asks first)."""
    if official_year_known(notice.year) and not replace_official:
        raise HolidayInputError(f"{notice.year} 年的放假安排程序已经内置（国务院公布的官方日历），不需要导入。")
    days_off, workdays = notice.days_off(), notice.workdays()
    first, last = dt.date(notice.year, 1, 1), dt.date(notice.year, 12, 31)
    with db.session() as session:
        earlier = session.exec(select(HolidayOverride).where(HolidayOverride.date >= first,
                                                             HolidayOverride.date <= last)).all()
        stated = set(days_off) | set(workdays)
        others = [session.get(HolidayOverride, day) for day in stated if not first <= day <= last]
        replaced = [row for row in (*earlier, *others) if row is not None]
        for row in replaced:
            session.delete(row)
        session.flush()
        for day, name in days_off.items():
            _store_override(session, day, is_workday=False, name=name)
        for day, name in workdays.items():
            _store_override(session, day, is_workday=True, name=f"{name}调休上班")
        set_setting(session, notice_key(notice.year), today.isoformat())
    return NoticeImport(notice.year, len(days_off), len(workdays), len(earlier))


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
