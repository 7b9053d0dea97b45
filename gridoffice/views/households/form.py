"""The household form (ui/household_form.ui): address, name, phone, categories, colour, deputy and
grid worker; under it, for a household already in the ledger, its must-visit events and its visits,
with buttons to record either. Errors show under the field they belong to."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout,
                               QWidget)

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.domain.enums import PersonRole
from gridoffice.services.common.lookups import (deputy_choices, grid_choices, household_category_choices,
                                                household_color_choices, person_choices)
from gridoffice.services.households.events import delete_event, events_of
from gridoffice.services.households.ledger import (HouseholdInput, HouseholdInputError, delete_household,
                                                   household_detail, save_household)
from gridoffice.services.households.visits import delete_visit, visits_of
from gridoffice.views.forms.ui_household_form import Ui_HouseholdForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import FormErrors, save_bar

ID_ROLE = Qt.ItemDataRole.UserRole
ADDRESS_FIELDS = {"building": "room", "unit": "room"}   # one error line under the three address parts


def swatch(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class HouseholdDialog(BaseDialog):
    """New household (household_id None, in `grid_id` if given) or edit one. `changed` is set when
    anything was saved (the household, an event or a visit)."""

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None, *,
                 household_id: int | None = None, grid_id: int | None = None):
        super().__init__(parent, settings_key="household_form",
                         title="新增重点户" if household_id is None else "重点户", default_size=(760, 720))
        self.db, self.clock, self.household_id = db, clock, household_id
        self.changed = False
        self.deleted = False
        body = QWidget(self)
        self.ui = Ui_HouseholdForm()
        self.ui.setupUi(body)
        self.errors = FormErrors(self.ui)
        self.category_boxes: dict[int, QCheckBox] = {}
        self._fill_choices()
        layout = QVBoxLayout(self)
        layout.addWidget(body)
        self.history = self._history() if household_id is not None else None
        if self.history is not None:
            layout.addWidget(self.history, stretch=1)
        else:
            note = QLabel("保存后可以为这户登记必访事由和走访。新增的户会自动抵减本网格同类别“未逐户登记”的户数。", self)
            note.setWordWrap(True)
            note.setStyleSheet("color: #607d8b;")
            layout.addWidget(note)
            layout.addStretch(1)
        layout.addLayout(self._bottom())
        self._load(grid_id)
        self.ui.place.setFocus()

    # --- building ---------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        ui = self.ui
        for choice in grid_choices(self.db):
            ui.grid.addItem(choice.label, choice.id)
        grid_layout = QGridLayout(ui.categories)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        previous = ui.phone
        for n, category in enumerate(household_category_choices(self.db)):
            box = QCheckBox(category.name, ui.categories)
            box.setIcon(swatch(category.color))
            cycle = f"，每 {category.visit_every_days} 天定期走访" if category.visit_every_days else ""
            box.setToolTip(f"{category.name}{cycle}")
            grid_layout.addWidget(box, n // 3, n % 3)
            self.category_boxes[category.id] = box
            QWidget.setTabOrder(previous, box)
            previous = box
        QWidget.setTabOrder(previous, ui.color)
        ui.color.addItem("（按第一个类别的颜色）", "")
        for color in household_color_choices():
            ui.color.addItem(swatch(color.color), color.label, color.color)
        ui.deputy.addItem("（未指定）", None)
        for deputy in deputy_choices(self.db):
            ui.deputy.addItem(deputy.label, deputy.id)
        ui.worker.addItem("（未指定）", None)
        for person in person_choices(self.db, role=PersonRole.GRID_WORKER.value):
            ui.worker.addItem(person.label, person.id)

    def _history(self) -> QTabWidget:
        tabs = QTabWidget(self)
        self.events_table = self._table(("事由", "发生日期", "应访日期", "走访日期", "说明"))
        self.visits_table = self._table(("走访日期", "走访人员", "走访情况", "提供的服务或设备"))
        for table, (record, remove), label in (
                (self.events_table, (self.record_event, self.remove_event), "必访事由"),
                (self.visits_table, (self.record_visit, self.remove_visit), "走访记录")):
            page = QWidget(tabs)
            buttons = QHBoxLayout()
            add = QPushButton("登记事由…" if table is self.events_table else "登记走访…", page)
            add.clicked.connect(record)
            delete = QPushButton("删除选中的", page)
            delete.clicked.connect(remove)
            buttons.addWidget(add)
            buttons.addWidget(delete)
            buttons.addStretch(1)
            box = QVBoxLayout(page)
            box.setContentsMargins(4, 4, 4, 4)
            box.addWidget(table)
            box.addLayout(buttons)
            tabs.addTab(page, label)
        return tabs

    def _table(self, headers) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        return table

    def _bottom(self) -> QHBoxLayout:
        return save_bar(self, "删除这户…" if self.household_id is not None else None, self.delete,
                        "迁出、去世等：这户连同它的事由和走访记录一并删除（代表的走访记录保留）")

    # --- data ------------------------------------------------------------------------------------------
    def _load(self, grid_id: int | None) -> None:
        ui = self.ui
        if self.household_id is None:
            ui.grid.setCurrentIndex(max(ui.grid.findData(grid_id), 0))
            self.setWindowTitle("新增重点户")
            return
        detail = household_detail(self.db, self.household_id)
        data = detail.data
        self.setWindowTitle(f"重点户：{detail.address}")
        ui.grid.setCurrentIndex(max(ui.grid.findData(data.grid_id), 0))
        ui.place.setText(data.place)
        ui.building.setText(data.building)
        ui.unit.setText(data.unit)
        ui.room.setText(data.room)
        ui.name.setText(data.name)
        ui.phone.setText(data.phone)
        for category_id, box in self.category_boxes.items():
            box.blockSignals(True)
            box.setChecked(category_id in data.category_ids)
            box.blockSignals(False)
        index = ui.color.findData(data.color)
        if index < 0 and data.color:
            ui.color.addItem(swatch(data.color), "类别颜色", data.color)
            index = ui.color.count() - 1
        ui.color.setCurrentIndex(max(index, 0))
        ui.deputy.setCurrentIndex(max(ui.deputy.findData(data.deputy_id), 0))
        ui.worker.setCurrentIndex(max(ui.worker.findData(data.worker_id), 0))
        ui.notes.setPlainText(data.notes)
        self.reload_history()

    def reload_history(self) -> None:
        if self.history is None:
            return
        events = events_of(self.db, self.household_id)
        self._fill(self.events_table, [(e.id, (e.kind, e.date.isoformat(), e.due_on.isoformat(),
                                               e.visited_on.isoformat() if e.visited_on else "未走访", e.notes),
                                        e.visited_on is None and e.due_on < self.clock.today()) for e in events])
        visits = visits_of(self.db, self.household_id)
        self._fill(self.visits_table, [(v.id, (v.date.isoformat(), v.visitors, v.summary, v.services), False)
                                       for v in visits])
        self.history.setTabText(0, f"必访事由（{sum(1 for e in events if e.visited_on is None)} 项未走访）")
        self.history.setTabText(1, f"走访记录（{len(visits)} 次）")

    @staticmethod
    def _fill(table: QTableWidget, rows) -> None:
        table.setRowCount(len(rows))
        for r, (row_id, cells, late) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, row_id)
                if late:
                    item.setForeground(QColor("#c62828"))
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(table.columnCount() - 1, QHeaderView.ResizeMode.Stretch)

    def household_input(self) -> HouseholdInput:
        ui = self.ui
        return HouseholdInput(ui.grid.currentData(), ui.place.text(), ui.building.text(), ui.unit.text(),
                              ui.room.text(), ui.name.text(), ui.phone.text(),
                              [cid for cid, box in self.category_boxes.items() if box.isChecked()],
                              ui.color.currentData() or "", ui.deputy.currentData(), ui.worker.currentData(),
                              ui.notes.toPlainText())

    # --- saving -------------------------------------------------------------------------------------------
    def save(self) -> bool:
        self.errors.clear()
        try:
            saved = save_household(self.db, self.household_input(), self.household_id, today=self.clock.today())
        except HouseholdInputError as error:
            field = ADDRESS_FIELDS.get(error.field, error.field)
            self.errors.show(field if field in self.errors.labels else "name", str(error))
            return False
        self.household_id = saved.id
        self.changed = True
        if saved.replaced:
            QMessageBox.information(self, "已抵减未逐户登记", f"这户已登记，本网格“未逐户登记”的"
                                    f"{'、'.join(saved.replaced)}各减少 1 户，总户数不变。")
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()

    def delete(self) -> None:
        answer = QMessageBox.question(self, "删除重点户", "确定删除这户吗？它的必访事由和走访记录会一并删除"
                                      "（代表参加的走访活动仍保留在走访记录中），删除会记入操作日志。")
        if answer != QMessageBox.StandardButton.Yes:
            return
        delete_household(self.db, self.household_id)
        self.deleted = self.changed = True
        super().accept()

    # --- events and visits ------------------------------------------------------------------------------------
    def record_event(self) -> None:
        from gridoffice.views.households.event_dialog import EventDialog

        if EventDialog(self.db, self.clock, self.household_id, self).exec():
            self.changed = True
            self.reload_history()

    def record_visit(self) -> None:
        from gridoffice.views.households.visit_dialog import VisitDialog

        if VisitDialog(self.db, self.clock, self.household_id, self).exec():
            self.changed = True
            self.reload_history()

    def _selected_id(self, table: QTableWidget) -> int | None:
        row = table.currentRow()
        return table.item(row, 0).data(ID_ROLE) if row >= 0 and table.item(row, 0) else None

    def remove_event(self) -> None:
        event_id = self._selected_id(self.events_table)
        if event_id is not None and QMessageBox.question(self, "删除事由", "删除选中的必访事由（录入有误时使用）？") \
                == QMessageBox.StandardButton.Yes:
            delete_event(self.db, event_id)
            self.changed = True
            self.reload_history()

    def remove_visit(self) -> None:
        visit_id = self._selected_id(self.visits_table)
        if visit_id is not None and QMessageBox.question(
                self, "删除走访", "删除选中的走访（录入有误时使用）？它关闭的事由会重新变为未走访。") \
                == QMessageBox.StandardButton.Yes:
            delete_visit(self.db, visit_id)
            self.changed = True
            self.reload_history()
