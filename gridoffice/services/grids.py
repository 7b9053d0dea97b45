"""网格列表: the rows of the grid list, community by community."""
from collections import defaultdict
from dataclasses import dataclass

from sqlmodel import Session, select

from gridoffice.domain import Community, Deputy, DeputyGridLink, Grid
from gridoffice.domain.enums import DeputyStatus


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


def serving_deputies_by_grid(session: Session) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    query = (select(DeputyGridLink.grid_id, Deputy.name)
             .join(Deputy, Deputy.id == DeputyGridLink.deputy_id)
             .where(Deputy.status == DeputyStatus.SERVING.value)
             .order_by(Deputy.id))
    for grid_id, name in session.exec(query):
        names[grid_id].append(name)
    return names


def list_grids(session: Session) -> list[GridRow]:
    query = select(Grid, Community.name).join(Community, Community.id == Grid.community_id).order_by(Community.id, Grid.code)
    deputies = serving_deputies_by_grid(session)
    return [
        GridRow(
            id=g.id, code=g.code, name=g.name, community=community, worker_name=g.worker_name,
            worker_phone=g.worker_phone, households=g.households, population=g.population,
            deputies="、".join(deputies.get(g.id, [])), deputy_count=len(deputies.get(g.id, [])),
        )
        for g, community in session.exec(query)
    ]
