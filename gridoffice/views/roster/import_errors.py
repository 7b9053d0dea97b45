"""A refused import: every problem of the file as (row, column, reason); nothing was imported."""
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from gridoffice.services.common.excel_io import RowError
from gridoffice.widgets.base_dialog import BaseDialog


class ImportErrorsDialog(BaseDialog):
    def __init__(self, file_name: str, errors: Sequence[RowError], parent: QWidget | None = None):
        super().__init__(parent, settings_key="import_errors", title="导入失败：文件中有问题", default_size=(760, 520))
        self.errors = list(errors)
        rows = sorted({e.row for e in self.errors})
        summary = QLabel(f"“{file_name}”中有 {len(rows)} 行、共 {len(self.errors)} 处问题，<b>没有导入任何数据</b>。"
                         "请在 Excel 中改正后重新导入。", self)
        summary.setWordWrap(True)
        self.table = QTableWidget(len(self.errors), 3, self)
        self.table.setHorizontalHeaderLabels(["行", "列", "问题"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        for r, error in enumerate(self.errors):
            for c, text in enumerate((str(error.row), error.column or "整行", error.reason)):
                item = QTableWidgetItem(text)
                item.setToolTip(error.reason)
                if c < 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        self.table.setColumnWidth(0, 56)
        self.table.setColumnWidth(1, 110)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        copy_button = QPushButton("复制问题清单", self)
        copy_button.clicked.connect(self.copy_to_clipboard)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(copy_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, stretch=1)
        layout.addLayout(bottom)

    def text(self) -> str:
        return "\n".join(str(error) for error in self.errors)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
