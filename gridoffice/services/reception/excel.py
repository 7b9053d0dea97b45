"""导出接待安排: the reception days as an Excel sheet (for the committee, or to post elsewhere)."""
import datetime as dt
from pathlib import Path

from gridoffice.db import Database
from gridoffice.domain.dates import weekday_name

from gridoffice.services.common.excel_io import write_sheet
from gridoffice.services.reception.days import list_reception_days

HEADERS = ("日期", "星期", "开始时间", "结束时间", "联络站", "地点", "值班代表", "状态", "接待群众", "登记意见", "备注")
WIDTHS = (12, 8, 10, 10, 30, 40, 36, 8, 10, 10, 30)


def export_reception(db: Database, path: Path | str, *, start: dt.date | None = None,
                     end: dt.date | None = None, station_id: int | None = None) -> int:
    """Write the days (all, or those of a range and station) to `path`; returns how many rows."""
    rows = list_reception_days(db, start=start, end=end, station_id=station_id)
    # the date and the times as real date and time cells (sortable, and Excel's filter groups them by month)
    write_sheet(path, title="接待安排", headers=HEADERS, column_widths=WIDTHS, rows=(
        (row.date, weekday_name(row.date), row.start_time, row.end_time,
         row.station, row.place, row.deputies, row.status, row.residents_received, row.opinions, row.notes)
        for row in rows))
    return len(rows)
