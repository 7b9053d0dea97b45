"""民情办理 on screen: the tab, its filters and colours, the form and its timeline, the start-up list."""
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from sqlmodel import select

from gridoffice.domain.clock import FixedClock, SYSTEM_CLOCK
from gridoffice.db import Database
from gridoffice.domain import Activity, Opinion, OpinionHistory
from gridoffice.domain.opinion_rules import Step
from gridoffice.gui import create_application
from gridoffice.models.opinion_model import OVERDUE_RED
from gridoffice.services.opinions.loop import due_summary
from gridoffice.views.opinions import dialogs as opinion_dialogs
from gridoffice.views.shell.main_window import MainWindow
from gridoffice.views.opinions.dialogs import (CategoryListDialog, DepartmentListDialog, OpinionDialog, StepDialog,
                                              register_opinion_dialog)
from gridoffice.views.opinions.tab import OpinionsTab

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def db(demo_file, monkeypatch):
    create_application()
    with Database.open(demo_file) as database:
        yield database


@pytest.fixture
def tab(qtbot, db):
    page = OpinionsTab(db, FixedClock(TODAY))
    qtbot.addWidget(page)
    page.restore_state()
    page.reload()
    return page


def shown(tab) -> list:
    return [tab.proxy.source_row(r) for r in range(tab.proxy.rowCount())]


def test_the_tab_lists_every_opinion_of_a_small_office_newest_first(tab, db):
    with db.session() as session:
        total = len(session.exec(select(Opinion.id)).all())
    rows = shown(tab)
    assert len(rows) == total and tab.dates.preset.currentText() == "全部"
    assert [r.received_on for r in rows] == sorted((r.received_on for r in rows), reverse=True)
    assert tab.count_label.text() == f"共 {total} 条"
    assert tab.summary_label.text().startswith(f"当前显示 {total} 件：待认领 ")


def test_residents_are_masked_in_the_list(tab, db):
    with db.session() as session:
        names = {o.resident_name for o in session.exec(select(Opinion)) if len(o.resident_name) > 1}
        phones = {o.resident_phone for o in session.exec(select(Opinion)) if o.resident_phone}
    column = {key: tab.model.column_index(key) for key in ("resident", "phone", "address")}
    texts = [[tab.proxy.index(r, c).data() for c in column.values()] for r in range(tab.proxy.rowCount())]
    assert all("*" in resident for resident, _phone, _address in texts if resident)
    assert not names & {t[0] for t in texts} and not phones & {t[1] for t in texts}
    tab.search_box.setText(next(iter(names)))   # searching a full name finds nothing: it is not in the list
    assert tab.proxy.rowCount() == 0


def test_overdue_rows_are_red_and_counted_in_the_status_bar(tab, db):
    with db.session() as session:
        summary = due_summary(session, TODAY)
    overdue_rows = [r for r in range(tab.proxy.rowCount()) if tab.proxy.source_row(r).overdue]
    assert len(overdue_rows) == len(summary.overdue) > 0
    brush = tab.proxy.index(overdue_rows[0], 0).data(Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == OVERDUE_RED
    assert f"超期 {len(summary.overdue)} 件，本周到期 {len(summary.due_soon)} 件" in tab.due_label.text()
    assert tab.status_widgets() == [tab.due_label]


def test_filters_by_status_overdue_and_deputy(tab, db):
    tab.status_filter.set_value("status:待认领")
    assert shown(tab) and {r.status for r in shown(tab)} == {"待认领"}
    tab.status_filter.set_value("due:overdue")
    assert shown(tab) and all(r.overdue for r in shown(tab))
    tab.clear_filters()
    with db.session() as session:
        deputy_id, deputy_name = session.exec(
            select(Opinion.deputy_id, Opinion.id).where(Opinion.deputy_id.is_not(None))).first()
    tab.deputy_filter.set_deputy(deputy_id, "某代表")
    assert shown(tab) and {r.deputy_id for r in shown(tab)} == {deputy_id}
    assert tab.deputy_filter.text() == "代表：某代表"


def test_export_adds_the_xlsx_ending_the_clerk_left_out(tab, tmp_path, monkeypatch):
    folder = tmp_path / "导出"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(folder / "民情意见 十一月"), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    tab.export_shown()
    assert [p.name for p in folder.iterdir()] == ["民情意见 十一月.xlsx"]


def test_a_date_window_keeps_open_matters(tab):
    tab.dates.set_range(dt.date(2026, 11, 1), TODAY)
    rows = shown(tab)
    assert any(r.received_on < dt.date(2026, 11, 1) for r in rows)     # unfinished, from before the window
    assert all(r.received_on >= dt.date(2026, 11, 1) or r.status not in ("已关闭", "不予受理") for r in rows)
    tab.unfinished_check.setChecked(False)
    assert all(r.received_on >= dt.date(2026, 11, 1) for r in shown(tab))


def test_register_opinion_dialog_returns_the_new_id_linked_to_its_activity(qtbot, db, monkeypatch):
    with db.session() as session:
        activity = session.exec(select(Activity).where(Activity.grid_id.is_not(None))).first()

    def fill_and_accept(dialog):
        qtbot.addWidget(dialog)
        assert dialog.channel_combo.currentText() == "走访"
        assert dialog.grid_combo.value() == activity.grid_id
        dialog.name_edit.setText("陈阿姨")
        dialog.phone_edit.setText("13912345678")
        dialog.content_edit.setPlainText("楼道堆放杂物，存在消防隐患。")
        dialog.category_combo.setCurrentText("安全隐患")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(OpinionDialog, "exec", fill_and_accept)
    new_id = register_opinion_dialog(db, None, channel="走访", received_on=activity.date, activity_id=activity.id,
                                     grid_id=activity.grid_id)
    with db.session() as session:
        opinion = session.get(Opinion, new_id)
    assert (opinion.activity_id, opinion.resident_name, opinion.category, opinion.status) == (
        activity.id, "陈阿姨", "安全隐患", "待认领")
    assert opinion.received_on == activity.date


def test_register_dialog_shows_errors_beside_the_field_and_cancel_returns_none(qtbot, db, monkeypatch):
    def submit_empty(dialog):
        qtbot.addWidget(dialog)
        dialog.accept()
        assert not dialog.form.fields["content"].error_label.isHidden()
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(OpinionDialog, "exec", submit_empty)
    assert register_opinion_dialog(db, None, channel="接待日", received_on=TODAY) is None


def test_the_form_shows_the_resident_in_full_and_the_timeline(qtbot, db):
    with db.session() as session:
        opinion = session.exec(select(Opinion).where(Opinion.status == "已关闭", Opinion.resident_name != "")).first()
        steps = session.exec(select(OpinionHistory).where(OpinionHistory.opinion_id == opinion.id)).all()
    dialog = OpinionDialog(db, None, today=TODAY, opinion_id=opinion.id)
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == opinion.resident_name and dialog.phone_edit.text() == opinion.resident_phone
    timeline = dialog.timeline.toPlainText()
    for step in steps:
        assert step.on.isoformat() in timeline and step.action in timeline
    enabled = {step for step, button in dialog.step_buttons.items() if button.isEnabled()}
    assert enabled == {Step.RATE, Step.REOPEN}
    assert dialog.print_reply.isEnabled() and not dialog.print_supervision.isEnabled()


def test_a_step_from_the_form_lands_in_the_timeline(qtbot, db, monkeypatch):
    with db.session() as session:
        opinion = session.exec(select(Opinion).where(Opinion.status == "办理中")).first()

    def write_progress(step_dialog):
        qtbot.addWidget(step_dialog)
        step_dialog.note_edit.setPlainText("部门已到现场，预计下周完成")
        step_dialog.accept()
        return step_dialog.result()

    monkeypatch.setattr(StepDialog, "exec", write_progress)
    dialog = OpinionDialog(db, None, today=TODAY, opinion_id=opinion.id)
    qtbot.addWidget(dialog)
    dialog.take_step(Step.PROGRESS)
    assert "部门已到现场，预计下周完成" in dialog.timeline.toPlainText() and dialog.changed


def test_a_step_with_bad_input_stays_open_with_the_error(qtbot, db):
    with db.session() as session:
        opinion = session.exec(select(Opinion).where(Opinion.status == "已认领")).first()
        from gridoffice.services.opinions.loop import opinion_detail
        detail = opinion_detail(session, opinion.id, TODAY)
    dialog = StepDialog(db, None, step=Step.REJECT, detail=detail, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "引导" in dialog.form.fields["referred_to"].error_label.text()
    dialog.referred_edit.setText("区人民法院诉讼服务中心")
    dialog.reason_combo.setCurrentText("诉讼")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.session() as session:
        assert session.get(Opinion, opinion.id).status == "不予受理"


def test_printing_the_assignment_slip_from_the_form(qtbot, db, monkeypatch):
    shown_pdf = {}
    monkeypatch.setattr(opinion_dialogs.PdfPreviewDialog, "exec", lambda self: shown_pdf.update(path=self.pdf_path))
    with db.session() as session:
        opinion_id = due_summary(session, TODAY).overdue[0].id
    dialog = OpinionDialog(db, None, today=TODAY, opinion_id=opinion_id)
    qtbot.addWidget(dialog)
    assert dialog.print_supervision.isEnabled()
    dialog.print_paper("交办单")
    assert shown_pdf["path"].is_file() and shown_pdf["path"].name.startswith("交办单-")


def test_the_start_up_list_shows_overdue_and_due_this_week(qtbot, tab):
    tab.after_window_shown()
    reminder = tab._reminder
    qtbot.addWidget(reminder)
    assert reminder.isVisible() and not reminder.isModal()
    assert reminder.table.rowCount() == len(tab.due.overdue) + len(tab.due.due_soon)
    labels = {reminder.table.item(r, 0).text() for r in range(reminder.table.rowCount())}
    assert labels == {"已超期", "本周到期"}
    reminder.close()


def test_category_and_department_lists_save(qtbot, db):
    categories = CategoryListDialog(db)
    qtbot.addWidget(categories)
    categories.add()
    categories.list.item(categories.list.count() - 1).setText("噪音扰民")
    categories.accept()
    assert categories.result() == QDialog.DialogCode.Accepted
    departments = DepartmentListDialog(db)
    qtbot.addWidget(departments)
    departments._add_row(opinion_dialogs.DepartmentEntry(None, "区应急管理局", "刘工", "0395-1234567"))
    departments.accept()
    assert departments.result() == QDialog.DialogCode.Accepted
    from gridoffice.services.opinions.lists import department_names
    from gridoffice.services.opinions.loop import category_names
    with db.session() as session:
        assert "噪音扰民" in category_names(session)
        assert "区应急管理局" in [name for _id, name in department_names(session)]
    refused = DepartmentListDialog(db)
    qtbot.addWidget(refused)
    refused.table.setCurrentCell(0, 0)
    refused.remove()
    assert "不能删除" in refused.error_label.text()


def test_the_main_window_has_the_tab_fifth_with_its_menus(qtbot, db, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    window = MainWindow(db, SYSTEM_CLOCK)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):   # shortcuts reach only the active window
        window.show()
        window.activateWindow()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["代表名册", "网格列表", "走访记录", "接待日历", "民情办理"]
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 4 and window.actions.new_record.isEnabled()
    tools = [a.text() for a in window.menus["工具"].actions()]
    assert "意见分类…" in tools and "职能部门…" in tools
    window.tabs.setCurrentIndex(0)
    window.pages[4].show_due()
    assert window.tabs.currentIndex() == 4
    assert all(r.overdue for r in shown(window.pages[4]))
    window.close()


def test_model_passes_qt_model_tester(tab, qtmodeltester):
    qtmodeltester.check(tab.model)


def test_an_opinion_registered_elsewhere_shows_when_the_tab_is_shown(qtbot, db):
    from gridoffice.services.opinions.loop import OpinionForm, register_opinion

    window = MainWindow(db, SYSTEM_CLOCK)
    qtbot.addWidget(window)
    window.show()
    tab = window.pages[4]
    before = tab.model.total_count()
    with db.session() as session:   # as the reception calendar would, through register_opinion_dialog
        register_opinion(session, OpinionForm(received_on=TODAY, channel="接待日", content="接待日反映的问题"), TODAY)
    window.tabs.setCurrentWidget(tab)
    assert tab.model.total_count() == before + 1
    window.close()
