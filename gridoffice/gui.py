"""Start the desktop program: Qt application → fonts and theme → database → first start → window."""
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from . import APP_NAME, APP_TITLE
from .db import Database, DatabaseOpenError
from .clock import SYSTEM_CLOCK
from .paths import clear_previews, demo_db_path
from gridoffice.services.office.setup import create_empty_office, is_set_up

log = logging.getLogger(__name__)


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
        app.setProperty("gridoffice_themed", True)
    return app


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
        from .logs import log_file

        QMessageBox.critical(QApplication.activeWindow(), "程序出现意外错误",
                             f"刚才的操作没有完成：{error}\n\n已保存的数据不受影响。详细情况已写入日志文件：\n"
                             f"{log_file()}\n如果问题反复出现，请把这个文件发给技术人员。")


def open_or_explain(path: Path) -> Database | None:
    try:
        return Database.open(path)
    except DatabaseOpenError as error:
        QMessageBox.critical(None, "无法打开数据库", str(error))
        return None


def build_demo_with_wait(db: Database) -> None:
    from gridoffice.services.demo.build import build_demo

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        build_demo(db)
    finally:
        QApplication.restoreOverrideCursor()


def prepare_office(db: Database, *, demo: bool) -> Database | None:
    """Make sure the opened database holds an office; may switch to the demo database."""
    if is_set_up(db):
        return db
    if demo:
        build_demo_with_wait(db)
        return db
    from gridoffice.views.office.first_start import FirstStartDialog

    dialog = FirstStartDialog(db.path)
    if not dialog.exec():
        db.close()
        return None
    if dialog.choice() == FirstStartDialog.EMPTY:
        create_empty_office(db, dialog.office_name(), dialog.hotline())
        return db
    db.close()  # the demo office lives in its own file, never mixed with real data
    demo_db = open_or_explain(demo_db_path())
    return prepare_office(demo_db, demo=True) if demo_db else None


def run_gui(db_path: Path, *, demo: bool = False) -> int:
    app = create_application()
    sys.excepthook = report_unexpected_error
    db = open_or_explain(db_path)
    if db is None:
        return 2
    db = prepare_office(db, demo=demo)
    if db is None:
        return 0
    from gridoffice.views.shell.main_window import MainWindow

    clear_previews()  # left by a crash: previews may hold residents' details
    try:
        window = MainWindow(db, SYSTEM_CLOCK, load_now=False)
        window.show_as_remembered()  # paints, then fills its tabs (MainWindow.finish_start)
        return app.exec()
    finally:
        db.close()
        clear_previews()
