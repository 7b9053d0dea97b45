"""Migration 0003 (履职积分): an office at 0002 gains the rule and adjustment tables and keeps its data."""
import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from gridoffice.db import Database, migrate
from gridoffice.db.engine import APPLICATION_ID, make_engine
from gridoffice.domain import metadata
from gridoffice.services.stats.points import rule_table


def _office_at_0002(path: Path) -> None:
    engine = make_engine(path)
    config = migrate.alembic_config()
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
        connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        connection.exec_driver_sql("PRAGMA user_version=2")
        connection.commit()
    engine.dispose()
    raw = sqlite3.connect(path)
    with raw:
        raw.execute("INSERT INTO deputy (id, name, name_pinyin, name_initials, gender, ethnicity, birth_month, party, "
                    "levels, work_unit, post, expertise, mobile, office_phone, mobile_public, status, photo_file, "
                    "notes) VALUES (1, '张利霞', '', '', '', '', '', '', '区', '', '', '', '', '', 0, '在任', '', '')")
    raw.close()


def test_0003_adds_the_points_tables_and_keeps_the_office(tmp_path: Path):
    path = tmp_path / "旧版 办公室.sqlite"
    _office_at_0002(path)
    with Database.open(path) as db:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        assert db.migration_backup is not None
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT name FROM deputy").scalars().all() == ["张利霞"]
            tables = set(connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").scalars())
            assert {"duty_point_rule", "duty_point_adjustment"} <= tables
            assert compare_metadata(MigrationContext.configure(connection), metadata) == []
        assert rule_table(db, 2026).source_year is None          # the defaults until the clerk saves a year
