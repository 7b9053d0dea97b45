"""民情办理 on screen: the tab, its filters and colours, the form and its timeline, every step of the
loop driven through its dialog, the start-up list."""
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from sqlmodel import select

from gridoffice.db import Database
from gridoffice.domain import Activity, Opinion, OpinionHistory
from gridoffice.clock import FixedClock
from gridoffice.domain.opinion_rules import Step, default_due_days
from gridoffice.gui import create_application
from gridoffice.models.opinion_model import OVERDUE_RED
from gridoffice.services.opinions.detail import opinion_detail
from gridoffice.services.opinions.listing import due_summary
from gridoffice.services.opinions.lists import DepartmentEntry, category_names, department_names
from gridoffice.services.opinions.register import OpinionForm, register_opinion
from gridoffice.views.opinions import papers as opinion_papers
from gridoffice.views.opinions.categories import CategoryListDialog
from gridoffice.views.opinions.departments import DepartmentListDialog
from gridoffice.views.opinions.form_dialog import OpinionDialog, register_opinion_dialog
from gridoffice.views.opinions.step_dialog import StepDialog
from gridoffice.views.opinions.steps import STEPS
from gridoffice.views.opinions.tab import OpinionsTab
from gridoffice.views.shell.main_window import MainWindow

TODAY = dt.date(2026, 11, 20)
CLOCK = FixedClock(TODAY)


@pytest.fixture
def db(demo_file, monkeypatch):
    create_application()
    with Database.open(demo_file) as database:
        yield database


@pytest.fixture
def tab(qtbot, db):
    page = OpinionsTab(db, CLOCK)
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


def test_the_tab_lists_every_opinion_of_a_small_office_newest_first(tab, db):
    with db.session() as session:
        total = len(session.exec(select(Opinion.id)).all())
    rows = shown(tab)
    assert len(rows) == total and tab.dates.preset.currentText() == "全部"
    assert [r.received_on for r in rows] == sorted((r.received_on for r in rows), reverse=True)
    assert tab.count_label.text() == f"共 {total} 条"
    assert totals_line(tab).startswith(f"当前显示 {total} 件：待认领 ")


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
    summary = due_summary(db, TODAY)
    overdue_rows = [r for r in range(tab.proxy.rowCount()) if tab.proxy.source_row(r).overdue]
    assert len(overdue_rows) == len(summary.overdue) > 0
    brush = tab.proxy.index(overdue_rows[0], 0).data(Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == OVERDUE_RED
    assert f"超期 {len(summary.overdue)} 件，本周到期 {len(summary.due_soon)} 件" in tab.due_label.text()
    assert tab.status_widgets() == [tab.due_label, tab.followup_label]


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
        assert dialog.ui.channel.currentText() == "走访"
        assert dialog.ui.grid.value() == activity.grid_id
        assert dialog.ui.source.text() == "走访活动（保存后关联）"
        dialog.ui.resident_name.setText("陈阿姨")
        dialog.ui.resident_phone.setText("13912345678")
        dialog.ui.content.setPlainText("楼道堆放杂物，存在消防隐患。")
        dialog.ui.category.setCurrentText("安全隐患")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(OpinionDialog, "exec", fill_and_accept)
    new_id = register_opinion_dialog(db, None, clock=CLOCK, channel="走访", received_on=activity.date,
                                     activity_id=activity.id, grid_id=activity.grid_id)
    with db.session() as session:
        opinion = session.get(Opinion, new_id)
    assert (opinion.activity_id, opinion.resident_name, opinion.category, opinion.status) == (
        activity.id, "陈阿姨", "安全隐患", "待认领")
    assert opinion.received_on == activity.date


def test_register_dialog_shows_errors_beside_the_field_and_cancel_returns_none(qtbot, db, monkeypatch):
    def submit_bad(dialog):
        qtbot.addWidget(dialog)
        dialog.accept()
        assert dialog.errors.shown() == {"content": "请填写群众反映的问题或意见。"}
        dialog.ui.content.setPlainText("路灯不亮")
        dialog.ui.resident_phone.setText("12345")
        dialog.accept()
        assert list(dialog.errors.shown()) == ["resident_phone"]
        dialog.ui.grid.setEditText("没有这个网格")
        dialog.accept()
        assert dialog.errors.shown() == {"grid": "没有这个网格：请从列表中选择，或清空。"}
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(OpinionDialog, "exec", submit_bad)
    assert register_opinion_dialog(db, None, clock=CLOCK, channel="接待日", received_on=TODAY) is None
    with db.session() as session:
        assert session.exec(select(Opinion).where(Opinion.content == "路灯不亮")).first() is None


def test_the_registration_form_has_shortcuts_and_tabs_through_its_fields_in_order(qtbot, db):
    dialog = OpinionDialog(db, None, clock=CLOCK)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert ui.grid_label.buddy() is ui.grid and ui.content_label.buddy() is ui.content
    assert ui.received_on.maximumDate().toPython() == TODAY and ui.received_on.date().toPython() == TODAY
    fields = [ui.received_on, ui.channel, ui.resident_name, ui.resident_phone, ui.resident_address, ui.grid,
              ui.category, ui.urgency, ui.content]
    order, widget = [], ui.received_on
    for _ in range(200):   # the focus chain also passes through the fields' own inner editors
        if widget in fields and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
    assert order == fields


def test_the_form_shows_the_resident_in_full_and_the_timeline(qtbot, db):
    with db.session() as session:
        opinion = session.exec(select(Opinion).where(Opinion.status == "已关闭", Opinion.resident_name != "")).first()
        steps = session.exec(select(OpinionHistory).where(OpinionHistory.opinion_id == opinion.id)).all()
    dialog = OpinionDialog(db, None, clock=CLOCK, opinion_id=opinion.id)
    qtbot.addWidget(dialog)
    assert dialog.ui.resident_name.text() == opinion.resident_name
    assert dialog.ui.resident_phone.text() == opinion.resident_phone
    timeline = dialog.handling.timeline.toPlainText()
    for step in steps:
        assert step.on.isoformat() in timeline and step.action in timeline
    enabled = {step for step, button in dialog.handling.step_buttons.items() if button.isEnabled()}
    assert enabled == {Step.RATE, Step.REOPEN}
    assert dialog.handling.print_reply.isEnabled() and not dialog.handling.print_supervision.isEnabled()


def test_correcting_the_form_of_a_registered_opinion(qtbot, db):
    with db.session() as session:
        opinion = session.exec(select(Opinion).where(Opinion.status == "已认领")).first()
    dialog = OpinionDialog(db, None, clock=CLOCK, opinion_id=opinion.id)
    qtbot.addWidget(dialog)
    dialog.ui.resident_phone.setText("0395-7654321")
    dialog.save_form()
    with db.session() as session:
        saved = session.get(Opinion, opinion.id)
    assert saved.resident_phone == "0395-7654321" and dialog.changed


# --- every step of the loop through its dialog ------------------------------------------------------

def _claim(dialog):
    dialog.widgets["deputy"].list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.widgets["note"].setPlainText("当天联系了群众")


def _assign(dialog):
    assert dialog.value("department") is not None and dialog.value("mode") == "交办"
    dialog.widgets["note"].setPlainText("请尽快处理")


def _progress(dialog):
    dialog.widgets["note"].setPlainText("部门已到现场，预计下周完成")


def _supervise(dialog):
    assert not dialog.widgets["due_on"].isEnabled()
    dialog.widgets["change_due"].setChecked(True)
    assert dialog.widgets["due_on"].isEnabled()
    dialog.widgets["note"].setPlainText("已电话督促")


def _resolve(dialog):
    dialog.widgets["result"].setPlainText("已修复，经现场查看正常。")


def _reply(dialog):
    assert dialog.value("reply") == dialog.detail.opinion.result   # the result, ready to read out
    assert not dialog.widgets["due_on"].isEnabled()
    satisfaction = dialog.widgets["satisfaction"]
    satisfaction.setCurrentIndex(satisfaction.findData("满意"))


def _rate(dialog):
    satisfaction = dialog.widgets["satisfaction"]
    satisfaction.setCurrentIndex(satisfaction.findData("不满意"))
    assert dialog.widgets["due_on"].isEnabled()
    dialog.widgets["note"].setPlainText("灯又坏了")


def _reopen(dialog):
    dialog.widgets["note"].setPlainText("群众再次反映")


def _reject(dialog):
    dialog.widgets["reason"].setCurrentIndex(dialog.widgets["reason"].findData("信访"))
    dialog.widgets["referred_to"].setText("区信访局")


# step: (the status it starts from, what the clerk fills in, the history rows it adds, the status after)
STEP_CASES = {
    Step.CLAIM: ("待认领", _claim, [("认领", "待认领", "已认领")], "已认领"),
    Step.ASSIGN: ("已认领", _assign, [("交办", "已认领", "办理中")], "办理中"),
    Step.PROGRESS: ("办理中", _progress, [("进展", "办理中", "办理中")], "办理中"),
    Step.SUPERVISE: ("办理中", _supervise, [("督办", "办理中", "办理中")], "办理中"),
    Step.RESOLVE: ("办理中", _resolve, [("办结", "办理中", "已办结")], "已办结"),
    Step.REPLY: ("已办结", _reply, [("回复", "已办结", "已关闭")], "已关闭"),
    Step.RATE: ("已关闭", _rate, [("评价", "已关闭", "已关闭"), ("重办", "已关闭", "办理中")], "办理中"),
    Step.REOPEN: ("已办结", _reopen, [("重办", "已办结", "办理中")], "办理中"),
    Step.REJECT: ("已认领", _reject, [("不予受理", "已认领", "不予受理")], "不予受理"),
}


def test_every_step_the_form_offers_has_a_case():
    assert set(STEPS) == set(STEP_CASES) == set(Step) - {Step.REGISTER, Step.FLAG}


def _history(db, opinion_id) -> list[tuple[str, str, str, dt.date, str]]:
    with db.session() as session:
        rows = session.exec(select(OpinionHistory).where(OpinionHistory.opinion_id == opinion_id)
                            .order_by(OpinionHistory.id)).all()
        return [(h.action, h.from_status, h.to_status, h.on, h.note) for h in rows]


@pytest.mark.parametrize("step", list(STEP_CASES), ids=lambda step: step.name.lower())
def test_each_step_through_its_dialog_changes_the_status_and_writes_the_history(qtbot, db, monkeypatch, step):
    start, fill, added, after = STEP_CASES[step]
    with db.session() as session:
        opinion = session.exec(select(Opinion).where(Opinion.status == start).order_by(Opinion.id)).first()
    before = _history(db, opinion.id)
    seen = {}

    def fill_and_accept(step_dialog):
        qtbot.addWidget(step_dialog)
        seen["title"] = step_dialog.windowTitle()
        assert step_dialog.value("on") == TODAY
        fill(step_dialog)
        step_dialog.accept()
        assert step_dialog.form.fields["on"].error_label.isHidden()
        return step_dialog.result()

    monkeypatch.setattr(StepDialog, "exec", fill_and_accept)
    dialog = OpinionDialog(db, None, clock=CLOCK, opinion_id=opinion.id)
    qtbot.addWidget(dialog)
    button = dialog.handling.step_buttons[step]
    assert button.isEnabled() and button.text() == STEPS[step].button_text
    button.click()

    assert seen["title"] == f"{STEPS[step].title} — {opinion.serial}"
    history = _history(db, opinion.id)
    assert history[:len(before)] == before
    assert [row[:3] for row in history[len(before):]] == added
    assert all(on == TODAY for _a, _f, _t, on, _n in history[len(before):])
    with db.session() as session:
        saved = session.get(Opinion, opinion.id)
    assert saved.status == after and dialog.changed
    assert dialog.windowTitle() == f"民情意见 {opinion.serial} — {after}"   # the form shows the new state
    assert history[-1][4] in dialog.handling.timeline.toPlainText()
    if step is Step.CLAIM:
        assert saved.deputy_id is not None and "当天联系了群众" in history[-1][4]
    if step is Step.ASSIGN:
        assert saved.due_on == TODAY + dt.timedelta(days=default_due_days(saved.urgency))
    if step is Step.SUPERVISE:
        assert (saved.handling_mode, saved.due_on) == ("督办", TODAY + dt.timedelta(days=7))
    if step is Step.REPLY:
        assert (saved.satisfaction, saved.closed_on, saved.reply) == ("满意", TODAY, opinion.result)
    if step is Step.REJECT:
        assert (saved.reject_reason, saved.referred_to) == ("信访", "区信访局")


def test_a_step_with_bad_input_stays_open_with_the_error(qtbot, db):
    with db.session() as session:
        opinion_id = session.exec(select(Opinion.id).where(Opinion.status == "已认领")).first()
    dialog = StepDialog(db, None, clock=CLOCK, spec=STEPS[Step.REJECT], detail=opinion_detail(db, opinion_id, TODAY))
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "引导" in dialog.form.fields["referred_to"].error_label.text()
    dialog.widgets["referred_to"].setText("区人民法院诉讼服务中心")
    dialog.widgets["reason"].setCurrentText("诉讼")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.session() as session:
        assert session.get(Opinion, opinion_id).status == "不予受理"


def test_a_step_the_status_no_longer_allows_is_refused_and_closes(qtbot, db, monkeypatch):
    """Taken in another window meanwhile: the clerk is told why and the dialog closes."""
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: warnings.append((title, text)))
    with db.session() as session:
        opinion_id = session.exec(select(Opinion.id).where(Opinion.status == "待认领")).first()
    detail = opinion_detail(db, opinion_id, TODAY)
    dialog = StepDialog(db, None, clock=CLOCK, spec=STEPS[Step.REJECT], detail=detail)
    qtbot.addWidget(dialog)
    with db.session() as session:
        session.get(Opinion, opinion_id).status = "已办结"
    dialog.widgets["referred_to"].setText("区信访局")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert warnings and warnings[0][0] == "不能办理" and "已办结" in warnings[0][1]


def test_printing_the_assignment_slip_from_the_form(qtbot, db, monkeypatch):
    shown_pdf = {}
    monkeypatch.setattr(opinion_papers.PdfPreviewDialog, "exec", lambda self: shown_pdf.update(path=self.pdf_path))
    opinion_id = due_summary(db, TODAY).overdue[0].id
    dialog = OpinionDialog(db, None, clock=CLOCK, opinion_id=opinion_id)
    qtbot.addWidget(dialog)
    assert dialog.handling.print_supervision.isEnabled()
    dialog.handling.print_assignment.click()
    assert shown_pdf["path"].is_file() and shown_pdf["path"].name.startswith("交办单-")


def test_a_matter_not_accepted_gets_its_written_reply_from_the_form(qtbot, db, monkeypatch):
    from pypdf import PdfReader

    shown_pdf = {}
    monkeypatch.setattr(opinion_papers.PdfPreviewDialog, "exec", lambda self: shown_pdf.update(path=self.pdf_path))
    with db.session() as session:
        rejected = session.exec(select(Opinion).where(Opinion.status == "不予受理")).first()
    dialog = OpinionDialog(db, None, clock=CLOCK, opinion_id=rejected.id)
    qtbot.addWidget(dialog)
    assert dialog.handling.print_reply.isEnabled() and not dialog.handling.print_assignment.isEnabled()
    dialog.handling.print_reply.click()
    text = "".join(page.extract_text() for page in PdfReader(shown_pdf["path"]).pages)
    assert "不予受理告知书" in text and rejected.referred_to in text.replace("\n", "")


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
    departments._add_row(DepartmentEntry(None, "区应急管理局", "刘工", "0395-1234567"))
    departments.accept()
    assert departments.result() == QDialog.DialogCode.Accepted
    assert "噪音扰民" in category_names(db)
    assert "区应急管理局" in [name for _id, name in department_names(db)]
    refused = DepartmentListDialog(db)
    qtbot.addWidget(refused)
    refused.table.setCurrentCell(0, 0)
    refused.remove()
    assert "不能删除" in refused.error_label.text()
    refused._add_row(DepartmentEntry(None, "区水务局", phone="abc"))
    refused.accept()
    assert refused.error_label.text().startswith(f"第 {refused.table.rowCount()} 行：电话格式不对")


def test_the_main_window_has_the_tab_fifth_with_its_menus(qtbot, db, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    window = MainWindow(db, CLOCK)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):   # shortcuts reach only the active window
        window.show()
        window.activateWindow()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[:5] == ["代表名册", "网格列表", "走访记录", "接待日历", "民情办理"]   # then 重点户, 网格值守…
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 4 and window.actions.new_record.isEnabled()
    tools = [a.text() for a in window.menus["工具"].actions()]
    assert "意见分类…" in tools and "职能部门…" in tools
    window.tabs.setCurrentIndex(0)
    window.pages[4].show_due()
    assert window.tabs.currentIndex() == 4
    assert shown(window.pages[4]) and all(r.overdue for r in shown(window.pages[4]))
    window.close()


def test_model_passes_qt_model_tester(tab, qtmodeltester):
    qtmodeltester.check(tab.model)


def test_an_opinion_registered_elsewhere_shows_when_the_tab_is_shown(qtbot, db):
    window = MainWindow(db, CLOCK)
    qtbot.addWidget(window)
    window.show()
    tab = window.pages[4]
    before = tab.model.total_count()
    # as the reception calendar would, through register_opinion_dialog
    register_opinion(db, OpinionForm(received_on=TODAY, channel="接待日", content="接待日反映的问题"), TODAY)
    window.tabs.setCurrentWidget(tab)
    assert tab.model.total_count() == before + 1
    window.close()
