"""Open the office's database: refuse what is unsafe, lock it, check it, migrate it.

    db = Database.open(path)          # GUI and writing commands (locks the file)
    db = Database.open("postgresql://干事@server/jinxi")   # a district's database on a server
    with db.session() as session:     # one transaction: commit on success, rollback on error
        ...
    db.close()

A damaged file (its quick check fails) or a file on a read-only medium opens read-only:
`db.read_only_reason` says why in Chinese, and any write raises ReadOnlyDatabaseError with it.
A full disk, a pulled stick or a damaged page met while working raises StorageError in Chinese.

Two stores stand behind the same Database: a SQLite file on this PC (the default: file lock,
network-path check, header check, migrated on open, a copy aside first), and a PostgreSQL server
shared by a district's clerks (gridoffice/db/server.py: no file lock, a metadata row, migrated only
by `gridoffice db upgrade`, attachments in the database). A save over a record another clerk
changed meanwhile raises ConflictError (the records carry a version, domain/base.py's Versioned).
"""
import contextlib
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from . import attachments, audit, migrate, storage
from .engine import APPLICATION_ID, make_engine, make_read_only_engine, read_header
from .errors import (ConflictError, DamagedDatabaseError, DatabaseOpenError, MigrationError, NetworkPathError,
                     NotOurDatabaseError, ReadOnlyDatabaseError)
from .health import Health, full_check, quick_check
from .lock import DatabaseLock
from .netpath import is_network_path
from .swap import finish_interrupted_restore
from gridoffice.paths import attachments_dir, data_dir, is_server_url

SQLITE_MAGIC = b"SQLite format 3\x00"


class AuditedSession(Session):
    """A SQLModel session whose flushes write the audit log."""


audit.install(AuditedSession)
event.listen(AuditedSession, "after_flush", attachments.store_new_files)


class Database:
    def __init__(self, path: Path | None, engine: Engine, lock: DatabaseLock | None, *,
                 read_only_reason: str | None = None, health: Health | None = None, server=None):
        self.path = path                 # the SQLite file; None for a database on a server
        self.server_url = server         # the server's sqlalchemy URL; None for a file
        self.location: Path | str = path if server is None else server.render_as_string(hide_password=False) \
            .replace("postgresql+psycopg://", "postgresql://", 1)   # what Database.open takes to open it again
        self.engine = engine
        self._server_attachments = (attachments.ServerAttachments(engine, _server_cache(server))
                                    if server is not None else None)
        self._lock = lock
        self.migration_backup: Path | None = None
        self.read_only_reason = read_only_reason   # None: writable
        self.health = health or Health()           # what the quick check on open found
        self.on_read_only_medium = False           # SQLite may not even create its -shm file there

    @property
    def writable(self) -> bool:
        return self.read_only_reason is None

    @property
    def damaged(self) -> bool:
        return not self.health.ok

    @property
    def is_server(self) -> bool:
        return self.server_url is not None

    @property
    def backend(self) -> str:
        return self.engine.dialect.name   # "sqlite" or "postgresql"

    def describe(self) -> str:
        """Which database is open, for the title bar, the status bar and messages."""
        if self.is_server:
            from .server import display

            return display(self.server_url)
        return str(self.path)

    @classmethod
    def open(cls, path: Path | str, *, lock: bool = True) -> "Database":
        """Open a SQLite file (a path) or a database on a PostgreSQL server (a postgresql:// URL).
        `lock` is for files only: a command that only reads opens without the file lock."""
        if is_server_url(path):
            return cls._open_server(str(path))
        path = Path(path).expanduser().absolute()
        if is_network_path(path):
            raise NetworkPathError(
                f"数据库“{path}”位于网络共享位置。网络盘上的 SQLite 数据库在多人或断网时容易损坏，"
                "请把数据库放在本机磁盘上（例如默认的数据文件夹），再用“备份”复制到其他位置。"
            )
        if path.is_dir():
            raise DatabaseOpenError(f"“{path}”是一个文件夹，不是数据库文件。")
        if path.exists() and not _can_write_beside(path):
            return cls._open_on_read_only_medium(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseOpenError(f"无法创建数据文件夹“{path.parent}”：{storage.explain(error) or error}") from error
        file_lock = DatabaseLock(path) if lock else None
        if file_lock:
            file_lock.acquire()
        try:
            if file_lock:
                finish_interrupted_restore(path)  # a restore cut short: complete it or undo it
            existed = _check_is_ours(path)
            health = quick_check(path) if existed else Health()
            if not health.ok:
                # never write into a damaged file: read-only, and the window offers the way out
                return cls(path, make_read_only_engine(path), file_lock, health=health,
                           read_only_reason=health.summary() + "为防止损坏扩大，现以只读方式打开。")
            engine = make_engine(path)
            database = cls(path, engine, file_lock)
            database._migrate(backup_first=existed)
        except BaseException:
            if file_lock:
                file_lock.release()
            raise
        return database

    @classmethod
    def _open_server(cls, location: str) -> "Database":
        from . import server

        url = server.server_url(location)
        engine = server.make_server_engine(url)
        try:
            with engine.connect() as connection:
                state = server.read_state(connection)
        except Exception as error:
            engine.dispose()
            raise server.connect_error(error, url) from error
        try:
            server.check_state(state, migrate.expected_version(), url)
        except BaseException:
            engine.dispose()
            raise
        return cls(None, engine, None, server=url)

    @classmethod
    def upgrade_server(cls, location: str, *, now) -> tuple[int | None, int]:
        """`gridoffice db upgrade`: create or upgrade the schema on a server (version before, after)."""
        from . import server

        url = server.server_url(location)
        engine = server.make_server_engine(url)
        try:
            try:
                with engine.connect():
                    pass   # reaching the server is all that is asked here
            except Exception as error:
                raise server.connect_error(error, url) from error
            try:
                return server.upgrade(engine, now=now)
            except DatabaseOpenError:
                raise
            except Exception as error:
                reason = storage.explain(error)
                if reason is None:
                    raise
                raise MigrationError(f"无法升级{server.display(url)}：{reason}") from error
        finally:
            engine.dispose()

    @classmethod
    def _open_on_read_only_medium(cls, path: Path) -> "Database":
        """A write-protected stick, a CD, a folder without write permission: view, print, export only."""
        _check_is_ours(path, read_only=True)
        engine = make_read_only_engine(path, immutable=True)
        if not migrate.is_current(engine):
            engine.dispose()
            raise DatabaseOpenError(f"“{path.name}”位于只读位置，而且是旧版本的数据，需要升级后才能打开。"
                                    "请先把它复制到本机的可写文件夹，再打开复制的文件。")
        health = quick_check(path, immutable=True)
        reason = (f"数据库位于只读位置（写保护的U盘、光盘或没有写入权限的文件夹）：{path.parent}。"
                  "可以查看、打印、导出和备份到其他位置，不能修改。")
        if not health.ok:
            reason = health.summary() + reason
        database = cls(path, engine, None, read_only_reason=reason, health=health)
        database.on_read_only_medium = True
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
        except Exception as error:
            self.engine.dispose()
            reason = storage.explain(error)
            if reason is None:
                raise
            # a full disk while creating or upgrading: the transaction rolled back, the file is as it was
            raise MigrationError(f"无法创建或升级数据库“{self.path.name}”：{reason}") from error

    @contextlib.contextmanager
    def session(self) -> Iterator[AuditedSession]:
        """One unit of work: commits when the block ends, rolls back if it raises.

        A storage failure comes out as StorageError (Chinese); a write to a read-only database as
        ReadOnlyDatabaseError naming why it is read-only."""
        with AuditedSession(self.engine, expire_on_commit=False) as session:
            session.info["read_only_reason"] = self.read_only_reason
            if self._server_attachments is not None:
                session.info[attachments.SESSION_KEY] = self._server_attachments
            try:
                yield session
                session.commit()
            except BaseException as error:
                with contextlib.suppress(Exception):   # a pulled stick can fail the rollback too
                    session.rollback()
                if isinstance(error, StaleDataError):
                    raise ConflictError(CONFLICT_MESSAGE) from error
                if isinstance(error, Exception) and not isinstance(error, storage.StorageError):
                    translated = storage.as_storage_error(error)
                    if translated is not None:
                        if self.read_only_reason and storage.explain(error) == storage.READ_ONLY:
                            raise ReadOnlyDatabaseError(f"{self.read_only_reason}") from error
                        raise translated from error
                raise

    def check(self) -> Health:
        """The full check (integrity and references): 工具 → 检查数据库, and before a backup is called good."""
        if self.is_server:
            from .server import full_check as server_check

            return server_check(self.engine)
        return full_check(self.path, immutable=self.on_read_only_medium)

    def refuse_writes(self, health: Health) -> None:
        """The full check found damage after the file was opened writable: from now on read-only,
        like a file whose quick check failed on open (the window's banner offers the way out)."""
        medium = self.read_only_reason if self.on_read_only_medium else None
        self.health = health
        self.read_only_reason = health.summary() + (medium or "为防止损坏扩大，现已改为只读。")
        if self.is_server or self.on_read_only_medium:
            return   # a server's rights are its own; a read-only medium's engine cannot write already
        self.engine.dispose()
        self.engine = make_read_only_engine(self.path)

    @property
    def attachments_dir(self) -> Path:
        """The folder attachments are read from and copied into: beside the file on a single PC; on a
        server, this PC's cache of the attachments stored in the database (brought up to date here)."""
        if self._server_attachments is not None:
            return self._server_attachments.sync()
        return attachments_dir(self.path)

    @property
    def data_folder(self) -> Path:
        """The folder 工具 → 打开数据文件夹 shows: the database file's; on a server, this PC's copy of
        the attachments (the data itself is on the server)."""
        return self.path.parent if self.path is not None else self.attachments_dir

    def remove_attachment(self, relative: str) -> None:
        """Delete an attachment no record names any more (a replaced deputy photo). A file that
        Windows will not delete yet (open in a viewer) stays: an unused file harms nothing."""
        if self._server_attachments is not None:
            self._server_attachments.remove(relative)
        with contextlib.suppress(OSError):
            (self.attachments_dir / relative).unlink(missing_ok=True)

    def close(self) -> None:
        self.engine.dispose()
        if self._lock:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


CONFLICT_MESSAGE = ("这条记录刚刚被另一位干事修改过，您的修改没有保存，以免覆盖对方的修改。"
                    "请重新打开这条记录，看过对方的修改后再改。")


def _server_cache(url) -> Path:
    """This PC's copy of a server's attachments, one folder per server and database."""
    key = hashlib.sha1(f"{url.host}|{url.port}|{url.query.get('host')}|{url.database}".encode()).hexdigest()[:12]
    return data_dir() / "服务器附件" / f"{url.database}-{key}"


def _can_write_beside(path: Path) -> bool:
    """False on read-only media: SQLite needs to write the file and its -wal/-shm files beside it."""
    folder_ok = os.access(path.parent, os.W_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def _check_is_ours(path: Path, *, read_only: bool = False) -> bool:
    """True if the file holds data to keep; False for a new or empty file. Refuses foreign files."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    with path.open("rb") as handle:
        if handle.read(16) != SQLITE_MAGIC:
            raise NotOurDatabaseError(f"“{path.name}”不是数据库文件（可能已损坏或是其他类型的文件），未做任何改动。")
    try:
        application_id, _version, has_tables = read_header(path, read_only=read_only)
    except Exception as error:  # sqlite3.DatabaseError: malformed, encrypted...
        raise DamagedDatabaseError(
            f"“{path.name}”无法读取（{storage.explain(error) or error}）。文件已损坏，未做任何改动。"
            "请从最近的备份恢复（文件 → 从备份恢复，或命令 gridoffice restore）。") from error
    if application_id == APPLICATION_ID:
        return True
    if application_id == 0 and not has_tables:
        return False
    raise NotOurDatabaseError(f"“{path.name}”是其他程序的数据库，不是 gridoffice 的数据，未做任何改动。")
