"""民情办理: register an opinion (需求单) and take it round the loop; every step is written to
its history. The rules of which step may follow which live in domain/opinion_rules.py.

Every function works inside the caller's session (one transaction) and takes `today`, so
dates are checked against a given day, never against the clock.
"""
import datetime as dt
from dataclasses import dataclass, field, replace

from sqlalchemy import Integer, exists, func, union
from sqlmodel import Session, select

from gridoffice.domain import (Activity, Department, Deputy, Grid, Opinion, OpinionCategory, OpinionHistory,
                               ProjectOpinionLink, ReceptionDay, Station, SuggestionOpinionLink)
from gridoffice.domain.dates import chinese_date
from gridoffice.domain.enums import DeputyStatus, HandlingMode, OpinionChannel, OpinionStatus, ReplyMethod, Urgency
from gridoffice.domain.opinion_rules import (FINISHED_STATUSES, OpinionRuleError, Step, allowed_steps,
                                             check_can_close, check_due_date, check_reject, check_satisfaction,
                                             check_step_date, days_overdue, due_within, is_overdue, reopens,
                                             target_status)
from gridoffice.domain.rules import (is_landline, is_mobile, mask_name, mask_phone, normalize_phone,
                                     normalize_text, shorten_address)

S = OpinionStatus
OpinionInputError = OpinionRuleError   # what forms catch: .field names the field
DUE_SOON_DAYS = 7                      # "this week": today and the six days after
CHANNEL_NOTES = {"接待日": "接待日当面反映", "走访": "代表走访时收集", "电话": "电话反映", "微信群": "网格微信群反映",
                 "意见箱": "民情意见箱投递", "网上": "网上留言"}


class OpinionNotFoundError(LookupError):
    def __init__(self, opinion_id: int):
        super().__init__(f"找不到这条意见（编号 {opinion_id}），可能已被删除。")


# --- registering (需求单) ------------------------------------------------------------------

@dataclass
class OpinionForm:
    """The 需求单 as the clerk fills it in."""
    received_on: dt.date
    channel: str
    content: str
    resident_name: str = ""
    resident_phone: str = ""
    resident_address: str = ""
    grid_id: int | None = None
    category: str = "其他"
    urgency: str = Urgency.NORMAL.value
    activity_id: int | None = None
    reception_day_id: int | None = None


def validate_form(session: Session, form: OpinionForm, today: dt.date) -> OpinionForm:
    """The form trimmed and checked; raises OpinionInputError naming the field."""
    if form.received_on > today:
        raise OpinionInputError("received_on", f"登记日期不能晚于今天（{today:%Y-%m-%d}）。")
    if form.channel not in {c.value for c in OpinionChannel}:
        raise OpinionInputError("channel", "请选择意见来源渠道。")
    name = normalize_text(form.resident_name)
    if len(name) > 50:
        raise OpinionInputError("resident_name", "群众姓名不能超过 50 个字。")
    phone = normalize_phone(form.resident_phone)
    if phone and not (is_mobile(phone) or is_landline(phone)):
        raise OpinionInputError("resident_phone", "联系电话格式不对：请填 11 位手机号或带区号的固定电话（如 0395-1234567）。")
    address = normalize_text(form.resident_address)
    if len(address) > 200:
        raise OpinionInputError("resident_address", "住址不能超过 200 个字。")
    if form.grid_id is not None and session.get(Grid, form.grid_id) is None:
        raise OpinionInputError("grid", "所选网格不存在，请重新选择。")
    if form.category not in category_names(session):
        raise OpinionInputError("category", f"意见分类“{form.category}”不在分类列表中，请重新选择。")
    content = form.content.strip()
    if not content:
        raise OpinionInputError("content", "请填写群众反映的问题或意见。")
    if len(content) > 2000:
        raise OpinionInputError("content", "意见内容不能超过 2000 个字，请概括后填写。")
    if form.urgency not in {u.value for u in Urgency}:
        raise OpinionInputError("urgency", "请选择紧急程度。")
    if form.activity_id is not None and session.get(Activity, form.activity_id) is None:
        raise OpinionInputError("channel", "关联的走访活动已被删除。")
    if form.reception_day_id is not None and session.get(ReceptionDay, form.reception_day_id) is None:
        raise OpinionInputError("channel", "关联的接待日已被删除。")
    return replace(form, resident_name=name, resident_phone=phone, resident_address=address, content=content)


def next_serial(session: Session, year: int) -> str:
    """2026-0001, 2026-0002 …: one more than the highest number of that year (gaps are kept)."""
    prefix = f"{year}-"
    highest = session.exec(select(func.max(func.cast(func.substr(Opinion.serial, len(prefix) + 1), Integer)))
                           .where(Opinion.serial.like(f"{prefix}%"))).one()
    return f"{prefix}{(highest or 0) + 1:04d}"


def register_opinion(session: Session, form: OpinionForm, today: dt.date) -> Opinion:
    form = validate_form(session, form, today)
    opinion = Opinion(serial=next_serial(session, form.received_on.year), received_on=form.received_on,
                      channel=form.channel, resident_name=form.resident_name, resident_phone=form.resident_phone,
                      resident_address=form.resident_address, grid_id=form.grid_id, category=form.category,
                      content=form.content, urgency=form.urgency, activity_id=form.activity_id,
                      reception_day_id=form.reception_day_id, status=S.REGISTERED.value)
    opinion.history.append(OpinionHistory(on=form.received_on, action=Step.REGISTER.value, from_status="",
                                          to_status=S.REGISTERED.value,
                                          note=f"{CHANNEL_NOTES.get(form.channel, '群众反映')}，登记需求单"))
    session.add(opinion)
    session.flush()
    return opinion


def update_form(session: Session, opinion_id: int, form: OpinionForm, today: dt.date) -> Opinion:
    """Correct the 需求单 (a typo, a missing phone). Audited; not a step of the loop.
    The received date cannot move past the first step taken after registering."""
    opinion = get_opinion(session, opinion_id)
    form = validate_form(session, form, today)
    later = [h.on for h in opinion.history if h.action != Step.REGISTER]
    if later and form.received_on > min(later):
        raise OpinionInputError("received_on", f"登记日期不能晚于之后的办理日期（{min(later):%Y-%m-%d}）。")
    for name in ("received_on", "channel", "resident_name", "resident_phone", "resident_address", "grid_id",
                 "category", "content", "urgency", "activity_id", "reception_day_id"):
        setattr(opinion, name, getattr(form, name))
    for entry in opinion.history:
        if entry.action == Step.REGISTER:
            entry.on = form.received_on
    session.add(opinion)
    session.flush()
    return opinion


def get_opinion(session: Session, opinion_id: int) -> Opinion:
    opinion = session.get(Opinion, opinion_id)
    if opinion is None:
        raise OpinionNotFoundError(opinion_id)
    return opinion


# --- the steps ----------------------------------------------------------------------------

def _last_step_on(opinion: Opinion) -> dt.date | None:
    return max((h.on for h in opinion.history), default=None)


def _take_step(opinion: Opinion, step: Step, on: dt.date, today: dt.date, note: str) -> str:
    """Check the step and its date, append the history row, set the new status."""
    target = target_status(step, opinion.status)
    check_step_date(on, received_on=opinion.received_on, last_step_on=_last_step_on(opinion), today=today)
    opinion.history.append(OpinionHistory(on=on, action=step.value, from_status=opinion.status, to_status=target,
                                          note=note))
    opinion.status = target
    return target


def _with_note(text: str, note: str) -> str:
    note = note.strip()
    return f"{text}：{note}" if note else text


def claim(session: Session, opinion_id: int, *, deputy_id: int, on: dt.date, today: dt.date,
          note: str = "") -> Opinion:
    """任务单: a serving deputy takes the matter on."""
    opinion = get_opinion(session, opinion_id)
    target_status(Step.CLAIM, opinion.status)
    deputy = session.get(Deputy, deputy_id)
    if deputy is None:
        raise OpinionInputError("deputy", "请选择认领的代表。")
    if deputy.status != DeputyStatus.SERVING:
        raise OpinionInputError("deputy", f"{deputy.name}已离任，不能认领意见。")
    _take_step(opinion, Step.CLAIM, on, today, _with_note(f"{deputy.name}代表认领，形成任务单", note))
    opinion.deputy_id = deputy.id
    session.add(opinion)
    session.flush()
    return opinion


def assign(session: Session, opinion_id: int, *, department_id: int, mode: str, due_on: dt.date | None,
           on: dt.date, today: dt.date, note: str = "") -> Opinion:
    """责任单: the matter goes to a department with a handling mode (四办) and a due date.
    On a matter already in hand it moves it to another department or mode."""
    opinion = get_opinion(session, opinion_id)
    target_status(Step.ASSIGN, opinion.status)
    department = session.get(Department, department_id) if department_id else None
    if department is None:
        raise OpinionInputError("department", "请选择承办的职能部门。")
    if mode not in {m.value for m in HandlingMode}:
        raise OpinionInputError("mode", "请选择办理方式：分办、交办、转办或督办。")
    check_due_date(due_on, on=on)
    text = f"{mode}至{department.name}，形成责任单，限{chinese_date(due_on)}前办结"
    _take_step(opinion, Step.ASSIGN, on, today, _with_note(text, note))
    opinion.department_id, opinion.handling_mode, opinion.due_on = department.id, mode, due_on
    session.add(opinion)
    session.flush()
    return opinion


def add_progress(session: Session, opinion_id: int, *, note: str, on: dt.date, today: dt.date) -> Opinion:
    opinion = get_opinion(session, opinion_id)
    target_status(Step.PROGRESS, opinion.status)
    if not note.strip():
        raise OpinionInputError("note", "请填写办理进展。")
    _take_step(opinion, Step.PROGRESS, on, today, note.strip())
    session.add(opinion)
    session.flush()
    return opinion


def supervise(session: Session, opinion_id: int, *, on: dt.date, today: dt.date, note: str = "",
              new_due_on: dt.date | None = None) -> Opinion:
    """督办: the office presses the department, usually once the due date has passed;
    it may give a new due date."""
    opinion = get_opinion(session, opinion_id)
    target_status(Step.SUPERVISE, opinion.status)
    if new_due_on is not None:
        check_due_date(new_due_on, on=on)
    department = session.get(Department, opinion.department_id)
    text = f"工委督办{department.name if department else '承办部门'}"
    if opinion.due_on and opinion.due_on < on:
        text += f"（已超期 {days_overdue(opinion.due_on, on)} 天）"
    if new_due_on and new_due_on != opinion.due_on:
        text += f"，办理期限改为{chinese_date(new_due_on)}"
    _take_step(opinion, Step.SUPERVISE, on, today, _with_note(text, note))
    opinion.handling_mode = HandlingMode.SUPERVISE.value
    if new_due_on:
        opinion.due_on = new_due_on
    session.add(opinion)
    session.flush()
    return opinion


def resolve(session: Session, opinion_id: int, *, result: str, on: dt.date, today: dt.date) -> Opinion:
    """办结: the department's result is recorded; the reply to the resident is still owed."""
    opinion = get_opinion(session, opinion_id)
    target_status(Step.RESOLVE, opinion.status)
    if not result.strip():
        raise OpinionInputError("result", "请填写办理结果。")
    _take_step(opinion, Step.RESOLVE, on, today, result.strip())
    opinion.result, opinion.resolved_on = result.strip(), on
    session.add(opinion)
    session.flush()
    return opinion


def reply(session: Session, opinion_id: int, *, text: str, method: str, on: dt.date, today: dt.date,
          satisfaction: str = "", new_due_on: dt.date | None = None) -> Opinion:
    """回音: the resident is told the result; this closes the matter. A 不满意 given with the
    reply reopens it at once (new_due_on is then required)."""
    opinion = get_opinion(session, opinion_id)
    target_status(Step.REPLY, opinion.status)
    if method and method not in {m.value for m in ReplyMethod}:
        raise OpinionInputError("reply_method", "请选择回复方式（电话、当面、短信、微信或书面）。")
    check_can_close(opinion.result, text, method)
    if satisfaction:
        check_satisfaction(satisfaction)
        if reopens(satisfaction):
            check_due_date(new_due_on, on=on)
    note = f"{method}回复" + (f"，群众评价：{satisfaction}" if satisfaction else "")
    _take_step(opinion, Step.REPLY, on, today, note)
    opinion.reply, opinion.reply_method, opinion.replied_on, opinion.closed_on = text.strip(), method, on, on
    opinion.satisfaction = satisfaction
    session.add(opinion)
    session.flush()
    if reopens(satisfaction):
        return reopen(session, opinion_id, on=on, today=today, due_on=new_due_on, reason="群众评价不满意")
    return opinion


def rate(session: Session, opinion_id: int, *, satisfaction: str, on: dt.date, today: dt.date, note: str = "",
         new_due_on: dt.date | None = None) -> Opinion:
    """The resident's verdict after the reply; 不满意 reopens the matter (重办)."""
    opinion = get_opinion(session, opinion_id)
    target_status(Step.RATE, opinion.status)
    check_satisfaction(satisfaction)
    if reopens(satisfaction):
        check_due_date(new_due_on, on=on)
    _take_step(opinion, Step.RATE, on, today, _with_note(f"群众评价：{satisfaction}", note))
    opinion.satisfaction = satisfaction
    session.add(opinion)
    session.flush()
    if reopens(satisfaction):
        return reopen(session, opinion_id, on=on, today=today, due_on=new_due_on, reason="群众评价不满意")
    return opinion


def reopen(session: Session, opinion_id: int, *, on: dt.date, today: dt.date, due_on: dt.date | None,
           reason: str) -> Opinion:
    """重办: back to the department with a new due date; the old result and reply stay in the
    history, the fields are cleared so a new result and a new reply must be recorded."""
    opinion = get_opinion(session, opinion_id)
    target_status(Step.REOPEN, opinion.status)
    if not reason.strip():
        raise OpinionInputError("note", "请填写重新办理的原因。")
    check_due_date(due_on, on=on)
    department = session.get(Department, opinion.department_id)
    text = f"{reason.strip()}，重新交{department.name if department else '承办部门'}办理，限{chinese_date(due_on)}前办结"
    _take_step(opinion, Step.REOPEN, on, today, text)
    opinion.due_on = due_on
    opinion.result, opinion.resolved_on = "", None
    opinion.reply, opinion.reply_method, opinion.replied_on, opinion.closed_on = "", "", None, None
    session.add(opinion)
    session.flush()
    return opinion


def reject(session: Session, opinion_id: int, *, reason: str, referred_to: str, on: dt.date, today: dt.date,
           note: str = "") -> Opinion:
    """不予受理: lawsuits, arbitration and petition matters go where they belong."""
    opinion = get_opinion(session, opinion_id)
    target_status(Step.REJECT, opinion.status)
    check_reject(reason, referred_to, note)
    referred_to = referred_to.strip()
    text = f"属{reason}事项，不予受理，已引导至{referred_to}" if reason != "其他" else f"不予受理，已引导至{referred_to}"
    _take_step(opinion, Step.REJECT, on, today, _with_note(text, note))
    opinion.reject_reason, opinion.referred_to, opinion.closed_on = reason, referred_to, on
    session.add(opinion)
    session.flush()
    return opinion


# --- reading ------------------------------------------------------------------------------

@dataclass(slots=True)
class OpinionRow:
    """One line of the opinion list: the resident's details masked."""
    id: int
    serial: str
    received_on: dt.date
    channel: str
    resident: str          # 张*
    phone: str             # 138****1234
    address: str           # 幸福花园…
    grid: str
    category: str
    content: str
    urgency: str
    deputy: str
    department: str
    handling_mode: str
    due_on: dt.date | None
    status: str
    resolved_on: dt.date | None
    replied_on: dt.date | None
    satisfaction: str
    in_suggestion: bool     # a 代表建议 grew from it (services/outcomes)
    in_project: bool        # a 为民办实事 project answers it
    overdue: bool
    due_soon: bool
    deputy_id: int | None = None
    department_id: int | None = None
    grid_id: int | None = None

    @property
    def flags(self) -> str:
        return "、".join(label for on, label in ((self.in_suggestion, "代表建议"), (self.in_project, "实事")) if on)


@dataclass(frozen=True)
class OpinionFilter:
    """What the list shows. Dates select by received date; `include_unfinished` adds every
    matter still open whenever it came in, so an old overdue matter is never out of sight."""
    start: dt.date | None = None
    end: dt.date | None = None
    include_unfinished: bool = True
    status: str | None = None          # an OpinionStatus value
    category: str | None = None
    deputy_id: int | None = None
    department_id: int | None = None
    grid_id: int | None = None
    due: str = ""                      # "overdue" or "soon" (due within the week): matters in 办理中 only


OVERDUE, DUE_SOON = "overdue", "soon"

_IN_SUGGESTION = exists().where(SuggestionOpinionLink.opinion_id == Opinion.id).correlate(Opinion)
_IN_PROJECT = exists().where(ProjectOpinionLink.opinion_id == Opinion.id).correlate(Opinion)
_LIST_COLUMNS = (Opinion.id, Opinion.serial, Opinion.received_on, Opinion.channel, Opinion.resident_name,
                 Opinion.resident_phone, Opinion.resident_address, Grid.code, Opinion.category, Opinion.content,
                 Opinion.urgency, Deputy.name, Department.name, Opinion.handling_mode, Opinion.due_on,
                 Opinion.status, Opinion.resolved_on, Opinion.replied_on, Opinion.satisfaction,
                 _IN_SUGGESTION, _IN_PROJECT, Opinion.deputy_id, Opinion.department_id,
                 Opinion.grid_id)


def list_opinions(session: Session, *, today: dt.date, where: OpinionFilter = OpinionFilter()) -> list[OpinionRow]:
    """Newest first."""
    ids = _matching_ids(where)
    query = (select(*_LIST_COLUMNS)
             .join(Grid, Grid.id == Opinion.grid_id, isouter=True)
             .join(Deputy, Deputy.id == Opinion.deputy_id, isouter=True)
             .join(Department, Department.id == Opinion.department_id, isouter=True)
             .order_by(Opinion.received_on.desc(), Opinion.id.desc()))
    if ids is not None:
        query = query.where(Opinion.id.in_(ids))
    for condition in _narrowing(where, today):
        query = query.where(condition)
    return [_row(values, today) for values in session.connection().execute(query)]


def _matching_ids(where: OpinionFilter):
    """The ids in the date window, plus the unfinished ones (a UNION: each half uses its index)."""
    if where.start is None and where.end is None:
        return None
    in_window = select(Opinion.id)
    if where.start:
        in_window = in_window.where(Opinion.received_on >= where.start)
    if where.end:
        in_window = in_window.where(Opinion.received_on <= where.end)
    if not where.include_unfinished:
        return in_window
    unfinished = select(Opinion.id).where(Opinion.status.in_(_unfinished_statuses()))
    return union(in_window, unfinished)


def _unfinished_statuses() -> list[str]:
    return [s.value for s in S if s not in FINISHED_STATUSES]


def _narrowing(where: OpinionFilter, today: dt.date) -> list:
    conditions = []
    if where.due == OVERDUE:
        conditions += [Opinion.status == S.ASSIGNED.value, Opinion.due_on < today]
    elif where.due == DUE_SOON:
        conditions += [Opinion.status == S.ASSIGNED.value, Opinion.due_on >= today,
                       Opinion.due_on < today + dt.timedelta(days=DUE_SOON_DAYS)]
    if where.status:
        conditions.append(Opinion.status == where.status)
    if where.category:
        conditions.append(Opinion.category == where.category)
    if where.deputy_id:
        conditions.append(Opinion.deputy_id == where.deputy_id)
    if where.department_id:
        conditions.append(Opinion.department_id == where.department_id)
    if where.grid_id:
        conditions.append(Opinion.grid_id == where.grid_id)
    return conditions


def _row(values, today: dt.date) -> OpinionRow:
    (id_, serial, received_on, channel, name, phone, address, grid, category, content, urgency, deputy, department,
     mode, due_on, status, resolved_on, replied_on, satisfaction, suggestion, practical, deputy_id, department_id,
     grid_id) = values
    return OpinionRow(id_, serial, received_on, channel, mask_name(name), mask_phone(phone), shorten_address(address),
                      grid or "", category, content, urgency, deputy or "", department or "", mode, due_on, status,
                      resolved_on, replied_on, satisfaction, bool(suggestion), bool(practical),
                      is_overdue(status, due_on, today), due_within(status, due_on, today, DUE_SOON_DAYS),
                      deputy_id, department_id, grid_id)


@dataclass(frozen=True)
class DueSummary:
    """What the status bar and the start-up list say: overdue, and due within the week."""
    overdue: list[OpinionRow]
    due_soon: list[OpinionRow]

    def describe(self) -> str:
        return f"超期 {len(self.overdue)} 件，本周到期 {len(self.due_soon)} 件"


def due_summary(session: Session, today: dt.date) -> DueSummary:
    """Matters a department holds (办理中) that are past due or due within seven days, most urgent first."""
    query = (select(*_LIST_COLUMNS)
             .join(Grid, Grid.id == Opinion.grid_id, isouter=True)
             .join(Deputy, Deputy.id == Opinion.deputy_id, isouter=True)
             .join(Department, Department.id == Opinion.department_id, isouter=True)
             .where(Opinion.status == S.ASSIGNED.value,
                    Opinion.due_on < today + dt.timedelta(days=DUE_SOON_DAYS))
             .order_by(Opinion.due_on, Opinion.id))
    rows = [_row(values, today) for values in session.connection().execute(query)]
    return DueSummary([r for r in rows if r.overdue], [r for r in rows if r.due_soon])


def status_counts(rows) -> dict[str, int]:
    counts = {s.value: 0 for s in S}
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    return counts


@dataclass(frozen=True)
class HistoryEntry:
    on: dt.date
    action: str
    from_status: str
    to_status: str
    note: str


@dataclass(frozen=True)
class OpinionDetail:
    """Everything the form shows, resident details in full."""
    opinion: Opinion
    grid: str
    deputy: str
    deputy_levels: str
    department: str
    source: str                       # "2026-03-04 入户走访 幸福花园" or "2026-03-04 接待日 中心联络站"
    history: list[HistoryEntry] = field(default_factory=list)
    allowed: list[Step] = field(default_factory=list)
    overdue: bool = False
    days_overdue: int = 0


def opinion_detail(session: Session, opinion_id: int, today: dt.date) -> OpinionDetail:
    opinion = get_opinion(session, opinion_id)
    grid = session.get(Grid, opinion.grid_id) if opinion.grid_id else None
    deputy = session.get(Deputy, opinion.deputy_id) if opinion.deputy_id else None
    department = session.get(Department, opinion.department_id) if opinion.department_id else None
    history = [HistoryEntry(h.on, h.action, h.from_status, h.to_status, h.note)
               for h in sorted(opinion.history, key=lambda h: (h.on, h.id))]
    overdue = is_overdue(opinion.status, opinion.due_on, today)
    return OpinionDetail(opinion, f"{grid.code} {grid.name}" if grid else "", deputy.name if deputy else "",
                         deputy.levels if deputy else "", department.name if department else "",
                         source_label(session, opinion), history, allowed_steps(opinion.status), overdue,
                         days_overdue(opinion.due_on, today) if overdue else 0)


def source_label(session: Session, opinion: Opinion) -> str:
    if opinion.activity_id:
        activity = session.get(Activity, opinion.activity_id)
        if activity:
            return f"{activity.date:%Y-%m-%d} {activity.kind} {activity.place}".strip()
    if opinion.reception_day_id:
        day = session.get(ReceptionDay, opinion.reception_day_id)
        if day:
            station = session.get(Station, day.station_id)
            return f"{day.date:%Y-%m-%d} 接待日 {station.name if station else ''}".strip()
    return ""


# --- lists the forms offer ----------------------------------------------------------------

def category_names(session: Session) -> list[str]:
    return list(session.exec(select(OpinionCategory.name).order_by(OpinionCategory.sort_order, OpinionCategory.id)))


def latest_step_id(session: Session) -> int:
    """Grows with every registration and step: a cheap way to see whether opinions changed."""
    return session.exec(select(func.max(OpinionHistory.id))).one() or 0


def first_received_on(session: Session) -> dt.date | None:
    return session.exec(select(func.min(Opinion.received_on))).one()


def more_opinions_than(session: Session, limit: int) -> bool:
    """Whether there are more than `limit` opinions, without counting a big office's to the end."""
    return session.exec(select(func.count()).select_from(select(Opinion.id).limit(limit + 1).subquery())).one() > limit


def opinions_of_activity(session: Session, activity_id: int) -> list[tuple[int, str, str]]:
    """(id, serial, status) of the opinions registered from an activity."""
    return list(session.exec(select(Opinion.id, Opinion.serial, Opinion.status)
                             .where(Opinion.activity_id == activity_id).order_by(Opinion.id)))
