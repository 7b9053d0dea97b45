"""文件 → 备份到U盘…: where to (removable drives first, then other folders), an optional
password, a progress bar, and the verified result. The backup runs in a worker thread."""
import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from gridoffice.clock import Clock
from gridoffice.services.backup.create import (MIN_PASSWORD, BackupResult, create_backup, estimated_size, human_size,
                                               password_problem)
from gridoffice.services.backup.drives import Drive, removable_drives
from gridoffice.views.backup.worker import Worker, show_message, show_progress
from gridoffice.views.forms.ui_backup import Ui_BackupForm
from gridoffice.widgets.base_dialog import BaseDialog

TARGET_ROLE = Qt.ItemDataRole.UserRole
OTHER_FOLDER = "other"


class BackupDialog(BaseDialog):
    """文件 → 备份到U盘…"""

    def __init__(self, db_path: Path, clock: Clock, parent: QWidget | None = None, *, last_folder: str = "",
                 sensitive_households: int = 0):
        super().__init__(parent, settings_key="backup", title="备份到U盘", default_size=(580, 540))
        self.db_path = db_path
        self.clock = clock
        self.result: BackupResult | None = None
        self.finished_at: dt.datetime | None = None
        self._last_folder = last_folder
        self._worker: Worker | None = None
        self.needed = estimated_size(db_path)
        self.sensitive_households = sensitive_households
        self._build()
        self.refresh_targets()

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        self.ui = Ui_BackupForm()
        self.ui.setupUi(body)
        self.ui.intro.setText(f"把全部数据（数据库和照片、地图等附件）备份成一个文件，约 {human_size(self.needed)}。"
                              "写完后会从U盘读回校验，确认无误才算成功。")
        self.ui.targets.itemDoubleClicked.connect(lambda _item: self.start())
        self.ui.targets.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.ui.refresh_button.clicked.connect(self.refresh_targets)
        self.ui.password.setPlaceholderText(f"至少 {MIN_PASSWORD} 位")
        self.ui.use_password.toggled.connect(self._update_password_fields)
        self._update_password_fields(False)
        if self.sensitive_households:   # households are sensitive: suggest a password (the clerk decides)
            from gridoffice.services.households.ledger import SENSITIVE_BACKUP_ADVICE

            self.ui.intro.setText(self.ui.intro.text() + "<br><span style='color:#b26a00'>"
                                  + SENSITIVE_BACKUP_ADVICE.format(count=self.sensitive_households) + "</span>")

        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton("开始备份", QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button.setDefault(True)
        self.close_button = self.buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self._close)

        layout = QVBoxLayout(self)
        layout.addWidget(body, 1)
        layout.addWidget(self.buttons)

    def _update_password_fields(self, on: bool) -> None:
        for widget in (self.ui.password, self.ui.password_again, self.ui.password_hint):
            widget.setEnabled(on)

    # --- targets ------------------------------------------------------------------------
    def refresh_targets(self) -> None:
        """Removable drives first (with label and free space), then the last folder, then 其他文件夹…"""
        self.ui.targets.clear()
        style = self.style()
        drives = removable_drives()
        for drive in drives:
            self._add_target(self._drive_text(drive), drive.path,
                             style.standardIcon(QStyle.StandardPixmap.SP_DriveFDIcon), enough=drive.free >= self.needed)
        if not drives:
            empty = QListWidgetItem("没有找到U盘。请插入U盘，稍等几秒后点“刷新”。", self.ui.targets)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
        last = Path(self._last_folder) if self._last_folder else None
        if last and last.is_dir() and all(last != drive.path for drive in drives):
            self._add_target(f"上次的位置：{last}", last, style.standardIcon(QStyle.StandardPixmap.SP_DirIcon),
                             enough=True)
        other = QListWidgetItem(style.standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon), "其他文件夹…",
                                self.ui.targets)
        other.setData(TARGET_ROLE, OTHER_FOLDER)
        first_usable = next((self.ui.targets.item(i) for i in range(self.ui.targets.count())
                             if self.ui.targets.item(i).flags() & Qt.ItemFlag.ItemIsEnabled), None)
        self.ui.targets.setCurrentItem(first_usable)
        self._update_buttons()

    def _drive_text(self, drive: Drive) -> str:
        text = f"{drive.label}　　可用 {human_size(drive.free)}，共 {human_size(drive.total)}"
        if drive.free < self.needed:
            text += f"　　空间不足（需要约 {human_size(self.needed)}）"
        return text

    def _add_target(self, text: str, path: Path, icon, *, enough: bool) -> None:
        item = QListWidgetItem(icon, text, self.ui.targets)
        item.setData(TARGET_ROLE, str(path))
        item.setToolTip(str(path))
        if not enough:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)

    def _update_buttons(self) -> None:
        running = self._worker is not None
        self.start_button.setEnabled(not running and self.ui.targets.currentItem() is not None
                                     and self.result is None)

    def chosen_folder(self) -> Path | None:
        item = self.ui.targets.currentItem()
        if item is None:
            return None
        value = item.data(TARGET_ROLE)
        if value == OTHER_FOLDER:
            folder = QFileDialog.getExistingDirectory(self, "选择备份到的文件夹", self._last_folder)
            return Path(folder) if folder else None
        return Path(value) if value else None

    def select_target(self, path: Path) -> None:
        for row in range(self.ui.targets.count()):
            if self.ui.targets.item(row).data(TARGET_ROLE) == str(path):
                self.ui.targets.setCurrentRow(row)

    # --- running ------------------------------------------------------------------------
    def chosen_password(self) -> str | None:
        """The password, or None without one; raises ValueError saying what is wrong."""
        if not self.ui.use_password.isChecked():
            return None
        password = self.ui.password.text()
        problem = password_problem(password, self.ui.password_again.text())
        if problem:
            raise ValueError(problem)
        return password

    def start(self) -> None:
        if self._worker is not None or self.result is not None:
            return
        try:
            password = self.chosen_password()
        except ValueError as error:
            show_message(self.ui.status, str(error), ok=False)
            self.ui.password.setFocus()
            return
        folder = self.chosen_folder()
        if folder is None:
            return
        now = self.clock.now()
        self._worker = Worker(lambda progress: create_backup(self.db_path, folder, password=password, now=now,
                                                             progress=progress), self)
        self._set_running(True)
        self._worker.progressed.connect(lambda what, done, total: show_progress(self.ui.progress, self.ui.status,
                                                                                 what, done, total))
        self._worker.succeeded.connect(self._succeeded)
        self._worker.failed.connect(self._failed)
        self._worker.finished.connect(self._worker_done)
        self._worker.start()

    def _set_running(self, running: bool) -> None:
        for widget in (self.ui.targets, self.ui.refresh_button, self.ui.use_password, self.close_button):
            widget.setEnabled(not running)
        self._update_password_fields(not running and self.ui.use_password.isChecked())
        self._update_buttons()

    def _succeeded(self, result: BackupResult) -> None:
        self.result = result
        self.finished_at = self.clock.now()
        self.ui.progress.setRange(0, 1000)
        self.ui.progress.setValue(1000)
        show_message(self.ui.status, f"备份完成，已从U盘读回校验无误：\n{result.path}（{human_size(result.size)}）。"
                                     "现在可以安全地拔出U盘（请先在系统中“弹出”）。", ok=True)

    def _failed(self, message: str) -> None:
        self.ui.progress.setRange(0, 1000)
        self.ui.progress.setValue(0)
        show_message(self.ui.status, message, ok=False)

    def _worker_done(self) -> None:
        self._worker = None
        self._set_running(False)
        self.close_button.setText("完成" if self.result else "关闭")

    def _close(self) -> None:
        if self.result is not None:
            self.accept()
        else:
            self.reject()

    def reject(self) -> None:
        if self._worker is None:   # a backup under way finishes first (it takes seconds)
            super().reject()

    @property
    def running(self) -> bool:
        return self._worker is not None
