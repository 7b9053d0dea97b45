"""履职成果 on screen, the forms: each driven as the clerk would, with the rows it leaves in the database
and what it shows afterwards."""
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlmodel import select

from gridoffice.db import Database
from gridoffice.domain import (Activity, Appraisal, AppraisalDeputy, CampaignActivityLink, Deputy, Dispute, Meeting,
                               MeetingDecision, MeetingDeputyLink, Opinion, Project,
                               ProjectDeputyLink, ProjectPhoto, Suggestion, SuggestionAttachment,
                               SuggestionOpinionLink)
from gridoffice.gui import create_application
from gridoffice.services.outcomes import suggestions as sg
from gridoffice.views.outcomes import pickers
from gridoffice.views.outcomes.appraisal_dialog import AppraisalDialog
from gridoffice.views.outcomes.campaign_dialog import CampaignDialog
from gridoffice.views.outcomes.dispute_dialog import DisputeDialog
from gridoffice.views.outcomes.meeting_dialog import MeetingDialog
from gridoffice.views.outcomes.project_dialog import ProjectDialog
from gridoffice.views.outcomes.suggestion_dialog import SuggestionDialog
from tests.outcome_screens import CLOCK, TODAY, answer_steps

DAY = dt.timedelta(days=1)
ID_ROLE = Qt.ItemDataRole.UserRole
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5b1b10000000049454e44ae426082")


@pytest.fixture
def db(demo_file):
    create_application()
    with Database.open(demo_file) as database:
        yield database


def serving(db, how_many: int) -> list[int]:
    with db.session() as session:
        return list(session.exec(select(Deputy.id).where(Deputy.status == "在任").order_by(Deputy.id).limit(how_many)))


def claimed_opinions(db, how_many: int) -> list[int]:
    with db.session() as session:
        return list(session.exec(select(Opinion.id).where(Opinion.deputy_id.is_not(None), Opinion.status == "办理中")
                                 .order_by(Opinion.id).limit(how_many)))


# --- 代表建议 -------------------------------------------------------------------------------------

def test_a_suggestion_formed_from_opinions_goes_round_its_handling(qtbot, db, monkeypatch):
    opinions = claimed_opinions(db, 3)
    draft = sg.draft_from_opinions(db, opinions, today=TODAY)
    dialog = SuggestionDialog(db, CLOCK, suggestion_id=None, draft=draft)
    qtbot.addWidget(dialog)
    assert dialog.ui.title.text() == draft.title and dialog.opinions.ids() == opinions
    assert dialog.ui.lead_deputy.value() == draft.lead_deputy_id
    assert not dialog.step_buttons["交办"].isEnabled() and dialog.windowTitle() == "新建代表建议"
    dialog.ui.submitted_on.setDate(TODAY - 40 * DAY)
    assert dialog.save()
    suggestion_id = dialog.record_id
    with db.session() as session:
        saved = session.get(Suggestion, suggestion_id)
        links = set(session.exec(select(SuggestionOpinionLink.opinion_id)
                                 .where(SuggestionOpinionLink.suggestion_id == suggestion_id)))
    assert (saved.title, saved.status, links) == (draft.title, "提出", set(opinions))
    assert dialog.windowTitle() == f"代表建议 {saved.serial} — 提出" and dialog.delete_button.isEnabled()

    with db.session() as session:
        department = session.exec(select(Opinion.department_id).where(Opinion.id == opinions[0])).one()
    steps = answer_steps(monkeypatch,
                         {"on": TODAY - 30 * DAY, "department": department, "due_on": TODAY - DAY, "note": "请研究办理"},
                         {"on": TODAY - 5 * DAY, "reply": "已优化信号灯配时。"},
                         {"on": TODAY - 2 * DAY, "verdict": "不满意", "due_on": TODAY + 20 * DAY, "note": "高峰仍拥堵"})
    dialog.take_step("交办")
    assert dialog.detail.row.status == "交办" and dialog.detail.row.overdue     # due yesterday
    assert "已超过答复期限 1 天" in dialog.status_label.text()
    dialog.take_step("答复")
    assert dialog.detail.row.status == "办结" and "已优化信号灯配时。" in dialog.facts.text()
    dialog.take_step("评价")
    assert steps[2].widgets["due_on"].isEnabled()   # 不满意 asked for the new deadline
    with db.session() as session:
        saved = session.get(Suggestion, suggestion_id)
    assert (saved.status, saved.due_on, saved.verdict) == ("办理中", TODAY + 20 * DAY, "不满意")
    history = dialog.history.toPlainText()
    assert all(word in history for word in ("提出", "交办", "答复", "评价", "重办"))
    assert not dialog.delete_button.isEnabled() and dialog.changed


def test_a_verdict_other_than_unsatisfied_asks_no_new_deadline(qtbot, db, monkeypatch):
    with db.session() as session:
        done = session.exec(select(Suggestion.id).where(Suggestion.status == "办结")).first()
    dialog = SuggestionDialog(db, CLOCK, suggestion_id=done)
    qtbot.addWidget(dialog)
    assert [step for step, button in dialog.step_buttons.items() if button.isEnabled()] == ["评价"]

    def look(step):
        assert not step.widgets["due_on"].isEnabled()
        step.set_value("verdict", "不满意")
        assert step.widgets["due_on"].isEnabled()
        step.reject()
        return step.result()

    answer_steps(monkeypatch, look)
    dialog.take_step("评价")


def test_the_suggestion_form_shows_errors_beside_their_fields(qtbot, db):
    dialog = SuggestionDialog(db, CLOCK)
    qtbot.addWidget(dialog)
    assert not dialog.save()
    assert dialog.errors.shown() == {"title": "请填写建议标题。"}
    dialog.ui.title.setText("关于增设公交站台的建议")
    assert not dialog.save()
    assert list(dialog.errors.shown()) == ["lead_deputy"]
    with db.session() as session:
        assert session.exec(select(Suggestion).where(Suggestion.title == "关于增设公交站台的建议")).first() is None


def test_cosigners_attachments_and_a_project_answering_the_suggestion(qtbot, db, tmp_path, monkeypatch):
    lead, *cosigners = serving(db, 3)
    dialog = SuggestionDialog(db, CLOCK)
    qtbot.addWidget(dialog)
    dialog.ui.title.setText("关于在西园社区建设长者饭堂的建议")
    dialog.ui.lead_deputy.set_value(lead)
    monkeypatch.setattr("gridoffice.views.outcomes.suggestion_dialog.pick_deputies", lambda *a, **k: cosigners)
    dialog.choose_cosigners()
    assert dialog.save()
    detail = sg.suggestion_detail(db, dialog.record_id, today=TODAY)
    assert (detail.lead_deputy_id, detail.cosigner_ids) == (lead, sorted(cosigners))
    letter = tmp_path / "区民政局 答复函.pdf"
    letter.write_bytes(b"%PDF-1.4 letter")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: ([str(letter)], ""))
    dialog.add_attachments()
    with db.session() as session:
        attachment = session.exec(select(SuggestionAttachment)
                                  .where(SuggestionAttachment.suggestion_id == dialog.record_id)).one()
    assert (db.attachments_dir / attachment.file).read_bytes() == b"%PDF-1.4 letter"
    assert dialog.tabs.tabText(2) == "附件 (1)" and dialog.attachments.ids() == [attachment.id]

    def save_project(project: ProjectDialog) -> int:
        assert project.ui.suggestion.value() == dialog.record_id
        assert set(project.deputies.selected_ids()) == {lead, *cosigners}
        assert project.save()
        return 0

    monkeypatch.setattr(ProjectDialog, "exec", save_project)
    dialog.new_project()
    assert dialog.tabs.tabText(3) == "为民办实事 (1)"
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    dialog.attachments.list.selectAll()
    dialog.remove_attachments()
    assert not (db.attachments_dir / attachment.file).exists()


def test_a_suggestion_not_yet_assigned_is_deleted_and_its_opinions_stay(qtbot, db, monkeypatch):
    opinions = claimed_opinions(db, 1)
    suggestion_id = sg.create_suggestion(db, sg.draft_from_opinions(db, opinions, today=TODAY), today=TODAY)
    dialog = SuggestionDialog(db, CLOCK, suggestion_id=suggestion_id)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    dialog.delete()
    with db.session() as session:
        assert session.get(Suggestion, suggestion_id) is None and session.get(Opinion, opinions[0]) is not None
    assert dialog.changed and dialog.record_id is None


# --- 为民办实事 ----------------------------------------------------------------------------------

def test_a_new_project_with_its_deputies_dates_and_photos_by_stage(qtbot, db, tmp_path, monkeypatch):
    deputies = serving(db, 2)
    dialog = ProjectDialog(db, CLOCK)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    ui.name.setText("西园社区新增电动自行车充电桩")
    ui.kind.setCurrentText("充电设施")
    ui.quantity.setValue(37)
    ui.unit.setText("处")
    ui.responsible_unit.setText("区住建局")
    ui.status.setCurrentText("已完成")          # asks for a start and an end: both ticked, today
    assert dialog.started.value() == TODAY and dialog.completed.value() == TODAY
    dialog.started.set(TODAY - 40 * DAY)
    dialog.deputies.set_choices(dialog.deputies._choices.values(), deputies)
    assert dialog.save()
    with db.session() as session:
        project = session.get(Project, dialog.record_id)
        followers = set(session.exec(select(ProjectDeputyLink.deputy_id)
                                     .where(ProjectDeputyLink.project_id == project.id)))
    assert (project.quantity, project.unit, project.status, project.started_on, project.completed_on) == (
        37, "处", "已完成", TODAY - 40 * DAY, TODAY)
    assert followers == set(deputies)
    before, after = tmp_path / "施工前.png", tmp_path / "完工后.png"
    before.write_bytes(PNG)
    after.write_bytes(PNG)
    for stage, photo in (("实施前", before), ("实施后", after)):
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, p=photo: ([str(p)], ""))
        dialog.strips[stage].add()
    with db.session() as session:
        stages = sorted(session.exec(select(ProjectPhoto.stage).where(ProjectPhoto.project_id == project.id)))
    assert stages == ["实施前", "实施后"]
    assert [dialog.photos.tabText(i) for i in range(3)] == ["实施前 (1)", "实施中 (0)", "实施后 (1)"]
    assert dialog.strips["实施后"].list.count() == 1


def test_a_project_form_refuses_a_finish_before_the_start(qtbot, db):
    dialog = ProjectDialog(db, CLOCK)
    qtbot.addWidget(dialog)
    dialog.ui.name.setText("东湖路人行道修复")
    dialog.ui.status.setCurrentText("已完成")
    dialog.started.set(TODAY - DAY)
    dialog.completed.set(TODAY - 5 * DAY)
    assert not dialog.save()
    assert dialog.errors.shown() == {"completed_on": "完成日期不能早于开工日期。"}


# --- meetings --------------------------------------------------------------------------------------

def test_a_meeting_planned_then_held_with_who_did_not_come_and_its_decisions(qtbot, db, monkeypatch):
    invited = serving(db, 3)
    dialog = MeetingDialog(db, CLOCK)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    ui.kind.setCurrentText("议事会")
    ui.title.setText("西园第1网格停车议事会")
    ui.date.setDate(TODAY - 2 * DAY)
    dialog.invited.set_choices(dialog.invited._choices.values(), invited)
    dialog._update_attendance()
    assert not dialog.attendance.isEnabled()                    # planned: nobody is absent yet
    assert dialog.save() and dialog.minutes_button.isEnabled() is False
    ui.status.setCurrentText("已召开")
    assert dialog.attendance.isEnabled() and dialog.attendance.count() == 3
    absent = next(dialog.attendance.item(r) for r in range(3) if dialog.attendance.item(r).data(ID_ROLE) == invited[1])
    absent.setCheckState(Qt.CheckState.Checked)
    ui.residents_present.setValue(23)
    dialog.add_decision()
    dialog.decisions.item(0, 0).setText("在西园路北侧施划夜间停车位")
    assert dialog.save()
    with db.session() as session:
        attended = dict(session.exec(select(MeetingDeputyLink.deputy_id, MeetingDeputyLink.attended)
                                     .where(MeetingDeputyLink.meeting_id == dialog.record_id)).all())
    assert attended == {invited[0]: True, invited[1]: False, invited[2]: True}
    assert dialog.detail.row.deputy_count == 2 and dialog.minutes_button.isEnabled()

    steps = answer_steps(monkeypatch, {"category": "停车"}, {"lead": invited[0]})
    dialog.decisions.setCurrentCell(0, 0)
    dialog.register_opinion()
    with db.session() as session:
        decision = session.exec(select(MeetingDecision).where(MeetingDecision.meeting_id == dialog.record_id)).one()
        opinion = session.get(Opinion, decision.opinion_id)
    assert (opinion.channel, opinion.received_on, opinion.category, opinion.status) == (
        "议事会", TODAY - 2 * DAY, "停车", "待认领")
    assert dialog.decisions.item(0, 1).text() == opinion.serial
    assert "登记日期为会议日期" in steps[0].findChildren(type(dialog.attendance_label))[0].text()

    monkeypatch.setattr(SuggestionDialog, "exec", lambda self: 0)
    dialog.decisions.setCurrentCell(0, 0)
    dialog.form_suggestion()
    with db.session() as session:
        decision = session.get(MeetingDecision, decision.id)
        suggestion = session.get(Suggestion, decision.suggestion_id)
        links = list(session.exec(select(SuggestionOpinionLink.opinion_id)
                                  .where(SuggestionOpinionLink.suggestion_id == suggestion.id)))
    assert suggestion.submitted_on == TODAY - 2 * DAY and links == [opinion.id]
    assert dialog.decisions.item(0, 2).text() == suggestion.serial


def test_decisions_before_the_meeting_is_held_are_refused(qtbot, db, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    dialog = MeetingDialog(db, CLOCK)
    qtbot.addWidget(dialog)
    dialog.add_decision()
    assert said == ["会议召开后才能记录议定事项：请先把状态改为“已召开”。"] and dialog.decisions.rowCount() == 0
    dialog.ui.title.setText("十二月例会")
    dialog.ui.status.setCurrentText("已召开")
    dialog.ui.date.setDate(TODAY + 5 * DAY)
    assert not dialog.save()
    assert dialog.errors.shown() == {"date": f"已召开的会议，日期不能晚于今天（{TODAY:%Y-%m-%d}）。"}


def test_a_planned_meeting_is_cancelled_with_its_reason(qtbot, db, monkeypatch):
    with db.session() as session:
        meeting_id = session.exec(select(Meeting.id).where(Meeting.status == "计划")).first()
    dialog = MeetingDialog(db, CLOCK, meeting_id=meeting_id)
    qtbot.addWidget(dialog)
    assert dialog.cancel_button.isEnabled() and not dialog.opinion_button.isEnabled()
    answer_steps(monkeypatch, {"reason": "与区人代会冲突"})
    dialog.cancel_meeting()
    with db.session() as session:
        meeting = session.get(Meeting, meeting_id)
    assert (meeting.status, meeting.minutes) == ("已取消", "取消原因：与区人代会冲突")
    assert not dialog.notice_button.isEnabled() and not dialog.cancel_button.isEnabled()


# --- 述职评议 ------------------------------------------------------------------------------------

def test_an_appraisal_planned_in_order_rated_with_the_result_live_and_a_question_registered(qtbot, db, monkeypatch):
    from gridoffice.services.outcomes.appraisals import deputies_not_planned

    deputies = [d for d, _name, _station in deputies_not_planned(db, TODAY.year)][:3]
    monkeypatch.setattr("gridoffice.views.outcomes.appraisal_dialog.pick_deputies", lambda *a, **k: deputies)
    dialog = AppraisalDialog(db, CLOCK)
    qtbot.addWidget(dialog)
    dialog.ui.date.setDate(TODAY - DAY)
    dialog.add_deputies()
    dialog.order.setCurrentRow(2)
    dialog.move(-1)
    assert dialog.order_ids() == [deputies[0], deputies[2], deputies[1]]
    dialog.ui.scale.setCurrentText("称职度")
    assert dialog.save()
    with db.session() as session:
        order = list(session.exec(select(AppraisalDeputy.deputy_id)
                                  .where(AppraisalDeputy.appraisal_id == dialog.record_id)
                                  .order_by(AppraisalDeputy.seq)))
    assert order == [deputies[0], deputies[2], deputies[1]]
    assert [dialog.ratings.horizontalHeaderItem(c).text() for c in range(1, 4)] == ["称职", "基本称职", "不称职"]

    dialog.voters.setValue(40)
    for row, votes in enumerate(((36, 3, 1), (25, 10, 5), (10, 10, 20))):
        for column, value in zip((1, 2, 3), votes):
            dialog.ratings.cellWidget(row, column).setValue(value)
    assert [dialog.ratings.item(r, 4).text() for r in range(3)] == ["称职", "基本称职", "不称职"]
    dialog.ratings.cellWidget(0, 1).setValue(40)                 # 44 votes from 40 voters
    assert "票数多于到会人数" in dialog.tally.text()
    dialog.save_results()
    assert "多于到会选民代表" in dialog.errors.shown()["ratings"]
    dialog.ratings.cellWidget(0, 1).setValue(36)
    dialog.save_results()
    with db.session() as session:
        appraisal = session.get(Appraisal, dialog.record_id)
        results = dict(session.exec(select(AppraisalDeputy.deputy_id, AppraisalDeputy.result)
                                    .where(AppraisalDeputy.appraisal_id == appraisal.id)).all())
    assert (appraisal.status, appraisal.voters_present) == ("已举行", 40)
    assert results == {deputies[0]: "称职", deputies[2]: "基本称职", deputies[1]: "不称职"}
    assert not dialog.ui.scale.isEnabled() and not dialog.delete_button.isEnabled()

    answer_steps(monkeypatch, {"content": "希望代表多关注老旧小区加装电梯。", "deputy": deputies[0], "category": "其他"})
    dialog.add_question()
    with db.session() as session:
        opinion = session.exec(select(Opinion).where(Opinion.content == "希望代表多关注老旧小区加装电梯。")).one()
    assert (opinion.channel, opinion.received_on) == ("述职会", TODAY - DAY)
    assert dialog.tabs.tabText(1) == "选民提问 (1)" and dialog.questions.ids() == [opinion.id]


def test_results_of_a_meeting_not_yet_held_cannot_be_entered(qtbot, db):
    with db.session() as session:
        future = session.exec(select(Appraisal.id).where(Appraisal.status == "计划", Appraisal.date > TODAY)).first()
    dialog = AppraisalDialog(db, CLOCK, appraisal_id=future)
    qtbot.addWidget(dialog)
    assert not dialog.results_button.isEnabled() and not dialog.question_button.isEnabled()
    assert "会议日期还没到" in dialog.status_label.text()


# --- campaigns ------------------------------------------------------------------------------------

def test_a_campaign_is_made_and_activities_are_tagged_and_untagged_in_it(qtbot, db, monkeypatch):
    dialog = CampaignDialog(db, CLOCK)
    qtbot.addWidget(dialog)
    assert not dialog.tabs.isEnabled()
    dialog.ui.name.setText("秋季防溺水宣传进网格")
    dialog.ui.start_on.setDate(dt.date(2026, 9, 1))
    assert dialog.save() and dialog.tabs.isEnabled()
    with db.session() as session:
        wanted = list(session.exec(select(Activity.id).where(Activity.date >= dt.date(2026, 9, 1)).limit(2)))

    def tick(picker: pickers.PickerDialog) -> int:
        picker.check(wanted)
        picker.accept()
        return picker.result()

    monkeypatch.setattr(pickers.PickerDialog, "exec", tick)
    dialog.add_activities()
    with db.session() as session:
        tagged = set(session.exec(select(CampaignActivityLink.activity_id)
                                  .where(CampaignActivityLink.campaign_id == dialog.record_id)))
    assert tagged == set(wanted)
    assert dialog.tabs.tabText(0) == "走访活动 (2)" and "<b>2</b> 次" in dialog.figures.text()
    dialog.activities.list.item(0).setSelected(True)
    dialog.untag("activity_ids", dialog.activities)
    assert dialog.tabs.tabText(0) == "走访活动 (1)"


def test_a_campaign_name_used_twice_is_refused_beside_the_name(qtbot, db):
    dialog = CampaignDialog(db, CLOCK)
    qtbot.addWidget(dialog)
    dialog.ui.name.setText("城区交通拥堵治理专项行动")
    assert not dialog.save()
    assert dialog.errors.shown() == {"name": "已经有名为“城区交通拥堵治理专项行动”的专项活动。"}


# --- mediation ------------------------------------------------------------------------------------

def test_a_dispute_in_litigation_needs_the_referral_and_is_refused_at_once(qtbot, db):
    dialog = DisputeDialog(db, CLOCK)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    ui.kind.setCurrentText("租赁")
    ui.parties.setText("王建国 李秀英")
    assert not ui.referred_to.isEnabled()
    ui.proceeding.setCurrentIndex(ui.proceeding.findData("诉讼"))
    assert ui.referred_to.isEnabled()
    assert not dialog.save()
    assert list(dialog.errors.shown()) == ["referred_to"]
    ui.referred_to.setText("区人民法院诉讼服务中心")
    assert dialog.save()
    with db.session() as session:
        dispute = session.get(Dispute, dialog.record_id)
    assert (dispute.status, dispute.parties, dispute.referred_to) == ("不予受理", "王建国、李秀英", "区人民法院诉讼服务中心")
    assert not ui.proceeding.isEnabled() and not dialog.result_button.isEnabled()
    assert dialog.windowTitle() == f"矛盾纠纷 {dispute.serial} — 不予受理"


def test_a_dispute_mediated_by_deputies_fails_then_is_handed_on(qtbot, db, monkeypatch):
    deputies = serving(db, 2)
    dialog = DisputeDialog(db, CLOCK)
    qtbot.addWidget(dialog)
    dialog.ui.kind.setCurrentText("邻里")
    dialog.ui.parties.setText("陈某、林某")
    assert not dialog.save()
    assert list(dialog.errors.shown()) == ["deputies"]
    dialog.deputies.set_choices(dialog.deputies._choices.values(), deputies)
    assert dialog.save()
    answer_steps(monkeypatch, {"result": "未成功", "agreement": "双方对赔偿金额分歧较大"},
                 {"result": "转交", "referred_to": "街道人民调解委员会", "agreement": ""})
    dialog.record_result()
    assert dialog.result_button.isEnabled() and not dialog.refuse_button.isEnabled()
    dialog.record_result()
    with db.session() as session:
        dispute = session.get(Dispute, dialog.record_id)
    assert (dispute.status, dispute.referred_to) == ("转交", "街道人民调解委员会")
    assert "街道人民调解委员会" in dialog.result.text() and not dialog.result_button.isEnabled()


def test_the_dispute_form_shows_the_parties_in_full(qtbot, db):
    with db.session() as session:
        dispute = session.exec(select(Dispute)).first()
    dialog = DisputeDialog(db, CLOCK, dispute_id=dispute.id)
    qtbot.addWidget(dialog)
    assert dialog.ui.parties.text() == dispute.parties and "*" not in dialog.ui.parties.text()


def test_every_outcome_form_follows_its_tab_order_and_has_its_shortcuts(qtbot, db):
    for dialog in (SuggestionDialog(db, CLOCK), ProjectDialog(db, CLOCK), MeetingDialog(db, CLOCK),
                   AppraisalDialog(db, CLOCK), CampaignDialog(db, CLOCK), DisputeDialog(db, CLOCK)):
        qtbot.addWidget(dialog)
        ui = dialog.ui
        labels = [name for name in vars(ui) if name.endswith("_label")]
        for name in labels:
            label = getattr(ui, name)
            if label.buddy() is not None:
                assert "&" in label.text(), name
        assert labels
