"""Long lists (100,000 activities, 50,000 opinions) that open at once whatever their length.

The database counts, searches and sorts; the model holds only the rows it has shown. It knows how
many rows the list has (so the scroll bar is the list's true length) and reads the first screen
with the count. A row further down is read when the view first asks for it: in an order the
database keeps in an index (newest first), a window's ids are read straight away; in another
order, a window near the top or the bottom (the list asked for backwards) is read by itself, the
database sorting only that far; further in, the ids of the whole list, in order, are read once
(one narrow query), then rows are read by id a window at a time.

Where the rows come from is a RowSource: the tab, which knows its filters. The model adds the
search words and the sort to what it asks (services/common/list_query.py). A search in a long list
waits for a pause in the typing; a short list searches at every key, as before.
"""
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QPersistentModelIndex, Qt, QTimer

from gridoffice.services.common.list_query import ListQuery

from .table_model import RowTableModel

WINDOW = 200                  # rows read at a time
NEAR_AN_END = 5              # windows: in an order without an index, one this near the top or the bottom is read by itself
SEARCH_AT_ONCE_UP_TO = 5000   # longer lists search once the typing pauses
TYPING_PAUSE_MS = 250


class RowSource(Protocol):
    """The rows of a long list under the tab's current filters (each call one transaction)."""

    def first_rows(self, query: ListQuery, limit: int) -> tuple[int, list[Any]]:
        """(how many rows the list has, its first `limit` rows)."""

    def count_rows(self, query: ListQuery) -> int:
        """How many rows the list has."""

    def row_ids(self, query: ListQuery, offset: int = 0, limit: int | None = None) -> list[int]:
        """The ids of its rows, in order: all of them, or `limit` from `offset` (`query.from_end`:
        in the reverse order, the offset counted from the last row)."""

    def seeks(self, query: ListQuery) -> bool:
        """Whether the database reads this order from an index (a window far down is then read
        without reading the ids of every row above it)."""

    def rows_by_id(self, ids: Sequence[int]) -> list[Any]:
        """The rows with these ids, in this order (rows deleted since are left out)."""


class PagedModel(RowTableModel):
    """A table model over a RowSource; each row object has an `id`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._source: RowSource | None = None
        self._query = ListQuery()
        self._count = 0
        self._unsearched: int | None = None    # the count without the search words, when asked for
        self._loaded: list[Any] = []           # one entry per row: the row, or None until read
        self._ids: list[int] | None = None
        self._opened = False
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.reload)
        self._pending_words: tuple[str, ...] | None = None

    # --- what the tab sees ------------------------------------------------------------------
    @property
    def query(self) -> ListQuery:
        """The search and sort applied (the tab adds its filters to ask for totals)."""
        return self._query

    def set_source(self, source: RowSource) -> None:
        self._source = source

    def reload(self) -> None:
        """Count and read the first window again (the filters, the search or the data changed)."""
        self._typing.stop()
        if self._pending_words is not None:
            self._query = replace(self._query, words=self._pending_words)
            self._pending_words = None
        count, first = self._source.first_rows(self._query, WINDOW) if self._source else (0, [])
        self.beginResetModel()
        self._opened = True
        self._count = count
        self._unsearched = None
        self._ids = None
        self._loaded = list(first[:count]) + [None] * (count - min(len(first), count))
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        """The row shown at this position (read if need be); None if it was deleted meanwhile."""
        found = self._loaded[row]
        if found is None:
            self._read_window(row)
            found = self._loaded[row]
        return found if found is not _GONE else None

    def rows(self) -> list[Any]:
        """Every row of the list, in order (all read, in one go, if not yet)."""
        if any(row is None for row in self._loaded):
            ids = self._all_ids()
            found = {row.id: row for row in self._source.rows_by_id(ids)}
            self._loaded = [found.get(id_, _GONE) for id_ in ids[:self._count]]
            self._loaded += [_GONE] * (self._count - len(self._loaded))
        return [row for row in self._loaded if row is not _GONE]

    def total_count(self) -> int:
        """How many rows the filters select before the search narrows them."""
        if not self._query.words:
            return self._count
        if self._unsearched is None:
            self._unsearched = self._source.count_rows(replace(self._query, words=()))
        return self._unsearched

    # --- changing what is shown ---------------------------------------------------------------
    def set_query(self, text: str) -> None:
        words = ListQuery.words_of(text)
        if words == (self._pending_words if self._pending_words is not None else self._query.words):
            return
        self._pending_words = words
        if self._count > SEARCH_AT_ONCE_UP_TO and self._opened:
            self._typing.start()
        elif self._opened:
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self._query = replace(self._query, sort_key=self.COLUMNS[column].key,
                              descending=order == Qt.SortOrder.DescendingOrder)
        if self._opened:   # before the first reload the tab has not set its filters yet
            self.reload()

    # --- reading rows -------------------------------------------------------------------------
    def _all_ids(self) -> list[int]:
        if self._ids is None:
            self._ids = self._source.row_ids(self._query)
        return self._ids

    def _read_window(self, row: int) -> None:
        start = row - row % WINDOW
        size = min(WINDOW, self._count - start)
        below = self._count - start - size   # the rows after the window
        near = NEAR_AN_END * WINDOW
        if self._ids is None and (start < near or self._source.seeks(self._query)):
            ids = self._source.row_ids(self._query, start, size)
        elif self._ids is None and below < near:   # read backwards from the last row
            ids = self._source.row_ids(replace(self._query, from_end=True), below, size)[::-1]
        else:
            ids = self._all_ids()[start:start + size]
        found = {found.id: found for found in self._source.rows_by_id(ids)}
        for offset in range(size):
            id_ = ids[offset] if offset < len(ids) else None
            self._loaded[start + offset] = found.get(id_, _GONE)

    # --- QAbstractTableModel --------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._count

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.row_at(index.row()) is None:
            return None
        return self._data_of(self._loaded[index.row()], index.column(), role)

    def set_rows(self, rows: Sequence[Any]) -> None:
        raise TypeError("a PagedModel reads its rows from its source: call reload()")


_GONE = object()   # a row deleted after the list was counted: shown empty


class PagedProxy(QIdentityProxyModel):
    """The interface of SearchProxy over a PagedModel, which searches and sorts in the database;
    this proxy passes rows through unchanged (no mapping of 100,000 rows)."""

    def sourceModel(self) -> PagedModel:  # noqa: N802 (Qt's name)
        return super().sourceModel()

    def set_query(self, text: str) -> None:
        self.sourceModel().set_query(text)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def source_row(self, proxy_row: int) -> Any:
        return self.sourceModel().row_at(proxy_row)

    def accepted_rows(self) -> list[Any]:
        return self.sourceModel().rows()
