"""Reception days in the office's database: generating and regenerating plans, rules, the clerk's
edits of a day, conflicts, drag-and-drop moves, the Excel export and the command line."""
import datetime as dt
from collections import Counter

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import text
from sqlmodel import select

from gridoffice.cli import main as cli_main
from gridoffice.db import Database
from gridoffice.domain import Deputy, DeputyBusyDate, Opinion, ReceptionDay, ReceptionRule, Station
from gridoffice.domain.enums import DeputyStatus, RecurrenceKind
from gridoffice.domain.errors import FieldError
from gridoffice.domain.stations import short_station_name
from gridoffice.services.common.lookups import find_station
from gridoffice.services.reception.days import (DayForm, ReceptionInputError, ReceptionRow, check_day, delete_day,
                                                describe_recurrence, list_month, list_reception_days, move_conflicts,
                                                move_context, move_duty, read_day, read_rule, save_day, save_rule)
from gridoffice.services.reception.excel import HEADERS, export_reception
from gridoffice.services.reception.schedule import (RuleSpec, duty_conflicts, generate_plan, load_rules, month_range,
                                                    save_plan)

TODAY = dt.date(2026, 11, 20)
D = dt.date
NTH = RecurrenceKind.NTH_WEEKDAY.value


@pytest.fixture
def office(demo_file):
    """A fresh copy of the demo office (as of TODAY) for each test."""
    database = Database.open(demo_file)
    yield database
    database.close()


def planned_days(db: Database, start: dt.date, end: dt.date) -> list[ReceptionRow]:
    return list_reception_days(db, start=start, end=end)


# --- generating and saving -----------------------------------------------------------------------

def test_a_year_for_every_station_is_fair_and_never_double_books(office):
    start, end = month_range(D(2027, 1, 1), 12)
    plan = generate_plan(office, start, end)
    save_plan(office, plan)
    assert len(plan.station_ids) == 9 and len(plan.days) >= 9 * 11
    assert any("2027" in warning for warning in plan.warnings)
    for station_id, counts in plan.counts.items():
        assert max(counts.values()) - min(counts.values()) <= 1, plan.station_names[station_id]
    days = planned_days(office, start, end)
    assert len(days) == len(plan.days)
    per_date = Counter((day.date, deputy_id) for day in days for deputy_id in day.deputy_ids)
    assert max(per_date.values()) == 1
    with office.engine.connect() as connection:
        busy_on_duty = connection.execute(text(
            "SELECT count(*) FROM reception_duty d JOIN reception_day r ON r.id = d.reception_day_id "
            "JOIN deputy_busy_date b ON b.deputy_id = d.deputy_id AND b.date = r.date")).scalar_one()
        audited = connection.execute(text(
            "SELECT count(*) FROM audit_log WHERE table_name = 'reception_day' AND action = 'insert'")).scalar_one()
    assert busy_on_duty == 0 and audited >= len(plan.days)
    holidays = {D(2027, 1, 1), D(2027, 2, 5), D(2027, 2, 8), D(2027, 5, 1), D(2027, 10, 1), D(2027, 10, 2)}
    assert not holidays & {day.date for day in days}
    assert all(day.date.weekday() < 5 for day in days)


def test_regenerating_keeps_held_and_cancelled_days_and_replaces_planned_ones(office):
    start, end = month_range(D(2026, 11, 1), 2)
    before = planned_days(office, start, end)
    held = [d for d in before if d.status == "已举行"]
    planned = [d for d in before if d.status == "计划"]
    assert held and planned
    with office.session() as session:   # the clerk cancelled one planned December day
        cancelled = session.get(ReceptionDay, planned[-1].id)
        cancelled.status = "已取消"
        cancelled.notes = "台风预警"
        cancelled_station, cancelled_month = cancelled.station_id, cancelled.date.month
    plan = generate_plan(office, start, end)
    result = save_plan(office, plan)
    assert result.removed == len(planned) - 1 and plan.kept == len(held) + 1
    after = planned_days(office, start, end)
    kept = {(d.id, d.date, d.status, tuple(d.deputy_ids)) for d in after if d.status != "计划"}
    assert {(d.id, d.date, d.status, tuple(d.deputy_ids)) for d in held} <= kept
    assert any(d.id == planned[-1].id and d.status == "已取消" for d in after)
    # each station once a month: nothing planned again where a day was held or cancelled
    per_month = Counter((d.station_id, d.date.month) for d in after)
    assert per_month[(cancelled_station, cancelled_month)] == 1
    assert max(per_month.values()) == 1


def test_a_planned_day_with_opinions_is_kept(office):
    start, end = month_range(D(2026, 12, 1), 1)
    day = next(d for d in planned_days(office, start, end) if d.status == "计划")
    with office.session() as session:
        session.add(Opinion(serial="2026-9001", received_on=day.date, channel="接待日", content="路灯不亮",
                            reception_day_id=day.id))
    plan = generate_plan(office, start, end)
    save_plan(office, plan)
    assert day.id not in plan.replaced_ids
    with pytest.raises(ReceptionInputError, match="已登记了民情意见"):
        delete_day(office, day.id)
    with office.session() as session:
        assert session.get(ReceptionDay, day.id) is not None


def test_one_station_only_and_the_rotation_continues(office):
    centre = find_station(office, "中心站")
    plan = generate_plan(office, D(2027, 3, 1), D(2027, 3, 31), station_ids=[centre.id])
    assert [d.station_id for d in plan.days] == [centre.id]
    assert plan.days[0].date == D(2027, 3, 3)
    history = list_month(office, 2027, 1, centre.id) + list_month(office, 2027, 2, centre.id)
    recent = {frozenset(row.deputy_ids) for row in history}
    assert frozenset(plan.days[0].deputy_ids) not in recent


# --- rules -----------------------------------------------------------------------------------------

def test_rules_are_read_validated_and_saved(office):
    station = find_station(office, "西园片区")
    rule = read_rule(office, station.id)
    assert rule in load_rules(office) and rule.recurrence == RecurrenceKind.MONTH_DAY.value and rule.months == (1, 3, 5, 7, 9, 11)
    assert describe_recurrence(rule.recurrence, rule.nth, rule.weekday, rule.day_of_month, rule.months) == "每单月15日"
    with office.session() as session:
        serving = [d.id for d in session.exec(select(Deputy).where(Deputy.station_id == station.id,
                                                                   Deputy.status == DeputyStatus.SERVING.value))]
        retired = session.exec(select(Deputy).where(Deputy.status == DeputyStatus.RETIRED.value)).first()
    bad = [
        (RuleSpec(station.id, "", RecurrenceKind.MONTH_DAY.value, months=(), place="接待室", pool=tuple(serving)), "months"),
        (RuleSpec(station.id, "", NTH, start_time=dt.time(11), end_time=dt.time(9), place="接待室", pool=tuple(serving)), "time"),
        (RuleSpec(station.id, "", NTH, place=" ", pool=tuple(serving)), "place"),
        (RuleSpec(station.id, "", NTH, place="接待室", pool=tuple(serving[:1])), "pool"),
        (RuleSpec(station.id, "", NTH, place="接待室", pool=(serving[0], retired.id)), "pool"),
    ]
    for form, field in bad:
        with pytest.raises(ReceptionInputError) as error:
            save_rule(office, form)
        assert error.value.field == field
    weekly = RuleSpec(station.id, "", RecurrenceKind.WEEKLY.value, weekday=4, start_time=dt.time(14, 30),
                      end_time=dt.time(17), place="西园社区党群服务中心", per_day=3, pool=tuple(serving[:5]))
    save_rule(office, weekly)
    with office.session() as session:
        stored = session.exec(select(ReceptionRule).where(ReceptionRule.station_id == station.id)).one()
        assert (stored.recurrence, stored.weekday, stored.deputies_per_day, stored.months) == ("每周", 4, 3, "")
        assert sorted(d.id for d in stored.pool) == sorted(serving[:5])
    plan = generate_plan(office, D(2027, 3, 1), D(2027, 3, 31), station_ids=[station.id])
    assert [d.date.weekday() for d in plan.days] == [4] * 4 and all(len(d.deputy_ids) == 3 for d in plan.days)


def test_a_station_without_a_rule_gets_defaults(office):
    with office.session() as session:
        station = Station(name="测试联系点", reception_room="二楼会议室")
        session.add(station)
    rule = read_rule(office, station.id)
    assert load_rules(office, [station.id]) == [] and rule.place == "测试联系点二楼会议室"
    plan = generate_plan(office, D(2027, 3, 1), D(2027, 3, 31), station_ids=[station.id])
    assert plan.days == [] and "还没有接待规则" in plan.warnings[0]


def test_a_station_is_found_by_full_short_or_unique_partial_name(office):
    centre = find_station(office, "中心站")
    assert find_station(office, centre.name) == centre and find_station(office, "  中心站 ") == centre
    assert find_station(office, "西园").short == "西园片区"
    with pytest.raises(FieldError) as unknown:
        find_station(office, "火星站")
    assert "没有名为“火星站”的联络站" in str(unknown.value) and centre.name in str(unknown.value)
    with pytest.raises(FieldError) as several:
        find_station(office, "片区")
    assert "对应多个联络站" in str(several.value) and "西园片区代表联络站" in str(several.value)


def test_short_station_names():
    assert short_station_name("锦塘街道人大代表联络站（中心站）") == "中心站"
    assert short_station_name("西园片区代表联络站") == "西园片区"
    assert short_station_name("锦塘街道法律服务专业代表联络站") == "法律服务专业"
    assert short_station_name("东湖社区代表之家") == "东湖社区"


# --- one day ---------------------------------------------------------------------------------------

def test_a_day_is_edited_held_and_its_residents_recorded(office):
    day = next(d for d in list_month(office, 2026, 11, None) if d.status == "计划" and d.date > TODAY)
    form = read_day(office, day.id)
    future = DayForm(**{**form.__dict__, "status": "已举行"})
    with pytest.raises(ReceptionInputError, match="还没到"):
        save_day(office, future, today=TODAY)
    held = DayForm(**{**form.__dict__, "status": "已举行", "residents_received": 7, "notes": "反映停车难"})
    assert save_day(office, held, today=form.date) == day.id
    stored = read_day(office, day.id)
    assert (stored.status, stored.residents_received, stored.notes) == ("已举行", 7, "反映停车难")
    with pytest.raises(ReceptionInputError) as error:
        save_day(office, DayForm(**{**form.__dict__, "residents_received": 3}), today=form.date)
    assert error.value.field == "residents_received"


def test_conflicts_name_double_booking_busy_dates_holidays_and_the_pool(office):
    days = [d for d in list_month(office, 2027, 2, None) if d.status == "计划"]
    first, second = next((a, b) for a in days for b in days if a.date == b.date and a.id != b.id)
    with office.session() as session:
        outsider = session.exec(select(Deputy).where(Deputy.station_id != first.station_id,
                                                     Deputy.status == "在任")).first()
        session.add(DeputyBusyDate(deputy_id=first.deputy_ids[0], date=first.date, reason="出差"))
    found = duty_conflicts(office, first.date, [first.deputy_ids[0], second.deputy_ids[0]],
                           station_id=first.station_id, exclude_day_ids=[first.id])
    kinds = Counter(c.kind for c in found)
    assert kinds["重复值班"] == 1 and kinds["不便日期"] == 1 and kinds["不在代表库"] == 1
    assert any("出差" in c.message for c in found)
    on_holiday = duty_conflicts(office, D(2027, 2, 8), [outsider.id], station_id=first.station_id)
    assert {c.kind for c in on_holiday} == {"节假日", "不在代表库"}
    assert "春节" in on_holiday[0].message
    check = check_day(office, D(2027, 2, 8), [outsider.id], station_id=first.station_id)
    assert check.info.name == "春节" and check.estimated and check.conflicts == on_holiday


def test_moving_and_swapping_a_deputy_between_days(office):
    first, second = [d for d in list_month(office, 2027, 1, None) if d.status == "计划"][:2]
    move = move_context(office, first.deputy_ids[0], first.id, second.id)
    assert move.per_day == 2 and move.target.deputy_ids == sorted(second.deputy_ids)
    assert set(move.names) == {first.deputy_ids[0], *second.deputy_ids}
    found = move_conflicts(office, move, first.deputy_ids[0], second.deputy_ids[1])   # each joins another station
    assert [c.kind for c in found] == ["不在代表库"] * (2 if first.station_id != second.station_id else 0)
    move_duty(office, first.deputy_ids[0], first.id, second.id, swap_with=second.deputy_ids[1])
    a, b = read_day(office, first.id), read_day(office, second.id)
    assert sorted(a.deputy_ids) == sorted([first.deputy_ids[1], second.deputy_ids[1]])
    assert sorted(b.deputy_ids) == sorted([second.deputy_ids[0], first.deputy_ids[0]])
    move_duty(office, a.deputy_ids[0], first.id, second.id)
    assert len(read_day(office, second.id).deputy_ids) == 3
    with pytest.raises(ReceptionInputError):
        move_duty(office, 999_999, first.id, second.id)
    held = next(d for d in list_month(office, 2026, 10, None) if d.status == "已举行")
    with pytest.raises(ReceptionInputError, match="已举行"):
        move_duty(office, held.deputy_ids[0], held.id, second.id)


# --- Excel and the command line ---------------------------------------------------------------------

def test_export_reception_to_excel(office, tmp_path):
    target = tmp_path / "接待 安排.xlsx"
    count = export_reception(office, target)
    total = len(list_month(office, 2026, 12, None))
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADERS and len(rows) == count + 1 and total > 0
    assert any(row[7] == "已举行" and row[8] is not None for row in rows[1:])


@pytest.fixture
def cli(office, capsys, monkeypatch):
    """Run a command in-process on the office's file (closed first, as the window would be), on the
    demo's day: (code, out, err)."""
    from gridoffice.clock import SYSTEM_CLOCK

    monkeypatch.setattr(SYSTEM_CLOCK, "today", lambda: TODAY)
    path = str(office.location)
    office.close()

    def run(*args: str) -> tuple[int, str, str]:
        code = cli_main(["--db", path, *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err
    return run


def test_cli_schedule_prints_the_plan_and_counts_and_saves(cli):
    code, out, err = cli("schedule", "--station", "中心站", "--from", "2027-03", "--months", "3")
    assert code == 0, err
    assert any(line.startswith("2027-03-03  星期三  09:00-11:30  锦塘街道人大代表联络站（中心站）")
               for line in out.splitlines())
    assert "每位代表的值班次数：" in out and " 1 次" in out and "仅预览" in out
    assert "2027" in err   # the unknown year is warned
    code, out, _err = cli("schedule", "--from", "2027-03", "--months", "1", "--save")
    assert code == 0 and "已保存" in out
    code, _out, err = cli("schedule", "--station", "火星站", "--from", "2027-03")
    assert code == 2 and "火星站" in err and "西园片区代表联络站" in err
    code, _out, err = cli("schedule", "--station", "片区", "--from", "2027-03")
    assert code == 2 and "对应多个联络站" in err
    code, _out, err = cli("schedule", "--from", "2027-13")
    assert code == 2 and "YYYY-MM" in err


def test_cli_export_and_print(cli, tmp_path):
    workbook = tmp_path / "接待 导出.xlsx"
    code, _out, err = cli("export", "reception", str(workbook))
    assert code == 0 and workbook.is_file(), err
    roster = tmp_path / "值班 表.pdf"
    code, _out, err = cli("print", "duty-roster", "--month", "2026-12", "--station", "中心站", "-o", str(roster))
    assert code == 0, err
    text_ = "".join(page.extract_text() for page in PdfReader(roster).pages)
    assert "2026年12月人大代表接待选民值班表" in text_ and "中心站" in text_ and "第 1 页" in text_
    assert "西园片区代表联络站" not in text_
    notice = tmp_path / "公告.pdf"
    code, _out, err = cli("print", "notice", "--date", "2026-12-02", "--station", "中心站", "-o", str(notice))
    assert code == 0, err
    assert "2026年12月2日" in PdfReader(notice).pages[0].extract_text()
    code, _out, err = cli("print", "notice", "--date", "2026-12-05", "-o", str(tmp_path / "无.pdf"))
    assert code == 2 and "没有" in err and not (tmp_path / "无.pdf").exists()


def test_cli_refuses_a_past_notice_and_an_empty_roster_and_warns_a_late_notice(cli, tmp_path, monkeypatch):
    from gridoffice.clock import SYSTEM_CLOCK

    target = tmp_path / "公告 过期.pdf"
    code, _out, err = cli("print", "notice", "--date", "2026-11-16", "--station", "西园", "-o", str(target))
    assert code == 2 and "2026年11月16日已经过去，不能再打印接待日公告" in err and not target.exists()
    monkeypatch.setattr(SYSTEM_CLOCK, "today", lambda: D(2026, 11, 30))
    code, out, err = cli("print", "notice", "--date", "2026-12-02", "--station", "中心站", "-o", str(target))
    assert code == 0 and target.is_file() and "不足 3 天" in err, err
    empty = tmp_path / "值班表 空.pdf"
    code, out, err = cli("print", "duty-roster", "--month", "2030-01", "-o", str(empty))
    assert code == 2 and "2030年1月各联络站没有安排接待日" in err and not empty.exists()
    code, out, err = cli("print", "duty-roster", "--month", "2026-12", "--station", "片区", "-o", str(empty))
    assert code == 2 and "对应多个联络站" in err and "西园片区代表联络站" in err and not empty.exists()
