"""Add, edit, move and delete grids; place deputies in grids (进网格).

Every change goes through ORM objects, so the audit log records it. Input is checked here
and refused with GridInputError(field, message): a complete Chinese sentence that the form
shows beside the field it names. Each function the window or the command line calls takes the
Database and is one transaction; the grid editor's details, deputies, special households and
area are saved together.
"""
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import (Activity, Community, Deputy, DeputyGridLink, Grid, Household, HouseholdCategoryLink,
                               Opinion, Station)
from gridoffice.domain.enums import DeputyStatus
from gridoffice.domain.rules import level_label, normalize_text

from gridoffice.services.grids import areas
from gridoffice.services.grids.households import CategoryRow, grid_counts, read_categories, set_grid_counts
from gridoffice.services.grids.values import GridInputError, clean_code, clean_worker_phone, parse_count
from gridoffice.services.outcomes.references import outcome_uses


@dataclass
class GridInput:
    code: str
    name: str
    community_id: int | None
    worker_name: str = ""
    worker_phone: str = ""
    households: int | str = 0
    population: int | str = 0
    boundary: str = ""
    notes: str = ""


@dataclass(frozen=True)
class GridEditorData:
    """What the grid editor shows: the grid (None for a new one), its deputies, special households and area."""
    grid: GridInput | None
    deputy_ids: list[int]
    categories: list[CategoryRow]
    counts: dict[int, int]           # category id → households
    area: str                        # "" (none), areas.IMAGE_FRAME (traced on a scanned map) or areas.GEO_FRAME


@dataclass(frozen=True)
class DeputyGrids:
    """A deputy and every grid of the office, for choosing the deputy's grids."""
    name: str
    details: str                     # "区人大代表，中心站"
    grids: list[tuple[int, str, str, str]]   # (id, code, name, community), community by community
    selected: list[int]


def code_taken(session: Session, code: str, *, except_id: int | None = None) -> bool:
    """Codes are unique regardless of letter case (JT-01-01 and jt-01-01 are the same grid)."""
    query = select(Grid.id).where(func.upper(Grid.code) == code.upper())
    if except_id is not None:
        query = query.where(Grid.id != except_id)
    return session.exec(query).first() is not None


def validate_grid(session: Session, data: GridInput, *, grid_id: int | None = None) -> GridInput:
    code = clean_code(data.code)
    if code_taken(session, code, except_id=grid_id):
        raise GridInputError("code", f"网格编号“{code}”已被其他网格使用，编号不能重复。")
    name = normalize_text(data.name)
    if not name:
        raise GridInputError("name", "请填写网格名称。")
    if len(name) > 100:
        raise GridInputError("name", "网格名称不能超过 100 个字。")
    if data.community_id is None or session.get(Community, data.community_id) is None:
        raise GridInputError("community", "请选择网格所属的社区。")
    worker = normalize_text(data.worker_name)
    if len(worker) > 50:
        raise GridInputError("worker_name", "网格员姓名不能超过 50 个字。")
    households = parse_count(data.households, field="households", label="户数")
    population = parse_count(data.population, field="population", label="人口")
    return GridInput(code, name, data.community_id, worker, clean_worker_phone(data.worker_phone), households,
                     population, data.boundary.strip(), data.notes.strip())


# --- reading -----------------------------------------------------------------------------------
def grid_editor_data(db: Database, grid_id: int | None) -> GridEditorData:
    with db.session() as session:
        grid = session.get(Grid, grid_id) if grid_id else None
        categories = read_categories(session)
        if grid is None:
            return GridEditorData(None, [], categories, {}, "")
        data = GridInput(grid.code, grid.name, grid.community_id, grid.worker_name, grid.worker_phone,
                         grid.households, grid.population, grid.boundary, grid.notes)
        area = "" if not grid.area_geojson else (
            areas.IMAGE_FRAME if f'"frame":"{areas.IMAGE_FRAME}"' in grid.area_geojson else areas.GEO_FRAME)
        return GridEditorData(data, grid_deputy_ids(session, grid.id), categories, grid_counts(session, grid.id), area)


def deputy_grids(db: Database, deputy_id: int) -> DeputyGrids:
    with db.session() as session:
        deputy = session.get(Deputy, deputy_id)
        if deputy is None:
            raise GridInputError("grids", "该代表已不存在，请刷新后再试。")
        station = session.get(Station, deputy.station_id) if deputy.station_id else None
        grids = session.exec(select(Grid.id, Grid.code, Grid.name, Community.name)
                             .join(Community, Community.id == Grid.community_id)
                             .order_by(Community.id, Grid.code)).all()
        details = "，".join(part for part in (level_label(deputy.levels), station.name if station else "") if part)
        return DeputyGrids(deputy.name, details, [tuple(g) for g in grids], _deputy_grid_ids(session, deputy_id))


# --- grids ---------------------------------------------------------------------------------
def save_grid(db: Database, data: GridInput, grid_id: int | None = None, *, deputy_ids: Iterable[int] | None = None,
              counts: Mapping[int, int | str] | None = None, clear_area: bool = False) -> int:
    """Add (grid_id None) or change a grid with, when given, its deputies and special-household counts;
    all or nothing. Returns the grid's id."""
    with db.session() as session:
        if grid_id is None:
            clean = validate_grid(session, data)
            grid = Grid(code=clean.code, name=clean.name, community_id=clean.community_id)
        else:
            grid = _grid(session, grid_id)
            clean = validate_grid(session, data, grid_id=grid_id)
        for key in ("code", "name", "community_id", "worker_name", "worker_phone", "households", "population",
                    "boundary", "notes"):
            setattr(grid, key, getattr(clean, key))
        session.add(grid)
        session.flush()
        if deputy_ids is not None:
            _set_grid_deputies(session, grid.id, deputy_ids)
        if counts:
            set_grid_counts(session, grid.id, counts)
        if clear_area:
            areas.clear_area(session, grid.id)
        return grid.id


def move_grids(db: Database, grid_ids: Iterable[int], community_id: int) -> int:
    """Put grids under another community; returns how many moved."""
    with db.session() as session:
        if session.get(Community, community_id) is None:
            raise GridInputError("community", "请选择要移入的社区。")
        moved = 0
        for grid_id in grid_ids:
            grid = _grid(session, grid_id)
            if grid.community_id != community_id:
                grid.community_id = community_id
                session.add(grid)
                moved += 1
        return moved


def delete_grid(db: Database, grid_id: int) -> None:
    """Only a grid no activity or opinion refers to and with no household registered one by one;
    its deputy links and "未逐户登记" counts go with it."""
    with db.session() as session:
        grid = _grid(session, grid_id)
        activities = session.exec(select(func.count()).select_from(Activity).where(Activity.grid_id == grid_id)).one()
        opinions = session.exec(select(func.count()).select_from(Opinion).where(Opinion.grid_id == grid_id)).one()
        uses = [f"{n} {what}" for n, what in ((activities, "条走访记录"), (opinions, "件民情意见")) if n]
        uses += outcome_uses(session, grid_id=grid_id)   # projects, meetings, disputes
        if uses:
            raise GridInputError("code", f"网格“{grid.code}”已有 {'、'.join(uses)}，"
                                         "不能删除；如网格已调整，请修改它的名称或把它移到新的社区。")
        households = session.exec(select(Household).where(Household.grid_id == grid_id)).all()
        registered = sum(1 for h in households if not h.placeholder_count)
        if registered:
            raise GridInputError("code", f"网格“{grid.code}”的重点户台账中还有 {registered} 户，不能删除；"
                                         "请先把这些户改到其他网格。")
        for row in session.exec(select(DeputyGridLink).where(DeputyGridLink.grid_id == grid_id)):
            session.delete(row)   # each deletion audited, not left to ON DELETE CASCADE
        for household in households:
            for link in session.exec(select(HouseholdCategoryLink).where(HouseholdCategoryLink.household_id == household.id)):
                session.delete(link)
            session.flush()
            session.delete(household)
        session.flush()   # before the grid's own row, whose deletion would cascade them away unaudited
        session.delete(grid)


def _grid(session: Session, grid_id: int) -> Grid:
    grid = session.get(Grid, grid_id)
    if grid is None:
        raise GridInputError("code", "该网格已不存在，可能已被删除。请刷新列表（F5）。")
    return grid


# --- deputies in grids (进网格) -------------------------------------------------------------------
def grid_deputy_ids(session: Session, grid_id: int) -> list[int]:
    """The grid's serving deputies."""
    return list(session.exec(select(DeputyGridLink.deputy_id).join(Deputy, Deputy.id == DeputyGridLink.deputy_id)
                             .where(DeputyGridLink.grid_id == grid_id, Deputy.status == DeputyStatus.SERVING.value)
                             .order_by(Deputy.id)))


def serving_deputy_ids(db: Database, grid_id: int) -> list[int]:
    """grid_deputy_ids in a transaction of its own."""
    with db.session() as session:
        return grid_deputy_ids(session, grid_id)


def _deputy_grid_ids(session: Session, deputy_id: int) -> list[int]:
    return list(session.exec(select(DeputyGridLink.grid_id).where(DeputyGridLink.deputy_id == deputy_id)
                             .order_by(DeputyGridLink.grid_id)))


def set_grid_deputies(db: Database, grid_id: int, deputy_ids: Iterable[int]) -> None:
    """The grid's serving deputies become exactly `deputy_ids`; links of deputies who left office stay as history."""
    with db.session() as session:
        _set_grid_deputies(session, grid_id, deputy_ids)


def _set_grid_deputies(session: Session, grid_id: int, deputy_ids: Iterable[int]) -> None:
    _grid(session, grid_id)
    wanted = set(deputy_ids)
    for deputy_id in wanted:
        deputy = session.get(Deputy, deputy_id)
        if deputy is None or deputy.status != DeputyStatus.SERVING.value:
            raise GridInputError("deputies", "只能把在任代表放进网格。")
    current = set(grid_deputy_ids(session, grid_id))
    _relink(session, [(d, grid_id) for d in wanted - current], [(d, grid_id) for d in current - wanted])


def set_deputy_grids(db: Database, deputy_id: int, grid_ids: Iterable[int]) -> None:
    """The deputy's grids become exactly `grid_ids`."""
    with db.session() as session:
        deputy = session.get(Deputy, deputy_id)
        if deputy is None:
            raise GridInputError("grids", "该代表已不存在，请刷新后再试。")
        wanted = set(grid_ids)
        if wanted and deputy.status != DeputyStatus.SERVING.value:
            raise GridInputError("grids", f"{deputy.name}已离任，不能再放进网格。")
        for grid_id in wanted:
            _grid(session, grid_id)
        current = set(_deputy_grid_ids(session, deputy_id))
        _relink(session, [(deputy_id, g) for g in wanted - current], [(deputy_id, g) for g in current - wanted])


def _relink(session: Session, added: list[tuple[int, int]], removed: list[tuple[int, int]]) -> None:
    for deputy_id, grid_id in removed:
        session.delete(session.get(DeputyGridLink, (deputy_id, grid_id)))
    for deputy_id, grid_id in added:
        session.add(DeputyGridLink(deputy_id=deputy_id, grid_id=grid_id))
    session.flush()
