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
# --- the people, households and duties of the grids (issue 22) ------------------------------------

@dataclass(frozen=True)
class PersonChoice:
    id: int
    name: str
    role: str
    place: str        # community or grid
    active: bool
    name_pinyin: str = ""
    name_initials: str = ""

    @property
    def label(self) -> str:
        details = "，".join(part for part in (self.role, self.place) if part)
        return f"{self.name}{'' if self.active else '（已不在册）'}　{details}"


def person_choices(db: Database, *, role: str | None = None, include_inactive: bool = False) -> list[PersonChoice]:
    from gridoffice.domain import Person

    with db.session() as session:
        query = (select(Person.id, Person.name, Person.role, Community.name, Grid.code, Person.active,
                        Person.name_pinyin, Person.name_initials)
                 .join(Community, Community.id == Person.community_id, isouter=True)
                 .join(Grid, Grid.id == Person.grid_id, isouter=True).order_by(Person.role, Person.name_pinyin, Person.id))
        if role is not None:
            query = query.where(Person.role == role)
        if not include_inactive:
            query = query.where(Person.active)
        return [PersonChoice(id_, name, role_, grid or community or "", bool(active), full, initials)
                for id_, name, role_, community, grid, active, full, initials in session.exec(query)]


def team_choices(db: Database, *, include_inactive: bool = False) -> list[Choice]:
    from gridoffice.domain import Team

    with db.session() as session:
        query = select(Team.id, Team.name).order_by(Team.id)
        if not include_inactive:
            query = query.where(Team.active)
        return [Choice(id_, name) for id_, name in session.exec(query)]


@dataclass(frozen=True)
class CategoryChoice:
    id: int
    name: str
    color: str
    visit_every_days: int

    @property
    def label(self) -> str:
        return self.name


def household_category_choices(db: Database) -> list[CategoryChoice]:
    from gridoffice.domain import HouseholdCategory

    with db.session() as session:
        return [CategoryChoice(*row) for row in session.exec(
            select(HouseholdCategory.id, HouseholdCategory.name, HouseholdCategory.color,
                   HouseholdCategory.visit_every_days).order_by(HouseholdCategory.sort_order, HouseholdCategory.id))]


@dataclass(frozen=True)
class ColorChoice:
    name: str         # 红
    color: str        # #d32f2f

    @property
    def label(self) -> str:
        return f"{self.name}色"


def household_color_choices() -> list[ColorChoice]:
    """The office's 十色 (the default scheme)."""
    from gridoffice.domain.enums import DEFAULT_HOUSEHOLD_COLORS

    return [ColorChoice(name, color) for name, color in DEFAULT_HOUSEHOLD_COLORS]


def color_name(color: str, categories: list[CategoryChoice] | None = None) -> str:
    """'#d32f2f' → '红色' (or the category of that colour, or the code)."""
    for choice in household_color_choices():
        if choice.color == (color or "").lower():
            return choice.label
    for category in categories or ():
        if category.color == color:
            return category.name
    return color


def visit_service_choices() -> list[str]:
    from gridoffice.domain.enums import DEFAULT_VISIT_SERVICES

    return list(DEFAULT_VISIT_SERVICES)


def must_visit_choices(db: Database) -> list[str]:
    """The events of the office's 九必访 list, in its order."""
    from gridoffice.domain import MustVisitRule

    with db.session() as session:
        return list(session.exec(select(MustVisitRule.event).order_by(MustVisitRule.sort_order, MustVisitRule.id)))


@dataclass(frozen=True)
class DutyKindChoice:
    id: int
    name: str
    color: str

    @property
    def label(self) -> str:
        return self.name


def duty_kind_choices(db: Database) -> list[DutyKindChoice]:
    from gridoffice.domain import DutyKind

    with db.session() as session:
        return [DutyKindChoice(*row) for row in session.exec(
            select(DutyKind.id, DutyKind.name, DutyKind.color).order_by(DutyKind.sort_order, DutyKind.id))]


def person_role_choices() -> list[str]:
    from gridoffice.domain.enums import PersonRole

    return [role.value for role in PersonRole]


def station_kind_choices() -> list[str]:
    from gridoffice.domain.enums import StationKind

    return [kind.value for kind in StationKind]


def station_scope_choices() -> list[tuple[str, str]]:
    """(stored value, label) of a station's place in the office's network."""
    from gridoffice.domain.enums import StationScope

    return [(scope.value, f"{scope.value}站") for scope in StationScope] + [("", "不属于联络站网络")]


def deputy_role_choices(db: Database) -> list[str]:
    """The office's role tags (五员 by default)."""
    from gridoffice.services.roster.sites import role_choices

    return role_choices(db)


def find_grid(db: Database, text: str) -> Choice:
    """The grid a clerk names by its code (any letter case) or its exact name. Raises FieldError("grid")."""
    text = text.strip()
    with db.session() as session:
        grids = session.exec(select(Grid.id, Grid.code, Grid.name)).all()
    for matching in ([g for g in grids if g[1].upper() == text.upper()], [g for g in grids if g[2] == text]):
        if len(matching) == 1:
            grid_id, code, name = matching[0]
            return Choice(grid_id, f"{code} {name}")
    raise FieldError("grid", f"没有编号或名称为“{text}”的网格。网格编号如：{'、'.join(g[1] for g in grids[:5]) or '（还没有网格）'}。")
