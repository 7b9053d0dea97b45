"""重点户 from the community's spreadsheet, and the ledger out to one.

The import reads the whole file and checks every row before anything is written: one bad row and
nothing is imported, every problem listed by row and column. A row whose address is already in the
ledger is a duplicate: the caller chooses to skip or update those (never a second household at one
address); two rows of the file with one address are an error. Grids, categories, deputies and grid
workers must already exist. Reading goes through excel_io.read_sheet, kept to its interface.
"""
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Deputy, Grid, Household, HouseholdCategory, Person
from gridoffice.domain.enums import DeputyStatus
from gridoffice.domain.household_rules import compose_address
from gridoffice.domain.rules import split_multi

from gridoffice.services.common.excel_io import ExcelImportError, RowError, read_sheet, write_sheet
from gridoffice.services.common.lookups import color_name, household_color_choices
from gridoffice.services.households.ledger import (HouseholdInput, HouseholdInputError, clean_household,
                                                   list_households, store_household)

HEADERS = ("所属网格", "地址", "楼栋", "单元", "房号", "姓名", "电话", "类别", "颜色", "联系代表", "网格员", "备注")
REQUIRED = ("所属网格", "地址", "姓名", "类别")
EXPORT_HEADERS = (*HEADERS, "上次走访", "下次应访", "原因")
COLUMN_WIDTHS = (12, 18, 8, 8, 8, 10, 14, 20, 8, 10, 10, 24, 12, 12, 20)
COLUMN_OF_FIELD = {"grid": "所属网格", "place": "地址", "building": "楼栋", "unit": "单元", "room": "房号", "name": "姓名",
                   "phone": "电话", "categories": "类别", "color": "颜色", "deputy": "联系代表", "worker": "网格员"}
SKIP, UPDATE = "skip", "update"


@dataclass(frozen=True)
class DuplicateRow:
    row: int
    address: str
    existing_id: int


@dataclass
class HouseholdPlan:
    """A checked file: every row valid, the duplicates of the ledger named."""
    file_name: str
    rows: list[tuple[int, HouseholdInput, int | None]] = field(default_factory=list)   # (row, data, existing id)
    duplicates: list[DuplicateRow] = field(default_factory=list)

    @property
    def new_count(self) -> int:
        return sum(1 for _row, _data, existing in self.rows if existing is None)


@dataclass(frozen=True)
class HouseholdImportResult:
    added: int
    updated: int
    skipped: int
    replaced: int      # "未逐户登记" households replaced by the ones added

    def describe(self) -> str:
        parts = [f"新增 {self.added} 户"]
        if self.updated:
            parts.append(f"更新 {self.updated} 户")
        if self.skipped:
            parts.append(f"跳过 {self.skipped} 户（台账中已有同一地址）")
        if self.replaced:
            parts.append(f"抵减“未逐户登记” {self.replaced} 户")
        return "重点户导入完成：" + "，".join(parts) + "。"


def read_households(db: Database, path: Path | str) -> HouseholdPlan:
    """Check the file; raises ExcelFileError (unusable file) or ExcelImportError (bad rows)."""
    path = Path(path)
    sheet = read_sheet(path, required=REQUIRED, known=HEADERS)
    plan = HouseholdPlan(path.name)
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    with db.session() as session:
        lookups = _Lookups(session)
        for row in sheet:
            data, problems = lookups.household(row)
            errors.extend(RowError(row.number, column, reason) for column, reason in problems)
            if problems:
                continue
            address = compose_address(data.place, data.building, data.unit, data.room)
            if address in seen:
                errors.append(RowError(row.number, "房号", f"地址“{address}”与第 {seen[address]} 行相同，同一地址只能登记一户。"))
                continue
            seen[address] = row.number
            existing = session.exec(select(Household.id).where(Household.address == address,
                                                               Household.placeholder_count == 0)).first()
            try:
                clean = clean_household(session, data, household_id=existing)
            except HouseholdInputError as error:
                errors.append(RowError(row.number, COLUMN_OF_FIELD.get(error.field, ""), str(error)))
                continue
            plan.rows.append((row.number, clean, existing))
            if existing is not None:
                plan.duplicates.append(DuplicateRow(row.number, address, existing))
    if errors:
        raise ExcelImportError(errors)
    if not plan.rows:
        raise ExcelImportError([RowError(1, "", "文件中没有任何重点户。")])
    return plan


def apply_households(db: Database, plan: HouseholdPlan, *, today: dt.date, on_duplicate: str = SKIP) -> HouseholdImportResult:
    """Write the checked rows in one transaction (each household audited)."""
    if on_duplicate not in (SKIP, UPDATE):
        raise ValueError(on_duplicate)
    added = updated = skipped = replaced = 0
    with db.session() as session:
        for _row, data, existing in plan.rows:
            if existing is not None and on_duplicate == SKIP:
                skipped += 1
                continue
            saved = store_household(session, data, existing, today=today)
            if existing is None:
                added += 1
                replaced += len(saved.replaced)
            else:
                updated += 1
    return HouseholdImportResult(added, updated, skipped, replaced)


def import_households(db: Database, path: Path | str, *, today: dt.date, on_duplicate: str = SKIP) -> HouseholdImportResult:
    return apply_households(db, read_households(db, path), today=today, on_duplicate=on_duplicate)


class _Lookups:
    """Names in the file → ids, read once."""

    def __init__(self, session: Session):
        self.grids = {}
        for grid_id, code, name in session.exec(select(Grid.id, Grid.code, Grid.name)):
            self.grids[code.upper()] = grid_id
            self.grids.setdefault(name, grid_id)
        self.categories = dict(session.exec(select(HouseholdCategory.name, HouseholdCategory.id)).all())
        self.deputies: dict[str, list[int]] = {}
        for deputy_id, name in session.exec(select(Deputy.id, Deputy.name).where(Deputy.status == DeputyStatus.SERVING.value)):
            self.deputies.setdefault(name, []).append(deputy_id)
        self.people: dict[str, list[int]] = {}
        for person_id, name in session.exec(select(Person.id, Person.name).where(Person.active)):
            self.people.setdefault(name, []).append(person_id)
        self.colors = {c.name: c.color for c in household_color_choices()} | {
            c.label: c.color for c in household_color_choices()}

    def household(self, row) -> tuple[HouseholdInput, list[tuple[str, str]]]:
        problems: list[tuple[str, str]] = []
        grid_text = row.get("所属网格")
        grid_id = self.grids.get(grid_text.upper()) or self.grids.get(grid_text)
        if grid_id is None:
            problems.append(("所属网格", f"没有编号或名称为“{grid_text}”的网格。"))
        category_ids = []
        for name in split_multi(row.get("类别")):
            if name in self.categories:
                category_ids.append(self.categories[name])
            else:
                problems.append(("类别", f"没有名为“{name}”的重点户类别，可用：{'、'.join(self.categories)}。"))
        color = ""
        if row.get("颜色"):
            color = self.colors.get(row.get("颜色"), "")
            if not color:
                problems.append(("颜色", f"颜色“{row.get('颜色')}”不在十色之中（红、橙、黄、绿、青、蓝、紫、粉、棕、灰）。"))
        deputy_id = self._one(row.get("联系代表"), self.deputies, "联系代表", "在任代表", problems)
        worker_id = self._one(row.get("网格员"), self.people, "网格员", "人员名册中的人", problems)
        data = HouseholdInput(grid_id, row.get("地址"), row.get("楼栋"), row.get("单元"), row.get("房号"), row.get("姓名"),
                              row.get("电话"), category_ids, color, deputy_id, worker_id, row.get("备注"))
        return data, problems

    @staticmethod
    def _one(name: str, table: dict[str, list[int]], column: str, what: str, problems: list) -> int | None:
        if not name:
            return None
        ids = table.get(name, [])
        if len(ids) == 1:
            return ids[0]
        problems.append((column, f"“{name}”不是{what}。" if not ids else f"有 {len(ids)} 个“{name}”，请在程序中逐户选择。"))
        return None


def export_households(db: Database, path: Path | str, *, today: dt.date, grid_id: int | None = None,
                      with_contact: bool = False) -> int:
    """The ledger (one grid, or all) with the import's columns plus the last and next visit; names,
    phones and door numbers masked unless `with_contact`. Returns the households written."""
    rows = list_households(db, today=today, grid_id=grid_id, full=with_contact, include_placeholders=False)
    details = _address_parts(db, [r.id for r in rows]) if with_contact else {}
    cells = []
    for r in rows:
        place, building, unit, room = details.get(r.id, (r.address, "", "", ""))
        cells.append([r.grid_code, place, building, unit, room, r.name, r.phone, r.categories,
                      color_name(r.color).removesuffix("色"), r.deputy, r.worker, r.notes if with_contact else "",
                      r.last_visit_on or "", r.next_due_on or "", r.due_reason])
    write_sheet(path, title="重点户台账", headers=EXPORT_HEADERS, rows=cells, column_widths=COLUMN_WIDTHS)
    return len(cells)


def _address_parts(db: Database, ids: list[int]) -> dict[int, tuple[str, str, str, str]]:
    with db.session() as session:
        parts = {}
        for start in range(0, len(ids), 900):
            for household_id, *values in session.exec(select(Household.id, Household.place, Household.building,
                                                             Household.unit, Household.room)
                                                      .where(Household.id.in_(ids[start:start + 900]))):
                parts[household_id] = tuple(values)
        return parts
