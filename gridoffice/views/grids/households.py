"""重点户（五类十色）: the category list (name, colour, must-visit, regular visit cycle) and the counts of
every grid, with totals.

Both pages are saved together in one transaction; the counts page follows the category
page (a category added there gets a column, a removed one loses it). The counts are the household
ledger's: households registered one by one plus the grid's "未逐户登记" number, which is what a
count typed here sets (it cannot go below the households registered).
"""
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QColorDialog, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QSpinBox, QStyledItemDelegate, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from gridoffice.db import Database
from gridoffice.services.common.lookups import community_choices
from gridoffice.services.grids.households import DEFAULT_COLOR, CategoryRow, households_sheet, save_households
from gridoffice.services.grids.values import MAX_COUNT, GridInputError
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import ok_cancel_buttons

KEY_ROLE = Qt.ItemDataRole.UserRole
NAME, COLOR, MUST_VISIT, EVERY = range(4)


class CountDelegate(QStyledItemDelegate):
    """Counts are edited in a spin box that cannot go below zero."""

    def createEditor(self, parent, option, index):
        box = QSpinBox(parent)
        box.setRange(0, MAX_COUNT)
        box.setFrame(False)
        return box


class HouseholdsDialog(BaseDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, *, community_id: int | None = None):
        super().__init__(parent, settings_key="households", title="重点户（五类十色）", default_size=(900, 620))
        self.db = db
        self._next_key = 0
        sheet = households_sheet(db)
        self.grids = sheet.grids
        self.communities = community_choices(db)
        # counts by (grid id, category key); a category's key is its id, or "new-N" until saved
        self.counts = {(grid_id, cid): n for grid_id, by_category in sheet.counts.items()
                       for cid, n in by_category.items()}
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._category_page(sheet.categories), "类别")
        self.tabs.addTab(self._count_page(), "各网格户数")
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(ok_cancel_buttons(self, "保存"))
        if community_id is not None:
            self.community_box.setCurrentIndex(max(self.community_box.findData(community_id), 0))
        self.tabs.setCurrentIndex(1)

    # --- categories ---------------------------------------------------------------------
    def _category_page(self, categories: list[CategoryRow]) -> QWidget:
        page = QWidget(self)
        self.category_table = QTableWidget(0, 4, page)
        self.category_table.setHorizontalHeaderLabels(["类别名称", "颜色", "必访", "定期走访"])
        self.category_table.verticalHeader().setVisible(False)
        self.category_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.category_table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.category_table.setColumnWidth(COLOR, 110)
        self.category_table.setColumnWidth(MUST_VISIT, 70)
        self.category_table.setColumnWidth(EVERY, 120)
        self.category_table.cellDoubleClicked.connect(self._pick_color)
        for category in categories:
            self._add_category_row(category.id, category.name, category.color, category.must_visit,
                                   category.visit_every_days)
        buttons = QHBoxLayout()
        for text, slot in (("添加类别", self.add_category), ("删除", self.remove_category),
                           ("上移", lambda: self._move(-1)), ("下移", lambda: self._move(1))):
            button = QPushButton(text, page)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        note = QLabel("双击“颜色”一格选颜色；勾选“必访”的类别在网格卡片上标明；“定期走访”决定重点户台账中每户下次应访的日期。"
                      "已逐户登记了户的类别不能删除（可改名）；删除类别会同时删除各网格中该类别“未逐户登记”的户数。", page)
        note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.category_table)
        layout.addLayout(buttons)
        layout.addWidget(note)
        return page

    def _add_category_row(self, key, name: str, color: str, must_visit: bool, every: int = 0) -> None:
        row = self.category_table.rowCount()
        self.category_table.insertRow(row)
        name_item = QTableWidgetItem(name)
        name_item.setData(KEY_ROLE, key)
        self.category_table.setItem(row, NAME, name_item)
        color_item = QTableWidgetItem(color)
        color_item.setFlags(color_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        color_item.setData(Qt.ItemDataRole.DecorationRole, QColor(color))
        self.category_table.setItem(row, COLOR, color_item)
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
        check.setCheckState(Qt.CheckState.Checked if must_visit else Qt.CheckState.Unchecked)
        self.category_table.setItem(row, MUST_VISIT, check)
        cycle = QSpinBox(self.category_table)
        cycle.setRange(0, 365)
        cycle.setSpecialValueText("不定期")
        cycle.setPrefix("每 ")
        cycle.setSuffix(" 天")
        cycle.setValue(every)
        cycle.setToolTip("这一类的每户每隔几天定期走访一次（如独居老人每 7 天）；0 为不定期")
        self.category_table.setCellWidget(row, EVERY, cycle)

    def add_category(self) -> None:
        self._next_key += 1
        self._add_category_row(f"new-{self._next_key}", "", DEFAULT_COLOR, False, 0)
        row = self.category_table.rowCount() - 1
        self.category_table.setCurrentCell(row, NAME)
        self.category_table.editItem(self.category_table.item(row, NAME))

    def remove_category(self) -> None:
        row = self.category_table.currentRow()
        if row < 0:
            return
        name = self.category_table.item(row, NAME).text()
        key = self.category_table.item(row, NAME).data(KEY_ROLE)
        households = sum(n for (_grid, k), n in self.counts.items() if k == key)
        if households:
            answer = QMessageBox.question(self, "删除类别", f"各网格共登记了 {households} 户“{name}”，"
                                          "删除类别会一并删除这些数字（保存后生效）。继续吗？")
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.category_table.removeRow(row)

    def _move(self, step: int) -> None:
        row = self.category_table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.category_table.rowCount():
            return
        rows = [self._category_at(r) for r in range(self.category_table.rowCount())]
        rows[row], rows[target] = rows[target], rows[row]
        self.category_table.setRowCount(0)
        for key, name, color, must_visit, every in rows:
            self._add_category_row(key, name, color, must_visit, every)
        self.category_table.setCurrentCell(target, NAME)

    def _pick_color(self, row: int, column: int) -> None:
        if column != COLOR:
            return
        item = self.category_table.item(row, COLOR)
        color = QColorDialog.getColor(QColor(item.text()), self, "选择类别颜色")
        if color.isValid():
            item.setText(color.name())
            item.setData(Qt.ItemDataRole.DecorationRole, color)

    def _category_at(self, row: int) -> tuple:
        name_item = self.category_table.item(row, NAME)
        return (name_item.data(KEY_ROLE), name_item.text().strip(), self.category_table.item(row, COLOR).text(),
                self.category_table.item(row, MUST_VISIT).checkState() == Qt.CheckState.Checked,
                self.category_table.cellWidget(row, EVERY).value())

    def categories(self) -> list[tuple]:
        return [self._category_at(r) for r in range(self.category_table.rowCount())]

    # --- counts ----------------------------------------------------------------------------
    def _count_page(self) -> QWidget:
        page = QWidget(self)
        self.community_box = QComboBox(page)
        self.community_box.addItem("全部社区", None)
        for community in self.communities:
            self.community_box.addItem(community.label, community.id)
        self.community_box.currentIndexChanged.connect(self._show_rows)
        self.count_table = QTableWidget(page)
        self.count_table.setItemDelegate(CountDelegate(self.count_table))
        self.count_table.verticalHeader().setVisible(False)
        self.count_table.itemChanged.connect(self._on_count_changed)
        top = QHBoxLayout()
        top.addWidget(QLabel("社区：", page))
        top.addWidget(self.community_box)
        top.addStretch(1)
        self.total_label = QLabel(page)
        top.addWidget(self.total_label)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.count_table)
        self._build_count_table()
        return page

    def _on_tab(self, index: int) -> None:
        if index == 1:
            self._build_count_table()

    def _build_count_table(self) -> None:
        """Rows: grids, then 合计; columns: code, name, households, one per category, their sum."""
        categories = self.categories()
        table = self.count_table
        table.blockSignals(True)
        table.clear()
        table.setRowCount(len(self.grids) + 1)
        table.setColumnCount(4 + len(categories))
        table.setHorizontalHeaderLabels(["网格编号", "网格名称", "总户数", *[c[1] or "（未命名）" for c in categories],
                                         "重点户合计"])
        self._keys = [c[0] for c in categories]
        for row, grid in enumerate(self.grids):
            for column, value in enumerate((grid.code, grid.name, grid.households)):
                table.setItem(row, column, _fixed(value))
            for offset, key in enumerate(self._keys):
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.EditRole, self.counts.get((grid.id, key), 0))
                item.setData(KEY_ROLE, (grid.id, key))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, 3 + offset, item)
        table.setColumnWidth(0, 96)
        table.setColumnWidth(1, 140)
        for column in range(2, table.columnCount()):
            table.setColumnWidth(column, 76)
        table.blockSignals(False)
        self._show_rows()

    def _on_count_changed(self, item: QTableWidgetItem) -> None:
        key = item.data(KEY_ROLE)
        if key is not None:
            self.counts[key] = int(item.data(Qt.ItemDataRole.EditRole) or 0)
            self._update_totals()

    def _show_rows(self, *_args) -> None:
        community = self.community_box.currentData()
        for row, grid in enumerate(self.grids):
            self.count_table.setRowHidden(row, community is not None and grid.community_id != community)
        self._update_totals()

    def _update_totals(self) -> None:
        """Each grid's sum, and the 合计 row over the grids shown."""
        table = self.count_table
        table.blockSignals(True)
        last = len(self.grids)
        shown = [row for row in range(last) if not table.isRowHidden(row)]
        sums = [0] * (len(self._keys) + 1)
        visible = set(shown)
        for row, grid in enumerate(self.grids):
            values = [self.counts.get((grid.id, key), 0) for key in self._keys]
            table.setItem(row, 3 + len(self._keys), _fixed(sum(values)))
            if row in visible:
                sums = [a + b for a, b in zip(sums, values + [sum(values)])]
        scope = "合计" if self.community_box.currentData() is None else f"{self.community_box.currentText()}合计"
        bold = QFont()
        bold.setBold(True)
        for column, value in enumerate([scope, f"{len(shown)} 个网格",
                                        sum(self.grids[r].households for r in shown), *sums]):
            item = _fixed(value)
            item.setFont(bold)
            item.setBackground(QBrush(QColor("#eceff1")))
            table.setItem(last, column, item)
        table.blockSignals(False)
        self.total_label.setText(f"{scope}：重点户 {sums[-1]} 户")

    # --- saving --------------------------------------------------------------------------------
    def accept(self) -> None:
        categories = self.categories()
        rows = [CategoryRow(key if isinstance(key, int) else None, name, color, must, every)
                for key, name, color, must, every in categories]
        position = {key: n for n, (key, *_rest) in enumerate(categories)}
        counts = {(grid_id, position[key]): count for (grid_id, key), count in self.counts.items() if key in position}
        try:
            save_households(self.db, rows, counts)
        except GridInputError as error:
            self.tabs.setCurrentIndex(0 if error.field == "categories" else 1)
            QMessageBox.warning(self, "无法保存", str(error))
            return
        super().accept()


def _fixed(value) -> QTableWidgetItem:
    item = QTableWidgetItem()
    item.setData(Qt.ItemDataRole.DisplayRole, value)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if isinstance(value, int):
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item
