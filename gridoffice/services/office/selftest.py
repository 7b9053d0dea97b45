"""`gridoffice selftest`: prove on this PC that the pieces work together.

A temporary database (in a folder whose name has Chinese characters and spaces),
migrations, an audited write, foreign keys, and a one-page PDF in the bundled font.
"""
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from gridoffice import __version__
from gridoffice.db import Database
from gridoffice.db.migrate import head_revision
from gridoffice.domain import AuditLog, Deputy, Station
from gridoffice.paths import fonts_dir

from gridoffice.services.common.fonts import FONT_FILES
from gridoffice.services.common.pdf import para, styles, write_pdf
from gridoffice.services.common.typography import paper_styles, paragraph

SAMPLE_TEXT = "人大代表联络站 接待选民日 刘䶮 𠀾 0123456789"


@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""


def run_selftest() -> list[Check]:
    checks = [_check_fonts()]
    with tempfile.TemporaryDirectory(prefix="gridoffice-自检 ") as folder:
        folder_path = Path(folder)
        checks.extend(_check_database(folder_path / "自检 数据库.sqlite"))
        checks.append(_check_pdf(folder_path / "自检 文档.pdf"))
    return checks


def _check_fonts() -> Check:
    missing = [name for name in FONT_FILES.values() if not (fonts_dir() / name).is_file()]
    return Check("字体文件", not missing, "缺少 " + "、".join(missing) if missing else str(fonts_dir()))


def _check_database(path: Path) -> list[Check]:
    checks = []
    with Database.open(path) as db:
        checks.append(Check("建库与迁移", True, f"结构版本 {head_revision()}，{path.name}"))
        with db.session() as session:
            station = Station(name="自检联络站")
            session.add(station)
            session.flush()
            session.add(Deputy(name="刘䶮", levels="区", station_id=station.id))
        with db.session() as session:
            name = session.exec(select(Deputy.name)).one()
            audited = len(session.exec(select(AuditLog)).all())
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
