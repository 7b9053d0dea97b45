"""Schema migrations with Alembic, run at every open.

Rules (design.md): foreign keys off on the migration connection so batch table
rebuilds cannot cascade-delete child rows, `foreign_key_check` after, and the file
copied aside before any pending migration touches it.

The same migrations run on a district's PostgreSQL server, but only through `gridoffice db upgrade`
(server.py: one transaction under an advisory lock). So a migration must work on both: add columns
with plain op.add_column (or batch mode without recreate="always": rebuilding a table on PostgreSQL
fails on the foreign keys of the tables pointing at it), and write no SQLite-only SQL.
"""
import sqlite3
from pathlib import Path

from typing import TYPE_CHECKING

from sqlalchemy import Engine

from .engine import APPLICATION_ID
from .errors import MigrationError, NewerSchemaError
from gridoffice.clock import SYSTEM_CLOCK

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def expected_version() -> int:
    """The newest revision's number, from the file names: checking a database that is already
    up to date needs no Alembic (0.4 s to import) on the start-up path."""
    return max(int(path.name[:4]) for path in (MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))


def is_current(engine: Engine) -> bool:
    """True when the database says it is at the newest schema: on SQLite user_version and
    alembic_version agree; on a server its metadata row names the newest version."""
    expected = expected_version()
    if engine.dialect.name == "postgresql":
        from .server import APPLICATION, read_state

        with engine.connect() as connection:
            state = read_state(connection)
        return state.application == APPLICATION and state.version == expected
    with engine.connect() as connection:
        if connection.exec_driver_sql("PRAGMA user_version").scalar() != expected:
            return False
        has_table = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").first()
        return bool(has_table) and connection.exec_driver_sql(
            "SELECT version_num FROM alembic_version").scalar() == f"{expected:04d}"


def alembic_config() -> "Config":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def schema_version(revision: str | None = None) -> int:
    """Revisions are numbered '0001', '0002'...: the number is the schema version."""
    return int(revision or head_revision())


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def pending(engine: Engine) -> bool:
    from alembic.script import ScriptDirectory

    current = current_revision(engine)
    known = {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if current is not None and current not in known:
        raise NewerSchemaError(
            f"这个数据库由更新版本的 gridoffice 创建（结构版本 {current}），"
            f"本程序只认识到版本 {head_revision()}。请升级程序后再打开。"
        )
    return current != head_revision()


def copy_aside(db_path: Path, revision: str | None) -> Path:
    """A consistent copy through SQLite's backup API (a plain copy of a WAL file can lose data)."""
    target = db_path.with_name(f"{db_path.stem}.迁移前备份-v{revision or 0}-{SYSTEM_CLOCK.now():%Y%m%d-%H%M%S}{db_path.suffix}")
    source = sqlite3.connect(str(db_path))
    try:
        destination = sqlite3.connect(str(target))
        with destination:
            source.backup(destination)
        destination.close()
    finally:
        source.close()
    return target


def upgrade(engine: Engine) -> None:
    """Bring the schema to head; stamp application_id and user_version."""
    from alembic import command

    config = alembic_config()
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            # Python's sqlite3 commits CREATE/DROP/ALTER at once unless a transaction is open:
            # without this BEGIN a refused or interrupted upgrade would leave half-made tables
            connection.exec_driver_sql("BEGIN")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        if engine.dialect.name == "sqlite":
            violations = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if violations:
                connection.rollback()
                raise MigrationError(f"数据库升级后发现 {len(violations)} 处关联错误，已放弃升级，原文件未改动。")
            connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
            connection.exec_driver_sql(f"PRAGMA user_version={schema_version()}")
        connection.commit()
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
