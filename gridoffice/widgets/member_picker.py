"""Pick deputies and other people together (走访、值守、队伍): one search box over one checkable list,
deputies first, then people of the register, by name, full pinyin or initials."""
from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from gridoffice.db import Database
from gridoffice.services.common.lookups import deputy_choices, person_choices
from gridoffice.services.common.pinyin import matches

from .base_dialog import BaseDialog
from .form import ok_cancel_buttons

KEY_ROLE = Qt.ItemDataRole.UserRole
DEPUTY, PERSON = "deputy", "person"


class MemberPicker(QWidget):
    """Checked members stay checked while the list is filtered."""

    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText("输入姓名、拼音或首字母筛选（如 zlx）")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._filter)
        self.list = QListWidget(self)
        self.list.itemChanged.connect(self._on_changed)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.list, stretch=1)
        layout.addWidget(self.summary)
        self._search: dict[tuple[str, int], tuple[str, str, str]] = {}
        self._names: dict[tuple[str, int], str] = {}

    def load(self, db: Database, *, deputy_ids: Iterable[int] = (), person_ids: Iterable[int] = (),
             deputies: bool = True, people: bool = True) -> None:
        chosen = {(DEPUTY, i) for i in deputy_ids} | {(PERSON, i) for i in person_ids}
        entries = []
        if deputies:
            entries += [((DEPUTY, c.id), f"{c.name}（代表）　{c.levels}", c.name, c.name_pinyin, c.name_initials)
                        for c in deputy_choices(db)]
        if people:
            entries += [((PERSON, c.id), f"{c.name}（{c.role}）　{c.place}", c.name, c.name_pinyin, c.name_initials)
                        for c in person_choices(db)]
        self.list.blockSignals(True)
        self.list.clear()
        for key, label, name, full, initials in entries:
            item = QListWidgetItem(label, self.list)
            item.setData(KEY_ROLE, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
            self._search[key] = (name, full, initials)
            self._names[key] = name
        self.list.blockSignals(False)
        self._filter(self.search_box.text())
        self._update_summary()

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def selected(self) -> tuple[list[int], list[int]]:
        """(deputy ids, person ids) checked."""
        keys = [item.data(KEY_ROLE) for item in self._items() if item.checkState() == Qt.CheckState.Checked]
        return [i for kind, i in keys if kind == DEPUTY], [i for kind, i in keys if kind == PERSON]

    def set_checked(self, kind: str, member_id: int, checked: bool = True) -> None:
        for item in self._items():
            if item.data(KEY_ROLE) == (kind, member_id):
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def selected_names(self) -> list[str]:
        return [self._names[item.data(KEY_ROLE)] for item in self._items()
                if item.checkState() == Qt.CheckState.Checked]

    def _filter(self, text: str) -> None:
        for item in self._items():
            name, full, initials = self._search[item.data(KEY_ROLE)]
            item.setHidden(not matches(text, name, full, initials))

    def _on_changed(self, _item) -> None:
        self._update_summary()
        self.selection_changed.emit()

    def _update_summary(self) -> None:
        names = self.selected_names()
        self.summary.setText(f"已选 {len(names)} 人：{'、'.join(names)}" if names else "尚未选择")


class MemberPickerDialog(BaseDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, *, title: str = "选择人员",
                 deputy_ids: Iterable[int] = (), person_ids: Iterable[int] = ()):
        super().__init__(parent, settings_key="member_picker", title=title, default_size=(480, 580))
        self.picker = MemberPicker(self)
        self.picker.load(db, deputy_ids=deputy_ids, person_ids=person_ids)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(ok_cancel_buttons(self))
        self.picker.search_box.setFocus()


def pick_members(db: Database, parent: QWidget | None = None, **options) -> tuple[list[int], list[int]] | None:
    """(deputy ids, person ids) chosen, or None when the clerk cancels."""
    dialog = MemberPickerDialog(db, parent, **options)
    return dialog.picker.selected() if dialog.exec() else None
