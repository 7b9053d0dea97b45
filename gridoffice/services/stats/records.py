"""The records behind a figure: every number the 统计 tab shows opens this list.

    listing = records_behind(db, period, scope, "person_times")                  # 630 rows: one per 人次
    listing = records_behind(db, period, scope, "opinions_resolved", "category", "停车")
    listing.total == figures["person_times"].value

Each row names its record (kind and id) so the tab opens it to check or correct it. The lists use
the conditions of selection.py, as the figures do, so a list always adds up to its figure. Residents'
names, phones and addresses are never listed.
"""
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import and_, func, select, true
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from gridoffice.db import Database
from gridoffice.db.portable import group_concat
from gridoffice.domain import (Activity, ActivityDeputyLink, Community, Deputy, Grid, Meeting, MeetingDeputyLink,
                               Opinion, Project, ReceptionDay, ReceptionDutyLink, Station, Suggestion,
                               SuggestionDeputyLink)
from gridoffice.domain.enums import OpinionStatus, ReceptionStatus
from gridoffice.domain.outcome_rules import SuggestionRole
from gridoffice.domain.stations import short_station_name
from gridoffice.services.outcomes.common import first_sentence

from .figures import LABELS
from .period import Period, Scope
from .selection import Selection, group_clause, projects_joined

S = OpinionStatus
HELD = ReceptionStatus.HELD.value


@dataclass(frozen=True)
class RecordRow:
    kind: str                 # activity, reception_day, opinion, suggestion, project, meeting, deputy
    id: int
    cells: tuple[str, ...]
    weight: int = 1           # what the row adds to the figure (a count: 1; residents: the row's 人次)


@dataclass(frozen=True)
class RecordList:
    title: str
    headers: tuple[str, ...]
    rows: list[RecordRow]
    unit: str

    @property
    def total(self) -> int:
        return sum(row.weight for row in self.rows)

    def describe(self) -> str:
        weighted = any(row.weight != 1 for row in self.rows)
        text = f"共 {len(self.rows)} 条记录"
        return f"{text}，合计 {self.total} {self.unit}" if weighted else text


class Names:
    """Names of stations, grids, communities and deputies, read once per list."""

    def __init__(self, connection: Connection):
        self.stations = {i: short_station_name(n) for i, n in connection.execute(select(Station.id, Station.name))}
        self.grids = dict(connection.execute(select(Grid.id, Grid.code)).all())
        self.communities = dict(connection.execute(select(Community.id, Community.name)).all())
        self.deputies = dict(connection.execute(select(Deputy.id, Deputy.name)).all())

    def station(self, id_) -> str:
        return self.stations.get(id_, "")

    def grid(self, id_) -> str:
        return self.grids.get(id_, "")

    def deputy_list(self, ids: str | None) -> str:
        return "、".join(self.deputies[int(i)] for i in sorted(ids.split(","), key=int)) if ids else ""


def _day(value) -> str:
    return f"{value:%Y-%m-%d}" if value else ""


# --- the kinds of rows ------------------------------------------------------------------------------------

ACTIVITY_HEADERS = ("日期", "活动类型", "联络站", "网格", "参加代表", "人次", "联系群众", "内容")


def _activities(c: Connection, names: Names, sel: Selection, where, weight: str | None = None) -> list[RecordRow]:
    linked = (select(group_concat(ActivityDeputyLink.deputy_id))
              .where(ActivityDeputyLink.activity_id == Activity.id).correlate(Activity).scalar_subquery())
    query = (sel.activities(Activity.id, Activity.date, Activity.kind, Activity.station_id, Activity.grid_id, linked,
                            Activity.residents_contacted, Activity.online, Activity.summary)
             .where(where).order_by(Activity.date, Activity.id))
    rows = []
    for id_, day, kind, station, grid, deputies, residents, online, summary in c.execute(query):
        count = len(deputies.split(",")) if deputies else 0
        rows.append(RecordRow("activity", id_, (
            _day(day), kind + ("（网上）" if online else ""), names.station(station), names.grid(grid),
            names.deputy_list(deputies), str(count), str(residents), first_sentence(summary or "", 40)),
            residents if weight == "residents" else 1))
    return rows


PERSON_TIME_HEADERS = ("日期", "活动类型", "代表", "联络站", "网格", "地点")


def _person_times(c: Connection, names: Names, sel: Selection, where) -> list[RecordRow]:
    query = (sel.person_times(Activity.id, Activity.date, Activity.kind, ActivityDeputyLink.deputy_id,
                              Activity.station_id, Activity.grid_id, Activity.place)
             .where(where).order_by(Activity.date, Activity.id, ActivityDeputyLink.deputy_id))
    return [RecordRow("activity", id_, (_day(day), kind, names.deputies.get(deputy, ""), names.station(station),
                                        names.grid(grid), place))
            for id_, day, kind, deputy, station, grid, place in c.execute(query)]


RECEPTION_HEADERS = ("日期", "时间", "联络站", "状态", "值班代表", "接待群众")


def _reception_days(c: Connection, names: Names, sel: Selection, where, weight: str | None = None
                    ) -> list[RecordRow]:
    linked = (select(group_concat(ReceptionDutyLink.deputy_id))
              .where(ReceptionDutyLink.reception_day_id == ReceptionDay.id).correlate(ReceptionDay).scalar_subquery())
    query = (select(ReceptionDay.id, ReceptionDay.date, ReceptionDay.start_time, ReceptionDay.end_time,
                    ReceptionDay.station_id, ReceptionDay.status, linked, ReceptionDay.residents_received)
             .where(where).order_by(ReceptionDay.date, ReceptionDay.station_id))
    return [RecordRow("reception_day", id_, (_day(day), f"{start:%H:%M}-{end:%H:%M}", names.station(station), status,
                                             names.deputy_list(deputies), str(received)),
                      received if weight == "residents" else 1)
            for id_, day, start, end, station, status, deputies, received in c.execute(query)]


DUTY_HEADERS = ("日期", "联络站", "值班代表", "接待群众")


def _duties(c: Connection, names: Names, sel: Selection, where) -> list[RecordRow]:
    query = (sel.reception_duties(ReceptionDay.id, ReceptionDay.date, ReceptionDay.station_id,
                                  ReceptionDutyLink.deputy_id, ReceptionDay.residents_received)
             .where(where).order_by(ReceptionDay.date, ReceptionDay.station_id, ReceptionDutyLink.deputy_id))
    return [RecordRow("reception_day", id_, (_day(day), names.station(station), names.deputies.get(deputy, ""),
                                             str(received)))
            for id_, day, station, deputy, received in c.execute(query)]


OPINION_HEADERS = ("编号", "登记日期", "渠道", "分类", "网格", "内容", "认领代表", "状态", "办结日期", "回复日期")


def _opinions(c: Connection, names: Names, sel: Selection, where) -> list[RecordRow]:
    query = (sel.opinions(where, Opinion.id, Opinion.serial, Opinion.received_on, Opinion.channel, Opinion.category,
                          Opinion.grid_id, Opinion.content, Opinion.deputy_id, Opinion.status, Opinion.resolved_on,
                          Opinion.replied_on).order_by(Opinion.received_on, Opinion.serial))
    return [RecordRow("opinion", id_, (serial, _day(received), channel, category, names.grid(grid),
                                       first_sentence(content, 40), names.deputies.get(deputy, ""), status,
                                       _day(resolved), _day(replied)))
            for id_, serial, received, channel, category, grid, content, deputy, status, resolved, replied
            in c.execute(query)]


FOLLOWUP_HEADERS = ("编号", "回访评价", "分类", "内容", "认领代表", "办结日期")


def _followups(c: Connection, names: Names, sel: Selection, where, verdict: str | None = None) -> list[RecordRow]:
    latest = sel.latest_followups()
    query = (select(Opinion.id, Opinion.serial, latest.c.verdict, Opinion.category, Opinion.content,
                    Opinion.deputy_id, Opinion.resolved_on).join(latest, latest.c.opinion_id == Opinion.id)
             .where(where).order_by(Opinion.serial))
    if verdict is not None:
        query = query.where(latest.c.verdict == verdict)
    return [RecordRow("opinion", id_, (serial, verdict, category, first_sentence(content, 40),
                                       names.deputies.get(deputy, ""), _day(resolved)))
            for id_, serial, verdict, category, content, deputy, resolved in c.execute(query)]


SUGGESTION_HEADERS = ("编号", "提出日期", "标题", "领衔代表", "状态", "答复日期")


def _suggestions(c: Connection, names: Names, sel: Selection, where) -> list[RecordRow]:
    lead = aliased(SuggestionDeputyLink)
    query = (select(Suggestion.id, Suggestion.serial, Suggestion.submitted_on, Suggestion.title, lead.deputy_id,
                    Suggestion.status, Suggestion.replied_on)
             .outerjoin(lead, and_(lead.suggestion_id == Suggestion.id, lead.role == SuggestionRole.LEAD.value))
             .where(where).order_by(Suggestion.serial))
    return [RecordRow("suggestion", id_, (serial, _day(day), title, names.deputies.get(deputy, ""), status,
                                          _day(replied)))
            for id_, serial, day, title, deputy, status, replied in c.execute(query)]


PROJECT_HEADERS = ("名称", "年度清单", "类型", "社区", "责任单位", "完成日期")


def _projects(c: Connection, names: Names, sel: Selection, where) -> list[RecordRow]:
    query = (projects_joined(Project.id, Project.name, Project.year, Project.kind, Project.community_id,
                             Project.grid_id, Project.responsible_unit, Project.completed_on)
             .where(where).order_by(Project.completed_on, Project.id))
    grid_communities = dict(c.execute(select(Grid.id, Grid.community_id)).all())
    return [RecordRow("project", id_, (name, str(year), kind,
                                       names.communities.get(community or grid_communities.get(grid), ""), unit,
                                       _day(done)))
            for id_, name, year, kind, community, grid, unit, done in c.execute(query)]


MEETING_HEADERS = ("日期", "会议类型", "标题", "联络站", "出席代表", "群众")


def _meetings(c: Connection, names: Names, sel: Selection, where) -> list[RecordRow]:
    attended = (select(group_concat(MeetingDeputyLink.deputy_id))
                .where(MeetingDeputyLink.meeting_id == Meeting.id, MeetingDeputyLink.attended)
                .correlate(Meeting).scalar_subquery())
    query = (select(Meeting.id, Meeting.date, Meeting.kind, Meeting.title, Meeting.station_id, attended,
                    Meeting.residents_present).where(where).order_by(Meeting.date, Meeting.id))
    return [RecordRow("meeting", id_, (_day(day), kind, title, names.station(station), names.deputy_list(deputies),
                                       str(residents)))
            for id_, day, kind, title, station, deputies, residents in c.execute(query)]


ATTENDANCE_HEADERS = ("日期", "会议类型", "标题", "出席代表")


def _attendance(c: Connection, names: Names, sel: Selection, where) -> list[RecordRow]:
    query = (sel.meeting_attendance(Meeting.id, Meeting.date, Meeting.kind, Meeting.title, MeetingDeputyLink.deputy_id)
             .where(where).order_by(Meeting.date, Meeting.id, MeetingDeputyLink.deputy_id))
    return [RecordRow("meeting", id_, (_day(day), kind, title, names.deputies.get(deputy, "")))
            for id_, day, kind, title, deputy in c.execute(query)]


DEPUTY_HEADERS = ("代表", "联络站", "活动人次")


def _deputies_involved(c: Connection, names: Names, sel: Selection, where) -> list[RecordRow]:
    query = (sel.person_times(ActivityDeputyLink.deputy_id, func.count()).where(where)
             .group_by(ActivityDeputyLink.deputy_id))
    stations = dict(c.execute(select(Deputy.id, Deputy.station_id)).all())
    rows = [RecordRow("deputy", deputy, (names.deputies.get(deputy, ""), names.station(stations.get(deputy)),
                                         str(count)))
            for deputy, count in c.execute(query)]
    return sorted(rows, key=lambda row: (-int(row.cells[2]), row.cells[0]))


RESIDENT_HEADERS = ("日期", "来源", "联络站", "网格", "群众人次")


def _residents(c: Connection, names: Names, sel: Selection, where_activity, where_reception) -> list[RecordRow]:
    rows = [RecordRow("activity", r.id, (r.cells[0], f"走访记录·{r.cells[1]}", r.cells[2], r.cells[3], r.cells[6]),
                      r.weight)
            for r in _activities(c, names, sel, where_activity, "residents") if r.weight]
    if sel.reception_applies:
        rows += [RecordRow("reception_day", r.id, (r.cells[0], "接待日", r.cells[2], "", r.cells[5]), r.weight)
                 for r in _reception_days(c, names, sel, where_reception, "residents") if r.weight]
    return sorted(rows, key=lambda row: row.cells[0])


# --- figure → its records ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    headers: tuple[str, ...]
    dimensions: str | None                     # which of DIMENSIONS' columns a breakdown's group filters on
    rows: Callable                             # (connection, names, selection, extra condition) → rows


SOURCES: dict[str, tuple[Source, Callable[[Selection], object]]] = {}


def _source(keys, source: Source, where: Callable[[Selection], object]) -> None:
    for key in keys:
        SOURCES[key] = (source, where)


_ACTIVITY = Source(ACTIVITY_HEADERS, "activity", lambda c, n, s, w: _activities(c, n, s, w))
_ACTIVITY_RESIDENTS = Source(ACTIVITY_HEADERS, "activity", lambda c, n, s, w: [
    r for r in _activities(c, n, s, w, "residents") if r.weight])
_OPINION = Source(OPINION_HEADERS, "opinion", _opinions)
_RECEPTION = Source(RECEPTION_HEADERS, "reception", lambda c, n, s, w: _reception_days(c, n, s, w))

_source(["activities"], _ACTIVITY, lambda s: s.activity_where())
_source(["online_activities"], _ACTIVITY, lambda s: and_(s.activity_where(), Activity.online))
_source(["residents_in_activities"], _ACTIVITY_RESIDENTS, lambda s: s.activity_where())
_source(["person_times"], Source(PERSON_TIME_HEADERS, "activity", _person_times), lambda s: s.activity_where())
_source(["deputies_involved"], Source(DEPUTY_HEADERS, "activity", _deputies_involved), lambda s: s.activity_where())
_source(["residents"], Source(RESIDENT_HEADERS, None, lambda c, n, s, w: _residents(
    c, n, s, and_(s.activity_where(), w), and_(s.reception_where(HELD), w))), lambda s: true())
_source(["reception_held"], _RECEPTION, lambda s: s.reception_where(HELD))
_source(["reception_scheduled"], _RECEPTION, lambda s: s.reception_where(ReceptionStatus.PLANNED.value, HELD))
_source(["residents_at_reception"], Source(RECEPTION_HEADERS, "reception", lambda c, n, s, w: [
    r for r in _reception_days(c, n, s, w, "residents") if r.weight]), lambda s: s.reception_where(HELD))
_source(["reception_duty"], Source(DUTY_HEADERS, "reception", _duties), lambda s: s.reception_where(HELD))
_source(["opinions_collected"], _OPINION, lambda s: s.collected_where())
_source(["opinions_resolved", "resolve_rate"], _OPINION, lambda s: s.resolved_where())
_source(["opinions_replied", "reply_rate"], _OPINION, lambda s: s.replied_where())
_source(["funnel_claimed"], _OPINION, lambda s: s.claimed_where())
_source(["funnel_assigned"], _OPINION, lambda s: s.assigned_where())
_source(["opinions_rejected"], _OPINION, lambda s: s.rejected_where())
_source(["opinions_open"], _OPINION, lambda s: s.open_where())
_source(["opinions_earlier_resolved"], _OPINION, lambda s: s.earlier_resolved_where())
_source(["followups", "satisfaction_rate"], Source(FOLLOWUP_HEADERS, "opinion", _followups), lambda s: true())
_source(["suggestions_formed"], Source(SUGGESTION_HEADERS, None, _suggestions), lambda s: s.suggestions_formed_where())
_source(["suggestions_closed"], Source(SUGGESTION_HEADERS, None, _suggestions), lambda s: s.suggestions_closed_where())
_source(["projects_done"], Source(PROJECT_HEADERS, "project", _projects), lambda s: s.projects_done_where())
_source(["meetings_held"], Source(MEETING_HEADERS, "meeting", _meetings), lambda s: s.meetings_where())
_source(["meeting_person_times"], Source(ATTENDANCE_HEADERS, "meeting", _attendance), lambda s: true())
# a deputy's own opinions (the per-deputy table): claimed by the deputy, registered in the period
_source(["deputy_opinions"], _OPINION, lambda s: and_(Opinion.received_on >= s.start, Opinion.received_on <= s.end))
_source(["deputy_opinions_resolved"], _OPINION, lambda s: and_(Opinion.received_on >= s.start,
                                                               Opinion.received_on <= s.end, s.finished_by_end()))

EXTRA_LABELS = {"deputy_opinions": ("代表认领的意见", "条"), "deputy_opinions_resolved": ("代表认领并办结的意见", "条"),
                "funnel_claimed": ("已由代表认领", "条"), "funnel_assigned": ("已交办职能部门", "条")}


def figure_label(key: str) -> tuple[str, str]:
    return LABELS.get(key) or EXTRA_LABELS[key]


def records_behind(db: Database, period: Period, scope: Scope, key: str, dimension: str | None = None,
                   group: object = None, *, group_label: str = "") -> RecordList:
    """The records figure `key` counts, for the period and scope; with a dimension, those of one
    breakdown row (the group's id or text)."""
    source, where = SOURCES[key]
    selection = Selection(period, scope)
    condition = where(selection)
    rows_of = source.rows
    if dimension == "verdict":    # the satisfaction chart's slices: the follow-ups' last verdict
        rows_of = lambda c, n, s, w: _followups(c, n, s, w, group)  # noqa: E731
    elif dimension is not None:
        if source.dimensions is None:
            raise ValueError(f"{key} has no breakdown")
        condition = and_(condition, group_clause(dimension, source.dimensions, group))
    label, unit = figure_label(key)
    unit = "人次" if key.startswith("residents") else unit
    with db.session() as session:
        connection = session.connection()
        rows = rows_of(connection, Names(connection), selection, condition)
    where_text = " · ".join(part for part in (period.label(), scope.name, group_label) if part)
    return RecordList(f"{where_text} · {label}", source.headers, rows, "条" if unit == "%" else unit)


# --- records the 统计 tab cannot open in a form of its own -------------------------------------------------

KIND_NAMES = {"activity": "走访记录", "reception_day": "接待日", "opinion": "民情意见", "deputy": "代表",
              "suggestion": "代表建议", "project": "为民办实事", "meeting": "会议", "dispute": "矛盾纠纷调解",
              "appraisal": "述职评议会", "adjustment": "加减分"}


def record_summary(db: Database, kind: str, record_id: int) -> str:
    """A few lines saying what the record is (for the records 履职成果 keeps: suggestions, projects,
    meetings, mediation, 述职评议会), with where to change it."""
    from gridoffice.domain import Appraisal, Dispute, DutyPointAdjustment

    with db.session() as session:
        c = session.connection()
        if kind == "suggestion":
            row = c.execute(select(Suggestion.serial, Suggestion.title, Suggestion.status, Suggestion.submitted_on,
                                   Suggestion.replied_on, Suggestion.reply).where(Suggestion.id == record_id)).first()
            text = row and (f"代表建议 {row[0]}：{row[1]}\n状态：{row[2]}；提出日期 {_day(row[3])}"
                            + (f"；答复日期 {_day(row[4])}\n答复：{first_sentence(row[5], 80)}" if row[4] else ""))
        elif kind == "project":
            row = c.execute(select(Project.name, Project.year, Project.status, Project.completed_on,
                                   Project.responsible_unit).where(Project.id == record_id)).first()
            text = row and (f"为民办实事：{row[0]}（{row[1]}年清单）\n状态：{row[2]}"
                            + (f"；完成日期 {_day(row[3])}" if row[3] else "") + (f"；责任单位：{row[4]}" if row[4] else ""))
        elif kind == "meeting":
            row = c.execute(select(Meeting.date, Meeting.kind, Meeting.title, Meeting.status)
                            .where(Meeting.id == record_id)).first()
            text = row and f"{_day(row[0])} {row[1]}：{row[2]}\n状态：{row[3]}"
        elif kind == "dispute":
            row = c.execute(select(Dispute.serial, Dispute.kind, Dispute.status, Dispute.result_on)
                            .where(Dispute.id == record_id)).first()
            text = row and f"矛盾纠纷 {row[0]}（{row[1]}）\n状态：{row[2]}" + (f"；结果日期 {_day(row[3])}" if row[3] else "")
        elif kind == "appraisal":
            row = c.execute(select(Appraisal.date, Appraisal.year, Appraisal.status).where(Appraisal.id == record_id)).first()
            text = row and f"{_day(row[0])} 述职评议会（{row[1]}年度）\n状态：{row[2]}"
        elif kind == "adjustment":
            row = c.execute(select(DutyPointAdjustment.on, DutyPointAdjustment.kind, DutyPointAdjustment.points,
                                   DutyPointAdjustment.reason).where(DutyPointAdjustment.id == record_id)).first()
            text = row and f"{_day(row[0])} {row[1]}\n理由：{row[3]}"
        else:
            raise ValueError(f"no summary for {kind}")
    if not text:
        return f"找不到这条{KIND_NAMES.get(kind, '记录')}，可能已被删除。"
    where = "“履职积分”的“加减分”" if kind == "adjustment" else "“履职成果”"
    return f"{text}\n\n这条记录在{where}中修改。"
