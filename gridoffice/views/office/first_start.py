"""The first start: no office in this database yet, so open the demo office or start an empty one,
or, when the program was started with a backup (a .gobak double-clicked on a new PC), restore it."""
from pathlib import Path

from PySide6.QtWidgets import QButtonGroup, QVBoxLayout, QWidget

from gridoffice import APP_TITLE
from gridoffice.services.office.setup import OfficeInputError, OfficeSettings, validate_office_settings
from gridoffice.views.forms.ui_first_start import Ui_FirstStartForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import FormErrors, ok_cancel_buttons


class FirstStartDialog(BaseDialog):
    """No office yet: open the demo office, or start an empty one with a name and hotline, or
    (backup_file given) restore that backup, the choice offered first."""

    DEMO, EMPTY, RESTORE = 0, 1, 2

    def __init__(self, db_path: Path | str, parent: QWidget | None = None, *, backup_file: Path | None = None):
        super().__init__(parent, settings_key="first_start", title=f"欢迎使用 {APP_TITLE}", default_size=(520, 380))
        body = QWidget(self)
        self.ui = Ui_FirstStartForm()
        self.ui.setupUi(body)
        self.errors = FormErrors(self.ui)
        opened = f"\n\n打开的备份文件：\n{backup_file}" if backup_file else ""
        self.ui.intro.setText(f"这是第一次使用这个数据库：\n{db_path}{opened}\n\n请选择：")
        self.choices = QButtonGroup(self)
        self.choices.addButton(self.ui.demo_choice, self.DEMO)
        self.choices.addButton(self.ui.empty_choice, self.EMPTY)
        self.choices.addButton(self.ui.restore_choice, self.RESTORE)
        if backup_file is not None:
            self.ui.restore_choice.show()
            self.ui.restore_choice.setChecked(True)
        self.choices.idToggled.connect(self._update_enabled)
        self._update_enabled()

        layout = QVBoxLayout(self)
        layout.addWidget(body)
        layout.addStretch(1)
        layout.addWidget(ok_cancel_buttons(self, "开始"))

    def _update_enabled(self, *_args) -> None:
        empty = self.choice() == self.EMPTY
        self.ui.office_name.setEnabled(empty)
        self.ui.hotline.setEnabled(empty)
        if empty:
            self.ui.office_name.setFocus()

    def choice(self) -> int:
        return self.choices.checkedId()

    def office_name(self) -> str:
        return self.ui.office_name.text()

    def hotline(self) -> str:
        return self.ui.hotline.text()

    def accept(self) -> None:
        self.errors.clear()
        if self.choice() == self.EMPTY:
            try:
                validate_office_settings(OfficeSettings(self.office_name(), self.hotline()))
            except OfficeInputError as error:
                self.errors.show(error.field, str(error))
                return
        super().accept()
