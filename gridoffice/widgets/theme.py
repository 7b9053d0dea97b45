"""The qt-material light theme, in the bundled Chinese font.

qt-material renders its template and rewrites its icon files on every call (0.1-0.4 s),
so the stylesheet and icons are exported once into a cache folder keyed by the theme's
settings and loaded from there on every later start.
"""
import hashlib
import importlib.util
import json
import sys
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from gridoffice.paths import data_dir
from gridoffice.services.common.fonts import QT_FAMILIES

THEME = "light_blue.xml"
EXTRA = {
    "font_family": QT_FAMILIES[0],
    "font_size": "13px",
    "density_scale": "-1",
    "danger": "#c62828",
    "warning": "#ef6c00",
    "success": "#2e7d32",
}
# tweaks qt-material does not cover: readable table text, tab labels not upper-cased
EXTRA_QSS = """
QTableView { font-size: 13px; }
QHeaderView::section { font-weight: bold; padding: 0 6px; color: #37474f; }
QTabBar::tab { text-transform: none; font-size: 14px; min-width: 70px; padding-left: 12px; padding-right: 12px; }
QPushButton { text-transform: none; }
QGroupBox { text-transform: none; font-size: 13px; }
QStatusBar QLabel { color: #455a64; }
QListView::indicator:unchecked, QTreeView::indicator:unchecked { image: url(icon:/primary/checkbox_unchecked.svg); }
QListView::indicator:checked, QTreeView::indicator:checked { image: url(icon:/primary/checkbox_checked.svg); }
QListView::indicator, QTreeView::indicator { width: 20px; height: 20px; }
"""


def _cache_dir() -> Path:
    key = json.dumps([THEME, EXTRA, _package_stamp()], sort_keys=True)
    return data_dir() / "theme-cache" / hashlib.sha256(key.encode()).hexdigest()[:12]


def _package_stamp() -> str:
    """What stands for qt-material's version: its file (importing it and jinja2 would cost 40-180 ms).
    In the frozen program the package is inside the program's archive: the program stands for it."""
    package = Path(importlib.util.find_spec("qt_material").origin)
    if not package.is_file():
        package = Path(sys.executable)
    return f"{package}:{package.stat().st_mtime_ns}"


def _export(folder: Path) -> None:
    from qt_material import export_theme

    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / "theme.qss.part"
    export_theme(theme=THEME, qss=str(partial), invert_secondary=True, extra=dict(EXTRA),
                 output=str(folder / "icons"), prefix="icon:/")
    partial.replace(folder / "theme.qss")


def apply_theme(app: QApplication) -> None:
    folder = _cache_dir()
    qss_file = folder / "theme.qss"
    if not qss_file.is_file():
        _export(folder)
    QDir.addSearchPath("icon", str(folder / "icons"))
    app.setStyle("Fusion")
    palette = QGuiApplication.palette()
    palette.setColor(QPalette.ColorRole.Text, QColor("#212121"))
    QGuiApplication.setPalette(palette)
    app.setStyleSheet(qss_file.read_text(encoding="utf-8") + EXTRA_QSS)
