"""值班表…: which month, which station."""
import datetime as dt

from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout, QWidget

from gridoffice.db import Database
from gridoffice.services.common.lookups import station_choices
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import from_qdate, month_edit
from gridoffice.widgets.form import ok_cancel_buttons


class RosterPrintDialog(BaseDialog):
    is_form = False
    help_page = "duty_roster"

    def __init__(self, db: Database, parent: QWidget | None = None, *, month: dt.date, station_id: int | None = None):
        super().__init__(parent, settings_key="reception_roster_print", title="打印值班表", default_size=(380, 160))
        self.month_edit = month_edit(self, month)
        self.station_box = QComboBox(self)
        self.station_box.addItem("全部联络站", None)
        for station in station_choices(db):
            self.station_box.addItem(station.name, station.id)
        self.station_box.setCurrentIndex(max(0, self.station_box.findData(station_id)))
        form = QFormLayout()
        form.addRow("月份", self.month_edit)
        form.addRow("联络站", self.station_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok_cancel_buttons(self, "生成预览"))

    def month(self) -> dt.date:
        return from_qdate(self.month_edit.date()).replace(day=1)

    def station_id(self) -> int | None:
        return self.station_box.currentData()
