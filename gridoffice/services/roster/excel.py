"""代表名册 in a spreadsheet: the template, the import (checked and previewed, then all or nothing) and the export.

read_import reads any spreadsheet the shared reader opens and checks every row; nothing is
written. The plan it returns says what would happen: rows to add, duplicates (same name and
mobile, within the file or already in the roster: skip or update), possible duplicates (same
mobile, another name: shown for the clerk to decide, never added silently), warnings, and
refused rows with their reasons. apply_import writes it in one transaction, and refuses a
plan with any refused row. Stations and grids must already exist.
"""
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.db.audit import write_bulk_note, write_rows
from gridoffice.domain import Deputy, DeputyGridLink, DeputyStationLink, Grid, Station
from gridoffice.domain.enums import DeputyStatus
from gridoffice.domain.rules import is_landline, mask_phone, normalize_phone, split_multi

from gridoffice.services.roster.deputies import DeputyData, FieldProblem, apply_data, clean_deputy
from gridoffice.services.common.excel_io import (FORMULA_PREFIXES, MONTH, MONTH_FORMAT, PHONE, TEXT_FORMAT, Column,
                                                 ExcelImportError, Reading, RowError, SheetRow, SheetSpec, TableSpec,
                                                 encoding_damage, read_table, refused_lines, write_sheet, write_workbook)
from gridoffice.services.common.pinyin import pinyin_of
from gridoffice.services.roster.rows import DeputyRow
from gridoffice.services.roster.sites import sync_primary_sites

HEADERS = ("姓名", "性别", "民族", "出生年月", "政治面貌", "代表层级", "工作单位及职务", "专长", "手机", "办公电话",
           "所属联络站", "所在网格", "状态", "备注")
REQUIRED = ("姓名", "代表层级")
COLUMN_WIDTHS = (10, 6, 8, 10, 14, 12, 36, 18, 14, 16, 28, 22, 8, 24)
# the columns an import recognises, with the words clerks and other systems use for them
COLUMNS = (
    Column("姓名", ("代表姓名", "名字", "人大代表姓名")),
    Column("性别"),
    Column("民族"),
    Column("出生年月", ("出生日期", "出生年月日", "出生时间", "生日", "出生年份月份"), MONTH),
    Column("政治面貌", ("党派", "政治面目", "党派面貌")),
    Column("代表层级", ("层级", "代表级别", "级别", "代表层次", "人大代表层级", "代表类别")),
    Column("工作单位及职务", ("工作单位", "工作单位和职务", "工作单位职务", "单位及职务", "单位职务", "工作单位及职位", "单位")),
    Column("职务", ("职位", "现任职务", "现职务")),
    Column("专长", ("特长", "专业特长", "专业领域", "专业")),
    Column("手机", ("手机号", "手机号码", "移动电话", "联系电话", "联系方式", "电话", "电话号码", "手机(必填)"), PHONE),
    Column("办公电话", ("单位电话", "固定电话", "座机", "办公室电话", "电话(办)", "电话(办公)", "办公室座机"), PHONE),
    Column("所属联络站", ("联络站", "进站", "所在联络站", "代表联络站", "进站联络站", "所属代表联络站", "进站情况")),
    Column("所在网格", ("网格", "所属网格", "联系网格", "网格编号", "所在网格编号")),
    Column("状态", ("在任状态", "任职状态", "是否在任")),
    Column("备注", ("说明",)),
)
SPEC = TableSpec("代表名册", COLUMNS, REQUIRED)
# the column that holds each DeputyData field, for row errors
COLUMN_OF_FIELD = {
    "name": "姓名", "gender": "性别", "ethnicity": "民族", "birth_month": "出生年月", "party": "政治面貌",
    "levels": "代表层级", "work_unit": "工作单位及职务", "post": "职务", "expertise": "专长", "mobile": "手机",
    "office_phone": "办公电话", "station_id": "所属联络站", "grid_ids": "所在网格", "status": "状态", "notes": "备注",
}
SKIP, UPDATE, ADD = "skip", "update", "add"
# the Deputy columns an imported row sets (the rest keep their defaults)
IMPORTED_FIELDS = ("name", "gender", "ethnicity", "birth_month", "party", "levels", "work_unit", "post", "expertise",
                   "mobile", "office_phone", "station_id", "status", "took_office_on", "notes")
TEMPLATE_NOTES = (
    ("姓名", "必填。生僻字（如 䶮、𠀾）可直接输入。"),
    ("性别", "男 或 女。"),
    ("出生年月", "如 1975-03 或 1975年3月。不要写成 1975.10（Excel 会把它当成数字 1975.1）。"),
    ("代表层级", "必填。全国、省、市、区、乡镇，可填多个，用 、 或 ， 分隔，如“市、区”。"),
    ("手机", "11 位手机号。"),
    ("办公电话", "带区号，如 0395-1234567。"),
    ("所属联络站", "须与程序中联络站的名称一致。"),
    ("所在网格", "网格编号或网格名称，可填多个，用 、 分隔。"),
    ("状态", "在任 或 离任，不填为在任。"),
    ("", "列的顺序可以调整，表头上方可以有标题行；除 姓名、代表层级 外，其他列可以没有。空行会被忽略。"),
    ("", "也可以导入 .xls、.et、.ods 和 .csv 文件。导入前程序会先列出将新增、更新、跳过的人和每个问题，确认后才写入。"),
    ("", "文件中任何一行有问题时，整个文件都不会导入，程序会列出每个问题所在的行、列和单元格。"),
)
PHONE_COLUMNS = ("手机", "办公电话")


# --- template and export ---------------------------------------------------------------------
EXPORT_FORMATS = {"手机": TEXT_FORMAT, "办公电话": TEXT_FORMAT, "所在网格": TEXT_FORMAT, "出生年月": MONTH_FORMAT}


def write_template(path: Path | str) -> Path:
    """An empty sheet with the headers, and a second sheet explaining each column."""
    return write_workbook(path, [
        SheetSpec("代表名册", HEADERS, [], COLUMN_WIDTHS, EXPORT_FORMATS),
        SheetSpec("填写说明", ("列", "填写要求"), TEMPLATE_NOTES, (14, 90), wrap={"填写要求"}, landscape=False),
    ])


def export_deputies(path: Path | str, rows: Sequence[DeputyRow], *, full_phone: bool = False) -> Path:
    """The rows with the template's columns; mobiles masked (138****1234) unless `full_phone`.
    Birth months are month cells (a date shown as 1975-03), phones and grid codes text."""
    def phone(value: str) -> str:
        return value if full_phone else mask_phone(value)

    cells = [[r.name, r.gender, r.ethnicity, _month_date(r.birth_month), r.party, r.levels, f"{r.work_unit}{r.post}",
              r.expertise, phone(r.mobile), phone(r.office_phone), r.station, r.grids, r.status, r.notes] for r in rows]
    return write_sheet(path, title="代表名册", headers=HEADERS, rows=cells, column_widths=COLUMN_WIDTHS,
                       formats=EXPORT_FORMATS)


def _month_date(month: str) -> dt.date | str:
    """'1975-03' → 1 March 1975, written as a date cell formatted yyyy-mm."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", month or "")
    return dt.date(int(match[1]), int(match[2]), 1) if match else (month or "")


# --- import ------------------------------------------------------------------------------------
@dataclass
class ImportRow:
    number: int                    # the row number Excel shows
    data: DeputyData
    existing_id: int | None = None  # the roster's deputy with the same name and mobile


@dataclass(frozen=True)
class Duplicate:
    """Same name and mobile as a deputy of the roster or an earlier row: skip or update (one choice for all)."""
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


@dataclass(frozen=True)
class PossibleDuplicate:
    """Same mobile as a deputy of the roster (or an earlier row) under another name: perhaps the
    same person with a name typed differently or damaged, perhaps a mistyped mobile. The clerk decides."""
    row: int
    name: str
    mobile: str
    other_name: str
    existing_id: int | None
    earlier_row: int | None

    @property
    def reason(self) -> str:
        if self.earlier_row is not None:
            return f"手机与文件第 {self.earlier_row} 行的“{self.other_name}”相同，姓名不同"
        return f"手机与名册中的“{self.other_name}”相同，姓名不同"

    @property
    def options(self) -> tuple[str, ...]:
        return (SKIP, UPDATE, ADD) if self.existing_id is not None else (SKIP, ADD)


POSSIBLE_CHOICES = {SKIP: "跳过这一行", UPDATE: "是同一人：更新名册中的代表（保留名册中的姓名）", ADD: "不是同一人：作为新代表添加"}


@dataclass
class ImportPlan:
    """A checked file: what would be added, updated and skipped, and every warning and refusal."""
    file_name: str
    columns: frozenset[str]
    rows: list[ImportRow] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    possible: list[PossibleDuplicate] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    refused: list[RowError] = field(default_factory=list)     # every problem of the refused rows
    reading: Reading | None = None

    @property
    def refused_rows(self) -> list[int]:
        return sorted({error.row for error in self.refused})

    @property
    def new_count(self) -> int:
        flagged = {d.row for d in self.duplicates} | {p.row for p in self.possible}
        return sum(1 for r in self.rows if r.number not in flagged)

    def outcome(self, on_duplicate: str = SKIP, possible: Mapping[int, str] | str = SKIP) -> "Outcome":
        """What apply_import would do with these choices (updates counted before comparing values)."""
        new_rows, updates, skipped, skipped_possible = _decide(self, on_duplicate, possible)
        return Outcome(len(new_rows), len(updates), skipped, skipped_possible)

    def summary_lines(self, on_duplicate: str = SKIP, possible: Mapping[int, str] | str = SKIP, *,
                      refused: bool = True) -> list[str]:
        """The preview in words, for the command line (the GUI shows the same in its dialog);
        refused=False leaves the refused rows out (the command line prints them as its error)."""
        lines = list(self.reading.lines()) if self.reading else [f"文件：{self.file_name}"]
        lines.append(f"有效数据 {len(self.rows)} 行。" + (f"被拒绝 {len(self.refused_rows)} 行。" if self.refused else ""))
        if self.refused and refused:
            lines += refused_lines(self.refused)
        if self.duplicates:
            lines.append(f"重复（姓名和手机都相同）{len(self.duplicates)} 行：")
            lines += [f"  第 {d.row} 行 {d.name} {mask_phone(d.mobile)}：{d.reason}" for d in self.duplicates]
        if self.possible:
            lines.append(f"可能重复（手机相同、姓名不同）{len(self.possible)} 行，需要决定如何处理：")
            lines += [f"  第 {p.row} 行 {p.name} {mask_phone(p.mobile)}：{p.reason}" for p in self.possible]
        if self.warnings:
            lines.append(f"警告 {len(self.warnings)} 处（已按说明处理，请核对）：")
            lines += [f"  {warning}" for warning in self.warnings]
        if not self.refused:
            lines.append(self.outcome(on_duplicate, possible).describe(will=True))
        return lines


@dataclass(frozen=True)
class Outcome:
    added: int
    updated: int
    skipped: int
    skipped_possible: int = 0

    def describe(self, *, will: bool = False) -> str:
        parts = [f"新增 {self.added} 人", f"更新 {self.updated} 人"]
        if self.skipped:
            parts.append(f"跳过重复 {self.skipped} 人")
        if self.skipped_possible:
            parts.append(f"跳过可能重复 {self.skipped_possible} 人")
        return ("将" if will else "") + "，".join(parts) + "。"


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    skipped: int
    unchanged: int = 0    # duplicates chosen for update whose values were already the same
    skipped_possible: int = 0

    def describe(self) -> str:
        parts = [f"新增 {self.added} 人"]
        if self.updated:
            parts.append(f"更新 {self.updated} 人")
        if self.unchanged:
            parts.append(f"{self.unchanged} 人内容相同无需更新")
        if self.skipped:
            parts.append(f"跳过重复 {self.skipped} 人")
        if self.skipped_possible:
            parts.append(f"跳过可能重复 {self.skipped_possible} 人")
        return "导入完成：" + "，".join(parts) + "。"


class DuplicatesFound(Exception):
    """The file is valid but holds duplicates or possible duplicates and no choice was given
    (command line without --duplicates / --possible-duplicates)."""

    def __init__(self, plan: ImportPlan, *, possible: bool = False):
        self.plan = plan
        self.possible = possible
        if possible:
            lines = [f"第 {p.row} 行 {p.name} {mask_phone(p.mobile)}：{p.reason}" for p in plan.possible]
            head = f"文件中有 {len(plan.possible)} 行可能重复（手机与已有的代表相同、姓名不同），没有导入任何数据：\n"
        else:
            lines = [f"第 {d.row} 行 {d.name} {mask_phone(d.mobile)}：{d.reason}" for d in plan.duplicates]
            head = f"文件中有 {len(plan.duplicates)} 条重复记录，没有导入任何数据：\n"
        super().__init__(head + "\n".join(lines))


@dataclass
class _Lookups:
    stations: dict[str, int]
    grid_codes: dict[str, int]
    grid_names: dict[str, list[int]]
    deputies: dict[tuple[str, str], int]
    by_mobile: dict[str, tuple[int, str]]

    @classmethod
    def load(cls, session: Session) -> "_Lookups":
        """One query per table: imports of thousands of rows never query row by row."""
        grid_names: dict[str, list[int]] = {}
        grid_codes = {}
        for grid_id, code, name in session.exec(select(Grid.id, Grid.code, Grid.name)):
            grid_codes[_lookup_key(code)] = grid_id
            grid_names.setdefault(_lookup_key(name), []).append(grid_id)
        deputies, by_mobile = {}, {}
        for id_, name, mobile in session.exec(select(Deputy.id, Deputy.name, Deputy.mobile).order_by(Deputy.id)):
            deputies[(name, mobile)] = id_
            if mobile:
                by_mobile.setdefault(mobile, (id_, name))
        return cls(
            stations={_lookup_key(name): id_ for id_, name in session.exec(select(Station.id, Station.name))},
            grid_codes=grid_codes, grid_names=grid_names, deputies=deputies, by_mobile=by_mobile,
        )


def read_import(db: Database, path: Path | str, *, today: dt.date, sheet: str | None = None) -> ImportPlan:
    """Read and check the file; nothing is written. Raises ExcelFileError for a file that cannot be
    used (SheetChoiceNeeded when several sheets have the header and `sheet` is None). Rows with
    problems are in plan.refused; write the plan with apply_import."""
    table = read_table(path, SPEC, sheet=sheet)
    with db.session() as session:
        lookups = _Lookups.load(session)
    plan = ImportPlan(table.file_name, frozenset(table.columns) | set(REQUIRED), reading=table.reading())
    first_row_of: dict[tuple[str, str], int] = {}
    first_by_mobile: dict[str, tuple[int, str]] = {}
    for sheet_row in table.rows:
        data, problems, warnings = _check_row(sheet_row, lookups, today)
        plan.warnings += warnings
        if problems:
            plan.refused += problems
            continue
        key = (data.name, data.mobile)
        existing = lookups.deputies.get(key)
        row = ImportRow(sheet_row.number, data, existing)
        plan.rows.append(row)
        if key in first_row_of:
            plan.duplicates.append(Duplicate(row.number, data.name, data.mobile, existing, first_row_of[key]))
        elif existing is not None:
            plan.duplicates.append(Duplicate(row.number, data.name, data.mobile, existing, None))
        elif data.mobile and data.mobile in lookups.by_mobile:
            other_id, other_name = lookups.by_mobile[data.mobile]
            plan.possible.append(PossibleDuplicate(row.number, data.name, data.mobile, other_name, other_id, None))
        elif data.mobile and data.mobile in first_by_mobile:
            earlier, other_name = first_by_mobile[data.mobile]
            plan.possible.append(PossibleDuplicate(row.number, data.name, data.mobile, other_name, None, earlier))
        first_row_of.setdefault(key, row.number)
        if data.mobile:
            first_by_mobile.setdefault(data.mobile, (row.number, data.name))
    return plan


def _check_row(row: SheetRow, lookups: "_Lookups", today: dt.date) -> tuple[DeputyData, list[RowError], list[RowError]]:
    """The row's data, its refusals and its warnings, each with the column and the cell."""
    values = {header: _unneutralised(text) for header, text in row.values.items()}
    warnings = list(row.warnings)
    refused = list(row.problems)
    broken = {error.column for error in refused}

    def error(header: str, reason: str) -> RowError:
        return RowError(row.number, header, reason, row.cell(header))

    name_problem = _name_problem(values.get("姓名", ""))
    if name_problem:
        refused.append(error("姓名", name_problem))
    for header, text in values.items():
        if header != "姓名" and text and "\ufffd" in text:
            warnings.append(error(header, f"{encoding_damage(text)}，请核对。"))
    mobile, office = normalize_phone(values.get("手机", "")), normalize_phone(values.get("办公电话", ""))
    if mobile and is_landline(mobile) and not office:
        values["手机"], values["办公电话"] = "", mobile
        warnings.append(error("手机", f"“{mobile}”是固定电话，已作为办公电话导入。"))
    data, problems = _row_data(values.get, lookups, today)
    for problem in problems:
        header = COLUMN_OF_FIELD.get(problem.field, "")
        if header in broken:
            continue          # the reader already said what is wrong with this cell
        refused.append(error(header, problem.message) if header else RowError(row.number, "", problem.message))
    return data, refused, warnings


def _name_problem(name: str) -> str:
    """A name with a character lost to a wrong encoding, or one no font can show, is not a name."""
    damage = encoding_damage(name, question_marks=True)
    if damage:
        return f"姓名“{name}”{damage}。请改正为正确的姓名后再导入。"
    if any(not _plainly_shown(char) for char in name):
        from gridoffice.services.common.fonts import missing_glyphs   # loads the fonts: only for rare characters

        missing = missing_glyphs(name)
        if missing:
            return (f"姓名“{name}”中的“{''.join(missing)}”（{'、'.join(f'U+{ord(c):04X}' for c in missing)}）"
                    "程序的字体中没有，显示和打印时会缺字，也可能是乱码。请核对改正；如确是生僻字，请导入后在程序中手工录入这位代表。")
    return ""


def _plainly_shown(char: str) -> bool:
    """Characters every bundled font has: the common CJK block, ASCII letters, the 中间点 of minority names."""
    return "\u4e00" <= char <= "\u9fa5" or (char.isascii() and char.isalnum()) or char in "·"


def _unneutralised(text: str) -> str:
    """'@律师事务所 → @律师事务所: the apostrophe older exports put before = + - @ is not part of the value."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES) else text


def _row_data(get, lookups: _Lookups, today: dt.date) -> tuple[DeputyData, list[FieldProblem]]:
    problems: list[FieldProblem] = []
    station_id = None
    station_name = get("所属联络站") or ""
    if station_name:
        station_id = lookups.stations.get(_lookup_key(station_name))
        if station_id is None:
            problems.append(FieldProblem("station_id", f"没有名为“{station_name}”的联络站，请先在程序中添加或改正名称。"))
    grid_ids = []
    for grid_text in split_multi(get("所在网格") or ""):
        grid_id, problem = _grid_id(grid_text, lookups)
        if problem:
            problems.append(FieldProblem("grid_ids", problem))
        else:
            grid_ids.append(grid_id)
    if not get("代表层级"):
        problems.append(FieldProblem("levels", "代表层级必须填写，例如“区”或“市、区”。"))
    raw = DeputyData(
        name=get("姓名") or "", gender=get("性别") or "", ethnicity=get("民族") or "", birth_month=get("出生年月") or "",
        party=get("政治面貌") or "", levels=get("代表层级") or "", work_unit=get("工作单位及职务") or "",
        post=get("职务") or "", expertise=get("专长") or "", mobile=get("手机") or "", office_phone=get("办公电话") or "",
        station_id=station_id, grid_ids=grid_ids, status=get("状态") or "", notes=get("备注") or "",
    )
    data, field_problems = clean_deputy(raw, today)
    if not get("代表层级"):
        field_problems = [p for p in field_problems if p.field != "levels"]
    if "*" in (get("手机") or "") or "*" in (get("办公电话") or ""):
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


def _decide(plan: ImportPlan, on_duplicate: str, possible: Mapping[int, str] | str
            ) -> tuple[list[ImportRow], list[ImportRow], int, int]:
    """(rows to add, rows that update a deputy, duplicates skipped, possible duplicates skipped).
    A later duplicate row wins over an earlier one when updating."""
    if on_duplicate not in (SKIP, UPDATE):
        raise ValueError(on_duplicate)
    flagged = {p.row: p for p in plan.possible}
    final: dict[tuple[str, str], ImportRow] = {}
    added_anyway: list[ImportRow] = []
    updates_of_possible: dict[int, ImportRow] = {}
    skipped = skipped_possible = 0
    for row in plan.rows:
        suspect = flagged.get(row.number)
        if suspect is not None:
            choice = possible if isinstance(possible, str) else possible.get(row.number, SKIP)
            if choice not in suspect.options:
                raise ValueError(f"row {row.number}: {choice}")
            if choice == SKIP:
                skipped_possible += 1
            elif choice == ADD:
                added_anyway.append(row)
            else:   # the same person: the roster keeps its name, the file's other columns are taken
                data = DeputyData(**{**row.data.__dict__, "name": suspect.other_name})
                updates_of_possible[suspect.existing_id] = ImportRow(row.number, data, suspect.existing_id)
            continue
        key = (row.data.name, row.data.mobile)
        if key in final or row.existing_id is not None:
            if on_duplicate == SKIP:
                skipped += 1
                continue
            if key in final:
                skipped += 1      # merged into one record: the later row's values win
        final[key] = row
    new_rows = [row for row in final.values() if row.existing_id is None] + added_anyway
    updates = [row for row in final.values() if row.existing_id is not None]
    updated_ids = {row.existing_id for row in updates}
    updates += [row for id_, row in updates_of_possible.items() if id_ not in updated_ids]
    return new_rows, updates, skipped, skipped_possible


def apply_import(db: Database, plan: ImportPlan, *, on_duplicate: str = SKIP,
                 possible: Mapping[int, str] | str = SKIP) -> ImportResult:
    """Write the plan in one transaction; a plan with refused rows raises ExcelImportError (nothing written).

    `possible`: SKIP, UPDATE or ADD for every possible duplicate, or {row number: choice}
    (rows not named are skipped). Updates go through ORM objects (an audit row each); new
    deputies are inserted in bulk, with one audit note naming the file and everyone it added.
    """
    if plan.refused:
        raise ExcelImportError(plan.refused)
    new_rows, updates, skipped, skipped_possible = _decide(plan, on_duplicate, possible)
    with db.session() as session:
        updated = _apply_updates(session, updates, plan.columns)
        _insert_new(session, new_rows, plan.file_name)
        sync_primary_sites(session, [row.existing_id for row in updates])   # new ones got theirs in _insert_new
    return ImportResult(len(new_rows), updated, skipped, unchanged=len(updates) - updated,
                        skipped_possible=skipped_possible)


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
    # each deputy and each grid link its audit row, as the form would have written them
    write_rows(session, table.name, "insert", {
        deputy_id: {key: value for key, value in row_values.items() if value not in (None, "")}
        | ({"grids": [str(g) for g in row.data.grid_ids]} if row.data.grid_ids else {})
        for deputy_id, row_values, row in zip(new_ids, values, rows)})
    write_rows(session, links.name, "insert", {f"{link['deputy_id']}/{link['grid_id']}": link for link in grid_links})
    write_rows(session, DeputyStationLink.__table__.name, "insert",
               {f"{site['deputy_id']}/{site['station_id']}": site for site in sites})
    write_bulk_note(session, table.name, "insert", {"来源": f"导入“{file_name}”", "行数": len(rows),
                                                   "代表": [f"{i}:{r.data.name}" for i, r in zip(new_ids, rows)]})


def _update_from_row(deputy: Deputy, data: DeputyData, columns: frozenset[str], grids: dict[int, Grid]) -> None:
    """Only the columns the file has replace the roster's values; the others are kept."""
    has_unit, has_post = "工作单位及职务" in columns, "职务" in columns
    if has_unit and not has_post:
        if data.work_unit == f"{deputy.work_unit}{deputy.post}":
            data.work_unit, data.post = deputy.work_unit, deputy.post   # keep the form's split of unit and post
        else:
            data.post = ""
    elif not has_unit:
        data.work_unit = deputy.work_unit
        if not has_post:
            data.post = deputy.post
    kept = {key for key, header in COLUMN_OF_FIELD.items() if header not in columns}
    for key in kept - {"grid_ids", "post", "work_unit"}:
        setattr(data, key, getattr(deputy, key))
    data.mobile_public, data.took_office_on, data.photo_file = (deputy.mobile_public, deputy.took_office_on,
                                                                deputy.photo_file)
    if data.status != deputy.status and data.status == DeputyStatus.SERVING.value:
        deputy.left_office_on = None
    new_grids = None if "所在网格" not in columns else [grids[i] for i in data.grid_ids]
    apply_data(deputy, data, new_grids)


def import_deputies(db: Database, path: Path | str, *, today: dt.date, on_duplicate: str | None = None,
                    possible: str | None = None, sheet: str | None = None) -> ImportResult:
    """Read, check and write a file. Raises ExcelImportError when a row is refused, and
    DuplicatesFound when it has duplicates (or possible duplicates) and no choice is given."""
    plan = read_import(db, path, today=today, sheet=sheet)
    if plan.refused:
        raise ExcelImportError(plan.refused)
    if plan.duplicates and on_duplicate is None:
        raise DuplicatesFound(plan)
    if plan.possible and possible is None:
        raise DuplicatesFound(plan, possible=True)
    return apply_import(db, plan, on_duplicate=on_duplicate or SKIP, possible=possible or SKIP)
