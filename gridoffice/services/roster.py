"""代表名册: the rows of the deputy roster."""
from collections import defaultdict
from dataclasses import dataclass

from sqlmodel import Session, select

from gridoffice.domain import Deputy, DeputyGridLink, Grid, Station
from gridoffice.domain.enums import DeputyStatus
from gridoffice.domain.rules import mask_phone


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

    @property
    def mobile_masked(self) -> str:
        return mask_phone(self.mobile)


def grid_codes_by_deputy(session: Session) -> dict[int, list[str]]:
    codes: dict[int, list[str]] = defaultdict(list)
    query = select(DeputyGridLink.deputy_id, Grid.code).join(Grid, Grid.id == DeputyGridLink.grid_id).order_by(Grid.code)
    for deputy_id, code in session.exec(query):
        codes[deputy_id].append(code)
    return codes


def list_deputies(session: Session, *, include_retired: bool = True) -> list[DeputyRow]:
    query = select(Deputy, Station.name).join(Station, Station.id == Deputy.station_id, isouter=True).order_by(Deputy.id)
    if not include_retired:
        query = query.where(Deputy.status == DeputyStatus.SERVING.value)
    codes = grid_codes_by_deputy(session)
    return [
        DeputyRow(
            id=d.id, name=d.name, name_pinyin=d.name_pinyin, name_initials=d.name_initials, gender=d.gender,
            ethnicity=d.ethnicity, birth_month=d.birth_month, party=d.party, levels=d.levels,
            work_unit=d.work_unit, post=d.post, expertise=d.expertise, mobile=d.mobile,
            office_phone=d.office_phone, station=station or "", grids="、".join(codes.get(d.id, [])),
            status=d.status,
        )
        for d, station in session.exec(query)
    ]


@dataclass(frozen=True)
class DeputyChoice:
    """A deputy as offered in pickers: enough to recognise and search them."""
    id: int
    name: str
    name_pinyin: str
    name_initials: str
    levels: str
    station: str
    status: str

    @property
    def label(self) -> str:
        details = "，".join(part for part in (self.levels, self.station) if part)
        retired = "（已离任）" if self.status == DeputyStatus.RETIRED.value else ""
        return f"{self.name}{retired}　{details}"


def deputy_choices(session: Session, *, include_retired: bool = False) -> list[DeputyChoice]:
    query = (select(Deputy.id, Deputy.name, Deputy.name_pinyin, Deputy.name_initials, Deputy.levels, Station.name,
                    Deputy.status)
             .join(Station, Station.id == Deputy.station_id, isouter=True).order_by(Deputy.name_pinyin))
    if not include_retired:
        query = query.where(Deputy.status == DeputyStatus.SERVING.value)
    return [DeputyChoice(id_, name, full, initials, levels, station or "", status)
            for id_, name, full, initials, levels, station, status in session.exec(query)]
