"""Migration 0002 (grid people) on an office made by revision 0001: nothing is lost.

The per-grid counts of 五类十色 become "未逐户登记" ledger entries whose counts, derived again from the
ledger, are the office's counts; station kinds become site kinds with the old 中心/专业/片区 as scope;
each deputy's station becomes the primary one of deputy_station; every other row stays as it was.
"""
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from gridoffice.db import Database, migrate
from gridoffice.db.server import META_TABLE
from gridoffice.domain import metadata

FIRST = "0001"
OLD_OFFICE = """
INSERT INTO station (id, name, kind, address, reception_room, phone, notes) VALUES
  (1, '锦塘街道人大代表联络站（中心站）', '中心', '', '', '', ''), (2, '法律服务专业代表联络站', '专业', '', '', '', ''),
  (3, '北山社区人大代表联络室', '片区', '', '', '', ''), (4, '锦溪区人大代表之家', '片区', '', '', '', ''),
  (5, '某公司民营经济人大代表联系点', '联系点', '', '', '', '');
INSERT INTO community (id, name, kind, map_file, notes) VALUES (1, '东湖社区', '社区', '', ''), (2, '石岗村', '村', '', '');
INSERT INTO grid (id, code, name, community_id, worker_name, worker_phone, households, population, boundary, map_file,
                  area_geojson, notes) VALUES
  (1, 'JT-01-01', '东湖第1网格', 1, '陈', '', 300, 800, '', '', '', ''),
  (2, 'JT-01-02', '东湖第2网格', 1, '', '', 250, 600, '', '', '', ''),
  (3, 'JT-02-01', '石岗村第1网格', 2, '', '', 180, 500, '', '', '', '');
INSERT INTO household_category (id, name, color, must_visit, sort_order) VALUES
  (1, '独居老人', '#d32f2f', 1, 1), (2, '高龄老人', '#f57c00', 1, 2), (3, '退役军人', '#388e3c', 0, 3),
  (4, '低保边缘户', '#455a64', 0, 4);
INSERT INTO grid_household (grid_id, category_id, count) VALUES
  (1, 1, 12), (1, 2, 9), (1, 3, 0), (1, 4, 2), (2, 1, 7), (3, 2, 15), (3, 4, 1);
INSERT INTO deputy (id, name, name_pinyin, name_initials, gender, ethnicity, birth_month, party, levels, work_unit, post,
                    expertise, mobile, office_phone, mobile_public, station_id, status, photo_file, notes) VALUES
  (1, '张利霞', '', '', '女', '汉族', '', '', '区', '', '', '', '', '', 0, 1, '在任', '', ''),
  (2, '李明', '', '', '男', '汉族', '', '', '市、区', '', '', '', '', '', 0, 3, '在任', '', ''),
  (3, '王芳', '', '', '女', '汉族', '', '', '区', '', '', '', '', '', 0, NULL, '离任', '', '');
INSERT INTO deputy_grid (deputy_id, grid_id) VALUES (1, 1), (2, 2), (2, 3);
INSERT INTO activity (id, date, kind, grid_id, station_id, place, other_participants, residents_contacted, summary)
  VALUES (1, '2026-03-02', '入户走访', 1, 1, '幸福花园', '网格员陈某', 4, '走访独居老人');
INSERT INTO activity_deputy (activity_id, deputy_id) VALUES (1, 1), (1, 2);
"""
OLD_COUNTS = {(1, 1): 12, (1, 2): 9, (1, 4): 2, (2, 1): 7, (3, 2): 15, (3, 4): 1}


def only_first_migration(tmp_path: Path) -> Path:
    folder = tmp_path / "migrations-0001"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    for path in (folder / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"):
        if not path.name.startswith(FIRST):
            path.unlink()
    return folder


@pytest.fixture
def upgraded(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "旧版 办公室.sqlite"
    real = migrate.MIGRATIONS_DIR
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", only_first_migration(tmp_path))
    with Database.open(path) as db:
        assert migrate.current_revision(db.engine) == FIRST
    connection = sqlite3.connect(path)
    connection.executescript(OLD_OFFICE)
    connection.commit()
    connection.close()
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", real)
    with Database.open(path) as db:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        assert db.migration_backup is not None
    return path


def rows(path: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_counts_derived_from_the_ledger_equal_the_old_counts(upgraded: Path):
    from gridoffice.services.grids.rows import list_grids
    from gridoffice.services.households.ledger import grid_category_counts

    with Database.open(upgraded) as db:
        derived = {(grid, category): count for grid, by_category in grid_category_counts(db).items()
                   for category, count in by_category.items()}
        assert derived == OLD_COUNTS
        special = {row.code: {name: count for name, count, _ in row.special} for row in list_grids(db)}
    assert special["JT-01-01"] == {"独居老人": 12, "高龄老人": 9, "退役军人": 0, "低保边缘户": 2}
    entries = rows(upgraded, "SELECT name, placeholder_count, address FROM household ORDER BY id")
    assert len(entries) == len(OLD_COUNTS)
    assert all(name == "未逐户登记" and address == "" for name, _count, address in entries)
    assert "grid_household" not in {name for (name,) in rows(upgraded, "SELECT name FROM sqlite_master")}


def test_a_household_registered_after_the_upgrade_replaces_an_unregistered_one(upgraded: Path):
    import datetime as dt

    from gridoffice.services.households.ledger import HouseholdInput, grid_category_counts, save_household

    with Database.open(upgraded) as db:
        save_household(db, HouseholdInput(1, "幸福花园", "2", "1", "301", "刘秀英", "", [1]), today=dt.date(2026, 11, 20))
        assert grid_category_counts(db)[1][1] == 12
    assert rows(upgraded, "SELECT placeholder_count FROM household h JOIN household_category_link l "
                          "ON l.household_id = h.id WHERE h.grid_id = 1 AND l.category_id = 1 "
                          "AND h.placeholder_count > 0") == [(11,)]


def test_station_kinds_become_site_kinds_with_a_scope(upgraded: Path):
    assert rows(upgraded, "SELECT id, kind, scope FROM station ORDER BY id") == [
        (1, "代表联络站", "中心"), (2, "代表联络站", "专业"), (3, "代表联络室", "片区"), (4, "代表之家", "片区"),
        (5, "联系点", "")]


def test_each_deputy_s_station_becomes_the_primary_site(upgraded: Path):
    assert rows(upgraded, "SELECT deputy_id, station_id, is_primary FROM deputy_station ORDER BY deputy_id") == [
        (1, 1, 1), (2, 3, 1)]
    assert rows(upgraded, "SELECT id, station_id, roles FROM deputy ORDER BY id") == [(1, 1, ""), (2, 3, ""), (3, None, "")]


def test_every_other_row_is_kept(upgraded: Path):
    assert rows(upgraded, "SELECT id, date, kind, grid_id, station_id, place, other_participants, residents_contacted, "
                          "summary, team_id FROM activity") == [
        (1, "2026-03-02", "入户走访", 1, 1, "幸福花园", "网格员陈某", 4, "走访独居老人", None)]
    assert rows(upgraded, "SELECT * FROM activity_deputy ORDER BY deputy_id") == [(1, 1), (1, 2)]
    assert rows(upgraded, "SELECT * FROM deputy_grid ORDER BY deputy_id, grid_id") == [(1, 1), (2, 2), (2, 3)]
    assert rows(upgraded, "SELECT name, visit_every_days FROM household_category ORDER BY id") == [
        ("独居老人", 7), ("高龄老人", 14), ("退役军人", 90), ("低保边缘户", 0)]
    assert len(rows(upgraded, "SELECT * FROM must_visit_rule")) == 9
    assert rows(upgraded, "PRAGMA foreign_key_check") == []


def test_a_new_database_matches_the_tables(db: Database):
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    # a server's own metadata row (gridoffice/db/server.py) is no model: it is what SQLite's header is
    assert [d for d in differences if not (d[0] == "remove_table" and d[1].name == META_TABLE)] == []
