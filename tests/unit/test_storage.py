"""Damaged, full and read-only storage: noticed at once, said in Chinese, never written into blindly."""
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select

from gridoffice.db import DamagedDatabaseError, Database, ReadOnlyDatabaseError, StorageError
from gridoffice.db import storage
from gridoffice.domain import Community, Station
from tests.storage_support import flip_bytes_in_page, make_read_only, tiny_filesystem


def _office_with_communities(path: Path, count: int = 400) -> None:
    with Database.open(path) as db, db.session() as session:
        session.add(Station(name="中心联络站", kind="中心"))
        for number in range(count):
            session.add(Community(name=f"第{number}社区", notes="楼道灯、停车、养老服务站" * 8))


def _checkpoint(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def test_a_damaged_page_opens_read_only_and_says_so(tmp_path):
    path = tmp_path / "办公 数据.sqlite"
    _office_with_communities(path)
    _checkpoint(path)
    pages = path.stat().st_size // 4096
    flip_bytes_in_page(path, pages - 2)
    with Database.open(path) as db:
        assert db.damaged and not db.writable
        assert "数据库文件已损坏" in db.read_only_reason and "只读" in db.read_only_reason
        with pytest.raises(ReadOnlyDatabaseError) as refused, db.session() as session:
            session.add(Station(name="新站", kind="片区"))
        assert "损坏" in str(refused.value)
        assert "database" not in str(refused.value).lower()


def test_a_file_whose_schema_cannot_be_read_is_refused_in_chinese(tmp_path):
    path = tmp_path / "坏 数据.sqlite"
    _office_with_communities(path, count=5)
    _checkpoint(path)
    flip_bytes_in_page(path, 1, count=300)   # page 1 after the 100-byte header: the schema table
    with pytest.raises(DamagedDatabaseError) as refused:
        Database.open(path)
    assert "已损坏" in str(refused.value) and "备份" in str(refused.value)


def test_the_full_check_finds_a_dangling_reference(tmp_path):
    path = tmp_path / "关联.sqlite"
    _office_with_communities(path, count=2)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys=OFF")
    connection.execute("INSERT INTO deputy_grid (deputy_id, grid_id) VALUES (998, 999)")
    connection.commit()
    connection.close()
    with Database.open(path) as db:
        assert db.writable                     # quick check: pages are sound
        health = db.check()
    assert health.dangling == 1 and not health.ok
    assert "引用了不存在的记录" in health.summary()


def test_a_full_disk_is_said_in_chinese_and_keeps_what_was_saved(tmp_path):
    with tiny_filesystem(tmp_path / "小盘", 1500) as folder:   # the schema alone takes some 700 KB
        path = folder / "办公 数据.sqlite"
        _office_with_communities(path, count=5)
        with Database.open(path) as db:
            with pytest.raises(StorageError) as full:
                for batch in range(200):
                    with db.session() as session:
                        session.add_all(Community(name=f"批{batch}-{n}", notes="很长的备注" * 400) for n in range(20))
            assert str(full.value) == storage.DISK_FULL
        with Database.open(path) as db, db.session() as session:
            assert len(session.exec(select(Community).where(Community.name.startswith("第"))).all()) == 5


def test_a_write_protected_stick_opens_read_only(tmp_path):
    with tiny_filesystem(tmp_path / "U盘", 4096) as folder:
        path = folder / "办公 数据.sqlite"
        _office_with_communities(path, count=3)
        make_read_only(folder)
        with Database.open(path) as db:
            assert not db.writable and not db.damaged
            assert "只读位置" in db.read_only_reason
            with db.session() as session:
                assert len(session.exec(select(Community)).all()) == 3
            with pytest.raises(ReadOnlyDatabaseError), db.session() as session:
                session.add(Community(name="新社区"))


@pytest.mark.parametrize("error, expected", [
    (sqlite3.OperationalError("database or disk is full"), storage.DISK_FULL),
    (sqlite3.OperationalError("attempt to write a readonly database"), storage.READ_ONLY),
    (sqlite3.DatabaseError("database disk image is malformed"), storage.DAMAGED),
    (sqlite3.OperationalError("disk I/O error"), storage.DEVICE_GONE),
    (OSError(28, "No space left on device"), storage.DISK_FULL),
    (OSError(30, "Read-only file system"), storage.READ_ONLY),
    (OSError(5, "Input/output error"), storage.DEVICE_GONE),
    (ValueError("no storage problem"), None),
])
def test_storage_errors_are_explained(error, expected):
    assert storage.explain(error) == expected
