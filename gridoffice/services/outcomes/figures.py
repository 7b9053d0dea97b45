"""The figures of 履职成果 for a period, each with the same period a year earlier (同比), counted from
the records of this package (never from the old opinion flags): what the statistics tab, its JSON,
the annual report ("形成代表建议8件，办实事30余件") and the deputy's yearly file show.

    figures = year_figures(db, 2026)             # or period_figures(db, start, end)
    for figure in figures: print(figure.describe())
"""
import datetime as dt
from dataclasses import asdict, dataclass, field

from sqlalchemy import and_, func, or_
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import (Activity, Appraisal, AppraisalDeputy, AppraisalQuestion, Campaign, Dispute,
                               DisputeDeputyLink, Meeting, MeetingDeputyLink, Opinion, Project, ProjectDeputyLink,
                               ReceptionDay, Suggestion, SuggestionDeputyLink)
from gridoffice.domain.enums import OpinionChannel, Satisfaction
from gridoffice.domain.outcome_rules import (AppraisalStatus, DisputeStatus, MeetingStatus, ProjectStatus,
                                             SuggestionRole, SuggestionStatus)

from .followups import satisfaction_rows, settled_rows


@dataclass(frozen=True)
class Figure:
    key: str                       # stable, for JSON
    label: str
    unit: str                      # 件, 次, 人次, %
    value: int | float | None
    previous: int | float | None   # the same period a year earlier
    # the day the office's records begin, when that is inside the earlier period: its figure covers
    # only part of it (the first year with the program), so there is no 同比
    records_from: dt.date | None = None

    @property
    def comparable(self) -> bool:
        return self.value is not None and self.previous is not None and self.records_from is None

    @property
    def change(self) -> int | float | None:
        if not self.comparable:
            return None
        return round(self.value - self.previous, 1) if isinstance(self.value, float) else self.value - self.previous

    @property
    def change_percent(self) -> float | None:
        """同比 in % for counts (a rate's change is in points: see `change`)."""
        if self.unit == "%" or not self.comparable or not self.previous:
            return None
        return round(100 * (self.value - self.previous) / self.previous, 1)

    def describe(self) -> str:
        def shown(value):
            return "—" if value is None else f"{value}{self.unit}"
        partial = "，记录不全" if self.records_from is not None else ""
        return f"{self.label} {shown(self.value)}（上年同期 {shown(self.previous)}{partial}）"

    def as_json(self) -> dict:
        return {**asdict(self), "records_from": self.records_from.isoformat() if self.records_from else None,
                "change": self.change, "change_percent": self.change_percent}


# what the office records as it works, each with its day (the first of them is when the records begin)
RECORD_DAYS = (Activity.date, Opinion.received_on, ReceptionDay.date, Suggestion.submitted_on, Meeting.date,
               Dispute.received_on, Appraisal.date)


def records_begin(connection) -> dt.date | None:
    """The first day the office's records hold (one query); None when it has none."""
    firsts = connection.execute(select(*(select(func.min(day)).scalar_subquery() for day in RECORD_DAYS))).one()
    days = [day for day in firsts if day is not None]
    return min(days) if days else None


def incomplete_before(connection, earlier: tuple[dt.date, dt.date]) -> dt.date | None:
    """The day the records begin when more than a tenth of the earlier period (start, end) lies
    before it: that period is only partly recorded (an office in its first year with the program)
    and a 同比 against it would mislead. None when the records cover it."""
    begin = records_begin(connection)
    start, end = earlier
    if begin is None or begin <= start + (end - start) / 10:
        return None
    return begin


def year_back(day: dt.date) -> dt.date:
    """The same day a year earlier (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


# key → (label, unit)
LABELS = {
    "suggestions_formed": ("形成代表建议", "件"),
    "suggestions_closed": ("办结代表建议", "件"),
    "suggestions_satisfied": ("代表对答复满意或基本满意", "件"),
    "projects_done": ("办结为民办实事", "件"),
    "projects_started": ("开工为民办实事", "件"),
    "meetings_held": ("召开会议", "次"),
    "meeting_person_times": ("代表参加会议", "人次"),
    "meeting_residents": ("群众参加会议", "人次"),
    "appraisals_held": ("召开述职评议会", "场"),
    "deputies_reported": ("代表述职", "人"),
    "appraisal_voters": ("参加测评的选民代表", "人次"),
    "campaigns_active": ("开展专项活动", "项"),
    "followups": ("回访群众", "件"),
    "satisfaction_rate": ("群众满意度", "%"),
    "settled_in_grid_share": ("网格内化解占比", "%"),
    "disputes_received": ("受理矛盾纠纷", "件"),
    "disputes_settled": ("调解成功", "件"),
    "disputes_refused": ("不予受理的纠纷", "件"),
    "online_activities": ("网上履职活动", "次"),
    "online_opinions_closed": ("办结网上意见", "条"),
}


def _count(session: Session, model, *conditions) -> int:
    return session.exec(select(func.count()).select_from(model).where(*conditions)).one()


def _values(session: Session, start: dt.date, end: dt.date) -> dict[str, int | float | None]:
    def within(column):
        return and_(column >= start, column <= end)

    held = select(Meeting.id).where(Meeting.status == MeetingStatus.HELD.value, within(Meeting.date))
    appraisals = select(Appraisal.id).where(Appraisal.status == AppraisalStatus.HELD.value, within(Appraisal.date))
    total = satisfaction_rows(session, start, end)[0]
    settled = settled_rows(session, start, end)
    return {
        "suggestions_formed": _count(session, Suggestion, within(Suggestion.submitted_on)),
        "suggestions_closed": _count(session, Suggestion, Suggestion.status == SuggestionStatus.DONE.value,
                                     within(Suggestion.replied_on)),
        "suggestions_satisfied": _count(session, Suggestion, within(Suggestion.verdict_on),
                                        Suggestion.verdict.in_([Satisfaction.SATISFIED.value,
                                                                Satisfaction.BASICALLY.value])),
        "projects_done": _count(session, Project, Project.status == ProjectStatus.DONE.value,
                                within(Project.completed_on)),
        "projects_started": _count(session, Project, within(Project.started_on),
                                   Project.status != ProjectStatus.CANCELLED.value),
        "meetings_held": _count(session, Meeting, Meeting.id.in_(held)),
        "meeting_person_times": _count(session, MeetingDeputyLink, MeetingDeputyLink.meeting_id.in_(held),
                                       MeetingDeputyLink.attended),
        "meeting_residents": session.exec(select(func.sum(Meeting.residents_present))
                                          .where(Meeting.id.in_(held))).one() or 0,
        "appraisals_held": _count(session, Appraisal, Appraisal.id.in_(appraisals)),
        "deputies_reported": _count(session, AppraisalDeputy, AppraisalDeputy.appraisal_id.in_(appraisals)),
        "appraisal_voters": session.exec(select(func.sum(Appraisal.voters_present))
                                         .where(Appraisal.id.in_(appraisals))).one() or 0,
        "campaigns_active": _count(session, Campaign, Campaign.start_on <= end,
                                   or_(Campaign.end_on.is_(None), Campaign.end_on >= start)),
        "followups": total.followups,
        "satisfaction_rate": total.rate,
        "settled_in_grid_share": settled.grid_share,
        "disputes_received": _count(session, Dispute, within(Dispute.received_on)),
        "disputes_settled": _count(session, Dispute, Dispute.status == DisputeStatus.SETTLED.value,
                                   within(Dispute.result_on)),
        "disputes_refused": _count(session, Dispute, Dispute.status == DisputeStatus.REFUSED.value,
                                   within(Dispute.result_on)),
        "online_activities": _count(session, Activity, Activity.online, within(Activity.date)),
        # resolved_on is set exactly while an opinion is 已办结 or 已关闭
        "online_opinions_closed": _count(session, Opinion, Opinion.channel == OpinionChannel.ONLINE.value,
                                         within(Opinion.resolved_on)),
    }


def period_figures(db: Database, start: dt.date, end: dt.date) -> list[Figure]:
    """Every figure for the period with the same period a year earlier, in the order of LABELS."""
    with db.session() as session:
        now = _values(session, start, end)
        before = _values(session, year_back(start), year_back(end))
        records_from = incomplete_before(session.connection(), (year_back(start), year_back(end)))
    return [Figure(key, label, unit, now[key], before[key], records_from) for key, (label, unit) in LABELS.items()]


def year_figures(db: Database, year: int) -> list[Figure]:
    return period_figures(db, dt.date(year, 1, 1), dt.date(year, 12, 31))


def figures_json(figures: list[Figure]) -> dict:
    """{"items": [...]} with each figure's key, label, unit, value, previous and change."""
    return {"items": [figure.as_json() for figure in figures]}


# --- breakdowns ------------------------------------------------------------------------------------

def meetings_by_kind(db: Database, start: dt.date, end: dt.date) -> dict[str, int]:
    """Meetings held per kind (例会 12, 议事会 30, 圆桌会 5…), most first."""
    with db.session() as session:
        rows = session.exec(select(Meeting.kind, func.count()).where(Meeting.status == MeetingStatus.HELD.value,
                                                                    Meeting.date >= start, Meeting.date <= end)
                            .group_by(Meeting.kind).order_by(func.count().desc(), Meeting.kind)).all()
    return dict(rows)


def disputes_by_kind(db: Database, start: dt.date, end: dt.date) -> dict[str, dict[str, int]]:
    """Per kind: received in the period, and how many of those ended in each way
    ("化解租赁矛盾43起": {"租赁": {"受理": 45, "调解成功": 43, …}})."""
    with db.session() as session:
        rows = session.exec(select(Dispute.kind, Dispute.status, func.count())
                            .where(Dispute.received_on >= start, Dispute.received_on <= end)
                            .group_by(Dispute.kind, Dispute.status)).all()
    result: dict[str, dict[str, int]] = {}
    for kind, status, count in rows:
        entry = result.setdefault(kind, {"受理": 0})
        entry["受理"] += count
        entry[status] = entry.get(status, 0) + count
    return dict(sorted(result.items(), key=lambda item: -item[1]["受理"]))


def projects_by_kind(db: Database, year: int) -> dict[str, int]:
    """Projects on the year's list per kind."""
    with db.session() as session:
        return dict(session.exec(select(Project.kind, func.count())
                                 .where(Project.year == year, Project.status != ProjectStatus.CANCELLED.value)
                                 .group_by(Project.kind).order_by(func.count().desc(), Project.kind)).all())


# --- the deputy's yearly file and points ------------------------------------------------------------

@dataclass(frozen=True)
class DeputyOutcomes:
    """What one deputy did of these in a year, for the yearly file (履职档案) and the points."""
    year: int
    meetings_attended: int
    meetings_missed: int                   # invited to a held meeting, did not come
    meetings: list[tuple[dt.date, str, str]] = field(default_factory=list)   # (date, kind, title) attended
    suggestions_led: int = 0
    suggestions_cosigned: int = 0
    suggestions: list[tuple[str, str, str, str]] = field(default_factory=list)  # (serial, title, role, status)
    projects_followed: int = 0
    disputes_mediated: int = 0
    disputes_settled: int = 0
    appraisal_result: str = ""             # 满意 / 称职… of the 述职 for that year, "" if none held
    appraisal_votes: tuple[int, int, int] | None = None
    appraisal_scale: str = ""
    questions_put: int = 0                 # voters' questions at the 述职, entered as opinions


def deputy_outcomes(db: Database, deputy_id: int, year: int) -> DeputyOutcomes:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    with db.session() as session:
        meetings = session.exec(
            select(Meeting.date, Meeting.kind, Meeting.title, MeetingDeputyLink.attended)
            .join(MeetingDeputyLink, MeetingDeputyLink.meeting_id == Meeting.id)
            .where(MeetingDeputyLink.deputy_id == deputy_id, Meeting.status == MeetingStatus.HELD.value,
                   Meeting.date >= start, Meeting.date <= end).order_by(Meeting.date)).all()
        suggestions = [tuple(r) for r in session.exec(
            select(Suggestion.serial, Suggestion.title, SuggestionDeputyLink.role, Suggestion.status)
            .join(SuggestionDeputyLink, SuggestionDeputyLink.suggestion_id == Suggestion.id)
            .where(SuggestionDeputyLink.deputy_id == deputy_id, Suggestion.submitted_on >= start,
                   Suggestion.submitted_on <= end).order_by(Suggestion.serial))]
        projects = _count(session, ProjectDeputyLink, ProjectDeputyLink.deputy_id == deputy_id,
                          ProjectDeputyLink.project_id.in_(select(Project.id).where(
                              Project.year == year, Project.status != ProjectStatus.CANCELLED.value)))
        disputes = session.exec(select(Dispute.status).join(DisputeDeputyLink, DisputeDeputyLink.dispute_id == Dispute.id)
                                .where(DisputeDeputyLink.deputy_id == deputy_id, Dispute.received_on >= start,
                                       Dispute.received_on <= end)).all()
        appraisal = session.exec(
            select(AppraisalDeputy.result, AppraisalDeputy.votes_good, AppraisalDeputy.votes_fair,
                   AppraisalDeputy.votes_poor, Appraisal.scale)
            .join(Appraisal, Appraisal.id == AppraisalDeputy.appraisal_id)
            .where(AppraisalDeputy.deputy_id == deputy_id, Appraisal.year == year,
                   Appraisal.status == AppraisalStatus.HELD.value)).first()
        questions = _count(session, AppraisalQuestion, AppraisalQuestion.deputy_id == deputy_id,
                           AppraisalQuestion.appraisal_id.in_(select(Appraisal.id).where(Appraisal.year == year)))
    return DeputyOutcomes(
        year, sum(1 for *_, attended in meetings if attended), sum(1 for *_, attended in meetings if not attended),
        [(day, kind, title) for day, kind, title, attended in meetings if attended],
        sum(1 for s in suggestions if s[2] == SuggestionRole.LEAD), sum(1 for s in suggestions
                                                                        if s[2] != SuggestionRole.LEAD),
        suggestions, projects, len(disputes), sum(1 for s in disputes if s == DisputeStatus.SETTLED),
        appraisal[0] if appraisal else "", tuple(appraisal[1:4]) if appraisal else None,
        appraisal[4] if appraisal else "", questions)
