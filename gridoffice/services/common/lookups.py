"""The choices lists every form and filter offers: stations, grids, communities, deputies.

One module, one return type per list, so a drop-down shows the same entries everywhere.
"""
from dataclasses import dataclass

from sqlmodel import select

from gridoffice.db import Database
from gridoffice.domain import Community, Deputy, Grid, Station
from gridoffice.domain.enums import DeputyStatus
from gridoffice.domain.errors import FieldError
from gridoffice.domain.stations import short_station_name


@dataclass(frozen=True)
class Choice:
    """An entry of a drop-down: the id stored and the text shown."""
    id: int
    label: str


@dataclass(frozen=True)
class StationChoice:
    id: int
    name: str
    short: str        # '中心站', '西园片区': what the calendar and the commands show
    place: str        # the station's reception room, as a default place

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True)
class DeputyChoice:
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


def station_choices(db: Database) -> list[StationChoice]:
    with db.session() as session:
        return [StationChoice(s.id, s.name, short_station_name(s.name), f"{s.name}{s.reception_room}")
                for s in session.exec(select(Station).order_by(Station.id))]


def find_station(db: Database, text: str) -> StationChoice:
    """The station a clerk names: full name, short name (中心站), or a part of the name that only one
    station has. Raises FieldError("station") naming the stations there are, or the candidates."""
    text = text.strip()
    stations = station_choices(db)
    for matching in ([s for s in stations if s.name == text], [s for s in stations if s.short == text],
                     [s for s in stations if text and text in s.name]):
        if len(matching) == 1:
            return matching[0]
        if matching:
            raise FieldError("station", f"“{text}”对应多个联络站：{'、'.join(s.name for s in matching)}。"
                                        "请写出全称。")
    known = "\n".join(f"  {s.name}" for s in stations) or "  （还没有联络站）"
    raise FieldError("station", f"没有名为“{text}”的联络站。已有的联络站：\n{known}")


def grid_choices(db: Database) -> list[Choice]:
    with db.session() as session:
        return [Choice(id_, f"{code} {name}") for id_, code, name in
                session.exec(select(Grid.id, Grid.code, Grid.name).order_by(Grid.code))]


def community_choices(db: Database) -> list[Choice]:
    with db.session() as session:
        return [Choice(id_, name) for id_, name in
                session.exec(select(Community.id, Community.name).order_by(Community.id))]


def find_community(db: Database, text: str) -> Choice:
    """The community (社区/村) a clerk names: its full name, or a part of the name only one community
    has (西园 for 西园社区). Raises FieldError("community") naming the candidates, or the communities."""
    text = text.strip()
    communities = community_choices(db)
    for matching in ([c for c in communities if c.label == text], [c for c in communities if text and text in c.label]):
        if len(matching) == 1:
            return matching[0]
        if matching:
            raise FieldError("community", f"“{text}”对应多个社区（村）：{'、'.join(c.label for c in matching)}。"
                                          "请写出全称。")
    names = "、".join(c.label for c in communities[:40]) + ("……" if len(communities) > 40 else "")
    raise FieldError("community", f"没有名为“{text}”的社区（村）。已有的社区（村）：{names or '（还没有社区）'}")


def deputy_choices(db: Database, *, include_retired: bool = False) -> list[DeputyChoice]:
    with db.session() as session:
        query = (select(Deputy.id, Deputy.name, Deputy.name_pinyin, Deputy.name_initials, Deputy.levels,
                        Station.name, Deputy.status)
                 .join(Station, Station.id == Deputy.station_id, isouter=True).order_by(Deputy.name_pinyin))
        if not include_retired:
            query = query.where(Deputy.status == DeputyStatus.SERVING.value)
        return [DeputyChoice(id_, name, full, initials, levels, station or "", status)
                for id_, name, full, initials, levels, station, status in session.exec(query)]


# --- 履职成果 (services/outcomes) -----------------------------------------------------------------

def department_choices(db: Database) -> list[Choice]:
    from gridoffice.domain import Department

    with db.session() as session:
        return [Choice(id_, name) for id_, name in
                session.exec(select(Department.id, Department.name).order_by(Department.id))]


def campaign_choices(db: Database) -> list[Choice]:
    """Campaigns, the newest first: '反诈宣传进网格（2026-02-05 起）'."""
    from gridoffice.domain import Campaign

    with db.session() as session:
        return [Choice(id_, f"{name}（{start:%Y-%m-%d} 起）") for id_, name, start in
                session.exec(select(Campaign.id, Campaign.name, Campaign.start_on)
                             .order_by(Campaign.start_on.desc(), Campaign.id.desc()))]


def suggestion_choices(db: Database) -> list[Choice]:
    """代表建议 to link a project or a meeting decision to: 'JY2026-003 关于…的建议'."""
    from gridoffice.domain import Suggestion

    with db.session() as session:
        return [Choice(id_, f"{serial} {title}") for id_, serial, title in
                session.exec(select(Suggestion.id, Suggestion.serial, Suggestion.title)
                             .order_by(Suggestion.submitted_on.desc(), Suggestion.id.desc()))]


def kind_choices(db: Database, list_name: str) -> list[str]:
    """The editable lists of 会议类型 ('meeting'), 纠纷类型 ('dispute') and 实事类别 ('project')."""
    from gridoffice.services.outcomes.common import list_kinds

    return list_kinds(db, list_name)
