"""After an opinion closes: the follow-up call (回访) with the resident's verdict, and the level where
the matter was settled (网格/社区/街道/区: 小事不出格). The satisfaction rate (群众满意度) and the
share settled inside the grid are worked out from these records.
"""
import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import and_, func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import (Activity, Appraisal, AppraisalQuestion, Campaign, CampaignOpinionLink, Department,
                               Deputy, FollowUp, Meeting, MeetingDecision, Opinion, Project, ProjectOpinionLink,
                               ReceptionDay, Station, Suggestion, SuggestionOpinionLink)
from gridoffice.domain.enums import OpinionStatus, Satisfaction
from gridoffice.domain.outcome_rules import (FollowUpMethod, OutcomeInputError, OutcomeStateError, SettledLevel,
                                             check_text, rate)
from gridoffice.domain.rules import normalize_text

from .common import get_record

S = OpinionStatus
SETTLED_STATUSES = (S.RESOLVED.value, S.CLOSED.value)


def find_opinion(db: Database, serial: str) -> int:
    """The id of the opinion with 编号 `serial` (2026-0042)."""
    with db.session() as session:
        found = session.exec(select(Opinion.id).where(Opinion.serial == serial.strip())).first()
    if found is None:
        raise OutcomeInputError("opinion", f"找不到编号为“{serial.strip()}”的民情意见。")
    return found


def record_followup(db: Database, opinion_id: int, *, on: dt.date, verdict: str, today: dt.date,
                    method: str = FollowUpMethod.PHONE.value, caller: str = "", note: str = "") -> int:
    """A follow-up of a closed opinion; returns its id. A 不满意 does not reopen the matter by itself:
    the clerk decides on 重办 in 民情办理 (the list of unsatisfied follow-ups shows them)."""
    with db.session() as session:
        opinion = get_record(session, Opinion, opinion_id, "民情意见")
        if opinion.status != S.CLOSED:
            raise OutcomeStateError(f"意见 {opinion.serial} 当前为“{opinion.status}”：办结并回复群众（已关闭）后才能回访。")
        if verdict not in {s.value for s in Satisfaction}:
            raise OutcomeInputError("verdict", "请选择群众的评价：满意、基本满意或不满意。")
        if method not in {m.value for m in FollowUpMethod}:
            raise OutcomeInputError("method", "请选择回访方式：电话、上门、短信或微信。")
        if on > today:
            raise OutcomeInputError("on", f"回访日期不能晚于今天（{today:%Y-%m-%d}）。")
        if opinion.closed_on and on < opinion.closed_on:
            raise OutcomeInputError("on", f"回访日期不能早于意见关闭的日期（{opinion.closed_on:%Y-%m-%d}）。")
        followup = FollowUp(opinion_id=opinion_id, on=on, method=method, verdict=verdict,
                            caller=normalize_text(caller)[:50], note=check_text(note, "note", "回访记录", 1000,
                                                                                  required=False))
        session.add(followup)
        session.flush()
        return followup.id


def delete_followup(db: Database, followup_id: int) -> None:
    with db.session() as session:
        session.delete(get_record(session, FollowUp, followup_id, "回访记录"))


@dataclass(frozen=True)
class FollowUpEntry:
    id: int
    on: dt.date
    method: str
    verdict: str
    caller: str
    note: str


def followups_of(db: Database, opinion_id: int) -> list[FollowUpEntry]:
    with db.session() as session:
        return [FollowUpEntry(f.id, f.on, f.method, f.verdict, f.caller, f.note) for f in session.exec(
            select(FollowUp).where(FollowUp.opinion_id == opinion_id).order_by(FollowUp.on, FollowUp.id))]


@dataclass(frozen=True)
class FollowUpTodo:
    """A closed opinion not yet followed up."""
    opinion_id: int
    serial: str
    closed_on: dt.date
    category: str
    content: str
    deputy: str
    department: str


def _waiting_for_followup() -> tuple:
    return Opinion.status == S.CLOSED.value, Opinion.id.not_in(select(FollowUp.opinion_id))


def followups_due(db: Database, *, closed_since: dt.date | None = None) -> list[FollowUpTodo]:
    """Closed opinions without any follow-up, oldest closing first (回访待办)."""
    with db.session() as session:
        query = (select(Opinion.id, Opinion.serial, Opinion.closed_on, Opinion.category, Opinion.content,
                        Deputy.name, Department.name)
                 .join(Deputy, Deputy.id == Opinion.deputy_id, isouter=True)
                 .join(Department, Department.id == Opinion.department_id, isouter=True)
                 .where(*_waiting_for_followup())
                 .order_by(Opinion.closed_on, Opinion.id))
        if closed_since:
            query = query.where(Opinion.closed_on >= closed_since)
        return [FollowUpTodo(i, serial, closed, category, content, deputy or "", department or "")
                for i, serial, closed, category, content, deputy, department in session.exec(query)]


def count_followups_due(db: Database) -> int:
    """How many closed opinions have no follow-up yet (the 民情办理 tab's 回访待办), counted by the database."""
    with db.session() as session:
        return session.exec(select(func.count()).select_from(Opinion).where(*_waiting_for_followup())).one()


def set_settled_level(db: Database, opinion_id: int, level: str) -> None:
    """Where a matter was settled (网格, 社区, 街道, 区), said once it is 已办结 or 已关闭; "" clears it."""
    with db.session() as session:
        opinion = get_record(session, Opinion, opinion_id, "民情意见")
        if level and level not in {lv.value for lv in SettledLevel}:
            raise OutcomeInputError("settled_level", "请选择化解层级：网格、社区、街道或区。")
        if level and opinion.status not in SETTLED_STATUSES:
            raise OutcomeStateError(f"意见 {opinion.serial} 还没有办结，不能记录在哪一级化解。")
        opinion.settled_level = level
        session.add(opinion)


# --- what the opinion form shows of the outcome ---------------------------------------------------

@dataclass(frozen=True)
class OpinionOutcome:
    settled_level: str
    followups: list[FollowUpEntry] = field(default_factory=list)
    suggestions: list[tuple[int, str, str]] = field(default_factory=list)   # (id, serial, status)
    projects: list[tuple[int, str, str]] = field(default_factory=list)      # (id, name, status)
    campaigns: list[tuple[int, str]] = field(default_factory=list)
    source: str = ""        # "2026-05-06 议事会“…”" or "2026-06-03 述职评议会" when opened there


def opinion_outcome(db: Database, opinion_id: int) -> OpinionOutcome:
    """What an opinion grew into and how it ended, for the opinion form (phase 2 screens)."""
    with db.session() as session:
        opinion = get_record(session, Opinion, opinion_id, "民情意见")
        followups = [FollowUpEntry(f.id, f.on, f.method, f.verdict, f.caller, f.note) for f in session.exec(
            select(FollowUp).where(FollowUp.opinion_id == opinion_id).order_by(FollowUp.on, FollowUp.id))]
        suggestions = [tuple(r) for r in session.exec(
            select(Suggestion.id, Suggestion.serial, Suggestion.status)
            .join(SuggestionOpinionLink, SuggestionOpinionLink.suggestion_id == Suggestion.id)
            .where(SuggestionOpinionLink.opinion_id == opinion_id).order_by(Suggestion.serial))]
        projects = [tuple(r) for r in session.exec(
            select(Project.id, Project.name, Project.status)
            .join(ProjectOpinionLink, ProjectOpinionLink.project_id == Project.id)
            .where(ProjectOpinionLink.opinion_id == opinion_id).order_by(Project.id))]
        campaigns = [tuple(r) for r in session.exec(
            select(Campaign.id, Campaign.name).join(CampaignOpinionLink, CampaignOpinionLink.campaign_id == Campaign.id)
            .where(CampaignOpinionLink.opinion_id == opinion_id).order_by(Campaign.id))]
        source = ""
        meeting = session.exec(select(Meeting.date, Meeting.kind, Meeting.title)
                               .join(MeetingDecision, MeetingDecision.meeting_id == Meeting.id)
                               .where(MeetingDecision.opinion_id == opinion_id)
                               .order_by(Meeting.date, Meeting.id)).first()
        if meeting:
            source = f"{meeting[0]:%Y-%m-%d} {meeting[1]}“{meeting[2]}”"
        appraisal = session.exec(select(Appraisal.date)
                                 .join(AppraisalQuestion, AppraisalQuestion.appraisal_id == Appraisal.id)
                                 .where(AppraisalQuestion.opinion_id == opinion_id)
                                 .order_by(Appraisal.date, Appraisal.id)).first()
        if appraisal:
            source = f"{appraisal:%Y-%m-%d} 述职评议会"
        return OpinionOutcome(opinion.settled_level, followups, suggestions, projects, campaigns, source)


# --- satisfaction and where matters were settled --------------------------------------------------

GROUPS = ("station", "deputy", "department")


@dataclass(frozen=True)
class SatisfactionRow:
    label: str               # the station, deputy or department; "合计" for the whole office
    followups: int           # opinions followed up in the period (the latest call of each counts)
    satisfied: int
    basically: int
    unsatisfied: int

    @property
    def rate(self) -> float | None:
        """群众满意度 in %: 满意 and 基本满意 over all followed up."""
        return rate(self.satisfied + self.basically, self.followups)


def latest_followups(start: dt.date | None = None, end: dt.date | None = None, *, opinion_ids=None):
    """A subquery of one row per opinion followed up in the period (opinion_id, verdict): its
    latest follow-up there, so a matter called twice counts once, with its last verdict.
    `opinion_ids` (a select of ids) narrows it to some opinions."""
    ranked = select(FollowUp.opinion_id, FollowUp.verdict,
                    func.row_number().over(partition_by=FollowUp.opinion_id,
                                           order_by=(FollowUp.on.desc(), FollowUp.id.desc())).label("rank"))
    if opinion_ids is not None:
        ranked = ranked.where(FollowUp.opinion_id.in_(opinion_ids))
    if start is not None:
        ranked = ranked.where(FollowUp.on >= start)
    if end is not None:
        ranked = ranked.where(FollowUp.on <= end)
    ranked = ranked.subquery()
    return select(ranked.c.opinion_id, ranked.c.verdict).where(ranked.c.rank == 1).subquery()


def satisfaction(db: Database, start: dt.date, end: dt.date, *, by: str | None = None) -> list[SatisfactionRow]:
    """The satisfaction rate of follow-ups dated in the period, for the office (by None) or per
    station, deputy (who claimed the matter) or department (who handled it). A station is the one
    whose reception day heard the opinion, else the activity's, else the claiming deputy's."""
    with db.session() as session:
        return satisfaction_rows(session, start, end, by=by)


def satisfaction_rows(session: Session, start: dt.date, end: dt.date, *, by: str | None = None
                      ) -> list[SatisfactionRow]:
    if by is not None and by not in GROUPS:
        raise ValueError(f"unknown grouping {by!r}")
    if by is None:
        return [_office_total(session, start, end)]
    latest = latest_followups(start, end)
    if by == "deputy":
        query = (select(latest.c.verdict, Deputy.name).join(Opinion, Opinion.id == latest.c.opinion_id)
                 .join(Deputy, Deputy.id == Opinion.deputy_id, isouter=True))
    elif by == "department":
        query = (select(latest.c.verdict, Department.name).join(Opinion, Opinion.id == latest.c.opinion_id)
                 .join(Department, Department.id == Opinion.department_id, isouter=True))
    else:
        station_id = func.coalesce(ReceptionDay.station_id, Activity.station_id, Deputy.station_id)
        query = (select(latest.c.verdict, Station.name).join(Opinion, Opinion.id == latest.c.opinion_id)
                 .join(ReceptionDay, ReceptionDay.id == Opinion.reception_day_id, isouter=True)
                 .join(Activity, Activity.id == Opinion.activity_id, isouter=True)
                 .join(Deputy, Deputy.id == Opinion.deputy_id, isouter=True)
                 .join(Station, Station.id == station_id, isouter=True))
    counts: dict[str, list[int]] = {}
    for verdict, label_value in session.exec(query):
        tally = counts.setdefault(label_value or "（未指定）", [0, 0, 0])
        tally[VERDICT_ORDER.index(verdict)] += 1
    rows = [SatisfactionRow(label_value, sum(t), *t) for label_value, t in counts.items()]
    return sorted(rows, key=lambda r: (-r.followups, r.label))


VERDICT_ORDER = (Satisfaction.SATISFIED.value, Satisfaction.BASICALLY.value, Satisfaction.UNSATISFIED.value)


def _office_total(session: Session, start: dt.date, end: dt.date) -> SatisfactionRow:
    """The whole office's row, worked out in Python from the period's calls (read by the date index):
    cheaper than the window query for the one figure the yearly report needs."""
    latest: dict[int, str] = {}
    for opinion_id, verdict in session.connection().execute(
            select(FollowUp.opinion_id, FollowUp.verdict).where(FollowUp.on >= start, FollowUp.on <= end)
            .order_by(FollowUp.on, FollowUp.id)):
        latest[opinion_id] = verdict
    tally = [0, 0, 0]
    for verdict in latest.values():
        tally[VERDICT_ORDER.index(verdict)] += 1
    return SatisfactionRow("合计", sum(tally), *tally)


@dataclass(frozen=True)
class SettledFigures:
    """Matters settled (已办结 or 已关闭) in the period, by the level that settled them."""
    by_level: dict[str, int]
    unknown: int              # settled, level not yet said

    @property
    def known(self) -> int:
        return sum(self.by_level.values())

    @property
    def grid_share(self) -> float | None:
        """% settled inside the grid, of those whose level is known (小事不出格)."""
        return rate(self.by_level.get(SettledLevel.GRID.value, 0), self.known)


def settled_levels(db: Database, start: dt.date, end: dt.date) -> SettledFigures:
    with db.session() as session:
        return settled_rows(session, start, end)


def settled_rows(session: Session, start: dt.date, end: dt.date) -> SettledFigures:
    # resolved_on is set exactly while an opinion is 已办结 or 已关闭 (重办 clears it): its index does the work
    counts = dict(session.exec(select(Opinion.settled_level, func.count())
                               .where(and_(Opinion.resolved_on >= start, Opinion.resolved_on <= end))
                               .group_by(Opinion.settled_level)).all())
    by_level = {level.value: counts.get(level.value, 0) for level in SettledLevel}
    return SettledFigures(by_level, counts.get("", 0))
