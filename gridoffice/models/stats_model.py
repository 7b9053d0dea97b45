"""Table models of the 统计 tab, whose columns come with the data: a breakdown's, a list of records',
the ranking's. Numbers sort as numbers and sit on the right."""
from collections.abc import Callable, Sequence
from typing import Any

from .table_model import LEFT, RIGHT, Column, RowTableModel


def _sortable_number(text: str):
    cleaned = text.rstrip("%")
    try:
        return float(cleaned)
    except ValueError:
        return text


class ColumnsTableModel(RowTableModel):
    """Rows of any object; `set_columns` gives the columns before the rows are set."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.COLUMNS: Sequence[Column] = ()

    def set_columns(self, columns: Sequence[Column]) -> None:
        self.beginResetModel()
        self.COLUMNS = list(columns)
        self._rows, self._search_texts = [], []
        self.endResetModel()


def text_columns(headers: Sequence[str], cell: Callable[[Any, int], str], *, numeric: Sequence[int] = (),
                 widths: Sequence[int] | None = None, stretch: int | None = None) -> list[Column]:
    """Columns over rows whose cells `cell(row, index)` gives as text; numeric ones right-aligned and
    sorted as numbers."""
    columns = []
    for index, header in enumerate(headers):
        is_number = index in numeric
        columns.append(Column(
            f"c{index}", header, lambda row, i=index: cell(row, i),
            sort_key=(lambda row, i=index: _sortable_number(cell(row, i))) if is_number else None,
            align=RIGHT if is_number else LEFT,
            width=widths[index] if widths else (80 if is_number else 120), stretch=index == stretch))
    return columns
