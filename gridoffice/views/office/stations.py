"""联络站 (工具 → 联络站…): the list of the office's stations, and the form to add or edit one."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from gridoffice.db import Database
from gridoffice.domain.enums import StationKind
from gridoffice.services.office.stations import (StationForm, StationInputError, StationRow, delete_station, list_stations,
                                          save_station)
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import ValidatedForm, ok_cancel_buttons

ID_ROLE = Qt.ItemDataRole.UserRole


class StationDialog(BaseDialog):
    """Add (station None) or edit one station; saving happens on 保存, errors beside the field."""

    def __init__(self, db: Database, station: StationRow | None = None, parent: QWidget | None = None):
        super().__init__(parent, settings_key="station", title="编辑联络站" if station else "新增联络站",
                         default_size=(560, 380))
        self.db = db
        self.station_id = station.id if station else None
        form = station.form() if station else StationForm("")
        self.name_edit = QLineEdit(form.name, self)
        self.name_edit.setPlaceholderText("例如：东城街道人大代表联络站")
        self.kind_box = QComboBox(self)
        self.kind_box.addItems([kind.value for kind in StationKind])
        self.kind_box.setCurrentText(form.kind)
        self.address_edit = QLineEdit(form.address, self)
        self.room_edit = QLineEdit(form.reception_room, self)
        self.room_edit.setPlaceholderText("例如：一楼代表接待室")
        self.phone_edit = QLineEdit(form.phone, self)
        self.phone_edit.setPlaceholderText("例如：0395-1234567")
        self.notes_edit = QPlainTextEdit(form.notes, self)
        self.notes_edit.setFixedHeight(60)
        self.form = ValidatedForm()
        self.form.add_field("name", "名称", self.name_edit)
        self.form.add_field("kind", "类型", self.kind_box)
        self.form.add_field("address", "地址", self.address_edit)
        self.form.add_field("reception_room", "接待室", self.room_edit)
        self.form.add_field("phone", "电话", self.phone_edit)
        self.form.add_field("notes", "备注", self.notes_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(ok_cancel_buttons(self, "保存"))
        self.name_edit.setFocus()

    def current_form(self) -> StationForm:
        return StationForm(self.name_edit.text(), self.kind_box.currentText(), self.address_edit.text(),
                           self.room_edit.text(), self.phone_edit.text(), self.notes_edit.toPlainText())

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            with self.db.session() as session:
                self.station_id = save_station(session, self.station_id, self.current_form()).id
        except StationInputError as error:
            self.form.show_error(error.field, str(error))
            return
        super().accept()


class StationListDialog(BaseDialog):
    """Every station with its kind, address, reception room, phone and number of deputies."""

    HEADERS = ("名称", "类型", "地址", "接待室", "电话", "代表数")

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
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 230), (1, 60), (3, 130), (4, 120), (5, 60)):
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
        layout.addWidget(QLabel("代表进站、接待规则和接待日公告都用这里的联络站。有代表或记录的联络站不能删除，可以改名。", self))
        layout.addWidget(self.table, stretch=1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        with self.db.session() as session:
            rows = list_stations(session)
        self.table.setRowCount(len(rows))
        for row, station in enumerate(rows):
            cells = (station.name, station.kind, station.address, station.reception_room, station.phone,
                     str(station.deputies))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, station)
                if column in (1, 5):
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
            with self.db.session() as session:
                delete_station(session, station.id)
        except StationInputError as error:
            QMessageBox.information(self, "不能删除", str(error))
            return
        self.changed = True
        self.reload()
