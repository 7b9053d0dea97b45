"""When backups were made, whether data changed since, and the automatic local backups.

The bookkeeping lives in `setting` rows whose keys start with "backup." (they travel with the
database). "Changed since" compares the newest audit row (every write adds one; the backup
bookkeeping itself excluded) with the one the last backup's snapshot held.

Automatic local backups go to the data folder (paths.local_backups_dir()/<database name>),
at most every 30 minutes after changes and on exit, and are thinned to the newest few, one per
day for two weeks, one per week for two months and one per month for a year.
"""
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session

from gridoffice.db import Database
from gridoffice.paths import local_backups_dir

from gridoffice.services.backup.create import LAST_CHANGE_SQL, SUFFIX, BackupResult, create_backup
from gridoffice.services.common.settings import get_setting, set_setting

USB_LAST_AT = "backup.usb_last_at"
USB_LAST_PATH = "backup.usb_last_path"
USB_LAST_CHANGE = "backup.usb_last_change"
AUTO_LAST_AT = "backup.auto_last_at"
AUTO_LAST_CHANGE = "backup.auto_last_change"

AUTO_INTERVAL = dt.timedelta(minutes=30)
USB_REMINDER_AFTER = dt.timedelta(days=7)
AUTO_PREFIX = "自动备份-"
AUTO_NAME_RE = re.compile(r"^自动备份-(\d{8}-\d{6})(?:-\d+)?\.gobak$")
KEEP_RECENT, KEEP_DAYS, KEEP_WEEKS, KEEP_MONTHS = 6, 14, 8, 12
STALE_PART_AGE = dt.timedelta(days=1)


@dataclass(frozen=True)
class BackupState:
    change_id: int                    # the newest change in the database now
    usb_last_at: dt.datetime | None
    usb_last_path: str
    usb_last_change: int
    auto_last_at: dt.datetime | None
    auto_last_change: int

    @property
    def changed_since_usb(self) -> bool:
        return self.usb_last_at is None or self.change_id > self.usb_last_change

    @property
    def changed_since_auto(self) -> bool:
        return self.auto_last_at is None or self.change_id > self.auto_last_change

    def usb_overdue(self, now: dt.datetime) -> bool:
        """No USB backup yet, or the last one is more than 7 days old while data changed since."""
        if self.usb_last_at is None:
            return self.change_id > 0
        return now - self.usb_last_at > USB_REMINDER_AFTER and self.changed_since_usb

    def auto_due(self, now: dt.datetime) -> bool:
        if not self.changed_since_auto:
            return False
        return self.auto_last_at is None or now - self.auto_last_at >= AUTO_INTERVAL


def current_change_id(session: Session) -> int:
    row = session.connection().execute(text(LAST_CHANGE_SQL)).first()
    return row[0] if row else 0


def read_state(db: Database) -> BackupState:
    with db.session() as session:
        return BackupState(current_change_id(session), _time(get_setting(session, USB_LAST_AT)),
                           get_setting(session, USB_LAST_PATH), _int(get_setting(session, USB_LAST_CHANGE)),
                           _time(get_setting(session, AUTO_LAST_AT)), _int(get_setting(session, AUTO_LAST_CHANGE)))


def record_usb_backup(db: Database, result: BackupResult, when: dt.datetime) -> None:
    with db.session() as session:
        set_setting(session, USB_LAST_AT, when.replace(microsecond=0).isoformat())
        set_setting(session, USB_LAST_PATH, str(result.path))
        set_setting(session, USB_LAST_CHANGE, str(result.audit_id))


def record_auto_backup(db: Database, result: BackupResult, when: dt.datetime) -> None:
    with db.session() as session:
        set_setting(session, AUTO_LAST_AT, when.replace(microsecond=0).isoformat())
        set_setting(session, AUTO_LAST_CHANGE, str(result.audit_id))


def _time(value: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def _int(value: str) -> int:
    return int(value) if value.isdigit() else 0


# --- automatic local backups ------------------------------------------------------------
def auto_backup_folder(db_path: Path) -> Path:
    return local_backups_dir() / Path(db_path).stem


def make_auto_backup(db_path: Path, now: dt.datetime) -> tuple[BackupResult, list[Path]]:
    """A verified local backup, then the folder thinned; returns the backup and what was removed."""
    folder = auto_backup_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    result = create_backup(db_path, folder, now=now, file_name=f"{AUTO_PREFIX}{now:%Y%m%d-%H%M%S}{SUFFIX}")
    return result, thin_auto_backups(folder, now)


def thin_auto_backups(folder: Path, now: dt.datetime) -> list[Path]:
    """Delete automatic backups no longer kept, and temporary files left by a crash long ago."""
    backups: dict[Path, dt.datetime] = {}
    for path in folder.glob(f"{AUTO_PREFIX}*{SUFFIX}"):
        match = AUTO_NAME_RE.match(path.name)
        if match:
            backups[path] = dt.datetime.strptime(match[1], "%Y%m%d-%H%M%S")
    keep = backups_to_keep(list(backups.values()), now)
    removed = [path for path, made in backups.items() if made not in keep]
    for path in folder.glob(f".*{SUFFIX}.part"):
        if now - dt.datetime.fromtimestamp(path.stat().st_mtime) > STALE_PART_AGE:
            removed.append(path)
    gone = []
    for path in removed:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            continue   # open elsewhere (Windows refuses): thinned next time; the new backup stands
        gone.append(path)
    return sorted(gone)


def backups_to_keep(times: list[dt.datetime], now: dt.datetime) -> set[dt.datetime]:
    """The newest few, and the newest of each day, ISO week and month within their windows."""
    newest_first = sorted(set(times), reverse=True)
    keep = set(newest_first[:KEEP_RECENT])
    windows = (
        (dt.timedelta(days=KEEP_DAYS), lambda t: t.date()),
        (dt.timedelta(weeks=KEEP_WEEKS), lambda t: t.isocalendar()[:2]),
        (dt.timedelta(days=31 * KEEP_MONTHS), lambda t: (t.year, t.month)),
    )
    for span, period in windows:
        seen = set()
        for made in newest_first:
            if now - made <= span and period(made) not in seen:
                seen.add(period(made))
                keep.add(made)
    return keep
