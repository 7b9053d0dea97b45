"""A restore cut short at any moment: afterwards the old or the new office is live, never a mix.

Two ways to cut it short:
- in process, "dying" at the n-th file-system step (every rename, replace, delete, mkdir and
  fsync): from then on every such call fails, as if the process had stopped; then the next
  Database.open completes or undoes the restore. Every step is tried, so every gap is covered.
- a real child process killed (SIGKILL / TerminateProcess) at random moments.
"""
import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gridoffice.db import Database
from gridoffice.services.backup.create import create_backup
from gridoffice.services.backup.restore import restore_backup

from tests.backup_support import make_office, office_content

pytestmark = pytest.mark.sqlite_only   # file backups, restores and storage faults of the SQLite file

NOW = dt.datetime(2026, 11, 20, 9, 30)
ROOT = Path(__file__).resolve().parents[2]
STEPS = ("replace", "rename", "unlink", "rmdir", "mkdir", "fsync")


class Died(BaseException):
    """The simulated end of the process: nothing catches it, no further file-system step succeeds."""


class DieAtStep:
    def __init__(self, monkeypatch, step: int):
        self.calls = 0
        self.dead = False
        for name in STEPS:
            monkeypatch.setattr(os, name, self._wrap(getattr(os, name)))
        self.step = step

    def _wrap(self, real):
        def step(*args, **kwargs):
            if sys._getframe(1).f_globals.get("__name__") == "gridoffice.db.lock":
                return real(*args, **kwargs)   # the OS releases the lock of a dead process anyway
            self.calls += 1
            if self.dead or self.calls == self.step:
                self.dead = True
                raise Died()
            return real(*args, **kwargs)
        return step


@pytest.fixture(scope="module")
def new_backup(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("新")
    source = make_office(folder / "新.sqlite", "新办公室", stations=3,
                         photos={"照片/新.jpg": b"new" * 500, "地图/新图.png": b"map" * 700})
    return create_backup(source, folder, now=NOW).path


@pytest.fixture(scope="module")
def old_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("旧")
    make_office(folder / "数据 库.sqlite", "旧办公室", stations=2, photos={"照片/旧.jpg": b"old" * 400})
    (folder / "数据 库.sqlite.lock").unlink()
    return folder


def _old_office(template: Path, folder: Path) -> Path:
    shutil.copytree(template, folder)
    return folder / "数据 库.sqlite"


def _count_steps(new_backup: Path, live: Path, monkeypatch) -> int:
    with monkeypatch.context() as patch:
        counter = DieAtStep(patch, step=0)
        restore_backup(new_backup, live, now=NOW)
    return counter.calls


def test_a_restore_dying_at_any_step_leaves_old_or_new_never_a_mix(new_backup, old_template, tmp_path, monkeypatch):
    steps = _count_steps(new_backup, _old_office(old_template, tmp_path / "计数"), monkeypatch)
    assert steps > 10
    old = office_content(_old_office(old_template, tmp_path / "旧样本"))
    restore_backup(new_backup, _old_office(old_template, tmp_path / "新样本"), now=NOW)
    new = office_content(tmp_path / "新样本" / "数据 库.sqlite")
    outcomes = []
    for step in range(1, steps + 1):
        live = _old_office(old_template, tmp_path / f"第{step}步")
        with monkeypatch.context() as patch:
            DieAtStep(patch, step)
            with pytest.raises(Died):
                restore_backup(new_backup, live, now=NOW)
        Database.open(live).close()   # the next start: completes or undoes the restore
        after = office_content(live)
        assert after in (old, new), f"a mix after dying at step {step}"
        outcomes.append("new" if after == new else "old")
        leftovers = [p.name for p in live.parent.iterdir() if "恢复中" in p.name or "恢复日志" in p.name]
        assert leftovers == [], step
    assert "old" in outcomes and "new" in outcomes
    assert outcomes == sorted(outcomes, key=lambda o: o == "new")   # old until the journal, new after


CHILD = """
import datetime as dt, sys
from pathlib import Path
from gridoffice.services.backup.restore import restore_backup
print("ready", flush=True)
restore_backup(Path(sys.argv[1]), Path(sys.argv[2]), now=dt.datetime(2026, 11, 20, 9, 30))
print("done", flush=True)
"""


def test_a_restore_killed_at_random_moments_leaves_old_or_new(old_template, tmp_path):
    folder = tmp_path / "大备份"
    photos = {f"照片/{n:03d}.jpg": random.Random(n).randbytes(150_000) for n in range(40)}
    source = make_office(folder / "新.sqlite", "新办公室", stations=3, photos=photos)
    backup = create_backup(source, folder, now=NOW).path
    old = office_content(_old_office(old_template, tmp_path / "旧样本"))
    new = office_content(source)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    chance = random.Random(2026)
    for attempt in range(3):
        live = _old_office(old_template, tmp_path / f"第{attempt}次")
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(backup), str(live)], stdout=subprocess.PIPE,
                                 text=True, env=env)
        assert child.stdout.readline().strip() == "ready"
        time.sleep(chance.uniform(0.0, 0.35))
        child.kill()
        child.wait()
        child.stdout.close()
        Database.open(live).close()
        assert office_content(live) in (old, new), f"a mix after kill {attempt}"
