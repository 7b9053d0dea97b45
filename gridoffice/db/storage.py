"""Storage failures said in Chinese: a full disk, a read-only medium, a pulled-out stick, a damaged file.

SQLite and the OS report these in English (`database or disk is full`, `[Errno 30] Read-only
file system`); the clerk gets what happened, what to do, and whether anything was lost.
"""
import errno
import sqlite3

from .errors import StorageError  # noqa: F401  (re-exported: storage.StorageError)

DISK_FULL = "磁盘已满：请清理磁盘空间（删除不用的文件或清空回收站），或换一个有空间的位置后再试。刚才的修改没有保存，之前的数据完好。"
READ_ONLY = "这个位置是只读的（写保护的U盘、光盘或没有写入权限的文件夹），不能在这里保存。之前的数据完好；可以查看、打印、导出，或备份到其他位置。"
DEVICE_GONE = "读写磁盘时出错：U盘可能已被拔出，或磁盘有故障。刚才的操作没有完成，请重新插好U盘（或检查磁盘）后再试。"
DAMAGED = "数据库文件已损坏，不能再写入。请用“工具 → 检查数据库”查看详情，从最近的备份恢复，或把能读出的数据另存为新文件。"
BUSY = "数据库正被另一个程序使用，等待超时。请稍后再试。"

_SQLITE_CODES = {
    "SQLITE_FULL": DISK_FULL,
    "SQLITE_READONLY": READ_ONLY,
    "SQLITE_IOERR": DEVICE_GONE,
    "SQLITE_CANTOPEN": DEVICE_GONE,
    "SQLITE_CORRUPT": DAMAGED,
    "SQLITE_NOTADB": DAMAGED,
    "SQLITE_BUSY": BUSY,
    "SQLITE_LOCKED": BUSY,
}
_SQLITE_TEXTS = {
    "database or disk is full": DISK_FULL,
    "readonly database": READ_ONLY,
    "disk i/o error": DEVICE_GONE,
    "unable to open database file": DEVICE_GONE,
    "malformed": DAMAGED,
    "file is not a database": DAMAGED,
    "database is locked": BUSY,
}
_OS_ERRORS = {
    errno.ENOSPC: DISK_FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: READ_ONLY,
    errno.EPERM: READ_ONLY,
    errno.EIO: DEVICE_GONE,
    errno.ENODEV: DEVICE_GONE,
    errno.ENXIO: DEVICE_GONE,
}
if hasattr(errno, "EDQUOT"):
    _OS_ERRORS[errno.EDQUOT] = DISK_FULL
# Windows: ERROR_DISK_FULL 112, ERROR_HANDLE_DISK_FULL 39, ERROR_WRITE_PROTECT 19,
# ERROR_NOT_READY 21 (the stick was pulled), ERROR_DEV_NOT_EXIST 55
_WINDOWS_ERRORS = {112: DISK_FULL, 39: DISK_FULL, 19: READ_ONLY, 21: DEVICE_GONE, 55: DEVICE_GONE}


def explain(error: BaseException) -> str | None:
    """The Chinese sentence for a storage failure, or None if `error` is something else."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        message = _explain_one(error)
        if message:
            return message
        error = getattr(error, "orig", None) or error.__cause__ or error.__context__
    return None


def _explain_one(error: BaseException) -> str | None:
    if isinstance(error, StorageError):
        return str(error)
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorname", "") or ""
        for prefix, message in _SQLITE_CODES.items():
            if code.startswith(prefix):
                return message
        text = str(error).lower()
        return next((message for key, message in _SQLITE_TEXTS.items() if key in text), None)
    if isinstance(error, OSError):
        winerror = getattr(error, "winerror", None)
        if winerror in _WINDOWS_ERRORS:
            return _WINDOWS_ERRORS[winerror]
        return _OS_ERRORS.get(error.errno)
    return None


def as_storage_error(error: BaseException) -> StorageError | None:
    message = explain(error)
    return StorageError(message) if message else None
