"""述职评议会 (plan, votes, questions as opinions) and mediation (refusals as opinions do)."""
import datetime as dt

import pytest
from sqlmodel import select

from gridoffice.domain import Dispute, Opinion
from gridoffice.domain.outcome_rules import OutcomeInputError, OutcomeStateError, appraisal_result
from gridoffice.services.outcomes import appraisals as ap
from gridoffice.services.outcomes import disputes as dp
from gridoffice.services.outcomes.appraisals import AppraisalForm, Rating
from gridoffice.services.outcomes.disputes import DisputeFilter, DisputeForm
from tests.outcomes_fixtures import DAY, TODAY, audit_rows, build_office


@pytest.fixture
def office(db):
    return build_office(db)


# --- 述职评议 -------------------------------------------------------------------------------------

@pytest.mark.parametrize("scale, votes, result", [
    ("满意度", (40, 5, 3), "满意"),          # 83 % 满意
    ("满意度", (30, 15, 3), "基本满意"),
    ("满意度", (10, 10, 25), "不满意"),      # more than half 不满意
    ("满意度", (10, 10, 10), "基本满意"),    # a third is not more than half
    ("称职度", (40, 10, 0), "称职"),         # exactly 80 %
    ("称职度", (30, 15, 5), "基本称职"),      # 60 %
    ("称职度", (20, 10, 20), "不称职"),      # 40 %
    ("称职度", (0, 0, 0), ""),
])
def test_rating_rules(scale, votes, result):
    assert appraisal_result(scale, *votes) == result


def plan(office, **changes) -> int:
    values = dict(year=2026, date=TODAY - 5 * DAY, deputy_ids=[office.deputies[0], office.deputies[1]],
                  station_id=office.stations[0], start_time=dt.time(9, 0), place="中心站一楼接待室")
    values.update(changes)
    return ap.plan_appraisal(office.db, AppraisalForm(**values))


def test_a_year_plan_votes_and_questions(office):
    appraisal_id = plan(office)
    later = plan(office, date=TODAY + 20 * DAY, deputy_ids=[office.deputies[2]], station_id=office.stations[1],
                 scale="称职度")
    assert [(r.date, r.station, r.deputies, r.status) for r in ap.list_appraisals(office.db, year=2026)] == [
        (TODAY - 5 * DAY, "锦塘街道人大代表联络站（中心站）", "张利霞、王建华", "计划"),
        (TODAY + 20 * DAY, "西园片区代表联络站", "李梅", "计划")]
    assert ap.deputies_not_planned(office.db, 2026) == []
    results = ap.record_results(office.db, appraisal_id, voters_present=45, today=TODAY, ratings={
        office.deputies[0]: Rating(40, 4, 1), office.deputies[1]: Rating(20, 5, 20, "限期一个月提交书面整改计划")})
    assert results == {office.deputies[0]: "满意", office.deputies[1]: "基本满意"}
    opinion_id = ap.add_question(office.db, appraisal_id, content="小区大型犬不拴绳，谁来管？", today=TODAY,
                                 deputy_id=office.deputies[0], category="安全隐患")
    with office.db.session() as session:
        opinion = session.get(Opinion, opinion_id)
        assert (opinion.channel, opinion.received_on) == ("述职会", TODAY - 5 * DAY)
    detail = ap.appraisal_detail(office.db, appraisal_id)
    assert detail.rating_words == ("满意", "基本满意", "不满意")
    assert [(r.name, r.votes, r.result) for r in detail.reports] == [("张利霞", (40, 4, 1), "满意"),
                                                                    ("王建华", (20, 5, 20), "基本满意")]
    assert [(q.serial, q.deputy) for q in detail.questions] == [("2026-0001", "张利霞")]
    row = ap.list_appraisals(office.db, year=2026)[0]
    assert (row.status, row.voters_present, row.results, row.questions) == (
        "已举行", 45, "张利霞 满意；王建华 基本满意", 1)
    assert [a.result for a in ap.appraisals_of_deputy(office.db, office.deputies[0])] == ["满意"]
    with pytest.raises(OutcomeStateError):
        ap.add_question(office.db, later, content="x", today=TODAY)     # not held yet
    with pytest.raises(OutcomeStateError):
        ap.delete_appraisal(office.db, appraisal_id)


def test_appraisal_rules(office):
    plan(office)
    with pytest.raises(OutcomeInputError, match="同一年度只述职一次"):
        plan(office, deputy_ids=[office.deputies[0]])
    with pytest.raises(OutcomeInputError) as error:
        plan(office, deputy_ids=[])
    assert error.value.field == "deputies"
    appraisal_id = ap.list_appraisals(office.db)[0].id
    with pytest.raises(OutcomeInputError, match="多于到会选民代表"):
        ap.record_results(office.db, appraisal_id, voters_present=40, today=TODAY, ratings={
            office.deputies[0]: Rating(40, 4, 1), office.deputies[1]: Rating(30, 5, 2)})
    with pytest.raises(OutcomeInputError, match="王建华"):
        ap.record_results(office.db, appraisal_id, voters_present=45, today=TODAY,
                          ratings={office.deputies[0]: Rating(40, 4, 1)})
    assert ap.list_appraisals(office.db)[0].status == "计划"           # nothing written
    assert ap.deputies_not_planned(office.db, 2026) == [(office.deputies[2], "李梅", "西园片区代表联络站")]


# --- 调解 --------------------------------------------------------------------------------------------

def dispute_form(office, **changes) -> DisputeForm:
    values = dict(received_on=TODAY - 20 * DAY, kind="租赁", parties="王建国、李秀英", grid_id=office.grids[2],
                  summary="租户提前退租，押金退还争议", deputy_ids=[office.deputies[2]], other_mediators="社区律师")
    values.update(changes)
    return DisputeForm(**values)


def test_mediation_is_recorded_apart_from_opinions_with_parties_masked(office):
    dispute_id = dp.register_dispute(office.db, dispute_form(office), today=TODAY)
    dp.record_result(office.db, dispute_id, result="调解成功", on=TODAY - 15 * DAY, today=TODAY,
                     agreement="房东退还押金八成，双方签订调解协议")
    row, = dp.list_disputes(office.db)
    assert (row.serial, row.parties, row.mediators, row.status, row.result_on) == (
        "TJ2026-001", "王**、李**", "李梅代表、社区律师", "调解成功", TODAY - 15 * DAY)
    assert dp.dispute_detail(office.db, dispute_id).form.parties == "王建国、李秀英"     # in full on the form only
    with office.db.session() as session:
        assert session.exec(select(Opinion)).all() == []
    with pytest.raises(OutcomeStateError):
        dp.record_result(office.db, dispute_id, result="未成功", on=TODAY, today=TODAY)


def test_matters_in_litigation_arbitration_or_petition_are_refused_with_the_reason(office):
    dispute_id = dp.register_dispute(office.db, dispute_form(office, kind="家事", proceeding="诉讼",
                                                             referred_to="区人民法院诉讼服务中心"), today=TODAY)
    detail = dp.dispute_detail(office.db, dispute_id)
    assert (detail.row.status, detail.reject_reason, detail.row.referred_to) == ("不予受理", "诉讼",
                                                                                 "区人民法院诉讼服务中心")
    assert detail.agreement == "属诉讼事项，不予调解，已引导当事人至区人民法院诉讼服务中心"
    with pytest.raises(OutcomeStateError):
        dp.record_result(office.db, dispute_id, result="调解成功", on=TODAY, today=TODAY, agreement="x")
    with pytest.raises(OutcomeInputError) as error:           # where to is required, as for opinions
        dp.register_dispute(office.db, dispute_form(office, proceeding="仲裁"), today=TODAY)
    assert error.value.field == "referred_to"
    pending = dp.register_dispute(office.db, dispute_form(office), today=TODAY)
    dp.refuse_dispute(office.db, pending, reason="信访", referred_to="区信访局", on=TODAY - 10 * DAY, today=TODAY)
    assert [r.status for r in dp.list_disputes(office.db, where=DisputeFilter(status="不予受理"))] == ["不予受理"] * 2
    form = dp.dispute_detail(office.db, dispute_id).form
    form.summary = "离婚后探视权争议"
    dp.update_dispute(office.db, dispute_id, form, today=TODAY)          # a refused record can be corrected
    assert dp.dispute_detail(office.db, dispute_id).row.status == "不予受理"


@pytest.mark.parametrize("changes, field", [
    (dict(kind="离婚"), "kind"),
    (dict(parties=" "), "parties"),
    (dict(received_on=TODAY + DAY), "received_on"),
    (dict(deputy_ids=[], other_mediators=""), "deputies"),
    (dict(proceeding="上访"), "proceeding"),
])
def test_dispute_rules(office, changes, field):
    with pytest.raises(OutcomeInputError) as error:
        dp.register_dispute(office.db, dispute_form(office, **changes), today=TODAY)
    assert error.value.field == field
    with office.db.session() as session:
        assert session.exec(select(Dispute)).all() == []
    assert audit_rows(office.db, "dispute") == []


def test_a_failed_mediation_can_be_tried_again_or_referred(office):
    dispute_id = dp.register_dispute(office.db, dispute_form(office), today=TODAY)
    dp.record_result(office.db, dispute_id, result="未成功", on=TODAY - 10 * DAY, today=TODAY, agreement="双方分歧大")
    with pytest.raises(OutcomeInputError, match="转交给哪个"):
        dp.record_result(office.db, dispute_id, result="转交", on=TODAY, today=TODAY)
    dp.record_result(office.db, dispute_id, result="转交", on=TODAY, today=TODAY, referred_to="区司法局人民调解委员会")
    assert dp.list_disputes(office.db)[0].referred_to == "区司法局人民调解委员会"
