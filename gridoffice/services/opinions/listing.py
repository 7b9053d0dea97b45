"""The opinion list: rows with the resident masked, the filter, what is overdue or due this week,
and the little questions the tab and the command line ask (has anything changed, how many)."""
import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import exists, func, union
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import (Department, Deputy, Grid, Opinion, OpinionHistory, ProjectOpinionLink,
                               SuggestionOpinionLink)
from gridoffice.domain.enums import OpinionStatus
from gridoffice.domain.opinion_rules import FINISHED_STATUSES, due_within, is_overdue
from gridoffice.domain.rules import mask_name, mask_phone, shorten_address

from gridoffice.services.opinions.lists import read_category_names, read_department_names

S = OpinionStatus
DUE_SOON_DAYS = 7                      # "this week": today and the six days after
OVERDUE, DUE_SOON = "overdue", "soon"
SERIAL_RE = re.compile(r"^\d{4}-\d{1,6}$")


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


_IN_SUGGESTION = exists().where(SuggestionOpinionLink.opinion_id == Opinion.id).correlate(Opinion)
_IN_PROJECT = exists().where(ProjectOpinionLink.opinion_id == Opinion.id).correlate(Opinion)
_LIST_COLUMNS = (Opinion.id, Opinion.serial, Opinion.received_on, Opinion.channel, Opinion.resident_name,
                 Opinion.resident_phone, Opinion.resident_address, Grid.code, Opinion.category, Opinion.content,
                 Opinion.urgency, Deputy.name, Department.name, Opinion.handling_mode, Opinion.due_on,
                 Opinion.status, Opinion.resolved_on, Opinion.replied_on, Opinion.satisfaction,
                 _IN_SUGGESTION, _IN_PROJECT, Opinion.deputy_id, Opinion.department_id,
                 Opinion.grid_id)


def _rows_query():
    return (select(*_LIST_COLUMNS)
            .join(Grid, Grid.id == Opinion.grid_id, isouter=True)
            .join(Deputy, Deputy.id == Opinion.deputy_id, isouter=True)
            .join(Department, Department.id == Opinion.department_id, isouter=True))


def select_rows(session: Session, *, today: dt.date, where: OpinionFilter = OpinionFilter()) -> list[OpinionRow]:
    """The rows the filter selects, newest first (inside the caller's transaction)."""
    ids = _matching_ids(where)
    query = _rows_query().order_by(Opinion.received_on.desc(), Opinion.id.desc())
    if ids is not None:
        query = query.where(Opinion.id.in_(ids))
    for condition in _narrowing(where, today):
        query = query.where(condition)
    return [_row(values, today) for values in session.connection().execute(query)]


def list_opinions(db: Database, *, today: dt.date, where: OpinionFilter = OpinionFilter()) -> list[OpinionRow]:
    """Newest first."""
    with db.session() as session:
        return select_rows(session, today=today, where=where)


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
    unfinished = select(Opinion.id).where(Opinion.status.in_([s.value for s in S if s not in FINISHED_STATUSES]))
    return union(in_window, unfinished)


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


def _due_summary(session: Session, today: dt.date) -> DueSummary:
    query = (_rows_query()
             .where(Opinion.status == S.ASSIGNED.value, Opinion.due_on < today + dt.timedelta(days=DUE_SOON_DAYS))
             .order_by(Opinion.due_on, Opinion.id))
    rows = [_row(values, today) for values in session.connection().execute(query)]
    return DueSummary([r for r in rows if r.overdue], [r for r in rows if r.due_soon])


def due_summary(db: Database, today: dt.date) -> DueSummary:
    """Matters a department holds (办理中) that are past due or due within seven days, most urgent first."""
    with db.session() as session:
        return _due_summary(session, today)


def status_counts(rows) -> dict[str, int]:
    counts = {s.value: 0 for s in S}
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    return counts


# --- what the tab reads at once ---------------------------------------------------------------

@dataclass(frozen=True)
class OpinionList:
    """Everything the 民情办理 tab shows after a reload, read in one transaction."""
    rows: list[OpinionRow]
    due: DueSummary
    categories: list[str]                  # for the category filter
    departments: list[tuple[int, str]]     # for the department filter
    first_received_on: dt.date | None      # the span the list covers under 全部
    latest_step: int                       # see latest_step_id


def read_opinion_list(db: Database, *, today: dt.date, where: OpinionFilter) -> OpinionList:
    with db.session() as session:
        return OpinionList(
            rows=select_rows(session, today=today, where=where), due=_due_summary(session, today),
            categories=read_category_names(session), departments=read_department_names(session),
            first_received_on=session.exec(select(func.min(Opinion.received_on))).one(),
            latest_step=_latest_step_id(session))


def _latest_step_id(session: Session) -> int:
    return session.exec(select(func.max(OpinionHistory.id))).one() or 0


def latest_step_id(db: Database) -> int:
    """Grows with every registration and step: a cheap way to see whether opinions changed."""
    with db.session() as session:
        return _latest_step_id(session)


def more_opinions_than(db: Database, limit: int) -> bool:
    """Whether there are more than `limit` opinions, without counting a big office's to the end."""
    with db.session() as session:
        counted = select(func.count()).select_from(select(Opinion.id).limit(limit + 1).subquery())
        return session.exec(counted).one() > limit


def opinions_of_activity(db: Database, activity_id: int) -> list[tuple[int, str, str]]:
    """(id, serial, status) of the opinions registered from an activity."""
    with db.session() as session:
        return list(session.exec(select(Opinion.id, Opinion.serial, Opinion.status)
                                 .where(Opinion.activity_id == activity_id).order_by(Opinion.id)))


def is_internal_number(reference: str) -> bool:
    """An opinion's row number as typed: ASCII digits that fit a database integer ('²' is a digit to Python)."""
    return reference.isascii() and reference.isdigit() and len(reference) <= 9


def find_opinion_id(db: Database, reference: str) -> int | None:
    """The opinion a serial (2026-0042) or an internal number names; None when there is none."""
    reference = reference.strip()
    with db.session() as session:
        if SERIAL_RE.match(reference):
            return session.exec(select(Opinion.id).where(Opinion.serial == reference)).first()
        if is_internal_number(reference):
            return session.exec(select(Opinion.id).where(Opinion.id == int(reference))).first()
    return None
