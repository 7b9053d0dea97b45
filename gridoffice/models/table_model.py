"""A table model over a list of row objects, and the proxy that sorts and searches it.

Each concrete model only declares its COLUMNS; rows come from a service function.
"""
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class Column:
    key: str                                   # stable id (settings, tests)
    header: str                                # Chinese header shown
    value: Callable[[Any], object]             # what the cell shows
    sort_key: Callable[[Any], object] | None = None
    align: Qt.AlignmentFlag = LEFT
    width: int = 100                           # default width in pixels
    hidden_by_default: bool = False
    stretch: bool = False                      # takes the room left over (one per table)


def attr(name: str) -> Callable[[Any], object]:
    return lambda row: getattr(row, name)


@dataclass
class RowStyle:
    foreground: QColor | None = None
    background: QColor | None = None
    tooltip: str = ""


class RowTableModel(QAbstractTableModel):
    COLUMNS: Sequence[Column] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self._search_texts: list[str] = []

    # --- what subclasses may refine -------------------------------------------------
    def search_text(self, row: Any) -> str:
        """The text a search box query is matched against (lower case)."""
        return " ".join(_display(column.value(row)) for column in self.COLUMNS).lower()

    def row_style(self, row: Any) -> RowStyle | None:
        return None

    # --- rows ------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._search_texts = [self.search_text(row) for row in self._rows]
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def search_text_at(self, row: int) -> str:
        return self._search_texts[row]

    def column_index(self, key: str) -> int:
        return next(i for i, column in enumerate(self.COLUMNS) if column.key == key)

    # --- QAbstractTableModel --------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section].header
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        return self._data_of(self._rows[index.row()], index.column(), role)

    def _data_of(self, row: Any, column_index: int, role: int):
        column = self.COLUMNS[column_index]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(column.value(row))
        if role == Qt.ItemDataRole.ToolTipRole:
            style = self.row_style(row)
            text = _display(column.value(row))
            # long texts are elided in the cell: the tooltip shows them whole
            return "\n".join(t for t in (text if len(text) > 8 else "", style.tooltip if style else "") if t) or None
        if role == SORT_ROLE:
            value = (column.sort_key or column.value)(row)
            return _sortable(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            style = self.row_style(row)
            if style is None:
                return None
            color = style.foreground if role == Qt.ItemDataRole.ForegroundRole else style.background
            return QBrush(color) if color else None
        return None


def _display(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.strftime("%H:%M") if type(value).__name__ == "time" else value.isoformat()
    return str(value)


def _sortable(value: object):
    """Values Qt can compare: numbers stay numbers, everything else compares as text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return _display(value)


@dataclass
class _Query:
    words: list[str] = field(default_factory=list)


class SearchProxy(QSortFilterProxyModel):
    """Sorts by each column's sort key; keeps rows whose search text holds every word typed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._query = _Query()
        self._extra_filter: Callable[[Any], bool] | None = None

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._query = _Query(text.lower().split())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_extra_filter(self, accept: Callable[[Any], bool] | None) -> None:
        """A filter from the tab's own controls (status, level...), combined with the search."""
        self.beginFilterChange()
        self._extra_filter = accept
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model: RowTableModel = self.sourceModel()
        if self._extra_filter and not self._extra_filter(model.row_at(source_row)):
            return False
        if not self._query.words:
            return True
        text = model.search_text_at(source_row)
        return all(word in text for word in self._query.words)

    def source_row(self, proxy_row: int) -> Any:
        source_index = self.mapToSource(self.index(proxy_row, 0))
        return self.sourceModel().row_at(source_index.row())
