"""Backups: what the file holds, passwords, names, free space, write errors, concurrent writers."""
import datetime as dt
import errno
import hashlib
import json
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import select

import gridoffice.services.backup.create as backup_module
from gridoffice import __version__
from gridoffice.db import Database
from gridoffice.db.migrate import head_revision, schema_version
from gridoffice.domain import Community, Station
from gridoffice.domain.settings import Setting
from gridoffice.services.backup.create import BackupError, create_backup, estimated_size, password_problem
from gridoffice.services.backup.container import BackupFileError
from gridoffice.services.backup.verify import manifest_lines, verify_backup
from gridoffice.services.backup.restore import restore_backup

from tests.backup_support import break_an_index, file_hashes, make_office, office_content

pytestmark = pytest.mark.sqlite_only   # file backups, restores and storage faults of the SQLite file

NOW = dt.datetime(2026, 11, 20, 14, 32, 5)
PHOTOS = {"照片/走访 1.jpg": b"\xff\xd8 first photo" * 1000, "地图/网格 图.png": b"\x89PNG map" * 5000}


@pytest.fixture
def office(tmp_path: Path) -> Path:
    return make_office(tmp_path / "办公 室" / "台账 数据.sqlite", "锦塘街道人大工委", stations=7, photos=PHOTOS)


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "U盘 (E)"
    folder.mkdir()
    return folder


def test_backup_holds_database_attachments_and_manifest(office, usb):
    result = create_backup(office, usb, now=NOW)
    assert result.path == usb / "gridoffice-锦塘街道人大工委-20261120-1432.gobak"
    assert [p.name for p in usb.iterdir()] == [result.path.name]   # no temporary file left behind
    manifest = verify_backup(result.path).manifest
    assert manifest.app_version == __version__
    assert manifest.schema_revision == head_revision() and manifest.user_version == schema_version()
    assert manifest.created_at == "2026-11-20T14:32:05"
    assert manifest.office_name == "锦塘街道人大工委"
    assert manifest.source_file == "台账 数据.sqlite"
    assert manifest.row_counts["station"] == 7 and manifest.row_counts["setting"] >= 1
    expected = {f"attachments/{name}": hashlib.sha256(data).hexdigest() for name, data in PHOTOS.items()}
    assert {p.name: p.sha256 for p in manifest.attachment_parts} == expected
    assert manifest.database_part.size > 0 and len(manifest.database_part.sha256) == 64
    lines = manifest_lines(manifest)
    assert "办公室：锦塘街道人大工委" in lines and any("联络站 7" in line for line in lines)
    counts = next(line for line in lines if line.startswith("记录数："))
    for label in ("代表建议", "为民办实事", "会议", "述职评议会", "专项活动", "回访记录", "矛盾纠纷"):
        assert f"，{label} 0" in counts


def test_restored_copy_has_the_same_data(office, usb, tmp_path):
    result = create_backup(office, usb, now=NOW)
    target = tmp_path / "另一台电脑" / "数据.sqlite"
    restore_backup(result.path, target, now=NOW)
    assert office_content(target) == office_content(office)


def test_password_protects_the_backup(office, usb):
    result = create_backup(office, usb, password="我的密码 2026", now=NOW)
    raw = result.path.read_bytes()
    assert "锦塘街道人大工委".encode() not in raw and b"first photo" not in raw   # nothing readable
    assert verify_backup(result.path, "我的密码 2026").manifest.encrypted
    with pytest.raises(BackupFileError) as wrong:
        verify_backup(result.path, "我的密码 2025")
    assert wrong.value.kind == "wrong_password" and "密码错误" in str(wrong.value)
    with pytest.raises(BackupFileError) as missing:
        verify_backup(result.path)
    assert missing.value.kind == "password_needed"


def test_a_second_backup_in_the_same_minute_never_replaces_the_first(office, usb):
    first = create_backup(office, usb, now=NOW)
    before = first.path.read_bytes()
    second = create_backup(office, usb, now=NOW)
    assert second.path.name == "gridoffice-锦塘街道人大工委-20261120-1432-2.gobak"
    assert first.path.read_bytes() == before


def test_too_little_space_is_said_before_anything_is_written(office, usb, monkeypatch):
    real = shutil.disk_usage(usb)
    monkeypatch.setattr(backup_module.shutil, "disk_usage", lambda _p: real._replace(free=50_000))
    with pytest.raises(BackupError, match="剩余空间不够") as error:
        create_backup(office, usb, now=NOW)
    assert "没有写入任何文件" in str(error.value)
    assert list(usb.iterdir()) == []


class FailingDevice:
    """A file on a device that fails (full, or pulled out) after `limit` bytes."""

    def __init__(self, path: Path, limit: int, error: int):
        self._file = open(path, "xb")
        self._left = limit
        self._errno = error

    def write(self, data) -> int:
        if len(data) > self._left:
            self._file.write(bytes(data[:self._left]))
            self._left = 0
            raise OSError(self._errno, "simulated device failure")
        self._left -= len(data)
        return self._file.write(data)

    def __getattr__(self, name):
        return getattr(self._file, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._file.close()


@pytest.mark.parametrize("error, said", [(errno.ENOSPC, "空间不足"), (errno.EIO, "U盘可能已被拔出")])
def test_a_write_error_halfway_leaves_no_backup_and_the_previous_one_intact(office, usb, monkeypatch, error, said):
    previous = create_backup(office, usb, now=NOW - dt.timedelta(days=1))
    previous_bytes = previous.path.read_bytes()
    size = previous.size
    monkeypatch.setattr(backup_module, "open_for_writing", lambda path: FailingDevice(path, size // 2, error))
    with pytest.raises(BackupError) as failure:
        create_backup(office, usb, now=NOW)
    assert said in str(failure.value) and "以前的备份文件没有改动" in str(failure.value)
    assert [p.name for p in usb.iterdir()] == [previous.path.name]
    assert previous.path.read_bytes() == previous_bytes
    verify_backup(previous.path)


class CorruptingDevice(FailingDevice):
    """A device that silently changes one byte: the read-back must catch it."""

    def __init__(self, path: Path, at: int):
        super().__init__(path, limit=1 << 40, error=0)
        self._at = at
        self._seen = 0

    def write(self, data) -> int:
        data = bytearray(data)
        if self._seen <= self._at < self._seen + len(data):
            data[self._at - self._seen] ^= 0x20
        self._seen += len(data)
        return super().write(data)


def test_a_device_that_changes_bytes_is_caught_by_the_read_back(office, usb, monkeypatch):
    monkeypatch.setattr(backup_module, "open_for_writing", lambda path: CorruptingDevice(path, at=50_000))
    with pytest.raises(BackupError, match="读回校验失败"):
        create_backup(office, usb, now=NOW)
    assert list(usb.iterdir()) == []


def test_a_database_failing_integrity_check_is_not_passed_off_as_a_good_backup(office, usb):
    break_an_index(office)
    with pytest.raises(BackupError, match="完整性检查"):
        create_backup(office, usb, now=NOW)
    assert list(usb.iterdir()) == []


def test_a_missing_target_folder_is_said(office, tmp_path):
    with pytest.raises(BackupError, match="找不到目标文件夹"):
        create_backup(office, tmp_path / "拔出的U盘", now=NOW)


def test_estimated_size_covers_the_backup(office, usb):
    result = create_backup(office, usb, now=NOW)
    assert estimated_size(office) >= result.size


def test_backup_while_another_thread_writes_restores_to_a_consistent_database(office, usb, tmp_path):
    """Each write adds a community to a new station and counts stations in a setting, atomically."""
    stop = threading.Event()
    written = []

    def writer():
        with Database.open(office, lock=False) as db:
            number = 0
            while not stop.is_set() or number < 20:
                with db.session() as session:
                    station = Station(name=f"并发联络站{number}")
                    session.add(station)
                    session.flush()
                    session.add(Community(name=f"并发社区{number}", station_id=station.id))
                    total = session.exec(select(func.count()).select_from(Station)).one()
                    setting = session.get(Setting, "test.stations") or Setting(key="test.stations")
                    setting.value = str(total)
                    session.add(setting)
                written.append(number)
                number += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 5:
            threading.Event().wait(0.01)
        backups = [create_backup(office, usb, now=NOW + dt.timedelta(minutes=n)) for n in range(3)]
    finally:
        stop.set()
        thread.join()
    seen = []
    for number, result in enumerate(backups):
        target = tmp_path / f"恢复 {number}" / "数据.sqlite"
        restore_backup(result.path, target, now=NOW)
        connection = sqlite3.connect(str(target))
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
            stations = connection.execute("SELECT count(*) FROM station").fetchone()[0]
            counted = connection.execute("SELECT value FROM setting WHERE key='test.stations'").fetchone()
            communities = connection.execute("SELECT count(*) FROM community WHERE name LIKE '并发%'").fetchone()[0]
        finally:
            connection.close()
        assert counted is None or int(counted[0]) == stations
        assert communities == stations - 7
        assert file_hashes(target.with_name("数据-附件")) == file_hashes(office.with_name("台账 数据-附件"))
        seen.append(stations)
    assert seen == sorted(seen) and seen[-1] > 7


def test_manifest_is_plain_json_inside_an_unencrypted_backup(office, usb):
    """IT staff can read what a backup holds without the program (the manifest is the last record)."""
    result = create_backup(office, usb, now=NOW)
    raw = result.path.read_bytes()
    start = raw.rindex(b'{\n "app_version"')
    manifest = json.loads(raw[start:raw.index(b"\n}", start) + 2])
    assert manifest["office_name"] == "锦塘街道人大工委"


def test_no_backup_while_an_interrupted_restore_waits_to_be_completed(office, usb):
    from gridoffice.db.swap import journal_path

    journal_path(office).write_text("{}", encoding="utf-8")
    with pytest.raises(BackupError, match="恢复还没有完成"):
        create_backup(office, usb, now=NOW)
    assert list(usb.iterdir()) == []


def test_a_new_password_is_long_enough_and_typed_twice_the_same():
    assert password_problem("abc12", "abc12") == "密码至少要 6 位。"
    assert password_problem("secret-2026", "secret-2025") == "两次输入的密码不一样，请重新输入。"
    assert password_problem("我的密码 2026", "我的密码 2026") == ""
