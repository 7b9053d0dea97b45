"""Dialogs of the grid tab: the grid editor, a community, a deputy's grids, moving grids."""
from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QMessageBox,
                               QPlainTextEdit, QPushButton, QSpinBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)
from sqlmodel import select

from gridoffice.db import Database
from gridoffice.domain import Community, Deputy, Grid, Station
from gridoffice.domain.enums import CommunityKind
from gridoffice.domain.rules import level_label
from gridoffice.services.grids.coverage import MAX_DEPUTIES_PER_GRID
from gridoffice.services.grids.areas import IMAGE_FRAME, clear_area
from gridoffice.services.grids.editing import (MAX_COUNT, CommunityInput, GridInput, GridInputError, create_community,
                                              create_grid, delete_community, delete_grid, deputy_grid_ids,
                                              grid_deputy_ids, move_grids, set_deputy_grids, set_grid_deputies,
                                              update_community, update_grid)
from gridoffice.services.grids.households import grid_counts, list_categories, set_grid_counts
from gridoffice.services.common.pinyin import matches, pinyin_of
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.deputy_picker import pick_deputies
from gridoffice.widgets.form import ValidatedForm, ok_cancel_buttons

ID_ROLE = Qt.ItemDataRole.UserRole
# the theme draws check boxes for lists and tables only; a tree gets the same icons here
TREE_CHECKBOXES = """
QTreeView::indicator { width: 20px; height: 20px; }
QTreeView::indicator:unchecked { image: url(icon:/primary/checkbox_unchecked.svg); }
QTreeView::indicator:checked { image: url(icon:/primary/checkbox_checked.svg); }
QTreeView::indicator:indeterminate { image: url(icon:/primary/checkbox_indeterminate.svg); }
"""


def count_box(parent: QWidget, suffix: str = "") -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(0, MAX_COUNT)   # counts are never negative
    box.setSuffix(suffix)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    return box


class GridEditorDialog(BaseDialog):
    """One grid: its details, its deputies, its special households and its area. Saved in one transaction."""

    def __init__(self, db: Database, grid_id: int | None = None, parent: QWidget | None = None, *,
                 community_id: int | None = None):
        title = "编辑网格" if grid_id else "新建网格"
        super().__init__(parent, settings_key="grid_editor", title=title, default_size=(600, 660))
        self.db = db
        self.grid_id = grid_id
        self.deleted = False
        self._init_widgets()
        self._load(community_id)
        self._init_layout()

    def _init_widgets(self) -> None:
        self.code_edit = QLineEdit(self)
        self.code_edit.setPlaceholderText("如 JT-01-05，不能与其他网格重复")
        self.name_edit = QLineEdit(self)
        self.community_box = QComboBox(self)
        self.worker_edit = QLineEdit(self)
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setPlaceholderText("手机号或带区号的固定电话")
        self.households_box = count_box(self, " 户")
        self.population_box = count_box(self, " 人")
        self.boundary_edit = QPlainTextEdit(self)
        self.boundary_edit.setPlaceholderText("如：东至人民路，南至…；含某某小区")
        self.boundary_edit.setFixedHeight(56)
        self.notes_edit = QLineEdit(self)
        self.deputies_label = QLabel(self)
        self.deputies_label.setWordWrap(True)
        self.deputies_button = QPushButton("选择代表…", self)
        self.deputies_button.clicked.connect(self.choose_deputies)
        self.special_boxes: dict[int, QSpinBox] = {}
        self.special_widget = QWidget(self)
        self.area_label = QLabel(self)
        self.clear_area_button = QPushButton("清除范围", self)
        self.clear_area_button.setCheckable(True)
        self.clear_area_button.toggled.connect(self._show_area)
        self.form = ValidatedForm()

    def _load(self, community_id: int | None) -> None:
        with self.db.session() as session:
            communities = session.exec(select(Community.id, Community.name).order_by(Community.id)).all()
            grid = session.get(Grid, self.grid_id) if self.grid_id else None
            self.deputy_ids = grid_deputy_ids(session, self.grid_id) if grid else []
            self._names = dict(session.exec(select(Deputy.id, Deputy.name)).all())
            categories = list_categories(session)
            counts = grid_counts(session, self.grid_id) if grid else {}
        for cid, name in communities:
            self.community_box.addItem(name, cid)
        self._area = ""
        if grid is not None:
            self.code_edit.setText(grid.code)
            self.name_edit.setText(grid.name)
            community_id = grid.community_id
            self.worker_edit.setText(grid.worker_name)
            self.phone_edit.setText(grid.worker_phone)
            self.households_box.setValue(grid.households)
            self.population_box.setValue(grid.population)
            self.boundary_edit.setPlainText(grid.boundary)
            self.notes_edit.setText(grid.notes)
            self._area = grid.area_geojson
        index = self.community_box.findData(community_id)
        self.community_box.setCurrentIndex(max(index, 0))
        grid_layout = QGridLayout(self.special_widget)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        for n, category in enumerate(categories):
            box = count_box(self.special_widget, " 户")
            box.setValue(counts.get(category.id, 0))
            mark = "（必访）" if category.must_visit else ""
            label = QLabel(f"<span style='color:{category.color}'>■</span> {category.name}{mark}", self.special_widget)
            grid_layout.addWidget(label, n // 2, (n % 2) * 2)
            grid_layout.addWidget(box, n // 2, (n % 2) * 2 + 1)
            self.special_boxes[category.id] = box
        if not categories:
            grid_layout.addWidget(QLabel("还没有重点户类别（网格列表 ▸ 重点户…）", self.special_widget), 0, 0)
        self._show_deputies()
        self._show_area()

    def _init_layout(self) -> None:
        f = self.form
        f.add_field("code", "网格编号", self.code_edit)
        f.add_field("name", "网格名称", self.name_edit)
        f.add_field("community", "所属社区", self.community_box)
        f.add_field("worker_name", "网格员", self.worker_edit)
        f.add_field("worker_phone", "网格员电话", self.phone_edit)
        numbers = QWidget(self)
        row = QHBoxLayout(numbers)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.households_box)
        row.addWidget(QLabel("人口", numbers))
        row.addWidget(self.population_box)
        f.add_field("households", "户数", numbers)
        f.fields["population"] = f.fields["households"]  # one row holds both counts
        f.add_field("boundary", "范围描述", self.boundary_edit)
        f.add_field("notes", "备注", self.notes_edit)
        deputies = QWidget(self)
        line = QHBoxLayout(deputies)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.deputies_label, stretch=1)
        line.addWidget(self.deputies_button)
        f.add_field("deputies", "联系代表", deputies)
        f.add_field("special", "重点户", self.special_widget)
        area = QWidget(self)
        area_line = QHBoxLayout(area)
        area_line.setContentsMargins(0, 0, 0, 0)
        area_line.addWidget(self.area_label, stretch=1)
        area_line.addWidget(self.clear_area_button)
        f.add_field("area", "地图范围", area)
        buttons = ok_cancel_buttons(self, "保存")
        layout = QVBoxLayout(self)
        layout.addLayout(f)
        layout.addStretch(1)
        bottom = QHBoxLayout()
        if self.grid_id:
            delete_button = QPushButton("删除网格…", self)
            delete_button.clicked.connect(self.delete)
            bottom.addWidget(delete_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.code_edit.setFocus()

    def _show_deputies(self) -> None:
        names = [self._names.get(i, "?") for i in self.deputy_ids]
        if not names:
            self.deputies_label.setText("<span style='color:#c62828'>暂无联系代表</span>")
            return
        warning = (f"<br><span style='color:#e65100'>超过 {MAX_DEPUTIES_PER_GRID} 名，建议每个网格 1 至 "
                   f"{MAX_DEPUTIES_PER_GRID} 名代表</span>" if len(names) > MAX_DEPUTIES_PER_GRID else "")
        self.deputies_label.setText(f"{len(names)} 名：{'、'.join(names)}{warning}")

    def _show_area(self, *_args) -> None:
        if not self._area:
            text = "无（可在地图上导入 GeoJSON 或在底图上描绘）"
        elif self.clear_area_button.isChecked():
            text = "<span style='color:#c62828'>保存时清除</span>"
        else:
            text = "在扫描地图上描绘" if f'"frame":"{IMAGE_FRAME}"' in self._area else "已导入（GeoJSON）"
        self.area_label.setText(text)
        self.clear_area_button.setVisible(bool(self._area))

    def choose_deputies(self) -> None:
        code = self.code_edit.text().strip() or "新网格"
        chosen = pick_deputies(self.db, self, title=f"{code} 的联系代表", selected=self.deputy_ids)
        if chosen is not None:
            self.deputy_ids = chosen
            self._show_deputies()

    def grid_input(self) -> GridInput:
        return GridInput(self.code_edit.text(), self.name_edit.text(), self.community_box.currentData(),
                         self.worker_edit.text(), self.phone_edit.text(), self.households_box.value(),
                         self.population_box.value(), self.boundary_edit.toPlainText(), self.notes_edit.text())

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            with self.db.session() as session:
                grid = (update_grid(session, self.grid_id, self.grid_input()) if self.grid_id
                        else create_grid(session, self.grid_input()))
                set_grid_deputies(session, grid.id, self.deputy_ids)
                set_grid_counts(session, grid.id, {cid: box.value() for cid, box in self.special_boxes.items()})
                if self.clear_area_button.isChecked():
                    clear_area(session, grid.id)
                self.grid_id = grid.id
        except GridInputError as error:
            self.form.show_error(error.field if error.field in self.form.fields else "code", str(error))
            return
        super().accept()

    def delete(self) -> None:
        answer = QMessageBox.question(self, "删除网格", f"确定删除网格“{self.code_edit.text()}”吗？\n"
                                      "它与代表的联系和重点户数字会一并删除，此操作无法撤销。")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.db.session() as session:
                delete_grid(session, self.grid_id)
        except GridInputError as error:
            QMessageBox.warning(self, "不能删除", str(error))
            return
        self.deleted = True
        super().accept()


class CommunityDialog(BaseDialog):
    def __init__(self, db: Database, community_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent, settings_key="community_editor", title="编辑社区" if community_id else "新建社区",
                         default_size=(440, 260))
        self.db = db
        self.community_id = community_id
        self.deleted = False
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText("如：幸福社区、龙塘村")
        self.kind_box = QComboBox(self)
        for kind in CommunityKind:
            self.kind_box.addItem(kind.value, kind.value)
        self.notes_edit = QLineEdit(self)
        if community_id:
            with db.session() as session:
                community = session.get(Community, community_id)
            self.name_edit.setText(community.name)
            self.kind_box.setCurrentIndex(self.kind_box.findData(community.kind))
            self.notes_edit.setText(community.notes)
        self.form = ValidatedForm()
        self.form.add_field("name", "名称", self.name_edit)
        self.form.add_field("kind", "类型", self.kind_box)
        self.form.add_field("notes", "备注", self.notes_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        bottom = QHBoxLayout()
        if community_id:
            delete_button = QPushButton("删除社区…", self)
            delete_button.clicked.connect(self.delete)
            bottom.addWidget(delete_button)
        bottom.addStretch(1)
        bottom.addWidget(ok_cancel_buttons(self, "保存"))
        layout.addLayout(bottom)

    def accept(self) -> None:
        self.form.clear_errors()
        data = CommunityInput(self.name_edit.text(), self.kind_box.currentData(), self.notes_edit.text())
        try:
            with self.db.session() as session:
                if self.community_id:
                    update_community(session, self.community_id, data)
                else:
                    self.community_id = create_community(session, data).id
        except GridInputError as error:
            self.form.show_error(error.field if error.field in self.form.fields else "name", str(error))
            return
        super().accept()

    def delete(self) -> None:
        answer = QMessageBox.question(self, "删除社区", f"确定删除“{self.name_edit.text()}”吗？")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.db.session() as session:
                delete_community(session, self.community_id)
        except GridInputError as error:
            QMessageBox.warning(self, "不能删除", str(error))
            return
        self.deleted = True
        super().accept()


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
        with db.session() as session:
            deputy = session.get(Deputy, deputy_id)
            station = session.get(Station, deputy.station_id) if deputy.station_id else None
            grids = session.exec(select(Grid.id, Grid.code, Grid.name, Community.name)
                                 .join(Community, Community.id == Grid.community_id)
                                 .order_by(Community.id, Grid.code)).all()
            selected = deputy_grid_ids(session, deputy_id)
        self.setWindowTitle(f"为 {deputy.name} 分配网格")
        details = "，".join(part for part in (level_label(deputy.levels), station.name if station else "") if part)
        intro = QLabel(f"<b>{deputy.name}</b>　{details}<br>勾选该代表联系的网格（可多选）。", self)
        intro.setWordWrap(True)
        self.picker = GridPicker(self)
        self.picker.set_grids(grids, selected)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.picker, stretch=1)
        layout.addWidget(ok_cancel_buttons(self, "保存"))
        self.picker.search_box.setFocus()

    def accept(self) -> None:
        try:
            with self.db.session() as session:
                set_deputy_grids(session, self.deputy_id, self.picker.selected_ids())
        except GridInputError as error:
            QMessageBox.warning(self, "无法保存", str(error))
            return
        super().accept()


def move_grids_to(db: Database, parent: QWidget, grid_ids: list[int], codes: list[str]) -> bool:
    """Ask for a community and move the grids there; True if anything moved."""
    with db.session() as session:
        communities = session.exec(select(Community.id, Community.name).order_by(Community.id)).all()
    names = [name for _id, name in communities]
    shown = "、".join(codes[:5]) + ("等" if len(codes) > 5 else "")
    name, ok = QInputDialog.getItem(parent, "移到其他社区", f"把 {shown} 共 {len(codes)} 个网格移到：", names, 0, False)
    if not ok:
        return False
    community_id = next(cid for cid, n in communities if n == name)
    with db.session() as session:
        return move_grids(session, grid_ids, community_id) > 0
