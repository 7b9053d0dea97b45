"""Exporting a list to Excel from a tab, one way everywhere: ask where, write, report in Chinese.

    export_to_workbook(self, "导出网格", f"网格-{today:%Y%m%d}.xlsx", "个网格",
                       lambda path: export_grids(self.db, path))
"""
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from gridoffice.domain.errors import FieldError

from .file_dialogs import ask_save_xlsx


def export_to_workbook(parent: QWidget, caption: str, file_name: str, unit: str,
                       write: Callable[[Path], int]) -> Path | None:
    """Ask for a file (starting in Documents), call `write(path)` → number of rows written, and say
    what happened. `unit` counts the rows: "条民情意见", "个网格". None when cancelled or refused."""
    chosen = ask_save_xlsx(parent, caption, file_name)
    if not chosen:
        return None
    path = Path(chosen)
    try:
        count = write(path)
    except FieldError as error:
        QMessageBox.warning(parent, "导出失败", str(error))
        return None
    except OSError as error:
        QMessageBox.warning(parent, "导出失败", f"无法写入“{path}”：{error.strerror or error}。"
                            "文件可能正在 Excel 或 WPS 中打开，请关闭后再试，或换一个文件名。")
        return None
    QMessageBox.information(parent, "导出完成", f"已导出 {count} {unit}到：\n{path}")
    return path
