"""What the clerk reads about an error no dialog caught (gui.report_unexpected_error shows it).

A failure of the database's storage is said in Chinese (db/storage.py: a full disk, a read-only
medium, a pulled stick, a damaged file), never in SQLite's English and never as a traceback; a
damaged page met while working also starts the full check, which brings up the banner. Anything
else is "程序出现意外错误", with the log file to send. Everything is in the log for IT.
"""
import sqlite3
import sys

from PySide6.QtWidgets import QApplication


def _storage_failure(error: BaseException) -> tuple[str | None, bool]:
    """(the Chinese sentence of db/storage.py or None, whether it was the database at all)."""
    if "gridoffice.db" not in sys.modules:   # the data layer never loaded: no database to fail
        return None, False
    from gridoffice.views.shell.storage import is_database_failure
    from gridoffice.db import storage

    database = is_database_failure(error)
    if not database and isinstance(error, PermissionError):
        return None, False   # a file open in Excel is not a write-protected stick: the system's own words
    return storage.explain(error), database


def clerk_message(error: BaseException) -> tuple[str, str]:
    """(title, text) of the message box."""
    from gridoffice.logs import log_file

    logged = f"详细情况已写入日志文件：\n{log_file()}\n如果问题反复出现，请把这个文件发给技术人员。"
    said, database = _storage_failure(error)
    if said is not None:
        from gridoffice.db import ReadOnlyDatabaseError, storage

        if isinstance(error, ReadOnlyDatabaseError):
            return "数据库是只读的", f"{said}刚才的修改没有保存。"
        if said == storage.DAMAGED:
            _check_the_database()
        return "读写数据时出错", f"{said}\n\n{logged}"
    if database:   # SQLite said something no sentence covers: not its English, but what it means for the clerk
        if isinstance(error, sqlite3.DatabaseError) or isinstance(getattr(error, "orig", None), sqlite3.DatabaseError):
            _check_the_database()
        return "读写数据时出错", f"读写数据库时出错，刚才的操作没有完成。已保存的数据不受影响。\n\n{logged}"
    return "程序出现意外错误", f"刚才的操作没有完成：{error}\n\n已保存的数据不受影响。{logged}"


def _check_the_database() -> None:
    """A damaged page met while working: the main window runs the full check (its banner follows)."""
    for widget in QApplication.topLevelWidgets():
        if hasattr(widget, "storage_failed"):
            widget.storage_failed()
