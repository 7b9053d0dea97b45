"""Open the office's database: refuse what is unsafe, lock it, migrate it.

    db = Database.open(path)          # GUI and writing commands (locks the file)
    with db.session() as session:     # one transaction: commit on success, rollback on error
        ...
    db.close()
"""
import contextlib
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from . import audit, migrate
from .engine import APPLICATION_ID, make_engine, read_header
from .errors import DatabaseOpenError, NetworkPathError, NotOurDatabaseError
from .lock import DatabaseLock
from .netpath import is_network_path
from .swap import finish_interrupted_restore
from gridoffice.paths import attachments_dir

SQLITE_MAGIC = b"SQLite format 3\x00"


class AuditedSession(Session):
    """A SQLModel session whose flushes write the audit log."""


audit.install(AuditedSession)


class Database:
    def __init__(self, path: Path, engine: Engine, lock: DatabaseLock | None):
        self.path = path
        self.engine = engine
        self._lock = lock
        self.migration_backup: Path | None = None

    @classmethod
    def open(cls, path: Path | str, *, lock: bool = True) -> "Database":
        path = Path(path).expanduser().absolute()
        if is_network_path(path):
            raise NetworkPathError(
                f"数据库“{path}”位于网络共享位置。网络盘上的 SQLite 数据库在多人或断网时容易损坏，"
                "请把数据库放在本机磁盘上（例如默认的数据文件夹），再用“备份”复制到其他位置。"
            )
        if path.is_dir():
            raise DatabaseOpenError(f"“{path}”是一个文件夹，不是数据库文件。")
        path.parent.mkdir(parents=True, exist_ok=True)
        file_lock = DatabaseLock(path) if lock else None
        if file_lock:
            file_lock.acquire()
        try:
            if file_lock:
                finish_interrupted_restore(path)  # a restore cut short: complete it or undo it
            existed = _check_is_ours(path)
            engine = make_engine(path)
            database = cls(path, engine, file_lock)
            database._migrate(backup_first=existed)
        except BaseException:
            if file_lock:
                file_lock.release()
            raise
        return database

    def _migrate(self, *, backup_first: bool) -> None:
        try:
            if migrate.is_current(self.engine) or not migrate.pending(self.engine):
                return
            if backup_first:
                self.migration_backup = migrate.copy_aside(self.path, migrate.current_revision(self.engine))
            migrate.upgrade(self.engine)
        except DatabaseOpenError:
            self.engine.dispose()
            raise

    @contextlib.contextmanager
    def session(self) -> Iterator[AuditedSession]:
        """One unit of work: commits when the block ends, rolls back if it raises."""
        with AuditedSession(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @property
    def attachments_dir(self) -> Path:
        return attachments_dir(self.path)

    def close(self) -> None:
        self.engine.dispose()
        if self._lock:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _check_is_ours(path: Path) -> bool:
    """True if the file holds data to keep; False for a new or empty file. Refuses foreign files."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    with path.open("rb") as handle:
        if handle.read(16) != SQLITE_MAGIC:
            raise NotOurDatabaseError(f"“{path.name}”不是数据库文件（可能已损坏或是其他类型的文件），未做任何改动。")
    try:
        application_id, _version, has_tables = read_header(path)
    except Exception as error:  # sqlite3.DatabaseError: malformed, encrypted...
        raise NotOurDatabaseError(f"“{path.name}”无法读取：{error}。文件可能已损坏，未做任何改动。") from error
    if application_id == APPLICATION_ID:
        return True
    if application_id == 0 and not has_tables:
        return False
    raise NotOurDatabaseError(f"“{path.name}”是其他程序的数据库，不是 gridoffice 的数据，未做任何改动。")
