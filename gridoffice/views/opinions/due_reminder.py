"""At start-up: the matters past their due date and those due this week. Not modal."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from gridoffice.services.opinions.listing import DueSummary, OpinionRow
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.row_colors import RowColorDelegate


class DueReminderDialog(BaseDialog):
    def __init__(self, summary: DueSummary, parent: QWidget | None = None, *, on_open=None):
        super().__init__(parent, settings_key="due_reminder", title="民情意见办理提醒", default_size=(760, 420))
        self.setModal(False)
        self._on_open = on_open
        header = QLabel(f"<b style='color:#c62828;'>超过办理期限 {len(summary.overdue)} 件</b>　　"
                        f"<b style='color:#b26a00;'>本周内到期 {len(summary.due_soon)} 件</b>", self)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(("", "编号", "办理期限", "承办部门", "认领代表", "反映问题"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 70), (1, 85), (2, 95), (3, 120), (4, 75)):
            self.table.setColumnWidth(column, width)
        for label, rows in (("已超期", summary.overdue), ("本周到期", summary.due_soon)):
            for entry in rows:
                self._add(label, entry)
        self.table.setItemDelegate(RowColorDelegate(self.table))
        self.table.cellDoubleClicked.connect(self._open)
        hint = QLabel("双击一行打开这条意见；状态栏随时显示超期和本周到期的件数。", self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("知道了")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(hint)
        layout.addWidget(close)

    def _add(self, label: str, entry: OpinionRow) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        texts = (label, entry.serial, entry.due_on.isoformat() if entry.due_on else "", entry.department, entry.deputy,
                 entry.content)
        color = QColor("#c62828" if entry.overdue else "#b26a00")
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            if column == 0:
                item.setForeground(color)
            self.table.setItem(row, column, item)

    def _open(self, row: int, _column: int) -> None:
        if self._on_open:
            self._on_open(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole))
