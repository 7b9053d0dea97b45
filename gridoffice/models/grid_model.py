"""网格列表 table model."""
from PySide6.QtGui import QColor

from gridoffice.services.grids import GridRow

from .table_model import CENTER, RIGHT, Column, RowStyle, RowTableModel, attr

NO_DEPUTY_RED = QColor("#c62828")
MAX_DEPUTIES_PER_GRID = 3


class GridTableModel(RowTableModel):
    COLUMNS = (
        Column("community", "所属社区", attr("community"), width=120),
        Column("code", "网格编号", attr("code"), width=90),
        Column("name", "网格名称", attr("name"), width=140),
        Column("worker_name", "网格员", attr("worker_name"), width=80),
        Column("worker_phone", "网格员电话", attr("worker_phone"), width=110),
        Column("households", "户数", attr("households"), align=RIGHT, width=60),
        Column("population", "人口", attr("population"), align=RIGHT, width=60),
        Column("deputy_count", "代表数", attr("deputy_count"), align=CENTER, width=60),
        Column("deputies", "联系代表", attr("deputies"), width=220, stretch=True),
    )

    def row_style(self, row: GridRow) -> RowStyle | None:
        if row.deputy_count == 0:
            return RowStyle(foreground=NO_DEPUTY_RED, tooltip="该网格还没有联系代表")
        if row.deputy_count > MAX_DEPUTIES_PER_GRID:
            return RowStyle(foreground=QColor("#e65100"), tooltip=f"该网格代表超过 {MAX_DEPUTIES_PER_GRID} 名")
        return None
