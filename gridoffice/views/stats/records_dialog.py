"""The records behind a figure: a searchable list; double-click (or 打开) opens the record to check or
correct it, and the list (and the tab's figures) are counted again afterwards."""
from collections.abc import Callable

from PySide6.QtWidgets import (QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.models.stats_model import ColumnsTableModel, text_columns
from gridoffice.models.table_model import SearchProxy
from gridoffice.services.stats.records import RecordList
from gridoffice.widgets.base_dialog import BaseDialog

from .opening import open_record
from .tables import read_only_table

NUMERIC_HEADERS = ("人次", "联系群众", "接待群众", "群众", "群众人次", "活动人次", "接待群众（人次）")


class RecordsDialog(BaseDialog):
    """`load()` reads the list again (after a record was changed); `changed` tells the tab to recount."""

    def __init__(self, db: Database, clock: Clock, load: Callable[[], RecordList], parent: QWidget | None = None):
        super().__init__(parent, settings_key="stats_records", title="统计的记录", default_size=(1100, 620))
        self.db, self.clock, self._load = db, clock, load
        self.changed = False
        self.model = ColumnsTableModel(self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self._init_widgets()
        self.reload()

    def _init_widgets(self) -> None:
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText("在这些记录中搜索：日期、代表、类型、内容…")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.proxy.set_query)
        self.search_box.textChanged.connect(lambda _text: self._update_count())
        self.count_label = QLabel(self)
        self.table = read_only_table(self, self.proxy, sortable=True)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        open_button = QPushButton("打开记录(&O)", self)
        open_button.setToolTip("打开选中的记录，核对或改正（也可以双击）")
        open_button.clicked.connect(self.open_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.search_box, stretch=1)
        top.addWidget(self.count_label)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel("双击一行打开记录；改正后这里和统计页的数字会重新计算。", self))
        bottom.addStretch(1)
        bottom.addWidget(open_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.table, stretch=1)
        layout.addLayout(bottom)

    def reload(self) -> None:
        self.listing = self._load()
        self.setWindowTitle(self.listing.title)
        headers = self.listing.headers
        numeric = [i for i, h in enumerate(headers) if h in NUMERIC_HEADERS]
        stretch = next((i for i, h in enumerate(headers) if h in ("内容", "标题", "名称", "反映的问题")), len(headers) - 1)
        self.model.set_columns(text_columns(headers, lambda row, i: row.cells[i], numeric=numeric, stretch=stretch))
        self.model.set_rows(self.listing.rows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.heading.setText(self.listing.title)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self.listing.describe()
        self.count_label.setText(text if shown == total else f"显示 {shown} 条 / {text}")

    def selected_row(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.proxy.source_row(rows[0].row()) if rows else None

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if open_record(self, self.db, self.clock, row.kind, row.id):
            self.changed = True
            self.reload()
