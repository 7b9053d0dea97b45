"""走访记录: the rows of the activity log."""
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlmodel import Session, select

from gridoffice.domain import Activity, ActivityDeputyLink, Deputy, Grid, Station


@dataclass(frozen=True)
class ActivityRow:
    id: int
    date: dt.date
    kind: str
    grid: str
    station: str
    place: str
    deputies: str          # names joined by "、"
    deputy_count: int      # person-times (人次) this activity counts for
    other_participants: str
    residents_contacted: int
    summary: str


def deputy_names_by_activity(session: Session, activity_ids: set[int] | None = None) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    query = (select(ActivityDeputyLink.activity_id, Deputy.name)
             .join(Deputy, Deputy.id == ActivityDeputyLink.deputy_id)
             .order_by(ActivityDeputyLink.activity_id, Deputy.id))
    for activity_id, name in session.exec(query):
        if activity_ids is None or activity_id in activity_ids:
            names[activity_id].append(name)
    return names


def list_activities(session: Session, *, start: dt.date | None = None, end: dt.date | None = None) -> list[ActivityRow]:
    query = (select(Activity, Grid.code, Station.name)
             .join(Grid, Grid.id == Activity.grid_id, isouter=True)
             .join(Station, Station.id == Activity.station_id, isouter=True)
             .order_by(Activity.date.desc(), Activity.id.desc()))
    if start:
        query = query.where(Activity.date >= start)
    if end:
        query = query.where(Activity.date <= end)
    results = session.exec(query).all()
    names = deputy_names_by_activity(session, {a.id for a, _, _ in results} if (start or end) else None)
    return [
        ActivityRow(
            id=a.id, date=a.date, kind=a.kind, grid=grid or "", station=station or "", place=a.place,
            deputies="、".join(names.get(a.id, [])), deputy_count=len(names.get(a.id, [])),
            other_participants=a.other_participants, residents_contacted=a.residents_contacted, summary=a.summary,
        )
        for a, grid, station in results
    ]
