"""走访记录 tab: the activity log filtered by date range, kind, deputy and grid, with its totals.

A big log (a district: 100,000 activities) opens on the last three months; a street office's
log (a few hundred a year) opens whole. The database filters, searches, sorts and adds up; the
list reads the rows on screen (widgets/long_list_tab.py).
"""
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.domain.enums import ActivityKind, OpinionChannel
from gridoffice.models.activity_model import ActivityTableModel
from gridoffice.services.activities.excel import export_activity_rows
from gridoffice.services.activities.records import (ActivityFilter, ActivityRow, activities_by_id, activity_ids,
                                                    activity_list_totals, activity_span, count_activities,
                                                    in_date_order, more_activities_than, open_activity_list)
from gridoffice.services.common.list_query import ListQuery
from gridoffice.services.common.lookups import grid_choices
from gridoffice.widgets.exports import export_to_workbook
from gridoffice.widgets.filters import ChoiceCombo, DateRangeFilter, DeputyFilterButton, SearchableCombo, filter_bar
from gridoffice.widgets.long_list_tab import LongListTab


WHOLE_LOG_UP_TO = 5000    # activities: at most this many, the tab opens on all of them


class ActivitiesTab(LongListTab):
    title = "走访记录"
    settings_key = "activities"
    help_page = "activities"
    search_hint = "搜索：日期、类型、网格、联络站、地点、代表、内容…"
    default_sort = ("date", Qt.SortOrder.DescendingOrder)  # newest first
    can_create = True

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(db, clock, ActivityTableModel(), parent)
        self._window_chosen = False
        self._init_filters()
        self._init_actions()
        self.row_activated.connect(lambda row: self.open_activity(row.id))

    # --- building -------------------------------------------------------------------
    def _init_filters(self) -> None:
        self.dates = DateRangeFilter(self.clock.today, self)
        self.kind_filter = ChoiceCombo("全部类型", self)
        self.kind_filter.set_choices([(k.value, k.value) for k in ActivityKind])
        self.deputy_filter = DeputyFilterButton(self.db, self)
        self.grid_filter = SearchableCombo("全部网格", self)
        self.grid_filter.setMinimumWidth(150)
        self.grid_filter.lineEdit().setPlaceholderText("网格编号或名称")
        clear = QPushButton("清除筛选", self)
        clear.clicked.connect(self.clear_filters)
        row = QHBoxLayout()
        row.addWidget(self.dates)
        row.addSpacing(12)
        for label, widget in (("类型", self.kind_filter), ("", self.deputy_filter), ("网格", self.grid_filter)):
            if label:
                row.addWidget(QLabel(label, self))
            row.addWidget(widget)
        row.addWidget(clear)
        row.addStretch(1)
        self.layout().insertWidget(1, filter_bar(self, row))
        self.dates.changed.connect(self.reload)
        self.kind_filter.currentIndexChanged.connect(self.reload)
        self.deputy_filter.changed.connect(self.reload)
        self.grid_filter.currentIndexChanged.connect(self.reload)

    def _init_actions(self) -> None:
        self.new_button = QPushButton("新建走访记录", self)
        self.new_button.clicked.connect(self.new_record)
        self.opinion_button = QPushButton("登记意见", self)
        self.opinion_button.setToolTip("从所选活动登记群众意见（需求单）")
        self.opinion_button.clicked.connect(self.register_opinion_from_selected)
        self.export_action = QAction("导出走访记录到 Excel…", self)
        self.export_action.triggered.connect(self.export_shown)
        self.opinion_action = QAction("从所选活动登记群众意见…", self)
        self.opinion_action.triggered.connect(self.register_opinion_from_selected)
        self.campaign_action = self.make_action("把所选活动归入专项活动…", self.tag_campaign,
                                                "例如把反诈宣传进网格的走访归入该专项活动（可按住 Ctrl 或 Shift 多选）")
        self.toolbar.insertWidget(0, self.opinion_button)
        self.toolbar.insertWidget(0, self.new_button)

    def menu_actions(self) -> dict[str, list[QAction]]:
        return {"文件": [self.export_action], "编辑": [self.opinion_action, self.campaign_action]}

    # --- data -----------------------------------------------------------------------
    def where(self) -> ActivityFilter:
        start, end = self.dates.date_range()
        return ActivityFilter(start=start, end=end, kind=self.kind_filter.value(),
                              deputy_id=self.deputy_filter.deputy_id, grid_id=self.grid_filter.value())

    def first_rows(self, query: ListQuery, limit: int):
        if not self._window_chosen:
            self._window_chosen = True
            self.dates.blockSignals(True)
            self.dates.set_preset("近三个月" if more_activities_than(self.db, WHOLE_LOG_UP_TO) else "全部")
            self.dates.blockSignals(False)
        if self.dates.date_range()[0] is None:
            self.dates.show_span(*activity_span(self.db))
        listing = open_activity_list(self.db, self.where(), query, limit)
        return listing.count, listing.rows

    def count_rows(self, query: ListQuery) -> int:
        return count_activities(self.db, self.where(), query)

    def row_ids(self, query: ListQuery, offset: int = 0, limit: int | None = None) -> list[int]:
        return activity_ids(self.db, self.where(), query, offset, limit)

    def seeks(self, query: ListQuery) -> bool:
        return in_date_order(query)

    def rows_by_id(self, ids) -> list[ActivityRow]:
        return activities_by_id(self.db, ids)

    def reload(self) -> None:
        """The grid filter's list follows new grids; the rows come from the services, each its own transaction."""
        grids = [(c.id, c.label) for c in grid_choices(self.db)]
        if self.grid_filter.count() != len(grids) + 1:
            current = self.grid_filter.value()
            self.grid_filter.blockSignals(True)
            self.grid_filter.set_choices(grids, current)
            self.grid_filter.blockSignals(False)
        super().reload()

    def clear_filters(self) -> None:
        for widget in (self.kind_filter, self.grid_filter, self.deputy_filter):
            widget.blockSignals(True)
        self.kind_filter.set_value(None)
        self.grid_filter.set_value(None)
        self.deputy_filter.set_deputy(None)
        for widget in (self.kind_filter, self.grid_filter, self.deputy_filter):
            widget.blockSignals(False)
        self.search_box.clear()
        self.reload()

    def summary(self) -> str:
        totals = activity_list_totals(self.db, self.where(), self.model.query)
        return f"合计（{self.dates.describe()}，当前显示）：{totals.describe()}"

    def empty_state_content(self):
        return ("这里还没有走访记录", "代表进网格走访、入户、参加议事会和接待的记录：日期、网格、参加代表、联系群众人数和内容。"
                "走访中群众反映的问题可以直接登记为民情意见。",
                [("新建走访记录…", self.new_record)])

    def delete_row(self, row: ActivityRow) -> bool:
        """Delete: the form's 删除这条记录, with its question."""
        from gridoffice.views.activities.form import confirm_delete_activity

        return confirm_delete_activity(self, self.db, row.id)

    # --- actions --------------------------------------------------------------------
    def new_record(self) -> None:
        self.open_activity(None)

    def open_activity(self, activity_id: int | None) -> None:
        from gridoffice.views.activities.form import ActivityDialog

        dialog = ActivityDialog(self.db, self.clock, self, activity_id=activity_id)
        if dialog.exec() or dialog.changed:
            self.reload()

    def register_opinion_from_selected(self) -> None:
        from gridoffice.views.opinions.form_dialog import register_opinion_dialog

        row = self.selected_row()
        if row is None:
            QMessageBox.information(self, "登记意见", "请先在列表中选中一次活动。")
            return
        if register_opinion_dialog(self.db, self, clock=self.clock, channel=OpinionChannel.VISIT.value,
                                   received_on=row.date, activity_id=row.id, grid_id=row.grid_id) is not None:
            self.reload()

    def tag_campaign(self) -> None:
        from gridoffice.views.outcomes.pickers import tag_to_campaign

        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        tag_to_campaign(self.db, self, activity_ids=[self.proxy.source_row(row).id for row in rows])

    def export_shown(self) -> None:
        rows = self.visible_rows()
        export_to_workbook(self, "导出走访记录", f"走访记录-{self.clock.today():%Y%m%d}.xlsx", "条走访记录",
                           lambda path: export_activity_rows(self.db, path, rows))
