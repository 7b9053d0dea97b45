"""Recording what happened in a household (住院, 丧事, 困难…): a visit becomes due.

The visit is due `within_days` after the event; a due date that falls on a rest day moves to the
next working day (遇节假日顺延, as deadlines do), using the office's holiday calendar.
"""
import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Household, HouseholdEvent, HouseholdVisit
from gridoffice.domain.dates import chinese_date
from gridoffice.domain.errors import FieldError
from gridoffice.domain.rules import normalize_text

from gridoffice.services.households.kinds import read_kinds
from gridoffice.services.households.ledger import categories_by_household
from gridoffice.services.reception.holidays import HolidayCalendar, calendar_of


class EventInputError(FieldError):
    """Bad input for a household event: `field` names the form field, the message is Chinese."""


@dataclass(frozen=True)
class EventResult:
    id: int
    kind: str
    date: dt.date
    due_on: dt.date
    closed_by_visit: dt.date | None   # a visit already made on or after the event closed it at once


def visit_due_on(holidays: HolidayCalendar, day: dt.date, within_days: int) -> dt.date:
    """`within_days` after `day`, moved to the next working day when that is a rest day."""
    return holidays.next_workday(day + dt.timedelta(days=within_days))


def record_event(db: Database, household_id: int, kind: str, day: dt.date, *, today: dt.date,
                 notes: str = "") -> EventResult:
    with db.session() as session:
        return store_event(session, household_id, kind, day, today=today, notes=notes)


def store_event(session: Session, household_id: int, kind: str, day: dt.date, *, today: dt.date, notes: str = "",
                holidays: HolidayCalendar | None = None) -> EventResult:
    household = session.get(Household, household_id)
    if household is None or household.placeholder_count:
        raise EventInputError("household", "请先选择一户已登记的重点户。")
    kind = normalize_text(kind)
    kinds = {k.event: k for k in read_kinds(session)}
    rule = kinds.get(kind)
    if rule is None:
        raise EventInputError("kind", f"“{kind}”不在必访事由中。可选：{'、'.join(kinds) or '（尚未设置）'}。")
    if day > today:
        raise EventInputError("date", f"事由发生日期不能晚于今天（{today:%Y-%m-%d}）。")
    if rule.category_ids:
        own = set(categories_by_household(session, [household_id]).get(household_id, []))
        if not own & set(rule.category_ids):
            raise EventInputError("kind", f"“{kind}”必访只适用于{rule.categories}，这户不属于这些类别。")
    twin = session.exec(select(HouseholdEvent.id).where(HouseholdEvent.household_id == household_id,
                                                        HouseholdEvent.kind == kind, HouseholdEvent.date == day)).first()
    if twin is not None:
        raise EventInputError("kind", f"这户{chinese_date(day)}的“{kind}”已经登记过了。")
    due_on = visit_due_on(holidays or calendar_of(session), day, rule.within_days)
    event = HouseholdEvent(household_id=household_id, rule_id=rule.id, kind=kind, date=day, due_on=due_on,
                           notes=(notes or "").strip())
    visit = session.exec(select(HouseholdVisit).where(HouseholdVisit.household_id == household_id,
                                                      HouseholdVisit.date >= day)
                         .order_by(HouseholdVisit.date, HouseholdVisit.id)).first()
    if visit is not None:
        event.visit_id = visit.id
    session.add(event)
    session.flush()
    return EventResult(event.id, kind, day, due_on, visit.date if visit else None)


def delete_event(db: Database, event_id: int) -> None:
    """An event entered by mistake."""
    with db.session() as session:
        event = session.get(HouseholdEvent, event_id)
        if event is not None:
            session.delete(event)


@dataclass(frozen=True)
class EventRow:
    id: int
    kind: str
    date: dt.date
    due_on: dt.date
    notes: str
    visited_on: dt.date | None


def events_of(db: Database, household_id: int) -> list[EventRow]:
    with db.session() as session:
        visits = dict(session.exec(select(HouseholdVisit.id, HouseholdVisit.date)
                                   .where(HouseholdVisit.household_id == household_id)).all())
        return [EventRow(e.id, e.kind, e.date, e.due_on, e.notes, visits.get(e.visit_id))
                for e in session.exec(select(HouseholdEvent).where(HouseholdEvent.household_id == household_id)
                                      .order_by(HouseholdEvent.date.desc(), HouseholdEvent.id.desc()))]


def kinds_for_household(db: Database, household_id: int | None) -> list[str]:
    """The events that may be recorded for this household (rules of its categories or of all)."""
    with db.session() as session:
        own = set(categories_by_household(session, [household_id]).get(household_id, [])) if household_id else set()
        return [k.event for k in read_kinds(session) if not k.category_ids or own & set(k.category_ids)]


