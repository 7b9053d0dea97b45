"""The scheduler: dates from the rules around holidays, fair rotation, busy dates, no double booking."""
import datetime as dt
import itertools
from collections import Counter

import pytest

from gridoffice.domain.enums import RecurrenceKind
from gridoffice.services.reception.holidays import HolidayCalendar
from gridoffice.services.reception.schedule import (ExistingDay, Member, RuleSpec, make_plan, month_range, pair_sequence,
                                          rule_dates)

D = dt.date
NTH, WEEKLY, MONTH_DAY = (k.value for k in RecurrenceKind)
HOLIDAYS = HolidayCalendar()


def rule(station_id=1, recurrence=NTH, pool=(), per_day=2, **fields) -> RuleSpec:
    return RuleSpec(station_id, f"第{station_id}站", recurrence, pool=tuple(pool), per_day=per_day, **fields)


def members(count: int, first_id: int = 1, levels=lambda i: "区", expertise=lambda i: "") -> dict[int, Member]:
    return {i: Member(i, f"代表{i}", levels(i), expertise(i)) for i in range(first_id, first_id + count)}


# --- dates ------------------------------------------------------------------------------------

def test_a_first_wednesday_on_national_day_moves_to_the_next_working_day():
    first_wednesday = rule(nth=1, weekday=2)
    dates = rule_dates(first_wednesday, D(2025, 10, 1), D(2025, 12, 31), HOLIDAYS)
    assert dates == [(D(2025, 10, 9), D(2025, 10, 1)), (D(2025, 11, 5), D(2025, 11, 5)),
                     (D(2025, 12, 3), D(2025, 12, 3))]
    assert rule_dates(first_wednesday, D(2026, 10, 1), D(2026, 10, 31), HOLIDAYS) == [(D(2026, 10, 8), D(2026, 10, 7))]


def test_a_make_up_weekend_day_is_a_working_day():
    eleventh_of_october = rule(recurrence=MONTH_DAY, day_of_month=11, months=(10,))
    assert rule_dates(eleventh_of_october, D(2025, 1, 1), D(2025, 12, 31), HOLIDAYS) == [(D(2025, 10, 11),) * 2]
    twentieth_of_september = rule(recurrence=MONTH_DAY, day_of_month=20, months=(9,))
    assert rule_dates(twentieth_of_september, D(2026, 9, 1), D(2026, 9, 30), HOLIDAYS) == [(D(2026, 9, 20),) * 2]
    # a plain Saturday moves to Monday
    assert rule_dates(rule(recurrence=MONTH_DAY, day_of_month=22, months=(11,)), D(2025, 11, 1), D(2025, 11, 30),
                      HOLIDAYS) == [(D(2025, 11, 24), D(2025, 11, 22))]


def test_odd_months_last_weekdays_fifth_weekdays_and_short_months():
    odd_months = rule(recurrence=MONTH_DAY, day_of_month=15, months=(1, 3, 5, 7, 9, 11))
    assert [d for d, _ in rule_dates(odd_months, D(2026, 1, 1), D(2026, 12, 31), HOLIDAYS)] == [
        D(2026, 1, 15), D(2026, 3, 16), D(2026, 5, 15), D(2026, 7, 15), D(2026, 9, 15), D(2026, 11, 16)]
    last_friday = rule(nth=-1, weekday=4)
    assert [d for d, _ in rule_dates(last_friday, D(2026, 1, 1), D(2026, 3, 31), HOLIDAYS)] == [
        D(2026, 1, 30), D(2026, 2, 27), D(2026, 3, 27)]
    fifth_monday = rule(nth=5, weekday=0)
    assert [d for d, _ in rule_dates(fifth_monday, D(2026, 1, 1), D(2026, 4, 30), HOLIDAYS)] == [
        D(2026, 3, 30)]
    thirty_first = rule(recurrence=MONTH_DAY, day_of_month=31)
    assert [d for d, _ in rule_dates(thirty_first, D(2026, 4, 1), D(2026, 4, 30), HOLIDAYS)] == [D(2026, 4, 30)]


def test_a_date_moved_out_of_the_previous_month_belongs_to_the_period_it_lands_in():
    third_tuesday = rule(nth=3, weekday=1)
    assert rule_dates(third_tuesday, D(2026, 2, 1), D(2026, 2, 28), HOLIDAYS) == [(D(2026, 2, 24), D(2026, 2, 17))]
    last_tuesday = rule(nth=-1, weekday=1)   # 30 June 2026, made a day off by the clerk
    calendar = HolidayCalendar([(D(2026, 6, 30), False, "停电检修")])
    assert rule_dates(last_tuesday, D(2026, 6, 1), D(2026, 6, 30), calendar) == []
    assert rule_dates(last_tuesday, D(2026, 7, 1), D(2026, 7, 31), calendar) == [
        (D(2026, 7, 1), D(2026, 6, 30)), (D(2026, 7, 28), D(2026, 7, 28))]


def test_a_weekly_rule_over_a_long_holiday_gives_one_reception():
    mondays = rule(recurrence=WEEKLY, weekday=0)   # 16 and 23 February 2026 both fall in the Spring Festival
    dates = rule_dates(mondays, D(2026, 2, 9), D(2026, 3, 6), HOLIDAYS)
    assert dates == [(D(2026, 2, 9), D(2026, 2, 9)), (D(2026, 2, 24), D(2026, 2, 16)), (D(2026, 3, 2), D(2026, 3, 2))]


def test_month_range():
    assert month_range(D(2026, 11, 21), 3) == (D(2026, 11, 1), D(2027, 1, 31))
    assert month_range(D(2027, 1, 1), 12) == (D(2027, 1, 1), D(2027, 12, 31))


# --- fairness -----------------------------------------------------------------------------------

@pytest.mark.parametrize("pool_size", [2, 3, 7, 40])
def test_counts_within_one_and_no_repeated_pair_while_others_are_possible(pool_size):
    pool = members(pool_size)
    weekly = rule(recurrence=WEEKLY, weekday=2, pool=pool)
    plan = make_plan([weekly], pool, HOLIDAYS, D(2026, 1, 1), D(2026, 12, 31))
    assert len(plan.days) >= 48 and all(len(day.deputy_ids) == 2 for day in plan.days)
    counts = plan.counts[1]
    assert max(counts.values()) - min(counts.values()) <= 1
    assert sum(counts.values()) == 2 * len(plan.days)
    pairs = [frozenset(day.deputy_ids) for day in plan.days]
    all_pairs = pool_size * (pool_size - 1) // 2
    first_round = pairs[:all_pairs]
    assert len(set(first_round)) == len(first_round)      # no pair twice before every pair has served
    uses = Counter(pairs)
    assert max(uses.values()) - min(uses.values()) <= 1   # and then each pair once more, in turn
    # the counts stay within one at every step, not only at the end of the year
    running = Counter()
    for day in plan.days:
        running.update(day.deputy_ids)
        assert max(running[i] for i in pool) - min(running[i] for i in pool) <= 1


@pytest.mark.parametrize("pool_size", range(2, 41))
def test_the_pair_sequence_walks_every_pair_once(pool_size):
    sequence = pair_sequence(list(members(pool_size).values()))
    assert len(sequence) == len({frozenset(p) for p in sequence}) == pool_size * (pool_size - 1) // 2


def test_pairs_mix_levels_where_the_pool_allows():
    pool = members(6, levels=lambda i: "市、区" if i in (2, 5) else "区")
    plan = make_plan([rule(pool=pool, nth=1, weekday=2)], pool, HOLIDAYS, D(2026, 3, 1), D(2026, 4, 30))
    for day in plan.days:   # two city deputies: each of the first two months pairs one of them with a district one
        assert {pool[i].levels for i in day.deputy_ids} == {"市、区", "区"}
    odd = members(7, levels=lambda i: "市" if i == 4 else "区")
    plan = make_plan([rule(pool=odd, nth=1, weekday=2)], odd, HOLIDAYS, D(2026, 3, 1), D(2026, 3, 31))
    assert 4 in plan.days[0].deputy_ids
    by_expertise = members(4, expertise=lambda i: "法律" if i <= 2 else "教育")
    plan = make_plan([rule(pool=by_expertise, nth=1, weekday=2)], by_expertise, HOLIDAYS, D(2026, 3, 1),
                     D(2026, 4, 30))
    for day in plan.days:
        assert {by_expertise[i].expertise for i in day.deputy_ids} == {"法律", "教育"}


def test_busy_dates_are_respected_and_the_busy_deputy_catches_up():
    pool = members(4)
    monthly = rule(pool=pool, nth=1, weekday=2)
    free = make_plan([monthly], pool, HOLIDAYS, D(2026, 3, 1), D(2026, 8, 31))
    first_day, first_pair = free.days[0].date, free.days[0].deputy_ids
    busy = {(first_pair[0], first_day), (first_pair[1], first_day), (1, free.days[1].date)}
    plan = make_plan([monthly], pool, HOLIDAYS, D(2026, 3, 1), D(2026, 8, 31), busy=busy)
    for day in plan.days:
        assert not any((deputy_id, day.date) in busy for deputy_id in day.deputy_ids)
        assert len(day.deputy_ids) == 2
    assert max(plan.counts[1].values()) - min(plan.counts[1].values()) <= 1


def test_nobody_is_on_duty_at_two_stations_the_same_day():
    shared = members(3)   # the same three deputies in both pools, both stations on the first Wednesday
    rules = [rule(1, pool=shared, nth=1, weekday=2), rule(2, pool=shared, nth=1, weekday=2, per_day=1)]
    plan = make_plan(rules, shared, HOLIDAYS, D(2026, 3, 1), D(2026, 8, 31))
    by_date: dict[dt.date, list[int]] = {}
    for day in plan.days:
        by_date.setdefault(day.date, []).extend(day.deputy_ids)
    assert len(by_date) == 6
    for deputy_ids in by_date.values():
        assert len(deputy_ids) == len(set(deputy_ids)) == 3
    # days already stored elsewhere block their deputies too
    other = ExistingDay(99, D(2026, 3, 4), 3, (1, 2), "计划")
    plan = make_plan([rules[0]], shared, HOLIDAYS, D(2026, 3, 1), D(2026, 3, 31), existing=[other])
    assert plan.days[0].deputy_ids == [3]
    assert any("只有 1 名代表可以值班" in w for w in plan.warnings)


def test_kept_days_are_not_planned_again_and_count_for_fairness():
    pool = members(4)
    monthly = rule(pool=pool, nth=1, weekday=2)
    held = ExistingDay(7, D(2026, 3, 4), 1, (1, 2), "已举行")
    cancelled = ExistingDay(8, D(2026, 4, 1), 1, (3, 4), "已取消")
    planned = ExistingDay(9, D(2026, 5, 6), 1, (1, 3), "计划", replaceable=True)
    plan = make_plan([monthly], pool, HOLIDAYS, D(2026, 3, 1), D(2026, 6, 30), existing=[held, cancelled, planned])
    assert [d.date for d in plan.days] == [D(2026, 5, 6), D(2026, 6, 3)]
    assert plan.replaced_ids == [9] and plan.kept == 2
    assert set(plan.days[0].deputy_ids) == {3, 4}      # the held day's pair has served already
    counts = plan.counts[1]   # the held day counts, the cancelled one does not
    assert sum(counts.values()) == 6 and max(counts.values()) - min(counts.values()) <= 1


def test_history_continues_the_rotation_month_after_month():
    pool = members(6)
    monthly = rule(pool=pool, nth=1, weekday=2)
    history: list[tuple[int, ...]] = []
    pairs = []
    for month in range(1, 13):
        start, end = month_range(D(2026, month, 1), 1)
        plan = make_plan([monthly], pool, HOLIDAYS, start, end, history={1: list(history)})
        history += [tuple(d.deputy_ids) for d in plan.days]
        pairs += [frozenset(d.deputy_ids) for d in plan.days]
    assert len(set(pairs)) == 12    # 15 pairs in the pool: none repeats within the year
    counts = Counter(itertools.chain.from_iterable(pairs))
    assert max(counts.values()) - min(counts.values()) <= 1


def test_pool_problems_and_unknown_years_are_warned():
    rules = [rule(1, pool=(), nth=1, weekday=2), rule(2, pool=(1,), nth=1, weekday=2)]
    plan = make_plan(rules, members(1), HOLIDAYS, D(2026, 12, 1), D(2027, 1, 31))
    text = "\n".join(plan.warnings)
    assert "第1站的接待代表库是空的" in text and "只有 1 人" in text and "2027" in text
    assert all(day.station_id == 2 for day in plan.days)


def test_retired_deputies_are_never_planned():
    pool = {1: Member(1, "甲"), 2: Member(2, "乙", serving_until=D(2026, 3, 31)), 3: Member(3, "丙")}
    plan = make_plan([rule(pool=pool, nth=1, weekday=2)], pool, HOLIDAYS, D(2026, 4, 1), D(2026, 6, 30))
    assert all(2 not in day.deputy_ids for day in plan.days)
