"""民情办理 and 走访记录 with 履职成果: 形成代表建议 and 列为为民办实事 from selected opinions, 归入专项活动,
回访待办 and its count, and the opinion form's 回访与成果 page (化解层级, calls, what the opinion grew into)."""
import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox
from sqlmodel import select

from gridoffice.db import Database
from gridoffice.domain import (Activity, CampaignActivityLink, CampaignOpinionLink, FollowUp, Opinion,
                               ProjectOpinionLink, Suggestion, SuggestionOpinionLink)
from gridoffice.domain.enums import OpinionChannel
from gridoffice.gui import create_application
from gridoffice.services.outcomes.followups import followups_due
from gridoffice.views.activities.tab import ActivitiesTab
from gridoffice.views.opinions.followups_due import FollowupsDueDialog
from gridoffice.views.opinions.form_dialog import OpinionDialog
from gridoffice.views.opinions.tab import OpinionsTab
from gridoffice.views.outcomes import pickers
from gridoffice.views.outcomes.project_dialog import ProjectDialog
from gridoffice.views.outcomes.suggestion_dialog import SuggestionDialog
from tests.outcome_screens import CLOCK, TODAY, answer_steps


@pytest.fixture
def db(demo_file):
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


def select_rows(page, ids: list[int]) -> None:
    page.table.clearSelection()
    model = page.table.selectionModel()
    for row in range(page.proxy.rowCount()):
        if page.proxy.source_row(row).id in ids:
            model.select(page.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def open_opinions(db, how_many: int) -> list[int]:
    with db.session() as session:
        return list(session.exec(select(Opinion.id).where(Opinion.status == "办理中").order_by(Opinion.id)
                                 .limit(how_many)))


def test_a_suggestion_formed_from_two_selected_opinions(tab, db, monkeypatch):
    chosen = open_opinions(db, 2)
    select_rows(tab, chosen)
    assert sorted(tab.selected_ids()) == chosen

    def save(dialog: SuggestionDialog) -> int:
        assert dialog.opinions.ids() == chosen and dialog.ui.title.text().startswith("关于")
        assert dialog.save()
        return 0

    monkeypatch.setattr(SuggestionDialog, "exec", save)
    tab.form_suggestion()
    with db.session() as session:
        suggestion = session.exec(select(Suggestion).order_by(Suggestion.id.desc())).first()
        links = sorted(session.exec(select(SuggestionOpinionLink.opinion_id)
                                    .where(SuggestionOpinionLink.suggestion_id == suggestion.id)))
    assert links == chosen
    flags = {row.id: row.flags for row in tab.visible_rows()}
    assert all("建议" in flags[i] for i in chosen)


def test_a_project_listed_from_a_selected_opinion(tab, db, monkeypatch):
    chosen = open_opinions(db, 1)
    select_rows(tab, chosen)

    def save(dialog: ProjectDialog) -> int:
        assert dialog.opinions.ids() == chosen and dialog.ui.name.text()
        assert dialog.save()
        return 0

    monkeypatch.setattr(ProjectDialog, "exec", save)
    tab.form_project()
    with db.session() as session:
        assert session.exec(select(ProjectOpinionLink).where(ProjectOpinionLink.opinion_id == chosen[0])).first()


def test_nothing_selected_says_what_to_do(tab, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    tab.table.clearSelection()
    tab.form_suggestion()
    tab.tag_campaign()
    assert said == ["请先在列表中选中意见（可按住 Ctrl 或 Shift 多选）。",
                    "请先在列表中选中民情意见（可按住 Ctrl 或 Shift 多选）。"]


def test_selected_opinions_are_tagged_to_a_campaign(tab, db, monkeypatch):
    with db.session() as session:
        from gridoffice.domain import Campaign

        campaign = session.exec(select(Campaign).where(Campaign.end_on.is_not(None))).first()
        inside = list(session.exec(select(Opinion.id).where(Opinion.received_on >= campaign.start_on,
                                                            Opinion.received_on <= campaign.end_on)
                                   .where(Opinion.id.not_in(select(CampaignOpinionLink.opinion_id))).limit(2)))
    select_rows(tab, inside)

    def choose(chooser: pickers.CampaignChooser) -> int:
        chooser.combo.setCurrentIndex(chooser.combo.findData(campaign.id))
        chooser.accept()
        return chooser.result()

    said = []
    monkeypatch.setattr(pickers.CampaignChooser, "exec", choose)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    tab.tag_campaign()
    with db.session() as session:
        tagged = set(session.exec(select(CampaignOpinionLink.opinion_id)
                                  .where(CampaignOpinionLink.campaign_id == campaign.id)))
    assert set(inside) <= tagged and said[0].startswith("已把 2 条民情意见归入")


def test_selected_activities_are_tagged_to_a_campaign(qtbot, db, monkeypatch):
    page = ActivitiesTab(db, CLOCK)
    qtbot.addWidget(page)
    page.restore_state()
    page.reload()
    with db.session() as session:
        from gridoffice.domain import Campaign

        campaign = session.exec(select(Campaign).where(Campaign.end_on.is_not(None))).first()
        inside = list(session.exec(select(Activity.id).where(Activity.date >= campaign.start_on,
                                                             Activity.date <= campaign.end_on)
                                   .where(Activity.id.not_in(select(CampaignActivityLink.activity_id))).limit(3)))
    select_rows(page, inside)
    monkeypatch.setattr(pickers.CampaignChooser, "exec", lambda chooser: (
        chooser.combo.setCurrentIndex(chooser.combo.findData(campaign.id)), chooser.accept(), chooser.result())[-1])
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    assert [a.text() for a in page.menu_actions()["编辑"]][-1] == "把所选活动归入专项活动…"
    page.campaign_action.trigger()
    with db.session() as session:
        tagged = set(session.exec(select(CampaignActivityLink.activity_id)
                                  .where(CampaignActivityLink.campaign_id == campaign.id)))
    assert set(inside) <= tagged


def test_followups_due_are_counted_in_the_status_bar_and_called_from_their_list(tab, db, monkeypatch):
    due = followups_due(db)
    assert tab.followup_label in tab.status_widgets()
    assert f"回访待办 {len(due)} 件" in tab.followup_label.text()
    dialog = FollowupsDueDialog(db, CLOCK, tab, on_open=tab.open_opinion)
    assert dialog.table.rowCount() == len(due) and dialog.table.item(0, 0).text() == due[0].serial
    answer_steps(monkeypatch, {"verdict": "基本满意", "method": "上门", "caller": "李干事", "note": "路灯已修好"})
    dialog.record_selected()
    with db.session() as session:
        call = session.exec(select(FollowUp).where(FollowUp.opinion_id == due[0].opinion_id)).one()
    assert (call.on, call.verdict, call.method, call.caller, call.note) == (TODAY, "基本满意", "上门", "李干事",
                                                                           "路灯已修好")
    assert dialog.table.rowCount() == len(due) - 1 and dialog.changed
    tab.reload()
    assert f"回访待办 {len(due) - 1} 件" in tab.followup_label.text()


def test_the_opinion_form_records_the_settled_level_and_a_call(qtbot, db):
    closed = followups_due(db)[0].opinion_id
    dialog = OpinionDialog(db, None, clock=CLOCK, opinion_id=closed)
    qtbot.addWidget(dialog)
    assert dialog.handling.pages.tabText(1) == "回访与成果"
    panel = dialog.outcome
    assert panel.level.isEnabled() and panel.call_button.isEnabled() and panel.calls.rowCount() == 0
    panel.level.setCurrentIndex(panel.level.findData("社区"))
    panel.level.activated.emit(panel.level.currentIndex())
    panel.call_verdict.setCurrentText("满意")
    panel.call_note.setText("群众表示满意")
    panel.add_call()
    with db.session() as session:
        opinion = session.get(Opinion, closed)
        calls = session.exec(select(FollowUp).where(FollowUp.opinion_id == closed)).all()
    assert opinion.settled_level == "社区" and [(c.verdict, c.note) for c in calls] == [("满意", "群众表示满意")]
    assert dialog.outcome.calls.rowCount() == 1 and dialog.outcome.calls.item(0, 4).text() == "群众表示满意"
    assert dialog.changed


def test_an_open_opinion_cannot_be_called_back_nor_given_a_level(qtbot, db):
    opinion_id = open_opinions(db, 1)[0]
    dialog = OpinionDialog(db, None, clock=CLOCK, opinion_id=opinion_id)
    qtbot.addWidget(dialog)
    panel = dialog.outcome
    assert not panel.level.isEnabled() and not panel.call_button.isEnabled()
    assert panel.calls_hint.text() == "意见关闭（已回复群众）后可以回访。"


def test_the_form_says_what_the_opinion_grew_into_and_opens_it(qtbot, db, monkeypatch):
    with db.session() as session:
        opinion_id, suggestion_id = session.exec(select(SuggestionOpinionLink.opinion_id,
                                                        SuggestionOpinionLink.suggestion_id)).first()
        serial = session.get(Suggestion, suggestion_id).serial
    dialog = OpinionDialog(db, None, clock=CLOCK, opinion_id=opinion_id)
    qtbot.addWidget(dialog)
    text = dialog.outcome.outcome.text()
    assert f'href="suggestion:{suggestion_id}"' in text and serial in text
    opened = []
    monkeypatch.setattr(SuggestionDialog, "exec", lambda self: opened.append(self.record_id) or 0)
    dialog.outcome.outcome.linkActivated.emit(f"suggestion:{suggestion_id}")
    assert opened == [suggestion_id]


def test_the_new_channels_are_in_the_channel_list(qtbot, db):
    dialog = OpinionDialog(db, None, clock=CLOCK)
    qtbot.addWidget(dialog)
    channels = [dialog.ui.channel.itemText(i) for i in range(dialog.ui.channel.count())]
    assert {OpinionChannel.COUNCIL.value, OpinionChannel.APPRAISAL.value} <= set(channels)
    assert {"议事会", "述职会"} <= set(channels)
