"""必访事由设置 (九必访): the events, the days within which a visit must follow, the categories each
applies to (none ticked: every household). Saved as a whole."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMenu, QMessageBox, QPushButton,
                               QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from gridoffice.db import Database
from gridoffice.services.common.lookups import household_category_choices
from gridoffice.services.households.kinds import MAX_DAYS, MustVisitKind, RuleInputError, list_kinds, save_kinds
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import ok_cancel_buttons

ID_ROLE = Qt.ItemDataRole.UserRole
CATEGORIES_ROLE = Qt.ItemDataRole.UserRole + 1
EVENT, DAYS, APPLIES = range(3)


class KindsDialog(BaseDialog):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent, settings_key="must_visit_kinds", title="必访事由设置（九必访）", default_size=(720, 480))
        self.db = db
        self.categories = {c.id: c.name for c in household_category_choices(db)}
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(("事由", "走访时限", "适用类别（双击选择）"))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setColumnWidth(EVENT, 160)
        self.table.setColumnWidth(DAYS, 110)
        self.table.horizontalHeader().setSectionResizeMode(APPLIES, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(self._choose_categories)
        for kind in list_kinds(db):
            self._add_row(kind.id, kind.event, kind.within_days, kind.category_ids)
        buttons = QHBoxLayout()
        for text, slot in (("添加事由", self.add), ("删除", self.remove)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        note = QLabel("登记某户发生的事由后，须在时限内走访；应访日期遇节假日顺延到下一个工作日。"
                      "不勾选类别的事由适用于全部重点户。", self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(note)
        layout.addWidget(ok_cancel_buttons(self, "保存"))

    def _add_row(self, kind_id, event: str, days: int, category_ids) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(event)
        item.setData(ID_ROLE, kind_id)
        self.table.setItem(row, EVENT, item)
        spin = QSpinBox(self.table)
        spin.setRange(0, MAX_DAYS)
        spin.setSuffix(" 天内")
        spin.setValue(days)
        self.table.setCellWidget(row, DAYS, spin)
        applies = QTableWidgetItem()
        applies.setFlags(applies.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, APPLIES, applies)
        self._set_categories(row, tuple(category_ids))

    def _set_categories(self, row: int, ids: tuple[int, ...]) -> None:
        item = self.table.item(row, APPLIES)
        item.setData(CATEGORIES_ROLE, ids)
        item.setText("、".join(self.categories.get(i, "") for i in ids) or "全部重点户")

    def _choose_categories(self, row: int, column: int) -> None:
        if column != APPLIES:
            return
        chosen = set(self.table.item(row, APPLIES).data(CATEGORIES_ROLE) or ())
        menu = QMenu(self)
        actions = {}
        for category_id, name in self.categories.items():
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(category_id in chosen)
            actions[category_id] = action
        menu.exec(self.table.viewport().mapToGlobal(self.table.visualItemRect(self.table.item(row, APPLIES)).center()))
        self._set_categories(row, tuple(c for c, action in actions.items() if action.isChecked()))

    def add(self) -> None:
        self._add_row(None, "", 3, ())
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, EVENT)
        self.table.editItem(self.table.item(row, EVENT))

    def remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def kinds(self) -> list[MustVisitKind]:
        return [MustVisitKind(self.table.item(r, EVENT).data(ID_ROLE), self.table.item(r, EVENT).text(),
                              self.table.cellWidget(r, DAYS).value(),
                              tuple(self.table.item(r, APPLIES).data(CATEGORIES_ROLE) or ()))
                for r in range(self.table.rowCount())]

    def accept(self) -> None:
        try:
            save_kinds(self.db, self.kinds())
        except RuleInputError as error:
            QMessageBox.warning(self, "无法保存", str(error))
            return
        super().accept()
