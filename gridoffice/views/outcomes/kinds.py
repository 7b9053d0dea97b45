"""会议类型, 纠纷类型, 实事类别: the lists the clerk edits (工具 menu). An entry records use cannot
be removed; the order here is the order of the drop-downs."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from gridoffice.db import Database
from gridoffice.domain.errors import FieldError
from gridoffice.domain.outcome_rules import KIND_LIST_LABELS
from gridoffice.services.outcomes.common import list_kinds, save_kinds
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import ERROR_STYLE, ok_cancel_buttons


class KindListDialog(BaseDialog):
    """Add, rename (double-click), remove, reorder; saved as a whole."""

    def __init__(self, db: Database, list_name: str, parent: QWidget | None = None):
        label = KIND_LIST_LABELS[list_name]
        super().__init__(parent, settings_key=f"kinds_{list_name}", title=label, default_size=(400, 460))
        self.db, self.list_name = db, list_name
        self.list = QListWidget(self)
        self.list.itemDoubleClicked.connect(self.list.editItem)
        for name in list_kinds(db, list_name):
            self._add_item(name)
        hint = QLabel(f"双击可改名。已有记录使用的{label}不能删除；排在前面的在下拉列表中也在前面。", self)
        hint.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        side = QVBoxLayout()
        for text, slot in (("添加", self.add), ("删除", self.remove), ("上移", lambda: self.move(-1)),
                           ("下移", lambda: self.move(1))):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            side.addWidget(button)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, stretch=1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(body)
        layout.addWidget(self.error_label)
        layout.addWidget(ok_cancel_buttons(self, "保存"))

    def _add_item(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name, self.list)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def add(self) -> None:
        item = self._add_item("新类型")
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def move(self, offset: int) -> None:
        row = self.list.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.list.count():
            return
        self.list.insertItem(target, self.list.takeItem(row))
        self.list.setCurrentRow(target)

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def accept(self) -> None:
        try:
            save_kinds(self.db, self.list_name, self.names())
        except FieldError as error:
            self.error_label.setText(str(error))
            return
        super().accept()
