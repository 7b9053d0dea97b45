"""The way out of a damaged database: the backups there are to restore, and saving what can be read.

    backups = known_backups(db_path, usb_backup_path(db))   # automatic and USB backups, newest first
    check = check_backup(backups[0].path)                   # verified? (the restore checks again)
    result = salvage(db_path, target, drop_dangling=True)   # what can be read, into a new, checked file

Saving what can be read works like SQLite's `.recover`, in plain Python so that it runs on every
PC: the schema is copied from the damaged file, then each table row by row. A table whose pages
are damaged is read past the damage: the scan starts again after the unreadable rows (found by
probing rowids), and the rows an index still names are fetched one by one, so only the rows on a
damaged page are lost, and those an index names are counted. Indexes are built afresh from the
rows saved; rows that point at a record lost with its page may be left out (and counted). The new
file is written under a temporary name and given its name, then checked like a backup
(integrity_check and foreign_key_check); the attachments folder is copied beside it, so the new
file is a whole office. The damaged file is only read.
"""
import datetime as dt
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from gridoffice.db.engine import APPLICATION_ID
from gridoffice.db.health import Health, full_check, read_only_uri
from gridoffice.db.storage import explain
from gridoffice.paths import attachments_dir

from gridoffice.services.backup.auto import AUTO_NAME_RE, auto_backup_folder
from gridoffice.services.backup.container import BackupFileError
from gridoffice.services.backup.create import SUFFIX, human_size, unused_path
from gridoffice.services.backup.drives import removable_drives
from gridoffice.services.backup.verify import is_encrypted, verify_backup

ProgressFn = Callable[[str, int, int], None]   # (what is happening, done, total)

LOCAL, USB = "本机自动备份", "U盘备份"
MIN_ROWID, MAX_ROWID = -(2 ** 63), 2 ** 63 - 1
MAX_DROP_ROUNDS = 20   # deeper chains of references than the schema has
_STAMP_RE = re.compile(r"(\d{8})-(\d{4}(?:\d{2})?)")


# --- the backups there are --------------------------------------------------------------
@dataclass(frozen=True)
class KnownBackup:
    path: Path
    where: str                     # LOCAL or USB
    made_at: dt.datetime | None    # from the file's name (or its time), before it is checked
    size: int | None               # None: not there now (the stick is not plugged in)

    @property
    def available(self) -> bool:
        return self.size is not None

    def describe_size(self) -> str:
        return human_size(self.size) if self.size is not None else ""


@dataclass(frozen=True)
class BackupCheck:
    """What checking a backup found: `good` True (verified), False (refused), None (not known:
    it has a password, or it is not there now)."""
    good: bool | None
    text: str                           # Chinese, for the list
    made_at: dt.datetime | None = None  # the manifest's time, once verified


def usb_backup_path(db) -> str:
    """Where the last USB backup was written, as the database recorded it ("" when unknown or unreadable:
    a damaged database may not even give this much)."""
    from gridoffice.services.backup.auto import USB_LAST_PATH
    from gridoffice.services.common.settings import get_setting

    try:
        with db.session() as session:
            return get_setting(session, USB_LAST_PATH) or ""
    except Exception:   # noqa: BLE001 - a damaged page: the automatic backups are still listed
        return ""


def known_backups(db_path: Path, usb_last_path: str = "", drives: list[Path] | None = None) -> list[KnownBackup]:
    """The automatic backups in the data folder and the USB backups the program knows of, newest first.

    USB backups: the folder of the last USB backup, and the same folder (and the root) on every USB
    stick plugged in now, since Windows may give the stick another drive letter next time. The last
    USB backup is listed even when its stick is not plugged in (as not available)."""
    found: dict[Path, KnownBackup] = {}
    folder = auto_backup_folder(db_path)
    for path in _backups_in(folder):
        match = AUTO_NAME_RE.match(path.name)
        made = dt.datetime.strptime(match[1], "%Y%m%d-%H%M%S") if match else _file_time(path)
        found[path] = KnownBackup(path, LOCAL, made, _size(path))
    drives = [drive.path for drive in removable_drives()] if drives is None else drives
    for usb_folder in _usb_folders(usb_last_path, drives):
        for path in _backups_in(usb_folder):
            found.setdefault(path, KnownBackup(path, USB, _time_in_name(path) or _file_time(path), _size(path)))
    if usb_last_path and Path(usb_last_path) not in found:
        last = Path(usb_last_path)
        found[last] = KnownBackup(last, USB, _time_in_name(last), _size(last))
    return sorted(found.values(), key=lambda backup: (backup.made_at or dt.datetime.min, backup.available),
                  reverse=True)


def check_backup(path: Path) -> BackupCheck:
    """Check a listed backup completely (as a restore would); one with a password only as far as
    it can be without the password."""
    try:
        if is_encrypted(path):   # its header was read: it is a backup; the rest needs the password
            return BackupCheck(None, "设有密码：恢复时输入密码后检查")
        verified = verify_backup(path)
    except BackupFileError as error:
        if error.kind == "missing":
            return BackupCheck(None, "现在找不到（U盘没有插上？）")
        return BackupCheck(False, str(error))
    except OSError as error:
        return BackupCheck(False, f"无法读取：{explain(error) or '读取文件时出错'}")
    made = _manifest_time(verified.manifest.created_at)
    return BackupCheck(True, "完好，可以用于恢复", made)


def _backups_in(folder: Path) -> list[Path]:
    try:
        return [path for path in folder.glob(f"*{SUFFIX}") if path.is_file() and not path.name.startswith(".")]
    except OSError:
        return []


def _usb_folders(usb_last_path: str, drives: list[Path]) -> list[Path]:
    folders: list[Path] = []
    last_folder = Path(usb_last_path).parent if usb_last_path else None
    if last_folder is not None:
        folders.append(last_folder)
    for drive in drives:
        folders.append(drive)
        if last_folder is not None:
            relative = _below_drive(last_folder, drives)
            if relative is not None:
                folders.append(drive / relative)
    unique: list[Path] = []
    for folder in folders:
        if folder not in unique:
            unique.append(folder)
    return unique


def _below_drive(folder: Path, drives: list[Path]) -> Path | None:
    """The folder's path below its drive (E:\\备份 → 备份), or None when it is the drive itself."""
    for drive in drives:
        if folder.is_relative_to(drive):
            relative = folder.relative_to(drive)
            return relative if relative.parts else None
    if folder.drive:   # Windows: the same folder on the stick under another letter
        relative = folder.relative_to(folder.anchor)
        return relative if relative.parts else None
    return None


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _file_time(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    except OSError:
        return None


def _time_in_name(path: Path) -> dt.datetime | None:
    match = _STAMP_RE.search(path.stem)
    if not match:
        return None
    try:
        return dt.datetime.strptime(match[1] + match[2].ljust(6, "0"), "%Y%m%d%H%M%S")
    except ValueError:
        return None


def _manifest_time(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


# --- saving what can be read -------------------------------------------------------------
class SalvageError(Exception):
    """Nothing could be saved (the schema is unreadable, the target cannot be written); str() is Chinese."""


@dataclass
class TableSalvage:
    name: str
    saved: int
    lost: int | None = None      # rows known to have been there that could not be read (None: not known)
    damaged: bool = False        # part of the table could not be read
    dropped: int = 0             # rows read but left out: they pointed at a record that could not be read


@dataclass
class SalvageResult:
    path: Path
    tables: list[TableSalvage]
    health: Health                                   # the check of the new file
    problems: list[str] = field(default_factory=list)    # Chinese: what could not be rebuilt
    attachments_copied: int = 0
    attachments_failed: int = 0

    @property
    def saved_rows(self) -> int:
        return sum(table.saved for table in self.tables)

    @property
    def damaged_tables(self) -> list[TableSalvage]:
        return [table for table in self.tables if table.damaged]

    @property
    def lost_rows(self) -> int | None:
        """Rows known lost; None when a damaged table's loss cannot be counted."""
        damaged = self.damaged_tables
        if any(table.lost is None for table in damaged):
            return None
        return sum(table.lost for table in damaged)

    @property
    def dropped_tables(self) -> list[TableSalvage]:
        return [table for table in self.tables if table.dropped]

    @property
    def clean(self) -> bool:
        """Everything was read and the new file passed the full check."""
        return (self.health.ok and not self.problems and not self.damaged_tables and not self.dropped_tables
                and not self.attachments_failed)

    @property
    def sound(self) -> bool:
        """The new file passed the full check (integrity and references), whatever was lost."""
        return self.health.ok and not self.problems

    def lines(self) -> list[str]:
        """What the clerk is told, in Chinese."""
        lines = [f"已读出 {self.saved_rows} 条记录，保存为新文件：{self.path}"]
        damaged = self.damaged_tables
        if damaged:
            labels = "、".join(_label(table.name) for table in damaged[:6]) + ("等" if len(damaged) > 6 else "")
            lost = self.lost_rows
            lines.append(f"{labels}中有损坏的部分，" + (f"约 {lost} 条记录无法读出。" if lost else "部分记录无法读出。"))
        else:
            lines.append("所有记录都已读出。")
        dropped = self.dropped_tables
        if dropped:
            counts = "、".join(f"{_label(table.name)} {table.dropped} 条" for table in dropped[:6])
            lines.append(f"另有 {sum(table.dropped for table in dropped)} 条记录所关联的记录已读不出来（{counts}），"
                         "没有放进新文件。")
        if self.attachments_copied or self.attachments_failed:
            text = f"附件（照片、地图等）{self.attachments_copied} 个已一并复制到“{attachments_dir(self.path).name}”文件夹"
            lines.append(text + (f"，{self.attachments_failed} 个无法读取。" if self.attachments_failed else "。"))
        lines.extend(self.problems)
        if self.health.ok:
            lines.append("新文件已检查（完整性和关联）：完好。")
        else:
            lines.append(f"新文件检查结果：{self.health.summary()}")
        return lines


def salvage_file_name(db_path: Path, now: dt.datetime) -> str:
    return f"{Path(db_path).stem}-读出的数据-{now:%Y%m%d-%H%M%S}{Path(db_path).suffix or '.sqlite'}"


def salvage(source: Path, target: Path, *, progress: ProgressFn | None = None,
            drop_dangling: bool = False) -> SalvageResult:
    """Read what can be read from the damaged `source` into the new file `target` (never replaced
    if it exists: a free name beside it is used) and check it. Raises SalvageError in Chinese.

    `drop_dangling`: leave out the rows that point at a record that could not be read (the history
    of an opinion lost with its page), so that the new file passes the check and can be used."""
    source, target = Path(source), Path(target)
    report = progress or (lambda _what, _done, _total: None)
    if target.exists():
        target = unused_path(target.parent, target.name)
    report("正在读取数据库的结构…", 0, 0)
    reader = _open_damaged(source)
    try:
        schema = _read_schema(reader)
        temporary = target.with_name(f".{target.name}.写入中")
        temporary.unlink(missing_ok=True)
        try:
            tables, problems = _copy_database(reader, schema, temporary, report, drop_dangling)
            os.replace(temporary, target)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise SalvageError(f"无法写入“{target.parent}”：{explain(error) or error}。请换一个位置再试。") from error
        except sqlite3.Error as error:
            temporary.unlink(missing_ok=True)
            raise SalvageError(f"无法写入新文件：{explain(error) or '写入数据库时出错'}。请换一个位置再试。") from error
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    finally:
        reader.close()
    report("正在复制附件…", 0, 0)
    copied, failed = _copy_attachments(attachments_dir(source), attachments_dir(target))
    report("正在检查新文件…", 0, 0)
    return SalvageResult(target, tables, full_check(target), problems, copied, failed)


def _open_damaged(path: Path) -> sqlite3.Connection:
    """The damaged file, read only: with its -wal when SQLite can read it, else (a read-only medium) as it is."""
    for immutable in (False, True):
        try:
            connection = sqlite3.connect(read_only_uri(path, immutable=immutable), uri=True, timeout=10)
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return connection
        except sqlite3.DatabaseError as error:
            last = error
    raise SalvageError(f"“{path.name}”无法打开（{explain(last) or '无法读取'}），没有能读出的数据。请从备份恢复。")


@dataclass(frozen=True)
class _SchemaItem:
    kind: str
    name: str
    table: str
    sql: str


def _read_schema(connection: sqlite3.Connection) -> list[_SchemaItem]:
    try:
        rows = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid").fetchall()
    except sqlite3.DatabaseError as error:
        raise SalvageError("数据库的结构部分已损坏，无法读出任何数据。请从备份恢复。") from error
    return [_SchemaItem(*row) for row in rows if row[3]]


def _copy_database(reader: sqlite3.Connection, schema: list[_SchemaItem], target: Path, report: ProgressFn,
                   drop_dangling: bool) -> tuple[list[TableSalvage], list[str]]:
    writer = sqlite3.connect(str(target))
    try:
        writer.execute("PRAGMA foreign_keys=OFF")
        writer.execute("PRAGMA journal_mode=DELETE")
        for pragma in ("application_id", "user_version"):
            value = _scalar(reader, f"PRAGMA {pragma}", 0)
            writer.execute(f"PRAGMA {pragma}={int(value)}")
        tables = [item for item in schema if item.kind == "table" and not item.name.startswith("sqlite_")]
        for item in tables:
            writer.execute(item.sql)
        saved: list[TableSalvage] = []
        for number, item in enumerate(tables):
            report(f"正在读出{_label(item.name)}…", number, len(tables))
            saved.append(_copy_table(reader, writer, item))
        problems = []
        report("正在重建索引…", len(tables), len(tables))
        for item in schema:
            if item.kind in ("index", "trigger", "view"):
                try:
                    writer.execute(item.sql)
                except sqlite3.DatabaseError:
                    problems.append(f"{_label(item.table)}的索引“{item.name}”无法重建（读出的记录有重复或不完整）。")
        _copy_sequences(reader, writer)
        if drop_dangling:
            by_name = {table.name: table for table in saved}
            for name, count in _drop_dangling(writer).items():
                by_name[name].saved -= count
                by_name[name].dropped += count
        writer.commit()
    finally:
        writer.close()
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())
    if _scalar(reader, "PRAGMA application_id", 0) != APPLICATION_ID:
        problems.append("原文件的标识已损坏：新文件可能不是 gridoffice 的数据。")
    return saved, problems


def _copy_table(reader: sqlite3.Connection, writer: sqlite3.Connection, item: _SchemaItem) -> TableSalvage:
    columns = _columns(writer, item.name)
    names = ", ".join(f'"{column}"' for column in columns)
    marks = ", ".join("?" for _ in columns)
    if "WITHOUT ROWID" in item.sql.upper():
        rows, damaged = _rows_without_rowid(reader, item.name, names)
        insert = f'INSERT INTO "{item.name}" ({names}) VALUES ({marks})'
        lost = None
    else:
        rows, damaged, lost = _rows_by_rowid(reader, item.name, names)
        insert = f'INSERT INTO "{item.name}" (rowid, {names}) VALUES (?, {marks})'
    saved = 0
    for row in rows:
        try:
            writer.execute(insert, row)
        except sqlite3.DatabaseError:   # a garbled row that breaks the table's rules: not saved
            damaged = True
            lost = None if lost is None else lost + 1
            continue
        saved += 1
    return TableSalvage(item.name, saved, lost if damaged else 0, damaged)


def _columns(writer: sqlite3.Connection, table: str) -> list[str]:
    """The table's stored columns (not generated ones), from the new file's copy of its schema."""
    rows = writer.execute(f'PRAGMA table_xinfo("{table}")').fetchall()
    return [row[1] for row in rows if row[6] == 0]


def _rows_by_rowid(reader: sqlite3.Connection, table: str, names: str) -> tuple[list[tuple], bool, int | None]:
    """(rows with their rowid first, whether some could not be read, how many rows known to exist were lost)."""
    scan = f'SELECT rowid, {names} FROM "{table}" NOT INDEXED WHERE rowid >= ? ORDER BY rowid'
    rows: dict[int, tuple] = {}
    start: int | None = MIN_ROWID
    damaged = False
    while start is not None:
        try:
            for row in reader.execute(scan, (start,)):
                rows[row[0]] = row
                start = row[0] + 1 if row[0] < MAX_ROWID else None
            break
        except sqlite3.DatabaseError:
            damaged = True
            start = _next_readable(reader, scan + " LIMIT 1", start)
    if not damaged:
        return list(rows.values()), False, 0
    named = _rowids_in_indexes(reader, table)
    lost = 0
    one = f'SELECT rowid, {names} FROM "{table}" WHERE rowid = ?'
    for rowid in sorted(named - rows.keys()):
        try:
            row = reader.execute(one, (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row is None:
            lost += 1
        else:
            rows[rowid] = row
    return [rows[key] for key in sorted(rows)], True, lost if named else None


def _next_readable(reader: sqlite3.Connection, probe: str, start: int) -> int | None:
    """The smallest rowid after `start` from which the table can be read again (None: nothing after)."""
    def readable(rowid: int) -> bool:
        try:
            reader.execute(probe, (rowid,)).fetchall()
        except sqlite3.DatabaseError:
            return False
        return True

    bad, step = start, 1
    while True:   # far enough to pass the damaged pages…
        good = start + step
        if good > MAX_ROWID:
            return None
        if readable(good):
            break
        bad, step = good, step * 2
    while good - bad > 1:   # …then back to the first rowid after them
        middle = (bad + good) // 2
        if readable(middle):
            good = middle
        else:
            bad = middle
    return good


def _rowids_in_indexes(reader: sqlite3.Connection, table: str) -> set[int]:
    """The rowids the table's indexes still name (each read as far as it can be)."""
    found: set[int] = set()
    try:
        indexes = [row[1] for row in reader.execute(f'PRAGMA index_list("{table}")')]
    except sqlite3.DatabaseError:
        return found
    for index in indexes:
        try:
            for (rowid,) in reader.execute(f'SELECT rowid FROM "{table}" INDEXED BY "{index}"'):
                found.add(rowid)
        except sqlite3.DatabaseError:
            continue
    return found


def _rows_without_rowid(reader: sqlite3.Connection, table: str, names: str) -> tuple[list[tuple], bool]:
    rows = []
    try:
        for row in reader.execute(f'SELECT {names} FROM "{table}"'):
            rows.append(row)
    except sqlite3.DatabaseError:
        return rows, True
    return rows, False


def _drop_dangling(writer: sqlite3.Connection) -> dict[str, int]:
    """Delete the rows whose reference points nowhere, until none is left (a row left out may have
    been the parent of others). Returns the rows deleted per table."""
    dropped: dict[str, int] = {}
    for _round in range(MAX_DROP_ROUNDS):   # each round: the rows that pointed at those of the round before
        broken = {(table, rowid) for table, rowid, *_ in writer.execute("PRAGMA foreign_key_check")
                  if rowid is not None}
        if not broken:
            break
        for table, rowid in broken:
            writer.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
            dropped[table] = dropped.get(table, 0) + 1
    return dropped


def _copy_sequences(reader: sqlite3.Connection, writer: sqlite3.Connection) -> None:
    """AUTOINCREMENT counters, so that no number is given out twice."""
    try:
        sequences = reader.execute("SELECT name, seq FROM sqlite_sequence").fetchall()
    except sqlite3.DatabaseError:
        return
    for name, seq in sequences:
        try:
            current = writer.execute("SELECT seq FROM sqlite_sequence WHERE name=?", (name,)).fetchone()
            if current is None:
                writer.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (name, seq))
            elif current[0] < seq:
                writer.execute("UPDATE sqlite_sequence SET seq=? WHERE name=?", (seq, name))
        except sqlite3.DatabaseError:
            continue


def _copy_attachments(source: Path, target: Path) -> tuple[int, int]:
    """Copy the attachments folder file by file (an unreadable file is counted, not fatal)."""
    if not source.is_dir():
        return 0, 0
    copied = failed = 0
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        destination = target / path.relative_to(source)
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
        except OSError:
            failed += 1
            continue
        copied += 1
    return copied, failed


def _scalar(connection: sqlite3.Connection, sql: str, default):
    try:
        row = connection.execute(sql).fetchone()
    except sqlite3.DatabaseError:
        return default
    return row[0] if row else default


def _label(table: str) -> str:
    """The clerk's word for a table (民情意见, not opinion)."""
    from gridoffice.services.backup.verify import TABLE_LABELS as BACKUP_LABELS
    from gridoffice.services.demo.build import TABLE_LABELS as DEMO_LABELS

    return DEMO_LABELS.get(table) or BACKUP_LABELS.get(table) or _OTHER_LABELS.get(table, "其他数据")


_OTHER_LABELS = {"alembic_version": "数据结构版本", "serial_counter": "编号计数", "attachment_blob": "附件内容"}
