"""Backup speed against a plain copy of the same bytes, in the same run.

    python bench/bench_backup.py                      # builds the district demo (~20 s) in a temp folder
    python bench/bench_backup.py --db district.sqlite # reuse a database (it is copied, never changed)

The database gets synthetic attachments (random bytes: photos do not compress either). Each
figure is the median of --runs. "plain copy" copies the database file and the attachment files
to the target and fsyncs them (a copy to a USB stick is not done before it is flushed); the
backup includes the snapshot, writing, fsync, the read-back with every hash compared, and the
integrity_check. Also timed: `verify` (what `gridoffice verify` and the restore dialog do) and
a restore.
"""
import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gridoffice.db.database import Database  # noqa: E402
from gridoffice.paths import attachments_dir  # noqa: E402
from gridoffice.services.backup.create import create_backup, human_size  # noqa: E402
from gridoffice.services.backup.verify import verify_backup  # noqa: E402
from gridoffice.services.demo.build import build_demo  # noqa: E402
from gridoffice.services.backup.restore import restore_backup  # noqa: E402

NOW = dt.datetime(2026, 11, 20, 15, 0)   # the demo's day: names the files, nothing is timed by it


def add_attachments(db_path: Path, photos: int, maps: int) -> int:
    folder = attachments_dir(db_path)
    chance = random.Random(7)
    total = 0
    for number in range(photos):
        path = folder / "照片" / f"{number // 100:02d}" / f"走访 {number:05d}.jpg"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = chance.randbytes(chance.randrange(150_000, 450_000))
        path.write_bytes(data)
        total += len(data)
    for number in range(maps):
        path = folder / "地图" / f"网格 {number:03d}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = chance.randbytes(1_500_000)
        path.write_bytes(data)
        total += len(data)
    return total


def plain_copy(db_path: Path, target: Path) -> None:
    sources = [db_path] + sorted(p for p in attachments_dir(db_path).rglob("*") if p.is_file())
    for number, source in enumerate(sources):
        destination = target / f"{number:05d}{source.suffix}"
        shutil.copyfile(source, destination)
        with destination.open("rb+") as handle:
            os.fsync(handle.fileno())


def timed(action, runs: int, reset) -> float:
    times = []
    for _ in range(runs):
        reset()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="a district database to reuse (copied first)")
    parser.add_argument("--photos", type=int, default=400)
    parser.add_argument("--maps", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gridoffice bench ") as temp:
        folder = Path(temp)
        db_path = folder / "区 数据.sqlite"
        started = time.perf_counter()
        if args.db:
            shutil.copyfile(args.db, db_path)
        else:
            with Database.open(db_path) as db:
                build_demo(db, scale="district", today=NOW.date())
        Database.open(db_path).close()   # migrated, WAL merged into the file
        attached = add_attachments(db_path, args.photos, args.maps)
        db_size = db_path.stat().st_size
        print(f"database {human_size(db_size)}, attachments {args.photos + args.maps} files "
              f"{human_size(attached)}, total {human_size(db_size + attached)} "
              f"(prepared in {time.perf_counter() - started:.1f} s)")

        target = folder / "U盘"

        def fresh_target():
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir()

        copy = timed(lambda: plain_copy(db_path, target), args.runs, fresh_target)
        made = {}
        backup = timed(lambda: made.update(plain=create_backup(db_path, target, now=NOW)), args.runs, fresh_target)
        secret = timed(lambda: made.update(secret=create_backup(db_path, target, now=NOW, password="bench-密码")),
                       args.runs, fresh_target)
        fresh_target()
        plain_path = create_backup(db_path, target, now=NOW).path
        verify = timed(lambda: verify_backup(plain_path), args.runs, lambda: None)
        restored = folder / "恢复" / "数据.sqlite"
        restore = timed(lambda: restore_backup(plain_path, restored, now=NOW), args.runs, lambda: None)

        size = plain_path.stat().st_size
        print(f"backup file {human_size(size)}")
        print(f"plain copy + fsync          {copy:6.2f} s")
        print(f"backup, verified            {backup:6.2f} s   {backup / copy:4.1f}x the plain copy")
        print(f"backup with password        {secret:6.2f} s   {secret / copy:4.1f}x")
        print(f"verify (gridoffice verify)  {verify:6.2f} s")
        print(f"restore (verify + swap)     {restore:6.2f} s")


if __name__ == "__main__":
    main()
