"""One program per database file.

An OS lock on `<db>.lock`: the OS releases it when the process ends, so a crash
leaves no stale lock behind. msvcrt on Windows, fcntl elsewhere.
"""
import os
import socket
import sys
from pathlib import Path

from .errors import DatabaseLockedError
from gridoffice.clock import SYSTEM_CLOCK

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class DatabaseLock:
    """Held for as long as the program has the database open."""

    def __init__(self, db_path: Path):
        self.path = lock_path_for(db_path)
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            holder = self._read_holder(fd)
            os.close(fd)
            raise DatabaseLockedError(
                f"数据库“{self.path.with_suffix('').name}”已被另一个 gridoffice 打开{holder}。"
                "请先关闭那个窗口，同一份数据只能由一个程序同时使用。"
            )
        # byte 0 is the locked byte (Windows refuses reads of it); the holder's details follow it
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        info = f" 进程 {os.getpid()}，计算机 {socket.gethostname()}，{SYSTEM_CLOCK.now():%Y-%m-%d %H:%M}"
        os.write(fd, info.encode("utf-8"))
        os.fsync(fd)
        self._fd = fd

    @staticmethod
    def _read_holder(fd: int) -> str:
        try:
            os.lseek(fd, 1, os.SEEK_SET)
            text = os.read(fd, 300).decode("utf-8", "replace").strip()
        except OSError:
            return ""
        return f"（{text}）" if text else ""

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None
