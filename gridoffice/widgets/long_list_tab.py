"""A ListTab for lists of up to hundreds of thousands of rows (the district's activities and opinions).

The model reads only the rows on screen (models/paged.py); the tab is its RowSource: it asks the
services for rows under its filters, plus the model's search and sort. Under the table, a line of
totals of the whole list (counted by the database), filled just after the first screen of rows
is shown, so the rows never wait for the sums.
"""
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from gridoffice.models.paged import PagedModel, PagedProxy
from gridoffice.services.common.list_query import ListQuery

from .list_tab import ListTab

if TYPE_CHECKING:
    from gridoffice.db import Database
    from gridoffice.clock import Clock


class LongListTab(ListTab):
    proxy_class = PagedProxy

    def __init__(self, db: "Database", clock: "Clock", model: PagedModel, parent: QWidget | None = None):
        super().__init__(db, clock, model, lambda _db: self.model.rows(), parent)
        model.set_source(self)
        self.summary_label = QLabel(self)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.layout().addWidget(self.summary_label)
        self._summary_timer = QTimer(self)   # the totals after the rows: the next turn of the event loop
        self._summary_timer.setSingleShot(True)
        self._summary_timer.timeout.connect(self.show_summary)

    # --- RowSource: the subclass reads rows under its filters -------------------------------------
    def first_rows(self, query: ListQuery, limit: int) -> tuple[int, list[Any]]:
        raise NotImplementedError

    def count_rows(self, query: ListQuery) -> int:
        return self.first_rows(query, 0)[0]

    def row_ids(self, query: ListQuery, offset: int = 0, limit: int | None = None) -> list[int]:
        raise NotImplementedError

    def seeks(self, query: ListQuery) -> bool:
        return False

    def rows_by_id(self, ids: Sequence[int]) -> list[Any]:
        raise NotImplementedError

    def summary(self) -> str:
        """The line under the table: totals of the whole list as filtered and searched."""
        return ""

    # --- ListTab --------------------------------------------------------------------------------
    def reload(self) -> None:
        self.model.reload()
        self._update_count()

    def _update_count(self, *_args) -> None:
        shown, total = self.model.rowCount(), self.model.total_count()
        self.count_label.setText(f"共 {total} 条" if shown == total else f"显示 {shown} / 共 {total} 条")
        self._summary_timer.start(0)
        self.update_empty_state(total)

    def current_row(self) -> Any | None:
        return self.selected_row()

    def show_summary(self) -> None:
        self._summary_timer.stop()
        self.summary_label.setText(self.summary())

    def visible_rows(self) -> list[Any]:
        return self.model.rows()

    def shown_table(self) -> tuple[list[str], list[list[str]], list[int]]:
        self.model.rows()   # every row read in one go, not a window at a time
        return super().shown_table()

    def selected_row(self) -> Any | None:
        index = self.table.currentIndex()
        return self.proxy.source_row(index.row()) if index.isValid() else None
