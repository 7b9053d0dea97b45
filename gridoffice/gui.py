"""Start the desktop program, the window first:

error hook → Qt application, fonts and theme → the window's shell, painted → the data layer,
the database, first start → the tabs, filled → for an office started just now, the first-run guide;
for a backup given as the argument (a .gobak double-clicked), the offer to check or restore it
(or, when a window already has the database open, the file handed to that window).

The data layer (SQLAlchemy, SQLModel, pydantic: 0.5-0.9 s to import) and the tab modules load
only once the clerk sees the window, so nothing from them is imported at module level here.
"""
import contextlib
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from . import APP_NAME, APP_TITLE
from .paths import clear_previews, demo_db_path, resources_dir
from .qt_binding import keep_none_alive

keep_none_alive()   # PySide6 6.12 on Python 3.11 (see qt_binding.py)

if TYPE_CHECKING:
    from .db import Database

log = logging.getLogger(__name__)
PAINT_WAIT_MS = 2000   # never wait longer for the first paint (a window the system does not show)


def create_application(argv: list[str] | None = None) -> QApplication:
    from .widgets.qt_fonts import register_qt_fonts, ui_font
    from .widgets.theme import apply_theme

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    if not app.property("gridoffice_themed"):
        # once per process: setting the style sheet again repolishes every widget there is
        install_chinese_translation(app)
        register_qt_fonts()
        app.setFont(ui_font())
        apply_theme(app)
        app.setWindowIcon(program_icon())   # every window and dialog: title bar, taskbar, Alt+Tab
        app.setProperty("gridoffice_themed", True)
    return app


def program_icon() -> QIcon:
    """The 代 on red of gridoffice.exe (resources/icons, drawn by packaging/make_icon.py); the PNG
    where Qt has no .ico reader."""
    icons = resources_dir() / "icons"
    icon = QIcon(str(icons / "gridoffice.ico"))
    if not icon.availableSizes():
        icon = QIcon(str(icons / "gridoffice-256.png"))
    return icon


def install_chinese_translation(app: QApplication) -> bool:
    """Qt's own buttons and dialogs (是/否, 打开文件, 打印) in Chinese, whatever the PC's language."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    if not translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        log.warning("Qt 的中文翻译文件 qtbase_zh_CN.qm 没有找到，部分按钮会显示英文")
        return False
    return app.installTranslator(translator)


def report_unexpected_error(kind, error, trace) -> None:
    """sys.excepthook for the window: an error no dialog caught is logged and said in Chinese.

    Without it the traceback goes to stderr, which the packaged program (no console) does not
    have: the clerk's click would simply do nothing and the log would hold no trace of why.
    """
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log.error("未处理的错误", exc_info=(kind, error, trace))
    if QApplication.instance() is not None:
        from .views.shell.errors import clerk_message   # a full disk, a damaged file: in Chinese, never SQLite's English

        title, text = clerk_message(error)
        QMessageBox.critical(QApplication.activeWindow(), title, text)


def open_or_explain(path: Path) -> "Database | None":
    from .db import DamagedDatabaseError, Database, DatabaseOpenError

    try:
        return Database.open(path)
    except DamagedDatabaseError as error:   # not even readable: the backups are the way out
        from gridoffice.clock import SYSTEM_CLOCK
        from .views.backup.unreadable import offer_restore

        return open_or_explain(path) if offer_restore(Path(path), str(error), SYSTEM_CLOCK) else None
    except DatabaseOpenError as error:
        QMessageBox.critical(None, "无法打开数据库", str(error))
        return None


@contextlib.contextmanager
def wait_cursor() -> Iterator[None]:
    from PySide6.QtCore import Qt   # its enums take 50 ms to build: not before the first paint

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def build_demo_with_wait(db: "Database") -> None:
    from gridoffice.clock import SYSTEM_CLOCK
    from gridoffice.services.demo.build import build_demo

    with wait_cursor():
        build_demo(db, today=SYSTEM_CLOCK.today())


def prepare_office(db: "Database", *, demo: bool) -> "Database | None":
    """Make sure the opened database holds an office; may switch to the demo database."""
    return open_office(db, demo=demo)[0]


def open_office(db: "Database", *, demo: bool, backup_file: Path | None = None) -> "tuple[Database | None, bool]":
    """The database with an office in it (None when the clerk closed the first-start dialog), and
    whether an empty office was started just now (the first-run guide follows).

    With a backup file (and a database file to restore into) the first-start dialog offers to
    restore it; a restore cancelled or refused comes back to the dialog."""
    from gridoffice.services.office.setup import create_empty_office, is_set_up

    if is_set_up(db):
        return db, False
    if demo:
        build_demo_with_wait(db)
        return db, False
    from gridoffice.views.office.first_start import FirstStartDialog

    if backup_file is not None and db.path is not None:
        from gridoffice.views.backup.open_file import backup_file_problem, say_problem

        problem = backup_file_problem(backup_file)
        if problem:
            say_problem(None, problem)
            backup_file = None
    else:
        backup_file = None
    while True:
        dialog = FirstStartDialog(db.path or db.describe(), backup_file=backup_file)
        if not dialog.exec():
            db.close()
            return None, False
        if dialog.choice() != FirstStartDialog.RESTORE:
            break
        from gridoffice.clock import SYSTEM_CLOCK
        from gridoffice.views.backup.open_file import restore_at_first_start

        db = restore_at_first_start(db, backup_file, SYSTEM_CLOCK)
        if db is None or is_set_up(db):
            return db, False
    if dialog.choice() == FirstStartDialog.EMPTY:
        create_empty_office(db, dialog.office_name(), dialog.hotline())
        return db, True
    db.close()  # the demo office lives in its own file, never mixed with real data
    demo_db = open_or_explain(demo_db_path())
    return (prepare_office(demo_db, demo=True) if demo_db else None), False


def stop_pyside_import_scan() -> None:
    """PySide6 replaces `__import__` to read the source of every module imported after it, looking
    for `from __feature__ import ...` (snake_case, true_property), which gridoffice never uses: the
    data layer's 400 modules then take a third longer to import. Put the plain import back."""
    import builtins

    plain = getattr(builtins, "__orig_import__", None)   # PySide6's name for the one it replaced
    if plain is not None:
        builtins.__import__ = plain


def wait_until_painted(window: QWidget) -> None:
    """Show the window and run the event loop until it has been painted once."""
    loop = QEventLoop()
    window.painted.connect(lambda: QTimer.singleShot(0, loop.quit))   # after the paint reaches the screen
    QTimer.singleShot(PAINT_WAIT_MS, loop.quit)
    window.show_as_remembered()
    loop.exec()


def open_chosen(db_path: "Path | str", *, demo: bool, named: bool) -> "Database | None":
    """The database named (--db, GRIDOFFICE_DB), or the server chosen in 工具 → 数据库连接, or the file.
    A chosen server that cannot be reached offers this PC's file instead."""
    if demo or named:
        return open_or_explain(db_path)
    from .db import Database, DatabaseOpenError
    from .views.office.connection import SETTING, saved_location
    from .widgets.ui_settings import ui_settings

    server = saved_location()
    if not server:
        return open_or_explain(db_path)
    try:
        return Database.open(server)
    except DatabaseOpenError as error:
        answer = QMessageBox.question(None, "无法连接区里的数据库",
                                      f"{error}\n\n改用本机的数据库文件吗？（以后可在“工具 → 数据库连接”中再连接服务器）")
        if answer != QMessageBox.StandardButton.Yes:
            return None
        ui_settings().setValue(SETTING, "")
        return open_or_explain(db_path)


def run_gui(db_path: "Path | str", *, demo: bool = False, named: bool = True, backup_file: Path | None = None) -> int:
    """The window on the database; backup_file: a backup to check or restore (a .gobak double-clicked),
    offered at the first start or, on an office that is set up, once the window is filled."""
    from .logs import setup_logging

    sys.excepthook = report_unexpected_error   # first: whatever fails from here on is logged and said
    setup_logging()
    app = create_application()
    if backup_file is not None:
        from gridoffice.views.backup.running_window import hand_to_running_window

        if hand_to_running_window(db_path, backup_file):
            return 0   # the window that has this database open offers it
    from gridoffice.views.shell.main_window import MainWindow

    window = MainWindow()
    wait_until_painted(window)
    clear_previews()  # left by a crash: previews may hold residents' details
    stop_pyside_import_scan()
    with wait_cursor():
        db = open_chosen(db_path, demo=demo, named=named)   # the data layer loads here
    if db is None:
        window.close()
        return 2
    from gridoffice.services.office.setup import is_set_up

    # a new office's first start offers it, where a restore into a file is possible
    offer_later = backup_file is not None and (demo or db.path is None or is_set_up(db))
    db, new_office = open_office(db, demo=demo, backup_file=backup_file)
    if db is None:   # the clerk closed the first-start dialog
        window.close()
        return 0
    from gridoffice.clock import SYSTEM_CLOCK

    receiver = None
    try:
        with wait_cursor():
            window.start(db, SYSTEM_CLOCK)
        from gridoffice.views.backup.running_window import BackupFileReceiver

        receiver = BackupFileReceiver(window, db_path)   # a backup double-clicked from now on comes here
        if new_office:   # 新建空白办公室 leads into the guide: stations, deputies, schedule, notice
            QTimer.singleShot(0, lambda: window.open_guide(start_after_office=True))
        if offer_later:
            from gridoffice.views.backup.open_file import offer_backup_file

            QTimer.singleShot(0, lambda: offer_backup_file(window, backup_file))
        return app.exec()
    finally:
        if receiver is not None:
            receiver.server.close()
        db.close()
        clear_previews()
