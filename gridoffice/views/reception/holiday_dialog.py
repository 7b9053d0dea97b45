"""节假日设置: the year's holidays and make-up workdays; for a year the official calendar does not
know yet the clerk pastes the State Council's notice (粘贴国务院通知…) or enters days by hand."""
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.domain.dates import weekday_name
from gridoffice.services.reception.holidays import (ESTIMATED, OFFICIAL, OVERRIDE, PROBABLE, HolidayInputError,
                                                    delete_overrides, load_calendar, save_holiday_range, save_override,
                                                    year_entries)
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import date_edit, from_qdate

from .conflicts import CONFLICT_STYLE, WARNING_STYLE

SOURCE_LABELS = {OFFICIAL: "官方日历", OVERRIDE: "手工录入", ESTIMATED: "法定节日估算",
                 PROBABLE: "按惯例推测"}


class HolidayDialog(BaseDialog):
    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None, *, year: int):
        super().__init__(parent, settings_key="reception_holidays", title="节假日设置", default_size=(720, 560))
        self.db = db
        self.clock = clock
        self._init_widgets(year)
        self._init_layout()
        self.reload()

    def _init_widgets(self, year: int) -> None:
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
        self.first_edit = date_edit(self, dt.date(year, 1, 1))
        self.last_edit = date_edit(self, dt.date(year, 1, 1))
        self.kind_box = QComboBox(self)
        self.kind_box.addItems(["放假", "调休上班"])
        self.kind_box.currentIndexChanged.connect(lambda i: self.last_edit.setEnabled(i == 0))
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText("如 春节")
        self.add_button = QPushButton("添加", self)
        self.add_button.clicked.connect(self.add_entry)
        self.delete_button = QPushButton("删除所选的手工录入", self)
        self.delete_button.clicked.connect(self.delete_selected)
        self.paste_button = QPushButton("粘贴国务院通知…", self)
        self.paste_button.setToolTip("粘贴国务院办公厅每年公布的放假安排通知全文，核对后一次保存全年的放假和调休")
        self.paste_button.clicked.connect(self.import_notice)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(CONFLICT_STYLE)
        self.error_label.setWordWrap(True)

    def _init_layout(self) -> None:
        entry = QHBoxLayout()
        for widget in (QLabel("从", self), self.first_edit, QLabel("到", self), self.last_edit, self.kind_box,
                       self.name_edit, self.add_button):
            entry.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(QLabel("年份", self))
        top.addWidget(self.year_box)
        top.addStretch(1)
        top.addWidget(self.paste_button)
        top.addWidget(self.delete_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status_label)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(QLabel("或逐条手工录入（调休上班只能是周六或周日）：", self))
        layout.addLayout(entry)
        layout.addWidget(self.error_label)
        layout.addWidget(close)

    def year(self) -> int:
        return self.year_box.value()

    def reload(self) -> None:
        year = self.year()
        holidays = load_calendar(self.db)
        warning = holidays.year_warning(year).replace("请在“工具 → 节假日设置”中粘贴", "请点“粘贴国务院通知…”粘贴")
        known = (f"{year} 年使用国务院公布的放假安排（已从通知导入）。" if year in holidays.notice_years else
                 f"{year} 年使用国务院公布的放假安排（程序内置的官方日历）。")
        self.status_label.setText(warning or known + "如有特殊安排，也可以在下面手工录入，手工录入的优先。")
        self.status_label.setStyleSheet(WARNING_STYLE if warning else "")
        days = year_entries(holidays, year)
        self.table.setRowCount(len(days))
        for row, info in enumerate(days):
            kind = "调休上班" if info.is_workday else ("可能放假" if info.source == PROBABLE else "放假")
            source = "通知导入" if info.source == OVERRIDE and year in holidays.notice_years else \
                SOURCE_LABELS.get(info.source, "")
            values = [info.date.isoformat(), weekday_name(info.date), kind, info.name, source]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, (info.date, info.source))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def add_entry(self) -> None:
        self.error_label.clear()
        first, name = from_qdate(self.first_edit.date()), self.name_edit.text()
        try:
            if self.kind_box.currentIndex() == 0:
                save_holiday_range(self.db, first, from_qdate(self.last_edit.date()), name)
            else:
                save_override(self.db, first, is_workday=True, name=name)
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
        delete_overrides(self.db, entered)
        self.error_label.clear()
        self.reload()

    def import_notice(self) -> None:
        from gridoffice.views.reception.notice_import import NoticeImportDialog

        dialog = NoticeImportDialog(self.db, self.clock, self)
        if dialog.exec() and dialog.saved is not None:
            self.year_box.setValue(dialog.saved.year)
            self.reload()
