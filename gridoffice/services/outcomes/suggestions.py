"""代表建议: formed from residents' opinions (or by deputies alone), handed to a department,
answered, and judged by the deputies; 不满意 sends it back. Every step is written to its history.

    suggestion_id = create_suggestion(db, SuggestionForm(...), today=today)
    assign_suggestion(db, suggestion_id, on=today, today=today)          # 交办, deadline 90 days
    record_reply(db, suggestion_id, reply="…", on=day, today=today)       # 办结
    record_verdict(db, suggestion_id, verdict="不满意", on=day, today=today)  # back to 办理中
"""
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import (Campaign, Department, Deputy, Opinion, Project, Suggestion, SuggestionAttachment,
                               SuggestionDeputyLink, SuggestionHistory, SuggestionOpinionLink)
from gridoffice.domain.dates import chinese_date
from gridoffice.domain.outcome_rules import (REOPEN_DUE_DAYS, SUGGESTION_DUE_DAYS, OutcomeInputError,
                                             OutcomeStateError, SuggestionRole, SuggestionStatus, SuggestionStep,
                                             check_not_future, check_text, check_verdict, suggestion_overdue,
                                             suggestion_target, verdict_reopens)

from .common import (check_campaign, check_deputies, check_department, check_opinions, first_sentence,
                     get_record, next_serial)
from .files import FilesOfTransaction, check_file

SS = SuggestionStatus
SERIAL_PREFIX = "JY"
ATTACHMENT_FOLDER = "代表建议附件"


@dataclass
class SuggestionForm:
    """The 代表建议 as the clerk fills it in. No lead deputy: the deputy who claimed the first
    of the opinions leads, and the other claimants co-sign."""
    title: str
    submitted_on: dt.date
    content: str = ""
    category: str = ""
    department_id: int | None = None
    lead_deputy_id: int | None = None
    cosigner_ids: Sequence[int] = ()
    opinion_ids: Sequence[int] = ()
    campaign_id: int | None = None
    notes: str = ""


def _validate(session: Session, form: SuggestionForm, today: dt.date) -> SuggestionForm:
    title = check_text(form.title, "title", "建议标题", 200)
    content = check_text(form.content, "content", "建议内容", 5000, required=False)
    check_not_future(form.submitted_on, today, "submitted_on", "提出日期")
    category = check_text(form.category, "category", "建议分类", 30, required=False)
    check_department(session, form.department_id)
    check_campaign(session, form.campaign_id)
    opinion_ids = check_opinions(session, form.opinion_ids)
    lead, cosigners = form.lead_deputy_id, list(form.cosigner_ids)
    if lead is None and opinion_ids:
        claimants = [d for d in session.exec(select(Opinion.deputy_id).where(Opinion.id.in_(opinion_ids))
                                             .order_by(Opinion.received_on, Opinion.id)) if d is not None]
        claimants = list(dict.fromkeys(claimants))
        if claimants:
            lead, cosigners = claimants[0], cosigners or claimants[1:]
    if lead is None:
        raise OutcomeInputError("lead_deputy", "请选择领衔代表（所选意见都还没有代表认领）。")
    lead, = check_deputies(session, [lead], form.submitted_on, "lead_deputy", what="领衔代表")
    cosigners = [d for d in check_deputies(session, cosigners, form.submitted_on, "cosigners", what="附议代表")
                 if d != lead]
    if not content and opinion_ids:
        content = "\n".join(session.exec(select(Opinion.content).where(Opinion.id.in_(opinion_ids))
                                         .order_by(Opinion.received_on, Opinion.id)))
    if not category and opinion_ids:
        categories = Counter(session.exec(select(Opinion.category).where(Opinion.id.in_(opinion_ids))))
        category = categories.most_common(1)[0][0]
    return replace(form, title=title, content=content[:5000], category=category, lead_deputy_id=lead,
                   cosigner_ids=cosigners, opinion_ids=opinion_ids, notes=form.notes.strip())


def create_suggestion(db: Database, form: SuggestionForm, *, today: dt.date) -> int:
    """A new suggestion in 提出; returns its id."""
    with db.session() as session:
        return _create(session, form, today).id


def _create(session: Session, form: SuggestionForm, today: dt.date) -> Suggestion:
    form = _validate(session, form, today)
    suggestion = Suggestion(serial=next_serial(session, Suggestion.serial, SERIAL_PREFIX, form.submitted_on.year),
                            title=form.title, content=form.content, category=form.category,
                            submitted_on=form.submitted_on, department_id=form.department_id,
                            status=SS.SUBMITTED.value, campaign_id=form.campaign_id, notes=form.notes)
    session.add(suggestion)
    session.flush()
    _set_deputies(session, suggestion.id, form.lead_deputy_id, form.cosigner_ids)
    for opinion_id in form.opinion_ids:
        session.add(SuggestionOpinionLink(suggestion_id=suggestion.id, opinion_id=opinion_id))
    serials = _serials(session, form.opinion_ids)
    note = f"由民情意见 {'、'.join(serials)} 形成代表建议" if serials else "代表提出建议"
    session.add(SuggestionHistory(suggestion_id=suggestion.id, on=form.submitted_on, action=SuggestionStep.SUBMIT.value,
                                  from_status="", to_status=SS.SUBMITTED.value, note=note))
    session.flush()
    return suggestion


def _serials(session: Session, opinion_ids: Sequence[int]) -> list[str]:
    if not opinion_ids:
        return []
    return list(session.exec(select(Opinion.serial).where(Opinion.id.in_(list(opinion_ids))).order_by(Opinion.serial)))


def _set_deputies(session: Session, suggestion_id: int, lead: int, cosigners: Sequence[int]) -> None:
    wanted = {lead: SuggestionRole.LEAD.value, **{d: SuggestionRole.COSIGN.value for d in cosigners if d != lead}}
    current = {link.deputy_id: link for link in
               session.exec(select(SuggestionDeputyLink).where(SuggestionDeputyLink.suggestion_id == suggestion_id))}
    for deputy_id, link in current.items():
        if deputy_id not in wanted:
            session.delete(link)
        elif link.role != wanted[deputy_id]:
            link.role = wanted[deputy_id]
            session.add(link)
    for deputy_id, role in wanted.items():
        if deputy_id not in current:
            session.add(SuggestionDeputyLink(suggestion_id=suggestion_id, deputy_id=deputy_id, role=role))


def draft_from_opinions(db: Database, opinion_ids: Sequence[int], *, today: dt.date) -> SuggestionForm:
    """What the form starts with when the clerk selects opinions in 民情办理 and chooses 形成代表建议:
    a title from the first opinion, their contents, the claimants as deputies, the usual department."""
    with db.session() as session:
        ids = check_opinions(session, opinion_ids)
        opinions = list(session.exec(select(Opinion).where(Opinion.id.in_(ids))
                                     .order_by(Opinion.received_on, Opinion.id))) if ids else []
    if not opinions:
        return SuggestionForm(title="", submitted_on=today)
    claimants = list(dict.fromkeys(o.deputy_id for o in opinions if o.deputy_id))
    departments = Counter(o.department_id for o in opinions if o.department_id)
    category = Counter(o.category for o in opinions).most_common(1)[0][0]
    title = f"关于{first_sentence(opinions[0].content, 30)}的建议"
    if len(opinions) > 1:
        title = f"关于{category}方面群众反映问题的建议（{len(opinions)}条意见）"
    return SuggestionForm(title=title, submitted_on=today, content="\n".join(o.content for o in opinions),
                          category=category, department_id=departments.most_common(1)[0][0] if departments else None,
                          lead_deputy_id=claimants[0] if claimants else None, cosigner_ids=claimants[1:],
                          opinion_ids=[o.id for o in opinions])


def update_suggestion(db: Database, suggestion_id: int, form: SuggestionForm, *, today: dt.date) -> None:
    """Correct the record (title, text, deputies, opinions, campaign). The department changes
    through 交办 once the suggestion has been handed over; the date cannot pass a later step."""
    with db.session() as session:
        suggestion = get_record(session, Suggestion, suggestion_id, "代表建议")
        form = _validate(session, form, today)
        later = [h.on for h in _history(session, suggestion_id) if h.action != SuggestionStep.SUBMIT]
        if later and form.submitted_on > min(later):
            raise OutcomeInputError("submitted_on", f"提出日期不能晚于之后的办理日期（{min(later):%Y-%m-%d}）。")
        if suggestion.status != SS.SUBMITTED and form.department_id != suggestion.department_id:
            raise OutcomeInputError("department", "建议已交办：改换承办部门请使用“交办”（会记入办理记录）。")
        suggestion.title, suggestion.content, suggestion.category = form.title, form.content, form.category
        suggestion.submitted_on, suggestion.department_id = form.submitted_on, form.department_id
        suggestion.campaign_id, suggestion.notes = form.campaign_id, form.notes
        session.add(suggestion)
        for entry in _history(session, suggestion_id):
            if entry.action == SuggestionStep.SUBMIT and entry.on != form.submitted_on:
                entry.on = form.submitted_on
                session.add(entry)
        _set_deputies(session, suggestion_id, form.lead_deputy_id, form.cosigner_ids)
        _set_opinions(session, suggestion, form.opinion_ids, today)


def _set_opinions(session: Session, suggestion: Suggestion, opinion_ids: Sequence[int], today: dt.date) -> None:
    current = {link.opinion_id: link for link in
               session.exec(select(SuggestionOpinionLink).where(SuggestionOpinionLink.suggestion_id == suggestion.id))}
    added = [i for i in opinion_ids if i not in current]
    removed = [link for opinion_id, link in current.items() if opinion_id not in opinion_ids]
    for link in removed:
        session.delete(link)
    for opinion_id in added:
        session.add(SuggestionOpinionLink(suggestion_id=suggestion.id, opinion_id=opinion_id))
    if added or removed:
        notes = []
        if added:
            notes.append(f"关联民情意见 {'、'.join(_serials(session, added))}")
        if removed:
            notes.append(f"取消关联民情意见 {'、'.join(_serials(session, [l.opinion_id for l in removed]))}")
        on = max(today, suggestion.submitted_on)
        session.add(SuggestionHistory(suggestion_id=suggestion.id, on=on, action=SuggestionStep.LINK.value,
                                      from_status=suggestion.status, to_status=suggestion.status,
                                      note="，".join(notes)))
    session.flush()


def link_opinions(db: Database, suggestion_id: int, opinion_ids: Sequence[int], *, today: dt.date) -> None:
    """Add opinions to a suggestion (a later opinion on the same matter)."""
    with db.session() as session:
        suggestion = get_record(session, Suggestion, suggestion_id, "代表建议")
        ids = check_opinions(session, opinion_ids)
        current = list(session.exec(select(SuggestionOpinionLink.opinion_id)
                                    .where(SuggestionOpinionLink.suggestion_id == suggestion_id)))
        _set_opinions(session, suggestion, [*current, *[i for i in ids if i not in current]], today)


def delete_suggestion(db: Database, suggestion_id: int) -> None:
    """Only a suggestion not yet handed to a department; its links and attachments go with it."""
    with db.session() as session:
        suggestion = get_record(session, Suggestion, suggestion_id, "代表建议")
        if suggestion.status != SS.SUBMITTED:
            raise OutcomeStateError(f"建议 {suggestion.serial} 已{suggestion.status}，不能删除（办理记录须保留）。")
        files = FilesOfTransaction(session)
        for model in (SuggestionDeputyLink, SuggestionOpinionLink, SuggestionHistory, SuggestionAttachment):
            for row in session.exec(select(model).where(model.suggestion_id == suggestion_id)).all():
                if isinstance(row, SuggestionAttachment):
                    files.delete_on_commit(db.attachments_dir, row.file)
                session.delete(row)
        for project in session.exec(select(Project).where(Project.suggestion_id == suggestion_id)).all():
            project.suggestion_id = None
            session.add(project)
        session.flush()
        session.delete(suggestion)


# --- the steps ---------------------------------------------------------------------------------

def _history(session: Session, suggestion_id: int) -> list[SuggestionHistory]:
    return list(session.exec(select(SuggestionHistory).where(SuggestionHistory.suggestion_id == suggestion_id)
                             .order_by(SuggestionHistory.id)))


def _step(session: Session, suggestion: Suggestion, step: SuggestionStep, on: dt.date, today: dt.date,
          note: str) -> str:
    """Check the step and its date; write the history row; set the new status."""
    target = suggestion_target(step, suggestion.status)
    if on > today:
        raise OutcomeInputError("on", f"日期不能晚于今天（{today:%Y-%m-%d}）。")
    if on < suggestion.submitted_on:
        raise OutcomeInputError("on", f"日期不能早于建议的提出日期（{suggestion.submitted_on:%Y-%m-%d}）。")
    last = max((h.on for h in _history(session, suggestion.id)), default=None)
    if last and on < last:
        raise OutcomeInputError("on", f"日期不能早于上一步办理的日期（{last:%Y-%m-%d}）。")
    session.add(SuggestionHistory(suggestion_id=suggestion.id, on=on, action=step.value,
                                  from_status=suggestion.status, to_status=target, note=note))
    suggestion.status = target
    session.add(suggestion)
    return target


def _with_note(text: str, note: str) -> str:
    return f"{text}：{note.strip()}" if note.strip() else text


def assign_suggestion(db: Database, suggestion_id: int, *, on: dt.date, today: dt.date,
                      department_id: int | None = None, due_on: dt.date | None = None, note: str = "") -> None:
    """交办: to the department named (or the one on the record), answer due in 90 days unless given.
    On a suggestion already in hand it moves it to another department (转交)."""
    with db.session() as session:
        suggestion = get_record(session, Suggestion, suggestion_id, "代表建议")
        department_id = department_id or suggestion.department_id
        department = session.get(Department, department_id) if department_id else None
        if department is None:
            raise OutcomeInputError("department", "请选择承办的职能部门。")
        due_on = due_on or on + dt.timedelta(days=SUGGESTION_DUE_DAYS)
        if due_on < on:
            raise OutcomeInputError("due_on", f"答复期限不能早于交办日期（{on:%Y-%m-%d}）。")
        again = suggestion.status != SS.SUBMITTED
        text = f"{'转交' if again else '交'}{department.name}办理，限{chinese_date(due_on)}前答复"
        _step(session, suggestion, SuggestionStep.ASSIGN, on, today, _with_note(text, note))
        suggestion.department_id, suggestion.due_on = department.id, due_on
        suggestion.assigned_on = suggestion.assigned_on if again else on
        session.add(suggestion)


def record_progress(db: Database, suggestion_id: int, *, note: str, on: dt.date, today: dt.date) -> None:
    """办理: what the department has done so far (it is now 办理中)."""
    with db.session() as session:
        suggestion = get_record(session, Suggestion, suggestion_id, "代表建议")
        text = check_text(note, "note", "办理情况", 2000)
        _step(session, suggestion, SuggestionStep.PROGRESS, on, today, text)


def record_reply(db: Database, suggestion_id: int, *, reply: str, on: dt.date, today: dt.date) -> None:
    """答复: the department's written reply; the suggestion is 办结 and awaits the deputies' verdict."""
    with db.session() as session:
        suggestion = get_record(session, Suggestion, suggestion_id, "代表建议")
        text = check_text(reply, "reply", "承办部门的答复", 5000)
        _step(session, suggestion, SuggestionStep.REPLY, on, today, text)
        suggestion.reply, suggestion.replied_on = text, on
        suggestion.verdict, suggestion.verdict_on = "", None
        session.add(suggestion)


def record_verdict(db: Database, suggestion_id: int, *, verdict: str, on: dt.date, today: dt.date,
                   new_due_on: dt.date | None = None, note: str = "") -> str:
    """The deputies' verdict on the reply. 不满意 reopens the suggestion (办理中, a new deadline,
    30 days unless given); the reply stays in the history. Returns the new status."""
    with db.session() as session:
        suggestion = get_record(session, Suggestion, suggestion_id, "代表建议")
        check_verdict(verdict)
        _step(session, suggestion, SuggestionStep.VERDICT, on, today, _with_note(f"代表评价：{verdict}", note))
        suggestion.verdict, suggestion.verdict_on = verdict, on
        if verdict_reopens(verdict):
            due_on = new_due_on or on + dt.timedelta(days=REOPEN_DUE_DAYS)
            if due_on < on:
                raise OutcomeInputError("due_on", f"新的答复期限不能早于评价日期（{on:%Y-%m-%d}）。")
            department = session.get(Department, suggestion.department_id)
            _step(session, suggestion, SuggestionStep.REOPEN, on, today,
                  f"代表对答复不满意，重新交{department.name if department else '承办部门'}办理，"
                  f"限{chinese_date(due_on)}前再次答复")
            suggestion.due_on, suggestion.reply, suggestion.replied_on = due_on, "", None
        session.add(suggestion)
        return suggestion.status


# --- attachments --------------------------------------------------------------------------------

def add_attachments(db: Database, suggestion_id: int, files: Sequence[Path]) -> list[int]:
    """Copy files (the written suggestion, the department's reply letter, photos) in; returns their ids."""
    paths = [Path(f) for f in files]
    for path in paths:
        check_file(path, "attachments", photos_only=False)
    with db.session() as session:
        suggestion = get_record(session, Suggestion, suggestion_id, "代表建议")
        copies = FilesOfTransaction(session)
        rows = []
        for path in paths:
            relative = copies.copy_in(db.attachments_dir, path, ATTACHMENT_FOLDER, suggestion.serial, "attachments")
            rows.append(SuggestionAttachment(suggestion_id=suggestion_id, file=relative, caption=path.stem[:200]))
        session.add_all(rows)
        session.flush()
        return [row.id for row in rows]


def remove_attachment(db: Database, attachment_id: int) -> None:
    with db.session() as session:
        row = get_record(session, SuggestionAttachment, attachment_id, "附件")
        FilesOfTransaction(session).delete_on_commit(db.attachments_dir, row.file)
        session.delete(row)


# --- reading -------------------------------------------------------------------------------------

@dataclass(slots=True)
class SuggestionRow:
    id: int
    serial: str
    title: str
    category: str
    submitted_on: dt.date
    lead: str
    cosigners: str          # names joined by "、"
    department: str
    assigned_on: dt.date | None
    due_on: dt.date | None
    status: str
    replied_on: dt.date | None
    verdict: str
    opinions: int           # how many opinions it grew from
    campaign: str
    overdue: bool
    days_overdue: int
    department_id: int | None = None
    deputy_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class SuggestionFilter:
    year: int | None = None          # submitted in that year
    status: str | None = None
    department_id: int | None = None
    deputy_id: int | None = None     # lead or co-signing
    campaign_id: int | None = None
    overdue_only: bool = False


def list_suggestions(db: Database, *, today: dt.date, where: SuggestionFilter = SuggestionFilter()
                     ) -> list[SuggestionRow]:
    """Newest first, with the overdue flag (交办 or 办理中 past the deadline)."""
    with db.session() as session:
        return _rows(session, today, where)


def _rows(session: Session, today: dt.date, where: SuggestionFilter, only_id: int | None = None
          ) -> list[SuggestionRow]:
    query = (select(Suggestion.id, Suggestion.serial, Suggestion.title, Suggestion.category, Suggestion.submitted_on,
                    Department.name, Suggestion.assigned_on, Suggestion.due_on, Suggestion.status,
                    Suggestion.replied_on, Suggestion.verdict, Campaign.name, Suggestion.department_id)
             .join(Department, Department.id == Suggestion.department_id, isouter=True)
             .join(Campaign, Campaign.id == Suggestion.campaign_id, isouter=True)
             .order_by(Suggestion.submitted_on.desc(), Suggestion.id.desc()))
    if only_id is not None:
        query = query.where(Suggestion.id == only_id)
    if where.year:
        query = query.where(Suggestion.submitted_on >= dt.date(where.year, 1, 1),
                            Suggestion.submitted_on <= dt.date(where.year, 12, 31))
    if where.status:
        query = query.where(Suggestion.status == where.status)
    if where.department_id:
        query = query.where(Suggestion.department_id == where.department_id)
    if where.campaign_id:
        query = query.where(Suggestion.campaign_id == where.campaign_id)
    if where.deputy_id:
        query = query.where(Suggestion.id.in_(select(SuggestionDeputyLink.suggestion_id)
                                              .where(SuggestionDeputyLink.deputy_id == where.deputy_id)))
    if where.overdue_only:
        query = query.where(Suggestion.status.in_([SS.ASSIGNED.value, SS.HANDLING.value]), Suggestion.due_on < today)
    names = dict(session.exec(select(Deputy.id, Deputy.name)).all())
    deputies: dict[int, list[tuple[str, int]]] = {}
    for suggestion_id, deputy_id, role in session.exec(select(SuggestionDeputyLink.suggestion_id,
                                                              SuggestionDeputyLink.deputy_id,
                                                              SuggestionDeputyLink.role)
                                                       .order_by(SuggestionDeputyLink.deputy_id)):
        deputies.setdefault(suggestion_id, []).append((role, deputy_id))
    opinions = dict(session.exec(select(SuggestionOpinionLink.suggestion_id, func.count())
                                 .group_by(SuggestionOpinionLink.suggestion_id)).all())
    if only_id is not None:
        deputies = {only_id: deputies.get(only_id, [])}
    rows = []
    for (id_, serial, title, category, submitted, department, assigned, due, status, replied, verdict, campaign,
         department_id) in session.connection().execute(query):
        signed = deputies.get(id_, [])
        lead = next((names.get(d, "") for role, d in signed if role == SuggestionRole.LEAD), "")
        cosigners = "、".join(names.get(d, "") for role, d in signed if role != SuggestionRole.LEAD)
        overdue = suggestion_overdue(status, due, today)
        rows.append(SuggestionRow(id_, serial, title, category, submitted, lead, cosigners, department or "",
                                  assigned, due, status, replied, verdict, opinions.get(id_, 0), campaign or "",
                                  overdue, (today - due).days if overdue else 0, department_id,
                                  tuple(d for _role, d in signed)))
    return rows


@dataclass(frozen=True)
class LinkedOpinion:
    id: int
    serial: str
    received_on: dt.date
    category: str
    content: str
    status: str


@dataclass(frozen=True)
class StepEntry:
    on: dt.date
    action: str
    from_status: str
    to_status: str
    note: str


@dataclass(frozen=True)
class Attachment:
    id: int
    file: str          # relative to the attachments folder
    caption: str


@dataclass(frozen=True)
class SuggestionDetail:
    row: SuggestionRow
    content: str
    reply: str
    verdict_on: dt.date | None
    notes: str
    lead_deputy_id: int | None
    cosigner_ids: list[int]
    lead_levels: str
    campaign_id: int | None
    opinions: list[LinkedOpinion] = field(default_factory=list)
    history: list[StepEntry] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    projects: list[tuple[int, str, str]] = field(default_factory=list)   # (id, name, status) answering it
    allowed: list[str] = field(default_factory=list)                      # steps the status allows

    def form(self) -> SuggestionForm:
        """The record as a form, to edit."""
        return SuggestionForm(title=self.row.title, submitted_on=self.row.submitted_on, content=self.content,
                              category=self.row.category, department_id=self.row.department_id,
                              lead_deputy_id=self.lead_deputy_id, cosigner_ids=list(self.cosigner_ids),
                              opinion_ids=[o.id for o in self.opinions], campaign_id=self.campaign_id,
                              notes=self.notes)


def suggestion_detail(db: Database, suggestion_id: int, *, today: dt.date) -> SuggestionDetail:
    with db.session() as session:
        return _detail(session, suggestion_id, today)


def _detail(session: Session, suggestion_id: int, today: dt.date) -> SuggestionDetail:
    suggestion = get_record(session, Suggestion, suggestion_id, "代表建议")
    row, = _rows(session, today, SuggestionFilter(), only_id=suggestion_id)
    links = session.exec(select(SuggestionDeputyLink).where(SuggestionDeputyLink.suggestion_id == suggestion_id)
                         .order_by(SuggestionDeputyLink.deputy_id)).all()
    lead = next((l.deputy_id for l in links if l.role == SuggestionRole.LEAD), None)
    lead_deputy = session.get(Deputy, lead) if lead else None
    opinions = [LinkedOpinion(*values) for values in session.exec(
        select(Opinion.id, Opinion.serial, Opinion.received_on, Opinion.category, Opinion.content, Opinion.status)
        .join(SuggestionOpinionLink, SuggestionOpinionLink.opinion_id == Opinion.id)
        .where(SuggestionOpinionLink.suggestion_id == suggestion_id).order_by(Opinion.received_on, Opinion.id))]
    history = [StepEntry(h.on, h.action, h.from_status, h.to_status, h.note) for h in _history(session, suggestion_id)]
    attachments = [Attachment(a.id, a.file, a.caption) for a in session.exec(
        select(SuggestionAttachment).where(SuggestionAttachment.suggestion_id == suggestion_id)
        .order_by(SuggestionAttachment.id))]
    projects = list(session.exec(select(Project.id, Project.name, Project.status)
                                 .where(Project.suggestion_id == suggestion_id).order_by(Project.id)))
    return SuggestionDetail(row, suggestion.content, suggestion.reply, suggestion.verdict_on, suggestion.notes, lead,
                            [l.deputy_id for l in links if l.role != SuggestionRole.LEAD],
                            lead_deputy.levels if lead_deputy else "", suggestion.campaign_id, opinions, history,
                            attachments, [tuple(p) for p in projects], allowed_steps(suggestion.status))


def allowed_steps(status: str) -> list[str]:
    """The steps the clerk may take on a suggestion in `status`, in the order of handling."""
    steps = []
    for step in (SuggestionStep.ASSIGN, SuggestionStep.PROGRESS, SuggestionStep.REPLY, SuggestionStep.VERDICT):
        try:
            suggestion_target(step, status)
        except OutcomeStateError:
            continue
        steps.append(step.value)
    return steps


def suggestions_of_opinion(db: Database, opinion_id: int) -> list[tuple[int, str, str, str]]:
    """(id, serial, title, status) of the suggestions an opinion fed: the link seen from the opinion."""
    with db.session() as session:
        return [tuple(r) for r in session.exec(
            select(Suggestion.id, Suggestion.serial, Suggestion.title, Suggestion.status)
            .join(SuggestionOpinionLink, SuggestionOpinionLink.suggestion_id == Suggestion.id)
            .where(SuggestionOpinionLink.opinion_id == opinion_id).order_by(Suggestion.serial))]


def find_suggestion(db: Database, reference: str) -> int:
    """The id of a suggestion given as 编号 (JY2026-003) or as its id."""
    reference = reference.strip()
    with db.session() as session:
        if reference.isdigit():
            found = session.get(Suggestion, int(reference))
            found_id = found.id if found else None
        else:
            found_id = session.exec(select(Suggestion.id).where(Suggestion.serial == reference.upper())).first()
    if found_id is None:
        raise OutcomeInputError("suggestion", f"找不到编号为“{reference}”的代表建议。")
    return found_id
