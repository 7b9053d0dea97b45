"""五类十色: the clerk's list of special-household categories and their counts per grid.

The counts come from the household ledger (services/households/ledger.py): a grid's count of a
category is its households of that category plus its "未逐户登记" entry, if any. Setting a count
here sets that entry to the difference, so an office that keeps only counts can go on doing so,
and a count can never fall below the households registered one by one.
"""
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Community, Grid, Household, HouseholdCategory, HouseholdCategoryLink
from gridoffice.domain.household_rules import PLACEHOLDER_NAME
from gridoffice.services.common.kind_lists import check_color, entry_name

from gridoffice.services.households.ledger import counts_by_grid, refresh_cycle_due

from gridoffice.services.grids.values import GridInputError, parse_count

DEFAULT_COLOR = "#607d8b"


@dataclass(frozen=True)
class CategoryRow:
    id: int | None           # None for a category the clerk is adding
    name: str
    color: str = DEFAULT_COLOR
    must_visit: bool = False
    visit_every_days: int = 0        # a regular visit every N days (0: none)


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
    return [CategoryRow(c.id, c.name, c.color, c.must_visit, c.visit_every_days)
            for c in session.exec(select(HouseholdCategory).order_by(HouseholdCategory.sort_order, HouseholdCategory.id))]


def households_sheet(db: Database) -> HouseholdsSheet:
    with db.session() as session:
        grids = [SheetGrid(*row) for row in session.exec(
            select(Grid.id, Grid.code, Grid.name, Grid.households, Grid.community_id)
            .join(Community, Community.id == Grid.community_id).order_by(Community.id, Grid.code))]
        return HouseholdsSheet(read_categories(session), grids, dict(counts_by_grid(session)))


def save_households(db: Database, categories: Sequence[CategoryRow],
                    counts: Mapping[tuple[int, int], int | str] | None = None) -> list[int]:
    """The category list and the counts together, in one transaction.

    `counts` is keyed by (grid id, position of the category in `categories`), so a category
    added in the same dialog gets its counts. Returns the categories' ids, in order.
    """
    with db.session() as session:
        ids = _save_categories(session, categories)
        by_grid: dict[int, dict[int, int | str]] = {}
        for (grid_id, position), count in (counts or {}).items():
            by_grid.setdefault(grid_id, {})[ids[position]] = count
        for grid_id, grid_counts in by_grid.items():
            set_grid_counts(session, grid_id, grid_counts)
        return ids


def _refuse_category(message: str) -> GridInputError:
    return GridInputError("categories", message)


def _save_categories(session: Session, rows: Sequence[CategoryRow]) -> list[int]:
    """The list becomes `rows`, in that order: new rows added, missing ones deleted with their counts."""
    names: set[str] = set()
    cleaned = []
    for number, row in enumerate(rows, start=1):
        name = entry_name(row.name, number, names, noun="类别", limit=50, refuse=_refuse_category)
        check_color(name, row.color, noun="类别", refuse=_refuse_category)
        if not 0 <= int(row.visit_every_days) <= 365:
            raise GridInputError("categories", f"类别“{name}”的定期走访间隔应在 0 到 365 天之间（0 表示不定期）。")
        cleaned.append(CategoryRow(row.id, name, row.color.lower(), row.must_visit, int(row.visit_every_days)))
    existing = {c.id: c for c in session.exec(select(HouseholdCategory))}
    kept = {row.id for row in cleaned if row.id is not None}
    for category_id, category in existing.items():
        if category_id not in kept:
            _delete_category(session, category)
    session.flush()  # a deleted name may be reused below
    saved = []
    cycles_changed = [row.id for row in cleaned if row.id in existing and
                      existing[row.id].visit_every_days != row.visit_every_days]
    for order, row in enumerate(cleaned, start=1):
        category = existing.get(row.id) if row.id is not None else None
        if category is None:
            category = HouseholdCategory()
        category.name, category.color, category.must_visit, category.sort_order = (
            row.name, row.color, row.must_visit, order)
        category.visit_every_days = row.visit_every_days
        session.add(category)
        saved.append(category)
    session.flush()
    if cycles_changed:   # the regular visits of those categories' households fall due on other days now
        affected = session.exec(select(HouseholdCategoryLink.household_id)
                                .where(HouseholdCategoryLink.category_id.in_(cycles_changed))).all()
        refresh_cycle_due(session, sorted(set(affected)))
    return [category.id for category in saved]


def _delete_category(session: Session, category: HouseholdCategory) -> None:
    """A category households are registered in cannot go (they would lose it); its "未逐户登记"
    entries go with it, each deletion audited."""
    from gridoffice.domain import MustVisitRuleCategory

    entries = session.exec(select(Household).join(HouseholdCategoryLink, HouseholdCategoryLink.household_id == Household.id)
                           .where(HouseholdCategoryLink.category_id == category.id)).all()
    real = [h for h in entries if not h.placeholder_count]
    if real:
        raise GridInputError("categories", f"台账中还有 {len(real)} 户登记为“{category.name}”，不能删除这个类别；可以改名，"
                                           "或先在重点户台账中修改这些户的类别。")
    for household in entries:
        for link in session.exec(select(HouseholdCategoryLink).where(HouseholdCategoryLink.household_id == household.id)):
            session.delete(link)
        session.flush()
        session.delete(household)
    for link in session.exec(select(MustVisitRuleCategory).where(MustVisitRuleCategory.category_id == category.id)):
        session.delete(link)
    session.flush()
    session.delete(category)


def grid_counts(session: Session, grid_id: int) -> dict[int, int]:
    """category id → households of the grid (registered one by one, plus 未逐户登记)."""
    return dict(counts_by_grid(session).get(grid_id, {}))


def set_grid_counts(session: Session, grid_id: int, counts: Mapping[int, int | str]) -> None:
    """Counts per category for one grid (part of saving the grid editor or this sheet); a category
    left out keeps its count. Each count is a whole number, no fewer than the households registered
    one by one and no more than the grid's households (when known); the rest is the grid's
    "未逐户登记" entry of that category."""
    grid = session.get(Grid, grid_id)
    if grid is None:
        raise GridInputError("special", "该网格已不存在，请刷新后再试。")
    categories = {c.id: c for c in session.exec(select(HouseholdCategory))}
    entries: dict[int, list[Household]] = {}
    for household, category_id in session.exec(
            select(Household, HouseholdCategoryLink.category_id)
            .join(HouseholdCategoryLink, HouseholdCategoryLink.household_id == Household.id)
            .where(Household.grid_id == grid_id)):
        entries.setdefault(category_id, []).append(household)
    for category_id, value in counts.items():
        if category_id not in categories:
            raise GridInputError("special", "有一个重点户类别已被删除，请关闭后重新打开。")
        name = categories[category_id].name
        count = parse_count(value, field="special", label=f"{grid.code} 的{name}户数")
        if grid.households and count > grid.households:
            raise GridInputError("special", f"{grid.code} 的{name} {count} 户，超过了网格总户数 {grid.households}。")
        own = entries.get(category_id, [])
        registered = sum(1 for h in own if not h.placeholder_count)
        if count < registered:
            raise GridInputError("special", f"{grid.code} 已在台账中逐户登记了 {registered} 户{name}，户数不能少于 {registered}。")
        _set_placeholder(session, grid, categories[category_id], [h for h in own if h.placeholder_count],
                         count - registered)
    session.flush()


def _set_placeholder(session: Session, grid: Grid, category: HouseholdCategory, placeholders: list[Household],
                     count: int) -> None:
    """The grid's "未逐户登记" entry of the category holds `count` households (none when 0)."""
    keep, *extra = placeholders or [None]
    for household in extra:   # never more than one, but an older file might have two
        _delete_placeholder(session, household)
    if count == 0:
        if keep is not None:
            _delete_placeholder(session, keep)
        return
    if keep is None:
        keep = Household(grid_id=grid.id, name=PLACEHOLDER_NAME, color=category.color, placeholder_count=count,
                         notes="未逐户登记的户数：逐户登记后自动抵减")
        session.add(keep)
        session.flush()
        session.add(HouseholdCategoryLink(household_id=keep.id, category_id=category.id))
    elif keep.placeholder_count != count:
        keep.placeholder_count = count
        session.add(keep)


def _delete_placeholder(session: Session, household: Household) -> None:
    for link in session.exec(select(HouseholdCategoryLink).where(HouseholdCategoryLink.household_id == household.id)):
        session.delete(link)
    session.flush()
    session.delete(household)
    session.flush()
