"""走访提醒: visits overdue and due this week (must-visit events and regular visits), most urgent
first; a double-click opens the household. Not modal: the clerk works the list down."""
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from gridoffice.services.households.due import DueItem, DueSummary
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.row_colors import RowColorDelegate

HEADERS = ("", "应访日期", "网格", "地址", "姓名", "类别", "类型", "事由")


class DueListDialog(BaseDialog):
    def __init__(self, due: DueSummary, today: dt.date, parent: QWidget | None = None, *, on_open=None, on_print=None):
        super().__init__(parent, settings_key="household_due", title="重点户走访提醒", default_size=(980, 480))
        self.setModal(False)
        self._on_open = on_open
        header = QLabel(f"<b style='color:#c62828;'>已超期 {len(due.overdue)} 项（{due.overdue_households} 户）</b>　　"
                        f"<b style='color:#b26a00;'>本周到期 {len(due.due_soon)} 项（{due.due_soon_households} 户）</b>", self)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setItemDelegate(RowColorDelegate(self.table))
        for label, items in (("已超期", due.overdue), ("本周到期", due.due_soon)):
            for item in items:
                self._add(label, item, today)
        for column, width in enumerate((76, 156, 76, 190, 60, 130, 72)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(self._open)
        hint = QLabel("双击一行打开这户，登记走访后它就从提醒中消失。姓名和门牌已隐去；状态栏随时显示超期和本周到期的户数。", self)
        hint.setWordWrap(True)
        self.events_only = QCheckBox("只看必访事由（不含定期走访）", self)
        self.events_only.toggled.connect(self._filter)
        bottom = QHBoxLayout()
        bottom.addWidget(self.events_only)
        if on_print is not None:
            print_button = QPushButton("打印提醒清单…", self)
            print_button.clicked.connect(on_print)
            bottom.addWidget(print_button)
        bottom.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(hint)
        layout.addLayout(bottom)

    def _add(self, label: str, entry: DueItem, today: dt.date) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        late = f"（超 {entry.days_late(today)} 天）" if entry.overdue else ""
        texts = (label, f"{entry.due_on:%Y-%m-%d}{late}", entry.grid_code, entry.address, entry.name, entry.categories,
                 entry.kind, entry.reason)
        color = QColor("#c62828" if entry.overdue else "#b26a00")
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry.household_id)
            item.setData(Qt.ItemDataRole.UserRole + 1, entry.event_id is not None)
            if column in (0, 1):
                item.setForeground(color)
            self.table.setItem(row, column, item)

    def _filter(self, events_only: bool) -> None:
        for row in range(self.table.rowCount()):
            is_event = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole + 1)
            self.table.setRowHidden(row, events_only and not is_event)

    def _open(self, row: int, _column: int) -> None:
        if self._on_open:
            self._on_open(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole))
