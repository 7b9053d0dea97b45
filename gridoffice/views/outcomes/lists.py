"""What the six 履职成果 lists share: a new-record button, a filter row, Enter or a double-click to
open the form, the selected rows, the list exported as shown, and a signal when records change
(a meeting decision that forms a 代表建议 changes another list too)."""
import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.models.table_model import RowTableModel
from gridoffice.widgets.exports import export_to_workbook
from gridoffice.widgets.filters import ChoiceCombo, DateRangeFilter, DeputyFilterButton, SearchableCombo, filter_bar
from gridoffice.widgets.list_tab import ListTab

YEARS_BACK = 6


class OutcomeList(ListTab):
    """A sub-list of the 履职成果 tab. Subclasses set the texts, build their filters in
    `_init_filters`, read rows in `load`, and open their form in `open_record`."""
    new_text = "新建"
    unit = "条记录"             # in "已导出 12 条记录"
    what = "记录"               # in "请先在列表中选中一条记录"
    can_create = True
    records_changed = Signal()

    def __init__(self, db: Database, clock: Clock, model: RowTableModel, parent: QWidget | None = None):
        super().__init__(db, clock, model, lambda db_: self.load(), parent)
        self.filters: list[QWidget] = []
        self._filter_row = QHBoxLayout()
        self._init_filters()
        clear = QPushButton("清除筛选", self)
        clear.clicked.connect(self.clear_filters)
        self._filter_row.addWidget(clear)
        self._filter_row.addStretch(1)
        self.layout().insertWidget(1, filter_bar(self, self._filter_row))
        self.new_button = QPushButton(self.new_text, self)
        self.new_button.setToolTip(f"{self.new_text}（Ctrl+N）")
        self.new_button.clicked.connect(self.new_record)
        self.toolbar.insertWidget(0, self.new_button)
        self.row_activated.connect(lambda row: self.open_record(row.id))
        self.table.installEventFilter(self)

    # --- what subclasses give ------------------------------------------------------------
    def _init_filters(self) -> None:
        """Add the list's filters with add_filter."""

    def load(self) -> list[Any]:
        raise NotImplementedError

    def open_record(self, record_id: int | None) -> None:
        """Open the form of a record (None: a new one)."""

    # --- filters --------------------------------------------------------------------------
    def add_filter(self, widget: QWidget, label: str = "") -> QWidget:
        if label:
            self._filter_row.addWidget(QLabel(label, self))
        self._filter_row.addWidget(widget)
        self.filters.append(widget)
        if isinstance(widget, (DateRangeFilter, DeputyFilterButton)):
            widget.changed.connect(self.reload)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(self.reload)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self.reload)
        return widget

    def year_filter(self, label: str = "全部年度") -> ChoiceCombo:
        combo = ChoiceCombo(label, self)
        this_year = self.clock.today().year
        combo.set_choices([(year, f"{year} 年") for year in range(this_year + 1, this_year - YEARS_BACK, -1)])
        return combo

    def clear_filters(self) -> None:
        for widget in self.filters:
            widget.blockSignals(True)
            if isinstance(widget, ChoiceCombo):
                widget.set_value(None)
            elif isinstance(widget, SearchableCombo):
                widget.set_value(None)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(False)
            elif isinstance(widget, DeputyFilterButton):
                widget.set_deputy(None)
            elif isinstance(widget, DateRangeFilter):
                widget.set_preset("全部")
            widget.blockSignals(False)
        self.search_box.clear()
        self.reload()

    # --- rows -----------------------------------------------------------------------------
    def today(self) -> dt.date:
        return self.clock.today()

    def selected_rows(self) -> list[Any]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.proxy.source_row(r) for r in rows]

    def selected_row(self) -> Any | None:
        index = self.table.currentIndex()
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row(), index.parent()):
            return self.proxy.source_row(index.row())
        selected = self.selected_rows()
        return selected[0] if selected else None

    def require_selected(self, action: str) -> Any | None:
        row = self.selected_row()
        if row is None:
            QMessageBox.information(self, action, f"请先在列表中选中一条{self.what}。")
        return row

    def select_id(self, record_id: int) -> None:
        """Put the cursor on a record (after creating it)."""
        for proxy_row in range(self.proxy.rowCount()):
            if self.proxy.source_row(proxy_row).id == record_id:
                self.table.selectRow(proxy_row)
                self.table.scrollTo(self.proxy.index(proxy_row, 0))
                return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Enter on a row opens it, as a double-click does."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            row = self.selected_row()
            if row is not None:
                self.row_activated.emit(row)
                return True
        return super().eventFilter(watched, event)

    # --- actions --------------------------------------------------------------------------
    def new_record(self) -> None:
        self.open_record(None)

    def run_dialog(self, dialog) -> None:
        """Show a form; reload when it changed something (saved, or a step taken before closing)."""
        dialog.exec()
        if getattr(dialog, "changed", False):
            self.reload()
            record_id = getattr(dialog, "record_id", None)
            if record_id is not None:
                self.select_id(record_id)
            self.records_changed.emit()

    def export_shown(self) -> None:
        from gridoffice.services.outcomes.excel import export_list   # openpyxl: not at start-up

        headers, rows, _widths = self.shown_table()
        export_to_workbook(self, f"导出{self.title}", f"{self.title}-{self.today():%Y%m%d}.xlsx", self.unit,
                           lambda path: export_list(path, title=self.title, headers=headers, rows=rows))
