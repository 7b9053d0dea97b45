"""网格 in a spreadsheet: the import (checked and previewed, then all or nothing) and the export.

read_grid_import reads any spreadsheet the shared reader opens (.xlsx, .xls, .et, .ods, CSV;
title rows, merged cells, synonyms of the headers, several sheets) and checks every row;
nothing is written. A row whose 网格编号 exists updates that grid; a new code adds a grid.
Columns missing from the file leave those fields as they are. A 所属社区 the office does not
have is created only when the clerk asks (`create_communities=True`: the GUI's preview asks,
the command line has --create-communities). apply_grid_import writes the plan in one
transaction and refuses a plan with refused rows.
"""
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Community, Grid
from gridoffice.domain.enums import CommunityKind
from gridoffice.domain.rules import normalize_text

from gridoffice.services.common.excel_io import (CODE, COUNT, PHONE, TEXT_FORMAT, Column, ExcelImportError, Reading, RowError,
                                                 SheetRow, TableSpec, encoding_damage, read_table, refused_lines,
                                                 write_sheet)
from gridoffice.services.grids.values import GridInputError, clean_code, clean_worker_phone, parse_count

HEADERS = ("网格编号", "网格名称", "所属社区", "网格员", "网格员电话", "户数", "人口", "范围描述")
REQUIRED = ("网格编号", "网格名称", "所属社区")
COLUMN_WIDTHS = (14, 24, 16, 10, 16, 8, 8, 60)
COLUMNS = (
    Column("网格编号", ("编号", "网格号", "网格代码", "网格编码"), CODE),
    Column("网格名称", ("名称", "网格名"),),
    Column("所属社区", ("社区", "社区名称", "所在社区", "社区(村)", "村(社区)", "所属社区(村)", "所属村(社区)", "村居")),
    Column("网格员", ("网格员姓名", "专职网格员")),
    Column("网格员电话", ("网格员手机", "网格员联系电话", "联系电话", "电话", "手机"), PHONE),
    Column("户数", ("总户数", "住户数", "户"), COUNT),
    Column("人口", ("人口数", "总人口", "人数", "常住人口"), COUNT),
    Column("范围描述", ("范围", "四至", "四至范围", "网格范围", "区域范围", "边界")),
)
SPEC = TableSpec("网格", COLUMNS, REQUIRED)
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


@dataclass
class GridPlan:
    """A checked file: the grids it adds and updates, the communities it names that do not exist,
    every warning and every refused row. Nothing is written until apply_grid_import."""
    file_name: str
    reading: Reading
    rows: list[_Checked] = field(default_factory=list)
    new_codes: list[str] = field(default_factory=list)
    updated_codes: list[str] = field(default_factory=list)
    unknown_communities: list[str] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    refused: list[RowError] = field(default_factory=list)

    @property
    def refused_rows(self) -> list[int]:
        return sorted({error.row for error in self.refused})

    def outcome(self, create_communities: bool = False) -> str:
        text = f"将新增 {len(self.new_codes)} 个网格，更新 {len(self.updated_codes)} 个网格"
        if self.unknown_communities:
            names = "、".join(self.unknown_communities)
            text += (f"，新建社区 {len(self.unknown_communities)} 个（{names}）" if create_communities else
                     f"；文件中有 {len(self.unknown_communities)} 个社区尚不存在（{names}）")
        return text + "。"

    def summary_lines(self, create_communities: bool = False, *, refused: bool = True) -> list[str]:
        """The preview in words; refused=False leaves the refused rows out (the command line prints them as its error)."""
        lines = self.reading.lines() + [f"有效数据 {len(self.rows)} 行。" +
                                        (f"被拒绝 {len(self.refused_rows)} 行。" if self.refused else "")]
        if self.refused and refused:
            lines += refused_lines(self.refused)
        if self.warnings:
            lines.append(f"警告 {len(self.warnings)} 处（已按说明处理，请核对）：")
            lines += [f"  {warning}" for warning in self.warnings]
        if not self.refused:
            lines.append(self.outcome(create_communities))
        return lines


def read_grid_import(db: Database, path: Path | str, *, sheet: str | None = None) -> GridPlan:
    """Read and check the file; nothing is written. Raises ExcelFileError (SheetChoiceNeeded when
    several sheets have the header and `sheet` is None)."""
    table = read_table(path, SPEC, sheet=sheet)
    plan = GridPlan(table.file_name, table.reading())
    present = set(table.columns)
    with db.session() as session:
        communities = set(session.exec(select(Community.name)))
        existing = {code.upper() for code in session.exec(select(Grid.code))}
    errors: list[RowError] = []
    for row in table.rows:
        plan.warnings += row.warnings
        checked = _check_row(row, present, errors)
        if checked is not None:
            plan.rows.append(checked)
    _check_duplicates(table.rows, errors)
    plan.refused = sorted(errors, key=lambda error: error.row)
    for item in plan.rows:
        (plan.updated_codes if item.code.upper() in existing else plan.new_codes).append(item.code)
    plan.unknown_communities = list(dict.fromkeys(c.community for c in plan.rows if c.community not in communities))
    return plan


def apply_grid_import(db: Database, plan: GridPlan, *, create_communities: bool = False) -> GridImportSummary:
    """Write the plan in one transaction. Refused rows raise ExcelImportError; communities that do
    not exist raise UnknownCommunitiesError unless `create_communities`."""
    if plan.refused:
        raise ExcelImportError(plan.refused)
    unknown = plan.unknown_communities
    if unknown and not create_communities:
        missing = [RowError(c.row.number, "所属社区", f"社区“{c.community}”不存在。请先在网格列表中新建该社区，"
                                                    "或在导入时选择同时新建文件中的社区。", c.row.cell("所属社区"))
                   for c in plan.rows if c.community in unknown]
        raise UnknownCommunitiesError(missing, unknown)
    with db.session() as session:
        return _write(session, plan, unknown)


def import_grids(db: Database, path: Path | str, *, create_communities: bool = False,
                 sheet: str | None = None) -> GridImportSummary:
    """Read, check and write a file: all of it, or nothing (ExcelImportError lists every problem)."""
    return apply_grid_import(db, read_grid_import(db, path, sheet=sheet), create_communities=create_communities)


def _write(session: Session, plan: GridPlan, unknown: list[str]) -> GridImportSummary:
    communities = {c.name: c for c in session.exec(select(Community))}
    grids = {g.code.upper(): g for g in session.exec(select(Grid))}
    summary = GridImportSummary(communities_created=[name for name in unknown if name not in communities])
    for name in summary.communities_created:
        kind = CommunityKind.VILLAGE.value if name.endswith("村") else CommunityKind.COMMUNITY.value
        communities[name] = Community(name=name, kind=kind)
        session.add(communities[name])
    session.flush()
    for item in plan.rows:
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
    errors.extend(row.problems)   # cells the reader refused (an ID-card-like number in the phone column…)
    name = normalize_text(row.get("网格名称"))
    if not name:
        errors.append(RowError(row.number, "网格名称", "网格名称不能为空。", row.cell("网格名称")))
    elif len(name) > 100:
        errors.append(RowError(row.number, "网格名称", "网格名称不能超过 100 个字。", row.cell("网格名称")))
    values["name"] = name
    community = normalize_text(row.get("所属社区"))
    if not community:
        errors.append(RowError(row.number, "所属社区", "所属社区不能为空。", row.cell("所属社区")))
    for header in ("网格名称", "所属社区", "网格员"):
        damage = encoding_damage(row.get(header), question_marks=header == "网格员")
        if damage:
            errors.append(RowError(row.number, header, f"“{row.get(header)}”{damage}。请改正后再导入。", row.cell(header)))
    parsers = {
        "网格员": lambda v: _short(v, 50, "网格员姓名"),
        "网格员电话": clean_worker_phone,
        "户数": lambda v: parse_count(v, field="households", label="户数"),
        "人口": lambda v: parse_count(v, field="population", label="人口"),
        "范围描述": lambda v: normalize_text(v),
    }
    refused_cells = {problem.column for problem in row.problems}
    for header, attribute in OPTIONAL_FIELDS.items():
        if header in present and header not in refused_cells:
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
        errors.append(RowError(row.number, header, str(error), row.cell(header)))
        return None


def _check_duplicates(rows: list[SheetRow], errors: list[RowError]) -> None:
    first: dict[str, int] = {}
    for row in rows:
        code = normalize_text(row.get("网格编号"))
        if not code:
            continue
        if code.upper() in first:
            errors.append(RowError(row.number, "网格编号", f"网格编号“{code}”与第 {first[code.upper()]} 行重复。",
                                   row.cell("网格编号")))
        else:
            first[code.upper()] = row.number


def export_grids(db: Database, path: Path | str) -> int:
    """All grids, community by community; returns how many rows were written."""
    query = (select(Grid, Community.name).join(Community, Community.id == Grid.community_id)
             .order_by(Community.id, Grid.code))
    with db.session() as session:
        rows = [(g.code, g.name, community, g.worker_name, g.worker_phone, g.households, g.population, g.boundary)
                for g, community in session.exec(query)]
    write_sheet(path, title="网格", headers=HEADERS, rows=rows, column_widths=COLUMN_WIDTHS,
                formats={"网格编号": TEXT_FORMAT, "网格员电话": TEXT_FORMAT}, wrap={"范围描述"})
    return len(rows)
