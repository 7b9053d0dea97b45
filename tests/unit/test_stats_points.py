"""履职积分 on the hand-built office: each deputy's points by hand, with adjustments, caps, minimums,
grades and rule tables versioned by year."""
import datetime as dt

import pytest
from sqlmodel import select

from gridoffice.domain import AuditLog, DutyPointRule
from gridoffice.services.stats.period import Period, Scope
from gridoffice.services.stats.points import (AdjustmentForm, PointsInputError, RuleValue, add_adjustment,
                                              delete_adjustment, delete_rule_table, deputy_points, list_adjustments,
                                              rank_deputies, rule_table, save_rule_table)
from tests.stats_fixtures import AFTER_YEAR, TODAY, build_stats_office

YEAR = Period.year(2026)


@pytest.fixture
def office(db):
    office = build_stats_office(db)
    add_adjustment(db, AdjustmentForm(office["D1"], dt.date(2026, 6, 1), "加分", 3, "参加全区代表培训并交流发言"),
                   today=TODAY)
    add_adjustment(db, AdjustmentForm(office["D4"], dt.date(2026, 10, 14), "接待日缺岗", 0, "10月14日接待日无故缺岗",
                                      reception_day_id=office["R4"]), today=TODAY)
    return office


def scores(office, period=YEAR, today=TODAY, scope=Scope()):
    return {s.name: s for s in rank_deputies(office.db, period, scope, today=today).scores}


def test_points_by_hand_with_the_default_rules(office):
    s = scores(office)
    # 张一: 入户走访 A1 A9 2+2, 议事会 A2 3, 接待日 A7 2, R1 duty 5, M1 2, claims O1 O3 1+1,
    #       办结 O1 O3 and last year's O9 2+2+2, leads JY2026-001 3 = 27; +3 加分
    assert (s["张一"].period_points, s["张一"].adjustments) == (30, 3)
    assert s["张一"].quarters == (23, 3, 2, 2)
    # 李二: A1 2, A2 3, R1 R2 5+5, M1 2, claims O2 1, O2 办结 2, co-signs 1, follows P1 2
    assert s["李二"].period_points == 23
    # 王三: A2 3, A3 3, A4 2, M2 2, claims O4 1 (R3 cancelled, R4 not held: no duty)
    assert s["王三"].period_points == 11
    # 赵四: A4 2, A5 1, misses M1 -1, M2 2, claims O6 O8 1+1, O6 办结 2 = 8; 接待日缺岗 -5
    assert (s["赵四"].period_points, s["赵四"].adjustments) == (3, -5)
    assert s["钱五"].period_points == 0


def test_the_whole_year_adds_base_points_minimums_and_the_grade(office):
    running = scores(office)                       # 20 December: the minimums are not judged yet
    assert (running["张一"].base, running["张一"].minimums, running["张一"].total) == (60, 0, 90)
    assert running["张一"].unmet == ("接待值班1/2次",)
    over = scores(office, today=AFTER_YEAR)
    # 张一 served all year: one duty (R1) of the two asked, -5; contacts 5+12+6+1 (activities) + 7 (R1) = 31
    assert (over["张一"].minimums, over["张一"].total, over["张一"].grade) == (-5, 85, "优秀")
    # 钱五 took office on 1 November: no minimum asked of a part year
    assert (over["钱五"].unmet, over["钱五"].total, over["钱五"].grade) == ((), 60, "基本合格")
    # 赵四: 3 + 60, two minimums unmet (no duty held; contacts 3+2 = 5)
    assert over["赵四"].unmet == ("联系群众5/10人次", "接待值班0/2次") and over["赵四"].total == 53
    assert over["赵四"].grade == "不合格"


def test_a_quarter_counts_its_own_points_and_shares_equal_ranks(office):
    ranking = rank_deputies(office.db, Period.quarter(2026, 3), Scope(), today=AFTER_YEAR)
    by_name = {s.name: s for s in ranking.scores}
    assert by_name["张一"].period_points == 2 and by_name["张一"].base == 0 and by_name["张一"].grade == ""
    assert by_name["李二"].period_points == 7                      # R2 duty 5, P1 completed 2
    ranks = [(s.rank, s.total) for s in ranking.scores]
    assert ranks == sorted(ranks, key=lambda r: (-r[1], r[0]))
    equal = [s for s in ranking.scores if s.total == 0]
    assert len({s.rank for s in equal}) == 1 and len(equal) >= 2   # 王三, 钱五: both 0, one rank


def test_a_station_ranks_its_own_deputies(office):
    west = scores(office, scope=Scope.station(office["S2"], "西园片区"))
    assert set(west) == {"王三", "赵四", "钱五"}


def test_each_deputys_lines_add_up_and_open_their_records(office):
    detail = deputy_points(office.db, office["D1"], 2026, today=AFTER_YEAR)
    assert round(sum(line.points for line in detail.lines), 1) == detail.score.period_points == 30
    assert detail.score.total == 85
    duty = [line for line in detail.lines if line.key == "reception_duty"]
    assert [(line.on, line.points, line.ref_kind, line.ref_id) for line in duty] == [
        (dt.date(2026, 3, 4), 5, "reception_day", office["R1"])]
    bonus = [line for line in detail.lines if line.ref_kind == "adjustment"]
    assert [(line.points, line.note) for line in bonus] == [(3, "参加全区代表培训并交流发言")]
    items = {item.label: (item.count, item.points) for item in detail.items}
    assert items["入户走访"] == (2, 4) and items["认领的意见办结"] == (3, 6) and items["加分"] == (1, 3)


def test_rules_are_versioned_by_year(office):
    assert rule_table(office.db, 2026).source_year is None               # nothing saved: the defaults
    save_rule_table(office.db, 2025, {"reception_duty": RuleValue(4)})
    follows = rule_table(office.db, 2026)
    assert (follows.source_year, follows["reception_duty"].points) == (2025, 4)
    assert scores(office)["张一"].period_points == 29                    # R1 now worth 4
    last_year = scores(office, Period.year(2025))["张一"].period_points
    assert last_year == 3                                                # A8 2, O9 claimed 1

    save_rule_table(office.db, 2026, {"reception_duty": RuleValue(6), "activity:入户走访": RuleValue(2, cap=3)})
    assert rule_table(office.db, 2026).own and rule_table(office.db, 2027).source_year == 2026
    s = scores(office)
    # 入户走访 A1 2 then A9 only 1 (the cap of 3), duty 6: 27 - 4 + 3 - 5 + 6 = 27, +3
    assert s["张一"].period_points == 30
    capped = [line for line in deputy_points(office.db, office["D1"], 2026, today=TODAY).lines
              if line.key == "activity:入户走访"]
    assert [line.points for line in capped] == [2, 1] and "上限" in capped[1].note
    assert scores(office, Period.year(2025))["张一"].period_points == last_year      # 2025 unchanged
    assert rule_table(office.db, 2025)["reception_duty"].points == 4

    delete_rule_table(office.db, 2026)
    assert rule_table(office.db, 2026).source_year == 2025


def test_rule_input_is_checked(office):
    with pytest.raises(PointsInputError) as error:
        save_rule_table(office.db, 2026, {"missed_duty": RuleValue(5)})
    assert error.value.field == "missed_duty.points" and "扣分" in str(error.value)
    with pytest.raises(PointsInputError) as error:
        save_rule_table(office.db, 2026, {"grade_pass": RuleValue(0, threshold=90)})
    assert "从高到低" in str(error.value)
    with pytest.raises(PointsInputError):
        save_rule_table(office.db, 2026, {"activity:入户走访": RuleValue(-2)})
    with office.db.session() as session:
        assert session.exec(select(DutyPointRule)).all() == []          # nothing written


def test_an_adjustment_needs_a_reason_and_is_in_the_audit_log(office):
    with pytest.raises(PointsInputError) as error:
        add_adjustment(office.db, AdjustmentForm(office["D2"], dt.date(2026, 5, 1), "扣分", 2, "  "), today=TODAY)
    assert error.value.field == "reason"
    with pytest.raises(PointsInputError) as error:
        add_adjustment(office.db, AdjustmentForm(office["D2"], dt.date(2026, 5, 1), "扣分", 0, "无故缺席例会"), today=TODAY)
    assert error.value.field == "points"
    with pytest.raises(PointsInputError) as error:
        add_adjustment(office.db, AdjustmentForm(office["D2"], dt.date(2027, 5, 1), "扣分", 2, "无故缺席例会"), today=TODAY)
    assert error.value.field == "on"
    adjustment = add_adjustment(office.db, AdjustmentForm(office["D2"], dt.date(2026, 5, 1), "扣分", 2, "无故缺席例会"),
                                today=TODAY)
    assert scores(office)["李二"].period_points == 21
    rows = {row.reason: row.points for row in list_adjustments(office.db, 2026)}
    assert rows == {"参加全区代表培训并交流发言": 3, "10月14日接待日无故缺岗": -5, "无故缺席例会": -2}
    delete_adjustment(office.db, adjustment)
    with office.db.session() as session:
        audit = session.exec(select(AuditLog).where(AuditLog.table_name == "duty_point_adjustment")).all()
    assert [a.action for a in audit] == ["insert", "insert", "insert", "delete"]
    assert "无故缺席例会" in audit[2].changes and "无故缺席例会" in audit[3].changes


def test_points_need_one_year(office):
    with pytest.raises(PointsInputError):
        rank_deputies(office.db, Period(dt.date(2025, 12, 1), dt.date(2026, 1, 31)), Scope(), today=TODAY)


def test_the_demo_office_keeps_each_years_rules_and_some_adjustments(demo_file):
    from gridoffice.db import Database
    from tests.conftest import DEMO_TODAY

    with Database.open(demo_file) as db:
        last, this = rule_table(db, DEMO_TODAY.year - 1), rule_table(db, DEMO_TODAY.year)
        assert last.own and this.own
        assert (last["reception_duty"].points, this["reception_duty"].points) == (4, 5)
        adjustments = list_adjustments(db, DEMO_TODAY.year)
        assert {row.kind for row in adjustments} == {"加分", "扣分", "接待日缺岗"}
        assert all(len(row.reason) >= 4 for row in adjustments)
        ranking = rank_deputies(db, Period.year(DEMO_TODAY.year), Scope(), today=DEMO_TODAY)
        assert ranking.scores[0].rank == 1 and ranking.scores[0].total > ranking.scores[-1].total


def test_ranking_by_months_and_by_days_agree_with_each_deputys_lines(office):
    """A year or a quarter is ranked from monthly sums, any other range from each occurrence: both agree
    with the deputy's own lines."""
    by_months = scores(office, today=AFTER_YEAR)
    by_days = scores(office, Period(dt.date(2026, 1, 1), dt.date(2026, 12, 30)), today=AFTER_YEAR)
    for name, score in by_months.items():
        detail = deputy_points(office.db, score.deputy_id, 2026, today=AFTER_YEAR)
        assert score.quarters == detail.score.quarters and score.total == detail.score.total, name
        in_range = sum(line.points for line in detail.lines if line.on <= dt.date(2026, 12, 30))
        assert by_days[name].period_points == round(in_range, 1), name
