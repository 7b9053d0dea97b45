"""A backup given to the program (a .gobak double-clicked: `gridoffice "D:\\U盘 备份\\x.gobak"`).

- `backup_file_problem`: why the file cannot be offered at all (missing, not a backup, cut off),
  in Chinese; the services' own words (services/backup/container.py) say what is wrong.
- `offer_backup_file`: once the window has painted and its tabs are filled: check the backup
  (检查备份) or restore it (用它恢复…), both through the window's BackupController.restore_file,
  the same dialog as 文件 → 从备份恢复…; the backup's password and damage are said there.
- `restore_at_first_start`: a new PC with no office yet restores the backup into its database.
"""
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from gridoffice.clock import Clock
from gridoffice.db import Database, DatabaseOpenError
from gridoffice.services.backup.container import BackupFileError
from gridoffice.services.backup.verify import describe_os_error, is_encrypted
from gridoffice.views.backup.controller import restore_report
from gridoffice.views.backup.messages import inform
from gridoffice.views.backup.restore_dialog import RestoreDialog

TITLE = "打开备份文件"
CHECK, RESTORE = "check", "restore"


def backup_file_problem(path: Path) -> str | None:
    """Why this file cannot be checked or restored, said for the clerk; None when it can be tried
    (its header is a backup's; the password and the whole content are checked in the dialog)."""
    return _examine(path)[0]


def _examine(path: Path) -> tuple[str | None, bool]:
    """The problem (or None), and whether the backup has a password."""
    where = f"\n\n文件位置：{path}"
    if not path.exists():
        return f"找不到备份文件“{path.name}”。U盘可能已被拔出，或者文件已被移动、改名。{where}", False
    try:
        return None, is_encrypted(path)
    except BackupFileError as error:
        if error.kind == "not_backup":
            return (f"“{path.name}”不是 gridoffice 的备份文件，不能用来检查或恢复。\n"
                    f"备份文件由“文件 → 备份到U盘…”制作，文件名以 .gobak 结尾。{where}"), False
        if error.kind in ("empty", "sqlite"):
            return f"“{path.name}”不是 gridoffice 的备份文件，不能用来检查或恢复。\n{error}{where}", False
        return f"“{path.name}”不能用来恢复：{error}{where}", False
    except OSError as error:
        return f"读取“{path.name}”时出错：{describe_os_error(error)}。U盘可能已被拔出。{where}", False


def say_problem(parent: QWidget | None, problem: str) -> None:
    inform(parent, TITLE, f"{problem}\n\n当前数据没有任何改动。", QMessageBox.Icon.Warning)


def ask_what_to_do(parent: QWidget | None, path: Path, *, encrypted: bool, can_restore: bool) -> str | None:
    """检查备份, 用它恢复… or nothing (None)."""
    password = "这个备份设有密码，检查和恢复时都要输入。\n\n" if encrypted else ""
    opened = f"打开了备份文件：{path.name}\n位置：{path.parent}\n\n{password}"
    if can_restore:
        text = (f"{opened}可以先检查这个备份是否完好（只是检查，不改动任何数据），"
                "也可以用它恢复数据：当前数据会被备份中的数据替换，替换前先另存一份。")
    else:
        text = f"{opened}当前连接的是区里共用的数据库，不能用备份文件替换；可以检查这个备份是否完好。"
    box = QMessageBox(QMessageBox.Icon.Question, TITLE, text, QMessageBox.StandardButton.NoButton, parent)
    check = box.addButton("检查备份(&C)", QMessageBox.ButtonRole.AcceptRole)
    restore = box.addButton("用它恢复(&R)…", QMessageBox.ButtonRole.DestructiveRole) if can_restore else None
    box.addButton("不用了", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(check)
    box.exec()
    clicked = box.clickedButton()
    if clicked is check:
        return CHECK
    if restore is not None and clicked is restore:
        return RESTORE
    return None


def offer_backup_file(window, path: Path) -> None:
    """The window on its office, painted and filled: check or restore the backup given."""
    problem, encrypted = _examine(path)
    if problem:
        say_problem(window, problem)
        return
    controller = window.backup_controller   # None on a district's server: checking only
    choice = ask_what_to_do(window, path, encrypted=encrypted, can_restore=controller is not None)
    if choice is None:
        return
    if controller is not None:
        controller.restore_file(path, checking_only=choice == CHECK)
    else:
        RestoreDialog(path, None, window.clock, None, window, checking_only=True).exec()


def restore_at_first_start(db: Database, path: Path, clock: Clock) -> Database | None:
    """First start, 从这个备份恢复 chosen: the restore dialog into this database's file. The
    database (reopened after a restore, or as it was when the clerk cancelled); None when it
    cannot be opened again (said)."""
    dialog = RestoreDialog(path, db.path, clock, db.close)
    dialog.exec()
    if not dialog.database_released:
        return db
    try:
        reopened = Database.open(db.path)   # completes the swap if needed, migrates an older backup
    except DatabaseOpenError as error:
        inform(None, "无法打开数据库", f"{error}\n程序将关闭，请重新启动。", QMessageBox.Icon.Critical)
        return None
    if dialog.restore_result is not None:
        inform(None, "恢复完成", restore_report(dialog.restore_result, reopened))
    return reopened
