"""Is the database file sound? Checked on open (fast) and before a backup is called good (full).

`PRAGMA quick_check` reads every page but skips the index-content comparison: fast enough for
every start. `integrity_check` and `foreign_key_check` are the full check (工具 → 检查数据库,
backup and verify). A file SQLite cannot even read counts as damaged, with the reason.
"""
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

MAX_DETAILS = 5


@dataclass(frozen=True)
class Health:
    problems: list[str] = field(default_factory=list)   # SQLite's own lines, for the technician (log, details)
    dangling: int = 0                                    # rows whose reference points nowhere
    unreadable: bool = False                             # SQLite could not read the file at all

    @property
    def ok(self) -> bool:
        return not self.problems and not self.dangling

    def summary(self) -> str:
        """What the clerk reads: Chinese only (SQLite's English stays in `details`)."""
        if self.ok:
            return "数据库完好。"
        parts = []
        if self.unreadable:
            parts.append("数据库文件已损坏，有的部分无法读取")
        elif self.problems:
            parts.append(f"数据库文件已损坏（发现 {len(self.problems)} 处内部结构错误）")
        if self.dangling:
            parts.append(f"有 {self.dangling} 条记录引用了不存在的记录（关联错误）")
        return "；".join(parts) + "。"

    def details(self) -> str:
        return "\n".join(self.problems[:MAX_DETAILS * 4])


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """A URI that opens the file without writing anything, not even a -wal or -shm file when immutable."""
    return path.absolute().as_uri() + ("?immutable=1" if immutable else "?mode=ro")


def _connect_read_only(path: Path, immutable: bool) -> sqlite3.Connection:
    return sqlite3.connect(read_only_uri(path, immutable=immutable), uri=True, timeout=10)


def quick_check(path: Path, *, immutable: bool = False) -> Health:
    """The fast check of a file: run before anything writes to it. `immutable` on read-only media."""
    return _run(path, full=False, immutable=immutable)


def full_check(path: Path, *, immutable: bool = False) -> Health:
    """integrity_check and foreign_key_check: before a backup or a restore is called good."""
    return _run(path, full=True, immutable=immutable)


def check_connection(connection: sqlite3.Connection, *, full: bool = True) -> Health:
    """The same checks on an open connection (a snapshot being written, an unpacked backup)."""
    try:
        rows = [row[0] for row in connection.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check")]
        problems = [] if rows == ["ok"] else rows
        # one row per broken reference; a row with two broken references counts once
        dangling = len({(table, rowid) for table, rowid, *_ in connection.execute("PRAGMA foreign_key_check")}) \
            if full else 0
    except sqlite3.DatabaseError as error:
        return Health([str(error)], unreadable=True)
    return Health(problems, dangling)


def _run(path: Path, *, full: bool, immutable: bool) -> Health:
    try:
        connection = _connect_read_only(path, immutable)
    except sqlite3.DatabaseError as error:
        return Health([str(error)], unreadable=True)
    try:
        return check_connection(connection, full=full)
    finally:
        connection.close()
