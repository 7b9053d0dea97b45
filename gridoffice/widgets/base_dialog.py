"""A dialog that remembers its size and position, and never opens larger than the screen."""
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from .ui_settings import ui_settings

TITLE_BAR_GUESS = 40   # pixels


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

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """At 125 % on a 1366x768 screen a 1180x700 form is taller than the screen: shrink it to fit."""
        super().showEvent(event)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None:
            return
        frame = self.frameGeometry()
        # the title bar and borders (not always known before the window manager has framed the window)
        extra_width = max(frame.width() - self.width(), 2 * TITLE_BAR_GUESS // 5)
        extra_height = max(frame.height() - self.height(), TITLE_BAR_GUESS)
        width = min(self.width(), screen.width() - extra_width)
        height = min(self.height(), screen.height() - extra_height)
        if (width, height) != (self.width(), self.height()):
            self.resize(max(width, self.minimumSizeHint().width()), max(height, self.minimumSizeHint().height()))
        frame = self.frameGeometry()
        if not screen.contains(frame):
            self.move(max(screen.left(), min(frame.left(), screen.right() - frame.width() + 1)),
                      max(screen.top(), min(frame.top(), screen.bottom() - frame.height() + 1)))

    def done(self, result: int) -> None:
        ui_settings().setValue(self._settings_key, self.saveGeometry())
        super().done(result)
