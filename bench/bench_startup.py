"""Cold start to the painted main window on the demo office, against a bare PySide6 window
started the same way (a new Python process each time). Prints medians and the ratio.

    python bench/bench_startup.py [--runs 5]

Aim (issue 2): within 3x of the bare window.
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

PAINT_WATCH = """
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

class QuitOnFirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            QApplication.instance().quit()
        return False
"""

BARE = PAINT_WATCH + """
import sys
from PySide6.QtWidgets import QMainWindow, QTabWidget
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QTabWidget())
window.resize(1280, 720)
watch = QuitOnFirstPaint()
window.installEventFilter(watch)
window.show()
app.exec()
"""

GRIDOFFICE = PAINT_WATCH + """
import sys
import gridoffice.views.shell.main_window as main_window
original_show = main_window.MainWindow.show_as_remembered

def show(self):
    self._watch = QuitOnFirstPaint()
    self.installEventFilter(self._watch)
    original_show(self)

main_window.MainWindow.show_as_remembered = show
from gridoffice.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def time_to_paint(script: str, *args: str, env: dict) -> float:
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True,
                               cwd=ROOT, env=env)
    for line in process.stdout:
        if line.strip() == "painted":
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError("the window never painted")
    process.wait(timeout=60)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gridoffice bench ") as folder:
        env = {**os.environ, "GRIDOFFICE_DATA_DIR": folder}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        db = str(Path(folder) / "演示 办公室.sqlite")
        subprocess.run([sys.executable, "-m", "gridoffice", "demo", "--db", db], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        first = time_to_paint(GRIDOFFICE, db, env=env)  # also renders the theme into the cache
        bare = [time_to_paint(BARE, env=env) for _ in range(args.runs)]
        app = [time_to_paint(GRIDOFFICE, db, env=env) for _ in range(args.runs)]
    bare_median, app_median = statistics.median(bare), statistics.median(app)
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs}")
    print(f"bare PySide6 window:          median {bare_median * 1000:7.0f} ms  (min {min(bare) * 1000:.0f})")
    print(f"gridoffice on the demo office: median {app_median * 1000:7.0f} ms  (min {min(app) * 1000:.0f})")
    print(f"gridoffice, very first start (theme not cached yet): {first * 1000:.0f} ms")
    print(f"ratio: {app_median / bare_median:.2f}x (aim: within 3x)")


if __name__ == "__main__":
    main()
