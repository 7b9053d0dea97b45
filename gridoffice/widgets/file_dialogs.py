"""Where file dialogs start: the clerk's Documents folder (never the program's own folder,
the working directory of a shortcut, or the hidden data folder)."""
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def start_path(file_name: str = "") -> str:
    """The dialog's starting point in Documents, with a suggested file name when saving."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
    return str(folder / file_name) if file_name else str(folder)


# every format the imports read (chosen by content, so "所有文件" is offered too)
TABLE_FILTER = ";;".join([
    "表格文件 (*.xlsx *.xlsm *.xls *.et *.ods *.csv *.txt)",
    "Excel 工作簿 (*.xlsx *.xlsm)",
    "Excel 97-2003 工作簿 (*.xls)",
    "WPS 表格 (*.et)",
    "OpenDocument 表格 (*.ods)",
    "CSV 文本 (*.csv *.txt)",
    "所有文件 (*)",
])


def ask_open_table(parent: QWidget, caption: str) -> Path | None:
    """A spreadsheet to import (starting in Documents): .xlsx, .xls, WPS .et, .ods or CSV. None when cancelled."""
    path, _filter = QFileDialog.getOpenFileName(parent, caption, start_path(), TABLE_FILTER)
    return Path(path) if path else None


def ask_save_xlsx(parent: QWidget, caption: str, file_name: str) -> str | None:
    """Where to save an Excel workbook (starting in Documents); ".xlsx" added when the clerk left it
    off, since Excel and WPS open a workbook by its ending. None when cancelled."""
    path, _filter = QFileDialog.getSaveFileName(parent, caption, start_path(file_name), "Excel 工作簿 (*.xlsx)")
    if not path:
        return None
    return path if path.lower().endswith(".xlsx") else path + ".xlsx"


def _paper_key(kind: str) -> str:
    return f"paper_folders/{kind or '其他'}"


def paper_start_path(kind: str, file_name: str = "") -> str:
    """Where 另存为 starts for a kind of paper (接待日公告, 值班表…): the folder the clerk saved the
    last one in, while it still exists; the first time, Documents."""
    from .ui_settings import ui_settings

    remembered = ui_settings().value(_paper_key(kind))
    if remembered and Path(str(remembered)).is_dir():
        folder = Path(str(remembered))
        return str(folder / file_name) if file_name else str(folder)
    return start_path(file_name)


def remember_paper_folder(kind: str, folder: Path) -> None:
    from .ui_settings import ui_settings

    ui_settings().setValue(_paper_key(kind), str(folder))
