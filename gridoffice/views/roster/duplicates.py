"""An import file that is valid but repeats people: skip them, or update the roster from the file."""
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from gridoffice.domain.rules import mask_phone
from gridoffice.services.roster.excel import SKIP, UPDATE, ImportPlan
from gridoffice.widgets.base_dialog import BaseDialog


class DuplicatesDialog(BaseDialog):
    """`choice` is SKIP or UPDATE once the clerk picks one; the dialog is rejected on 取消导入."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None):
        super().__init__(parent, settings_key="import_duplicates", title="发现重复的代表", default_size=(760, 480))
        self.choice: str | None = None
        summary = QLabel(f"“{plan.file_name}”共 {len(plan.rows)} 行，其中 {len(plan.duplicates)} 行与名册或文件中前面的行"
                         f"姓名和手机都相同（新代表 {plan.new_count} 人）。请选择如何处理重复的行：", self)
        summary.setWordWrap(True)
        table = QTableWidget(len(plan.duplicates), 4, self)
        table.setHorizontalHeaderLabels(["行", "姓名", "手机", "重复情况"])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, duplicate in enumerate(plan.duplicates):
            for c, text in enumerate((str(duplicate.row), duplicate.name, mask_phone(duplicate.mobile), duplicate.reason)):
                table.setItem(r, c, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(0, 56)
        table.setColumnWidth(2, 120)
        self.table = table
        buttons = QDialogButtonBox(self)
        self.skip_button = buttons.addButton("跳过重复的行", QDialogButtonBox.ButtonRole.AcceptRole)
        self.update_button = buttons.addButton("用文件内容更新", QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton("取消导入", QDialogButtonBox.ButtonRole.RejectRole)
        self.skip_button.clicked.connect(lambda: self._choose(SKIP))
        self.update_button.clicked.connect(lambda: self._choose(UPDATE))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(table, stretch=1)
        layout.addWidget(buttons)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
