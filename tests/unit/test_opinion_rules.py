"""The status machine of an opinion: every allowed and every refused transition, overdue by date."""
import datetime as dt
import itertools

import pytest

from gridoffice.domain.enums import OpinionStatus
from gridoffice.domain.opinion_rules import (OpinionRuleError, Step, TransitionError, allowed_steps,
                                             check_can_close, check_due_date, check_reject, check_step_date,
                                             default_due_days, due_within, is_overdue, reopens, target_status)

S = OpinionStatus
TODAY = dt.date(2026, 11, 20)

# the loop as the office runs it: (step, from) → to; anything not listed is refused
ALLOWED = {
    (Step.CLAIM, S.REGISTERED): S.CLAIMED,
    (Step.ASSIGN, S.CLAIMED): S.ASSIGNED,
    (Step.ASSIGN, S.ASSIGNED): S.ASSIGNED,          # moved to another department (转办)
    (Step.PROGRESS, S.CLAIMED): S.CLAIMED,
    (Step.PROGRESS, S.ASSIGNED): S.ASSIGNED,
    (Step.SUPERVISE, S.ASSIGNED): S.ASSIGNED,
    (Step.RESOLVE, S.ASSIGNED): S.RESOLVED,
    (Step.REPLY, S.RESOLVED): S.CLOSED,
    (Step.RATE, S.CLOSED): S.CLOSED,
    (Step.REOPEN, S.RESOLVED): S.ASSIGNED,
    (Step.REOPEN, S.CLOSED): S.ASSIGNED,
    (Step.REJECT, S.REGISTERED): S.REJECTED,
    (Step.REJECT, S.CLAIMED): S.REJECTED,
    (Step.REJECT, S.ASSIGNED): S.REJECTED,
    **{(Step.FLAG, status): status for status in S},
}
STEPS = [step for step in Step if step != Step.REGISTER]   # registering creates; it is no transition


@pytest.mark.parametrize(("step", "status"), sorted(ALLOWED, key=str))
def test_allowed_transition_leads_where_the_loop_says(step, status):
    assert target_status(step, status.value) == ALLOWED[(step, status)].value


REFUSED = [(step, status) for step, status in itertools.product(STEPS, S) if (step, status) not in ALLOWED]


@pytest.mark.parametrize(("step", "status"), REFUSED, ids=[f"{s.value}-{t.value}" for s, t in REFUSED])
def test_refused_transition_says_why_in_chinese(step, status):
    with pytest.raises(TransitionError) as refused:
        target_status(step, status.value)
    message = str(refused.value)
    assert f"当前为“{status.value}”" in message and f"不能{step.value}" in message
    assert message.endswith("。")


def test_the_refusals_cover_the_promises():
    """No closing without a result; nothing after 不予受理 but a flag; a closed matter only rated or reopened."""
    assert (Step.REPLY, S.ASSIGNED) in REFUSED          # no reply (closing) before a result
    assert (Step.RESOLVE, S.CLAIMED) in REFUSED         # no result before a department has it
    assert (Step.ASSIGN, S.REGISTERED) in REFUSED       # a deputy claims before a department is assigned
    assert allowed_steps(S.REJECTED.value) == [Step.FLAG]
    assert set(allowed_steps(S.CLOSED.value)) == {Step.RATE, Step.REOPEN, Step.FLAG}
    assert len(ALLOWED) + len(REFUSED) == len(STEPS) * len(S)


def test_allowed_steps_follow_the_loop_order():
    assert allowed_steps(S.ASSIGNED.value) == [Step.ASSIGN, Step.PROGRESS, Step.SUPERVISE, Step.RESOLVE,
                                               Step.REJECT, Step.FLAG]


@pytest.mark.parametrize(("status", "due_on", "overdue"), [
    (S.ASSIGNED, TODAY - dt.timedelta(days=1), True),
    (S.ASSIGNED, TODAY, False),                         # due today is not yet late
    (S.ASSIGNED, TODAY + dt.timedelta(days=3), False),
    (S.ASSIGNED, None, False),
    (S.RESOLVED, TODAY - dt.timedelta(days=30), False),  # the department delivered; the reply is the office's
    (S.CLOSED, TODAY - dt.timedelta(days=30), False),
    (S.REJECTED, TODAY - dt.timedelta(days=30), False),
    (S.CLAIMED, TODAY - dt.timedelta(days=30), False),
    (S.REGISTERED, TODAY - dt.timedelta(days=30), False),
])
def test_overdue_is_computed_against_the_given_day(status, due_on, overdue):
    assert is_overdue(status.value, due_on, TODAY) is overdue


def test_the_same_matter_becomes_overdue_the_day_after_its_due_date():
    due = dt.date(2026, 3, 31)
    assert not is_overdue(S.ASSIGNED.value, due, dt.date(2026, 3, 31))
    assert is_overdue(S.ASSIGNED.value, due, dt.date(2026, 4, 1))


def test_due_within_the_week_counts_today_and_six_more_days():
    assert due_within(S.ASSIGNED.value, TODAY, TODAY)
    assert due_within(S.ASSIGNED.value, TODAY + dt.timedelta(days=6), TODAY)
    assert not due_within(S.ASSIGNED.value, TODAY + dt.timedelta(days=7), TODAY)
    assert not due_within(S.ASSIGNED.value, TODAY - dt.timedelta(days=1), TODAY)   # that one is overdue
    assert not due_within(S.RESOLVED.value, TODAY, TODAY)


def test_step_dates_keep_the_timeline_in_order():
    received = dt.date(2026, 3, 1)
    check_step_date(dt.date(2026, 3, 5), received_on=received, last_step_on=dt.date(2026, 3, 5), today=TODAY)
    for on, last, words in ((dt.date(2026, 2, 28), None, "登记日期"), (dt.date(2026, 3, 3), dt.date(2026, 3, 4), "上一步"),
                            (TODAY + dt.timedelta(days=1), None, "今天")):
        with pytest.raises(OpinionRuleError) as refused:
            check_step_date(on, received_on=received, last_step_on=last, today=TODAY)
        assert refused.value.field == "on" and words in str(refused.value)


def test_due_date_is_required_and_not_before_the_assignment():
    with pytest.raises(OpinionRuleError, match="请填写办理期限"):
        check_due_date(None, on=TODAY)
    with pytest.raises(OpinionRuleError, match="不能早于交办日期"):
        check_due_date(TODAY - dt.timedelta(days=1), on=TODAY)
    check_due_date(TODAY, on=TODAY)


def test_reject_needs_a_reason_and_where_the_resident_was_referred():
    check_reject("诉讼", "区人民法院诉讼服务中心", "")
    with pytest.raises(OpinionRuleError) as no_reason:
        check_reject("", "区人民法院", "")
    assert no_reason.value.field == "reason"
    with pytest.raises(OpinionRuleError) as nowhere:
        check_reject("仲裁", "  ", "")
    assert nowhere.value.field == "referred_to"
    with pytest.raises(OpinionRuleError) as other:
        check_reject("其他", "区信访局", "")
    assert other.value.field == "note"


def test_no_closing_without_result_and_reply():
    check_can_close("已修复路灯", "已电话告知", "电话")
    for result, reply, method, field in (("", "x", "电话", "result"), ("r", " ", "电话", "reply"), ("r", "x", "", "reply_method")):
        with pytest.raises(OpinionRuleError) as refused:
            check_can_close(result, reply, method)
        assert refused.value.field == field


def test_only_unsatisfied_reopens():
    assert reopens("不满意")
    assert not reopens("满意") and not reopens("基本满意") and not reopens("")


def test_a_department_gets_a_week_for_urgent_matters_and_fifteen_days_otherwise():
    assert (default_due_days("紧急"), default_due_days("一般")) == (7, 15)
    assert default_due_days("") == 15   # an urgency no longer offered counts as 一般
