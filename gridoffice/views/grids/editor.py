"""The grid editor: one grid's details, deputies, special households and area, saved together.

The fields are drawn in ui/grid_form.ui; the special-household boxes (one per category) are made here.
"""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QMessageBox, QSpinBox, QVBoxLayout, QWidget

from gridoffice.db import Database
from gridoffice.services.common.lookups import community_choices, deputy_choices
from gridoffice.services.grids.areas import IMAGE_FRAME
from gridoffice.services.grids.coverage import MAX_DEPUTIES_PER_GRID
from gridoffice.services.grids.editing import GridInput, delete_grid, grid_editor_data, save_grid
from gridoffice.services.grids.households import CategoryRow
from gridoffice.services.grids.values import MAX_COUNT, GridInputError
from gridoffice.views.forms.ui_grid_form import Ui_GridForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.deputy_picker import pick_deputies
from gridoffice.widgets.form import FormErrors, save_bar


def count_box(parent: QWidget, suffix: str = "") -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(0, MAX_COUNT)   # counts are never negative
    box.setSuffix(suffix)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    return box


class GridEditorDialog(BaseDialog):
    """One grid (grid_id None: a new one, in `community_id` if given). Saved in one transaction."""

    def __init__(self, db: Database, grid_id: int | None = None, parent: QWidget | None = None, *,
                 community_id: int | None = None):
        super().__init__(parent, settings_key="grid_editor", title="编辑网格" if grid_id else "新建网格",
                         default_size=(600, 660))
        self.db = db
        self.grid_id = grid_id
        self.deleted = False
        body = QWidget(self)
        self.ui = Ui_GridForm()
        self.ui.setupUi(body)
        self.errors = FormErrors(self.ui)
        for box in (self.ui.households, self.ui.population):
            box.setMaximum(MAX_COUNT)
        self.ui.deputies.clicked.connect(self.choose_deputies)
        self.ui.clear_area.toggled.connect(self._show_area)
        self.special_boxes: dict[int, QSpinBox] = {}
        self._load(community_id)
        layout = QVBoxLayout(self)
        layout.addWidget(body)
        layout.addStretch(1)
        layout.addLayout(save_bar(self, "删除网格…" if self.grid_id else None, self.delete))
        self.ui.code.setFocus()

    def _load(self, community_id: int | None) -> None:
        ui = self.ui
        data = grid_editor_data(self.db, self.grid_id)
        for choice in community_choices(self.db):
            ui.community.addItem(choice.label, choice.id)
        self._names = {choice.id: choice.name for choice in deputy_choices(self.db, include_retired=True)}
        self.deputy_ids = data.deputy_ids
        self._area = data.area
        if data.grid is not None:
            grid = data.grid
            ui.code.setText(grid.code)
            ui.name.setText(grid.name)
            community_id = grid.community_id
            ui.worker_name.setText(grid.worker_name)
            ui.worker_phone.setText(grid.worker_phone)
            ui.households.setValue(grid.households)
            ui.population.setValue(grid.population)
            ui.boundary.setPlainText(grid.boundary)
            ui.notes.setText(grid.notes)
        ui.community.setCurrentIndex(max(ui.community.findData(community_id), 0))
        self._add_special_boxes(data.categories, data.counts)
        self._show_deputies()
        self._show_area()

    def _add_special_boxes(self, categories: list[CategoryRow], counts: dict[int, int]) -> None:
        """Two categories a line; tabbing goes through them between 联系代表 and 清除范围."""
        grid_layout = QGridLayout(self.ui.special)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        previous = self.ui.deputies
        for n, category in enumerate(categories):
            box = count_box(self.ui.special, " 户")
            box.setValue(counts.get(category.id, 0))
            mark = "（必访）" if category.must_visit else ""
            label = QLabel(f"<span style='color:{category.color}'>■</span> {category.name}{mark}", self.ui.special)
            grid_layout.addWidget(label, n // 2, (n % 2) * 2)
            grid_layout.addWidget(box, n // 2, (n % 2) * 2 + 1)
            self.special_boxes[category.id] = box
            QWidget.setTabOrder(previous, box)
            previous = box
        QWidget.setTabOrder(previous, self.ui.clear_area)
        if not categories:
            grid_layout.addWidget(QLabel("还没有重点户类别（网格列表 ▸ 重点户…）", self.ui.special), 0, 0)

    def _show_deputies(self) -> None:
        names = [self._names.get(i, "?") for i in self.deputy_ids]
        if not names:
            self.ui.deputies_names.setText("<span style='color:#c62828'>暂无联系代表</span>")
            return
        warning = (f"<br><span style='color:#e65100'>超过 {MAX_DEPUTIES_PER_GRID} 名，建议每个网格 1 至 "
                   f"{MAX_DEPUTIES_PER_GRID} 名代表</span>" if len(names) > MAX_DEPUTIES_PER_GRID else "")
        self.ui.deputies_names.setText(f"{len(names)} 名：{'、'.join(names)}{warning}")

    def _show_area(self, *_args) -> None:
        if not self._area:
            text = "无（可在地图上导入 GeoJSON 或在底图上描绘）"
        elif self.ui.clear_area.isChecked():
            text = "<span style='color:#c62828'>保存时清除</span>"
        else:
            text = "在扫描地图上描绘" if self._area == IMAGE_FRAME else "已导入（GeoJSON）"
        self.ui.area_text.setText(text)
        self.ui.clear_area.setVisible(bool(self._area))

    def choose_deputies(self) -> None:
        code = self.ui.code.text().strip() or "新网格"
        chosen = pick_deputies(self.db, self, title=f"{code} 的联系代表", selected=self.deputy_ids)
        if chosen is not None:
            self.deputy_ids = chosen
            self._show_deputies()

    def grid_input(self) -> GridInput:
        ui = self.ui
        return GridInput(ui.code.text(), ui.name.text(), ui.community.currentData(), ui.worker_name.text(),
                         ui.worker_phone.text(), ui.households.value(), ui.population.value(),
                         ui.boundary.toPlainText(), ui.notes.text())

    def accept(self) -> None:
        self.errors.clear()
        try:
            self.grid_id = save_grid(self.db, self.grid_input(), self.grid_id, deputy_ids=self.deputy_ids,
                                     counts={cid: box.value() for cid, box in self.special_boxes.items()},
                                     clear_area=self.ui.clear_area.isChecked())
        except GridInputError as error:
            self.errors.show(error.field if error.field in self.errors.labels else "code", str(error))
            return
        super().accept()

    def delete(self) -> None:
        if not confirm_delete_grid(self, self.db, self.grid_id, self.ui.code.text()):
            return
        self.deleted = True
        self.mark_saved()   # nothing left to save: closing must not ask
        super().accept()


def confirm_delete_grid(parent: QWidget, db: Database, grid_id: int, code: str) -> bool:
    """删除网格, asked first (the editor's button and the list's Delete key); True when deleted."""
    answer = QMessageBox.question(parent, "删除网格", f"确定删除网格“{code}”吗？\n"
                                  "它与代表的联系和重点户数字会一并删除，此操作无法撤销。")
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        delete_grid(db, grid_id)
    except GridInputError as error:
        QMessageBox.warning(parent, "不能删除", str(error))
        return False
    return True
