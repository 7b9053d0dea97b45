"""网格列表: the rows of the grid list, community by community, and what a grid's card shows."""
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Community, Deputy, DeputyGridLink, Grid, HouseholdCategory, Opinion
from gridoffice.domain.enums import DeputyStatus, OpinionStatus

from gridoffice.services.grids.areas import GridArea, read_grid_areas
from gridoffice.services.grids.coverage import CoverageReport, read_coverage
from gridoffice.services.households.ledger import counts_by_grid

# an opinion is open until it is closed or refused
FINISHED_OPINION_STATUSES = (OpinionStatus.CLOSED.value, OpinionStatus.REJECTED.value)
OPEN_OPINION_STATUSES = tuple(s.value for s in OpinionStatus if s.value not in FINISHED_OPINION_STATUSES)


@dataclass(frozen=True)
class GridRow:
    id: int
    code: str
    name: str
    community: str
    worker_name: str
    worker_phone: str
    households: int
    population: int
    deputies: str          # serving deputies' names joined by "、"
    deputy_count: int
    community_id: int = 0
    boundary: str = ""
    # special households (五类十色) as (category, count, colour), in the categories' order
    special: tuple[tuple[str, int, str], ...] = ()
    open_opinions: int = 0
    has_area: bool = False

    @property
    def special_total(self) -> int:
        return sum(count for _name, count, _color in self.special)


@dataclass(frozen=True)
class CommunityRow:
    id: int
    name: str
    kind: str
    map_file: str
    notes: str
    grid_count: int


def serving_deputies_by_grid(session: Session) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    query = (select(DeputyGridLink.grid_id, Deputy.name)
             .join(Deputy, Deputy.id == DeputyGridLink.deputy_id)
             .where(Deputy.status == DeputyStatus.SERVING.value)
             .order_by(Deputy.id))
    for grid_id, name in session.exec(query):
        names[grid_id].append(name)
    return names


def open_opinions_by_grid(session: Session) -> dict[int, int]:
    # the few open statuses, not "not closed": SQLite then reads the status index, not every opinion
    query = (select(Opinion.grid_id, func.count())
             .where(Opinion.status.in_(OPEN_OPINION_STATUSES), Opinion.grid_id.is_not(None))
             .group_by(Opinion.grid_id))
    return dict(session.exec(query).all())


def special_households_by_grid(session: Session) -> dict[int, tuple[tuple[str, int, str], ...]]:
    """Every grid's counts for every category (0 where none), in the categories' order, from the
    household ledger (households registered one by one plus "未逐户登记")."""
    categories = session.exec(select(HouseholdCategory.id, HouseholdCategory.name, HouseholdCategory.color)
                              .order_by(HouseholdCategory.sort_order, HouseholdCategory.id)).all()
    counts: dict[int, dict[int, int]] = defaultdict(dict, counts_by_grid(session))
    grid_ids = session.exec(select(Grid.id)).all()
    return {grid_id: tuple((name, counts[grid_id].get(category_id, 0), color) for category_id, name, color in categories)
            for grid_id in grid_ids}


def list_grids(db: Database) -> list[GridRow]:
    with db.session() as session:
        return read_grid_rows(session)


def read_grid_rows(session: Session) -> list[GridRow]:
    # plain columns, not Grid objects: the area text is large and the list only needs to know it is there
    query = (select(Grid.id, Grid.code, Grid.name, Community.name, Grid.worker_name, Grid.worker_phone,
                    Grid.households, Grid.population, Grid.community_id, Grid.boundary, Grid.area_geojson != "")
             .join(Community, Community.id == Grid.community_id).order_by(Community.id, Grid.code))
    deputies = serving_deputies_by_grid(session)
    opinions = open_opinions_by_grid(session)
    special = special_households_by_grid(session)
    return [
        GridRow(
            id=grid_id, code=code, name=name, community=community, worker_name=worker, worker_phone=phone,
            households=households, population=population, deputies="、".join(deputies.get(grid_id, [])),
            deputy_count=len(deputies.get(grid_id, [])), community_id=community_id, boundary=boundary,
            special=special.get(grid_id, ()), open_opinions=opinions.get(grid_id, 0), has_area=bool(has_area),
        )
        for grid_id, code, name, community, worker, phone, households, population, community_id, boundary, has_area
        in session.exec(query)
    ]


def read_communities(session: Session) -> list[CommunityRow]:
    counts = dict(session.exec(select(Grid.community_id, func.count()).group_by(Grid.community_id)).all())
    return [CommunityRow(c.id, c.name, c.kind, c.map_file, c.notes, counts.get(c.id, 0))
            for c in session.exec(select(Community).order_by(Community.id))]


@dataclass(frozen=True)
class GridsOverview:
    """What the grid tab shows, read in one transaction so the list, coverage and map agree."""
    rows: list[GridRow]
    communities: list[CommunityRow]
    coverage: CoverageReport
    areas: list[GridArea]


def grids_overview(db: Database) -> GridsOverview:
    with db.session() as session:
        return GridsOverview(read_grid_rows(session), read_communities(session), read_coverage(session),
                             read_grid_areas(session))
