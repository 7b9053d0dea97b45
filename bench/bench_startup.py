"""Cold start of the window on the demo office against a bare PySide6 window started the same way
(a new Python process each time): time to the first paint, and time until the first tab shows its
rows. Prints medians and the ratios to the bare window.

    python bench/bench_startup.py [--runs 5]

Aim (issue 10): first paint within 2x the bare window, rows within 5x.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget

class QuitOnFirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", time.process_time(), flush=True)
            QApplication.instance().quit()
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QTabWidget())
window.resize(1280, 720)
watch = QuitOnFirstPaint()
window.installEventFilter(watch)
window.show()
app.exec()
"""

# `gridoffice --db PATH`, saying when the window first paints, and when the tab on show first
# paints with its rows
GRIDOFFICE = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from gridoffice.views.shell.main_window import MainWindow, PlaceholderPage

class WatchPaints(QObject):
    def __init__(self, window):
        super().__init__()
        self.window = window
        self.painted = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) and watched.window() is self.window:
            tab = self.window.current_tab()
            if not self.painted:
                self.painted = True
                print("painted", time.process_time(), flush=True)
            elif (not isinstance(tab, PlaceholderPage) and tab.isAncestorOf(watched)
                  and tab.model.rowCount() > 0):
                print("rows", time.process_time(), flush=True)
                os._exit(0)   # measured: no need to wait for the other tabs (and quit() is ignored outside exec())
        return False

original_init = MainWindow.__init__

def init(self, *args, **kwargs):
    original_init(self, *args, **kwargs)
    self._watch = WatchPaints(self)
    QApplication.instance().installEventFilter(self._watch)

MainWindow.__init__ = init
from gridoffice.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def timed_lines(script: str, *args: str, env: dict) -> dict[str, tuple[float, float]]:
    """For each line the process prints ("painted", "rows"): seconds since it was started, and the
    CPU seconds it had used by then (what the wall time is on an idle machine)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:   # Qt's warnings of the offscreen platform: shown only on failure
        process = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=errors,
                                   text=True, cwd=ROOT, env=env)
        times = {}
        for line in process.stdout:
            event, cpu = line.split()
            times[event] = (time.perf_counter() - start, float(cpu))
        if process.wait(timeout=60) != 0 or "painted" not in times:
            errors.seek(0)
            raise RuntimeError(f"the window never painted:\n{errors.read().decode(errors='replace')}")
    return times


def report(label: str, runs: list[tuple[float, float]], bare: list[tuple[float, float]] | None = None,
           aim: str = "") -> None:
    line = f"{label:<48}"
    for kind, index in (("wall", 0), ("cpu", 1)):
        values = [run[index] for run in runs]
        line += f"  {kind} {statistics.median(values) * 1000:5.0f} ms"
        if bare:
            line += f" {statistics.median(values) / statistics.median(b[index] for b in bare):5.2f}x"
    print(line + (f"   (aim: {aim})" if aim else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gridoffice bench ") as folder:
        env = {**os.environ, "GRIDOFFICE_DATA_DIR": folder, "PYTHONPATH": str(ROOT)}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        db = str(Path(folder) / "演示 办公室.sqlite")
        subprocess.run([sys.executable, "-m", "gridoffice", "demo", "--db", db], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        first = timed_lines(GRIDOFFICE, db, env=env)  # also renders the theme into the cache
        bare, painted, rows = [], [], []
        for _ in range(args.runs):   # interleaved, so a busy moment of the machine hits both alike
            bare.append(timed_lines(BARE, env=env)["painted"])
            times = timed_lines(GRIDOFFICE, db, env=env)
            painted.append(times["painted"])
            rows.append(times["rows"])
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs}, medians; x: times the bare window")
    report("bare PySide6 window, first paint", bare)
    report("gridoffice, first paint", painted, bare, "within 2x")
    report("gridoffice, first tab shows its rows", rows, bare, "within 5x")
    report("very first start (no theme cache), first paint", [first["painted"]])
    report("very first start, rows", [first["rows"]])


if __name__ == "__main__":
    main()
