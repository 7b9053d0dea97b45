"""A migration that rebuilds every parent table keeps every row of the demo office, byte for byte.

SQLite rebuilds a table to change it (batch mode: create a copy, move the rows, drop, rename).
With foreign keys on, dropping a parent would cascade-delete its children: the migration
connection turns them off (db/migrate.py). This proves it on the whole demo office, not on one row.
"""
import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest

from gridoffice.db import Database, migrate
from gridoffice.domain import metadata

PARENT_TABLES = sorted({fk.column.table.name for table in metadata.tables.values() for fk in table.foreign_keys})


REAL_HEAD = migrate.expected_version()   # before the test adds its migration


def next_revision_number() -> int:
    return REAL_HEAD + 1


def migrations_rebuilding(tmp_path: Path, tables: list[str]) -> Path:
    """The real migrations plus one more that rebuilds each of `tables`."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    number = next_revision_number()
    rebuilds = "\n".join(f"    with op.batch_alter_table({name!r}, recreate='always'):\n        pass"
                         for name in tables)
    (folder / "versions" / f"{number:04d}_test_rebuild_all.py").write_text(textwrap.dedent(f'''\
        from alembic import op
        revision = "{number:04d}"
        down_revision = "{number - 1:04d}"
        branch_labels = None
        depends_on = None
        def upgrade():
        ''') + rebuilds + "\n\ndef downgrade():\n    pass\n", encoding="utf-8")
    return folder


def every_row(path: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(path)
    try:
        names = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
        return {name: sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in names}
    finally:
        connection.close()


@pytest.mark.sqlite_only   # batch table rebuilds are SQLite's way; a server's migrations ALTER in place
def test_rebuilding_every_parent_table_keeps_every_row(demo_file: Path, tmp_path: Path, monkeypatch):
    assert {"deputy", "grid", "station", "community", "opinion", "activity", "reception_day"} <= set(PARENT_TABLES)
    before = every_row(demo_file)
    assert sum(len(rows) for rows in before.values()) > 1000   # the demo office, not an empty file
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", migrations_rebuilding(tmp_path, PARENT_TABLES))
    with Database.open(demo_file) as db:
        assert migrate.current_revision(db.engine) == f"{next_revision_number():04d}"
        assert db.migration_backup is not None
    after = every_row(demo_file)
    assert {name: len(rows) for name, rows in after.items()} == {name: len(rows) for name, rows in before.items()}
    assert after == before
