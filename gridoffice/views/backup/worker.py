"""The backup and restore work runs in a worker thread so the window stays responsive; its
progress and outcome are shown in a progress bar and a status line."""
import logging
from collections.abc import Callable

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from gridoffice.db import DatabaseOpenError
from gridoffice.db.storage import explain
from gridoffice.services.backup.container import BackupFileError
from gridoffice.services.backup.create import BackupError, human_size
from gridoffice.services.backup.recover import SalvageError
from gridoffice.services.backup.restore import RestoreError
from gridoffice.widgets.form import ERROR_STYLE

log = logging.getLogger(__name__)

OK_STYLE = "color: #2e7d32;"


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
        except (BackupError, BackupFileError, RestoreError, SalvageError, DatabaseOpenError) as error:
            self.failed.emit(str(error))
        except Exception as error:   # noqa: BLE001 - shown to the clerk, logged for IT
            log.exception("backup/restore worker failed")
            said = explain(error)   # a full disk, a pulled stick, a damaged page: in Chinese, never SQLite's English
            self.failed.emit(said or f"发生了意外错误：{error}。没有报告成功的操作都没有完成。")
        else:
            self.succeeded.emit(result)


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
