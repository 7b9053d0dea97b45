"""民情办理 tab: every opinion and where it stands in the loop; overdue ones in red.

The list reads the opinions received in a date window plus every matter not yet finished,
whenever it came in, so an old overdue matter never drops out of sight. The status bar says
how many are overdue and how many fall due this week; at start-up a list shows them.
"""
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QTabWidget, QWidget

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.domain.enums import OpinionChannel, OpinionStatus
from gridoffice.models.opinion_model import OpinionTableModel
from gridoffice.services.common.list_query import ListQuery
from gridoffice.services.opinions.listing import (DUE_SOON, OVERDUE, DueSummary, OpinionFilter, OpinionRow,
                                                  count_opinions, in_received_order, latest_step_id, more_opinions_than,
                                                  opinion_ids, opinion_list_totals, opinions_by_id,
                                                  read_opinion_list)
from gridoffice.widgets.exports import export_to_workbook
from gridoffice.widgets.filters import ChoiceCombo, DateRangeFilter, DeputyFilterButton, filter_bar
from gridoffice.widgets.long_list_tab import LongListTab

WHOLE_LIST_UP_TO = 5000   # opinions: at most this many, the tab opens on all of them
S = OpinionStatus
# the status drop-down: "status:<status>" or "due:<overdue|soon>"
STATUS_CHOICES = [(f"status:{s.value}", s.value) for s in S] + [(f"due:{OVERDUE}", "超期"),
                                                                (f"due:{DUE_SOON}", "本周到期")]


class OpinionsTab(LongListTab):
    title = "民情办理"
    settings_key = "opinions"
    help_page = "opinions"
    search_hint = "搜索：编号、问题、地点、网格、代表、部门、状态…"
    default_sort = ("received_on", Qt.SortOrder.DescendingOrder)
    can_create = True

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(db, clock, OpinionTableModel(), parent)
        self._window_chosen = False
        self._loaded_step: int | None = None   # the latest history entry when the list was read
        self.due = DueSummary([], [])
        self._reminder = None    # the start-up list of due matters, while it is open
        self._init_filters()
        self._init_actions()
        self.due_label = QLabel(self)
        self.due_label.setTextFormat(Qt.TextFormat.RichText)
        self.due_label.linkActivated.connect(self.show_due)
        self.due_label.setToolTip("点击查看超期和本周到期的意见")
        self.followup_label = QLabel(self)
        self.followup_label.setTextFormat(Qt.TextFormat.RichText)
        self.followup_label.linkActivated.connect(self.show_followups)
        self.followup_label.setToolTip("已关闭、还没有回访的意见：点击逐条回访")
        self.followups_due = 0
        self.row_activated.connect(lambda row: self.open_opinion(row.id))

    # --- building -------------------------------------------------------------------
    def _init_filters(self) -> None:
        self.dates = DateRangeFilter(self.clock.today, self, label="登记日期")
        self.unfinished_check = QCheckBox("含往年未办结", self)
        self.unfinished_check.setChecked(True)
        self.unfinished_check.setToolTip("日期范围之外、还没有办结的意见也列出来，超期的不会漏看")
        self.status_filter = ChoiceCombo("全部状态", self)
        self.status_filter.set_choices(STATUS_CHOICES)
        self.category_filter = ChoiceCombo("全部分类", self)
        self.deputy_filter = DeputyFilterButton(self.db, self)
        self.department_filter = ChoiceCombo("全部部门", self)
        self.department_filter.setMinimumWidth(120)
        clear = QPushButton("清除筛选", self)
        clear.clicked.connect(self.clear_filters)
        row = QHBoxLayout()
        row.addWidget(self.dates)
        row.addWidget(self.unfinished_check)
        row.addSpacing(8)
        for widget in (self.status_filter, self.category_filter, self.deputy_filter, self.department_filter, clear):
            row.addWidget(widget)
        row.addStretch(1)
        self.layout().insertWidget(1, filter_bar(self, row))
        self.dates.changed.connect(self.reload)
        self.unfinished_check.toggled.connect(self.reload)
        for combo in (self.status_filter, self.category_filter, self.department_filter):
            combo.currentIndexChanged.connect(self.reload)
        self.deputy_filter.changed.connect(self.reload)

    def _init_actions(self) -> None:
        new_button = QPushButton("登记意见", self)
        new_button.setToolTip("登记群众意见（需求单），Ctrl+N")
        new_button.clicked.connect(self.new_record)
        self.toolbar.insertWidget(0, new_button)
        for index, (text, slot, tip) in enumerate((
                ("形成代表建议…", self.form_suggestion, "由所选意见（可按住 Ctrl 或 Shift 多选）形成一件代表建议"),
                ("列为为民办实事…", self.form_project, "把所选意见列为一个为民办实事项目"))):
            button = QPushButton(text, self)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            self.toolbar.insertWidget(1 + index, button)
        self.outcome_actions = [
            self.make_action("由所选意见形成代表建议…", self.form_suggestion, "所选意见的内容和认领代表带入建议表"),
            self.make_action("把所选意见列为为民办实事…", self.form_project, "所选意见带入为民办实事项目表"),
            self.make_action("把所选意见归入专项活动…", self.tag_campaign, "例如把交通拥堵治理期间收集的意见归入该专项活动"),
            self.make_action("回访待办…", self.show_followups, "已关闭、还没有回访的意见")]
        self.export_action = QAction("导出民情意见到 Excel…", self)
        self.export_action.triggered.connect(self.export_shown)
        self.print_actions = []
        for which in ("交办单", "督办单", "结果告知书"):
            action = QAction(f"打印所选意见的{which}…", self)
            action.triggered.connect(lambda _checked=False, w=which: self.print_selected(w))
            self.print_actions.append(action)
        self.categories_action = QAction("意见分类…", self)
        self.categories_action.setStatusTip("编辑民情意见的分类列表")
        self.categories_action.triggered.connect(self.edit_categories)
        self.departments_action = QAction("职能部门…", self)
        self.departments_action.setStatusTip("编辑交办意见时可选的职能部门")
        self.departments_action.triggered.connect(self.edit_departments)

    def menu_actions(self) -> dict[str, list[QAction]]:
        return {"文件": [self.export_action], "编辑": self.outcome_actions, "打印": self.print_actions,
                "工具": [self.categories_action, self.departments_action]}

    def status_widgets(self) -> list[QWidget]:
        return [self.due_label, self.followup_label]

    # --- data -----------------------------------------------------------------------
    def where(self) -> OpinionFilter:
        start, end = self.dates.date_range()
        kind, _colon, value = (self.status_filter.value() or "").partition(":")
        return OpinionFilter(start=start, end=end, include_unfinished=self.unfinished_check.isChecked(),
                             status=value if kind == "status" else None, due=value if kind == "due" else "",
                             category=self.category_filter.value(), deputy_id=self.deputy_filter.deputy_id,
                             department_id=self.department_filter.value())

    def first_rows(self, query: ListQuery, limit: int) -> tuple[int, list[OpinionRow]]:
        """The count and first rows of the list, the due matters and the filters' choices: one service call."""
        today = self.clock.today()
        if not self._window_chosen:
            self._window_chosen = True
            self.dates.blockSignals(True)
            self.dates.set_preset("近三个月" if more_opinions_than(self.db, WHOLE_LIST_UP_TO) else "全部")
            self.dates.blockSignals(False)
        listing = read_opinion_list(self.db, today=today, where=self.where(), query=query, limit=limit)
        self._loaded_step = listing.latest_step
        if self.dates.date_range()[0] is None:
            self.dates.show_span(listing.first_received_on, today)
        self.due = listing.due
        for combo, choices in ((self.category_filter, [(n, n) for n in listing.categories]),
                               (self.department_filter, listing.departments)):
            combo.blockSignals(True)
            combo.set_choices(choices)
            combo.blockSignals(False)
        return listing.count, listing.rows

    def count_rows(self, query: ListQuery) -> int:
        return count_opinions(self.db, today=self.clock.today(), where=self.where(), query=query)

    def row_ids(self, query: ListQuery, offset: int = 0, limit: int | None = None) -> list[int]:
        return opinion_ids(self.db, today=self.clock.today(), where=self.where(), query=query, offset=offset,
                           limit=limit)

    def seeks(self, query: ListQuery) -> bool:
        return in_received_order(query)

    def rows_by_id(self, ids) -> list[OpinionRow]:
        return opinions_by_id(self.db, today=self.clock.today(), ids=ids)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Opinions registered elsewhere (a visit, a reception day) appear when the tab is shown."""
        super().showEvent(event)
        if self._loaded_step is not None and latest_step_id(self.db) != self._loaded_step:
            self.reload()

    def reload(self) -> None:
        from gridoffice.services.outcomes.followups import count_followups_due

        super().reload()
        self._update_due_label()
        self.followups_due = count_followups_due(self.db)
        self.followup_label.setText(f'<a href="followups" style="color:#455a64; text-decoration:none;">'
                                    f"回访待办 {self.followups_due} 件</a>")

    def _update_due_label(self) -> None:
        overdue, soon = len(self.due.overdue), len(self.due.due_soon)
        color = "#c62828" if overdue else "#455a64"
        self.due_label.setText(f'<a href="due" style="color:{color}; text-decoration:none;">'
                               f"民情意见：超期 {overdue} 件，本周到期 {soon} 件</a>")

    def clear_filters(self) -> None:
        widgets = (self.status_filter, self.category_filter, self.department_filter, self.deputy_filter)
        for widget in widgets:
            widget.blockSignals(True)
        for combo in (self.status_filter, self.category_filter, self.department_filter):
            combo.set_value(None)
        self.deputy_filter.set_deputy(None)
        for widget in widgets:
            widget.blockSignals(False)
        self.search_box.clear()
        self.reload()

    def summary(self) -> str:
        totals = opinion_list_totals(self.db, today=self.clock.today(), where=self.where(), query=self.model.query)
        late = f'，<span style="color:#c62828;">其中超期 {totals.overdue} 件</span>' if totals.overdue else ""
        return totals.describe() + late

    def empty_state_content(self):
        return ("这里还没有民情意见", "群众在接待日、走访、电话、意见箱等渠道反映的问题（需求单），以及代表认领、部门交办、"
                "办结和回复群众的全过程；超期的显示为红色。",
                [("登记意见…", self.new_record)])

    def cannot_delete_text(self) -> str:
        return "民情意见不能删除（每件都要有回音）：登记错了可以修改需求单；不属于受理范围的可以“不予受理”。"

    # --- actions --------------------------------------------------------------------
    def new_record(self) -> None:
        from .form_dialog import register_opinion_dialog

        opinion_id = register_opinion_dialog(self.db, self, clock=self.clock, channel=OpinionChannel.PHONE.value,
                                             received_on=self.clock.today())
        if opinion_id is not None:
            self.reload()
            self.open_opinion(opinion_id)

    def open_opinion(self, opinion_id: int) -> None:
        from .form_dialog import OpinionDialog

        dialog = OpinionDialog(self.db, self, clock=self.clock, opinion_id=opinion_id)
        if dialog.exec() or dialog.changed:
            self.reload()

    def show_due(self, *_args) -> None:
        """From the status bar: bring this tab forward showing the overdue matters."""
        self._bring_forward()
        self.status_filter.set_value(f"due:{OVERDUE}" if self.due.overdue else f"due:{DUE_SOON}")

    def _bring_forward(self) -> None:
        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, QTabWidget):
            widget = widget.parentWidget()
        if widget is not None:
            widget.setCurrentWidget(self)

    def after_window_shown(self) -> None:
        """The start-up list of overdue matters and matters due this week (not modal)."""
        if not (self.due.overdue or self.due.due_soon):
            return
        from .due_reminder import DueReminderDialog

        self._reminder = DueReminderDialog(self.due, self.window(), on_open=self.open_opinion)
        self._reminder.show()

    # --- 履职成果 from the selected opinions ------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.proxy.source_row(row).id for row in rows]

    def _selected_for(self, action: str) -> list[int]:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, action, "请先在列表中选中意见（可按住 Ctrl 或 Shift 多选）。")
        return ids

    def form_suggestion(self) -> None:
        """形成代表建议: the suggestion's form starts from the selected opinions (draft_from_opinions)."""
        from gridoffice.services.outcomes.suggestions import draft_from_opinions
        from gridoffice.views.outcomes.records import open_suggestion

        ids = self._selected_for("形成代表建议")
        if ids and open_suggestion(self.db, self.clock, self, None,
                                   draft=draft_from_opinions(self.db, ids, today=self.clock.today())) is not None:
            self.reload()

    def form_project(self) -> None:
        from gridoffice.services.outcomes.projects import draft_from_opinions
        from gridoffice.views.outcomes.records import open_project

        ids = self._selected_for("列为为民办实事")
        if ids and open_project(self.db, self.clock, self, None,
                                draft=draft_from_opinions(self.db, ids, today=self.clock.today())) is not None:
            self.reload()

    def tag_campaign(self) -> None:
        from gridoffice.views.outcomes.pickers import tag_to_campaign

        tag_to_campaign(self.db, self, opinion_ids=self.selected_ids())

    def show_followups(self, *_args) -> None:
        from .followups_due import FollowupsDueDialog

        dialog = FollowupsDueDialog(self.db, self.clock, self, on_open=self.open_opinion)
        dialog.exec()
        if dialog.changed:
            self.reload()

    def print_selected(self, which: str) -> None:
        from .papers import preview_paper

        row = self.selected_row()
        if row is None:
            QMessageBox.information(self, f"打印{which}", "请先在列表中选中一条意见。")
            return
        preview_paper(self.db, self, row.id, row.serial, which, clock=self.clock)

    def export_shown(self) -> None:
        """The rows as shown, to Excel; the resident's details masked unless the clerk says otherwise."""
        from gridoffice.services.opinions.excel import export_opinions  # openpyxl: not on the start-up path

        today = self.clock.today()
        ids = [row.id for row in self.visible_rows()]

        def write(path) -> int:
            answer = QMessageBox.question(
                self, "导出群众联系方式？",
                "导出的表格是否包含群众的完整姓名、电话和住址？\n\n选“否”则与列表一样打码（张*、138****1234），"
                "适合报送和传阅；只有工委内部留存时才选“是”。",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            return export_opinions(self.db, path, today=today, ids=ids,
                                   with_contact=answer == QMessageBox.StandardButton.Yes)

        export_to_workbook(self, "导出民情意见", f"民情意见-{today:%Y%m%d}.xlsx", "条民情意见", write)

    def edit_categories(self) -> None:
        from .categories import CategoryListDialog

        if CategoryListDialog(self.db, self).exec():
            self.reload()

    def edit_departments(self) -> None:
        from .departments import DepartmentListDialog

        if DepartmentListDialog(self.db, self).exec():
            self.reload()
