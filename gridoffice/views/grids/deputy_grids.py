"""A deputy's grids (进网格): every grid of the office by community, checkable and searchable."""
from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from gridoffice.db import Database
from gridoffice.services.common.pinyin import matches, pinyin_of
from gridoffice.services.grids.editing import deputy_grids, set_deputy_grids
from gridoffice.services.grids.values import GridInputError
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import ok_cancel_buttons

ID_ROLE = Qt.ItemDataRole.UserRole
# the theme draws check boxes for lists and tables only; a tree gets the same icons here
TREE_CHECKBOXES = """
QTreeView::indicator { width: 20px; height: 20px; }
QTreeView::indicator:unchecked { image: url(icon:/primary/checkbox_unchecked.svg); }
QTreeView::indicator:checked { image: url(icon:/primary/checkbox_checked.svg); }
QTreeView::indicator:indeterminate { image: url(icon:/primary/checkbox_indeterminate.svg); }
"""


class GridPicker(QWidget):
    """Grids by community, checkable, filtered by code, name, community or their pinyin (xysq finds 西园社区)."""

    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText("输入网格编号、名称、社区或拼音首字母筛选")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._filter)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setStyleSheet(TREE_CHECKBOXES)
        self.tree.itemChanged.connect(lambda *_: self._update_summary())
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.tree, stretch=1)
        layout.addWidget(self.summary)
        self._search: dict[int, tuple[str, str, str]] = {}
        self._codes: dict[int, str] = {}

    def set_grids(self, grids: Iterable[tuple[int, str, str, str]], selected: Iterable[int] = ()) -> None:
        """grids: (id, code, name, community), in display order."""
        chosen = set(selected)
        self.tree.blockSignals(True)
        self.tree.clear()
        parents: dict[str, QTreeWidgetItem] = {}
        for grid_id, code, name, community in grids:
            parent = parents.get(community)
            if parent is None:
                parent = parents[community] = QTreeWidgetItem(self.tree, [community])
                parent.setFlags(parent.flags() | Qt.ItemFlag.ItemIsAutoTristate | Qt.ItemFlag.ItemIsUserCheckable)
            item = QTreeWidgetItem(parent, [f"{code}　{name}"])
            item.setData(0, ID_ROLE, grid_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if grid_id in chosen else Qt.CheckState.Unchecked)
            full, initials = pinyin_of(f"{community}{name}")
            self._search[grid_id] = (f"{code} {name} {community}".lower(), full, initials)
            self._codes[grid_id] = code
        self.tree.blockSignals(False)
        for parent in parents.values():
            parent.setExpanded(any(self._checked(parent.child(i)) for i in range(parent.childCount())))
        self._update_summary()

    @staticmethod
    def _checked(item: QTreeWidgetItem) -> bool:
        return item.checkState(0) == Qt.CheckState.Checked

    def _leaves(self):
        for top in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(top)
            for index in range(parent.childCount()):
                yield parent, parent.child(index)

    def selected_ids(self) -> list[int]:
        return [item.data(0, ID_ROLE) for _parent, item in self._leaves() if self._checked(item)]

    def _filter(self, text: str) -> None:
        query = text.strip().lower()
        shown_parents: set[int] = set()
        for parent, item in self._leaves():
            plain, full, initials = self._search[item.data(0, ID_ROLE)]
            visible = matches(query, plain, full, initials)
            item.setHidden(not visible)
            if visible:
                shown_parents.add(id(parent))
        for top in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(top)
            parent.setHidden(id(parent) not in shown_parents)
            if query:
                parent.setExpanded(True)

    def _update_summary(self) -> None:
        codes = [self._codes[i] for i in self.selected_ids()]
        self.summary.setText(f"已选 {len(codes)} 个网格：{'、'.join(codes)}" if codes else "尚未选择网格")
        self.selection_changed.emit()


class DeputyGridsDialog(BaseDialog):
    """A deputy's grids (进网格), chosen from every grid of the office."""

    def __init__(self, db: Database, deputy_id: int, parent: QWidget | None = None):
        super().__init__(parent, settings_key="deputy_grids", title="代表的网格", default_size=(480, 600))
        self.db = db
        self.deputy_id = deputy_id
        deputy = deputy_grids(db, deputy_id)
        self.setWindowTitle(f"为 {deputy.name} 分配网格")
        intro = QLabel(f"<b>{deputy.name}</b>　{deputy.details}<br>勾选该代表联系的网格（可多选）。", self)
        intro.setWordWrap(True)
        self.picker = GridPicker(self)
        self.picker.set_grids(deputy.grids, deputy.selected)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.picker, stretch=1)
        layout.addWidget(ok_cancel_buttons(self, "保存"))
        self.picker.search_box.setFocus()

    def accept(self) -> None:
        try:
            set_deputy_grids(self.db, self.deputy_id, self.picker.selected_ids())
        except GridInputError as error:
            QMessageBox.warning(self, "无法保存", str(error))
            return
        super().accept()
