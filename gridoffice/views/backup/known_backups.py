"""The banner's 从备份恢复…: the backups the program knows (automatic ones in the data folder, those
on USB sticks), newest first, each checked in the background as a restore would check it. The
newest good one is chosen; 恢复… hands it to the restore dialog of 文件 → 从备份恢复."""
from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from gridoffice.services.backup.recover import BackupCheck, KnownBackup, check_backup, known_backups
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.read_only import EDITS

GOOD, BAD, UNKNOWN = QColor("#2e7d32"), QColor("#c62828"), QColor("#8d4b00")
COLUMNS = ("备份时间", "位置", "大小", "检查结果")
INTRO = ("这些是程序知道的备份：本机的自动备份和U盘上的备份，最新的在最上面。程序正在逐个检查它们（与恢复时的检查相同）。"
         "选中一份“完好”的备份，点“恢复…”；恢复前，现在这个损坏的数据库会另存一份，不会丢失。"
         "最近一次备份之后录入的内容不在备份中，可以先用“保存能读出的数据…”另存。")


class BackupChecker(QThread):
    """Checks the backups one after the other, newest first, until told to stop."""
    checked = Signal(int, object)   # row, BackupCheck

    def __init__(self, backups: list[KnownBackup], parent: QWidget | None = None):
        super().__init__(parent)
        self.backups = backups
        self.stopped = False

    def run(self) -> None:
        for row, backup in enumerate(self.backups):
            if self.stopped:
                return
            result = check_backup(backup.path) if backup.available else \
                BackupCheck(None, "现在找不到（U盘没有插上？）")
            self.checked.emit(row, result)


class ChooseBackupDialog(BaseDialog):
    def __init__(self, db_path: Path, usb_last_path: str, parent: QWidget | None = None,
                 drives: list[Path] | None = None):
        super().__init__(parent, settings_key="choose_backup", title="从备份恢复", default_size=(760, 460))
        self.backups = known_backups(db_path, usb_last_path, drives)
        self.checks: dict[int, BackupCheck] = {}
        self.chosen: Path | None = None     # None after accept: the clerk wants to pick another file
        self._build()
        self.checker = BackupChecker(self.backups, self)
        self.checker.checked.connect(self._checked)
        self.checker.finished.connect(self._all_checked)
        if self.backups:
            self.checker.start()

    def _build(self) -> None:
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        for row, backup in enumerate(self.backups):
            made = f"{backup.made_at:%Y-%m-%d %H:%M}" if backup.made_at else "（时间不详）"
            for column, text in enumerate((made, backup.where, backup.describe_size(), "等待检查…")):
                item = QTableWidgetItem(text)
                item.setToolTip(str(backup.path))
                self.table.setItem(row, column, item)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_chosen())
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        if not self.backups:
            self.status.setText("没有找到程序知道的备份（本机自动备份文件夹是空的，也没有插着存有备份的U盘）。"
                                "如果备份在别处（另一个U盘、网盘下载的文件），请点“选择其他备份文件…”。")
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton("恢复…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_chosen)
        self.other_button = buttons.addButton("选择其他备份文件…", QDialogButtonBox.ButtonRole.ActionRole)
        self.other_button.clicked.connect(self.choose_other_file)
        for button in (self.restore_button, self.other_button):
            button.setProperty(EDITS, False)   # a restore writes nothing into the damaged file (it is set aside)
        close = buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    # --- the checks come in --------------------------------------------------------------
    def _checked(self, row: int, result: BackupCheck) -> None:
        self.checks[row] = result
        item = self.table.item(row, 3)
        item.setText(result.text)
        item.setForeground(GOOD if result.good else BAD if result.good is False else UNKNOWN)
        if result.made_at is not None:
            self.table.item(row, 0).setText(f"{result.made_at:%Y-%m-%d %H:%M}")
        self.table.resizeRowToContents(row)
        if result.good and self.chosen_row() is None:
            self.table.selectRow(row)   # the newest good backup (unless the clerk chose one already)
        self._selection_changed()

    def _all_checked(self) -> None:
        if self.backups and not any(check.good for check in self.checks.values()):
            self.status.setText("没有找到完好的备份。如果还有其他备份文件（另一个U盘上的），请点“选择其他备份文件…”；"
                                "否则请用“保存能读出的数据…”另存还能读出的记录。")

    def chosen_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _selection_changed(self) -> None:
        row = self.chosen_row()
        check = self.checks.get(row) if row is not None else None
        usable = row is not None and self.backups[row].available and check is not None and check.good is not False
        self.restore_button.setEnabled(usable)

    # --- choosing ---------------------------------------------------------------------------
    def restore_chosen(self) -> None:
        row = self.chosen_row()
        if row is None or not self.restore_button.isEnabled():
            return
        self.chosen = self.backups[row].path
        self.accept()

    def choose_other_file(self) -> None:
        self.chosen = None
        self.accept()

    def done(self, result: int) -> None:
        self.checker.stopped = True
        self.checker.wait()   # the backup being checked now is finished first (seconds at most)
        super().done(result)
