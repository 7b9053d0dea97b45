"""Before exporting the roster: which deputies (as filtered, or all) and whether mobiles are masked."""
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QRadioButton, QVBoxLayout, QWidget

from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import ok_cancel_buttons


class ExportDialog(BaseDialog):
    def __init__(self, shown: int, total: int, parent: QWidget | None = None):
        super().__init__(parent, settings_key="roster_export", title="导出代表名册", default_size=(440, 260))
        self.shown_choice = QRadioButton(f"当前筛选出的 {shown} 名代表", self)
        self.all_choice = QRadioButton(f"全部 {total} 名代表（含离任）", self)
        self.shown_choice.setChecked(True)
        self.masked_choice = QRadioButton("手机号隐藏中间四位（如 138****1234）", self)
        self.full_choice = QRadioButton("完整手机号（仅供内部使用，注意保管）", self)
        self.masked_choice.setChecked(True)
        scope_box = QGroupBox("导出哪些代表", self)
        scope = QVBoxLayout(scope_box)
        self._scope = QButtonGroup(self)
        phone_box = QGroupBox("手机号", self)
        phone = QVBoxLayout(phone_box)
        self._phone = QButtonGroup(self)
        for group, column, buttons in ((self._scope, scope, (self.shown_choice, self.all_choice)),
                                       (self._phone, phone, (self.masked_choice, self.full_choice))):
            for button in buttons:
                group.addButton(button)
                column.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(scope_box)
        layout.addWidget(phone_box)
        layout.addStretch(1)
        layout.addWidget(ok_cancel_buttons(self, "选择保存位置…"))

    @property
    def all_rows(self) -> bool:
        return self.all_choice.isChecked()

    @property
    def full_phone(self) -> bool:
        return self.full_choice.isChecked()
