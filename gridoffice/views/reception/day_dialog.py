"""One reception day: date, time, place, the deputies on duty (with conflict warnings), and after
the day: held or cancelled, residents received, the opinions registered."""
import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QHBoxLayout, QLabel, QLayout, QLineEdit, QListWidget,
                               QListWidgetItem, QMessageBox, QPushButton, QRadioButton, QSpinBox, QVBoxLayout, QWidget)

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.domain.dates import chinese_date, weekday_name
from gridoffice.domain.enums import OpinionChannel, ReceptionStatus
from gridoffice.services.common.lookups import deputy_choices, station_choices
from gridoffice.services.reception.days import (DayCheck, DayForm, ReceptionInputError, check_day, count_opinions,
                                                delete_day, new_day_form, read_day, save_day)
from gridoffice.services.reception.schedule import Conflict
from gridoffice.views.reception.conflicts import CONFLICT_STYLE, ask_to_override
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import date_edit, from_qdate, from_qtime, time_edit, to_qtime
from gridoffice.widgets.deputy_picker import pick_deputies
from gridoffice.widgets.form import ValidatedForm, ok_cancel_buttons
from gridoffice.widgets.remedies import after_closing, refuse, remedy


class DayDialog(BaseDialog):
    help_page = "reception"

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None, *, day_id: int | None = None,
                 day: dt.date | None = None, station_id: int | None = None,
                 print_notice: Callable[[int], None] | None = None):
        super().__init__(parent, settings_key="reception_day", title="接待日" if day_id else "新增接待日",
                         default_size=(640, 640))
        self.clock = clock
        self.today = clock.today()
        self.db = db
        self._print_notice = print_notice
        self.stations = station_choices(db)
        if day_id is not None:
            self.form_data = read_day(db, day_id)
            self.opinions = count_opinions(db, day_id)
        else:
            station = station_id or (self.stations[0].id if self.stations else 0)
            self.form_data = new_day_form(db, station, day or self.today)
            self.opinions = 0
        self.labels = {c.id: c.label for c in deputy_choices(db, include_retired=True)}
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
        self.date_edit = date_edit(self, self.form_data.date)
        self.day_info = QLabel(self)
        self.start_edit = time_edit(self, self.form_data.start_time)
        self.end_edit = time_edit(self, self.form_data.end_time)
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
        bottom.addWidget(ok_cancel_buttons(self, "保存"))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addLayout(bottom)

    def _wrap(self, inner: QLayout) -> QWidget:
        box = QWidget(self)
        inner.setContentsMargins(0, 0, 0, 0)
        box.setLayout(inner)
        return box

    def _on_station_changed(self) -> None:
        if self.day_id is None:   # a new day takes the time and place of the station's rule
            defaults = new_day_form(self.db, self.station_box.currentData(), from_qdate(self.date_edit.date()))
            self.start_edit.setTime(to_qtime(defaults.start_time))
            self.end_edit.setTime(to_qtime(defaults.end_time))
            self.place_edit.setText(defaults.place)
        self.update_conflicts()

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
            self.set_deputies(chosen)

    def remove_selected(self) -> None:
        gone = {item.data(Qt.ItemDataRole.UserRole) for item in self.deputy_list.selectedItems()}
        self.set_deputies([i for i in self.deputy_ids if i not in gone])

    def set_deputies(self, deputy_ids: Sequence[int]) -> None:
        self.deputy_ids = list(deputy_ids)
        self._show_deputies()
        self.update_conflicts()

    def check(self) -> DayCheck:
        """The date as the calendar knows it, and the conflicts of the deputies as chosen now."""
        return check_day(self.db, from_qdate(self.date_edit.date()), self.deputy_ids,
                         station_id=self.station_box.currentData(),
                         exclude_day_ids=[self.day_id] if self.day_id else [])

    def conflicts(self) -> list[Conflict]:
        return self.check().conflicts

    def update_conflicts(self) -> None:
        check = self.check()
        info = check.info
        what = f"，{info.name}" if info.name else ""
        unknown = "（该年放假安排未收录，节假日为估算）" if check.estimated else ""
        self.day_info.setText(f"{weekday_name(info.date)}{what}{unknown}")
        self.conflict_label.setText("\n".join(f"⚠ {c.message}" for c in check.conflicts))
        self.conflict_label.setVisible(bool(check.conflicts))

    # --- actions --------------------------------------------------------------------------------
    def current_form(self) -> DayForm:
        return DayForm(self.day_id, from_qdate(self.date_edit.date()), self.station_box.currentData(),
                       from_qtime(self.start_edit.time()), from_qtime(self.end_edit.time()), self.place_edit.text(),
                       list(self.deputy_ids), self.status(), self.residents_box.value(), self.notes_edit.text())

    def accept(self) -> None:
        self.form.clear_errors()
        if not self.stations:
            refuse(self, "还没有联络站", "接待日要安排在一个联络站：请先新增联络站（可以同时设置它的接待规则）。",
                   [(label, after_closing(self, slot)) for label, slot in remedy(self, "新增联络站…", "edit_stations")])
            return
        found = self.conflicts()
        if found and self.status() == ReceptionStatus.PLANNED.value and not ask_to_override(
                self, "值班冲突", found, "仍要按现在的安排保存吗？"):
            return
        try:
            self.form_data.id = save_day(self.db, self.current_form(), today=self.today)
        except ReceptionInputError as error:
            self.form.show_error(error.field if error.field in self.form.fields else "status", str(error))
            return
        super().accept()

    def delete(self) -> None:
        if self.day_id is None or not confirm_delete_day(self, self.db, self.day_id):
            return
        self.mark_saved()   # nothing left to save: closing must not ask
        super().accept()

    def register_opinion(self) -> None:
        """Opinions received at the reception join the opinion loop (channel 接待日, linked to the day)."""
        try:
            from gridoffice.views.opinions import form_dialog
        except ImportError:
            QMessageBox.information(self, "无法登记意见", "这个版本没有民情意见登记功能，请升级程序。")
            return
        new_id = form_dialog.register_opinion_dialog(
            self.db, self, clock=self.clock, channel=OpinionChannel.RECEPTION.value, received_on=self.form_data.date,
            reception_day_id=self.day_id)
        if new_id is None:
            return
        self.opinions = count_opinions(self.db, self.day_id)
        if self.status() == ReceptionStatus.PLANNED.value:
            self.status_radios[ReceptionStatus.HELD.value].setChecked(True)  # opinions came: the day was held
        self._update_enabled()

    def _on_print_notice(self) -> None:
        if self.day_id is not None and self._print_notice is not None:
            self._print_notice(self.day_id)


def confirm_delete_day(parent: QWidget, db: Database, day_id: int) -> bool:
    """删除此接待日, asked first (the day's button and the list's Delete key); True when deleted."""
    if QMessageBox.question(parent, "删除接待日", "确定删除这个接待日吗？删除后不能恢复。") \
            != QMessageBox.StandardButton.Yes:
        return False
    try:
        delete_day(db, day_id)
    except ReceptionInputError as error:
        QMessageBox.warning(parent, "不能删除", str(error))
        return False
    return True
