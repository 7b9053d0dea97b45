"""Which records a statistic counts: one place for every definition (口径) of the 统计 tab.

A `Selection` is a period and a scope; each method returns the SQL condition or the select of the
records one figure counts. The figures (figures.py), the breakdowns (breakdowns.py) and the lists
behind every figure (records.py) are all built from these, so a figure and its list always agree.

The definitions, as the tab's help states them (help.py):

- 活动: a record of the 走访记录 (activity log) dated in the period, whatever its kind (议事会 and
  座谈会 entered there included). Meetings (履职成果 → 会议) and reception days are counted apart
  and never added in: the same 议事会 may stand in both logs (checks.py lists such pairs).
- 人次: one deputy in one activity (a deputy in three activities is three 人次).
- 联系群众: the residents an activity records plus those a held reception day records.
- 收集意见: opinions registered (登记) in the period. 办结: of those, the ones with a result (已办结 or
  已关闭) dated by the period's end; 办结率 = 办结 ÷ 收集. 回复: of those 办结, the ones replied to
  (已关闭, reply dated by the end); 回复率 = 回复 ÷ 办结.
- An opinion belongs to the station whose reception day or activity heard it, else to the station
  of the deputy who claimed it; to the community of its grid.
- Reception days belong to their station; a community has none of its own (their figures say —).
- 代表建议 belong to the lead deputy's station and to the communities of the opinions they grew
  from; 为民办实事 to their community and to the stations of the deputies following them.
"""
import datetime as dt

from sqlalchemy import and_, exists, false, func, or_, select, true
from sqlalchemy.orm import aliased

from gridoffice.db.portable import days_between
from gridoffice.domain import (Activity, ActivityDeputyLink, Deputy, DeputyGridLink, FollowUp, Grid, Meeting,
                               MeetingDeputyLink, Opinion, OpinionHistory, Project, ProjectDeputyLink,
                               ReceptionDay, ReceptionDutyLink, Suggestion, SuggestionDeputyLink,
                               SuggestionOpinionLink)
from gridoffice.domain.enums import DeputyStatus, OpinionStatus, ReceptionStatus
from gridoffice.domain.opinion_rules import Step
from gridoffice.domain.outcome_rules import MeetingStatus, ProjectStatus, SuggestionRole, SuggestionStatus

from .period import Period, Scope

S = OpinionStatus
FINISHED = (S.RESOLVED.value, S.CLOSED.value)

# the stations an opinion may belong to, in order: the reception day's, the activity's, the claiming deputy's
HEARD_AT_DAY = aliased(ReceptionDay, name="heard_day")
HEARD_AT_ACTIVITY = aliased(Activity, name="heard_activity")
CLAIMED_BY = aliased(Deputy, name="claimed_by")
OPINION_STATION = func.coalesce(HEARD_AT_DAY.station_id, HEARD_AT_ACTIVITY.station_id, CLAIMED_BY.station_id)
OPINION_GRID = aliased(Grid, name="opinion_grid")
ACTIVITY_GRID = aliased(Grid, name="activity_grid")


def opinions_joined(*columns, joined: bool = True):
    """select(columns) over opinions with what their station and community are read from (joined)."""
    if not joined:
        return select(*columns).select_from(Opinion)
    return (select(*columns).select_from(Opinion)
            .outerjoin(HEARD_AT_DAY, HEARD_AT_DAY.id == Opinion.reception_day_id)
            .outerjoin(HEARD_AT_ACTIVITY, HEARD_AT_ACTIVITY.id == Opinion.activity_id)
            .outerjoin(CLAIMED_BY, CLAIMED_BY.id == Opinion.deputy_id)
            .outerjoin(OPINION_GRID, OPINION_GRID.id == Opinion.grid_id))


def activities_joined(*columns, joined: bool = True):
    """select(columns) over activities, with their grid (for the community) when joined."""
    query = select(*columns).select_from(Activity)
    return query.outerjoin(ACTIVITY_GRID, ACTIVITY_GRID.id == Activity.grid_id) if joined else query


def _within(column, start: dt.date, end: dt.date):
    return and_(column >= start, column <= end)


class Selection:
    """The records of one period and scope."""

    def __init__(self, period: Period, scope: Scope):
        self.period = period
        self.scope = scope
        self.start, self.end = period.start, period.end

    def _grids_of_community(self):
        return select(Grid.id).where(Grid.community_id == self.scope.community_id)

    # --- 走访记录 ---------------------------------------------------------------------------------
    def activity_where(self):
        clauses = [_within(Activity.date, self.start, self.end)]
        if self.scope.station_id:
            clauses.append(Activity.station_id == self.scope.station_id)
        elif self.scope.community_id:
            clauses.append(Activity.grid_id.in_(self._grids_of_community()))
        return and_(*clauses)

    def activities(self, *columns, joined: bool = True):
        """joined=False: without the grid, for counts that do not group by community (faster)."""
        return activities_joined(*columns, joined=joined).where(self.activity_where())

    def person_times(self, *columns, joined: bool = True):
        """One row per deputy per activity."""
        return (activities_joined(*columns, joined=joined)
                .join(ActivityDeputyLink, ActivityDeputyLink.activity_id == Activity.id).where(self.activity_where()))

    # --- 接待日 ---------------------------------------------------------------------------------------
    @property
    def reception_applies(self) -> bool:
        """Reception days belong to stations: a community has none of its own."""
        return not self.scope.community_id

    def reception_where(self, *statuses: str):
        clauses = [_within(ReceptionDay.date, self.start, self.end)]
        if statuses:
            clauses.append(ReceptionDay.status.in_(statuses))
        if self.scope.station_id:
            clauses.append(ReceptionDay.station_id == self.scope.station_id)
        elif self.scope.community_id:
            clauses.append(false())
        return and_(*clauses)

    def reception_days(self, *columns, statuses=(ReceptionStatus.PLANNED.value, ReceptionStatus.HELD.value)):
        """Scheduled days (计划 or 已举行: cancelled ones are not scheduled any more) unless told."""
        return select(*columns).select_from(ReceptionDay).where(self.reception_where(*statuses))

    def reception_duties(self, *columns):
        """One row per deputy on duty on a held day."""
        return (select(*columns).select_from(ReceptionDay)
                .join(ReceptionDutyLink, ReceptionDutyLink.reception_day_id == ReceptionDay.id)
                .where(self.reception_where(ReceptionStatus.HELD.value)))

    # --- 民情意见 -------------------------------------------------------------------------------------
    def opinion_scope(self):
        if self.scope.station_id:
            return OPINION_STATION == self.scope.station_id
        if self.scope.community_id:
            return OPINION_GRID.community_id == self.scope.community_id
        return true()

    def collected_where(self):
        return and_(_within(Opinion.received_on, self.start, self.end), self.opinion_scope())

    def resolved_where(self):
        """办结: collected in the period, a result dated by its end (已办结 or 已关闭)."""
        return and_(self.collected_where(), self.finished_by_end())

    def replied_where(self):
        """回复: 办结 and replied to by the period's end (已关闭)."""
        return and_(self.collected_where(), self.replied_by_end())

    def finished_by_end(self):
        # "is not null" first: a missing date makes the condition false, never null (so ~ works)
        return and_(Opinion.status.in_(FINISHED), Opinion.resolved_on.is_not(None), Opinion.resolved_on <= self.end)

    def replied_by_end(self):
        return and_(self.finished_by_end(), Opinion.status == S.CLOSED.value, Opinion.replied_on.is_not(None),
                    Opinion.replied_on <= self.end)

    def rejected_by_end(self):
        return and_(Opinion.status == S.REJECTED.value, Opinion.closed_on.is_not(None), Opinion.closed_on <= self.end)

    def _stepped_by_end(self, *steps: str):
        return exists().where(OpinionHistory.opinion_id == Opinion.id, OpinionHistory.action.in_(steps),
                              OpinionHistory.on <= self.end)

    def claimed_where(self):
        """The loop's funnel, 认领: collected and claimed by a deputy by the period's end (or further on)."""
        return and_(self.collected_where(), or_(self._stepped_by_end(Step.CLAIM.value, Step.ASSIGN.value),
                                                self.finished_by_end()))

    def assigned_where(self):
        """The funnel, 交办: collected and handed to a department by the period's end (or further on)."""
        return and_(self.collected_where(), or_(self._stepped_by_end(Step.ASSIGN.value), self.finished_by_end()))

    def rejected_where(self):
        return and_(self.collected_where(), self.rejected_by_end())

    def open_where(self):
        """Collected and neither 办结 nor 不予受理 by the period's end."""
        return and_(self.collected_where(), ~self.finished_by_end(), ~self.rejected_by_end())

    def earlier_resolved_where(self):
        """办结 in the period, registered before it (not in 办结, which counts the period's own).
        status || '' keeps SQLite on the 办结 date's index (the status index would read every closed one)."""
        return and_(_within(Opinion.resolved_on, self.start, self.end), Opinion.received_on < self.start,
                    Opinion.status.concat("").in_(FINISHED), self.opinion_scope())

    def opinions(self, where, *columns, joined: bool = True):
        """joined=False (only for the whole office, not grouping by station or community): no joins."""
        return opinions_joined(*columns, joined=joined or not self.scope.is_whole).where(where)

    def latest_followups(self):
        """(opinion_id, verdict) of each opinion followed up in the period, its last call there."""
        ranked = (select(FollowUp.opinion_id, FollowUp.verdict, FollowUp.id,
                         func.row_number().over(partition_by=FollowUp.opinion_id,
                                                order_by=(FollowUp.on.desc(), FollowUp.id.desc())).label("rank"))
                  .where(_within(FollowUp.on, self.start, self.end)))
        if not self.scope.is_whole:
            ranked = ranked.where(FollowUp.opinion_id.in_(opinions_joined(Opinion.id).where(self.opinion_scope())))
        ranked = ranked.subquery()
        return select(ranked.c.opinion_id, ranked.c.verdict, ranked.c.id).where(ranked.c.rank == 1).subquery()

    # --- 履职成果 -------------------------------------------------------------------------------------
    def _suggestion_scope(self):
        if self.scope.station_id:
            lead = (select(SuggestionDeputyLink.suggestion_id)
                    .join(Deputy, Deputy.id == SuggestionDeputyLink.deputy_id)
                    .where(SuggestionDeputyLink.role == SuggestionRole.LEAD.value,
                           Deputy.station_id == self.scope.station_id))
            return Suggestion.id.in_(lead)
        if self.scope.community_id:
            grown = (select(SuggestionOpinionLink.suggestion_id)
                     .join(Opinion, Opinion.id == SuggestionOpinionLink.opinion_id)
                     .where(Opinion.grid_id.in_(self._grids_of_community())))
            return Suggestion.id.in_(grown)
        return true()

    def suggestions_formed_where(self):
        return and_(_within(Suggestion.submitted_on, self.start, self.end), self._suggestion_scope())

    def suggestions_closed_where(self):
        """办结 in the period (the department's reply dated in it), whenever it was put forward."""
        return and_(Suggestion.status == SuggestionStatus.DONE.value,
                    _within(Suggestion.replied_on, self.start, self.end), self._suggestion_scope())

    def _project_scope(self):
        if self.scope.station_id:
            followed = (select(ProjectDeputyLink.project_id).join(Deputy, Deputy.id == ProjectDeputyLink.deputy_id)
                        .where(Deputy.station_id == self.scope.station_id))
            return Project.id.in_(followed)
        if self.scope.community_id:
            return or_(Project.community_id == self.scope.community_id,
                       Project.grid_id.in_(self._grids_of_community()))
        return true()

    def projects_done_where(self):
        return and_(Project.status == ProjectStatus.DONE.value, _within(Project.completed_on, self.start, self.end),
                    self._project_scope())

    def meetings_where(self):
        clauses = [Meeting.status == MeetingStatus.HELD.value, _within(Meeting.date, self.start, self.end)]
        if self.scope.station_id:
            clauses.append(Meeting.station_id == self.scope.station_id)
        elif self.scope.community_id:
            clauses.append(Meeting.grid_id.in_(self._grids_of_community()))
        return and_(*clauses)

    def meeting_attendance(self, *columns):
        return (select(*columns).select_from(Meeting)
                .join(MeetingDeputyLink, MeetingDeputyLink.meeting_id == Meeting.id)
                .where(self.meetings_where(), MeetingDeputyLink.attended))

    # --- deputies -------------------------------------------------------------------------------------
    def deputies_where(self):
        """Deputies of the scope who served during some of the period."""
        clauses = [or_(Deputy.took_office_on.is_(None), Deputy.took_office_on <= self.end),
                   or_(Deputy.left_office_on.is_(None), Deputy.left_office_on >= self.start),
                   or_(Deputy.status == DeputyStatus.SERVING.value, Deputy.left_office_on.is_not(None))]
        if self.scope.station_id:
            clauses.append(Deputy.station_id == self.scope.station_id)
        elif self.scope.community_id:
            clauses.append(exists().where(DeputyGridLink.deputy_id == Deputy.id,
                                          DeputyGridLink.grid_id.in_(self._grids_of_community())))
        return and_(*clauses)


# --- dimensions: what a breakdown groups by, per kind of record ------------------------------------------

PROJECT_GRID = aliased(Grid, name="project_grid")
PROJECT_COMMUNITY = func.coalesce(Project.community_id, PROJECT_GRID.community_id)

DIMENSIONS = {
    "kind": {"activity": Activity.kind},
    "station": {"activity": Activity.station_id, "opinion": OPINION_STATION, "reception": ReceptionDay.station_id},
    "community": {"activity": ACTIVITY_GRID.community_id, "opinion": OPINION_GRID.community_id,
                  "project": PROJECT_COMMUNITY},
    "grid": {"activity": Activity.grid_id, "opinion": Opinion.grid_id},
    "category": {"opinion": Opinion.category},
    "channel": {"opinion": Opinion.channel},
    "status": {"opinion": Opinion.status},
    "deputy": {"activity": ActivityDeputyLink.deputy_id, "opinion": Opinion.deputy_id,
               "reception": ReceptionDutyLink.deputy_id, "meeting": MeetingDeputyLink.deputy_id},
    # month: the record's own date (活动日期, 登记日期, 接待日期), matched as a range
    "month": {"activity": Activity.date, "opinion": Opinion.received_on, "reception": ReceptionDay.date},
}


def group_clause(dimension: str, source: str, value):
    """The condition that keeps the records of one breakdown row: `value` is the id or text the row
    stands for (None: records without one, e.g. an activity in no grid); a month is "2026-03"."""
    if dimension == "close_days":   # "0-7", "61-": days from 登记 to 办结
        low, _dash, high = str(value).partition("-")
        days = days_between(Opinion.received_on, Opinion.resolved_on)
        return and_(days >= int(low), days <= int(high)) if high else days >= int(low)
    column = DIMENSIONS[dimension][source]
    if dimension == "month":
        year, month = (int(part) for part in str(value).split("-"))
        period = Period.month(year, month)
        return _within(column, period.start, period.end)
    return column.is_(None) if value is None else column == value


def projects_joined(*columns):
    return select(*columns).select_from(Project).outerjoin(PROJECT_GRID, PROJECT_GRID.id == Project.grid_id)
