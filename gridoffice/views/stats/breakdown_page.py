"""分类统计: the breakdowns (activity kind, station, community, grid, opinion category, channel, status,
month, per deputy). Double-clicking a number opens the records it counts; the 合计 row stays last."""
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QListWidget, QPushButton,
                               QSplitter, QVBoxLayout, QWidget)

from gridoffice.models.stats_model import ColumnsTableModel, text_columns
from gridoffice.models.table_model import RowStyle
from gridoffice.services.stats.breakdowns import Breakdown, breakdowns
from gridoffice.services.stats.figures import number
from gridoffice.services.stats.period import Period, Scope
from gridoffice.widgets.exports import export_to_workbook
from .tables import read_only_table

TOTAL = "合计"


@dataclass(frozen=True)
class ShownRow:
    label: str
    group: object
    values: tuple
    is_total: bool = False


def cell_text(value, is_rate: bool) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return f"{value:.1f}%" if is_rate else number(value)


class BreakdownModel(ColumnsTableModel):
    def row_style(self, row: ShownRow) -> RowStyle | None:
        return RowStyle(background=QColor("#eef2f7")) if row.is_total else None


class BreakdownPage(QWidget):
    def __init__(self, tab):
        super().__init__(tab)
        self.tab = tab
        self.tables: list[Breakdown] = []
        self.list = QListWidget(self)
        self.list.setMaximumWidth(170)
        self.list.currentRowChanged.connect(self._show_table)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:#607d8b;")
        self.model = BreakdownModel(self)
        self.table = read_only_table(self, self.model, cells=True)
        self.table.doubleClicked.connect(self.open_cell)
        export = QPushButton("导出本表到 Excel…", self)
        export.clicked.connect(self.export_table)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(QLabel("双击数字查看记录", self))
        head.addWidget(export)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(head)
        column.addWidget(self.note)
        column.addWidget(self.table, stretch=1)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def count(self, period: Period, scope: Scope) -> None:
        current = self.list.currentRow()
        self.tables = breakdowns(self.tab.db, period, scope)
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([table.title for table in self.tables])
        self.list.blockSignals(False)
        self.list.setCurrentRow(max(current, 0))
        self._show_table(self.list.currentRow())

    def current(self) -> Breakdown | None:
        row = self.list.currentRow()
        return self.tables[row] if 0 <= row < len(self.tables) else None

    def _show_table(self, row: int) -> None:
        if not 0 <= row < len(self.tables):
            return
        table = self.tables[row]
        self.title.setText(table.title)
        self.note.setText(table.note)
        self.note.setVisible(bool(table.note))
        headers = [table.first_header] + [c.header for c in table.columns]
        rates = {i + 1 for i, c in enumerate(table.columns) if c.is_rate}
        numeric = [i + 1 for i, c in enumerate(table.columns) if c.figure or c.is_rate or c.header == "平均办理天数"]

        def cell(shown: ShownRow, index: int) -> str:
            return shown.label if index == 0 else cell_text(shown.values[index - 1], index in rates)

        self.model.set_columns(text_columns(headers, cell, numeric=numeric))
        rows = [ShownRow(r.label, r.group, r.values) for r in table.rows]
        if table.total is not None:
            rows.append(ShownRow(TOTAL, None, table.total, is_total=True))
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(84)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def open_cell(self, index) -> None:
        table = self.current()
        if table is None or not index.isValid():
            return
        shown: ShownRow = self.model.row_at(index.row())
        column = table.columns[index.column() - 1] if index.column() > 0 else \
            next((c for c in table.columns if c.figure), None)
        if column is None or column.figure is None:
            return
        if shown.is_total:
            self.tab.open_records(column.figure, group_label=table.title)
        else:
            self.tab.open_records(column.figure, table.key, shown.group, group_label=shown.label)

    def export_table(self) -> None:
        table = self.current()
        if table is None:
            return
        from gridoffice.services.common.excel_io import write_sheet

        headers = [self.model.headerData(i, Qt.Orientation.Horizontal) for i in range(self.model.columnCount())]
        rows = [[self.model.index(r, c).data() for c in range(self.model.columnCount())]
                for r in range(self.model.rowCount())]
        name = f"{self.tab.period().label()}{table.title}.xlsx"
        export_to_workbook(self, "导出分类统计", name, "行",
                           lambda path: (write_sheet(path, title=table.title, headers=headers, rows=rows), len(rows))[1])
