"""Restore: the swap, what is kept aside, and a corpus of bad files refused every time."""
import datetime as dt
import random
import sqlite3
from pathlib import Path

import pytest

from gridoffice.db import Database, DatabaseLockedError
from gridoffice.db.migrate import head_revision
from gridoffice.services.backup.create import create_backup, take_snapshot
from gridoffice.services.backup.container import DATABASE_PART, BackupFileError, ContainerWriter, Manifest
from gridoffice.services.backup.verify import is_encrypted, verify_backup
from gridoffice.services.backup.restore import restore_backup

from tests.backup_support import break_an_index, live_state, make_office, office_content

pytestmark = pytest.mark.sqlite_only   # file backups, restores and storage faults of the SQLite file

NOW = dt.datetime(2026, 11, 20, 9, 30)
OLD_PHOTOS = {"照片/旧.jpg": b"old photo" * 300}
NEW_PHOTOS = {"照片/新 1.jpg": b"new photo one" * 400, "地图/新 图.png": b"new map" * 900}
PASSWORD = "正确的密码"


@pytest.fixture(scope="module")
def backups(tmp_path_factory) -> dict[str, Path]:
    """A plain and a password-protected backup of the "new" office, and bad files made from them."""
    folder = tmp_path_factory.mktemp("备份 来源")
    source = make_office(folder / "新办公室.sqlite", "新办公室", stations=4, photos=NEW_PHOTOS)
    usb = folder / "U盘"
    usb.mkdir()
    made = {"plain": create_backup(source, usb, now=NOW).path,
            "encrypted": create_backup(source, usb, now=NOW, password=PASSWORD).path}
    made.update(_bad_files(folder, source, made))
    return made


def _bad_files(folder: Path, source: Path, good: dict[str, Path]) -> dict[str, Path]:
    plain = good["plain"].read_bytes()
    files = {
        "empty": b"",
        "random": random.Random(7).randbytes(20_000),
        "text": "这只是一个文本文件\r\n".encode() * 50,
        "magic only": plain[:8],
        "truncated header": plain[:30],
        "truncated middle": plain[:len(plain) // 2],
        "truncated end": plain[:-1],
        "extra bytes": plain + b"\x00",
    }
    bad = {}
    for name, data in files.items():
        bad[name] = folder / f"{name}.gobak"
        bad[name].write_bytes(data)
    foreign = folder / "其他程序.sqlite"
    connection = sqlite3.connect(str(foreign))
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.execute("INSERT INTO contacts VALUES ('张三')")
    connection.commit()
    connection.close()
    bad["other program's sqlite"] = foreign
    bad["our database itself"] = source
    bad["newer schema"] = _crafted_backup(folder, source, "newer.gobak", revision="9999")
    bad["other program inside"] = _crafted_backup(folder, source, "foreign-inside.gobak", application_id=0)
    broken = folder / "坏索引.sqlite"
    broken.write_bytes(source.read_bytes())
    break_an_index(broken)
    bad["integrity fails"] = _crafted_backup(folder, broken, "integrity.gobak")
    return bad


def _crafted_backup(folder: Path, db_path: Path, name: str, *, revision: str | None = None,
                    application_id: int | None = None) -> Path:
    """A well-formed container around a database image the program must still refuse."""
    copy = folder / f"{name}.sqlite"
    copy.write_bytes(db_path.read_bytes())
    connection = sqlite3.connect(str(copy))
    if revision:
        connection.execute("UPDATE alembic_version SET version_num=?", (revision,))
    if application_id is not None:
        connection.execute(f"PRAGMA application_id={application_id}")
    connection.commit()
    connection.close()
    snapshot = take_snapshot(copy) if application_id is None else None
    if snapshot is None:   # take_snapshot refuses foreign databases; build the image by hand
        connection = sqlite3.connect(str(copy))
        data, counts = connection.serialize(), {}
        connection.close()
    else:
        data, counts = snapshot.data, snapshot.row_counts
        snapshot.connection.close()
    path = folder / name
    with path.open("wb") as raw:
        writer = ContainerWriter(raw)
        part = writer.add(DATABASE_PART, data)
        writer.finish(Manifest("0.1.0", revision or head_revision(), 1, NOW.isoformat(), "新办公室", "pc", copy.name,
                               counts, [part]))
    return path


@pytest.fixture
def live(tmp_path: Path) -> Path:
    return make_office(tmp_path / "当前 数据" / "台账.sqlite", "旧办公室", stations=2, photos=OLD_PHOTOS)


def test_restore_replaces_database_and_attachments_and_keeps_the_old_aside(backups, live):
    old = office_content(live)
    result = restore_backup(backups["plain"], live, now=NOW)
    office, stations, photos = office_content(live)
    assert office == "新办公室" and len(stations) == 4
    assert set(photos) == set(NEW_PHOTOS)
    assert result.database_aside.name == "台账.恢复前-20261120-093000.sqlite"
    assert office_content(result.database_aside)[:2] == old[:2]
    assert {p.relative_to(result.attachments_aside).as_posix() for p in result.attachments_aside.rglob("*.jpg")} \
        == set(OLD_PHOTOS)
    leftovers = [p.name for p in live.parent.iterdir() if "恢复中" in p.name or "恢复日志" in p.name]
    assert leftovers == []
    with Database.open(live) as db:   # opens without complaint; nothing left to migrate
        assert db.migration_backup is None


def test_restore_of_an_encrypted_backup_needs_the_password(backups, live):
    assert is_encrypted(backups["encrypted"]) and not is_encrypted(backups["plain"])
    before = live_state(live)
    with pytest.raises(BackupFileError) as missing:
        restore_backup(backups["encrypted"], live, now=NOW)
    assert missing.value.kind == "password_needed"
    assert live_state(live) == before
    restore_backup(backups["encrypted"], live, password=PASSWORD, now=NOW)
    assert office_content(live)[0] == "新办公室"


def test_restore_onto_a_new_pc_with_no_database_yet(backups, tmp_path):
    target = tmp_path / "新电脑" / "gridoffice.sqlite"
    result = restore_backup(backups["plain"], target, now=NOW)
    assert result.database_aside is None and result.attachments_aside is None
    assert office_content(target)[0] == "新办公室"


def test_restore_is_refused_while_the_database_is_open(backups, live):
    before = live_state(live)
    with Database.open(live):
        with pytest.raises(DatabaseLockedError, match="已被另一个 gridoffice 打开"):
            restore_backup(backups["plain"], live, now=NOW)
    assert live_state(live) == before


REFUSED = {
    "empty": "empty", "random": "not_backup", "text": "not_backup", "magic only": "truncated",
    "truncated header": "truncated", "truncated middle": "truncated", "truncated end": "truncated",
    "extra bytes": "truncated", "other program's sqlite": "sqlite", "our database itself": "sqlite",
    "newer schema": "newer_schema", "other program inside": "foreign_database", "integrity fails": "integrity",
}


@pytest.mark.parametrize("name", REFUSED)
def test_bad_files_are_refused_and_the_live_database_stays_byte_identical(backups, live, name):
    before = live_state(live)
    with pytest.raises(BackupFileError) as refused:
        restore_backup(backups[name], live, now=NOW)
    assert refused.value.kind == REFUSED[name]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(refused.value))   # said in Chinese
    assert live_state(live) == before
    assert sorted(p.name for p in live.parent.iterdir()) == ["台账-附件", "台账.sqlite", "台账.sqlite.lock"]


def test_messages_say_plainly_what_is_wrong(backups):
    said = {}
    for name in ("empty", "truncated middle", "other program's sqlite", "newer schema", "integrity fails"):
        with pytest.raises(BackupFileError) as refused:
            verify_backup(backups[name])
        said[name] = str(refused.value)
    assert "空的" in said["empty"]
    assert "不完整" in said["truncated middle"]
    assert "其他程序" in said["other program's sqlite"]
    assert "更新版本" in said["newer schema"] and "9999" in said["newer schema"]
    assert "完整性检查" in said["integrity fails"]


def test_a_wrong_password_is_refused_as_such(backups, live):
    before = live_state(live)
    with pytest.raises(BackupFileError) as refused:
        restore_backup(backups["encrypted"], live, password="错误的密码", now=NOW)
    assert refused.value.kind == "wrong_password" and "密码错误" in str(refused.value)
    assert live_state(live) == before


def _flipped(source: Path, folder: Path, position: int) -> Path:
    data = bytearray(source.read_bytes())
    data[position] ^= 0x01
    path = folder / f"flip-{position}-{source.name}"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("kind", ["plain", "encrypted"])
def test_one_flipped_byte_anywhere_is_refused(backups, live, tmp_path, kind):
    """Every region: magic, header, record framing, database, attachments, manifest, tag, end marker."""
    source = backups[kind]
    size = source.stat().st_size
    positions = {0, 7, 9, 12, 40, 80, 150, size // 3, size // 2, size - 600, size - 100, size - 40, size - 20,
                 size - 9, size - 1}
    positions |= set(random.Random(kind).sample(range(size), 12 if kind == "plain" else 4))
    before = live_state(live)
    password = PASSWORD if kind == "encrypted" else None
    for position in sorted(positions):
        bad = _flipped(source, tmp_path, position)
        with pytest.raises(BackupFileError) as refused:
            restore_backup(bad, live, password=password, now=NOW)
        assert refused.value.kind in ("corrupt", "truncated", "not_backup"), (position, refused.value.kind)
        bad.unlink()
    assert live_state(live) == before


def test_verify_accepts_the_good_backups(backups):
    assert verify_backup(backups["plain"]).manifest.office_name == "新办公室"
    assert verify_backup(backups["encrypted"], PASSWORD).manifest.row_counts["station"] == 4


def test_a_full_data_disk_during_the_restore_changes_nothing(backups, live, monkeypatch):
    import errno

    import gridoffice.services.backup.verify as verify_module
    from gridoffice.services.backup.restore import RestoreError

    def full_disk(_path, _data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(verify_module, "_write_durably", full_disk)
    before = live_state(live)
    with pytest.raises(RestoreError, match="当前数据没有任何改动"):
        restore_backup(backups["plain"], live, now=NOW)
    assert live_state(live) == before
    assert sorted(p.name for p in live.parent.iterdir()) == ["台账-附件", "台账.sqlite", "台账.sqlite.lock"]
