"""One opinion in full, as its form and its papers show it: the 需求单 (resident unmasked),
who holds it, its history and the steps it allows now."""
import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import Session

from gridoffice.db import Database
from gridoffice.domain import Activity, Department, Deputy, Grid, Opinion, ReceptionDay, Station
from gridoffice.domain.opinion_rules import Step, allowed_steps, days_overdue, is_overdue

from gridoffice.services.opinions.loop import get_opinion


@dataclass(frozen=True)
class HistoryEntry:
    on: dt.date
    action: str
    from_status: str
    to_status: str
    note: str


@dataclass(frozen=True)
class OpinionDetail:
    """Everything the form shows, resident details in full."""
    opinion: Opinion
    grid: str
    deputy: str
    deputy_levels: str
    department: str
    source: str                       # "2026-03-04 入户走访 幸福花园" or "2026-03-04 接待日 中心联络站"
    history: list[HistoryEntry] = field(default_factory=list)
    allowed: list[Step] = field(default_factory=list)
    overdue: bool = False
    days_overdue: int = 0


def opinion_detail(db: Database, opinion_id: int, today: dt.date) -> OpinionDetail:
    with db.session() as session:
        return read_detail(session, opinion_id, today)


def read_detail(session: Session, opinion_id: int, today: dt.date) -> OpinionDetail:
    opinion = get_opinion(session, opinion_id)
    grid = session.get(Grid, opinion.grid_id) if opinion.grid_id else None
    deputy = session.get(Deputy, opinion.deputy_id) if opinion.deputy_id else None
    department = session.get(Department, opinion.department_id) if opinion.department_id else None
    history = [HistoryEntry(h.on, h.action, h.from_status, h.to_status, h.note)
               for h in sorted(opinion.history, key=lambda h: (h.on, h.id))]
    overdue = is_overdue(opinion.status, opinion.due_on, today)
    return OpinionDetail(opinion, f"{grid.code} {grid.name}" if grid else "", deputy.name if deputy else "",
                         deputy.levels if deputy else "", department.name if department else "",
                         source_label(session, opinion), history, allowed_steps(opinion.status), overdue,
                         days_overdue(opinion.due_on, today) if overdue else 0)


def source_label(session: Session, opinion: Opinion) -> str:
    if opinion.activity_id:
        activity = session.get(Activity, opinion.activity_id)
        if activity:
            return f"{activity.date:%Y-%m-%d} {activity.kind} {activity.place}".strip()
    if opinion.reception_day_id:
        day = session.get(ReceptionDay, opinion.reception_day_id)
        if day:
            station = session.get(Station, day.station_id)
            return f"{day.date:%Y-%m-%d} 接待日 {station.name if station else ''}".strip()
    return ""
