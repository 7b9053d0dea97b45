"""工具 → 检查数据库: the full check (every page, and every reference between records) in the
background, a busy bar meanwhile, then the result in Chinese. Damage found makes the database
read-only and brings up the red banner with the ways out (views/shell/storage.py)."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from gridoffice.db.health import Health
from gridoffice.views.backup.worker import OK_STYLE, show_message
from gridoffice.widgets.base_dialog import BaseDialog

INTRO = ("检查数据库文件的每一页能否正确读出（完整性），以及记录之间的关联是否都对得上（例如走访记录所属的代表是否存在）。"
         "数据较多时需要一些时间；可以关闭这个窗口，检查会在后台做完，发现问题时窗口上方会显示红色提示。")
SOUND = "数据库完好：每一页都能正确读出，记录之间的关联也都正确。"


def result_text(health: Health, *, file: bool) -> str:
    """What the check found, and what to do about it, for the clerk."""
    if health.ok:
        return SOUND
    then = ("数据库已改为只读，以免损坏扩大。请用窗口上方红色提示中的“从备份恢复…”恢复最近一份完好的备份，"
            "或用“保存能读出的数据…”把还能读出的记录另存为新文件。" if file else
            "数据库已改为只读。请联系区里的技术人员检查服务器上的数据库。")
    return f"{health.summary()}{then}"


class DatabaseCheckDialog(BaseDialog):
    def __init__(self, storage, parent: QWidget | None = None):
        super().__init__(parent, settings_key="database_check", title="检查数据库", default_size=(560, 280))
        self.storage = storage
        self.health: Health | None = None
        self._waiting = False
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        self.where = QLabel(f"数据库：{storage.db.describe()}", self)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.close_button = buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.where)
        layout.addSpacing(6)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.start()

    def start(self) -> None:
        self.progress.setRange(0, 0)   # busy: SQLite says nothing of how far it is
        self.status.setStyleSheet("")
        self.status.setText("正在检查…")
        worker = self.storage.start_check()
        self.storage.checked.connect(self._checked)
        self._waiting = True
        worker.failed.connect(self._failed)

    def _stop_waiting(self) -> None:
        if self._waiting:
            self._waiting = False
            self.storage.checked.disconnect(self._checked)

    def _checked(self, health: Health) -> None:
        self._stop_waiting()
        self.health = health
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        show_message(self.status, result_text(health, file=not self.storage.db.is_server), ok=health.ok)
        if health.ok:
            self.status.setStyleSheet(OK_STYLE + " font-size: 14px;")

    def _failed(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        show_message(self.status, f"检查没有完成：{message}", ok=False)

    def done(self, result: int) -> None:
        self._stop_waiting()   # the check goes on in the background; the window shows what it finds
        super().done(result)
