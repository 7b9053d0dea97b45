"""The duty form (ui/duty_form.ui): a post's kind and name, when it recurs (weekly, monthly,
quarterly or on school days within terms), its hours, how many people a shift takes, where, and the
pool of deputies and other people it draws from."""
import datetime as dt

from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from gridoffice.db import Database
from gridoffice.domain.enums import DutyRecurrence
from gridoffice.services.common.lookups import deputy_choices, duty_kind_choices, grid_choices, person_choices, station_choices
from gridoffice.services.duties.plans import NTH_LABELS, DutyInput, DutyInputError, delete_duty, duty_input, save_duty
from gridoffice.views.forms.ui_duty_form import Ui_DutyForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import from_qtime, to_qtime
from gridoffice.widgets.form import FormErrors, save_bar
from gridoffice.widgets.member_picker import pick_members

R = DutyRecurrence


class DutyDialog(BaseDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, *, duty_id: int | None = None,
                 kind_id: int | None = None):
        super().__init__(parent, settings_key="duty_form", title="新增值守岗位" if duty_id is None else "编辑值守岗位",
                         default_size=(640, 700))
        self.db, self.duty_id = db, duty_id
        self.deleted = False
        body = QWidget(self)
        self.ui = Ui_DutyForm()
        self.ui.setupUi(body)
        self.errors = FormErrors(self.ui)
        self.weekday_boxes = [getattr(self.ui, f"weekday_{n}") for n in range(7)]
        ui = self.ui
        for kind in duty_kind_choices(db):
            ui.kind.addItem(kind.name, kind.id)
        ui.recurrence.addItems([r.value for r in R])
        for nth, label in NTH_LABELS.items():
            ui.nth.addItem(label, nth)
        ui.grid.addItem("（不限）", None)
        for choice in grid_choices(db):
            ui.grid.addItem(choice.label, choice.id)
        ui.station.addItem("（不限）", None)
        for station in station_choices(db):
            ui.station.addItem(station.name, station.id)
        ui.pool_row.setStretch(0, 1)
        ui.choose_pool.setMaximumWidth(110)
        ui.per_shift.setMaximumWidth(140)
        ui.recurrence.currentTextChanged.connect(self._show_recurrence)
        ui.choose_pool.clicked.connect(self.choose_pool)
        self._deputy_names = {c.id: c.name for c in deputy_choices(db)}
        self._person_names = {c.id: c.name for c in person_choices(db)}
        data = duty_input(db, duty_id) if duty_id is not None else DutyInput(
            kind_id, "", R.WEEKLY.value, (0,), 1, "", dt.time(9, 0), dt.time(11, 0), 2)
        self._show(data)
        layout = QVBoxLayout(self)
        layout.addWidget(body)
        layout.addStretch(1)
        layout.addLayout(save_bar(self, "删除岗位…" if duty_id is not None else None, self.delete))
        ui.name.setFocus()

    def _show(self, data: DutyInput) -> None:
        ui = self.ui
        ui.kind.setCurrentIndex(max(ui.kind.findData(data.kind_id), 0))
        ui.name.setText(data.name)
        ui.recurrence.setCurrentText(data.recurrence)
        for n, box in enumerate(self.weekday_boxes):
            box.setChecked(n in data.weekdays)
        ui.nth.setCurrentIndex(max(ui.nth.findData(data.nth), 0))
        ui.terms.setText(data.terms)
        ui.start_time.setTime(to_qtime(data.start_time))
        ui.end_time.setTime(to_qtime(data.end_time))
        ui.per_shift.setValue(data.per_shift)
        ui.grid.setCurrentIndex(max(ui.grid.findData(data.grid_id), 0))
        ui.station.setCurrentIndex(max(ui.station.findData(data.station_id), 0))
        ui.place.setText(data.place)
        ui.active.setChecked(data.active)
        ui.notes.setPlainText(data.notes)
        self.deputy_ids, self.person_ids = list(data.deputy_ids), list(data.person_ids)
        self._show_pool()
        self._show_recurrence(data.recurrence)

    def _show_recurrence(self, recurrence: str) -> None:
        ui = self.ui
        ui.nth.setEnabled(recurrence in (R.MONTHLY.value, R.QUARTERLY.value))
        ui.terms.setEnabled(recurrence == R.SCHOOL_DAYS.value)
        tip = {R.WEEKLY.value: "每周在勾选的星期值守，遇节假日顺延",
               R.MONTHLY.value: "每月第几个星期几（只看勾选的第一个星期），遇节假日顺延",
               R.QUARTERLY.value: "1、4、7、10 月的第几个星期几，遇节假日顺延",
               R.SCHOOL_DAYS.value: "学期内的工作日中勾选的星期（都不勾选则每个上学日，含调休上课的周末），节假日和寒暑假不排"}
        ui.recurrence.setToolTip(tip.get(recurrence, ""))

    def _show_pool(self) -> None:
        names = [f"{self._deputy_names.get(i, '?')}（代表）" for i in self.deputy_ids] + [
            self._person_names.get(i, "?") for i in self.person_ids]
        self.ui.pool_names.setText(f"{len(names)} 人：{'、'.join(names)}" if names else "尚未选择")

    def choose_pool(self) -> None:
        chosen = pick_members(self.db, self, title="值守人员库（代表和其他人员）", deputy_ids=self.deputy_ids,
                              person_ids=self.person_ids)
        if chosen is not None:
            self.deputy_ids, self.person_ids = chosen
            self._show_pool()

    def duty_input(self) -> DutyInput:
        ui = self.ui
        return DutyInput(ui.kind.currentData(), ui.name.text(), ui.recurrence.currentText(),
                         tuple(n for n, box in enumerate(self.weekday_boxes) if box.isChecked()), ui.nth.currentData(),
                         ui.terms.text(), from_qtime(ui.start_time.time()), from_qtime(ui.end_time.time()),
                         ui.per_shift.value(), ui.grid.currentData(), ui.station.currentData(), ui.place.text(),
                         self.deputy_ids, self.person_ids, ui.active.isChecked(), ui.notes.toPlainText())

    def accept(self) -> None:
        self.errors.clear()
        try:
            self.duty_id = save_duty(self.db, self.duty_input(), self.duty_id)
        except DutyInputError as error:
            self.errors.show(error.field if error.field in self.errors.labels else "name", str(error))
            return
        super().accept()

    def delete(self) -> None:
        if QMessageBox.question(self, "删除岗位", f"确定删除“{self.ui.name.text()}”及其计划中的值守吗？") \
                != QMessageBox.StandardButton.Yes:
            return
        try:
            delete_duty(self.db, self.duty_id)
        except DutyInputError as error:
            QMessageBox.information(self, "不能删除", str(error))
            return
        self.deleted = True
        super().accept()
