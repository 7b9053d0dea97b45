"""接待日历 tab: the month view (default) and the list of every reception day."""
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCursor
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QHBoxLayout, QInputDialog, QLabel, QMenu,
                               QMessageBox, QPushButton, QSizePolicy, QStackedWidget,
                               QVBoxLayout, QWidget)

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.domain.dates import chinese_date
from gridoffice.domain.enums import ReceptionStatus
from gridoffice.models.reception_model import ReceptionTableModel
from gridoffice.services.common.lookups import station_choices
from gridoffice.services.reception.days import (ReceptionInputError, list_reception_days, month_view,
                                                move_conflicts, move_context, move_duty)
from gridoffice.services.reception.excel import export_reception
from gridoffice.services.reception.notice import month_notice_day_ids
from gridoffice.views.reception.conflicts import ask_to_override
from gridoffice.views.reception.month_calendar import MonthCalendar
from gridoffice.views.reception.month_cells import DutyMark
from gridoffice.views.reception.printing import print_notices, print_roster
from gridoffice.widgets.dates import default_plan_day
from gridoffice.widgets.empty_state import EmptyState
from gridoffice.widgets.exports import export_to_workbook
from gridoffice.widgets.list_tab import ListTab
from gridoffice.widgets.tab_page import TabPage
from gridoffice.widgets.ui_settings import ui_settings

MONTH_VIEW, LIST_VIEW = 0, 1
LEGEND = ("<span style='color:#c62828'>■</span> 休：节假日　<span style='color:#e65100'>■</span> 可能放假　"
          "<span style='color:#546e7a'>■</span> 班：调休上班　"
          "<span style='color:#1565c0'>■</span> 计划　<span style='color:#2e7d32'>■</span> 已举行　"
          "<span style='color:#9e9e9e'>■</span> 已取消")
HINT = "拖动代表姓名可调换值班；点击网格值守可记为完成、未到岗或调整人员"
BANNER_STYLE = "background: #fff8e1; color: #8d4b00; border: 1px solid #ffe082; padding: 4px 8px;"


class ReceptionList(ListTab):
    """The list view: every reception day, searchable (deputies by pinyin too), with the generic list printing."""
    title = "接待日列表"
    settings_key = "reception"
    help_page = "reception"
    search_hint = "搜索日期（如 2026-03）、联络站、值班代表（可用拼音或首字母）、状态…"
    default_sort = ("date", Qt.SortOrder.DescendingOrder)

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(db, clock, ReceptionTableModel(), list_reception_days, parent)

    def reload(self) -> None:
        # the loader takes the Database and opens its own session (ListTab would hand it a session)
        self.model.set_rows(list_reception_days(self.db))
        self._update_count()

    def update_empty_state(self, total: int | None = None) -> None:
        """The tab shows the empty state over both views (ReceptionTab.update_empty_state)."""
        tab = self.parentWidget()
        while tab is not None and not isinstance(tab, ReceptionTab):
            tab = tab.parentWidget()
        if tab is not None:
            tab.update_empty_state()

    def delete_row(self, row) -> bool:
        """Delete: the reception day, asked as the day's own 删除此接待日 asks."""
        from gridoffice.views.reception.day_dialog import confirm_delete_day

        return confirm_delete_day(self, self.db, row.id)


class ReceptionTab(TabPage):
    title = "接待日历"
    settings_key = "reception"
    help_page = "reception"
    can_create = True

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(db, clock, parent)
        today = self.clock.today()
        self.year, self.month = today.year, today.month
        self.selected_date: dt.date | None = None
        self._init_widgets()
        self._init_layout()
        self._init_actions()

    # --- the list view's pieces, as the main window and its tests know them from list tabs ---
    @property
    def model(self):
        return self.list_view.model

    @property
    def proxy(self):
        return self.list_view.proxy

    @property
    def count_label(self):
        return self.list_view.count_label

    @property
    def search_box(self):
        return self.list_view.search_box

    @property
    def table(self):
        return self.list_view.table

    # --- building ---------------------------------------------------------------------------
    def _init_widgets(self) -> None:
        self.calendar = MonthCalendar(self.clock, self)
        self.calendar.moves_allowed = lambda: self.db.writable
        self.calendar.reception_activated.connect(self.open_day)
        self.calendar.date_activated.connect(self.open_date)
        self.calendar.duty_dropped.connect(self.move_deputy)
        self.calendar.duty_activated.connect(self.open_duty)
        self.duties_check = QCheckBox("显示网格值守", self)
        self.duties_check.setChecked(True)
        self.duties_check.setToolTip("在月历中同时显示网格巡查、护学岗、议事会等值守，每种一个颜色")
        self.duties_check.toggled.connect(lambda _checked: self.reload_month())
        self.duty_legend = QLabel(self)
        self.duty_legend.setTextFormat(Qt.TextFormat.RichText)
        self.list_view = ReceptionList(self.db, self.clock, self)
        self.list_view.row_activated.connect(lambda row: self.open_day(row.id))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.calendar)
        self.stack.addWidget(self.list_view)
        self.month_label = QLabel(self)
        self.month_label.setMinimumWidth(96)
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.month_label.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.previous_button = self._nav_button("◀ 上月", "上个月（PageUp）", lambda: self.step_month(-1))
        self.next_button = self._nav_button("下月 ▶", "下个月（PageDown）", lambda: self.step_month(1))
        self.today_button = QPushButton("本月", self)
        self.today_button.clicked.connect(self.go_today)
        self.station_box = QComboBox(self)
        self.station_box.setMinimumWidth(110)
        self.station_box.currentIndexChanged.connect(lambda _i: self._on_station_changed())
        self.view_group = QButtonGroup(self)
        self.month_button = QPushButton("月历", self)
        self.list_button = QPushButton("列表", self)
        for index, button in ((MONTH_VIEW, self.month_button), (LIST_VIEW, self.list_button)):
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)   # never half the window
            self.view_group.addButton(button, index)
        self.month_button.setChecked(True)
        self.view_group.idClicked.connect(self.set_view)
        self.generate_button = QPushButton("生成排班…", self)
        self.generate_button.setToolTip("按各站接待规则排一个月、一个季度或一年的接待日和值班代表")
        self.generate_button.clicked.connect(self.generate)
        self.add_button = QPushButton("新增接待日…", self)
        self.add_button.setToolTip("单独增加一次接待（Ctrl+N）")
        self.add_button.clicked.connect(self.new_record)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.summary_label = QLabel(self)
        self.summary_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.legend_label = QLabel(LEGEND, self)
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        for label in (self.legend_label, self.duty_legend):   # on two lines in a narrow window, never cut off
            label.setWordWrap(True)
        self.hint_label = QLabel(HINT, self)   # on two lines when short of room
        self.hint_label.setWordWrap(True)
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.hint_label.setStyleSheet("color:#78909c;")

    def _nav_button(self, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _init_layout(self) -> None:
        bar = QHBoxLayout()
        for widget in (self.previous_button, self.month_label, self.next_button, self.today_button):
            bar.addWidget(widget)
        bar.addSpacing(8)
        bar.addWidget(QLabel("联络站", self))
        bar.addWidget(self.station_box)
        bar.addStretch(1)
        bar.addWidget(self.generate_button)
        bar.addWidget(self.add_button)
        footer = QHBoxLayout()
        footer.addWidget(self.month_button)
        footer.addWidget(self.list_button)
        footer.addSpacing(8)
        footer.addWidget(self.duties_check)
        footer.addWidget(self.summary_label, stretch=1)
        footer.addWidget(self.hint_label, stretch=1)
        legends = QHBoxLayout()   # the colours of the days and receptions, and of the grid duties
        legends.addWidget(self.legend_label, stretch=1)   # stretched, not beside a spacer: a wrapping label
        legends.addSpacing(16)                              # beside one is squeezed to its narrowest
        legends.addWidget(self.duty_legend, stretch=1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, stretch=1)
        layout.addLayout(legends)
        layout.addLayout(footer)
        self.empty_state = EmptyState(self.stack)

    def _init_actions(self) -> None:
        action = self.make_action
        self.roster_action = action("值班表…", self.print_roster_dialog, "打印一个月的接待值班表")
        self.notice_action = action("接待日公告…", self.print_notice_dialog, "打印一个接待日的公告（A4，张贴上墙）")
        self.month_notices_action = action("本月全部公告…", self.print_month_notices, "所显示月份的全部接待日公告，每页一份")
        self.rules_action = action("接待规则…", self.edit_rules, "各联络站的接待时间、地点和轮值代表库")
        self.holidays_action = action("节假日设置…", self.edit_holidays, "查看和录入放假、调休上班的日期")
        self.notice_settings_action = action("公告设置（标题、联系人、二维码）…", self.edit_notice_settings,
                                             "接待日公告的标题、可以反映的内容、各站联系人和二维码")
        self.export_action = action("导出接待安排…", self.export, "把全部接待日导出为 Excel 文件")

    def menu_actions(self) -> dict[str, list[QAction]]:
        return {
            "文件": [self.export_action],
            "打印": [self.roster_action, self.notice_action, self.month_notices_action],
            "工具": [self.rules_action, self.holidays_action, self.notice_settings_action],
        }

    # --- data ---------------------------------------------------------------------------------
    def station_id(self) -> int | None:
        return self.station_box.currentData()

    def reload(self) -> None:
        self._reload_stations()
        self.list_view.reload()
        self.reload_month()
        self.update_empty_state()

    def update_empty_state(self) -> None:
        """No reception day at all: what belongs here, the buttons that make the first ones, and
        what the first-run guide still misses."""
        if self.list_view.model.rowCount() or self.db is None:
            self.empty_state.hide()
            return
        missing, remedies = self.list_view.guide_checklist()
        self.empty_state.show_state(
            "还没有接待日",
            "这里是各联络站的接待日历：按接待规则（三定：定时、定点、定人）一次排好一个月或一年的接待日和值班代表，"
            "再打印接待日公告张贴上墙。",
            [("生成排班…", self.generate), ("新增接待日…", self.new_record), ("接待规则…", self.edit_rules)],
            missing, remedies)

    def _reload_stations(self) -> None:
        current = self.station_id()
        stations = station_choices(self.db)
        self.station_box.blockSignals(True)
        self.station_box.clear()
        self.station_box.addItem("全部联络站", None)
        for station in stations:
            self.station_box.addItem(station.short, station.id)
            self.station_box.setItemData(self.station_box.count() - 1, station.name, Qt.ItemDataRole.ToolTipRole)
        self.station_box.setCurrentIndex(max(0, self.station_box.findData(current)))
        self.station_box.blockSignals(False)

    def reload_month(self) -> None:
        view = month_view(self.db, self.year, self.month, self.station_id())
        rows = view.rows
        self.month_label.setText(f"{self.year}年{self.month}月")
        duties = self._duty_marks() if self.duties_check.isChecked() else []
        self.duty_legend.setVisible(bool(duties) and self.stack.currentIndex() == MONTH_VIEW)
        self.hint_label.setVisible(self.stack.currentIndex() == MONTH_VIEW and self.db.writable)
        self.calendar.show_month(self.year, self.month, view.days, rows, duties)
        self.banner.setText(f"⚠ {view.warning}" if view.warning else "")
        self.banner.setVisible(bool(view.warning))
        held = sum(1 for r in rows if r.status == ReceptionStatus.HELD.value)
        planned = sum(1 for r in rows if r.status == ReceptionStatus.PLANNED.value)
        cancelled = len(rows) - held - planned
        people = sum(r.residents_received for r in rows)
        self.summary_label.setText(f"本月 {len(rows)} 次接待：计划 {planned}，已举行 {held}（接待群众 {people} 人），"
                                   f"已取消 {cancelled}" + (f"；网格值守 {len(duties)} 次" if duties else ""))

    def _duty_marks(self) -> list[DutyMark]:
        """The month's grid duty shifts (only the posts of the station chosen, when one is), each in its
        kind's colour."""
        from gridoffice.services.common.lookups import duty_kind_choices
        from gridoffice.services.duties.shifts import duty_month

        station = self.station_id()
        shifts = duty_month(self.db, self.year, self.month, today=self.clock.today()).shifts
        kinds = duty_kind_choices(self.db)
        self.duty_legend.setText("网格值守：" + "　".join(f"<span style='color:{k.color}'>■</span> {k.name}" for k in kinds))
        return [DutyMark(s.id, s.date, s.start_time, s.end_time, s.kind, s.duty, s.color, s.status, s.names, s.people,
                         s.place, s.notes, s.station_id)
                for s in shifts if station is None or s.station_id == station]

    def open_duty(self, shift_id: int) -> None:
        """A duty clicked in the month: record it done or missed, or change who is on it."""
        from gridoffice.services.duties.schedule import split_keys
        from gridoffice.services.duties.shifts import ShiftInputError, duty_month, mark_done, set_people, set_status

        shift = next((s for s in duty_month(self.db, self.year, self.month, today=self.clock.today()).shifts
                      if s.id == shift_id), None)
        if shift is None:
            return
        menu = QMenu(self)
        menu.addSection(f"{shift.kind}：{shift.duty}（{shift.status}）")
        done = menu.addAction("记为完成（记入走访记录）")
        missed = menu.addAction("未到岗")
        people = menu.addAction("调整值守人员…")
        chosen = menu.exec(QCursor.pos())
        try:
            if chosen is done:
                mark_done(self.db, shift_id, today=self.clock.today())
            elif chosen is missed:
                set_status(self.db, shift_id, "未到岗")
            elif chosen is people:
                from gridoffice.widgets.member_picker import pick_members

                deputies, persons = split_keys(shift.member_keys)
                picked = pick_members(self.db, self, title=f"{shift.date:%Y-%m-%d} {shift.duty} 的值守人员",
                                      deputy_ids=deputies, person_ids=persons)
                if picked is None:
                    return
                clashes = set_people(self.db, shift_id, *picked)
                if clashes:
                    QMessageBox.warning(self, "与接待值班冲突", "\n".join(c.message for c in clashes))
            else:
                return
        except ShiftInputError as error:
            QMessageBox.warning(self, "不能修改", str(error))
            return
        self.reload_month()

    def calendar_rows(self) -> list:
        """The reception days of the month shown (all stations)."""
        return month_view(self.db, self.year, self.month).rows

    def _on_station_changed(self) -> None:
        station = self.station_id()
        self.list_view.proxy.set_extra_filter(None if station is None else (lambda row: row.station_id == station))
        self.reload_month()

    def show_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        self.reload_month()

    def step_month(self, step: int) -> None:
        index = self.year * 12 + self.month - 1 + step
        self.show_month(index // 12, index % 12 + 1)

    def go_today(self) -> None:
        today = self.clock.today()
        self.show_month(today.year, today.month)

    def set_view(self, view: int) -> None:
        self.stack.setCurrentIndex(view)
        self.view_group.button(view).setChecked(True)
        self.summary_label.setVisible(view == MONTH_VIEW)
        self.legend_label.setVisible(view == MONTH_VIEW)
        self.hint_label.setVisible(view == MONTH_VIEW and self.db.writable)   # nothing moves on a read-only database
        self.duties_check.setVisible(view == MONTH_VIEW)
        self.duty_legend.setVisible(view == MONTH_VIEW and self.duties_check.isChecked() and bool(self.duty_legend.text()))
        for widget in (self.previous_button, self.next_button, self.today_button, self.month_label):
            widget.setEnabled(view == MONTH_VIEW)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_PageUp:
            self.step_month(-1)
        elif event.key() == Qt.Key.Key_PageDown:
            self.step_month(1)
        else:
            super().keyPressEvent(event)

    # --- TabPage ------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.set_view(LIST_VIEW)
        self.list_view.focus_search()

    def new_record(self) -> None:
        """Ctrl+N: a new reception day on the day picked in the calendar, else on the next working
        day (never a holiday) from the month shown on."""
        self.add_day(self.selected_date or default_plan_day(self.db, self.clock.today(),
                                                            not_before=dt.date(self.year, self.month, 1)))

    def print_current(self) -> None:
        """Ctrl+P: the duty roster of the month shown (the list view prints the list as shown)."""
        if self.stack.currentIndex() == LIST_VIEW:
            self.list_view.print_current()
        else:
            self.print_roster(dt.date(self.year, self.month, 1), self.station_id())

    def restore_state(self) -> None:
        self.list_view.restore_state()
        view = int(ui_settings().value(f"tabs/{self.settings_key}/view", MONTH_VIEW))
        self.set_view(view if view in (MONTH_VIEW, LIST_VIEW) else MONTH_VIEW)

    def save_state(self) -> None:
        self.list_view.save_state()
        ui_settings().setValue(f"tabs/{self.settings_key}/view", self.stack.currentIndex())

    # --- days ---------------------------------------------------------------------------------
    def open_day(self, day_id: int) -> bool:
        from gridoffice.views.reception.day_dialog import DayDialog

        dialog = DayDialog(self.db, self.clock, self, day_id=day_id, print_notice=self.print_notice)
        accepted = bool(dialog.exec())
        self.reload()
        return accepted

    def add_day(self, day: dt.date) -> bool:
        from gridoffice.views.reception.day_dialog import DayDialog

        dialog = DayDialog(self.db, self.clock, self, day=day, station_id=self.station_id(),
                           print_notice=self.print_notice)
        if dialog.exec():
            self.reload()
            return True
        return False

    def open_date(self, day: dt.date) -> None:
        """A click on a day outside its receptions: open its reception, or offer them, or add one."""
        self.selected_date = day
        receptions = list_reception_days(self.db, start=day, end=day, station_id=self.station_id())
        if not receptions:
            self.add_day(day)
            return
        menu = QMenu(self)
        for row in receptions:
            menu.addAction(f"{row.time_range} {row.station_short}（{row.status}）",
                           lambda _c=False, i=row.id: self.open_day(i))
        menu.addSeparator()
        menu.addAction("在这一天新增接待日…", lambda: self.add_day(day))
        menu.exec(QCursor.pos())

    def move_deputy(self, deputy_id: int, from_day_id: int, to_day_id: int) -> bool:
        """A deputy dragged onto another reception: move, or swap when that day is full; conflicts
        (double booking, busy date, holiday) are listed and the clerk may go on or cancel."""
        if from_day_id == to_day_id:
            return False
        move = move_context(self.db, deputy_id, from_day_id, to_day_id)
        target, labels = move.target, move.names
        if deputy_id in target.deputy_ids:
            QMessageBox.information(self, "无需调整", f"{labels[deputy_id]}已在{chinese_date(target.date)}这次接待值班。")
            return False
        swap_with = self._choose_swap(target.deputy_ids, labels, move.per_day, deputy_id)
        if swap_with is False:
            return False
        found = move_conflicts(self.db, move, deputy_id, swap_with)
        if found and not ask_to_override(self, "调整值班有冲突", found, "仍要这样调整吗？"):
            return False
        try:
            move_duty(self.db, deputy_id, from_day_id, to_day_id, swap_with)
        except ReceptionInputError as error:
            QMessageBox.warning(self, "不能调整", str(error))
            return False
        self.reload()
        return True

    def _choose_swap(self, target_ids: list[int], labels: dict[int, str], per_day: int, moving: int):
        """None to just move in, a deputy id to swap with, False when the clerk cancels."""
        if len(target_ids) < per_day:
            return None
        options = [f"与 {labels[i]} 对调" for i in target_ids] + ["只移入，不对调"]
        choice, ok = QInputDialog.getItem(self, "调换值班", f"目标接待日已有 {len(target_ids)} 名代表，"
                                          f"{labels[moving]}移入后：", options, 0, False)
        if not ok:
            return False
        index = options.index(choice)
        return target_ids[index] if index < len(target_ids) else None

    # --- plans, rules, settings -----------------------------------------------------------------
    def generate(self) -> bool:
        """生成排班, opening on the month shown when it is a later one still empty, else on the next
        month with no schedule yet."""
        from gridoffice.services.office.guide import next_unplanned_month
        from gridoffice.views.reception.generate_dialog import GenerateDialog

        today = self.clock.today()
        shown = dt.date(self.year, self.month, 1)
        later_and_empty = shown > today.replace(day=1) and not self.calendar_rows()
        first = shown if later_and_empty else next_unplanned_month(self.db, today)
        dialog = GenerateDialog(self.db, self, first_month=first, station_id=self.station_id(), today=today)
        if dialog.exec():
            self.reload()
            return True
        return False

    def edit_rules(self, *_args) -> None:
        from gridoffice.views.reception.rule_editor import RuleEditorDialog

        RuleEditorDialog(self.db, self.clock, self, station_id=self.station_id()).exec()
        self.reload()

    def edit_holidays(self) -> None:
        from gridoffice.views.reception.holiday_dialog import HolidayDialog

        HolidayDialog(self.db, self.clock, self, year=self.year).exec()
        self.reload()

    def edit_notice_settings(self) -> None:
        from gridoffice.views.reception.notice_settings import NoticeSettingsDialog

        NoticeSettingsDialog(self.db, self).exec()

    # --- printing and export ------------------------------------------------------------------
    def print_roster(self, month: dt.date, station_id: int | None) -> None:
        print_roster(self, self.db, self.clock, month, station_id)

    def print_roster_dialog(self) -> None:
        from gridoffice.views.reception.roster_print import RosterPrintDialog

        dialog = RosterPrintDialog(self.db, self, month=dt.date(self.year, self.month, 1), station_id=self.station_id())
        if dialog.exec():
            self.print_roster(dialog.month(), dialog.station_id())

    def print_notice(self, day_id: int) -> None:
        print_notices(self, self.db, self.clock, [day_id])

    def print_notice_dialog(self) -> None:
        from gridoffice.views.reception.notice_pick import NoticePickDialog

        dialog = NoticePickDialog(self.db, self.clock, self)
        if dialog.exec() and dialog.day_id() is not None:
            self.print_notice(dialog.day_id())

    def print_month_notices(self) -> None:
        day_ids = month_notice_day_ids(self.db, self.year, self.month, today=self.clock.today())
        print_notices(self, self.db, self.clock, day_ids, title=f"{self.year}年{self.month}月全部接待日公告")

    def export(self) -> None:
        export_to_workbook(self, "导出接待安排", f"接待安排-{self.clock.today():%Y%m%d}.xlsx", "个接待日",
                           lambda path: export_reception(self.db, path))
