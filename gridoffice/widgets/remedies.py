"""A refusal that has a remedy offers it: a button that opens the station editor, the roster, the
rule, instead of only saying what is missing.

The remedies are the main window's (`edit_stations`, `edit_rules`, `show_tab`, …), reached from any
widget through `main_window(widget)`; a dialog or tab alone in a test has none and offers none.
"""
from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

Remedy = tuple[str, Callable[[], object]]


def main_window(widget: QWidget | None):
    """The program's main window above a widget (through dialogs' parents), or None."""
    while widget is not None:
        window = widget.window()
        if hasattr(window, "show_tab") and hasattr(window, "edit_stations"):
            return window
        widget = window.parentWidget()
    return None


def remedy(widget: QWidget, label: str, method: str, *args) -> list[Remedy]:
    """[(label, the main window's method)] when there is a main window, else []."""
    window = main_window(widget)
    if window is None or not hasattr(window, method):
        return []
    return [(label, lambda: getattr(window, method)(*args))]


def go_to_tab(widget: QWidget, label: str, tab_class: str, method: str = "") -> list[Remedy]:
    """A remedy that brings a tab forward (and calls one of its methods: "new_record")."""
    window = main_window(widget)
    if window is None:
        return []

    def go() -> None:
        page = window.show_tab(tab_class)
        if page is not None and method:
            getattr(page, method)()

    return [(label, go)]


def refuse(parent: QWidget, title: str, text: str, remedies: Sequence[Remedy] = ()) -> bool:
    """Say why not, with a button for each remedy (and 关闭); the chosen remedy runs once the
    message is closed. True when a remedy was chosen."""
    if not remedies:
        QMessageBox.information(parent, title, text)
        return False
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.NoButton, parent)
    buttons = [(box.addButton(label, QMessageBox.ButtonRole.ActionRole), slot) for label, slot in remedies]
    box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(buttons[0][0])
    box.exec()
    chosen = next((slot for button, slot in buttons if box.clickedButton() is button), None)
    if chosen is None:
        return False
    chosen()
    return True


def after_closing(dialog: QWidget, slot: Callable[[], object]) -> Callable[[], None]:
    """A remedy that lives outside a modal dialog (a tab): close the dialog, then run it."""
    def run() -> None:
        dialog.close()
        QTimer.singleShot(0, slot)

    return run
