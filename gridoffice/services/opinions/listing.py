"""The opinion list: rows with the resident masked, the filter, what is overdue or due this week,
and the little questions the tab and the command line ask (has anything changed, how many)."""
import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import String, and_, bindparam, case, cast, exists, false, func, or_
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import (Department, Deputy, Grid, Opinion, OpinionHistory, ProjectOpinionLink,
                               SuggestionOpinionLink)
from gridoffice.domain.enums import HandlingMode, OpinionChannel, OpinionStatus, Satisfaction
from gridoffice.domain.opinion_rules import FINISHED_STATUSES, due_within, is_overdue
from gridoffice.domain.rules import mask_name, mask_phone, shorten_address

from gridoffice.services.common.list_query import ListQuery
from gridoffice.services.common.list_sql import MaybeEmpty, any_contains, matching, order_by
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
    query = _rows_query().where(*_conditions(session, where, today, ())).order_by(*NEWEST_FIRST)
    return [_row(values, today) for values in session.connection().execute(query)]


def list_opinions(db: Database, *, today: dt.date, where: OpinionFilter = OpinionFilter()) -> list[OpinionRow]:
    """Newest first."""
    with db.session() as session:
        return select_rows(session, today=today, where=where)


def _in_window(where: OpinionFilter):
    """Received in the date window, or (include_unfinished) not finished yet, whenever received.
    SQLite answers the OR from both indexes (received_on, status): no table scan."""
    if where.start is None and where.end is None:
        return None
    window = []
    if where.start:
        window.append(Opinion.received_on >= where.start)
    if where.end:
        window.append(Opinion.received_on <= where.end)
    if not where.include_unfinished:
        return and_(*window)
    return or_(and_(*window), Opinion.status.in_([s.value for s in S if s not in FINISHED_STATUSES]))


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


def _conditions(session: Session, where: OpinionFilter, today: dt.date, words) -> list:
    """WHERE terms on the opinion table alone: the filter, then each word of the search."""
    window = _in_window(where)
    conditions = [] if window is None else [window]
    conditions += _narrowing(where, today)
    return conditions + [_shows_word(session, word, conditions) for word in words]


DATE_CHARACTERS = set("0123456789-")
FLAG_TEXTS = ("代表建议", "实事")     # OpinionRow.flags


def _shows_word(session: Session, word: str, scope: list):
    """The row shows the word in one of its texts, as the list shows them: the resident's name,
    phone and address masked, so a search never finds what the list hides. The short tables
    (grids, deputies, departments) and the fixed lists (channels, statuses...) are searched first,
    once, not for every row. `scope`: the filter's conditions, which the search narrows."""
    texts = [Opinion.serial, Opinion.category, Opinion.content]
    if set(word) <= DATE_CHARACTERS:
        texts.append(cast(Opinion.received_on, String))
    conditions = [any_contains(texts, word), _masked_name_shows(word), _shortened_address_shows(session, word, scope)]
    for column, values in ((Opinion.channel, OpinionChannel), (Opinion.handling_mode, HandlingMode),
                           (Opinion.status, S), (Opinion.satisfaction, Satisfaction)):
        if shown := matching([value.value for value in values], word):
            conditions.append(column.in_(shown))
    for column, table, name in ((Opinion.grid_id, Grid, Grid.code), (Opinion.deputy_id, Deputy, Deputy.name),
                                (Opinion.department_id, Department, Department.name)):
        if ids := session.exec(select(table.id).where(any_contains([name], word))).all():
            conditions.append(column.in_(ids))
    suggestion, project = word in FLAG_TEXTS[0], word in FLAG_TEXTS[1]
    if suggestion or project:
        conditions += [_IN_SUGGESTION] * suggestion + [_IN_PROJECT] * project
    elif word in "、".join(FLAG_TEXTS):
        conditions.append(and_(_IN_SUGGESTION, _IN_PROJECT))
    return or_(*conditions)


def _masked_name_shows(word: str):
    """mask_name shows the first character and a star for each other one (张**)."""
    letter, stars = word.rstrip("*"), len(word) - len(word.rstrip("*"))
    name = Opinion.resident_name
    if len(letter) > 1 or "*" in letter:
        return false()
    shown_stars = func.length(name) - 1
    if not letter:
        return shown_stars >= stars
    first = any_contains([func.substr(name, 1, 1)], letter)
    return and_(first, shown_stars >= stars) if stars else first


def _shortened_address_shows(session: Session, word: str, scope: list):
    """shorten_address cuts an address before its building and door numbers: a rule SQL cannot
    say. The addresses that hold the word are read, and cut here."""
    clue = max(word.split("…"), key=len)
    candidates = session.connection().execute(
        select(Opinion.id, Opinion.resident_address)
        .where(*scope, any_contains([Opinion.resident_address], clue))).all()
    shown = {id_ for id_, address in candidates if word in shorten_address(address).lower()}
    if len(shown) <= len(candidates) - len(shown):
        return Opinion.id.in_(_inline(shown)) if shown else false()
    hidden = [id_ for id_, _address in candidates if id_ not in shown]
    return and_(any_contains([Opinion.resident_address], clue), Opinion.id.not_in(_inline(hidden)))


def _inline(ids):
    """A long list of ids written into the SQL (a bound parameter each would pass SQLite's limit)."""
    return bindparam(None, sorted(ids), expanding=True, literal_execute=True)


def _flags_text():
    return case((and_(_IN_SUGGESTION, _IN_PROJECT), "、".join(FLAG_TEXTS)), (_IN_SUGGESTION, FLAG_TEXTS[0]),
                (_IN_PROJECT, FLAG_TEXTS[1]), else_="")


# how each column of the list sorts in the database (opinion_model.OpinionTableModel's keys). The
# masked columns sort as shown: the name by its first character and length (张* before 张**); the
# phone and the address by the stored value's shown parts (close to the masked text, not exact)
SORT_COLUMNS = {
    "serial": Opinion.serial, "received_on": Opinion.received_on, "channel": Opinion.channel,
    "resident": (func.substr(Opinion.resident_name, 1, 1), func.length(Opinion.resident_name)),
    "phone": (func.substr(Opinion.resident_phone, 1, 3), func.substr(Opinion.resident_phone, -4)),
    "address": Opinion.resident_address, "grid": func.coalesce(Grid.code, ""), "category": Opinion.category,
    "content": Opinion.content, "urgency": Opinion.urgency, "deputy": func.coalesce(Deputy.name, ""),
    "department": func.coalesce(Department.name, ""), "handling_mode": Opinion.handling_mode,
    "due_on": MaybeEmpty(Opinion.due_on), "status": Opinion.status, "satisfaction": Opinion.satisfaction,
    "flags": _flags_text(),
}
JOINED_SORTS = {"grid", "deputy", "department"}
NEWEST_FIRST = (Opinion.received_on.desc(), Opinion.id.desc())


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
    """What the 民情办理 tab shows after a reload, read in one transaction: how many rows the filter
    and the search select and the first of them, the due matters, the filters' choices."""
    count: int
    rows: list[OpinionRow]                 # the first rows (`limit`) in the order asked for
    due: DueSummary
    categories: list[str]                  # for the category filter
    departments: list[tuple[int, str]]     # for the department filter
    first_received_on: dt.date | None      # the span the list covers under 全部
    latest_step: int                       # see latest_step_id


@dataclass(frozen=True)
class OpinionTotals:
    """The status line under the list: how many of each status, how many overdue."""
    count: int
    by_status: dict[str, int]
    overdue: int

    def describe(self) -> str:
        parts = [f"{status} {self.by_status[status.value]}" for status in S if self.by_status.get(status.value)]
        return f"当前显示 {self.count} 件：{'，'.join(parts) or '无'}"


def read_opinion_list(db: Database, *, today: dt.date, where: OpinionFilter, query: ListQuery = ListQuery(),
                      limit: int | None = None) -> OpinionList:
    """The list as the tab opens it: every row (`limit` None) or the first `limit` of them."""
    with db.session() as session:
        conditions = _conditions(session, where, today, query.words)
        count = session.connection().execute(select(func.count()).select_from(Opinion).where(*conditions)).one()[0]
        ids_query = _ids_query(conditions, query)
        first = session.connection().execute(ids_query if limit is None else ids_query.limit(limit)).scalars().all()
        return OpinionList(
            count=count, rows=_rows_by_id(session, first, today), due=_due_summary(session, today),
            categories=read_category_names(session), departments=read_department_names(session),
            first_received_on=session.exec(select(func.min(Opinion.received_on))).one(),
            latest_step=_latest_step_id(session))


def count_opinions(db: Database, *, today: dt.date, where: OpinionFilter, query: ListQuery = ListQuery()) -> int:
    with db.session() as session:
        return session.connection().execute(select(func.count()).select_from(Opinion).where(
            *_conditions(session, where, today, query.words))).one()[0]


def opinion_list_totals(db: Database, *, today: dt.date, where: OpinionFilter,
                        query: ListQuery = ListQuery()) -> OpinionTotals:
    """How many of each status the whole list holds, and how many are overdue: counted by the database."""
    overdue = func.sum(case((and_(Opinion.status == S.ASSIGNED.value, Opinion.due_on < today), 1), else_=0))
    with db.session() as session:
        counted = session.connection().execute(
            select(Opinion.status, func.count(), overdue).where(*_conditions(session, where, today, query.words))
            .group_by(Opinion.status)).all()
    by_status = {status: count for status, count, _late in counted}
    return OpinionTotals(sum(by_status.values()), by_status, sum(late or 0 for _s, _c, late in counted))


def opinion_ids(db: Database, *, today: dt.date, where: OpinionFilter, query: ListQuery = ListQuery(),
                offset: int = 0, limit: int | None = None) -> list[int]:
    """The ids of the rows of the list, in its order: all, or `limit` from `offset` (a long list reads
    its rows by them, a window at a time)."""
    with db.session() as session:
        ids = _ids_query(_conditions(session, where, today, query.words), query)
        return session.connection().execute(ids.offset(offset or None).limit(limit)).scalars().all()


def in_received_order(query: ListQuery) -> bool:
    """Newest first: the order of the received_on index, in which a window far down is read at once."""
    return query.sort_key is None or (query.sort_key == "received_on" and query.descending)


def opinions_by_id(db: Database, *, today: dt.date, ids) -> list[OpinionRow]:
    """The rows of these opinions in the order given (those deleted meanwhile are left out)."""
    with db.session() as session:
        return _rows_by_id(session, ids, today)


def _ids_query(conditions: list, query: ListQuery):
    """Ids first, rows after: the rows' joins and subqueries are then worked out for the rows shown
    only, not for every row the sort goes through."""
    ids = _rows_query().with_only_columns(Opinion.id) if query.sort_key in JOINED_SORTS else select(Opinion.id)
    return ids.where(*conditions).order_by(*order_by(query, SORT_COLUMNS, NEWEST_FIRST))


def _rows_by_id(session: Session, ids, today: dt.date) -> list[OpinionRow]:
    found = {}
    ids = list(ids)
    for start in range(0, len(ids), 10_000):   # SQLite takes at most 32,766 values at once
        found.update((values[0], _row(values, today)) for values in session.connection().execute(
            _rows_query().where(Opinion.id.in_(ids[start:start + 10_000]))))
    return [found[id_] for id_ in ids if id_ in found]


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
