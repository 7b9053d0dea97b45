"""重点户台账 table model: one line per household (masked unless the tab shows them in full), a dot
in the household's colour, overdue visits in red, "未逐户登记" lines in grey."""
import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from gridoffice.services.households.ledger import HouseholdRow

from .grid_model import dot_icon
from .table_model import CENTER, RIGHT, Column, RowStyle, RowTableModel, attr

OVERDUE_RED = QColor("#c62828")
SOON_AMBER = QColor("#b26a00")
PLACEHOLDER_GREY = QColor("#78909c")


def due_text(row: HouseholdRow) -> str:
    return f"{row.next_due_on:%Y-%m-%d}" if row.next_due_on else ""


class HouseholdTableModel(RowTableModel):
    COLUMNS = (
        Column("grid", "网格", attr("grid_code"), width=80),
        Column("address", "地址", attr("address"), width=190),
        Column("name", "姓名", attr("name"), width=70),
        Column("phone", "电话", attr("phone"), width=104, hidden_by_default=True),
        Column("categories", "类别", attr("categories"), width=130),
        Column("deputy", "联系代表", attr("deputy"), width=72),
        Column("worker", "网格员", attr("worker"), width=68, hidden_by_default=True),
        Column("last_visit_on", "上次走访", attr("last_visit_on"), align=CENTER, width=92),
        Column("next_due_on", "下次应访", due_text, sort_key=lambda r: r.next_due_on or dt.date.max, align=CENTER,
               width=92),
        Column("due_reason", "原因", attr("due_reason"), width=140, stretch=True),
        Column("open_events", "未结事由", attr("open_events"), align=RIGHT, width=64, hidden_by_default=True),
        Column("community", "社区", attr("community"), width=80, hidden_by_default=True),
    )

    def __init__(self, parent=None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.today = today or dt.date.min
        self._dots: dict[str, object] = {}

    def search_text(self, row: HouseholdRow) -> str:
        return " ".join((row.grid_code, row.grid_name, row.community, row.address, row.name, row.phone,
                         row.categories, row.deputy, row.worker, row.due_reason, row.notes)).lower()

    def row_style(self, row: HouseholdRow) -> RowStyle | None:
        if row.is_placeholder:
            return RowStyle(foreground=PLACEHOLDER_GREY,
                            tooltip=f"未逐户登记的 {row.placeholder_count} 户：逐户登记后自动抵减（双击修改户数）")
        if row.overdue(self.today):
            return RowStyle(foreground=OVERDUE_RED, tooltip=f"走访已超期：{row.due_reason}")
        if row.next_due_on is not None and row.next_due_on < self.today + dt.timedelta(days=7):
            return RowStyle(foreground=SOON_AMBER, tooltip=f"本周应走访：{row.due_reason}")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if (index.isValid() and role == Qt.ItemDataRole.DecorationRole
                and self.COLUMNS[index.column()].key == "address"):
            color = self.row_at(index.row()).color or "#9e9e9e"
            if color not in self._dots:
                self._dots[color] = dot_icon(QColor(color))
            return self._dots[color]
        return super().data(index, role)

    def row_of(self, household_id: int) -> int | None:
        return next((r for r in range(self.rowCount()) if self.row_at(r).id == household_id), None)
