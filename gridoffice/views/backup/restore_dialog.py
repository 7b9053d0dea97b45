"""文件 → 从备份恢复…: check the chosen file (asking for the password when it has one), show
its manifest, and restore on confirmation; the work runs in a worker thread.

With `checking_only` (a backup double-clicked, 检查备份 chosen) the same dialog is titled 检查备份
and its button reads 用它恢复…; without a database file to restore into (a district's server:
`db_path` None) it only checks."""
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from gridoffice.clock import Clock
from gridoffice.services.backup.container import BackupFileError, Manifest
from gridoffice.services.backup.restore import restore_backup
from gridoffice.services.backup.verify import is_encrypted, manifest_counts, manifest_summary, verify_backup
from gridoffice.views.backup.messages import ask
from gridoffice.views.backup.worker import Worker, show_message, show_progress
from gridoffice.views.forms.ui_restore import Ui_RestoreForm
from gridoffice.widgets.base_dialog import BaseDialog


class RestoreDialog(BaseDialog):
    """文件 → 从备份恢复…: check the file, show what it holds, restore on confirmation."""

    def __init__(self, backup_path: Path, db_path: Path | None, clock: Clock,
                 release_database: Callable[[], None] | None, parent: QWidget | None = None, *,
                 checking_only: bool = False):
        self.checking_only = checking_only or db_path is None
        super().__init__(parent, settings_key="restore", title="检查备份" if self.checking_only else "从备份恢复",
                         default_size=(600, 600))
        self.backup_path = backup_path
        self.db_path = db_path
        self.clock = clock
        self._release_database = release_database
        self.manifest: Manifest | None = None
        self.restore_result = None
        self.database_released = False
        self._worker: Worker | None = None
        self._build()
        self._encrypted = self._check_format()

    def _build(self) -> None:
        body = QWidget(self)
        self.ui = Ui_RestoreForm()
        self.ui.setupUi(body)
        self.ui.file_label.setText(f"备份文件：{self.backup_path}")
        self.ui.check_button.clicked.connect(self.start_check)
        self.ui.password.returnPressed.connect(self.start_check)
        self.ui.details.hide()

        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton("用它恢复(&R)…" if self.checking_only else "恢复",
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.restore_button.setVisible(self.db_path is not None)
        self.cancel_button = self.buttons.addButton("关闭" if self.checking_only else "取消",
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.start_restore)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(body)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _check_format(self) -> bool:
        """Refuse at once what is no backup; ask for the password when it has one."""
        try:
            encrypted = is_encrypted(self.backup_path)
        except (BackupFileError, OSError) as error:
            self.ui.password_row.hide()
            show_message(self.ui.status, f"这个文件不能用于恢复：{error}", ok=False)
            return False
        self.ui.password_row.setVisible(encrypted)
        if encrypted:
            show_message(self.ui.status, "请输入备份时设置的密码，然后点“检查”。", ok=True)
            self.ui.status.setStyleSheet("")
        return encrypted

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.manifest is None and self._worker is None and not self._encrypted and not self.ui.status.text():
            self.start_check()

    # --- checking -----------------------------------------------------------------------
    def start_check(self) -> None:
        if self._worker is not None:
            return
        password = self.ui.password.text() or None
        if self._encrypted and not password:
            show_message(self.ui.status, "请先输入密码。", ok=False)
            return
        self.manifest = None
        self.ui.details.hide()
        self.restore_button.setEnabled(False)
        self.ui.check_button.setEnabled(False)
        path = self.backup_path
        self._run(lambda progress: verify_backup(path, password, progress=lambda d, t: progress("正在检查备份…", d, t)),
                  self._checked, self._check_failed)

    def _run(self, job, on_success, on_failure) -> None:
        self._worker = Worker(job, self)
        self._worker.progressed.connect(lambda what, done, total: show_progress(self.ui.progress, self.ui.status,
                                                                                 what, done, total))
        self._worker.succeeded.connect(on_success)
        self._worker.failed.connect(on_failure)
        self._worker.finished.connect(self._worker_done)
        self.cancel_button.setEnabled(False)
        self._worker.start()

    def _worker_done(self) -> None:
        self._worker = None
        self.cancel_button.setEnabled(True)
        self.ui.check_button.setEnabled(True)
        # only now: "恢复" pressed while the check's thread still winds down would be ignored
        ready = self.manifest is not None and not self.database_released and self.db_path is not None
        self.restore_button.setEnabled(ready)
        if ready and not self.checking_only:
            self.restore_button.setFocus()
        elif self.manifest is not None:
            self.cancel_button.setFocus()   # only checking: Enter closes, never restores

    def _checked(self, verified) -> None:
        self.manifest = verified.manifest
        self.ui.progress.setRange(0, 1000)
        self.ui.progress.setValue(1000)
        show_message(self.ui.status, "备份完好：校验值、密码、数据库完整性和版本都已检查。", ok=True)
        self._show_manifest(verified.manifest)

    def _check_failed(self, message: str) -> None:
        self.ui.progress.setRange(0, 1000)
        self.ui.progress.setValue(0)
        show_message(self.ui.status, message, ok=False)
        if self._encrypted:
            self.ui.password.selectAll()
            self.ui.password.setFocus()

    def _show_manifest(self, manifest: Manifest) -> None:
        while self.ui.summary_form.rowCount():
            self.ui.summary_form.removeRow(0)
        for label, value in manifest_summary(manifest):
            value_label = QLabel(value, self)
            value_label.setWordWrap(True)
            self.ui.summary_form.addRow(f"{label}：", value_label)
        while self.ui.counts_grid.count():
            self.ui.counts_grid.takeAt(0).widget().deleteLater()
        for index, (label, count) in enumerate(manifest_counts(manifest)):
            row, column = divmod(index, 3)
            self.ui.counts_grid.addWidget(QLabel(f"{label}：{count}", self), row, column)
        self.ui.warning.setText(self._warning())
        self.ui.details.show()

    def _warning(self) -> str:
        if self.db_path is None:
            return "这个备份可以用来恢复单机办公室的数据。当前连接的是区里共用的数据库，不能用备份文件替换。"
        replaced = (f"<span style='color:#ef6c00'>恢复后，当前数据（{self.db_path.name}）将被这份备份替换。"
                    "当前的数据库和附件会先另存一份（文件名带“恢复前”和时间），需要时仍可找回。</span>")
        if self.checking_only:
            return f"这个备份可以用来恢复。只是检查，不会改动任何数据。<br>如果点“用它恢复…”：{replaced}"
        return replaced

    # --- restoring ----------------------------------------------------------------------
    def start_restore(self) -> None:
        if self.manifest is None or self._worker is not None or self.db_path is None:
            return
        when = self.manifest.created_at.replace("T", " ")[:16]
        if not ask(self, "确认恢复", f"用 {when} 的备份替换当前数据吗？\n当前数据会先另存。", "恢复", "取消"):
            return
        self._release_database()
        self.database_released = True
        self.restore_button.setEnabled(False)
        self.ui.password_row.setEnabled(False)
        password = self.ui.password.text() or None
        backup, target, now = self.backup_path, self.db_path, self.clock.now()
        self._run(lambda progress: restore_backup(backup, target, now=now, password=password,
                                                  progress=lambda d, t: progress("正在恢复…", d, t)),
                  self._restored, self._restore_failed)

    def _restored(self, result) -> None:
        self.restore_result = result
        self.accept()

    def _restore_failed(self, message: str) -> None:
        show_message(self.ui.status, f"恢复没有完成：{message}", ok=False)
        self.ui.progress.setRange(0, 1000)
        self.ui.progress.setValue(0)

    def reject(self) -> None:
        if self._worker is None:
            super().reject()
