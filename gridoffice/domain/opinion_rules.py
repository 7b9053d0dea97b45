"""The status machine of an opinion (三单制): which step may follow which, and what each needs.

    待认领 --认领--> 已认领 --交办--> 办理中 --办结--> 已办结 --回复--> 已关闭
                                   ↑  (进展, 督办, 再交办)      |          | 评价
                                   +------------- 重办 ---------+----------+ (不满意)
    待认领 / 已认领 / 办理中 --不予受理--> 不予受理 (reason and where it was referred)

Pure Python: no database, no Qt. Services call `target_status` before they change anything.
"""
import datetime as dt
from enum import StrEnum

from .enums import OpinionStatus, RejectReason, Satisfaction, Urgency
from .errors import FieldError

S = OpinionStatus


class Step(StrEnum):
    """The steps of the loop, as written in the opinion's history (OpinionHistory.action)."""
    REGISTER = "登记"
    CLAIM = "认领"
    ASSIGN = "交办"
    PROGRESS = "进展"
    SUPERVISE = "督办"
    RESOLVE = "办结"
    REPLY = "回复"
    RATE = "评价"
    REOPEN = "重办"
    REJECT = "不予受理"
    FLAG = "标记"


OPEN_STATUSES = frozenset({S.REGISTERED, S.CLAIMED, S.ASSIGNED})
FINISHED_STATUSES = frozenset({S.CLOSED, S.REJECTED})
ALL_STATUSES = frozenset(S)

# step → (statuses it may start from, status it leads to; None keeps the status)
TRANSITIONS: dict[Step, tuple[frozenset[OpinionStatus], OpinionStatus | None]] = {
    Step.CLAIM: (frozenset({S.REGISTERED}), S.CLAIMED),
    # 已认领 → 办理中 makes the 责任单; in 办理中 it hands the matter to another department (转办)
    Step.ASSIGN: (frozenset({S.CLAIMED, S.ASSIGNED}), S.ASSIGNED),
    Step.PROGRESS: (frozenset({S.CLAIMED, S.ASSIGNED}), None),
    Step.SUPERVISE: (frozenset({S.ASSIGNED}), S.ASSIGNED),
    Step.RESOLVE: (frozenset({S.ASSIGNED}), S.RESOLVED),
    Step.REPLY: (frozenset({S.RESOLVED}), S.CLOSED),
    Step.RATE: (frozenset({S.CLOSED}), None),
    Step.REOPEN: (frozenset({S.RESOLVED, S.CLOSED}), S.ASSIGNED),
    Step.REJECT: (OPEN_STATUSES, S.REJECTED),
    Step.FLAG: (ALL_STATUSES, None),
}

# what the clerk is told a step needs, when the status does not allow it
_NEEDS = {
    Step.CLAIM: "只有“待认领”的意见可以由代表认领",
    Step.ASSIGN: "要先由代表认领（已认领），才能交办给职能部门",
    Step.PROGRESS: "只有已认领或办理中的意见可以记录办理进展",
    Step.SUPERVISE: "只有“办理中”的意见可以督办",
    Step.RESOLVE: "只有交办给职能部门、正在办理中的意见可以办结",
    Step.REPLY: "要先记录办理结果（已办结），才能回复群众并关闭",
    Step.RATE: "要先回复群众（已关闭），才能记录群众的评价",
    Step.REOPEN: "只有已办结或已关闭的意见可以重新办理",
    Step.REJECT: "已办结、已关闭的意见不能再改为不予受理",
    Step.FLAG: "",
}


# default due dates, in days from the day the step is taken
DUE_DAYS = {Urgency.URGENT.value: 7, Urgency.NORMAL.value: 15}   # 交办: by the opinion's urgency
SUPERVISE_DUE_DAYS = 7     # 督办 that also moves the due date
REOPEN_DUE_DAYS = 15       # 重办, and the 不满意 that causes it


def default_due_days(urgency: str) -> int:
    """How long a department gets when a matter is assigned to it (交办)."""
    return DUE_DAYS.get(urgency, DUE_DAYS[Urgency.NORMAL.value])


class TransitionError(ValueError):
    """A step the opinion's status does not allow; the message is a complete Chinese sentence."""


class OpinionRuleError(FieldError):
    """A step's input breaks a rule: `field` names the form field, the message is Chinese."""


def allowed_steps(status: str) -> list[Step]:
    """The steps the clerk may take on an opinion in `status`, in the order of the loop."""
    return [step for step, (sources, _target) in TRANSITIONS.items() if status in sources]


def target_status(step: Step, status: str) -> str:
    """The status after `step`; raises TransitionError when the status does not allow it."""
    sources, target = TRANSITIONS[step]
    if status not in sources:
        raise TransitionError(f"这条意见当前为“{status}”，不能{step.value}：{_NEEDS[step]}。")
    return target.value if target else status


def is_overdue(status: str, due_on: dt.date | None, today: dt.date) -> bool:
    """Past its due date while a department still holds it.

    Only 办理中 counts: 已办结 means the department has delivered its result, so the
    reply still owed to the resident is the office's task, not the department's delay;
    已关闭 and 不予受理 are finished; before 交办 there is no due date.
    """
    return status == S.ASSIGNED and due_on is not None and due_on < today


def due_within(status: str, due_on: dt.date | None, today: dt.date, days: int = 7) -> bool:
    """Still in time but due within `days` days from today (today included)."""
    return (status == S.ASSIGNED and due_on is not None
            and today <= due_on < today + dt.timedelta(days=days))


def days_overdue(due_on: dt.date | None, today: dt.date) -> int:
    return max(0, (today - due_on).days) if due_on else 0


def check_step_date(on: dt.date, *, received_on: dt.date, last_step_on: dt.date | None,
                    today: dt.date) -> None:
    """A step happens on or after the opinion was received and its previous step, and not in the future."""
    if on > today:
        raise OpinionRuleError("on", f"日期不能晚于今天（{today:%Y-%m-%d}）。")
    if on < received_on:
        raise OpinionRuleError("on", f"日期不能早于意见的登记日期（{received_on:%Y-%m-%d}）。")
    if last_step_on and on < last_step_on:
        raise OpinionRuleError("on", f"日期不能早于上一步办理的日期（{last_step_on:%Y-%m-%d}）。")


def check_due_date(due_on: dt.date | None, *, on: dt.date) -> None:
    if due_on is None:
        raise OpinionRuleError("due_on", "请填写办理期限。")
    if due_on < on:
        raise OpinionRuleError("due_on", f"办理期限不能早于交办日期（{on:%Y-%m-%d}）。")


def check_reject(reason: str, referred_to: str, note: str) -> None:
    """不予受理 names why (诉讼, 仲裁, 信访, 其他) and where the resident was referred."""
    if reason not in {r.value for r in RejectReason}:
        raise OpinionRuleError("reason", "请选择不予受理的原因：诉讼、仲裁、信访或其他。")
    if not referred_to.strip():
        raise OpinionRuleError("referred_to", "请填写已引导群众到哪里办理，例如“区人民法院诉讼服务中心”。")
    if reason == RejectReason.OTHER and not note.strip():
        raise OpinionRuleError("note", "原因为“其他”时，请在说明中写明不予受理的理由。")


def check_can_close(result: str, reply: str, reply_method: str) -> None:
    """No closing without a result and a recorded reply (事事有回音、件件有结果)."""
    if not result.strip():
        raise OpinionRuleError("result", "还没有办理结果，不能关闭：请先记录办结情况。")
    if not reply.strip():
        raise OpinionRuleError("reply", "请填写回复群众的内容。")
    if not reply_method.strip():
        raise OpinionRuleError("reply_method", "请选择回复方式（电话、当面、短信、微信或书面）。")


def check_satisfaction(value: str) -> None:
    if value not in {s.value for s in Satisfaction}:
        raise OpinionRuleError("satisfaction", "请选择群众评价：满意、基本满意或不满意。")


def reopens(satisfaction: str) -> bool:
    """不满意 sends the matter back to the department (重办)."""
    return satisfaction == Satisfaction.UNSATISFIED
