"""Step 5: the notice of the first reception day (公告, posted at least three days before): saved
as a PDF where the clerk chooses, or previewed and printed. The page says where it went."""
import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from gridoffice.domain.dates import chinese_date, weekday_name
from gridoffice.paths import preview_file
from gridoffice.services.office.guide import mark_notice_done
from gridoffice.services.reception.notice import (late_notice_warning, load_notices, month_notice_day_ids,
                                                  notices_file_name, upcoming_notice_days)
from gridoffice.widgets.pdf_preview import PdfPreviewDialog, open_folder, save_pdf_copy

from .page import GuidePage

KIND = "接待日公告"


class NoticePage(GuidePage):
    step = "notice"
    title = "打印公告"
    heading = "第 5 步：第一张接待日公告"
    intro = "接待日公告要至少提前 3 天张贴在联络站门口：写明时间、地点、值班代表和可以反映的问题。"

    def __init__(self, db, clock, parent: QWidget | None = None, *, month=None):
        super().__init__(db, clock, parent)
        self.month = month            # a callable: the month the guide scheduled (its first day)
        self.day_id: int | None = None
        self.saved_to: Path | None = None
        self.day_label = QLabel(self)
        self.day_label.setWordWrap(True)
        self.day_label.setStyleSheet("font-size: 15px;")
        self.late_label = QLabel(self)
        self.late_label.setWordWrap(True)
        self.late_label.setStyleSheet("color: #8d4b00;")
        self.save_button = QPushButton("保存公告 PDF…", self)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button = QPushButton("预览并打印…", self)
        self.print_button.clicked.connect(self.preview)
        self.folder_button = QPushButton("打开文件夹", self)
        self.folder_button.clicked.connect(self.open_folder)
        self.folder_button.hide()
        self.schedule_button = QPushButton("返回上一步：排班", self)
        self.schedule_button.clicked.connect(lambda: self.window().go_to_step("schedule"))
        self.schedule_button.hide()
        buttons = QHBoxLayout()
        for button in (self.save_button, self.print_button, self.schedule_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.layout_.addWidget(self.day_label)
        self.layout_.addWidget(self.late_label)
        self.layout_.addLayout(buttons)
        self.add_message_line()
        done = QHBoxLayout()
        done.addWidget(self.folder_button)
        done.addStretch(1)
        self.layout_.addLayout(done)
        self.layout_.addStretch(1)

    def first_day(self) -> int | None:
        """The first planned day of the month the guide scheduled (else the next planned day)."""
        today = self.clock.today()
        month: dt.date | None = self.month() if self.month else None
        if month is not None:
            ids = month_notice_day_ids(self.db, month.year, month.month, today=today)
            if ids:
                return ids[0]
        upcoming = upcoming_notice_days(self.db, today)
        return upcoming[0].id if upcoming else None

    def enter(self) -> None:
        self.day_id = self.first_day()
        has_day = self.day_id is not None
        self.save_button.setVisible(has_day)
        self.print_button.setVisible(has_day)
        self.schedule_button.setVisible(not has_day)
        if not has_day:
            self.day_label.setText("还没有计划中的接待日：先在上一步排班，再打印公告。")
            self.late_label.hide()
            return
        notice = load_notices(self.db, [self.day_id])[0]
        names = "、".join(d.name for d in notice.deputies) or "（未排代表）"
        self.day_label.setText(f"{chinese_date(notice.date)}（{weekday_name(notice.date)}）"
                               f" {notice.start_time:%H:%M}-{notice.end_time:%H:%M}\n{notice.station}，{notice.place}\n"
                               f"值班代表：{names}")
        late = late_notice_warning([notice.date], self.clock.today())
        self.late_label.setText(late)
        self.late_label.setVisible(bool(late))

    def first_field(self) -> QWidget:
        return self.save_button

    def _write(self) -> tuple[Path, str] | None:
        from gridoffice.services.reception.pdf import write_notices_pdf   # ReportLab: when a notice is made

        notices = load_notices(self.db, [self.day_id])
        name = notices_file_name(notices)
        target = preview_file(name)
        try:
            write_notices_pdf(target, notices, issued_on=self.clock.today())
        except OSError as error:
            self.say(f"生成公告失败：{error}", error=True)
            return None
        return target, name

    def save_pdf(self) -> Path | None:
        """保存公告 PDF…: where the clerk chooses (the folder last used for notices, first Documents)."""
        made = self._write() if self.day_id is not None else None
        if made is None:
            return None
        source, name = made
        target = save_pdf_copy(self, source, name, KIND)
        if target is None:
            return None
        self.saved_to = target
        mark_notice_done(self.db, self.clock.today())
        self.say(f"公告已保存到：{target}\n可以用 WPS 或其他 PDF 阅读器打开打印，贴在联络站门口。")
        self.folder_button.show()
        return target

    def preview(self) -> None:
        made = self._write() if self.day_id is not None else None
        if made is None:
            return
        source, name = made
        dialog = PdfPreviewDialog(source, title="接待日公告", suggested_name=name, parent=self, kind=KIND)
        dialog.exec()
        if dialog.saved_to is not None or dialog.printed:
            mark_notice_done(self.db, self.clock.today())
            where = f"已保存到：{dialog.saved_to}" if dialog.saved_to else "已发送打印"
            self.say(f"公告{where}。")
            if dialog.saved_to is not None:
                self.saved_to = dialog.saved_to
                self.folder_button.show()

    def open_folder(self) -> None:
        if self.saved_to is not None and not open_folder(self.saved_to):
            from PySide6.QtWidgets import QApplication

            QApplication.clipboard().setText(str(self.saved_to.parent))
            self.say(f"这台电脑没有可以打开文件夹的程序，位置已复制：{self.saved_to.parent}")
