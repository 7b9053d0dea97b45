"""Make a .gobak backup while the program runs, and prove it good before calling it good.

    result = create_backup(db_path, target_folder, now=clock.now(), password=None, progress=callback)

1. A snapshot of the database through SQLite's backup API into memory: consistent even while
   another connection (the window, another process) writes; a copy of a live WAL file is not.
2. The snapshot, every attachment and a manifest are written to a temporary name on the target,
   flushed to the device (fsync).
3. The file is read back from the device (the cache dropped where the OS allows) and every
   part's SHA-256 compared with the snapshot's; the snapshot is checked meanwhile (SQLite's
   integrity_check and foreign_key_check, db/health.py), so the bytes proven identical are
   the bytes proven sound. A damaged office, or one with a reference to a missing record, is
   refused: no backup of it is ever called good.
4. Only then is the file renamed to its final name, never over an existing file.
Any failure removes the temporary file and raises BackupError with a Chinese explanation
(BackupRefused when the source or the target was refused: nothing is left on the target).

Before writing, the temporary files of earlier backups that died (killed, a crash, the power)
are removed from the target folder; a temporary file another backup is still writing is held
open (and, on POSIX, under a shared lock) for as long as it exists, and is left alone.
"""
import datetime as dt
import errno
import os
import re
import shutil
import socket
import sqlite3
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from gridoffice import __version__
from gridoffice.db.engine import APPLICATION_ID, BUSY_TIMEOUT_MS
from gridoffice.db.health import Health, check_connection, read_only_uri
from gridoffice.db.storage import explain
from gridoffice.db.swap import fsync_dir, journal_path
from gridoffice.paths import attachments_dir

from gridoffice.services.backup.container import ATTACHMENTS_PREFIX, DATABASE_PART, BackupFileError, ContainerWriter, Manifest
from gridoffice.services.backup.verify import count_rows, describe_os_error, read_revision, scalar, verify_backup

if sys.platform != "win32":
    import fcntl

SUFFIX = ".gobak"
MIN_PASSWORD = 6
OVERHEAD_PER_PART = 128
FIXED_OVERHEAD = 64 * 1024

ProgressFn = Callable[[str, int, int], None]   # (what is happening, done, total)


class BackupError(Exception):
    """The backup could not be made; nothing carries the final name. str() is Chinese."""


class BackupRefused(BackupError):
    """Refused before a backup could be written (a damaged office, no target folder): the target
    holds nothing of it, not even a temporary file."""


@dataclass
class Snapshot:
    connection: sqlite3.Connection     # the in-memory copy (integrity-checked while writing)
    data: bytes
    revision: str
    user_version: int
    row_counts: dict[str, int]
    office_name: str
    audit_id: int                      # the last change the snapshot holds (see last_change_id)
    source_file: str


@dataclass(frozen=True)
class Attachment:
    name: str           # relative, with forward slashes
    path: Path
    size: int


@dataclass
class BackupResult:
    path: Path
    manifest: Manifest
    size: int
    audit_id: int
    leftovers_removed: list[Path] = field(default_factory=list)   # temporary files of backups that died


def password_problem(password: str, again: str) -> str:
    """What is wrong with a new backup password typed twice, in Chinese; "" when it will do."""
    if len(password) < MIN_PASSWORD:
        return f"密码至少要 {MIN_PASSWORD} 位。"
    if password != again:
        return "两次输入的密码不一样，请重新输入。"
    return ""


def human_size(size: int) -> str:
    if size >= 1_000_000_000:
        return f"{size / 1_000_000_000:.1f} GB"
    if size >= 100_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(size, 1) / 1000:.0f} KB"


# --- snapshot ---------------------------------------------------------------------------
def take_snapshot(db_path: Path) -> Snapshot:
    """A consistent copy of the database in memory, through SQLite's backup API."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise BackupRefused(f"找不到数据库文件“{db_path}”。")
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        source = _connect_source(db_path)
        try:
            source.backup(memory)   # all pages in one step: one read transaction, one point in time
        finally:
            source.close()
    except sqlite3.Error as error:
        memory.close()
        raise BackupRefused(f"读取数据库时出错，没有备份：{explain(error) or '数据库文件无法读取。'}") from error
    if memory.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        memory.close()
        raise BackupRefused(f"“{db_path.name}”不是 gridoffice 的数据库，没有备份。")
    data = memory.serialize()
    return Snapshot(memory, data, read_revision(memory), memory.execute("PRAGMA user_version").fetchone()[0],
                    count_rows(memory), read_office_name(memory), last_change_id(memory), db_path.name)


def _connect_source(db_path: Path) -> sqlite3.Connection:
    """The database to copy; on a read-only medium (a write-protected stick, a CD) opened immutable,
    since SQLite could not even create its -shm file there."""
    if os.access(db_path.parent, os.W_OK) and os.access(db_path, os.W_OK):
        return sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
    return sqlite3.connect(read_only_uri(db_path, immutable=True), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)


def read_office_name(connection: sqlite3.Connection) -> str:
    return scalar(connection, "SELECT value FROM setting WHERE key='office_name'")


LAST_CHANGE_SQL = ("SELECT id FROM audit_log WHERE NOT (table_name = 'setting' AND record_id LIKE 'backup.%') "
                   "ORDER BY id DESC LIMIT 1")


def last_change_id(connection: sqlite3.Connection) -> int:
    """The newest audit row that is not the bookkeeping of backups: every write adds one."""
    return scalar(connection, LAST_CHANGE_SQL, 0)


# --- attachments ------------------------------------------------------------------------
def list_attachments(folder: Path) -> list[Attachment]:
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            found.append(Attachment(path.relative_to(folder).as_posix(), path, path.stat().st_size))
    return found


def estimated_size(db_path: Path) -> int:
    """What a backup of this database will take on the target, give or take a little."""
    db_path = Path(db_path)
    size = sum(p.stat().st_size for p in (db_path, db_path.with_name(db_path.name + "-wal")) if p.exists())
    attachments = list_attachments(attachments_dir(db_path))
    return size + sum(a.size for a in attachments) + OVERHEAD_PER_PART * len(attachments) + FIXED_OVERHEAD


# --- names ------------------------------------------------------------------------------
def backup_file_name(office_name: str, now: dt.datetime, prefix: str = "gridoffice") -> str:
    """gridoffice-<office>-<YYYYMMDD-HHMM>.gobak, with characters Windows forbids removed."""
    office = re.sub(r'[\\/:*?"<>|\s]+', "", office_name or "")[:40]
    parts = [prefix, office, f"{now:%Y%m%d-%H%M}"] if office else [prefix, f"{now:%Y%m%d-%H%M}"]
    return "-".join(parts) + SUFFIX


def unused_path(folder: Path, name: str) -> Path:
    """`name` in `folder`, or name-2, name-3… so that no earlier backup is ever replaced."""
    candidate = folder / name
    stem, suffix = candidate.stem, candidate.suffix
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


PART_MARK = ".写入中-"
PART_RE = re.compile(r"^\..*\.写入中-\d+\.gobak\.part$")


def temporary_path(final: Path) -> Path:
    return final.with_name(f".{final.stem}{PART_MARK}{os.getpid()}{SUFFIX}.part")


# --- leftovers of backups that died ----------------------------------------------------
class PartInUse:
    """Held while a temporary file is being written and checked: another backup's clean-up leaves it.

    An open handle (Windows refuses to delete an open file) and, on POSIX, a shared lock
    (remove_leftovers deletes a file only once it gets the exclusive lock)."""

    def __init__(self, path: Path):
        self._fd: int | None = os.open(path, os.O_RDONLY)
        if sys.platform != "win32":
            try:
                fcntl.flock(self._fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except OSError:
                pass   # a file system without locks: the handle alone must do

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)   # closing the handle drops the lock
            self._fd = None


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete the temporary files (…写入中-PID.gobak.part) of backups to `folder` that died;
    leave those another backup is still writing, and any file that cannot be deleted."""
    removed = []
    try:
        candidates = sorted(path for path in Path(folder).iterdir() if PART_RE.match(path.name))
    except OSError:
        return removed   # the folder cannot be listed: the backup itself will say why
    for path in candidates:
        if _remove_if_abandoned(path):
            removed.append(path)
    return removed


def _remove_if_abandoned(path: Path) -> bool:
    try:
        if not path.is_file():
            return False
        if sys.platform == "win32":
            path.unlink()   # refused (sharing violation) while a backup has it open
            return True
        fd = os.open(path, os.O_RDONLY)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False   # a backup is writing it
            except OSError:
                pass           # no locks on this file system: it is not ours to judge more finely
            path.unlink()
            return True
        finally:
            os.close(fd)
    except OSError:
        return False


# --- the backup -------------------------------------------------------------------------
def create_backup(db_path: Path, target_folder: Path, *, now: dt.datetime, password: str | None = None,
                  progress: ProgressFn | None = None, file_name: str | None = None) -> BackupResult:
    """Write a verified backup of the database and its attachments into `target_folder`.

    `now` (the caller's clock) names the file and is the manifest's 备份时间."""
    db_path, target_folder = Path(db_path), Path(target_folder)
    now = now.replace(microsecond=0)
    report = progress or (lambda _what, _done, _total: None)
    if not target_folder.is_dir():
        raise BackupRefused(f"找不到目标文件夹“{target_folder}”。U盘是否已插好？")
    if journal_path(db_path).exists():
        raise BackupRefused("上次从备份恢复还没有完成，数据库和附件可能不一致。请先打开一次程序（会自动完成恢复），再备份。")
    report("正在读取数据库…", 0, 0)
    snapshot = take_snapshot(db_path)
    try:
        leftovers = remove_leftovers(target_folder)
        attachments = list_attachments(attachments_dir(db_path))
        check_free_space(target_folder, len(snapshot.data) + sum(a.size for a in attachments)
                         + OVERHEAD_PER_PART * len(attachments) + FIXED_OVERHEAD)
        final = unused_path(target_folder, file_name or backup_file_name(snapshot.office_name, now))
        manifest = _write_verified(snapshot, attachments, final, password, now, report)
    finally:
        snapshot.connection.close()
    return BackupResult(final, manifest, final.stat().st_size, snapshot.audit_id, leftovers)


def check_free_space(folder: Path, needed: int) -> None:
    free = shutil.disk_usage(folder).free
    if free < needed:
        raise BackupError(f"“{folder}”的剩余空间不够：这次备份需要约 {human_size(needed)}，"
                          f"只剩 {human_size(free)}。请换一个U盘，或删除U盘上不需要的文件后再试。没有写入任何文件。")


def _write_verified(snapshot: Snapshot, attachments: list[Attachment], final: Path, password: str | None,
                    now: dt.datetime, report: ProgressFn) -> Manifest:
    temporary = temporary_path(final)
    checker = _FullCheck(snapshot.connection)
    checker.start()
    held: list[PartInUse] = []
    done = False
    try:
        manifest = _write_file(temporary, snapshot, attachments, password, now, report, held)
        report("正在从目标读回并校验…", 0, 1)
        _drop_cached_pages(temporary)
        verified = verify_backup(temporary, password, check_database=False,
                                 progress=lambda done, total: report("正在从目标读回并校验…", done, total))
        if verified.manifest.parts != manifest.parts:
            raise BackupError("备份读回后与原始数据不一致，目标设备可能有问题。请换一个U盘再试。")
        report("正在检查数据库完整性…", 0, 0)
        checker.join()
        if not checker.health.ok:
            raise BackupRefused(refusal_for(checker.health, final.parent))
        if sys.platform == "win32":
            _release(held)   # Windows renames no file that is open
        os.rename(temporary, final)   # on Windows never replaces; unused_path() chose a free name
        fsync_dir(final.parent)
        done = True
    except BackupFileError as error:
        raise BackupError(f"备份写入后读回校验失败：{error} 目标设备可能有问题，请换一个U盘再试。") from error
    except OSError as error:
        raise BackupError(describe_write_error(error, final.parent)) from error
    finally:
        if not done:
            snapshot.connection.interrupt()   # no need to finish checking a backup that failed
        checker.join()
        _release(held)
        _remove_quietly(temporary)
    return manifest


def refusal_for(health: Health, folder: Path) -> str:
    """Why a damaged office is not backed up, in Chinese, and what to do instead."""
    return (f"数据库未通过完整性检查：{health.summary()}这样的数据不能作为可靠的备份，没有备份，"
            f"“{folder}”中没有留下任何文件。请先用“工具 → 检查数据库”或“系统自检”（命令 gridoffice selftest）"
            "查看，从最近的完好备份恢复，或联系技术人员。")


def _release(held: list["PartInUse"]) -> None:
    while held:
        held.pop().release()


def _write_file(path: Path, snapshot: Snapshot, attachments: list[Attachment], password: str | None,
                now: dt.datetime, report: ProgressFn, held: list["PartInUse"]) -> Manifest:
    total = len(snapshot.data) + sum(a.size for a in attachments)
    with open_for_writing(path) as raw:
        held.append(PartInUse(path))   # from its first byte: no other backup's clean-up removes it
        writer = ContainerWriter(raw, password, progress=lambda done: report("正在写入备份…", min(done, total), total))
        parts = [writer.add(DATABASE_PART, snapshot.data)]
        for attachment in attachments:
            data = _read_attachment(attachment)
            if data is not None:
                parts.append(writer.add(ATTACHMENTS_PREFIX + attachment.name, data))
        manifest = Manifest(
            app_version=__version__, schema_revision=snapshot.revision, user_version=snapshot.user_version,
            created_at=now.isoformat(), office_name=snapshot.office_name, computer=socket.gethostname(),
            source_file=snapshot.source_file, row_counts=snapshot.row_counts, parts=parts, encrypted=bool(password))
        writer.finish(manifest)
        raw.flush()
        os.fsync(raw.fileno())
    return manifest


def open_for_writing(path: Path):
    """The target file (a seam for tests that simulate a failing device)."""
    return open(path, "xb")


def _read_attachment(attachment: Attachment) -> bytes | None:
    try:
        return attachment.path.read_bytes()
    except FileNotFoundError:
        return None   # deleted after the folder was listed: it is no longer part of the data


def _drop_cached_pages(path: Path) -> None:
    """Make the read-back come from the device, not from memory, where the OS lets us."""
    if hasattr(os, "posix_fadvise"):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass  # the device is gone; the temporary name never becomes a backup


class _FullCheck(threading.Thread):
    """integrity_check and foreign_key_check of the snapshot, in parallel with writing
    (SQLite releases the GIL)."""

    def __init__(self, connection: sqlite3.Connection):
        super().__init__(daemon=True)
        self._connection = connection
        self.health = Health()

    def run(self) -> None:
        self.health = check_connection(self._connection, full=True)


def describe_write_error(error: OSError, folder: Path) -> str:
    """A Chinese sentence for what went wrong while writing to the target."""
    winerror = getattr(error, "winerror", None)
    if error.errno == errno.ENOSPC or winerror in (39, 112):
        what = "目标磁盘空间不足"
    elif error.errno in (errno.EIO, errno.ENODEV, errno.ENXIO, errno.ENOENT) or winerror in (21, 1167, 31, 2, 3):
        what = "无法写入目标设备（U盘可能已被拔出或接触不良）"
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS) or winerror in (5, 19):
        what = "没有写入权限（U盘可能处于写保护状态）"
    else:
        what = f"写入时出错（{describe_os_error(error)}）"
    return f"备份失败：{what}。“{folder}”中没有留下不完整的备份，以前的备份文件没有改动。"
