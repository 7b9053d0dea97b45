"""网格列表: the rows of the grid list, community by community, and what a grid's card shows."""
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.domain import Community, Deputy, DeputyGridLink, Grid, GridHouseholdCount, HouseholdCategory, Opinion
from gridoffice.domain.enums import DeputyStatus, OpinionStatus

# an opinion is open until it is closed or refused
FINISHED_OPINION_STATUSES = (OpinionStatus.CLOSED.value, OpinionStatus.REJECTED.value)


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
    query = (select(Opinion.grid_id, func.count())
             .where(Opinion.grid_id.is_not(None), Opinion.status.not_in(FINISHED_OPINION_STATUSES))
             .group_by(Opinion.grid_id))
    return dict(session.exec(query).all())


def special_households_by_grid(session: Session) -> dict[int, tuple[tuple[str, int, str], ...]]:
    """Every grid's counts for every category (0 where none was entered), in the categories' order."""
    categories = session.exec(select(HouseholdCategory.id, HouseholdCategory.name, HouseholdCategory.color)
                              .order_by(HouseholdCategory.sort_order, HouseholdCategory.id)).all()
    counts: dict[int, dict[int, int]] = defaultdict(dict)
    for grid_id, category_id, count in session.exec(
            select(GridHouseholdCount.grid_id, GridHouseholdCount.category_id, GridHouseholdCount.count)):
        counts[grid_id][category_id] = count
    grid_ids = session.exec(select(Grid.id)).all()
    return {grid_id: tuple((name, counts[grid_id].get(category_id, 0), color) for category_id, name, color in categories)
            for grid_id in grid_ids}


def list_grids(session: Session) -> list[GridRow]:
    query = select(Grid, Community.name).join(Community, Community.id == Grid.community_id).order_by(Community.id, Grid.code)
    deputies = serving_deputies_by_grid(session)
    opinions = open_opinions_by_grid(session)
    special = special_households_by_grid(session)
    return [
        GridRow(
            id=g.id, code=g.code, name=g.name, community=community, worker_name=g.worker_name,
            worker_phone=g.worker_phone, households=g.households, population=g.population,
            deputies="、".join(deputies.get(g.id, [])), deputy_count=len(deputies.get(g.id, [])),
            community_id=g.community_id, boundary=g.boundary, special=special.get(g.id, ()),
            open_opinions=opinions.get(g.id, 0), has_area=bool(g.area_geojson),
        )
        for g, community in session.exec(query)
    ]


def list_communities(session: Session) -> list[CommunityRow]:
    counts = dict(session.exec(select(Grid.community_id, func.count()).group_by(Grid.community_id)).all())
    return [CommunityRow(c.id, c.name, c.kind, c.map_file, c.notes, counts.get(c.id, 0))
            for c in session.exec(select(Community).order_by(Community.id))]
