"""The program killed at random moments while saving and backing up: nothing acknowledged is lost.

A child process saves 1,000 records one transaction at a time, printing each number once its
commit returned, while a thread takes backups in a loop. The test kills it (SIGKILL on POSIX,
TerminateProcess on Windows) at a random moment, a few times over the same database; then every
acknowledged record must be there, integrity_check must pass, and every file under a backup's
final name must verify.
"""
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from gridoffice.db import Database
from gridoffice.services.backup.verify import verify_backup
from gridoffice.services.office.setup import create_empty_office

pytestmark = pytest.mark.sqlite_only   # file backups, restores and storage faults of the SQLite file

ROOT = Path(__file__).resolve().parents[2]
SAVES = 1000

CHILD = """
import datetime as dt, sys, threading, time
from pathlib import Path
from gridoffice.db import Database
from gridoffice.domain import Station
from gridoffice.services.backup.create import BackupError, create_backup

db_path, round_, backups = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
db = Database.open(db_path)

def keep_backing_up():
    number = 0
    while True:
        try:
            create_backup(db_path, backups, now=dt.datetime(2026, 11, 20, 9, 30),
                          file_name=f"第{round_}轮-{number}.gobak")
        except BackupError:
            pass
        number += 1
        time.sleep(0.05)

threading.Thread(target=keep_backing_up, daemon=True).start()
for number in range(int(sys.argv[4])):
    with db.session() as session:
        session.add(Station(name=f"第{round_}轮-{number}"))
    print(number, flush=True)
print("done", flush=True)
"""


def _run_and_kill(db_path: Path, round_: int, backups: Path, kill_after: int) -> int:
    """Start the child, kill it once `kill_after` saves were acknowledged; the last acknowledged number."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db_path), str(round_), str(backups), str(SAVES)],
                             stdout=subprocess.PIPE, text=True, env=env)
    acknowledged = -1
    for line in child.stdout:
        if line.strip() == "done":
            break
        acknowledged = int(line)
        if acknowledged + 1 >= kill_after:
            child.kill()
            break
    child.wait()
    # whatever the child printed before it died was acknowledged too
    for line in child.stdout:
        if line.strip().isdigit():
            acknowledged = int(line)
    child.stdout.close()
    return acknowledged


def test_killed_while_saving_and_backing_up_loses_nothing_acknowledged(tmp_path):
    db_path = tmp_path / "崩溃 测试" / "数据.sqlite"
    with Database.open(db_path) as db:
        create_empty_office(db, "崩溃测试办公室")
    backups = tmp_path / "备份"
    backups.mkdir()
    chance = random.Random(1000)
    rounds = [chance.randrange(20, 400) for _ in range(3)]   # ~7 ms a save (fsync): keep the suite quick
    for round_, kill_after in enumerate(rounds):
        acknowledged = _run_and_kill(db_path, round_, backups, kill_after)
        assert acknowledged >= kill_after - 1
        with Database.open(db_path):   # the next start
            pass
        connection = sqlite3.connect(str(db_path))
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            saved = {row[0] for row in connection.execute("SELECT name FROM station WHERE name LIKE ?",
                                                          (f"第{round_}轮-%",))}
        finally:
            connection.close()
        missing = [n for n in range(acknowledged + 1) if f"第{round_}轮-{n}" not in saved]
        assert missing == [], f"round {round_}: acknowledged saves lost"
    finals = sorted(backups.glob("*.gobak"))
    assert finals
    for path in finals:
        verify_backup(path)
