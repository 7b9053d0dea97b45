"""为民办实事 projects and meetings (例会, 议事会…): registers, status rules, decisions opening opinions."""
import datetime as dt

import pytest
from sqlmodel import select

from gridoffice.domain import MeetingDecision, Opinion, Project
from gridoffice.domain.outcome_rules import OutcomeInputError, OutcomeStateError
from gridoffice.services.outcomes import meetings as mt
from gridoffice.services.outcomes import projects as pj
from gridoffice.services.outcomes import suggestions as sg
from gridoffice.services.outcomes.common import list_kinds, save_kinds
from gridoffice.services.outcomes.meetings import DecisionInput, MeetingFilter, MeetingForm
from gridoffice.services.outcomes.projects import ProjectFilter, ProjectForm
from gridoffice.services.outcomes.suggestions import SuggestionForm
from tests.outcomes_fixtures import DAY, TODAY, audit_rows, build_office, claim, register

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5b1b10000000049454e44ae426082")


@pytest.fixture
def office(db):
    return build_office(db)


def project_form(office, **changes) -> ProjectForm:
    values = dict(name="锦塘社区新增智能充电桩", year=2026, kind="充电设施", grid_id=office.grids[0], quantity=37,
                  unit="处", responsible_unit="区住建局", status="已完成", started_on=TODAY - 90 * DAY,
                  planned_on=TODAY - 30 * DAY, completed_on=TODAY - 40 * DAY)
    values.update(changes)
    return ProjectForm(**values)


# --- projects ---------------------------------------------------------------------------------------

def test_a_project_answers_opinions_and_a_suggestion(office):
    opinion = register(office, content="小区电动车充电难，飞线充电有隐患。")
    claim(office, opinion, 0)
    suggestion = sg.create_suggestion(office.db, SuggestionForm(title="关于增设充电桩的建议", submitted_on=TODAY - 100 * DAY,
                                                                lead_deputy_id=office.deputies[0]), today=TODAY)
    project_id = pj.create_project(office.db, project_form(office, opinion_ids=[opinion], suggestion_id=suggestion,
                                                           deputy_ids=[office.deputies[0]]), today=TODAY)
    row, = pj.list_projects(office.db, today=TODAY)
    assert (row.name, row.quantity, row.community, row.grid, row.suggestion, row.opinions, row.status) == (
        "锦塘社区新增智能充电桩", "37处", "锦塘社区", "锦塘第1网格", "JY2026-001", 1, "已完成")
    assert pj.projects_of_opinion(office.db, opinion) == [(project_id, "锦塘社区新增智能充电桩", "已完成")]
    assert sg.suggestion_detail(office.db, suggestion, today=TODAY).projects == [(project_id, "锦塘社区新增智能充电桩",
                                                                                  "已完成")]
    detail = pj.project_detail(office.db, project_id, today=TODAY)
    assert detail.deputies == ["张利霞"] and detail.form.community_id == office.communities[0]
    assert [a.action for a in audit_rows(office.db, "project")] == ["insert"]


@pytest.mark.parametrize("changes, field", [
    (dict(name=""), "name"),
    (dict(kind="飞机场"), "kind"),
    (dict(status="已完成", completed_on=None), "completed_on"),
    (dict(status="实施中", completed_on=None, started_on=None), "started_on"),
    (dict(status="计划", started_on=None), "completed_on"),
    (dict(completed_on=TODAY + DAY), "completed_on"),
    (dict(quantity=0), "quantity"),
    (dict(quantity=5, unit=""), "unit"),
    (dict(year=1999), "year"),
    (dict(community_id=2), "grid"),               # the grid is in 锦塘社区, not 西园社区
])
def test_project_rules(office, changes, field):
    if changes.get("community_id") == 2:
        changes["community_id"] = office.communities[1]
    with pytest.raises(OutcomeInputError) as error:
        pj.create_project(office.db, project_form(office, **changes), today=TODAY)
    assert error.value.field == field
    with office.db.session() as session:
        assert session.exec(select(Project)).all() == []


def test_project_status_steps_and_late_flag(office):
    project_id = pj.create_project(office.db, project_form(office, status="计划", started_on=None, completed_on=None,
                                                           planned_on=TODAY - DAY), today=TODAY)
    assert pj.list_projects(office.db, today=TODAY)[0].late
    pj.set_project_status(office.db, project_id, status="实施中", on=TODAY - 5 * DAY, today=TODAY)
    pj.set_project_status(office.db, project_id, status="已完成", on=TODAY, today=TODAY)
    row, = pj.list_projects(office.db, today=TODAY, where=ProjectFilter(year=2026, status="已完成"))
    assert (row.started_on, row.completed_on, row.late) == (TODAY - 5 * DAY, TODAY, False)
    with pytest.raises(OutcomeInputError):
        pj.set_project_status(office.db, project_id, status="已完成", on=TODAY + DAY, today=TODAY)


def test_photos_before_and_after(office, tmp_path):
    project_id = pj.create_project(office.db, project_form(office), today=TODAY)
    photo = tmp_path / "施工前.png"
    photo.write_bytes(PNG)
    pj.add_photos(office.db, project_id, [photo], stage="实施前")
    pj.add_photos(office.db, project_id, [photo, photo], stage="实施后")
    row, = pj.list_projects(office.db, today=TODAY)
    assert (row.photos_before, row.photos_after) == (1, 2)
    files = [office.db.attachments_dir / p.file for p in pj.project_detail(office.db, project_id,
                                                                                  today=TODAY).photos]
    assert all(f.exists() for f in files) and len(set(files)) == 3
    with pytest.raises(OutcomeInputError, match="阶段"):
        pj.add_photos(office.db, project_id, [photo], stage="竣工")
    pj.delete_project(office.db, project_id)
    assert not any(f.exists() for f in files)


def test_draft_project_from_opinions(office):
    opinion = register(office, content="锦塘路面坑洼多，雨天积水。请修补路面。", category="交通")
    draft = pj.draft_from_opinions(office.db, [opinion], today=TODAY)
    assert (draft.name, draft.grid_id, draft.opinion_ids) == ("锦塘路面坑洼多，雨天积水", office.grids[0], [opinion])


def test_kinds_are_editable_but_a_used_kind_stays(office):
    assert list_kinds(office.db, "meeting")[:3] == ["例会", "议事会", "圆桌会"]
    pj.create_project(office.db, project_form(office), today=TODAY)
    with pytest.raises(OutcomeInputError, match="充电设施"):
        save_kinds(office.db, "project", ["道路", "其他"])
    save_kinds(office.db, "project", ["充电设施", "道路", "口袋公园", "其他"])
    assert list_kinds(office.db, "project") == ["充电设施", "道路", "口袋公园", "其他"]
    pj.create_project(office.db, project_form(office, name="锦塘口袋公园", kind="口袋公园"), today=TODAY)


# --- meetings -----------------------------------------------------------------------------------------

def meeting_form(office, **changes) -> MeetingForm:
    values = dict(kind="议事会", title="东湖片区停车问题板凳议事会", date=TODAY - 10 * DAY, status="已召开",
                  start_time=dt.time(15, 0), place="锦塘社区党群服务中心", station_id=office.stations[0],
                  grid_id=office.grids[0], agenda="一、通报停车位情况；二、议定错时共享停车方案",
                  host="张利霞", deputy_ids=office.deputies[:3], absent_ids=[office.deputies[2]],
                  others="区交通运输局陈科长、网格员", residents_present=18,
                  decisions=[DecisionInput("推动锦塘小学错时开放停车场"), DecisionInput("建议交通部门增设夜间临时停车位")])
    values.update(changes)
    return MeetingForm(**values)


def test_a_held_meeting_counts_who_came_and_what_was_decided(office):
    meeting_id = mt.create_meeting(office.db, meeting_form(office), today=TODAY)
    row, = mt.list_meetings(office.db)
    assert (row.kind, row.deputies, row.deputy_count, row.residents_present, row.decisions) == (
        "议事会", "张利霞、王建华", 2, 18, 2)
    detail = mt.meeting_detail(office.db, meeting_id)
    assert [(name, attended) for _id, name, _levels, attended in detail.invited] == [
        ("李梅", False), ("王建华", True), ("张利霞", True)]
    assert [d.text for d in detail.decisions] == ["推动锦塘小学错时开放停车场", "建议交通部门增设夜间临时停车位"]
    assert [r.id for r in mt.list_meetings(office.db, where=MeetingFilter(deputy_id=office.deputies[2]))] == [meeting_id]
    assert len(audit_rows(office.db, "meeting_deputy")) == 3 and len(audit_rows(office.db, "meeting_decision")) == 2


def test_a_decision_opens_an_opinion_in_one_step(office):
    meeting_id = mt.create_meeting(office.db, meeting_form(office), today=TODAY)
    first, second = mt.meeting_detail(office.db, meeting_id).decisions
    opinion_id = mt.open_opinion(office.db, first.id, today=TODAY, category="停车")
    with office.db.session() as session:
        opinion = session.get(Opinion, opinion_id)
        assert (opinion.channel, opinion.received_on, opinion.grid_id, opinion.category) == (
            "议事会", TODAY - 10 * DAY, office.grids[0], "停车")
        assert "推动锦塘小学错时开放停车场" in opinion.content and "议事会" in opinion.content
    with pytest.raises(OutcomeStateError, match="已登记"):
        mt.open_opinion(office.db, first.id, today=TODAY)
    suggestion_id = mt.suggestion_from_decision(office.db, second.id, today=TODAY, department_id=office.departments[0])
    detail = sg.suggestion_detail(office.db, suggestion_id, today=TODAY)
    assert detail.row.lead == "张利霞" and detail.row.submitted_on == TODAY - 10 * DAY   # first present, by id
    decisions = mt.meeting_detail(office.db, meeting_id).decisions
    assert [(d.opinion_serial, d.suggestion_serial) for d in decisions] == [("2026-0001", ""), ("", "JY2026-001")]
    assert mt.list_meetings(office.db)[0].opinions_opened == 1


def test_editing_decisions_keeps_their_links(office):
    meeting_id = mt.create_meeting(office.db, meeting_form(office), today=TODAY)
    first, second = mt.meeting_detail(office.db, meeting_id).decisions
    opinion_id = mt.open_opinion(office.db, first.id, today=TODAY)
    form = mt.meeting_detail(office.db, meeting_id).form
    form.decisions = [DecisionInput("第三项：下月复查", None), DecisionInput(first.text + "（已落实）", first.id)]
    mt.update_meeting(office.db, meeting_id, form, today=TODAY)
    decisions = mt.meeting_detail(office.db, meeting_id).decisions
    assert [(d.seq, d.text, d.opinion_id) for d in decisions] == [
        (1, "第三项：下月复查", None), (2, "推动锦塘小学错时开放停车场（已落实）", opinion_id)]
    mt.delete_meeting(office.db, meeting_id)
    with office.db.session() as session:
        assert session.get(Opinion, opinion_id) is not None         # what it opened stays
        assert session.exec(select(MeetingDecision)).all() == []


def test_a_planned_meeting_then_its_minutes(office):
    meeting_id = mt.create_meeting(office.db, meeting_form(office, status="计划", date=TODAY + 7 * DAY, absent_ids=[],
                                                           decisions=[], residents_present=0), today=TODAY)
    row, = mt.list_meetings(office.db)
    assert (row.status, row.deputy_count, row.deputies) == ("计划", 0, "张利霞、王建华、李梅")
    with pytest.raises(OutcomeInputError, match="今天"):
        mt.record_minutes(office.db, meeting_id, decisions=["x"], today=TODAY)
    form = mt.meeting_detail(office.db, meeting_id).form
    form.date = TODAY
    mt.update_meeting(office.db, meeting_id, form, today=TODAY)
    mt.record_minutes(office.db, meeting_id, decisions=["成立停车自治小组"], absent_ids=[office.deputies[1]],
                      residents_present=25, minutes="居民代表发言踊跃", today=TODAY)
    row, = mt.list_meetings(office.db)
    assert (row.status, row.deputy_count, row.residents_present, row.decisions) == ("已召开", 2, 25, 1)
    with pytest.raises(OutcomeStateError):
        mt.cancel_meeting(office.db, meeting_id, reason="下雨")


@pytest.mark.parametrize("changes, field", [
    (dict(kind="茶话会"), "kind"),
    (dict(title=""), "title"),
    (dict(date=TODAY + DAY), "date"),
    (dict(deputy_ids=[4]), "deputies"),           # 赵离任 left before the meeting
    (dict(status="计划", date=TODAY + DAY), "decisions"),
    (dict(residents_present=-1), "residents_present"),
])
def test_meeting_rules(office, changes, field):
    if changes.get("deputy_ids") == [4]:
        changes["deputy_ids"] = [office.deputies[3]]
    with pytest.raises(OutcomeInputError) as error:
        mt.create_meeting(office.db, meeting_form(office, **changes), today=TODAY)
    assert error.value.field == field
    assert mt.list_meetings(office.db) == []


def test_choices_lists_for_the_forms(office):
    from gridoffice.services.common.lookups import campaign_choices, department_choices, kind_choices, suggestion_choices
    from gridoffice.services.outcomes.campaigns import CampaignForm, create_campaign

    create_campaign(office.db, CampaignForm("反诈宣传进网格", dt.date(2026, 2, 5)))
    sg.create_suggestion(office.db, SuggestionForm("关于增设充电桩的建议", TODAY, lead_deputy_id=office.deputies[0]),
                         today=TODAY)
    assert [c.label for c in campaign_choices(office.db)] == ["反诈宣传进网格（2026-02-05 起）"]
    assert [c.label for c in suggestion_choices(office.db)] == ["JY2026-001 关于增设充电桩的建议"]
    assert [c.label for c in department_choices(office.db)] == ["区交通运输局", "区住建局"]
    assert kind_choices(office.db, "dispute")[:2] == ["租赁", "家事"]


def test_what_holds_a_deputy_grid_or_department(office):
    from gridoffice.services.outcomes.references import outcome_uses

    mt.create_meeting(office.db, meeting_form(office), today=TODAY)
    sg.create_suggestion(office.db, SuggestionForm("关于增设充电桩的建议", TODAY, lead_deputy_id=office.deputies[0],
                                                   department_id=office.departments[1]), today=TODAY)
    with office.db.session() as session:
        assert outcome_uses(session, deputy_id=office.deputies[0]) == ["1 件代表建议（领衔或附议）", "1 次会议"]
        assert outcome_uses(session, grid_id=office.grids[0]) == ["1 次会议"]
        assert outcome_uses(session, department_id=office.departments[1]) == ["1 件代表建议"]
        assert outcome_uses(session, deputy_id=office.deputies[3], grid_id=office.grids[2]) == []
