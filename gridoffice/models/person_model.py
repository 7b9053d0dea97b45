"""人员名册 and 队伍 table models. Personal phones are masked in the list (full in the form)."""
from PySide6.QtGui import QColor

from gridoffice.services.people.register import PersonRow
from gridoffice.services.people.teams import TeamRow

from .table_model import CENTER, RIGHT, Column, RowStyle, RowTableModel, attr

INACTIVE_GREY = QColor("#9e9e9e")


class PersonTableModel(RowTableModel):
    COLUMNS = (
        Column("name", "姓名", attr("name"), sort_key=attr("name_pinyin"), width=80),
        Column("role", "身份", attr("role"), width=112),
        Column("community", "社区", attr("community"), width=100),
        Column("grid", "网格", attr("grid"), width=80),
        Column("organisation", "单位", attr("organisation"), width=180),
        Column("phone", "电话", lambda r: r.phone_masked, width=110),
        Column("phone_public", "公开电话", lambda r: "同意" if r.phone_public else "", align=CENTER, width=72,
               hidden_by_default=True),
        Column("teams", "所在队伍", attr("teams"), width=160, stretch=True),
        Column("active", "在册", lambda r: "在册" if r.active else "已退出", align=CENTER, width=60),
    )

    def search_text(self, row: PersonRow) -> str:
        return " ".join((row.name, row.name_pinyin, row.name_initials, row.role, row.community, row.grid,
                         row.organisation, row.phone, row.teams)).lower()

    def row_style(self, row: PersonRow) -> RowStyle | None:
        return None if row.active else RowStyle(foreground=INACTIVE_GREY, tooltip="已不在册")


class TeamTableModel(RowTableModel):
    COLUMNS = (
        Column("name", "队伍", attr("name"), width=200),
        Column("grid", "网格", attr("grid"), width=80),
        Column("task", "日常任务", attr("task"), width=200),
        Column("members", "成员", attr("members"), width=260, stretch=True),
        Column("activities", "活动次数", attr("activities"), align=RIGHT, width=70),
        Column("person_times", "代表人次", attr("person_times"), align=RIGHT, width=70),
        Column("visits", "入户走访", attr("visits"), align=RIGHT, width=70),
        Column("households", "走访户数", attr("households"), align=RIGHT, width=70),
    )

    def row_style(self, row: TeamRow) -> RowStyle | None:
        return None if row.active else RowStyle(foreground=INACTIVE_GREY, tooltip="已停用")
