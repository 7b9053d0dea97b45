"""五类十色: the clerk's list of special-household categories and their counts per grid."""
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Community, Grid, GridHouseholdCount, HouseholdCategory
from gridoffice.domain.rules import normalize_text

from gridoffice.services.grids.values import GridInputError, parse_count

COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_COLOR = "#607d8b"


@dataclass(frozen=True)
class CategoryRow:
    id: int | None           # None for a category the clerk is adding
    name: str
    color: str = DEFAULT_COLOR
    must_visit: bool = False


@dataclass(frozen=True)
class SheetGrid:
    id: int
    code: str
    name: str
    households: int
    community_id: int


@dataclass(frozen=True)
class HouseholdsSheet:
    """The 重点户 dialog's data: the categories, every grid with its counts, the communities to filter by."""
    categories: list[CategoryRow]
    grids: list[SheetGrid]                   # community by community
    counts: dict[int, dict[int, int]]        # grid id → category id → households


def list_categories(db: Database) -> list[CategoryRow]:
    with db.session() as session:
        return read_categories(session)


def read_categories(session: Session) -> list[CategoryRow]:
    return [CategoryRow(c.id, c.name, c.color, c.must_visit)
            for c in session.exec(select(HouseholdCategory).order_by(HouseholdCategory.sort_order, HouseholdCategory.id))]


def households_sheet(db: Database) -> HouseholdsSheet:
    with db.session() as session:
        grids = [SheetGrid(*row) for row in session.exec(
            select(Grid.id, Grid.code, Grid.name, Grid.households, Grid.community_id)
            .join(Community, Community.id == Grid.community_id).order_by(Community.id, Grid.code))]
        counts: dict[int, dict[int, int]] = {}
        for grid_id, category_id, count in session.exec(
                select(GridHouseholdCount.grid_id, GridHouseholdCount.category_id, GridHouseholdCount.count)):
            counts.setdefault(grid_id, {})[category_id] = count
        return HouseholdsSheet(read_categories(session), grids, counts)


def save_households(db: Database, categories: Sequence[CategoryRow],
                    counts: Mapping[tuple[int, int], int | str]) -> list[int]:
    """The category list and the counts together, in one transaction.

    `counts` is keyed by (grid id, position of the category in `categories`), so a category
    added in the same dialog gets its counts. Returns the categories' ids, in order.
    """
    with db.session() as session:
        ids = _save_categories(session, categories)
        by_grid: dict[int, dict[int, int | str]] = {}
        for (grid_id, position), count in counts.items():
            by_grid.setdefault(grid_id, {})[ids[position]] = count
        for grid_id, grid_counts in by_grid.items():
            set_grid_counts(session, grid_id, grid_counts)
        return ids


def _save_categories(session: Session, rows: Sequence[CategoryRow]) -> list[int]:
    """The list becomes `rows`, in that order: new rows added, missing ones deleted with their counts."""
    names: set[str] = set()
    cleaned = []
    for number, row in enumerate(rows, start=1):
        name = normalize_text(row.name)
        if not name:
            raise GridInputError("categories", f"第 {number} 个类别没有名称。")
        if len(name) > 50:
            raise GridInputError("categories", f"类别名称“{name[:10]}…”太长，不能超过 50 个字。")
        if name in names:
            raise GridInputError("categories", f"类别“{name}”重复了。")
        if not COLOR_RE.match(row.color):
            raise GridInputError("categories", f"类别“{name}”的颜色“{row.color}”无效，应为 #RRGGBB。")
        names.add(name)
        cleaned.append(CategoryRow(row.id, name, row.color.lower(), row.must_visit))
    existing = {c.id: c for c in session.exec(select(HouseholdCategory))}
    kept = {row.id for row in cleaned if row.id is not None}
    for category_id, category in existing.items():
        if category_id not in kept:
            for count in session.exec(select(GridHouseholdCount).where(GridHouseholdCount.category_id == category_id)):
                session.delete(count)
            session.delete(category)
    session.flush()  # a deleted name may be reused below
    saved = []
    for order, row in enumerate(cleaned, start=1):
        category = existing.get(row.id) if row.id is not None else None
        if category is None:
            category = HouseholdCategory()
        category.name, category.color, category.must_visit, category.sort_order = (
            row.name, row.color, row.must_visit, order)
        session.add(category)
        saved.append(category)
    session.flush()
    return [category.id for category in saved]


def grid_counts(session: Session, grid_id: int) -> dict[int, int]:
    return dict(session.exec(select(GridHouseholdCount.category_id, GridHouseholdCount.count)
                             .where(GridHouseholdCount.grid_id == grid_id)).all())


def set_grid_counts(session: Session, grid_id: int, counts: Mapping[int, int | str]) -> None:
    """Counts per category for one grid (part of saving the grid editor or this sheet); a category
    left out keeps its count. Each count is a whole number from 0 up and no more than the grid's
    households (when known)."""
    grid = session.get(Grid, grid_id)
    if grid is None:
        raise GridInputError("special", "该网格已不存在，请刷新后再试。")
    categories = {c.id: c.name for c in session.exec(select(HouseholdCategory))}
    current = {c.category_id: c for c in session.exec(select(GridHouseholdCount)
                                                        .where(GridHouseholdCount.grid_id == grid_id))}
    for category_id, value in counts.items():
        if category_id not in categories:
            raise GridInputError("special", "有一个重点户类别已被删除，请关闭后重新打开。")
        name = categories[category_id]
        count = parse_count(value, field="special", label=f"{grid.code} 的{name}户数")
        if grid.households and count > grid.households:
            raise GridInputError("special", f"{grid.code} 的{name} {count} 户，超过了网格总户数 {grid.households}。")
        row = current.get(category_id)
        if row is None:
            if count:
                session.add(GridHouseholdCount(grid_id=grid_id, category_id=category_id, count=count))
        elif row.count != count:
            row.count = count
            session.add(row)
    session.flush()
