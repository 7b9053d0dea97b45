"""The program ends cleanly: started on the demo office, every tab and every dialog opened once, quit;
exit code 0 and nothing on stderr (a crash at exit shows the clerk a crash report on Windows)."""
import os
import subprocess
import sys

from gridoffice.views.shell.main_window import TABS
from tests.conftest import ROOT


def test_the_window_opens_everything_and_quits_cleanly(demo_file, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GRIDOFFICE_DATA_DIR": str(tmp_path / "数据"),
           "PYTHONPATH": str(ROOT)}
    env.pop("GRIDOFFICE_DB", None)
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "end2end" / "open_everything.py"), str(demo_file)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert (done.returncode, done.stderr) == (0, "")
    tabs, dialogs = (line.split(":", 1)[1].strip() for line in done.stdout.splitlines()[-2:])
    assert tabs == "、".join(title for title, _module, _name in TABS)
    opened = set(dialogs.split())
    assert {"DeputyFormDialog", "ActivityDialog", "OpinionDialog", "StationListDialog", "OfficeSettingsDialog",
            "AboutDialog", "PdfPreviewDialog", "HouseholdsDialog", "DayDialog"} <= opened
    assert len(opened) >= 20
