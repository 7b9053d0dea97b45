"""A ListTab for lists of tens of thousands of rows (the district's activities and opinions).

The model sorts and searches its own rows (models/presorted.py), and the tab gets a line for
the totals of what is shown.
"""
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from gridoffice.models.presorted import PresortedModel, PresortedProxy

from .list_tab import ListTab

if TYPE_CHECKING:
    from gridoffice.db import Database
    from gridoffice.clock import Clock


class LongListTab(ListTab):
    proxy_class = PresortedProxy

    def __init__(self, db: "Database", clock: "Clock", model: PresortedModel, loader, parent: QWidget | None = None):
        super().__init__(db, clock, model, loader, parent)
        self.summary_label = QLabel(self)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.layout().addWidget(self.summary_label)

    def _update_count(self, *_args) -> None:
        shown, total = self.model.rowCount(), self.model.total_count()
        self.count_label.setText(f"共 {total} 条" if shown == total else f"显示 {shown} / 共 {total} 条")
        self.summary_label.setText(self.summary(self.model.rows()))
        self.update_empty_state(total)

    def current_row(self) -> Any | None:
        return self.selected_row()

    def summary(self, rows: list[Any]) -> str:
        """The line under the table: totals of the rows shown."""
        return ""

    def visible_rows(self) -> list[Any]:
        return list(self.model.rows())

    def selected_row(self) -> Any | None:
        index = self.table.currentIndex()
        return self.proxy.source_row(index.row()) if index.isValid() else None
