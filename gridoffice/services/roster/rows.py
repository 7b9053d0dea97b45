"""代表名册: the rows of the deputy roster."""
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Deputy, DeputyGridLink, Grid, Station
from gridoffice.domain.enums import DeputyStatus
from gridoffice.domain.rules import mask_phone
from gridoffice.domain.stations import short_station_name

from gridoffice.services.roster.sites import sites_by_deputy


@dataclass(frozen=True)
class DeputyRow:
    id: int
    name: str
    name_pinyin: str
    name_initials: str
    gender: str
    ethnicity: str
    birth_month: str
    party: str
    levels: str
    work_unit: str
    post: str
    expertise: str
    mobile: str
    office_phone: str
    station: str
    grids: str
    status: str
    station_id: int | None = None
    grid_ids: tuple[int, ...] = ()
    mobile_public: bool = False
    photo_file: str = ""
    took_office_on: dt.date | None = None
    left_office_on: dt.date | None = None
    notes: str = ""
    station_ids: tuple[int, ...] = ()   # every site, the primary first
    other_stations: str = ""             # the other sites' names joined by "、"
    roles: str = ""                      # 五员 tags joined by "、"

    @property
    def mobile_masked(self) -> str:
        return mask_phone(self.mobile)


def _grids_by_deputy(session: Session) -> dict[int, list[tuple[int, str]]]:
    """{deputy id: [(grid id, grid code)]} ordered by code."""
    grids: dict[int, list[tuple[int, str]]] = defaultdict(list)
    query = (select(DeputyGridLink.deputy_id, Grid.id, Grid.code).join(Grid, Grid.id == DeputyGridLink.grid_id)
             .order_by(Grid.code))
    for deputy_id, grid_id, code in session.exec(query):
        grids[deputy_id].append((grid_id, code))
    return grids


def list_deputies(db: Database, *, include_retired: bool = True) -> list[DeputyRow]:
    query = select(Deputy, Station.name).join(Station, Station.id == Deputy.station_id, isouter=True).order_by(Deputy.id)
    if not include_retired:
        query = query.where(Deputy.status == DeputyStatus.SERVING.value)
    with db.session() as session:
        grids = _grids_by_deputy(session)
        sites = sites_by_deputy(session)
        names = dict(session.exec(select(Station.id, Station.name)).all())
        return [
            DeputyRow(
                id=d.id, name=d.name, name_pinyin=d.name_pinyin, name_initials=d.name_initials, gender=d.gender,
                ethnicity=d.ethnicity, birth_month=d.birth_month, party=d.party, levels=d.levels,
                work_unit=d.work_unit, post=d.post, expertise=d.expertise, mobile=d.mobile,
                office_phone=d.office_phone, station=station or "",
                grids="、".join(code for _id, code in grids.get(d.id, [])), status=d.status,
                station_id=d.station_id, grid_ids=tuple(grid_id for grid_id, _code in grids.get(d.id, [])),
                mobile_public=d.mobile_public, photo_file=d.photo_file, took_office_on=d.took_office_on,
                left_office_on=d.left_office_on, notes=d.notes,
                station_ids=tuple(dict.fromkeys(([d.station_id] if d.station_id else [])
                                                + [s for s, _primary in sites.get(d.id, [])])),
                other_stations="、".join(short_station_name(names.get(s, "")) for s, primary in sites.get(d.id, [])
                                        if not primary and s != d.station_id),
                roles=d.roles,
            )
            for d, station in session.exec(query)
        ]
