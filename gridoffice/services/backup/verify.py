"""Check a .gobak file completely, and optionally unpack it (the restore does).

    verified = verify_backup(path, password)    # raises BackupFileError with a Chinese reason

Refused: not a backup (empty, random bytes, a SQLite file), cut off, any changed byte (hashes,
GCM tag), a missing or wrong password, a database of another program inside, an
integrity_check or a foreign_key_check that fails (a record pointing at one that is not there),
row counts that differ from the manifest, and (for restoring) a schema newer than this program
knows.
"""
import contextlib
import errno
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from gridoffice.db.engine import APPLICATION_ID
from gridoffice.db.health import check_connection
from gridoffice.db.migrate import head_revision, schema_version
from gridoffice.db.storage import explain

from gridoffice.services.backup.container import (ATTACHMENTS_PREFIX, DATABASE_PART, BackupFileError, Manifest, PayloadReader,
                            Progress, Sink, corrupt, open_decryptor, read_header, read_records)


_OS_WORDS = {errno.ENOENT: "找不到文件或文件夹", errno.EISDIR: "这是一个文件夹", errno.ENOTDIR: "路径中有一段不是文件夹",
             errno.ENAMETOOLONG: "路径太长", errno.EEXIST: "文件已存在"}


def describe_os_error(error: BaseException) -> str:
    """Why reading or writing a file failed, in Chinese (never the system's English words), no full stop."""
    said = explain(error)
    if said:
        return said.rstrip("。")
    number = getattr(error, "errno", None)
    return _OS_WORDS.get(number) or (f"系统错误 {number}" if number else "读写文件时出错")


class UnpackError(Exception):
    """Writing the unpacked files failed: the fault of the target folder, not of the backup."""

    def __init__(self, error: OSError):
        super().__init__(describe_os_error(error))


@contextlib.contextmanager
def _writing() -> Iterator[None]:
    try:
        yield
    except OSError as error:
        raise UnpackError(error) from error


@dataclass
class VerifiedBackup:
    path: Path
    manifest: Manifest


def is_encrypted(path: Path) -> bool:
    """Whether opening the backup needs a password (refuses what is no backup at all)."""
    path = Path(path)
    size = _size_of(path)
    with path.open("rb") as handle:
        return read_header(handle, size).encrypted


def verify_backup(path: Path, password: str | None = None, *, check_database: bool = True,
                  check_schema: bool = True, database_to: Path | None = None, attachments_to: Path | None = None,
                  progress: Progress | None = None) -> VerifiedBackup:
    """Read the whole file and check everything; write the database and attachments where asked.

    Written files are flushed to disk; on refusal, whatever was written is the caller's to remove.
    """
    path = Path(path)
    size = _size_of(path)
    try:
        with path.open("rb") as handle:
            header = read_header(handle, size)
            decryptor = open_decryptor(header, password) if header.encrypted else None
            reader = PayloadReader(handle, header, decryptor, progress)
            unpacker = _Unpacker(attachments_to, keep_database=check_database or database_to is not None)
            try:
                parts, manifest_bytes = read_records(reader, unpacker.sink_for)
            finally:
                unpacker.close()
            reader.finish(handle)
    except OSError as error:
        raise BackupFileError("unreadable", f"读取备份文件时出错：{describe_os_error(error)}。U盘可能已被拔出。") from error
    manifest = Manifest.from_json(manifest_bytes)
    if manifest.parts != parts or not any(part.name == DATABASE_PART for part in parts):
        raise corrupt("清单与内容不符")
    if check_schema:
        refuse_newer_schema(manifest.schema_revision)
    if check_database:
        check_database_image(unpacker.database, manifest)
    if database_to is not None:
        with _writing():
            _write_durably(database_to, bytes(unpacker.database))
    return VerifiedBackup(path, manifest)


def check_header(path: Path, password: str | None = None) -> None:
    """The quick checks (is it a backup at all, is the password right), reading only its head and
    end: a restore makes them before it writes anything. verify_backup checks everything."""
    path = Path(path)
    size = _size_of(path)
    try:
        with path.open("rb") as handle:
            header = read_header(handle, size)
    except OSError as error:
        raise BackupFileError("unreadable", f"读取备份文件时出错：{describe_os_error(error)}。U盘可能已被拔出。") from error
    if header.encrypted:
        open_decryptor(header, password)


def _size_of(path: Path) -> int:
    try:
        if path.is_dir():
            raise BackupFileError("not_backup", f"“{path.name}”是一个文件夹，不是备份文件。")
        return path.stat().st_size
    except FileNotFoundError as error:
        raise BackupFileError("missing", f"找不到文件“{path}”。") from error


def refuse_newer_schema(revision: str) -> None:
    try:
        newer = int(revision) > schema_version()
    except ValueError:
        newer = True   # revisions are numbers; anything else is not from a version we know
    if newer:
        raise BackupFileError("newer_schema", f"这个备份由更新版本的 gridoffice 制作（数据结构版本 {revision}），"
                                              f"本程序只支持到版本 {head_revision()}。请先升级程序，再恢复这个备份。")


def check_database_image(image: bytearray, manifest: Manifest) -> None:
    """Open the database from memory and check it is ours, sound, and what the manifest says."""
    if not image.startswith(b"SQLite format 3\x00"):
        raise corrupt("其中的数据库不是 SQLite 格式")
    image = bytearray(image)
    image[18:20] = b"\x01\x01"   # a WAL-mode image cannot be opened in memory; same pages either way
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(bytes(image))
        if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise BackupFileError("foreign_database", "备份中的数据库不是 gridoffice 的数据（可能是其他程序的文件），不能用于恢复。")
        health = check_connection(connection, full=True)   # integrity_check and foreign_key_check
        if not health.ok:
            kind = "references" if health.dangling and not health.problems else "integrity"
            raise BackupFileError(kind, f"备份中的数据库未通过完整性检查：{health.summary()}不能使用，请换用另一份备份。")
        if read_revision(connection) != manifest.schema_revision or count_rows(connection) != manifest.row_counts:
            raise corrupt("数据库内容与清单不符")
    except sqlite3.DatabaseError as error:
        raise BackupFileError("integrity", f"备份中的数据库无法打开（{explain(error) or '无法读取'}），不能使用。"
                                           "请换用另一份备份。") from error
    finally:
        connection.close()


def scalar(connection: sqlite3.Connection, sql: str, default=""):
    """The first value of a query, or `default` when there is no row (or no such table)."""
    try:
        row = connection.execute(sql).fetchone()
    except sqlite3.Error:
        return default
    return row[0] if row else default


def read_revision(connection: sqlite3.Connection) -> str:
    return scalar(connection, "SELECT version_num FROM alembic_version")


def count_rows(connection: sqlite3.Connection) -> dict[str, int]:
    tables = [row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}


class _Unpacker:
    """Where each record goes: the database into memory, attachments into a folder or nowhere."""

    def __init__(self, attachments_to: Path | None, *, keep_database: bool):
        self.database = bytearray()
        self._keep_database = keep_database
        self._seen_database = False
        self._attachments_to = attachments_to
        self._open = None
        if attachments_to is not None:
            with _writing():
                attachments_to.mkdir(parents=True, exist_ok=True)

    def sink_for(self, name: str, size: int) -> Sink | None:
        self._close_current()
        if name == DATABASE_PART:
            if self._seen_database:
                raise corrupt("数据库出现了两次")
            self._seen_database = True
            return self.database.extend if self._keep_database else None
        if not name.startswith(ATTACHMENTS_PREFIX):
            raise corrupt(f"未知的内容“{name}”")
        relative = _safe_relative(name[len(ATTACHMENTS_PREFIX):])
        if self._attachments_to is None:
            return None
        target = self._attachments_to.joinpath(*relative.parts)
        with _writing():
            target.parent.mkdir(parents=True, exist_ok=True)
            self._open = target.open("xb")
        return self._write

    def _write(self, data: bytes) -> None:
        with _writing():
            self._open.write(data)

    def _close_current(self) -> None:
        if self._open is not None:
            handle, self._open = self._open, None
            with _writing(), handle:
                handle.flush()
                os.fsync(handle.fileno())

    def close(self) -> None:
        self._close_current()


def _safe_relative(name: str) -> PurePosixPath:
    """An attachment's path may not leave the attachments folder (no '..', no drive, no root)."""
    relative = PurePosixPath(name)
    if (not name or relative.is_absolute() or any(part in ("", ".", "..") for part in relative.parts)
            or any(ch in name for ch in ':\\\x00')):
        raise corrupt(f"附件名“{name}”不安全")
    return relative


def _write_durably(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


# --- what the clerk is shown ------------------------------------------------------------
TABLE_LABELS = {
    "station": "联络站", "community": "社区/村", "grid": "网格", "deputy": "代表", "activity": "走访活动",
    "activity_photo": "活动照片", "opinion": "民情意见", "opinion_history": "意见办理记录",
    "reception_day": "接待日", "department": "职能部门", "suggestion": "代表建议", "project": "为民办实事",
    "meeting": "会议", "appraisal": "述职评议会", "campaign": "专项活动", "followup": "回访记录", "dispute": "矛盾纠纷",
    "audit_log": "操作记录",
}


def manifest_summary(manifest: Manifest) -> list[tuple[str, str]]:
    from gridoffice.services.backup.create import human_size

    created = manifest.created_at.replace("T", " ")[:16]
    attachments = manifest.attachment_parts
    attached = (f"{len(attachments)} 个文件，{human_size(sum(p.size for p in attachments))}" if attachments
                else "无")
    return [
        ("备份时间", created),
        ("办公室", manifest.office_name or "（未命名）"),
        ("来源", f"{manifest.computer} 上的 {manifest.source_file}"),
        ("程序版本", f"gridoffice {manifest.app_version}，数据结构版本 {manifest.schema_revision}"),
        ("数据库", human_size(manifest.database_part.size)),
        ("附件", attached),
        ("密码保护", "有" if manifest.encrypted else "无"),
    ]


def manifest_counts(manifest: Manifest) -> list[tuple[str, int]]:
    return [(label, manifest.row_counts[table]) for table, label in TABLE_LABELS.items()
            if table in manifest.row_counts]


def manifest_lines(manifest: Manifest) -> list[str]:
    lines = [f"{label}：{value}" for label, value in manifest_summary(manifest)]
    lines.append("记录数：" + "，".join(f"{label} {count}" for label, count in manifest_counts(manifest)))
    return lines
