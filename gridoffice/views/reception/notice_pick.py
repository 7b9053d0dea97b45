"""接待日公告…: pick the planned day (from today on) whose notice to print."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.domain.dates import chinese_date, weekday_name
from gridoffice.services.reception.notice import upcoming_notice_days
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import ok_cancel_buttons
from gridoffice.widgets.remedies import after_closing, go_to_tab


class NoticePickDialog(BaseDialog):
    is_form = False
    help_page = "notice"

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(parent, settings_key="reception_notice_pick", title="打印接待日公告", default_size=(560, 420))
        self.list = QListWidget(self)
        rows = upcoming_notice_days(db, clock.today())
        for row in rows:
            item = QListWidgetItem(f"{chinese_date(row.date)}（{weekday_name(row.date)}） {row.time_range}  "
                                   f"{row.station_short}  {'、'.join(row.deputy_names) or '（未排代表）'}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
        if rows:
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        hint = QLabel("选择要打印公告的接待日（公告应至少提前 3 天张贴）：" if rows else
                      "今天以后没有计划中的接待日：先生成排班，再打印公告。", self)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        if not rows:
            for label, slot in go_to_tab(self, "生成排班…", "ReceptionTab", "generate"):
                button = QPushButton(label, self)
                button.clicked.connect(after_closing(self, slot))
                layout.addWidget(button)
        layout.addWidget(self.list, stretch=1)
        layout.addWidget(ok_cancel_buttons(self, "生成预览"))

    def day_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None
