"""Table models of the 履职成果 lists: 代表建议 (overdue in red, with the days late), 为民办实事 (late
in amber), meetings, 述职评议会, campaigns with their figures, and mediation (parties masked)."""
from PySide6.QtGui import QColor

from gridoffice.domain.stations import short_station_name
from gridoffice.services.outcomes.appraisals import AppraisalRow
from gridoffice.services.outcomes.campaigns import CampaignRow
from gridoffice.services.outcomes.disputes import DisputeRow
from gridoffice.services.outcomes.meetings import MeetingRow
from gridoffice.services.outcomes.projects import ProjectRow
from gridoffice.services.outcomes.suggestions import SuggestionRow

from .table_model import CENTER, RIGHT, Column, RowStyle, RowTableModel, attr

LATE_RED = QColor("#c62828")
LATE_BACKGROUND = QColor("#fdecea")
LATE_AMBER = QColor("#b26a00")
GREY = QColor("#757575")
DONE_GREEN = QColor("#2e7d32")


def _due(row: SuggestionRow) -> str:
    if row.due_on is None:
        return ""
    return f"{row.due_on.isoformat()}（超期 {row.days_overdue} 天）" if row.overdue else row.due_on.isoformat()


class SuggestionTableModel(RowTableModel):
    COLUMNS = (
        Column("serial", "编号", attr("serial"), width=95),
        Column("title", "建议标题", attr("title"), width=260, stretch=True),
        Column("category", "分类", attr("category"), width=70),
        Column("submitted_on", "提出日期", attr("submitted_on"), align=CENTER, width=90),
        Column("lead", "领衔代表", attr("lead"), width=70),
        Column("cosigners", "附议代表", attr("cosigners"), width=120),
        Column("department", "承办部门", attr("department"), width=120),
        Column("assigned_on", "交办日期", attr("assigned_on"), align=CENTER, width=90),
        Column("due_on", "答复期限", _due, sort_key=lambda r: r.due_on, align=CENTER, width=100),
        Column("status", "状态", attr("status"), align=CENTER, width=60),
        Column("replied_on", "答复日期", attr("replied_on"), align=CENTER, width=90),
        Column("verdict", "评价", attr("verdict"), align=CENTER, width=70),
        Column("opinions", "意见数", attr("opinions"), align=RIGHT, width=55),
        Column("campaign", "专项活动", attr("campaign"), width=110, hidden_by_default=True),
    )

    def row_style(self, row: SuggestionRow) -> RowStyle | None:
        if row.overdue:
            return RowStyle(LATE_RED, LATE_BACKGROUND, f"已超过答复期限 {row.days_overdue} 天")
        if row.verdict == "不满意":
            return RowStyle(LATE_AMBER, tooltip="代表对答复不满意")
        return None


def _source(row: ProjectRow) -> str:
    return "；".join(part for part in (row.suggestion, f"意见 {row.opinions} 条" if row.opinions else "") if part)


def _photos(row: ProjectRow) -> str:
    return f"前 {row.photos_before}／后 {row.photos_after}" if row.photos_before or row.photos_after else ""


class ProjectTableModel(RowTableModel):
    COLUMNS = (
        Column("name", "项目名称", attr("name"), width=240, stretch=True),
        Column("year", "年度", attr("year"), align=CENTER, width=50),
        Column("kind", "类别", attr("kind"), width=75),
        Column("community", "社区", attr("community"), width=85),
        Column("grid", "网格", attr("grid"), width=120),
        Column("quantity", "数量", attr("quantity"), align=RIGHT, width=70),
        Column("responsible_unit", "责任单位", attr("responsible_unit"), width=120),
        Column("started_on", "开工", attr("started_on"), align=CENTER, width=90),
        Column("planned_on", "计划完成", attr("planned_on"), align=CENTER, width=90),
        Column("completed_on", "实际完成", attr("completed_on"), align=CENTER, width=90),
        Column("status", "状态", attr("status"), align=CENTER, width=60),
        Column("late", "逾期", lambda r: "逾期" if r.late else "", align=CENTER, width=45),
        Column("source", "来源", _source, width=120),
        Column("photos", "照片", _photos, align=CENTER, width=80),
        Column("campaign", "专项活动", attr("campaign"), width=110, hidden_by_default=True),
    )

    def row_style(self, row: ProjectRow) -> RowStyle | None:
        if row.late:
            return RowStyle(LATE_AMBER, tooltip="已过计划完成日期，尚未完成")
        if row.status == "已取消":
            return RowStyle(GREY)
        return None


def _time(row) -> str:
    return f"{row.start_time:%H:%M}" if row.start_time else ""


class MeetingTableModel(RowTableModel):
    COLUMNS = (
        Column("date", "日期", attr("date"), align=CENTER, width=90),
        Column("time", "时间", _time, align=CENTER, width=50),
        Column("kind", "类型", attr("kind"), width=70),
        Column("title", "会议名称", attr("title"), width=220, stretch=True),
        Column("station", "联络站", lambda r: short_station_name(r.station) if r.station else "", width=90),
        Column("grid", "网格", attr("grid"), width=110),
        Column("status", "状态", attr("status"), align=CENTER, width=60),
        Column("deputies", "参会代表", attr("deputies"), width=150),
        Column("deputy_count", "人次", attr("deputy_count"), align=RIGHT, width=45),
        Column("residents_present", "群众", attr("residents_present"), align=RIGHT, width=45),
        Column("decisions", "议定", attr("decisions"), align=RIGHT, width=45),
        Column("opinions_opened", "意见", attr("opinions_opened"), align=RIGHT, width=45),
        Column("place", "地点", attr("place"), width=130, hidden_by_default=True),
        Column("campaign", "专项活动", attr("campaign"), width=110, hidden_by_default=True),
    )

    def row_style(self, row: MeetingRow) -> RowStyle | None:
        return RowStyle(GREY) if row.status == "已取消" else None


class AppraisalTableModel(RowTableModel):
    COLUMNS = (
        Column("date", "日期", attr("date"), align=CENTER, width=90),
        Column("time", "时间", _time, align=CENTER, width=50, hidden_by_default=True),
        Column("station", "联络站", lambda r: short_station_name(r.station) if r.station else "", width=100),
        Column("deputies", "述职代表", attr("deputies"), width=200),
        Column("deputy_count", "人数", attr("deputy_count"), align=RIGHT, width=45, hidden_by_default=True),
        Column("status", "状态", attr("status"), align=CENTER, width=60),
        Column("results", "测评结果", attr("results"), width=200, stretch=True),
        Column("voters_present", "到会选民", lambda r: r.voters_present or "", sort_key=attr("voters_present"),
               align=RIGHT, width=70),
        Column("questions", "问题", attr("questions"), align=RIGHT, width=45),
        Column("scale", "测评方式", attr("scale"), align=CENTER, width=70),
        Column("place", "地点", attr("place"), width=130, hidden_by_default=True),
    )

    def row_style(self, row: AppraisalRow) -> RowStyle | None:
        if row.status == "已取消":
            return RowStyle(GREY)
        if "不满意" in row.results or "不称职" in row.results:
            return RowStyle(LATE_RED, tooltip="有代表测评结果为不满意或不称职")
        return None


def _rate(value: float | None) -> str:
    return f"{value:g}%" if value is not None else ""


def _period(row: CampaignRow) -> str:
    return f"{row.start_on:%Y-%m-%d} 至 {row.end_on:%Y-%m-%d}" if row.end_on else f"{row.start_on:%Y-%m-%d} 起"


class CampaignTableModel(RowTableModel):
    COLUMNS = (
        Column("name", "专项活动", attr("name"), width=200, stretch=True),
        Column("period", "时间", _period, sort_key=attr("start_on"), width=170),
        Column("activities", "走访", lambda r: r.figures.activities, align=RIGHT, width=45),
        Column("meetings", "会议", lambda r: r.figures.meetings, align=RIGHT, width=45),
        Column("deputy_person_times", "代表人次", lambda r: r.figures.deputy_person_times, align=RIGHT, width=65),
        Column("residents_reached", "群众人次", lambda r: r.figures.residents_reached, align=RIGHT, width=65),
        Column("grids_covered", "网格", lambda r: r.figures.grids_covered, align=RIGHT, width=45),
        Column("opinions", "意见（办结）", lambda r: f"{r.figures.opinions}（{r.figures.opinions_handled}）",
               sort_key=lambda r: r.figures.opinions, align=RIGHT, width=85),
        Column("satisfaction_rate", "满意度", lambda r: _rate(r.figures.satisfaction_rate),
               sort_key=lambda r: r.figures.satisfaction_rate or -1, align=RIGHT, width=60),
        Column("suggestions", "建议", lambda r: r.figures.suggestions, align=RIGHT, width=45),
        Column("projects", "实事（完成）", lambda r: f"{r.figures.projects}（{r.figures.projects_done}）",
               sort_key=lambda r: r.figures.projects, align=RIGHT, width=85),
        Column("disputes", "调解（成功）", lambda r: f"{r.figures.disputes}（{r.figures.disputes_settled}）",
               sort_key=lambda r: r.figures.disputes, align=RIGHT, width=85),
    )

    def row_style(self, row: CampaignRow) -> RowStyle | None:
        return RowStyle(DONE_GREEN, tooltip="进行中") if row.running else None


class DisputeTableModel(RowTableModel):
    COLUMNS = (
        Column("serial", "编号", attr("serial"), width=95),
        Column("received_on", "受理日期", attr("received_on"), align=CENTER, width=90),
        Column("kind", "类型", attr("kind"), width=60),
        Column("grid", "网格", attr("grid"), width=130),
        Column("parties", "当事人", attr("parties"), width=110),
        Column("mediators", "调解人员", attr("mediators"), width=200, stretch=True),
        Column("status", "状态", attr("status"), align=CENTER, width=70),
        Column("result_on", "结果日期", attr("result_on"), align=CENTER, width=90),
        Column("referred_to", "转交／引导至", attr("referred_to"), width=150),
        Column("campaign", "专项活动", attr("campaign"), width=110, hidden_by_default=True),
    )

    def row_style(self, row: DisputeRow) -> RowStyle | None:
        if row.status == "未成功":
            return RowStyle(LATE_AMBER, tooltip="调解未成功，可再次调解")
        if row.status == "不予受理":
            return RowStyle(GREY)
        return None
