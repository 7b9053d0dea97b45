"""Backup bookkeeping (changed since, reminders, every 30 minutes) and thinning of local backups."""
import datetime as dt
from pathlib import Path

import pytest

from gridoffice.domain import Station
from gridoffice.paths import local_backups_dir
from gridoffice.services.backup.auto import (AUTO_INTERVAL, auto_backup_folder, backups_to_keep, make_auto_backup,
                                             read_state, record_auto_backup, record_usb_backup, thin_auto_backups)
from gridoffice.services.backup.create import create_backup
from gridoffice.services.backup.verify import verify_backup
from gridoffice.services.backup.drives import removable_drives

NOW = dt.datetime(2026, 11, 20, 16, 0)

pytestmark = pytest.mark.sqlite_only   # about file backups beside the SQLite file (a server is backed up by pg_dump)


def _add_station(db, name: str) -> None:
    with db.session() as session:
        session.add(Station(name=name))


def test_a_new_database_has_no_backups_and_nothing_to_remind(db):
    state = read_state(db)
    assert state.usb_last_at is None and state.auto_last_at is None
    assert not state.usb_overdue(NOW)   # nothing written yet, nothing to lose


def test_changes_since_a_backup_are_noticed_but_the_bookkeeping_is_not_a_change(db, tmp_path):
    _add_station(db, "第一站")
    assert read_state(db).usb_overdue(NOW) and read_state(db).changed_since_usb
    result = create_backup(db.path, tmp_path, now=NOW)
    record_usb_backup(db, result, NOW)
    state = read_state(db)
    assert state.usb_last_at == NOW and state.usb_last_path == str(result.path)
    assert not state.changed_since_usb           # writing the bookkeeping changed nothing to back up
    assert not state.usb_overdue(NOW + dt.timedelta(days=30))
    _add_station(db, "第二站")
    state = read_state(db)
    assert state.changed_since_usb
    assert not state.usb_overdue(NOW + dt.timedelta(days=7))
    assert state.usb_overdue(NOW + dt.timedelta(days=7, minutes=1))


def test_a_change_during_the_backup_is_not_counted_as_backed_up(db, tmp_path):
    _add_station(db, "第一站")
    result = create_backup(db.path, tmp_path, now=NOW)
    _add_station(db, "备份后新增")     # after the snapshot, before the bookkeeping
    record_usb_backup(db, result, NOW)
    assert read_state(db).changed_since_usb


def test_automatic_backups_at_most_every_30_minutes_after_changes(db):
    _add_station(db, "第一站")
    assert read_state(db).auto_due(NOW)
    result, _removed = make_auto_backup(db.path, NOW)
    assert result.path.parent == auto_backup_folder(db.path)
    assert auto_backup_folder(db.path).parent == local_backups_dir()
    assert result.path.name == "自动备份-20261120-160000.gobak"
    verify_backup(result.path)
    record_auto_backup(db, result, NOW)
    assert not read_state(db).auto_due(NOW + dt.timedelta(hours=5))   # nothing changed since
    _add_station(db, "第二站")
    assert not read_state(db).auto_due(NOW + AUTO_INTERVAL - dt.timedelta(minutes=1))
    assert read_state(db).auto_due(NOW + AUTO_INTERVAL)


def test_keeps_recent_daily_weekly_and_monthly_copies():
    hourly = [NOW - dt.timedelta(hours=hours) for hours in range(24 * 400)]
    keep = backups_to_keep(hourly, NOW)
    newest_first = sorted(keep, reverse=True)
    assert newest_first[:6] == hourly[:6]                         # the most recent ones
    days = {t.date() for t in keep if NOW - t <= dt.timedelta(days=14)}
    assert len(days) == 15                                        # one a day for two weeks
    weeks = {t.isocalendar()[:2] for t in keep}
    assert len(weeks) >= 9                                        # one a week for two months, and more
    months = {(t.year, t.month) for t in keep}
    assert len(months) == 13                                      # one a month for a year
    assert len(keep) <= 6 + 15 + 9 + 13
    assert min(keep) >= NOW - dt.timedelta(days=31 * 12 + 1)      # nothing older than the monthly window


def test_thinning_deletes_only_automatic_backups_not_kept(tmp_path):
    folder = tmp_path / "本机备份"
    folder.mkdir()
    made = [NOW - dt.timedelta(hours=6 * n) for n in range(200)]
    for moment in made:
        (folder / f"自动备份-{moment:%Y%m%d-%H%M%S}.gobak").write_bytes(b"x")
    (folder / "gridoffice-某办公室-20250101-0900.gobak").write_bytes(b"usb copy")   # not ours to thin
    (folder / "说明.txt").write_text("keep me", encoding="utf-8")
    removed = thin_auto_backups(folder, NOW)
    remaining = sorted(p.name for p in folder.glob("自动备份-*.gobak"))
    assert len(removed) + len(remaining) == 200
    assert f"自动备份-{NOW:%Y%m%d-%H%M%S}.gobak" in remaining
    assert (folder / "gridoffice-某办公室-20250101-0900.gobak").exists() and (folder / "说明.txt").exists()
    assert thin_auto_backups(folder, NOW) == []   # thinning again removes nothing more


def test_an_old_backup_that_cannot_be_deleted_does_not_fail_the_new_one(db, monkeypatch):
    """On Windows an old backup open elsewhere (Explorer copying it to a stick, a virus scan) cannot be
    deleted: the verified new backup still counts, else a new one would be made every minute."""
    folder = auto_backup_folder(db.path)
    folder.mkdir(parents=True, exist_ok=True)
    old = folder / f"自动备份-{NOW - dt.timedelta(days=400):%Y%m%d-%H%M%S}.gobak"
    old.write_bytes(b"x")
    for minutes in range(1, 7):   # newer copies, so the old one is not among the few recent ones kept
        (folder / f"自动备份-{NOW - dt.timedelta(minutes=minutes):%Y%m%d-%H%M%S}.gobak").write_bytes(b"x")
    real_unlink = Path.unlink

    def refuse_old(path, missing_ok=False):
        if path == old:
            raise PermissionError(13, "另一个程序正在使用此文件，进程无法访问。")
        real_unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", refuse_old)
    _add_station(db, "第一站")
    result, removed = make_auto_backup(db.path, NOW)
    verify_backup(result.path)
    assert old.exists() and old not in removed


def test_removable_drives_are_listed_with_label_and_space():
    for drive in removable_drives():   # none on a CI machine; real ones on a desk
        assert drive.label and drive.total >= drive.free >= 0 and Path(drive.path).is_dir()


def test_linux_lists_mounted_sticks_under_media(monkeypatch, tmp_path):
    import gridoffice.services.backup.drives as drives

    user_media = tmp_path / "media" / "clerk"
    (user_media / "KINGSTON").mkdir(parents=True)
    (user_media / "not mounted").mkdir()
    monkeypatch.setattr(drives.sys, "platform", "linux")
    monkeypatch.setattr(drives, "_linux_roots", lambda: [user_media, tmp_path / "no such folder"])
    monkeypatch.setattr(drives.os.path, "ismount", lambda path: Path(path).name == "KINGSTON")
    found = drives.removable_drives()
    assert [drive.label for drive in found] == ["KINGSTON"]
    assert found[0].path == user_media / "KINGSTON" and found[0].free > 0
