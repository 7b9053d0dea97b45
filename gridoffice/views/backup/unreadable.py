"""A database file so damaged that it cannot be opened at all (SQLite cannot read its schema): the
window cannot show its banner, so before the program gives up it offers the same way out, the
backups the program knows (automatic ones in the data folder, those on USB sticks plugged in),
checked one by one, and the restore dialog of 文件 → 从备份恢复."""
import logging
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from gridoffice.clock import Clock
from gridoffice.views.backup.messages import ask

log = logging.getLogger(__name__)
OFFER = ("\n\n可以现在从备份恢复：程序列出本机的自动备份和U盘上的备份，逐个检查，选一份完好的恢复。"
         "恢复前，损坏的文件会另存一份。")


def offer_restore(db_path: Path, message: str, clock: Clock, parent: QWidget | None = None) -> bool:
    """Say why the file cannot be opened and offer a restore; True when a backup was restored over it."""
    from gridoffice.views.backup.known_backups import ChooseBackupDialog
    from gridoffice.views.backup.restore_dialog import RestoreDialog

    log.warning("cannot open %s: %s", db_path, message)
    said = f"数据库“{db_path.name}”已严重损坏，程序无法打开它（连数据的结构都读不出来），没有做任何改动。"
    if not ask(parent, "无法打开数据库", said + OFFER, "从备份恢复…", "退出"):
        return False
    chooser = ChooseBackupDialog(db_path, "", parent)
    if not chooser.exec():
        return False
    backup = chooser.chosen
    if backup is None:
        chosen, _filter = QFileDialog.getOpenFileName(parent, "选择要恢复的备份文件", str(Path.home()),
                                                      "gridoffice 备份 (*.gobak);;所有文件 (*)")
        if not chosen:
            return False
        backup = Path(chosen)
    dialog = RestoreDialog(backup, db_path, clock, lambda: None, parent)   # nothing is open to release
    dialog.exec()
    return dialog.restore_result is not None
