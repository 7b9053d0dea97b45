"""The read-only tables of the 统计 tab and its dialogs, set up one way: rows selected whole (or cells,
for a breakdown's numbers), alternating colours that survive the theme, no row numbers."""
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from gridoffice.widgets.row_colors import RowColorDelegate


def read_only_table(parent: QWidget, model, *, sortable: bool = False, cells: bool = False,
                    fit: bool = False) -> QTableView:
    """cells: select single cells (each opens its own records); fit: columns as wide as their text."""
    table = QTableView(parent)
    table.setModel(model)
    table.setItemDelegate(RowColorDelegate(table))
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems if cells
                               else QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setSortingEnabled(sortable)
    if fit:
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
    return table
