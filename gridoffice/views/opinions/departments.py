"""职能部门: the departments opinions are assigned to, with a contact and a phone."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from gridoffice.db import Database
from gridoffice.services.opinions.lists import DepartmentEntry, ListInputError, list_departments, save_departments
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import ok_cancel_buttons


class DepartmentListDialog(BaseDialog):
    HEADERS = ("部门名称", "联系人", "电话", "备注", "承办意见")

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent, settings_key="departments", title="职能部门", default_size=(760, 480))
        self.db = db
        self._deleted: list[int] = []
        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setHorizontalHeaderLabels(self.HEADERS)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 90), (2, 130), (3, 160), (4, 80)):
            self.table.setColumnWidth(column, width)
        for entry in list_departments(db):
            self._add_row(entry)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        add = QPushButton("添加部门", self)
        add.clicked.connect(lambda: self._add_row(DepartmentEntry(None, ""), edit=True))
        remove = QPushButton("删除所选部门", self)
        remove.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("交办意见时从这里选择承办部门。已承办意见的部门不能删除，可以改名。", self))
        layout.addWidget(self.table, stretch=1)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(ok_cancel_buttons(self, "保存"))

    def _add_row(self, entry: DepartmentEntry, *, edit: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((entry.name, entry.contact, entry.phone, entry.notes)):
            item = QTableWidgetItem(text)
            if column == 0:
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.table.setItem(row, column, item)
        used = QTableWidgetItem(str(entry.used))
        used.setFlags(used.flags() & ~Qt.ItemFlag.ItemIsEditable)
        used.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 4, used)
        if edit:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))

    def remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        if int(self.table.item(row, 4).text() or 0):
            self.error_label.setText(f"“{self.table.item(row, 0).text()}”已承办意见，不能删除；可以改名。")
            return
        department_id = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        if department_id is not None:
            self._deleted.append(department_id)
        self.table.removeRow(row)

    def entries(self) -> list[DepartmentEntry]:
        return [DepartmentEntry(self.table.item(r, 0).data(Qt.ItemDataRole.UserRole),
                                *(self.table.item(r, c).text() if self.table.item(r, c) else "" for c in range(4)))
                for r in range(self.table.rowCount())]

    def accept(self) -> None:
        try:
            save_departments(self.db, self.entries(), self._deleted)
        except ListInputError as error:
            self.error_label.setText(str(error))
            return
        super().accept()
