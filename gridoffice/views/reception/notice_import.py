"""节假日设置 → 粘贴国务院通知…: paste the State Council's yearly notice, see the year on a calendar,
save it as the year's holidays (the form is ui/holiday_notice_import.ui)."""
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QVBoxLayout, QWidget

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.domain.holiday_notice import HolidayNotice, NoticeParseError
from gridoffice.services.reception.holidays import (HolidayInputError, describe_span, import_holiday_notice,
                                                    official_year_known, read_holiday_notice)
from gridoffice.views.forms.ui_holiday_notice_import import Ui_HolidayNoticeImportForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import FormErrors, ok_cancel_buttons

from .year_calendar import YearCalendar


class NoticeImportDialog(BaseDialog):
    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(parent, settings_key="reception_holiday_notice", title="粘贴国务院放假安排通知",
                         default_size=(1080, 680))
        self.db = db
        self.clock = clock
        self.notice: HolidayNotice | None = None
        self.saved = None
        body = QWidget(self)
        self.ui = Ui_HolidayNoticeImportForm()
        self.ui.setupUi(body)
        self.errors = FormErrors(self.ui)
        self.calendar = YearCalendar(self.ui.calendar_host)
        host = QVBoxLayout(self.ui.calendar_host)
        host.setContentsMargins(0, 0, 0, 0)
        host.addWidget(self.calendar)
        self.ui.grid.setColumnStretch(0, 2)
        self.ui.grid.setColumnStretch(1, 3)
        self.ui.grid.setRowStretch(1, 1)
        self.ui.year.setValue(self.ui.year.minimum())
        self.ui.parse_button.clicked.connect(self.parse)
        self.ui.notice_text.textChanged.connect(self._text_changed)
        self.buttons = ok_cancel_buttons(self, "保存")
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(body, stretch=1)
        layout.addWidget(self.buttons)
        self.ui.notice_text.setFocus()

    def chosen_year(self) -> int | None:
        value = self.ui.year.value()
        return None if value == self.ui.year.minimum() else value

    def _text_changed(self) -> None:
        """A changed text must be read again before it can be saved."""
        if self.notice is not None:
            self.notice = None
            self.save_button.setEnabled(False)
            self.ui.summary.setText("文字已改动，请重新点“识别”。")

    def parse(self) -> bool:
        self.errors.clear()
        try:
            notice = read_holiday_notice(self.ui.notice_text.toPlainText(), self.chosen_year())
        except NoticeParseError as error:
            self.notice = None
            self.calendar.clear()
            self.ui.summary.clear()
            self.save_button.setEnabled(False)
            self.errors.show(error.field, str(error))
            return False
        self.notice = notice
        self.calendar.show_year(notice.year, notice.days_off(), notice.workdays())
        lines = [f"{notice.year} 年：放假 {len(notice.days_off())} 天（红），调休上班 {len(notice.workdays())} 天（灰）。"]
        for item in notice.breaks:
            workdays = "、".join(f"{d.month}月{d.day}日" for d in item.workdays)
            lines.append(f"{item.name}：{describe_span(item.first, item.last, with_year=False)}放假"
                         + (f"，{workdays}上班" if workdays else ""))
        if official_year_known(notice.year):
            lines.append(f"注意：程序已内置 {notice.year} 年的官方日历，保存将以通知为准覆盖。")
        self.ui.summary.setText("\n".join(lines))
        self.save_button.setEnabled(True)
        return True

    def accept(self) -> None:
        if self.notice is None and not self.parse():
            return
        notice = self.notice
        replace = False
        if official_year_known(notice.year):
            answer = QMessageBox.question(
                self, "覆盖内置日历", f"程序已内置 {notice.year} 年国务院公布的放假安排。\n仍要用粘贴的通知覆盖该年的安排吗？",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
            replace = True
        try:
            self.saved = import_holiday_notice(self.db, notice, today=self.clock.today(), replace_official=replace)
        except HolidayInputError as error:
            self.errors.show("notice_text", str(error))
            return
        super().accept()
