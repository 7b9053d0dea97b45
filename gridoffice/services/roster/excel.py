"""代表名册 in Excel: the template, the import (all or nothing) and the export.

The import reads the whole file and checks every row before anything is written; a file
with any bad row raises ExcelImportError listing (row, column, reason). Duplicates (same
name and mobile, within the file or already in the roster) are listed in the plan; the
caller chooses to skip or update them. Stations and grids must already exist.
"""
import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.db.audit import write_bulk_note
from gridoffice.domain import Deputy, DeputyGridLink, DeputyStationLink, Grid, Station
from gridoffice.domain.enums import DeputyStatus
from gridoffice.domain.rules import mask_phone, split_multi

from gridoffice.services.roster.deputies import DeputyData, FieldProblem, apply_data, clean_deputy
from gridoffice.services.common.excel_io import FORMULA_PREFIXES, ExcelImportError, RowError, read_sheet, write_sheet
from gridoffice.services.common.files import atomic_output
from gridoffice.services.common.pinyin import pinyin_of
from gridoffice.services.roster.rows import DeputyRow
from gridoffice.services.roster.sites import sync_primary_sites

HEADERS = ("姓名", "性别", "民族", "出生年月", "政治面貌", "代表层级", "工作单位及职务", "专长", "手机", "办公电话",
           "所属联络站", "所在网格", "状态", "备注")
REQUIRED = ("姓名", "代表层级")
COLUMN_WIDTHS = (10, 6, 8, 10, 14, 12, 36, 18, 14, 16, 28, 22, 8, 24)
# the column that holds each DeputyData field, for row errors
COLUMN_OF_FIELD = {
    "name": "姓名", "gender": "性别", "ethnicity": "民族", "birth_month": "出生年月", "party": "政治面貌",
    "levels": "代表层级", "work_unit": "工作单位及职务", "post": "工作单位及职务", "expertise": "专长", "mobile": "手机",
    "office_phone": "办公电话", "station_id": "所属联络站", "grid_ids": "所在网格", "status": "状态", "notes": "备注",
}
SKIP, UPDATE = "skip", "update"
# the Deputy columns an imported row sets (the rest keep their defaults)
IMPORTED_FIELDS = ("name", "gender", "ethnicity", "birth_month", "party", "levels", "work_unit", "post", "expertise",
                   "mobile", "office_phone", "station_id", "status", "took_office_on", "notes")
TEMPLATE_NOTES = (
    ("姓名", "必填。生僻字（如 䶮、𠀾）可直接输入。"),
    ("性别", "男 或 女。"),
    ("出生年月", "如 1975-03 或 1975年3月。"),
    ("代表层级", "必填。全国、省、市、区、乡镇，可填多个，用 、 或 ， 分隔，如“市、区”。"),
    ("手机", "11 位手机号。"),
    ("办公电话", "带区号，如 0395-1234567。"),
    ("所属联络站", "须与程序中联络站的名称一致。"),
    ("所在网格", "网格编号或网格名称，可填多个，用 、 分隔。"),
    ("状态", "在任 或 离任，不填为在任。"),
    ("", "列的顺序可以调整；除 姓名、代表层级 外，其他列可以没有。空行会被忽略。"),
    ("", "文件中任何一行有问题时，整个文件都不会导入，程序会列出每个问题所在的行和列。"),
)


# --- template and export ---------------------------------------------------------------------
def write_template(path: Path | str) -> Path:
    """An empty sheet with the headers, and a second sheet explaining each column."""
    path = write_sheet(path, title="代表名册", headers=HEADERS, rows=[], column_widths=COLUMN_WIDTHS)
    from openpyxl import load_workbook
    from openpyxl.styles import Alignment, Font

    workbook = load_workbook(path)
    notes = workbook.create_sheet("填写说明")
    notes.append(["列", "填写要求"])
    for row in TEMPLATE_NOTES:
        notes.append(list(row))
    for cell in notes[1]:
        cell.font = Font(bold=True)
    notes.column_dimensions["A"].width = 14
    notes.column_dimensions["B"].width = 90
    for row in notes.iter_rows(min_row=2):
        row[1].alignment = Alignment(wrap_text=True)
    with atomic_output(path) as temporary:
        workbook.save(temporary)
    return path


def export_deputies(path: Path | str, rows: Sequence[DeputyRow], *, full_phone: bool = False) -> Path:
    """The rows with the template's columns; mobiles masked (138****1234) unless `full_phone`."""
    def phone(value: str) -> str:
        return value if full_phone else mask_phone(value)

    cells = [[r.name, r.gender, r.ethnicity, r.birth_month, r.party, r.levels, f"{r.work_unit}{r.post}", r.expertise,
              phone(r.mobile), phone(r.office_phone), r.station, r.grids, r.status, r.notes] for r in rows]
    return write_sheet(path, title="代表名册", headers=HEADERS, rows=cells, column_widths=COLUMN_WIDTHS)


# --- import ------------------------------------------------------------------------------------
@dataclass
class ImportRow:
    number: int                    # the row number Excel shows
    data: DeputyData
    existing_id: int | None = None  # the roster's deputy with the same name and mobile


@dataclass(frozen=True)
class Duplicate:
    row: int
    name: str
    mobile: str
    existing_id: int | None       # already in the roster
    earlier_row: int | None       # or an earlier row of the same file

    @property
    def reason(self) -> str:
        if self.earlier_row is not None:
            return f"与文件第 {self.earlier_row} 行的姓名和手机相同"
        return "名册中已有姓名和手机都相同的代表"


@dataclass
class ImportPlan:
    """A checked file: every row valid; what is new and what duplicates something."""
    file_name: str
    columns: frozenset[str]
    rows: list[ImportRow] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)

    @property
    def new_count(self) -> int:
        duplicate_rows = {d.row for d in self.duplicates}
        return sum(1 for r in self.rows if r.number not in duplicate_rows)


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    skipped: int
    unchanged: int = 0    # duplicates chosen for update whose values were already the same

    def describe(self) -> str:
        parts = [f"新增 {self.added} 人"]
        if self.updated:
            parts.append(f"更新 {self.updated} 人")
        if self.unchanged:
            parts.append(f"{self.unchanged} 人内容相同无需更新")
        if self.skipped:
            parts.append(f"跳过重复 {self.skipped} 人")
        return "导入完成：" + "，".join(parts) + "。"


class DuplicatesFound(Exception):
    """The file is valid but holds duplicates and no choice was given (command line without --duplicates)."""

    def __init__(self, plan: ImportPlan):
        self.plan = plan
        lines = [f"第 {d.row} 行 {d.name} {mask_phone(d.mobile)}：{d.reason}" for d in plan.duplicates]
        super().__init__(f"文件中有 {len(plan.duplicates)} 条重复记录，没有导入任何数据：\n" + "\n".join(lines))


@dataclass
class _Lookups:
    stations: dict[str, int]
    grid_codes: dict[str, int]
    grid_names: dict[str, list[int]]
    deputies: dict[tuple[str, str], int]

    @classmethod
    def load(cls, session: Session) -> "_Lookups":
        """One query per table: imports of thousands of rows never query row by row."""
        grid_names: dict[str, list[int]] = {}
        grid_codes = {}
        for grid_id, code, name in session.exec(select(Grid.id, Grid.code, Grid.name)):
            grid_codes[_lookup_key(code)] = grid_id
            grid_names.setdefault(_lookup_key(name), []).append(grid_id)
        return cls(
            stations={_lookup_key(name): id_ for id_, name in session.exec(select(Station.id, Station.name))},
            grid_codes=grid_codes, grid_names=grid_names,
            deputies={(name, mobile): id_ for id_, name, mobile in
                      session.exec(select(Deputy.id, Deputy.name, Deputy.mobile))},
        )


def read_import(db: Database, path: Path | str, *, today: dt.date) -> ImportPlan:
    """Read and check the file; nothing is written. Raises ExcelFileError (unusable file) or
    ExcelImportError (bad rows). Write the plan with apply_import."""
    sheet = read_sheet(path, required=REQUIRED, known=HEADERS)
    with db.session() as session:
        lookups = _Lookups.load(session)
    columns = frozenset(header for row in sheet for header in row.values)
    plan = ImportPlan(Path(path).name, columns | set(REQUIRED))
    errors: list[RowError] = []
    first_row_of: dict[tuple[str, str], int] = {}
    for sheet_row in sheet:
        data, problems = _row_data(lambda header, r=sheet_row: _unneutralised(r.get(header)), lookups, today)
        if problems:
            errors.extend(RowError(sheet_row.number, COLUMN_OF_FIELD.get(p.field, ""), p.message) for p in problems)
            continue
        key = (data.name, data.mobile)
        existing = lookups.deputies.get(key)
        row = ImportRow(sheet_row.number, data, existing)
        plan.rows.append(row)
        if key in first_row_of:
            plan.duplicates.append(Duplicate(row.number, data.name, data.mobile, existing, first_row_of[key]))
        elif existing is not None:
            plan.duplicates.append(Duplicate(row.number, data.name, data.mobile, existing, None))
        first_row_of.setdefault(key, row.number)
    if errors:
        raise ExcelImportError(errors)
    return plan


def _unneutralised(text: str) -> str:
    """'@律师事务所 → @律师事务所: the apostrophe our export put before = + - @ is not part of the value."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES) else text


def _row_data(get, lookups: _Lookups, today: dt.date) -> tuple[DeputyData, list[FieldProblem]]:
    problems: list[FieldProblem] = []
    station_id = None
    station_name = get("所属联络站")
    if station_name:
        station_id = lookups.stations.get(_lookup_key(station_name))
        if station_id is None:
            problems.append(FieldProblem("station_id", f"没有名为“{station_name}”的联络站，请先在程序中添加或改正名称。"))
    grid_ids = []
    for grid_text in split_multi(get("所在网格")):
        grid_id, problem = _grid_id(grid_text, lookups)
        if problem:
            problems.append(FieldProblem("grid_ids", problem))
        else:
            grid_ids.append(grid_id)
    if not get("代表层级"):
        problems.append(FieldProblem("levels", "代表层级必须填写，例如“区”或“市、区”。"))
    raw = DeputyData(
        name=get("姓名"), gender=get("性别"), ethnicity=get("民族"), birth_month=get("出生年月"), party=get("政治面貌"),
        levels=get("代表层级"), work_unit=get("工作单位及职务"), expertise=get("专长"), mobile=get("手机"),
        office_phone=get("办公电话"), station_id=station_id, grid_ids=grid_ids, status=get("状态"), notes=get("备注"),
    )
    data, field_problems = clean_deputy(raw, today)
    if not get("代表层级"):
        field_problems = [p for p in field_problems if p.field != "levels"]
    if "*" in get("手机") or "*" in get("办公电话"):
        field_problems = [p if p.field not in ("mobile", "office_phone") else FieldProblem(
            p.field, "号码中有 *（导出时隐藏了中间四位），请填写完整号码，或导出时选择“完整号码”。") for p in field_problems]
    return data, problems + field_problems


def _lookup_key(name: str) -> str:
    """Names as cells arrive: full-width brackets folded (（中心站） = (中心站)), no spaces, any case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name)).upper()


def _grid_id(text: str, lookups: _Lookups) -> tuple[int, str]:
    grid_id = lookups.grid_codes.get(_lookup_key(text))
    if grid_id is not None:
        return grid_id, ""
    by_name = lookups.grid_names.get(_lookup_key(text), [])
    if len(by_name) == 1:
        return by_name[0], ""
    if by_name:
        return 0, f"有多个网格叫“{text}”，请改填网格编号。"
    return 0, f"没有编号或名称为“{text}”的网格，请先在程序中添加或改正。"


def apply_import(db: Database, plan: ImportPlan, *, on_duplicate: str = SKIP) -> ImportResult:
    """Write the plan in one transaction. A later duplicate row wins over an earlier one when updating.

    Updates go through ORM objects (an audit row each); new deputies are inserted in bulk, with
    one audit note naming the file and everyone it added (5,000 rows in well under 3 s).
    """
    if on_duplicate not in (SKIP, UPDATE):
        raise ValueError(on_duplicate)
    final: dict[tuple[str, str], ImportRow] = {}
    skipped = 0
    for row in plan.rows:
        key = (row.data.name, row.data.mobile)
        if key in final or row.existing_id is not None:
            if on_duplicate == SKIP:
                skipped += 1
                continue
            if key in final:
                skipped += 1      # merged into one record: the later row's values win
        final[key] = row
    new_rows = [row for row in final.values() if row.existing_id is None]
    updates = [row for row in final.values() if row.existing_id is not None]
    with db.session() as session:
        updated = _apply_updates(session, updates, plan.columns)
        _insert_new(session, new_rows, plan.file_name)
        sync_primary_sites(session, [row.existing_id for row in updates])   # new ones got theirs in _insert_new
    return ImportResult(len(new_rows), updated, skipped, unchanged=len(updates) - updated)


def _apply_updates(session: Session, updates: list[ImportRow], columns: frozenset[str]) -> int:
    if not updates:
        return 0
    grids = {g.id: g for g in session.exec(select(Grid))}
    existing = {d.id: d for d in session.exec(select(Deputy).where(Deputy.id.in_([r.existing_id for r in updates])))}
    updated = 0
    for row in updates:
        deputy = existing[row.existing_id]
        with session.no_autoflush:   # a flush would hide the change from is_modified
            _update_from_row(deputy, row.data, columns, grids)
            updated += session.is_modified(deputy, include_collections=True)
    return updated


def _insert_new(session: Session, rows: list[ImportRow], file_name: str) -> None:
    if not rows:
        return
    table, links = Deputy.__table__, DeputyGridLink.__table__
    values = []
    for row in rows:
        data = row.data
        full, initials = pinyin_of(data.name)
        values.append({key: getattr(data, key) for key in IMPORTED_FIELDS} | {
            "name_pinyin": full, "name_initials": initials, "mobile_public": False, "photo_file": ""})
    connection = session.connection()
    new_ids = connection.execute(table.insert().returning(table.c.id, sort_by_parameter_order=True), values).scalars().all()
    grid_links = [{"deputy_id": deputy_id, "grid_id": grid_id}
                  for deputy_id, row in zip(new_ids, rows) for grid_id in row.data.grid_ids]
    if grid_links:
        connection.execute(links.insert(), grid_links)
    sites = [{"deputy_id": deputy_id, "station_id": row.data.station_id, "is_primary": True}
             for deputy_id, row in zip(new_ids, rows) if row.data.station_id is not None]
    if sites:
        connection.execute(DeputyStationLink.__table__.insert(), sites)
    write_bulk_note(session, table.name, "insert", {"来源": f"导入“{file_name}”", "行数": len(rows),
                                                   "代表": [f"{i}:{r.data.name}" for i, r in zip(new_ids, rows)]})


def _update_from_row(deputy: Deputy, data: DeputyData, columns: frozenset[str], grids: dict[int, Grid]) -> None:
    """Only the columns the file has replace the roster's values; the others are kept."""
    if "工作单位及职务" in columns and data.work_unit == f"{deputy.work_unit}{deputy.post}":
        data.work_unit, data.post = deputy.work_unit, deputy.post   # keep the form's split of unit and post
    else:
        data.post = "" if "工作单位及职务" in columns else deputy.post
    kept = {key for key, header in COLUMN_OF_FIELD.items() if header not in columns}
    for key in kept - {"grid_ids", "post"}:
        setattr(data, key, getattr(deputy, key))
    data.mobile_public, data.took_office_on, data.photo_file = (deputy.mobile_public, deputy.took_office_on,
                                                                deputy.photo_file)
    if data.status != deputy.status and data.status == DeputyStatus.SERVING.value:
        deputy.left_office_on = None
    new_grids = None if "所在网格" not in columns else [grids[i] for i in data.grid_ids]
    apply_data(deputy, data, new_grids)


def import_deputies(db: Database, path: Path | str, *, today: dt.date, on_duplicate: str | None = None) -> ImportResult:
    """Read, check and write a file. Raises DuplicatesFound when it has duplicates and no choice is given."""
    plan = read_import(db, path, today=today)
    if plan.duplicates and on_duplicate is None:
        raise DuplicatesFound(plan)
    return apply_import(db, plan, on_duplicate=on_duplicate or SKIP)

