"""Backups of damaged offices, backups holding damaged databases, and what killed backups leave behind.

A backup is only called good after SQLite's integrity_check and foreign_key_check: an office with a
damaged page or a reference to a missing record is refused (in Chinese, nothing left on the stick),
and a backup file whose database has either does not verify and is never restored.
"""
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gridoffice.cli import main as cli_main
from gridoffice.services.backup.container import DATABASE_PART, BackupFileError, ContainerWriter
from gridoffice.services.backup.create import BackupRefused, PartInUse, create_backup, remove_leftovers, take_snapshot
from gridoffice.services.backup.restore import restore_backup
from gridoffice.services.backup.verify import verify_backup

from tests.backup_support import add_dangling_reference, damage_a_page, live_state, make_office

pytestmark = pytest.mark.sqlite_only   # file backups, restores and storage faults of the SQLite file

NOW = dt.datetime(2026, 11, 20, 16, 5)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def office(tmp_path: Path) -> Path:
    return make_office(tmp_path / "办公 室" / "台账.sqlite", "锦塘街道人大工委", stations=4,
                       photos={"照片/走访.jpg": b"\xff\xd8 photo" * 500})


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "U盘 (E)"
    folder.mkdir()
    return folder


def _no_english(text: str) -> None:
    for word in ("Traceback", "Error", "malformed", "FOREIGN KEY", "database disk", "constraint"):
        assert word not in text, text


# --- backing up a damaged office ------------------------------------------------------------
def test_an_office_with_a_dangling_reference_is_not_backed_up(office, usb):
    add_dangling_reference(office)
    with pytest.raises(BackupRefused) as refused:
        create_backup(office, usb, now=NOW)
    said = str(refused.value)
    assert "有 1 条记录引用了不存在的记录" in said and "没有备份" in said and "没有留下任何文件" in said
    _no_english(said)
    assert list(usb.iterdir()) == []


def test_an_office_with_a_damaged_page_is_not_backed_up(office, usb):
    damage_a_page(office)
    with pytest.raises(BackupRefused) as refused:
        create_backup(office, usb, now=NOW)
    assert "数据库文件已损坏" in str(refused.value) and "从最近的完好备份恢复" in str(refused.value)
    _no_english(str(refused.value))
    assert list(usb.iterdir()) == []


@pytest.mark.parametrize("damage", [add_dangling_reference, damage_a_page], ids=["dangling", "flipped"])
def test_the_backup_command_refuses_a_damaged_office_with_exit_2(office, usb, capsys, damage):
    damage(office)
    before = office.read_bytes()
    code = cli_main(["backup", "--db", str(office), "--to", str(usb)])
    err = capsys.readouterr().err
    assert code == 2 and "没有备份" in err and ("已损坏" in err or "引用了不存在的记录" in err), err
    _no_english(err)
    assert list(usb.iterdir()) == []
    assert office.read_bytes() == before


# --- verifying and restoring a backup whose database is damaged ------------------------------
def _backup_around(db_path: Path, target: Path) -> Path:
    """A well-formed, correctly hashed .gobak around the database as it is (damage included):
    what an older program, or a backup made before the damage was noticed, could have written."""
    snapshot = take_snapshot(db_path)
    try:
        from gridoffice.services.backup.container import Manifest

        with target.open("wb") as raw:
            writer = ContainerWriter(raw)
            part = writer.add(DATABASE_PART, snapshot.data)
            writer.finish(Manifest("0.1.0", snapshot.revision, snapshot.user_version, NOW.isoformat(),
                                   snapshot.office_name, "pc", db_path.name, snapshot.row_counts, [part]))
    finally:
        snapshot.connection.close()
    return target


@pytest.mark.parametrize("damage, kind, said", [
    (add_dangling_reference, "references", "有 1 条记录引用了不存在的记录"),
    (damage_a_page, "integrity", "数据库文件已损坏"),
], ids=["dangling", "flipped"])
def test_a_backup_holding_a_damaged_database_does_not_verify(office, tmp_path, damage, kind, said):
    damage(office)
    backup = _backup_around(office, tmp_path / "旧备份.gobak")
    with pytest.raises(BackupFileError) as refused:
        verify_backup(backup)
    assert refused.value.kind == kind
    assert said in str(refused.value) and "请换用另一份备份" in str(refused.value)
    _no_english(str(refused.value))


def test_a_backup_with_a_dangling_reference_is_labelled_unusable_and_never_restored(office, tmp_path, capsys):
    add_dangling_reference(office)
    backup = _backup_around(office, tmp_path / "旧备份.gobak")
    live = make_office(tmp_path / "现在" / "台账.sqlite", "现在的办公室", stations=2)
    before = live_state(live)

    assert cli_main(["verify", str(backup)]) == 2
    err = capsys.readouterr().err
    assert "引用了不存在的记录" in err and "备份完好" not in err
    with pytest.raises(BackupFileError):
        restore_backup(backup, live, now=NOW)
    assert cli_main(["restore", str(backup), "--db", str(live), "--yes"]) == 2
    assert "没有做任何改动" in capsys.readouterr().err
    assert live_state(live) == before
    assert sorted(p.name for p in live.parent.iterdir()) == ["台账.sqlite", "台账.sqlite.lock"]


# --- what killed backups leave behind ---------------------------------------------------------
STALLING_BACKUP = """
import datetime as dt, sys, time
from pathlib import Path
import gridoffice.services.backup.create as create

real_open = create.open_for_writing

class Stalling:
    '''Writes some of the backup, says so, and hangs there (until it is killed).'''
    def __init__(self, path):
        self._file = real_open(path)
        self._written = 0
    def write(self, data):
        count = self._file.write(data)
        self._written += count
        if self._written > 20_000:
            self._file.flush()
            print("writing", flush=True)
            time.sleep(600)
        return count
    def __getattr__(self, name):
        return getattr(self._file, name)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self._file.close()

create.open_for_writing = Stalling
create.create_backup(Path(sys.argv[1]), Path(sys.argv[2]), now=dt.datetime(2026, 11, 19, 8, 0))
"""


def _start_stalling_backup(office: Path, usb: Path) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", STALLING_BACKUP, str(office), str(usb)], stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert child.stdout.readline().strip() == "writing"
    return child


def _parts(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.gobak.part"))


def test_a_part_left_by_a_killed_backup_is_removed_by_the_next_backup(office, usb, capsys):
    child = _start_stalling_backup(office, usb)
    child.kill()
    child.wait()
    child.stdout.close()
    older = usb / ".gridoffice-锦塘街道人大工委-20261001-0900.写入中-31337.gobak.part"
    older.write_bytes(b"GOBAK\r\n\x1a" + b"\0" * 5000)   # left by an earlier version's crashed backup
    left = _parts(usb)
    assert len(left) == 2 and all("写入中-" in p.name for p in left)

    assert cli_main(["backup", "--db", str(office), "--to", str(usb)]) == 0
    out = capsys.readouterr().out
    assert "已删除以前中断的备份留下的 2 个临时文件" in out
    assert _parts(usb) == []
    (made,) = usb.iterdir()
    verify_backup(made)


def test_a_part_another_backup_is_still_writing_is_left_alone(office, usb):
    child = _start_stalling_backup(office, usb)
    try:
        (writing,) = _parts(usb)
        result = create_backup(office, usb, now=NOW)
        assert result.leftovers_removed == []
        assert writing.exists()
        verify_backup(result.path)
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
    assert remove_leftovers(usb) == [writing]   # once its writer is gone, it goes too
    assert [p.name for p in usb.iterdir()] == [result.path.name]


def test_the_clean_up_touches_only_temporary_backup_files(usb):
    keep = [usb / "gridoffice-锦塘-20261120-1000.gobak", usb / "照片.jpg.part", usb / ".隐藏的文件",
            usb / "写入中-123.gobak.part"]   # not hidden: not a name this program gives its temporary files
    for path in keep:
        path.write_bytes(b"x")
    held = usb / ".gridoffice-锦塘-20261120-1001.写入中-4242.gobak.part"
    held.write_bytes(b"y")
    in_use = PartInUse(held)
    try:
        stale = usb / ".gridoffice-锦塘-20261119-0900.写入中-4141.gobak.part"
        stale.write_bytes(b"z")
        assert remove_leftovers(usb) == [stale]
    finally:
        in_use.release()
    assert all(path.exists() for path in keep) and held.exists()
