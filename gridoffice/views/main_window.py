"""The main window: composes the tabs, menus and status bar, and wires their signals.

It holds no business logic: every action calls a tab, a dialog or a service.
"""
import datetime as dt

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QTabWidget, QWidget

from gridoffice import APP_TITLE, __version__
from gridoffice.db import Database
from gridoffice.paths import data_dir
from gridoffice.services.list_pdf import write_list_pdf
from gridoffice.services.settings import office_name
from gridoffice.widgets.list_tab import ListTab
from gridoffice.widgets.pdf_preview import PdfPreviewDialog
from gridoffice.widgets.ui_settings import ui_settings

from .actions import create_main_actions
from .activities_tab import ActivitiesTab
from .grids_tab import GridsTab
from .office_dialogs import AboutDialog, OfficeSettingsDialog, show_selftest
from .reception_tab import ReceptionTab
from .roster_tab import RosterTab

TAB_CLASSES = (RosterTab, GridsTab, ActivitiesTab, ReceptionTab)
MENU_TITLES = ("文件(&F)", "编辑(&E)", "查看(&V)", "打印(&P)", "工具(&T)", "帮助(&H)")


class MainWindow(QMainWindow):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.actions = create_main_actions(self)
        self._init_tabs()
        self._init_menus()
        self._init_status_bar()
        self._connect_actions()
        self.refresh_title()
        self.reload_all()
        self._restore_geometry()

    # --- building -------------------------------------------------------------------
    def _init_tabs(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.list_tabs: list[ListTab] = [tab_class(self.db, self) for tab_class in TAB_CLASSES]
        for tab in self.list_tabs:
            self.tabs.addTab(tab, tab.title)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.setCentralWidget(self.tabs)

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
        for number, tab in enumerate(self.list_tabs, start=1):
            switch = QAction(tab.title, self)
            switch.setShortcut(QKeySequence(f"Ctrl+{number}"))
            switch.triggered.connect(lambda _checked=False, t=tab: self.tabs.setCurrentWidget(t))
            self.menus["查看"].addAction(switch)
        self.menus["打印"].addAction(a.print_list)
        self.menus["工具"].addAction(a.office_settings)
        self.menus["工具"].addAction(a.selftest)
        self.menus["工具"].addAction(a.open_data_folder)
        self.menus["帮助"].addAction(a.about)

    def _init_status_bar(self) -> None:
        self.db_label = QLabel(f"数据库：{self.db.path}", self)
        self.db_label.setToolTip(str(self.db.path))
        self.statusBar().addPermanentWidget(self.db_label)

    def _connect_actions(self) -> None:
        a = self.actions
        a.new_record.triggered.connect(lambda: self.current_tab().new_record())
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(lambda: self.current_tab().focus_search())
        a.reload.triggered.connect(lambda: self.current_tab().reload())
        a.print_list.triggered.connect(self.print_current_list)
        a.office_settings.triggered.connect(self.edit_office_settings)
        a.selftest.triggered.connect(lambda: show_selftest(self))
        a.open_data_folder.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.db.path.parent))))
        a.about.triggered.connect(lambda: AboutDialog(self.db.path, self).exec())
        self._on_tab_changed(self.tabs.currentIndex())

    # --- behaviour ------------------------------------------------------------------
    def current_tab(self) -> ListTab:
        return self.tabs.currentWidget()

    def _on_tab_changed(self, _index: int) -> None:
        self.actions.new_record.setEnabled(self.current_tab().can_create)

    def refresh_title(self) -> None:
        with self.db.session() as session:
            name = office_name(session)
        self.office_name = name
        self.setWindowTitle(f"{name} — {APP_TITLE} {__version__}")

    def reload_all(self) -> None:
        for tab in self.list_tabs:
            tab.reload()

    def print_current_list(self) -> None:
        tab = self.current_tab()
        headers, rows, weights = tab.shown_table()
        target = data_dir() / "打印预览" / f"{tab.title}.pdf"
        try:
            write_list_pdf(target, title=tab.title, office_name=self.office_name, headers=headers, rows=rows,
                           column_weights=weights)
        except OSError as error:
            QMessageBox.warning(self, "无法生成 PDF", f"生成“{tab.title}”失败：{error}")
            return
        PdfPreviewDialog(target, title=tab.title, suggested_name=f"{tab.title}-{dt.date.today():%Y%m%d}.pdf",
                         parent=self).exec()

    def edit_office_settings(self) -> None:
        if OfficeSettingsDialog(self.db, self).exec():
            self.refresh_title()

    # --- geometry -------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        settings = ui_settings()
        geometry = settings.value("main_window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 720)
        for tab in self.list_tabs:
            tab.restore_columns()
        self.tabs.setCurrentIndex(int(settings.value("main_window/tab", 0)))

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = ui_settings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/tab", self.tabs.currentIndex())
        for tab in self.list_tabs:
            tab.save_columns()
        super().closeEvent(event)
