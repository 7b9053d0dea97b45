"""Visits due: each open must-visit event (九必访) by its date, and each household's regular cycle
(独居老人 every 7 days from the last visit, or from the day it was registered; stored on the
household as `cycle_due_on`, kept in step by the ledger and visit services).

Overdue: the due date has passed. Due this week: today or the six days after. The status bar,
the start-up reminder, the due list and `gridoffice households due` read the same function.
"""
import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import or_
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.db.portable import group_concat
from gridoffice.domain import Grid, Household, HouseholdCategoryLink, HouseholdEvent
from gridoffice.domain.household_rules import mask_address
from gridoffice.domain.rules import mask_name

from gridoffice.services.households.ledger import read_category_infos

DUE_SOON_DAYS = 7


class DueItem(NamedTuple):
    """One visit due (a tuple: a district's list holds thousands)."""
    household_id: int
    grid_id: int
    grid_code: str
    address: str        # masked unless read in full
    name: str           # masked unless read in full
    categories: str
    reason: str         # "生病住院（3月2日）" or "独居老人每 7 天走访"
    due_on: dt.date
    event_id: int | None   # None for a regular cycle
    overdue: bool

    @property
    def kind(self) -> str:
        return "必访" if self.event_id is not None else "定期走访"

    def days_late(self, today: dt.date) -> int:
        return max(0, (today - self.due_on).days)


@dataclass(frozen=True)
class DueSummary:
    overdue: list[DueItem]
    due_soon: list[DueItem]

    @property
    def overdue_households(self) -> int:
        return len({item.household_id for item in self.overdue})

    @property
    def due_soon_households(self) -> int:
        return len({item.household_id for item in self.due_soon} - {item.household_id for item in self.overdue})

    @property
    def must_visits_soon(self) -> int:
        """Must-visit events (九必访) due this week: what the status bar counts beside the overdue."""
        return sum(1 for item in self.due_soon if item.event_id is not None)

    def describe(self) -> str:
        return (f"超期 {len(self.overdue)} 项（{self.overdue_households} 户），"
                f"本周到期 {len(self.due_soon)} 项（{self.due_soon_households} 户）")


class _Due(NamedTuple):
    household_id: int
    due_on: dt.date
    reason: str
    event_id: int | None


def _due_households(session: Session, grid_id: int | None, before: dt.date | None) -> list[tuple]:
    """Households with their regular visit due before `before` (every one with a cycle when None) or
    an open event due before it, as plain rows: (id, grid id, grid code, place, building, unit, room,
    address, name, cycle due, category ids "1,3"). Read through the cycle_due_on and due_on indexes,
    so a district's due list touches only the households that are due."""
    events = select(HouseholdEvent.household_id).where(HouseholdEvent.visit_id.is_(None))
    if before is not None:
        events = events.where(HouseholdEvent.due_on < before)
    cycle = Household.cycle_due_on < before if before is not None else Household.cycle_due_on.is_not(None)
    query = (select(Household.id, Household.grid_id, Grid.code, Household.place, Household.building, Household.unit,
                    Household.room, Household.address, Household.name, Household.cycle_due_on,
                    group_concat(HouseholdCategoryLink.category_id))
             .join(Grid, Grid.id == Household.grid_id)
             .join(HouseholdCategoryLink, HouseholdCategoryLink.household_id == Household.id)
             .where(Household.placeholder_count == 0, or_(cycle, Household.id.in_(events)))
             .group_by(Household.id, Grid.code))
    if grid_id is not None:
        query = query.where(Household.grid_id == grid_id)
    return session.connection().execute(query).all()


def _cycle_dues(rows: list[tuple], cycles: dict[int, tuple[int, str]], before: dt.date | None) -> list[_Due]:
    dues = []
    for household_id, *_shown, due_on, category_ids in rows:
        if due_on is None or (before is not None and due_on >= before):
            continue
        own = [cycles[int(c)] for c in category_ids.split(",") if int(c) in cycles]
        days, name = min(own) if own else (0, "定期")
        dues.append(_Due(household_id, due_on, f"{name}每 {days} 天走访", None))
    return dues


def _cycles(session: Session) -> dict[int, tuple[int, str]]:
    return {c.id: (c.visit_every_days, c.name) for c in read_category_infos(session) if c.visit_every_days > 0}


def _event_dues(session: Session, grid_id: int | None, before: dt.date | None = None) -> list[_Due]:
    query = (select(HouseholdEvent.household_id, HouseholdEvent.due_on, HouseholdEvent.kind, HouseholdEvent.date,
                    HouseholdEvent.id).where(HouseholdEvent.visit_id.is_(None)))
    if before is not None:
        query = query.where(HouseholdEvent.due_on < before)
    if grid_id is not None:
        query = query.join(Household, Household.id == HouseholdEvent.household_id).where(Household.grid_id == grid_id)
    return [_Due(household_id, due_on, f"{kind}（{day.month}月{day.day}日）", event_id)
            for household_id, due_on, kind, day, event_id in session.connection().execute(query).all()]


def next_due_by_household(session: Session, today: dt.date, *, grid_id: int | None = None) -> dict[int, tuple[dt.date, str]]:
    """household id → (the earliest due date, why), over open events and the regular cycle."""
    best: dict[int, tuple[dt.date, str]] = {}
    rows = _due_households(session, grid_id, None)
    for due in [*_event_dues(session, grid_id), *_cycle_dues(rows, _cycles(session), None)]:
        current = best.get(due.household_id)
        if current is None or due.due_on < current[0]:
            best[due.household_id] = (due.due_on, due.reason)
    return best


def read_due(session: Session, today: dt.date, *, grid_id: int | None = None, full: bool = False) -> DueSummary:
    horizon = today + dt.timedelta(days=DUE_SOON_DAYS)
    rows = _due_households(session, grid_id, horizon)
    dues = [*_event_dues(session, grid_id, horizon), *_cycle_dues(rows, _cycles(session), horizon)]
    infos = read_category_infos(session)
    names = {c.id: c.name for c in infos}
    order = {c.id: n for n, c in enumerate(infos)}
    info, texts = {}, {}
    for household_id, grid, code, place, building, unit, room, address, name, _due, ids in rows:
        shown = (address, name) if full else (mask_address(place, building, unit, room), mask_name(name))
        text = texts.get(ids)
        if text is None:   # a district has thousands of households but few combinations of categories
            categories = sorted((int(c) for c in ids.split(",")), key=lambda c: order.get(c, 99))
            text = texts[ids] = "、".join(names.get(c, "") for c in categories)
        info[household_id] = (grid, code, *shown, text)
    items = []
    for due in sorted(dues, key=lambda d: (d.due_on, d.household_id, d.event_id or 0)):
        if due.household_id not in info:      # an event of a household with no category left
            continue
        grid_id_, code, address, name, categories = info[due.household_id]
        items.append(DueItem(due.household_id, grid_id_, code, address, name, categories, due.reason, due.due_on,
                             due.event_id, due.due_on < today))
    return DueSummary([i for i in items if i.overdue], [i for i in items if not i.overdue])


def due_list(db: Database, today: dt.date, *, grid_id: int | None = None, full: bool = False) -> DueSummary:
    """Visits overdue and due within seven days (one grid, or all), most urgent first; masked unless `full`."""
    with db.session() as session:
        return read_due(session, today, grid_id=grid_id, full=full)
