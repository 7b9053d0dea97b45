"""Issue 15, point 3: months typed the way people say them, and dates that default to the next
working day, never a holiday."""
import datetime as dt

import pytest

from gridoffice.domain.dates import add_months, parse_month
from gridoffice.services.reception.holidays import HolidayCalendar, load_calendar, save_override
from gridoffice.widgets.dates import default_plan_day, next_working_day

DECEMBER = dt.date(2026, 12, 5)


@pytest.mark.parametrize("typed, month", [
    ("2027-01", dt.date(2027, 1, 1)), ("2027-1", dt.date(2027, 1, 1)), ("2027年1月", dt.date(2027, 1, 1)),
    ("2027年01月", dt.date(2027, 1, 1)), ("2027.1", dt.date(2027, 1, 1)), ("2027/01", dt.date(2027, 1, 1)),
    ("202701", dt.date(2027, 1, 1)), ("２０２７年１月", dt.date(2027, 1, 1)), (" 2027 年 3 月 ", dt.date(2027, 3, 1)),
    ("1月", dt.date(2027, 1, 1)),        # typed in December: next January
    ("1", dt.date(2027, 1, 1)),
    ("12月", dt.date(2026, 12, 1)),      # this month counts
    ("11月", dt.date(2027, 11, 1)),      # already past this year: next year's
])
def test_a_month_is_read_as_typed(typed, month):
    assert parse_month(typed, reference=DECEMBER) == month


@pytest.mark.parametrize("typed", ["", "13月", "0月", "2027-13", "2027-00", "明年", "2027年", "27-1", "0000-01"])
def test_what_is_not_a_month_is_refused(typed):
    assert parse_month(typed, reference=DECEMBER) is None


def test_months_roll_over_the_year():
    assert add_months(dt.date(2026, 12, 15), 1) == dt.date(2027, 1, 1)
    assert add_months(dt.date(2027, 1, 1), -1) == dt.date(2026, 12, 1)
    assert add_months(dt.date(2026, 11, 30), 14) == dt.date(2028, 1, 1)


def test_the_next_working_day_skips_the_national_day_week_and_keeps_a_make_up_saturday():
    holidays = HolidayCalendar()
    assert next_working_day(dt.date(2026, 9, 30), holidays) == dt.date(2026, 10, 8)    # 国庆 1-7 October
    assert next_working_day(dt.date(2026, 10, 9), holidays) == dt.date(2026, 10, 10)   # a 调休 Saturday
    assert next_working_day(dt.date(2026, 11, 20), holidays) == dt.date(2026, 11, 23)  # Friday → Monday


def test_a_new_plan_day_is_never_a_holiday(db):
    assert default_plan_day(db, dt.date(2026, 9, 30)) == dt.date(2026, 10, 8)
    assert default_plan_day(db, dt.date(2026, 11, 20), not_before=dt.date(2027, 1, 1)) == dt.date(2027, 1, 4)
    save_override(db, dt.date(2026, 11, 23), is_workday=False, name="街道停电")    # a day off the clerk entered
    day = default_plan_day(db, dt.date(2026, 11, 20))
    assert day == dt.date(2026, 11, 24) and load_calendar(db).is_workday(day)
    for today in (dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(0, 730, 3)):
        assert load_calendar(db).is_workday(default_plan_day(db, today))
