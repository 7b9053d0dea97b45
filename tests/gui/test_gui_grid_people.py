"""The 重点户, 网格值守 and 人员与队伍 screens on the demo office: masking by default, the forms with their
errors under the field, the due list, the rota, duties in the reception month view."""
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from gridoffice.db import Database
from gridoffice.clock import FixedClock
from gridoffice.domain.enums import DutyStatus
from gridoffice.gui import create_application
from gridoffice.models.duty_model import DutyTableModel, ShiftTableModel
from gridoffice.models.household_model import HouseholdTableModel
from gridoffice.models.person_model import PersonTableModel, TeamTableModel
from gridoffice.services.duties.shifts import list_shifts
from gridoffice.services.households.due import due_list
from gridoffice.services.households.ledger import household_detail, list_households
from gridoffice.services.households.visits import visits_of
from gridoffice.views.duties.duty_form import DutyDialog
from gridoffice.views.duties.schedule_dialog import ScheduleDialog
from gridoffice.views.duties.tab import DutiesTab
from gridoffice.views.households.due_dialog import DueListDialog
from gridoffice.views.households.event_dialog import EventDialog
from gridoffice.views.households.form import HouseholdDialog
from gridoffice.views.households.tab import HouseholdsTab
from gridoffice.views.households.visit_dialog import VisitDialog
from gridoffice.views.people.person_form import PersonDialog
from gridoffice.views.people.tab import PeopleTab
from gridoffice.views.people.team_dialog import TeamDialog
from tests.conftest import DEMO_TODAY

CLOCK = FixedClock(DEMO_TODAY)


@pytest.fixture
def demo_db(demo_file):
    database = Database.open(demo_file)
    yield database
    database.close()


def shown(qtbot, page):
    qtbot.addWidget(page)
    page.restore_state()
    page.reload()
    page.resize(1300, 720)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def households(qtbot, demo_db):
    create_application()
    return shown(qtbot, HouseholdsTab(demo_db, CLOCK))


def test_the_ledger_is_masked_until_the_clerk_asks(households):
    model = households.model
    real = next(r for r in range(model.rowCount()) if not model.row_at(r).is_placeholder)
    masked = model.row_at(real)
    assert masked.address.endswith("***") and "*" in masked.name
    assert households.table.isColumnHidden(model.column_index("phone"))
    households.full_check.setChecked(True)
    full = next(model.row_at(r) for r in range(model.rowCount()) if model.row_at(r).id == masked.id)
    assert "*" not in full.name and not full.address.endswith("***")
    assert not households.table.isColumnHidden(model.column_index("phone"))
    households.full_check.setChecked(False)
    assert "*" in next(model.row_at(r) for r in range(model.rowCount()) if model.row_at(r).id == masked.id).name


def test_status_bar_and_filters(households, demo_db):
    due = due_list(demo_db, DEMO_TODAY)
    assert f"超期 {due.overdue_households} 户" in households.due_label.text()
    households.due_check.setChecked(True)
    assert 0 < households.proxy.rowCount() < households.model.rowCount()
    households.due_check.setChecked(False)
    grid_id = households.grid_box.itemData(1)
    households.show_grid(grid_id)
    rows = [households.proxy.source_row(r) for r in range(households.proxy.rowCount())]
    assert rows and {row.grid_id for row in rows} == {grid_id}


def test_a_new_household_from_the_form(qtbot, demo_db):
    create_application()
    dialog = HouseholdDialog(demo_db, CLOCK, grid_id=1)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    dialog.accept()
    assert dialog.errors.shown() == {"place": "请填写地址：小区、村民小组或街巷门牌，例如“幸福花园”或“石岗村三组”。"}
    ui.place.setText("测试花园")
    ui.building.setText("8")
    ui.unit.setText("1")
    ui.room.setText("1201")
    ui.name.setText("测试户主")
    dialog.accept()
    assert "categories" in dialog.errors.shown()
    next(iter(dialog.category_boxes.values())).setChecked(True)
    ui.phone.setText("12")
    dialog.accept()
    assert "phone" in dialog.errors.shown()
    ui.phone.setText("15400000001")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.changed
    assert household_detail(demo_db, dialog.household_id).address == "测试花园8栋1单元1201室"


def test_event_and_visit_dialogs(qtbot, demo_db):
    create_application()
    household = next(r for r in list_households(demo_db, today=DEMO_TODAY) if not r.is_placeholder)
    event = EventDialog(demo_db, CLOCK, household.id)
    qtbot.addWidget(event)
    event.kind.setCurrentText("生病住院")
    assert "前走访（遇节假日顺延）" in event.due_label.text()
    event.accept()
    assert event.result() == event.DialogCode.Accepted
    visit = VisitDialog(demo_db, CLOCK, household.id)
    qtbot.addWidget(visit)
    for i in range(visit.picker.list.count()):      # the household's deputy and grid worker come ticked
        visit.picker.list.item(i).setCheckState(Qt.CheckState.Unchecked)
    visit.accept()
    assert visit.form.fields["visitors"].error_label.text().startswith("请选择参加走访")
    visit.picker.list.item(0).setCheckState(Qt.CheckState.Checked)
    visit.service_boxes[0].setChecked(True)
    visit.other_services.setText("送米面油")
    visit.accept()
    assert visit.result() == visit.DialogCode.Accepted
    latest = visits_of(demo_db, household.id)[0]
    assert latest.date == DEMO_TODAY and latest.services == "送医送药、送米面油"
    assert "生病住院" in visit.result_.closed[0]


def test_due_list_opens_the_household(qtbot, demo_db):
    create_application()
    opened = []
    dialog = DueListDialog(due_list(demo_db, DEMO_TODAY), DEMO_TODAY, on_open=opened.append)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() > 0
    dialog.table.cellDoubleClicked.emit(0, 2)
    assert opened and isinstance(opened[0], int)
    dialog.events_only.setChecked(True)
    visible = [r for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)]
    assert visible and all(dialog.table.item(r, 6).text() == "必访" for r in visible)


def test_a_placeholder_count_is_edited(households, monkeypatch, demo_db):
    placeholder = next(households.model.row_at(r) for r in range(households.model.rowCount())
                       if households.model.row_at(r).is_placeholder)
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (placeholder.placeholder_count + 2, True))
    households.open_row(placeholder)
    again = next(r for r in list_households(demo_db, today=DEMO_TODAY) if r.id == placeholder.id)
    assert again.placeholder_count == placeholder.placeholder_count + 2


# --- duties --------------------------------------------------------------------------------------------

@pytest.fixture
def duties(qtbot, demo_db):
    create_application()
    return shown(qtbot, DutiesTab(demo_db, CLOCK))


def test_duties_tab_lists_posts_and_the_month(duties):
    kinds = {duties.posts.model.row_at(r).kind for r in range(duties.posts.model.rowCount())}
    assert {"网格巡查", "护学岗"} <= kinds
    assert duties.shifts.model.rowCount() > 0
    assert "漏岗" in duties.missed_label.text()
    duties.missed_check.setChecked(True)
    rows = [duties.shifts.model.row_at(r) for r in range(duties.shifts.model.rowCount())]
    assert rows and all(r.missed or r.status == DutyStatus.MISSED.value for r in rows)


def test_marking_a_past_shift_done_makes_an_activity(duties, monkeypatch, demo_db):
    duties.missed_check.setChecked(True)
    row = next(duties.shifts.model.row_at(r) for r in range(duties.shifts.model.rowCount())
               if duties.shifts.model.row_at(r).missed and any(k > 0 for k in duties.shifts.model.row_at(r).member_keys))
    duties.missed_check.setChecked(False)
    monkeypatch.setattr(duties.shifts, "selected_rows", lambda: [row])
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (12, True))
    duties.mark_done()
    [after] = [s for s in list_shifts(demo_db, start=row.date, end=row.date, today=DEMO_TODAY) if s.id == row.id]
    assert after.status == "已完成" and after.activity_id is not None


def test_duty_form_errors_and_save(qtbot, demo_db):
    create_application()
    dialog = DutyDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "name" in dialog.errors.shown()
    dialog.ui.name.setText("东湖社区夜间巡查")
    dialog.ui.recurrence.setCurrentText("上学日")
    assert dialog.ui.terms.isEnabled() and not dialog.ui.nth.isEnabled()
    dialog.accept()
    assert "terms" in dialog.errors.shown()
    dialog.ui.recurrence.setCurrentText("每周")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_schedule_dialog_previews_then_saves(qtbot, demo_db):
    create_application()
    dialog = ScheduleDialog(demo_db, first_month=dt.date(2027, 1, 1), kind_id=2)
    qtbot.addWidget(dialog)
    assert dialog.kind.currentText() == "护学岗" and dialog.table.rowCount() > 0
    assert "每人" in dialog.summary.text()
    dialog.accept()
    assert dialog.saved.added == dialog.table.rowCount()


# --- people and teams -----------------------------------------------------------------------------------

def test_people_tab_and_forms(qtbot, demo_db):
    create_application()
    page = shown(qtbot, PeopleTab(demo_db, CLOCK))
    before = page.people.model.rowCount()
    assert before > 100 and page.teams.model.rowCount() >= 5
    page.people.role_box.setCurrentText("律师")
    assert {page.people.proxy.source_row(r).role for r in range(page.people.proxy.rowCount())} == {"律师"}
    dialog = PersonDialog(demo_db, role="志愿者")
    qtbot.addWidget(dialog)
    dialog.ui.name.setText("新志愿者")
    dialog.ui.phone.setText("电话")
    dialog.accept()
    assert "phone" in dialog.errors.shown()
    dialog.ui.phone.setText("15400009999")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    team = TeamDialog(demo_db)
    qtbot.addWidget(team)
    team.name.setText("测试敲门小组")
    team.accept()
    assert team.form.fields["members"].error_label.text().startswith("请选择队伍的成员")
    team.picker.list.item(0).setCheckState(Qt.CheckState.Checked)
    team.accept()
    assert team.result() == team.DialogCode.Accepted
    page.reload()
    assert page.people.model.rowCount() == before + 1


def test_models_pass_qt_model_tester(qtmodeltester, households, duties, qtbot, demo_db):
    people = shown(qtbot, PeopleTab(demo_db, CLOCK))
    for model in (households.model, duties.posts.model, duties.shifts.model, people.people.model, people.teams.model):
        assert isinstance(model, (HouseholdTableModel, DutyTableModel, ShiftTableModel, PersonTableModel, TeamTableModel))
        qtmodeltester.check(model)


# --- the reception month and the grid tab ----------------------------------------------------------------

def test_the_month_view_shows_duties_in_their_colour(qtbot, demo_db):
    from gridoffice.views.reception.tab import ReceptionTab

    create_application()
    page = shown(qtbot, ReceptionTab(demo_db, CLOCK))
    entries = [e for cell in page.calendar.cells for e in cell.entries]
    duties = [e for e in entries if e.is_duty]
    assert duties and any(not e.is_duty for e in entries)
    assert "网格值守：" in page.duty_legend.text()
    text = page.calendar.tooltip_at(duties[0].rect.center())
    assert text.startswith(f"{duties[0].row.kind}：")
    page.duties_check.setChecked(False)
    assert not [e for cell in page.calendar.cells for e in cell.entries if e.is_duty]


def test_the_grid_tab_opens_a_grid_s_households(qtbot, demo_file):
    from gridoffice.views.shell.main_window import MainWindow

    create_application()
    with Database.open(demo_file) as db:
        window = MainWindow(db, CLOCK)
        qtbot.addWidget(window)
        grids = next(p for p in window.pages if p.settings_key == "grids")
        households = next(p for p in window.pages if isinstance(p, HouseholdsTab))
        grids.table.selectRow(0)
        grids.show_households()
        assert window.tabs.currentWidget() is households
        assert households.grid_box.currentData() == grids.current_row().id
        window.close()
