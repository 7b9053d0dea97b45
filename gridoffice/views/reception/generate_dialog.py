"""生成排班: a month, quarter, half year or year for chosen stations, previewed with each deputy's
count before anything is saved. It opens on the next month that has no schedule yet; what stops a
plan (no station, no rule, too few deputies in a pool) comes with the button that fixes it."""
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QListWidget, QListWidgetItem, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from gridoffice.db import Database
from gridoffice.domain.dates import chinese_date, weekday_name
from gridoffice.domain.stations import short_station_name
from gridoffice.services.common.lookups import deputy_choices, station_choices
from gridoffice.services.reception.schedule import Plan, SaveResult, generate_plan, month_range, save_plan
from gridoffice.views.reception.conflicts import warning_label
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import from_qdate, month_edit
from gridoffice.widgets.form import ok_cancel_buttons
from gridoffice.widgets.remedies import Remedy, after_closing, go_to_tab, main_window

def deputy_count(db: Database) -> int:
    return len(deputy_choices(db))


PERIODS = (("一个月", 1), ("一个季度（3个月）", 3), ("半年（6个月）", 6), ("一年（12个月）", 12))


class GenerateDialog(BaseDialog):
    is_form = False   # a preview: nothing is kept until 保存排班
    help_page = "reception"

    def __init__(self, db: Database, parent: QWidget | None = None, *, first_month: dt.date,
                 station_id: int | None = None, today: dt.date | None = None):
        super().__init__(parent, settings_key="reception_generate", title="生成接待排班", default_size=(1120, 640))
        self.db = db
        self.today = today or first_month
        self.plan: Plan | None = None
        self.result_counts: SaveResult | None = None
        self._init_widgets(first_month, station_id)
        self._init_layout()
        self.month_edit.dateChanged.connect(lambda _d: self.refresh())
        self.period_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.station_list.itemChanged.connect(lambda _item: self.refresh())
        self.refresh()

    def _init_widgets(self, first_month: dt.date, station_id: int | None) -> None:
        self.month_edit = month_edit(self, first_month, reference=self.today)
        self.period_box = QComboBox(self)
        for label, months in PERIODS:
            self.period_box.addItem(label, months)
        self.station_list = QListWidget(self)
        self.station_list.setMaximumWidth(220)
        self._fill_stations(station_id)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.warning_label = warning_label(self)
        self.remedy_row = QHBoxLayout()
        self.remedy_buttons: list[QPushButton] = []
        self.days_table = self._table(["日期", "星期", "时间", "联络站", "值班代表", "备注"], stretch_column=5)
        self.counts_table = self._table(["联络站", "代表", "次数"], stretch_column=1)
        self.buttons = ok_cancel_buttons(self, "保存排班")
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _fill_stations(self, station_id: int | None) -> None:
        self.station_list.blockSignals(True)
        self.station_list.clear()
        for station in station_choices(self.db):
            item = QListWidgetItem(station.short, self.station_list)
            item.setToolTip(station.name)
            item.setData(Qt.ItemDataRole.UserRole, station.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = station_id is None or station.id == station_id
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.station_list.blockSignals(False)

    def _init_layout(self) -> None:
        options = QHBoxLayout()
        for widget in (QLabel("从", self), self.month_edit, QLabel("起，排", self), self.period_box):
            options.addWidget(widget)
        options.addStretch(1)
        split = QSplitter(self)
        split.addWidget(self.days_table)
        split.addWidget(self.counts_table)
        split.setSizes([760, 300])
        stations = QVBoxLayout()
        stations.addWidget(QLabel("联络站", self))
        stations.addWidget(self.station_list)
        body = QHBoxLayout()
        body.addLayout(stations)
        body.addWidget(split, stretch=1)
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.warning_label)
        layout.addLayout(self.remedy_row)
        layout.addLayout(body, stretch=1)
        layout.addWidget(self.buttons)

    def _table(self, headers: list[str], *, stretch_column: int) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        return table

    def chosen_station_ids(self) -> list[int]:
        return [self.station_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.station_list.count())
                if self.station_list.item(i).checkState() == Qt.CheckState.Checked]

    def period(self) -> tuple[dt.date, dt.date]:
        return month_range(from_qdate(self.month_edit.date()), self.period_box.currentData())

    def refresh(self) -> None:
        start, end = self.period()
        chosen = self.chosen_station_ids()
        if not chosen:
            self.plan = None
            self._fill([], [])
            none = self.station_list.count() == 0
            self.summary_label.setText("还没有联络站：先新增联络站并设置它的接待规则，才能排班。" if none
                                       else "请至少勾选一个联络站。")
            self.warning_label.hide()
            self.save_button.setEnabled(False)
            self._show_remedies(self._station_remedies() if none else [])
            return
        self.plan = plan = generate_plan(self.db, start, end, station_ids=chosen)
        days = [[f"{d.date:%Y-%m-%d}", weekday_name(d.date), f"{d.start_time:%H:%M}-{d.end_time:%H:%M}",
                 short_station_name(d.station_name), "、".join(plan.names.get(i, "") for i in d.deputy_ids),
                 d.notes] for d in plan.days]
        counts = [[short_station_name(plan.station_names[s]), plan.names.get(i, ""), str(n)]
                  for s, per in plan.counts.items() for i, n in sorted(per.items(), key=lambda kv: (-kv[1], kv[0]))]
        self._fill(days, counts)
        spread = max((plan.spread(s) for s in plan.counts), default=0)
        self.summary_label.setText(
            f"{chinese_date(start)} 至 {chinese_date(end)}：新排 {len(plan.days)} 个接待日；保存时替换期间内 "
            f"{len(plan.replaced_ids)} 个原计划中的接待日，保留 {plan.kept} 个已举行、已取消或已登记意见的接待日。"
            f"各站代表值班次数最多相差 {spread} 次（右表）。")
        self.warning_label.setText("\n".join(f"• {w}" for w in plan.warnings))
        self.warning_label.setVisible(bool(plan.warnings))
        self.save_button.setEnabled(bool(plan.days) or bool(plan.replaced_ids))
        self._show_remedies(self._plan_remedies(plan, chosen))

    # --- what stops a plan, and the buttons that fix it -----------------------------------------
    def _station_remedies(self) -> list[Remedy]:
        window = main_window(self)
        return [("新增联络站…", lambda: self._then_refresh(window.edit_stations))] if window else []

    def _plan_remedies(self, plan: Plan, chosen: list[int]) -> list[Remedy]:
        """A station chosen without a rule, or a pool short of deputies: the rule editor on it; no
        deputies at all: the roster."""
        window = main_window(self)
        if window is None:
            return []
        without_rule = [s for s in chosen if s not in plan.counts]
        short = [s for s, counts in plan.counts.items() if not counts]
        remedies: list[Remedy] = []
        if without_rule:
            remedies.append(("设置接待规则…", lambda: self._then_refresh(window.edit_rules, without_rule[0])))
        if short:
            if not deputy_count(self.db):
                remedies += [(label, after_closing(self, slot))
                             for label, slot in go_to_tab(self, "录入代表…", "RosterTab")]
            else:
                remedies.append(("选择接待代表…", lambda: self._then_refresh(window.edit_rules, short[0])))
        return remedies

    def _then_refresh(self, opener, *args) -> None:
        checked = self.chosen_station_ids()
        opener(*args)
        self._fill_stations(None)
        for index in range(self.station_list.count()):
            item = self.station_list.item(index)
            if checked and item.data(Qt.ItemDataRole.UserRole) not in checked:
                item.setCheckState(Qt.CheckState.Unchecked)
        self.refresh()

    def _show_remedies(self, remedies: list[Remedy]) -> None:
        while self.remedy_row.count():
            self.remedy_row.takeAt(0)
        for button in self.remedy_buttons:
            button.deleteLater()
        self.remedy_buttons = []
        for label, slot in remedies:
            button = QPushButton(label, self)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            self.remedy_row.addWidget(button)
            self.remedy_buttons.append(button)
        self.remedy_row.addStretch(1)

    def _fill(self, days: list[list[str]], counts: list[list[str]]) -> None:
        for table, rows in ((self.days_table, days), (self.counts_table, counts)):
            table.setRowCount(len(rows))
            for r, values in enumerate(rows):
                for c, value in enumerate(values):
                    item = QTableWidgetItem(value)
                    item.setToolTip(value if len(value) > 12 else "")
                    table.setItem(r, c, item)
            table.resizeColumnsToContents()

    def accept(self) -> None:
        if self.plan is None:
            return
        self.result_counts = save_plan(self.db, self.plan)
        super().accept()
