"""Where file dialogs start: the clerk's Documents folder (never the program's own folder,
the working directory of a shortcut, or the hidden data folder)."""
from pathlib import Path

from PySide6.QtCore import QStandardPaths


def start_path(file_name: str = "") -> str:
    """The dialog's starting point in Documents, with a suggested file name when saving."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
    return str(folder / file_name) if file_name else str(folder)
