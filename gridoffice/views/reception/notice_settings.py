"""公告设置: the notice's title, what residents may raise, the QR code's text, and each station's
contact person printed beside its phone (the form is ui/notice_settings.ui)."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem, QVBoxLayout, QWidget

from gridoffice.db import Database
from gridoffice.services.office.stations import list_stations
from gridoffice.services.reception.notice import (NoticeInputError, NoticeSettings, clean_station_contacts,
                                                  read_notice_settings, read_station_contacts, save_notice_settings,
                                                  save_station_contacts, validate_notice_settings)
from gridoffice.views.forms.ui_notice_settings import Ui_NoticeSettingsForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import FormErrors, ok_cancel_buttons


class NoticeSettingsDialog(BaseDialog):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent, settings_key="reception_notice_settings", title="接待日公告设置",
                         default_size=(620, 560))
        self.db = db
        body = QWidget(self)
        self.ui = Ui_NoticeSettingsForm()
        self.ui.setupUi(body)
        self.errors = FormErrors(self.ui)
        current = read_notice_settings(db)
        self.ui.title.setText(current.title)
        self.ui.topics.setPlainText(current.topics)
        self.ui.qr_text.setText(current.qr_text)
        self._fill_contacts()
        layout = QVBoxLayout(self)
        layout.addWidget(body)
        layout.addStretch(1)
        layout.addWidget(ok_cancel_buttons(self, "保存"))

    def settings(self) -> NoticeSettings:
        return NoticeSettings(self.ui.title.text(), self.ui.topics.toPlainText(), self.ui.qr_text.text())

    def _fill_contacts(self) -> None:
        contacts = read_station_contacts(self.db)
        table = self.ui.contacts
        stations = list_stations(self.db)
        table.setRowCount(len(stations))
        for row, station in enumerate(stations):
            for column, text in enumerate((station.name, station.phone or "（未填）", contacts.get(station.id, ""))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, station.id)
                if column < 2:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(row, column, item)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

    def contacts(self) -> dict[int, str]:
        table = self.ui.contacts
        return {table.item(row, 2).data(Qt.ItemDataRole.UserRole): table.item(row, 2).text()
                for row in range(table.rowCount())}

    def accept(self) -> None:
        self.errors.clear()
        try:
            clean_station_contacts(self.contacts())     # both checked before either is saved
            validate_notice_settings(self.settings())
            save_notice_settings(self.db, self.settings())
            save_station_contacts(self.db, self.contacts())
        except NoticeInputError as error:
            self.errors.show(error.field, str(error))
            return
        super().accept()
