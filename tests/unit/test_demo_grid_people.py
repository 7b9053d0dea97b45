"""The demo office's households, people, teams and duties look real and hang together."""
import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import text

from gridoffice.db import Database
from gridoffice.services.households.due import due_list
from tests.conftest import DEMO_TODAY


@pytest.fixture(scope="module")
def demo(demo_module) -> Database:
    return demo_module


def query(db: Database, sql: str, **params) -> list[tuple]:
    with db.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql), params)]


def test_households_one_by_one_with_a_few_grids_on_counts_only(demo):
    real = query(demo, "SELECT count(*), count(DISTINCT grid_id), count(DISTINCT address) FROM household "
                       "WHERE placeholder_count = 0")[0]
    assert real[0] > 1000 and real[1] == 48 and real[2] == real[0]
    placeholders = query(demo, "SELECT count(DISTINCT grid_id) FROM household WHERE placeholder_count > 0")[0][0]
    assert placeholders == 3
    both = query(demo, "SELECT count(*) FROM (SELECT household_id FROM household_category_link "
                       "GROUP BY household_id HAVING count(*) > 1) AS several")[0][0]
    assert both > 20       # 独居 and 高龄, 困难 and 残疾


def test_must_visits_overdue_and_due_this_week(demo):
    due = due_list(demo, DEMO_TODAY)
    assert [i for i in due.overdue if i.event_id] and [i for i in due.due_soon if i.event_id]
    assert [i for i in due.overdue if i.event_id is None]       # a few regular visits late
    closed = query(demo, "SELECT count(*) FROM household_event e JOIN household_visit v ON v.id = e.visit_id "
                         "WHERE v.date < e.date")[0][0]
    assert closed == 0


def test_visits_with_deputies_join_their_grid_s_walk_that_day(demo):
    mismatched = query(demo, "SELECT count(*) FROM household_visit v JOIN household h ON h.id = v.household_id "
                             "JOIN activity a ON a.id = v.activity_id "
                             "WHERE a.date != v.date OR a.grid_id != h.grid_id OR a.kind != '入户走访'")[0][0]
    assert mismatched == 0
    with_deputies = query(demo, "SELECT count(DISTINCT visit_id) FROM household_visit_deputy")[0][0]
    linked = query(demo, "SELECT count(*) FROM household_visit WHERE activity_id IS NOT NULL")[0][0]
    assert with_deputies == linked > 20
    assert query(demo, "SELECT count(*) FROM activity")[0][0] == 134        # no visit made another activity
    last = query(demo, "SELECT count(*) FROM household h WHERE h.placeholder_count = 0 AND h.last_visit_on IS DISTINCT FROM "
                       "(SELECT max(date) FROM household_visit v WHERE v.household_id = h.id)")[0][0]
    assert last == 0


def test_people_and_teams(demo):
    roles = Counter(r for (r,) in query(demo, "SELECT role FROM person"))
    assert roles["网格员"] == 51 and roles["志愿者"] >= 20 and roles["居民议事代表"] >= 30
    assert roles["律师"] >= 4 and roles["民警"] >= 3 and roles["社区工作者"] >= 13
    workers = query(demo, "SELECT count(*) FROM person p JOIN grid g ON g.id = p.grid_id "
                          "WHERE p.role = '网格员' AND p.name = g.worker_name AND p.phone = g.worker_phone")[0][0]
    assert workers == 51
    teams = query(demo, "SELECT t.name, (SELECT count(*) FROM team_deputy d WHERE d.team_id = t.id), "
                        "(SELECT count(*) FROM team_person p WHERE p.team_id = t.id) FROM team t")
    assert len(teams) >= 5 and all(deputies and people for _, deputies, people in teams)
    assert any("敲门小组" in name for name, *_ in teams) and any("调解团" in name for name, *_ in teams)
    assert query(demo, "SELECT count(*) FROM household_visit WHERE team_id IS NOT NULL")[0][0] > 0


def test_a_weekly_grid_patrol_and_a_school_gate_post_on_school_days(demo):
    duties = dict(query(demo, "SELECT k.name, d.recurrence FROM duty d JOIN duty_kind k ON k.id = d.kind_id"))
    assert duties["网格巡查"] == "每周" and duties["护学岗"] == "上学日"
    school = query(demo, "SELECT s.date FROM duty_shift s JOIN duty d ON d.id = s.duty_id "
                         "JOIN duty_kind k ON k.id = d.kind_id WHERE k.name = '护学岗'")
    days = [dt.date.fromisoformat(str(day)) for (day,) in school]   # a text on SQLite
    assert days and all(day.weekday() in (0, 1) for day in days)
    assert dt.date(2027, 1, 1) not in days
    statuses = Counter(s for (s,) in query(demo, "SELECT status FROM duty_shift"))
    assert statuses["已完成"] > 5 and statuses["计划"] > 10 and statuses["未到岗"] >= 1


def test_shifts_done_are_activities_with_their_people(demo):
    rows = query(demo, "SELECT s.id, s.activity_id, s.date, a.date FROM duty_shift s "
                       "JOIN activity a ON a.id = s.activity_id")
    assert rows and all(shift_date == activity_date for _, _, shift_date, activity_date in rows)
    for shift_id, activity_id, *_ in rows:
        shift_people = set(query(demo, "SELECT deputy_id FROM duty_shift_deputy WHERE shift_id = :s", s=shift_id))
        activity_people = set(query(demo, "SELECT deputy_id FROM activity_deputy WHERE activity_id = :a", a=activity_id))
        assert shift_people == activity_people
    assert query(demo, "SELECT count(*) FROM duty_shift WHERE status = '已完成' AND activity_id IS NULL")[0][0] == 0
    on_reception = query(demo, "SELECT count(*) FROM duty_shift s JOIN duty_shift_deputy sd ON sd.shift_id = s.id "
                               "JOIN reception_duty rd ON rd.deputy_id = sd.deputy_id "
                               "JOIN reception_day r ON r.id = rd.reception_day_id AND r.date = s.date "
                               "WHERE r.start_time < s.end_time AND s.start_time < r.end_time")[0][0]
    assert on_reception == 0
