"""述职评议会: deputies report to voter representatives at a station, answer on the spot, and are
rated (满意/基本满意/不满意, or 称职/基本称职/不称职: the office picks per meeting).

The yearly plan is the year's meetings: which deputies report, where and when, by station.
Questions raised are registered as opinions (channel 述职会) and linked to the meeting.
"""
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Appraisal, AppraisalDeputy, AppraisalQuestion, Deputy, Opinion, Station
from gridoffice.domain.enums import DeputyStatus, OpinionChannel
from gridoffice.domain.outcome_rules import (RATING_WORDS, AppraisalScale, AppraisalStatus, OutcomeInputError,
                                             OutcomeStateError, appraisal_result, check_ratings, check_text)
from gridoffice.domain.rules import normalize_text

from .common import check_deputies, check_station, get_record

AS = AppraisalStatus


@dataclass
class AppraisalForm:
    year: int                              # the year of duty reported on
    date: dt.date
    deputy_ids: Sequence[int]              # in the order they report
    station_id: int | None = None
    start_time: dt.time | None = None
    place: str = ""
    scale: str = AppraisalScale.SATISFACTION.value
    host: str = ""
    notes: str = ""


def _validate(session: Session, form: AppraisalForm, appraisal_id: int | None) -> AppraisalForm:
    if not 2000 <= form.year <= form.date.year:
        raise OutcomeInputError("year", f"述职年度应在 2000 年到会议所在的 {form.date.year} 年之间。")
    if form.scale not in RATING_WORDS:
        raise OutcomeInputError("scale", "请选择测评方式：满意度（满意/基本满意/不满意）或称职度（称职/基本称职/不称职）。")
    check_station(session, form.station_id)
    place = check_text(form.place, "place", "会议地点", 200, required=False)
    deputy_ids = check_deputies(session, form.deputy_ids, form.date, "deputies", required=True, what="述职代表")
    # a deputy reports once a year
    taken = session.exec(select(AppraisalDeputy.deputy_id, Deputy.name, Appraisal.date)
                         .join(Appraisal, Appraisal.id == AppraisalDeputy.appraisal_id)
                         .join(Deputy, Deputy.id == AppraisalDeputy.deputy_id)
                         .where(Appraisal.year == form.year, Appraisal.status != AS.CANCELLED.value,
                                Appraisal.id != (appraisal_id or 0), AppraisalDeputy.deputy_id.in_(deputy_ids))).first()
    if taken:
        raise OutcomeInputError("deputies", f"{taken[1]}已安排在 {taken[2]:%Y-%m-%d} 的述职评议会上述职"
                                            f"（{form.year} 年度），同一年度只述职一次。")
    return replace(form, place=place, deputy_ids=deputy_ids, host=normalize_text(form.host)[:50],
                   notes=form.notes.strip())


def plan_appraisal(db: Database, form: AppraisalForm) -> int:
    """A meeting of the yearly plan (status 计划); returns its id."""
    with db.session() as session:
        form = _validate(session, form, None)
        appraisal = Appraisal(year=form.year, date=form.date, status=AS.PLANNED.value)
        _fill(session, appraisal, form)
        return appraisal.id


def update_appraisal(db: Database, appraisal_id: int, form: AppraisalForm) -> None:
    """Change the plan. Once held, the deputies who reported stay (their votes are on record)."""
    with db.session() as session:
        appraisal = get_record(session, Appraisal, appraisal_id, "述职评议会")
        form = _validate(session, form, appraisal_id)
        if appraisal.status == AS.HELD:
            reported = set(session.exec(select(AppraisalDeputy.deputy_id)
                                        .where(AppraisalDeputy.appraisal_id == appraisal_id)))
            if set(form.deputy_ids) != reported:
                raise OutcomeStateError("会议已举行：述职代表已有测评结果，不能增减。")
            if form.scale != appraisal.scale:
                raise OutcomeStateError("会议已举行：测评方式不能再改。")
        _fill(session, appraisal, form)


def _fill(session: Session, appraisal: Appraisal, form: AppraisalForm) -> None:
    for name in ("year", "date", "station_id", "start_time", "place", "scale", "host", "notes"):
        setattr(appraisal, name, getattr(form, name))
    session.add(appraisal)
    session.flush()
    current = {row.deputy_id: row for row in
               session.exec(select(AppraisalDeputy).where(AppraisalDeputy.appraisal_id == appraisal.id))}
    for deputy_id, row in current.items():
        if deputy_id not in form.deputy_ids:
            session.delete(row)
    for seq, deputy_id in enumerate(form.deputy_ids, start=1):
        row = current.get(deputy_id) or AppraisalDeputy(appraisal_id=appraisal.id, deputy_id=deputy_id)
        if row.seq != seq or deputy_id not in current:
            row.seq = seq
            session.add(row)
    session.flush()


@dataclass(frozen=True)
class Rating:
    """The votes for one deputy, in the order of the meeting's scale (满意, 基本满意, 不满意)."""
    good: int
    fair: int
    poor: int
    remarks: str = ""


def record_results(db: Database, appraisal_id: int, *, voters_present: int, ratings: Mapping[int, Rating],
                   today: dt.date) -> dict[int, str]:
    """The meeting was held: voter representatives present and each deputy's votes; the result is
    worked out as announced on the spot. Returns {deputy id: result}."""
    with db.session() as session:
        appraisal = get_record(session, Appraisal, appraisal_id, "述职评议会")
        if appraisal.status == AS.CANCELLED:
            raise OutcomeStateError("这次述职评议会已取消，不能记录测评结果。")
        if appraisal.date > today:
            raise OutcomeInputError("date", f"会议日期（{appraisal.date:%Y-%m-%d}）还没到，不能记录测评结果。")
        if not 1 <= voters_present <= 10_000:
            raise OutcomeInputError("voters_present", "请填写到会的选民代表人数。")
        rows = {row.deputy_id: row for row in
                session.exec(select(AppraisalDeputy).where(AppraisalDeputy.appraisal_id == appraisal_id))}
        names = dict(session.exec(select(Deputy.id, Deputy.name).where(Deputy.id.in_(list(rows)))).all())
        unknown = [d for d in ratings if d not in rows]
        if unknown:
            raise OutcomeInputError("ratings", "测评结果中有不在本次会议述职名单上的代表。")
        missing = [names[d] for d in rows if d not in ratings]
        if missing:
            raise OutcomeInputError("ratings", f"请填写{'、'.join(missing)}的测评票数。")
        results = {}
        for deputy_id, rating in ratings.items():
            check_ratings(appraisal.scale, rating.good, rating.fair, rating.poor, voters_present, names[deputy_id])
            row = rows[deputy_id]
            row.votes_good, row.votes_fair, row.votes_poor = rating.good, rating.fair, rating.poor
            row.result = appraisal_result(appraisal.scale, rating.good, rating.fair, rating.poor)
            row.remarks = rating.remarks.strip()
            session.add(row)
            results[deputy_id] = row.result
        appraisal.voters_present, appraisal.status = voters_present, AS.HELD.value
        session.add(appraisal)
        return results


def cancel_appraisal(db: Database, appraisal_id: int, *, reason: str = "") -> None:
    with db.session() as session:
        appraisal = get_record(session, Appraisal, appraisal_id, "述职评议会")
        if appraisal.status == AS.HELD:
            raise OutcomeStateError("会议已举行，不能取消。")
        appraisal.status = AS.CANCELLED.value
        if reason.strip():
            appraisal.notes = f"{appraisal.notes}\n取消原因：{reason.strip()}".strip()
        session.add(appraisal)


def delete_appraisal(db: Database, appraisal_id: int) -> None:
    """Only a meeting not held: a held one's votes are part of the deputies' files."""
    with db.session() as session:
        appraisal = get_record(session, Appraisal, appraisal_id, "述职评议会")
        if appraisal.status == AS.HELD:
            raise OutcomeStateError("会议已举行，测评结果已记入代表履职档案，不能删除。")
        for model in (AppraisalDeputy, AppraisalQuestion):
            for row in session.exec(select(model).where(model.appraisal_id == appraisal_id)).all():
                session.delete(row)
        session.flush()
        session.delete(appraisal)


def add_question(db: Database, appraisal_id: int, *, content: str, today: dt.date, deputy_id: int | None = None,
                 category: str = "其他", grid_id: int | None = None, resident_name: str = "",
                 resident_phone: str = "") -> int:
    """A question raised at the meeting, registered as an opinion (channel 述职会, dated the meeting
    day) and linked to the meeting and the deputy it was put to. Returns the opinion's id."""
    from gridoffice.services.opinions.register import OpinionForm, add_opinion

    with db.session() as session:
        appraisal = get_record(session, Appraisal, appraisal_id, "述职评议会")
        if appraisal.status == AS.CANCELLED or appraisal.date > today:
            raise OutcomeStateError("会议举行后才能登记选民提出的问题。")
        if deputy_id is not None and session.get(AppraisalDeputy, (appraisal_id, deputy_id)) is None:
            raise OutcomeInputError("deputy", "这位代表不在本次会议的述职名单上。")
        opinion = add_opinion(session, OpinionForm(
            received_on=appraisal.date, channel=OpinionChannel.APPRAISAL.value, content=content,
            resident_name=resident_name, resident_phone=resident_phone, grid_id=grid_id, category=category), today)
        session.add(AppraisalQuestion(appraisal_id=appraisal_id, opinion_id=opinion.id, deputy_id=deputy_id))
        return opinion.id


# --- reading ----------------------------------------------------------------------------------------

@dataclass(slots=True)
class AppraisalRow:
    id: int
    year: int
    date: dt.date
    start_time: dt.time | None
    station: str
    place: str
    scale: str
    status: str
    deputies: str            # names in reporting order
    deputy_count: int
    voters_present: int
    results: str             # "张利霞 满意；王芳 基本满意"
    questions: int


def list_appraisals(db: Database, *, year: int | None = None, station_id: int | None = None) -> list[AppraisalRow]:
    """The yearly plan and record: by date."""
    with db.session() as session:
        return _rows(session, year, station_id)


def _rows(session: Session, year: int | None, station_id: int | None, only_id: int | None = None
          ) -> list[AppraisalRow]:
    query = (select(Appraisal, Station.name).join(Station, Station.id == Appraisal.station_id, isouter=True)
             .order_by(Appraisal.date, Appraisal.id))
    for column, value in ((Appraisal.year, year), (Appraisal.station_id, station_id), (Appraisal.id, only_id)):
        if value is not None:
            query = query.where(column == value)
    found = session.exec(query).all()
    ids = [a.id for a, _ in found]
    reports: dict[int, list[tuple[str, str]]] = {}
    for appraisal_id, name, result in session.exec(
            select(AppraisalDeputy.appraisal_id, Deputy.name, AppraisalDeputy.result)
            .join(Deputy, Deputy.id == AppraisalDeputy.deputy_id)
            .where(AppraisalDeputy.appraisal_id.in_(ids)).order_by(AppraisalDeputy.seq)):
        reports.setdefault(appraisal_id, []).append((name, result))
    questions: dict[int, int] = {}
    for (appraisal_id,) in session.connection().execute(
            select(AppraisalQuestion.appraisal_id).where(AppraisalQuestion.appraisal_id.in_(ids))):
        questions[appraisal_id] = questions.get(appraisal_id, 0) + 1
    rows = []
    for appraisal, station in found:
        reported = reports.get(appraisal.id, [])
        results = "；".join(f"{name} {result}" for name, result in reported if result)
        rows.append(AppraisalRow(appraisal.id, appraisal.year, appraisal.date, appraisal.start_time, station or "",
                                 appraisal.place, appraisal.scale, appraisal.status,
                                 "、".join(name for name, _ in reported), len(reported), appraisal.voters_present,
                                 results, questions.get(appraisal.id, 0)))
    return rows


@dataclass(frozen=True)
class ReportEntry:
    deputy_id: int
    name: str
    levels: str
    votes: tuple[int, int, int]
    result: str
    remarks: str


@dataclass(frozen=True)
class QuestionEntry:
    opinion_id: int
    serial: str
    deputy: str
    content: str
    status: str


@dataclass(frozen=True)
class AppraisalDetail:
    row: AppraisalRow
    form: AppraisalForm
    rating_words: tuple[str, str, str]
    reports: list[ReportEntry] = field(default_factory=list)
    questions: list[QuestionEntry] = field(default_factory=list)


def appraisal_detail(db: Database, appraisal_id: int) -> AppraisalDetail:
    with db.session() as session:
        appraisal = get_record(session, Appraisal, appraisal_id, "述职评议会")
        row, = _rows(session, None, None, only_id=appraisal_id)
        reports = [ReportEntry(d_id, name, levels, (good, fair, poor), result, remarks)
                   for d_id, name, levels, good, fair, poor, result, remarks in session.exec(
                       select(Deputy.id, Deputy.name, Deputy.levels, AppraisalDeputy.votes_good,
                              AppraisalDeputy.votes_fair, AppraisalDeputy.votes_poor, AppraisalDeputy.result,
                              AppraisalDeputy.remarks)
                       .join(AppraisalDeputy, AppraisalDeputy.deputy_id == Deputy.id)
                       .where(AppraisalDeputy.appraisal_id == appraisal_id).order_by(AppraisalDeputy.seq))]
        questions = [QuestionEntry(o_id, serial, name or "", content, status)
                     for o_id, serial, name, content, status in session.exec(
                         select(Opinion.id, Opinion.serial, Deputy.name, Opinion.content, Opinion.status)
                         .join(AppraisalQuestion, AppraisalQuestion.opinion_id == Opinion.id)
                         .join(Deputy, Deputy.id == AppraisalQuestion.deputy_id, isouter=True)
                         .where(AppraisalQuestion.appraisal_id == appraisal_id).order_by(Opinion.id))]
        form = AppraisalForm(appraisal.year, appraisal.date, [r.deputy_id for r in reports], appraisal.station_id,
                             appraisal.start_time, appraisal.place, appraisal.scale, appraisal.host, appraisal.notes)
        return AppraisalDetail(row, form, RATING_WORDS[appraisal.scale], reports, questions)


def deputies_not_planned(db: Database, year: int) -> list[tuple[int, str, str]]:
    """(id, name, station) of serving deputies with no 述职评议会 in `year` yet, by station: what the
    plan still lacks."""
    with db.session() as session:
        planned = select(AppraisalDeputy.deputy_id).join(Appraisal, Appraisal.id == AppraisalDeputy.appraisal_id) \
            .where(Appraisal.year == year, Appraisal.status != AS.CANCELLED.value)
        return [tuple(r) for r in session.exec(
            select(Deputy.id, Deputy.name, Station.name).join(Station, Station.id == Deputy.station_id, isouter=True)
            .where(Deputy.status == DeputyStatus.SERVING.value, Deputy.id.not_in(planned))
            .order_by(Station.id, Deputy.name_pinyin))]


@dataclass(frozen=True)
class DeputyAppraisal:
    year: int
    date: dt.date
    scale: str
    votes: tuple[int, int, int]
    voters_present: int
    result: str


def appraisals_of_deputy(db: Database, deputy_id: int) -> list[DeputyAppraisal]:
    """The deputy's 述职 record for the yearly file, newest first (held meetings only)."""
    with db.session() as session:
        return [DeputyAppraisal(year, date, scale, (good, fair, poor), voters, result)
                for year, date, scale, good, fair, poor, voters, result in session.exec(
                    select(Appraisal.year, Appraisal.date, Appraisal.scale, AppraisalDeputy.votes_good,
                           AppraisalDeputy.votes_fair, AppraisalDeputy.votes_poor, Appraisal.voters_present,
                           AppraisalDeputy.result)
                    .join(AppraisalDeputy, AppraisalDeputy.appraisal_id == Appraisal.id)
                    .where(AppraisalDeputy.deputy_id == deputy_id, Appraisal.status == AS.HELD.value)
                    .order_by(Appraisal.date.desc()))]
