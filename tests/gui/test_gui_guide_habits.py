"""Issue 15, points 1, 2, 3 and 7 on the window: the guide reopened and skipped, its checklist on
empty tabs with the buttons that fix what is missing, refusals that offer their remedy, 生成排班
opening on the next month with no schedule, new days on a working day, the data folder said when
it cannot be opened, the reception list searched by pinyin."""
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from gridoffice.clock import FixedClock
from gridoffice.db import Database
from gridoffice.gui import create_application
from gridoffice.services.office.guide import default_rule, save_station_with_rule
from gridoffice.services.office.setup import create_empty_office
from gridoffice.services.office.stations import StationForm
from gridoffice.views.office.guide.wizard import GuideWizard
from gridoffice.views.reception.generate_dialog import GenerateDialog
from gridoffice.views.shell.main_window import MainWindow
from tests.conftest import DEMO_TODAY

TODAY = dt.date(2026, 12, 10)


def open_window(qtbot, db, today=TODAY) -> MainWindow:
    create_application()
    window = MainWindow(db, FixedClock(today))
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def office(qtbot, db):
    create_empty_office(db, "东城街道人大工委", "0395-1234567")
    window = open_window(qtbot, db)
    yield window
    window.close()


def page_named(window: MainWindow, name: str):
    page = next(p for p in window.pages if type(p).__name__ == name)
    window.tabs.setCurrentWidget(page)
    return page


def test_an_empty_tab_says_what_belongs_there_and_what_the_guide_still_misses(office):
    roster = page_named(office, "RosterTab")
    state = roster.empty_state
    assert state.isVisible() and state.title.text() == "还没有代表"
    assert {"新增代表…", "从 Excel 导入…"} <= {b.text() for b in state.buttons}
    assert state.missing.text() == "还差：联络站、接待规则、代表、排班、第一张公告"
    assert state.button("新增联络站…") is not None and state.button("使用向导…") is not None
    assert state.button("设置接待规则…") is None          # no rule can be set before there is a station
    reception = page_named(office, "ReceptionTab")
    assert reception.empty_state.isVisible() and reception.empty_state.button("生成排班…") is not None


def test_the_checklists_buttons_open_the_remedy(office, monkeypatch):
    opened = []
    monkeypatch.setattr(MainWindow, "edit_stations", lambda self, *a: opened.append("stations"))
    page_named(office, "ReceptionTab").update_empty_state()
    page_named(office, "ReceptionTab").empty_state.button("新增联络站…").click()
    assert opened == ["stations"]


def test_the_checklist_follows_what_is_done_and_disappears_with_the_first_row(office, qtbot):
    save_station_with_rule(office.db, None, StationForm("东城街道人大代表联络站"), default_rule("东城街道人大代表联络站"))
    office.reload_all()
    roster = page_named(office, "RosterTab")
    assert roster.empty_state.missing.text() == "还差：代表、排班、第一张公告"
    assert roster.empty_state.button("录入代表…") is not None
    from gridoffice.services.roster.deputies import DeputyData, create_deputy

    create_deputy(office.db, DeputyData(name="王建国", levels="区"), today=TODAY)
    office.reload_all()
    assert not roster.empty_state.isVisible()


def test_the_guide_reopens_from_help_at_the_first_step_missing_and_pages_can_be_skipped(office, monkeypatch):
    assert office.actions.guide in office.menus["帮助"].actions()
    assert office.actions.help in office.menus["帮助"].actions()
    seen = []

    def look(wizard: GuideWizard) -> int:
        seen.append(wizard.current_page().step)
        wizard.skip()
        seen.append(wizard.current_page().step)
        assert wizard.checklist.text().startswith("还差：联络站")
        assert wizard.steps.item(0).text().startswith("✓")      # the office is named
        wizard.reject()
        return wizard.result()

    monkeypatch.setattr(GuideWizard, "exec", look)
    office.actions.guide.trigger()
    assert seen == ["stations", "deputies"]


def test_a_schedule_page_that_cannot_plan_offers_the_way_back(office, monkeypatch):
    def look(wizard: GuideWizard) -> int:
        wizard.go_to_step("schedule")
        page = wizard.current_page()
        assert page.table.rowCount() == 0 and [b.text() for b in page.remedy_buttons()] == ["返回上一步：新增联络站"]
        wizard.next()
        assert wizard.current_page() is page and "排不出" in page.message.text()   # 下一步 refused, with the reason
        page.remedy_buttons()[0].click()
        assert wizard.current_page().step == "stations"
        wizard.reject()
        return 0

    monkeypatch.setattr(GuideWizard, "exec", look)
    office.open_guide()


def test_generate_with_no_station_offers_to_add_one(office, qtbot, monkeypatch):
    dialog = GenerateDialog(office.db, office.current_tab(), first_month=dt.date(2027, 1, 1), today=TODAY)
    qtbot.addWidget(dialog)
    assert "还没有联络站" in dialog.summary_label.text()
    assert [b.text() for b in dialog.remedy_buttons] == ["新增联络站…"]
    added = []

    def add_station(self, *_args):
        added.append(True)
        save_station_with_rule(self.db, None, StationForm("东城街道人大代表联络站"), default_rule("东城街道人大代表联络站"))

    monkeypatch.setattr(MainWindow, "edit_stations", add_station)
    dialog.remedy_buttons[0].click()
    assert added and dialog.station_list.count() == 1
    assert [b.text() for b in dialog.remedy_buttons] == ["录入代表…"]    # a rule, but no deputies yet


def test_generate_opens_on_the_next_month_without_a_schedule(qtbot, demo_file, monkeypatch):
    db = Database.open(demo_file)
    window = open_window(qtbot, db, DEMO_TODAY)
    reception = page_named(window, "ReceptionTab")
    months = []
    monkeypatch.setattr(GenerateDialog, "exec", lambda self: months.append(self.month_edit.month()) or 0)
    reception.generate()
    from gridoffice.services.office.guide import next_unplanned_month

    assert months == [next_unplanned_month(db, DEMO_TODAY)] and months[0] > DEMO_TODAY
    reception.show_month(2030, 3)     # a later month still empty: that one
    reception.generate()
    assert months[-1] == dt.date(2030, 3, 1)
    window.close()
    db.close()


def test_a_new_reception_day_defaults_to_the_next_working_day(qtbot, demo_file, monkeypatch):
    db = Database.open(demo_file)
    window = open_window(qtbot, db, dt.date(2026, 9, 30))
    reception = page_named(window, "ReceptionTab")
    days = []
    monkeypatch.setattr(type(reception), "add_day", lambda self, day: days.append(day))
    reception.go_today()
    reception.new_record()
    assert days == [dt.date(2026, 10, 8)]     # after the National Day week, never on a holiday
    window.close()
    db.close()


def test_the_reception_list_is_searched_by_pinyin_like_the_roster(qtbot, demo_file):
    from gridoffice.services.common.pinyin import pinyin_of

    db = Database.open(demo_file)
    window = open_window(qtbot, db, DEMO_TODAY)
    reception = page_named(window, "ReceptionTab")
    reception.set_view(1)
    reception.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    row = reception.proxy.source_row(0)
    name = row.deputy_names[0]
    initials = pinyin_of(name)[1].split()[0]
    shown_text = " ".join(reception.proxy.index(0, c).data() or "" for c in range(reception.model.columnCount()))
    assert initials not in shown_text.lower()          # found by the deputy's initials, not by what the row shows
    reception.search_box.setText(initials)
    shown = [reception.proxy.source_row(r) for r in range(reception.proxy.rowCount())]
    assert row.id in {r.id for r in shown}
    window.close()
    db.close()


def test_the_data_folder_is_said_and_copied_when_it_cannot_be_opened(office, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    office.actions.open_data_folder.trigger()
    folder = str(office.db.data_folder)
    assert folder in told[0] and QApplication.clipboard().text() == folder


def test_the_data_folder_opened_is_named_in_the_status_bar(office, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)
    office.actions.open_data_folder.trigger()
    assert str(office.db.data_folder) in office.statusBar().currentMessage()
