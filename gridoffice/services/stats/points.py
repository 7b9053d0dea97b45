"""履职积分: the year's rule table, manual adjustments, the ranking and where every point came from.

    table = rule_table(db, 2026)                       # 2026's own rules, or the latest earlier year's, or the defaults
    save_rule_table(db, 2027, {"reception_duty": RuleValue(6, None, None), ...})   # 2027's full set; 2026 unchanged
    add_adjustment(db, AdjustmentForm(deputy_id, on, "扣分", 5, "无故缺席代表小组活动"), today=today)
    ranking = rank_deputies(db, Period.year(2026), WHOLE_OFFICE, today=today)
    detail = deputy_points(db, deputy_id, 2026, today=today)    # every line: "5月6日 联络站接待 5分"

How a year is scored (the tab's help says the same):
- each occurrence earns its item's points on its date: a deputy in an activity (by the activity's kind),
  on duty on a held reception day, at a held meeting, claiming an opinion (登记日期), an opinion they
  claimed reaching 办结 (办结日期), a suggestion led or co-signed (提出日期), a followed 实事 completed,
  a mediation settled, a 述职 held; a meeting missed and a reception duty missed (登记在加减分) take off;
- an item with a yearly cap stops earning once the deputy reaches it (in date order);
- adjustments (加分, 扣分) count on their date, as entered, with no cap;
- base points, and the deductions for a yearly minimum not met, count in the whole year only; a
  minimum is judged once the year is over, for deputies who served all of it (联系群众: the residents
  recorded by the activities the deputy took part in and the reception days they were on duty);
- the grade is read from the whole year's total.
A year is always scored by its own rule table (see rule_table), so changing this year's rules never
changes last year's ranking.
"""
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property

from sqlalchemy import func, literal, select, true
from sqlalchemy.engine import Connection
from sqlmodel import Session, select as orm_select

from gridoffice.db import Database
from gridoffice.db.portable import month_of
from gridoffice.domain import (Activity, ActivityDeputyLink, Appraisal, AppraisalDeputy, Deputy, Dispute,
                               DisputeDeputyLink, DutyPointAdjustment, DutyPointRule, Meeting, MeetingDeputyLink,
                               Opinion, Project, ProjectDeputyLink, ReceptionDay, ReceptionDutyLink, Station,
                               Suggestion, SuggestionDeputyLink)
from gridoffice.domain.enums import ReceptionStatus
from gridoffice.domain.errors import FieldError
from gridoffice.domain.outcome_rules import (AppraisalStatus, DisputeStatus, MeetingStatus, ProjectStatus,
                                             SuggestionRole)
from gridoffice.domain.points import (DEFAULT_RULES, GRADE_BELOW, RULE_SPECS, AdjustmentKind,
                                      RuleGroup, RuleKey, RuleSpec, activity_rule_key)
from gridoffice.domain.rules import normalize_text
from gridoffice.domain.stations import short_station_name

from .period import QUARTER_NAMES, Period, Scope
from .selection import FINISHED, Selection

K = RuleKey
MAX_POINTS = 100.0
MAX_THRESHOLD = 1000


class PointsInputError(FieldError):
    """Bad input for a rule or an adjustment: `field` names the form field, the message is Chinese."""


def points_text(value: float | None) -> str:
    """5, 2.5, -1: no trailing .0."""
    if value is None:
        return ""
    rounded = round(value, 1)
    return f"{rounded:g}" if rounded != int(rounded) else str(int(rounded))


# --- the rule table, one set per year ------------------------------------------------------------------

@dataclass(frozen=True)
class RuleValue:
    points: float
    cap: float | None = None
    threshold: int | None = None


@dataclass(frozen=True)
class RuleTable:
    year: int                        # the year it scores
    source_year: int | None          # whose saved rules these are: the year itself, an earlier year, None = defaults
    rules: tuple[RuleSpec, ...]      # every item, with this year's values

    def __getitem__(self, key: str) -> RuleSpec:
        return self._by_key[key]

    def get(self, key: str) -> RuleSpec | None:
        return self._by_key.get(key)

    @cached_property
    def _by_key(self) -> dict[str, RuleSpec]:
        return {rule.key: rule for rule in self.rules}

    @property
    def own(self) -> bool:
        return self.source_year == self.year

    def describe(self) -> str:
        """2026年积分规则 / 沿用2025年的积分规则 / 默认积分规则 (the program's, never saved yet)."""
        if self.own:
            return f"{self.year}年积分规则"
        if self.source_year is None:
            return "默认积分规则"
        return f"沿用{self.source_year}年的积分规则"

    def grade(self, total: float) -> str:
        for key in (K.GRADE_EXCELLENT, K.GRADE_PASS, K.GRADE_BASIC):
            rule = self[key]
            if total >= (rule.threshold or 0):
                return rule.label
        return GRADE_BELOW

    def as_json(self) -> dict:
        return {"year": self.year, "source_year": self.source_year,
                "rules": [{"key": r.key, "group": r.group, "label": r.label, "points": r.points, "cap": r.cap,
                           "threshold": r.threshold} for r in self.rules]}


def rule_table_in(session: Session, year: int) -> RuleTable:
    c = session.connection()
    source = c.execute(select(func.max(DutyPointRule.year)).where(DutyPointRule.year <= year)).scalar_one()
    saved = {}
    if source is not None:
        saved = {key: (points, cap, threshold) for key, points, cap, threshold in c.execute(
            select(DutyPointRule.key, DutyPointRule.points, DutyPointRule.cap, DutyPointRule.threshold)
            .where(DutyPointRule.year == source))}
    # an item the saved year did not know yet (a newer program) keeps its default
    rules = tuple(replace(spec, points=saved[spec.key][0], cap=saved[spec.key][1], threshold=saved[spec.key][2])
                  if spec.key in saved else spec for spec in DEFAULT_RULES)
    return RuleTable(year, source, rules)


def rule_table(db: Database, year: int) -> RuleTable:
    with db.session() as session:
        return rule_table_in(session, year)


def rule_years(db: Database) -> list[int]:
    """The years with rules of their own, newest first."""
    with db.session() as session:
        return list(session.connection().execute(select(DutyPointRule.year).distinct()
                                                 .order_by(DutyPointRule.year.desc())).scalars())


def validate_rules(values: Mapping[str, RuleValue]) -> dict[str, RuleValue]:
    """Every item checked; raises PointsInputError naming "<key>.points", "<key>.cap" or "<key>.threshold"."""
    checked = {}
    for spec in DEFAULT_RULES:
        value = values.get(spec.key, RuleValue(spec.points, spec.cap, spec.threshold))
        where = f"“{spec.label}”"
        if spec.is_grade:
            checked[spec.key] = RuleValue(0, None, _threshold(value.threshold, spec, where, "分数线"))
            continue
        points = float(value.points)
        if abs(points) > MAX_POINTS:
            raise PointsInputError(f"{spec.key}.points", f"{where}的分值应在 -{MAX_POINTS:g} 到 {MAX_POINTS:g} 之间。")
        if spec.group == RuleGroup.DEDUCTION or spec.is_minimum:
            if points > 0:
                raise PointsInputError(f"{spec.key}.points", f"{where}是扣分项目，分值应为 0 或负数（如 -5）。")
        elif points < 0:
            raise PointsInputError(f"{spec.key}.points", f"{where}是加分项目，分值不能为负数。")
        cap = value.cap
        if cap is not None and not 0 < float(cap) <= 10 * MAX_POINTS:
            raise PointsInputError(f"{spec.key}.cap", f"{where}的年度上限应大于 0（不设上限请留空）。")
        threshold = _threshold(value.threshold, spec, where, "底线次数") if spec.is_minimum else None
        checked[spec.key] = RuleValue(points, float(cap) if cap is not None else None, threshold)
    grades = [checked[key].threshold for key in (K.GRADE_EXCELLENT, K.GRADE_PASS, K.GRADE_BASIC)]
    if not grades[0] > grades[1] > grades[2]:
        raise PointsInputError(f"{K.GRADE_PASS}.threshold", "等级分数线应从高到低：优秀 > 合格 > 基本合格。")
    return checked


def _threshold(value, spec: RuleSpec, where: str, what: str) -> int:
    if value is None or not 0 <= int(value) <= MAX_THRESHOLD:
        raise PointsInputError(f"{spec.key}.threshold", f"{where}的{what}应为 0 到 {MAX_THRESHOLD} 之间的整数。")
    return int(value)


def save_rule_table(db: Database, year: int, values: Mapping[str, RuleValue]) -> RuleTable:
    """Write the year's full rule table (replacing that year's own rows only): every earlier and later
    year keeps its rules, and a later year without rules of its own follows this one."""
    if not 2000 <= year <= 2099:
        raise PointsInputError("year", "年度应在 2000 到 2099 之间。")
    checked = validate_rules(values)
    with db.session() as session:
        _delete_year(session, year)
        for key, value in checked.items():
            session.add(DutyPointRule(year=year, key=key, points=value.points, cap=value.cap, threshold=value.threshold))
        session.flush()
        return rule_table_in(session, year)


def delete_rule_table(db: Database, year: int) -> RuleTable:
    """Drop the year's own rules: it follows the latest earlier year's (or the defaults) again."""
    with db.session() as session:
        _delete_year(session, year)
        return rule_table_in(session, year)


def _delete_year(session: Session, year: int) -> None:
    """The year's own rows, each deleted through the ORM so the audit log has it."""
    for old in session.exec(orm_select(DutyPointRule).where(DutyPointRule.year == year)):
        session.delete(old)
    session.flush()


# --- adjustments ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class AdjustmentForm:
    deputy_id: int | None
    on: dt.date
    kind: str
    points: float = 0          # how many (a positive number: the kind says add or take off); 缺岗 takes the rule's
    reason: str = ""
    reception_day_id: int | None = None


@dataclass(frozen=True)
class AdjustmentRow:
    id: int
    deputy_id: int
    deputy: str
    on: dt.date
    kind: str
    points: float              # as it counts this year (缺岗: the year's rule)
    reason: str


def add_adjustment(db: Database, form: AdjustmentForm, *, today: dt.date) -> int:
    """Record an adjustment (audited like every write); returns its id."""
    reason = normalize_text(form.reason)
    with db.session() as session:
        deputy = session.get(Deputy, form.deputy_id) if form.deputy_id else None
        if deputy is None:
            raise PointsInputError("deputy", "请选择代表。")
        if form.on > today:
            raise PointsInputError("on", f"日期不能晚于今天（{today:%Y-%m-%d}）。")
        if form.kind not in {k.value for k in AdjustmentKind}:
            raise PointsInputError("kind", "请选择加分、扣分或接待日缺岗。")
        points = 0.0
        if form.kind != AdjustmentKind.MISSED_DUTY:
            if not 0 < float(form.points) <= MAX_POINTS:
                raise PointsInputError("points", f"请填写分数：大于 0、不超过 {MAX_POINTS:g} 分（扣分也填正数）。")
            points = float(form.points) if form.kind == AdjustmentKind.BONUS else -float(form.points)
        if len(reason) < 4:
            raise PointsInputError("reason", "请写明加减分的理由（至少 4 个字），理由会记入积分明细和操作日志。")
        if len(reason) > 500:
            raise PointsInputError("reason", "理由不能超过 500 个字。")
        if form.reception_day_id is not None and session.get(ReceptionDay, form.reception_day_id) is None:
            raise PointsInputError("reception_day", "找不到这个接待日，可能已被删除。")
        adjustment = DutyPointAdjustment(deputy_id=deputy.id, on=form.on, kind=form.kind, points=points,
                                         reason=reason, reception_day_id=form.reception_day_id)
        session.add(adjustment)
        session.flush()
        return adjustment.id


def delete_adjustment(db: Database, adjustment_id: int) -> None:
    """Remove an adjustment entered by mistake (the audit log keeps what it was)."""
    with db.session() as session:
        adjustment = session.get(DutyPointAdjustment, adjustment_id)
        if adjustment is None:
            raise PointsInputError("adjustment", "找不到这条加减分记录，可能已被删除。")
        session.delete(adjustment)


def list_adjustments(db: Database, year: int, *, deputy_id: int | None = None) -> list[AdjustmentRow]:
    with db.session() as session:
        rules = rule_table_in(session, year)
        query = (orm_select(DutyPointAdjustment, Deputy.name).join(Deputy, Deputy.id == DutyPointAdjustment.deputy_id)
                 .where(DutyPointAdjustment.on >= dt.date(year, 1, 1), DutyPointAdjustment.on <= dt.date(year, 12, 31))
                 .order_by(DutyPointAdjustment.on, DutyPointAdjustment.id))
        if deputy_id is not None:
            query = query.where(DutyPointAdjustment.deputy_id == deputy_id)
        return [AdjustmentRow(a.id, a.deputy_id, name, a.on, a.kind, _adjustment_points(a.kind, a.points, rules),
                              a.reason) for a, name in session.exec(query)]


def _adjustment_points(kind: str, points: float, rules: RuleTable) -> float:
    return rules[K.MISSED_DUTY].points if kind == AdjustmentKind.MISSED_DUTY else points


# --- the events a year is scored from ----------------------------------------------------------------------

@dataclass(frozen=True)
class Event:
    deputy_id: int
    key: str                 # the rule it earns by
    on: dt.date
    ref_kind: str            # the record to open: activity, reception_day, meeting, opinion, suggestion, …
    ref_id: int
    text: str = ""           # for the deputy's lines: "入户走访 幸福花园", "意见 2026-0042 停车"
    residents: int = 0       # residents the activity or reception day records (联系群众, for the minimum)


def _events(c: Connection, year: int, deputy_ids=None, *, detail: bool = False) -> list[Event]:
    """Every scored occurrence of the year (of some deputies), in date order."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)

    def of(column):
        return column.in_(deputy_ids) if deputy_ids is not None else true()

    events: list[Event] = []
    text = (Activity.place if detail else Activity.kind)
    for deputy, kind, day, id_, place, residents in c.execute(
            select(ActivityDeputyLink.deputy_id, Activity.kind, Activity.date, Activity.id, text,
                   Activity.residents_contacted)
            .join(Activity, Activity.id == ActivityDeputyLink.activity_id)
            .where(Activity.date >= start, Activity.date <= end, of(ActivityDeputyLink.deputy_id))):
        events.append(Event(deputy, activity_rule_key(kind), day, "activity", id_, f"{kind} {place}" if detail else "",
                            residents))
    for deputy, day, id_, station, residents in c.execute(
            select(ReceptionDutyLink.deputy_id, ReceptionDay.date, ReceptionDay.id, Station.name,
                   ReceptionDay.residents_received)
            .join(ReceptionDay, ReceptionDay.id == ReceptionDutyLink.reception_day_id)
            .join(Station, Station.id == ReceptionDay.station_id)
            .where(ReceptionDay.status == ReceptionStatus.HELD.value, ReceptionDay.date >= start,
                   ReceptionDay.date <= end, of(ReceptionDutyLink.deputy_id))):
        events.append(Event(deputy, K.RECEPTION_DUTY, day, "reception_day", id_,
                            f"{short_station_name(station)}接待日值班" if detail else "", residents))
    for deputy, day, id_, kind, title, attended in c.execute(
            select(MeetingDeputyLink.deputy_id, Meeting.date, Meeting.id, Meeting.kind, Meeting.title,
                   MeetingDeputyLink.attended)
            .join(Meeting, Meeting.id == MeetingDeputyLink.meeting_id)
            .where(Meeting.status == MeetingStatus.HELD.value, Meeting.date >= start, Meeting.date <= end,
                   of(MeetingDeputyLink.deputy_id))):
        events.append(Event(deputy, K.MEETING if attended else K.MISSED_MEETING, day, "meeting", id_,
                            f"{kind}“{title}”" if detail else ""))
    for deputy, day, id_, serial, category in c.execute(
            select(Opinion.deputy_id, Opinion.received_on, Opinion.id, Opinion.serial, Opinion.category)
            .where(Opinion.deputy_id.is_not(None), Opinion.received_on >= start, Opinion.received_on <= end,
                   of(Opinion.deputy_id))):
        events.append(Event(deputy, K.OPINION_CLAIMED, day, "opinion", id_, f"意见 {serial} {category}"))
    for deputy, day, id_, serial, category in c.execute(
            select(Opinion.deputy_id, Opinion.resolved_on, Opinion.id, Opinion.serial, Opinion.category)
            .where(Opinion.deputy_id.is_not(None), Opinion.status.in_(FINISHED), Opinion.resolved_on >= start,
                   Opinion.resolved_on <= end, of(Opinion.deputy_id))):
        events.append(Event(deputy, K.OPINION_RESOLVED, day, "opinion", id_, f"意见 {serial} {category}"))
    for deputy, role, day, id_, serial, title in c.execute(
            select(SuggestionDeputyLink.deputy_id, SuggestionDeputyLink.role, Suggestion.submitted_on, Suggestion.id,
                   Suggestion.serial, Suggestion.title)
            .join(Suggestion, Suggestion.id == SuggestionDeputyLink.suggestion_id)
            .where(Suggestion.submitted_on >= start, Suggestion.submitted_on <= end,
                   of(SuggestionDeputyLink.deputy_id))):
        key = K.SUGGESTION_LEAD if role == SuggestionRole.LEAD else K.SUGGESTION_COSIGN
        events.append(Event(deputy, key, day, "suggestion", id_, f"{serial} {title}" if detail else ""))
    for deputy, day, id_, name in c.execute(
            select(ProjectDeputyLink.deputy_id, Project.completed_on, Project.id, Project.name)
            .join(Project, Project.id == ProjectDeputyLink.project_id)
            .where(Project.status == ProjectStatus.DONE.value, Project.completed_on >= start,
                   Project.completed_on <= end, of(ProjectDeputyLink.deputy_id))):
        events.append(Event(deputy, K.PROJECT, day, "project", id_, name if detail else ""))
    for deputy, day, id_, serial, kind in c.execute(
            select(DisputeDeputyLink.deputy_id, Dispute.result_on, Dispute.id, Dispute.serial, Dispute.kind)
            .join(Dispute, Dispute.id == DisputeDeputyLink.dispute_id)
            .where(Dispute.status == DisputeStatus.SETTLED.value, Dispute.result_on >= start,
                   Dispute.result_on <= end, of(DisputeDeputyLink.deputy_id))):
        events.append(Event(deputy, K.DISPUTE, day, "dispute", id_, f"{serial} {kind}纠纷" if detail else ""))
    for deputy, day, id_, of_year in c.execute(
            select(AppraisalDeputy.deputy_id, Appraisal.date, Appraisal.id, Appraisal.year)
            .join(Appraisal, Appraisal.id == AppraisalDeputy.appraisal_id)
            .where(Appraisal.status == AppraisalStatus.HELD.value, Appraisal.date >= start, Appraisal.date <= end,
                   of(AppraisalDeputy.deputy_id))):
        events.append(Event(deputy, K.APPRAISAL, day, "appraisal", id_, f"述职评议会（{of_year}年度）"))
    events.sort(key=lambda e: (e.on, e.ref_id))
    return events


def _monthly(c: Connection, year: int, deputy_ids=None) -> list[tuple[int, str, dt.date, int, int]]:
    """(deputy, rule key, first day of the month, occurrences, residents) of the year, in month order:
    the events of _events summed by month in SQL, for a ranking whose period is made of whole months
    (a year, a quarter, a month): caps then apply month by month, which gives the same sums."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)

    def month(column):
        return month_of(column)

    def of(column):
        return column.in_(deputy_ids) if deputy_ids is not None else true()

    rows: list[tuple[int, str, dt.date, int, int]] = []

    def collect(query, key_of, with_residents: bool = False):
        for row in c.execute(query):
            deputy, key, number, count = row[0], key_of(row[1]), row[2], row[3]
            rows.append((deputy, key, dt.date(year, number, 1), count, row[4] if with_residents else 0))

    collect(select(ActivityDeputyLink.deputy_id, Activity.kind, month(Activity.date), func.count(),
                   func.sum(Activity.residents_contacted))
            .join(Activity, Activity.id == ActivityDeputyLink.activity_id)
            .where(Activity.date >= start, Activity.date <= end, of(ActivityDeputyLink.deputy_id))
            .group_by(ActivityDeputyLink.deputy_id, Activity.kind, month(Activity.date)), activity_rule_key, True)
    collect(select(ReceptionDutyLink.deputy_id, literal(K.RECEPTION_DUTY.value), month(ReceptionDay.date), func.count(),
                   func.sum(ReceptionDay.residents_received))
            .join(ReceptionDay, ReceptionDay.id == ReceptionDutyLink.reception_day_id)
            .where(ReceptionDay.status == ReceptionStatus.HELD.value, ReceptionDay.date >= start,
                   ReceptionDay.date <= end, of(ReceptionDutyLink.deputy_id))
            .group_by(ReceptionDutyLink.deputy_id, month(ReceptionDay.date)), str, True)
    collect(select(MeetingDeputyLink.deputy_id, MeetingDeputyLink.attended, month(Meeting.date), func.count())
            .join(Meeting, Meeting.id == MeetingDeputyLink.meeting_id)
            .where(Meeting.status == MeetingStatus.HELD.value, Meeting.date >= start, Meeting.date <= end,
                   of(MeetingDeputyLink.deputy_id))
            .group_by(MeetingDeputyLink.deputy_id, MeetingDeputyLink.attended, month(Meeting.date)),
            lambda attended: K.MEETING if attended else K.MISSED_MEETING)
    collect(select(Opinion.deputy_id, literal(K.OPINION_CLAIMED.value), month(Opinion.received_on), func.count())
            .where(Opinion.deputy_id.is_not(None), Opinion.received_on >= start, Opinion.received_on <= end,
                   of(Opinion.deputy_id))
            .group_by(Opinion.deputy_id, month(Opinion.received_on)), str)
    collect(select(Opinion.deputy_id, literal(K.OPINION_RESOLVED.value), month(Opinion.resolved_on), func.count())
            .where(Opinion.deputy_id.is_not(None), Opinion.status.in_(FINISHED), Opinion.resolved_on >= start,
                   Opinion.resolved_on <= end, of(Opinion.deputy_id))
            .group_by(Opinion.deputy_id, month(Opinion.resolved_on)), str)
    collect(select(SuggestionDeputyLink.deputy_id, SuggestionDeputyLink.role, month(Suggestion.submitted_on),
                   func.count())
            .join(Suggestion, Suggestion.id == SuggestionDeputyLink.suggestion_id)
            .where(Suggestion.submitted_on >= start, Suggestion.submitted_on <= end, of(SuggestionDeputyLink.deputy_id))
            .group_by(SuggestionDeputyLink.deputy_id, SuggestionDeputyLink.role, month(Suggestion.submitted_on)),
            lambda role: K.SUGGESTION_LEAD if role == SuggestionRole.LEAD else K.SUGGESTION_COSIGN)
    collect(select(ProjectDeputyLink.deputy_id, literal(K.PROJECT.value), month(Project.completed_on), func.count())
            .join(Project, Project.id == ProjectDeputyLink.project_id)
            .where(Project.status == ProjectStatus.DONE.value, Project.completed_on >= start,
                   Project.completed_on <= end, of(ProjectDeputyLink.deputy_id))
            .group_by(ProjectDeputyLink.deputy_id, month(Project.completed_on)), str)
    collect(select(DisputeDeputyLink.deputy_id, literal(K.DISPUTE.value), month(Dispute.result_on), func.count())
            .join(Dispute, Dispute.id == DisputeDeputyLink.dispute_id)
            .where(Dispute.status == DisputeStatus.SETTLED.value, Dispute.result_on >= start,
                   Dispute.result_on <= end, of(DisputeDeputyLink.deputy_id))
            .group_by(DisputeDeputyLink.deputy_id, month(Dispute.result_on)), str)
    collect(select(AppraisalDeputy.deputy_id, literal(K.APPRAISAL.value), month(Appraisal.date), func.count())
            .join(Appraisal, Appraisal.id == AppraisalDeputy.appraisal_id)
            .where(Appraisal.status == AppraisalStatus.HELD.value, Appraisal.date >= start, Appraisal.date <= end,
                   of(AppraisalDeputy.deputy_id))
            .group_by(AppraisalDeputy.deputy_id, month(Appraisal.date)), str)
    rows.sort(key=lambda row: row[2])
    return rows


def _adjustments(c: Connection, year: int, deputy_ids=None) -> list[tuple[int, int, dt.date, str, float, str]]:
    query = (select(DutyPointAdjustment.id, DutyPointAdjustment.deputy_id, DutyPointAdjustment.on,
                    DutyPointAdjustment.kind, DutyPointAdjustment.points, DutyPointAdjustment.reason)
             .where(DutyPointAdjustment.on >= dt.date(year, 1, 1), DutyPointAdjustment.on <= dt.date(year, 12, 31))
             .order_by(DutyPointAdjustment.on, DutyPointAdjustment.id))
    if deputy_ids is not None:
        query = query.where(DutyPointAdjustment.deputy_id.in_(deputy_ids))
    return [tuple(row) for row in c.execute(query)]


# --- scoring ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PointLine:
    """One line of a deputy's points: what, when, how many, and the record it came from."""
    on: dt.date
    key: str
    label: str
    points: float
    ref_kind: str | None = None
    ref_id: int | None = None
    text: str = ""
    note: str = ""            # "已达年度上限 20 分", an adjustment's reason


@dataclass
class _Tally:
    """One deputy's year, line by line (caps applied in date order)."""
    rules: RuleTable
    lines: list[PointLine] = field(default_factory=list)
    earned: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    contacts: int = 0                  # residents of the deputy's activities and duty days (联系群众)

    def add_event(self, event: Event) -> None:
        self.add(event.key, event.on, 1, event.residents, event.ref_kind, event.ref_id, event.text)

    def add(self, key: str, on: dt.date, count: int, residents: int, ref_kind: str | None = None,
            ref_id: int | None = None, text: str = "") -> None:
        """`count` occurrences of an item on `on` (one, or a month's when ranking by months)."""
        rule = self.rules.get(key)
        self.counts[key] += count
        self.contacts += residents
        if rule is None:
            return
        points, note = rule.points * count, ""
        if rule.cap is not None and points > 0:
            room = max(0.0, rule.cap - self.earned[key])
            if points > room:
                points, note = room, f"已达年度上限 {points_text(rule.cap)} 分" if room == 0 else \
                    f"计 {points_text(room)} 分后达到年度上限 {points_text(rule.cap)} 分"
        self.earned[key] += points
        self.lines.append(PointLine(on, key, rule.label, points, ref_kind, ref_id, text, note))


@dataclass(frozen=True)
class DeputyScore:
    deputy_id: int
    name: str
    station: str
    period_points: float           # earned in the period (items and adjustments dated in it)
    adjustments: float             # of which adjustments
    base: float                    # whole year only
    minimums: float                # whole year only: deductions for minimums not met
    total: float
    grade: str                     # whole year only
    unmet: tuple[str, ...]         # minimums not met (or not yet, in a year still running): "接待值班0/2次"
    quarters: tuple[float, float, float, float]   # points earned per quarter of the year (items and adjustments)
    by_group: dict[str, float]
    rank: int = 0

    def as_json(self) -> dict:
        return {"rank": self.rank, "deputy_id": self.deputy_id, "name": self.name, "station": self.station,
                "points": self.period_points, "adjustments": self.adjustments, "base": self.base,
                "minimums": self.minimums, "total": self.total, "grade": self.grade, "unmet": list(self.unmet),
                "quarters": list(self.quarters), "by_group": self.by_group}


@dataclass(frozen=True)
class Ranking:
    period: Period
    scope: Scope
    rules: RuleTable
    whole_year: bool
    year_over: bool
    scores: list[DeputyScore]

    @property
    def year(self) -> int:
        return self.period.start.year

    def as_json(self) -> dict:
        return {"period": self.period.as_json(), "scope": self.scope.as_json(), "whole_year": self.whole_year,
                "year_over": self.year_over, "rules": self.rules.describe(),
                "items": [score.as_json() for score in self.scores]}


def _quarter(day: dt.date) -> int:
    return (day.month - 1) // 3


def _score(deputy: tuple, tally: _Tally, adjustments: list, period: Period, whole_year: bool, year_over: bool,
           rules: RuleTable) -> tuple[DeputyScore, list[PointLine]]:
    deputy_id, name, station, took, left = deputy
    year = period.start.year
    lines = list(tally.lines)
    for id_, _deputy, day, kind, points, reason in adjustments:
        value = _adjustment_points(kind, points, rules)
        lines.append(PointLine(day, K.MISSED_DUTY if kind == AdjustmentKind.MISSED_DUTY else f"adjust:{kind}",
                               kind, value, "adjustment", id_, "", reason))
    lines.sort(key=lambda line: (line.on, line.ref_kind or "", line.ref_id or 0))
    quarters = [0.0] * 4
    by_group: dict[str, float] = defaultdict(float)
    in_period = 0.0
    adjusted = 0.0
    for line in lines:
        quarters[_quarter(line.on)] += line.points
        if period.start <= line.on <= period.end:
            in_period += line.points
            if line.ref_kind == "adjustment":
                adjusted += line.points
                by_group["加减分"] += line.points
            else:
                by_group[RULE_SPECS[line.key].group if line.key in RULE_SPECS else "其他"] += line.points
    whole_term = (took is None or took <= dt.date(year, 1, 1)) and (left is None or left >= dt.date(year, 12, 31))
    unmet, minimums = [], 0.0
    for key, count in ((K.MIN_CONTACTS, tally.contacts), (K.MIN_RECEPTIONS, tally.counts[K.RECEPTION_DUTY])):
        rule = rules[key]
        if rule.threshold and count < rule.threshold and whole_term:
            unmet.append(f"{rule.short}{count}/{rule.threshold}{rule.unit}")
            if year_over:
                minimums += rule.points
    base = rules[K.BASE].points if whole_year else 0.0
    minimums = minimums if whole_year else 0.0
    total = round(in_period + base + minimums, 1)
    if whole_year:
        by_group[RuleGroup.BASE.value] = base
        if minimums:
            by_group[RuleGroup.MINIMUM.value] = minimums
    score = DeputyScore(deputy_id, name, short_station_name(station) if station else "", round(in_period, 1),
                        round(adjusted, 1), base, minimums, total, rules.grade(total) if whole_year else "",
                        tuple(unmet), tuple(round(q, 1) for q in quarters),
                        {k: round(v, 1) for k, v in by_group.items()})
    return score, lines


def _deputies(c: Connection, period: Period, scope: Scope, deputy_ids=None) -> list[tuple]:
    year = Period.year(period.start.year)
    query = (select(Deputy.id, Deputy.name, Station.name, Deputy.took_office_on, Deputy.left_office_on,
                    Deputy.name_pinyin)
             .outerjoin(Station, Station.id == Deputy.station_id)
             .where(Selection(year, scope).deputies_where()).order_by(Deputy.name_pinyin))
    if deputy_ids is not None:
        query = query.where(Deputy.id.in_(deputy_ids))
    return [tuple(row[:5]) for row in c.execute(query)]


def _whole_months(period: Period) -> bool:
    return period.start.day == 1 and (period.end + dt.timedelta(days=1)).day == 1


def _check_period(period: Period) -> None:
    if not period.within_one_year:
        raise PointsInputError("period", "履职积分按年度计算：请选择同一年之内的期间（全年、季度或月份）。")


def rank_deputies(db: Database, period: Period, scope: Scope, *, today: dt.date) -> Ranking:
    """Every deputy of the scope who served in the period's year, ranked by their points in the
    period (whole year: with base points, minimums and grade). Equal totals share a rank."""
    _check_period(period)
    year = period.start.year
    whole_year = period.is_year
    year_over = today > dt.date(year, 12, 31)
    with db.session() as session:
        c = session.connection()
        rules = rule_table_in(session, year)
        deputies = _deputies(c, period, scope)
        ids = [d[0] for d in deputies]
        tallies = {deputy_id: _Tally(rules) for deputy_id in ids}
        wanted = ids if not scope.is_whole else None
        if _whole_months(period):
            for deputy, key, on, count, residents in _monthly(c, year, wanted):
                tally = tallies.get(deputy)
                if tally is not None:
                    tally.add(key, on, count, residents)
        else:
            for event in _events(c, year, wanted):
                tally = tallies.get(event.deputy_id)
                if tally is not None:
                    tally.add_event(event)
        adjustments = defaultdict(list)
        for row in _adjustments(c, year, ids if not scope.is_whole else None):
            adjustments[row[1]].append(row)
    scores = [_score(d, tallies[d[0]], adjustments.get(d[0], []), period, whole_year, year_over, rules)[0]
              for d in deputies]
    scores.sort(key=lambda s: -s.total)
    ranked, previous, rank = [], None, 0
    for position, score in enumerate(scores, start=1):
        if score.total != previous:
            rank, previous = position, score.total
        ranked.append(replace(score, rank=rank))
    return Ranking(period, scope, rules, whole_year, year_over, ranked)


@dataclass(frozen=True)
class ItemSummary:
    label: str
    group: str
    count: int
    points: float
    rule: str                  # "每人次 2 分，年度上限 20 分"


@dataclass(frozen=True)
class DeputyPoints:
    """One deputy's year: the score and every line it came from."""
    year: int
    rules: RuleTable
    score: DeputyScore
    lines: list[PointLine]
    items: list[ItemSummary]   # per rule: how many, how many points


def rule_text(rule: RuleSpec) -> str:
    if rule.is_grade:
        return f"不低于 {rule.threshold} 分"
    if rule.is_minimum:
        return f"不少于 {rule.threshold}{rule.unit}，未达到 {points_text(rule.points)} 分"
    if not rule.unit:
        return f"{points_text(rule.points)} 分"
    text = f"每{rule.unit} {points_text(rule.points)} 分"
    return text + (f"，年度上限 {points_text(rule.cap)} 分" if rule.cap is not None else "")


def deputy_points(db: Database, deputy_id: int, year: int, *, today: dt.date) -> DeputyPoints:
    """Where every point of the deputy's year came from (the whole year's score, with its lines)."""
    period = Period.year(year)
    year_over = today > period.end
    with db.session() as session:
        c = session.connection()
        rules = rule_table_in(session, year)
        deputy = c.execute(select(Deputy.id, Deputy.name, Station.name, Deputy.took_office_on, Deputy.left_office_on)
                           .outerjoin(Station, Station.id == Deputy.station_id).where(Deputy.id == deputy_id)).first()
        if deputy is None:
            raise PointsInputError("deputy", "找不到这位代表，可能已被删除。")
        tally = _Tally(rules)
        for event in _events(c, year, [deputy_id], detail=True):
            tally.add_event(event)
        adjustments = _adjustments(c, year, [deputy_id])
    score, lines = _score(tuple(deputy), tally, adjustments, period, True, year_over, rules)
    items = []
    for rule in rules.rules:
        if rule.is_grade or rule.is_minimum or rule.key == K.BASE:
            continue
        mine = [line for line in lines if line.key == rule.key]
        if mine:
            items.append(ItemSummary(rule.label, rule.group, len(mine), round(sum(l.points for l in mine), 1),
                                     rule_text(rule)))
    for kind in (AdjustmentKind.BONUS.value, AdjustmentKind.PENALTY.value):
        mine = [line for line in lines if line.key == f"adjust:{kind}"]
        if mine:
            items.append(ItemSummary(kind, "加减分", len(mine), round(sum(l.points for l in mine), 1), "按登记的分数"))
    return DeputyPoints(year, rules, score, lines, items)


def quarter_label(quarter: int) -> str:
    return QUARTER_NAMES[quarter - 1]


def ranks_of(scores: Iterable[DeputyScore]) -> dict[int, int]:
    return {score.deputy_id: score.rank for score in scores}
