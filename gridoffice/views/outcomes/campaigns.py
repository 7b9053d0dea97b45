"""专项活动 list: each campaign with its own figures (grids covered, residents reached, opinions and how
they ended, projects done), and its form: name, dates, description and the records it holds."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QLabel, QWidget)

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.models.outcome_models import CampaignTableModel
from gridoffice.services.outcomes import campaigns as service

from .lists import OutcomeList
from .records import facts_html


class CampaignsList(OutcomeList):
    title = "专项活动"
    settings_key = "outcome_campaigns"
    search_hint = "搜索：专项活动名称"
    default_sort = ("period", Qt.SortOrder.DescendingOrder)
    new_text = "新建专项活动"
    unit = "个专项活动"
    what = "专项活动"

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(db, clock, CampaignTableModel(), parent)
        hint = QLabel("走访活动和民情意见在其列表中多选后“归入专项活动”，或在专项活动中添加；会议、实事、建议、调解在各自表单中选择。",
                      self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #607d8b;")
        self.layout().addWidget(hint)

    def _init_filters(self) -> None:
        from PySide6.QtWidgets import QCheckBox

        self.running = self.add_filter(QCheckBox("只看进行中", self))
        self.running.toggled.connect(lambda on: self.proxy.set_extra_filter((lambda r: r.running) if on else None))

    def load(self) -> list[service.CampaignRow]:
        return service.list_campaigns(self.db, today=self.today())

    def open_record(self, record_id: int | None) -> None:
        from .campaign_dialog import CampaignDialog

        self.run_dialog(CampaignDialog(self.db, self.clock, self, campaign_id=record_id))


FIGURES = (("activities", "走访活动", "次"), ("meetings", "会议（已召开）", "次"), ("deputy_person_times", "代表参加", "人次"),
           ("residents_reached", "联系群众", "人次"), ("grids_covered", "覆盖网格", "个"), ("opinions", "收集意见", "条"),
           ("opinions_handled", "已办结", "条"), ("opinions_rejected", "不予受理", "条"), ("opinions_open", "办理中", "条"),
           ("followups", "已回访", "条"), ("suggestions", "形成代表建议", "件"), ("projects", "为民办实事", "项"),
           ("projects_done", "其中已完成", "项"), ("disputes", "调解纠纷", "件"), ("disputes_settled", "其中调解成功", "件"))


def figures_html(figures: service.CampaignFigures) -> str:
    rows = [(label, f"<b>{getattr(figures, key)}</b> {unit}") for key, label, unit in FIGURES]
    rate = figures.satisfaction_rate
    rows.insert(10, ("回访满意度", f"<b>{rate:g}%</b>" if rate is not None else "—"))
    half = (len(rows) + 1) // 2
    return (f"<table width='100%'><tr><td valign='top'>{facts_html(rows[:half])}</td>"
            f"<td valign='top'>{facts_html(rows[half:])}</td></tr></table>")
