"""回访待办: closed opinions no one has called back yet, oldest closing first. The clerk works down the
list: 记录回访 for the selected one (date, method, the resident's verdict), or opens it."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.domain.enums import Satisfaction
from gridoffice.domain.outcome_rules import FollowUpMethod
from gridoffice.services.outcomes.followups import FollowUpTodo, followups_due, record_followup
from gridoffice.views.outcomes.step_dialog import CHOICE, DATE, LINE, Field, StepDialog
from gridoffice.widgets.base_dialog import BaseDialog

ID_ROLE = Qt.ItemDataRole.UserRole
HEADERS = ("编号", "关闭日期", "分类", "反映问题", "认领代表", "承办部门")


class FollowupsDueDialog(BaseDialog):
    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None, *, on_open=None):
        super().__init__(parent, settings_key="followups_due", title="回访待办", default_size=(920, 560))
        self.db, self.clock = db, clock
        self._on_open = on_open
        self.changed = False
        self.header = QLabel(self)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 85), (1, 95), (2, 75), (4, 75), (5, 120)):
            self.table.setColumnWidth(column, width)
        self.table.cellDoubleClicked.connect(lambda row, _column: self.open_selected())
        call = QPushButton("记录回访…", self)
        call.setDefault(True)
        call.clicked.connect(self.record_selected)
        open_button = QPushButton("打开意见", self)
        open_button.clicked.connect(self.open_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(call)
        buttons.addWidget(open_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.table, stretch=1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        todos = followups_due(self.db)
        self.header.setText(f"已关闭、还没有回访的意见 {len(todos)} 件（按关闭日期，最早的在前）。回访结果计入群众满意度。")
        self.table.setRowCount(0)
        for todo in todos:
            self._add(todo)
        if todos:
            self.table.selectRow(0)

    def _add(self, todo: FollowUpTodo) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((todo.serial, f"{todo.closed_on:%Y-%m-%d}" if todo.closed_on else "",
                                       todo.category, todo.content, todo.deputy, todo.department)):
            item = QTableWidgetItem(text)
            item.setData(ID_ROLE, todo.opinion_id)
            item.setToolTip(text)
            self.table.setItem(row, column, item)

    def selected(self) -> tuple[int, str] | None:
        row = self.table.currentRow()
        if row < 0:
            QMessageBox.information(self, "回访待办", "请先选中一条意见。")
            return None
        item = self.table.item(row, 0)
        return item.data(ID_ROLE), item.text()

    def record_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        opinion_id, serial = chosen
        if followup_dialog(self, self.db, self.clock, opinion_id, serial).exec():
            self.changed = True
            row = self.table.currentRow()
            self.refresh()
            self.table.selectRow(min(row, self.table.rowCount() - 1))

    def open_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None and self._on_open is not None:
            self._on_open(chosen[0])
            self.changed = True
            self.refresh()


def followup_dialog(parent: QWidget, db: Database, clock: Clock, opinion_id: int, serial: str) -> StepDialog:
    today = clock.today()
    fields = [Field("on", "回访日期", DATE, default=today, latest=today),
              Field("method", "回访方式", CHOICE, choices=[(m.value, m.value) for m in FollowUpMethod]),
              Field("verdict", "群众评价", CHOICE, choices=[(s.value, s.value) for s in Satisfaction]),
              Field("caller", "回访人", LINE),
              Field("note", "回访记录", placeholder="群众怎么说")]
    return StepDialog(parent, title=f"回访 — {serial}", fields=fields, settings_key="followup",
                      submit=lambda v: record_followup(db, opinion_id, on=v["on"], verdict=v["verdict"], today=today,
                                                       method=v["method"], caller=v["caller"], note=v["note"]))
