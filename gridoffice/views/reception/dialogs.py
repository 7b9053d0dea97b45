"""Dialogs of the reception calendar: rules, generating a plan, one day, holidays, notices, printing."""
import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QCheckBox, QComboBox, QDateEdit, QDialogButtonBox,
                               QFormLayout, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton, QRadioButton, QSpinBox,
                               QSplitter, QTableWidget, QTableWidgetItem, QTimeEdit, QVBoxLayout, QWidget)

from gridoffice.db import Database
from gridoffice.domain.dates import WEEKDAYS, chinese_date, weekday_name
from gridoffice.domain.enums import OpinionChannel, ReceptionStatus, RecurrenceKind
from gridoffice.paths import preview_file
from gridoffice.services.common.files import safe_file_name
from gridoffice.services.reception.holidays import (ESTIMATED, OFFICIAL, OVERRIDE, HolidayInputError, delete_override,
                                          load_calendar, save_holiday_range,
                                          save_override)
from gridoffice.services.reception.days import (NTH_NAMES, DayForm, ReceptionInputError, count_opinions,
                                           delete_day, describe_recurrence, list_reception_days, new_day_form,
                                           read_day, read_rule, save_day, save_rule, short_station_name)
from gridoffice.services.reception.notice import (NoticeInputError, NoticeSettings, late_notice_warning, load_notice,
                                                  read_notice_settings, save_notice_settings)
from gridoffice.services.reception.schedule import (Conflict, Plan, RuleSpec, duty_conflicts, generate_plan, load_rules,
                                          month_range, rule_dates, save_plan)
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.deputy_picker import DeputyPicker, pick_deputies
from gridoffice.widgets.form import ValidatedForm
from gridoffice.widgets.pdf_preview import PdfPreviewDialog
from gridoffice.services.common.lookups import deputy_choices, station_choices

WARNING_STYLE = "background: #fff8e1; color: #8d4b00; border: 1px solid #ffe082; padding: 6px;"
CONFLICT_STYLE = "color: #c62828;"
RECURRENCE_LABELS = {
    RecurrenceKind.NTH_WEEKDAY.value: "每月第几个星期几（如每月第一个周三）",
    RecurrenceKind.WEEKLY.value: "每周固定星期几",
    RecurrenceKind.MONTH_DAY.value: "指定月份的固定日期（如每单月15日）",
}
PERIODS = (("一个月", 1), ("一个季度（3个月）", 3), ("半年（6个月）", 6), ("一年（12个月）", 12))


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def _pytime(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


def _buttons(dialog: BaseDialog, ok_text: str = "保存", *, cancel_text: str = "取消") -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _warning_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(WARNING_STYLE)
    label.hide()
    return label


def _month_edit(parent: QWidget, first: dt.date) -> QDateEdit:
    edit = QDateEdit(_qdate(first.replace(day=1)), parent)
    edit.setDisplayFormat("yyyy年M月")
    edit.setCalendarPopup(False)
    return edit


def _date_edit(parent: QWidget, day: dt.date) -> QDateEdit:
    edit = QDateEdit(_qdate(day), parent)
    edit.setDisplayFormat("yyyy年M月d日")
    edit.setCalendarPopup(True)
    return edit


def _time_edit(parent: QWidget, value: dt.time) -> QTimeEdit:
    edit = QTimeEdit(_qtime(value), parent)
    edit.setDisplayFormat("HH:mm")
    return edit


def ask_to_override(parent: QWidget, title: str, conflicts: Sequence[Conflict], question: str) -> bool:
    """The conflicts listed; True when the clerk goes on anyway."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, "发现以下冲突：\n\n" + "\n".join(
        f"• {c.message}" for c in conflicts) + f"\n\n{question}", parent=parent)
    go_on = box.addButton("仍然继续", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("返回修改", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is go_on


# --- printing ---------------------------------------------------------------------------------------

def preview_target(name: str) -> Path:
    return preview_file(name)


def show_pdf(parent: QWidget, path: Path, *, title: str, suggested_name: str) -> None:
    PdfPreviewDialog(path, title=title, suggested_name=suggested_name, parent=parent).exec()


def print_notices(parent: QWidget, db: Database, day_ids: Sequence[int], *, today: dt.date,
                  title: str = "接待日公告") -> Path | None:
    """The notices of these days in one PDF, previewed; warns first when one is less than 3 days ahead."""
    from gridoffice.services.reception.pdf import write_notices_pdf  # ReportLab: not on the start-up path

    if not day_ids:
        QMessageBox.information(parent, "没有公告可打印", "所选范围内没有计划中的接待日。")
        return None
    with db.session() as session:
        notices = [load_notice(session, day_id, db.attachments_dir) for day_id in day_ids]
    late = late_notice_warning([n.date for n in notices], today)
    if late and QMessageBox.warning(parent, "公告张贴时间不足 3 天", f"{late}\n\n仍要打印吗？",
                                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                    QMessageBox.StandardButton.Yes) != QMessageBox.StandardButton.Yes:
        return None
    first = notices[0]
    name = (f"接待日公告-{first.date:%Y%m%d}-{safe_file_name(short_station_name(first.station))}.pdf"
            if len(notices) == 1
            else f"接待日公告-{first.date:%Y年%m月}-{len(notices)}份.pdf")
    target = preview_target(name)
    try:
        write_notices_pdf(target, notices, issued_on=today)
    except OSError as error:
        QMessageBox.warning(parent, "无法生成 PDF", f"生成公告失败：{error}")
        return None
    show_pdf(parent, target, title=title, suggested_name=name)
    return target


class RosterPrintDialog(BaseDialog):
    """值班表…: which month, which station."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, month: dt.date, station_id: int | None = None):
        super().__init__(parent, settings_key="reception_roster_print", title="打印值班表", default_size=(380, 160))
        self.month_edit = _month_edit(self, month)
        self.station_box = QComboBox(self)
        self.station_box.addItem("全部联络站", None)
        with db.session() as session:
            for station in station_choices(self.db):
                self.station_box.addItem(station.name, station.id)
        self.station_box.setCurrentIndex(max(0, self.station_box.findData(station_id)))
        form = QFormLayout()
        form.addRow("月份", self.month_edit)
        form.addRow("联络站", self.station_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, "生成预览"))

    def month(self) -> dt.date:
        return _pydate(self.month_edit.date()).replace(day=1)

    def station_id(self) -> int | None:
        return self.station_box.currentData()


class NoticePickDialog(BaseDialog):
    """接待日公告…: pick the planned day (from today on) whose notice to print."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date):
        super().__init__(parent, settings_key="reception_notice_pick", title="打印接待日公告", default_size=(560, 420))
        self.list = QListWidget(self)
        with db.session() as session:
            rows = [r for r in list_reception_days(session, start=today) if r.status == ReceptionStatus.PLANNED.value]
        for row in rows:
            item = QListWidgetItem(f"{chinese_date(row.date)}（{weekday_name(row.date)}） {row.time_range}  "
                                   f"{row.station_short}  {'、'.join(row.deputy_names) or '（未排代表）'}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
        if rows:
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        hint = QLabel("选择要打印公告的接待日（公告应至少提前 3 天张贴）：" if rows else "今天以后没有计划中的接待日。", self)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list, stretch=1)
        layout.addWidget(_buttons(self, "生成预览"))

    def day_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


class NoticeSettingsDialog(BaseDialog):
    """公告设置: the notice's title, what residents may raise, the QR code's text."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent, settings_key="reception_notice_settings", title="接待日公告设置",
                         default_size=(560, 380))
        self.db = db
        with db.session() as session:
            current = read_notice_settings(session)
        self.title_edit = QLineEdit(current.title, self)
        self.topics_edit = QPlainTextEdit(current.topics, self)
        self.topics_edit.setMinimumHeight(90)
        self.qr_edit = QLineEdit(current.qr_text, self)
        self.qr_edit.setPlaceholderText("例如公众号文章或预约页面的链接；留空则公告上不印二维码")
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(CONFLICT_STYLE)
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow("公告标题", self.title_edit)
        form.addRow("可以反映的内容", self.topics_edit)
        form.addRow("二维码内容", self.qr_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(_buttons(self))

    def accept(self) -> None:
        try:
            with self.db.session() as session:
                save_notice_settings(session, NoticeSettings(self.title_edit.text(), self.topics_edit.toPlainText(),
                                                             self.qr_edit.text()))
        except NoticeInputError as error:
            self.error_label.setText(str(error))
            return
        super().accept()


# --- holidays -------------------------------------------------------------------------------------

SOURCE_LABELS = {OFFICIAL: "官方日历", OVERRIDE: "手工录入", ESTIMATED: "法定节日估算"}


class HolidayDialog(BaseDialog):
    """节假日设置: the year's holidays and make-up workdays; the clerk enters them for a year the
    official calendar does not know yet."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, year: int):
        super().__init__(parent, settings_key="reception_holidays", title="节假日设置", default_size=(720, 560))
        self.db = db
        self.year_box = QSpinBox(self)
        self.year_box.setRange(2004, 2100)
        self.year_box.setValue(year)
        self.year_box.setSuffix(" 年")
        self.year_box.valueChanged.connect(lambda _v: self.reload())
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(["日期", "星期", "类型", "名称", "来源"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.first_edit = _date_edit(self, dt.date(year, 1, 1))
        self.last_edit = _date_edit(self, dt.date(year, 1, 1))
        self.kind_box = QComboBox(self)
        self.kind_box.addItems(["放假", "调休上班"])
        self.kind_box.currentIndexChanged.connect(lambda i: self.last_edit.setEnabled(i == 0))
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText("如 春节")
        add_button = QPushButton("添加", self)
        add_button.clicked.connect(self.add_entry)
        delete_button = QPushButton("删除所选的手工录入", self)
        delete_button.clicked.connect(self.delete_selected)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(CONFLICT_STYLE)
        self.error_label.setWordWrap(True)

        entry = QHBoxLayout()
        for widget in (QLabel("从", self), self.first_edit, QLabel("到", self), self.last_edit, self.kind_box,
                       self.name_edit, add_button):
            entry.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(QLabel("年份", self))
        top.addWidget(self.year_box)
        top.addStretch(1)
        top.addWidget(delete_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status_label)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(QLabel("按国务院公布的放假安排录入（调休上班只能是周六或周日）：", self))
        layout.addLayout(entry)
        layout.addWidget(self.error_label)
        layout.addWidget(close)
        self.reload()

    def year(self) -> int:
        return self.year_box.value()

    def reload(self) -> None:
        year = self.year()
        with self.db.session() as session:
            holidays = load_calendar(session)
        warning = holidays.year_warning(year).replace("请在“工具 → 节假日设置”中按", "请在下面按")
        self.status_label.setText(warning or f"{year} 年使用国务院公布的放假安排（程序内置的官方日历）。"
                                             "如有特殊安排，也可以在下面手工录入，手工录入的优先。")
        self.status_label.setStyleSheet(WARNING_STYLE if warning else "")
        days = []
        day = dt.date(year, 1, 1)
        while day.year == year:
            info = holidays.info(day)
            if info.source != "ordinary" or info.badge:
                days.append(info)
            day += dt.timedelta(days=1)
        self.table.setRowCount(len(days))
        for row, info in enumerate(days):
            kind = "调休上班" if info.is_workday else "放假"
            values = [info.date.isoformat(), weekday_name(info.date), kind, info.name, SOURCE_LABELS.get(info.source, "")]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, (info.date, info.source))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def add_entry(self) -> None:
        self.error_label.clear()
        first, name = _pydate(self.first_edit.date()), self.name_edit.text()
        try:
            with self.db.session() as session:
                if self.kind_box.currentIndex() == 0:
                    save_holiday_range(session, first, _pydate(self.last_edit.date()), name)
                else:
                    save_override(session, first, is_workday=True, name=name)
        except HolidayInputError as error:
            self.error_label.setText(str(error))
            return
        self.year_box.setValue(first.year)
        self.reload()

    def delete_selected(self) -> None:
        chosen = {self.table.item(i.row(), 0).data(Qt.ItemDataRole.UserRole)
                  for i in self.table.selectionModel().selectedRows()}
        entered = [day for day, source in chosen if source == OVERRIDE]
        if not entered:
            self.error_label.setText("只能删除手工录入的日期；官方日历和估算的节日不能删除，可以录入相反的安排覆盖它。")
            return
        with self.db.session() as session:
            for day in entered:
                delete_override(session, day)
        self.error_label.clear()
        self.reload()


# --- rules ----------------------------------------------------------------------------------------

class RuleEditorDialog(BaseDialog):
    """接待规则: for each station, when (定时), where (定点) and who take turns (定人)."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None,
                 station_id: int | None = None):
        super().__init__(parent, settings_key="reception_rules", title="接待规则（三定：定时、定点、定人）",
                         default_size=(1000, 640))
        self.db = db
        self.today = today or dt.date.today()
        self.dirty = False
        self.current: RuleSpec | None = None
        with db.session() as session:
            self.stations = station_choices(self.db)
            self.choices = deputy_choices(self.db)
        self._init_widgets()
        self._init_layout()
        index = next((i for i, s in enumerate(self.stations) if s.id == station_id), 0)
        self.station_list.setCurrentRow(index if self.stations else -1)

    def _init_widgets(self) -> None:
        self.station_list = QListWidget(self)
        self.station_list.setMinimumWidth(230)
        self.station_list.currentRowChanged.connect(self._on_station_changed)
        self._refresh_station_list()
        self.recurrence_box = QComboBox(self)
        for value, label in RECURRENCE_LABELS.items():
            self.recurrence_box.addItem(label, value)
        self.nth_box = QComboBox(self)
        for value, label in NTH_NAMES.items():
            self.nth_box.addItem(label, value)
        self.weekday_box = QComboBox(self)
        self.weekday_box.addItems([f"星期{w}" for w in WEEKDAYS])
        self.day_box = QSpinBox(self)
        self.day_box.setRange(1, 31)
        self.day_box.setSuffix(" 日")
        self.month_checks = [QCheckBox(f"{m}月", self) for m in range(1, 13)]
        self.start_edit = _time_edit(self, dt.time(9, 0))
        self.end_edit = _time_edit(self, dt.time(11, 30))
        self.place_edit = QLineEdit(self)
        self.per_day_box = QSpinBox(self)
        self.per_day_box.setRange(1, 6)
        self.per_day_box.setSuffix(" 人")
        self.picker = DeputyPicker(self)
        self.preview_label = QLabel(self)
        self.preview_label.setWordWrap(True)
        self.preview_label.setStyleSheet("color: #1565c0;")
        for widget in (self.recurrence_box, self.nth_box, self.weekday_box):
            widget.currentIndexChanged.connect(self._changed)
        for widget in (self.day_box, self.per_day_box):
            widget.valueChanged.connect(self._changed)
        for widget in (self.start_edit, self.end_edit):
            widget.timeChanged.connect(self._changed)
        self.place_edit.textEdited.connect(self._changed)
        for check in self.month_checks:
            check.toggled.connect(self._changed)
        self.picker.selection_changed.connect(self._changed)

    def _init_layout(self) -> None:
        months = QGridLayout()
        for index, check in enumerate(self.month_checks):
            months.addWidget(check, index // 6, index % 6)
        quick = QHBoxLayout()
        for label, chosen in (("单月", range(1, 13, 2)), ("双月", range(2, 13, 2)), ("每月", range(1, 13)),
                              ("每季度首月", (1, 4, 7, 10))):
            button = QPushButton(label, self)
            button.clicked.connect(lambda _c=False, c=tuple(chosen): self._set_months(c))
            quick.addWidget(button)
        quick.addStretch(1)
        months_box = QWidget(self)
        months_layout = QVBoxLayout(months_box)
        months_layout.setContentsMargins(0, 0, 0, 0)
        months_layout.addLayout(months)
        months_layout.addLayout(quick)
        times = QWidget(self)
        times_layout = QHBoxLayout(times)
        times_layout.setContentsMargins(0, 0, 0, 0)
        times_layout.addWidget(self.start_edit)
        times_layout.addWidget(QLabel("至", self))
        times_layout.addWidget(self.end_edit)
        times_layout.addStretch(1)
        self.form = ValidatedForm()
        self.form.add_field("recurrence", "接待规律", self.recurrence_box)
        self.form.add_field("nth", "第几个", self.nth_box)
        self.form.add_field("weekday", "星期", self.weekday_box)
        self.form.add_field("day_of_month", "日期", self.day_box)
        self.form.add_field("months", "月份", months_box)
        self.form.add_field("time", "接待时间", times)
        self.form.add_field("place", "接待地点", self.place_edit)
        self.form.add_field("per_day", "每次值班", self.per_day_box)
        self.form.add_field("pool", "轮值代表库", self.picker)
        self.save_button = QPushButton("保存本站规则", self)
        self.save_button.clicked.connect(self.save_current)
        close = QPushButton("关闭", self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_label, stretch=1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        right = QVBoxLayout()
        right.addLayout(self.form, stretch=1)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.station_list)
        layout.addLayout(right, stretch=1)

    def _refresh_station_list(self) -> None:
        row = self.station_list.currentRow()
        self.station_list.blockSignals(True)
        self.station_list.clear()
        with self.db.session() as session:
            rules = {rule.station_id: rule for rule in load_rules(session)}
        for station in self.stations:
            rule = rules.get(station.id)
            summary = (f"{describe_recurrence(rule.recurrence, rule.nth, rule.weekday, rule.day_of_month, rule.months)}"
                       f" · 代表库 {len(rule.pool)} 人") if rule else "尚未设置规则"
            QListWidgetItem(f"{station.short}\n{summary}", self.station_list).setToolTip(station.name)
        self.station_list.setCurrentRow(row)
        self.station_list.blockSignals(False)

    def _set_months(self, months: Sequence[int]) -> None:
        for month, check in enumerate(self.month_checks, start=1):
            check.setChecked(month in months)

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
        with self.db.session() as session:
            rule = read_rule(session, station_id)
        self.current = rule
        station = next(s for s in self.stations if s.id == station_id)
        own = [c for c in self.choices if c.station == station.name]
        others = [c for c in self.choices if c.station != station.name]
        widgets = (self.recurrence_box, self.nth_box, self.weekday_box, self.day_box, self.start_edit, self.end_edit,
                   self.place_edit, self.per_day_box, self.picker, *self.month_checks)
        for widget in widgets:
            widget.blockSignals(True)
        self.recurrence_box.setCurrentIndex(self.recurrence_box.findData(rule.recurrence))
        self.nth_box.setCurrentIndex(max(0, self.nth_box.findData(rule.nth)))
        self.weekday_box.setCurrentIndex(rule.weekday)
        self.day_box.setValue(rule.day_of_month)
        self._set_months(rule.months)
        self.start_edit.setTime(_qtime(rule.start_time))
        self.end_edit.setTime(_qtime(rule.end_time))
        self.place_edit.setText(rule.place)
        self.per_day_box.setValue(rule.per_day)
        self.picker.set_choices(own + others, rule.pool)  # the station's own deputies first
        for widget in widgets:
            widget.blockSignals(False)
        self.form.clear_errors()
        self.dirty = False
        self._update_visibility()
        self._update_preview()

    def form_value(self) -> RuleSpec:
        return RuleSpec(
            station_id=self.current.station_id, station_name=self.current.station_name,
            recurrence=self.recurrence_box.currentData(),
            nth=self.nth_box.currentData(), weekday=self.weekday_box.currentIndex(), day_of_month=self.day_box.value(),
            months=tuple(m for m, check in enumerate(self.month_checks, start=1) if check.isChecked()),
            start_time=_pytime(self.start_edit.time()), end_time=_pytime(self.end_edit.time()),
            place=self.place_edit.text(), per_day=self.per_day_box.value(), pool=tuple(self.picker.selected_ids()))

    def _changed(self, *_args) -> None:
        self.dirty = True
        self._update_visibility()
        self._update_preview()

    def _update_visibility(self) -> None:
        kind = self.recurrence_box.currentData()
        self.form.setRowVisible(self.form.fields["nth"], kind == RecurrenceKind.NTH_WEEKDAY.value)
        self.form.setRowVisible(self.form.fields["weekday"], kind != RecurrenceKind.MONTH_DAY.value)
        self.form.setRowVisible(self.form.fields["day_of_month"], kind == RecurrenceKind.MONTH_DAY.value)
        self.form.setRowVisible(self.form.fields["months"], kind == RecurrenceKind.MONTH_DAY.value)

    def _update_preview(self) -> None:
        if self.current is None:
            return
        form = self.form_value()
        with self.db.session() as session:
            holidays = load_calendar(session)
        dates = rule_dates(form, self.today, self.today + dt.timedelta(days=200), holidays)[:4]
        shown = "、".join(f"{chinese_date(day)}（{weekday_name(day)}{'，顺延' if day != nominal else ''}）"
                         for day, nominal in dates)
        describe = describe_recurrence(form.recurrence, form.nth, form.weekday, form.day_of_month, form.months)
        self.preview_label.setText(f"{describe}：接下来是 {shown}" if shown else f"{describe}：近期没有接待日")

    def save_current(self) -> bool:
        if self.current is None:
            return False
        self.form.clear_errors()
        try:
            with self.db.session() as session:
                save_rule(session, self.form_value())
        except ReceptionInputError as error:
            self.form.show_error(error.field if error.field in self.form.fields else "recurrence", str(error))
            return False
        self.current = self.form_value()
        self.dirty = False
        self._refresh_station_list()
        return True

    def reject(self) -> None:
        if self.dirty and not self._settle_unsaved():
            return
        super().reject()


# --- generating a plan ----------------------------------------------------------------------------

class GenerateDialog(BaseDialog):
    """生成排班: a month, quarter, half year or year for chosen stations, previewed with each
    deputy's count before anything is saved."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, first_month: dt.date,
                 station_id: int | None = None):
        super().__init__(parent, settings_key="reception_generate", title="生成接待排班", default_size=(1120, 640))
        self.db = db
        self.plan: Plan | None = None
        with db.session() as session:
            self.stations = station_choices(self.db)
        self.month_edit = _month_edit(self, first_month)
        self.period_box = QComboBox(self)
        for label, months in PERIODS:
            self.period_box.addItem(label, months)
        self.station_list = QListWidget(self)
        self.station_list.setMaximumWidth(220)
        for station in self.stations:
            item = QListWidgetItem(station.short, self.station_list)
            item.setToolTip(station.name)
            item.setData(Qt.ItemDataRole.UserRole, station.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = station_id is None or station.id == station_id
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.warning_label = _warning_label(self)
        self.days_table = self._table(["日期", "星期", "时间", "联络站", "值班代表", "备注"], stretch_column=5)
        self.counts_table = self._table(["联络站", "代表", "次数"], stretch_column=1)
        buttons = _buttons(self, "保存排班")
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Ok)

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
        layout.addLayout(body, stretch=1)
        layout.addWidget(buttons)
        self.month_edit.dateChanged.connect(lambda _d: self.refresh())
        self.period_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.station_list.itemChanged.connect(lambda _item: self.refresh())
        self.refresh()

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
        return month_range(_pydate(self.month_edit.date()), self.period_box.currentData())

    def refresh(self) -> None:
        start, end = self.period()
        chosen = self.chosen_station_ids()
        if not chosen:
            self.plan = None
            self._fill([], [])
            self.summary_label.setText("请至少选择一个联络站。")
            self.warning_label.hide()
            self.save_button.setEnabled(False)
            return
        with self.db.session() as session:
            self.plan = generate_plan(session, start, end, station_ids=chosen)
        plan = self.plan
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
        with self.db.session() as session:
            self.result_counts = save_plan(session, self.plan)
        super().accept()


# --- one day --------------------------------------------------------------------------------------

class DayDialog(BaseDialog):
    """One reception day: date, time, place, the deputies on duty (with conflict warnings), and
    after the day: held or cancelled, residents received, the opinions registered."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, day_id: int | None = None,
                 day: dt.date | None = None, station_id: int | None = None, today: dt.date | None = None,
                 print_notice: Callable[[int], None] | None = None):
        super().__init__(parent, settings_key="reception_day", title="接待日" if day_id else "新增接待日",
                         default_size=(640, 640))
        self.today = today or dt.date.today()
        self.db = db
        self._print_notice = print_notice
        with db.session() as session:
            self.stations = station_choices(self.db)
            if day_id is not None:
                self.form_data = read_day(session, day_id)
                self.opinions = count_opinions(session, day_id)
            else:
                station = station_id or (self.stations[0].id if self.stations else 0)
                self.form_data = new_day_form(session, station, day or self.today)
                self.opinions = 0
            self.labels = {c.id: c.label for c in deputy_choices(self.db, include_retired=True)}
        self.deputy_ids = list(self.form_data.deputy_ids)
        if day_id is not None:
            station = next((s.short for s in self.stations if s.id == self.form_data.station_id), "")
            self.setWindowTitle(f"接待日：{chinese_date(self.form_data.date)} {station}")
        self._init_widgets()
        self._init_layout()
        self._load()
        self.update_conflicts()

    @property
    def day_id(self) -> int | None:
        return self.form_data.id

    def _init_widgets(self) -> None:
        self.station_box = QComboBox(self)
        for station in self.stations:
            self.station_box.addItem(station.name, station.id)
        self.date_edit = _date_edit(self, self.form_data.date)
        self.day_info = QLabel(self)
        self.start_edit = _time_edit(self, self.form_data.start_time)
        self.end_edit = _time_edit(self, self.form_data.end_time)
        self.place_edit = QLineEdit(self)
        self.deputy_list = QListWidget(self)
        self.deputy_list.setMaximumHeight(96)
        self.pick_button = QPushButton("选择代表…", self)
        self.pick_button.clicked.connect(self.pick)
        self.remove_button = QPushButton("移除所选", self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.conflict_label = QLabel(self)
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setStyleSheet(CONFLICT_STYLE)
        self.status_buttons = QButtonGroup(self)
        self.status_radios = {}
        for status in ReceptionStatus:
            radio = QRadioButton(status.value, self)
            self.status_buttons.addButton(radio)
            self.status_radios[status.value] = radio
        self.residents_box = QSpinBox(self)
        self.residents_box.setRange(0, 10_000)
        self.residents_box.setSuffix(" 人")
        self.notes_edit = QLineEdit(self)
        self.notes_edit.setPlaceholderText("如取消的原因、顺延说明")
        self.opinions_label = QLabel(self)
        self.register_button = QPushButton("登记本次接待收到的意见…", self)
        self.register_button.clicked.connect(self.register_opinion)
        self.notice_button = QPushButton("打印公告…", self)
        self.notice_button.clicked.connect(self._on_print_notice)
        self.delete_button = QPushButton("删除此接待日", self)
        self.delete_button.clicked.connect(self.delete)
        self.station_box.currentIndexChanged.connect(lambda _i: self._on_station_changed())
        self.date_edit.dateChanged.connect(lambda _d: self.update_conflicts())
        self.status_buttons.buttonToggled.connect(lambda *_a: self._update_enabled())

    def _init_layout(self) -> None:
        times = QHBoxLayout()
        times.addWidget(self.start_edit)
        times.addWidget(QLabel("至", self))
        times.addWidget(self.end_edit)
        times.addStretch(1)
        dates = QHBoxLayout()
        dates.addWidget(self.date_edit)
        dates.addWidget(self.day_info, stretch=1)
        deputy_buttons = QVBoxLayout()
        deputy_buttons.addWidget(self.pick_button)
        deputy_buttons.addWidget(self.remove_button)
        deputy_buttons.addStretch(1)
        deputies = QHBoxLayout()
        deputies.addWidget(self.deputy_list, stretch=1)
        deputies.addLayout(deputy_buttons)
        statuses = QHBoxLayout()
        for radio in self.status_radios.values():
            statuses.addWidget(radio)
        statuses.addStretch(1)
        opinions = QHBoxLayout()
        opinions.addWidget(self.opinions_label, stretch=1)
        opinions.addWidget(self.register_button)
        self.form = ValidatedForm()
        self.form.add_field("station", "联络站", self.station_box)
        self.form.add_field("date", "日期", self._wrap(dates))
        self.form.add_field("time", "时间", self._wrap(times))
        self.form.add_field("place", "地点", self.place_edit)
        self.form.add_field("deputies", "值班代表", self._wrap(deputies))
        self.form.addRow("", self.conflict_label)
        self.form.add_field("status", "状态", self._wrap(statuses))
        self.form.add_field("residents_received", "接待群众", self.residents_box)
        self.form.add_field("notes", "备注", self.notes_edit)
        self.form.addRow("民情意见", self._wrap(opinions))
        bottom = QHBoxLayout()
        bottom.addWidget(self.delete_button)
        bottom.addWidget(self.notice_button)
        bottom.addStretch(1)
        bottom.addWidget(_buttons(self))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addLayout(bottom)

    def _on_station_changed(self) -> None:
        if self.day_id is None:   # a new day takes the time and place of the station's rule
            with self.db.session() as session:
                defaults = new_day_form(session, self.station_box.currentData(), _pydate(self.date_edit.date()))
            self.start_edit.setTime(_qtime(defaults.start_time))
            self.end_edit.setTime(_qtime(defaults.end_time))
            self.place_edit.setText(defaults.place)
        self.update_conflicts()

    def _wrap(self, inner) -> QWidget:
        box = QWidget(self)
        inner.setContentsMargins(0, 0, 0, 0)
        box.setLayout(inner)
        return box

    def _load(self) -> None:
        data = self.form_data
        self.station_box.setCurrentIndex(max(0, self.station_box.findData(data.station_id)))
        self.place_edit.setText(data.place)
        self.status_radios[data.status].setChecked(True)
        self.residents_box.setValue(data.residents_received)
        self.notes_edit.setText(data.notes)
        self._show_deputies()
        self.delete_button.setVisible(data.id is not None)
        self.notice_button.setVisible(data.id is not None and self._print_notice is not None
                                      and data.status != ReceptionStatus.CANCELLED.value)
        self._update_enabled()

    def _show_deputies(self) -> None:
        self.deputy_list.clear()
        for deputy_id in self.deputy_ids:
            item = QListWidgetItem(self.labels.get(deputy_id, str(deputy_id)), self.deputy_list)
            item.setData(Qt.ItemDataRole.UserRole, deputy_id)

    def status(self) -> str:
        return next(s for s, radio in self.status_radios.items() if radio.isChecked())

    def _update_enabled(self) -> None:
        held = self.status() == ReceptionStatus.HELD.value
        self.residents_box.setEnabled(held)
        if not held:
            self.residents_box.setValue(0)
        can_register = self.day_id is not None and self.form_data.date <= self.today and \
            self.status() != ReceptionStatus.CANCELLED.value
        self.register_button.setEnabled(can_register)
        self.register_button.setToolTip("" if can_register else "接待日当天或之后、且未取消的接待日才能登记意见（新接待日请先保存）。")
        self.opinions_label.setText(f"本次接待已登记 {self.opinions} 件意见")

    # --- deputies and conflicts ---------------------------------------------------------------
    def pick(self) -> None:
        chosen = pick_deputies(self.db, self, title="选择值班代表", selected=self.deputy_ids)
        if chosen is not None:
            self.deputy_ids = chosen
            self._show_deputies()
            self.update_conflicts()

    def remove_selected(self) -> None:
        gone = {item.data(Qt.ItemDataRole.UserRole) for item in self.deputy_list.selectedItems()}
        self.deputy_ids = [i for i in self.deputy_ids if i not in gone]
        self._show_deputies()
        self.update_conflicts()

    def set_deputies(self, deputy_ids: Sequence[int]) -> None:
        self.deputy_ids = list(deputy_ids)
        self._show_deputies()
        self.update_conflicts()

    def conflicts(self) -> list[Conflict]:
        day = _pydate(self.date_edit.date())
        with self.db.session() as session:
            return duty_conflicts(session, day, self.deputy_ids, station_id=self.station_box.currentData(),
                                  exclude_day_ids=[self.day_id] if self.day_id else [])

    def update_conflicts(self) -> None:
        day = _pydate(self.date_edit.date())
        with self.db.session() as session:
            holidays = load_calendar(session)
        info = holidays.info(day)
        what = f"，{info.name}" if info.name else ""
        unknown = "（该年放假安排未收录，节假日为估算）" if holidays.year_warning(day.year) else ""
        self.day_info.setText(f"{weekday_name(day)}{what}{unknown}")
        found = self.conflicts()
        self.conflict_label.setText("\n".join(f"⚠ {c.message}" for c in found))
        self.conflict_label.setVisible(bool(found))

    # --- actions --------------------------------------------------------------------------------
    def current_form(self) -> DayForm:
        return DayForm(self.day_id, _pydate(self.date_edit.date()), self.station_box.currentData(),
                       _pytime(self.start_edit.time()), _pytime(self.end_edit.time()), self.place_edit.text(),
                       list(self.deputy_ids), self.status(), self.residents_box.value(), self.notes_edit.text())

    def accept(self) -> None:
        self.form.clear_errors()
        found = self.conflicts()
        if found and self.status() == ReceptionStatus.PLANNED.value and not ask_to_override(
                self, "值班冲突", found, "仍要按现在的安排保存吗？"):
            return
        try:
            with self.db.session() as session:
                saved = save_day(session, self.current_form(), today=self.today)
                self.form_data.id = saved.id
        except ReceptionInputError as error:
            self.form.show_error(error.field if error.field in self.form.fields else "status", str(error))
            return
        super().accept()

    def delete(self) -> None:
        if self.day_id is None:
            return
        if QMessageBox.question(self, "删除接待日", "确定删除这个接待日吗？删除后不能恢复。") \
                != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.db.session() as session:
                delete_day(session, self.day_id)
        except ReceptionInputError as error:
            QMessageBox.warning(self, "不能删除", str(error))
            return
        super().accept()

    def register_opinion(self) -> None:
        """Opinions received at the reception join the opinion loop (channel 接待日, linked to the day)."""
        try:
            from gridoffice.views.opinions import form_dialog as opinion_dialogs
        except ImportError:
            QMessageBox.information(self, "无法登记意见", "这个版本没有民情意见登记功能，请升级程序。")
            return
        from gridoffice.domain.clock import FixedClock  # this dialog knows its day, not yet a clock

        new_id = opinion_dialogs.register_opinion_dialog(
            self.db, self, clock=FixedClock(self.today), channel=OpinionChannel.RECEPTION.value,
            received_on=self.form_data.date, reception_day_id=self.day_id)
        if new_id is None:
            return
        with self.db.session() as session:
            self.opinions = count_opinions(session, self.day_id)
        if self.status() == ReceptionStatus.PLANNED.value:
            self.status_radios[ReceptionStatus.HELD.value].setChecked(True)  # opinions came: the day was held
        self._update_enabled()

    def _on_print_notice(self) -> None:
        if self.day_id is not None and self._print_notice is not None:
            self._print_notice(self.day_id)
