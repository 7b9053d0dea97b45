"""Long lists (tens of thousands of rows) that still open, sort and search in milliseconds.

QSortFilterProxyModel calls back into Python for every comparison when it sorts (20,000 rows:
about two seconds) and for every row when it filters, and a search removes rows in many small
ranges, each one a signal. Here the model sorts and filters its own rows in plain Python and
resets once; the proxy is a pass-through that only offers the SearchProxy interface.
"""
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt

from .table_model import RowTableModel, _sortable


class PresortedModel(RowTableModel):
    """Holds every loaded row; shows those that match the search, in the chosen order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[Any] = []
        self._texts: list[str] | None = None          # search texts of _all, built on the first search
        self._words: list[str] = []
        self._accept: Callable[[Any], bool] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- what the tab sees --------------------------------------------------------------
    def rows(self) -> list[Any]:
        """The rows shown, in order."""
        return self._rows

    def total_count(self) -> int:
        """Every loaded row, whether the search shows it or not."""
        return len(self._all)

    # --- changing what is shown ----------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self._all = self._sorted(list(rows))
        self._texts = None
        self._show()

    def set_query(self, text: str) -> None:
        self._words = text.lower().split()
        self._show()

    def set_extra_filter(self, accept: Callable[[Any], bool] | None) -> None:
        self._accept = accept
        self._show()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self._sort = (column, order)
        self._all = self._sorted(self._all)
        self._texts = None
        self._show()

    def _show(self) -> None:
        rows = self._all
        if self._words:
            if self._texts is None:
                self._texts = [self.search_text(row) for row in self._all]
            words = self._words
            rows = [row for row, text in zip(self._all, self._texts) if all(word in text for word in words)]
        if self._accept is not None:
            rows = [row for row in rows if self._accept(row)]
        self.beginResetModel()
        self._rows = rows if rows is not self._all else list(rows)
        self.endResetModel()

    def _sorted(self, rows: list[Any]) -> list[Any]:
        if self._sort is None:
            return rows
        column, order = self._sort
        spec = self.COLUMNS[column]
        value = spec.sort_key or spec.value

        def key(row):
            sortable = _sortable(value(row))
            # numbers before texts, so a column never compares a number with a text
            return (isinstance(sortable, str), sortable)

        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)


class PresortedProxy(QSortFilterProxyModel):
    """The interface of SearchProxy over a PresortedModel, which does the sorting and the
    searching itself; this proxy passes rows through unchanged (no Python call per row)."""

    def sourceModel(self) -> PresortedModel:  # noqa: N802 (Qt's name)
        return super().sourceModel()

    def set_query(self, text: str) -> None:
        self.sourceModel().set_query(text)

    def set_extra_filter(self, accept: Callable[[Any], bool] | None) -> None:
        self.sourceModel().set_extra_filter(accept)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def source_row(self, proxy_row: int) -> Any:
        return self.sourceModel().row_at(self.mapToSource(self.index(proxy_row, 0)).row())

    def accepted_rows(self) -> list[Any]:
        return self.sourceModel().rows()
