"""Working days for reception planning: the official calendar, the law's festivals for an unknown
year, and the days the clerk enters."""
import datetime as dt

import chinese_calendar
import pytest

from gridoffice.services.reception.holidays import (ESTIMATED, LAST_OFFICIAL_YEAR, LUNAR_FESTIVALS, OFFICIAL, OVERRIDE,
                                                    PROBABLE, HolidayCalendar, HolidayInputError, delete_override,
                                                    delete_overrides, list_overrides, load_calendar, month_days,
                                                    probable_days, save_holiday_range, save_override,
                                                    statutory_days, year_entries)

D = dt.date


def test_official_holidays_and_make_up_workdays_2025_2026():
    calendar = HolidayCalendar()
    national_day = calendar.info(D(2025, 10, 1))
    assert not national_day.is_workday and national_day.name == "国庆节" and national_day.badge == "休"
    assert national_day.source == OFFICIAL
    make_up = calendar.info(D(2025, 10, 11))  # a Saturday worked for the National Day holiday
    assert make_up.is_workday and make_up.badge == "班" and "国庆节" in make_up.name
    assert calendar.info(D(2026, 1, 4)).badge == "班"  # a Sunday worked for New Year
    assert calendar.next_workday(D(2025, 10, 1)) == D(2025, 10, 9)
    assert calendar.next_workday(D(2026, 2, 17)) == D(2026, 2, 24)   # Spring Festival 2026
    assert calendar.next_workday(D(2026, 10, 7)) == D(2026, 10, 8)
    plain_weekend = calendar.info(D(2025, 11, 22))
    assert not plain_weekend.is_workday and plain_weekend.badge == "" and plain_weekend.name == ""
    assert calendar.year_warning(2026) == ""


def test_a_year_the_library_does_not_know_uses_the_statutory_festivals_and_warns():
    assert LAST_OFFICIAL_YEAR == 2026  # chinesecalendar 1.11: if it learns 2027, move this test a year on
    calendar = HolidayCalendar()
    days = statutory_days(2027)
    assert days[D(2027, 1, 1)] == "元旦"
    assert [d for d, name in days.items() if name == "春节"] == [D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7),
                                                                 D(2027, 2, 8)]
    assert days[D(2027, 4, 5)] == "清明" and days[D(2027, 6, 9)] == "端午" and days[D(2027, 9, 15)] == "中秋"
    assert {D(2027, 5, 1), D(2027, 5, 2), D(2027, 10, 1), D(2027, 10, 2), D(2027, 10, 3)} <= set(days)
    spring = calendar.info(D(2027, 2, 8))
    assert not spring.is_workday and spring.source == ESTIMATED and spring.badge == "休"
    assert calendar.next_workday(D(2027, 10, 1)) == D(2027, 10, 8)    # 4–7 October: probably off too
    warning = calendar.year_warning(2027)
    assert "2027" in warning and "节假日设置" in warning and "可能放假" in warning
    assert calendar.unknown_years(D(2026, 12, 1), D(2027, 2, 28)) == [2027]


def test_days_usually_bridged_are_probable_holidays_until_the_year_is_known():
    calendar = HolidayCalendar()
    assert probable_days(2027) == {
        **{D(2027, 2, d): "春节" for d in (9, 10, 11, 12)},          # 除夕 5 Feb + 8 days
        **{D(2027, 5, d): "劳动节" for d in (3, 4, 5)},
        **{D(2027, 10, d): "国庆节" for d in (4, 5, 6, 7)},
    }   # 元旦 on a Friday, 清明 on a Monday, 端午 and 中秋 on Wednesdays: no day between them and a weekend
    ninth = calendar.info(D(2027, 2, 9))
    assert ninth.source == PROBABLE and not ninth.is_workday and ninth.badge == "休"
    assert ninth.label == "可能放假（春节）"
    assert calendar.next_workday(D(2027, 2, 10)) == D(2027, 2, 15)
    assert calendar.warnings(D(2027, 1, 1), D(2027, 2, 28))[-1] == \
        "按往年惯例可能放假、排班已避开的日子：2027年2月9日至12日（春节）。"
    assert calendar.probable_in(D(2027, 3, 1), D(2027, 3, 31)) == {}
    # 2028: 元旦 on a Saturday is made up on Monday 3 January; 中秋 on 3 October joins 国庆 for 8 days
    assert probable_days(2028)[D(2028, 1, 3)] == "元旦"
    assert probable_days(2028)[D(2028, 10, 6)] == "国庆节、中秋节"


def test_the_probable_pattern_foretells_2025_and_2026_exactly(monkeypatch):
    """Had the program known only the lunar dates, its guess would have matched every weekday off."""
    monkeypatch.setitem(LUNAR_FESTIVALS, 2025, (D(2025, 1, 29), D(2025, 5, 31), D(2025, 10, 6)))
    monkeypatch.setitem(LUNAR_FESTIVALS, 2026, (D(2026, 2, 17), D(2026, 6, 19), D(2026, 9, 25)))
    for year in (2025, 2026):
        guessed = set(probable_days(year)) | set(statutory_days(year))
        official = {d for d in chinese_calendar.holidays if d.year == year and d.weekday() < 5}
        assert {d for d in guessed if d.weekday() < 5} == official, year


def test_the_clerks_entries_come_first():
    calendar = HolidayCalendar([(D(2027, 2, 9), False, "春节"), (D(2027, 2, 20), True, "春节调休")])
    assert calendar.info(D(2027, 2, 9)).source == OVERRIDE and not calendar.is_workday(D(2027, 2, 9))
    saturday = calendar.info(D(2027, 2, 20))
    assert saturday.is_workday and saturday.badge == "班"
    assert calendar.next_workday(D(2027, 2, 5)) == D(2027, 2, 10)
    assert "已手工录入 2 天" in calendar.year_warning(2027)
    # an entry beats the official calendar too
    assert HolidayCalendar([(D(2026, 10, 1), True, "")]).is_workday(D(2026, 10, 1))


def test_overrides_are_stored_checked_and_deleted(db):
    assert save_holiday_range(db, D(2027, 2, 5), D(2027, 2, 11), "春节") == 7
    save_override(db, D(2027, 2, 20), is_workday=True, name="春节调休")
    calendar = load_calendar(db)
    assert [o.date for o in list_overrides(db, 2027)][:2] == [D(2027, 2, 5), D(2027, 2, 6)]
    assert calendar.next_workday(D(2027, 2, 5)) == D(2027, 2, 12)
    february = month_days(calendar, 2027, 2)
    assert len(february) == 28 and february[D(2027, 2, 20)].badge == "班"
    entries = year_entries(calendar, 2027)
    assert {D(2027, 2, 5), D(2027, 2, 20), D(2027, 10, 1)} <= {e.date for e in entries}
    assert all(e.source != "ordinary" or e.badge for e in entries)
    with pytest.raises(HolidayInputError, match="周六或周日"):
        save_override(db, D(2027, 3, 3), is_workday=True, name="")
    with pytest.raises(HolidayInputError, match="不能早于"):
        save_holiday_range(db, D(2027, 3, 3), D(2027, 3, 1), "")
    assert delete_override(db, D(2027, 2, 20))
    assert not delete_override(db, D(2027, 2, 20))
    assert delete_overrides(db, [D(2027, 2, 5), D(2027, 2, 6), D(2027, 3, 1)]) == 2
    assert len(list_overrides(db, 2027)) == 5
