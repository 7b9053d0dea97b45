"""Shared fixtures. Tests never touch the real data folder and never need a screen."""
import contextlib
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gridoffice.db import Database  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEMO_TODAY = dt.date(2026, 11, 20)   # the demo office's "today" in tests


@pytest.fixture(scope="session", autouse=True)
def _data_dir(tmp_path_factory) -> Path:
    """One temporary data folder for the run (its theme cache is reused between tests)."""
    folder = tmp_path_factory.mktemp("数据 文件夹")
    os.environ["GRIDOFFICE_DATA_DIR"] = str(folder)
    os.environ.pop("GRIDOFFICE_DB", None)
    return folder


@pytest.fixture(autouse=True)
def _fresh_ui_settings(_data_dir: Path):
    (_data_dir / "ui-settings.ini").unlink(missing_ok=True)
    yield


@pytest.fixture(autouse=True)
def _delete_closed_widgets():
    """pytest-qt closes each test's widgets with deleteLater, which needs an event loop to run:
    delete them before the next test, or every later style change repolishes them all."""
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QEvent

        if QCoreApplication.instance() is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    yield


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo office as of DEMO_TODAY, built once per run. Never open it: use demo_file."""
    from gridoffice.services.demo.build import build_demo

    path = tmp_path_factory.mktemp("演示 模板") / "演示 办公室.sqlite"
    with Database.open(path) as db:
        build_demo(db, today=DEMO_TODAY)
    return path


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo office for one test, free to change."""
    copy = tmp_path / "演示 办公室 副本.sqlite"
    shutil.copyfile(demo_template, copy)
    return copy


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "办公 数据库.sqlite"


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory) -> Path:
    """A new, migrated, empty database, made once per run (migrating one takes 0.2-0.3 s)."""
    path = tmp_path_factory.mktemp("空 模板") / "空 数据库.sqlite"
    Database.open(path, lock=False).close()
    return path


@pytest.fixture
def db(db_path: Path, empty_template: Path):
    """A new, empty database, as Database.open makes one (copied from empty_template)."""
    shutil.copyfile(empty_template, db_path)
    database = Database.open(db_path)
    yield database
    database.close()


def pytest_collection_modifyitems(config, items):
    """Marks by folder (tests/gui, tests/end2end) and by fixture, so `-m "not gui"` runs without Qt."""
    for item in items:
        folder = Path(str(item.fspath)).parent.name
        if folder == "gui" or {"qtbot", "qapp"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)
        if folder == "end2end":
            item.add_marker(pytest.mark.end2end)


def run_cli(*args, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `gridoffice ARGS` in this process, as `python -m gridoffice ARGS` would: its exit code and
    what it printed (tests/end2end/test_cli_process.py runs a few for real, in a process of their own).

    env: environment variables for this call only (GRIDOFFICE_DB...), restored afterwards."""
    from gridoffice.cli import main

    argv = [os.fspath(arg) for arg in args]
    out, err = io.StringIO(), io.StringIO()
    saved = {name: os.environ.get(name) for name in env or {}}
    os.environ.update(env or {})
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exit_:   # argparse: --help, --version, a bad argument
                code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return subprocess.CompletedProcess(["gridoffice", *argv], code, out.getvalue(), err.getvalue())


def run_cli_process(*args, encoding: str = "utf-8", env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m gridoffice ARGS` in a process of its own, as a clerk or a scheduled task would,
    its console in `encoding`."""
    full_env = {**os.environ, **(env or {}), "PYTHONIOENCODING": encoding}
    return subprocess.run([sys.executable, "-m", "gridoffice", *map(os.fspath, args)], capture_output=True,
                          text=True, encoding=encoding, env=full_env, cwd=ROOT, timeout=300)
