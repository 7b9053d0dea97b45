"""网格 Excel import and export, with the shared rules: every problem listed, all or nothing.

A row whose 网格编号 exists updates that grid; a new code adds a grid. Columns missing from
the file leave those fields as they are. A 所属社区 the office does not have is an error,
unless the clerk explicitly asks to create the communities the file names
(`create_communities=True`: the GUI asks, the command line has --create-communities).
"""
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Community, Grid
from gridoffice.domain.enums import CommunityKind
from gridoffice.domain.rules import normalize_text

from gridoffice.services.common.excel_io import ExcelFileError, ExcelImportError, RowError, SheetRow, read_sheet, write_sheet
from gridoffice.services.grids.values import GridInputError, clean_code, clean_worker_phone, parse_count

HEADERS = ("网格编号", "网格名称", "所属社区", "网格员", "网格员电话", "户数", "人口", "范围描述")
REQUIRED = ("网格编号", "网格名称", "所属社区")
COLUMN_WIDTHS = (14, 24, 16, 10, 16, 8, 8, 60)
# the Grid attribute each optional column sets
OPTIONAL_FIELDS = {"网格员": "worker_name", "网格员电话": "worker_phone", "户数": "households", "人口": "population",
                   "范围描述": "boundary"}


class UnknownCommunitiesError(ExcelImportError):
    """The only problems are communities the office does not have yet: the clerk may create them."""

    def __init__(self, errors: Sequence[RowError], names: list[str]):
        super().__init__(errors)
        self.names = names


@dataclass
class GridImportSummary:
    created: int = 0
    updated: int = 0
    communities_created: list[str] = field(default_factory=list)

    def describe(self) -> str:
        text = f"已导入网格：新增 {self.created} 个，更新 {self.updated} 个。"
        if self.communities_created:
            text += f"新建社区 {len(self.communities_created)} 个：{'、'.join(self.communities_created)}。"
        return text


@dataclass
class _Checked:
    row: SheetRow
    code: str
    values: dict[str, object]     # Grid attribute → value, only for the columns in the file
    community: str


def import_grids(db: Database, path: Path | str, *, create_communities: bool = False) -> GridImportSummary:
    """The whole file in one transaction, or nothing (ExcelImportError lists every problem)."""
    with db.session() as session:
        return _import_grids(session, path, create_communities)


def _import_grids(session: Session, path: Path | str, create_communities: bool) -> GridImportSummary:
    rows = read_sheet(path, required=REQUIRED, known=HEADERS)
    if not rows:
        raise ExcelFileError(f"“{Path(path).name}”只有表头，没有网格数据。")
    present = set().union(*(row.values.keys() for row in rows))
    communities = {c.name: c for c in session.exec(select(Community))}
    grids = {g.code.upper(): g for g in session.exec(select(Grid))}
    errors: list[RowError] = []
    checked = [c for c in (_check_row(row, present, errors) for row in rows) if c is not None]
    _check_duplicates(rows, errors)
    unknown = list(dict.fromkeys(c.community for c in checked if c.community not in communities))
    if errors:
        raise ExcelImportError(sorted(errors, key=lambda error: error.row))
    if unknown and not create_communities:
        missing = [RowError(c.row.number, "所属社区", f"社区“{c.community}”不存在。请先在网格列表中新建该社区，"
                                                    "或在导入时选择同时新建文件中的社区。")
                   for c in checked if c.community in unknown]
        raise UnknownCommunitiesError(missing, unknown)
    summary = GridImportSummary(communities_created=unknown)
    for name in unknown:
        kind = CommunityKind.VILLAGE.value if name.endswith("村") else CommunityKind.COMMUNITY.value
        communities[name] = Community(name=name, kind=kind)
        session.add(communities[name])
    session.flush()
    for item in checked:
        grid = grids.get(item.code.upper())
        if grid is None:
            grid = Grid(code=item.code, name="", community_id=0)
            summary.created += 1
        else:
            summary.updated += 1
        grid.code = item.code
        grid.community_id = communities[item.community].id
        for key, value in item.values.items():
            setattr(grid, key, value)
        session.add(grid)
    session.flush()
    return summary


def _check_row(row: SheetRow, present: set[str], errors: list[RowError]) -> _Checked | None:
    before = len(errors)
    values: dict[str, object] = {}
    code = _field(row, "网格编号", lambda v: clean_code(v), errors)
    name = normalize_text(row.get("网格名称"))
    if not name:
        errors.append(RowError(row.number, "网格名称", "网格名称不能为空。"))
    elif len(name) > 100:
        errors.append(RowError(row.number, "网格名称", "网格名称不能超过 100 个字。"))
    values["name"] = name
    community = normalize_text(row.get("所属社区"))
    if not community:
        errors.append(RowError(row.number, "所属社区", "所属社区不能为空。"))
    parsers = {
        "网格员": lambda v: _short(v, 50, "网格员姓名"),
        "网格员电话": clean_worker_phone,
        "户数": lambda v: parse_count(v, field="households", label="户数"),
        "人口": lambda v: parse_count(v, field="population", label="人口"),
        "范围描述": lambda v: normalize_text(v),
    }
    for header, attribute in OPTIONAL_FIELDS.items():
        if header in present:
            values[attribute] = _field(row, header, parsers[header], errors)
    if len(errors) > before:
        return None
    return _Checked(row, code, values, community)


def _short(value: object, limit: int, label: str) -> str:
    text = normalize_text(value)
    if len(text) > limit:
        raise GridInputError("", f"{label}不能超过 {limit} 个字。")
    return text


def _field(row: SheetRow, header: str, parse, errors: list[RowError]):
    try:
        return parse(row.get(header))
    except GridInputError as error:
        errors.append(RowError(row.number, header, str(error)))
        return None


def _check_duplicates(rows: list[SheetRow], errors: list[RowError]) -> None:
    first: dict[str, int] = {}
    for row in rows:
        code = normalize_text(row.get("网格编号"))
        if not code:
            continue
        if code.upper() in first:
            errors.append(RowError(row.number, "网格编号", f"网格编号“{code}”与第 {first[code.upper()]} 行重复。"))
        else:
            first[code.upper()] = row.number


def export_grids(db: Database, path: Path | str) -> int:
    """All grids, community by community; returns how many rows were written."""
    query = (select(Grid, Community.name).join(Community, Community.id == Grid.community_id)
             .order_by(Community.id, Grid.code))
    with db.session() as session:
        rows = [(g.code, g.name, community, g.worker_name, g.worker_phone, g.households, g.population, g.boundary)
                for g, community in session.exec(query)]
    write_sheet(path, title="网格", headers=HEADERS, rows=rows, column_widths=COLUMN_WIDTHS)
    return len(rows)
