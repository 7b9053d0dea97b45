"""What start-up loads, and when (issue 10, point 6).

- The window paints before the data layer (SQLAlchemy, SQLModel, pydantic: 0.5-0.9 s) is imported.
- Once its tabs show their rows, no dialog module and no library only a printout, an import or an
  export needs (ReportLab, openpyxl, pypinyin: 0.7 s alone) is loaded: they load when opened.
- `gridoffice --version` and `--help` load no database code.

Each runs the real entry point in a fresh interpreter: a test process has everything loaded.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# gridoffice.domain itself is light (enums, rules); its tables load with gridoffice.domain.tables
DATA_LAYER = ("sqlmodel", "sqlalchemy", "pydantic", "gridoffice.db", "gridoffice.domain.tables")
HEAVY = ("reportlab", "openpyxl", "pypinyin", "alembic")

# starts the window through `gridoffice --db PATH` and reports what was loaded at the first paint
# and once the tabs were filled, then quits
START = """
import importlib, inspect, json, pkgutil, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
import gridoffice.views
from gridoffice.views.shell.main_window import MainWindow

report = {}
original_init, original_start = MainWindow.__init__, MainWindow.start

def init(self, *args, **kwargs):
    original_init(self, *args, **kwargs)
    self.painted.connect(lambda: report.setdefault("at_first_paint", sorted(sys.modules)))

def start(self, *args):
    original_start(self, *args)
    report["after_start"] = sorted(sys.modules)
    report["rows"] = self.pages[0].model.rowCount()
    report["shown"] = sorted({type(w).__module__ for w in QApplication.topLevelWidgets()
                              if isinstance(w, QDialog) and w.isVisible()})   # e.g. the due-opinions reminder
    QTimer.singleShot(0, QApplication.instance().quit)

MainWindow.__init__, MainWindow.start = init, start
from gridoffice.cli import main
main(["--db", sys.argv[1]])
dialogs = []
for module in pkgutil.walk_packages(gridoffice.views.__path__, "gridoffice.views."):
    loaded = importlib.import_module(module.name)
    if any(issubclass(cls, QDialog) and cls.__module__ == module.name
           for _name, cls in inspect.getmembers(loaded, inspect.isclass)):
        dialogs.append(module.name)
report["dialog_modules"] = dialogs
print(json.dumps(report))
"""

# what `python -m gridoffice ARGS` loads
ENTRY = """
import runpy, sys
sys.argv = ["gridoffice", *sys.argv[1:]]
try:
    runpy.run_module("gridoffice", run_name="__main__")
except SystemExit:
    pass
print(",".join(sorted(sys.modules)), file=sys.stderr)
"""


def _run(script: str, *args: str) -> subprocess.CompletedProcess:
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "", "GRIDOFFICE_DATA_DIR": os.environ["GRIDOFFICE_DATA_DIR"]}
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, encoding="utf-8",
                          cwd=ROOT, env=env, timeout=120)


def _among(modules, prefixes) -> list[str]:
    return sorted({name for name in modules for prefix in prefixes if name == prefix or name.startswith(prefix + ".")})


@pytest.fixture(scope="module")
def start(demo_template: Path | str, tmp_path_factory, backend, request) -> dict:
    if backend == "postgresql":   # a clone of the demo on the server, opened by its URL
        databases = request.getfixturevalue("server_databases")
        name, office = databases.clone(demo_template)
    else:
        office = tmp_path_factory.mktemp("启动") / "演示 办公室.sqlite"
        office.write_bytes(demo_template.read_bytes())
    try:
        result = _run(START, str(office))
    finally:
        if backend == "postgresql":
            databases.cluster.drop_database(name)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_window_paints_before_the_data_layer_is_imported(start):
    assert "PySide6.QtWidgets" in start["at_first_paint"]
    assert _among(start["at_first_paint"], DATA_LAYER) == []
    assert start["rows"] > 100   # then the first tab shows its rows


def test_no_library_of_a_printout_import_or_export_is_loaded_at_start(start):
    assert _among(start["after_start"], HEAVY) == []


def test_the_charts_load_when_the_statistics_tab_shows_them(start):
    assert "gridoffice.views.stats.tab" in start["after_start"]
    assert _among(start["after_start"], ("PySide6.QtCharts", "gridoffice.views.stats.chart_views")) == []


def test_the_main_windows_own_dialogs_load_when_opened(start):
    own = {name for name in start["dialog_modules"] if name.startswith("gridoffice.views.office.")}
    assert "gridoffice.views.office.stations" in own   # the check finds dialog modules
    assert own & set(start["after_start"]) == set()


def test_no_dialog_module_is_loaded_at_start(start):
    """Only the dialogs the start itself shows (the reminder of overdue opinions) are loaded."""
    assert set(start["dialog_modules"]) & set(start["after_start"]) == set(start["shown"])


def test_version_loads_no_database_code():
    result = _run(ENTRY, "--version")
    assert result.stdout.startswith("gridoffice ")
    assert _among(result.stderr.strip().split(","), DATA_LAYER) == []


def test_a_print_command_loads_only_what_it_prints_with(demo_template, tmp_path, backend):
    """`gridoffice print duty-roster`: the data layer and ReportLab, but no window, no migrations,
    no spreadsheet, no QR code, no PostgreSQL driver code, and only the tables of the reception days."""
    if backend == "postgresql":
        pytest.skip("measured on the single-PC file")
    copy = tmp_path / "演示 办公室.sqlite"
    copy.write_bytes(demo_template.read_bytes())
    result = _run(ENTRY, "print", "duty-roster", "--db", str(copy), "--month", "2026-12",
                  "-o", str(tmp_path / "值班表.pdf"))
    assert "已生成值班表" in result.stdout, result.stderr
    loaded = result.stderr.strip().splitlines()[-1].split(",")
    assert _among(loaded, ("gridoffice.db", "reportlab.platypus")) != []
    assert _among(loaded, ("PySide6", "alembic", "openpyxl", "pypinyin", "reportlab.graphics",
                           "sqlalchemy.dialects.postgresql", "psycopg")) == []
    assert _among(loaded, ("gridoffice.domain.tables", "gridoffice.domain.opinions", "gridoffice.domain.outcomes",
                           "gridoffice.domain.households", "gridoffice.domain.duties")) == []


def test_help_loads_no_database_code():
    result = _run(ENTRY, "--help")
    assert result.stdout.startswith("用法：")
    assert _among(result.stderr.strip().split(","), DATA_LAYER) == []
