"""The database's health in the main window.

- A database opened read-only (its quick check failed, or it lies on a read-only medium) gets the
  banner across the top and 只读 in the status bar, and every editing action is disabled with a
  tooltip saying why (widgets/read_only.py).
- 工具 → 检查数据库 runs the full check (integrity_check and foreign_key_check) in a worker thread
  and shows the result; a few seconds after start-up the window runs it once in the background.
  Damage found makes the database read-only from then on, with the banner.
- The banner's ways out: 从备份恢复… (the backups the program knows, each checked, then the
  restore dialog of 文件 → 从备份恢复) and 保存能读出的数据… (a new file, checked).
- A tab that cannot be read (a damaged page under its rows) stays empty instead of stopping the
  window; the full check then runs at once.
"""
import logging
import sqlite3

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from gridoffice.db.health import Health
from gridoffice.views.backup.worker import Worker
from gridoffice.widgets.read_only import ReadOnlyGuard

from .banner import StorageBanner

log = logging.getLogger(__name__)

FULL_CHECK_DELAY_MS = 5000   # after the window shows: start-up is not slowed by it
READ_ONLY_STYLE = "color: white; background: #c62828; font-weight: bold; padding: 1px 8px; border-radius: 3px;"


def is_database_failure(error: BaseException) -> bool:
    """An error of the database's storage (a damaged page, a full disk…), not of the program."""
    from gridoffice.db import storage

    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, (sqlite3.DatabaseError, storage.StorageError)):
            return True
        error = getattr(error, "orig", None) or error.__cause__ or error.__context__
    return False


UNREADABLE = ("数据库文件已损坏，这一页的记录读不出来。请按窗口上方的提示从备份恢复，"
              "或把还能读出的数据保存为新文件。其他页面仍可查看。")


def reload_tab(tab) -> bool:
    """Reload a tab; False (logged, and said where its rows would be) when its data cannot be read."""
    tab.unreadable = ""
    try:
        tab.reload()
    except Exception as error:   # noqa: BLE001 - only storage failures are kept here
        if not is_database_failure(error):
            raise
        log.warning("页面“%s”的数据无法读出", tab.title, exc_info=True)
        tab.unreadable = UNREADABLE
        if hasattr(tab, "update_empty_state"):
            tab.update_empty_state()
        return False
    return True


class StorageController(QObject):
    checked = Signal(object)   # the Health of a full check that finished

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.guard = ReadOnlyGuard(window)
        self.banner = StorageBanner(window)
        window.central_column.insertWidget(0, self.banner)
        self.banner.restore_requested.connect(self.restore_from_backup)
        self.banner.salvage_requested.connect(self.save_readable_data)
        self.read_only_label = QLabel("只读", window)
        self.read_only_label.setStyleSheet(READ_ONLY_STYLE)
        self.read_only_label.hide()
        window.statusBar().insertPermanentWidget(0, self.read_only_label)
        self.worker: Worker | None = None
        self.last_health: Health | None = None
        self.unreadable_tabs: list[str] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.start_check)
        self.refresh()

    @property
    def db(self):
        return self.window.db

    # --- read-only or not -------------------------------------------------------------
    def refresh(self) -> None:
        """Banner, status bar and editing actions as the database is now (after open, a restore, damage found)."""
        db = self.db
        if db.writable:
            self.banner.hide()
            self.read_only_label.hide()
            self.guard.lift()
            return
        reason = db.read_only_reason
        if db.damaged:
            file = not db.is_server and not db.on_read_only_medium
            self.banner.show_damaged(reason, can_restore=file and self.window.backup_controller is not None,
                                     can_salvage=not db.is_server)
        else:
            self.banner.show_read_only(reason)
        self.read_only_label.setToolTip(f"<p>{reason}</p>")
        self.read_only_label.show()
        self.guard.apply(reason)

    def tabs_unreadable(self, titles: list[str]) -> None:
        """Some tabs could not be read: say which, and run the full check now (it finds the damage)."""
        self.unreadable_tabs = titles
        if not titles:
            return
        checking = not self.db.damaged
        self.window.statusBar().showMessage(f"以下页面的数据无法读出：{'、'.join(titles)}。"
                                            + ("正在检查数据库…" if checking else ""), 20_000)
        if checking:
            self.start_check()

    def storage_failed(self) -> None:
        """A read or write failed on a damaged page while working (the error report said so): check now."""
        if not self.db.damaged:
            self.start_check()

    # --- the full check ------------------------------------------------------------------
    def schedule_check(self, delay_ms: int) -> None:
        """The background check a few seconds after start-up (the window is usable meanwhile)."""
        self._timer.start(delay_ms)

    def start_check(self) -> Worker:
        """Run the full check in a worker thread (or return the one running)."""
        self._timer.stop()
        if self.worker is not None:
            return self.worker
        db = self.db
        self.worker = Worker(lambda _progress: (db, db.check()), self)
        self.worker.succeeded.connect(self._checked)
        self.worker.failed.connect(lambda message: log.warning("数据库检查没有完成：%s", message))
        self.worker.finished.connect(self._check_finished)
        self.worker.start()
        return self.worker

    def _checked(self, outcome: tuple) -> None:
        checked, health = outcome
        if checked is not self.db:
            return   # the window works on another database now (a restore): this result is of the old one
        self.last_health = health
        if health.ok:
            log.info("数据库检查：完好")
        else:
            log.warning("数据库检查发现问题：%s\n%s", health.summary(), health.details())
            if self.db.writable or not self.db.damaged:
                self.db.refuse_writes(health)
            self.refresh()
        self.checked.emit(health)

    def _check_finished(self) -> None:
        self.worker = None

    def show_check_dialog(self) -> None:
        """工具 → 检查数据库."""
        from gridoffice.views.backup.db_check import DatabaseCheckDialog

        DatabaseCheckDialog(self, self.window).exec()

    def stop(self) -> None:
        """The window closes (or switches database): wait for a check still reading the file."""
        self._timer.stop()
        if self.worker is not None:
            self.worker.wait()

    # --- the ways out ---------------------------------------------------------------------
    def restore_from_backup(self) -> None:
        """从备份恢复…: the backups there are, checked one by one; the chosen one through the restore dialog."""
        from gridoffice.services.backup.recover import usb_backup_path
        from gridoffice.views.backup.known_backups import ChooseBackupDialog

        controller = self.window.backup_controller
        if controller is None:
            return
        dialog = ChooseBackupDialog(self.db.path, usb_backup_path(self.db), self.window)
        if not dialog.exec():
            return
        self.stop()
        controller.restore_from_backup(dialog.chosen)   # None: the clerk picks another file

    def save_readable_data(self) -> None:
        """保存能读出的数据…"""
        from gridoffice.views.backup.salvage_dialog import SalvageDialog

        self.stop()
        dialog = SalvageDialog(self.db.path, self.window.clock, self.window)
        dialog.exec()
        controller = self.window.backup_controller
        if dialog.replacement is not None and controller is not None:   # 用新文件替换损坏的数据库…
            controller.restore_from_backup(dialog.replacement)
