"""Backup and restore in the main window: menu entries, the status-bar label, automatic backups.

- 文件 → 备份到U盘… and 从备份恢复…
- the status-bar label "上次U盘备份：…", a reminder after 7 days without one while data changed
- automatic local backups (a timer; at most every 30 minutes after changes) and on exit
- on exit, when this session changed data and a USB stick is plugged in, the offer to back up
"""
import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from gridoffice.db import Database, DatabaseOpenError
from gridoffice.clock import Clock
from gridoffice.services.backup.auto import (BackupState, make_auto_backup, read_state, record_auto_backup,
                                             record_usb_backup)
from gridoffice.services.backup.create import BackupError
from gridoffice.services.backup.drives import removable_drives

from gridoffice.views.backup.messages import ask, inform
from gridoffice.views.backup.worker import Worker

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 60_000
OVERDUE_STYLE = "color: #c62828; font-weight: bold;"


class BackupController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._auto_worker: Worker | None = None
        self._opened_here: list[Database] = []
        self._change_at_start = self._state().change_id
        self._install_actions()
        self.label = QLabel(window)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.linkActivated.connect(lambda _link: self.back_up_to_usb())
        window.add_notice(self.label)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        QApplication.instance().aboutToQuit.connect(self._close_reopened)
        self.refresh_label()
        QTimer.singleShot(0, self.remind_if_overdue)

    def _install_actions(self) -> None:
        menu = self.window.menus["文件"]
        quit_action = self.window.actions.quit
        self.backup_action = QAction("备份到U盘(&B)…", self.window)
        self.backup_action.setStatusTip("把全部数据备份到U盘，写完后读回校验")
        self.backup_action.triggered.connect(self.back_up_to_usb)
        self.restore_action = QAction("从备份恢复(&R)…", self.window)
        self.restore_action.setStatusTip("用一个备份文件替换当前数据（当前数据先另存）")
        self.restore_action.triggered.connect(lambda _checked=False: self.restore_from_backup())
        menu.insertAction(quit_action, self.backup_action)
        menu.insertAction(quit_action, self.restore_action)
        menu.insertSeparator(quit_action)

    # --- state and the label ------------------------------------------------------------
    @property
    def db(self) -> Database:
        return self.window.db

    @property
    def clock(self) -> Clock:
        return self.window.clock

    def _state(self) -> BackupState:
        return read_state(self.db)

    def _readable_state(self) -> BackupState | None:
        """The bookkeeping, or None when a damaged database cannot give it (the banner says why)."""
        from gridoffice.views.shell.storage import is_database_failure

        try:
            return self._state()
        except Exception as error:   # noqa: BLE001 - only storage failures are kept here
            if not is_database_failure(error):
                raise
            log.warning("cannot read the backup state: %s", error)
            return None

    def refresh_label(self) -> None:
        self.label.setVisible(not self.db.damaged)   # a damaged database is never backed up: the banner says what to do
        if self.db.damaged:
            return
        state = self._readable_state()
        if state is None:
            self.label.setText("备份情况无法读出")
            self.label.setToolTip("数据库已损坏，读不出上次备份的时间。")
            return
        now = self.clock.now()
        if state.usb_last_at is None:
            # a new office has not "gone long without" a backup: it has none yet, and is offered the first
            self.label.setText("还没有备份过 <a href='backup'>做第一次备份</a>")
            self.label.setToolTip("把数据备份到U盘：电脑损坏或丢失时，只有U盘上的备份能找回数据。")
            return
        text = f"上次U盘备份：{_when(state.usb_last_at, now)}"
        if state.usb_overdue(now):
            text = f"已 {(now - state.usb_last_at).days} 天没有备份到U盘"
            self.label.setText(f"<span style='{OVERDUE_STYLE}'>{text}</span> <a href='backup'>立即备份</a>")
            self.label.setToolTip("数据有改动还没有备份到U盘。电脑损坏或丢失时，只有U盘上的备份能找回数据。")
        else:
            self.label.setText(text)
            self.label.setToolTip(f"备份文件：{state.usb_last_path}" if state.usb_last_path else "")

    def remind_if_overdue(self) -> None:
        """A message in the status bar at start when no USB backup was made for 7 days while data
        changed. An office never backed up is not "long" without one: its label offers the first."""
        state = self._readable_state()
        if state is not None and state.usb_last_at is not None and state.usb_overdue(self.clock.now()):
            self.window.statusBar().showMessage(
                "提醒：数据有改动，已经很久没有备份到U盘了。请插入U盘，点“文件 → 备份到U盘…”。", 20_000)

    # --- USB backup ---------------------------------------------------------------------
    def back_up_to_usb(self, *, start_on: Path | None = None) -> bool:
        """The backup dialog; True when a verified backup was made."""
        from gridoffice.views.backup.usb_dialog import BackupDialog

        from gridoffice.services.households.ledger import sensitive_household_count
        from gridoffice.views.shell.storage import is_database_failure

        state = self._readable_state()
        try:
            sensitive = sensitive_household_count(self.db)
        except Exception as error:   # noqa: BLE001 - a damaged page: the backup itself will say it is refused
            if not is_database_failure(error):
                raise
            sensitive = 0
        dialog = BackupDialog(self.db.path, self.clock, self.window,
                              last_folder=_folder_of(state.usb_last_path) if state else "", sensitive_households=sensitive)
        if start_on is not None:
            dialog.select_target(start_on)
            QTimer.singleShot(0, dialog.start)
        dialog.exec()
        if dialog.result is None:
            return False
        if not self.db.writable:   # a read-only medium: the backup is made, its date cannot be written down
            self.window.statusBar().showMessage("备份已完成。数据库是只读的，这次备份没有记入“上次备份时间”。", 20_000)
            return True
        record_usb_backup(self.db, dialog.result, dialog.finished_at or self.clock.now())
        self.refresh_label()
        return True

    # --- restore ------------------------------------------------------------------------
    def restore_from_backup(self, path: Path | None = None) -> None:
        """文件 → 从备份恢复… (a file chosen here), or the backup chosen from the damaged database's
        banner: then restore_file."""
        if path is None:
            state = self._readable_state()
            start = (_folder_of(state.usb_last_path) if state else "") or str(Path.home())
            chosen, _filter = QFileDialog.getOpenFileName(self.window, "选择要恢复的备份文件", start,
                                                          "gridoffice 备份 (*.gobak);;所有文件 (*)")
            if not chosen:
                return
            path = Path(chosen)
        self.restore_file(Path(path))

    def restore_file(self, path: Path, *, checking_only: bool = False) -> None:
        """The restore dialog on this file (checking_only: titled 检查备份, restoring only when
        asked); after a restore the window works on the restored data."""
        from gridoffice.views.backup.restore_dialog import RestoreDialog

        db_path = self.db.path
        dialog = RestoreDialog(path, db_path, self.clock, self._release_database, self.window,
                               checking_only=checking_only)
        dialog.exec()
        if dialog.database_released:
            self._reopen(db_path, dialog.restore_result)

    def _release_database(self) -> None:
        """Close the window's database (releasing its lock) so the restore can swap the files."""
        self.timer.stop()
        if self._auto_worker is not None:
            self._auto_worker.wait()
        if getattr(self.window, "storage", None) is not None:
            self.window.storage.stop()   # a database check still reading the file
        self.db.close()

    def _reopen(self, db_path: Path, result) -> None:
        try:
            db = Database.open(db_path)   # completes the swap if needed, migrates an older schema
        except DatabaseOpenError as error:
            inform(self.window, "无法打开数据库", f"{error}\n程序将关闭，请重新启动。", QMessageBox.Icon.Critical)
            self.window.close()
            return
        self._opened_here.append(db)
        self.window.replace_database(db)
        self._change_at_start = self._state().change_id
        self.refresh_label()
        self.timer.start()
        if result is None:
            return
        inform(self.window, "恢复完成", restore_report(result, db))

    def _close_reopened(self) -> None:
        for db in self._opened_here:
            db.close()

    # --- automatic local backups --------------------------------------------------------
    def tick(self) -> None:
        self.refresh_label()
        if not self.db.writable:   # nothing changes in a read-only database; a damaged one is never backed up
            return
        if self._auto_worker is None and self._state().auto_due(self.clock.now()):
            self.start_auto_backup()

    def start_auto_backup(self) -> None:
        db_path, now = self.db.path, self.clock.now()
        self._auto_worker = Worker(lambda _progress: make_auto_backup(db_path, now), self)
        self._auto_worker.succeeded.connect(lambda outcome: self._auto_done(outcome, now))
        self._auto_worker.failed.connect(self._auto_failed)
        self._auto_worker.finished.connect(self._auto_finished)
        self._auto_worker.start()

    def _auto_done(self, outcome, when: dt.datetime) -> None:
        result, _removed = outcome
        record_auto_backup(self.db, result, when)
        log.info("automatic backup %s", result.path)

    def _auto_failed(self, message: str) -> None:
        log.warning("automatic backup failed: %s", message)
        self.window.statusBar().showMessage(f"自动备份没有成功：{message}", 15_000)

    def _auto_finished(self) -> None:
        self._auto_worker = None

    def stop(self) -> None:
        """The window switched to a district's server: no file backups from now on."""
        self.timer.stop()
        if self._auto_worker is not None:
            self._auto_worker.wait()
        self.label.hide()
        for action in (self.backup_action, self.restore_action):
            action.setEnabled(False)

    # --- exit ---------------------------------------------------------------------------
    def on_close(self) -> None:
        """Before the window closes: a local backup and, with a USB stick in, the offer of one."""
        self.timer.stop()
        if self._auto_worker is not None:
            self._auto_worker.wait()
        if not self.db.writable:
            return   # nothing was changed, and a damaged database is never backed up
        try:
            state = self._state()
        except Exception:   # noqa: BLE001 - closing must never fail over a backup
            log.exception("cannot read the backup state on exit")
            return
        if state.change_id <= self._change_at_start:
            return   # nothing changed in this session
        if state.changed_since_auto:
            self._auto_backup_now()
        if state.changed_since_usb:
            self._offer_usb_backup()

    def _auto_backup_now(self) -> None:
        now = self.clock.now()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result, _removed = make_auto_backup(self.db.path, now)
            record_auto_backup(self.db, result, now)
        except (BackupError, OSError) as error:   # OSError: the data folder's 本机备份 cannot be written
            log.warning("backup on exit failed: %s", error)
        finally:
            QApplication.restoreOverrideCursor()

    def _offer_usb_backup(self) -> None:
        drives = removable_drives()
        if not drives:
            return
        drive = drives[0]
        if ask(self.window, "备份到U盘", f"这次使用中数据有改动，还没有备份到U盘。\n现在备份到 {drive.label} 吗？",
               "备份到U盘", "不备份，直接退出"):
            self.back_up_to_usb(start_on=drive.path)


def restore_report(result, db: Database) -> str:
    """What a finished restore says: whose backup of when, where the data before it went."""
    lines = [f"已恢复 {result.manifest.created_at.replace('T', ' ')[:16]} 的备份（{result.manifest.office_name}）。"]
    if result.database_aside:
        lines.append(f"恢复前的数据库已另存为：\n{result.database_aside}")
    if result.attachments_aside:
        lines.append(f"恢复前的附件文件夹已改名为：\n{result.attachments_aside}")
    if db.migration_backup:
        lines.append("这份备份来自较早的版本，已自动升级数据结构。")
    return "\n\n".join(lines)


def _folder_of(path: str) -> str:
    return str(Path(path).parent) if path else ""


def _when(moment: dt.datetime, now: dt.datetime) -> str:
    if moment.date() == now.date():
        return f"今天 {moment:%H:%M}"
    if moment.date() == now.date() - dt.timedelta(days=1):
        return f"昨天 {moment:%H:%M}"
    if moment.year == now.year:
        return f"{moment.month}月{moment.day}日 {moment:%H:%M}"
    return f"{moment.year}年{moment.month}月{moment.day}日"
