"""值守表: a duty kind's shifts of a month (PDF), printed like the reception duty roster. It lists
the posts, their hours and places and who is on duty; no phone numbers, no household."""
import datetime as dt
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from gridoffice.db import Database
from gridoffice.domain import DutyKind
from gridoffice.domain.dates import chinese_date, weekday_name

from gridoffice.services.common.pdf import data_table, para, styles, write_pdf
from gridoffice.services.common.settings import office_name
from gridoffice.services.duties.shifts import ShiftRow, read_shifts
from gridoffice.services.reception.days import month_bounds

MARGIN_MM = 12


def shift_remark(row: ShiftRow) -> str:
    if row.status != "计划":
        return row.status + (f"：{row.notes}" if row.notes else "")
    return row.notes


def write_rota_pdf(db: Database, path: Path | str, *, kind_id: int, year: int, month: int, today: dt.date) -> Path:
    first, last = month_bounds(year, month)
    with db.session() as session:
        kind = session.get(DutyKind, kind_id)
        rows = read_shifts(session, start=first, end=last, today=today, kind_id=kind_id)
        office = office_name(session)
    sheet = styles()
    headers = ["日期", "星期", "时间", "岗位", "地点", "值守人员", "备注"]
    body = [[f"{r.date.month}月{r.date.day}日", weekday_name(r.date), r.time_range, r.duty, r.place or "—",
             r.people or "（未排）", shift_remark(r)] for r in rows]
    page = landscape(A4)
    usable = page[0] - 2 * MARGIN_MM * mm
    weights = [22, 16, 27, 46, 40, 97, 25]        # mm of the 273 mm of a landscape page
    title = f"{office}{year}年{month}月{kind.name}值守表"
    people = len({k for r in rows for k in r.member_keys})
    story = [para(title, sheet["title"]),
             para(f"共 {len(rows)} 次值守，{people} 人参加　　制表日期：{chinese_date(today)}", sheet["subtitle"])]
    if body:
        story.append(data_table(headers, body, [usable * w / sum(weights) for w in weights], font_size=10))
    else:
        story.append(para(f"本月没有安排{kind.name}。", sheet["body"]))
    return write_pdf(path, story, title=title, pagesize=page, margins_mm=MARGIN_MM, footer_note=office)
