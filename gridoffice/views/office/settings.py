"""工具 → 办公室设置…: the office's name, hotline and default reception time and place."""
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gridoffice.db import Database
from gridoffice.services.office.setup import OfficeInputError, OfficeSettings, read_office_settings, save_office_settings
from gridoffice.views.forms.ui_office_settings import Ui_OfficeSettingsForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import FormErrors, ok_cancel_buttons


class OfficeSettingsDialog(BaseDialog):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent, settings_key="office_settings", title="办公室设置", default_size=(520, 300))
        self.db = db
        body = QWidget(self)
        self.ui = Ui_OfficeSettingsForm()
        self.ui.setupUi(body)
        self.errors = FormErrors(self.ui)
        current = read_office_settings(db)
        self.ui.office_name.setText(current.office_name)
        self.ui.hotline.setText(current.hotline)
        self.ui.reception_time.setText(current.reception_time)
        self.ui.reception_place.setText(current.reception_place)
        layout = QVBoxLayout(self)
        layout.addWidget(body)
        layout.addStretch(1)
        layout.addWidget(ok_cancel_buttons(self, "保存"))

    def settings(self) -> OfficeSettings:
        return OfficeSettings(self.ui.office_name.text(), self.ui.hotline.text(), self.ui.reception_time.text(),
                              self.ui.reception_place.text())

    def accept(self) -> None:
        self.errors.clear()
        try:
            save_office_settings(self.db, self.settings())
        except OfficeInputError as error:
            self.errors.show(error.field, str(error))
            return
        super().accept()
