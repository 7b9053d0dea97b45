"""Step 4: the first schedule: one month (the next one with no schedule yet) for every station with
a rule, previewed with who is on duty; 下一步 saves it. What stops it (no rule, too few deputies)
comes with the button that fixes it."""
import datetime as dt

from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QWidget)

from gridoffice.domain.dates import chinese_date, weekday_name
from gridoffice.domain.stations import short_station_name
from gridoffice.services.office.guide import guide_status, next_unplanned_month
from gridoffice.services.reception.schedule import Plan, generate_plan, month_range, save_plan
from gridoffice.views.reception.conflicts import warning_label
from gridoffice.widgets.dates import month_edit
from gridoffice.widgets.remedies import main_window

from .page import GuidePage


class SchedulePage(GuidePage):
    step = "schedule"
    title = "第一次排班"
    heading = "第 4 步：排第一个月的接待日"
    intro = ("按各联络站的接待规则，排出这个月的接待日和值班代表（遇节假日自动顺延，代表两两轮流）。"
             "点“下一步”保存；以后每月在“接待日历 → 生成排班”里排，也可以一次排一年。")

    def __init__(self, db, clock, parent: QWidget | None = None):
        super().__init__(db, clock, parent)
        self.plan: Plan | None = None
        today = clock.today()
        self.month_edit = month_edit(self, next_unplanned_month(db, today), reference=today)
        self.month_edit.month_changed.connect(lambda _m: self.refresh())
        row = QHBoxLayout()
        label = QLabel("排班月份(&Y)", self)
        label.setBuddy(self.month_edit)
        row.addWidget(label)
        row.addWidget(self.month_edit)
        row.addStretch(1)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.warnings = warning_label(self)
        self.remedy_row = QHBoxLayout()
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(["日期", "时间", "联络站", "值班代表"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.summary)
        self.layout_.addWidget(self.warnings)
        self.layout_.addLayout(self.remedy_row)
        self.layout_.addWidget(self.table, stretch=1)
        self.add_message_line()

    def enter(self) -> None:
        self.month_edit.set_month(next_unplanned_month(self.db, self.clock.today()))
        self.refresh()

    def first_field(self) -> QWidget:
        return self.month_edit

    def period(self) -> tuple[dt.date, dt.date]:
        return month_range(self.month_edit.month(), 1)

    def refresh(self) -> None:
        start, end = self.period()
        self.plan = plan = generate_plan(self.db, start, end)
        self.table.setRowCount(len(plan.days))
        for r, day in enumerate(plan.days):
            cells = (f"{chinese_date(day.date)}（{weekday_name(day.date)}）", f"{day.start_time:%H:%M}-{day.end_time:%H:%M}",
                     short_station_name(day.station_name), "、".join(plan.names.get(i, "") for i in day.deputy_ids))
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        month = f"{start.year}年{start.month}月"
        self.summary.setText(f"{month}：排出 {len(plan.days)} 个接待日。" if plan.days else
                             f"{month}还排不出接待日。")
        self.warnings.setText("\n".join(f"• {w}" for w in plan.warnings))
        self.warnings.setVisible(bool(plan.warnings))
        self._show_remedies([] if plan.days else self._remedies())
        self.say("")

    def _remedies(self) -> list[tuple[str, object]]:
        """What stops the plan, and the button that fixes it."""
        window = main_window(self)
        status = guide_status(self.db, self.clock.today())
        wizard = self.window()
        remedies = []
        if not status.stations:
            remedies.append(("返回上一步：新增联络站", lambda: wizard.go_to_step("stations")))
        elif status.without_rule and window is not None:
            remedies.append(("设置接待规则…", lambda: self._then_refresh(window.edit_rules, status.without_rule[0].id)))
        if status.stations and status.short_pools:
            if not status.deputies:
                remedies.append(("返回上一步：录入代表", lambda: wizard.go_to_step("deputies")))
            elif window is not None:
                remedies.append(("选择轮值代表…", lambda: self._then_refresh(window.edit_rules, status.short_pools[0].id)))
        return remedies

    def _then_refresh(self, opener, *args) -> None:
        opener(*args)
        self.refresh()

    def _show_remedies(self, remedies) -> None:
        while self.remedy_row.count():
            item = self.remedy_row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for label, slot in remedies:
            button = QPushButton(label, self)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            self.remedy_row.addWidget(button)
        self.remedy_row.addStretch(1)

    def remedy_buttons(self) -> list[QPushButton]:
        return [self.remedy_row.itemAt(i).widget() for i in range(self.remedy_row.count())
                if self.remedy_row.itemAt(i).widget() is not None]

    def save(self) -> bool:
        if self.plan is None or not self.plan.days:
            self.say("这个月还排不出接待日：请按上面的提示补上，或点“跳过”以后再排。", error=True)
            return False
        result = save_plan(self.db, self.plan)
        self.say(f"已保存 {result.added} 个接待日。")
        return True
