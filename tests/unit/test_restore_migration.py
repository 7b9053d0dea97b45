"""A backup made by an older version restores and is migrated on opening, keeping every row."""
import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select
from test_database import REAL_HEAD, _add_deputy_in_grid, _migrations_with_a_rebuild_of_deputy

from gridoffice.db import Database, migrate
from gridoffice.domain import Deputy, DeputyGridLink
from gridoffice.services.backup.create import create_backup
from gridoffice.services.backup.verify import verify_backup
from gridoffice.services.backup.restore import restore_backup

pytestmark = pytest.mark.sqlite_only   # file backups, restores and storage faults of the SQLite file

NOW = dt.datetime(2026, 11, 20, 9, 30)


def test_an_older_backup_is_restored_then_migrated(tmp_path: Path, monkeypatch):
    old_office = tmp_path / "旧版 办公室.sqlite"
    with Database.open(old_office) as db:
        _add_deputy_in_grid(db, "刘䶮")
    stick = tmp_path / "U盘"
    stick.mkdir()
    backup = create_backup(old_office, stick, now=NOW).path

    # the program is upgraded: its migrations now go one revision further
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", _migrations_with_a_rebuild_of_deputy(tmp_path))
    assert verify_backup(backup).manifest.schema_revision == f"{REAL_HEAD:04d}"
    new_pc = tmp_path / "新电脑" / "办公 数据.sqlite"
    restore_backup(backup, new_pc, now=NOW)
    with Database.open(new_pc) as db:
        assert migrate.current_revision(db.engine) == f"{REAL_HEAD + 1:04d}"
        with db.session() as session:
            assert session.exec(select(Deputy.name)).all() == ["刘䶮"]
            assert len(session.exec(select(DeputyGridLink)).all()) == 1
    columns = [row[1] for row in sqlite3.connect(new_pc).execute("PRAGMA table_info(deputy)")]
    assert "wechat" in columns
