"""The household papers: 重点户走访台账 of a grid and the list of visits overdue and due this week.

Both are internal papers (内部资料): names, phones and door numbers are masked unless the clerk asks
for them, and each page says it must not be posted. No household ever appears on a posted paper
(notices, rotas, wall boards).
"""
import datetime as dt
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from sqlmodel import select

from gridoffice.db import Database
from gridoffice.domain import Grid
from gridoffice.domain.dates import chinese_date
from gridoffice.domain.errors import FieldError

from gridoffice.services.common.lookups import color_name
from gridoffice.services.common.pdf import data_table, para, styles, write_pdf
from gridoffice.services.common.settings import office_name
from gridoffice.services.grids.rows import serving_deputies_by_grid
from gridoffice.services.households.due import DueItem, read_due
from gridoffice.services.households.ledger import list_households

INTERNAL = "内部资料 · 含个人信息 · 请妥善保管，不得张贴或外传"
MARGIN_MM = 12


def _page_width() -> float:
    return landscape(A4)[0] - 2 * MARGIN_MM * mm


def _widths(weights: list[float]) -> list[float]:
    usable = _page_width()
    return [usable * w / sum(weights) for w in weights]


def _short(day: dt.date | None) -> str:
    return f"{day:%Y-%m-%d}" if day else "—"


def write_household_ledger(db: Database, path: Path | str, *, grid_id: int, today: dt.date,
                           with_contact: bool = False) -> Path:
    """重点户走访台账 of one grid: every household, its categories and colour, its deputy, the last visit
    and the next one due (and why); the "未逐户登记" households as one line each."""
    with db.session() as session:
        grid = session.get(Grid, grid_id)
        if grid is None:
            raise FieldError("grid", "该网格已不存在。")
        office = office_name(session)
        deputies = "、".join(serving_deputies_by_grid(session).get(grid_id, [])) or "（暂无）"
    rows = list_households(db, today=today, grid_id=grid_id, full=with_contact)
    sheet = styles()
    headers = ["序号", "地址", "姓名", "电话", "类别", "颜色", "联系代表", "网格员", "上次走访", "下次应访", "说明"]
    body, number = [], 0
    for row in rows:
        if row.is_placeholder:
            body.append(["", f"未逐户登记 {row.placeholder_count} 户", "", "", row.categories, "", "", "", "", "",
                         "请逐户登记"])
            continue
        number += 1
        late = row.overdue(today)
        due = _short(row.next_due_on) + ("（超期）" if late else "")
        body.append([number, row.address, row.name, row.phone or "—", row.categories,
                     color_name(row.color), row.deputy, row.worker, _short(row.last_visit_on), due, row.due_reason])
    registered = sum(1 for r in rows if not r.is_placeholder)
    unregistered = sum(r.placeholder_count for r in rows if r.is_placeholder)
    title = f"{office}重点户走访台账"
    story = [
        para(title, sheet["title"]),
        para(f"网格：{grid.code} {grid.name}　　网格员：{grid.worker_name or '—'}　　联系代表：{deputies}", sheet["subtitle"]),
        para(f"已逐户登记 {registered} 户" + (f"，未逐户登记 {unregistered} 户" if unregistered else "")
             + f"　　制表日期：{chinese_date(today)}" + ("" if with_contact else "　　（姓名、电话、门牌已隐去）"),
             sheet["subtitle"]),
    ]
    if body:
        story.append(data_table(headers, body, _widths([6, 23, 8, 12, 19, 6, 9, 8, 11, 16, 20]), font_size=9))
    else:
        story.append(para("该网格还没有登记重点户。", sheet["body"]))
    return write_pdf(path, story, title=title, pagesize=landscape(A4), margins_mm=MARGIN_MM, footer_note=INTERNAL)


def write_due_list(db: Database, path: Path | str, *, today: dt.date, grid_id: int | None = None,
                   with_contact: bool = False) -> Path:
    """超期和本周到期的走访: each must-visit event and each regular visit due, most urgent first."""
    with db.session() as session:
        due = read_due(session, today, grid_id=grid_id, full=with_contact)
        office = office_name(session)
        scope = ""
        if grid_id is not None:
            grid = session.exec(select(Grid.code, Grid.name).where(Grid.id == grid_id)).first()
            scope = f"网格：{grid[0]} {grid[1]}　　" if grid else ""
    sheet = styles()
    headers = ["状态", "网格", "地址", "姓名", "类别", "类型", "事由", "应访日期", "超期天数"]

    def line(label: str, item: DueItem) -> list:
        return [label, item.grid_code, item.address, item.name, item.categories, item.kind, item.reason,
                _short(item.due_on), item.days_late(today) or ""]

    body = [line("已超期", i) for i in due.overdue] + [line("本周到期", i) for i in due.due_soon]
    title = f"{office}重点户走访超期提醒"
    story = [para(title, sheet["title"]),
             para(f"{scope}截至{chinese_date(today)}：{due.describe()}", sheet["subtitle"])]
    if body:
        story.append(data_table(headers, body, _widths([8, 9, 24, 8, 16, 8, 20, 11, 8]), font_size=9))
    else:
        story.append(para("没有超期或本周到期的走访。", sheet["body"]))
    return write_pdf(path, story, title=title, pagesize=landscape(A4), margins_mm=MARGIN_MM, footer_note=INTERNAL)
