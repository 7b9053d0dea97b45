"""A table named through `gridoffice.domain` loads its own module and the modules of the tables it
points to, not every table (issue 18: commands start light). Whatever a command loads that way
works on its own: every key resolves, every relationship finds its class."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import gridoffice.domain
from gridoffice.domain import tables

ROOT = Path(__file__).resolve().parents[2]

# in a fresh interpreter: load one module, then configure its mappers and resolve its tables' keys
ALONE = """
import importlib, json, sys
module = importlib.import_module("gridoffice.domain." + sys.argv[1])
from sqlalchemy.orm import configure_mappers
from gridoffice.domain.base import metadata
configure_mappers()
for table in metadata.tables.values():
    for key in table.foreign_keys:
        key.column   # raises NoReferencedTableError when the table pointed to was not loaded
print(json.dumps(sorted(name for name in sys.modules if name.startswith("gridoffice.domain."))))
"""


def test_every_table_is_listed_with_the_module_declaring_it():
    listed = {name: module for module, names in gridoffice.domain.TABLE_MODULES.items() for name in names}
    assert set(listed) == set(tables.__all__) - {"metadata"}
    for name, module in listed.items():
        assert getattr(tables, name).__module__ == f"gridoffice.domain.{module}", name


def test_a_table_named_through_the_package_is_the_tables_module_one():
    from gridoffice.domain import Deputy, ReceptionDay

    assert Deputy is tables.Deputy and ReceptionDay is tables.ReceptionDay


@pytest.mark.parametrize("module", list(gridoffice.domain.TABLE_MODULES))
def test_a_table_module_loaded_alone_has_every_table_it_points_to(module):
    result = subprocess.run([sys.executable, "-c", ALONE, module], capture_output=True, text=True, cwd=ROOT,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert f"gridoffice.domain.{module}" in loaded
    if module in ("stations", "grids", "deputies", "reception"):
        # the reception calendar's tables do not bring in 履职成果, households or duties
        assert not {"gridoffice.domain.outcomes", "gridoffice.domain.households",
                    "gridoffice.domain.duties"} & set(loaded)
