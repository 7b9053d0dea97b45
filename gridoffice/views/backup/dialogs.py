"""Backup and restore dialogs. The work runs in a worker thread so the window stays responsive.

BackupDialog: where to (removable drives first, then other folders), an optional password,
a progress bar, and the verified result. RestoreDialog: checks the chosen file (asking for
the password when it has one), shows its manifest, and restores on confirmation.
"""
import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QFileDialog, QFormLayout, QGridLayout, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QProgressBar,
                               QPushButton, QStyle, QVBoxLayout, QWidget)

from gridoffice.db import DatabaseOpenError
from gridoffice.services.backup.create import BackupError, BackupResult, create_backup, estimated_size, human_size
from gridoffice.services.backup.container import BackupFileError, Manifest
from gridoffice.services.backup.verify import is_encrypted, manifest_counts, manifest_summary, verify_backup
from gridoffice.services.backup.drives import Drive, removable_drives
from gridoffice.services.backup.restore import RestoreError, restore_backup
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import ERROR_STYLE

log = logging.getLogger(__name__)

OK_STYLE = "color: #2e7d32;"
MIN_PASSWORD = 6
TARGET_ROLE = Qt.ItemDataRole.UserRole
OTHER_FOLDER = "other"


class Worker(QThread):
    """Runs `job(progress)` off the GUI thread; reports progress, the result or a Chinese error."""

    progressed = Signal(str, int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Callable, parent: QWidget | None = None):
        super().__init__(parent)
        self._job = job
        self._last = ("", -1)

    def _progress(self, what: str, done: int, total: int) -> None:
        percent = done * 100 // total if total else -1
        if (what, percent) != self._last:   # one signal per percent, not per megabyte
            self._last = (what, percent)
            self.progressed.emit(what, done, total)

    def run(self) -> None:
        try:
            result = self._job(self._progress)
        except (BackupError, BackupFileError, RestoreError, DatabaseOpenError) as error:
            self.failed.emit(str(error))
        except Exception as error:   # noqa: BLE001 - shown to the clerk, logged for IT
            log.exception("backup/restore worker failed")
            self.failed.emit(f"发生了意外错误：{error}。没有报告成功的操作都没有完成。")
        else:
            self.succeeded.emit(result)


def ask(parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
    """A question with Chinese buttons (Qt's standard ones would say Yes/No)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.YesRole)
    box.setDefaultButton(box.addButton(no, QMessageBox.ButtonRole.NoRole))
    box.exec()
    return box.clickedButton() is yes_button


def inform(parent: QWidget, title: str, text: str, icon=QMessageBox.Icon.Information) -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.addButton("确定", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_progress(bar: QProgressBar, label: QLabel, what: str, done: int, total: int) -> None:
    label.setStyleSheet("")
    if total <= 0:
        bar.setRange(0, 0)           # busy: how long is unknown
        label.setText(what)
        return
    bar.setRange(0, 1000)
    bar.setValue(done * 1000 // total)
    label.setText(f"{what} {human_size(done)} / {human_size(total)}")


def show_message(label: QLabel, text: str, *, ok: bool) -> None:
    label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
    label.setText(text)


class BackupDialog(BaseDialog):
    """文件 → 备份到U盘…"""

    def __init__(self, db_path: Path, parent: QWidget | None = None, *, last_folder: str = "",
                 now: Callable[[], dt.datetime] = dt.datetime.now):
        super().__init__(parent, settings_key="backup", title="备份到U盘", default_size=(580, 540))
        self.db_path = db_path
        self.result: BackupResult | None = None
        self.finished_at: dt.datetime | None = None
        self._now = now
        self._last_folder = last_folder
        self._worker: Worker | None = None
        self.needed = estimated_size(db_path)
        self._build()
        self.refresh_targets()

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        intro = QLabel(f"把全部数据（数据库和照片、地图等附件）备份成一个文件，约 {human_size(self.needed)}。"
                       "写完后会从U盘读回校验，确认无误才算成功。", self)
        intro.setWordWrap(True)
        self.targets = QListWidget(self)
        self.targets.setMinimumHeight(150)
        self.targets.itemDoubleClicked.connect(lambda _item: self.start())
        self.targets.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.refresh_button = QPushButton("刷新", self)
        self.refresh_button.setToolTip("插入U盘后点这里重新查找")
        self.refresh_button.clicked.connect(self.refresh_targets)
        targets_row = QHBoxLayout()
        targets_row.addWidget(self.targets, 1)
        targets_row.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)

        self.use_password = QCheckBox("设置密码（恢复时需要输入这个密码）", self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(f"至少 {MIN_PASSWORD} 位")
        self.password_again = QLineEdit(self)
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again.setPlaceholderText("再输入一次")
        self.password_hint = QLabel("请牢记密码：忘记密码将无法恢复这份备份。", self)
        password_form = QFormLayout()
        password_form.addRow("密码", self.password)
        password_form.addRow("确认密码", self.password_again)
        password_form.addRow("", self.password_hint)
        self.use_password.toggled.connect(self._update_password_fields)
        self._update_password_fields(False)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton("开始备份", QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button.setDefault(True)
        self.close_button = self.buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self._close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel("备份到：", self))
        layout.addLayout(targets_row, 1)
        layout.addWidget(self.use_password)
        layout.addLayout(password_form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _update_password_fields(self, on: bool) -> None:
        for widget in (self.password, self.password_again, self.password_hint):
            widget.setEnabled(on)

    # --- targets ------------------------------------------------------------------------
    def refresh_targets(self) -> None:
        """Removable drives first (with label and free space), then the last folder, then 其他文件夹…"""
        self.targets.clear()
        style = self.style()
        drives = removable_drives()
        for drive in drives:
            self._add_target(self._drive_text(drive), drive.path, style.standardIcon(QStyle.StandardPixmap.SP_DriveFDIcon),
                             enough=drive.free >= self.needed)
        if not drives:
            empty = QListWidgetItem("没有找到U盘。请插入U盘，稍等几秒后点“刷新”。", self.targets)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
        last = Path(self._last_folder) if self._last_folder else None
        if last and last.is_dir() and all(last != drive.path for drive in drives):
            self._add_target(f"上次的位置：{last}", last, style.standardIcon(QStyle.StandardPixmap.SP_DirIcon),
                             enough=True)
        other = QListWidgetItem(style.standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon), "其他文件夹…", self.targets)
        other.setData(TARGET_ROLE, OTHER_FOLDER)
        first_usable = next((self.targets.item(i) for i in range(self.targets.count())
                             if self.targets.item(i).flags() & Qt.ItemFlag.ItemIsEnabled), None)
        self.targets.setCurrentItem(first_usable)
        self._update_buttons()

    def _drive_text(self, drive: Drive) -> str:
        text = f"{drive.label}　　可用 {human_size(drive.free)}，共 {human_size(drive.total)}"
        if drive.free < self.needed:
            text += f"　　空间不足（需要约 {human_size(self.needed)}）"
        return text

    def _add_target(self, text: str, path: Path, icon, *, enough: bool) -> None:
        item = QListWidgetItem(icon, text, self.targets)
        item.setData(TARGET_ROLE, str(path))
        item.setToolTip(str(path))
        if not enough:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)

    def _update_buttons(self) -> None:
        running = self._worker is not None
        self.start_button.setEnabled(not running and self.targets.currentItem() is not None
                                     and self.result is None)

    def chosen_folder(self) -> Path | None:
        item = self.targets.currentItem()
        if item is None:
            return None
        value = item.data(TARGET_ROLE)
        if value == OTHER_FOLDER:
            folder = QFileDialog.getExistingDirectory(self, "选择备份到的文件夹", self._last_folder)
            return Path(folder) if folder else None
        return Path(value) if value else None

    def select_target(self, path: Path) -> None:
        for row in range(self.targets.count()):
            if self.targets.item(row).data(TARGET_ROLE) == str(path):
                self.targets.setCurrentRow(row)

    # --- running ------------------------------------------------------------------------
    def chosen_password(self) -> str | None:
        """The password, or None without one; shows what is wrong and raises ValueError."""
        if not self.use_password.isChecked():
            return None
        password = self.password.text()
        if len(password) < MIN_PASSWORD:
            raise ValueError(f"密码至少要 {MIN_PASSWORD} 位。")
        if password != self.password_again.text():
            raise ValueError("两次输入的密码不一样，请重新输入。")
        return password

    def start(self) -> None:
        if self._worker is not None or self.result is not None:
            return
        try:
            password = self.chosen_password()
        except ValueError as error:
            show_message(self.status, str(error), ok=False)
            self.password.setFocus()
            return
        folder = self.chosen_folder()
        if folder is None:
            return
        now = self._now()
        self._worker = Worker(lambda progress: create_backup(self.db_path, folder, password=password, now=now,
                                                             progress=progress), self)
        self._set_running(True)
        self._worker.progressed.connect(lambda what, done, total: show_progress(self.progress, self.status,
                                                                                 what, done, total))
        self._worker.succeeded.connect(self._succeeded)
        self._worker.failed.connect(self._failed)
        self._worker.finished.connect(self._worker_done)
        self._worker.start()

    def _set_running(self, running: bool) -> None:
        for widget in (self.targets, self.refresh_button, self.use_password, self.close_button):
            widget.setEnabled(not running)
        self._update_password_fields(not running and self.use_password.isChecked())
        self._update_buttons()

    def _succeeded(self, result: BackupResult) -> None:
        self.result = result
        self.finished_at = self._now()
        self.progress.setRange(0, 1000)
        self.progress.setValue(1000)
        show_message(self.status, f"备份完成，已从U盘读回校验无误：\n{result.path}（{human_size(result.size)}）。"
                                  "现在可以安全地拔出U盘（请先在系统中“弹出”）。", ok=True)

    def _failed(self, message: str) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        show_message(self.status, message, ok=False)

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


class RestoreDialog(BaseDialog):
    """文件 → 从备份恢复…: check the file, show what it holds, restore on confirmation."""

    def __init__(self, backup_path: Path, db_path: Path, release_database: Callable[[], None],
                 parent: QWidget | None = None):
        super().__init__(parent, settings_key="restore", title="从备份恢复", default_size=(600, 600))
        self.backup_path = backup_path
        self.db_path = db_path
        self._release_database = release_database
        self.manifest: Manifest | None = None
        self.restore_result = None
        self.database_released = False
        self._worker: Worker | None = None
        self._build()
        self._encrypted = self._check_format()

    def _build(self) -> None:
        file_label = QLabel(f"备份文件：{self.backup_path}", self)
        file_label.setWordWrap(True)
        file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("这个备份设有密码，请输入")
        self.check_button = QPushButton("检查", self)
        self.check_button.clicked.connect(self.start_check)
        self.password.returnPressed.connect(self.start_check)
        self.password_row = QWidget(self)
        row = QHBoxLayout(self.password_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("密码", self))
        row.addWidget(self.password, 1)
        row.addWidget(self.check_button)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)

        self.details = QWidget(self)
        self.summary_form = QFormLayout()
        self.counts_grid = QGridLayout()
        self.counts_grid.setHorizontalSpacing(18)
        details_layout = QVBoxLayout(self.details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addLayout(self.summary_form)
        details_layout.addSpacing(8)
        details_layout.addWidget(QLabel("<b>备份中的记录</b>", self))
        details_layout.addLayout(self.counts_grid)
        details_layout.addSpacing(8)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        details_layout.addWidget(self.warning)
        self.details.hide()

        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton("恢复", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.start_restore)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(file_label)
        layout.addWidget(self.password_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.details)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _check_format(self) -> bool:
        """Refuse at once what is no backup; ask for the password when it has one."""
        try:
            encrypted = is_encrypted(self.backup_path)
        except (BackupFileError, OSError) as error:
            self.password_row.hide()
            show_message(self.status, f"这个文件不能用于恢复：{error}", ok=False)
            return False
        self.password_row.setVisible(encrypted)
        if encrypted:
            show_message(self.status, "请输入备份时设置的密码，然后点“检查”。", ok=True)
            self.status.setStyleSheet("")
        return encrypted

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.manifest is None and self._worker is None and not self._encrypted and not self.status.text():
            self.start_check()

    # --- checking -----------------------------------------------------------------------
    def start_check(self) -> None:
        if self._worker is not None:
            return
        password = self.password.text() or None
        if self._encrypted and not password:
            show_message(self.status, "请先输入密码。", ok=False)
            return
        self.manifest = None
        self.details.hide()
        self.restore_button.setEnabled(False)
        self.check_button.setEnabled(False)
        path = self.backup_path
        self._run(lambda progress: verify_backup(path, password, progress=lambda d, t: progress("正在检查备份…", d, t)),
                  self._checked, self._check_failed)

    def _run(self, job, on_success, on_failure) -> None:
        self._worker = Worker(job, self)
        self._worker.progressed.connect(lambda what, done, total: show_progress(self.progress, self.status,
                                                                                 what, done, total))
        self._worker.succeeded.connect(on_success)
        self._worker.failed.connect(on_failure)
        self._worker.finished.connect(self._worker_done)
        self.cancel_button.setEnabled(False)
        self._worker.start()

    def _worker_done(self) -> None:
        self._worker = None
        self.cancel_button.setEnabled(True)
        self.check_button.setEnabled(True)
        # only now: "恢复" pressed while the check's thread still winds down would be ignored
        ready = self.manifest is not None and not self.database_released
        self.restore_button.setEnabled(ready)
        if ready:
            self.restore_button.setFocus()

    def _checked(self, verified) -> None:
        self.manifest = verified.manifest
        self.progress.setRange(0, 1000)
        self.progress.setValue(1000)
        show_message(self.status, "备份完好：校验值、密码、数据库完整性和版本都已检查。", ok=True)
        self._show_manifest(verified.manifest)

    def _check_failed(self, message: str) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        show_message(self.status, message, ok=False)
        if self._encrypted:
            self.password.selectAll()
            self.password.setFocus()

    def _show_manifest(self, manifest: Manifest) -> None:
        while self.summary_form.rowCount():
            self.summary_form.removeRow(0)
        for label, value in manifest_summary(manifest):
            value_label = QLabel(value, self)
            value_label.setWordWrap(True)
            self.summary_form.addRow(f"{label}：", value_label)
        while self.counts_grid.count():
            self.counts_grid.takeAt(0).widget().deleteLater()
        for index, (label, count) in enumerate(manifest_counts(manifest)):
            row, column = divmod(index, 3)
            self.counts_grid.addWidget(QLabel(f"{label}：{count}", self), row, column)
        self.warning.setText(
            f"<span style='color:#ef6c00'>恢复后，当前数据（{self.db_path.name}）将被这份备份替换。"
            "当前的数据库和附件会先另存一份（文件名带“恢复前”和时间），需要时仍可找回。</span>")
        self.details.show()

    # --- restoring ----------------------------------------------------------------------
    def start_restore(self) -> None:
        if self.manifest is None or self._worker is not None:
            return
        when = self.manifest.created_at.replace("T", " ")[:16]
        if not ask(self, "确认恢复", f"用 {when} 的备份替换当前数据吗？\n当前数据会先另存。", "恢复", "取消"):
            return
        self._release_database()
        self.database_released = True
        self.restore_button.setEnabled(False)
        self.password_row.setEnabled(False)
        password = self.password.text() or None
        backup, target = self.backup_path, self.db_path
        self._run(lambda progress: restore_backup(backup, target, password=password,
                                                  progress=lambda d, t: progress("正在恢复…", d, t)),
                  self._restored, self._restore_failed)

    def _restored(self, result) -> None:
        self.restore_result = result
        self.accept()

    def _restore_failed(self, message: str) -> None:
        show_message(self.status, f"恢复没有完成：{message}", ok=False)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)

    def reject(self) -> None:
        if self._worker is None:
            super().reject()
