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
        QMessageBox.warning(parent, "导出失败", f"无法写入“{path}”：" + (disk_trouble(error) or (
            f"{error.strerror or error}。文件可能正在 Excel 或 WPS 中打开，请关闭后再试，或换一个文件名。")))
        return None
    QMessageBox.information(parent, "导出完成", f"已导出 {count} {unit}到：\n{path}")
    return path


def disk_trouble(error: OSError) -> str | None:
    """The disk's part in a file that could not be written, in Chinese (a full disk, a write-protected
    or pulled-out stick: never the system's English), or None when it is something else."""
    import errno

    from gridoffice.db import storage   # the data layer is loaded long before anything is exported

    said = storage.explain(error)
    if said == storage.DISK_FULL:
        return "磁盘（或U盘）已满，文件没有写完。请清理出空间，或换一个位置后再试。"
    if said == storage.DEVICE_GONE:
        return "读写磁盘时出错，U盘可能已被拔出，文件没有写完。请插好U盘后再试。"
    if error.errno == errno.EROFS or getattr(error, "winerror", None) == 19:
        return "这个位置是只读的（写保护的U盘或光盘），请换一个位置。"
    return None
