"""`gridoffice selftest` and 工具 → 系统自检: prove on this PC that the pieces work together,
and check the office's own database.

    report = run_selftest(db_path)      # db_path None: the installation only
    for line in report.lines(): ...     # what the command line prints and the window shows

The installation: a temporary database (in a folder whose name has Chinese characters and
spaces), migrations, an audited write, foreign keys, and a one-page PDF in the bundled font.
The office database: read only (never created, never locked, never migrated), SQLite's full
integrity_check and foreign_key_check, and whether the file is ours and of a version this
program knows. Each line says which of the two it is about.
"""
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from gridoffice import __version__
from gridoffice.db import Database
from gridoffice.db.engine import APPLICATION_ID
from gridoffice.db.health import Health, full_check, read_only_uri
from gridoffice.db.migrate import head_revision, schema_version
from gridoffice.domain import AuditLog, Deputy, Station
from gridoffice.paths import fonts_dir, is_server_url

from gridoffice.services.common.fonts import FONT_FILES
from gridoffice.services.common.pdf import para, styles, write_pdf
from gridoffice.services.common.typography import paper_styles, paragraph

SAMPLE_TEXT = "人大代表联络站 接待选民日 刘䶮 𠀾 0123456789"
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""

    def line(self) -> str:
        return f"{'通过' if self.ok else '失败'}  {self.name}：{self.detail}"


@dataclass
class DatabaseCheck:
    """What the office's database looked like to the full check."""
    path: Path
    state: str                  # 完好 / 损坏 / 不存在 / 无法检查
    summary: str                # Chinese: what was found and what to do
    health: Health | None = None
    required: bool = True       # False: the default path, not named by the clerk (may not exist yet)

    @property
    def ok(self) -> bool:
        return self.state == "完好" or (self.state == "不存在" and not self.required)

    def line(self) -> str:
        return f"办公室数据库 {self.path}：{self.state}。{self.summary}"


@dataclass
class SelftestReport:
    installation: list[Check] = field(default_factory=list)
    database: DatabaseCheck | None = None

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.installation) and (self.database is None or self.database.ok)

    def lines(self) -> list[str]:
        """The report, the same on the command line and in the window."""
        lines = ["本机安装（程序、字体、临时数据库）："]
        lines += [f"  {check.line()}" for check in self.installation]
        if self.database is None:
            lines.append("办公室数据库：未检查（没有指定数据库）。")
        else:
            lines.append(self.database.line())
        lines.append("自检通过。" if self.ok else "自检发现问题。")
        return lines


def run_selftest(db_path: Path | None = None, *, db_required: bool = True) -> SelftestReport:
    """The installation, and the office database at `db_path` when given (read only).

    `db_required` False: a missing database is no failure (the default path on a new PC)."""
    report = SelftestReport([_check_fonts()])
    with tempfile.TemporaryDirectory(prefix="gridoffice-自检 ") as folder:
        folder_path = Path(folder)
        report.installation.extend(_check_database(folder_path / "自检 数据库.sqlite"))
        report.installation.append(_check_pdf(folder_path / "自检 文档.pdf"))
    if db_path is not None:
        report.database = (check_server_database(db_path) if is_server_url(db_path)
                           else check_office_database(Path(db_path), required=db_required))
    return report


def check_server_database(url: str) -> DatabaseCheck:
    """A district's database on a server: it opens (reachable, ours, at this program's schema) and
    every table reads back. PostgreSQL enforces the references and keeps its pages sound itself."""
    from gridoffice.db import DatabaseOpenError

    try:
        db = Database.open(url)
    except DatabaseOpenError as error:
        return DatabaseCheck(url, "无法检查", str(error))
    with db:
        where, health = db.describe(), db.check()
    if not health.ok:
        return DatabaseCheck(where, "无法检查", f"读取数据表时出错（{health.details()}）。请联系区里的数据库管理员。", health)
    return DatabaseCheck(where, "完好", "连接正常，数据结构是本程序的版本，全部数据表可以读取"
                                       "（关联由数据库服务器保证）。", health)


# --- the office database -----------------------------------------------------------------
def check_office_database(path: Path, *, required: bool = True) -> DatabaseCheck:
    """The full check of the office's database, reading only: nothing is created or changed."""
    path = Path(path).expanduser().absolute()
    if not path.exists():
        hint = ("请检查路径。" if required else "首次使用时由程序建立，不需要检查。")
        return DatabaseCheck(path, "不存在", f"没有这个文件，未检查。{hint}", required=required)
    if path.is_dir():
        return DatabaseCheck(path, "无法检查", "这是一个文件夹，不是数据库文件。", required=required)
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except OSError as error:
        from gridoffice.db.storage import explain

        return DatabaseCheck(path, "无法检查", explain(error) or f"无法读取文件（系统错误 {error.errno}）。",
                             required=required)
    if len(head) == 0:
        return DatabaseCheck(path, "损坏", "文件是空的（0 字节），没有数据。请从最近的备份恢复。", required=required)
    if not head.startswith(SQLITE_MAGIC):
        return DatabaseCheck(path, "损坏", "这不是数据库文件（可能已损坏或是其他类型的文件）。请从最近的备份恢复。",
                             required=required)
    if int.from_bytes(head[68:72], "big") != APPLICATION_ID:
        return DatabaseCheck(path, "无法检查", "这是其他程序的数据库，不是 gridoffice 的数据。", required=required)
    health = full_check(path, immutable=_read_immutable(path))
    if not health.ok:
        return DatabaseCheck(path, "损坏", health.summary() + "请不要再修改这份数据：从最近的备份恢复"
                             "（文件 → 从备份恢复，或命令 gridoffice restore），或联系技术人员。", health, required)
    return DatabaseCheck(path, "完好", "完整性检查和关联检查都通过" + _version_note(path) + "。", health,
                         required)


def _read_immutable(path: Path) -> bool:
    """Whether to read the file as unchanging, so that checking it creates nothing beside it.

    Yes on a read-only medium, and when no -wal, -shm or -journal file is there: then no program
    has it open and nothing is pending (a read-only connection to a WAL database would otherwise
    leave an empty -wal and a -shm behind). No while the window has it open: its -wal holds the
    newest changes, and the files are there already."""
    if not os.access(path.parent, os.W_OK):
        return True
    return not any(path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-shm", "-journal"))


def _version_note(path: Path) -> str:
    try:
        connection = sqlite3.connect(read_only_uri(path, immutable=_read_immutable(path)), uri=True)
        try:
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        finally:
            connection.close()
        version = int(revision)
    except (sqlite3.Error, TypeError, ValueError):
        return ""
    if version > schema_version():
        return f"；数据结构版本 {revision} 比本程序新（本程序到 {head_revision()}），请升级程序"
    if version < schema_version():
        return f"；数据结构版本 {revision}，打开时会自动升级到 {head_revision()}"
    return f"；数据结构版本 {revision}"


# --- the installation --------------------------------------------------------------------
def _check_fonts() -> Check:
    missing = [name for name in FONT_FILES.values() if not (fonts_dir() / name).is_file()]
    return Check("字体文件", not missing, "缺少 " + "、".join(missing) if missing else str(fonts_dir()))


def _check_database(path: Path) -> list[Check]:
    checks = []
    with Database.open(path) as db:
        checks.append(Check("建库与迁移", True, f"结构版本 {head_revision()}，{path.name}"))
        with db.session() as session:
            before = len(session.exec(select(AuditLog.id)).all())   # the migrations' own rows
        with db.session() as session:
            station = Station(name="自检联络站")
            session.add(station)
            session.flush()
            session.add(Deputy(name="刘䶮", levels="区", station_id=station.id))
        with db.session() as session:
            name = session.exec(select(Deputy.name)).one()
            audited = len(session.exec(select(AuditLog.id)).all()) - before
        checks.append(Check("中文与生僻字存取", name == "刘䶮", name))
        checks.append(Check("审计日志", audited == 2, f"{audited} 条"))
        checks.append(_check_foreign_keys(db))
    return checks


def _check_foreign_keys(db: Database) -> Check:
    try:
        with db.session() as session:
            session.add(Deputy(name="无站点", station_id=99999))
    except IntegrityError:
        return Check("外键约束", True, "引用不存在的联络站被拒绝")
    return Check("外键约束", False, "引用不存在的联络站竟被接受")


def _check_pdf(path: Path) -> Check:
    sheet, paper = styles(), paper_styles()
    write_pdf(path, [para("gridoffice 自检", sheet["title"]), para(SAMPLE_TEXT, sheet["body"]),
                     paragraph("公文标题（宋体加粗）", paper["title"]), paragraph(SAMPLE_TEXT, paper["body"]),
                     para(f"版本 {__version__}", sheet["small"])], title="gridoffice 自检")
    data = path.read_bytes()
    embedded = len(re.findall(rb"/FontFile2", data))
    pages = len(re.findall(rb"/Type /Page\b", data))
    ok = data.startswith(b"%PDF") and embedded >= 4 and pages == 1
    return Check("PDF 与内嵌字体", ok, f"{pages} 页，内嵌 {embedded} 种字体，{len(data)} 字节")
