"""The data of a month's 值班表 (duty roster): each station's days, with the station's address,
phone and contact person, and each deputy's level, work unit and post. No ReportLab here."""
import datetime as dt
from dataclasses import dataclass

from sqlmodel import select

from gridoffice.db import Database
from gridoffice.domain import Deputy, Station
from gridoffice.domain.enums import ReceptionStatus
from gridoffice.domain.errors import FieldError
from gridoffice.domain.rules import level_label
from gridoffice.domain.stations import short_station_name
from gridoffice.services.common.files import safe_file_name
from gridoffice.services.common.settings import get_settings, office_name
from gridoffice.services.reception.days import ReceptionRow, month_bounds, reception_rows
from gridoffice.services.reception.notice import contact_key


class EmptyRosterError(FieldError):
    """A 值班表 with nothing to print (the month, or the station's month, has no reception day)."""

    def __init__(self, message: str):
        super().__init__("month", message)


@dataclass(frozen=True)
class DutyDeputy:
    name: str
    level: str        # 区人大代表, 市、区人大代表
    unit_post: str    # 锦塘中心小学教师


@dataclass(frozen=True)
class DutyDay:
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    place: str
    deputies: tuple[DutyDeputy, ...]
    remark: str


@dataclass(frozen=True)
class StationDuty:
    name: str
    address: str
    phone: str
    contact: str
    days: tuple[DutyDay, ...]


@dataclass(frozen=True)
class DutyRoster:
    year: int
    month: int
    office: str
    all_stations: bool
    stations: tuple[StationDuty, ...]

    @property
    def day_count(self) -> int:
        return sum(len(s.days) for s in self.stations)


def roster_remark(row: ReceptionRow) -> str:
    if row.status != ReceptionStatus.PLANNED.value:
        return row.status + (f"：{row.notes}" if row.notes and row.status == ReceptionStatus.CANCELLED.value else "")
    return row.notes


def unit_and_post(work_unit: str, post: str) -> str:
    """锦塘中心小学教师; 锦塘街道党工委书记; the post alone or the unit alone when one is missing."""
    if work_unit and post and work_unit.endswith(post):
        return work_unit
    return f"{work_unit}{post}"


def load_duty_roster(db: Database, year: int, month: int, station_id: int | None) -> DutyRoster:
    """The month's roster of one station (or all when None). Raises EmptyRosterError when it has no day."""
    first, last = month_bounds(year, month)
    with db.session() as session:
        rows = reception_rows(session, start=first, end=last, station_id=station_id, with_opinions=False)
        station = session.get(Station, station_id) if station_id else None
        if not rows:
            where = f"{station.name}" if station else "各联络站"
            raise EmptyRosterError(f"{year}年{month}月{where}没有安排接待日，没有生成值班表。"
                                   "请先排班（接待日历 → 排班），或选择其他月份。")
        deputy_ids = {i for row in rows for i in row.deputy_ids}
        deputies = {d.id: d for d in session.exec(select(Deputy).where(Deputy.id.in_(deputy_ids)))}
        station_ids = list(dict.fromkeys(row.station_id for row in rows))
        stations = {s.id: s for s in session.exec(select(Station).where(Station.id.in_(station_ids)))}
        settings = get_settings(session)   # one query for every station's contact person
        contacts = {i: settings.get(contact_key(i), "") for i in station_ids}
        office = office_name(session)
    by_station: dict[int, list[DutyDay]] = {i: [] for i in sorted(station_ids)}
    for row in rows:
        on_duty = tuple(DutyDeputy(deputies[i].name, level_label(deputies[i].levels),
                                   unit_and_post(deputies[i].work_unit, deputies[i].post))
                        for i in row.deputy_ids if i in deputies)
        by_station[row.station_id].append(DutyDay(row.date, row.start_time, row.end_time, row.place, on_duty,
                                                  roster_remark(row)))
    return DutyRoster(year, month, office, station_id is None, tuple(
        StationDuty(stations[i].name, stations[i].address, stations[i].phone, contacts[i], tuple(days))
        for i, days in by_station.items()))


def roster_file_name(roster: DutyRoster) -> str:
    """值班表-2027年01月-全部联络站.pdf, 值班表-2027年01月-中心站.pdf."""
    scope = "全部联络站" if roster.all_stations else safe_file_name(short_station_name(roster.stations[0].name))
    return f"值班表-{roster.year}年{roster.month:02d}月-{scope}.pdf"

