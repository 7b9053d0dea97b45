"""代表名册 table model, and a proxy that leaves sorting to it.

With thousands of deputies, QSortFilterProxyModel's sorting calls back into Python for every
comparison: half a second each time the filter lets rows back in. The model sorts its own
list with Python's sort instead (a few milliseconds) and the proxy keeps the model's order.
"""
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from gridoffice.domain.enums import DeputyStatus
from gridoffice.services.roster.rows import DeputyRow

from .table_model import CENTER, Column, RowStyle, RowTableModel, SearchProxy, _sortable, attr

RETIRED_GREY = QColor("#9e9e9e")


class RosterTableModel(RowTableModel):
    COLUMNS = (
        Column("name", "姓名", attr("name"), sort_key=lambda r: r.name_pinyin, width=80),
        Column("gender", "性别", attr("gender"), align=CENTER, width=56),
        Column("ethnicity", "民族", attr("ethnicity"), align=CENTER, width=64, hidden_by_default=True),
        Column("birth_month", "出生年月", attr("birth_month"), align=CENTER, width=80, hidden_by_default=True),
        Column("party", "政治面貌", attr("party"), width=90),
        Column("levels", "代表层级", attr("levels"), width=80),
        Column("work_unit", "工作单位及职务", lambda r: f"{r.work_unit}{r.post}", width=260, stretch=True),
        Column("expertise", "专长", attr("expertise"), width=110, hidden_by_default=True),
        Column("mobile", "手机", lambda r: r.mobile_masked, width=110),
        Column("office_phone", "办公电话", attr("office_phone"), width=120, hidden_by_default=True),
        Column("station", "所属联络站", attr("station"), width=150),
        Column("other_stations", "其他站点", attr("other_stations"), width=150, hidden_by_default=True),
        Column("roles", "五员角色", attr("roles"), width=110, hidden_by_default=True),
        Column("grids", "所在网格", attr("grids"), width=120),
        Column("status", "状态", attr("status"), align=CENTER, width=60),
        Column("took_office_on", "任职日期", attr("took_office_on"), align=CENTER, width=96, hidden_by_default=True),
        Column("left_office_on", "离任日期", attr("left_office_on"), align=CENTER, width=96, hidden_by_default=True),
        Column("mobile_public", "公示手机", lambda r: "同意" if r.mobile_public else "", align=CENTER, width=72,
               hidden_by_default=True),
        Column("notes", "备注", attr("notes"), width=160, hidden_by_default=True),
    )

    def search_text(self, row: DeputyRow) -> str:
        # name, pinyin in full and initials, the last digits of a phone, unit, station, grids
        return " ".join((row.name, row.name_pinyin, row.name_initials, row.mobile, row.office_phone.replace("-", ""),
                         row.work_unit, row.post, row.station, row.grids, row.levels, row.party, row.other_stations,
                         row.roles)).lower()

    def row_style(self, row: DeputyRow) -> RowStyle | None:
        if row.status == DeputyStatus.RETIRED.value:
            return RowStyle(foreground=RETIRED_GREY, tooltip="已离任")
        return None

    # --- sorting in the model ------------------------------------------------------------
    _sort: tuple[int, Qt.SortOrder] | None = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order) if 0 <= column < len(self.COLUMNS) else None
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        rows_before = [self._rows[index.row()] for index in before]
        self._sort_rows()
        position = {id(row): number for number, row in enumerate(self._rows)}
        self.changePersistentIndexList(before, [self.index(position[id(row)], index.column())
                                                for row, index in zip(rows_before, before)])
        self.layoutChanged.emit()

    def set_rows(self, rows: Sequence[Any]) -> None:
        super().set_rows(rows)
        if self._sort is not None:
            self.sort(*self._sort)

    def _sort_rows(self) -> None:
        if self._sort is None:
            return
        column, order = self._sort
        key = self.COLUMNS[column].sort_key or self.COLUMNS[column].value

        def sort_key(pair):
            value = _sortable(key(pair[0]))
            return value.lower() if isinstance(value, str) else value

        pairs = sorted(zip(self._rows, self._search_texts), key=sort_key,
                       reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [row for row, _text in pairs]
        self._search_texts = [text for _row, text in pairs]


class ModelSortedProxy(SearchProxy):
    """Searches and filters like SearchProxy; sorting is done by the model, in Python."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)
        super().sort(-1)   # keep the model's order
