"""The way out of a damaged database: saving what can be read into a new, checked file, and the
backups there are to restore (automatic and USB, newest first, each checked)."""
import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import func, select

from gridoffice.db import Database
from gridoffice.db.engine import APPLICATION_ID
from gridoffice.db.health import full_check, quick_check
from gridoffice.domain import Community, Station
from gridoffice.paths import attachments_dir
from gridoffice.services.backup.auto import auto_backup_folder, make_auto_backup, record_usb_backup
from gridoffice.services.backup.create import create_backup
from gridoffice.services.backup.recover import (LOCAL, USB, SalvageError, check_backup, known_backups, salvage,
                                                salvage_file_name, usb_backup_path)

from tests.backup_support import add_dangling_reference, make_office
from tests.storage_support import flip_bytes_in_page

pytestmark = pytest.mark.sqlite_only   # about the SQLite file itself

NOW = dt.datetime(2026, 11, 20, 16, 5)


@pytest.fixture(autouse=True)
def _own_data_folder(tmp_path: Path, monkeypatch):
    """Automatic backups go to the data folder: each test its own, so no other test's backups are listed."""
    monkeypatch.setenv("GRIDOFFICE_DATA_DIR", str(tmp_path / "数据 文件夹"))


@pytest.fixture
def office(tmp_path: Path) -> Path:
    return make_office(tmp_path / "办公 室" / "台账.sqlite", "锦塘街道人大工委", stations=4,
                       photos={"照片/走访.jpg": b"\xff\xd8 photo" * 500})


def damage_a_table(path: Path, table: str, rows: int = 600) -> None:
    """`rows` communities, then bytes flipped in one of the table's leaf pages in the middle."""
    with Database.open(path) as db, db.session() as session:
        for number in range(rows):
            session.add(Community(name=f"第{number:03d}社区", notes="楼道灯" * 40))
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = [page for (page,) in connection.execute(
        "SELECT pageno FROM dbstat WHERE name=? AND pagetype='leaf' ORDER BY pageno", (table,))]
    connection.close()
    flip_bytes_in_page(path, pages[len(pages) // 2])


def _rows(path: Path, table: str) -> list[tuple]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
    finally:
        connection.close()


def _tables(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    finally:
        connection.close()


def _no_english(text: str) -> None:
    for word in ("Error", "malformed", "database", "FOREIGN KEY", "constraint", "Traceback"):
        assert word not in text, text


# --- saving what can be read ------------------------------------------------------------------
def test_a_damaged_page_loses_only_its_rows_and_the_new_file_passes_the_check(office, tmp_path):
    stations_before = _rows(office, "station")
    damage_a_table(office, "community")
    assert not quick_check(office).ok
    target = tmp_path / "新 文件" / "读出的数据.sqlite"
    target.parent.mkdir()
    steps = []
    result = salvage(office, target, progress=lambda what, done, total: steps.append(what))

    assert result.path == target and target.exists()
    assert full_check(target).ok and result.health.ok and result.sound
    communities = [name for (name,) in sqlite3.connect(target).execute("SELECT name FROM community")]
    damaged = {table.name: table for table in result.damaged_tables}
    assert list(damaged) == ["community"]
    assert 0 < damaged["community"].lost < 30 and len(communities) == 600 - damaged["community"].lost
    assert len(set(communities)) == len(communities)
    assert _rows(target, "station") == stations_before   # the sound tables entirely, ids kept
    assert _rows(target, "setting") == _rows(office, "setting")
    connection = sqlite3.connect(target)
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone() is not None
    connection.close()
    assert (attachments_dir(target) / "照片" / "走访.jpg").read_bytes() == b"\xff\xd8 photo" * 500
    said = "\n".join(result.lines())
    assert f"约 {damaged['community'].lost} 条记录无法读出" in said and "社区/村" in said
    assert "新文件已检查（完整性和关联）：完好" in said and str(target) in said
    _no_english(said.replace(str(target), ""))
    assert "正在读出社区/村…" in steps and "正在检查新文件…" in steps
    with Database.open(target) as db:   # the new file is a whole office the program opens and writes to
        assert db.writable
        with db.session() as session:
            session.add(Station(name="新文件里的新站"))
        with db.session() as session:
            assert session.exec(select(func.count()).select_from(Community)).one() == len(communities)


def test_an_undamaged_file_is_copied_whole(office, tmp_path):
    result = salvage(office, tmp_path / "副本.sqlite")
    assert result.clean and not result.damaged_tables and result.lost_rows == 0
    for table in _tables(office):
        assert _rows(result.path, table) == _rows(office, table), table
    assert "所有记录都已读出" in "\n".join(result.lines())


def test_the_damaged_file_is_only_read(office, tmp_path):
    damage_a_table(office, "community")
    before = office.read_bytes()
    salvage(office, tmp_path / "读出.sqlite")
    assert office.read_bytes() == before


def test_a_dangling_reference_is_carried_over_and_said(office, tmp_path):
    add_dangling_reference(office)
    result = salvage(office, tmp_path / "读出.sqlite")
    assert not result.damaged_tables           # every row was read…
    assert result.health.dangling == 1 and not result.sound and not result.clean   # …but the check says what is wrong
    said = "\n".join(result.lines())
    assert "有 1 条记录引用了不存在的记录" in said
    _no_english(said.replace(str(result.path), ""))


def test_rows_that_point_at_lost_records_can_be_left_out(office, tmp_path):
    """The clerk's choice (the dialog's default): a new file that passes the check, the left-out rows said."""
    add_dangling_reference(office)
    result = salvage(office, tmp_path / "读出.sqlite", drop_dangling=True)
    assert result.health.ok and result.sound and not result.clean
    assert [(table.name, table.dropped) for table in result.dropped_tables] == [("deputy_grid", 1)]
    assert _rows(result.path, "deputy_grid") == []
    said = "\n".join(result.lines())
    assert "另有 1 条记录所关联的记录已读不出来（代表进网格 1 条），没有放进新文件" in said
    assert "新文件已检查（完整性和关联）：完好" in said


def test_rows_past_a_damaged_page_in_the_middle_are_read(tmp_path):
    """The scan goes on after the damage: rows before and after the damaged page are both saved."""
    path = tmp_path / "中间.sqlite"
    damage_a_table(path, "community")
    result = salvage(path, tmp_path / "读出.sqlite")
    names = [name for (name,) in sqlite3.connect(result.path).execute("SELECT name FROM community ORDER BY id")]
    assert names[0] == "第000社区" and names[-1] == "第599社区"
    (community,) = result.damaged_tables
    assert community.lost == 600 - len(names) and 0 < community.lost < 30
    assert result.health.ok


def test_a_file_whose_schema_is_unreadable_saves_nothing(office, tmp_path):
    connection = sqlite3.connect(office)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    flip_bytes_in_page(office, 1, count=300)
    with pytest.raises(SalvageError) as refused:
        salvage(office, tmp_path / "读出.sqlite")
    assert "备份恢复" in str(refused.value)
    _no_english(str(refused.value))
    assert not list(tmp_path.glob("*读出*"))   # nothing left behind, not even the temporary file


def test_an_existing_file_is_never_replaced(office, tmp_path):
    taken = tmp_path / "读出.sqlite"
    taken.write_bytes(b"the clerk's own file")
    result = salvage(office, taken)
    assert result.path == tmp_path / "读出-2.sqlite"
    assert taken.read_bytes() == b"the clerk's own file"


def test_the_suggested_name_says_what_it_is():
    assert salvage_file_name(Path("/数据/gridoffice.sqlite"), NOW) == "gridoffice-读出的数据-20261120-160500.sqlite"


# --- the backups there are ----------------------------------------------------------------------
def test_automatic_and_usb_backups_are_listed_newest_first_and_checked(office, tmp_path):
    older, _removed = make_auto_backup(office, NOW - dt.timedelta(days=2))
    newer, _removed = make_auto_backup(office, NOW - dt.timedelta(hours=3))
    stick = tmp_path / "U盘 (F)"
    (stick / "备份").mkdir(parents=True)
    usb = create_backup(office, stick / "备份", now=NOW - dt.timedelta(days=1))
    with Database.open(office) as db:
        record_usb_backup(db, usb, NOW - dt.timedelta(days=1))
        assert usb_backup_path(db) == str(usb.path)
    backups = known_backups(office, str(usb.path), drives=[])
    assert [backup.path for backup in backups] == [newer.path, usb.path, older.path]
    assert [backup.where for backup in backups] == [LOCAL, USB, LOCAL]
    assert backups[0].made_at == (NOW - dt.timedelta(hours=3)).replace(microsecond=0)
    assert all(backup.available for backup in backups)
    check = check_backup(newer.path)
    assert check.good and check.made_at == NOW - dt.timedelta(hours=3) and "完好" in check.text


def test_a_usb_stick_under_another_letter_or_not_plugged_in(office, tmp_path):
    stick = tmp_path / "U盘"
    (stick / "备份").mkdir(parents=True)
    usb = create_backup(office, stick / "备份", now=NOW)
    recorded = tmp_path / "拔出的U盘" / "备份" / usb.path.name   # where it was: the stick is gone
    backups = known_backups(office, str(recorded), drives=[])
    assert [(backup.path, backup.available) for backup in backups] == [(recorded, False)]
    assert check_backup(recorded).good is None and "找不到" in check_backup(recorded).text
    # plugged in again where the clerk's PC mounts sticks: found in its root and in the same folder
    (stick / usb.path.name).write_bytes(usb.path.read_bytes())
    found = {backup.path for backup in known_backups(office, str(recorded), drives=[stick])}
    assert stick / usb.path.name in found


def test_a_damaged_or_locked_backup_is_said_as_such(office, tmp_path):
    good = create_backup(office, tmp_path, now=NOW)
    broken = tmp_path / "坏.gobak"
    data = bytearray(good.path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    broken.write_bytes(bytes(data))
    check = check_backup(broken)
    assert check.good is False and "已损坏" in check.text
    (tmp_path / "密").mkdir()
    locked = create_backup(office, tmp_path / "密", now=NOW, password="六位以上的密码")
    check = check_backup(locked.path)
    assert check.good is None and "密码" in check.text


def test_the_usb_path_of_a_database_that_cannot_say_it_is_empty(tmp_path):
    class Broken:
        def session(self):
            raise sqlite3.DatabaseError("database disk image is malformed")

    assert usb_backup_path(Broken()) == ""
    assert known_backups(tmp_path / "无.sqlite", "", drives=[]) == []
    assert auto_backup_folder(tmp_path / "无.sqlite").name == "无"


def test_salvage_copies_even_when_the_source_folder_is_read_only(office, tmp_path):
    """The damaged file on a read-only medium: opened as it is, and still read."""
    from tests.storage_support import make_read_only, tiny_filesystem

    with tiny_filesystem(tmp_path / "U盘", 4096) as folder:
        copy = folder / office.name   # a WAL database: SQLite cannot make its -shm file there
        shutil.copyfile(office, copy)
        make_read_only(folder)
        result = salvage(copy, tmp_path / "读出.sqlite")
        assert result.clean
