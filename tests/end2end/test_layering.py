"""domain ← db ← services ← Qt: the lower layers never load PySide6."""
import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys
import gridoffice.domain, gridoffice.db, gridoffice.services, gridoffice.cli
for package in (gridoffice.domain, gridoffice.db, gridoffice.services):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if ".migrations" not in module.name:
            importlib.import_module(module.name)
from gridoffice.cli import build_parser
build_parser()
loaded = sorted(name for name in sys.modules if name.startswith(("PySide6", "qt_material")))
print(",".join(loaded))
"""


def test_domain_db_services_and_cli_load_no_qt():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
