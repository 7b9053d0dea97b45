"""登记走访: when, who (deputies and other people, the household's deputy and grid worker ticked to
start with), the team it is credited to, what was done and what services or devices were provided."""
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout,
                               QWidget)

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.domain.rules import join_multi, split_multi
from gridoffice.services.common.lookups import team_choices, visit_service_choices
from gridoffice.services.households.ledger import household_detail
from gridoffice.services.households.visits import VisitInput, VisitInputError, record_visit
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import date_edit, from_qdate
from gridoffice.widgets.form import ValidatedForm, ok_cancel_buttons
from gridoffice.widgets.member_picker import MemberPicker


class VisitDialog(BaseDialog):
    def __init__(self, db: Database, clock: Clock, household_id: int, parent: QWidget | None = None):
        super().__init__(parent, settings_key="household_visit", title="登记入户走访", default_size=(640, 720))
        self.db, self.clock, self.household_id = db, clock, household_id
        detail = household_detail(db, household_id)
        self.date = date_edit(self, clock.today(), latest=clock.today())
        self.visitors = QWidget(self)
        self.picker = MemberPicker(self.visitors)
        self.picker.load(db, deputy_ids=[detail.data.deputy_id] if detail.data.deputy_id else [],
                         person_ids=[detail.data.worker_id] if detail.data.worker_id else [])
        self.picker.list.setMinimumHeight(200)
        box = QVBoxLayout(self.visitors)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.picker)
        self.team = QComboBox(self)
        self.team.addItem("（不记入队伍）", None)
        for team in team_choices(db):
            self.team.addItem(team.label, team.id)
        self.services = QWidget(self)
        grid = QGridLayout(self.services)
        grid.setContentsMargins(0, 0, 0, 0)
        self.service_boxes = []
        for n, service in enumerate(visit_service_choices()):
            check = QCheckBox(service, self.services)
            grid.addWidget(check, n // 4, n % 4)
            self.service_boxes.append(check)
        self.other_services = QLineEdit(self)
        self.other_services.setPlaceholderText("其他服务或设备，用顿号分隔")
        self.summary = QPlainTextEdit(self)
        self.summary.setPlaceholderText("走访情况：身体、生活、需求…（不要写身份证号等不必要的信息）")
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(70)
        self.form = ValidatedForm()
        self.form.add_field("date", "走访日期(&D)", self.date)
        self.form.add_field("visitors", "走访人员(&V)", self.visitors)
        self.form.add_field("team", "记入队伍(&T)", self.team)
        self.form.add_field("services", "服务和设备(&S)", self.services)
        self.form.addRow("", self.other_services)
        self.form.add_field("summary", "走访情况(&M)", self.summary)
        note = QLabel(f"{detail.address}。有代表参加的走访同时记入“走访记录”；同一天、同一批代表在本网格的走访合为一次活动。", self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #607d8b;")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(self.form)
        layout.addWidget(ok_cancel_buttons(self, "登记"))
        self.picker.search_box.setFocus()

    def visit_input(self) -> VisitInput:
        deputy_ids, person_ids = self.picker.selected()
        services = [box.text() for box in self.service_boxes if box.isChecked()] + split_multi(self.other_services.text())
        return VisitInput(self.household_id, from_qdate(self.date.date()), deputy_ids, person_ids,
                          self.summary.toPlainText(), join_multi(dict.fromkeys(services)), self.team.currentData())

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            self.result_ = record_visit(self.db, self.visit_input(), today=self.clock.today())
        except VisitInputError as error:
            self.form.show_error(error.field if error.field in self.form.fields else "visitors", str(error))
            return
        super().accept()
