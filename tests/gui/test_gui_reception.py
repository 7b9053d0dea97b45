"""The reception calendar tab and its dialogs, on the demo office."""
import datetime as dt
import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent, QMouseEvent
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QPushButton
from pypdf import PdfReader
from sqlmodel import select

import gridoffice.views.opinions
from gridoffice.clock import FixedClock
from gridoffice.db import Database
from gridoffice.domain import DeputyBusyDate, HolidayOverride, Opinion, ReceptionDay, ReceptionRule
from gridoffice.gui import create_application
from gridoffice.services.common.lookups import find_station
from gridoffice.services.reception.days import list_month, read_day
from gridoffice.services.reception.notice import NoticeSettings, read_notice_settings
from gridoffice.views.reception import day_dialog
from gridoffice.views.reception.day_dialog import DayDialog
from gridoffice.views.reception.generate_dialog import GenerateDialog
from gridoffice.views.reception.holiday_dialog import HolidayDialog
from gridoffice.views.reception.month_calendar import DUTY_MIME, duty_payload
from gridoffice.views.reception.notice_pick import NoticePickDialog
from gridoffice.views.reception.notice_settings import NoticeSettingsDialog
from gridoffice.views.reception.roster_print import RosterPrintDialog
from gridoffice.views.reception.rule_editor import RuleEditorDialog
from gridoffice.views.reception.tab import LIST_VIEW, ReceptionTab

TODAY = dt.date(2026, 11, 20)
CLOCK = FixedClock(TODAY)
D = dt.date


@pytest.fixture
def db(demo_file):
    """A fresh copy of the demo office (as of TODAY) for each test."""
    database = Database.open(demo_file)
    yield database
    database.close()


@pytest.fixture
def tab(qtbot, db):
    create_application()
    page = ReceptionTab(db, CLOCK)
    qtbot.addWidget(page)
    page.resize(1200, 720)
    page.show()
    qtbot.waitExposed(page)
    page.reload()
    page.go_today()
    return page


@pytest.fixture
def no_preview(monkeypatch) -> list[Path]:
    shown: list[Path] = []
    monkeypatch.setattr("gridoffice.widgets.pdf_preview.PdfPreviewDialog.exec", lambda self: shown.append(self.pdf_path))
    return shown


def month_rows(db: Database, year: int, month: int, station_id: int | None = None):
    return list_month(db, year, month, station_id)


# --- the month view -------------------------------------------------------------------------------

def test_the_month_shows_each_reception_with_station_time_and_deputies(tab, db):
    rows = month_rows(db, 2026, 11)
    assert tab.month_label.text() == "2026年11月" and tab.calendar.today == TODAY
    for row in rows:
        entry = tab.calendar.entry_of(row.id)
        assert entry is not None and tab.calendar.cell_of(row.date).date == row.date
        assert [chip.name for chip in entry.chips] == list(row.deputy_names)
        tip = tab.calendar.tooltip_at(entry.rect.center())
        assert row.station in tip and row.time_range in tip
    assert tab.summary_label.text().startswith(f"本月 {len(rows)} 次接待")
    centre = next(r.station_id for r in rows if "中心站" in r.station)
    tab.station_box.setCurrentIndex(tab.station_box.findData(centre))
    shown = [e.row.station_id for c in tab.calendar.cells for e in c.entries]
    assert shown and set(shown) == {centre}
    tab.set_view(LIST_VIEW)
    assert {tab.proxy.source_row(r).station_id for r in range(tab.proxy.rowCount())} == {centre}


def test_holidays_make_up_days_and_unknown_years_are_marked(tab):
    tab.show_month(2026, 10)
    infos = tab.calendar.infos
    assert infos[D(2026, 10, 1)].badge == "休" and infos[D(2026, 10, 1)].name == "国庆节"
    assert infos[D(2026, 10, 10)].badge == "班"
    assert tab.banner.isHidden()
    assert "国庆节" in tab.calendar.tooltip_at(tab.calendar.cell_of(D(2026, 10, 1)).rect.center())
    tab.step_month(4)
    assert tab.month_label.text() == "2027年2月"
    assert not tab.banner.isHidden() and "2027" in tab.banner.text()
    assert tab.calendar.infos[D(2027, 2, 8)].badge == "休"
    assert "估算" in tab.calendar.tooltip_at(tab.calendar.cell_of(D(2027, 2, 8)).rect.center())
    probable = tab.calendar.infos[D(2027, 2, 9)]
    assert probable.label == "可能放假（春节）" and probable.badge == "休"
    assert "可能放假（春节）" in tab.calendar.tooltip_at(tab.calendar.cell_of(D(2027, 2, 9)).rect.center())
    assert "2027年2月9日至12日（春节）" in tab.banner.text()        # the month's probable days, named
    assert not any(r.date in {D(2027, 2, d) for d in range(9, 13)} for r in month_rows(tab.db, 2027, 2))
    assert all(not c.entries for c in tab.calendar.cells if tab.calendar.infos.get(c.date) and
               tab.calendar.infos[c.date].badge == "休")


def test_clicking_a_reception_opens_it_and_an_empty_day_adds_one(tab, db, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(DayDialog, "exec", lambda self: opened.append((self.day_id, self.form_data.date)) or 0)
    row = month_rows(db, 2026, 11)[-1]
    qtbot.mouseClick(tab.calendar, Qt.MouseButton.LeftButton, pos=tab.calendar.entry_of(row.id).rect.center())
    assert opened == [(row.id, row.date)]
    empty = next(c for c in tab.calendar.cells if c.in_month and not c.entries and c.date > TODAY)
    qtbot.mouseClick(tab.calendar, Qt.MouseButton.LeftButton, pos=empty.rect.center())
    assert opened[-1] == (None, empty.date)
    tab.new_record()  # Ctrl+N: a new day on the day last clicked
    assert opened[-1] == (None, empty.date)


# --- one day --------------------------------------------------------------------------------------

def same_day_pair(db: Database):
    rows = [r for r in month_rows(db, 2027, 2) if r.status == "计划"]
    return next((a, b) for a in rows for b in rows if a.date == b.date and a.id < b.id)


def test_the_day_dialog_warns_of_conflicts_and_the_clerk_may_override_or_go_back(qtbot, db, monkeypatch):
    create_application()
    first, second = same_day_pair(db)
    dialog = DayDialog(db, CLOCK, day_id=first.id)
    qtbot.addWidget(dialog)
    assert dialog.conflict_label.isHidden()
    dialog.set_deputies([first.deputy_ids[0], second.deputy_ids[0]])
    assert not dialog.conflict_label.isHidden() and "当天已在" in dialog.conflict_label.text()
    answers = iter([False, True])
    asked = []
    monkeypatch.setattr(day_dialog, "ask_to_override",
                        lambda parent, title, conflicts, question: asked.append(conflicts) or next(answers))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert read_day(db, first.id).deputy_ids == sorted(first.deputy_ids)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert {c.kind for c in asked[0]} >= {"重复值班", "不在代表库"}
    assert sorted(read_day(db, first.id).deputy_ids) == sorted([first.deputy_ids[0], second.deputy_ids[0]])


def test_after_the_day_it_is_held_residents_counted_and_opinions_registered(qtbot, db, monkeypatch):
    create_application()
    row = next(r for r in month_rows(db, 2026, 11) if r.status == "计划" and r.date > TODAY)
    calls = []

    def register_opinion_dialog(database, parent, *, clock, channel, received_on, reception_day_id=None,
                                activity_id=None, grid_id=None):
        calls.append((channel, received_on, reception_day_id))
        with database.session() as session:
            opinion = Opinion(serial="2026-9100", received_on=received_on, channel=channel, content="楼道灯坏了",
                              reception_day_id=reception_day_id)
            session.add(opinion)
            session.flush()
            return opinion.id

    fake = types.ModuleType("gridoffice.views.opinions.form_dialog")
    fake.register_opinion_dialog = register_opinion_dialog
    monkeypatch.setitem(sys.modules, "gridoffice.views.opinions.form_dialog", fake)
    monkeypatch.setattr(gridoffice.views.opinions, "form_dialog", fake, raising=False)

    before = DayDialog(db, CLOCK, day_id=row.id)   # the day has not come yet
    qtbot.addWidget(before)
    assert not before.register_button.isEnabled()
    dialog = DayDialog(db, FixedClock(row.date), day_id=row.id)
    qtbot.addWidget(dialog)
    assert dialog.register_button.isEnabled() and "已登记 0 件" in dialog.opinions_label.text()
    dialog.register_button.click()
    assert calls == [("接待日", row.date, row.id)]
    assert "已登记 1 件" in dialog.opinions_label.text()
    assert dialog.status_radios["已举行"].isChecked()
    dialog.residents_box.setValue(6)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = read_day(db, row.id)
    assert (stored.status, stored.residents_received) == ("已举行", 6)


def test_a_new_day_is_added_with_the_stations_rule(qtbot, db):
    create_application()
    station = find_station(db, "中心站")
    dialog = DayDialog(db, CLOCK, day=D(2027, 3, 10), station_id=station.id)
    qtbot.addWidget(dialog)
    assert dialog.place_edit.text().startswith(station.name) and dialog.start_edit.time().hour() == 9
    dialog.place_edit.setText("")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "请填写接待地点" in dialog.form.fields["place"].error_label.text()
    dialog.place_edit.setText("社区广场")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert any(r.place == "社区广场" for r in month_rows(db, 2027, 3))


# --- dragging a deputy ------------------------------------------------------------------------------

def test_dropping_a_deputy_on_another_reception_swaps_after_the_conflict_check(tab, db, monkeypatch):
    tab.show_month(2027, 1)
    first, second = [r for r in month_rows(db, 2027, 1) if r.status == "计划"][:2]
    with db.session() as session:   # the moving deputy cannot come on the second date
        session.add(DeputyBusyDate(deputy_id=first.deputy_ids[0], date=second.date, reason="外出学习"))
    swap_to = second.deputy_ids[1]
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][1], True))
    asked = []
    answers = iter([False, True])
    monkeypatch.setattr("gridoffice.views.reception.tab.ask_to_override",
                        lambda parent, title, conflicts, question: asked.append(conflicts) or next(answers))
    received = []
    tab.calendar.duty_dropped.connect(lambda *args: received.append(args))
    mime = QMimeData()
    mime.setData(DUTY_MIME, duty_payload(first.deputy_ids[0], first.id))
    target = tab.calendar.entry_of(second.id).rect.center()
    drop = QDropEvent(target.toPointF(), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    tab.calendar.dropEvent(drop)      # the clerk cancels at the warning: nothing changes
    assert received == [(first.deputy_ids[0], first.id, second.id)]
    assert any("外出学习" in c.message for c in asked[0])
    assert read_day(db, second.id).deputy_ids == sorted(second.deputy_ids)
    assert tab.move_deputy(first.deputy_ids[0], first.id, second.id)   # goes on anyway
    assert sorted(read_day(db, second.id).deputy_ids) == sorted([second.deputy_ids[0], first.deputy_ids[0]])
    assert swap_to in read_day(db, first.id).deputy_ids
    assert first.deputy_ids[0] in [c.deputy_id for c in tab.calendar.entry_of(second.id).chips]


@pytest.mark.parametrize("read_only", [False, True])
def test_a_deputy_is_dragged_only_while_the_database_can_be_changed(tab, db, monkeypatch, read_only):
    """On a read-only database (damaged, a write-protected stick) a chip does not even start to move."""
    tab.show_month(2027, 1)
    planned = [r for r in month_rows(db, 2027, 1) if r.status == "计划"][0]
    chip = tab.calendar.entry_of(planned.id).chips[0]
    if read_only:
        monkeypatch.setattr(db, "read_only_reason", "数据库位于只读位置。")
    started = []
    monkeypatch.setattr(tab.calendar, "_start_drag", lambda chip, entry: started.append(chip.deputy_id))

    def mouse(kind, point: QPoint, button):
        return QMouseEvent(kind, QPointF(point), QPointF(tab.calendar.mapToGlobal(point)), button,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)

    start = chip.rect.center()
    tab.calendar.mousePressEvent(mouse(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton))
    tab.calendar.mouseMoveEvent(mouse(QEvent.Type.MouseMove, start + QPoint(30, 30), Qt.MouseButton.NoButton))
    assert started == ([] if read_only else [chip.deputy_id])
    tab.calendar.mouseMoveEvent(mouse(QEvent.Type.MouseMove, start, Qt.MouseButton.NoButton))
    hand = tab.calendar.cursor().shape() == Qt.CursorShape.OpenHandCursor
    assert hand is not read_only
    tab.reload_month()   # nor does the tab say they can be dragged
    assert ("拖到另一个接待日" in tab.calendar.tooltip_at(start)) is not read_only
    assert tab.hint_label.isHidden() is read_only


def test_held_days_accept_no_drop(tab, db):
    tab.show_month(2026, 10)
    held = month_rows(db, 2026, 10)[0]
    assert tab.calendar.drop_target(tab.calendar.entry_of(held.id).rect.center()) is None


# --- rules, plans, holidays -------------------------------------------------------------------------

def test_the_rule_editor_saves_a_stations_rule_and_pool(qtbot, db, monkeypatch):
    create_application()
    station = find_station(db, "下洲片区")
    dialog = RuleEditorDialog(db, CLOCK, station_id=station.id)
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    assert dialog.current.station_id == station.id and "每月第四个周四" in dialog.preview_label.text()
    assert ui.day_of_month.isHidden() and ui.months.isHidden() and not ui.nth.isHidden()
    ui.recurrence.setCurrentIndex(ui.recurrence.findData("每周"))
    assert ui.nth.isHidden() and ui.nth_label.isHidden() and "每周四" in dialog.preview_label.text()
    ui.weekday.setCurrentIndex(4)
    for index in range(dialog.picker.list.count()):   # empty the pool: refused
        dialog.picker.list.item(index).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.save_current()
    assert "代表库至少" in dialog.errors.shown()["pool"]
    for index in range(3):
        dialog.picker.list.item(index).setCheckState(Qt.CheckState.Checked)
    assert dialog.save_current() and not dialog.dirty
    with db.session() as session:
        rule = session.exec(select(ReceptionRule).where(ReceptionRule.station_id == station.id)).one()
        assert (rule.recurrence, rule.weekday, len(rule.pool)) == ("每周", 4, 3)
    assert "每周五" in dialog.station_list.item(dialog.station_list.currentRow()).text()
    assert dialog.errors.shown() == {}
    ui.day_of_month.setValue(3)   # a change, then closing asks; discarding closes
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_month_day_rule_takes_its_months_from_the_checks(qtbot, db):
    create_application()
    station = find_station(db, "中心站")
    dialog = RuleEditorDialog(db, CLOCK, station_id=station.id)
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    ui.recurrence.setCurrentIndex(ui.recurrence.findData("指定月份的日期"))
    assert not ui.months.isHidden() and not ui.day_of_month.isHidden() and ui.weekday.isHidden()
    for check in dialog.month_checks:
        check.setChecked(False)
    assert not dialog.save_current() and "至少选择一个月份" in dialog.errors.shown()["months"]
    next(b for b in ui.months.findChildren(QPushButton) if b.text() == "双月").click()
    ui.day_of_month.setValue(20)
    assert "每双月20日" in dialog.preview_label.text()
    assert dialog.save_current() and dialog.errors.shown() == {}
    with db.session() as session:
        rule = session.exec(select(ReceptionRule).where(ReceptionRule.station_id == station.id)).one()
    assert (rule.months, rule.day_of_month) == ("2,4,6,8,10,12", 20)


def test_the_generate_dialog_shows_each_deputys_count_before_saving(qtbot, db):
    create_application()
    dialog = GenerateDialog(db, first_month=D(2027, 1, 1))
    qtbot.addWidget(dialog)
    dialog.period_box.setCurrentIndex(3)   # a year
    plan = dialog.plan
    assert dialog.days_table.rowCount() == len(plan.days) >= 99
    assert dialog.counts_table.rowCount() == sum(len(c) for c in plan.counts.values())
    assert "最多相差 1 次" in dialog.summary_label.text() and "2027" in dialog.warning_label.text()
    dialog.station_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert all(day.station_id != dialog.station_list.item(0).data(Qt.ItemDataRole.UserRole) for day in dialog.plan.days)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.session() as session:
        stored = session.exec(select(ReceptionDay).where(ReceptionDay.date >= D(2027, 1, 1),
                                                         ReceptionDay.station_id.in_(dialog.plan.station_ids))).all()
    assert len(stored) == len(dialog.plan.days)


def test_the_holiday_dialog_enters_and_deletes_days_of_an_unknown_year(qtbot, db):
    create_application()
    dialog = HolidayDialog(db, CLOCK, year=2027)
    qtbot.addWidget(dialog)
    assert "2027" in dialog.status_label.text() and dialog.table.rowCount() >= 12
    dialog.first_edit.setDate(D(2027, 2, 5))
    dialog.last_edit.setDate(D(2027, 2, 11))
    dialog.name_edit.setText("春节")
    dialog.add_entry()
    dialog.kind_box.setCurrentIndex(1)
    dialog.first_edit.setDate(D(2027, 2, 17))   # a Wednesday cannot be a make-up workday
    dialog.add_entry()
    assert "周六或周日" in dialog.error_label.text()
    dialog.first_edit.setDate(D(2027, 2, 20))
    dialog.add_entry()
    with db.session() as session:
        assert len(session.exec(select(HolidayOverride)).all()) == 8
    sources = [dialog.table.item(r, 4).text() for r in range(dialog.table.rowCount())]
    assert sources.count("手工录入") == 8 and "已手工录入 8 天" in dialog.status_label.text()
    row = sources.index("手工录入")
    dialog.table.selectRow(row)
    dialog.delete_selected()
    with db.session() as session:
        assert len(session.exec(select(HolidayOverride)).all()) == 7
    dialog.table.selectRow([dialog.table.item(r, 4).text() for r in range(dialog.table.rowCount())].index("法定节日估算"))
    dialog.delete_selected()
    assert "只能删除手工录入" in dialog.error_label.text()


# --- printing and export ---------------------------------------------------------------------------

def test_ctrl_p_prints_the_duty_roster_of_the_month_shown(tab, no_preview):
    tab.step_month(1)
    tab.print_current()
    text = "".join(page.extract_text() for page in PdfReader(no_preview[-1]).pages)
    assert "2026年12月人大代表接待选民值班表" in text


def test_a_late_notice_is_warned_and_a_months_batch_prints(tab, db, no_preview, monkeypatch):
    warnings = []
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]) or next(answers))
    soon = next(r for r in month_rows(db, 2026, 11) if r.status == "计划" and r.date > TODAY)
    tab.clock = FixedClock(soon.date - dt.timedelta(days=1))
    tab.print_notice(soon.id)
    assert "不足 3 天" in warnings[0] and not no_preview
    tab.print_notice(soon.id)
    assert len(no_preview) == 1
    tab.clock = FixedClock(TODAY)
    tab.show_month(2027, 1)
    tab.print_month_notices()
    planned = [r for r in month_rows(db, 2027, 1) if r.status == "计划"]
    assert len(PdfReader(no_preview[-1]).pages) == len(planned) and len(warnings) == 2


def test_menus_and_export(tab, db, tmp_path, monkeypatch):
    labels = {menu: [a.text() for a in actions] for menu, actions in tab.menu_actions().items()}
    assert labels["打印"] == ["值班表…", "接待日公告…", "本月全部公告…"]
    assert labels["工具"][:2] == ["接待规则…", "节假日设置…"] and labels["文件"] == ["导出接待安排…"]
    assert tab.can_create
    target = tmp_path / "导出 接待.xlsx"
    monkeypatch.setattr("gridoffice.widgets.file_dialogs.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target.with_suffix("")), ""))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    tab.export_action.trigger()
    assert target.is_file() and "已导出" in told[0]


def test_the_notice_settings_form_shows_errors_under_their_field_and_saves(qtbot, db):
    create_application()
    dialog = NoticeSettingsDialog(db)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert ui.title.text() == read_notice_settings(db).title and ui.topics.toPlainText()
    assert ui.title_label.buddy() is ui.title and "&T" in ui.title_label.text()
    ui.title.setText("")
    ui.qr_text.setText("https://example.org/预约")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert list(dialog.errors.shown()) == ["title"] and "请填写公告标题" in dialog.errors.shown()["title"]
    ui.title.setText("代表接待日通知")
    ui.topics.setPlainText("长" * 301)
    dialog.accept()
    assert list(dialog.errors.shown()) == ["topics"] and "300" in dialog.errors.shown()["topics"]
    ui.topics.setPlainText("小区停车。")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert read_notice_settings(db) == NoticeSettings("代表接待日通知", "小区停车。", "https://example.org/预约")


def test_the_print_menu_dialogs_pick_a_day_and_a_month(tab, db, no_preview, monkeypatch):
    picked = []

    def pick_second(self):
        picked.append([self.list.item(i).text() for i in range(self.list.count())])
        self.list.setCurrentRow(1)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NoticePickDialog, "exec", pick_second)
    tab.print_notice_dialog()
    planned = [r for r in list_month(db, 2026, 11) + list_month(db, 2026, 12) if r.status == "计划" and r.date >= TODAY]
    assert len(picked[0]) >= len(planned) and planned[1].station_short in picked[0][1]
    assert f"{planned[1].date:%Y%m%d}" in no_preview[-1].name

    def roster_of_centre(self):
        self.month_edit.setDate(self.month_edit.date().addMonths(1))
        self.station_box.setCurrentIndex(self.station_box.findText(find_station(db, "中心站").name))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RosterPrintDialog, "exec", roster_of_centre)
    tab.print_roster_dialog()
    text = "".join(page.extract_text() for page in PdfReader(no_preview[-1]).pages)
    assert "2026年12月人大代表接待选民值班表" in text and "中心站" in text and "西园片区" not in text


# --- next year's holidays from the State Council's notice ------------------------------------------

INVENTED_2027 = Path(__file__).resolve().parents[1] / "fixtures" / "holiday_notices" / "2027-invented.txt"


def test_pasting_the_notice_shows_the_year_and_saves_it(qtbot, db, monkeypatch):
    from gridoffice.views.reception.notice_import import NoticeImportDialog

    create_application()
    holidays = HolidayDialog(db, CLOCK, year=2027)
    qtbot.addWidget(holidays)
    assert "尚未公布或尚未导入" in holidays.status_label.text()
    dialogs = []

    def paste_and_save(self):
        dialogs.append(self)
        self.ui.notice_text.setPlainText("国务院办公厅关于2027年部分节假日安排的通知\n今天天气很好。")
        self.ui.parse_button.click()
        assert "没有找到放假安排" in self.errors.shown()["notice_text"] and not self.save_button.isEnabled()
        self.ui.notice_text.setPlainText(INVENTED_2027.read_text(encoding="utf-8"))
        self.ui.parse_button.click()
        assert self.errors.shown() == {} and self.save_button.isEnabled()
        assert self.calendar.year == 2027 and self.calendar.days_off[D(2027, 2, 4)] == "春节"
        assert "2月4日至12日放假，1月31日、2月20日上班" in self.ui.summary.text()
        assert "调休上班" in self.calendar.tooltip_for(D(2027, 2, 20))
        self.accept()
        return self.result()

    monkeypatch.setattr(NoticeImportDialog, "exec", paste_and_save)
    holidays.paste_button.click()
    assert dialogs and dialogs[0].saved.days_off == 29
    with db.session() as session:
        assert len(session.exec(select(HolidayOverride)).all()) == 34
    assert "已从通知导入" in holidays.status_label.text()
    sources = {holidays.table.item(r, 4).text() for r in range(holidays.table.rowCount())}
    assert sources == {"通知导入"}


def test_a_built_in_year_is_overridden_only_when_the_clerk_says_so(qtbot, db, monkeypatch):
    from gridoffice.views.reception.notice_import import NoticeImportDialog

    create_application()
    dialog = NoticeImportDialog(db, CLOCK)
    qtbot.addWidget(dialog)
    text = (INVENTED_2027.parent / "2026.txt").read_text(encoding="utf-8")
    dialog.ui.notice_text.setPlainText(text)
    assert dialog.parse() and "已内置 2026 年" in dialog.ui.summary.text()
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(answers))
    dialog.accept()
    assert dialog.saved is None and dialog.result() != QDialog.DialogCode.Accepted
    dialog.accept()
    assert dialog.saved.year == 2026 and dialog.result() == QDialog.DialogCode.Accepted


def test_a_past_notice_is_refused_and_an_empty_roster_is_said_not_printed(tab, db, no_preview, monkeypatch):
    from gridoffice.services.reception.notice import past_notice_refusal

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    held = next(r for r in month_rows(db, 2026, 11) if r.date < TODAY)
    tab.print_notice(held.id)
    assert told[-1] == past_notice_refusal([held.date], TODAY) and not no_preview
    tab.print_roster(D(2030, 1, 1), None)
    assert "2030年1月各联络站没有安排接待日" in told[-1] and not no_preview


def test_the_notice_settings_keep_each_stations_contact_person(qtbot, db):
    from gridoffice.services.reception.notice import read_station_contacts

    create_application()
    dialog = NoticeSettingsDialog(db)
    qtbot.addWidget(dialog)
    table = dialog.ui.contacts
    centre = find_station(db, "中心站")
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == centre.name)
    assert table.item(row, 2).text() == read_station_contacts(db)[centre.id]
    table.item(row, 2).setText("长" * 21)
    dialog.accept()
    assert list(dialog.errors.shown()) == ["contacts"] and dialog.result() != QDialog.DialogCode.Accepted
    table.item(row, 2).setText(" 王 丽萍 ")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and read_station_contacts(db)[centre.id] == "王 丽萍"
