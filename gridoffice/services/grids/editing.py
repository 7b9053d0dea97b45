"""Add, edit, move and delete grids and communities; place deputies in grids (进网格).

Every change goes through ORM objects, so the audit log records it. Input is checked here
and refused with GridInputError(field, message): a complete Chinese sentence that the form
shows beside the field it names.
"""
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.domain import Activity, Community, Deputy, DeputyGridLink, Grid, GridHouseholdCount, Opinion
from gridoffice.domain.enums import CommunityKind, DeputyStatus
from gridoffice.domain.rules import is_landline, is_mobile, normalize_phone, normalize_text

from gridoffice.services.office.setup import OfficeInputError

MAX_COUNT = 1_000_000
CODE_MAX = 30


class GridInputError(OfficeInputError):
    """Bad input for a grid or a community: `field` names the field, the message is Chinese."""


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


@dataclass
class CommunityInput:
    name: str
    kind: str = CommunityKind.COMMUNITY.value
    notes: str = ""


# --- values ------------------------------------------------------------------------------
def parse_count(value: object, *, field: str, label: str) -> int:
    """A count the clerk typed: a whole number from 0 up; '' is 0."""
    text = normalize_text(value).replace(",", "").replace("，", "")
    if text == "":
        return 0
    try:
        number = int(float(text)) if "." in text and float(text).is_integer() else int(text)
    except ValueError:
        raise GridInputError(field, f"{label}应为整数，“{text}”不是整数。") from None
    if number < 0:
        raise GridInputError(field, f"{label}不能为负数。")
    if number > MAX_COUNT:
        raise GridInputError(field, f"{label}不能超过 {MAX_COUNT}。")
    return number


def clean_code(value: object) -> str:
    code = normalize_text(value)
    if not code:
        raise GridInputError("code", "请填写网格编号。")
    if len(code) > CODE_MAX:
        raise GridInputError("code", f"网格编号不能超过 {CODE_MAX} 个字符。")
    if any(ch.isspace() for ch in code):
        raise GridInputError("code", "网格编号中不能有空格。")
    return code


def clean_worker_phone(value: object) -> str:
    phone = normalize_phone(value)
    if phone and not (is_mobile(phone) or is_landline(phone)):
        raise GridInputError("worker_phone", "网格员电话格式不对：应为 11 位手机号，或带区号的固定电话（如 0571-87654321）。")
    return phone


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


# --- grids ---------------------------------------------------------------------------------
def create_grid(session: Session, data: GridInput) -> Grid:
    clean = validate_grid(session, data)
    grid = Grid(code=clean.code, name=clean.name, community_id=clean.community_id, worker_name=clean.worker_name,
                worker_phone=clean.worker_phone, households=clean.households, population=clean.population,
                boundary=clean.boundary, notes=clean.notes)
    session.add(grid)
    session.flush()
    return grid


def update_grid(session: Session, grid_id: int, data: GridInput) -> Grid:
    grid = _grid(session, grid_id)
    clean = validate_grid(session, data, grid_id=grid_id)
    for key in ("code", "name", "community_id", "worker_name", "worker_phone", "households", "population",
                "boundary", "notes"):
        setattr(grid, key, getattr(clean, key))
    session.add(grid)
    session.flush()
    return grid


def move_grids(session: Session, grid_ids: Iterable[int], community_id: int) -> int:
    """Put grids under another community; returns how many moved."""
    if session.get(Community, community_id) is None:
        raise GridInputError("community", "请选择要移入的社区。")
    moved = 0
    for grid_id in grid_ids:
        grid = _grid(session, grid_id)
        if grid.community_id != community_id:
            grid.community_id = community_id
            session.add(grid)
            moved += 1
    session.flush()
    return moved


def delete_grid(session: Session, grid_id: int) -> None:
    """Only a grid no activity or opinion refers to; its deputy links and counts go with it."""
    grid = _grid(session, grid_id)
    activities = session.exec(select(func.count()).select_from(Activity).where(Activity.grid_id == grid_id)).one()
    opinions = session.exec(select(func.count()).select_from(Opinion).where(Opinion.grid_id == grid_id)).one()
    if activities or opinions:
        raise GridInputError("code", f"网格“{grid.code}”已有 {activities} 条走访记录、{opinions} 件民情意见，"
                                     "不能删除；如网格已调整，请修改它的名称或把它移到新的社区。")
    for model in (DeputyGridLink, GridHouseholdCount):   # each deletion audited, not left to ON DELETE CASCADE
        for row in session.exec(select(model).where(model.grid_id == grid_id)):
            session.delete(row)
    session.flush()   # before the grid's own row, whose deletion would cascade them away unaudited
    session.delete(grid)
    session.flush()


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


def deputy_grid_ids(session: Session, deputy_id: int) -> list[int]:
    return list(session.exec(select(DeputyGridLink.grid_id).where(DeputyGridLink.deputy_id == deputy_id)
                             .order_by(DeputyGridLink.grid_id)))


def set_grid_deputies(session: Session, grid_id: int, deputy_ids: Iterable[int]) -> None:
    """The grid's serving deputies become exactly `deputy_ids`; links of deputies who left office stay as history."""
    _grid(session, grid_id)
    wanted = set(deputy_ids)
    for deputy_id in wanted:
        deputy = session.get(Deputy, deputy_id)
        if deputy is None or deputy.status != DeputyStatus.SERVING.value:
            raise GridInputError("deputies", "只能把在任代表放进网格。")
    current = set(grid_deputy_ids(session, grid_id))
    _relink(session, [(d, grid_id) for d in wanted - current], [(d, grid_id) for d in current - wanted])


def set_deputy_grids(session: Session, deputy_id: int, grid_ids: Iterable[int]) -> None:
    """The deputy's grids become exactly `grid_ids`."""
    deputy = session.get(Deputy, deputy_id)
    if deputy is None:
        raise GridInputError("grids", "该代表已不存在，请刷新后再试。")
    wanted = set(grid_ids)
    if wanted and deputy.status != DeputyStatus.SERVING.value:
        raise GridInputError("grids", f"{deputy.name}已离任，不能再放进网格。")
    for grid_id in wanted:
        _grid(session, grid_id)
    current = set(deputy_grid_ids(session, deputy_id))
    _relink(session, [(deputy_id, g) for g in wanted - current], [(deputy_id, g) for g in current - wanted])


def _relink(session: Session, added: list[tuple[int, int]], removed: list[tuple[int, int]]) -> None:
    for deputy_id, grid_id in removed:
        session.delete(session.get(DeputyGridLink, (deputy_id, grid_id)))
    for deputy_id, grid_id in added:
        session.add(DeputyGridLink(deputy_id=deputy_id, grid_id=grid_id))
    session.flush()


# --- communities ---------------------------------------------------------------------------------
def validate_community(session: Session, data: CommunityInput, *, community_id: int | None = None) -> CommunityInput:
    name = normalize_text(data.name)
    if not name:
        raise GridInputError("name", "请填写社区（村）名称。")
    if len(name) > 100:
        raise GridInputError("name", "社区名称不能超过 100 个字。")
    same = session.exec(select(Community.id).where(Community.name == name)).first()
    if same is not None and same != community_id:
        raise GridInputError("name", f"已经有名为“{name}”的社区。")
    kinds = [kind.value for kind in CommunityKind]
    if data.kind not in kinds:
        raise GridInputError("kind", f"类型应为 {'、'.join(kinds)} 之一。")
    return CommunityInput(name, data.kind, data.notes.strip())


def create_community(session: Session, data: CommunityInput) -> Community:
    clean = validate_community(session, data)
    community = Community(name=clean.name, kind=clean.kind, notes=clean.notes)
    session.add(community)
    session.flush()
    return community


def update_community(session: Session, community_id: int, data: CommunityInput) -> Community:
    community = session.get(Community, community_id)
    if community is None:
        raise GridInputError("name", "该社区已不存在，请刷新后再试。")
    clean = validate_community(session, data, community_id=community_id)
    community.name, community.kind, community.notes = clean.name, clean.kind, clean.notes
    session.add(community)
    session.flush()
    return community


def delete_community(session: Session, community_id: int) -> None:
    """Only an empty community: its grids must be moved or deleted first."""
    community = session.get(Community, community_id)
    if community is None:
        return
    grids = session.exec(select(func.count()).select_from(Grid).where(Grid.community_id == community_id)).one()
    if grids:
        raise GridInputError("name", f"“{community.name}”下还有 {grids} 个网格，请先把网格移到其他社区或删除，再删除社区。")
    session.delete(community)
    session.flush()
