"""The household ledger: add, edit and delete households, read them (masked by default), and the
counts per grid and category the grid tab shows (derived from the ledger).

A "未逐户登记" entry (placeholder_count > 0) stands for that many households of one category that
the office counted before keeping the ledger; registering a household of that grid and category
replaces one of them, so the counts stay right while the clerk enters households one by one.
"""
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.db.portable import greatest
from gridoffice.domain import (Community, Deputy, Grid, Household, HouseholdCategory, HouseholdCategoryLink,
                               HouseholdEvent, HouseholdVisit, HouseholdVisitDeputy, HouseholdVisitPerson, Person)
from gridoffice.domain.enums import DeputyStatus
from gridoffice.domain.errors import FieldError
from gridoffice.domain.household_rules import PLACEHOLDER_NAME, compose_address, households_counted, mask_address
from gridoffice.domain.rules import (is_landline, is_mobile, mask_name, mask_phone, normalize_name, normalize_phone,
                                     normalize_text)

COLOR_LENGTH = 7


class HouseholdInputError(FieldError):
    """Bad input for a household: `field` names the form field, the message is Chinese."""


@dataclass
class HouseholdInput:
    grid_id: int | None
    place: str = ""
    building: str = ""
    unit: str = ""
    room: str = ""
    name: str = ""
    phone: str = ""
    category_ids: Sequence[int] = ()
    color: str = ""
    deputy_id: int | None = None
    worker_id: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class SavedHousehold:
    id: int
    replaced: list[str] = field(default_factory=list)   # "独居老人" for each 未逐户登记 entry it replaced one of


def clean_household(session: Session, data: HouseholdInput, *, household_id: int | None = None) -> HouseholdInput:
    """The input trimmed and checked against the database; raises HouseholdInputError naming the field."""
    if data.grid_id is None or session.get(Grid, data.grid_id) is None:
        raise HouseholdInputError("grid", "请选择所在网格。")
    place = normalize_text(data.place)
    if not place:
        raise HouseholdInputError("place", "请填写地址：小区、村民小组或街巷门牌，例如“幸福花园”或“石岗村三组”。")
    parts = {"place": (place, 100, "地址"), "building": (normalize_text(data.building), 20, "楼栋"),
             "unit": (normalize_text(data.unit), 20, "单元"), "room": (normalize_text(data.room), 20, "房号")}
    for key, (value, limit, label) in parts.items():
        if len(value) > limit:
            raise HouseholdInputError(key, f"{label}不能超过 {limit} 个字。")
    name = normalize_name(data.name)
    if not name:
        raise HouseholdInputError("name", "请填写户主或联系人的姓名。")
    if len(name) > 50:
        raise HouseholdInputError("name", "姓名不能超过 50 个字。")
    phone = normalize_phone(data.phone)
    if phone and not (is_mobile(phone) or is_landline(phone)):
        raise HouseholdInputError("phone", "电话格式不对：应为 11 位手机号，或带区号的固定电话（如 0395-1234567）。")
    category_ids = list(dict.fromkeys(data.category_ids))
    if not category_ids:
        raise HouseholdInputError("categories", "请至少选择一个类别（如独居老人、高龄老人）。")
    known = {c.id: c for c in session.exec(select(HouseholdCategory).where(HouseholdCategory.id.in_(category_ids)))}
    if len(known) != len(category_ids):
        raise HouseholdInputError("categories", "所选类别中有已被删除的，请重新选择。")
    color = (data.color or "").strip().lower()
    if color and (len(color) != COLOR_LENGTH or not color.startswith("#")):
        raise HouseholdInputError("color", f"颜色“{color}”无效。")
    if not color:
        color = known[category_ids[0]].color
    if data.deputy_id is not None:
        deputy = session.get(Deputy, data.deputy_id)
        if deputy is None or deputy.status != DeputyStatus.SERVING.value:
            raise HouseholdInputError("deputy", "联系代表应为在任代表，请重新选择。")
    if data.worker_id is not None and session.get(Person, data.worker_id) is None:
        raise HouseholdInputError("worker", "所选网格员已不在人员名册中，请重新选择。")
    address = compose_address(place, parts["building"][0], parts["unit"][0], parts["room"][0])
    twin = session.exec(select(Household.id).where(Household.address == address, Household.placeholder_count == 0,
                                                   Household.id != (household_id or 0))).first()
    if twin is not None:
        raise HouseholdInputError("room", f"“{address}”已登记为重点户（编号 {twin}），同一地址不能重复登记。")
    return HouseholdInput(data.grid_id, place, parts["building"][0], parts["unit"][0], parts["room"][0], name, phone,
                          category_ids, color, data.deputy_id, data.worker_id, (data.notes or "").strip())


def save_household(db: Database, data: HouseholdInput, household_id: int | None = None, *, today: dt.date,
                   replace_placeholders: bool = True) -> SavedHousehold:
    """Add (household_id None) or change a household, all or nothing. A new household replaces one
    "未逐户登记" household of its grid for each of its categories (unless told otherwise)."""
    with db.session() as session:
        return store_household(session, data, household_id, today=today, replace_placeholders=replace_placeholders)


def store_household(session: Session, data: HouseholdInput, household_id: int | None = None, *, today: dt.date,
                    replace_placeholders: bool = True) -> SavedHousehold:
    clean = clean_household(session, data, household_id=household_id)
    if household_id is None:
        household = Household(grid_id=clean.grid_id, registered_on=today)
    else:
        household = _real_household(session, household_id)
    for key in ("grid_id", "place", "building", "unit", "room", "name", "phone", "color", "deputy_id", "worker_id",
                "notes"):
        if getattr(household, key) != getattr(clean, key):
            setattr(household, key, getattr(clean, key))
    address = compose_address(clean.place, clean.building, clean.unit, clean.room)
    if household.address != address:
        household.address = address
    session.add(household)
    session.flush()
    set_categories(session, household.id, clean.category_ids)
    refresh_cycle_due(session, [household.id])
    replaced = _replace_placeholders(session, household.grid_id, clean.category_ids) \
        if household_id is None and replace_placeholders else []
    return SavedHousehold(household.id, replaced)


def cycle_due(baseline: dt.date | None, days: int | None) -> dt.date | None:
    """The regular visit's due date: `days` after the last visit (or the day the household was
    registered); None without a cycle or a date to count from."""
    return baseline + dt.timedelta(days=days) if baseline and days else None


def refresh_cycle_due(session: Session, household_ids: Iterable[int] | None = None) -> int:
    """Recompute `cycle_due_on` of these households (all when None) after a visit, a change of their
    categories or of a category's cycle; returns how many changed (each change audited)."""
    cycles = {c.id: c.visit_every_days for c in read_category_infos(session) if c.visit_every_days > 0}
    query = select(Household).where(Household.placeholder_count == 0)
    ids = None if household_ids is None else list(household_ids)
    changed = 0
    for start in range(0, len(ids) if ids is not None else 1, 900):
        chunk = query if ids is None else query.where(Household.id.in_(ids[start:start + 900]))
        households = session.exec(chunk).all()
        links = categories_by_household(session, [h.id for h in households])
        for household in households:
            days = min((cycles[c] for c in links.get(household.id, ()) if c in cycles), default=None)
            due = cycle_due(household.last_visit_on or household.registered_on, days)
            if household.cycle_due_on != due:
                household.cycle_due_on = due
                session.add(household)
                changed += 1
    session.flush()
    return changed


def set_categories(session: Session, household_id: int, category_ids: Iterable[int]) -> None:
    wanted = set(category_ids)
    current = {link.category_id: link for link in session.exec(
        select(HouseholdCategoryLink).where(HouseholdCategoryLink.household_id == household_id))}
    for category_id, link in current.items():
        if category_id not in wanted:
            session.delete(link)
    for category_id in wanted - set(current):
        session.add(HouseholdCategoryLink(household_id=household_id, category_id=category_id))
    session.flush()


def _replace_placeholders(session: Session, grid_id: int, category_ids: Iterable[int]) -> list[str]:
    names = dict(session.exec(select(HouseholdCategory.id, HouseholdCategory.name)).all())
    replaced = []
    for category_id in category_ids:
        placeholder = session.exec(
            select(Household).join(HouseholdCategoryLink, HouseholdCategoryLink.household_id == Household.id)
            .where(Household.grid_id == grid_id, Household.placeholder_count > 0,
                   HouseholdCategoryLink.category_id == category_id).order_by(Household.id)).first()
        if placeholder is None:
            continue
        if placeholder.placeholder_count > 1:
            placeholder.placeholder_count -= 1
            session.add(placeholder)
        else:
            _delete(session, placeholder)
        replaced.append(names.get(category_id, ""))
    session.flush()
    return replaced


def set_placeholder_count(db: Database, household_id: int, count: int) -> None:
    """Correct a "未逐户登记" entry's count; 0 removes it."""
    if not 0 <= count <= 1_000_000:
        raise HouseholdInputError("count", "户数应为 0 到 1000000 之间的整数。")
    with db.session() as session:
        household = session.get(Household, household_id)
        if household is None or household.placeholder_count == 0:
            raise HouseholdInputError("count", "这不是“未逐户登记”的条目，请刷新后再试。")
        if count == 0:
            _delete(session, household)
        else:
            household.placeholder_count = count
            session.add(household)


def delete_household(db: Database, household_id: int) -> None:
    """Remove a household (moved away, passed on) with its events and visits; activities its visits
    were part of stay in the visit log. Every row removed is audited."""
    with db.session() as session:
        household = session.get(Household, household_id)
        if household is None:
            return
        _delete(session, household)


def _delete(session: Session, household: Household) -> None:
    for event in session.exec(select(HouseholdEvent).where(HouseholdEvent.household_id == household.id)):
        session.delete(event)
    session.flush()
    visit_ids = list(session.exec(select(HouseholdVisit.id).where(HouseholdVisit.household_id == household.id)))
    for model in (HouseholdVisitDeputy, HouseholdVisitPerson):
        for row in session.exec(select(model).where(model.visit_id.in_(visit_ids))):
            session.delete(row)
    for visit in session.exec(select(HouseholdVisit).where(HouseholdVisit.household_id == household.id)):
        session.delete(visit)
    for link in session.exec(select(HouseholdCategoryLink).where(HouseholdCategoryLink.household_id == household.id)):
        session.delete(link)
    session.flush()   # before the household's own row, whose deletion would cascade them away unaudited
    session.delete(household)
    session.flush()


def _real_household(session: Session, household_id: int) -> Household:
    household = session.get(Household, household_id)
    if household is None:
        raise HouseholdInputError("name", "这户记录已不存在（可能已被删除），请刷新列表。")
    if household.placeholder_count:
        raise HouseholdInputError("name", "“未逐户登记”的条目只能修改户数；请新增重点户来逐户替换它。")
    return household


# --- finding a household --------------------------------------------------------------------------

def find_household(db: Database, reference: str) -> int:
    """The household a clerk names: its number, or its address exactly as stored. Raises
    HouseholdInputError("household") saying what was not found."""
    text = normalize_text(reference)
    with db.session() as session:
        if text.isdigit():
            household = session.get(Household, int(text))
            if household is not None and not household.placeholder_count:
                return household.id
        ids = session.exec(select(Household.id).where(Household.address == text, Household.placeholder_count == 0)).all()
    if len(ids) == 1:
        return ids[0]
    if len(ids) > 1:
        raise HouseholdInputError("household", f"地址“{text}”对应 {len(ids)} 户，请改用编号：{'、'.join(map(str, ids))}。")
    raise HouseholdInputError("household", f"找不到重点户“{text}”：请写编号，或与台账完全一致的地址（如 幸福花园3栋2单元501室）。")


# --- reading ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CategoryInfo:
    id: int
    name: str
    color: str
    visit_every_days: int


def read_category_infos(session: Session) -> list[CategoryInfo]:
    return [CategoryInfo(*row) for row in session.exec(
        select(HouseholdCategory.id, HouseholdCategory.name, HouseholdCategory.color,
               HouseholdCategory.visit_every_days).order_by(HouseholdCategory.sort_order, HouseholdCategory.id))]


def categories_by_household(session: Session, household_ids: Iterable[int] | None = None) -> dict[int, list[int]]:
    query = select(HouseholdCategoryLink.household_id, HouseholdCategoryLink.category_id)
    result: dict[int, list[int]] = defaultdict(list)
    ids = None if household_ids is None else list(household_ids)
    for start in range(0, len(ids) if ids is not None else 1, 900):
        chunk = query if ids is None else query.where(HouseholdCategoryLink.household_id.in_(ids[start:start + 900]))
        for household_id, category_id in session.connection().execute(chunk):
            result[household_id].append(category_id)
    return result


def counts_by_grid(session: Session) -> dict[int, dict[int, int]]:
    """grid id → category id → households, from the ledger (a "未逐户登记" entry counts its number)."""
    counted = func.sum(greatest(Household.placeholder_count, 1))
    query = (select(Household.grid_id, HouseholdCategoryLink.category_id, counted)
             .join(HouseholdCategoryLink, HouseholdCategoryLink.household_id == Household.id)
             .group_by(Household.grid_id, HouseholdCategoryLink.category_id))
    counts: dict[int, dict[int, int]] = defaultdict(dict)
    for grid_id, category_id, count in session.exec(query):
        counts[grid_id][category_id] = int(count)
    return counts


def grid_category_counts(db: Database) -> dict[int, dict[int, int]]:
    with db.session() as session:
        return counts_by_grid(session)


@dataclass(frozen=True)
class HouseholdDetail:
    """What the household form shows: the input, and the history under it."""
    id: int
    data: HouseholdInput
    address: str
    registered_on: dt.date | None
    last_visit_on: dt.date | None


def household_detail(db: Database, household_id: int) -> HouseholdDetail:
    with db.session() as session:
        household = _real_household(session, household_id)
        categories = categories_by_household(session, [household_id]).get(household_id, [])
        order = {c.id: n for n, c in enumerate(read_category_infos(session))}
        data = HouseholdInput(household.grid_id, household.place, household.building, household.unit, household.room,
                              household.name, household.phone, sorted(categories, key=lambda c: order.get(c, 99)),
                              household.color, household.deputy_id, household.worker_id, household.notes)
        return HouseholdDetail(household.id, data, household.address, household.registered_on, household.last_visit_on)


@dataclass(slots=True)
class HouseholdRow:
    """One line of the ledger. `address`, `name` and `phone` are masked unless the rows were read in full."""
    id: int
    grid_id: int
    grid_code: str
    grid_name: str
    community: str
    address: str
    name: str
    phone: str
    categories: str            # names joined by "、"
    category_ids: tuple[int, ...]
    color: str
    deputy: str
    worker: str
    last_visit_on: dt.date | None
    next_due_on: dt.date | None
    due_reason: str
    open_events: int
    placeholder_count: int = 0
    notes: str = ""

    @property
    def is_placeholder(self) -> bool:
        return self.placeholder_count > 0

    @property
    def counted(self) -> int:
        return households_counted(self.placeholder_count)

    def overdue(self, today: dt.date) -> bool:
        return self.next_due_on is not None and self.next_due_on < today


def list_households(db: Database, *, today: dt.date, grid_id: int | None = None, full: bool = False,
                    include_placeholders: bool = True) -> list[HouseholdRow]:
    """The ledger (one grid, or all), community by community; masked unless `full`."""
    from gridoffice.services.households.due import next_due_by_household   # the due rules live there

    with db.session() as session:
        return read_household_rows(session, today=today, grid_id=grid_id, full=full,
                                   include_placeholders=include_placeholders, due=next_due_by_household)


def read_household_rows(session: Session, *, today: dt.date, grid_id: int | None, full: bool,
                        include_placeholders: bool, due) -> list[HouseholdRow]:
    # plain columns through Core: a district's 20,000 households in a fraction of the ORM's time
    query = (select(Household.id, Household.grid_id, Grid.code, Grid.name, Community.name, Household.place,
                    Household.building, Household.unit, Household.room, Household.address, Household.name,
                    Household.phone, Household.color, Household.deputy_id, Household.worker_id,
                    Household.last_visit_on, Household.placeholder_count, Household.notes)
             .join(Grid, Grid.id == Household.grid_id).join(Community, Community.id == Grid.community_id)
             .order_by(Community.id, Grid.code, Household.placeholder_count.desc(), Household.address, Household.id))
    if grid_id is not None:
        query = query.where(Household.grid_id == grid_id)
    if not include_placeholders:
        query = query.where(Household.placeholder_count == 0)
    rows = session.connection().execute(query).all()
    categories = read_category_infos(session)
    names = {c.id: c.name for c in categories}
    order = {c.id: n for n, c in enumerate(categories)}
    links = categories_by_household(session, None if grid_id is None else [r[0] for r in rows])
    deputies = dict(session.exec(select(Deputy.id, Deputy.name)).all())
    people = dict(session.exec(select(Person.id, Person.name)).all())
    dues = due(session, today, grid_id=grid_id)
    open_events = dict(session.exec(select(HouseholdEvent.household_id, func.count())
                                    .where(HouseholdEvent.visit_id.is_(None)).group_by(HouseholdEvent.household_id)).all())
    result = []
    for (household_id, grid, code, grid_name, community, place, building, unit, room, address, name, phone, color,
         deputy_id, worker_id, last_visit_on, placeholder_count, notes) in rows:
        ids = tuple(sorted(links.get(household_id, []), key=lambda c: order.get(c, 99)))
        if placeholder_count > 0:
            address, name, phone = "（未逐户登记）", PLACEHOLDER_NAME, ""
        elif not full:
            address, name, phone = mask_address(place, building, unit, room), mask_name(name), mask_phone(phone)
        next_due, reason = dues.get(household_id, (None, ""))
        result.append(HouseholdRow(
            household_id, grid, code, grid_name, community, address, name, phone,
            "、".join(names.get(c, "") for c in ids), ids, color, deputies.get(deputy_id, ""),
            people.get(worker_id, ""), last_visit_on, next_due, reason, open_events.get(household_id, 0),
            placeholder_count, notes))
    return result


def sensitive_household_count(db: Database) -> int:
    """Households registered one by one: their health, disability or hardship is sensitive personal
    information (PIPL art. 28), so a backup holding them should be encrypted."""
    with db.session() as session:
        return session.exec(select(func.count()).select_from(Household).where(Household.placeholder_count == 0)).one()


SENSITIVE_BACKUP_ADVICE = ("数据中有 {count} 户重点户，含健康、残疾、困难等敏感个人信息（个人信息保护法第二十八条），"
                           "建议为备份设置密码（加密），U盘丢失时也不会泄露。")
