"""Recording a visit to a household: who went (deputies and other people), what was done, what
services or devices were provided. The visit closes the household's open must-visit events up to
its date and restarts the regular cycle.

With deputies, a visit is also an activity of the visit log (入户走访): the same deputies (and
team) visiting households of one grid on one day make one activity, so each deputy counts one
person-time for the round, and each household visited counts one resident contacted.
"""
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import (Activity, ActivityPersonLink, ActivityPhoto, Deputy, Household, HouseholdEvent,
                               HouseholdVisit, HouseholdVisitDeputy, HouseholdVisitPerson, Opinion, Person, Team)
from gridoffice.domain.enums import ActivityKind
from gridoffice.domain.errors import FieldError
from gridoffice.domain.rules import join_multi, normalize_text, split_multi

from gridoffice.services.activities.records import ActivityInput, ActivityInputError, validate_activity
from gridoffice.services.households.ledger import refresh_cycle_due

HOME_VISIT = ActivityKind.HOME_VISIT.value
SERVICES_LIMIT = 200


class VisitInputError(FieldError):
    """Bad input for a household visit: `field` names the form field, the message is Chinese."""


@dataclass
class VisitInput:
    household_id: int
    date: dt.date
    deputy_ids: Sequence[int] = ()
    person_ids: Sequence[int] = ()
    summary: str = ""
    services: str = ""          # any separators; stored joined by "、"
    team_id: int | None = None


@dataclass(frozen=True)
class VisitResult:
    id: int
    activity_id: int | None
    joined_activity: bool       # added to an activity of the same round rather than a new one
    closed: list[str]           # the events this visit closed: "生病住院（3月2日）"


def record_visit(db: Database, data: VisitInput, *, today: dt.date) -> VisitResult:
    with db.session() as session:
        return store_visit(session, data, today=today)


def store_visit(session: Session, data: VisitInput, *, today: dt.date) -> VisitResult:
    household = session.get(Household, data.household_id)
    if household is None or household.placeholder_count:
        raise VisitInputError("household", "请先选择一户已登记的重点户。")
    deputy_ids = list(dict.fromkeys(data.deputy_ids))
    person_ids = list(dict.fromkeys(data.person_ids))
    if data.date > today:
        raise VisitInputError("date", f"走访日期不能晚于今天（{today:%Y-%m-%d}）。")
    if not deputy_ids and not person_ids:
        raise VisitInputError("visitors", "请选择参加走访的代表或其他人员。")
    if person_ids:
        found = set(session.exec(select(Person.id).where(Person.id.in_(person_ids))))
        if len(found) != len(person_ids):
            raise VisitInputError("visitors", "所选人员中有人已从人员名册中删除，请重新选择。")
    if data.team_id is not None and session.get(Team, data.team_id) is None:
        raise VisitInputError("team", "所选队伍已不存在，请重新选择。")
    services = join_multi(split_multi(data.services))
    if len(services) > SERVICES_LIMIT:
        raise VisitInputError("services", f"提供的服务或设备不能超过 {SERVICES_LIMIT} 个字。")
    activity = None
    joined = False
    if deputy_ids:
        try:
            validate_activity(session, ActivityInput(data.date, HOME_VISIT, deputy_ids, household.grid_id), today)
        except ActivityInputError as error:
            raise VisitInputError("visitors" if error.field == "deputies" else error.field, str(error)) from None
        activity = _round_of(session, household.grid_id, data.date, deputy_ids, data.team_id)
        joined = activity is not None
        if activity is None:
            activity = Activity(date=data.date, kind=HOME_VISIT, grid_id=household.grid_id, team_id=data.team_id,
                                residents_contacted=0,
                                deputies=list(session.exec(select(Deputy).where(Deputy.id.in_(deputy_ids)))))
            session.add(activity)
            session.flush()
    visit = HouseholdVisit(household_id=household.id, date=data.date, summary=(data.summary or "").strip(),
                           services=services, activity_id=activity.id if activity else None, team_id=data.team_id)
    session.add(visit)
    session.flush()
    for deputy_id in deputy_ids:
        session.add(HouseholdVisitDeputy(visit_id=visit.id, deputy_id=deputy_id))
    for person_id in person_ids:
        session.add(HouseholdVisitPerson(visit_id=visit.id, person_id=person_id))
    session.flush()
    closed = []
    for event in session.exec(select(HouseholdEvent).where(HouseholdEvent.household_id == household.id,
                                                           HouseholdEvent.visit_id.is_(None),
                                                           HouseholdEvent.date <= data.date)
                              .order_by(HouseholdEvent.date, HouseholdEvent.id)):
        event.visit_id = visit.id
        session.add(event)
        closed.append(f"{event.kind}（{event.date.month}月{event.date.day}日）")
    if household.last_visit_on is None or data.date > household.last_visit_on:
        household.last_visit_on = data.date
        session.add(household)
        session.flush()
        refresh_cycle_due(session, [household.id])
    if activity is not None:
        _describe_round(session, activity)
    session.flush()
    return VisitResult(visit.id, activity.id if activity else None, joined, closed)


def _round_of(session: Session, grid_id: int, day: dt.date, deputy_ids: Sequence[int],
              team_id: int | None) -> Activity | None:
    """The activity made from household visits by the same deputies (and team) in this grid that day."""
    made_from_visits = select(HouseholdVisit.activity_id).where(HouseholdVisit.activity_id.is_not(None),
                                                                HouseholdVisit.date == day)
    for activity in session.exec(select(Activity).where(Activity.date == day, Activity.kind == HOME_VISIT,
                                                        Activity.grid_id == grid_id,
                                                        Activity.id.in_(made_from_visits))):
        if {d.id for d in activity.deputies} == set(deputy_ids) and activity.team_id == team_id:
            return activity
    return None


def _describe_round(session: Session, activity: Activity) -> None:
    """The activity's people, places and summary from its visits (no resident's name or door number)."""
    visits = session.exec(select(HouseholdVisit).where(HouseholdVisit.activity_id == activity.id)
                          .order_by(HouseholdVisit.id)).all()
    places = [p for p in dict.fromkeys(session.exec(select(Household.place).where(
        Household.id.in_([v.household_id for v in visits])))) if p]
    person_ids = list(dict.fromkeys(session.exec(select(HouseholdVisitPerson.person_id).where(
        HouseholdVisitPerson.visit_id.in_([v.id for v in visits])).order_by(HouseholdVisitPerson.person_id))))
    people = dict(session.exec(select(Person.id, Person.name).where(Person.id.in_(person_ids))).all())
    current = set(session.exec(select(ActivityPersonLink.person_id).where(ActivityPersonLink.activity_id == activity.id)))
    for link in session.exec(select(ActivityPersonLink).where(ActivityPersonLink.activity_id == activity.id)):
        if link.person_id not in person_ids:
            session.delete(link)
    for person_id in person_ids:
        if person_id not in current:
            session.add(ActivityPersonLink(activity_id=activity.id, person_id=person_id))
    services = join_multi(dict.fromkeys(s for v in visits for s in split_multi(v.services)))
    summary = f"走访重点户 {len(visits)} 户" + (f"；提供：{services}" if services else "")
    values = {"residents_contacted": len(visits), "place": "、".join(places)[:200],
              "other_participants": "、".join(people[i] for i in person_ids if i in people)[:200], "summary": summary}
    for key, value in values.items():
        if getattr(activity, key) != value:
            setattr(activity, key, value)
    session.add(activity)


def delete_visit(db: Database, visit_id: int) -> None:
    """A visit entered by mistake: its events open again; its activity loses the household (and
    goes when nothing else keeps it: no other visit, photo or opinion)."""
    with db.session() as session:
        visit = session.get(HouseholdVisit, visit_id)
        if visit is None:
            return
        household = session.get(Household, visit.household_id)
        for event in session.exec(select(HouseholdEvent).where(HouseholdEvent.visit_id == visit_id)):
            event.visit_id = None
            session.add(event)
        for model in (HouseholdVisitDeputy, HouseholdVisitPerson):
            for link in session.exec(select(model).where(model.visit_id == visit_id)):
                session.delete(link)
        activity_id = visit.activity_id
        session.flush()
        session.delete(visit)
        session.flush()
        if activity_id is not None:
            _after_leaving(session, activity_id)
        household.last_visit_on = session.exec(select(func.max(HouseholdVisit.date))
                                               .where(HouseholdVisit.household_id == household.id)).one()
        session.add(household)
        session.flush()
        refresh_cycle_due(session, [household.id])


def _after_leaving(session: Session, activity_id: int) -> None:
    activity = session.get(Activity, activity_id)
    if activity is None:
        return
    others = session.exec(select(func.count()).select_from(HouseholdVisit)
                          .where(HouseholdVisit.activity_id == activity_id)).one()
    kept = session.exec(select(func.count()).select_from(ActivityPhoto).where(ActivityPhoto.activity_id == activity_id)
                        ).one() + session.exec(select(func.count()).select_from(Opinion)
                                               .where(Opinion.activity_id == activity_id)).one()
    if others:
        _describe_round(session, activity)
    elif not kept:
        for link in session.exec(select(ActivityPersonLink).where(ActivityPersonLink.activity_id == activity_id)):
            session.delete(link)
        activity.deputies = []
        session.flush()
        session.delete(activity)


@dataclass(frozen=True)
class VisitRow:
    id: int
    date: dt.date
    visitors: str          # deputies (代表) then other people
    summary: str
    services: str
    activity_id: int | None


def visits_of(db: Database, household_id: int) -> list[VisitRow]:
    """The household's visits, newest first."""
    with db.session() as session:
        visits = session.exec(select(HouseholdVisit).where(HouseholdVisit.household_id == household_id)
                              .order_by(HouseholdVisit.date.desc(), HouseholdVisit.id.desc())).all()
        ids = [v.id for v in visits]
        deputies: dict[int, list[str]] = {}
        for visit_id, name in session.exec(select(HouseholdVisitDeputy.visit_id, Deputy.name)
                                           .join(Deputy, Deputy.id == HouseholdVisitDeputy.deputy_id)
                                           .where(HouseholdVisitDeputy.visit_id.in_(ids)).order_by(Deputy.id)):
            deputies.setdefault(visit_id, []).append(f"{name}代表")
        for visit_id, name in session.exec(select(HouseholdVisitPerson.visit_id, Person.name)
                                           .join(Person, Person.id == HouseholdVisitPerson.person_id)
                                           .where(HouseholdVisitPerson.visit_id.in_(ids)).order_by(Person.id)):
            deputies.setdefault(visit_id, []).append(name)
        return [VisitRow(v.id, v.date, "、".join(deputies.get(v.id, [])), v.summary, v.services, v.activity_id)
                for v in visits]


def resolve_visitors(db: Database, names: Sequence[str]) -> tuple[list[int], list[int]]:
    """(deputy ids, person ids) of the names a clerk typed; a name must be one serving deputy or one
    person of the register. Raises VisitInputError("visitors") naming the unknown or ambiguous."""
    deputy_ids, person_ids, problems = [], [], []
    with db.session() as session:
        for raw in names:
            name = normalize_text(raw)
            if not name:
                continue
            deputies = session.exec(select(Deputy.id).where(Deputy.name == name, Deputy.status == "在任")).all()
            people = session.exec(select(Person.id).where(Person.name == name, Person.active)).all()
            if len(deputies) + len(people) == 1:
                (deputy_ids if deputies else person_ids).append((deputies or people)[0])
            elif not deputies and not people:
                problems.append(f"“{name}”既不是在任代表，也不在人员名册中")
            else:
                problems.append(f"“{name}”有 {len(deputies) + len(people)} 人同名，请在图形界面中选择")
    if problems:
        raise VisitInputError("visitors", "；".join(problems) + "。")
    return deputy_ids, person_ids
