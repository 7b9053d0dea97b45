"""A short list the clerk edits as a whole (意见分类, 会议类型…): add, rename by double-click,
remove, reorder; 保存 saves it, and a refusal is said under the list."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from gridoffice.domain.errors import FieldError
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import ERROR_STYLE, ok_cancel_buttons


class EditableListDialog(BaseDialog):
    new_entry = "新项"   # the name a new entry starts with
    new_entry_tip = ""

    def __init__(self, parent: QWidget | None, *, settings_key: str, title: str, hint: str,
                 default_size: tuple[int, int]):
        super().__init__(parent, settings_key=settings_key, title=title, default_size=default_size)
        self.list = QListWidget(self)
        self.list.itemDoubleClicked.connect(self.list.editItem)
        hint_label = QLabel(hint, self)
        hint_label.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        side = QVBoxLayout()
        for text, slot in (("添加", self.add), ("删除", self.remove), ("上移", lambda: self.move(-1)),
                           ("下移", lambda: self.move(1))):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            side.addWidget(button)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, stretch=1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label)
        layout.addLayout(body)
        layout.addWidget(self.error_label)
        layout.addWidget(ok_cancel_buttons(self, "保存"))

    def add_entry(self, name: str, key: object = None, tip: str = "") -> QListWidgetItem:
        """One entry; `key` (kept as the item's data) tells a renamed entry from a new one."""
        item = QListWidgetItem(name, self.list)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setToolTip(tip)
        return item

    def add(self) -> None:
        item = self.add_entry(self.new_entry, tip=self.new_entry_tip)
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

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def save(self) -> None:
        """Write the list (a subclass's service call); raises FieldError with the reason."""
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.save()
        except FieldError as error:
            self.error_label.setText(str(error))
            return
        super().accept()
