"""The person form (ui/person_form.ui): name, role, community and grid, organisation, phone with
consent to print it, still serving or not."""
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from gridoffice.db import Database
from gridoffice.services.common.lookups import community_choices, grid_choices, person_role_choices
from gridoffice.services.people.register import (PersonInput, PersonInputError, delete_person, person_input,
                                                 save_person)
from gridoffice.views.forms.ui_person_form import Ui_PersonForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import FormErrors, save_bar


class PersonDialog(BaseDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, *, person_id: int | None = None,
                 role: str | None = None):
        super().__init__(parent, settings_key="person_form", title="新增人员" if person_id is None else "编辑人员",
                         default_size=(560, 480))
        self.db, self.person_id = db, person_id
        self.deleted = False
        body = QWidget(self)
        self.ui = Ui_PersonForm()
        self.ui.setupUi(body)
        self.errors = FormErrors(self.ui)
        ui = self.ui
        ui.role.addItems(person_role_choices())
        ui.community.addItem("（不限）", None)
        for choice in community_choices(db):
            ui.community.addItem(choice.label, choice.id)
        ui.grid.addItem("（不限）", None)
        for choice in grid_choices(db):
            ui.grid.addItem(choice.label, choice.id)
        data = person_input(db, person_id) if person_id is not None else PersonInput("", role or person_role_choices()[1])
        ui.name.setText(data.name)
        ui.role.setCurrentText(data.role)
        ui.community.setCurrentIndex(max(ui.community.findData(data.community_id), 0))
        ui.grid.setCurrentIndex(max(ui.grid.findData(data.grid_id), 0))
        ui.organisation.setText(data.organisation)
        ui.phone.setText(data.phone)
        ui.phone_public.setChecked(data.phone_public)
        ui.active.setChecked(data.active)
        ui.notes.setPlainText(data.notes)
        layout = QVBoxLayout(self)
        layout.addWidget(body)
        layout.addStretch(1)
        layout.addLayout(save_bar(self, "删除…" if person_id is not None else None, self.delete))
        ui.name.setFocus()

    def person_input(self) -> PersonInput:
        ui = self.ui
        return PersonInput(ui.name.text(), ui.role.currentText(), ui.community.currentData(), ui.grid.currentData(),
                           ui.organisation.text(), ui.phone.text(), ui.phone_public.isChecked(), ui.active.isChecked(),
                           ui.notes.toPlainText())

    def accept(self) -> None:
        self.errors.clear()
        try:
            self.person_id = save_person(self.db, self.person_input(), self.person_id)
        except PersonInputError as error:
            self.errors.show(error.field if error.field in self.errors.labels else "name", str(error))
            return
        super().accept()

    def delete(self) -> None:
        if QMessageBox.question(self, "删除人员", f"确定删除“{self.ui.name.text()}”吗？") != QMessageBox.StandardButton.Yes:
            return
        try:
            delete_person(self.db, self.person_id)
        except PersonInputError as error:
            QMessageBox.information(self, "不能删除", str(error))
            return
        self.deleted = True
        super().accept()
