"""为民办实事 list: the project register with where, how much, who and when; late projects in amber.
Quick steps on the selected project (开工, 完成, 取消) and the year's list to print."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox, QPushButton, QWidget

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.domain.outcome_rules import KindList, ProjectStatus
from gridoffice.models.outcome_models import ProjectTableModel
from gridoffice.services.common.lookups import campaign_choices, community_choices, kind_choices
from gridoffice.services.outcomes.projects import (ProjectFilter, ProjectForm, ProjectRow, list_projects,
                                                   set_project_status)
from gridoffice.widgets.filters import ChoiceCombo

from .lists import OutcomeList
from .printing import paper_button

PS = ProjectStatus


class ProjectsList(OutcomeList):
    title = "为民办实事"
    settings_key = "outcome_projects"
    search_hint = "搜索：项目名称、类别、社区、网格、责任单位…"
    default_sort = ("year", Qt.SortOrder.DescendingOrder)
    new_text = "新建项目"
    unit = "个为民办实事项目"
    what = "项目"

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(db, clock, ProjectTableModel(), parent)
        for index, (text, status, tip) in enumerate((("开工", PS.UNDERWAY, "所选项目开工（实施中）"),
                                                     ("完成", PS.DONE, "所选项目已完成，记录完成日期"),
                                                     ("取消", PS.CANCELLED, "所选项目不再实施"))):
            button = QPushButton(text, self)
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, s=status.value: self.quick_step(s))
            self.toolbar.insertWidget(1 + index, button)
        self.print_button = paper_button(self, "打印年度清单", "为民办实事项目清单", self._paper)
        self.print_button.setToolTip("按筛选的年度（未选年度时为今年）打印为民办实事项目清单")
        self.toolbar.insertWidget(4, self.print_button)

    def _init_filters(self) -> None:
        self.year = self.add_filter(self.year_filter())
        self.status = self.add_filter(ChoiceCombo("全部状态", self))
        self.status.set_choices([(s.value, s.value) for s in PS])
        self.kind = self.add_filter(ChoiceCombo("全部类别", self))
        self.community = self.add_filter(ChoiceCombo("全部社区", self))
        self.campaign = self.add_filter(ChoiceCombo("全部专项活动", self))
        self.campaign.setMaximumWidth(220)
        self.late = self.add_filter(QCheckBox("只看逾期", self))
        self.late.toggled.connect(lambda on: self.proxy.set_extra_filter((lambda row: row.late) if on else None))

    def reload(self) -> None:
        self.kind.set_choices([(k, k) for k in kind_choices(self.db, KindList.PROJECT.value)])
        self.community.set_choices([(c.id, c.label) for c in community_choices(self.db)])
        self.campaign.set_choices([(c.id, c.label) for c in campaign_choices(self.db)])
        super().reload()

    def load(self) -> list[ProjectRow]:
        return list_projects(self.db, today=self.today(), where=ProjectFilter(
            year=self.year.value(), status=self.status.value(), kind=self.kind.value(),
            community_id=self.community.value(), campaign_id=self.campaign.value()))

    def open_record(self, record_id: int | None, draft: ProjectForm | None = None) -> None:
        from .project_dialog import ProjectDialog

        self.run_dialog(ProjectDialog(self.db, self.clock, self, project_id=record_id, draft=draft))

    def quick_step(self, status: str) -> None:
        row = self.require_selected(f"项目{status}")
        if row is None:
            return
        today = self.today()

        def submit(values: dict) -> None:
            set_project_status(self.db, row.id, status=status, on=values["on"], today=today)

        if status == PS.CANCELLED:
            if QMessageBox.question(self, "取消项目", f"把“{row.name}”标为已取消吗？") != QMessageBox.StandardButton.Yes:
                return
            try:
                submit({"on": today})
            except (ValueError, LookupError) as error:
                QMessageBox.warning(self, "不能更改状态", str(error))
                return
        else:
            from .step_dialog import DATE, Field, StepDialog

            word = "开工" if status == PS.UNDERWAY else "完成"
            dialog = StepDialog(self, title=f"项目{word}", intro=row.name, submit=submit,
                                fields=[Field("on", f"{word}日期", DATE, default=today, latest=today)],
                                settings_key="project_quick_step")
            if not dialog.exec():
                return
        self.reload()
        self.select_id(row.id)
        self.records_changed.emit()

    def _paper(self):
        from gridoffice.services.outcomes.papers import write_project_list

        year = self.year.value() or self.today().year
        return (f"{year}年为民办实事项目清单",
                lambda path: write_project_list(self.db, year, path, today=self.today()))
