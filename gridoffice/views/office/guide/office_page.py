"""Step 1: the office's name (on every printout) and its hotline (on every notice)."""
from dataclasses import replace

from PySide6.QtWidgets import QWidget

from gridoffice.services.office.setup import OfficeInputError, read_office_settings, save_office_settings
from gridoffice.views.forms.ui_office_settings import Ui_OfficeSettingsForm
from gridoffice.widgets.form import FormErrors

from .page import GuidePage


class OfficePage(GuidePage):
    step = "office"
    title = "办公室"
    heading = "第 1 步：办公室名称和热线"
    intro = "名称印在每一份打印件上，热线印在接待日公告上（没有可以不填）。"

    def __init__(self, db, clock, parent: QWidget | None = None):
        super().__init__(db, clock, parent)
        body = QWidget(self)
        self.ui = Ui_OfficeSettingsForm()
        self.ui.setupUi(body)
        self.errors = FormErrors(self.ui)
        for name in ("reception_time", "reception_place"):   # the defaults stay as they are: the rule says when
            getattr(self.ui, name).hide()
            getattr(self.ui, f"{name}_label").hide()
        self.layout_.addWidget(body)
        self.add_message_line()
        self.layout_.addStretch(1)

    def enter(self) -> None:
        current = read_office_settings(self.db)
        self.ui.office_name.setText(current.office_name)
        self.ui.hotline.setText(current.hotline)

    def first_field(self) -> QWidget:
        return self.ui.office_name

    def save(self) -> bool:
        self.errors.clear()
        current = read_office_settings(self.db)
        try:
            save_office_settings(self.db, replace(current, office_name=self.ui.office_name.text(),
                                                  hotline=self.ui.hotline.text()))
        except OfficeInputError as error:
            self.errors.show(error.field, str(error))
            return False
        return True
