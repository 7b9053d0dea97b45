"""The two lists the clerk keeps for opinions: categories (养老, 停车…) and departments (职能部门)."""
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, update
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.db.audit import write_bulk_note, write_rows
from gridoffice.domain import Department, Opinion, OpinionCategory
from gridoffice.domain.rules import is_contact_phone, normalize_phone, normalize_text

from gridoffice.services.office.setup import OfficeInputError
from gridoffice.services.outcomes.references import outcome_uses

ListInputError = OfficeInputError   # .field names the field, the message is Chinese


# --- categories ---------------------------------------------------------------------------

@dataclass(frozen=True)
class CategoryEntry:
    id: int | None          # None for a new one
    name: str
    used: int = 0           # opinions filed under it


def list_categories(db: Database) -> list[CategoryEntry]:
    with db.session() as session:
        used = dict(session.exec(select(Opinion.category, func.count(Opinion.id)).group_by(Opinion.category)).all())
        return [CategoryEntry(c.id, c.name, used.get(c.name, 0)) for c in
                session.exec(select(OpinionCategory).order_by(OpinionCategory.sort_order, OpinionCategory.id))]


def read_category_names(session: Session) -> list[str]:
    return list(session.exec(select(OpinionCategory.name).order_by(OpinionCategory.sort_order, OpinionCategory.id)))


def category_names(db: Database) -> list[str]:
    """The categories in the clerk's order, as the forms offer them."""
    with db.session() as session:
        return read_category_names(session)


def save_categories(db: Database, entries: list[CategoryEntry]) -> None:
    """The list as the clerk left it, in order. A renamed category renames its opinions;
    a category still in use cannot be dropped."""
    with db.session() as session:
        _save_categories(session, entries)


def _save_categories(session: Session, entries: list[CategoryEntry]) -> None:
    names = [normalize_text(e.name) for e in entries]
    for name in names:
        if not name:
            raise ListInputError("name", "分类名称不能为空。")
        if len(name) > 30:
            raise ListInputError("name", f"分类名称“{name}”超过 30 个字。")
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ListInputError("name", f"分类“{'、'.join(duplicates)}”重复了。")
    if not names:
        raise ListInputError("name", "至少要保留一个分类。")
    current = {c.id: c for c in session.exec(select(OpinionCategory))}
    kept = {e.id for e in entries if e.id is not None}
    for category in current.values():
        if category.id not in kept:
            used = _opinions_in(session, category.name)
            if used:
                raise ListInputError("name", f"分类“{category.name}”已有 {used} 条意见使用，不能删除；可以改名。")
            session.delete(category)
    session.flush()
    placed = [(current.get(e.id) if e.id is not None else None, name) for e, name in zip(entries, names)]
    renamed = [(category, name) for category, name in placed if category is not None and category.name != name]
    renames = [(category.name, name) for category, name in renamed]
    for category, _name in renamed:   # a temporary name first, so two categories can swap names
        category.name = f"（改名中 {category.id}）"   # PostgreSQL's text refuses a NUL byte
        session.add(category)
    session.flush()
    for order, (category, name) in enumerate(placed):
        category = category or OpinionCategory()
        category.name, category.sort_order = name, order
        session.add(category)
    session.flush()
    for old, new in renames:
        touched = session.exec(select(Opinion.id).where(Opinion.category == old)).all()
        if not touched:
            continue
        session.exec(update(Opinion).where(Opinion.category == old).values(category=new))
        # each opinion its own audit row (with its id), then one note naming the rename
        write_rows(session, "opinion", "update", {opinion_id: {"category": [old, new]} for opinion_id in touched})
        write_bulk_note(session, "opinion", "update", {"category": [old, new], "rows": len(touched)})


def _opinions_in(session: Session, category: str) -> int:
    return session.exec(select(func.count(Opinion.id)).where(Opinion.category == category)).one()


# --- departments --------------------------------------------------------------------------

@dataclass(frozen=True)
class DepartmentEntry:
    id: int | None
    name: str
    contact: str = ""
    phone: str = ""
    notes: str = ""
    used: int = 0           # opinions assigned to it


def list_departments(db: Database) -> list[DepartmentEntry]:
    with db.session() as session:
        used = dict(session.exec(select(Opinion.department_id, func.count(Opinion.id))
                                 .where(Opinion.department_id.is_not(None)).group_by(Opinion.department_id)).all())
        return [DepartmentEntry(d.id, d.name, d.contact, d.phone, d.notes, used.get(d.id, 0))
                for d in session.exec(select(Department).order_by(Department.id))]


def save_departments(db: Database, entries: list[DepartmentEntry], deleted_ids: Sequence[int] = ()) -> None:
    """The department list as the clerk left it, in one go: the deleted ones first, then every row
    (an error names the row: "第 3 行：…")."""
    with db.session() as session:
        for department_id in deleted_ids:
            _delete_department(session, department_id)
        for row, entry in enumerate(entries, start=1):
            try:
                _save_department(session, entry)
            except ListInputError as error:
                raise ListInputError(error.field, f"第 {row} 行：{error}") from error


def save_department(db: Database, entry: DepartmentEntry) -> Department:
    with db.session() as session:
        return _save_department(session, entry)


def _save_department(session: Session, entry: DepartmentEntry) -> Department:
    name = normalize_text(entry.name)
    if not name:
        raise ListInputError("name", "请填写部门名称，例如“区城管局”。")
    if len(name) > 100:
        raise ListInputError("name", "部门名称不能超过 100 个字。")
    phone = normalize_phone(entry.phone)
    if phone and not is_contact_phone(phone):
        raise ListInputError("phone", "电话格式不对：可填手机号、带区号的固定电话或 12345 这样的短号。")
    same_name = session.exec(select(Department).where(Department.name == name)).first()
    if same_name and same_name.id != entry.id:
        raise ListInputError("name", f"已经有名为“{name}”的部门。")
    department = session.get(Department, entry.id) if entry.id else Department(name=name)
    if department is None:
        raise ListInputError("name", "这个部门已被删除。")
    department.name, department.contact, department.phone = name, normalize_text(entry.contact), phone
    department.notes = entry.notes.strip()
    session.add(department)
    session.flush()
    return department


def delete_department(db: Database, department_id: int) -> None:
    with db.session() as session:
        _delete_department(session, department_id)


def _delete_department(session: Session, department_id: int) -> None:
    used = session.exec(select(func.count(Opinion.id)).where(Opinion.department_id == department_id)).one()
    department = session.get(Department, department_id)
    if department is None:
        return
    uses = [f"{used} 条意见"] if used else []
    uses += outcome_uses(session, department_id=department_id)   # suggestions
    if uses:
        raise ListInputError("name", f"“{department.name}”已承办 {'、'.join(uses)}，不能删除；可以改名。")
    session.delete(department)


def read_department_names(session: Session) -> list[tuple[int, str]]:
    return list(session.exec(select(Department.id, Department.name).order_by(Department.id)))


def department_names(db: Database) -> list[tuple[int, str]]:
    """(id, name) of the departments, for the 交办 drop-down and the filter."""
    with db.session() as session:
        return read_department_names(session)
