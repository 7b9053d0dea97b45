"""联络站 (工具 → 联络站…): the office's stations and other sites (代表之家, 联络室, 实践基地, 联系点…),
and the form to add or edit one with its reception rule (三定: when, where, who) beside it."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from gridoffice.clock import SYSTEM_CLOCK, Clock
from gridoffice.db import Database
from gridoffice.services.common.lookups import deputy_choices, station_kind_choices, station_scope_choices
from gridoffice.services.office.guide import default_rule, place_deputies, save_station_with_rule
from gridoffice.services.office.stations import (StationForm, StationInputError, StationRow, delete_station,
                                                 list_stations)
from gridoffice.services.reception.days import ReceptionInputError, read_rule
from gridoffice.services.reception.holidays import load_calendar
from gridoffice.services.reception.schedule import load_rules
from gridoffice.views.forms.ui_station_form import Ui_StationForm
from gridoffice.views.reception.rule_editor import RuleForm, pool_choices
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import FormErrors, ok_cancel_buttons

ID_ROLE = Qt.ItemDataRole.UserRole
RULE_TITLE = "本站有接待日：接待规则（三定）"


class StationDialog(BaseDialog):
    """Add (station None) or edit one station and its rule; saving happens on 保存, errors beside the field."""

    help_page = "stations"

    def __init__(self, db: Database, station: StationRow | None = None, parent: QWidget | None = None, *,
                 clock: Clock | None = None):
        super().__init__(parent, settings_key="station_with_rule", title="编辑联络站" if station else "新增联络站",
                         default_size=(980, 600))
        self.db = db
        self.clock = clock or SYSTEM_CLOCK
        self.station_id = station.id if station else None
        form = station.form() if station else StationForm("")
        body = QWidget(self)
        self.ui = Ui_StationForm()
        self.ui.setupUi(body)
        self.errors = FormErrors(self.ui)
        self.ui.kind.addItems(station_kind_choices())
        for value, label in station_scope_choices():
            self.ui.scope.addItem(label, value)
        self.ui.name.setText(form.name)
        self.ui.kind.setCurrentText(form.kind)
        self.ui.scope.setCurrentIndex(max(self.ui.scope.findData(form.scope), 0))
        self.ui.address.setText(form.address)
        self.ui.reception_room.setText(form.reception_room)
        self.ui.phone.setText(form.phone)
        self.ui.notes.setPlainText(form.notes)
        self.rule = RuleForm(load_calendar(db), self.clock.today(), self)
        has_rule = station is None or any(r.station_id == station.id for r in load_rules(db, [station.id]))
        rule = read_rule(db, station.id) if station else default_rule("")
        self.rule.load(rule, pool_choices(deputy_choices(db), form.name))
        self._place_follows_name = station is None or not has_rule   # until the clerk types a place
        self.rule_box = QGroupBox(RULE_TITLE, self)
        self.rule_box.setCheckable(True)
        self.rule_box.setChecked(has_rule)
        self.rule_box.setToolTip("取消勾选：本站不安排接待日（已有的接待规则会删除，已排的接待日保留）")
        box_layout = QVBoxLayout(self.rule_box)
        box_layout.addWidget(self.rule)
        self.ui.name.textChanged.connect(self._follow_name)
        self.ui.reception_room.textChanged.connect(self._follow_name)
        self.rule.ui.place.textEdited.connect(self._place_edited)
        QWidget.setTabOrder(self.ui.notes, self.rule_box)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(body)
        left.addStretch(1)
        columns.addLayout(left, stretch=2)
        columns.addWidget(self.rule_box, stretch=3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, stretch=1)
        layout.addWidget(ok_cancel_buttons(self, "保存"))
        self.ui.name.setFocus()

    def _follow_name(self, *_args) -> None:
        """Until the clerk types a place, it is the station's name and reception room."""
        if self._place_follows_name:
            self.rule.set_place(default_rule(self.ui.name.text().strip(), self.ui.reception_room.text().strip()).place)

    def _place_edited(self, _text: str) -> None:
        self._place_follows_name = False

    def current_form(self) -> StationForm:
        return StationForm(self.ui.name.text(), self.ui.kind.currentText(), self.ui.address.text(),
                           self.ui.reception_room.text(), self.ui.phone.text(), self.ui.notes.toPlainText(),
                           self.ui.scope.currentData())

    def accept(self) -> None:
        self.errors.clear()
        self.rule.errors.clear()
        rule = self.rule.value() if self.rule_box.isChecked() else None
        try:
            self.station_id = save_station_with_rule(self.db, self.station_id, self.current_form(), rule)
        except StationInputError as error:
            self.errors.show(error.field, str(error))
            return
        except ReceptionInputError as error:
            self.rule.show_error(error)
            return
        place_deputies(self.db, None)   # a rule whose pool is still short takes the station's deputies
        super().accept()


class StationListDialog(BaseDialog):
    """Every station with its kind, address, reception room, phone and number of deputies."""

    HEADERS = ("名称", "类型", "定位", "地址", "接待室", "电话", "代表数")

    is_form = False
    help_page = "stations"

    def __init__(self, db: Database, parent: QWidget | None = None, *, clock: Clock | None = None,
                 select_id: int | None = None):
        super().__init__(parent, settings_key="stations", title="联络站", default_size=(900, 480))
        self.db = db
        self.clock = clock
        self.changed = False
        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setHorizontalHeaderLabels(self.HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 230), (1, 84), (2, 50), (4, 130), (5, 120), (6, 60)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        buttons = QHBoxLayout()
        for text, slot in (("新增联络站…", self.add), ("编辑…", self.edit_selected), ("删除", self.delete_selected)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("代表进站（一个主站，可兼其他站点）、接待规则和接待日公告都用这里的站点。有代表或记录的站点不能删除，可以改名。", self))
        layout.addWidget(self.table, stretch=1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.table.installEventFilter(self)
        self.reload(select_id)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        """The list's keys: Enter edits, Delete deletes (asking first)."""
        if watched is self.table and event.type() == event.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_selected()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.delete_selected()
                return True
        return super().eventFilter(watched, event)

    def reload(self, select_id: int | None = None) -> None:
        rows = list_stations(self.db)
        self.table.setRowCount(len(rows))
        for row, station in enumerate(rows):
            cells = (station.name, station.kind, station.scope or "—", station.address, station.reception_room, station.phone,
                     str(station.deputies))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, station)
                if column in (1, 2, 6):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
            if station.id == select_id:
                self.table.selectRow(row)
        if not rows:
            self.table.setToolTip("还没有联络站：点“新增联络站…”添加第一个")

    def selected(self) -> StationRow | None:
        row = self.table.currentRow()
        return self.table.item(row, 0).data(ID_ROLE) if row >= 0 and self.table.item(row, 0) else None

    def add(self) -> None:
        dialog = StationDialog(self.db, None, self, clock=self.clock)
        if dialog.exec():
            self.changed = True
            self.reload(dialog.station_id)

    def edit_selected(self) -> None:
        station = self.selected()
        if station is None:
            QMessageBox.information(self, "请先选择", "请先在列表中选择一个联络站。")
            return
        dialog = StationDialog(self.db, station, self, clock=self.clock)
        if dialog.exec():
            self.changed = True
            self.reload(station.id)

    def delete_selected(self) -> None:
        station = self.selected()
        if station is None:
            return
        answer = QMessageBox.question(self, "删除联络站", f"确定删除“{station.name}”吗？删除会记入操作日志。")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            delete_station(self.db, station.id)
        except StationInputError as error:
            QMessageBox.information(self, "不能删除", str(error))
            return
        self.changed = True
        self.reload()
