"""Importing grids from Excel: a refused file lists every problem; communities the office does
not have yet are created only when the clerk says so."""
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from gridoffice.db import Database
from gridoffice.services.common.excel_io import ExcelFileError, ExcelImportError
from gridoffice.services.grids.excel import GridImportSummary, UnknownCommunitiesError, import_grids
from gridoffice.widgets.file_dialogs import start_path

from gridoffice.views.grids.map_panel import show_long_error


def import_grids_from_excel(db: Database, parent: QWidget) -> GridImportSummary | None:
    """Ask for a workbook and import it; None when cancelled or refused (the refusal is shown)."""
    path, _ = QFileDialog.getOpenFileName(parent, "导入网格", start_path(), "Excel 工作簿 (*.xlsx)")
    if not path:
        return None
    try:
        try:
            return import_grids(db, Path(path))
        except UnknownCommunitiesError as error:
            answer = QMessageBox.question(
                parent, "文件中有新的社区",
                f"文件中有 {len(error.names)} 个社区尚不存在：{'、'.join(error.names)}。\n\n"
                "是否新建这些社区，并导入全部网格？选“否”则不导入任何数据。")
            if answer != QMessageBox.StandardButton.Yes:
                return None
            return import_grids(db, Path(path), create_communities=True)
    except (ExcelFileError, ExcelImportError) as error:
        show_long_error(parent, "网格没有导入", str(error))
        return None
