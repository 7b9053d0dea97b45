"""履职成果: the vocabularies and value rules of 代表建议, 为民办实事, meetings, 述职评议, campaigns,
follow-up calls (回访) and mediation (调解). Pure Python: no database, no Qt.

代表建议 move through four statuses; each step is written to the suggestion's history:

    提出 --交办--> 交办 --办理--> 办理中 --答复--> 办结
                     +-------------答复----------->+      | 评价 不满意 (重办, a new deadline)
                                  办理中 <------------------+
"""
import datetime as dt
from enum import StrEnum

from .enums import RejectReason, Satisfaction
from .errors import FieldError


class OutcomeInputError(FieldError):
    """Input the clerk must correct: `field` names the form field, the message is Chinese."""


class OutcomeStateError(ValueError):
    """A step the record's state does not allow; the message is a complete Chinese sentence."""


# --- 代表建议 ------------------------------------------------------------------------------

class SuggestionStatus(StrEnum):
    SUBMITTED = "提出"
    ASSIGNED = "交办"
    HANDLING = "办理中"
    DONE = "办结"


class SuggestionRole(StrEnum):
    LEAD = "领衔"
    COSIGN = "附议"


class SuggestionStep(StrEnum):
    """The steps of a suggestion, as written in its history."""
    SUBMIT = "提出"
    ASSIGN = "交办"
    PROGRESS = "办理"
    REPLY = "答复"
    VERDICT = "评价"
    REOPEN = "重办"
    LINK = "关联"


SS = SuggestionStatus
SUGGESTION_OPEN = frozenset({SS.ASSIGNED, SS.HANDLING})   # a department holds it: the deadline runs
# 代表法 and the usual 办理办法: a department answers a suggestion within three months of 交办
SUGGESTION_DUE_DAYS = 90
REOPEN_DUE_DAYS = 30

SUGGESTION_TRANSITIONS: dict[SuggestionStep, tuple[frozenset[SuggestionStatus], SuggestionStatus | None]] = {
    SuggestionStep.ASSIGN: (frozenset({SS.SUBMITTED, SS.ASSIGNED, SS.HANDLING}), None),  # None: see assign
    SuggestionStep.PROGRESS: (frozenset({SS.ASSIGNED, SS.HANDLING}), SS.HANDLING),
    SuggestionStep.REPLY: (frozenset({SS.ASSIGNED, SS.HANDLING}), SS.DONE),
    SuggestionStep.VERDICT: (frozenset({SS.DONE}), None),
    SuggestionStep.REOPEN: (frozenset({SS.DONE}), SS.HANDLING),
}

_SUGGESTION_NEEDS = {
    SuggestionStep.ASSIGN: "已办结的建议不能再交办；如代表不满意，请记录评价“不满意”重新办理",
    SuggestionStep.PROGRESS: "只有已交办或办理中的建议可以记录办理情况",
    SuggestionStep.REPLY: "要先交办给承办部门，才能记录部门的答复",
    SuggestionStep.VERDICT: "要先有承办部门的答复（办结），代表才能评价",
    SuggestionStep.REOPEN: "只有已办结的建议可以重新办理",
}


def suggestion_target(step: SuggestionStep, status: str) -> str:
    """The status after `step`, or OutcomeStateError saying what the step needs."""
    allowed, target = SUGGESTION_TRANSITIONS[step]
    if status not in allowed:
        raise OutcomeStateError(f"当前状态为“{status}”：{_SUGGESTION_NEEDS[step]}。")
    if step is SuggestionStep.ASSIGN:
        return SS.ASSIGNED.value if status == SS.SUBMITTED else status   # a re-assignment keeps the status
    return target.value if target else status


def suggestion_overdue(status: str, due_on: dt.date | None, today: dt.date) -> bool:
    return status in SUGGESTION_OPEN and due_on is not None and due_on < today


def check_verdict(value: str) -> None:
    if value not in {s.value for s in Satisfaction}:
        raise OutcomeInputError("verdict", "请选择代表对答复的评价：满意、基本满意或不满意。")


def verdict_reopens(verdict: str) -> bool:
    """不满意 sends the suggestion back to the department."""
    return verdict == Satisfaction.UNSATISFIED


# --- 为民办实事 -----------------------------------------------------------------------------

class ProjectStatus(StrEnum):
    PLANNED = "计划"
    UNDERWAY = "实施中"
    DONE = "已完成"
    CANCELLED = "已取消"


class PhotoStage(StrEnum):
    BEFORE = "实施前"
    DURING = "实施中"
    AFTER = "实施后"


def check_project_dates(status: str, started_on: dt.date | None, planned_on: dt.date | None,
                        completed_on: dt.date | None, today: dt.date) -> None:
    """What each status needs, and dates in order, none of what happened in the future."""
    if status not in {s.value for s in ProjectStatus}:
        raise OutcomeInputError("status", "请选择项目状态：计划、实施中、已完成或已取消。")
    if status in (ProjectStatus.UNDERWAY, ProjectStatus.DONE) and started_on is None:
        raise OutcomeInputError("started_on", f"项目“{status}”时请填写开工日期。")
    if status == ProjectStatus.DONE and completed_on is None:
        raise OutcomeInputError("completed_on", "已完成的项目请填写实际完成日期。")
    if status != ProjectStatus.DONE and completed_on is not None:
        raise OutcomeInputError("completed_on", "只有已完成的项目才填写实际完成日期。")
    if started_on and started_on > today and status != ProjectStatus.PLANNED:
        raise OutcomeInputError("started_on", f"开工日期不能晚于今天（{today:%Y-%m-%d}）。")
    if completed_on and completed_on > today:
        raise OutcomeInputError("completed_on", f"完成日期不能晚于今天（{today:%Y-%m-%d}）。")
    if started_on and completed_on and completed_on < started_on:
        raise OutcomeInputError("completed_on", "完成日期不能早于开工日期。")
    if started_on and planned_on and planned_on < started_on:
        raise OutcomeInputError("planned_on", "计划完成日期不能早于开工日期。")


def format_quantity(quantity: float | None, unit: str) -> str:
    """37.0, '处' → '37处'; 1.25, '公里' → '1.25公里'; nothing → ''."""
    if quantity is None:
        return ""
    number = f"{quantity:.2f}".rstrip("0").rstrip(".")
    return f"{number}{unit}"


# --- meetings -------------------------------------------------------------------------------

class MeetingStatus(StrEnum):
    PLANNED = "计划"
    HELD = "已召开"
    CANCELLED = "已取消"


# --- 述职评议 ------------------------------------------------------------------------------

class AppraisalScale(StrEnum):
    """The office picks how voters rate: by satisfaction or by competence."""
    SATISFACTION = "满意度"
    COMPETENCE = "称职度"


RATING_WORDS = {
    AppraisalScale.SATISFACTION.value: ("满意", "基本满意", "不满意"),
    AppraisalScale.COMPETENCE.value: ("称职", "基本称职", "不称职"),
}


class AppraisalStatus(StrEnum):
    PLANNED = "计划"
    HELD = "已举行"
    CANCELLED = "已取消"


COMPETENT_SHARE = 0.8    # ≥ 80 % of votes 称职 → 称职; 50–80 % → 基本称职 (大悟县)
BASIC_SHARE = 0.5


def appraisal_result(scale: str, good: int, fair: int, poor: int) -> str:
    """The verdict the votes give, as announced on the spot.

    称职度: the share of 称职 votes decides (≥ 80 % 称职, ≥ 50 % 基本称职, else 不称职).
    满意度: more than half 不满意 → 不满意 (the deputy owes a written plan to improve);
    ≥ 80 % 满意 → 满意; otherwise 基本满意.
    """
    total = good + fair + poor
    if total <= 0:
        return ""
    top, middle, bottom = RATING_WORDS[scale]
    if scale == AppraisalScale.COMPETENCE:
        share = good / total
        return top if share >= COMPETENT_SHARE else middle if share >= BASIC_SHARE else bottom
    if poor * 2 > total:
        return bottom
    return top if good / total >= COMPETENT_SHARE else middle


def check_ratings(scale: str, good: int, fair: int, poor: int, voters_present: int, deputy: str) -> None:
    if scale not in RATING_WORDS:
        raise OutcomeInputError("scale", "请选择测评方式：满意度或称职度。")
    if min(good, fair, poor) < 0:
        raise OutcomeInputError("ratings", f"{deputy}的票数不能为负数。")
    if good + fair + poor > voters_present:
        raise OutcomeInputError("ratings", f"{deputy}的测评票共 {good + fair + poor} 张，多于到会选民代表 "
                                           f"{voters_present} 人。")


# --- follow-up calls and where a matter was settled -----------------------------------------

class SettledLevel(StrEnum):
    """小事不出格: where a closed matter was settled, from the grid up."""
    GRID = "网格"
    COMMUNITY = "社区"
    STREET = "街道"
    DISTRICT = "区"


class FollowUpMethod(StrEnum):
    PHONE = "电话"
    VISIT = "上门"
    SMS = "短信"
    WECHAT = "微信"


def satisfied(verdict: str) -> bool:
    """What counts towards the satisfaction rate (群众满意度): 满意 and 基本满意."""
    return verdict in (Satisfaction.SATISFIED, Satisfaction.BASICALLY)


def rate(part: int, whole: int) -> float | None:
    """A share in per cent with one decimal, or None when there is nothing to divide."""
    return round(100 * part / whole, 1) if whole else None


# --- mediation (调解) ------------------------------------------------------------------------

class DisputeStatus(StrEnum):
    PENDING = "调解中"
    SETTLED = "调解成功"
    FAILED = "未成功"
    REFERRED = "转交"
    REFUSED = "不予受理"


DISPUTE_RESULTS = (DisputeStatus.SETTLED, DisputeStatus.FAILED, DisputeStatus.REFERRED)
# matters a court, an arbitration commission or the petition office holds are not mediated here
PROCEEDINGS = (RejectReason.LAWSUIT.value, RejectReason.ARBITRATION.value, RejectReason.PETITION.value)


def check_refusal(reason: str, referred_to: str, note: str) -> None:
    """不予受理 of a dispute names why (诉讼, 仲裁, 信访, 其他) and where the parties were referred,
    as an opinion's refusal does (opinion_rules.check_reject)."""
    if reason not in {r.value for r in RejectReason}:
        raise OutcomeInputError("reason", "请选择不予受理的原因：诉讼、仲裁、信访或其他。")
    if not referred_to.strip():
        raise OutcomeInputError("referred_to", "请填写已引导当事人到哪里办理，例如“区人民法院诉讼服务中心”。")
    if reason == RejectReason.OTHER and not note.strip():
        raise OutcomeInputError("note", "原因为“其他”时，请在说明中写明不予受理的理由。")


def check_dispute_result(result: str, referred_to: str) -> None:
    if result not in {r.value for r in DISPUTE_RESULTS}:
        raise OutcomeInputError("result", "请选择调解结果：调解成功、未成功或转交。")
    if result == DisputeStatus.REFERRED and not referred_to.strip():
        raise OutcomeInputError("referred_to", "转交时请填写转交给哪个部门或机构。")


# --- the editable lists ----------------------------------------------------------------------

class KindList(StrEnum):
    """Lists the clerk edits; an empty list in the database means the defaults below."""
    MEETING = "meeting"
    DISPUTE = "dispute"
    PROJECT = "project"


DEFAULT_KINDS = {
    KindList.MEETING.value: ("例会", "议事会", "圆桌会", "现场会", "联席会议", "恳谈会", "培训"),
    KindList.DISPUTE.value: ("租赁", "家事", "邻里", "物业", "劳资", "消费", "其他"),
    KindList.PROJECT.value: ("道路", "停车", "充电设施", "公交出行", "养老助餐", "环境整治", "安全设施", "文体设施",
                             "便民服务", "其他"),
}
KIND_LIST_LABELS = {KindList.MEETING.value: "会议类型", KindList.DISPUTE.value: "纠纷类型",
                    KindList.PROJECT.value: "实事类别"}


# --- shared checks ---------------------------------------------------------------------------

def check_not_future(on: dt.date | None, today: dt.date, field: str, what: str) -> None:
    if on is not None and on > today:
        raise OutcomeInputError(field, f"{what}不能晚于今天（{today:%Y-%m-%d}）。")


def check_text(value: str, field: str, what: str, limit: int, *, required: bool = True) -> str:
    text = (value or "").strip()
    if required and not text:
        raise OutcomeInputError(field, f"请填写{what}。")
    if len(text) > limit:
        raise OutcomeInputError(field, f"{what}不能超过 {limit} 个字。")
    return text
