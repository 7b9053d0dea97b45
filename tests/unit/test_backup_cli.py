"""`gridoffice backup / verify / restore` as IT staff and scheduled tasks use them."""
import datetime as dt
from pathlib import Path

import pytest

from gridoffice.db import Database
from gridoffice.services.backup.create import create_backup

from tests.backup_support import make_office, office_content
from conftest import run_cli

pytestmark = pytest.mark.sqlite_only   # file backups, restores and storage faults of the SQLite file

NOW = dt.datetime(2026, 11, 20, 10, 0)


@pytest.fixture
def office(tmp_path: Path) -> Path:
    return make_office(tmp_path / "办公 室" / "台账.sqlite", "锦塘街道人大工委", stations=3,
                       photos={"照片/一.jpg": b"photo" * 200})


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    path = tmp_path / "密码.txt"
    path.write_text("备份密码 2026\n", encoding="utf-8")
    return path


def test_backup_while_the_window_has_the_database_open(office, tmp_path, password_file):
    usb = tmp_path / "U盘"
    usb.mkdir()
    with Database.open(office):   # the window holds the lock
        result = run_cli("backup", "--db", str(office), "--to", str(usb), "--password-file", str(password_file))
    assert result.returncode == 0, result.stderr
    made = list(usb.glob("gridoffice-锦塘街道人大工委-*.gobak"))
    assert len(made) == 1
    assert "已读回校验" in result.stdout and "联络站 3" in result.stdout
    verified = run_cli("verify", str(made[0]), "--password-file", str(password_file))
    assert verified.returncode == 0 and "备份完好" in verified.stdout
    missing_password = run_cli("verify", str(made[0]))
    assert missing_password.returncode == 2 and "设有密码" in missing_password.stderr


def test_backup_to_a_missing_folder_is_refused_and_says_why(office, tmp_path):
    result = run_cli("backup", "--db", str(office), "--to", str(tmp_path / "没有这个文件夹"))
    assert result.returncode == 2 and "找不到目标文件夹" in result.stderr   # 2: refused, nothing written


def test_backup_of_a_missing_database_creates_nothing(tmp_path):
    target = tmp_path / "打错的名字.sqlite"
    result = run_cli("backup", "--db", str(target), "--to", str(tmp_path))
    assert result.returncode == 2 and "找不到数据库文件" in result.stderr
    assert not target.exists()


def test_verify_refuses_bad_files_with_exit_2_and_the_reason(tmp_path):
    empty = tmp_path / "空.gobak"
    empty.write_bytes(b"")
    result = run_cli("verify", str(empty))
    assert result.returncode == 2 and "空的" in result.stderr


def test_restore_is_refused_while_the_window_runs_and_works_after(office, tmp_path):
    source = make_office(tmp_path / "新" / "新.sqlite", "新办公室", stations=5)
    backup = create_backup(source, tmp_path / "新", now=NOW).path
    before = office.read_bytes()
    with Database.open(office):
        refused = run_cli("restore", str(backup), "--db", str(office), "--yes")
    assert refused.returncode == 2 and "已被另一个 gridoffice 打开" in refused.stderr
    assert "没有做任何改动" in refused.stderr
    assert office.read_bytes() == before
    unconfirmed = run_cli("restore", str(backup), "--db", str(office))
    assert unconfirmed.returncode == 2 and "--yes" in unconfirmed.stderr
    done = run_cli("restore", str(backup), "--db", str(office), "--yes")
    assert done.returncode == 0, done.stderr
    assert "恢复前的数据已另存为" in done.stdout
    assert office_content(office)[0] == "新办公室" and len(office_content(office)[1]) == 5


def test_restore_refuses_a_bad_file_without_touching_anything(office, tmp_path):
    bad = tmp_path / "坏.gobak"
    bad.write_bytes(b"GOBAK\r\n\x1a" + b"\x00" * 100)
    before = office.read_bytes()
    result = run_cli("restore", str(bad), "--db", str(office), "--yes")
    assert result.returncode == 2 and "没有做任何改动" in result.stderr
    assert office.read_bytes() == before
