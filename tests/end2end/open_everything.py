"""Start the program on a database, open every tab and every dialog its menus and buttons open, quit.

    python tests/end2end/open_everything.py DATABASE

Run by test_clean_exit.py in a process of its own (offscreen): what counts is how that process
ends. Dialogs are shown and painted, then closed as if the clerk cancelled them (nothing waits:
every modal loop, file chooser and message box answers at once). Printed at the end: the tabs
visited and the dialog classes opened. Qt's offscreen platform says it cannot pass size hints to
a window manager it does not have; that one line is not ours and is left out of stderr, any other
message of Qt goes there.
"""
import os
import sys
import traceback

from PySide6.QtCore import QtMsgType, QTimer, qInstallMessageHandler
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QApplication, QDialog, QFileDialog, QInputDialog, QMenu, QMessageBox, QPushButton,
                               QTabWidget)

# what the offscreen platform says of window-manager calls it has no window manager for
OFFSCREEN_ONLY = {"This plugin does not support propagateSizeHints()", "This plugin does not support raise()"}
opened: list[str] = []
visited: list[str] = []


def qt_messages(kind, _context, message: str) -> None:
    if message not in OFFSCREEN_ONLY and kind != QtMsgType.QtDebugMsg:
        print(message, file=sys.stderr)


def cancelled(self, *_args, **_kwargs) -> int:
    """QDialog.exec: shown and painted, then cancelled."""
    opened.append(type(self).__name__)
    self.show()
    QApplication.processEvents()
    self.reject()
    return 0


def no(*_args, **_kwargs):
    return QMessageBox.StandardButton.No


def patch_modal_loops() -> None:
    QDialog.exec = cancelled
    QMessageBox.exec = cancelled
    for name in ("question", "information", "warning", "critical"):
        setattr(QMessageBox, name, staticmethod(no))
    QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: ("", ""))
    QFileDialog.getOpenFileNames = staticmethod(lambda *a, **k: ([], ""))
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: ("", ""))
    QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: "")
    QInputDialog.getItem = staticmethod(lambda *a, **k: ("", False))
    QInputDialog.getText = staticmethod(lambda *a, **k: ("", False))
    QInputDialog.getInt = staticmethod(lambda *a, **k: (0, False))
    QMenu.exec = lambda *a, **k: None
    QDesktopServices.openUrl = staticmethod(lambda *a, **k: True)   # no file manager, no browser


def menu_actions(window) -> list:
    found = []
    for top in window.menuBar().actions():
        menu = top.menu()
        for action in (menu.actions() if menu else []):
            if action.menu():
                found += [a for a in action.menu().actions() if not a.isSeparator()]
            elif not action.isSeparator():
                found.append(action)
    return found


def open_everything(window) -> None:
    from gridoffice.views.shell.main_window import PlaceholderPage

    while any(isinstance(page, PlaceholderPage) for page in window.pages):   # the other tabs being filled
        QApplication.processEvents()
    tabs = window.findChild(QTabWidget)
    quit_action = window.actions.quit
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        QApplication.processEvents()
        visited.append(tabs.tabText(index))
        page = tabs.currentWidget()
        table = getattr(page, "table", None)
        if table is not None and table.model().rowCount() > 0:   # a row chosen: its papers and its form
            table.setCurrentIndex(table.model().index(0, 0))
            row = page.selected_row() if hasattr(page, "selected_row") else None
            if row is not None and hasattr(page, "row_activated"):
                page.row_activated.emit(row)
            QApplication.processEvents()
        for action in menu_actions(window):
            if action is not quit_action and action.isEnabled():
                action.trigger()
                QApplication.processEvents()
        for button in tabs.currentWidget().findChildren(QPushButton):
            if not (button.isVisible() and button.isEnabled()):
                continue
            if button.menu():
                for action in button.menu().actions():
                    if action.isEnabled() and not action.isSeparator():
                        action.trigger()
            else:
                button.click()
            QApplication.processEvents()
    print("tabs:", "、".join(visited))
    print("dialogs:", " ".join(sorted(set(opened))), flush=True)
    quit_action.trigger()


def open_everything_or_say_why(window) -> None:
    try:
        open_everything(window)
    except BaseException:
        traceback.print_exc()   # on stderr, where the test looks; the window is closed all the same
        window.actions.quit.trigger()


def main() -> int:
    qInstallMessageHandler(qt_messages)
    patch_modal_loops()
    from gridoffice.cli import main as gridoffice
    from gridoffice.views.shell.main_window import MainWindow

    start = MainWindow.start

    def start_then_open_everything(window, *args, **kwargs):
        start(window, *args, **kwargs)
        QTimer.singleShot(0, lambda: open_everything_or_say_why(window))   # once the event loop runs

    MainWindow.start = start_then_open_everything
    return gridoffice(["--db", sys.argv[1]])   # a file or a server's URL


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
