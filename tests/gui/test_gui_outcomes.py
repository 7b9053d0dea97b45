"""履职成果 on screen, the lists: the tab and its six lists, what each shows, its filters, the quick
steps on a selected row, Enter to open, the export as shown, the papers, the kind editors."""
import datetime as dt

import pytest
from docx import Document
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlmodel import select

from gridoffice.db import Database
from gridoffice.domain import Dispute, Meeting, OutcomeKind, Project, Suggestion
from gridoffice.gui import create_application
from gridoffice.models.outcome_models import LATE_RED
from gridoffice.services.outcomes import suggestions as sg
from gridoffice.services.outcomes.appraisals import deputies_not_planned
from gridoffice.services.outcomes.campaigns import campaign_figures
from gridoffice.views.outcomes import printing
from gridoffice.views.outcomes.appraisal_dialog import AppraisalDialog
from gridoffice.views.outcomes.kinds import KindListDialog
from gridoffice.views.outcomes.tab import OutcomesTab
from gridoffice.widgets.pdf_preview import PdfPreviewDialog
from tests.outcome_screens import CLOCK, TODAY, answer_steps, cells, shown

DAY = dt.timedelta(days=1)


@pytest.fixture
def db(demo_file):
    create_application()
    with Database.open(demo_file) as database:
        yield database


@pytest.fixture
def tab(qtbot, db):
    page = OutcomesTab(db, CLOCK)
    qtbot.addWidget(page)
    page.restore_state()
    page.reload()
    return page


def count(db, model, *conditions) -> int:
    with db.session() as session:
        return len(session.exec(select(model.id).where(*conditions)).all())


def test_the_tab_holds_six_lists_each_read_when_first_shown(tab, db):
    assert [tab.tabs.tabText(i) for i in range(tab.tabs.count())] == [
        "代表建议", "为民办实事", "会议", "述职评议", "专项活动", "矛盾调解"]
    assert tab.lists[0].model.rowCount() == count(db, Suggestion) == 8
    assert tab.lists[2].model.rowCount() == 0            # not shown yet: not read
    meetings = tab.show_list("会议")
    assert meetings.model.rowCount() == count(db, Meeting)
    assert meetings.count_label.text() == f"共 {count(db, Meeting)} 条"
    assert tab.can_create and [a.text() for a in tab.menu_actions()["工具"]] == ["会议类型…", "纠纷类型…", "实事类别…"]


def test_the_windows_keys_act_on_the_list_on_show(tab, monkeypatch):
    opened = []
    disputes = tab.show_list("矛盾调解")
    monkeypatch.setattr(type(disputes), "open_record", lambda self, record_id: opened.append((self.title, record_id)))
    tab.new_record()
    assert opened == [("矛盾调解", None)]


def test_enter_or_a_double_click_opens_the_selected_record(tab, qtbot, monkeypatch):
    suggestions = tab.lists[0]
    opened = []
    monkeypatch.setattr(type(suggestions), "open_record", lambda self, record_id: opened.append(record_id))
    suggestions.table.selectRow(2)
    qtbot.keyClick(suggestions.table, Qt.Key.Key_Return)
    suggestions.table.doubleClicked.emit(suggestions.proxy.index(0, 1))
    assert opened == [shown(suggestions)[2].id, shown(suggestions)[0].id]


# --- 代表建议 ------------------------------------------------------------------------------------

def test_an_overdue_suggestion_is_red_with_its_days_late_and_the_filters_find_it(tab, db):
    with db.session() as session:
        department = session.exec(select(Suggestion.department_id)).first()
        lead = session.exec(select(sg.SuggestionDeputyLink.deputy_id)).first()
    new = sg.create_suggestion(db, sg.SuggestionForm("关于增设学校门口护学岗的建议", TODAY - 120 * DAY,
                                                     lead_deputy_id=lead, department_id=department), today=TODAY)
    sg.assign_suggestion(db, new, on=TODAY - 100 * DAY, today=TODAY)   # due 90 days later: 10 days late
    page = tab.lists[0]
    page.reload()
    rows = shown(page)
    index = next(i for i, r in enumerate(rows) if r.id == new)
    due = page.proxy.index(index, page.model.column_index("due_on"))
    assert due.data() == f"{TODAY - 10 * DAY:%Y-%m-%d}（超期 10 天）"
    assert due.data(Qt.ItemDataRole.ForegroundRole).color() == LATE_RED
    assert "已超过答复期限 10 天" in due.data(Qt.ItemDataRole.ToolTipRole)
    page.overdue.setChecked(True)
    assert [r.id for r in shown(page)] == [new]
    page.clear_filters()
    page.status.set_value("办结")
    assert len(shown(page)) == 8 and {c for c in cells(page, "status")} == {"办结"}
    page.status.set_value(None)
    page.department.set_value(department)
    assert new in {r.id for r in shown(page)} and all(r.department_id == department for r in shown(page))
    page.clear_filters()
    page.deputy.set_deputy(lead, "某代表")
    assert new in {r.id for r in shown(page)} and all(lead in r.deputy_ids for r in shown(page))


def test_the_suggestion_list_shows_lead_cosigners_department_and_opinion_count(tab, db):
    page = tab.lists[0]
    row = shown(page)[0]
    detail = sg.suggestion_detail(db, row.id, today=TODAY)
    values = {key: cells(page, key)[0] for key in ("serial", "lead", "cosigners", "department", "opinions", "verdict")}
    assert values == {"serial": row.serial, "lead": row.lead, "cosigners": row.cosigners,
                      "department": row.department, "opinions": str(len(detail.opinions)), "verdict": row.verdict}


def test_the_suggestion_form_prints_as_pdf_and_as_word(tab, db, tmp_path, monkeypatch):
    page = tab.lists[0]
    page.table.selectRow(0)
    row = page.selected_row()
    previewed = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: previewed.append(self.pdf_path) or 0)
    menu = page.print_button.menu()
    menu.actions()[0].trigger()
    assert previewed and previewed[0].read_bytes().startswith(b"%PDF")
    target = tmp_path / "建议 表"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    menu.actions()[1].trigger()
    text = "\n".join(p.text for p in Document(tmp_path / "建议 表.docx").paragraphs)
    assert "人大代表建议" in text and row.serial in text


def test_printing_with_nothing_selected_says_so(tab, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    tab.lists[0].print_button.menu().actions()[0].trigger()
    assert said == ["请先在列表中选中一条代表建议。"]


def test_the_list_is_exported_as_shown_with_counts_as_numbers(tab, tmp_path, monkeypatch):
    page = tab.lists[0]
    page.status.set_value("办结")
    target = tmp_path / "代表建议.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    tab.export_action.trigger()
    sheet = load_workbook(target).active
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["编号", "建议标题", "分类"] and "专项活动" not in headers   # hidden columns stay out
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == cells(page, "serial")
    assert all(isinstance(r[headers.index("意见数")], int) for r in rows)


# --- 为民办实事 ----------------------------------------------------------------------------------

def test_projects_filter_by_status_and_kind_and_show_late_ones(tab, db):
    page = tab.show_list("为民办实事")
    assert len(shown(page)) == count(db, Project)
    page.status.set_value("已完成")
    assert shown(page) and {r.status for r in shown(page)} == {"已完成"}
    page.clear_filters()
    page.kind.set_value("养老助餐")
    assert shown(page) and {r.kind for r in shown(page)} == {"养老助餐"}
    page.clear_filters()
    with db.session() as session:
        project = session.exec(select(Project).where(Project.status == "实施中")).first()
        project.planned_on = TODAY - 5 * DAY
        session.add(project)
        project_id = project.id
    page.reload()
    page.late.setChecked(True)
    assert [r.id for r in shown(page)] == [project_id] and cells(page, "late") == ["逾期"]


def test_quick_steps_start_finish_and_cancel_the_selected_project(tab, db, monkeypatch):
    page = tab.show_list("为民办实事")
    new = Project(name="西园路口新增公交站台", year=2026, kind="公交出行", status="计划")
    with db.session() as session:
        session.add(new)
        session.flush()
        project_id = new.id
    page.reload()
    page.select_id(project_id)
    answer_steps(monkeypatch, {"on": TODAY - 3 * DAY}, {"on": TODAY})
    page.quick_step("实施中")
    with db.session() as session:
        assert (session.get(Project, project_id).status, session.get(Project, project_id).started_on) == (
            "实施中", TODAY - 3 * DAY)
    page.quick_step("已完成")
    with db.session() as session:
        saved = session.get(Project, project_id)
        assert (saved.status, saved.started_on, saved.completed_on) == ("已完成", TODAY - 3 * DAY, TODAY)
    assert page.selected_row().id == project_id and page.selected_row().status == "已完成"
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    page.quick_step("已取消")
    with db.session() as session:
        assert session.get(Project, project_id).status == "已取消"


def test_the_years_project_list_prints(tab, monkeypatch):
    page = tab.show_list("为民办实事")
    previewed = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: previewed.append(self.pdf_path) or 0)
    page.print_button.menu().actions()[0].trigger()
    assert previewed[0].name == "2026年为民办实事项目清单.pdf" and previewed[0].stat().st_size > 1000


# --- meetings ----------------------------------------------------------------------------------------

def test_meetings_show_who_came_and_filter_by_kind_and_status(tab, db):
    page = tab.show_list("会议")
    page.kind.set_value("圆桌会")
    rows = shown(page)
    assert rows and {r.kind for r in rows} == {"圆桌会"}
    held = next(r for r in rows if r.status == "已召开")
    assert held.deputy_count == len(held.deputies.split("、"))
    page.clear_filters()
    page.status.set_value("计划")
    assert shown(page) and all(r.deputy_count == 0 for r in shown(page))
    assert page.dates.preset.currentText() == "全部"


def test_minutes_of_a_planned_meeting_are_refused_in_chinese(tab, db, monkeypatch):
    page = tab.show_list("会议")
    page.status.set_value("计划")
    page.table.selectRow(0)
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append((title, text)))
    page.minutes_button.menu().actions()[0].trigger()
    assert said[0][0] == "不能打印会议纪要" and "还没有召开" in said[0][1]


# --- 述职评议 -------------------------------------------------------------------------------------

def test_the_years_plan_shows_the_deputies_not_yet_planned(tab, db):
    page = tab.show_list("述职评议")
    assert page.year.value() == TODAY.year and {r.year for r in shown(page)} == {TODAY.year}
    unplanned = deputies_not_planned(db, TODAY.year)
    assert page.unplanned_box.title() == f"{TODAY.year} 年度尚未安排述职的代表（{len(unplanned)} 人）"
    names = [page.unplanned.topLevelItem(t).child(c).text(0) for t in range(page.unplanned.topLevelItemCount())
             for c in range(page.unplanned.topLevelItem(t).childCount())]
    assert sorted(names) == sorted(name for _id, name, _station in unplanned)


def test_ticked_deputies_are_planned_in_one_meeting(tab, db, monkeypatch):
    page = tab.show_list("述职评议")
    first = page.unplanned.topLevelItem(0)
    for child in range(2):
        first.child(child).setCheckState(0, Qt.CheckState.Checked)
    ticked, station = page.ticked_deputies()

    def plan(dialog: AppraisalDialog) -> int:
        assert dialog.order_ids() == ticked and dialog.ui.station.currentText() == station
        dialog.ui.date.setDate(TODAY + 10 * DAY)
        assert dialog.save()
        return 0

    monkeypatch.setattr(AppraisalDialog, "exec", plan)
    page.plan_for_ticked()
    left = {d for d, _name, _station in deputies_not_planned(db, TODAY.year)}
    assert not set(ticked) & left
    assert page.unplanned_box.title().endswith(f"（{len(left)} 人）")


# --- campaigns and mediation -------------------------------------------------------------------------

def test_campaigns_show_their_own_figures(tab, db):
    page = tab.show_list("专项活动")
    row = shown(page)[0]
    figures = campaign_figures(db, row.id)
    assert cells(page, "activities")[0] == str(figures.activities)
    assert cells(page, "residents_reached")[0] == str(figures.residents_reached)
    assert cells(page, "opinions")[0] == f"{figures.opinions}（{figures.opinions_handled}）"


def test_disputes_show_parties_masked_and_take_a_result_from_the_list(tab, db, monkeypatch):
    page = tab.show_list("矛盾调解")
    with db.session() as session:
        parties = {d.parties for d in session.exec(select(Dispute))}
    shown_parties = cells(page, "parties")
    assert all("*" in text for text in shown_parties) and not parties & set(shown_parties)
    new = Dispute(serial="TJ2026-900", received_on=TODAY - 2 * DAY, kind="租赁", parties="王建国、李秀英",
                  other_mediators="网格员")
    with db.session() as session:
        session.add(new)
        session.flush()
        dispute_id = new.id
    page.reload()
    page.select_id(dispute_id)
    answer_steps(monkeypatch, {"result": "调解成功", "on": TODAY, "agreement": "房东退还押金 2000 元"})
    page.record_result()
    with db.session() as session:
        saved = session.get(Dispute, dispute_id)
    assert (saved.status, saved.result_on, saved.agreement) == ("调解成功", TODAY, "房东退还押金 2000 元")
    assert page.selected_row().status == "调解成功"


def test_a_dispute_already_in_court_is_refused_from_the_list(tab, db, monkeypatch):
    page = tab.show_list("矛盾调解")
    new = Dispute(serial="TJ2026-901", received_on=TODAY - DAY, kind="家事", parties="赵某", other_mediators="律师")
    with db.session() as session:
        session.add(new)
        session.flush()
        dispute_id = new.id
    page.reload()
    page.select_id(dispute_id)
    dialogs = answer_steps(monkeypatch, lambda d: (d.set_value("reason", "诉讼"), d.accept(), d.result())[-1],
                           {"reason": "诉讼", "referred_to": "区人民法院诉讼服务中心"})
    page.refuse()   # no referral: refused beside the field, the dialog stays
    assert dialogs[0].form.fields["referred_to"].error_label.text().startswith("请填写已引导当事人到哪里办理")
    page.refuse()
    with db.session() as session:
        saved = session.get(Dispute, dispute_id)
    assert (saved.status, saved.reject_reason, saved.referred_to) == ("不予受理", "诉讼", "区人民法院诉讼服务中心")


# --- the editable lists (工具 menu) -------------------------------------------------------------------

def test_the_meeting_kinds_are_edited_and_a_used_one_cannot_be_dropped(qtbot, db):
    dialog = KindListDialog(db, "meeting")
    qtbot.addWidget(dialog)
    assert dialog.names()[:2] == ["例会", "议事会"]
    dialog.list.setCurrentRow(0)
    dialog.remove()   # 例会: the demo's meetings use it
    dialog.accept()
    assert dialog.error_label.text().startswith("“例会”已有") and "不能删除" in dialog.error_label.text()
    dialog.list.insertItem(0, "例会")
    dialog.add()
    dialog.list.item(dialog.list.count() - 1).setText("议政会")
    dialog.accept()
    with db.session() as session:
        names = list(session.exec(select(OutcomeKind.name).where(OutcomeKind.list_name == "meeting")
                                  .order_by(OutcomeKind.sort_order)))
    assert names[0] == "例会" and names[-1] == "议政会"


def test_the_kind_editor_opens_from_the_tools_menu_and_the_lists_follow(tab, db, monkeypatch):
    def add_kind(dialog: KindListDialog) -> int:
        dialog.add()
        dialog.list.item(dialog.list.count() - 1).setText("旧改")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(KindListDialog, "exec", add_kind)
    tab.show_list("为民办实事")
    tab.kind_actions[2].trigger()
    page = tab.current()
    assert page.kind.findData("旧改") > 0


def test_paper_file_names_are_ones_windows_accepts():
    assert printing.file_stem("会议纪要-20261120-议事会：东湖路/停车?") == "会议纪要-20261120-议事会：东湖路_停车_"
