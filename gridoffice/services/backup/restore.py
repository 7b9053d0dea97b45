"""Restore a .gobak backup over the office's database, without any way to lose data.

    result = restore_backup(backup_path, db_path, now=clock.now(), password=None)
    db = Database.open(db_path)       # migrates an older schema (copying the file aside first)

The database must not be open (the window closes it first): the restore takes the database's
lock, so a `gridoffice restore` while the window runs is refused. Order of work:
1. The backup is checked completely while it is unpacked under temporary names beside the
   database (hashes, password, integrity, application id, schema version), and flushed.
2. The current database is saved aside as `<name>.恢复前-<time>.sqlite` (after merging its
   WAL into the file, so the copy and the swap lose nothing).
3. A journal names the new files (db/swap.py); from then on the swap is completed even after
   a crash, by the next Database.open. Before it, a crash leaves the live files untouched.

A restore refused for any reason writes nothing anywhere: a target on a network share or that
is a folder, a file that is no backup or needs another password, are refused before any
folder, lock or file is made (RestoreRefused); whatever a refusal met later made (the
temporary files, a partial copy aside, a new lock file, new folders) is removed again.
"""
import contextlib
import datetime as dt
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from gridoffice.db.engine import BUSY_TIMEOUT_MS
from gridoffice.db.lock import DatabaseLock, lock_path_for
from gridoffice.db.netpath import is_network_path
from gridoffice.db.swap import (SwapPlan, finish_interrupted_restore, fsync_dir, new_attachments_path,
                                new_database_path, roll_back, roll_forward, write_journal)
from gridoffice.paths import attachments_dir

from gridoffice.services.backup.create import unused_path
from gridoffice.services.backup.container import Manifest, Progress
from gridoffice.services.backup.verify import UnpackError, check_header, describe_os_error, verify_backup


class RestoreError(Exception):
    """The restore could not be done or completed; str() is Chinese and says what state the data is in."""


class RestoreRefused(RestoreError):
    """Refused before anything was written: the target folder is exactly as it was."""


@dataclass
class RestoreResult:
    manifest: Manifest
    database_aside: Path | None       # the database as it was before the restore
    attachments_aside: Path | None    # its attachments folder


def restore_backup(backup_path: Path, db_path: Path, *, now: dt.datetime, password: str | None = None,
                   progress: Progress | None = None) -> RestoreResult:
    """Replace the database and attachments with the backup's; raises BackupFileError when the
    backup is refused, RestoreRefused when the target is, RestoreError when writing failed.

    `now` stamps the names the current database and attachments are saved aside under."""
    db_path = Path(db_path).expanduser().absolute()
    refuse_target(db_path)
    check_header(Path(backup_path), password)   # not a backup, a wrong password: refused before any write
    stamp = f"{now:%Y%m%d-%H%M%S}"
    made = _Made(db_path)   # what this restore creates, removed again if it is refused
    lock = DatabaseLock(db_path)
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()   # DatabaseLockedError (Chinese) while a window has the database open
    except OSError as error:
        made.undo()
        raise RestoreRefused(f"无法在“{db_path.parent}”中恢复：{_reason(error)}。没有做任何改动。") from error
    except BaseException:
        made.undo()
        raise
    journal_written = False
    try:
        finish_interrupted_restore(db_path)
        aside: list[Path] = []
        try:
            verified = _unpack(Path(backup_path), db_path, password, progress)
            database_aside = save_current_aside(db_path, stamp, aside)
        except BaseException as error:
            roll_back(db_path)
            for path in aside:          # a copy aside cut short (a full disk)
                path.unlink(missing_ok=True)
            if isinstance(error, (UnpackError, OSError)):
                raise RestoreError(f"恢复时写入“{db_path.parent}”出错（{_reason(error)}）。"
                                   "当前数据没有任何改动。") from error
            raise
        current_attachments = attachments_dir(db_path)
        attachments_aside = _unused_folder(current_attachments.with_name(f"{current_attachments.name}.恢复前-{stamp}"))
        plan = SwapPlan(new_database_path(db_path).name, new_attachments_path(db_path).name, attachments_aside.name)
        had_attachments = current_attachments.exists()
        write_journal(db_path, plan)
        journal_written = True
        try:
            roll_forward(db_path, plan)
        except OSError as error:
            raise RestoreError(f"恢复已开始但没能完成（{_reason(error)}）。下次打开程序时会自动完成恢复；"
                               "原来的数据已另存，不会丢失。") from error
    finally:
        lock.release()
        if not journal_written:
            made.undo()
    return RestoreResult(verified.manifest, database_aside, attachments_aside if had_attachments else None)


def refuse_target(db_path: Path) -> None:
    """Refuse, before writing anything, a place no database may be restored to."""
    if is_network_path(db_path):
        raise RestoreRefused(f"“{db_path}”位于网络共享位置。网络盘上的 SQLite 数据库在多人或断网时容易损坏，"
                             "不能恢复到那里。请恢复到本机磁盘上的文件夹。没有做任何改动。")
    if db_path.is_dir():
        raise RestoreRefused(f"“{db_path}”是一个文件夹，不是数据库文件。请给出数据库文件的路径。没有做任何改动。")
    folder = next((parent for parent in (db_path.parent, *db_path.parent.parents) if parent.exists()), None)
    if folder is not None and not folder.is_dir():
        raise RestoreRefused(f"“{folder}”是一个文件，不是文件夹，不能在其中恢复数据库。没有做任何改动。")


def _reason(error: BaseException) -> str:
    return describe_os_error(error)


class _Made:
    """The folders and the lock file a restore to `db_path` would create where there were none."""

    def __init__(self, db_path: Path):
        self._lock_file = lock_path_for(db_path)
        self._had_lock_file = self._lock_file.exists()
        self._folders = []
        folder = db_path.parent
        while not folder.exists() and folder != folder.parent:
            self._folders.append(folder)   # deepest first
            folder = folder.parent

    def undo(self) -> None:
        if not self._had_lock_file:
            with contextlib.suppress(OSError):
                self._lock_file.unlink(missing_ok=True)
        for folder in self._folders:
            with contextlib.suppress(OSError):
                folder.rmdir()   # only if empty: never anything that was put there meanwhile


def _unpack(backup_path: Path, db_path: Path, password: str | None, progress: Progress | None):
    roll_back(db_path)   # leftovers of an earlier attempt
    new_attachments = new_attachments_path(db_path)
    verified = verify_backup(backup_path, password, database_to=new_database_path(db_path),
                             attachments_to=new_attachments, progress=progress)
    for folder in sorted({p.parent for p in new_attachments.rglob("*")} | {new_attachments}, reverse=True):
        fsync_dir(folder)
    fsync_dir(db_path.parent)
    return verified


def save_current_aside(db_path: Path, stamp: str, made: list[Path] | None = None) -> Path | None:
    """Copy the live database to `<name>.恢复前-<time>.sqlite`; None when there is none yet.

    `made` collects the files written, so that a copy cut short can be removed."""
    made = made if made is not None else []
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    aside = unused_path(db_path.parent, f"{db_path.stem}.恢复前-{stamp}{db_path.suffix}")
    wal = db_path.with_name(db_path.name + "-wal")
    if _merge_wal(db_path):
        made.append(aside)
        shutil.copyfile(db_path, aside)
    else:
        # unreadable as a database: keep its bytes exactly as they are, WAL included
        made.append(aside)
        shutil.copyfile(db_path, aside)
        if wal.exists():
            made.append(aside.with_name(aside.name + "-wal"))
            shutil.copyfile(wal, made[-1])
    with aside.open("rb+") as handle:
        os.fsync(handle.fileno())
    fsync_dir(db_path.parent)
    return aside


def _merge_wal(db_path: Path) -> bool:
    """Checkpoint the WAL into the file and leave WAL mode, so the file alone holds everything.

    False when the file cannot be read as a database (then nothing is merged).
    """
    try:
        connection = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error:
        return False
    try:
        mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise RestoreError("数据库正被其他程序读取（例如正在进行的备份），请稍后再试。没有做任何改动。") from error
        return False
    except sqlite3.DatabaseError:
        return False
    finally:
        connection.close()
    if mode != "delete":
        raise RestoreError("无法整理当前数据库以便另存，请稍后再试。没有做任何改动。")
    return True


def _unused_folder(path: Path) -> Path:
    candidate, number = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}-{number}")
        number += 1
    return candidate
