"""What the main window asks of a tab. A tab is its own class; the window only composes them.

Override what applies: the defaults do nothing, so a tab with no form leaves Ctrl+N greyed,
and a tab with no printouts of its own adds nothing to the 打印 menu.
"""
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:   # the window's shell is built from TabPages before the data layer loads
    from gridoffice.db import Database
    from gridoffice.clock import Clock


class TabPage(QWidget):
    title = ""            # the tab's label
    settings_key = ""     # where its UI state is remembered
    can_create = False    # True when the tab has a form for Ctrl+N
    help_page = ""        # the guide's page for this tab (resources/help/<help_page>.html), opened by F1
    unreadable = ""       # why the tab's data could not be read (a damaged database), said where rows would be

    def __init__(self, db: "Database", clock: "Clock", parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.clock = clock   # the day as the window sees it (tests give a fixed one)

    def make_action(self, text: str, slot, tip: str = "") -> QAction:
        """An action of this tab (for menu_actions), its tip shown in the status bar."""
        action = QAction(text, self)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def reload(self) -> None:
        """Read the tab's data from the database again (F5, and after changes elsewhere)."""

    def focus_search(self) -> None:
        """Ctrl+F."""

    def new_record(self) -> None:
        """Ctrl+N, when can_create."""

    def print_current(self) -> None:
        """Ctrl+P: print what the tab shows."""

    def menu_actions(self) -> dict[str, list[QAction]]:
        """Extra actions for the window's menus, by menu title ("文件", "编辑", "打印", "工具")."""
        return {}

    def status_widgets(self) -> list[QWidget]:
        """Widgets for the window's status bar (e.g. a count of overdue opinions)."""
        return []

    def after_window_shown(self) -> None:
        """Called once the main window is on screen (start-up reminders)."""

    def restore_state(self) -> None:
        """Restore remembered UI state (column widths...)."""

    def save_state(self) -> None:
        """Remember UI state when the window closes."""
