"""意见分类: the categories the clerk files opinions under."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from gridoffice.db import Database
from gridoffice.services.opinions.lists import CategoryEntry, ListInputError, list_categories, save_categories
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import ok_cancel_buttons


class CategoryListDialog(BaseDialog):
    """Add, rename (double-click), remove unused ones, reorder."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent, settings_key="opinion_categories", title="意见分类", default_size=(420, 480))
        self.db = db
        self.list = QListWidget(self)
        self.list.itemDoubleClicked.connect(self.list.editItem)
        for entry in list_categories(db):
            self._add_item(entry)
        hint = QLabel("双击可改名；改名后已有意见一并改过来。已有意见使用的分类不能删除。", self)
        hint.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c62828;")
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

    def _add_item(self, entry: CategoryEntry) -> QListWidgetItem:
        item = QListWidgetItem(entry.name, self.list)
        item.setData(Qt.ItemDataRole.UserRole, entry.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setToolTip(f"已有 {entry.used} 条意见" if entry.used else "尚无意见使用")
        return item

    def add(self) -> None:
        item = self._add_item(CategoryEntry(None, "新分类"))
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
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def entries(self) -> list[CategoryEntry]:
        return [CategoryEntry(self.list.item(i).data(Qt.ItemDataRole.UserRole), self.list.item(i).text())
                for i in range(self.list.count())]

    def accept(self) -> None:
        try:
            save_categories(self.db, self.entries())
        except ListInputError as error:
            self.error_label.setText(str(error))
            return
        super().accept()
