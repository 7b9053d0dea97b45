"""Visits due: each open must-visit event (九必访) by its date, and each household's regular cycle
(独居老人 every 7 days from the last visit, or from the day it was registered).

Overdue: the due date has passed. Due this week: today or the six days after. The status bar,
the start-up reminder, the due list and `gridoffice households due` read the same function.
"""
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Grid, Household, HouseholdEvent
from gridoffice.domain.household_rules import mask_address
from gridoffice.domain.rules import mask_name

from gridoffice.services.households.ledger import categories_by_household, read_category_infos

DUE_SOON_DAYS = 7


@dataclass(frozen=True)
class DueItem:
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


@dataclass(frozen=True)
class _Due:
    household_id: int
    due_on: dt.date
    reason: str
    event_id: int | None


def _cycle_dues(session: Session, today: dt.date, grid_id: int | None) -> list[_Due]:
    cycles = {c.id: (c.visit_every_days, c.name) for c in read_category_infos(session) if c.visit_every_days > 0}
    if not cycles:
        return []
    query = select(Household.id, Household.last_visit_on, Household.registered_on).where(Household.placeholder_count == 0)
    if grid_id is not None:
        query = query.where(Household.grid_id == grid_id)
    households = session.exec(query).all()
    links = categories_by_household(session, [h[0] for h in households] if grid_id is not None else None)
    dues = []
    for household_id, last_visit, registered in households:
        own = [cycles[c] for c in links.get(household_id, ()) if c in cycles]
        if not own:
            continue
        days, name = min(own)
        baseline = last_visit or registered
        due_on = baseline + dt.timedelta(days=days) if baseline else today
        dues.append(_Due(household_id, due_on, f"{name}每 {days} 天走访", None))
    return dues


def _event_dues(session: Session, grid_id: int | None, before: dt.date | None = None) -> list[_Due]:
    query = (select(HouseholdEvent.household_id, HouseholdEvent.due_on, HouseholdEvent.kind, HouseholdEvent.date,
                    HouseholdEvent.id).where(HouseholdEvent.visit_id.is_(None)))
    if before is not None:
        query = query.where(HouseholdEvent.due_on < before)
    if grid_id is not None:
        query = query.join(Household, Household.id == HouseholdEvent.household_id).where(Household.grid_id == grid_id)
    return [_Due(household_id, due_on, f"{kind}（{day.month}月{day.day}日）", event_id)
            for household_id, due_on, kind, day, event_id in session.exec(query)]


def next_due_by_household(session: Session, today: dt.date, *, grid_id: int | None = None) -> dict[int, tuple[dt.date, str]]:
    """household id → (the earliest due date, why), over open events and the regular cycle."""
    best: dict[int, tuple[dt.date, str]] = {}
    for due in [*_event_dues(session, grid_id), *_cycle_dues(session, today, grid_id)]:
        current = best.get(due.household_id)
        if current is None or due.due_on < current[0]:
            best[due.household_id] = (due.due_on, due.reason)
    return best


def read_due(session: Session, today: dt.date, *, grid_id: int | None = None, full: bool = False) -> DueSummary:
    horizon = today + dt.timedelta(days=DUE_SOON_DAYS)
    dues = [due for due in [*_event_dues(session, grid_id, horizon), *_cycle_dues(session, today, grid_id)]
            if due.due_on < horizon]
    info = _household_info(session, {due.household_id for due in dues}, full=full)
    items = []
    for due in sorted(dues, key=lambda d: (d.due_on, d.household_id, d.event_id or 0)):
        grid_id_, code, address, name, categories = info[due.household_id]
        items.append(DueItem(due.household_id, grid_id_, code, address, name, categories, due.reason, due.due_on,
                             due.event_id, due.due_on < today))
    return DueSummary([i for i in items if i.overdue], [i for i in items if not i.overdue])


def due_list(db: Database, today: dt.date, *, grid_id: int | None = None, full: bool = False) -> DueSummary:
    """Visits overdue and due within seven days (one grid, or all), most urgent first; masked unless `full`."""
    with db.session() as session:
        return read_due(session, today, grid_id=grid_id, full=full)


def _household_info(session: Session, ids: set[int], *, full: bool) -> dict[int, tuple]:
    if not ids:
        return {}
    names = {c.id: c.name for c in read_category_infos(session)}
    links: dict[int, list[int]] = defaultdict(list)
    info = {}
    id_list = sorted(ids)
    for start in range(0, len(id_list), 900):
        chunk = id_list[start:start + 900]
        for household_id, category_ids in categories_by_household(session, chunk).items():
            links[household_id] = category_ids
        query = (select(Household.id, Household.grid_id, Grid.code, Household.place, Household.building,
                        Household.unit, Household.room, Household.address, Household.name)
                 .join(Grid, Grid.id == Household.grid_id).where(Household.id.in_(chunk)))
        for household_id, grid_id, code, place, building, unit, room, address, name in session.exec(query):
            shown = (address, name) if full else (mask_address(place, building, unit, room), mask_name(name))
            info[household_id] = (grid_id, code, *shown,
                                  "、".join(names.get(c, "") for c in sorted(links.get(household_id, []))))
    return info
