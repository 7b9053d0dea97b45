"""Shared fixtures. Tests never touch the real data folder and never need a screen.

`pytest --backend postgresql` runs the same tests on a PostgreSQL server (a throw-away cluster
started from the installed server binaries, tests/pg_cluster.py): `demo_file`, `db_path` and `db`
then name databases on it (postgresql:// URLs, each cloned from a template with CREATE DATABASE …
TEMPLATE and dropped after the test). Tests about the SQLite file itself (locks, headers, file
backups, damaged pages, read-only media) are marked `sqlite_only` and skipped there.
"""
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
BACKENDS = ("sqlite", "postgresql")


def pytest_addoption(parser):
    parser.addoption("--backend", choices=BACKENDS, default="sqlite",
                     help="the database the tests run on: a SQLite file (default) or a throw-away PostgreSQL server")


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: about the SQLite file itself (file lock, header, file "
                                       "backups, damaged pages); skipped with --backend postgresql")


@pytest.fixture(scope="session")
def backend(request) -> str:
    return request.config.getoption("--backend")


@pytest.fixture(scope="session")
def pg_cluster(request):
    """The run's PostgreSQL server (only started when a test needs it)."""
    from tests.pg_cluster import ThrowawayCluster, server_binaries

    if server_binaries() is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    cluster = ThrowawayCluster().start()
    yield cluster
    cluster.stop()


class _ServerDatabases:
    """Databases on the run's server, cloned from templates, dropped after each test."""

    def __init__(self, cluster):
        self.cluster = cluster
        self.count = 0

    def new_name(self, stem: str = "t") -> str:
        self.count += 1
        return f"{stem}{self.count}"

    def template(self, name: str, build=None) -> str:
        """A migrated database made once (build(db) fills it), never opened by tests: cloned."""
        from gridoffice.clock import SYSTEM_CLOCK

        url = self.cluster.create_database(name)
        Database.upgrade_server(url, now=SYSTEM_CLOCK.now())
        if build is not None:
            with Database.open(url) as database:
                build(database)
        return name

    def clone(self, template: str) -> tuple[str, str]:
        name = self.new_name()
        return name, self.cluster.clone(name, template=template)


@pytest.fixture(scope="session")
def server_databases(pg_cluster) -> _ServerDatabases:
    return _ServerDatabases(pg_cluster)


@pytest.fixture
def _server_clone(request):
    """clone(template) -> URL of a private copy, dropped when the test ends."""
    made = []

    def clone(template: str) -> str:
        databases = request.getfixturevalue("server_databases")
        name, url = databases.clone(template)
        made.append((databases, name))
        return url

    yield clone
    for databases, name in made:
        databases.cluster.drop_database(name)


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
def demo_template(request, tmp_path_factory, backend) -> Path | str:
    """The demo office as of DEMO_TODAY, built once per run. Never open it: use demo_file.
    On PostgreSQL: the name of the template database."""
    from gridoffice.services.demo.build import build_demo

    if backend == "postgresql":
        return request.getfixturevalue("server_databases").template(
            "demo_template", lambda db: build_demo(db, today=DEMO_TODAY))
    path = tmp_path_factory.mktemp("演示 模板") / "演示 办公室.sqlite"
    with Database.open(path) as db:
        build_demo(db, today=DEMO_TODAY)
    return path


@pytest.fixture
def demo_file(demo_template, tmp_path: Path, backend, _server_clone) -> Path | str:
    """A private copy of the demo office for one test, free to change (on PostgreSQL: its URL)."""
    if backend == "postgresql":
        return _server_clone(demo_template)
    copy = tmp_path / "演示 办公室 副本.sqlite"
    shutil.copyfile(demo_template, copy)
    return copy


@pytest.fixture(scope="module")
def demo_module(demo_template, backend, request, tmp_path_factory):
    """One private copy of the demo office, open, for a whole test module (tests that mostly read)."""
    if backend == "postgresql":
        databases = request.getfixturevalue("server_databases")
        name, location = databases.clone(demo_template)
    else:
        location = tmp_path_factory.mktemp("演示 模块") / "演示 办公室.sqlite"
        shutil.copyfile(demo_template, location)
    database = Database.open(location)
    yield database
    database.close()
    if backend == "postgresql":
        databases.cluster.drop_database(name)


@pytest.fixture
def db_path(tmp_path: Path, backend, request) -> Path | str:
    """Where a new database goes. On PostgreSQL: the URL of a new, migrated, empty database
    (a client never creates the schema on a server: `gridoffice db upgrade` does)."""
    if backend == "postgresql":
        return request.getfixturevalue("_server_clone")(request.getfixturevalue("empty_template"))
    return tmp_path / "办公 数据库.sqlite"


@pytest.fixture(scope="session")
def empty_template(request, tmp_path_factory, backend) -> Path | str:
    """A new, migrated, empty database, made once per run (migrating one takes 0.2-0.3 s)."""
    if backend == "postgresql":
        return request.getfixturevalue("server_databases").template("empty_template")
    path = tmp_path_factory.mktemp("空 模板") / "空 数据库.sqlite"
    Database.open(path, lock=False).close()
    return path


@pytest.fixture
def db(db_path, empty_template, backend):
    """A new, empty database, as Database.open makes one (copied from empty_template)."""
    if backend != "postgresql":
        shutil.copyfile(empty_template, db_path)
    database = Database.open(db_path)
    yield database
    database.close()


def pytest_collection_modifyitems(config, items):
    """Marks by folder (tests/gui, tests/end2end) and by fixture, so `-m "not gui"` runs without Qt;
    with --backend postgresql, the tests about the SQLite file are skipped."""
    server = config.getoption("--backend") == "postgresql"
    only_file = pytest.mark.skip(reason="about the SQLite file itself: not for a database on a server")
    for item in items:
        if server and item.get_closest_marker("sqlite_only"):
            item.add_marker(only_file)
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
