"""Meetings: station 例会, 议事会, 政企圆桌会, 现场会 with departments, 联席会议, 恳谈会, 培训.

A meeting is planned (the notice goes out before), then held (who came, what was decided: the
纪要 after). A decision can open an opinion (channel 议事会) or feed a 代表建议 in one step.
Deputies' attendance counts into their activity, points and yearly file (figures.py).
"""
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import (Campaign, Deputy, Grid, Meeting, MeetingDecision, MeetingDeputyLink, Opinion, Station,
                               Suggestion)
from gridoffice.domain.enums import OpinionChannel, Urgency
from gridoffice.domain.outcome_rules import (KindList, MeetingStatus, OutcomeInputError, OutcomeStateError,
                                             check_text)
from gridoffice.domain.rules import normalize_text

from .common import (check_campaign, check_deputies, check_exists, check_grid, check_kind, check_station,
                     first_sentence, get_record)

MS = MeetingStatus


@dataclass
class DecisionInput:
    text: str
    id: int | None = None       # an existing decision keeps its links to an opinion or suggestion


@dataclass
class MeetingForm:
    kind: str
    title: str
    date: dt.date
    status: str = MS.PLANNED.value
    start_time: dt.time | None = None
    place: str = ""
    station_id: int | None = None
    grid_id: int | None = None
    agenda: str = ""
    host: str = ""
    recorder: str = ""
    deputy_ids: Sequence[int] = ()              # invited (planned) or present (held)
    absent_ids: Sequence[int] = ()              # invited deputies who did not come (held meetings)
    others: str = ""
    residents_present: int = 0
    minutes: str = ""
    decisions: Sequence[DecisionInput] = ()
    campaign_id: int | None = None


def _validate(session: Session, form: MeetingForm, today: dt.date) -> MeetingForm:
    kind = check_kind(session, KindList.MEETING.value, form.kind)
    title = check_text(form.title, "title", "会议名称", 200)
    if form.status not in {s.value for s in MS}:
        raise OutcomeInputError("status", "请选择会议状态：计划、已召开或已取消。")
    if form.status == MS.HELD and form.date > today:
        raise OutcomeInputError("date", f"已召开的会议，日期不能晚于今天（{today:%Y-%m-%d}）。")
    place = check_text(form.place, "place", "会议地点", 200, required=False)
    check_station(session, form.station_id)
    check_grid(session, form.grid_id)
    check_campaign(session, form.campaign_id)
    deputy_ids = check_deputies(session, form.deputy_ids, form.date, "deputies", what="参会代表")
    absent = [d for d in dict.fromkeys(form.absent_ids) if d in deputy_ids]
    if form.status != MS.HELD:
        absent = []
    if not 0 <= form.residents_present <= 100_000:
        raise OutcomeInputError("residents_present", "到会群众人数应在 0 到 100000 之间。")
    others = check_text(form.others, "others", "其他参会人员", 500, required=False)
    decisions = []
    for decision in form.decisions:
        text = normalize_text(decision.text)
        if text:
            if len(text) > 1000:
                raise OutcomeInputError("decisions", "每项议定事项不能超过 1000 个字。")
            decisions.append(DecisionInput(text, decision.id))
    if decisions and form.status != MS.HELD:
        raise OutcomeInputError("decisions", "会议召开后才能记录议定事项。")
    return replace(form, kind=kind, title=title, place=place, deputy_ids=deputy_ids, absent_ids=absent,
                   others=others, agenda=form.agenda.strip(), host=normalize_text(form.host)[:50],
                   recorder=normalize_text(form.recorder)[:50], minutes=form.minutes.strip(), decisions=decisions)


def create_meeting(db: Database, form: MeetingForm, *, today: dt.date) -> int:
    with db.session() as session:
        form = _validate(session, form, today)
        meeting = Meeting(kind=form.kind, title=form.title, date=form.date)
        _fill(session, meeting, form)
        return meeting.id


def update_meeting(db: Database, meeting_id: int, form: MeetingForm, *, today: dt.date) -> None:
    with db.session() as session:
        meeting = get_record(session, Meeting, meeting_id, "会议")
        _fill(session, meeting, _validate(session, form, today))


def _fill(session: Session, meeting: Meeting, form: MeetingForm) -> None:
    for name in ("kind", "title", "date", "status", "start_time", "place", "station_id", "grid_id", "agenda", "host",
                 "recorder", "others", "residents_present", "minutes", "campaign_id"):
        setattr(meeting, name, getattr(form, name))
    session.add(meeting)
    session.flush()
    held = form.status == MS.HELD
    current = {link.deputy_id: link for link in
               session.exec(select(MeetingDeputyLink).where(MeetingDeputyLink.meeting_id == meeting.id))}
    for deputy_id, link in current.items():
        if deputy_id not in form.deputy_ids:
            session.delete(link)
    for deputy_id in form.deputy_ids:
        attended = held and deputy_id not in form.absent_ids
        link = current.get(deputy_id) or MeetingDeputyLink(meeting_id=meeting.id, deputy_id=deputy_id)
        if link.attended != attended or deputy_id not in current:
            link.attended = attended
            session.add(link)
    _set_decisions(session, meeting.id, form.decisions)
    session.flush()


def _set_decisions(session: Session, meeting_id: int, decisions: Sequence[DecisionInput]) -> None:
    current = {d.id: d for d in session.exec(select(MeetingDecision).where(MeetingDecision.meeting_id == meeting_id))}
    kept = {d.id for d in decisions if d.id is not None}
    for decision_id, row in current.items():
        if decision_id not in kept:
            session.delete(row)   # an opinion or suggestion it opened stays; only the link goes
    for seq, decision in enumerate(decisions, start=1):
        row = current.get(decision.id) if decision.id is not None else None
        if decision.id is not None and row is None:
            raise OutcomeInputError("decisions", "有一项议定事项已被删除，请重新打开会议。")
        row = row or MeetingDecision(meeting_id=meeting_id, text=decision.text)
        if (row.seq, row.text) != (seq, decision.text) or row.id is None:
            row.seq, row.text = seq, decision.text
            session.add(row)


def record_minutes(db: Database, meeting_id: int, *, decisions: Sequence[str], today: dt.date,
                   absent_ids: Sequence[int] = (), others: str | None = None, residents_present: int | None = None,
                   minutes: str = "", recorder: str = "") -> None:
    """The meeting was held: who of the invited did not come, who else came, what was decided."""
    detail = meeting_detail(db, meeting_id)
    form = replace(detail.form, status=MS.HELD.value, absent_ids=list(absent_ids), minutes=minutes or detail.form.minutes,
                   recorder=recorder or detail.form.recorder,
                   others=detail.form.others if others is None else others,
                   residents_present=detail.form.residents_present if residents_present is None else residents_present,
                   decisions=[*detail.form.decisions, *[DecisionInput(text) for text in decisions]])
    update_meeting(db, meeting_id, form, today=today)


def cancel_meeting(db: Database, meeting_id: int, *, reason: str) -> None:
    with db.session() as session:
        meeting = get_record(session, Meeting, meeting_id, "会议")
        if meeting.status == MS.HELD:
            raise OutcomeStateError("会议已经召开，不能取消。")
        meeting.status = MS.CANCELLED.value
        reason = normalize_text(reason)
        if reason:
            meeting.minutes = f"取消原因：{reason}"
        session.add(meeting)


def delete_meeting(db: Database, meeting_id: int) -> None:
    """The meeting, its attendance and decisions (opinions and suggestions they opened stay)."""
    with db.session() as session:
        meeting = get_record(session, Meeting, meeting_id, "会议")
        for model in (MeetingDeputyLink, MeetingDecision):
            for row in session.exec(select(model).where(model.meeting_id == meeting_id)).all():
                session.delete(row)
        session.flush()
        session.delete(meeting)


# --- a decision opens an opinion or feeds a suggestion -------------------------------------------

def open_opinion(db: Database, decision_id: int, *, today: dt.date, category: str = "其他",
                 grid_id: int | None = None, urgency: str = Urgency.NORMAL.value) -> int:
    """Register the decision as an opinion (channel 议事会, dated the meeting day) and link it;
    returns the opinion's id. One transaction: both or neither."""
    from gridoffice.services.opinions.register import OpinionForm, add_opinion

    with db.session() as session:
        decision = get_record(session, MeetingDecision, decision_id, "议定事项")
        if decision.opinion_id is not None:
            serial = session.get(Opinion, decision.opinion_id).serial
            raise OutcomeStateError(f"这项议定事项已登记为民情意见 {serial}。")
        meeting = session.get(Meeting, decision.meeting_id)
        if meeting.status != MS.HELD:
            raise OutcomeStateError("会议召开后才能把议定事项登记为民情意见。")
        content = f"{decision.text}（{meeting.date:%Y-%m-%d}{meeting.kind}“{meeting.title}”议定）"
        opinion = add_opinion(session, OpinionForm(
            received_on=meeting.date, channel=OpinionChannel.COUNCIL.value, content=content[:2000],
            grid_id=grid_id if grid_id is not None else meeting.grid_id, category=category, urgency=urgency), today)
        decision.opinion_id = opinion.id
        session.add(decision)
        return opinion.id


def link_suggestion(db: Database, decision_id: int, suggestion_id: int | None) -> None:
    """The decision feeds an existing suggestion (None removes the link)."""
    with db.session() as session:
        decision = get_record(session, MeetingDecision, decision_id, "议定事项")
        check_exists(session, Suggestion, suggestion_id, "suggestion", "代表建议")
        decision.suggestion_id = suggestion_id
        session.add(decision)


def suggestion_from_decision(db: Database, decision_id: int, *, today: dt.date, lead_deputy_id: int | None = None,
                             department_id: int | None = None) -> int:
    """Form a new 代表建议 from a decision (the meeting's first deputy present leads unless named);
    the decision's opinion, if any, is linked to it. Returns the suggestion's id."""
    from .suggestions import SuggestionForm, _create

    with db.session() as session:
        decision = get_record(session, MeetingDecision, decision_id, "议定事项")
        if decision.suggestion_id is not None:
            raise OutcomeStateError("这项议定事项已经关联了代表建议。")
        meeting = session.get(Meeting, decision.meeting_id)
        if lead_deputy_id is None:
            lead_deputy_id = session.exec(select(MeetingDeputyLink.deputy_id)
                                          .where(MeetingDeputyLink.meeting_id == meeting.id,
                                                 MeetingDeputyLink.attended).order_by(MeetingDeputyLink.deputy_id)
                                          ).first()
        form = SuggestionForm(title=f"关于{first_sentence(decision.text, 40)}的建议", submitted_on=meeting.date,
                              content=decision.text, department_id=department_id,
                              lead_deputy_id=lead_deputy_id, campaign_id=meeting.campaign_id,
                              opinion_ids=[decision.opinion_id] if decision.opinion_id else [],
                              notes=f"{meeting.date:%Y-%m-%d}{meeting.kind}“{meeting.title}”议定")
        suggestion = _create(session, form, today)
        decision.suggestion_id = suggestion.id
        session.add(decision)
        return suggestion.id


# --- reading --------------------------------------------------------------------------------------

@dataclass(slots=True)
class MeetingRow:
    id: int
    date: dt.date
    start_time: dt.time | None
    kind: str
    title: str
    place: str
    station: str
    grid: str
    status: str
    deputies: str            # names of the deputies present (held) or invited (planned)
    deputy_count: int        # 人次 this meeting counts for (present, or invited while planned)
    residents_present: int
    decisions: int
    opinions_opened: int
    campaign: str


@dataclass(frozen=True)
class MeetingFilter:
    start: dt.date | None = None
    end: dt.date | None = None
    kind: str | None = None
    status: str | None = None
    station_id: int | None = None
    deputy_id: int | None = None
    campaign_id: int | None = None


def list_meetings(db: Database, *, where: MeetingFilter = MeetingFilter()) -> list[MeetingRow]:
    """Newest first."""
    with db.session() as session:
        return _rows(session, where)


def _rows(session: Session, where: MeetingFilter, only_id: int | None = None) -> list[MeetingRow]:
    query = (select(Meeting.id, Meeting.date, Meeting.start_time, Meeting.kind, Meeting.title, Meeting.place,
                    Station.name, Grid.name, Meeting.status, Meeting.residents_present, Campaign.name)
             .join(Station, Station.id == Meeting.station_id, isouter=True)
             .join(Grid, Grid.id == Meeting.grid_id, isouter=True)
             .join(Campaign, Campaign.id == Meeting.campaign_id, isouter=True)
             .order_by(Meeting.date.desc(), Meeting.id.desc()))
    if only_id is not None:
        query = query.where(Meeting.id == only_id)
    if where.start:
        query = query.where(Meeting.date >= where.start)
    if where.end:
        query = query.where(Meeting.date <= where.end)
    for column, value in ((Meeting.kind, where.kind), (Meeting.status, where.status),
                          (Meeting.station_id, where.station_id), (Meeting.campaign_id, where.campaign_id)):
        if value is not None:
            query = query.where(column == value)
    if where.deputy_id:
        query = query.where(Meeting.id.in_(select(MeetingDeputyLink.meeting_id)
                                           .where(MeetingDeputyLink.deputy_id == where.deputy_id)))
    results = list(session.connection().execute(query))
    ids = [r[0] for r in results]
    names = dict(session.exec(select(Deputy.id, Deputy.name)).all())
    people: dict[int, list[tuple[int, bool]]] = {}
    decisions: dict[int, list[int | None]] = {}
    for chunk in _chunks(ids):
        for meeting_id, deputy_id, attended in session.exec(
                select(MeetingDeputyLink.meeting_id, MeetingDeputyLink.deputy_id, MeetingDeputyLink.attended)
                .where(MeetingDeputyLink.meeting_id.in_(chunk)).order_by(MeetingDeputyLink.deputy_id)):
            people.setdefault(meeting_id, []).append((deputy_id, attended))
        for meeting_id, opinion_id in session.exec(select(MeetingDecision.meeting_id, MeetingDecision.opinion_id)
                                                   .where(MeetingDecision.meeting_id.in_(chunk))):
            decisions.setdefault(meeting_id, []).append(opinion_id)
    rows = []
    for id_, date, start, kind, title, place, station, grid, status, residents, campaign in results:
        held = status == MS.HELD
        counted = [d for d, attended in people.get(id_, []) if attended or not held]
        if status == MS.CANCELLED:
            counted = []
        opened = decisions.get(id_, [])
        rows.append(MeetingRow(id_, date, start, kind, title, place, station or "", grid or "", status,
                               "、".join(names.get(d, "") for d in counted), len(counted) if held else 0,
                               residents, len(opened), sum(1 for o in opened if o), campaign or ""))
    return rows


def _chunks(ids: list[int], size: int = 900):
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


@dataclass(frozen=True)
class DecisionEntry:
    id: int
    seq: int
    text: str
    opinion_id: int | None
    opinion_serial: str
    suggestion_id: int | None
    suggestion_serial: str


@dataclass(frozen=True)
class MeetingDetail:
    row: MeetingRow
    form: MeetingForm
    invited: list[tuple[int, str, str, bool]]     # (deputy id, name, levels, attended)
    decisions: list[DecisionEntry] = field(default_factory=list)


def meeting_detail(db: Database, meeting_id: int) -> MeetingDetail:
    with db.session() as session:
        return _detail(session, meeting_id)


def _detail(session: Session, meeting_id: int) -> MeetingDetail:
    meeting = get_record(session, Meeting, meeting_id, "会议")
    row, = _rows(session, MeetingFilter(), only_id=meeting_id)
    invited = [(d, name, levels, attended) for d, name, levels, attended in session.exec(
        select(Deputy.id, Deputy.name, Deputy.levels, MeetingDeputyLink.attended)
        .join(MeetingDeputyLink, MeetingDeputyLink.deputy_id == Deputy.id)
        .where(MeetingDeputyLink.meeting_id == meeting_id).order_by(Deputy.name_pinyin, Deputy.id))]
    decisions = [DecisionEntry(id_, seq, text, opinion_id, serial or "", suggestion_id, s_serial or "")
                 for id_, seq, text, opinion_id, serial, suggestion_id, s_serial in session.exec(
                     select(MeetingDecision.id, MeetingDecision.seq, MeetingDecision.text, MeetingDecision.opinion_id,
                            Opinion.serial, MeetingDecision.suggestion_id, Suggestion.serial)
                     .join(Opinion, Opinion.id == MeetingDecision.opinion_id, isouter=True)
                     .join(Suggestion, Suggestion.id == MeetingDecision.suggestion_id, isouter=True)
                     .where(MeetingDecision.meeting_id == meeting_id).order_by(MeetingDecision.seq,
                                                                               MeetingDecision.id))]
    held = meeting.status == MS.HELD
    form = MeetingForm(meeting.kind, meeting.title, meeting.date, meeting.status, meeting.start_time, meeting.place,
                       meeting.station_id, meeting.grid_id, meeting.agenda, meeting.host, meeting.recorder,
                       [d for d, *_ in invited], [d for d, _n, _l, attended in invited if held and not attended],
                       meeting.others, meeting.residents_present, meeting.minutes,
                       [DecisionInput(d.text, d.id) for d in decisions], meeting.campaign_id)
    return MeetingDetail(row, form, invited, decisions)


def attendance_count(session: Session, start: dt.date, end: dt.date) -> int:
    """人次 of deputies present at meetings held between the dates."""
    return session.exec(select(func.count()).select_from(MeetingDeputyLink)
                        .join(Meeting, Meeting.id == MeetingDeputyLink.meeting_id)
                        .where(MeetingDeputyLink.attended, Meeting.status == MS.HELD.value,
                               Meeting.date >= start, Meeting.date <= end)).one()
