"""A tab that lists rows: a search box that filters as you type, the table, the row count.

Subclasses give the model and a loader: a service function taking the Database and returning
the rows (it opens its own session: views never do). They may add controls to `self.toolbar`.

The habits every list shares:
- Enter opens the selected row (as a double click does: `row_activated`), Delete deletes it through
  `delete_row` (the same confirmation as the tab's own delete button), Esc empties the search box;
  F1 (the main window) opens the guide's page for the tab.
- Columns fit the window: the main text column (`Column.stretch`) takes the room left over, and on
  a narrow window the other columns give up width first, down to their headers, so the main text
  keeps a readable width. A column the clerk drags keeps its new width.
- An empty list says what belongs in it and offers the buttons that fill it (`empty_state`).
"""
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu, QMessageBox,
                               QTableView, QVBoxLayout, QWidget)

from gridoffice.models.table_model import RowTableModel, SearchProxy
from gridoffice.paths import preview_file

from .empty_state import Action, EmptyState
from .row_colors import RowColorDelegate
from .tab_page import TabPage
from .ui_settings import ui_settings

if TYPE_CHECKING:
    from gridoffice.db import Database
    from gridoffice.clock import Clock


SHRINK_TO = 0.6   # on a small window a column of long texts gives up at most two fifths of its width
CONTENT_SAMPLE = 60   # rows measured to find how wide a column's texts are
SHORT_TEXTS = 1.25    # texts at most this much wider than the column (dates, deadlines) are never cut further


class ListTab(TabPage):
    search_hint = "搜索"
    default_sort: tuple[str, Qt.SortOrder] | None = None   # (column key, order) before the clerk sorts
    proxy_class: type[SearchProxy] = SearchProxy            # a tab may sort or filter its own way
    row_activated = Signal(object)
    key_column_min = 160    # the main text column never narrower than this while others can give way

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
        self._preferred: dict[int, int] = {}   # column → the width it would like (default, or dragged)
        self._fitting = False
        self.table.horizontalHeader().sectionResized.connect(self._on_section_resized)
        self.table.viewport().installEventFilter(self)
        self.table.installEventFilter(self)
        self.search_box.installEventFilter(self)
        self.empty_state = EmptyState(self.table.viewport())

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
        self.update_empty_state(total)

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

    # --- the empty list ---------------------------------------------------------------------
    def empty_state_content(self) -> tuple[str, str, list[Action]]:
        """(title, what belongs here, [(button, slot)]) for the list with no rows at all."""
        return f"{self.title}还是空的", "", []

    def update_empty_state(self, total: int | None = None) -> None:
        """Show the empty state when nothing is loaded (a search that finds nothing shows the empty table)."""
        total = self.model.rowCount() if total is None else total
        if self.unreadable:   # not empty: unreadable (a damaged page)
            self.empty_state.show_state("这一页的数据无法读出", self.unreadable)
            return
        if total or self.db is None:
            self.empty_state.hide()
            return
        title, text, actions = self.empty_state_content()
        missing, remedies = self.guide_checklist()
        self.empty_state.show_state(title, text, actions, missing, remedies)

    def guide_checklist(self) -> tuple[str, list[Action]]:
        """What the first-run guide still misses ("还差：接待规则") and the buttons that fix it,
        from the main window (a tab alone in a test has none)."""
        from .remedies import main_window

        window = main_window(self)
        return window.guide_checklist() if window is not None and window.db is not None else ("", [])

    # --- keys ---------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self.fit_columns()
        elif event.type() == QEvent.Type.KeyPress:
            if watched is self.table and self._table_key(event):
                return True
            if watched is self.search_box and event.key() == Qt.Key.Key_Escape and self.search_box.text():
                self.search_box.clear()
                return True
            if watched is self.search_box and event.key() == Qt.Key.Key_Down:
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)   # from the search box down to the rows
                if not self.table.currentIndex().isValid() and self.proxy.rowCount():
                    self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)

    def _table_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            row = self.current_row()
            if row is not None:
                self.row_activated.emit(row)
            return True
        if key == Qt.Key.Key_Delete:
            self.delete_selected()
            return True
        if key == Qt.Key.Key_Escape and self.search_box.text():
            self.search_box.clear()
            return True
        return False

    def current_row(self) -> Any | None:
        """The row with the focus (the one Enter opens), or None."""
        index = self.table.currentIndex()
        if not index.isValid():
            selected = self.table.selectionModel().selectedRows()
            index = selected[0] if selected else index
        return self.proxy.source_row(index.row()) if index.isValid() else None

    def delete_selected(self) -> None:
        """The Delete key: the tab's own delete of the current row, with its confirmation."""
        row = self.current_row()
        if row is None:
            return
        if self.db is not None and not self.db.writable:   # the delete buttons are disabled too (read_only.py)
            self.say(f"数据库现在是只读的，不能删除。{self.db.read_only_reason}", 15_000)
            return
        if not self.delete_row(row):
            return
        self.reload()

    def delete_row(self, row: Any) -> bool:
        """Delete one row as the tab's delete button does (asking first); True when it was deleted.
        A list whose rows are never deleted says so."""
        self.say(self.cannot_delete_text())
        return False

    def cannot_delete_text(self) -> str:
        return f"{self.title}中的记录不能在这里删除。"

    def say(self, message: str, timeout_ms: int = 8000) -> None:
        """A sentence in the window's status bar (or nowhere, for a tab alone in a test)."""
        from .remedies import main_window

        window = main_window(self)
        if window is not None:
            window.statusBar().showMessage(message, timeout_ms)

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
        for index in range(len(self.model.COLUMNS)):
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.Interactive)   # fit_columns sizes them
        self._preferred = {index: max(header.sectionSize(index), self._min_width(index))
                           for index in range(len(self.model.COLUMNS))}
        self.table.setSortingEnabled(True)  # sorts by the indicator set above
        self.fit_columns()

    def _min_width(self, column: int) -> int:
        """No column narrower than its header (the clerk must see what it is)."""
        bold = self.table.horizontalHeader().font()
        bold.setBold(True)
        return QFontMetrics(bold).horizontalAdvance(self.model.COLUMNS[column].header) + 22

    def _content_width(self, column: int) -> int:
        """The widest text of the column among the first rows shown (dates, numbers, statuses are short)."""
        metrics = self.table.fontMetrics()
        rows = min(self.proxy.rowCount(), CONTENT_SAMPLE)
        texts = (self.proxy.index(row, column).data() or "" for row in range(rows))
        return max((metrics.horizontalAdvance(str(text)) for text in texts), default=0) + 18

    def _floor(self, column: int, first: int) -> int:
        """How narrow a column may get on a small window: the first one (the name, the number, the
        date) not at all; one whose texts are short (a date, a status) not below them; a column
        of longer texts down to three fifths of its width (the tooltip shows them whole); none
        under its header."""
        preferred = self._preferred.get(column, self.model.COLUMNS[column].width)
        if column == first:
            return preferred
        content = self._content_width(column)
        if content <= preferred * SHORT_TEXTS:
            return max(self._min_width(column), min(content, preferred))
        return max(self._min_width(column), min(preferred, round(preferred * SHRINK_TO)))

    def fit_columns(self) -> None:
        """Widths for the room there is: the preferred widths when they fit, the main text column
        taking what is left; when they do not, the other columns give way first (down to their
        floor) so that the main text keeps at least `key_column_min` pixels; what still does not
        fit scrolls sideways."""
        if self._fitting or not self._preferred:
            return
        columns = self.visible_columns()
        if not columns:
            return
        available = self.table.viewport().width()
        stretch = next((c for c in columns if self.model.COLUMNS[c].stretch), columns[-1])
        others = [c for c in columns if c != stretch]
        widths = {c: self._preferred.get(c, self.model.COLUMNS[c].width) for c in columns}
        key_min = max(self.key_column_min, self._min_width(stretch))
        others_width = sum(widths[c] for c in others)
        if others_width + key_min > available and others:
            floors = {c: self._floor(c, columns[0]) for c in others}
            spare = others_width - sum(floors.values())
            excess = others_width + key_min - available
            share = min(1.0, excess / spare) if spare > 0 else 0.0
            for c in others:
                widths[c] = round(widths[c] - (widths[c] - floors[c]) * share)
        widths[stretch] = max(key_min, available - sum(widths[c] for c in others))
        self._fitting = True
        try:
            header = self.table.horizontalHeader()
            for column, width in widths.items():
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        if self._fitting or not self._preferred:
            return
        self._preferred[column] = max(new, self._min_width(column))   # the clerk dragged it
        self.fit_columns()

    def save_columns(self) -> None:
        ui_settings().setValue(f"tabs/{self.settings_key}/header", self.table.horizontalHeader().saveState())

    def _show_column_menu(self, position) -> None:
        menu = QMenu(self)
        menu.setTitle("显示的列")
        for index, column in enumerate(self.model.COLUMNS):
            action = menu.addAction(column.header)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(index))
            action.toggled.connect(lambda shown, i=index: self.show_column(i, shown))
        menu.exec(self.table.horizontalHeader().mapToGlobal(position))

    def show_column(self, column: int, shown: bool) -> None:
        self.table.setColumnHidden(column, not shown)
        self.fit_columns()
