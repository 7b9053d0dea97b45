"""专项活动 (campaigns): anti-fraud in every grid, a traffic-congestion campaign…

Activities, opinions, meetings, projects, suggestions and disputes are tagged with a campaign;
each campaign is reported with its own figures: grids covered, residents reached (人次 of
residents, apart from deputies' 人次), opinions and how they ended, projects done.
"""
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import and_, distinct, func, union_all
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import (Activity, ActivityDeputyLink, Campaign, CampaignActivityLink, CampaignOpinionLink,
                               Dispute, Meeting, MeetingDeputyLink, Opinion, Project, Suggestion)
from gridoffice.domain.enums import OpinionStatus
from gridoffice.domain.outcome_rules import (DisputeStatus, MeetingStatus, OutcomeInputError, ProjectStatus,
                                             check_text, rate, satisfied)
from gridoffice.domain.rules import normalize_text

from .common import get_record
from .followups import latest_followups

S = OpinionStatus
# records that carry their campaign in a column (those of this package)
OWN_TABLES = {"meeting": (Meeting, "会议"), "project": (Project, "为民办实事项目"), "suggestion": (Suggestion, "代表建议"),
              "dispute": (Dispute, "矛盾纠纷")}


@dataclass
class CampaignForm:
    name: str
    start_on: dt.date
    end_on: dt.date | None = None
    description: str = ""


def _validate(session: Session, form: CampaignForm, campaign_id: int | None) -> CampaignForm:
    name = check_text(normalize_text(form.name), "name", "专项活动名称", 100)
    if form.end_on is not None and form.end_on < form.start_on:
        raise OutcomeInputError("end_on", "结束日期不能早于开始日期。")
    same = session.exec(select(Campaign.id).where(Campaign.name == name)).first()
    if same is not None and same != campaign_id:
        raise OutcomeInputError("name", f"已经有名为“{name}”的专项活动。")
    if campaign_id is not None:
        outside = _tagged_outside(session, campaign_id, form.start_on, form.end_on)
        if outside:
            raise OutcomeInputError("start_on", f"已归入本活动的{outside}不在新的起止日期内，请先调整。")
    return replace(form, name=name, description=form.description.strip())


def create_campaign(db: Database, form: CampaignForm) -> int:
    with db.session() as session:
        form = _validate(session, form, None)
        campaign = Campaign(name=form.name, start_on=form.start_on, end_on=form.end_on, description=form.description)
        session.add(campaign)
        session.flush()
        return campaign.id


def update_campaign(db: Database, campaign_id: int, form: CampaignForm) -> None:
    with db.session() as session:
        campaign = get_record(session, Campaign, campaign_id, "专项活动")
        form = _validate(session, form, campaign_id)
        campaign.name, campaign.start_on, campaign.end_on = form.name, form.start_on, form.end_on
        campaign.description = form.description
        session.add(campaign)


def delete_campaign(db: Database, campaign_id: int) -> None:
    """The campaign goes; the records it tagged stay, untagged."""
    with db.session() as session:
        campaign = get_record(session, Campaign, campaign_id, "专项活动")
        for model in (CampaignActivityLink, CampaignOpinionLink):
            for row in session.exec(select(model).where(model.campaign_id == campaign_id)).all():
                session.delete(row)
        for model, _what in OWN_TABLES.values():
            for row in session.exec(select(model).where(model.campaign_id == campaign_id)).all():
                row.campaign_id = None
                session.add(row)
        session.flush()
        session.delete(campaign)


# --- tagging -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Tagged:
    """Ids of the records to tag or untag."""
    activity_ids: Sequence[int] = ()
    opinion_ids: Sequence[int] = ()
    meeting_ids: Sequence[int] = ()
    project_ids: Sequence[int] = ()
    suggestion_ids: Sequence[int] = ()
    dispute_ids: Sequence[int] = ()


def _dated(session: Session, model, ids: Sequence[int], column) -> list[tuple[int, dt.date]]:
    return list(session.exec(select(model.id, column).where(model.id.in_(list(ids))))) if ids else []


def _check_within(campaign: Campaign, dated: list[tuple[int, dt.date]], what: str, wanted: Sequence[int]) -> None:
    if len(dated) != len(set(wanted)):
        raise OutcomeInputError("records", f"所选{what}中有记录已被删除，请重新选择。")
    for _id, on in dated:
        if on < campaign.start_on or (campaign.end_on and on > campaign.end_on):
            period = f"{campaign.start_on:%Y-%m-%d} 至 {campaign.end_on:%Y-%m-%d}" if campaign.end_on else \
                f"{campaign.start_on:%Y-%m-%d} 以后"
            raise OutcomeInputError("records", f"{on:%Y-%m-%d} 的{what}不在“{campaign.name}”的时间（{period}）内。")


def tag(db: Database, campaign_id: int, records: Tagged) -> int:
    """Put records in the campaign (a record of this package leaves any other campaign).
    Activities, opinions, meetings and disputes must be dated within the campaign. Returns how many."""
    with db.session() as session:
        campaign = get_record(session, Campaign, campaign_id, "专项活动")
        for model, ids, column, what in ((Activity, records.activity_ids, Activity.date, "走访活动"),
                                         (Opinion, records.opinion_ids, Opinion.received_on, "民情意见"),
                                         (Meeting, records.meeting_ids, Meeting.date, "会议"),
                                         (Dispute, records.dispute_ids, Dispute.received_on, "矛盾纠纷")):
            _check_within(campaign, _dated(session, model, ids, column), what, ids)
        count = 0
        for link_model, column, ids in ((CampaignActivityLink, "activity_id", records.activity_ids),
                                        (CampaignOpinionLink, "opinion_id", records.opinion_ids)):
            for record_id in dict.fromkeys(ids):
                if session.get(link_model, (campaign_id, record_id)) is None:
                    session.add(link_model(campaign_id=campaign_id, **{column: record_id}))
                    count += 1
        for (model, what), ids in zip(OWN_TABLES.values(), (records.meeting_ids, records.project_ids,
                                                            records.suggestion_ids, records.dispute_ids)):
            for record_id in dict.fromkeys(ids):
                row = get_record(session, model, record_id, what)
                if row.campaign_id != campaign_id:
                    row.campaign_id = campaign_id
                    session.add(row)
                    count += 1
        return count


def untag(db: Database, campaign_id: int, records: Tagged) -> int:
    with db.session() as session:
        get_record(session, Campaign, campaign_id, "专项活动")
        count = 0
        for link_model, ids in ((CampaignActivityLink, records.activity_ids), (CampaignOpinionLink, records.opinion_ids)):
            for record_id in dict.fromkeys(ids):
                link = session.get(link_model, (campaign_id, record_id))
                if link is not None:
                    session.delete(link)
                    count += 1
        for (model, _what), ids in zip(OWN_TABLES.values(), (records.meeting_ids, records.project_ids,
                                                             records.suggestion_ids, records.dispute_ids)):
            for record_id in dict.fromkeys(ids):
                row = session.get(model, record_id)
                if row is not None and row.campaign_id == campaign_id:
                    row.campaign_id = None
                    session.add(row)
                    count += 1
        return count


def _tagged_outside(session: Session, campaign_id: int, start: dt.date, end: dt.date | None) -> str:
    checks = (("走访活动", select(Activity.date).join(CampaignActivityLink,
                                                   CampaignActivityLink.activity_id == Activity.id)
               .where(CampaignActivityLink.campaign_id == campaign_id)),
              ("民情意见", select(Opinion.received_on).join(CampaignOpinionLink,
                                                        CampaignOpinionLink.opinion_id == Opinion.id)
               .where(CampaignOpinionLink.campaign_id == campaign_id)),
              ("会议", select(Meeting.date).where(Meeting.campaign_id == campaign_id)),
              ("矛盾纠纷", select(Dispute.received_on).where(Dispute.campaign_id == campaign_id)))
    for what, query in checks:
        dates = list(session.exec(query))
        if any(d < start or (end and d > end) for d in dates):
            return what
    return ""


# --- figures ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CampaignFigures:
    activities: int
    deputy_person_times: int        # 人次 of deputies at its activities and meetings
    residents_reached: int          # 人次 of residents contacted at its activities and meetings
    grids_covered: int              # distinct grids its activities, meetings, opinions, projects and disputes were in
    meetings: int                   # held
    opinions: int
    opinions_handled: int           # 已办结 or 已关闭
    opinions_rejected: int
    opinions_open: int
    followups: int                  # its opinions followed up (the latest call of each counts)
    satisfaction_rate: float | None  # % of those 满意 or 基本满意
    suggestions: int
    projects: int
    projects_done: int
    disputes: int
    disputes_settled: int


def campaign_figures(db: Database, campaign_id: int) -> CampaignFigures:
    with db.session() as session:
        get_record(session, Campaign, campaign_id, "专项活动")
        return _figures(session, campaign_id)[campaign_id]


def _figures(session: Session, only_id: int | None = None) -> dict[int, CampaignFigures]:
    """Every campaign's figures (or one's), each counted by one grouped query for all campaigns:
    the list of campaigns costs the same dozen queries however many there are."""
    def grouped(query, key_column) -> list:
        if only_id is not None:
            query = query.where(key_column == only_id)
        return list(session.connection().execute(query))

    ids = [only_id] if only_id is not None else list(session.exec(select(Campaign.id)))
    tally: dict[int, dict[str, int]] = {campaign_id: {} for campaign_id in ids}

    def add(campaign_id, key: str, value) -> None:
        if campaign_id in tally:
            tally[campaign_id][key] = tally[campaign_id].get(key, 0) + (value or 0)

    held = and_(Meeting.status == MeetingStatus.HELD.value, Meeting.campaign_id.is_not(None))
    link = CampaignActivityLink
    for campaign_id, count, residents in grouped(
            select(link.campaign_id, func.count(), func.sum(Activity.residents_contacted))
            .join(Activity, Activity.id == link.activity_id).group_by(link.campaign_id), link.campaign_id):
        add(campaign_id, "activities", count)
        add(campaign_id, "residents", residents)
    for campaign_id, count in grouped(select(link.campaign_id, func.count())
                                      .join(ActivityDeputyLink, ActivityDeputyLink.activity_id == link.activity_id)
                                      .group_by(link.campaign_id), link.campaign_id):
        add(campaign_id, "deputy_times", count)
    for campaign_id, count, residents in grouped(select(Meeting.campaign_id, func.count(),
                                                        func.sum(Meeting.residents_present))
                                                 .where(held).group_by(Meeting.campaign_id), Meeting.campaign_id):
        add(campaign_id, "meetings", count)
        add(campaign_id, "residents", residents)
    for campaign_id, count in grouped(select(Meeting.campaign_id, func.count())
                                      .join(MeetingDeputyLink, MeetingDeputyLink.meeting_id == Meeting.id)
                                      .where(held, MeetingDeputyLink.attended).group_by(Meeting.campaign_id),
                                      Meeting.campaign_id):
        add(campaign_id, "deputy_times", count)
    places = union_all(   # count(DISTINCT) below removes the repeats
        select(link.campaign_id.label("campaign_id"), Activity.grid_id.label("grid_id"))
        .join(Activity, Activity.id == link.activity_id),
        select(Meeting.campaign_id, Meeting.grid_id).where(held),
        select(CampaignOpinionLink.campaign_id, Opinion.grid_id)
        .join(Opinion, Opinion.id == CampaignOpinionLink.opinion_id),
        select(Project.campaign_id, Project.grid_id).where(Project.campaign_id.is_not(None)),
        select(Dispute.campaign_id, Dispute.grid_id).where(Dispute.campaign_id.is_not(None))).subquery()
    for campaign_id, count in grouped(select(places.c.campaign_id, func.count(distinct(places.c.grid_id)))
                                      .where(places.c.grid_id.is_not(None)).group_by(places.c.campaign_id),
                                      places.c.campaign_id):
        add(campaign_id, "grids", count)
    for campaign_id, status, count in grouped(
            select(CampaignOpinionLink.campaign_id, Opinion.status, func.count())
            .join(Opinion, Opinion.id == CampaignOpinionLink.opinion_id)
            .group_by(CampaignOpinionLink.campaign_id, Opinion.status), CampaignOpinionLink.campaign_id):
        add(campaign_id, "opinions", count)
        add(campaign_id, f"opinion:{status}", count)
    latest = latest_followups(opinion_ids=select(CampaignOpinionLink.opinion_id))
    for campaign_id, verdict, count in grouped(
            select(CampaignOpinionLink.campaign_id, latest.c.verdict, func.count())
            .join(latest, latest.c.opinion_id == CampaignOpinionLink.opinion_id)
            .group_by(CampaignOpinionLink.campaign_id, latest.c.verdict), CampaignOpinionLink.campaign_id):
        add(campaign_id, "followups", count)
        add(campaign_id, "satisfied", count if satisfied(verdict) else 0)
    for model, key in ((Suggestion, "suggestions"), (Project, "projects"), (Dispute, "disputes")):
        status = getattr(model, "status")
        for campaign_id, state, count in grouped(select(model.campaign_id, status, func.count())
                                                 .where(model.campaign_id.is_not(None))
                                                 .group_by(model.campaign_id, status), model.campaign_id):
            add(campaign_id, key, count)
            add(campaign_id, f"{key}:{state}", count)
    return {campaign_id: _as_figures(values) for campaign_id, values in tally.items()}


def _as_figures(v: dict[str, int]) -> CampaignFigures:
    handled = v.get(f"opinion:{S.RESOLVED.value}", 0) + v.get(f"opinion:{S.CLOSED.value}", 0)
    rejected = v.get(f"opinion:{S.REJECTED.value}", 0)
    return CampaignFigures(
        v.get("activities", 0), v.get("deputy_times", 0), v.get("residents", 0), v.get("grids", 0),
        v.get("meetings", 0), v.get("opinions", 0), handled, rejected, v.get("opinions", 0) - handled - rejected,
        v.get("followups", 0), rate(v.get("satisfied", 0), v.get("followups", 0)), v.get("suggestions", 0),
        v.get("projects", 0), v.get(f"projects:{ProjectStatus.DONE.value}", 0), v.get("disputes", 0),
        v.get(f"disputes:{DisputeStatus.SETTLED.value}", 0))


@dataclass(frozen=True)
class CampaignRow:
    id: int
    name: str
    start_on: dt.date
    end_on: dt.date | None
    description: str
    running: bool                 # today within its dates
    figures: CampaignFigures


def list_campaigns(db: Database, *, today: dt.date) -> list[CampaignRow]:
    """Every campaign with its figures, the newest first."""
    with db.session() as session:
        campaigns = session.exec(select(Campaign).order_by(Campaign.start_on.desc(), Campaign.id.desc())).all()
        figures = _figures(session)
        return [CampaignRow(c.id, c.name, c.start_on, c.end_on, c.description,
                            c.start_on <= today and (c.end_on is None or today <= c.end_on), figures[c.id])
                for c in campaigns]


def campaigns_of_activity(db: Database, activity_id: int) -> list[tuple[int, str]]:
    with db.session() as session:
        return [tuple(r) for r in session.exec(select(Campaign.id, Campaign.name)
                                               .join(CampaignActivityLink, CampaignActivityLink.campaign_id == Campaign.id)
                                               .where(CampaignActivityLink.activity_id == activity_id)
                                               .order_by(Campaign.id))]


def campaigns_of_opinion(db: Database, opinion_id: int) -> list[tuple[int, str]]:
    with db.session() as session:
        return [tuple(r) for r in session.exec(select(Campaign.id, Campaign.name)
                                               .join(CampaignOpinionLink, CampaignOpinionLink.campaign_id == Campaign.id)
                                               .where(CampaignOpinionLink.opinion_id == opinion_id)
                                               .order_by(Campaign.id))]


@dataclass(frozen=True)
class TaggedRecords:
    """What a campaign holds, for its form: each record as (id, date, what it is)."""
    activities: list[tuple[int, dt.date, str]]
    opinions: list[tuple[int, dt.date, str]]
    meetings: list[tuple[int, dt.date, str]]
    projects: list[tuple[int, dt.date | None, str]]
    suggestions: list[tuple[int, dt.date, str]]
    disputes: list[tuple[int, dt.date, str]]


def tagged_records(db: Database, campaign_id: int) -> TaggedRecords:
    with db.session() as session:
        get_record(session, Campaign, campaign_id, "专项活动")
        activities = [(i, on, f"{kind} {place or summary[:30]}".strip())
                      for i, on, kind, place, summary in session.exec(
            select(Activity.id, Activity.date, Activity.kind, Activity.place, Activity.summary)
            .join(CampaignActivityLink, CampaignActivityLink.activity_id == Activity.id)
            .where(CampaignActivityLink.campaign_id == campaign_id).order_by(Activity.date, Activity.id))]
        opinions = [(i, on, f"{serial} {content[:40]}（{status}）")
                    for i, on, serial, content, status in session.exec(
            select(Opinion.id, Opinion.received_on, Opinion.serial, Opinion.content, Opinion.status)
            .join(CampaignOpinionLink, CampaignOpinionLink.opinion_id == Opinion.id)
            .where(CampaignOpinionLink.campaign_id == campaign_id).order_by(Opinion.received_on, Opinion.id))]
        meetings = [(i, on, f"{kind}“{title}”（{status}）") for i, on, kind, title, status in session.exec(
            select(Meeting.id, Meeting.date, Meeting.kind, Meeting.title, Meeting.status)
            .where(Meeting.campaign_id == campaign_id).order_by(Meeting.date, Meeting.id))]
        projects = [(i, on, f"{name}（{status}）") for i, on, name, status in session.exec(
            select(Project.id, Project.started_on, Project.name, Project.status)
            .where(Project.campaign_id == campaign_id).order_by(Project.year, Project.id))]
        suggestions = [(i, on, f"{serial} {title}（{status}）") for i, on, serial, title, status in session.exec(
            select(Suggestion.id, Suggestion.submitted_on, Suggestion.serial, Suggestion.title, Suggestion.status)
            .where(Suggestion.campaign_id == campaign_id).order_by(Suggestion.submitted_on, Suggestion.id))]
        disputes = [(i, on, f"{serial} {kind}纠纷（{status}）") for i, on, serial, kind, status in session.exec(
            select(Dispute.id, Dispute.received_on, Dispute.serial, Dispute.kind, Dispute.status)
            .where(Dispute.campaign_id == campaign_id).order_by(Dispute.received_on, Dispute.id))]
        return TaggedRecords(activities, opinions, meetings, projects, suggestions, disputes)
