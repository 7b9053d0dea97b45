"""接待规则: for each station, when (定时), where (定点) and who take turns (定人).

`RuleForm` is the rule's fields (ui/reception_rule.ui, the month checks and the deputy pool picker
put into its placeholders here, the next dates previewed under them): the rule editor shows it
beside the list of stations, the station form and the first-run guide beside the station's own
fields. Before the station has deputies the pool is "本站代表轮流" and filled when they are entered."""
import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMessageBox,
                               QPushButton, QVBoxLayout, QWidget)

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.domain.dates import WEEKDAYS, chinese_date, weekday_name
from gridoffice.domain.enums import RecurrenceKind
from gridoffice.services.common.lookups import DeputyChoice, deputy_choices, station_choices
from gridoffice.services.reception.days import (NTH_NAMES, ReceptionInputError, describe_recurrence, read_rule,
                                                save_rule)
from gridoffice.services.reception.holidays import HolidayCalendar, load_calendar
from gridoffice.services.reception.schedule import RuleSpec, load_rules, rule_dates
from gridoffice.views.forms.ui_reception_rule import Ui_ReceptionRuleForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import from_qtime, to_qtime
from gridoffice.widgets.deputy_picker import DeputyPicker
from gridoffice.widgets.form import FormErrors
from gridoffice.widgets.remedies import after_closing, go_to_tab, refuse

RECURRENCE_LABELS = {
    RecurrenceKind.NTH_WEEKDAY.value: "每月第几个星期几（如每月第一个周三）",
    RecurrenceKind.WEEKLY.value: "每周固定星期几",
    RecurrenceKind.MONTH_DAY.value: "指定月份的固定日期（如每单月15日）",
}
QUICK_MONTHS = (("单月", range(1, 13, 2)), ("双月", range(2, 13, 2)), ("每月", range(1, 13)),
                ("每季度首月", (1, 4, 7, 10)))
PREVIEW_DAYS = 200


POOL_LATER = "本站的代表录入或导入后，自动进入轮值代表库，按每次值班人数两两轮流。"


class RuleForm(QWidget):
    """One station's rule: 定时 (recurrence, months, time), 定点 (place), 定人 (how many, the pool)."""

    changed = Signal()

    def __init__(self, holidays: HolidayCalendar, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.holidays = holidays
        self.today = today
        self.station_id = 0
        self.station_name = ""
        self.pool_is_later = False   # no deputies yet: the station's own fill the pool when entered
        self.ui = Ui_ReceptionRuleForm()
        self.ui.setupUi(self)
        self.errors = FormErrors(self.ui)
        for value, label in RECURRENCE_LABELS.items():
            self.ui.recurrence.addItem(label, value)
        for value, label in NTH_NAMES.items():
            self.ui.nth.addItem(label, value)
        self.ui.weekday.addItems([f"星期{w}" for w in WEEKDAYS])
        self.month_checks = [QCheckBox(f"{m}月", self.ui.months) for m in range(1, 13)]
        self.picker = DeputyPicker(self.ui.pool)
        self.ui.pool_label.setBuddy(self.picker.search_box)
        self.pool_later = QLabel(POOL_LATER, self.ui.pool)
        self.pool_later.setWordWrap(True)
        self.pool_later.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.pool_later.setContentsMargins(0, 4, 0, 0)
        self.pool_later.hide()
        self.preview_label = QLabel(self)
        self.preview_label.setWordWrap(True)
        self.preview_label.setStyleSheet("color: #1565c0;")
        self._init_layout()
        for widget in (self.ui.recurrence, self.ui.nth, self.ui.weekday):
            widget.currentIndexChanged.connect(self._changed)
        for widget in (self.ui.day_of_month, self.ui.per_day):
            widget.valueChanged.connect(self._changed)
        for widget in (self.ui.start_time, self.ui.end_time):
            widget.timeChanged.connect(self._changed)
        self.ui.place.textEdited.connect(self._changed)
        for check in self.month_checks:
            check.toggled.connect(self._changed)
        self.picker.selection_changed.connect(self._changed)

    def _init_layout(self) -> None:
        months = QGridLayout()
        for index, check in enumerate(self.month_checks):
            months.addWidget(check, index // 6, index % 6)
        quick = QHBoxLayout()
        self.quick_buttons = []
        for label, chosen in QUICK_MONTHS:
            button = QPushButton(label, self.ui.months)
            button.clicked.connect(lambda _c=False, c=tuple(chosen): self._set_months(c))
            quick.addWidget(button)
            self.quick_buttons.append(button)
        quick.addStretch(1)
        self.ui.months_layout.addLayout(months)
        self.ui.months_layout.addLayout(quick)
        self.ui.pool_layout.addWidget(self.picker)
        self.ui.pool_layout.addWidget(self.pool_later)
        self.ui.form.addRow("", self.preview_label)
        # the inserted widgets take their places in the form's tab order
        for chain in ([self.ui.day_of_month, *self.month_checks, *self.quick_buttons, self.ui.start_time],
                      [self.ui.per_day, self.picker.search_box, self.picker.list]):
            for before, after in zip(chain, chain[1:]):
                QWidget.setTabOrder(before, after)

    def last_in_tab_order(self) -> QWidget:
        return self.picker.list

    def _set_months(self, months: Sequence[int]) -> None:
        for month, check in enumerate(self.month_checks, start=1):
            check.setChecked(month in months)

    def load(self, rule: RuleSpec, choices: Sequence[DeputyChoice] | None) -> None:
        """Show a rule; `choices` are the deputies the pool is picked from (the station's own
        first), None before the office has deputies: then the pool is "本站代表轮流"."""
        self.station_id, self.station_name = rule.station_id, rule.station_name
        ui = self.ui
        widgets = (ui.recurrence, ui.nth, ui.weekday, ui.day_of_month, ui.start_time, ui.end_time, ui.place,
                   ui.per_day, self.picker, *self.month_checks)
        for widget in widgets:
            widget.blockSignals(True)
        ui.recurrence.setCurrentIndex(ui.recurrence.findData(rule.recurrence))
        ui.nth.setCurrentIndex(max(0, ui.nth.findData(rule.nth)))
        ui.weekday.setCurrentIndex(rule.weekday)
        ui.day_of_month.setValue(rule.day_of_month)
        self._set_months(rule.months)
        ui.start_time.setTime(to_qtime(rule.start_time))
        ui.end_time.setTime(to_qtime(rule.end_time))
        ui.place.setText(rule.place)
        ui.per_day.setValue(rule.per_day)
        self.picker.set_choices(list(choices or ()), rule.pool)
        for widget in widgets:
            widget.blockSignals(False)
        self.pool_is_later = choices is None
        self.picker.setVisible(not self.pool_is_later)
        self.pool_later.setVisible(self.pool_is_later)
        self.errors.clear()
        self._update_visibility()
        self.update_preview()

    def set_place(self, place: str) -> None:
        self.ui.place.setText(place)
        self.update_preview()

    def value(self) -> RuleSpec:
        ui = self.ui
        return RuleSpec(
            station_id=self.station_id, station_name=self.station_name,
            recurrence=ui.recurrence.currentData(), nth=ui.nth.currentData(), weekday=ui.weekday.currentIndex(),
            day_of_month=ui.day_of_month.value(),
            months=tuple(m for m, check in enumerate(self.month_checks, start=1) if check.isChecked()),
            start_time=from_qtime(ui.start_time.time()), end_time=from_qtime(ui.end_time.time()),
            place=ui.place.text(), per_day=ui.per_day.value(),
            pool=() if self.pool_is_later else tuple(self.picker.selected_ids()))

    def show_error(self, error: ReceptionInputError) -> None:
        self.errors.show(error.field if error.field in self.errors.labels else "recurrence", str(error))

    def _changed(self, *_args) -> None:
        self._update_visibility()
        self.update_preview()
        self.changed.emit()

    def _update_visibility(self) -> None:
        kind = self.ui.recurrence.currentData()
        self._show_row("nth", kind == RecurrenceKind.NTH_WEEKDAY.value)
        self._show_row("weekday", kind != RecurrenceKind.MONTH_DAY.value)
        self._show_row("day_of_month", kind == RecurrenceKind.MONTH_DAY.value)
        self._show_row("months", kind == RecurrenceKind.MONTH_DAY.value)

    def _show_row(self, key: str, visible: bool) -> None:
        self.ui.form.setRowVisible(getattr(self.ui, key), visible)
        if not visible:   # a message about a field no longer shown goes with it
            self.errors.labels[key].hide()

    def update_preview(self) -> None:
        form = self.value()
        dates = rule_dates(form, self.today, self.today + dt.timedelta(days=PREVIEW_DAYS), self.holidays)[:4]
        shown = "、".join(f"{chinese_date(day)}（{weekday_name(day)}{'，顺延' if day != nominal else ''}）"
                         for day, nominal in dates)
        describe = describe_recurrence(form.recurrence, form.nth, form.weekday, form.day_of_month, form.months)
        self.preview_label.setText(f"{describe}：接下来是 {shown}" if shown else f"{describe}：近期没有接待日")


def pool_choices(choices: Sequence[DeputyChoice], station_name: str) -> list[DeputyChoice] | None:
    """The deputies a pool is picked from, the station's own first; None while there are none."""
    if not choices:
        return None
    return [c for c in choices if c.station == station_name] + [c for c in choices if c.station != station_name]


class RuleEditorDialog(BaseDialog):
    help_page = "reception"

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None, *, station_id: int | None = None):
        super().__init__(parent, settings_key="reception_rules", title="接待规则（三定：定时、定点、定人）",
                         default_size=(1000, 640))
        self.db = db
        self.today = clock.today()
        self.dirty = False
        self.current: RuleSpec | None = None
        self.stations = station_choices(db)
        self.choices = deputy_choices(db)
        self.holidays = load_calendar(db)   # for the preview of the next dates
        self._init_widgets()
        self._init_layout()
        index = next((i for i, s in enumerate(self.stations) if s.id == station_id), 0)
        self.station_list.setCurrentRow(index if self.stations else -1)

    @property
    def ui(self):
        return self.rule.ui

    @property
    def errors(self) -> FormErrors:
        return self.rule.errors

    @property
    def picker(self) -> DeputyPicker:
        return self.rule.picker

    @property
    def month_checks(self) -> list[QCheckBox]:
        return self.rule.month_checks

    @property
    def preview_label(self) -> QLabel:
        return self.rule.preview_label

    def _init_widgets(self) -> None:
        self.station_list = QListWidget(self)
        self.station_list.setMinimumWidth(230)
        self.station_list.currentRowChanged.connect(self._on_station_changed)
        self._refresh_station_list()
        self.rule = RuleForm(self.holidays, self.today, self)
        self.rule.changed.connect(self._changed)
        self.save_button = QPushButton("保存本站规则", self)
        self.save_button.clicked.connect(self.save_current)
        self.close_button = QPushButton("关闭", self)
        self.close_button.clicked.connect(self.reject)
        QWidget.setTabOrder(self.rule.last_in_tab_order(), self.save_button)
        QWidget.setTabOrder(self.save_button, self.close_button)

    def _init_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        right = QVBoxLayout()
        right.addWidget(self.rule, stretch=1)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.station_list)
        layout.addLayout(right, stretch=1)

    def _refresh_station_list(self) -> None:
        row = self.station_list.currentRow()
        self.station_list.blockSignals(True)
        self.station_list.clear()
        rules = {rule.station_id: rule for rule in load_rules(self.db)}
        for station in self.stations:
            rule = rules.get(station.id)
            summary = (f"{describe_recurrence(rule.recurrence, rule.nth, rule.weekday, rule.day_of_month, rule.months)}"
                       f" · 代表库 {len(rule.pool)} 人") if rule else "尚未设置规则"
            QListWidgetItem(f"{station.short}\n{summary}", self.station_list).setToolTip(station.name)
        self.station_list.setCurrentRow(row)
        self.station_list.blockSignals(False)

    def _on_station_changed(self, row: int) -> None:
        if row < 0:
            return
        if self.dirty and self.current is not None and self.current.station_id != self.stations[row].id:
            if not self._settle_unsaved():
                self.station_list.blockSignals(True)
                self.station_list.setCurrentRow(next(i for i, s in enumerate(self.stations)
                                                     if s.id == self.current.station_id))
                self.station_list.blockSignals(False)
                return
        self.load_station(self.stations[row].id)

    def _settle_unsaved(self) -> bool:
        """Ask about unsaved edits; False when the clerk wants to stay."""
        answer = QMessageBox.question(self, "未保存的修改", "当前联络站的规则已修改但还没保存，要保存吗？",
                                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                                      | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_current()
        return answer == QMessageBox.StandardButton.Discard

    def load_station(self, station_id: int) -> None:
        rule = read_rule(self.db, station_id)
        self.current = rule
        station = next(s for s in self.stations if s.id == station_id)
        self.rule.load(rule, pool_choices(self.choices, station.name) or [])
        self.dirty = False

    def form_value(self) -> RuleSpec:
        return self.rule.value()

    def _changed(self) -> None:
        self.dirty = True

    def save_current(self) -> bool:
        if self.current is None:
            return False
        self.errors.clear()
        try:
            save_rule(self.db, self.form_value())
        except ReceptionInputError as error:
            self.rule.show_error(error)
            if error.field == "pool" and len(self.choices) < self.rule.ui.per_day.value():
                self._offer_roster(str(error))
            return False
        self.current = self.form_value()
        self.dirty = False
        self._refresh_station_list()
        return True

    def _offer_roster(self, why: str) -> None:
        """Too few deputies in the whole office for the pool: the roster is where the fix is."""
        remedies = [(label, after_closing(self, slot)) for label, slot in go_to_tab(self, "去录入代表…", "RosterTab")]
        if remedies:
            refuse(self, "代表不够", f"{why}\n名册中现在只有 {len(self.choices)} 名在任代表：请先录入或导入代表，"
                   "再回来选择轮值代表。", remedies)

    # --- BaseDialog: closing with unsaved edits asks; Ctrl+S and 保存 save the station's rule ---
    def has_unsaved_changes(self) -> bool:
        return self.dirty

    def save_changes(self) -> None:
        if self.save_current():
            self.done(self.DialogCode.Rejected)   # 保存 from the closing question: saved, then closed
