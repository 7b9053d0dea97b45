"""走访记录 to Excel: the rows as listed, with the 人次 and residents of each activity."""
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import ActivityPhoto

from gridoffice.services.activities.records import ActivityRow, activity_totals, read_activities
from gridoffice.services.common.excel_io import TEXT_FORMAT, write_sheet

HEADERS = ("日期", "活动类型", "网格", "联络站", "地点", "参加代表", "代表人次", "其他参加人员", "联系群众（人次）",
           "内容摘要", "照片（张）", "网上履职")
WIDTHS = (12, 10, 11, 22, 24, 30, 9, 22, 12, 60, 9, 9)


def write_activities_xlsx(path: Path | str, rows: Sequence[ActivityRow], photo_counts: dict[int, int]) -> Path:
    """One row per activity and a 合计 row under them."""
    totals = activity_totals(rows)
    body = [[r.date, r.kind, r.grid, r.station, r.place, r.deputies, r.deputy_count, r.other_participants,
             r.residents_contacted, r.summary, photo_counts.get(r.id, 0), "是" if r.online else ""] for r in rows]
    online = sum(1 for r in rows if r.online)
    body.append(["合计", f"{totals.activities} 次", "", "", "", "", totals.person_times, "", totals.residents, "", "",
                 f"{online} 次" if online else ""])
    return write_sheet(path, title="走访记录", headers=HEADERS, rows=body, column_widths=WIDTHS,
                       formats={"网格": TEXT_FORMAT}, wrap={"内容摘要"})


def _photo_counts(session: Session) -> dict[int, int]:
    query = select(ActivityPhoto.activity_id, func.count(ActivityPhoto.id)).group_by(ActivityPhoto.activity_id)
    return dict(session.exec(query).all())


def export_activity_rows(db: Database, path: Path | str, rows: Sequence[ActivityRow]) -> int:
    """Write the rows a list shows (filtered and sorted there); returns how many."""
    with db.session() as session:
        counts = _photo_counts(session)
    write_activities_xlsx(path, rows, counts)
    return len(rows)


def export_activities(db: Database, path: Path | str, *, start: dt.date | None = None,
                      end: dt.date | None = None, kind: str | None = None, deputy_id: int | None = None,
                      grid_id: int | None = None) -> int:
    """Write the activities the filters select; returns how many."""
    with db.session() as session:
        rows = read_activities(session, start=start, end=end, kind=kind, deputy_id=deputy_id, grid_id=grid_id)
        counts = _photo_counts(session)
    write_activities_xlsx(path, rows, counts)
    return len(rows)
