"""The banner's 保存能读出的数据…: what can still be read from the damaged database goes into a new
file (with a copy of the attachments), which is then checked; the clerk is told where it is,
how much was read and whether it is sound. The damaged file is only read.

A sound new file can then replace the damaged database: it is backed up (a verified .gobak beside
it) and that backup goes through the restore dialog of 文件 → 从备份恢复 (which sets the damaged
file aside first)."""
import os
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
                               QProgressBar, QPushButton, QVBoxLayout, QWidget)

from gridoffice.clock import Clock
from gridoffice.services.backup.create import create_backup
from gridoffice.services.backup.recover import SalvageResult, salvage, salvage_file_name
from gridoffice.views.backup.worker import Worker, show_message
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.file_dialogs import start_path
from gridoffice.widgets.read_only import EDITS

INTRO = ("把损坏的数据库中还能读出的记录保存为一个新的数据库文件，照片、地图等附件一并复制；保存后检查新文件"
         "（完整性和关联）。损坏的文件不会被改动。损坏的页上的记录读不出来，程序会说明少了多少。")
WARN_STYLE = "color: #8d4b00;"


class SalvageDialog(BaseDialog):
    is_form = False   # nothing typed to lose: closing never asks

    def __init__(self, db_path: Path, clock: Clock, parent: QWidget | None = None):
        super().__init__(parent, settings_key="salvage", title="保存能读出的数据", default_size=(640, 460))
        self.db_path = Path(db_path)
        self.clock = clock
        self.result: SalvageResult | None = None
        self.replacement: Path | None = None   # a verified backup of the new file, for the restore dialog
        self._worker: Worker | None = None
        folder = self.db_path.parent if os.access(self.db_path.parent, os.W_OK) else Path(start_path())
        self.target = folder / salvage_file_name(self.db_path, clock.now())
        self._build()

    def _build(self) -> None:
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        self.target_edit = QLineEdit(str(self.target), self)
        self.target_edit.setReadOnly(True)
        self.change_button = QPushButton("更改位置…", self)
        self.change_button.clicked.connect(self.choose_target)
        where = QHBoxLayout()
        where.addWidget(QLabel("保存为：", self))
        where.addWidget(self.target_edit, stretch=1)
        where.addWidget(self.change_button)
        self.drop_dangling = QCheckBox("不保存失去关联的记录（推荐）", self)
        self.drop_dangling.setToolTip("例如一条意见读不出来时，它的办理记录也不保存。这样新文件才能通过检查，"
                                      "可以正常使用、备份和替换损坏的数据库。不保存的记录会列出条数。")
        self.drop_dangling.setChecked(True)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.report = QLabel(self)
        self.report.setWordWrap(True)
        self.report.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton("开始", QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.replace_button = self.buttons.addButton("用新文件替换损坏的数据库…", QDialogButtonBox.ButtonRole.ActionRole)
        self.replace_button.setToolTip("先把新文件备份成一个校验过的备份文件，再从这个备份恢复：损坏的数据库会先另存一份")
        self.replace_button.clicked.connect(self.replace_damaged)
        self.replace_button.hide()
        self.folder_button = self.buttons.addButton("打开所在文件夹", QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button.clicked.connect(self.open_folder)
        self.folder_button.hide()
        self.close_button = self.buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)
        for button in (self.start_button, self.change_button, self.replace_button):
            button.setProperty(EDITS, False)   # they write new files, never into the damaged database
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(where)
        layout.addWidget(self.drop_dangling)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.report, stretch=1)
        layout.addWidget(self.buttons)

    def choose_target(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, "把能读出的数据保存为", str(self.target),
                                                    "数据库文件 (*.sqlite)")
        if path:
            self.target = Path(path if path.lower().endswith(".sqlite") else path + ".sqlite")
            self.target_edit.setText(str(self.target))

    # --- saving --------------------------------------------------------------------------
    def start(self) -> None:
        if self._worker is not None:
            return
        source, target, drop = self.db_path, self.target, self.drop_dangling.isChecked()
        self._run(lambda progress: salvage(source, target, progress=progress, drop_dangling=drop), self._saved)

    def _run(self, job, on_success) -> None:
        self.start_button.setEnabled(False)
        self.change_button.setEnabled(False)
        self.drop_dangling.setEnabled(False)
        self.replace_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self._worker = Worker(job, self)
        self._worker.progressed.connect(self._progressed)
        self._worker.succeeded.connect(on_success)
        self._worker.failed.connect(self._failed)
        self._worker.finished.connect(self._finished)
        self._worker.start()

    def _progressed(self, what: str, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        else:
            self.progress.setRange(0, 0)
        self.status.setStyleSheet("")
        self.status.setText(what)

    def _saved(self, result: SalvageResult) -> None:
        self.result = result
        self.target = result.path
        self.target_edit.setText(str(result.path))
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        if result.clean:
            show_message(self.status, "新文件完好，所有记录都已读出。", ok=True)
        elif result.sound:
            show_message(self.status, "新文件完好，但有一部分记录没能读出（见下面的说明）。", ok=True)
            self.status.setStyleSheet(WARN_STYLE)
        else:
            show_message(self.status, "新文件已保存，但没有通过检查（见下面的说明）。", ok=False)
        after = ("当前窗口仍在使用原来损坏的数据库。可以用“用新文件替换损坏的数据库…”改用新文件"
                 "（损坏的文件会先另存一份），也可以先把新文件交给技术人员核对。" if result.sound else
                 "这个新文件不宜直接使用：请优先从备份恢复，并把新文件交给技术人员核对。")
        self.report.setText("\n".join([*result.lines(), "", after]))
        self.replace_button.setVisible(result.sound)
        self.folder_button.show()
        self.start_button.hide()

    def _failed(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        show_message(self.status, message, ok=False)

    def _finished(self) -> None:
        self._worker = None
        self.start_button.setEnabled(True)
        self.change_button.setEnabled(self.result is None)
        self.drop_dangling.setEnabled(self.result is None)
        self.replace_button.setEnabled(True)
        self.close_button.setEnabled(True)

    # --- afterwards ------------------------------------------------------------------------
    def replace_damaged(self) -> None:
        """A verified backup of the new file, beside it; the window then restores it (restore dialog)."""
        if self.result is None or not self.result.sound or self._worker is not None:
            return
        new_file, now = self.result.path, self.clock.now()
        self._run(lambda progress: create_backup(new_file, new_file.parent, now=now, progress=progress),
                  self._backed_up)

    def _backed_up(self, backup) -> None:
        self.replacement = backup.path
        self.accept()

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.target.parent)))

    def reject(self) -> None:
        if self._worker is None:
            super().reject()
