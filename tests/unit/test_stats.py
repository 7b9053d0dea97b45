"""统计: on the hand-built office (tests/stats_fixtures.py) every figure, breakdown, list of records and
check equals the count made by hand."""
import datetime as dt

import pytest

from gridoffice.services.outcomes.figures import period_figures
from gridoffice.services.stats.breakdowns import breakdowns
from gridoffice.services.stats.checks import run_checks
from gridoffice.services.stats.figures import office_figures
from gridoffice.services.stats.period import Period, PeriodError, Scope
from gridoffice.services.stats.records import SOURCES, record_summary, records_behind
from gridoffice.services.stats.series import charts
from tests.stats_fixtures import TODAY, build_stats_office

YEAR = Period.year(2026)


@pytest.fixture
def office(db):
    return build_stats_office(db)


def values(office, period=YEAR, scope=Scope()):
    figures = office_figures(office.db, period, scope)
    return {key: figure.value for key, figure in figures.figures.items()}


def test_the_year_figures_equal_the_hand_count(office):
    v = values(office)
    assert (v["activities"], v["person_times"], v["online_activities"], v["deputies_involved"]) == (8, 11, 1, 4)
    assert (v["residents_in_activities"], v["residents_at_reception"], v["residents"]) == (33, 10, 43)
    assert (v["reception_held"], v["reception_scheduled"], v["reception_duty"]) == (3, 5, 3)
    assert (v["opinions_collected"], v["opinions_resolved"], v["opinions_replied"]) == (8, 4, 2)
    assert (v["resolve_rate"], v["reply_rate"]) == (50.0, 50.0)          # 4 ÷ 8, 2 ÷ 4
    assert (v["opinions_rejected"], v["opinions_open"], v["opinions_earlier_resolved"]) == (1, 3, 1)
    assert (v["suggestions_formed"], v["suggestions_closed"], v["projects_done"]) == (1, 2, 1)
    assert (v["meetings_held"], v["meeting_person_times"]) == (2, 4)
    assert (v["followups"], v["satisfaction_rate"]) == (2, 100.0)       # O6's last call: 基本满意


def test_last_year_is_the_same_period_a_year_earlier(office):
    figures = office_figures(office.db, YEAR, Scope())
    assert figures["activities"].previous == 1 and figures["person_times"].previous == 1     # A8
    assert figures["opinions_collected"].previous == 1 and figures["resolve_rate"].previous == 0.0   # O9 办结 in 2026
    assert figures["suggestions_formed"].previous == 1


def test_the_sentence_in_the_offices_words(office):
    assert office_figures(office.db, YEAR, Scope()).sentence() == (
        "2026年，东园街道人大工委组织代表11人次开展活动8次，其中网上履职1次，接待（联系）群众43人次；"
        "收集群众意见8条，办结4条，办结率50.0%，回复率50.0%；形成代表建议1件（办结2件），为民办实事1件；"
        "联络站接待日举行3次（计划5次）。")


def test_a_quarter_a_month_and_a_range(office):
    q1 = values(office, Period.quarter(2026, 1))
    assert (q1["activities"], q1["person_times"], q1["opinions_collected"], q1["opinions_resolved"]) == (3, 6, 3, 3)
    assert q1["opinions_earlier_resolved"] == 1 and q1["reception_held"] == 1
    march = values(office, Period.month(2026, 3))
    assert (march["activities"], march["opinions_collected"], march["reception_held"]) == (1, 1, 1)
    # O2 was registered in February and resolved on 1 March: not 办结 of a range ending in February
    feb = values(office, Period(dt.date(2026, 2, 1), dt.date(2026, 2, 28)))
    assert (feb["opinions_collected"], feb["opinions_resolved"], feb["opinions_open"]) == (1, 0, 1)


def test_a_station_and_a_community(office):
    east = values(office, scope=Scope.station(office["S1"], "东园片区"))
    assert (east["activities"], east["person_times"], east["residents_in_activities"]) == (5, 7, 28)
    # O1 (A1), O2 (A2), O3 (R1) were heard here; O4, O6, O8 belong to 西园 by their deputy; O5, O7 to no station
    assert (east["opinions_collected"], east["opinions_resolved"], east["reception_held"]) == (3, 3, 2)
    west = values(office, scope=Scope.station(office["S2"], "西园片区"))
    assert (west["opinions_collected"], west["opinions_resolved"], west["reception_held"]) == (3, 1, 1)
    village = values(office, scope=Scope.community(office["C1"], "东园社区"))
    assert (village["activities"], village["person_times"], village["opinions_collected"]) == (4, 6, 3)
    assert village["reception_held"] is None and village["projects_done"] == 1
    assert "接待日" not in office_figures(office.db, YEAR, Scope.community(office["C1"], "东园社区")).sentence()


def test_the_outcome_figures_agree_with_the_outcomes_tab(office):
    """Counted with a scope here, without one in services/outcomes: the same numbers for the office."""
    outcomes = {f.key: f.value for f in period_figures(office.db, YEAR.start, YEAR.end)}
    mine = values(office)
    for key in ("suggestions_closed", "projects_done", "meetings_held", "meeting_person_times", "satisfaction_rate",
                "followups"):
        assert mine[key] == outcomes[key], key
    assert mine["suggestions_formed"] == outcomes["suggestions_formed"]


@pytest.mark.parametrize("scope_name", ["office", "east", "village"])
def test_every_figure_opens_exactly_the_records_it_counts(office, scope_name):
    scope = {"office": Scope(), "east": Scope.station(office["S1"], "东园片区"),
             "village": Scope.community(office["C1"], "东园社区")}[scope_name]
    figures = office_figures(office.db, YEAR, scope)
    for key, figure in figures.figures.items():
        listing = records_behind(office.db, YEAR, scope, key)
        if figure.unit == "%" or figure.value is None:
            continue
        counted = len(listing.rows) if key == "deputies_involved" else listing.total
        assert counted == figure.value, key


def test_the_lists_name_each_record_and_never_a_resident(office):
    listing = records_behind(office.db, YEAR, Scope(), "person_times")
    assert len(listing.rows) == 11 and {row.kind for row in listing.rows} == {"activity"}
    assert [row.cells[2] for row in listing.rows if row.id == office["A2"]] == ["张一", "李二", "王三"]
    resolved = records_behind(office.db, YEAR, Scope(), "opinions_resolved")
    assert sorted(row.cells[0] for row in resolved.rows) == ["2026-0001", "2026-0002", "2026-0003", "2026-0006"]
    residents = records_behind(office.db, YEAR, Scope(), "residents")
    assert residents.total == 43 and residents.describe() == f"共 {len(residents.rows)} 条记录，合计 43 人次"
    assert {row.kind for row in residents.rows} == {"activity", "reception_day"}
    summary = record_summary(office.db, "suggestion", office["SG1"])
    assert summary.startswith("代表建议 JY2026-001：关于增设停车位的建议") and "“履职成果”中修改" in summary


def test_every_breakdown_cell_opens_the_records_it_counts(office):
    for table in breakdowns(office.db, YEAR, Scope()):
        for row in table.rows:
            for column, value in zip(table.columns, row.values):
                if column.figure and not column.is_rate and value is not None:
                    listing = records_behind(office.db, YEAR, Scope(), column.figure, table.key, row.group)
                    assert listing.total == value, (table.key, row.label, column.header)


def test_breakdowns_by_hand(office):
    tables = {t.key: t for t in breakdowns(office.db, YEAR, Scope())}
    kinds = {row.label: row.values for row in tables["kind"].rows}
    assert kinds["入户走访"] == (3, 3, 10) and kinds["议事会"] == (1, 3, 12) and tables["kind"].total == (8, 11, 33)
    stations = {row.label: row.values for row in tables["station"].rows}
    assert stations["东园片区"] == (5, 7, 28, 2, 10, 3, 3, 100.0)
    assert stations["西园片区"] == (3, 4, 5, 1, 0, 3, 1, 33.3)
    assert stations["（未指定联络站）"][5:7] == (2, 0)                    # O5, O7
    categories = {row.label: row.values[:3] for row in tables["category"].rows}
    assert categories == {"停车": (2, 2, 100.0), "养老": (3, 1, 33.3), "环境卫生": (1, 1, 100.0), "其他": (1, 0, 0.0),
                          "交通": (1, 0, 0.0)}
    statuses = {row.label: row.values[0] for row in tables["status"].rows}
    assert statuses == {"待认领": 1, "已认领": 1, "办理中": 1, "已办结": 1, "已关闭": 3, "不予受理": 1}
    months = {row.group: row.values for row in tables["month"].rows}
    assert len(months) == 12 and months["2026-02"][:2] == (1, 3) and tables["month"].total[0] == 8
    deputies = {row.label: row.values[1:] for row in tables["deputy"].rows}
    # activities, duty on held days, meetings attended, opinions claimed, of which 办结
    assert deputies["张一"] == (4, 1, 1, 2, 2) and deputies["李二"] == (2, 2, 1, 1, 1)
    assert deputies["赵四"] == (2, 0, 1, 2, 1) and deputies["钱五"] == (0, 0, 0, 0, 0)


def test_the_funnel_time_to_close_and_satisfaction(office):
    data = charts(office.db, YEAR, Scope())
    assert [(bar.label, bar.value) for bar in data.funnel] == [("登记", 8), ("认领", 6), ("交办", 5), ("办结", 4),
                                                                 ("回复", 2)]
    # O1 10 days, O2 14, O3 16, O6 19
    assert [bar.value for bar in data.close_times] == [0, 2, 2, 0, 0]
    assert (data.close_days_mean, data.close_days_median) == (14.8, 15.0)
    assert [(bar.label, bar.value) for bar in data.satisfaction] == [("满意", 1), ("基本满意", 1), ("不满意", 0)]
    for bar in data.funnel + data.close_times + data.satisfaction + data.categories:
        assert records_behind(office.db, YEAR, Scope(), bar.figure, bar.dimension, bar.group).total == bar.value


def test_the_checks_find_each_planted_inconsistency(office):
    found = {check.key: sorted((item.kind, item.id) for item in check.items)
             for check in run_checks(office.db, YEAR, Scope(), today=TODAY)}
    assert found["resolved_versus_collected"] == [("opinion", office["O8"])]
    assert found["without_deputies"] == sorted([("activity", office["A6"]), ("reception_day", office["R6"])])
    assert found["closed_without_reply"] == sorted([("opinion", office["O2"]), ("opinion", office["O3"])])
    assert found["past_days_still_planned"] == [("reception_day", office["R4"])]
    assert found["idle_deputies"] == [("deputy", office["D5"])]
    assert found["possible_duplicates"] == sorted([("activity", office["A2"]), ("activity", office["A7"])])


def test_a_corrected_record_leaves_the_check(office):
    from gridoffice.domain import ActivityDeputyLink

    with office.db.session() as session:
        session.add(ActivityDeputyLink(activity_id=office["A6"], deputy_id=office["D1"]))
    checks = {c.key: c for c in run_checks(office.db, YEAR, Scope(), today=TODAY)}
    assert [item.id for item in checks["without_deputies"].items] == [office["R6"]]
    assert values(office)["person_times"] == 12


def test_periods_are_named_as_the_office_names_them():
    assert Period.year(2026).label() == "2026年"
    assert Period.quarter(2026, 3).label() == "2026年第三季度"
    assert Period.month(2026, 2).label() == "2026年2月" and Period.month(2024, 2).end == dt.date(2024, 2, 29)
    assert Period(dt.date(2026, 3, 5), dt.date(2026, 6, 30)).label() == "2026年3月5日至6月30日"
    assert Period.month(2024, 2).year_before() == Period.month(2023, 2)
    with pytest.raises(PeriodError):
        Period(dt.date(2026, 5, 1), dt.date(2026, 4, 1))


def test_every_figure_has_its_records():
    from gridoffice.services.stats.figures import LABELS

    assert set(LABELS) <= set(SOURCES)
