"""重点户 tab: the ledger of special households (五类十色), grid by grid, with the visits due (九必访
and regular cycles). Names, phones and door numbers are masked unless the clerk ticks 显示完整信息
(never remembered). The status bar says how many households are overdue or due this week.
"""
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QInputDialog, QLabel, QMenu, QMessageBox,
                               QPushButton, QTabWidget, QWidget)

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.models.household_model import HouseholdTableModel
from gridoffice.services.common.lookups import grid_choices, household_category_choices
from gridoffice.services.households.due import DueSummary, due_list
from gridoffice.services.households.ledger import HouseholdInputError, HouseholdRow, list_households, set_placeholder_count
from gridoffice.widgets.exports import export_to_workbook
from gridoffice.widgets.list_tab import ListTab

DUE_ONLY = "due"
EMPTY_HINT = ("还没有逐户登记的重点户。点“新增重点户”逐户登记，或在“更多 ▸ 导入重点户（Excel）”中导入社区的台账；"
              "原来只报户数的网格显示为灰色的“未逐户登记”，逐户登记后自动抵减。")


class HouseholdsTab(ListTab):
    title = "重点户"
    help_page = "households"
    settings_key = "households"
    search_hint = "搜索网格、地址、类别、联系代表、原因…"
    can_create = True

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        self.full = False
        self.due = DueSummary([], [])
        self._reminder = None
        super().__init__(db, clock, HouseholdTableModel(today=clock.today()), self._load_rows, parent)
        self._init_filters()
        self._init_actions()
        self.row_activated.connect(self.open_row)
        self.due_label = QLabel(self)
        self.due_label.setTextFormat(Qt.TextFormat.RichText)
        self.due_label.linkActivated.connect(lambda _link: self.show_due())
        self.due_label.setToolTip("走访超期的户数（必访事由和定期走访），和本周内到期的必访事由；点击查看清单")
        self.due_label.setMinimumWidth(40)   # gives way in a narrow window (the status bar is shared)

    # --- building -------------------------------------------------------------------------------
    def _init_filters(self) -> None:
        self.grid_box = QComboBox(self)
        self.grid_box.setMinimumWidth(150)
        self.grid_box.setToolTip("只看一个网格的重点户")
        self.category_box = QComboBox(self)
        self.category_box.setToolTip("只看一个类别")
        self.due_check = QCheckBox("只看超期和本周到期", self)
        self.full_check = QCheckBox("显示完整信息", self)
        self.full_check.setToolTip("显示完整的姓名、电话和门牌（离开座位前请取消勾选；不会被记住）")
        for box in (self.grid_box, self.category_box):
            box.currentIndexChanged.connect(self._apply_filter)
        self.due_check.toggled.connect(self._apply_filter)
        self.full_check.toggled.connect(self._toggle_full)
        self.toolbar.insertWidget(0, self.grid_box)
        self.toolbar.insertWidget(1, self.category_box)
        self.toolbar.insertWidget(2, self.due_check)
        self.toolbar.insertWidget(4, self.full_check)
        self.empty_label = QLabel(EMPTY_HINT, self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("background: #e3f2fd; color: #0d47a1; padding: 6px 8px;")
        self.empty_label.hide()
        self.layout().insertWidget(1, self.empty_label)

    def _init_actions(self) -> None:
        row = QHBoxLayout()
        for text, slot, tip in (("新增重点户", self.new_record, "逐户登记（Ctrl+N）"),
                                ("编辑", self.open_current, "编辑选中的一户（也可双击）"),
                                ("登记事由…", self.record_event, "住院、丧事、困难、纠纷……登记后按时限计算应访日期"),
                                ("登记走访…", self.record_visit, "走访选中的一户，关闭到这一天为止的必访事由"),
                                ("走访提醒", self.show_due, "超期和本周到期的走访")):
            button = QPushButton(text, self)
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            row.addWidget(button)
        self.more_button = QPushButton("更多", self)
        row.addWidget(self.more_button)
        row.addStretch(1)
        self.layout().addLayout(row)
        action = self.make_action
        self._actions = {
            "文件": [action("导入重点户（Excel）…", self.import_excel, "按社区台账导入，有错则整个文件不导入"),
                   action("导出重点户（Excel）…", self.export_excel, "导出显示的网格，姓名、电话默认打码")],
            "打印": [action("重点户走访台账…", self.print_ledger, "所选网格的重点户、上次走访和下次应访（内部资料）"),
                   action("重点户走访提醒清单…", self.print_due, "超期和本周到期的走访")],
            "工具": [action("必访事由设置（九必访）…", self.edit_kinds, "事由、走访时限和适用类别"),
                   action("重点户类别（五类十色）…", self.edit_categories, "类别、颜色、定期走访间隔")],
        }
        more = QMenu(self)
        for group in ("文件", "打印", "工具"):
            more.addActions(self._actions[group])
            more.addSeparator()
        self.more_button.setMenu(more)

    def minimumSizeHint(self) -> QSize:
        # the bars add up to more than a small window: let the window shrink anyway (as the grid tab does)
        return QSize(400, 300)

    # --- TabPage ---------------------------------------------------------------------------------
    def menu_actions(self) -> dict[str, list[QAction]]:
        return self._actions

    def status_widgets(self) -> list[QWidget]:
        return [self.due_label]

    def _load_rows(self, db: Database) -> list[HouseholdRow]:
        return list_households(db, today=self.clock.today(), full=self.full)

    def reload(self) -> None:
        current = self.current_row()
        self.model.today = self.clock.today()
        self.model.set_rows(self._loader(self.db))
        self.due = due_list(self.db, self.clock.today())
        self._fill_filters()
        self._update_due_label()
        self.empty_label.setVisible(not any(not row.is_placeholder for row in self.model._rows))
        self._update_count()
        if current is not None:
            self.select_household(current.id)

    def _fill_filters(self) -> None:
        for box, first, choices in ((self.grid_box, "全部网格", [(c.id, c.label) for c in grid_choices(self.db)]),
                                    (self.category_box, "全部类别",
                                     [(c.id, c.name) for c in household_category_choices(self.db)])):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(first, None)
            for value, label in choices:
                box.addItem(label, value)
            box.setCurrentIndex(max(box.findData(chosen), 0))
            box.blockSignals(False)
        self._apply_filter()

    def _apply_filter(self, *_args) -> None:
        grid, category, due_only = self.grid_box.currentData(), self.category_box.currentData(), self.due_check.isChecked()
        soon = self.clock.today().toordinal() + 7

        def accept(row: HouseholdRow) -> bool:
            if grid is not None and row.grid_id != grid:
                return False
            if category is not None and category not in row.category_ids:
                return False
            return not due_only or (row.next_due_on is not None and row.next_due_on.toordinal() < soon)

        self.proxy.set_extra_filter(accept if grid is not None or category is not None or due_only else None)

    def _toggle_full(self, checked: bool) -> None:
        self.full = checked
        self.table.setColumnHidden(self.model.column_index("phone"), not checked)
        self.reload()

    def _update_due_label(self) -> None:
        overdue, soon = self.due.overdue_households, self.due.must_visits_soon
        color = "#c62828" if overdue else "#455a64"
        self.due_label.setText(f'<a href="due" style="color:{color}; text-decoration:none;">'
                               f"重点户：超期 {overdue} 户，本周必访 {soon} 项</a>")

    # --- selection ---------------------------------------------------------------------------------------
    def current_row(self) -> HouseholdRow | None:
        index = self.table.currentIndex()
        return self.proxy.source_row(index.row()) if index.isValid() else None

    def select_household(self, household_id: int) -> None:
        source = self.model.row_of(household_id)
        if source is None:
            return
        index = self.proxy.mapFromSource(self.model.index(source, 0))
        if not index.isValid():
            self.search_box.clear()
            self.grid_box.setCurrentIndex(0)
            self.category_box.setCurrentIndex(0)
            self.due_check.setChecked(False)
            index = self.proxy.mapFromSource(self.model.index(source, 0))
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())
        self.table.scrollTo(index)

    def show_grid(self, grid_id: int) -> None:
        """From the grid tab: this tab, showing one grid's households."""
        self._bring_forward()
        self.grid_box.setCurrentIndex(max(self.grid_box.findData(grid_id), 0))

    def _bring_forward(self) -> None:
        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, QTabWidget):
            widget = widget.parentWidget()
        if widget is not None:
            widget.setCurrentWidget(self)

    def _need_household(self, what: str) -> HouseholdRow | None:
        row = self.current_row()
        if row is None or row.is_placeholder:
            QMessageBox.information(self, what, "请先在列表中选中一户已逐户登记的重点户。")
            return None
        return row

    # --- actions --------------------------------------------------------------------------------------------
    def new_record(self) -> None:
        from gridoffice.views.households.form import HouseholdDialog

        dialog = HouseholdDialog(self.db, self.clock, self, grid_id=self.grid_box.currentData())
        dialog.exec()
        if dialog.changed:
            self.reload()
            self.select_household(dialog.household_id)

    def open_row(self, row: HouseholdRow) -> None:
        if row.is_placeholder:
            self.edit_placeholder(row)
        else:
            self.open_household(row.id)

    def open_current(self) -> None:
        row = self.current_row()
        if row is None:
            QMessageBox.information(self, "编辑重点户", "请先在列表中选中一户。")
            return
        self.open_row(row)

    def open_household(self, household_id: int) -> None:
        from gridoffice.views.households.form import HouseholdDialog

        dialog = HouseholdDialog(self.db, self.clock, self, household_id=household_id)
        dialog.exec()
        if dialog.changed:
            self.reload()
            if not dialog.deleted:
                self.select_household(household_id)
            if self._reminder is not None and self._reminder.isVisible():
                self._reminder.close()
                self.show_due()

    def edit_placeholder(self, row: HouseholdRow) -> None:
        count, ok = QInputDialog.getInt(self, "未逐户登记", f"{row.grid_code} 未逐户登记的{row.categories}户数"
                                        "（逐户登记后会自动抵减；改为 0 即删除这一条）：", row.placeholder_count, 0, 1_000_000)
        if not ok:
            return
        try:
            set_placeholder_count(self.db, row.id, count)
        except HouseholdInputError as error:
            QMessageBox.warning(self, "无法保存", str(error))
            return
        self.reload()

    def record_event(self) -> None:
        from gridoffice.views.households.event_dialog import EventDialog

        row = self._need_household("登记必访事由")
        if row is not None and EventDialog(self.db, self.clock, row.id, self).exec():
            self.reload()

    def record_visit(self) -> None:
        from gridoffice.views.households.visit_dialog import VisitDialog

        row = self._need_household("登记走访")
        if row is not None and VisitDialog(self.db, self.clock, row.id, self).exec():
            self.reload()

    def show_due(self) -> None:
        from gridoffice.views.households.due_dialog import DueListDialog

        self._bring_forward()
        if self._reminder is not None:
            self._reminder.close()
        self._reminder = DueListDialog(self.due, self.clock.today(), self.window(), on_open=self.open_household,
                                       on_print=self.print_due)
        self._reminder.show()

    def import_excel(self) -> None:
        from gridoffice.views.households.excel_import import import_households_from_excel

        result = import_households_from_excel(self.db, self.clock, self)
        if result is not None:
            self.reload()
            QMessageBox.information(self, "导入完成", result.describe())

    def export_excel(self) -> None:
        from gridoffice.services.households.excel import export_households   # openpyxl: not at start-up

        today = self.clock.today()
        grid_id = self.grid_box.currentData()

        def write(path) -> int:
            answer = QMessageBox.question(
                self, "导出完整信息？", "导出的表格是否包含重点户完整的姓名、电话和门牌？\n\n"
                "选“否”则与列表一样打码，适合报送；健康、残疾、困难等属于敏感个人信息，只有工委内部留存时才选“是”。",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            return export_households(self.db, path, today=today, grid_id=grid_id,
                                     with_contact=answer == QMessageBox.StandardButton.Yes)

        export_to_workbook(self, "导出重点户", f"重点户台账-{today:%Y%m%d}.xlsx", "户重点户", write)

    def print_ledger(self) -> None:
        from gridoffice.views.households.printing import preview_ledger

        grid_id = self.grid_box.currentData()
        if grid_id is None:
            row = self.current_row()
            grid_id = row.grid_id if row else None
        if grid_id is None:
            QMessageBox.information(self, "打印台账", "请先在左上方选择一个网格（台账按网格打印）。")
            return
        preview_ledger(self, self.db, self.clock, grid_id, self.grid_box.itemText(max(self.grid_box.findData(grid_id), 0)))

    def print_current(self) -> None:
        """Ctrl+P: the ledger of the grid shown (a paper of one grid), else the list as shown."""
        if self.grid_box.currentData() is not None:
            self.print_ledger()
        else:
            super().print_current()

    def print_due(self) -> None:
        from gridoffice.views.households.printing import preview_due_list

        preview_due_list(self, self.db, self.clock, self.grid_box.currentData())

    def edit_kinds(self) -> None:
        from gridoffice.views.households.kinds_dialog import KindsDialog

        if KindsDialog(self.db, self).exec():
            self.reload()

    def edit_categories(self) -> None:
        from gridoffice.views.grids.households import HouseholdsDialog

        if HouseholdsDialog(self.db, self).exec():
            self.reload()
