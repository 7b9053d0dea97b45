"""Grid duties without Qt: the dates of each recurrence (school days skip holidays, weekends and term
breaks), a fair rota of deputies and other people, clashes with reception duty, shifts done and missed."""
import datetime as dt
from collections import Counter

import pytest
from grid_people_fixtures import TODAY, small_office
from sqlmodel import select

from gridoffice.domain import Activity, ActivityPersonLink, Deputy, DeputyBusyDate, ReceptionDay
from gridoffice.domain.enums import DutyRecurrence, DutyStatus, PersonRole
from gridoffice.services.duties.kinds import DutyKindInputError, find_duty_kind, list_duty_kinds, save_duty_kinds
from gridoffice.services.duties.plans import DutyInput, DutyInputError, delete_duty, list_duties, save_duty
from gridoffice.services.duties.schedule import (DutySpec, duty_dates, find_clashes, generate_rota, make_rota,
                                                 person_key, save_rota)
from gridoffice.services.duties.shifts import (ShiftInputError, duty_month, list_shifts, mark_done, missed_shifts,
                                               set_people, set_status)
from gridoffice.services.people.register import PersonInput, save_person
from gridoffice.services.reception.holidays import HolidayCalendar
from gridoffice.services.reception.schedule import Member

SCHOOL_YEAR = "2026-09-01~2027-01-22; 2027-02-22~2027-07-02"


@pytest.fixture
def office(db):
    return small_office(db)


def kind_id(db, name: str) -> int:
    return find_duty_kind(db, name).id


# --- dates --------------------------------------------------------------------------------------------

def school_post(weekdays=(0, 1), terms=((dt.date(2026, 9, 1), dt.date(2027, 1, 22)),
                                        (dt.date(2027, 2, 22), dt.date(2027, 7, 2)))) -> DutySpec:
    return DutySpec(1, "育英小学护学岗", DutyRecurrence.SCHOOL_DAYS.value, weekdays, terms=terms,
                    start_time=dt.time(7, 20), end_time=dt.time(8, 0), per_shift=3, pool=tuple(range(1, 13)))


def test_school_days_skip_holidays_weekends_and_term_breaks():
    days = [day for day, _ in duty_dates(school_post(), dt.date(2026, 9, 1), dt.date(2027, 7, 31), HolidayCalendar())]
    assert all(day.weekday() in (0, 1) for day in days)
    assert dt.date(2026, 10, 5) not in days and dt.date(2026, 10, 6) not in days      # 国庆
    assert dt.date(2026, 10, 12) in days
    assert not [day for day in days if dt.date(2027, 1, 23) <= day <= dt.date(2027, 2, 21)]   # winter break
    assert not [day for day in days if day > dt.date(2027, 7, 2)]                            # summer
    assert days[0] == dt.date(2026, 9, 1)   # a Tuesday


def test_every_school_day_includes_a_make_up_saturday():
    post = school_post(weekdays=())
    days = [day for day, _ in duty_dates(post, dt.date(2026, 9, 1), dt.date(2026, 10, 31), HolidayCalendar())]
    assert dt.date(2026, 10, 10) in days          # 调休上班 Saturday: schools are open
    assert dt.date(2026, 10, 17) not in days      # an ordinary Saturday


def test_weekly_monthly_and_quarterly_dates_move_past_holidays():
    holidays = HolidayCalendar()
    weekly = DutySpec(2, "巡查", DutyRecurrence.WEEKLY.value, (3,))            # Thursdays
    days = dict(duty_dates(weekly, dt.date(2026, 9, 28), dt.date(2026, 10, 16), holidays))
    assert days[dt.date(2026, 10, 8)] == dt.date(2026, 10, 1)                 # 国庆 Thursday moves on
    monthly = DutySpec(3, "议事会", DutyRecurrence.MONTHLY.value, (4,), nth=1)   # first Friday
    assert [d for d, _ in duty_dates(monthly, dt.date(2026, 11, 1), dt.date(2026, 12, 31), holidays)] == [
        dt.date(2026, 11, 6), dt.date(2026, 12, 4)]
    quarterly = DutySpec(4, "以案说法", DutyRecurrence.QUARTERLY.value, (2,), nth=2)
    assert [d for d, _ in duty_dates(quarterly, dt.date(2027, 1, 1), dt.date(2027, 12, 31), holidays)] == [
        dt.date(2027, 1, 13), dt.date(2027, 4, 14), dt.date(2027, 7, 14), dt.date(2027, 10, 13)]


# --- fairness -----------------------------------------------------------------------------------------

def test_a_school_year_rota_is_fair_and_mixes_deputies_and_people():
    members = {k: Member(k, f"代表{k}", "区") for k in range(1, 5)}
    members.update({person_key(p): Member(person_key(p), f"志愿者{p}") for p in range(1, 9)})
    post = DutySpec(1, "护学岗", DutyRecurrence.SCHOOL_DAYS.value, (0, 1),
                    terms=((dt.date(2026, 9, 1), dt.date(2027, 1, 22)),), start_time=dt.time(7, 20),
                    end_time=dt.time(8, 0), per_shift=5, pool=tuple(members))
    rota = make_rota([post], members, HolidayCalendar(), dt.date(2026, 9, 1), dt.date(2027, 1, 31))
    assert len(rota.shifts) > 30 and all(len(s.member_keys) == 5 for s in rota.shifts)
    assert rota.spread(1) <= 1
    assert all(any(k > 0 for k in s.member_keys) for s in rota.shifts[:10])   # deputies mixed in from the start


def test_busy_and_reception_duty_are_avoided():
    members = {k: Member(k, f"代表{k}", "区") for k in range(1, 5)}
    post = DutySpec(1, "巡查", DutyRecurrence.WEEKLY.value, (0,), start_time=dt.time(9, 0), end_time=dt.time(10, 0),
                    per_shift=2, pool=(1, 2, 3, 4))
    monday = dt.date(2026, 11, 23)
    rota = make_rota([post], members, HolidayCalendar(), monday, monday, busy={(1, monday)},
                     booked={monday: [(2, dt.time(9, 30), dt.time(11, 30))]})
    assert rota.shifts[0].member_keys == [3, 4]
    early = make_rota([post], members, HolidayCalendar(), monday, monday, busy={(1, monday), (3, monday)},
                      booked={monday: [(2, dt.time(10, 0), dt.time(11, 30))]})   # touching, not overlapping
    assert early.shifts[0].member_keys == [2, 4]


# --- the office's posts ---------------------------------------------------------------------------------

def school_input(db, office, **changes) -> DutyInput:
    data = DutyInput(kind_id(db, "护学岗"), "育英小学护学岗", DutyRecurrence.SCHOOL_DAYS.value, (0, 1), 1, SCHOOL_YEAR,
                     dt.time(7, 20), dt.time(8, 0), 3, office.grids[0], None, "育英小学校门口",
                     office.deputies, [office.volunteer, office.worker])
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def test_default_kinds_and_a_post(db, office):
    assert [k.name for k in list_duty_kinds(db)] == ["网格巡查", "护学岗", "板凳议事会", "以案说法", "网格值守"]
    duty_id = save_duty(db, school_input(db, office))
    [row] = list_duties(db)
    assert (row.id, row.kind, row.when, row.pool_size) == (duty_id, "护学岗", "上学日（周一、周二）07:20-08:00", 5)
    with pytest.raises(DutyKindInputError, match="没有名为"):
        find_duty_kind(db, "站岗")


@pytest.mark.parametrize(("change", "message"), [
    ({"name": "  "}, "第 2 个类型没有名称。"), ({"name": "网格巡查"}, "类型“网格巡查”重复了。"),
    ({"name": "很" * 21}, "类型名称“很很很很很很很很很很…”太长，不能超过 20 个字。"),
    ({"color": "red"}, "类型“护学岗”的颜色“red”无效，应为 #RRGGBB。"),
])
def test_a_kind_list_with_a_bad_entry_is_refused_whole(db, office, change, message):
    from dataclasses import replace

    kinds = list_duty_kinds(db)
    with pytest.raises(DutyKindInputError) as refused:
        save_duty_kinds(db, [kinds[0], replace(kinds[1], **change), *kinds[2:]])
    assert (refused.value.field, str(refused.value)) == ("kinds", message)
    assert list_duty_kinds(db) == kinds


@pytest.mark.parametrize(("changes", "field"), [
    ({"name": ""}, "name"), ({"terms": ""}, "terms"), ({"terms": "2027-01-22~2026-09-01"}, "terms"),
    ({"end_time": dt.time(7, 0)}, "start_time"), ({"per_shift": 0}, "per_shift"), ({"kind_id": None}, "kind"),
    ({"recurrence": DutyRecurrence.WEEKLY.value, "weekdays": ()}, "weekdays"),
])
def test_bad_posts_are_refused(db, office, changes, field):
    with pytest.raises(DutyInputError) as caught:
        save_duty(db, school_input(db, office, **changes))
    assert caught.value.field == field


def test_generated_and_saved_rota_then_done_and_missed(db, office):
    save_duty(db, school_input(db, office))
    rota = generate_rota(db, kind_id(db, "护学岗"), dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert [s.date.day for s in rota.shifts] == [2, 3, 9, 10, 16, 17, 23, 24, 30]
    assert save_rota(db, rota).added == 9
    again = generate_rota(db, kind_id(db, "护学岗"), dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert len(again.replaced_ids) == 9 and save_rota(db, again).removed == 9
    shifts = list_shifts(db, start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 30), today=TODAY)
    done = shifts[5]       # the 17th
    activity_id = mark_done(db, done.id, today=TODAY, residents=40)
    with db.session() as session:
        activity = session.get(Activity, activity_id)
        assert (activity.kind, activity.date, activity.place, activity.residents_contacted) == (
            "志愿服务", dt.date(2026, 11, 17), "育英小学校门口", 40)
        people = session.exec(select(ActivityPersonLink.person_id).where(ActivityPersonLink.activity_id == activity_id)).all()
        assert {d.id for d in activity.deputies} | {-p for p in people} == set(done.member_keys)
    with pytest.raises(ShiftInputError, match="还没到"):
        mark_done(db, shifts[-1].id, today=TODAY)
    set_status(db, shifts[0].id, DutyStatus.MISSED.value, note="下雨未到岗")
    missed = missed_shifts(db, today=TODAY)
    assert [s.date.day for s in missed] == [2, 3, 9, 10, 16]   # marked 未到岗, or planned and never recorded
    assert missed[0].status == "未到岗" and missed[1].shown_status == "未记录（可能漏岗）"
    with pytest.raises(ShiftInputError, match="走访记录"):
        set_status(db, done.id, DutyStatus.CANCELLED.value)


def test_a_clash_with_a_reception_duty_is_flagged(db, office):
    save_duty(db, school_input(db, office, start_time=dt.time(9, 0), end_time=dt.time(10, 0)))
    rota = generate_rota(db, kind_id(db, "护学岗"), dt.date(2026, 11, 23), dt.date(2026, 11, 23))
    save_rota(db, rota)
    [shift] = list_shifts(db, start=dt.date(2026, 11, 23), end=dt.date(2026, 11, 23), today=TODAY)
    deputy_id = next(k for k in shift.member_keys if k > 0)
    with db.session() as session:
        deputy = session.get(Deputy, deputy_id)
        session.add(ReceptionDay(date=dt.date(2026, 11, 23), start_time=dt.time(9, 30), end_time=dt.time(11, 30),
                                 station_id=office.station, deputies=[deputy]))
    [clash] = find_clashes(db, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert clash.name == deputy.name and "东湖片区" in clash.message and "接待值班" in clash.message
    assert duty_month(db, 2026, 11, today=TODAY).clashes == [clash]
    # the next rota avoids the deputy on reception duty that day
    again = generate_rota(db, kind_id(db, "护学岗"), dt.date(2026, 11, 23), dt.date(2026, 11, 23))
    assert deputy_id not in again.shifts[0].member_keys
    # changing people by hand says what clashes
    assert set_people(db, shift.id, [deputy_id], []) == [clash]


def test_busy_deputies_are_not_drawn(db, office):
    save_duty(db, school_input(db, office, per_shift=5))
    with db.session() as session:
        session.add(DeputyBusyDate(deputy_id=office.deputies[0], date=dt.date(2026, 11, 23)))
    rota = generate_rota(db, kind_id(db, "护学岗"), dt.date(2026, 11, 23), dt.date(2026, 11, 23))
    assert office.deputies[0] not in rota.shifts[0].member_keys and len(rota.shifts[0].member_keys) == 4
    assert any("只有 4 人" in w for w in rota.warnings)


def test_a_post_with_a_record_is_kept(db, office):
    duty_id = save_duty(db, school_input(db, office))
    save_rota(db, generate_rota(db, kind_id(db, "护学岗"), dt.date(2026, 11, 1), dt.date(2026, 11, 30)))
    first = list_shifts(db, start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 30), today=TODAY)[0]
    mark_done(db, first.id, today=TODAY)
    with pytest.raises(DutyInputError, match="值守记录"):
        delete_duty(db, duty_id)


def test_person_only_shift_done_is_no_activity(db, office):
    pool = [save_person(db, PersonInput(f"志愿者{n}", PersonRole.VOLUNTEER.value)) for n in range(3)]
    save_duty(db, school_input(db, office, deputy_ids=[], person_ids=pool, per_shift=2))
    save_rota(db, generate_rota(db, kind_id(db, "护学岗"), dt.date(2026, 11, 2), dt.date(2026, 11, 2)))
    [shift] = list_shifts(db, start=dt.date(2026, 11, 2), end=dt.date(2026, 11, 2), today=TODAY)
    assert mark_done(db, shift.id, today=TODAY) is None
    assert Counter(s.status for s in list_shifts(db, start=dt.date(2026, 11, 2), end=dt.date(2026, 11, 2),
                                                 today=TODAY)) == {"已完成": 1}
