"""Demo data: deterministic, shaped like the office in domain.md, safe to run on real data."""
import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select, text

from gridoffice.db.database import Database
from gridoffice.domain import metadata
from gridoffice.domain.enums import ActivityKind, OpinionStatus, RecurrenceKind, StationKind, StationScope
from gridoffice.domain.rules import LANDLINE_RE, MOBILE_RE
from gridoffice.services.demo.build import DemoRefusedError, build_demo, database_has_data
from gridoffice.services.demo.scale import SCALES
from gridoffice.services.common.pinyin import pinyin_of

TODAY = dt.date(2026, 11, 21)
DB_NAME = "名字 有空格.sqlite"
OFFICE_TABLES = [t.name for t in metadata.sorted_tables if t.name != "audit_log"]


def query(db: Database, sql: str, **params) -> list[tuple]:
    with db.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql), params)]


def scalar(db: Database, sql: str, **params):
    return query(db, sql, **params)[0][0]


def table_rows(db: Database) -> dict[str, list[tuple]]:
    """Every office table's rows in primary-key order (the same on SQLite and PostgreSQL)."""
    with db.engine.connect() as connection:
        return {table.name: [tuple(row) for row in connection.execute(select(table).order_by(*table.primary_key))]
                for table in metadata.sorted_tables if table.name in OFFICE_TABLES}


def dangling_references(db: Database) -> list[tuple]:
    """SQLite's foreign_key_check; a PostgreSQL server refuses a dangling reference at the insert."""
    return query(db, "PRAGMA foreign_key_check") if db.backend == "sqlite" else []


def digest(db: Database) -> str:
    return hashlib.sha256(repr(table_rows(db)).encode()).hexdigest()


# builds the office demo in a fresh interpreter and prints the digest of its rows
DIGEST_SCRIPT = """
import datetime as dt, sys
from pathlib import Path
from gridoffice.db.database import Database
from gridoffice.services.demo.build import build_demo
sys.path.insert(0, str(Path(sys.argv[2])))
from test_demo import TODAY, digest
with Database.open(sys.argv[1]) as db:
    build_demo(db, today=TODAY)
    print(digest(db))
"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory, backend, request):
    if backend == "postgresql":   # built on the server, as a district's IT would with `gridoffice demo --db URL`
        databases = request.getfixturevalue("server_databases")
        location = databases.cluster.create_database(databases.new_name("demo"))
        Database.upgrade_server(location, now=dt.datetime(2026, 11, 20, 8, 0))
    else:
        location = tmp_path_factory.mktemp("demo") / DB_NAME
    db = Database.open(location)
    summary = build_demo(db, today=TODAY)
    yield db, summary
    db.close()


@pytest.fixture
def demo_db(demo) -> Database:
    return demo[0]


@pytest.fixture
def empty_db(db):
    """A new database on this run's backend (a SQLite file, or a database on the PostgreSQL server)."""
    return db


# --- determinism and safety ---------------------------------------------------------------

def test_same_inputs_give_the_same_rows(tmp_path, demo_db):
    with Database.open(tmp_path / "第二份 演示.sqlite") as again:
        build_demo(again, today=TODAY)
        assert table_rows(again) == table_rows(demo_db)


def test_rows_do_not_depend_on_the_hash_seed(tmp_path, demo_db):
    """demo_db was built in this process; one more build under another hash seed must match it."""
    root = Path(__file__).resolve().parents[2]
    hash_seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(root)}
    result = subprocess.run([sys.executable, "-c", DIGEST_SCRIPT, str(tmp_path / f"种子 {hash_seed}.sqlite"),
                             str(root / "tests" / "unit")], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == digest(demo_db)


def test_another_seed_or_day_gives_other_rows(tmp_path, demo_db):
    with Database.open(tmp_path / "a.sqlite") as other_seed, Database.open(tmp_path / "b.sqlite") as other_day:
        build_demo(other_seed, today=TODAY, seed=7)
        build_demo(other_day, today=TODAY + dt.timedelta(days=30))
        assert table_rows(other_seed)["deputy"] != table_rows(demo_db)["deputy"]
        assert scalar(other_day, "SELECT max(date) FROM activity") == str(TODAY + dt.timedelta(days=30))


def test_empty_database_has_no_data(empty_db):
    assert not database_has_data(empty_db)


def test_refuses_a_database_with_data(demo_db):
    before = table_rows(demo_db)
    assert database_has_data(demo_db)
    with pytest.raises(DemoRefusedError, match="--force"):
        build_demo(demo_db, today=TODAY)
    assert table_rows(demo_db) == before


def test_refuses_even_a_single_setting(empty_db):
    with empty_db.session() as session:
        session.execute(text("INSERT INTO setting (key, value) VALUES ('office_name', '某街道人大工委')"))
    with pytest.raises(DemoRefusedError):
        build_demo(empty_db, today=TODAY)


def test_force_empties_and_rebuilds(empty_db):
    build_demo(empty_db, today=TODAY, seed=1)
    first = table_rows(empty_db)
    summary = build_demo(empty_db, today=TODAY, seed=2, force=True)
    second = table_rows(empty_db)
    assert second["deputy"] != first["deputy"]
    assert {name: len(rows) for name, rows in second.items()} == summary.counts
    deleted = query(empty_db, "SELECT table_name FROM audit_log WHERE action = 'delete' AND record_id = '*'")
    assert {"opinion_history", "deputy", "station"} <= {name for (name,) in deleted}


def test_a_failure_leaves_the_database_as_it_was(empty_db):
    def fail_late(message: str) -> None:
        if message.startswith("正在写入民情意见"):
            raise RuntimeError("断电")

    with pytest.raises(RuntimeError):
        build_demo(empty_db, today=TODAY, progress=fail_late)
    assert not database_has_data(empty_db)
    build_demo(empty_db, today=TODAY, seed=3)
    before = table_rows(empty_db)
    with pytest.raises(RuntimeError):
        build_demo(empty_db, today=TODAY, force=True, progress=fail_late)
    assert table_rows(empty_db) == before


def test_unknown_scale_is_refused(empty_db):
    with pytest.raises(ValueError, match="规模"):
        build_demo(empty_db, scale="city", today=TODAY)


def test_bulk_inserts_leave_one_audit_row_per_table(demo_db):
    notes = query(demo_db, "SELECT table_name, changes FROM audit_log WHERE action = 'insert' AND record_id = '*'")
    by_table = Counter(name for name, _ in notes)
    assert by_table["activity_deputy"] == 1 and by_table["opinion_history"] == 1
    assert all(json.loads(changes)["行数"] > 0 for _, changes in notes)
    assert scalar(demo_db, "SELECT count(*) FROM audit_log") < 100   # one per table, not one per row


def test_foreign_keys_are_clean(demo_db):
    assert dangling_references(demo_db) == []
    assert demo_db.check().ok


def test_summary_counts_and_describes(demo):
    db, summary = demo
    assert summary.counts == {name: len(rows) for name, rows in table_rows(db).items()}
    text_ = summary.describe()
    assert "锦塘街道人大工委" in text_ and "代表 115 名（在任 111 名，离任 4 名）" in text_
    assert f"走访活动 134 次，代表参与 {summary.counts['activity_deputy']} 人次" in text_


# --- the office's shape ------------------------------------------------------------------

def test_settings(demo_db):
    settings = dict(query(demo_db, "SELECT key, value FROM setting"))
    assert settings["office_name"].endswith("街道人大工委")
    assert LANDLINE_RE.match(settings["hotline"])
    assert settings["default_reception_time"] == "09:00-11:30"
    assert settings["default_reception_place"].startswith(scalar(demo_db, "SELECT name FROM station WHERE id = 1"))


def test_nine_stations_one_central_two_specialised_six_area(demo_db):
    scopes = Counter(scope for (scope,) in query(demo_db, "SELECT scope FROM station WHERE scope != ''"))
    assert scopes == {StationScope.CENTRAL.value: 1, StationScope.SPECIALISED.value: 2, StationScope.AREA.value: 6}
    assert all(address and room and phone for address, room, phone in query(
        demo_db, "SELECT address, reception_room, phone FROM station WHERE scope != ''"))
    kinds = Counter(kind for (kind,) in query(demo_db, "SELECT kind FROM station"))
    assert kinds == {StationKind.LIAISON_STATION.value: 9, StationKind.PRACTICE_BASE.value: 1,
                     StationKind.CONTACT_POINT.value: 1}


def test_every_deputy_has_a_primary_site_and_some_serve_at_others(demo_db):
    primary = query(demo_db, "SELECT d.id FROM deputy d JOIN deputy_station s ON s.deputy_id = d.id "
                             "AND s.station_id = d.station_id AND s.is_primary")
    assert len(primary) == scalar(demo_db, "SELECT count(*) FROM deputy") == scalar(
        demo_db, "SELECT count(*) FROM deputy_station WHERE is_primary")
    others = Counter(s for (s,) in query(demo_db, "SELECT station_id FROM deputy_station WHERE NOT is_primary"))
    assert len(others) == 2 and min(others.values()) >= 5
    roles = [r for (r,) in query(demo_db, "SELECT roles FROM deputy")]
    assert all(roles) and {"调解员", "联络员"} <= {role for text in roles for role in text.split("、")}


def test_communities_and_grids(demo_db):
    kinds = Counter(kind for (kind,) in query(demo_db, "SELECT kind FROM community"))
    assert sum(kinds.values()) == 13 and kinds["村"] >= 2
    grids = query(demo_db, "SELECT code, worker_name, worker_phone, households, population, boundary FROM grid")
    assert len(grids) == 51
    assert all(re.match(r"^JT-\d{2}-\d{2}$", code) for code, *_ in grids)
    assert all(worker and phone and 0 < households < population and boundary
               for _, worker, phone, households, population, boundary in grids)
    from gridoffice.services.households.ledger import grid_category_counts

    counts = grid_category_counts(demo_db)
    assert len(counts) == 51 and sum(sum(by_category.values()) for by_category in counts.values()) > 1000


def _ring_area(ring: list[list[float]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))) / 2


def test_grid_areas_tile_each_community_block(demo_db):
    by_community: dict[int, list[list[list[float]]]] = {}
    for community_id, geojson in query(demo_db, "SELECT community_id, area_geojson FROM grid ORDER BY id"):
        geometry = json.loads(geojson)
        assert geometry["type"] == "Polygon"
        ring = geometry["coordinates"][0]
        assert ring[0] == ring[-1] and len(ring) >= 5
        assert all(x >= 0 and y >= 0 for x, y in ring)
        by_community.setdefault(community_id, []).append(ring)
    for rings in by_community.values():
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        block = (max(xs) - min(xs)) * (max(ys) - min(ys))
        # the cells cover their rectangular block exactly: no gaps, no overlaps
        assert sum(_ring_area(ring) for ring in rings) == pytest.approx(block, rel=1e-3)


def test_deputies(demo_db):
    deputies = query(demo_db, "SELECT name, name_pinyin, name_initials, levels, status, left_office_on, "
                              "ethnicity, mobile_public, station_id, work_unit, post, expertise FROM deputy")
    serving = [d for d in deputies if d[4] == "在任"]
    retired = [d for d in deputies if d[4] == "离任"]
    assert len(serving) == 111 and len(retired) == 4
    assert all(d[5] for d in retired) and not any(d[5] for d in serving)
    names = [d[0] for d in deputies]
    assert len(set(names)) == len(names) and "刘䶮" in names
    assert all((d[1], d[2]) == pinyin_of(d[0]) for d in deputies)
    levels = Counter(d[3] for d in serving)
    assert levels["市、区"] >= 3 and levels["全国"] >= 1 and levels["省"] + levels["省、市"] >= 2
    city = sum(n for lv, n in levels.items() if "市" in lv.split("、"))
    district = sum(n for lv, n in levels.items() if "区" in lv.split("、"))
    assert 20 <= city <= 30 and 80 <= district <= 100
    ethnicities = Counter(d[6] for d in deputies)
    assert ethnicities["汉族"] > 0.8 * len(deputies) and len(ethnicities) > 1
    assert 0.2 < sum(d[7] for d in deputies) / len(deputies) < 0.45
    assert all(d[8] and d[9] and d[10] and d[11] for d in deputies)


def test_grid_coverage_has_exactly_the_deliberate_gaps(demo_db):
    per_grid = Counter(dict(query(demo_db, "SELECT g.id, count(l.deputy_id) FROM grid g "
                                           "LEFT JOIN deputy_grid l ON l.grid_id = g.id GROUP BY g.id")))
    sizes = Counter(per_grid.values())
    assert sizes[0] == 2 and sizes[4] == 1 and set(sizes) <= {0, 1, 2, 3, 4}
    unplaced = query(demo_db, "SELECT status FROM deputy WHERE id NOT IN (SELECT deputy_id FROM deputy_grid)")
    assert Counter(status for (status,) in unplaced) == {"在任": 2, "离任": 4}


def test_station_members_and_grids_are_consistent(demo_db):
    per_station = Counter(s for (s,) in query(demo_db, "SELECT station_id FROM deputy WHERE status = '在任'"))
    assert len(per_station) == 9 and min(per_station.values()) >= 5


def test_activities_match_the_yearly_figures(demo_db):
    activities = query(demo_db, "SELECT date, kind, residents_contacted, summary, place FROM activity")
    assert len(activities) == 134
    assert {kind for _, kind, *_ in activities} == {kind.value for kind in ActivityKind}
    person_times = scalar(demo_db, "SELECT count(*) FROM activity_deputy")
    assert 600 <= person_times <= 740
    assert sum(r for _, _, r, *_ in activities) >= 700
    first = str(TODAY - dt.timedelta(days=364))
    assert all(first <= str(day) <= str(TODAY) and summary and place for day, _, _, summary, place in activities)


def test_activity_deputies_were_serving_that_day(demo_db):
    outside = query(demo_db, "SELECT count(*) FROM activity a JOIN activity_deputy l ON l.activity_id = a.id "
                             "JOIN deputy d ON d.id = l.deputy_id WHERE a.date < d.took_office_on "
                             "OR (d.left_office_on IS NOT NULL AND a.date > d.left_office_on)")
    assert outside == [(0,)]


def test_reception_rules_pools_and_days(demo_db):
    rules = query(demo_db, "SELECT id, station_id, recurrence, months, day_of_month FROM reception_rule")
    assert sorted(r[1] for r in rules) == list(range(1, 10))
    month_day = [r for r in rules if r[2] == RecurrenceKind.MONTH_DAY.value]
    assert [(r[3], r[4]) for r in month_day] == [("1,3,5,7,9,11", 15)]
    pools = Counter(rule for (rule,) in query(demo_db, "SELECT rule_id FROM reception_pool"))
    assert all(5 <= size <= 10 for size in pools.values()) and len(pools) == 9
    assert query(demo_db, "SELECT count(*) FROM reception_pool p JOIN reception_rule r ON r.id = p.rule_id "
                          "JOIN deputy d ON d.id = p.deputy_id WHERE d.station_id != r.station_id "
                          "OR d.status != '在任'") == [(0,)]
    days = query(demo_db, "SELECT date, status, residents_received FROM reception_day")
    past = [d for d in days if str(d[0]) < str(TODAY)]
    future = [d for d in days if str(d[0]) >= str(TODAY)]
    assert {status for _, status, _ in past} == {"已举行", "已取消"}
    assert {status for _, status, _ in future} == {"计划"} and len(future) >= 20
    assert max(str(day) for day, _, _ in future) <= str(TODAY + dt.timedelta(days=92))
    assert sum(r for _, status, r in past if status == "已举行") > 0


def test_two_pool_deputies_on_duty_each_day(demo_db):
    duty = query(demo_db, "SELECT rd.id, count(*), sum(CASE WHEN p.deputy_id IS NOT NULL THEN 1 ELSE 0 END) "
                          "FROM reception_day rd "
                          "JOIN reception_duty d ON d.reception_day_id = rd.id "
                          "JOIN reception_rule r ON r.station_id = rd.station_id "
                          "LEFT JOIN reception_pool p ON p.rule_id = r.id AND p.deputy_id = d.deputy_id "
                          "GROUP BY rd.id")
    assert len(duty) == scalar(demo_db, "SELECT count(*) FROM reception_day")
    assert all(count == 2 and in_pool == 2 for _, count, in_pool in duty)
    busy_on_duty = query(demo_db, "SELECT count(*) FROM reception_duty d JOIN reception_day rd "
                                  "ON rd.id = d.reception_day_id JOIN deputy_busy_date b "
                                  "ON b.deputy_id = d.deputy_id AND b.date = rd.date")
    assert busy_on_duty == [(0,)]


def test_every_opinion_status_and_the_yearly_figures(demo_db):
    statuses = Counter(s for (s,) in query(demo_db, "SELECT status FROM opinion"))
    assert sum(statuses.values()) == 398
    assert set(statuses) == {status.value for status in OpinionStatus}
    handled = statuses["已关闭"] + statuses["已办结"] + statuses["不予受理"]
    assert 350 <= handled <= 390
    # 代表建议 and 为民办实事 are records of their own, each grown from opinions (demo/outcomes.py)
    assert scalar(demo_db, "SELECT count(*) FROM suggestion") == 8
    assert scalar(demo_db, "SELECT count(*) FROM project") == 32


def test_open_opinions_include_overdue_and_due_this_week(demo_db):
    overdue = scalar(demo_db, "SELECT count(*) FROM opinion WHERE status = '办理中' AND due_on < :today",
                     today=str(TODAY))
    this_week = scalar(demo_db, "SELECT count(*) FROM opinion WHERE status = '办理中' "
                                "AND due_on BETWEEN :today AND :end", today=str(TODAY),
                       end=str(TODAY + dt.timedelta(days=6)))
    assert overdue >= 2 and this_week >= 2


def test_opinion_fields_follow_status(demo_db):
    rows = query(demo_db, "SELECT status, deputy_id, department_id, due_on, result, resolved_on, reply, "
                          "replied_on, satisfaction, closed_on, reject_reason, referred_to FROM opinion")
    for status, deputy, department, due, result, resolved, reply, replied, satisfaction, closed, reason, \
            referred in rows:
        assert bool(deputy) == (status not in ("待认领", "不予受理"))
        assert bool(department) == bool(due) == (status in ("办理中", "已办结", "已关闭"))
        assert bool(result) == bool(resolved) == (status in ("已办结", "已关闭"))
        assert bool(reply) == bool(replied) == bool(satisfaction) == (status == "已关闭")
        assert bool(reason) == bool(referred) == (status == "不予受理")
        assert bool(closed) == (status in ("已关闭", "不予受理"))


def test_opinion_serials_count_up_per_year_of_receipt(demo_db):
    rows = query(demo_db, "SELECT serial, received_on FROM opinion ORDER BY id")
    per_year: dict[str, int] = {}
    for serial, received in rows:
        year = str(received)[:4]
        per_year[year] = per_year.get(year, 0) + 1
        assert serial == f"{year}-{per_year[year]:04d}"


def test_history_is_consistent_with_status(demo_db):
    history: dict[int, list[tuple]] = {}
    for row in query(demo_db, "SELECT opinion_id, \"on\", action, from_status, to_status FROM opinion_history "
                              "ORDER BY id"):
        history.setdefault(row[0], []).append((str(row[1]), *row[2:]))   # dates as the ISO text SQLite keeps
    opinions = query(demo_db, "SELECT id, status, received_on FROM opinion")
    assert len(history) == len(opinions)
    for opinion_id, status, received in opinions:
        steps = history[opinion_id]
        assert steps[0] == (str(received), "登记", "", "待认领")
        assert [on for on, *_ in steps] == sorted(on for on, *_ in steps)
        for (_, _, _, before), (_, _, after_from, _) in zip(steps, steps[1:]):
            assert after_from == before
        assert steps[-1][3] == status
        assert steps[-1][0] <= str(TODAY)


def test_opinions_link_to_where_they_were_heard(demo_db):
    mismatched = query(demo_db, "SELECT count(*) FROM opinion o LEFT JOIN activity a ON a.id = o.activity_id "
                                "LEFT JOIN reception_day r ON r.id = o.reception_day_id WHERE "
                                "(o.channel = '走访' AND (a.id IS NULL OR a.date != o.received_on)) OR "
                                "(o.channel = '接待日' AND (r.id IS NULL OR r.date != o.received_on "
                                "OR r.status != '已举行')) OR "
                                "(o.channel NOT IN ('走访', '接待日') AND (a.id IS NOT NULL OR r.id IS NOT NULL))")
    assert mismatched == [(0,)]
    channels = Counter(c for (c,) in query(demo_db, "SELECT channel FROM opinion"))
    assert channels["走访"] > 50 and channels["接待日"] > 30 and len(channels) >= 6


# --- privacy: fictional phone numbers ------------------------------------------------------

PHONE_COLUMNS = (("station", "phone"), ("department", "phone"), ("grid", "worker_phone"), ("deputy", "mobile"),
                 ("deputy", "office_phone"), ("opinion", "resident_phone"), ("person", "phone"), ("household", "phone"))


def test_every_phone_is_well_formed_and_unreachable(demo_db):
    numbers = [value for table, column in PHONE_COLUMNS
               for (value,) in query(demo_db, f"SELECT {column} FROM {table} WHERE {column} != ''")]
    numbers.append(scalar(demo_db, "SELECT value FROM setting WHERE key = 'hotline'"))
    assert len(numbers) > 500
    for number in numbers:
        if MOBILE_RE.match(number):
            assert number.startswith("154"), number      # a segment no operator was allocated
        else:
            assert LANDLINE_RE.match(number), number
            assert number.split("-")[1].startswith("0"), number  # no local number starts with 0


def test_people_names_are_unique_in_the_office(demo_db):
    staff = [n for (n,) in query(demo_db, "SELECT name FROM deputy UNION ALL SELECT worker_name FROM grid "
                                          "UNION ALL SELECT contact FROM department")]
    assert len(staff) == len(set(staff))
    residents = {n for (n,) in query(demo_db, "SELECT DISTINCT resident_name FROM opinion")}
    assert not residents & set(staff)
    people = [n for (n,) in query(demo_db, "SELECT name FROM person WHERE role != '网格员'")]
    households = [n for (n,) in query(demo_db, "SELECT name FROM household WHERE placeholder_count = 0")]
    assert len(set(people + households + staff)) == len(people + households + staff)


# --- the district scale ---------------------------------------------------------------------
# bench/bench_demo.py builds the whole district (100,000 activities, 50,000 opinions) and times it

def test_the_district_is_five_years_of_100000_activities_and_50000_opinions():
    district = SCALES["district"]
    assert district.years * district.activities_per_year == 100_000
    assert district.years * district.opinions_per_year == 50_000


def test_the_district_organisation_builds_with_two_years_of_records(empty_db, monkeypatch):
    """The district's stations, grids and deputies in full; its yearly records cut down, so the
    test builds in seconds: the counts follow the spec, and every reference holds."""
    small = dataclasses.replace(SCALES["district"], years=2, activities_per_year=2_000, opinions_per_year=1_000,
                                suggestions_per_year=20, practical_deeds_per_year=80)
    monkeypatch.setitem(SCALES, "district", small)
    counts = build_demo(empty_db, scale="district", today=TODAY).counts
    assert 400 <= counts["deputy"] <= 430 and 680 <= counts["grid"] <= 720 and 35 <= counts["station"] <= 45
    assert counts["activity"] == 4_000 and counts["opinion"] == 2_000
    assert counts["opinion_history"] > 4 * 2_000 and counts["reception_day"] > 500
    assert dangling_references(empty_db) == []
    serials = [serial for (serial,) in query(empty_db, "SELECT serial FROM opinion")]
    assert len(set(serials)) == len(serials) and {serial[:4] for serial in serials} >= {"2025", "2026"}


def test_a_new_database_with_only_the_default_lists_takes_the_demo(empty_db):
    from gridoffice.services.office.setup import ensure_default_lists

    with empty_db.session() as session:
        ensure_default_lists(session)
    build_demo(empty_db, today=dt.date(2026, 11, 20))
    assert database_has_data(empty_db)


# --- 履职成果 ---------------------------------------------------------------------------------------

OUTCOME_TABLES = ("campaign", "campaign_activity", "campaign_opinion", "suggestion", "suggestion_deputy",
                  "suggestion_opinion", "suggestion_history", "project", "project_opinion", "project_deputy",
                  "meeting", "meeting_deputy", "meeting_decision", "appraisal", "appraisal_deputy", "followup",
                  "dispute", "dispute_deputy")


def test_every_kind_of_outcome_is_there(demo_db):
    for table in OUTCOME_TABLES:
        assert scalar(demo_db, f"SELECT count(*) FROM {table}") > 0, table
    assert scalar(demo_db, "SELECT count(*) FROM suggestion s WHERE NOT EXISTS "
                           "(SELECT 1 FROM suggestion_opinion l WHERE l.suggestion_id = s.id)") == 0
    assert scalar(demo_db, "SELECT count(*) FROM suggestion_deputy WHERE role = '领衔'") == 8
    assert scalar(demo_db, "SELECT count(*) FROM project p WHERE NOT EXISTS "
                           "(SELECT 1 FROM project_opinion l WHERE l.project_id = p.id)") == 0
    kinds = {kind for (kind,) in query(demo_db, "SELECT DISTINCT kind FROM meeting WHERE status = '已召开'")}
    assert {"例会", "议事会", "圆桌会", "现场会"} <= kinds
    assert {s for (s,) in query(demo_db, "SELECT DISTINCT status FROM dispute")} >= {"调解成功", "不予受理"}
    assert scalar(demo_db, "SELECT count(*) FROM activity WHERE online") > 0
    assert scalar(demo_db, "SELECT count(*) FROM opinion WHERE settled_level != ''") > 300


def test_outcomes_follow_their_rules(demo_db):
    # deputies attend only held meetings; decisions only of held meetings
    assert query(demo_db, "SELECT count(*) FROM meeting_deputy l JOIN meeting m ON m.id = l.meeting_id "
                          "WHERE l.attended AND m.status != '已召开'") == [(0,)]
    assert query(demo_db, "SELECT count(*) FROM meeting_decision d JOIN meeting m ON m.id = d.meeting_id "
                          "WHERE m.status != '已召开'") == [(0,)]
    # votes never exceed the voter representatives present; results only of held meetings
    assert query(demo_db, "SELECT count(*) FROM appraisal_deputy d JOIN appraisal a ON a.id = d.appraisal_id "
                          "WHERE d.votes_good + d.votes_fair + d.votes_poor > a.voters_present "
                          "OR (a.status = '已举行') != (d.result != '')") == [(0,)]
    # a deputy reports once a year
    assert query(demo_db, "SELECT count(*) FROM (SELECT d.deputy_id FROM appraisal_deputy d JOIN appraisal a "
                          "ON a.id = d.appraisal_id GROUP BY a.year, d.deputy_id HAVING count(*) > 1) AS twice") == [(0,)]
    # follow-ups only of closed opinions, after they closed; settled levels only of settled ones
    assert query(demo_db, "SELECT count(*) FROM followup f JOIN opinion o ON o.id = f.opinion_id "
                          "WHERE o.status != '已关闭' OR f.\"on\" < o.closed_on OR f.\"on\" > :today",
                 today=str(TODAY)) == [(0,)]
    assert query(demo_db, "SELECT count(*) FROM opinion WHERE settled_level != '' "
                          "AND status NOT IN ('已办结', '已关闭')") == [(0,)]
    # a refused dispute names why and where the parties went; the questions of a 述职 are opinions of 述职会
    assert query(demo_db, "SELECT count(*) FROM dispute WHERE status = '不予受理' "
                          "AND (reject_reason = '' OR referred_to = '')") == [(0,)]
    assert query(demo_db, "SELECT count(*) FROM appraisal_question q JOIN opinion o ON o.id = q.opinion_id "
                          "WHERE o.channel != '述职会'") == [(0,)]
    # suggestions' histories end in their status
    for suggestion_id, status in query(demo_db, "SELECT id, status FROM suggestion"):
        last = query(demo_db, "SELECT to_status FROM suggestion_history WHERE suggestion_id = :id "
                              "ORDER BY \"on\" DESC, id DESC LIMIT 1", id=suggestion_id)
        assert last == [(status,)]
    # the year's figures come out of these records
    from gridoffice.services.outcomes.figures import year_figures

    figures = {f.key: f.value for f in year_figures(demo_db, TODAY.year)}
    assert figures["suggestions_formed"] == scalar(demo_db, "SELECT count(*) FROM suggestion "
                                                            "WHERE submitted_on >= '2026-01-01'")
    assert 90 <= figures["satisfaction_rate"] <= 100 and figures["disputes_received"] > 30
