"""接待日历: the rows of the reception-day list."""
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlmodel import Session, select

from gridoffice.domain import Deputy, ReceptionDay, ReceptionDutyLink, Station


@dataclass(frozen=True)
class ReceptionRow:
    id: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    station: str
    place: str
    deputies: str          # names with levels: "张三（市、区）、李四（区）"
    status: str
    residents_received: int

    @property
    def time_range(self) -> str:
        return f"{self.start_time:%H:%M}-{self.end_time:%H:%M}"


def duty_by_day(session: Session) -> dict[int, list[str]]:
    duty: dict[int, list[str]] = defaultdict(list)
    query = (select(ReceptionDutyLink.reception_day_id, Deputy.name, Deputy.levels)
             .join(Deputy, Deputy.id == ReceptionDutyLink.deputy_id)
             .order_by(ReceptionDutyLink.reception_day_id, Deputy.id))
    for day_id, name, levels in session.exec(query):
        duty[day_id].append(f"{name}（{levels}）" if levels else name)
    return duty


def list_reception_days(session: Session, *, start: dt.date | None = None, end: dt.date | None = None) -> list[ReceptionRow]:
    query = (select(ReceptionDay, Station.name).join(Station, Station.id == ReceptionDay.station_id)
             .order_by(ReceptionDay.date, ReceptionDay.start_time, Station.id))
    if start:
        query = query.where(ReceptionDay.date >= start)
    if end:
        query = query.where(ReceptionDay.date <= end)
    duty = duty_by_day(session)
    return [
        ReceptionRow(
            id=day.id, date=day.date, start_time=day.start_time, end_time=day.end_time, station=station,
            place=day.place, deputies="、".join(duty.get(day.id, [])), status=day.status,
            residents_received=day.residents_received,
        )
        for day, station in session.exec(query)
    ]
