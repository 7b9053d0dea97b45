"""The figures broken down: by activity kind, station, community, grid, opinion category, channel and
status, month, and per deputy. Each cell of a breakdown names the figure it counts (its column's
`figure`) and the row's group, so the tab opens the records behind any cell (records.py).

    for table in breakdowns(db, Period.year(2026), WHOLE_OFFICE):
        print(table.title, [c.header for c in table.columns], table.rows[0].values)
"""
from dataclasses import dataclass, field

from sqlalchemy import Float, case, cast, func, select
from sqlalchemy.engine import Connection

from gridoffice.db import Database
from gridoffice.db.portable import days_between
from gridoffice.domain import (Activity, ActivityDeputyLink, Community, Deputy, Grid, MeetingDeputyLink, Opinion,
                               ReceptionDay, ReceptionDutyLink, Station)
from gridoffice.domain.enums import ActivityKind, OpinionStatus, ReceptionStatus
from gridoffice.domain.outcome_rules import rate
from gridoffice.domain.stations import short_station_name

from .period import Period, Scope
from .selection import DIMENSIONS, PROJECT_COMMUNITY, Selection, projects_joined

NO_GRID = "（未指定网格）"
NO_STATION = "（未指定联络站）"
NO_COMMUNITY = "（未指定社区）"


@dataclass(frozen=True)
class Column:
    header: str
    figure: str | None = None      # the figure a cell counts: double-clicking opens its records
    is_rate: bool = False


@dataclass(frozen=True)
class Row:
    label: str
    group: object                  # the id or text the row stands for (None: records without one)
    values: tuple


@dataclass(frozen=True)
class Breakdown:
    key: str                       # the dimension: kind, station, community, grid, category, channel, status, month, deputy
    title: str
    first_header: str
    columns: tuple[Column, ...]
    rows: list[Row] = field(default_factory=list)
    total: tuple | None = None     # the 合计 row's values, where adding up makes sense
    note: str = ""

    def as_json(self) -> dict:
        headers = [column.header for column in self.columns]
        items = [{"label": row.label, **dict(zip(headers, row.values))} for row in self.rows]
        result = {"key": self.key, "title": self.title, "items": items}
        if self.total is not None:
            result["total"] = dict(zip(headers, self.total))
        return result


class _Counter:
    """Group-by queries for one selection; each returns {group: (values…)}."""

    def __init__(self, connection: Connection, selection: Selection):
        self.c = connection
        self.sel = selection

    def _run(self, query, column) -> dict:
        return {row[0]: tuple(row[1:]) for row in self.c.execute(query.group_by(column))}

    def activities(self, dimension: str) -> dict:
        column = DIMENSIONS[dimension]["activity"]
        joined = dimension == "community"     # the grid's community: the other dimensions need no join
        counts = self._run(self.sel.activities(column, func.count(),
                                               func.coalesce(func.sum(Activity.residents_contacted), 0),
                                               joined=joined), column)
        people = self._run(self.sel.person_times(column, func.count(), joined=joined), column)
        return {key: (count, people.get(key, (0,))[0], residents) for key, (count, residents) in counts.items()}

    def opinions(self, dimension: str) -> dict:
        column = DIMENSIONS[dimension]["opinion"]
        sel = self.sel
        finished = sel.finished_by_end()
        replied = sel.replied_by_end()
        days = days_between(Opinion.received_on, Opinion.resolved_on)
        return self._run(sel.opinions(sel.collected_where(), column, func.count(),
                                      func.coalesce(func.sum(case((finished, 1), else_=0)), 0),
                                      func.coalesce(func.sum(case((replied, 1), else_=0)), 0),
                                      cast(func.avg(case((finished, days), else_=None)), Float),
                                      joined=dimension in ("station", "community")), column)

    def reception(self, dimension: str) -> dict:
        if not self.sel.reception_applies:
            return {}
        column = DIMENSIONS[dimension]["reception"]
        held = ReceptionDay.status == ReceptionStatus.HELD.value
        return self._run(self.sel.reception_days(column, func.count(), func.coalesce(func.sum(case((held, 1), else_=0)), 0),
                                                 func.coalesce(func.sum(case((held, ReceptionDay.residents_received),
                                                                             else_=0)), 0)), column)


def _names(connection: Connection, model, *columns) -> dict:
    return {row[0]: row[1:] if len(row) > 2 else row[1] for row in connection.execute(select(model.id, *columns))}


def _sorted_rows(rows: list[Row], by: int = 0) -> list[Row]:
    return sorted(rows, key=lambda row: (row.group is None, -(row.values[by] or 0), row.label))


def _total(rows: list[Row], columns: tuple[Column, ...], rates: dict[int, tuple[int, int]]) -> tuple:
    """Sums of the count columns; a rate column is worked out again from the summed counts
    (rates: column index → (part column, whole column))."""
    sums = [sum(row.values[i] or 0 for row in rows) if not column.is_rate else None
            for i, column in enumerate(columns)]
    for index, (part, whole) in rates.items():
        sums[index] = rate(sums[part], sums[whole])
    return tuple(sums)


# --- the tables -----------------------------------------------------------------------------------------

ACTIVITY_COLUMNS = (Column("活动次数", "activities"), Column("代表人次", "person_times"),
                    Column("联系群众", "residents_in_activities"))
OPINION_COLUMNS = (Column("收集意见", "opinions_collected"), Column("办结", "opinions_resolved"),
                   Column("办结率%", "opinions_resolved", is_rate=True))


def by_activity_kind(counter: _Counter) -> Breakdown:
    counts = counter.activities("kind")
    kinds = [k.value for k in ActivityKind] + sorted(set(counts) - {k.value for k in ActivityKind})
    rows = [Row(kind, kind, counts.get(kind, (0, 0, 0))) for kind in kinds if kind in counts]
    return Breakdown("kind", "按活动类型", "活动类型", ACTIVITY_COLUMNS, _sorted_rows(rows),
                     _total(rows, ACTIVITY_COLUMNS, {}))


def by_station(counter: _Counter) -> Breakdown:
    activities, opinions, reception = (counter.activities("station"), counter.opinions("station"),
                                       counter.reception("station"))
    names = _names(counter.c, Station, Station.name)
    columns = ACTIVITY_COLUMNS + (Column("接待日举行", "reception_held"), Column("接待群众", "residents_at_reception"),
                                  *OPINION_COLUMNS)
    rows = []
    for key in sorted(set(activities) | set(opinions) | set(reception), key=lambda k: (k is None, k or 0)):
        if counter.sel.scope.station_id and key != counter.sel.scope.station_id:
            continue
        count, people, residents = activities.get(key, (0, 0, 0))
        _scheduled, held, received = reception.get(key, (0, 0, 0))
        collected, resolved, *_ = opinions.get(key, (0, 0, 0, None))
        rows.append(Row(short_station_name(names[key]) if key in names else NO_STATION, key,
                        (count, people, residents, held, received, collected, resolved, rate(resolved, collected))))
    note = "" if counter.sel.reception_applies else "接待日按联络站统计，选定社区时不计。"
    return Breakdown("station", "按联络站", "联络站", columns, rows, _total(rows, columns, {7: (6, 5)}), note)


def by_community(counter: _Counter) -> Breakdown:
    activities, opinions = counter.activities("community"), counter.opinions("community")
    projects = {key: count for key, count in counter.c.execute(
        projects_joined(PROJECT_COMMUNITY, func.count()).where(counter.sel.projects_done_where())
        .group_by(PROJECT_COMMUNITY))}
    names = _names(counter.c, Community, Community.name)
    columns = ACTIVITY_COLUMNS + OPINION_COLUMNS + (Column("为民办实事", "projects_done"),)
    rows = []
    for key in set(activities) | set(opinions) | set(projects):
        count, people, residents = activities.get(key, (0, 0, 0))
        collected, resolved, *_ = opinions.get(key, (0, 0, 0, None))
        rows.append(Row(names.get(key, NO_COMMUNITY), key, (count, people, residents, collected, resolved,
                                                            rate(resolved, collected), projects.get(key, 0))))
    rows = _sorted_rows(rows)
    return Breakdown("community", "按社区", "社区/村", columns, rows, _total(rows, columns, {5: (4, 3)}))


def by_grid(counter: _Counter) -> Breakdown:
    activities, opinions = counter.activities("grid"), counter.opinions("grid")
    grids = {id_: (code, name) for id_, code, name in counter.c.execute(select(Grid.id, Grid.code, Grid.name))}
    columns = ACTIVITY_COLUMNS + OPINION_COLUMNS
    rows = []
    for key in set(activities) | set(opinions):
        count, people, residents = activities.get(key, (0, 0, 0))
        collected, resolved, *_ = opinions.get(key, (0, 0, 0, None))
        label = f"{grids[key][0]} {grids[key][1]}" if key in grids else NO_GRID
        rows.append(Row(label, key, (count, people, residents, collected, resolved, rate(resolved, collected))))
    rows = sorted(rows, key=lambda row: (row.group is None, row.label))
    return Breakdown("grid", "按网格", "网格", columns, rows, _total(rows, columns, {5: (4, 3)}))


def _opinion_table(counter: _Counter, dimension: str, title: str, header: str, order=None) -> Breakdown:
    counts = counter.opinions(dimension)
    columns = OPINION_COLUMNS + (Column("回复群众", "opinions_replied"), Column("平均办理天数"))
    rows = [Row(key or "（未填）", key, (collected, resolved, rate(resolved, collected), replied,
                                        round(days, 1) if days is not None else None))
            for key, (collected, resolved, replied, days) in counts.items()]
    rows = sorted(rows, key=lambda r: order.index(r.group) if order and r.group in order else 99) if order \
        else _sorted_rows(rows)
    total = _total(rows, columns, {2: (1, 0)})
    total = total[:4] + (_mean_days(rows),)
    return Breakdown(dimension, title, header, columns, rows, total)


def _mean_days(rows: list[Row]) -> float | None:
    weighted = [(row.values[1], row.values[4]) for row in rows if row.values[4] is not None]
    finished = sum(count for count, _days in weighted)
    return round(sum(count * days for count, days in weighted) / finished, 1) if finished else None


def by_status(counter: _Counter) -> Breakdown:
    counts = counter.opinions("status")
    columns = (Column("意见条数", "opinions_collected"),)
    order = [s.value for s in OpinionStatus]
    rows = [Row(status, status, (values[0],)) for status, values in counts.items()]
    rows.sort(key=lambda row: order.index(row.group) if row.group in order else 99)
    return Breakdown("status", "意见办理状态（现在的状态）", "状态", columns, rows, _total(rows, columns, {}),
                     "本期收集的意见现在处于哪一步；“办结”一栏按期末计，已办结后又重办的不算。")


def by_month(counter: _Counter) -> Breakdown:
    """Per month of the period: activities, person-times, residents, opinions collected and 办结."""
    sel = counter.sel
    months = {f"{y}-{m:02d}": [0, 0, 0, 0, 0, 0] for y, m in sel.period.months()}

    def add(query, column, offset: int):
        for day, *values in counter.c.execute(query.group_by(column)):
            bucket = months.get(f"{day:%Y-%m}")
            if bucket is not None:
                for i, value in enumerate(values):
                    bucket[offset + i] += value or 0

    add(sel.activities(Activity.date, func.count(), func.sum(Activity.residents_contacted), joined=False),
        Activity.date, 0)
    for day, count in counter.c.execute(sel.person_times(Activity.date, func.count(), joined=False)
                                        .group_by(Activity.date)):
        months[f"{day:%Y-%m}"][2] += count
    finished = sel.finished_by_end()
    add(sel.opinions(sel.collected_where(), Opinion.received_on, func.count(),
                     func.sum(case((finished, 1), else_=0)), joined=False), Opinion.received_on, 3)
    if sel.reception_applies:
        add(sel.reception_days(ReceptionDay.date, func.count(), statuses=(ReceptionStatus.HELD.value,)),
            ReceptionDay.date, 5)
    columns = (Column("活动次数", "activities"), Column("代表人次", "person_times"), Column("联系群众", "residents_in_activities"),
               Column("收集意见", "opinions_collected"), Column("办结", "opinions_resolved"),
               Column("接待日举行", "reception_held"))
    rows = [Row(f"{key[:4]}年{int(key[5:])}月", key, (v[0], v[2], v[1], v[3], v[4], v[5]))
            for key, v in months.items()]
    return Breakdown("month", "按月份", "月份", columns, rows, _total(rows, columns, {}))


def by_deputy(counter: _Counter) -> Breakdown:
    """Every deputy of the scope serving in the period, with their person-times of each kind."""
    sel, c = counter.sel, counter.c
    people = dict(c.execute(sel.person_times(ActivityDeputyLink.deputy_id, func.count(), joined=False)
                            .group_by(ActivityDeputyLink.deputy_id)).all())
    duty = dict(c.execute(sel.reception_duties(ReceptionDutyLink.deputy_id, func.count())
                          .group_by(ReceptionDutyLink.deputy_id)).all()) if sel.reception_applies else {}
    meetings = dict(c.execute(sel.meeting_attendance(MeetingDeputyLink.deputy_id, func.count())
                              .group_by(MeetingDeputyLink.deputy_id)).all())
    finished = sel.finished_by_end()
    opinions = {key: (count, done) for key, count, done in c.execute(
        select(Opinion.deputy_id, func.count(), func.coalesce(func.sum(case((finished, 1), else_=0)), 0))
        .where(Opinion.deputy_id.in_(select(Deputy.id).where(sel.deputies_where())),
               Opinion.received_on >= sel.start, Opinion.received_on <= sel.end)
        .group_by(Opinion.deputy_id))}
    deputies = c.execute(select(Deputy.id, Deputy.name, Deputy.name_pinyin, Station.name)
                         .outerjoin(Station, Station.id == Deputy.station_id).where(sel.deputies_where())).all()
    columns = (Column("联络站"), Column("活动人次", "person_times"), Column("接待日值班", "reception_duty"),
               Column("参加会议", "meeting_person_times"), Column("认领意见", "deputy_opinions"),
               Column("其中办结", "deputy_opinions_resolved"))
    rows = []
    for id_, name, pinyin, station in deputies:
        claimed, done = opinions.get(id_, (0, 0))
        rows.append((pinyin, Row(name, id_, (short_station_name(station) if station else "", people.get(id_, 0),
                                              duty.get(id_, 0), meetings.get(id_, 0), claimed, done))))
    rows.sort(key=lambda item: (-item[1].values[1], item[0]))
    ordered = [row for _pinyin, row in rows]
    total = ("",) + tuple(sum(row.values[i] for row in ordered) for i in range(1, len(columns)))
    note = "只列出本期在任的代表；活动人次不含会议和接待日值班（分列）。认领意见按意见的登记日期计。"
    return Breakdown("deputy", "代表履职人次", "代表", columns, ordered, total, note)


TABLES = (by_activity_kind, by_station, by_community, by_grid,
          lambda c: _opinion_table(c, "category", "意见分类", "分类"),
          lambda c: _opinion_table(c, "channel", "意见来源渠道", "渠道"),
          by_status, by_month, by_deputy)


def breakdowns(db: Database, period: Period, scope: Scope) -> list[Breakdown]:
    with db.session() as session:
        counter = _Counter(session.connection(), Selection(period, scope))
        return [table(counter) for table in TABLES]


def some_breakdowns(db: Database, period: Period, scope: Scope, *tables) -> list[Breakdown]:
    """Only the tables asked for (by_activity_kind, by_station…): what a paper prints."""
    with db.session() as session:
        counter = _Counter(session.connection(), Selection(period, scope))
        return [table(counter) for table in tables]
