"""民情办理 table model: residents masked, overdue matters in red, those due this week in amber."""
from PySide6.QtGui import QColor

from gridoffice.domain.enums import OpinionStatus
from gridoffice.services.opinions.listing import OpinionRow

from .paged import PagedModel
from .table_model import CENTER, Column, RowStyle, attr

OVERDUE_RED = QColor("#c62828")
OVERDUE_BACKGROUND = QColor("#fdecea")
DUE_SOON_AMBER = QColor("#b26a00")
FINISHED_GREY = QColor("#757575")
STATUS_COLORS = {
    OpinionStatus.REGISTERED.value: QColor("#6a1b9a"),
    OpinionStatus.CLAIMED.value: QColor("#1565c0"),
    OpinionStatus.ASSIGNED.value: QColor("#00695c"),
    OpinionStatus.RESOLVED.value: QColor("#ef6c00"),
    OpinionStatus.CLOSED.value: QColor("#2e7d32"),
    OpinionStatus.REJECTED.value: QColor("#757575"),
}


def _due_text(row: OpinionRow) -> str:
    if row.due_on is None:
        return ""
    return f"{row.due_on.isoformat()} 超期" if row.overdue else row.due_on.isoformat()


class OpinionTableModel(PagedModel):
    COLUMNS = (
        Column("serial", "编号", attr("serial"), width=80),
        Column("received_on", "登记日期", attr("received_on"), align=CENTER, width=90),
        Column("channel", "渠道", attr("channel"), width=60),
        Column("resident", "群众", attr("resident"), width=60),
        Column("phone", "电话", attr("phone"), width=105, hidden_by_default=True),
        Column("address", "地点", attr("address"), width=100),
        Column("grid", "网格", attr("grid"), width=80, hidden_by_default=True),
        Column("category", "分类", attr("category"), width=70),
        Column("content", "反映问题", attr("content"), width=300, stretch=True),
        Column("urgency", "紧急", attr("urgency"), align=CENTER, width=50, hidden_by_default=True),
        Column("deputy", "认领代表", attr("deputy"), width=70),
        Column("department", "承办部门", attr("department"), width=110),
        Column("handling_mode", "方式", attr("handling_mode"), align=CENTER, width=50),
        Column("due_on", "办理期限", _due_text, sort_key=lambda r: r.due_on, align=CENTER, width=110),
        Column("status", "状态", attr("status"), align=CENTER, width=80),
        Column("satisfaction", "评价", attr("satisfaction"), align=CENTER, width=70, hidden_by_default=True),
        Column("flags", "标记", attr("flags"), width=80),
    )

    def search_text(self, row: OpinionRow) -> str:
        # masked resident details only: the list never reveals more than it shows
        return " ".join((row.serial, row.received_on.isoformat(), row.channel, row.resident, row.address, row.grid,
                         row.category, row.content, row.deputy, row.department, row.handling_mode, row.status,
                         row.satisfaction, row.flags)).lower()

    def row_style(self, row: OpinionRow) -> RowStyle | None:
        if row.overdue:
            return RowStyle(foreground=OVERDUE_RED, background=OVERDUE_BACKGROUND, tooltip="已超过办理期限")
        if row.due_soon:
            return RowStyle(foreground=DUE_SOON_AMBER, tooltip="本周内到期")
        if row.status == OpinionStatus.REJECTED.value:
            return RowStyle(foreground=FINISHED_GREY)
        return None
