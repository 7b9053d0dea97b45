"""The main window on the demo office: four tabs with the database's rows, search, shortcuts."""
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pypdf import PdfReader
from sqlalchemy import func
from sqlmodel import select

from gridoffice.clock import SYSTEM_CLOCK
from gridoffice.db import Database
from gridoffice.domain import Activity, Deputy, Grid, ReceptionDay
from gridoffice.domain.rules import MOBILE_RE
from gridoffice.gui import create_application
from gridoffice.views.shell.main_window import DB_LABEL_CHARACTERS, TABS, MainWindow, tab_class
from gridoffice.views.office.first_start import FirstStartDialog
from gridoffice.views.office.settings import OfficeSettingsDialog

DEMO_TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def window(qtbot, demo_file: Path):
    create_application()
    db = Database.open(demo_file)
    main = MainWindow(db, SYSTEM_CLOCK)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    db.close()


def _count(db: Database, model) -> int:
    with db.session() as session:
        return session.exec(select(func.count()).select_from(model)).one()


def test_title_names_the_office(window):
    assert "街道人大工委" in window.windowTitle()


def test_each_tab_shows_every_row_of_its_table(window):
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[:4] == ["代表名册", "网格列表", "走访记录", "接待日历"]
    expected = [_count(window.db, Deputy), _count(window.db, Grid), _count(window.db, Activity),
                _count(window.db, ReceptionDay)]
    assert [tab.model.rowCount() for tab in window.pages[:4]] == expected
    assert all(n > 0 for n in expected)
    for tab, n in zip(window.pages[1:4], expected[1:]):
        assert tab.proxy.rowCount() == n and tab.count_label.text() == f"共 {n} 条"
    # the roster hides retired deputies until the clerk asks for them
    with window.db.session() as session:
        serving = session.exec(select(func.count()).select_from(Deputy).where(Deputy.status == "在任")).one()
    assert window.pages[0].proxy.rowCount() == serving
    assert window.pages[0].count_label.text() == f"显示 {serving} / 共 {expected[0]} 条"


def test_headers_are_chinese(window):
    roster = window.pages[0]
    headers = [roster.model.headerData(c, Qt.Orientation.Horizontal) for c in range(roster.model.columnCount())]
    assert headers[0] == "姓名" and "代表层级" in headers and "手机" in headers


def test_mobiles_are_masked_in_the_roster(window):
    roster = window.pages[0]
    column = roster.model.column_index("mobile")
    shown = [roster.proxy.index(r, column).data() for r in range(roster.proxy.rowCount())]
    assert any(shown)
    for text in filter(None, shown):
        assert "****" in text and not MOBILE_RE.match(text)


def test_typing_in_the_search_box_filters(window, qtbot):
    roster = window.pages[0]
    with window.db.session() as session:
        deputy = session.exec(select(Deputy).order_by(Deputy.id)).first()
    total = roster.proxy.rowCount()
    roster.search_box.setText(deputy.name)  # QTest can only type ASCII; Chinese arrives via the input method
    names = [roster.proxy.index(r, 0).data() for r in range(roster.proxy.rowCount())]
    assert deputy.name in names and len(names) < total
    assert roster.count_label.text().startswith("显示 ")
    roster.search_box.clear()
    qtbot.keyClicks(roster.search_box, deputy.name_initials.split()[0])
    assert deputy.name in [roster.proxy.index(r, 0).data() for r in range(roster.proxy.rowCount())]
    roster.search_box.clear()
    roster.search_box.setText("没有这个人xyz")
    assert roster.proxy.rowCount() == 0
    roster.search_box.clear()
    assert roster.proxy.rowCount() == total


def test_ctrl_number_switches_tabs_and_ctrl_f_focuses_search(window, qtbot):
    for number in (3, 2, 4, 1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == number - 1
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.pages[0].search_box.hasFocus() or window.focusWidget() is window.pages[0].search_box


def test_sorting_a_column(window):
    activities = window.pages[2]
    activities.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    dates = [activities.proxy.index(r, 0).data() for r in range(activities.proxy.rowCount())]
    assert dates == sorted(dates)


def test_menus_and_shortcuts(window):
    titles = [action.text() for action in window.menuBar().actions()]
    for title in ("文件", "编辑", "打印", "工具", "帮助"):
        assert any(t.startswith(title) for t in titles)
    assert window.actions.print_list.shortcut().toString() == "Ctrl+P"
    assert window.actions.quit.shortcut().toString() == "Ctrl+Q"
    assert window.actions.find.shortcut().toString() == "Ctrl+F"
    assert window.actions.new_record.shortcut().toString() == "Ctrl+N"


def test_status_bar_shows_the_database_path(window, demo_file):
    if window.db.is_server:   # which server and database, and that it is the district's shared one
        assert window.db_label.text().startswith("区库：") and "上的数据库" in window.db_label.toolTip()
        assert "区库" in window.windowTitle()
    else:   # the name in the bar, the whole path when pointed at
        shown = window.db_label.text()   # "演示 办公室 副本.sqlite", or its start and end when the bar is short of room
        assert shown.startswith("数据库：演示") and shown.endswith(".sqlite")
        assert str(demo_file) in window.db_label.toolTip()


def test_a_status_message_gets_the_whole_bar_while_it_shows(window):
    """The notices fill the bar at 125 % on a 1366 px screen: they step aside while a message shows."""
    bar = window.statusBar()
    assert window.notices.isVisible() and window.db_label.isVisible()
    assert window.backup_controller is None or window.backup_controller.label.parent() is window.notices
    bar.showMessage("自动备份没有成功：U盘已满。")
    assert not window.notices.isVisible()
    bar.clearMessage()
    assert window.notices.isVisible() and window.db_label.isVisible()


@pytest.mark.sqlite_only
def test_a_long_file_name_is_shortened_in_the_status_bar(qtbot, demo_template, tmp_path):
    """The clerk named the file at length: the bar shows its start and its end, the tooltip all of it,
    and the notices beside it keep their room (at 125 % on a 1366 px screen they fill the bar)."""
    import shutil

    long_name = tmp_path / "锦塘街道人大工委网格履职台账（2026年正式版，请勿删除）.sqlite"
    shutil.copyfile(demo_template, long_name)
    create_application()
    db = Database.open(long_name)
    main = MainWindow(db, SYSTEM_CLOCK)
    qtbot.addWidget(main)
    try:
        shown = main.db_label.text()
        assert shown.startswith("数据库：锦塘街道") and shown.endswith(".sqlite") and "…" in shown
        metrics = main.db_label.fontMetrics()
        assert metrics.horizontalAdvance(shown) <= metrics.horizontalAdvance("数") * DB_LABEL_CHARACTERS
        assert str(long_name) in main.db_label.toolTip()
    finally:
        main.close()
        db.close()


def test_print_current_list_makes_a_pdf_of_what_is_shown(window, qtbot, monkeypatch):
    shown = {}
    monkeypatch.setattr("gridoffice.widgets.pdf_preview.PdfPreviewDialog.exec", lambda self: shown.update(path=self.pdf_path))
    grids = window.pages[1]
    window.tabs.setCurrentWidget(grids)
    first_code = grids.proxy.index(0, 1).data()
    qtbot.keyClicks(grids.search_box, first_code)
    window.actions.print_list.trigger()
    text = "".join(page.extract_text() for page in PdfReader(shown["path"]).pages)
    assert "网格列表" in text and first_code in text
    other_code = next(grids.model.row_at(r).code for r in range(grids.model.rowCount())
                      if first_code not in grids.model.row_at(r).code)
    assert other_code not in text


def test_printing_an_empty_list_says_so_and_makes_nothing(window, qtbot, monkeypatch):
    shown, told = {}, []
    monkeypatch.setattr("gridoffice.widgets.pdf_preview.PdfPreviewDialog.exec", lambda self: shown.update(path=self.pdf_path))
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, title, text: told.append((title, text)))
    grids = window.pages[1]
    window.tabs.setCurrentWidget(grids)
    qtbot.keyClicks(grids.search_box, "zzz-no-such-grid")
    assert grids.proxy.rowCount() == 0
    window.actions.print_list.trigger()
    assert not shown and told and "没有可打印的记录" in told[0][1]


def test_window_geometry_and_columns_are_remembered(qtbot, demo_file):
    create_application()
    with Database.open(demo_file) as db:
        first = MainWindow(db, SYSTEM_CLOCK)
        qtbot.addWidget(first)
        first.show()
        first.resize(700, 500)  # the offscreen screen is 800x600
        first.pages[0].table.setColumnWidth(0, 177)
        first.tabs.setCurrentIndex(2)
        first.close()
        second = MainWindow(db, SYSTEM_CLOCK)
        qtbot.addWidget(second)
        assert (second.width(), second.height()) == (700, 500)
        assert second.pages[0].table.columnWidth(0) == 177
        assert second.tabs.currentIndex() == 2
        second.close()


def test_first_start_dialog_checks_the_office_name(qtbot, db_path):
    create_application()
    dialog = FirstStartDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.ui.empty_choice.setChecked(True)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors.shown()["office_name"].startswith("请填写办公室名称")
    dialog.ui.office_name.setText("东城街道人大工委")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_office_settings_dialog_saves_and_refuses_bad_time(qtbot, db):
    create_application()
    dialog = OfficeSettingsDialog(db)
    qtbot.addWidget(dialog)
    dialog.ui.office_name.setText("西城街道人大工委")
    dialog.ui.reception_time.setText("11:00-09:00")
    dialog.accept()
    assert dialog.errors.shown() == {"reception_time": "结束时间应晚于开始时间。"}
    dialog.ui.reception_time.setText("08:30-11:00")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    from gridoffice.services.office.setup import read_office_settings
    assert read_office_settings(db).reception_time == "08:30-11:00"


def test_models_pass_qt_model_tester(window, qtmodeltester):
    for tab in window.pages:
        if not hasattr(tab, "model") and not hasattr(tab, "lists"):   # the 统计 tab: tests/gui/test_gui_stats.py
            continue
        for page in getattr(tab, "lists", [tab]):   # 履职成果 holds six lists
            page.reload()
            qtmodeltester.check(page.model)


def test_the_shell_shows_menus_and_tab_titles_then_the_database_fills_the_tabs(qtbot, demo_file):
    create_application()
    main = MainWindow()
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.painted):
        main.show()
    assert [main.tabs.tabText(i) for i in range(main.tabs.count())] == [title for title, *_ in TABS]
    assert main.menuBar().actions()[0].text() == "文件(&F)"
    assert not main.actions.new_record.isEnabled() and not main.actions.office_settings.isEnabled()
    main.tabs.setCurrentIndex(2)
    with Database.open(demo_file) as db:
        main.open_database(db, SYSTEM_CLOCK)
        assert main.tabs.currentIndex() == 2 and main.current_tab() is main.pages[2]
        assert main.pages[0].model.rowCount() == _count(db, Deputy)
        assert "街道人大工委" in main.windowTitle() and db.describe() in main.db_label.text() + main.db_label.toolTip()
        assert main.actions.new_record.isEnabled() and main.actions.office_settings.isEnabled()
        main.close()


def test_the_shell_names_each_tab_as_its_class_does():
    assert [tab_class(index).title for index in range(len(TABS))] == [title for title, *_ in TABS]


def test_row_colours_survive_the_theme(qtbot):
    """qt-material paints every cell #555555 unless the delegate draws the model's colour."""
    from PySide6.QtGui import QColor
    from gridoffice.models.table_model import Column, RowStyle, RowTableModel
    from gridoffice.widgets.list_tab import ListTab

    class RedModel(RowTableModel):
        COLUMNS = (Column("name", "名称", lambda row: row, width=300),)

        def row_style(self, row):
            return RowStyle(foreground=QColor("#ff0000")) if row.startswith("超期") else None

    create_application()
    tab = ListTab(None, SYSTEM_CLOCK, RedModel(), lambda _db: [], None)
    qtbot.addWidget(tab)
    tab.model.set_rows(["超期意见超期意见超期意见", "普通意见普通意见普通意见"])
    tab.resize(500, 300)
    tab.show()
    qtbot.waitExposed(tab)
    image = tab.table.viewport().grab().toImage()
    row_height = tab.table.rowHeight(0)

    def reddish(y0: int) -> int:
        return sum(1 for x in range(0, 300, 2) for y in range(y0, y0 + row_height, 2)
                   if (c := image.pixelColor(x, y)).red() > 180 and c.green() < 90 and c.blue() < 90)

    assert reddish(0) > 10
    assert reddish(row_height) == 0


def test_qt_standard_buttons_speak_chinese(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    create_application()
    box = QMessageBox(QMessageBox.Icon.Question, "确认", "删除这条记录？",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    texts = {box.button(b).text().replace("&", "") for b in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No)}
    assert not texts & {"Yes", "No"}
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert "Cancel" not in buttons.button(QDialogButtonBox.StandardButton.Cancel).text()


def test_grid_workers_mobiles_are_masked_in_the_grid_list(window):
    grids = window.pages[1]
    column = grids.model.column_index("worker_phone")
    shown = [grids.proxy.index(r, column).data() for r in range(grids.proxy.rowCount())]
    assert shown and all("****" in text for text in shown if text)


def test_run_gui_paints_the_shell_then_opens_the_database_and_fills_the_tabs(qtbot, monkeypatch, demo_file):
    import sys

    from PySide6.QtWidgets import QApplication

    from gridoffice import gui

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)   # put back after the test
    monkeypatch.setattr("gridoffice.logs.setup_logging", lambda: True)   # the test run's logging stays as it is
    seen = {}

    def instead_of_the_event_loop(app) -> int:
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen.update(painted=window.painted_once, title=window.windowTitle(), rows=window.pages[0].model.rowCount())
        for widget in app.topLevelWidgets():   # the window and any start-up reminder
            widget.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", instead_of_the_event_loop)
    assert gui.run_gui(demo_file) == 0
    with Database.open(demo_file) as db:   # closed by run_gui: the lock is free again
        title = "锦塘街道人大工委" + (f"（区库 {db.server_url.database}）" if db.is_server else "")
        assert seen == {"painted": True, "title": title, "rows": _count(db, Deputy)}
