"""A team: its name, grid and regular task, and its members (deputies and other people together)."""
from PySide6.QtWidgets import (QCheckBox, QComboBox, QLineEdit, QMessageBox, QVBoxLayout,
                               QWidget)

from gridoffice.db import Database
from gridoffice.services.common.lookups import grid_choices
from gridoffice.services.people.teams import TeamInput, TeamInputError, TeamRow, delete_team, save_team
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import ValidatedForm, save_bar
from gridoffice.widgets.member_picker import MemberPicker


class TeamDialog(BaseDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, *, team: TeamRow | None = None):
        super().__init__(parent, settings_key="team_form", title="新建队伍" if team is None else "编辑队伍",
                         default_size=(600, 680))
        self.db, self.team_id = db, team.id if team else None
        self.name = QLineEdit(team.name if team else "", self)
        self.name.setPlaceholderText("如：东湖社区敲门小组、“代表+律师+网格员”调解团")
        self.grid = QComboBox(self)
        self.grid.addItem("（不限一个网格）", None)
        for choice in grid_choices(db):
            self.grid.addItem(choice.label, choice.id)
        self.grid.setCurrentIndex(max(self.grid.findData(team.grid_id if team else None), 0))
        self.task = QLineEdit(team.task if team else "", self)
        self.task.setPlaceholderText("如：每周入户走访独居老人；调解邻里纠纷")
        self.members = QWidget(self)
        self.picker = MemberPicker(self.members)
        self.picker.load(db, deputy_ids=team.deputy_ids if team else (), person_ids=team.person_ids if team else ())
        box = QVBoxLayout(self.members)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.picker)
        self.active = QCheckBox("在用（停用后保留记录，不再出现在选择列表中）", self)
        self.active.setChecked(team.active if team else True)
        self.form = ValidatedForm()
        self.form.add_field("name", "队伍名称(&N)", self.name)
        self.form.add_field("grid", "网格(&G)", self.grid)
        self.form.add_field("task", "日常任务(&T)", self.task)
        self.form.add_field("members", "成员(&M)", self.members)
        self.form.addRow("", self.active)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(save_bar(self, "删除…" if team is not None else None, self.delete))
        self.name.setFocus()

    def team_input(self) -> TeamInput:
        deputy_ids, person_ids = self.picker.selected()
        return TeamInput(self.name.text(), self.grid.currentData(), self.task.text(), deputy_ids, person_ids,
                         self.active.isChecked())

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            self.team_id = save_team(self.db, self.team_input(), self.team_id)
        except TeamInputError as error:
            self.form.show_error(error.field if error.field in self.form.fields else "name", str(error))
            return
        super().accept()

    def delete(self) -> None:
        if QMessageBox.question(self, "删除队伍", f"确定删除“{self.name.text()}”吗？") != QMessageBox.StandardButton.Yes:
            return
        try:
            delete_team(self.db, self.team_id)
        except TeamInputError as error:
            QMessageBox.information(self, "不能删除", str(error))
            return
        super().accept()
