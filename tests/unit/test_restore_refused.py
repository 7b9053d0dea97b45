"""A restore refused for any reason writes nothing anywhere: exit 2 means nothing was written.

`gridoffice restore --db` to a network path used to write the database, the attachments folder
and a lock file, and only then refuse. Every refusal is checked here against the target folder
as a whole: every file's name and bytes, before and after, including a folder that was not there.
"""
import datetime as dt
import errno
import hashlib
from pathlib import Path

import pytest

import gridoffice.services.backup.restore as restore_module
import gridoffice.services.backup.verify as verify_module
from gridoffice.cli import main as cli_main
from gridoffice.db import Database, DatabaseLockedError
from gridoffice.services.backup.container import BackupFileError
from gridoffice.services.backup.create import create_backup
from gridoffice.services.backup.restore import RestoreError, RestoreRefused, restore_backup

from tests.backup_support import make_office
from tests.storage_support import make_read_only, tiny_filesystem

pytestmark = pytest.mark.sqlite_only   # file backups, restores and storage faults of the SQLite file

NOW = dt.datetime(2026, 11, 20, 11, 0)
PASSWORD = "备份密码 2026"


@pytest.fixture(scope="module")
def backups(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("备份 来源")
    source = make_office(folder / "来源.sqlite", "新办公室", stations=3, photos={"照片/新.jpg": b"new" * 900})
    plain = create_backup(source, folder, now=NOW).path
    encrypted = create_backup(source, folder, now=NOW, password=PASSWORD).path
    damaged = folder / "中间坏了.gobak"
    data = bytearray(plain.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    return {"plain": plain, "encrypted": encrypted, "damaged": damaged}


def folder_state(folder: Path) -> dict[str, str] | None:
    """Every file and folder under `folder` with its bytes' hash; None when the folder is not there."""
    if not folder.exists():
        return None
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
            for p in sorted(folder.rglob("*"))}


@pytest.fixture(params=["existing office", "new folder"])
def target(request, tmp_path: Path) -> Path:
    """The database a restore goes to: an office in use, or a path on a PC that has none yet."""
    if request.param == "existing office":
        return make_office(tmp_path / "办公 室" / "台账.sqlite", "旧办公室", stations=2, photos={"照片/旧.jpg": b"old" * 300})
    return tmp_path / "新 电脑" / "数据" / "台账.sqlite"


def _refused(capsys, *args: str) -> str:
    code = cli_main(["restore", *args, "--yes"])
    captured = capsys.readouterr()
    assert code == 2, captured.err
    assert "Traceback" not in captured.err and "没有做任何改动" in captured.err
    return captured.err


def test_a_restore_to_a_network_path_writes_nothing(backups, target, monkeypatch, capsys):
    monkeypatch.setattr(restore_module, "is_network_path", lambda path: True)
    before = folder_state(target.parent)
    err = _refused(capsys, str(backups["plain"]), "--db", str(target))
    assert "网络共享位置" in err
    assert folder_state(target.parent) == before
    with pytest.raises(RestoreRefused):
        restore_backup(backups["plain"], target, now=NOW)
    assert folder_state(target.parent) == before


@pytest.mark.parametrize("which, extra, said", [
    ("damaged", (), "已损坏"),
    ("encrypted", (), "设有密码"),
    ("encrypted", ("wrong",), "密码错误"),
])
def test_a_refused_backup_leaves_the_target_folder_exactly_as_it_was(backups, target, tmp_path, capsys,
                                                                      which, extra, said):
    args = [str(backups[which]), "--db", str(target)]
    if extra:
        password_file = tmp_path / "密码.txt"
        password_file.write_text("不对的密码\n", encoding="utf-8")
        args += ["--password-file", str(password_file)]
    before = folder_state(target.parent)
    assert said in _refused(capsys, *args)
    assert folder_state(target.parent) == before
    with pytest.raises(BackupFileError):   # the service alone, without the command's check first
        restore_backup(backups[which], target, now=NOW, password="不对的密码" if extra else None)
    # a damage found only while unpacking is found after the lock was taken: the lock file's
    # holder line (process, computer, time) was rewritten, as by any program that takes the lock
    assert _lock_named_only(folder_state(target.parent)) == _lock_named_only(before)


def _lock_named_only(state: dict[str, str] | None) -> dict[str, str] | None:
    return state and {name: "lock" if name.endswith(".lock") else digest for name, digest in state.items()}


def test_a_target_that_is_a_folder_is_refused_before_anything(backups, tmp_path, capsys):
    folder = tmp_path / "台账.sqlite"
    folder.mkdir()
    err = _refused(capsys, str(backups["plain"]), "--db", str(folder))
    assert "是一个文件夹" in err
    assert folder_state(tmp_path) == {"台账.sqlite": "folder"}


def test_a_restore_while_the_window_has_the_office_open_writes_nothing(backups, tmp_path, capsys):
    office = make_office(tmp_path / "办公 室" / "台账.sqlite", "旧办公室", stations=2)
    with Database.open(office):
        before = folder_state(office.parent)
        assert "已被另一个 gridoffice 打开" in _refused(capsys, str(backups["plain"]), "--db", str(office))
        with pytest.raises(DatabaseLockedError):
            restore_backup(backups["plain"], office, now=NOW)
        assert folder_state(office.parent) == before


def test_a_full_disk_during_the_restore_leaves_no_folder_lock_or_file_behind(backups, tmp_path, monkeypatch):
    def full_disk(_path, _data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(verify_module, "_write_durably", full_disk)
    target = tmp_path / "新 电脑" / "台账.sqlite"
    with pytest.raises(RestoreError) as failed:
        restore_backup(backups["plain"], target, now=NOW)
    assert "磁盘已满" in str(failed.value) and "当前数据没有任何改动" in str(failed.value)
    assert not target.parent.exists()


def test_a_restore_onto_a_write_protected_stick_is_refused_in_chinese(backups, tmp_path, capsys):
    with tiny_filesystem(tmp_path / "U盘", 4096) as stick:
        office = make_office(stick / "台账.sqlite", "旧办公室", stations=2)
        make_read_only(stick)
        before = folder_state(stick)
        err = _refused(capsys, str(backups["plain"]), "--db", str(office))
        assert "只读" in err
        assert folder_state(stick) == before
