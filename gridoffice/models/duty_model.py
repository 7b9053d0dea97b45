"""网格值守: the posts and the shifts of a month. A shift's day passed without a record is red."""
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from gridoffice.domain.dates import weekday_name
from gridoffice.domain.enums import DutyStatus
from gridoffice.services.duties.plans import DutyRow
from gridoffice.services.duties.shifts import ShiftRow

from .grid_model import dot_icon
from .table_model import CENTER, RIGHT, Column, RowStyle, RowTableModel, attr

MISSED_RED = QColor("#c62828")
DONE_GREEN = QColor("#2e7d32")
MUTED_GREY = QColor("#9e9e9e")


class _KindDots:
    def __init__(self):
        self._dots: dict[str, object] = {}

    def dot(self, color: str):
        if color not in self._dots:
            self._dots[color] = dot_icon(QColor(color))
        return self._dots[color]


class DutyTableModel(RowTableModel):
    COLUMNS = (
        Column("kind", "类型", attr("kind"), width=112),
        Column("name", "岗位", attr("name"), width=220),
        Column("when", "时间", attr("when"), width=290),
        Column("place", "地点", lambda r: r.place or r.station or r.grid, width=150, stretch=True),
        Column("per_shift", "每次人数", attr("per_shift"), align=RIGHT, width=64),
        Column("pool_size", "人员库", attr("pool_size"), align=RIGHT, width=56),
        Column("active", "启用", lambda r: "是" if r.active else "停用", align=CENTER, width=50),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._dots = _KindDots()

    def row_style(self, row: DutyRow) -> RowStyle | None:
        return None if row.active else RowStyle(foreground=MUTED_GREY, tooltip="已停用，不再排班")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.DecorationRole and self.COLUMNS[index.column()].key == "kind":
            return self._dots.dot(self.row_at(index.row()).color)
        return super().data(index, role)


class ShiftTableModel(RowTableModel):
    COLUMNS = (
        Column("date", "日期", attr("date"), align=CENTER, width=92),
        Column("weekday", "星期", lambda r: weekday_name(r.date), align=CENTER, width=56),
        Column("time", "时间", attr("time_range"), align=CENTER, width=92),
        Column("kind", "类型", attr("kind"), width=104),
        Column("duty", "岗位", attr("duty"), width=200),
        Column("people", "值守人员", attr("people"), width=260, stretch=True),
        Column("status", "状态", attr("shown_status"), width=110),
        Column("notes", "备注", attr("notes"), width=140, hidden_by_default=True),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._dots = _KindDots()

    def row_style(self, row: ShiftRow) -> RowStyle | None:
        if row.missed or row.status == DutyStatus.MISSED.value:
            return RowStyle(foreground=MISSED_RED, tooltip="这次值守没有记为完成")
        if row.status == DutyStatus.DONE.value:
            return RowStyle(foreground=DONE_GREEN)
        if row.status == DutyStatus.CANCELLED.value:
            return RowStyle(foreground=MUTED_GREY)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.DecorationRole and self.COLUMNS[index.column()].key == "kind":
            return self._dots.dot(self.row_at(index.row()).color)
        return super().data(index, role)
