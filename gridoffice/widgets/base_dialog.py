"""The dialog every window of the program is: it remembers its size and position, never opens
larger than the screen (a 1180x700 form at 125 % on a 1366x768 screen), and a form
(a dialog with fields) keeps the clerk's typing safe.

- Esc, 取消 or the window's ✕ on a form whose fields were changed asks first: 保存 (the form's own
  save, which may refuse and keep the form open), 放弃 (close without saving), 取消 (go on editing).
- Ctrl+S saves a form (its accept), F1 opens the guide's page for it (`help_page`).

A form is a dialog that saves what is typed into it: one with a 保存, 登记 or 确定 button (or a
button starting with 保存 or 确认); a dialog whose fields only choose what to do (which month to
print: 生成预览, 开始, 导入) is not, and closing it never asks. `is_form` set on a class decides
instead of the buttons.

"Changed" compares every field with what it held when the form was shown, so a new form needs no
code of its own. A form that saves part of its work before closing calls `mark_saved()`; one
whose state is not in its fields (a photo chosen, a list of ids) adds it in `form_state()`.
"""
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QDialog, QGroupBox, QLineEdit, QListWidget,
                               QMessageBox, QPlainTextEdit, QTableWidget, QTextEdit, QWidget)

from .ui_settings import ui_settings

TITLE_BAR_GUESS = 40   # pixels: the window manager has not always framed the window when it is shown
TRANSIENT = "gridoffice_transient"   # a widget property: a search box, not part of what a form saves
FORM_BUTTONS = ("保存", "登记", "确定")
FORM_BUTTON_STARTS = ("保存", "确认")
GUARDED = "gridoffice_read_only"   # a button the read-only guard disabled (widgets/read_only.py)


def mark_transient(widget: QWidget) -> QWidget:
    """Leave this field out of "changed" (a search box that only filters a list)."""
    widget.setProperty(TRANSIENT, True)
    return widget


class BaseDialog(QDialog):
    is_form: bool | None = None   # None: decided by the buttons (a 保存/登记/确定 button makes a form)
    help_page = ""        # the guide's page F1 opens (resources/help/<page>.html); "" for the index

    def __init__(self, parent: QWidget | None = None, *, settings_key: str, title: str,
                 default_size: tuple[int, int] | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._settings_key = f"dialogs/{settings_key}/geometry"
        self._saved_state: list | None = None   # the fields as shown; None until the form is shown
        geometry = ui_settings().value(self._settings_key)
        if geometry is None or not self.restoreGeometry(geometry):
            if default_size:
                self.resize(*default_size)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_by_key)
        QShortcut(QKeySequence(Qt.Key.Key_F1), self, activated=self.show_help)

    # --- what the fields hold -----------------------------------------------------------------
    def form_state(self) -> list:
        """What the fields hold now, in a comparable form (subclasses may add their own state)."""
        state = []
        for widget in self.findChildren(QWidget):
            if widget.property(TRANSIENT) or _inside_composite(widget):
                continue
            value = _field_value(widget)
            if value is not None:
                state.append((widget.objectName(), type(widget).__name__, value))
        return state

    def mark_saved(self) -> None:
        """The fields as they are now are saved: closing asks only about changes made after this."""
        self._saved_state = self.form_state()

    def saves_input(self) -> bool:
        """Is this a form (see the module's words)?"""
        if self.is_form is not None:
            return self.is_form
        texts = [button.text().replace("&", "").rstrip("…") for button in self.findChildren(QAbstractButton)
                 if not button.isCheckable()]
        return any(text in FORM_BUTTONS or text.startswith(FORM_BUTTON_STARTS) for text in texts)

    def has_unsaved_changes(self) -> bool:
        if self.read_only():
            return False   # nothing typed here can be saved: closing asks nothing
        return self._saved_state is not None and self.saves_input() and self.form_state() != self._saved_state

    def read_only(self) -> bool:
        """The database is read-only: the guard disabled this form's saving (widgets/read_only.py)."""
        return any(button.property(GUARDED) for button in self.findChildren(QAbstractButton))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._fit_on_screen()
        if self._saved_state is None:
            self.mark_saved()

    def _fit_on_screen(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None:
            return
        frame = self.frameGeometry()
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

    # --- closing ------------------------------------------------------------------------------
    def may_discard(self) -> bool:
        """True when the dialog may close without saving: nothing changed, or the clerk says so.
        Answering 保存 runs the form's accept (which closes it when the input is good)."""
        if not self.has_unsaved_changes():
            return True
        answer = QMessageBox.question(self, "未保存的修改", "填写的内容已修改但还没保存，要保存吗？",
                                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                                      | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            self.save_changes()
            return False
        if answer == QMessageBox.StandardButton.Discard:
            self._saved_state = None   # asked once: what follows closes without asking again
            return True
        return False

    def save_changes(self) -> None:
        """保存 from the question or Ctrl+S: the form's own save (accept by default)."""
        self.accept()

    def reject(self) -> None:
        if self.may_discard():
            super().reject()

    def save_by_key(self) -> None:
        if self.saves_input() and not self.read_only():
            self.save_changes()

    def show_help(self) -> None:
        from .help_browser import show_help   # the guide's pages: read when asked for

        show_help(self, self.help_page)

    def done(self, result: int) -> None:
        ui_settings().setValue(self._settings_key, self.saveGeometry())
        super().done(result)


def _inside_composite(widget: QWidget) -> bool:
    """The line edit inside a spin box or an editable combo box: its owner is the field."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox)) or parent.property(TRANSIENT):
            return True
        if isinstance(parent, QDialog):
            return False
        parent = parent.parentWidget()
    return False


def _field_value(widget: QWidget):
    """The value of an input widget, None for anything else."""
    if isinstance(widget, QLineEdit):
        return None if widget.isReadOnly() else widget.text()
    if isinstance(widget, QPlainTextEdit):
        return None if widget.isReadOnly() else widget.toPlainText()
    if isinstance(widget, QTextEdit):
        return None if widget.isReadOnly() else widget.toPlainText()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QGroupBox):
        return widget.isChecked() if widget.isCheckable() else None
    if isinstance(widget, QAbstractButton):
        return widget.isChecked() if widget.isCheckable() else None
    if isinstance(widget, QTableWidget):
        return tuple((item.text(), item.checkState().value if item.flags() & Qt.ItemFlag.ItemIsUserCheckable else 0)
                     for row in range(widget.rowCount()) for column in range(widget.columnCount())
                     if (item := widget.item(row, column)) is not None)
    if isinstance(widget, QListWidget):
        checkable = [widget.item(i) for i in range(widget.count())
                     if widget.item(i).flags() & Qt.ItemFlag.ItemIsUserCheckable]
        if checkable:
            return tuple((item.text(), item.checkState().value) for item in checkable)
        return tuple(widget.item(i).text() for i in range(widget.count()))
    return None
