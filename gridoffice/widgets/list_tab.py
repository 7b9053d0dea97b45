"""A tab that lists rows: a search box that filters as you type, the table, the row count.

Subclasses give the model and a loader: a service function taking the Database and returning
the rows (it opens its own session: views never do). They may add controls to `self.toolbar`.
"""
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu, QMessageBox,
                               QTableView, QVBoxLayout, QWidget)

from gridoffice.models.table_model import RowTableModel, SearchProxy
from gridoffice.paths import preview_file

from .row_colors import RowColorDelegate
from .tab_page import TabPage
from .ui_settings import ui_settings

if TYPE_CHECKING:
    from gridoffice.db import Database
    from gridoffice.clock import Clock


class ListTab(TabPage):
    search_hint = "搜索"
    default_sort: tuple[str, Qt.SortOrder] | None = None   # (column key, order) before the clerk sorts
    proxy_class: type[SearchProxy] = SearchProxy            # a tab may sort or filter its own way
    row_activated = Signal(object)

    def __init__(self, db: "Database", clock: "Clock", model: RowTableModel, loader: Callable[["Database"], list[Any]],
                 parent: QWidget | None = None):
        super().__init__(db, clock, parent)
        self.model = model
        self._loader = loader
        self.proxy = self.proxy_class(self)
        self.proxy.setSourceModel(model)
        self._init_widgets()
        self._init_layout()
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    # --- building -----------------------------------------------------------------
    def _init_widgets(self) -> None:
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(self.search_hint)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.proxy.set_query)
        self.count_label = QLabel(self)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(RowColorDelegate(self.table))  # row colours survive the theme
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._show_column_menu)
        self.table.doubleClicked.connect(lambda index: self.row_activated.emit(self.proxy.source_row(index.row())))
        self.toolbar = QHBoxLayout()
        self.toolbar.addWidget(self.search_box, stretch=1)

    def _init_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        self.toolbar.addWidget(self.count_label)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.table)

    # --- data -----------------------------------------------------------------------
    def reload(self) -> None:
        self.model.set_rows(self._load())
        self._update_count()

    def _load(self) -> list[Any]:
        return self._loader(self.db)   # a service taking the Database: the tab never opens a session

    def _update_count(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(f"共 {total} 条" if shown == total else f"显示 {shown} / 共 {total} 条")

    def visible_rows(self) -> list[Any]:
        """The rows as shown: filtered and sorted."""
        return [self.proxy.source_row(r) for r in range(self.proxy.rowCount())]

    def visible_columns(self) -> list[int]:
        return [c for c in range(self.model.columnCount()) if not self.table.isColumnHidden(c)]

    def shown_table(self) -> tuple[list[str], list[list[str]], list[int]]:
        """(headers, cell texts, column widths) exactly as the table shows them, for printing."""
        columns = self.visible_columns()
        headers = [self.model.COLUMNS[c].header for c in columns]
        rows = [[self.proxy.index(r, c).data() or "" for c in columns] for r in range(self.proxy.rowCount())]
        widths = [max(self.table.columnWidth(c), 40) for c in columns]
        return headers, rows, widths

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def print_current(self) -> None:
        """The list as shown (filter, sort, chosen columns) as a PDF, previewed before printing."""
        from gridoffice.services.common.list_pdf import write_list_pdf  # ReportLab: not on the start-up path
        from gridoffice.services.common.settings import read_office_name
        from gridoffice.services.common.typography import NothingToPrintError

        from .pdf_preview import PdfPreviewDialog

        office = read_office_name(self.db)
        headers, rows, _widths = self.shown_table()
        target = preview_file(f"{self.title}.pdf")
        try:
            write_list_pdf(target, title=self.title, office_name=office, headers=headers, rows=rows,
                           today=self.clock.today())
        except NothingToPrintError as error:
            QMessageBox.information(self, "没有可打印的记录", str(error))
            return
        except OSError as error:
            QMessageBox.warning(self, "无法生成 PDF", f"生成“{self.title}”失败：{error}")
            return
        PdfPreviewDialog(target, title=self.title, suggested_name=f"{self.title}-{self.clock.today():%Y%m%d}.pdf",
                         parent=self).exec()

    # --- columns: widths and visibility remembered ------------------------------------
    def restore_state(self) -> None:
        self.restore_columns()

    def save_state(self) -> None:
        self.save_columns()

    def restore_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        bold = header.font()
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        for index, column in enumerate(self.model.COLUMNS):
            # never narrower than the header text plus the sort arrow
            self.table.setColumnWidth(index, max(column.width, metrics.horizontalAdvance(column.header) + 40))
            self.table.setColumnHidden(index, column.hidden_by_default)
        key, order = self.default_sort or (self.model.COLUMNS[0].key, Qt.SortOrder.AscendingOrder)
        header.setSortIndicator(self.model.column_index(key), order)
        state = ui_settings().value(f"tabs/{self.settings_key}/header")
        if state is not None:
            header.restoreState(state)
        for index, column in enumerate(self.model.COLUMNS):
            mode = QHeaderView.ResizeMode.Stretch if column.stretch else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(index, mode)
        self.table.setSortingEnabled(True)  # sorts by the indicator set above

    def save_columns(self) -> None:
        ui_settings().setValue(f"tabs/{self.settings_key}/header", self.table.horizontalHeader().saveState())

    def _show_column_menu(self, position) -> None:
        menu = QMenu(self)
        menu.setTitle("显示的列")
        for index, column in enumerate(self.model.COLUMNS):
            action = menu.addAction(column.header)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(index))
            action.toggled.connect(lambda shown, i=index: self.table.setColumnHidden(i, not shown))
        menu.exec(self.table.horizontalHeader().mapToGlobal(position))
