"""The office's figures for a period and scope, and the sentence the office writes with them:

    "2026年，锦塘街道人大工委组织代表660人次开展活动134次，接待（联系）群众1021人次；收集群众意见398条，
     办结378条，办结率95.0%，回复率99.2%；形成代表建议8件（办结8件），为民办实事31件；联络站接待日
     举行100次（计划102次）。"

    figures = office_figures(db, Period.year(2026), WHOLE_OFFICE)
    figures["person_times"].value, figures.sentence()

What each figure counts is defined once, in selection.py; the list of records behind each figure
comes from records.py with the same conditions. Each figure carries the same period a year earlier.
"""
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.engine import Connection

from gridoffice.db import Database
from gridoffice.domain import (Activity, ActivityDeputyLink, FollowUp, Meeting, Project, ReceptionDay,
                               Suggestion)
from gridoffice.domain.dates import chinese_date
from gridoffice.domain.enums import OpinionStatus, ReceptionStatus, Satisfaction
from gridoffice.domain.outcome_rules import rate
from gridoffice.services.common.settings import office_name
from gridoffice.services.outcomes.figures import Figure, incomplete_before

from .period import Period, Scope
from .selection import Selection

S = OpinionStatus

# key → (label, unit), in the order the tab and the JSON show them
LABELS = {
    "activities": ("开展活动", "次"),
    "person_times": ("组织代表参加活动", "人次"),
    "deputies_involved": ("参加活动的代表", "名"),
    "online_activities": ("其中网上履职", "次"),
    "residents": ("接待（联系）群众", "人次"),
    "residents_in_activities": ("走访活动中联系群众", "人次"),
    "residents_at_reception": ("接待日接待群众", "人次"),
    "opinions_collected": ("收集群众意见", "条"),
    "opinions_resolved": ("办结", "条"),
    "resolve_rate": ("办结率", "%"),
    "opinions_replied": ("回复群众", "条"),
    "reply_rate": ("回复率", "%"),
    "opinions_rejected": ("不予受理（已引导）", "条"),
    "opinions_open": ("尚未办结", "条"),
    "opinions_earlier_resolved": ("另办结以前收集的意见", "条"),
    "suggestions_formed": ("形成代表建议", "件"),
    "suggestions_closed": ("办结代表建议", "件"),
    "projects_done": ("为民办实事", "件"),
    "reception_held": ("接待日举行", "次"),
    "reception_scheduled": ("接待日计划", "次"),
    "reception_duty": ("接待日值班代表", "人次"),
    "meetings_held": ("召开会议", "次"),
    "meeting_person_times": ("代表参加会议", "人次"),
    "followups": ("回访群众", "件"),
    "satisfaction_rate": ("群众满意度", "%"),
}
RATES = {"resolve_rate", "reply_rate", "satisfaction_rate"}
RECEPTION_KEYS = {"reception_held", "reception_scheduled", "reception_duty", "residents_at_reception"}


def _one(connection: Connection, query) -> tuple:
    return tuple(connection.execute(query).one())


def figure_values(connection: Connection, selection: Selection) -> dict[str, int | float | None]:
    """Every figure of LABELS for one selection (a dozen aggregate queries)."""
    sel = selection
    activities, residents, online = _one(connection, sel.activities(
        func.count(), func.coalesce(func.sum(Activity.residents_contacted), 0),
        func.coalesce(func.sum(case((Activity.online, 1), else_=0)), 0), joined=False))
    person_times, deputies = _one(connection, sel.person_times(
        func.count(), func.count(func.distinct(ActivityDeputyLink.deputy_id)), joined=False))

    values: dict[str, int | float | None] = dict.fromkeys(RECEPTION_KEYS)
    at_reception = 0
    if sel.reception_applies:
        by_status = {status: (count, received) for status, count, received in connection.execute(
            select(ReceptionDay.status, func.count(), func.coalesce(func.sum(ReceptionDay.residents_received), 0))
            .where(sel.reception_where()).group_by(ReceptionDay.status))}
        held, at_reception = by_status.get(ReceptionStatus.HELD.value, (0, 0))
        planned = by_status.get(ReceptionStatus.PLANNED.value, (0, 0))[0]
        values.update(reception_held=held, reception_scheduled=held + planned, residents_at_reception=at_reception,
                      reception_duty=_one(connection, sel.reception_duties(func.count()))[0])

    finished_by_end, replied_by_end, rejected_by_end = sel.finished_by_end(), sel.replied_by_end(), sel.rejected_by_end()
    collected, resolved, replied, rejected = (int(v or 0) for v in _one(connection, sel.opinions(
        sel.collected_where(), func.count(), func.sum(case((finished_by_end, 1), else_=0)),
        func.sum(case((replied_by_end, 1), else_=0)), func.sum(case((rejected_by_end, 1), else_=0)), joined=False)))
    earlier = _one(connection, sel.opinions(sel.earlier_resolved_where(), func.count(), joined=False))[0]

    verdicts = _verdicts(connection, sel)
    followed = sum(verdicts.values())
    content = verdicts.get(Satisfaction.SATISFIED.value, 0) + verdicts.get(Satisfaction.BASICALLY.value, 0)

    values.update(
        activities=activities, person_times=person_times, deputies_involved=deputies, online_activities=online,
        residents=residents + at_reception, residents_in_activities=residents,
        opinions_collected=collected, opinions_resolved=resolved, resolve_rate=rate(resolved, collected),
        opinions_replied=replied, reply_rate=rate(replied, resolved), opinions_rejected=rejected,
        opinions_open=collected - resolved - rejected, opinions_earlier_resolved=earlier,
        suggestions_formed=_count(connection, Suggestion, sel.suggestions_formed_where()),
        suggestions_closed=_count(connection, Suggestion, sel.suggestions_closed_where()),
        projects_done=_count(connection, Project, sel.projects_done_where()),
        meetings_held=_count(connection, Meeting, sel.meetings_where()),
        meeting_person_times=_one(connection, sel.meeting_attendance(func.count()))[0],
        followups=followed, satisfaction_rate=rate(content, followed),
    )
    return values


def _verdicts(connection: Connection, sel: Selection) -> dict[str, int]:
    """How many opinions followed up in the period got each verdict at their last call there. For the
    whole office read in date order (the date index does it); for a station or community through
    the window query of selection.latest_followups."""
    if sel.scope.is_whole:
        latest: dict[int, str] = {}
        for opinion_id, verdict in connection.execute(
                select(FollowUp.opinion_id, FollowUp.verdict).where(FollowUp.on >= sel.start, FollowUp.on <= sel.end)
                .order_by(FollowUp.on, FollowUp.id)):
            latest[opinion_id] = verdict
        counts: dict[str, int] = {}
        for verdict in latest.values():
            counts[verdict] = counts.get(verdict, 0) + 1
        return counts
    latest_rows = sel.latest_followups()
    return dict(connection.execute(select(latest_rows.c.verdict, func.count()).group_by(latest_rows.c.verdict)).all())


def _count(connection: Connection, model, where) -> int:
    return connection.execute(select(func.count()).select_from(model).where(where)).scalar_one()


@dataclass(frozen=True)
class OfficeFigures:
    period: Period
    scope: Scope
    office: str                     # the office's name, for the sentence
    figures: dict[str, Figure]

    def __getitem__(self, key: str) -> Figure:
        return self.figures[key]

    def value(self, key: str):
        return self.figures[key].value

    @property
    def scope_label(self) -> str:
        return self.scope.label(self.office)

    def sentence_parts(self) -> list[tuple[str, str | None]]:
        """The summary sentence as (text, figure key) pieces: a number carries its key (the tab links
        it to the records behind it, the papers set it in bold); the words carry None."""
        return sentence_parts(self)

    def sentence(self) -> str:
        return "".join(text for text, _key in self.sentence_parts())

    def as_json(self) -> dict:
        return {"period": self.period.as_json(), "scope": self.scope.as_json(), "sentence": self.sentence(),
                "figures": {key: figure.as_json() for key, figure in self.figures.items()}}


def office_figures(db: Database, period: Period, scope: Scope, *, compare: bool = True) -> OfficeFigures:
    """The figures of the period and scope, each with the same period a year earlier (compare)."""
    with db.session() as session:
        connection = session.connection()
        now = figure_values(connection, Selection(period, scope))
        before = figure_values(connection, Selection(period.year_before(), scope)) if compare else {}
        earlier = period.year_before()
        records_from = incomplete_before(connection, (earlier.start, earlier.end)) if compare else None
        office = office_name(session)
    return OfficeFigures(period, scope, office, {
        key: Figure(key, label, unit, now[key], before.get(key), records_from)
        for key, (label, unit) in LABELS.items()})


# --- the sentence -----------------------------------------------------------------------------------

def number(value: int | float | None) -> str:
    """1021 and 95.0 as the office writes them (no thousands separator, as in its reports); — for nothing."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def sentence_parts(figures: OfficeFigures) -> list[tuple[str, str | None]]:
    def n(key: str) -> tuple[str, str]:
        figure = figures[key]
        return number(figure.value) + ("%" if figure.unit == "%" else ""), key

    parts: list[tuple[str, str | None]] = [(f"{figures.period.label()}，{figures.scope_label}", None)]
    parts += [("组织代表", None), n("person_times"), ("人次开展活动", None), n("activities"), ("次", None)]
    if figures.value("online_activities"):
        parts += [("，其中网上履职", None), n("online_activities"), ("次", None)]
    parts += [("，接待（联系）群众", None), n("residents"), ("人次；收集群众意见", None), n("opinions_collected"),
              ("条", None)]
    if figures.value("opinions_collected"):
        parts += [("，办结", None), n("opinions_resolved"), ("条，办结率", None), n("resolve_rate")]
        if figures.value("opinions_resolved"):
            parts += [("，回复率", None), n("reply_rate")]
    parts += [("；形成代表建议", None), n("suggestions_formed"), ("件（办结", None), n("suggestions_closed"),
              ("件），为民办实事", None), n("projects_done"), ("件", None)]
    if figures.value("reception_scheduled") is not None:
        parts += [("；联络站接待日举行", None), n("reception_held"), ("次（计划", None), n("reception_scheduled"),
                  ("次）", None)]
    parts.append(("。", None))
    return parts


def figure_text(figure: Figure) -> str:
    """'134次', '95.0%', '—'."""
    return "—" if figure.value is None else f"{number(figure.value)}{figure.unit}"


def incomplete_note(figure: Figure) -> str:
    """Why a figure has no 同比 in the office's first year with the program; "" when it has one."""
    if figure.records_from is None:
        return ""
    return (f"本办公室的记录从{chinese_date(figure.records_from)}开始，上年同期只记录了其中一部分，"
            "与之相比的增减没有意义，因此不作同比。")


def change_text(figure: Figure) -> str:
    """同比 as a short phrase: '上年同期 120次，增加 14次（11.7%）', '上年同期 93.2%，提高 1.8 个百分点'."""
    if figure.previous is None or figure.value is None:
        return "上年同期 —"
    before = f"上年同期 {number(figure.previous)}{figure.unit}"
    if figure.records_from is not None:
        return f"{before}，记录不全，不作比较"
    change = figure.change
    if not change:
        return f"{before}，持平"
    if figure.unit == "%":
        return f"{before}，{'提高' if change > 0 else '降低'} {abs(change):.1f} 个百分点"
    percent = f"（{abs(figure.change_percent):.1f}%）" if figure.change_percent is not None else ""
    return f"{before}，{'增加' if change > 0 else '减少'} {number(abs(change))}{figure.unit}{percent}"
