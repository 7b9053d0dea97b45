"""The script that makes the guide's pictures still runs (it calls the screens and papers of the
program, whose signatures move on) and makes every picture a guide page shows."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HELP = ROOT / "resources" / "help"


@pytest.mark.sqlite_only   # the script builds its own SQLite demo: one run is enough
def test_the_pictures_script_makes_every_picture_the_guide_shows(tmp_path: Path):
    done = subprocess.run([sys.executable, str(HELP / "make_screenshots.py"), str(tmp_path / "图片")], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    shown = {name for page in HELP.glob("*.html")
             for name in re.findall(r'src="images/([^"]+\.png)"', page.read_text(encoding="utf-8"))}
    made = {path.name for path in (tmp_path / "图片").glob("*.png")}
    assert shown and shown <= made, sorted(shown - made)
    assert shown <= {path.name for path in (HELP / "images").glob("*.png")}   # and the committed ones are there
