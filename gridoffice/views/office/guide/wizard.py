"""使用向导: from an empty office to its first posted reception notice, one page a step.

    办公室 → 联络站和接待规则 → 代表 → 第一次排班 → 打印公告

新建空白办公室 leads into it (the first-start dialog asked the name, so it starts at the stations);
帮助 → 使用向导 reopens it at the first step still missing. Each page can be skipped: what is left
undone comes back as the checklist ("还差：接待规则") on the empty tabs. 下一步 does the page's work
(saves) and goes on; the steps on the left show what is done.
"""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QStackedWidget,
                               QVBoxLayout, QWidget)

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.services.office.guide import guide_status
from gridoffice.widgets.base_dialog import BaseDialog

from .deputies_page import DeputiesPage
from .notice_page import NoticePage
from .office_page import OfficePage
from .page import GuidePage
from .schedule_page import SchedulePage
from .station_page import StationPage

DONE_MARK, TODO_MARK = "✓", "○"


class GuideWizard(BaseDialog):
    is_form = False       # each page saves on 下一步: closing never loses more than the page on show
    help_page = "guide"

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None, *,
                 start_after_office: bool = False):
        super().__init__(parent, settings_key="guide", title="使用向导：从零到第一张接待日公告",
                         default_size=(980, 640))
        self.db, self.clock = db, clock
        self.pages: list[GuidePage] = [OfficePage(db, clock, self), StationPage(db, clock, self),
                                       DeputiesPage(db, clock, self), SchedulePage(db, clock, self)]
        self.schedule_page = self.pages[3]
        self.pages.append(NoticePage(db, clock, self, month=self.schedule_page.month_edit.month))
        self._init_widgets()
        self._init_layout()
        status = guide_status(db, clock.today())
        missing = status.missing()
        if start_after_office:
            first = 1
        else:
            first = next((i for i, page in enumerate(self.pages) if page.step in missing), 0)
        self.show_page(first)

    def _init_widgets(self) -> None:
        self.steps = QListWidget(self)
        self.steps.setFixedWidth(190)
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for number, page in enumerate(self.pages, start=1):
            QListWidgetItem(f"{TODO_MARK} {number}. {page.title}", self.steps)
        self.steps.itemClicked.connect(lambda item: self.show_page(self.steps.row(item)))
        self.stack = QStackedWidget(self)
        for page in self.pages:
            self.stack.addWidget(page)
        self.checklist = QLabel(self)
        self.checklist.setStyleSheet("color: #8d4b00;")
        self.back_button = QPushButton("上一步", self)
        self.back_button.clicked.connect(lambda: self.show_page(self.stack.currentIndex() - 1))
        self.skip_button = QPushButton("跳过这一步", self)
        self.skip_button.setToolTip("以后在空白的页面上会提示还差什么，也可以从“帮助 → 使用向导”回来")
        self.skip_button.clicked.connect(self.skip)
        self.next_button = QPushButton("下一步", self)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        self.close_button = QPushButton("关闭", self)
        self.close_button.clicked.connect(self.reject)

    def _init_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.checklist, stretch=1)
        for button in (self.back_button, self.skip_button, self.next_button, self.close_button):
            buttons.addWidget(button)
        right = QVBoxLayout()
        right.addWidget(self.stack, stretch=1)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addLayout(right, stretch=1)

    # --- moving between pages -------------------------------------------------------------------
    def current_page(self) -> GuidePage:
        return self.pages[self.stack.currentIndex()]

    def show_page(self, index: int) -> None:
        index = max(0, min(index, len(self.pages) - 1))
        page = self.pages[index]
        page.enter()
        self.stack.setCurrentIndex(index)
        self.steps.setCurrentRow(index)
        last = index == len(self.pages) - 1
        self.back_button.setEnabled(index > 0)
        self.skip_button.setVisible(not last)
        self.next_button.setText("完成" if last else "下一步")
        self.refresh_steps()
        field = page.first_field()
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_to_step(self, step: str) -> None:
        self.show_page(next(i for i, page in enumerate(self.pages) if page.step == step))

    def refresh_steps(self) -> None:
        status = guide_status(self.db, self.clock.today())
        for row, page in enumerate(self.pages):
            mark = DONE_MARK if status.done(page.step) else TODO_MARK
            self.steps.item(row).setText(f"{mark} {row + 1}. {page.title}")
        self.checklist.setText(status.sentence())

    def next(self) -> None:
        """下一步: the page's work, then the next page; 完成 on the last one closes the guide."""
        page = self.current_page()
        if not page.save():
            self.refresh_steps()
            return
        if self.stack.currentIndex() == len(self.pages) - 1:
            self.accept()
            return
        self.show_page(self.stack.currentIndex() + 1)

    def skip(self) -> None:
        self.show_page(self.stack.currentIndex() + 1)

    def save_changes(self) -> None:
        """Ctrl+S: 下一步."""
        self.next()
