"""The kinds of grid duty: name, colour in the calendar, and the activity kind a shift done becomes."""
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Duty, DutyKind
from gridoffice.domain.enums import DEFAULT_DUTY_KINDS, ActivityKind
from gridoffice.domain.errors import FieldError
from gridoffice.domain.rules import normalize_text
from gridoffice.services.common.kind_lists import check_color, entry_name



class DutyKindInputError(FieldError):
    """Bad input for the list of duty kinds (field "kinds") or a kind that cannot be found ("kind")."""


@dataclass(frozen=True)
class DutyKindRow:
    id: int | None
    name: str
    color: str
    activity_kind: str
    duties: int = 0          # posts of this kind


def read_duty_kinds(session: Session) -> list[DutyKindRow]:
    counts = dict(session.exec(select(Duty.kind_id, func.count()).group_by(Duty.kind_id)).all())
    return [DutyKindRow(k.id, k.name, k.color, k.activity_kind, counts.get(k.id, 0))
            for k in session.exec(select(DutyKind).order_by(DutyKind.sort_order, DutyKind.id))]


def list_duty_kinds(db: Database) -> list[DutyKindRow]:
    with db.session() as session:
        return read_duty_kinds(session)


def find_duty_kind(db: Database, text: str) -> DutyKindRow:
    """The kind a clerk names (exact name); raises DutyKindInputError("kind") listing the kinds there are."""
    name = normalize_text(text)
    kinds = list_duty_kinds(db)
    for kind in kinds:
        if kind.name == name:
            return kind
    raise DutyKindInputError("kind", f"没有名为“{name}”的值守类型。已有的类型：{'、'.join(k.name for k in kinds) or '（无）'}。")


def _refuse(message: str) -> DutyKindInputError:
    return DutyKindInputError("kinds", message)


def save_duty_kinds(db: Database, rows: Sequence[DutyKindRow]) -> list[int]:
    """The list becomes `rows`, in order. A kind that posts still use cannot be removed."""
    activity_kinds = {k.value for k in ActivityKind}
    seen: set[str] = set()
    with db.session() as session:
        for number, row in enumerate(rows, start=1):
            name = entry_name(row.name, number, seen, noun="类型", limit=20, refuse=_refuse)
            check_color(name, row.color, noun="类型", refuse=_refuse)
            if row.activity_kind not in activity_kinds:
                raise DutyKindInputError("kinds", f"类型“{name}”完成后记为的活动类型无效。")
        existing = {k.id: k for k in session.exec(select(DutyKind))}
        kept = {row.id for row in rows if row.id is not None}
        used = dict(session.exec(select(Duty.kind_id, func.count()).group_by(Duty.kind_id)).all())
        for kind_id, kind in existing.items():
            if kind_id not in kept:
                if used.get(kind_id):
                    raise DutyKindInputError("kinds", f"“{kind.name}”还有 {used[kind_id]} 个岗位在用，不能删除，可以改名。")
                session.delete(kind)
        session.flush()
        ids = []
        for order, row in enumerate(rows, start=1):
            kind = existing.get(row.id) if row.id is not None else None
            kind = kind or DutyKind(name=normalize_text(row.name))
            kind.name, kind.color, kind.activity_kind, kind.sort_order = (
                normalize_text(row.name), row.color.lower(), row.activity_kind, order)
            session.add(kind)
            session.flush()
            ids.append(kind.id)
        return ids


def ensure_default_duty_kinds(session: Session) -> None:
    if session.exec(select(DutyKind)).first():
        return
    for order, (name, color, activity_kind) in enumerate(DEFAULT_DUTY_KINDS, start=1):
        session.add(DutyKind(name=name, color=color, activity_kind=activity_kind, sort_order=order))
    session.flush()
