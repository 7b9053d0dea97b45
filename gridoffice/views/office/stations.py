"""联络站 (工具 → 联络站…): the office's stations and other sites (代表之家, 联络室, 实践基地, 联系点…),
and the form to add or edit one."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from gridoffice.db import Database
from gridoffice.services.common.lookups import station_kind_choices, station_scope_choices
from gridoffice.services.office.stations import (StationForm, StationInputError, StationRow, delete_station, list_stations,
                                                 save_station)
from gridoffice.views.forms.ui_station_form import Ui_StationForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import FormErrors, ok_cancel_buttons

ID_ROLE = Qt.ItemDataRole.UserRole


class StationDialog(BaseDialog):
    """Add (station None) or edit one station; saving happens on 保存, errors beside the field."""

    def __init__(self, db: Database, station: StationRow | None = None, parent: QWidget | None = None):
        super().__init__(parent, settings_key="station", title="编辑联络站" if station else "新增联络站",
                         default_size=(560, 380))
        self.db = db
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
        layout = QVBoxLayout(self)
        layout.addWidget(body)
        layout.addStretch(1)
        layout.addWidget(ok_cancel_buttons(self, "保存"))
        self.ui.name.setFocus()

    def current_form(self) -> StationForm:
        return StationForm(self.ui.name.text(), self.ui.kind.currentText(), self.ui.address.text(),
                           self.ui.reception_room.text(), self.ui.phone.text(), self.ui.notes.toPlainText(),
                           self.ui.scope.currentData())

    def accept(self) -> None:
        self.errors.clear()
        try:
            self.station_id = save_station(self.db, self.station_id, self.current_form())
        except StationInputError as error:
            self.errors.show(error.field, str(error))
            return
        super().accept()


class StationListDialog(BaseDialog):
    """Every station with its kind, address, reception room, phone and number of deputies."""

    HEADERS = ("名称", "类型", "定位", "地址", "接待室", "电话", "代表数")

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent, settings_key="stations", title="联络站", default_size=(900, 480))
        self.db = db
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
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        rows = list_stations(self.db)
        self.table.setRowCount(len(rows))
        for row, station in enumerate(rows):
            cells = (station.name, station.kind, station.scope or "—", station.address, station.reception_room,
                     station.phone, str(station.deputies))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, station)
                if column in (1, 2, 6):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
            if station.id == select_id:
                self.table.selectRow(row)

    def selected(self) -> StationRow | None:
        row = self.table.currentRow()
        return self.table.item(row, 0).data(ID_ROLE) if row >= 0 and self.table.item(row, 0) else None

    def add(self) -> None:
        dialog = StationDialog(self.db, None, self)
        if dialog.exec():
            self.changed = True
            self.reload(dialog.station_id)

    def edit_selected(self) -> None:
        station = self.selected()
        if station is None:
            QMessageBox.information(self, "请先选择", "请先在列表中选择一个联络站。")
            return
        dialog = StationDialog(self.db, station, self)
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
