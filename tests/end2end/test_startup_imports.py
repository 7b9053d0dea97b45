"""The start-up path stays light: the window can paint before ReportLab, openpyxl, pypinyin
(0.7 s alone) or Alembic are loaded; they load when the clerk first prints, imports or saves."""
import subprocess
import sys

HEAVY = ("reportlab", "openpyxl", "pypinyin", "alembic")

SCRIPT = """
import sys
import gridoffice.gui
import gridoffice.views.shell.main_window
print(",".join(sorted({name.split(".")[0] for name in sys.modules} & set(sys.argv[1:]))))
"""


def test_the_main_window_imports_no_heavy_library():
    result = subprocess.run([sys.executable, "-c", SCRIPT, *HEAVY], capture_output=True, text=True,
                            encoding="utf-8", env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
