"""PySide6 6.12 on Python 3.11 drops a reference to None on every void method: the workaround holds."""
import subprocess
import sys

from tests.conftest import ROOT

MANY_CALLS = """
import sys
import gridoffice.widgets   # every package of Qt code applies the workaround when imported
from PySide6.QtCore import QPointF
point = QPointF()
for _ in range(300_000):   # far more references than None has without the workaround
    point.setX(1.0)
print("ok")
"""


def test_a_session_of_void_qt_calls_ends_cleanly():
    done = subprocess.run([sys.executable, "-c", MANY_CALLS], cwd=ROOT, capture_output=True, text=True,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "", "PYTHONPATH": str(ROOT)}, timeout=120)
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, "ok", "")
