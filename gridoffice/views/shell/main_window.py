"""The main window: composes the tabs, menus and status bar, and wires their signals.

It holds no business logic: every action calls a tab, a dialog or a service. Each tab is a
TabPage (widgets/tab_page.py) and brings its own menu actions and status-bar widgets.
"""
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QPaintEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTabWidget, QWidget

from gridoffice.db import Database
from gridoffice.domain.clock import Clock
from gridoffice.services.common.settings import read_office_name
from gridoffice.widgets.tab_page import TabPage
from gridoffice.widgets.ui_settings import ui_settings

from gridoffice.views.shell.actions import create_main_actions
from gridoffice.views.activities.tab import ActivitiesTab
from gridoffice.views.backup.controller import BackupController
from gridoffice.views.duties.tab import DutiesTab
from gridoffice.views.grids.tab import GridsTab
from gridoffice.views.households.tab import HouseholdsTab
from gridoffice.views.office.about import AboutDialog
from gridoffice.views.office.selftest import show_selftest
from gridoffice.views.office.settings import OfficeSettingsDialog
from gridoffice.views.opinions.tab import OpinionsTab
from gridoffice.views.people.tab import PeopleTab
from gridoffice.views.reception.tab import ReceptionTab
from gridoffice.views.roster.tab import RosterTab
from gridoffice.views.office.stations import StationListDialog

TAB_CLASSES = (RosterTab, GridsTab, ActivitiesTab, ReceptionTab, OpinionsTab, HouseholdsTab, DutiesTab, PeopleTab)
MENU_TITLES = ("文件(&F)", "编辑(&E)", "查看(&V)", "打印(&P)", "工具(&T)", "帮助(&H)")


class MainWindow(QMainWindow):
    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None, *, load_now: bool = True):
        """load_now=False leaves the tabs empty until the window has painted once, then fills
        them (finish_start): the clerk sees the window sooner."""
        super().__init__(parent)
        self.db = db
        self.clock = clock
        self.actions = create_main_actions(self)
        self._init_tabs()
        self._init_menus()
        self._init_status_bar()
        self._connect_actions()
        self.backup_controller = BackupController(self)
        self.refresh_title()
        if load_now:
            self.reload_all()
        self._start_after_paint = not load_now
        self._start_maximized = self._restore_geometry()

    # --- building -------------------------------------------------------------------
    def _init_tabs(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.pages: list[TabPage] = [tab_class(self.db, self.clock, self) for tab_class in TAB_CLASSES]
        for tab in self.pages:
            self.tabs.addTab(tab, tab.title)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.setCentralWidget(self.tabs)
        by_class = {type(tab): tab for tab in self.pages}
        if GridsTab in by_class and HouseholdsTab in by_class:   # 网格 ▸ 重点户台账 opens that grid's households
            by_class[GridsTab].households_requested.connect(by_class[HouseholdsTab].show_grid)

    def _init_menus(self) -> None:
        self.menus: dict[str, QMenu] = {}
        for title in MENU_TITLES:
            self.menus[title.split("(")[0]] = self.menuBar().addMenu(title)
        a = self.actions
        self.menus["文件"].addAction(a.new_record)
        self.menus["文件"].addSeparator()
        self.menus["文件"].addAction(a.quit)
        self.menus["编辑"].addAction(a.find)
        self.menus["编辑"].addAction(a.reload)
        for number, tab in enumerate(self.pages, start=1):
            switch = QAction(tab.title, self)
            switch.setShortcut(QKeySequence(f"Ctrl+{number}"))
            switch.triggered.connect(lambda _checked=False, t=tab: self.tabs.setCurrentWidget(t))
            self.menus["查看"].addAction(switch)
        self.menus["打印"].addAction(a.print_list)
        self.menus["工具"].addAction(a.office_settings)
        self.menus["工具"].addAction(a.stations)
        self.menus["工具"].addAction(a.selftest)
        self.menus["工具"].addAction(a.open_data_folder)
        self.menus["帮助"].addAction(a.about)
        for tab in self.pages:
            for title, actions in tab.menu_actions().items():
                menu = self.menus[title]
                menu.addSeparator()
                menu.addActions(actions)

    def _init_status_bar(self) -> None:
        self.db_label = QLabel(f"数据库：{self.db.path}", self)
        self.db_label.setToolTip(str(self.db.path))
        for tab in self.pages:
            for widget in tab.status_widgets():
                self.statusBar().addPermanentWidget(widget)
        self.statusBar().addPermanentWidget(self.db_label)

    def _connect_actions(self) -> None:
        a = self.actions
        a.new_record.triggered.connect(lambda: self.current_tab().new_record())
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(lambda: self.current_tab().focus_search())
        a.reload.triggered.connect(lambda: self.current_tab().reload())
        a.print_list.triggered.connect(lambda: self.current_tab().print_current())
        a.office_settings.triggered.connect(self.edit_office_settings)
        a.stations.triggered.connect(self.edit_stations)
        a.selftest.triggered.connect(lambda: show_selftest(self))
        a.open_data_folder.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.db.path.parent))))
        a.about.triggered.connect(lambda: AboutDialog(self.db.path, self).exec())
        self._on_tab_changed(self.tabs.currentIndex())

    # --- behaviour ------------------------------------------------------------------
    def current_tab(self) -> TabPage:
        return self.tabs.currentWidget()

    def _on_tab_changed(self, _index: int) -> None:
        self.actions.new_record.setEnabled(self.current_tab().can_create)

    def refresh_title(self) -> None:
        self.office_name = read_office_name(self.db)
        self.setWindowTitle(self.office_name)  # Qt appends " — 人大工委网格履职台账" (the application display name)

    def reload_all(self) -> None:
        for tab in self.pages:
            tab.reload()

    def replace_database(self, db: Database) -> None:
        """Work on another Database from now on (after a restore): every tab reloads from it."""
        self.db = db
        for tab in self.pages:
            tab.db = db
        self.db_label.setText(f"数据库：{db.path}")
        self.db_label.setToolTip(str(db.path))
        self.refresh_title()
        self.reload_all()

    def edit_stations(self) -> None:
        dialog = StationListDialog(self.db, self)
        dialog.exec()
        if dialog.changed:
            self.reload_all()

    def edit_office_settings(self) -> None:
        if OfficeSettingsDialog(self.db, self).exec():
            self.refresh_title()

    # --- geometry -------------------------------------------------------------------
    def _restore_geometry(self) -> bool:
        """Restores size, position, columns and tab; True when nothing was remembered yet."""
        settings = ui_settings()
        geometry = settings.value("main_window/geometry")
        remembered = geometry is not None and self.restoreGeometry(geometry)
        if not remembered:
            self.resize(1280, 720)
        for tab in self.pages:
            tab.restore_state()
        self.tabs.setCurrentIndex(int(settings.value("main_window/tab", 0)))
        return not remembered

    def show_as_remembered(self) -> None:
        """The first time maximized (the clerk's 1366x768 screen has no room to spare), then as left."""
        if self._start_maximized:
            self.showMaximized()
        else:
            self.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._start_after_paint:
            self._start_after_paint = False
            QTimer.singleShot(0, self.finish_start)

    def finish_start(self) -> None:
        """Once the window is on screen: fill the tabs, then let them say what needs attention."""
        self.reload_all()
        for tab in self.pages:
            tab.after_window_shown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.backup_controller.on_close()
        settings = ui_settings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/tab", self.tabs.currentIndex())
        for tab in self.pages:
            tab.save_state()
        super().closeEvent(event)
