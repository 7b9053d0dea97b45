"""Pick one or several deputies by name, full pinyin or initials (zlx finds 张利霞)."""
from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from gridoffice.db import Database
from gridoffice.services.common.lookups import DeputyChoice, deputy_choices
from gridoffice.services.common.pinyin import matches

from .base_dialog import BaseDialog, mark_transient
from .form import ok_cancel_buttons

ID_ROLE = Qt.ItemDataRole.UserRole


class DeputyPicker(QWidget):
    """A search box over a checkable list; checked deputies stay checked while the list is filtered."""

    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, single: bool = False):
        super().__init__(parent)
        self.single = single
        self.search_box = mark_transient(QLineEdit(self))   # it filters the list: not part of what is saved
        self.search_box.setPlaceholderText("输入姓名、拼音或首字母筛选（如 zlx）")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._filter)
        self.list = QListWidget(self)
        self.list.itemChanged.connect(self._on_item_changed)
        self.summary = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.list, stretch=1)
        layout.addWidget(self.summary)
        self._choices: dict[int, DeputyChoice] = {}

    def set_choices(self, choices: Sequence[DeputyChoice], selected: Iterable[int] = ()) -> None:
        chosen = set(selected)
        self._choices = {choice.id: choice for choice in choices}
        self.list.blockSignals(True)
        self.list.clear()
        for choice in choices:
            item = QListWidgetItem(choice.label, self.list)
            item.setData(ID_ROLE, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if choice.id in chosen else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._filter(self.search_box.text())
        self._update_summary()

    def selected_ids(self) -> list[int]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def selected_names(self) -> list[str]:
        return [self._choices[i].name for i in self.selected_ids()]

    def _filter(self, text: str) -> None:
        for index in range(self.list.count()):
            item = self.list.item(index)
            choice = self._choices[item.data(ID_ROLE)]
            item.setHidden(not matches(text, choice.name, choice.name_pinyin, choice.name_initials))

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self.single and item.checkState() == Qt.CheckState.Checked:
            self.list.blockSignals(True)
            for index in range(self.list.count()):
                other = self.list.item(index)
                if other is not item:
                    other.setCheckState(Qt.CheckState.Unchecked)
            self.list.blockSignals(False)
        self._update_summary()
        self.selection_changed.emit()

    def _update_summary(self) -> None:
        names = self.selected_names()
        self.summary.setText(f"已选 {len(names)} 人：{'、'.join(names)}" if names else "尚未选择")


class DeputyPickerDialog(BaseDialog):
    is_form = False   # it picks for the form that opened it: cancelling never asks

    def __init__(self, db: Database, parent: QWidget | None = None, *, title: str = "选择代表",
                 selected: Iterable[int] = (), include_retired: bool = False, single: bool = False):
        super().__init__(parent, settings_key="deputy_picker", title=title, default_size=(460, 560))
        self.picker = DeputyPicker(self, single=single)
        self.picker.set_choices(deputy_choices(db, include_retired=include_retired), selected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(ok_cancel_buttons(self))
        self.picker.search_box.setFocus()


def pick_deputies(db: Database, parent: QWidget | None = None, **options) -> list[int] | None:
    """The chosen deputies' ids, or None when the clerk cancels."""
    dialog = DeputyPickerDialog(db, parent, **options)
    return dialog.picker.selected_ids() if dialog.exec() else None
