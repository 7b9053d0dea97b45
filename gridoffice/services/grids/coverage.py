"""两个全覆盖: every serving deputy in a grid, every grid with a deputy.

Only serving (在任) deputies count: a grid whose only deputy has left office is a grid
without a deputy. One rule seen in practice is 1 to 3 deputies per grid, so a grid with
more than three is flagged too.
"""
from collections import defaultdict
from dataclasses import dataclass

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Community, Deputy, DeputyGridLink, Grid, Station
from gridoffice.domain.enums import DeputyStatus

MAX_DEPUTIES_PER_GRID = 3


@dataclass(frozen=True)
class GridGap:
    """A grid with no serving deputy, or with more than MAX_DEPUTIES_PER_GRID."""
    id: int
    code: str
    name: str
    community: str
    deputy_count: int
    deputies: str

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}"


@dataclass(frozen=True)
class UnplacedDeputy:
    id: int
    name: str
    levels: str
    station: str

    @property
    def label(self) -> str:
        details = "，".join(part for part in (f"{self.levels}人大代表" if self.levels else "", self.station) if part)
        return f"{self.name}（{details}）" if details else self.name


@dataclass(frozen=True)
class CommunityCoverage:
    name: str
    grids: int
    covered: int          # grids with at least one serving deputy
    crowded: int          # grids with more than MAX_DEPUTIES_PER_GRID
    deputies: int         # distinct serving deputies in the community's grids


@dataclass(frozen=True)
class CoverageReport:
    grid_total: int
    grids_covered: int
    deputy_total: int     # serving deputies
    deputies_placed: int  # serving deputies in at least one grid
    empty_grids: list[GridGap]
    crowded_grids: list[GridGap]
    unplaced_deputies: list[UnplacedDeputy]
    communities: list[CommunityCoverage]

    @property
    def grid_rate(self) -> str:
        return percent_text(self.grids_covered, self.grid_total)

    @property
    def deputy_rate(self) -> str:
        return percent_text(self.deputies_placed, self.deputy_total)

    @property
    def complete(self) -> bool:
        return not self.empty_grids and not self.unplaced_deputies


def percent_text(part: int, whole: int) -> str:
    """One format for every rate, one decimal: '96.1%', '100.0%'. Rounded, but never to '100.0%'
    unless complete (99.96% → '99.9%') nor to '0.0%' unless none; '—' when there is nothing to count."""
    if whole == 0:
        return "—"
    tenths = (part * 2000 + whole) // (2 * whole)     # part / whole in tenths of a percent, rounded half up
    if part < whole:
        tenths = min(tenths, 999)
    if part > 0:
        tenths = max(tenths, 1)
    return f"{tenths // 10}.{tenths % 10}%"


def coverage_report(db: Database) -> CoverageReport:
    with db.session() as session:
        return read_coverage(session)


def read_coverage(session: Session) -> CoverageReport:
    """coverage_report inside a transaction that reads more (the grid tab, the summary PDF)."""
    links = session.exec(select(DeputyGridLink.grid_id, Deputy.id, Deputy.name)
                         .join(Deputy, Deputy.id == DeputyGridLink.deputy_id)
                         .where(Deputy.status == DeputyStatus.SERVING.value)
                         .order_by(Deputy.id)).all()
    deputies_of: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for grid_id, deputy_id, name in links:
        deputies_of[grid_id].append((deputy_id, name))
    grids = session.exec(select(Grid.id, Grid.code, Grid.name, Community.name)
                         .join(Community, Community.id == Grid.community_id)
                         .order_by(Community.id, Grid.code)).all()
    empty, crowded = [], []
    for grid_id, code, name, community in grids:
        members = deputies_of.get(grid_id, [])
        gap = GridGap(grid_id, code, name, community, len(members), "、".join(n for _i, n in members))
        if not members:
            empty.append(gap)
        elif len(members) > MAX_DEPUTIES_PER_GRID:
            crowded.append(gap)
    serving = session.exec(select(Deputy.id, Deputy.name, Deputy.levels, Station.name)
                           .join(Station, Station.id == Deputy.station_id, isouter=True)
                           .where(Deputy.status == DeputyStatus.SERVING.value)
                           .order_by(Deputy.name_pinyin, Deputy.id)).all()
    placed = {deputy_id for _grid, deputy_id, _name in links}
    unplaced = [UnplacedDeputy(i, name, levels, station or "") for i, name, levels, station in serving
                if i not in placed]
    return CoverageReport(
        grid_total=len(grids), grids_covered=len(grids) - len(empty), deputy_total=len(serving),
        deputies_placed=len(serving) - len(unplaced), empty_grids=empty, crowded_grids=crowded,
        unplaced_deputies=unplaced, communities=_by_community(grids, deputies_of),
    )


def _by_community(grids, deputies_of) -> list[CommunityCoverage]:
    order: dict[str, list[int]] = {}
    for grid_id, _code, _name, community in grids:
        order.setdefault(community, []).append(grid_id)
    result = []
    for community, grid_ids in order.items():
        sizes = [len(deputies_of.get(g, [])) for g in grid_ids]
        people = {deputy_id for g in grid_ids for deputy_id, _name in deputies_of.get(g, [])}
        result.append(CommunityCoverage(community, len(grid_ids), sum(1 for s in sizes if s),
                                        sum(1 for s in sizes if s > MAX_DEPUTIES_PER_GRID), len(people)))
    return result
