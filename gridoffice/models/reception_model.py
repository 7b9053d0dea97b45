"""接待日历 list model: the list view beside the month view."""
from PySide6.QtGui import QColor

from gridoffice.domain.enums import ReceptionStatus
from gridoffice.domain.dates import weekday_name
from gridoffice.services.reception.days import ReceptionRow

from .table_model import CENTER, RIGHT, Column, RowStyle, RowTableModel, attr


class ReceptionTableModel(RowTableModel):
    COLUMNS = (
        Column("date", "日期", attr("date"), align=CENTER, width=90),
        Column("weekday", "星期", lambda r: weekday_name(r.date), sort_key=lambda r: r.date.weekday(), align=CENTER, width=60),
        Column("time", "时间", lambda r: r.time_range, align=CENTER, width=95),
        Column("station", "联络站", attr("station"), width=150),
        Column("place", "地点", attr("place"), width=170),
        Column("deputies", "值班代表", attr("deputies"), width=260, stretch=True),
        Column("status", "状态", attr("status"), align=CENTER, width=60),
        Column("residents_received", "接待群众", attr("residents_received"), align=RIGHT, width=70),
        Column("opinions", "登记意见", attr("opinions"), align=RIGHT, width=70),
        Column("notes", "备注", attr("notes"), width=160),
    )

    def search_text(self, row: ReceptionRow) -> str:
        """What the columns show, and the deputies' names in pinyin and initials (zlx finds 张利霞),
        as the roster's search does."""
        return f"{super().search_text(row)} {row.deputy_spellings}".lower()

    def row_style(self, row: ReceptionRow) -> RowStyle | None:
        if row.status == ReceptionStatus.CANCELLED.value:
            return RowStyle(foreground=QColor("#9e9e9e"), tooltip="已取消")
        if row.status == ReceptionStatus.PLANNED.value:
            return RowStyle(foreground=QColor("#1565c0"))
        return None
