"""Issue 15, point 5: the habits every list shares, checked on each list of the main window.

Enter opens the row, Delete deletes it asking the same question as the list's own delete, Esc
empties the search, F1 opens the guide's page for the tab, and at 1024×700 every list still shows
its key text (the main text column keeps a readable width, the first column its own).
"""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from gridoffice.clock import FixedClock
from gridoffice.db import Database
from gridoffice.gui import create_application
from gridoffice.views.shell.main_window import MainWindow
from gridoffice.widgets import help_browser
from gridoffice.widgets.list_tab import ListTab
from tests.conftest import DEMO_TODAY

# each list: (tab class, the method Enter and a double click call, the question its delete asks)
LISTS = {
    "RosterTab": ("edit_deputy", "删除代表记录"),
    "GridsTab": ("edit_grid", "删除网格"),
    "ActivitiesTab": ("open_activity", "删除走访记录"),
    "ReceptionList": ("open_day", "删除接待日"),
    "OpinionsTab": ("open_opinion", None),          # opinions are never deleted: the list says so
}


@pytest.fixture
def window(qtbot, demo_file):
    create_application()
    db = Database.open(demo_file)
    main = MainWindow(db, FixedClock(DEMO_TODAY))
    qtbot.addWidget(main)
    main.resize(1024, 700)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    db.close()


def list_of(window: MainWindow, name: str) -> ListTab:
    for page in window.pages:
        if type(page).__name__ == name:
            window.tabs.setCurrentWidget(page)
            return page
        inner = getattr(page, "list_view", None)
        if type(inner).__name__ == name:
            window.tabs.setCurrentWidget(page)
            page.set_view(1)
            return inner
    raise LookupError(name)


def select_first_row(tab: ListTab, qtbot) -> object:
    tab.table.setFocus()
    tab.table.selectRow(0)
    tab.table.setCurrentIndex(tab.proxy.index(0, 0))
    return tab.proxy.source_row(0)


@pytest.mark.parametrize("name", LISTS)
def test_enter_opens_the_selected_row(window, qtbot, monkeypatch, name):
    tab = list_of(window, name)
    opener, _question = LISTS[name]
    owner = window.current_tab()   # the tab that opens the row (the reception tab for its list)
    opened = []
    monkeypatch.setattr(type(owner), opener, lambda self, row_id, *a, **k: opened.append(row_id))
    row = select_first_row(tab, qtbot)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert opened == [row.id]


@pytest.mark.parametrize("name", LISTS)
def test_delete_asks_the_lists_own_question(window, qtbot, monkeypatch, name):
    tab = list_of(window, name)
    _opener, question = LISTS[name]
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, title, *a, **k: asked.append(title)
                        or QMessageBox.StandardButton.No)
    select_first_row(tab, qtbot)
    before = tab.model.rowCount()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    if question is None:
        assert asked == [] and "不能删除" in window.statusBar().currentMessage()
    else:
        assert asked == [question]
    assert tab.model.rowCount() == before   # answered 否: nothing deleted


def test_delete_answered_yes_deletes_the_reception_day(window, qtbot, monkeypatch):
    tab = list_of(window, "ReceptionList")
    tab.search_box.setText("计划")    # a planned day without opinions can be deleted
    row = select_first_row(tab, qtbot)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert row.id not in {tab.model.row_at(r).id for r in range(tab.model.rowCount())}


@pytest.mark.parametrize("name", LISTS)
def test_escape_empties_the_search(window, qtbot, name):
    tab = list_of(window, name)
    tab.search_box.setFocus()
    qtbot.keyClicks(tab.search_box, "zz")
    assert tab.search_box.text() == "zz"
    qtbot.keyClick(tab.search_box, Qt.Key.Key_Escape)
    assert tab.search_box.text() == ""
    tab.search_box.setText("zz")
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Escape)     # from the rows too
    assert tab.search_box.text() == ""


@pytest.mark.parametrize("name", LISTS)
def test_f1_opens_the_guides_page_for_the_tab(window, qtbot, name):
    list_of(window, name)
    window.actions.help.trigger()
    browser = window._help_browser
    qtbot.addWidget(browser)
    assert browser.page == window.current_tab().help_page and browser.page
    assert browser.title() == window.current_tab().title
    assert window.actions.help.shortcut().toString() == "F1"


@pytest.mark.parametrize("name", LISTS)
def test_at_1024_by_700_every_list_shows_its_key_text(window, qtbot, name):
    tab = list_of(window, name)
    qtbot.wait(10)
    tab.fit_columns()
    columns = tab.visible_columns()
    stretch = next(c for c in columns if tab.model.COLUMNS[c].stretch)
    first = columns[0]
    assert tab.table.columnWidth(stretch) >= tab.key_column_min, tab.model.COLUMNS[stretch].header
    assert tab.table.columnWidth(first) >= tab.model.COLUMNS[first].width * 0.99
    total = sum(tab.table.columnWidth(c) for c in columns)
    assert total <= tab.table.viewport().width() + 1 or tab.table.columnWidth(stretch) == tab.key_column_min


def test_the_main_text_column_takes_the_room_of_a_wider_window(window, qtbot):
    tab = list_of(window, "OpinionsTab")
    content = tab.model.column_index("content")
    narrow = tab.table.columnWidth(content)
    window.resize(1600, 900)
    qtbot.wait(20)
    assert tab.table.columnWidth(content) > narrow + 300
    columns = tab.visible_columns()
    assert sum(tab.table.columnWidth(c) for c in columns) == tab.table.viewport().width()


def test_a_column_the_clerk_drags_keeps_its_width(window, qtbot):
    tab = list_of(window, "RosterTab")
    station = tab.model.column_index("station")
    tab.table.horizontalHeader().resizeSection(station, 220)   # as a drag does
    window.resize(1100, 700)
    qtbot.wait(20)
    assert tab.table.columnWidth(station) == 220


def test_down_from_the_search_box_goes_to_the_rows(window, qtbot):
    tab = list_of(window, "RosterTab")
    tab.search_box.setFocus()
    qtbot.keyClick(tab.search_box, Qt.Key.Key_Down)
    assert tab.table.hasFocus() and tab.table.currentIndex().row() == 0


def test_the_station_list_opens_with_enter_and_deletes_with_delete(qtbot, db, monkeypatch):
    from gridoffice.services.office.stations import StationForm, save_station
    from gridoffice.views.office.stations import StationDialog, StationListDialog

    create_application()
    save_station(db, None, StationForm("西城片区联络站"))
    dialog = StationListDialog(db)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    opened = []
    monkeypatch.setattr(StationDialog, "exec", lambda self: opened.append(self.ui.name.text()) or 0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert opened == ["西城片区联络站"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert dialog.table.rowCount() == 0 and dialog.changed


def test_help_pages_exist_for_every_tab_and_dialog_and_their_pictures_are_small():
    import re

    from gridoffice.views.shell.main_window import TABS, tab_class

    pages = {page for page, _title in help_browser.contents()}
    for index in range(len(TABS)):
        assert tab_class(index).help_page in pages, TABS[index]
    for page in pages:
        text = help_browser.page_path(page).read_text(encoding="utf-8")
        for picture in re.findall(r'src="([^"]+)"', text):
            path = help_browser.help_dir() / picture
            assert path.is_file(), f"{page}: {picture}"
            assert path.stat().st_size < 100_000, f"{picture} is too big for the guide"
    papers = {"notice", "duty_roster", "roster_table", "board", "grid_duty", "coverage", "assignment", "supervision",
              "reply", "list_print"}
    assert papers <= pages
