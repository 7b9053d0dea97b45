"""走访记录 table model."""
from gridoffice.services.activities.records import ActivityRow

from .paged import PagedModel
from .table_model import CENTER, RIGHT, Column, attr


class ActivityTableModel(PagedModel):
    COLUMNS = (
        Column("date", "日期", attr("date"), align=CENTER, width=90),
        Column("kind", "类型", attr("kind"), width=80),
        Column("online", "网上", lambda r: "网上" if r.online else "", align=CENTER, width=50),
        Column("grid", "网格", attr("grid"), width=80),
        Column("station", "联络站", attr("station"), width=130),
        Column("place", "地点", attr("place"), width=140),
        Column("deputies", "参加代表", attr("deputies"), width=180),
        Column("deputy_count", "人次", attr("deputy_count"), align=RIGHT, width=50),
        Column("other_participants", "其他参加人员", attr("other_participants"), width=120, hidden_by_default=True),
        Column("residents_contacted", "联系群众", attr("residents_contacted"), align=RIGHT, width=70),
        Column("summary", "内容摘要", attr("summary"), width=300, stretch=True),
    )

    def search_text(self, row: ActivityRow) -> str:
        return " ".join((row.date.isoformat(), row.kind, "网上履职" if row.online else "", row.grid, row.station,
                         row.place, row.deputies, row.other_participants, row.summary)).lower()
