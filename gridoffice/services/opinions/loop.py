"""民情办理: take an opinion round the loop (认领 → 交办 → 办结 → 回复, with 进展, 督办, 评价, 重办
and 不予受理); every step is written to its history. Which step may follow which lives in
domain/opinion_rules.py; registering the 需求单 in register.py.

Each step takes the Database and is one transaction; `today` is given, so dates are checked
against a given day, never against the clock.
"""
import datetime as dt

from sqlmodel import Session

from gridoffice.db import Database
from gridoffice.domain import Department, Deputy, Opinion, OpinionHistory
from gridoffice.domain.dates import chinese_date
from gridoffice.domain.enums import DeputyStatus, HandlingMode, ReplyMethod
from gridoffice.domain.opinion_rules import (OpinionRuleError, Step, check_can_close, check_due_date, check_reject,
                                             check_satisfaction, check_step_date, days_overdue, reopens,
                                             target_status)

OpinionInputError = OpinionRuleError   # what forms catch: .field names the field


class OpinionNotFoundError(LookupError):
    def __init__(self, opinion_id: int):
        super().__init__(f"找不到这条意见（编号 {opinion_id}），可能已被删除。")


def get_opinion(session: Session, opinion_id: int) -> Opinion:
    opinion = session.get(Opinion, opinion_id)
    if opinion is None:
        raise OpinionNotFoundError(opinion_id)
    return opinion


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


def _save(session: Session, opinion: Opinion) -> Opinion:
    session.add(opinion)
    session.flush()
    return opinion


def _with_note(text: str, note: str) -> str:
    note = note.strip()
    return f"{text}：{note}" if note else text


def _department_name(session: Session, opinion: Opinion) -> str:
    department = session.get(Department, opinion.department_id) if opinion.department_id else None
    return department.name if department else "承办部门"


def claim(db: Database, opinion_id: int, *, deputy_id: int | None, on: dt.date, today: dt.date,
          note: str = "") -> Opinion:
    """任务单: a serving deputy takes the matter on."""
    with db.session() as session:
        opinion = get_opinion(session, opinion_id)
        target_status(Step.CLAIM, opinion.status)
        deputy = session.get(Deputy, deputy_id) if deputy_id else None
        if deputy is None:
            raise OpinionInputError("deputy", "请选择认领的代表。")
        if deputy.status != DeputyStatus.SERVING:
            raise OpinionInputError("deputy", f"{deputy.name}已离任，不能认领意见。")
        _take_step(opinion, Step.CLAIM, on, today, _with_note(f"{deputy.name}代表认领，形成任务单", note))
        opinion.deputy_id = deputy.id
        return _save(session, opinion)


def assign(db: Database, opinion_id: int, *, department_id: int | None, mode: str, due_on: dt.date | None,
           on: dt.date, today: dt.date, note: str = "") -> Opinion:
    """责任单: the matter goes to a department with a handling mode (四办) and a due date.
    On a matter already in hand it moves it to another department or mode."""
    with db.session() as session:
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
        return _save(session, opinion)


def add_progress(db: Database, opinion_id: int, *, note: str, on: dt.date, today: dt.date) -> Opinion:
    with db.session() as session:
        opinion = get_opinion(session, opinion_id)
        target_status(Step.PROGRESS, opinion.status)
        if not note.strip():
            raise OpinionInputError("note", "请填写办理进展。")
        _take_step(opinion, Step.PROGRESS, on, today, note.strip())
        return _save(session, opinion)


def supervise(db: Database, opinion_id: int, *, on: dt.date, today: dt.date, note: str = "",
              new_due_on: dt.date | None = None) -> Opinion:
    """督办: the office presses the department, usually once the due date has passed;
    it may give a new due date."""
    with db.session() as session:
        opinion = get_opinion(session, opinion_id)
        target_status(Step.SUPERVISE, opinion.status)
        if new_due_on is not None:
            check_due_date(new_due_on, on=on)
        text = f"工委督办{_department_name(session, opinion)}"
        if opinion.due_on and opinion.due_on < on:
            text += f"（已超期 {days_overdue(opinion.due_on, on)} 天）"
        if new_due_on and new_due_on != opinion.due_on:
            text += f"，办理期限改为{chinese_date(new_due_on)}"
        _take_step(opinion, Step.SUPERVISE, on, today, _with_note(text, note))
        opinion.handling_mode = HandlingMode.SUPERVISE.value
        if new_due_on:
            opinion.due_on = new_due_on
        return _save(session, opinion)


def resolve(db: Database, opinion_id: int, *, result: str, on: dt.date, today: dt.date) -> Opinion:
    """办结: the department's result is recorded; the reply to the resident is still owed."""
    with db.session() as session:
        opinion = get_opinion(session, opinion_id)
        target_status(Step.RESOLVE, opinion.status)
        if not result.strip():
            raise OpinionInputError("result", "请填写办理结果。")
        _take_step(opinion, Step.RESOLVE, on, today, result.strip())
        opinion.result, opinion.resolved_on = result.strip(), on
        return _save(session, opinion)


def reply(db: Database, opinion_id: int, *, text: str, method: str, on: dt.date, today: dt.date,
          satisfaction: str = "", new_due_on: dt.date | None = None) -> Opinion:
    """回音: the resident is told the result; this closes the matter. A 不满意 given with the
    reply reopens it at once (new_due_on is then required)."""
    with db.session() as session:
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
        _save(session, opinion)
        if reopens(satisfaction):
            return _reopen(session, opinion_id, on=on, today=today, due_on=new_due_on, reason="群众评价不满意")
        return opinion


def rate(db: Database, opinion_id: int, *, satisfaction: str, on: dt.date, today: dt.date, note: str = "",
         new_due_on: dt.date | None = None) -> Opinion:
    """The resident's verdict after the reply; 不满意 reopens the matter (重办)."""
    with db.session() as session:
        opinion = get_opinion(session, opinion_id)
        target_status(Step.RATE, opinion.status)
        check_satisfaction(satisfaction)
        if reopens(satisfaction):
            check_due_date(new_due_on, on=on)
        _take_step(opinion, Step.RATE, on, today, _with_note(f"群众评价：{satisfaction}", note))
        opinion.satisfaction = satisfaction
        _save(session, opinion)
        if reopens(satisfaction):
            return _reopen(session, opinion_id, on=on, today=today, due_on=new_due_on, reason="群众评价不满意")
        return opinion


def reopen(db: Database, opinion_id: int, *, on: dt.date, today: dt.date, due_on: dt.date | None,
           reason: str) -> Opinion:
    """重办: back to the department with a new due date."""
    with db.session() as session:
        return _reopen(session, opinion_id, on=on, today=today, due_on=due_on, reason=reason)


def _reopen(session: Session, opinion_id: int, *, on: dt.date, today: dt.date, due_on: dt.date | None,
            reason: str) -> Opinion:
    """The old result and reply stay in the history; the fields are cleared so a new result and
    a new reply must be recorded."""
    opinion = get_opinion(session, opinion_id)
    target_status(Step.REOPEN, opinion.status)
    if not reason.strip():
        raise OpinionInputError("note", "请填写重新办理的原因。")
    check_due_date(due_on, on=on)
    text = f"{reason.strip()}，重新交{_department_name(session, opinion)}办理，限{chinese_date(due_on)}前办结"
    _take_step(opinion, Step.REOPEN, on, today, text)
    opinion.due_on = due_on
    opinion.result, opinion.resolved_on = "", None
    opinion.reply, opinion.reply_method, opinion.replied_on, opinion.closed_on = "", "", None, None
    return _save(session, opinion)


def reject(db: Database, opinion_id: int, *, reason: str, referred_to: str, on: dt.date, today: dt.date,
           note: str = "") -> Opinion:
    """不予受理: lawsuits, arbitration and petition matters go where they belong."""
    with db.session() as session:
        opinion = get_opinion(session, opinion_id)
        target_status(Step.REJECT, opinion.status)
        check_reject(reason, referred_to, note)
        referred_to = referred_to.strip()
        text = (f"属{reason}事项，不予受理，已引导至{referred_to}" if reason != "其他"
                else f"不予受理，已引导至{referred_to}")
        _take_step(opinion, Step.REJECT, on, today, _with_note(text, note))
        opinion.reject_reason, opinion.referred_to, opinion.closed_on = reason, referred_to, on
        return _save(session, opinion)

