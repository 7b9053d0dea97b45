"""走访记录 on screen: filters with their totals, the activity form, an opinion registered from a visit."""
import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from sqlalchemy import func
from sqlmodel import select

from gridoffice.clock import FixedClock
from gridoffice.db import Database
from gridoffice.domain import Activity, ActivityDeputyLink, ActivityPhoto, Deputy, Opinion
from gridoffice.gui import create_application
from gridoffice.views.activities import tab as activities_tab
from gridoffice.views.activities import form as activity_dialogs
from gridoffice.views.activities.tab import ActivitiesTab
from gridoffice.views.activities.form import ActivityDialog
from gridoffice.views.opinions.form_dialog import OpinionDialog
from gridoffice.widgets.dates import from_qdate

TODAY = dt.date(2026, 11, 20)
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5b1b10000000049454e44ae426082")


@pytest.fixture
def db(demo_file, monkeypatch):
    create_application()
    with Database.open(demo_file) as database:
        yield database


@pytest.fixture
def tab(qtbot, db):
    page = ActivitiesTab(db, FixedClock(TODAY))
    qtbot.addWidget(page)
    page.restore_state()
    page.reload()
    return page


def shown(tab) -> list:
    return [tab.proxy.source_row(r) for r in range(tab.proxy.rowCount())]


def totals_line(tab) -> str:
    """The line under the list, as the clerk reads it once the rows are up (it follows them)."""
    QApplication.processEvents()
    return tab.summary_label.text()


def test_a_small_log_opens_whole_with_its_totals(tab, db):
    with db.session() as session:
        activities = session.exec(select(func.count(Activity.id))).one()
        person_times = session.exec(select(func.count()).select_from(ActivityDeputyLink)).one()
        residents = session.exec(select(func.sum(Activity.residents_contacted))).one()
    assert tab.dates.preset.currentText() == "全部" and len(shown(tab)) == activities
    assert f"活动 {activities} 次，代表 {person_times} 人次，联系群众 {residents} 人次" in totals_line(tab)


def test_filters_narrow_the_list_and_the_totals_follow(tab):
    everything = shown(tab)
    tab.kind_filter.set_value("入户走访")
    visits = shown(tab)
    assert visits and {r.kind for r in visits} == {"入户走访"} and len(visits) < len(everything)
    assert f"活动 {len(visits)} 次，代表 {sum(r.deputy_count for r in visits)} 人次" in totals_line(tab)
    deputy_id = visits[0].deputy_ids[0]
    tab.deputy_filter.set_deputy(deputy_id, "某代表")
    assert shown(tab) and all(deputy_id in r.deputy_ids and r.kind == "入户走访" for r in shown(tab))
    tab.clear_filters()
    tab.grid_filter.set_value(everything[0].grid_id or next(r.grid_id for r in everything if r.grid_id))
    assert {r.grid_id for r in shown(tab)} == {tab.grid_filter.value()}
    tab.clear_filters()
    tab.dates.set_range(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    october = shown(tab)
    assert october and all(dt.date(2026, 10, 1) <= r.date <= dt.date(2026, 10, 31) for r in october)
    assert "2026-10-01 至 2026-10-31" in totals_line(tab)
    tab.search_box.setText(october[0].place)
    searched = shown(tab)
    assert f"活动 {len(searched)} 次" in totals_line(tab)


def test_sorting_by_a_column_happens_in_the_model(tab):
    column = tab.model.column_index("residents_contacted")
    tab.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    values = [r.residents_contacted for r in shown(tab)]
    assert values == sorted(values)
    tab.reload()   # the order survives a reload
    assert [r.residents_contacted for r in shown(tab)] == sorted(values)


def test_a_new_activity_from_the_form(qtbot, db, tab, tmp_path, monkeypatch):
    photo = tmp_path / "入户 照片.png"
    photo.write_bytes(PNG)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: ([str(photo)], ""))
    with db.session() as session:
        deputies = session.exec(select(Deputy.id).where(Deputy.status == "在任").limit(3)).all()
    dialog = ActivityDialog(db, FixedClock(TODAY))
    qtbot.addWidget(dialog)
    dialog.accept()   # no deputy chosen: refused beside the picker
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "至少选择一名" in dialog.errors.shown()["deputies"]
    picker = dialog.ui.deputies
    picker.set_choices(picker._choices.values(), deputies)
    dialog.ui.kind.setCurrentText("网格巡查")
    dialog.ui.place.setText("幸福花园")
    dialog.ui.residents_contacted.setValue(9)
    dialog.add_photos()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.session() as session:
        activity = session.get(Activity, dialog.activity_id)
        photos = session.exec(select(ActivityPhoto).where(ActivityPhoto.activity_id == activity.id)).all()
        assert (activity.kind, activity.place, activity.residents_contacted, activity.date) == (
            "网格巡查", "幸福花园", 9, TODAY)
        assert sorted(d.id for d in activity.deputies) == sorted(deputies)
    assert len(photos) == 1 and (db.attachments_dir / photos[0].file).read_bytes() == PNG
    tab.reload()
    assert shown(tab)[0].id == dialog.activity_id and shown(tab)[0].deputy_count == 3


def test_an_opinion_registered_from_an_activity_links_to_it(qtbot, db, tab, monkeypatch):
    def fill(dialog):
        qtbot.addWidget(dialog)
        dialog.ui.content.setPlainText("小区门口路面坑洼，雨天积水。")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(OpinionDialog, "exec", fill)
    row = next(r for r in shown(tab) if r.grid_id)
    tab.table.setCurrentIndex(tab.proxy.index(0, 0))
    first = tab.selected_row()
    tab.register_opinion_from_selected()
    with db.session() as session:
        opinion = session.exec(select(Opinion).where(Opinion.activity_id == first.id)
                               .order_by(Opinion.id.desc())).first()
    assert opinion.channel == "走访" and opinion.received_on == first.date and opinion.grid_id == first.grid_id
    dialog = ActivityDialog(db, FixedClock(TODAY), activity_id=row.id)
    qtbot.addWidget(dialog)
    dialog.register_opinion()
    assert "已从这次活动登记意见" in dialog.opinions_label.text()


def test_deleting_from_the_form(qtbot, db, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    with db.session() as session:
        activity_id = session.exec(select(Activity.id)).first()
    dialog = ActivityDialog(db, FixedClock(TODAY), activity_id=activity_id)
    qtbot.addWidget(dialog)
    dialog.delete()
    assert dialog.deleted
    with db.session() as session:
        assert session.get(Activity, activity_id) is None


def test_export_writes_what_is_shown(tab, tmp_path, monkeypatch):
    target = tmp_path / "导出 走访.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    tab.kind_filter.set_value("议事会")
    tab.export_shown()
    rows = list(load_workbook(target).active.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(shown(tab)) + 1 and {r[1] for r in rows[:-1]} == {"议事会"}


def test_export_adds_the_xlsx_ending_the_clerk_left_out(tab, tmp_path, monkeypatch):
    folder = tmp_path / "导出"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(folder / "十一月走访"), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    tab.export_shown()
    assert [p.name for p in folder.iterdir()] == ["十一月走访.xlsx"]


def test_a_big_log_opens_on_the_last_three_months(qtbot, db, monkeypatch):
    monkeypatch.setattr(activities_tab, "WHOLE_LOG_UP_TO", 10)
    page = ActivitiesTab(db, FixedClock(TODAY))
    qtbot.addWidget(page)
    page.reload()
    assert page.dates.preset.currentText() == "近三个月"
    assert shown(page) and min(r.date for r in shown(page)) >= dt.date(2026, 8, 21)


def test_model_passes_qt_model_tester(tab, qtmodeltester):
    qtmodeltester.check(tab.model)


def test_the_photo_list_shows_saved_photos(qtbot, db, tmp_path):
    photo = tmp_path / "p.png"
    photo.write_bytes(PNG)
    with db.session() as session:
        activity_id = session.exec(select(Activity.id)).first()
    first = ActivityDialog(db, FixedClock(TODAY), activity_id=activity_id)
    qtbot.addWidget(first)
    first._add_photo_item(photo, None)
    assert first.save()
    second = ActivityDialog(db, FixedClock(TODAY), activity_id=activity_id)
    qtbot.addWidget(second)
    assert second.ui.photos.count() == 1
    assert second.ui.photos.item(0).data(activity_dialogs.PHOTO_ID_ROLE) is not None


def test_the_form_opens_on_the_clocks_day_and_goes_no_later(qtbot, db):
    spring = dt.date(2026, 3, 5)
    dialog = ActivityDialog(db, FixedClock(spring))
    qtbot.addWidget(dialog)
    assert from_qdate(dialog.ui.date.date()) == spring and from_qdate(dialog.ui.date.maximumDate()) == spring
    assert dialog.opinions_label.text() == "保存后登记的意见会关联到这次活动。" and dialog.delete_button.isHidden()


def test_tab_and_the_underlined_letters_follow_the_drawn_form(qtbot, db):
    dialog = ActivityDialog(db, FixedClock(TODAY))
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.ui.kind.setFocus()
    order = []
    for _ in range(11):
        widget = QApplication.focusWidget()
        order.append(widget.objectName() or widget.parent().objectName())
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert order == ["kind", "grid", "station", "place", "other_participants", "residents_contacted", "online",
                     "summary", "photos", "add_photo", "remove_photo"]
    assert QApplication.focusWidget() is dialog.ui.deputies.search_box
    qtbot.keyClick(dialog, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() in (dialog.ui.grid, dialog.ui.grid.lineEdit())


def test_the_online_tick_is_saved_listed_and_exported(qtbot, db, tab, tmp_path, monkeypatch):
    with db.session() as session:
        deputy = session.exec(select(Deputy.id).where(Deputy.status == "在任")).first()
    dialog = ActivityDialog(db, FixedClock(TODAY))
    qtbot.addWidget(dialog)
    dialog.ui.deputies.set_choices(dialog.ui.deputies._choices.values(), [deputy])
    dialog.ui.kind.setCurrentText("议事会")
    dialog.ui.summary.setPlainText("在数字人大平台与选民视频交流")
    assert not dialog.ui.online.isChecked()
    dialog.ui.online.setChecked(True)
    dialog.accept()
    with db.session() as session:
        assert session.get(Activity, dialog.activity_id).online
    reopened = ActivityDialog(db, FixedClock(TODAY), activity_id=dialog.activity_id)
    qtbot.addWidget(reopened)
    assert reopened.ui.online.isChecked()
    tab.reload()
    column = tab.model.column_index("online")
    cells = {tab.proxy.source_row(r).id: tab.proxy.index(r, column).data() for r in range(tab.proxy.rowCount())}
    assert cells[dialog.activity_id] == "网上"
    tab.search_box.setText("网上履职")
    assert dialog.activity_id in {r.id for r in shown(tab)} and all(r.online for r in shown(tab))
    target = tmp_path / "网上履职.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    tab.export_shown()
    sheet = load_workbook(target).active
    assert sheet.cell(1, 12).value == "网上履职"
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert {r[11] for r in rows[:-1]} == {"是"} and rows[-1][11] == f"{len(rows) - 1} 次"
