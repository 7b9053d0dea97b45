"""The database layer: migrations, pragmas, audit, foreign keys, the lock, refusals."""
import json
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from gridoffice.db import (Database, DatabaseLockedError, MigrationError, NetworkPathError, NewerSchemaError,
                           NotOurDatabaseError, migrate)
from gridoffice.db.engine import APPLICATION_ID
from gridoffice.db.netpath import is_network_path
from gridoffice.domain import AuditLog, Community, Deputy, DeputyGridLink, Grid, Station, metadata


REAL_HEAD = migrate.expected_version()   # before any test adds a migration of its own


def _pragma(db: Database, name: str):
    with db.engine.connect() as connection:
        return connection.exec_driver_sql(f"PRAGMA {name}").fetchone()[0]


def _add_deputy_in_grid(db: Database, name: str = "王秀英") -> int:
    with db.session() as session:
        station = Station(name="中心联络站", kind="中心")
        community = Community(name="东风社区")
        session.add_all([station, community])
        session.flush()
        grid = Grid(code="DF-01", name="东风一网格", community_id=community.id)
        deputy = Deputy(name=name, levels="市、区", station_id=station.id)
        deputy.grids.append(grid)
        session.add(deputy)
        session.flush()
        return deputy.id


@pytest.mark.sqlite_only
def test_migrations_from_empty_create_every_table(db: Database):
    with db.engine.connect() as connection:
        tables = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert set(metadata.tables) <= tables
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert _pragma(db, "application_id") == APPLICATION_ID
    assert _pragma(db, "user_version") == migrate.schema_version()


@pytest.mark.sqlite_only
def test_every_connection_gets_the_safety_pragmas(db: Database):
    assert _pragma(db, "foreign_keys") == 1
    assert _pragma(db, "journal_mode") == "wal"
    assert _pragma(db, "synchronous") == 2  # FULL
    assert _pragma(db, "busy_timeout") >= 5000


def test_path_with_chinese_characters_and_spaces(tmp_path: Path):
    path = tmp_path / "街道 人大工委" / "数据 2026.sqlite"
    with Database.open(path) as db:
        _add_deputy_in_grid(db, "刘䶮")
    with Database.open(path) as db, db.session() as session:
        assert session.exec(select(Deputy.name)).one() == "刘䶮"


def test_insert_update_delete_write_audit_rows_in_the_same_transaction(db: Database):
    deputy_id = _add_deputy_in_grid(db)
    with db.session() as session:
        deputy = session.get(Deputy, deputy_id)
        deputy.mobile = "15400001234"
        session.add(deputy)
    with db.session() as session:
        session.delete(session.get(Deputy, deputy_id))
    with db.session() as session:
        rows = session.exec(select(AuditLog).where(AuditLog.table_name == "deputy").order_by(AuditLog.id)).all()
    assert [row.action for row in rows] == ["insert", "update", "delete"]
    assert all(row.record_id == str(deputy_id) for row in rows)
    assert json.loads(rows[0].changes)["grids"] == ["1"]
    assert json.loads(rows[1].changes) == {"mobile": ["", "15400001234"]}


def test_a_deleted_record_s_audit_row_names_the_links_removed_with_it(db: Database):
    """Deleting a deputy also deletes their grid links: the audit row must say which grids they were."""
    deputy_id = _add_deputy_in_grid(db)
    with db.session() as session:
        session.delete(session.get(Deputy, deputy_id))
    with db.session() as session:
        row = session.exec(select(AuditLog).where(AuditLog.table_name == "deputy", AuditLog.action == "delete")).one()
    assert json.loads(row.changes)["grids"] == ["1"]


def test_a_rolled_back_change_leaves_no_audit_row(db: Database):
    with pytest.raises(RuntimeError), db.session() as session:
        session.add(Station(name="临时站"))
        session.flush()
        raise RuntimeError("clerk cancelled")
    with db.session() as session:
        assert session.exec(select(AuditLog)).all() == []
        assert session.exec(select(Station)).all() == []


def test_foreign_keys_are_enforced(db: Database):
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(Deputy(name="无站点代表", station_id=4242))
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(DeputyGridLink(deputy_id=1, grid_id=1))


def test_deleting_a_deputy_removes_only_their_grid_links(db: Database):
    deputy_id = _add_deputy_in_grid(db)
    with db.session() as session:
        session.delete(session.get(Deputy, deputy_id))
    with db.session() as session:
        assert session.exec(select(DeputyGridLink)).all() == []
        assert len(session.exec(select(Grid)).all()) == 1


@pytest.mark.sqlite_only
def test_second_opener_is_refused_with_a_chinese_message(db: Database, db_path: Path):
    with pytest.raises(DatabaseLockedError, match="已被另一个 gridoffice 打开"):
        Database.open(db_path)


@pytest.mark.sqlite_only
def test_second_process_is_refused_and_lock_is_free_after_close(db_path: Path):
    script = textwrap.dedent(f"""
        import sys
        from gridoffice.db import Database, DatabaseLockedError
        try:
            Database.open({str(db_path)!r}).close()
        except DatabaseLockedError as error:
            print(error); sys.exit(3)
    """)
    db = Database.open(db_path)
    try:
        other = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, encoding="utf-8")
        assert other.returncode == 3, other.stderr
        assert "进程" in other.stdout
    finally:
        db.close()
    again = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, encoding="utf-8")
    assert again.returncode == 0, again.stdout + again.stderr


@pytest.mark.sqlite_only
def test_lock_left_by_a_killed_process_does_not_block(db_path: Path):
    script = f"import os\nfrom gridoffice.db import Database\nDatabase.open({str(db_path)!r})\nos._exit(9)\n"
    crashed = subprocess.run([sys.executable, "-c", script])
    assert crashed.returncode == 9
    assert db_path.with_name(db_path.name + ".lock").exists()
    Database.open(db_path).close()


@pytest.mark.parametrize("path", [r"\\fileserver\人大工委\gridoffice.sqlite", "//nas/share/gridoffice.sqlite",
                                  r"\\?\UNC\server\share\x.sqlite"])
def test_unc_paths_are_network_paths(path: str):
    assert is_network_path(Path(path)) or is_network_path(path)


def test_local_paths_are_not_network_paths(tmp_path: Path):
    assert not is_network_path(tmp_path / "本地.sqlite")


def test_network_database_is_refused(monkeypatch, tmp_path: Path):
    monkeypatch.setattr("gridoffice.db.database.is_network_path", lambda _path: True)
    with pytest.raises(NetworkPathError, match="网络共享"):
        Database.open(tmp_path / "共享.sqlite")
    assert not (tmp_path / "共享.sqlite").exists()


@pytest.mark.parametrize("content", [b"random bytes that are not a database" * 10, b"SQLite format 3\x00" + b"\x00" * 50])
def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path, content: bytes):
    path = tmp_path / "坏文件.sqlite"
    path.write_bytes(content)
    with pytest.raises(NotOurDatabaseError):
        Database.open(path)
    assert path.read_bytes() == content


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "别的程序.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO customers (name) VALUES ('x')")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(NotOurDatabaseError, match="其他程序"):
        Database.open(path)
    assert path.read_bytes() == before


def test_an_empty_file_becomes_a_new_office(tmp_path: Path):
    path = tmp_path / "空.sqlite"
    path.write_bytes(b"")
    with Database.open(path) as db:
        assert migrate.current_revision(db.engine) == migrate.head_revision()


@pytest.mark.sqlite_only
def test_a_database_from_a_newer_program_is_refused(db_path: Path):
    Database.open(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE alembic_version SET version_num='9999'")
    connection.commit()
    connection.close()
    with pytest.raises(NewerSchemaError, match="更新版本"):
        Database.open(db_path)
    Database.open(db_path.with_name("另一个.sqlite")).close()  # the lock was released on refusal
    with pytest.raises(NewerSchemaError):
        Database.open(db_path)


def _migrations_with_a_rebuild_of_deputy(tmp_path: Path, then: str = "pass") -> Path:
    """A copy of the real migrations plus a 0002 that rebuilds `deputy` (a batch table copy),
    then runs the statement `then`."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    number = REAL_HEAD + 1   # after the real migrations, whichever is the newest
    (folder / "versions" / f"{number:04d}_test_rebuild.py").write_text(textwrap.dedent(f'''
        from alembic import op
        import sqlalchemy as sa
        revision = "{number:04d}"
        down_revision = "{number - 1:04d}"
        branch_labels = None
        depends_on = None
        def upgrade():
            with op.batch_alter_table("deputy", recreate="always") as batch:
                batch.add_column(sa.Column("wechat", sa.String(50), nullable=False, server_default=""))
            THEN
        def downgrade():
            with op.batch_alter_table("deputy") as batch:
                batch.drop_column("wechat")
    ''').replace("THEN", then).replace("{{", "{").replace("}}", "}"), encoding="utf-8")
    return folder


@pytest.mark.sqlite_only
def test_a_migration_copies_the_file_aside_and_keeps_child_rows(db_path: Path, tmp_path: Path, monkeypatch):
    with Database.open(db_path) as db:
        _add_deputy_in_grid(db)
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", _migrations_with_a_rebuild_of_deputy(tmp_path))
    with Database.open(db_path) as db:
        assert migrate.current_revision(db.engine) == f"{REAL_HEAD + 1:04d}"
        assert _pragma(db, "user_version") == REAL_HEAD + 1
        assert db.migration_backup is not None and db.migration_backup.exists()
        with db.session() as session:
            # the rebuild of `deputy` must not cascade-delete its grid links
            assert len(session.exec(select(DeputyGridLink)).all()) == 1
    backup = sqlite3.connect(db.migration_backup)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == f"{REAL_HEAD:04d}"
    assert backup.execute("SELECT count(*) FROM deputy_grid").fetchone()[0] == 1
    backup.close()


@pytest.mark.sqlite_only
def test_a_refused_upgrade_leaves_the_file_as_it_was(db_path: Path, tmp_path: Path, monkeypatch):
    """A migration that breaks a link is rolled back whole: no half-made table blocks the next start."""
    with Database.open(db_path) as db:
        _add_deputy_in_grid(db)
    broken = 'op.execute("INSERT INTO deputy_grid (deputy_id, grid_id) VALUES (999, 999)")'
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", _migrations_with_a_rebuild_of_deputy(tmp_path, then=broken))
    for _attempt in range(2):   # the second start meets the file as it was, not leftovers of the first
        with pytest.raises(MigrationError, match="关联错误"):
            Database.open(db_path)
    connection = sqlite3.connect(db_path)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    columns = {row[1] for row in connection.execute("PRAGMA table_info(deputy)")}
    version = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    connection.close()
    assert version == f"{REAL_HEAD:04d}" and "wechat" not in columns
    assert not [name for name in tables if name.startswith("_alembic_tmp")]


@pytest.mark.sqlite_only
def test_opening_an_up_to_date_database_makes_no_copy(db_path: Path):
    Database.open(db_path).close()
    with Database.open(db_path) as db:
        assert db.migration_backup is None
    assert sorted(p.name for p in db_path.parent.iterdir() if "迁移前备份" in p.name) == []
