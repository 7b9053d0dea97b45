"""The main window: composes the tabs, menus and status bar, and wires their signals.

It holds no business logic: every action calls a tab, a dialog or a service. Each tab is a
TabPage (widgets/tab_page.py) and brings its own menu actions and status-bar widgets.

Start-up paints the window before the data layer (SQLAlchemy, SQLModel, pydantic) is imported:
this module imports neither it nor the tab modules (which import their services). `MainWindow()`
is the shell: menus and the tabs' titles over placeholder pages. `open_database(db, clock)` then
imports the tabs, puts them in place and fills them (`start` does it at start-up, painting the tab
on show before the others are filled). Dialogs are imported when they open.
"""
import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QMainWindow, QMenu, QMessageBox, QTabWidget,
                               QVBoxLayout, QWidget)

from gridoffice import APP_TITLE
from gridoffice.views.shell.actions import create_main_actions
from gridoffice.widgets.tab_page import TabPage
from gridoffice.widgets.ui_settings import ui_settings

if TYPE_CHECKING:
    from gridoffice.db import Database
    from gridoffice.clock import Clock

# (title, module, class) of each tab, in order: the shell shows the titles before the modules load
TABS = (
    ("代表名册", "gridoffice.views.roster.tab", "RosterTab"),
    ("网格列表", "gridoffice.views.grids.tab", "GridsTab"),
    ("走访记录", "gridoffice.views.activities.tab", "ActivitiesTab"),
    ("接待日历", "gridoffice.views.reception.tab", "ReceptionTab"),
    ("民情办理", "gridoffice.views.opinions.tab", "OpinionsTab"),
    ("统计", "gridoffice.views.stats.tab", "StatsTab"),
    ("履职成果", "gridoffice.views.outcomes.tab", "OutcomesTab"),
    ("重点户", "gridoffice.views.households.tab", "HouseholdsTab"),
    ("网格值守", "gridoffice.views.duties.tab", "DutiesTab"),
    ("人员与队伍", "gridoffice.views.people.tab", "PeopleTab"),
)
MENU_TITLES = ("文件(&F)", "编辑(&E)", "查看(&V)", "打印(&P)", "工具(&T)", "帮助(&H)")
NOTICE_SPACING = 6          # pixels between the status bar's notices
DB_LABEL_CHARACTERS = 13   # the status bar's database name at most this wide, in Chinese characters
#                            ("数据库：gridoffice.sqlite" fits): the bar is full at 125 % on a 1366 px screen


def tab_class(index: int) -> type[TabPage]:
    """The class of the tab at index (importing its module loads the data layer)."""
    _title, module, name = TABS[index]
    return getattr(importlib.import_module(module), name)


class PlaceholderPage(TabPage):
    """Stands in for a tab while the database opens: its title, and a word that data is coming."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(None, None, parent)
        self.title = title
        row = QHBoxLayout()   # centred by stretches: Qt's enums take 50 ms to build, not before the first paint
        row.addStretch(1)
        row.addWidget(QLabel("正在读取数据…", self))
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addLayout(row)
        column.addStretch(2)


class MainWindow(QMainWindow):
    painted = Signal()   # once, at the first paint: start-up opens the database after it
    # the full check (integrity, references) runs this long after start-up, in the background;
    # None: not at all (tests run it when they mean to, through self.storage)
    full_check_delay_ms: int | None = 5000

    def __init__(self, db: "Database | None" = None, clock: "Clock | None" = None, parent: QWidget | None = None):
        """Without a database: the shell that start-up paints first (see open_database).
        With one: the whole window, its tabs filled."""
        super().__init__(parent)
        self.painted_once = False
        self.db: "Database | None" = None
        self.clock = clock
        self.backup_controller = None
        self.storage = None   # the database's health: banner, read-only, 检查数据库 (views/shell/storage.py)
        self.actions = create_main_actions(self)
        self._init_tabs()
        self._init_menus()
        self._connect_actions()
        self.setWindowTitle(APP_TITLE)
        self._start_maximized = self._restore_geometry()
        if db is not None:
            self.open_database(db, clock)

    # --- building -------------------------------------------------------------------
    def _init_tabs(self) -> None:
        """Placeholders until the database is open (_put_tab)."""
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.pages: list[TabPage] = [PlaceholderPage(title, self) for title, _module, _name in TABS]
        for page in self.pages:
            self.tabs.addTab(page, page.title)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        central = QWidget(self)   # the tabs, under the storage banner when the database is read-only
        self.central_column = QVBoxLayout(central)
        self.central_column.setContentsMargins(0, 0, 0, 0)
        self.central_column.setSpacing(0)
        self.central_column.addWidget(self.tabs)
        self.setCentralWidget(central)

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
        self.tab_switches: list[QAction] = []   # Ctrl+1…: set with the other shortcuts (_set_shortcuts)
        for index, (title, _module, _name) in enumerate(TABS):
            switch = QAction(title, self)
            switch.triggered.connect(lambda _checked=False, i=index: self.tabs.setCurrentIndex(i))
            self.menus["查看"].addAction(switch)
            self.tab_switches.append(switch)
        self.menus["打印"].addAction(a.print_list)
        self.menus["工具"].addAction(a.office_settings)
        self.menus["工具"].addAction(a.stations)
        self.menus["工具"].addAction(a.selftest)
        self.menus["工具"].addAction(a.check_database)
        self.menus["工具"].addAction(a.open_data_folder)
        self.menus["帮助"].addAction(a.help)
        self.menus["帮助"].addAction(a.guide)
        self.menus["帮助"].addSeparator()
        self.menus["工具"].addAction(a.database_connection)
        self.menus["帮助"].addAction(a.about)

    def _add_tab_menus(self) -> None:
        for tab in self.pages:
            for title, actions in tab.menu_actions().items():
                menu = self.menus[title]
                menu.addSeparator()
                menu.addActions(actions)

    def _set_shortcuts(self) -> None:
        self.actions.set_shortcuts()
        for number, switch in enumerate(self.tab_switches, start=1):
            switch.setShortcut(QKeySequence(f"Ctrl+{number}"))

    def _init_status_bar(self) -> None:
        """The tabs' notices and the database's name in one row, which steps aside while the bar shows
        a message: at 125 % on a 1366 px screen the row fills the bar, and a message ("自动备份没有成功…")
        would show its first character only."""
        self.notices = QWidget(self)
        self.notice_row = QHBoxLayout(self.notices)
        self.notice_row.setContentsMargins(0, 0, 0, 0)
        self.notice_row.setSpacing(NOTICE_SPACING)
        for tab in self.pages:
            for widget in tab.status_widgets():
                self.notice_row.addWidget(widget)
        self.db_label = QLabel(self.notices)
        self.notice_row.addWidget(self.db_label)
        self.statusBar().addPermanentWidget(self.notices)
        self.statusBar().messageChanged.connect(lambda message: self.notices.setVisible(not message))
        self._show_db_path()

    def add_notice(self, widget: QWidget) -> None:
        """A notice at the start of the status bar's row (the backup's)."""
        self.notice_row.insertWidget(0, widget)

    def _connect_actions(self) -> None:
        a = self.actions
        a.new_record.triggered.connect(lambda: self.current_tab().new_record())
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(lambda: self.current_tab().focus_search())
        a.reload.triggered.connect(lambda: self.current_tab().reload())
        a.print_list.triggered.connect(lambda: self.current_tab().print_current())
        a.office_settings.triggered.connect(self.edit_office_settings)
        a.stations.triggered.connect(lambda: self.edit_stations())
        a.selftest.triggered.connect(self.run_selftest)
        a.check_database.triggered.connect(lambda: self.storage.show_check_dialog())
        a.open_data_folder.triggered.connect(self.open_data_folder)
        a.help.triggered.connect(self.show_help)
        a.guide.triggered.connect(lambda: self.open_guide())
        a.database_connection.triggered.connect(self.edit_database_connection)
        a.about.triggered.connect(self.show_about)
        self._enable_database_actions(False)
        self._on_tab_changed(self.tabs.currentIndex())

    def _enable_database_actions(self, enabled: bool) -> None:
        for action in (self.actions.office_settings, self.actions.stations, self.actions.open_data_folder,
                       self.actions.guide, self.actions.about, self.actions.check_database):
            action.setEnabled(enabled)

    # --- the database ---------------------------------------------------------------
    def open_database(self, db: "Database", clock: "Clock") -> None:
        """The tabs on this database (importing them loads the data layer), filled."""
        self.db, self.clock = db, clock
        for index in range(len(TABS)):
            self._put_tab(index)
        self._finish_tabs()
        self.reload_all()

    def start(self, db: "Database", clock: "Clock") -> None:
        """At start-up, once the shell has painted: the tab on show first, made, filled and painted
        before the other tabs are imported and filled; then the tabs' start-up reminders."""
        from gridoffice.views.shell.storage import reload_tab

        self.db, self.clock = db, clock
        shown = self._put_tab(self.tabs.currentIndex())
        self.refresh_title()
        unreadable = [] if reload_tab(shown) else [shown.title]
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)   # lay out, paint
        for index, page in enumerate(self.pages):
            if isinstance(page, PlaceholderPage):
                self._put_tab(index)
        self._finish_tabs()
        unreadable += [tab.title for tab in self.pages if tab is not shown and not reload_tab(tab)]
        self.storage.tabs_unreadable(unreadable)
        if self.db.writable:   # a read-only database: its banner first, and nothing due can be done there
            for tab in self.pages:
                if tab.title not in unreadable:
                    tab.after_window_shown()
        if self.full_check_delay_ms is not None and not self.db.damaged:
            self.storage.schedule_check(self.full_check_delay_ms)

    def _put_tab(self, index: int) -> TabPage:
        """The tab (its module imported now) in place of the placeholder at index."""
        page = tab_class(index)(self.db, self.clock, self)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)   # the tab on show stays, as far as anyone can tell
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, page, page.title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        self.pages[index].deleteLater()
        self.pages[index] = page
        page.restore_state()
        return page

    def _finish_tabs(self) -> None:
        """Once every tab is in place: their menus and status-bar widgets, backups, title, shortcuts."""
        from gridoffice.views.backup.controller import BackupController
        from gridoffice.views.shell.storage import StorageController

        self._add_tab_menus()
        self._init_status_bar()
        self._connect_tabs()
        if not self.db.is_server:   # a district's server is backed up by its IT (pg_dump), not by each PC
            self.backup_controller = BackupController(self)
        self.refresh_title()
        self._enable_database_actions(True)
        self._set_shortcuts()
        self._on_tab_changed(self.tabs.currentIndex())
        self.storage = StorageController(self)   # last: a read-only database disables the editing just set up

    def _connect_tabs(self) -> None:
        """Signals between tabs: 网格 ▸ 重点户台账 opens that grid's households in the 重点户 tab."""
        by_name = {type(tab).__name__: tab for tab in self.pages}
        if "GridsTab" in by_name and "HouseholdsTab" in by_name:
            by_name["GridsTab"].households_requested.connect(by_name["HouseholdsTab"].show_grid)

    def replace_database(self, db: "Database") -> None:
        """Work on another Database from now on (after a restore): every tab reloads from it."""
        self.db = db
        for tab in self.pages:
            tab.db = db
        self._show_db_path()
        self.refresh_title()
        self.storage.refresh()   # a restored database is sound: the banner goes, editing comes back
        self._on_tab_changed(self.tabs.currentIndex())
        self.reload_all()

    def _show_db_path(self) -> None:
        """Which database is open: the file, or the district's server (every clerk's changes are shared)."""
        where = self.db.describe()
        if self.db.is_server:
            shown = f"区库：{where}"
            self.db_label.setToolTip(f"{where}\n区里共用的数据库：各位干事的修改都保存在服务器上，由服务器每晚备份。")
        else:   # the file's name; its whole path (long under AppData) in the tooltip, where it leaves room
            shown = f"数据库：{self.db.path.name}"
            self.db_label.setToolTip(f"数据库文件：{where}")
        # a long name is shortened in the middle (its start and its .sqlite stay): the bar keeps room for the notices
        metrics = self.db_label.fontMetrics()
        self.db_label.setText(metrics.elidedText(shown, Qt.TextElideMode.ElideMiddle,
                                                 metrics.horizontalAdvance("数") * DB_LABEL_CHARACTERS))

    # --- behaviour ------------------------------------------------------------------
    def current_tab(self) -> TabPage:
        return self.tabs.currentWidget()

    def _on_tab_changed(self, _index: int) -> None:
        self.actions.new_record.setEnabled(self.current_tab().can_create)

    def refresh_title(self) -> None:
        from gridoffice.services.common.settings import read_office_name

        self.office_name = read_office_name(self.db)
        # Qt appends " — 人大工委网格履职台账" (the application display name)
        self.setWindowTitle(f"{self.office_name}（区库 {self.db.server_url.database}）" if self.db.is_server
                            else self.office_name)

    def reload_all(self) -> None:
        """Every tab from the database again; a tab that cannot be read (a damaged page) stays as it
        was, is named in the status bar, and the full check runs."""
        from gridoffice.views.shell.storage import reload_tab

        unreadable = [tab.title for tab in self.pages if not reload_tab(tab)]
        if self.storage is not None:
            self.storage.tabs_unreadable(unreadable)

    def storage_failed(self) -> None:
        """A read or write failed on the database's storage while working (the error report calls
        this): the full check runs, and damage it finds brings up the banner."""
        if self.storage is not None:
            self.storage.storage_failed()

    def edit_stations(self, station_id: int | None = None) -> None:
        from gridoffice.views.office.stations import StationListDialog

        dialog = StationListDialog(self.db, self, clock=self.clock, select_id=station_id)
        dialog.exec()
        if dialog.changed:
            self.reload_all()

    def show_tab(self, tab_class_name: str) -> TabPage | None:
        """Bring the tab of this class forward (a refusal's remedy: "go to the roster")."""
        for page in self.pages:
            if type(page).__name__ == tab_class_name:
                self.tabs.setCurrentWidget(page)
                return page
        return None

    def edit_rules(self, station_id: int | None = None) -> None:
        from gridoffice.views.reception.rule_editor import RuleEditorDialog

        RuleEditorDialog(self.db, self.clock, self, station_id=station_id).exec()
        self.reload_all()

    # --- the first-run guide, its checklist, the guide's pages ----------------------------
    def open_guide(self, *, start_after_office: bool = False) -> None:
        """帮助 → 使用向导 (and after 新建空白办公室): the steps to the first notice."""
        from gridoffice.views.office.guide.wizard import GuideWizard

        wizard = GuideWizard(self.db, self.clock, self, start_after_office=start_after_office)
        wizard.exec()
        self.refresh_title()
        self.reload_all()

    def import_roster(self) -> bool:
        """The roster's 导入代表名册… (file, check, duplicates, result); False without a roster tab."""
        roster = next((page for page in self.pages if type(page).__name__ == "RosterTab"), None)
        if roster is None:
            return False
        roster.import_file()
        return True

    def guide_checklist(self) -> tuple[str, list]:
        """For an empty tab: what the guide still misses ("还差：接待规则") and a button for each."""
        from gridoffice.services.office.guide import guide_status

        status = guide_status(self.db, self.clock.today())
        if status.complete:
            return "", []
        remedies = {
            "office": ("办公室设置…", self.edit_office_settings),
            "stations": ("新增联络站…", self.edit_stations),
            "rules": ("设置接待规则…", lambda: self.edit_rules(status.without_rule[0].id if status.without_rule
                                                            else None)),
            "deputies": ("录入代表…", lambda: self.show_tab("RosterTab")),
            "schedule": ("生成排班…", lambda: self._on_tab("ReceptionTab", "generate")),
            "notice": ("打印公告…", lambda: self._on_tab("ReceptionTab", "print_notice_dialog")),
        }
        missing = [step for step in status.missing() if not (step == "rules" and not status.stations)]
        buttons = [remedies[step] for step in missing[:3]]
        buttons.append(("使用向导…", self.open_guide))
        return status.sentence(), buttons

    def _on_tab(self, tab_class_name: str, method: str) -> None:
        page = self.show_tab(tab_class_name)
        if page is not None:
            getattr(page, method)()

    def show_help(self) -> None:
        """F1: the guide's page for the tab on show."""
        from gridoffice.widgets.help_browser import show_help

        show_help(self, getattr(self.current_tab(), "help_page", ""))

    def open_data_folder(self) -> None:
        """The folder in the file manager; where none can be opened, its path said and copied."""
        folder = self.db.data_folder
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.statusBar().showMessage(f"已打开数据文件夹：{folder}", 10_000)
            return
        QApplication.clipboard().setText(str(folder))
        QMessageBox.information(self, "数据文件夹", "这台电脑没有可以打开文件夹的程序。数据文件夹的位置已复制，"
                                f"可以粘贴到资源管理器的地址栏：\n\n{folder}")

    def edit_office_settings(self) -> None:
        from gridoffice.views.office.settings import OfficeSettingsDialog

        if OfficeSettingsDialog(self.db, self).exec():
            self.refresh_title()

    def run_selftest(self) -> None:
        from gridoffice.views.office.selftest import show_selftest

        show_selftest(self, self.db.location)

    def show_about(self) -> None:
        from gridoffice.views.office.about import AboutDialog

        AboutDialog(self.db.describe(), self).exec()

    def edit_database_connection(self) -> None:
        from gridoffice.views.office.connection import DatabaseConnectionDialog

        dialog = DatabaseConnectionDialog(self.db, self)
        if dialog.exec() and dialog.opened is not None:   # switch now: the old database closes
            old = self.db
            if self.backup_controller is not None and dialog.opened.is_server:
                self.backup_controller.stop()   # the server is backed up by the district's IT
                self.backup_controller = None
            self.replace_database(dialog.opened)
            old.close()

    # --- geometry -------------------------------------------------------------------
    def _restore_geometry(self) -> bool:
        """Restores size, position and tab (the tabs' columns: open_database); True when nothing
        was remembered yet."""
        settings = ui_settings()
        geometry = settings.value("main_window/geometry")
        remembered = geometry is not None and self.restoreGeometry(geometry)
        if not remembered:
            self.resize(1280, 720)
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
        if not self.painted_once:
            self.painted_once = True
            self.painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.storage is not None:
            self.storage.stop()   # a check still reading the file finishes first
        if self.backup_controller is not None:
            self.backup_controller.on_close()
        settings = ui_settings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/tab", self.tabs.currentIndex())
        for tab in self.pages:
            tab.save_state()
        super().closeEvent(event)
