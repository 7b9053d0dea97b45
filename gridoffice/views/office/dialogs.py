"""Office-wide dialogs: first start, office settings, about, self-test results."""
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QButtonGroup, QDialogButtonBox, QLabel, QLineEdit, QMessageBox,
                               QRadioButton, QVBoxLayout, QWidget)

from gridoffice import APP_TITLE, __version__
from gridoffice.db import Database
from gridoffice.db.migrate import head_revision
from gridoffice.services.office.setup import (OfficeInputError, OfficeSettings, read_office_settings, save_office_settings,
                                        validate_office_settings)
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.views.forms.ui_office_settings import Ui_OfficeSettingsForm
from gridoffice.widgets.form import FormErrors, ValidatedForm, ok_cancel_buttons


class FirstStartDialog(BaseDialog):
    """No office yet: open the demo office, or start an empty one with a name and hotline."""

    DEMO, EMPTY = 0, 1

    def __init__(self, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent, settings_key="first_start", title=f"欢迎使用 {APP_TITLE}", default_size=(520, 380))
        intro = QLabel(f"这是第一次使用这个数据库：\n{db_path}\n\n请选择：", self)
        intro.setWordWrap(True)
        self.demo_choice = QRadioButton("打开演示办公室（示例数据，可随意试用，不影响正式数据）", self)
        self.empty_choice = QRadioButton("新建空白办公室（开始录入本办公室的正式数据）", self)
        self.choices = QButtonGroup(self)
        self.choices.addButton(self.demo_choice, self.DEMO)
        self.choices.addButton(self.empty_choice, self.EMPTY)
        self.demo_choice.setChecked(True)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText("例如：某某街道人大工委")
        self.hotline_edit = QLineEdit(self)
        self.hotline_edit.setPlaceholderText("例如：0395-1234567，可以以后再填")
        self.form = ValidatedForm()
        self.form.add_field("office_name", "办公室名称", self.name_edit)
        self.form.add_field("hotline", "联系热线", self.hotline_edit)
        self.choices.idToggled.connect(self._update_enabled)
        self._update_enabled()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.demo_choice)
        layout.addWidget(self.empty_choice)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(ok_cancel_buttons(self, "开始"))

    def _update_enabled(self, *_args) -> None:
        empty = self.choice() == self.EMPTY
        self.name_edit.setEnabled(empty)
        self.hotline_edit.setEnabled(empty)
        if empty:
            self.name_edit.setFocus()

    def choice(self) -> int:
        return self.choices.checkedId()

    def accept(self) -> None:
        self.form.clear_errors()
        if self.choice() == self.EMPTY:
            try:
                validate_office_settings(OfficeSettings(self.name_edit.text(), self.hotline_edit.text()))
            except OfficeInputError as error:
                self.form.show_error(error.field, str(error))
                return
        super().accept()


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


class AboutDialog(BaseDialog):
    def __init__(self, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent, settings_key="about", title="关于 gridoffice", default_size=(520, 320))
        text = QLabel(
            f"<h3>{APP_TITLE}（gridoffice）{__version__}</h3>"
            "<p>街道人大工委的桌面程序：代表名册、网格、走访记录、民情办理、接待日历与打印。全部数据保存在本机，无需联网。</p>"
            f"<p>数据库：{db_path}<br>数据库结构版本：{head_revision()}</p>"
            "<p>内置字体：文泉驿微米黑（Apache-2.0）、霞鹜文楷（SIL OFL 1.1），许可证见 resources/fonts。</p>",
            self,
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addStretch(1)
        layout.addWidget(buttons)


def show_selftest(parent: QWidget) -> None:
    from gridoffice.services.office.selftest import run_selftest  # makes a PDF: ReportLab only when asked

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        checks = run_selftest()
    finally:
        QApplication.restoreOverrideCursor()
    lines = [f"{'✔' if c.ok else '✘'} {c.name}：{c.detail}" for c in checks]
    if all(c.ok for c in checks):
        QMessageBox.information(parent, "系统自检通过", "\n".join(lines))
    else:
        QMessageBox.warning(parent, "系统自检发现问题", "\n".join(lines))
