"""A dialog that remembers its size and position."""
from PySide6.QtWidgets import QDialog, QWidget

from .ui_settings import ui_settings


class BaseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, settings_key: str, title: str,
                 default_size: tuple[int, int] | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._settings_key = f"dialogs/{settings_key}/geometry"
        geometry = ui_settings().value(self._settings_key)
        if geometry is None or not self.restoreGeometry(geometry):
            if default_size:
                self.resize(*default_size)

    def done(self, result: int) -> None:
        ui_settings().setValue(self._settings_key, self.saveGeometry())
        super().done(result)
