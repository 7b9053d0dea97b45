"""Figures equal hand counts: satisfaction from follow-ups, the share settled in the grid, a campaign's
figures, and the year's figures with the previous year, read from the records (not the old flags)."""
import datetime as dt

import pytest

from gridoffice.domain import Opinion
from gridoffice.domain.outcome_rules import OutcomeInputError, OutcomeStateError
from gridoffice.services.outcomes import campaigns as cp
from gridoffice.services.outcomes import disputes as dp
from gridoffice.services.outcomes import followups as fu
from gridoffice.services.outcomes import meetings as mt
from gridoffice.services.outcomes import projects as pj
from gridoffice.services.outcomes import suggestions as sg
from gridoffice.services.outcomes.appraisals import AppraisalForm, Rating, plan_appraisal, record_results
from gridoffice.services.outcomes.campaigns import CampaignForm, Tagged
from gridoffice.services.outcomes.disputes import DisputeForm
from gridoffice.services.outcomes.figures import (Figure, deputy_outcomes, disputes_by_kind, meetings_by_kind,
                                                  period_figures, year_back, year_figures)
from gridoffice.services.outcomes.meetings import MeetingForm
from gridoffice.services.outcomes.online import set_online
from gridoffice.services.outcomes.projects import ProjectForm
from gridoffice.services.outcomes.suggestions import SuggestionForm
from tests.outcomes_fixtures import TODAY, add_activity, build_office, close, register

D = dt.date


@pytest.fixture
def office(db):
    return build_office(db)


# --- follow-ups, satisfaction and where matters were settled -------------------------------------

@pytest.fixture
def followed(office):
    """Four matters closed in 2026 and one in 2025, followed up and settled as written beside each."""
    o1 = register(office, received_on=D(2026, 3, 1))
    o2 = register(office, received_on=D(2026, 4, 1))
    o5 = register(office, received_on=D(2026, 6, 1), grid=2)
    o6 = register(office, received_on=D(2025, 5, 1))
    o7 = register(office, received_on=D(2026, 7, 1))
    close(office, o1, deputy=0, department=0, resolved_on=D(2026, 3, 10))
    close(office, o2, deputy=0, department=1, resolved_on=D(2026, 4, 10))
    close(office, o5, deputy=2, department=0, resolved_on=D(2026, 6, 10))
    close(office, o6, deputy=1, department=0, resolved_on=D(2025, 5, 10))
    close(office, o7, deputy=1, department=1, resolved_on=D(2026, 7, 10))
    fu.record_followup(office.db, o1, on=D(2026, 3, 20), verdict="满意", today=TODAY)
    fu.record_followup(office.db, o2, on=D(2026, 4, 20), verdict="不满意", today=TODAY)
    fu.record_followup(office.db, o2, on=D(2026, 5, 20), verdict="基本满意", method="上门", today=TODAY)  # counts
    fu.record_followup(office.db, o5, on=D(2026, 6, 20), verdict="不满意", today=TODAY)
    fu.record_followup(office.db, o6, on=D(2025, 5, 20), verdict="满意", today=TODAY)
    for opinion_id, level in ((o1, "网格"), (o2, "社区"), (o5, "网格"), (o6, "街道")):
        fu.set_settled_level(office.db, opinion_id, level)
    return o1, o2, o5, o6, o7


def test_satisfaction_rate_equals_a_hand_count(office, followed):
    year = (D(2026, 1, 1), D(2026, 12, 31))
    total, = fu.satisfaction(office.db, *year)
    # o1 满意, o2 基本满意 (its latest call), o5 不满意: 2 of 3
    assert (total.label, total.followups, total.satisfied, total.basically, total.unsatisfied, total.rate) == (
        "合计", 3, 1, 1, 1, 66.7)
    by_deputy = {r.label: (r.followups, r.rate) for r in fu.satisfaction(office.db, *year, by="deputy")}
    assert by_deputy == {"张利霞": (2, 100.0), "李梅": (1, 0.0)}
    by_department = {r.label: (r.followups, r.rate) for r in fu.satisfaction(office.db, *year, by="department")}
    assert by_department == {"区交通运输局": (2, 50.0), "区住建局": (1, 100.0)}
    by_station = {r.label: r.followups for r in fu.satisfaction(office.db, *year, by="station")}
    assert by_station == {"锦塘街道人大代表联络站（中心站）": 2, "西园片区代表联络站": 1}
    assert fu.satisfaction(office.db, D(2025, 1, 1), D(2025, 12, 31))[0].rate == 100.0
    assert fu.satisfaction(office.db, D(2024, 1, 1), D(2024, 12, 31))[0].rate is None


def test_share_settled_in_the_grid_equals_a_hand_count(office, followed):
    settled = fu.settled_levels(office.db, D(2026, 1, 1), D(2026, 12, 31))
    # 2026: o1 网格, o2 社区, o5 网格, o7 not said: 2 of the 3 known
    assert settled.by_level == {"网格": 2, "社区": 1, "街道": 0, "区": 0}
    assert (settled.unknown, settled.grid_share) == (1, 66.7)


def test_follow_up_rules(office, followed):
    o1, *_ = followed
    still_open = register(office, received_on=D(2026, 8, 1))
    with pytest.raises(OutcomeStateError, match="已关闭"):
        fu.record_followup(office.db, still_open, on=TODAY, verdict="满意", today=TODAY)
    with pytest.raises(OutcomeStateError):
        fu.set_settled_level(office.db, still_open, "网格")
    with pytest.raises(OutcomeInputError, match="早于"):
        fu.record_followup(office.db, o1, on=D(2026, 3, 9), verdict="满意", today=TODAY)
    with pytest.raises(OutcomeInputError):
        fu.record_followup(office.db, o1, on=TODAY, verdict="很好", today=TODAY)
    with pytest.raises(OutcomeInputError):
        fu.set_settled_level(office.db, o1, "市")
    assert [t.serial for t in fu.followups_due(office.db)] == ["2026-0004"]      # o7: closed, never called
    assert fu.count_followups_due(office.db) == 1                                # the status bar's count
    outcome = fu.opinion_outcome(office.db, o1)
    assert outcome.settled_level == "网格" and [f.verdict for f in outcome.followups] == ["满意"]


# --- a campaign ------------------------------------------------------------------------------------

def test_a_campaigns_figures_equal_a_hand_count(office):
    db = office.db
    campaign = cp.create_campaign(db, CampaignForm("反诈宣传进网格", D(2026, 1, 1), D(2026, 12, 31), "进门讲、群里推、案例晒"))
    a1 = add_activity(office, date=D(2026, 3, 1), grid=0, residents=120, deputies=[0, 1])
    a2 = add_activity(office, date=D(2026, 4, 1), grid=2, residents=80, deputies=[2])
    add_activity(office, date=D(2026, 4, 2), grid=1, residents=50, deputies=[0])             # not in the campaign
    a4 = add_activity(office, date=D(2026, 5, 1), grid=None, residents=30, deputies=[1], online=True)
    meeting = mt.create_meeting(db, MeetingForm("议事会", "反诈议事会", D(2026, 5, 10), "已召开", grid_id=office.grids[1],
                                                deputy_ids=office.deputies[:3], absent_ids=[office.deputies[2]],
                                                residents_present=18), today=TODAY)
    o1, o2, o3, o4 = (register(office, received_on=D(2026, 6, 1), grid=g) for g in (0, 0, 2, 2))
    close(office, o1, resolved_on=D(2026, 6, 5))
    close(office, o2, resolved_on=D(2026, 6, 6))
    from gridoffice.services.opinions.loop import reject
    reject(db, o4, reason="诉讼", referred_to="区人民法院", on=D(2026, 6, 2), today=TODAY)
    fu.record_followup(db, o1, on=D(2026, 6, 20), verdict="满意", today=TODAY)
    fu.record_followup(db, o2, on=D(2026, 6, 20), verdict="不满意", today=TODAY)
    fu.record_followup(db, o2, on=D(2026, 7, 20), verdict="满意", today=TODAY)
    suggestion = sg.create_suggestion(db, SuggestionForm("关于反诈宣传的建议", D(2026, 6, 1),
                                                         lead_deputy_id=office.deputies[0]), today=TODAY)
    done = pj.create_project(db, ProjectForm("反诈宣传栏", 2026, "便民服务", "已完成", grid_id=office.grids[1],
                                             started_on=D(2026, 5, 1), completed_on=D(2026, 6, 1)), today=TODAY)
    planned = pj.create_project(db, ProjectForm("反诈小课堂", 2026, "其他"), today=TODAY)
    dispute = dp.register_dispute(db, DisputeForm(D(2026, 7, 1), "消费", "张三、李四", grid_id=office.grids[0],
                                                  deputy_ids=[office.deputies[0]]), today=TODAY)
    dp.record_result(db, dispute, result="调解成功", on=D(2026, 7, 2), today=TODAY, agreement="商家退款")
    tagged = cp.tag(db, campaign, Tagged(activity_ids=[a1, a2, a4], opinion_ids=[o1, o2, o3, o4], meeting_ids=[meeting],
                                         project_ids=[done, planned], suggestion_ids=[suggestion],
                                         dispute_ids=[dispute]))
    assert tagged == 3 + 4 + 1 + 2 + 1 + 1
    assert cp.tag(db, campaign, Tagged(activity_ids=[a1])) == 0          # already in
    figures = cp.campaign_figures(db, campaign)
    assert figures == cp.CampaignFigures(
        activities=3, deputy_person_times=2 + 1 + 1 + 2, residents_reached=120 + 80 + 30 + 18,
        grids_covered=3,   # JT-01 (a1, opinions, dispute), XY-01 (a2, opinions), JT-02 (meeting, project)
        meetings=1, opinions=4, opinions_handled=2, opinions_rejected=1, opinions_open=1, followups=2,
        satisfaction_rate=100.0, suggestions=1, projects=2, projects_done=1, disputes=1, disputes_settled=1)
    row, = cp.list_campaigns(db, today=TODAY)
    assert row.running and row.figures == figures
    assert cp.campaigns_of_activity(db, a1) == [(campaign, "反诈宣传进网格")]
    with pytest.raises(OutcomeInputError, match="不在"):
        cp.tag(db, campaign, Tagged(opinion_ids=[register(office, received_on=D(2025, 12, 1))]))
    with pytest.raises(OutcomeInputError, match="起止日期"):
        cp.update_campaign(db, campaign, CampaignForm("反诈宣传进网格", D(2026, 4, 1), D(2026, 12, 31)))
    cp.untag(db, campaign, Tagged(activity_ids=[a2]))
    assert cp.campaign_figures(db, campaign).residents_reached == 120 + 30 + 18
    cp.delete_campaign(db, campaign)
    assert cp.list_campaigns(db, today=TODAY) == [] and pj.list_projects(db, today=TODAY)[0].campaign == ""


# --- the year's figures ----------------------------------------------------------------------------

def test_year_figures_count_the_records_not_the_old_flags(office):
    db = office.db
    assert not hasattr(Opinion, "is_suggestion") and not hasattr(Opinion, "is_practical")
    add_activity(office, date=D(2024, 12, 2), grid=None, residents=0, deputies=[0])   # records kept since 2024
    three = [register(office, received_on=D(2026, 2, d)) for d in (1, 2, 3)]
    for opinion_id in three:
        close(office, opinion_id, resolved_on=D(2026, 2, 20))
    # three opinions, one suggestion: the figure is 1
    first = sg.create_suggestion(db, SuggestionForm("关于东湖路口拥堵的建议", D(2026, 3, 1), opinion_ids=three,
                                                    lead_deputy_id=office.deputies[0]), today=TODAY)
    second = sg.create_suggestion(db, SuggestionForm("关于停车的建议", D(2026, 5, 1), lead_deputy_id=office.deputies[1],
                                                     cosigner_ids=[office.deputies[0]]), today=TODAY)
    sg.create_suggestion(db, SuggestionForm("去年的建议", D(2025, 5, 1), lead_deputy_id=office.deputies[1]), today=TODAY)
    sg.assign_suggestion(db, first, on=D(2026, 3, 2), department_id=office.departments[0], today=TODAY)
    sg.record_reply(db, first, reply="已优化信号配时", on=D(2026, 4, 1), today=TODAY)
    sg.record_verdict(db, first, verdict="基本满意", on=D(2026, 4, 5), today=TODAY)
    # one project answering two opinions: the figure is 1
    pj.create_project(db, ProjectForm("东湖路口渠化改造", 2026, "道路", "已完成", opinion_ids=three[:2],
                                      started_on=D(2026, 3, 1), completed_on=D(2026, 6, 1)), today=TODAY)
    pj.create_project(db, ProjectForm("去年的实事", 2025, "其他", "已完成", started_on=D(2025, 3, 1),
                                      completed_on=D(2025, 6, 1)), today=TODAY)
    pj.create_project(db, ProjectForm("去年的实事二", 2025, "其他", "已完成", started_on=D(2025, 3, 1),
                                      completed_on=D(2025, 7, 1)), today=TODAY)
    for day, kind, status in ((D(2026, 1, 5), "例会", "已召开"), (D(2026, 2, 5), "例会", "已召开"),
                              (D(2026, 3, 5), "圆桌会", "已召开"), (D(2026, 3, 6), "例会", "已取消"),
                              (D(2025, 3, 5), "例会", "已召开")):
        mt.create_meeting(db, MeetingForm(kind, f"{kind}{day}", day, status, deputy_ids=office.deputies[:2],
                                          residents_present=5), today=TODAY)
    appraisal = plan_appraisal(db, AppraisalForm(2026, D(2026, 6, 3), office.deputies[:2], office.stations[0]))
    record_results(db, appraisal, voters_present=45, today=TODAY,
                   ratings={office.deputies[0]: Rating(40, 5, 0), office.deputies[1]: Rating(30, 10, 5)})
    for day, kind, result in ((D(2026, 2, 1), "租赁", "调解成功"), (D(2026, 3, 1), "租赁", "调解成功"),
                              (D(2026, 4, 1), "家事", "未成功"), (D(2025, 4, 1), "租赁", "调解成功")):
        dispute = dp.register_dispute(db, DisputeForm(day, kind, "甲、乙", deputy_ids=[office.deputies[0]]),
                                      today=TODAY)
        dp.record_result(db, dispute, result=result, on=day, today=TODAY, agreement="和解")
    dp.register_dispute(db, DisputeForm(D(2026, 5, 1), "家事", "丙、丁", proceeding="信访", referred_to="区信访局"),
                        today=TODAY)
    online = add_activity(office, date=D(2026, 8, 1), grid=None, residents=0, deputies=[0])
    set_online(db, online, True)
    add_activity(office, date=D(2025, 8, 1), grid=None, residents=0, deputies=[0], online=True)
    add_activity(office, date=D(2025, 8, 2), grid=None, residents=0, deputies=[0], online=True)
    web = register(office, received_on=D(2026, 9, 1), channel="网上")
    close(office, web, resolved_on=D(2026, 9, 5))
    cp.create_campaign(db, CampaignForm("交通拥堵治理", D(2025, 10, 1), D(2026, 3, 31)))

    figures = {f.key: (f.value, f.previous) for f in year_figures(db, 2026)}
    assert figures["suggestions_formed"] == (2, 1)
    assert figures["suggestions_closed"] == (1, 0)
    assert figures["suggestions_satisfied"] == (1, 0)
    assert figures["projects_done"] == (1, 2)
    assert figures["meetings_held"] == (3, 1)
    assert figures["meeting_person_times"] == (6, 2)
    assert figures["meeting_residents"] == (15, 5)
    assert figures["appraisals_held"] == (1, 0) and figures["deputies_reported"] == (2, 0)
    assert figures["appraisal_voters"] == (45, 0)
    assert figures["disputes_received"] == (4, 1)
    assert figures["disputes_settled"] == (2, 1) and figures["disputes_refused"] == (1, 0)
    assert figures["online_activities"] == (1, 2)
    assert figures["online_opinions_closed"] == (1, 0)
    assert figures["campaigns_active"] == (1, 1)
    assert figures["followups"] == (0, 0) and figures["satisfaction_rate"] == (None, None)
    assert meetings_by_kind(db, D(2026, 1, 1), D(2026, 12, 31)) == {"例会": 2, "圆桌会": 1}
    assert disputes_by_kind(db, D(2026, 1, 1), D(2026, 12, 31)) == {
        "租赁": {"受理": 2, "调解成功": 2}, "家事": {"受理": 2, "未成功": 1, "不予受理": 1}}
    suggestions = next(f for f in year_figures(db, 2026) if f.key == "suggestions_formed")
    assert (suggestions.change, suggestions.change_percent) == (1, 100.0)
    assert suggestions.describe() == "形成代表建议 2件（上年同期 1件）"

    mine = deputy_outcomes(db, office.deputies[0], 2026)
    assert (mine.meetings_attended, mine.suggestions_led, mine.suggestions_cosigned) == (3, 1, 1)
    assert (mine.disputes_mediated, mine.disputes_settled, mine.appraisal_result) == (3, 2, "满意")
    assert mine.appraisal_votes == (40, 5, 0)


def test_a_period_compares_with_the_same_period_a_year_earlier(office):
    assert year_back(D(2028, 2, 29)) == D(2027, 2, 28)
    sg.create_suggestion(office.db, SuggestionForm("甲", D(2025, 3, 15), lead_deputy_id=office.deputies[1]),
                         today=TODAY)
    sg.create_suggestion(office.db, SuggestionForm("乙", D(2025, 4, 15), lead_deputy_id=office.deputies[1]),
                         today=TODAY)

    def march() -> Figure:
        return next(f for f in period_figures(office.db, D(2026, 3, 1), D(2026, 3, 31)) if f.key == "suggestions_formed")

    # the office's records begin on 15 March 2025: half of last March is unrecorded, so no 同比
    figure = march()
    assert (figure.value, figure.previous, figure.records_from) == (0, 1, D(2025, 3, 15))
    assert (figure.change, figure.change_percent) == (None, None)
    assert figure.describe() == "形成代表建议 0件（上年同期 1件，记录不全）"
    assert figure.as_json()["records_from"] == "2025-03-15"
    # records kept since 2024: last March is whole
    mt.create_meeting(office.db, MeetingForm("例会", "去年的例会", D(2024, 11, 5), "已召开"), today=TODAY)
    figure = march()
    assert (figure.value, figure.previous, figure.records_from, figure.change_percent) == (0, 1, None, -100.0)
