"""五类十色: the clerk's list of special-household categories and their counts per grid."""
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlmodel import Session, select

from gridoffice.domain import Grid, GridHouseholdCount, HouseholdCategory
from gridoffice.domain.rules import normalize_text

from gridoffice.services.grids.editing import GridInputError, parse_count

COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_COLOR = "#607d8b"


@dataclass(frozen=True)
class CategoryRow:
    id: int | None           # None for a category the clerk is adding
    name: str
    color: str = DEFAULT_COLOR
    must_visit: bool = False


def list_categories(session: Session) -> list[CategoryRow]:
    return [CategoryRow(c.id, c.name, c.color, c.must_visit)
            for c in session.exec(select(HouseholdCategory).order_by(HouseholdCategory.sort_order, HouseholdCategory.id))]


def save_categories(session: Session, rows: Sequence[CategoryRow]) -> list[int]:
    """The list becomes `rows`, in that order: new rows added, missing ones deleted with their counts.

    Returns the ids of `rows`, in order (so a new row's counts can be stored right after).
    """
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


def category_usage(session: Session) -> dict[int, int]:
    """Households counted under each category, over all grids."""
    totals: dict[int, int] = {}
    for category_id, count in session.exec(select(GridHouseholdCount.category_id, GridHouseholdCount.count)):
        totals[category_id] = totals.get(category_id, 0) + count
    return totals


def grid_counts(session: Session, grid_id: int) -> dict[int, int]:
    return dict(session.exec(select(GridHouseholdCount.category_id, GridHouseholdCount.count)
                             .where(GridHouseholdCount.grid_id == grid_id)).all())


def all_grid_counts(session: Session) -> dict[int, dict[int, int]]:
    result: dict[int, dict[int, int]] = {}
    for grid_id, category_id, count in session.exec(
            select(GridHouseholdCount.grid_id, GridHouseholdCount.category_id, GridHouseholdCount.count)):
        result.setdefault(grid_id, {})[category_id] = count
    return result


def set_grid_counts(session: Session, grid_id: int, counts: Mapping[int, int | str]) -> None:
    """Counts per category for one grid; a category left out keeps its count.

    Each count is a whole number from 0 up and no more than the grid's households (when known).
    """
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
