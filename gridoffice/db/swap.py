"""Swapping a restored database (and its attachments folder) in, so that a crash never mixes.

The restore first writes the new database and attachments under temporary names beside the
live ones and flushes them. Then it writes a small journal naming them: the journal is the
point of no return. `roll_forward` moves the new files in, step by step, each step safe to
repeat, and removes the journal last. `finish_interrupted_restore`, called by
Database.open under the lock, completes a swap whose journal exists (roll forward) and
deletes the temporary files of a restore that never wrote its journal (roll back). So after
any crash, the next open sees either the old database and attachments, or the new ones.
"""
import json
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from gridoffice.paths import attachments_dir

from .errors import DatabaseOpenError


@dataclass(frozen=True)
class SwapPlan:
    """Names (in the database's folder) of what goes in and where the old attachments go."""
    new_database: str
    new_attachments: str
    old_attachments: str


def journal_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".恢复日志")


def new_database_path(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}.恢复中")


def new_attachments_path(db_path: Path) -> Path:
    folder = attachments_dir(db_path)
    return folder.with_name(folder.name + ".恢复中")


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no directory handles for this)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_journal(db_path: Path, plan: SwapPlan) -> None:
    journal = journal_path(db_path)
    temporary = journal.with_name(journal.name + ".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        json.dump(asdict(plan), handle, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, journal)
    fsync_dir(db_path.parent)


def read_journal(db_path: Path) -> SwapPlan | None:
    journal = journal_path(db_path)
    if not journal.exists():
        return None
    return SwapPlan(**json.loads(journal.read_text(encoding="utf-8")))


def roll_forward(db_path: Path, plan: SwapPlan) -> None:
    """Put the new database and attachments in place; every step may be repeated after a crash."""
    folder = db_path.parent
    new_database = folder / plan.new_database
    if new_database.exists():
        # the old database was checkpointed before the journal was written: its -wal holds
        # nothing, and left in place it would be replayed onto the new file
        for suffix in ("-wal", "-shm", "-journal"):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        os.replace(new_database, db_path)
        fsync_dir(folder)
    new_attachments = folder / plan.new_attachments
    if new_attachments.exists():
        current = attachments_dir(db_path)
        if current.exists():
            os.rename(current, folder / plan.old_attachments)
        os.rename(new_attachments, current)
        fsync_dir(folder)
    journal_path(db_path).unlink()
    fsync_dir(folder)


def roll_back(db_path: Path) -> None:
    """Delete what a restore without a journal left behind; the live files were never touched."""
    import shutil

    new_database_path(db_path).unlink(missing_ok=True)
    journal_path(db_path).with_name(journal_path(db_path).name + ".tmp").unlink(missing_ok=True)
    new_attachments = new_attachments_path(db_path)
    if new_attachments.exists():
        shutil.rmtree(new_attachments)


def finish_interrupted_restore(db_path: Path) -> None:
    """Complete or undo a restore that was interrupted. Call while holding the database's lock."""
    try:
        plan = read_journal(db_path)
        if plan is not None:
            roll_forward(db_path, plan)
        elif new_database_path(db_path).exists() or new_attachments_path(db_path).exists():
            roll_back(db_path)
    except (OSError, ValueError, TypeError) as error:
        raise DatabaseOpenError(
            f"上次从备份恢复时被中断，现在无法完成（{error}）。请关闭可能占用“{db_path.parent}”中文件的程序"
            "（如图片查看器、资源管理器）后重新打开。数据没有丢失。") from error
