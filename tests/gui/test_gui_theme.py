"""The theme is exported once into a cache folder named after its settings and qt-material's version."""
import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

from gridoffice.widgets import theme


def test_the_cache_folder_changes_with_the_package_and_needs_no_source_file(monkeypatch, tmp_path):
    monkeypatch.setenv("GRIDOFFICE_DATA_DIR", str(tmp_path / "数据 文件夹"))
    installed = theme._cache_dir()
    assert installed.parent.name == "theme-cache"
    real_find_spec = importlib.util.find_spec

    def frozen_find_spec(name, *args):   # the frozen program: the package is inside its archive
        if name == "qt_material":
            return SimpleNamespace(origin=str(tmp_path / "_internal" / "qt_material" / "__init__.pyc"))
        return real_find_spec(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", frozen_find_spec)
    frozen = theme._cache_dir()
    assert frozen != installed and frozen.parent == installed.parent
    assert theme._package_stamp().startswith(str(Path(sys.executable)))
