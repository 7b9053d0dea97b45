"""What the outcome services share: finding records, checking the people and places a form
names, numbering, and the editable lists (meeting, dispute and project kinds)."""
import datetime as dt
import re
from collections.abc import Iterable, Sequence

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.db.portable import number_after
from gridoffice.db.serials import next_number
from gridoffice.domain import Campaign, Community, Department, Deputy, Grid, Opinion, OutcomeKind, Station
from gridoffice.domain.enums import DeputyStatus
from gridoffice.domain.outcome_rules import DEFAULT_KINDS, KIND_LIST_LABELS, OutcomeInputError
from gridoffice.domain.rules import mask_name, normalize_text, split_multi


class OutcomeNotFoundError(LookupError):
    """The record is gone (deleted in another window, or a wrong number typed)."""


def get_record(session: Session, model, record_id: int | None, what: str):
    record = session.get(model, record_id) if record_id is not None else None
    if record is None:
        raise OutcomeNotFoundError(f"找不到这条{what}（序号 {record_id}），可能已被删除。")
    return record


# --- the people and places a form names ---------------------------------------------------------

def deputy_names(session: Session, deputy_ids: Iterable[int]) -> dict[int, str]:
    ids = list(deputy_ids)
    if not ids:
        return {}
    return dict(session.exec(select(Deputy.id, Deputy.name).where(Deputy.id.in_(ids))).all())


def check_deputies(session: Session, deputy_ids: Sequence[int], on: dt.date, field: str, *,
                   required: bool = False, what: str = "代表") -> list[int]:
    """The ids without repeats, each a deputy who served on `on`."""
    ids = list(dict.fromkeys(deputy_ids))
    if required and not ids:
        raise OutcomeInputError(field, f"请至少选择一名{what}。")
    found = session.exec(select(Deputy.id, Deputy.name, Deputy.status, Deputy.left_office_on)
                         .where(Deputy.id.in_(ids))).all() if ids else []
    if len(found) != len(ids):
        raise OutcomeInputError(field, "所选代表中有人已从名册中删除，请重新选择。")
    for _id, name, status, left_on in found:
        if status == DeputyStatus.RETIRED and left_on and left_on < on:
            raise OutcomeInputError(field, f"{name}已于 {left_on:%Y-%m-%d} 离任，不能作为{on:%Y-%m-%d}的{what}。")
    return ids


def check_exists(session: Session, model, record_id: int | None, field: str, what: str) -> None:
    if record_id is not None and session.get(model, record_id) is None:
        raise OutcomeInputError(field, f"所选{what}不存在，请重新选择。")


def check_grid(session: Session, grid_id: int | None) -> None:
    check_exists(session, Grid, grid_id, "grid", "网格")


def check_station(session: Session, station_id: int | None) -> None:
    check_exists(session, Station, station_id, "station", "联络站")


def check_department(session: Session, department_id: int | None) -> None:
    check_exists(session, Department, department_id, "department", "承办部门")


def check_community(session: Session, community_id: int | None) -> None:
    check_exists(session, Community, community_id, "community", "社区")


def check_campaign(session: Session, campaign_id: int | None) -> None:
    check_exists(session, Campaign, campaign_id, "campaign", "专项活动")


def check_opinions(session: Session, opinion_ids: Sequence[int], field: str = "opinions") -> list[int]:
    ids = list(dict.fromkeys(opinion_ids))
    if ids:
        found = set(session.exec(select(Opinion.id).where(Opinion.id.in_(ids))).all())
        missing = [i for i in ids if i not in found]
        if missing:
            raise OutcomeInputError(field, f"所选民情意见中有 {len(missing)} 条已被删除，请重新选择。")
    return ids


def opinion_ids_by_serial(db: Database, serials: Iterable[str]) -> list[int]:
    """Opinion ids for 编号 such as 2026-0042, in the order given; OutcomeInputError names any unknown."""
    wanted = [s.strip() for s in serials if s.strip()]
    with db.session() as session:
        found = dict(session.exec(select(Opinion.serial, Opinion.id).where(Opinion.serial.in_(wanted))).all())
    unknown = [s for s in wanted if s not in found]
    if unknown:
        raise OutcomeInputError("opinions", f"找不到编号为“{'、'.join(unknown)}”的民情意见。")
    return [found[s] for s in wanted]


def deputy_ids_by_name(db: Database, names: Iterable[str]) -> list[int]:
    """Deputy ids for names as typed; a name two deputies share, or no one has, is refused."""
    wanted = [n for n in (normalize_text(n) for n in names) if n]
    with db.session() as session:
        rows = session.exec(select(Deputy.name, Deputy.id).where(Deputy.name.in_(wanted))).all()
    ids: dict[str, list[int]] = {}
    for name, deputy_id in rows:
        ids.setdefault(name, []).append(deputy_id)
    unknown = [n for n in wanted if n not in ids]
    if unknown:
        raise OutcomeInputError("deputies", f"代表名册中没有“{'、'.join(unknown)}”。")
    shared = [n for n in wanted if len(ids[n]) > 1]
    if shared:
        raise OutcomeInputError("deputies", f"名册中有 {len(ids[shared[0]])} 位“{shared[0]}”，请在程序中选择是哪一位。")
    return [ids[n][0] for n in wanted]


def department_id_by_name(db: Database, name: str) -> int:
    name = normalize_text(name)
    with db.session() as session:
        found = session.exec(select(Department.id).where(Department.name == name)).first()
        if found is None:   # 交通运输局 for 区交通运输局
            matches = session.exec(select(Department.id, Department.name)
                                   .where(Department.name.contains(name))).all() if name else []
            if len(matches) == 1:
                return matches[0][0]
    if found is None:
        raise OutcomeInputError("department", f"职能部门列表中没有“{name}”，请先在“工具 → 职能部门”中添加。")
    return found


# --- numbering -------------------------------------------------------------------------------

def next_serial(session: Session, column, prefix: str, year: int, digits: int = 3) -> str:
    """JY2026-001, JY2026-002 …: from the year's counter, which two clerks never share (gaps are kept)."""
    head = f"{prefix}{year}-"
    highest = session.exec(select(func.max(number_after(column, head)))
                           .where(column.like(f"{head}%"))).one()
    return f"{head}{next_number(session, prefix, year, highest or 0):0{digits}d}"


# --- privacy ----------------------------------------------------------------------------------

def mask_people(names: str) -> str:
    """'王建国、李秀英' → '王**、李**': parties of a dispute on lists and papers."""
    return "、".join(mask_name(name) for name in split_multi(names))


def clean_people(value: str, field: str, what: str, limit: int = 200, *, required: bool = False) -> str:
    """Names typed with any separator, stored joined by '、'."""
    names = "、".join(split_multi(value))
    if required and not names:
        raise OutcomeInputError(field, f"请填写{what}。")
    if len(names) > limit:
        raise OutcomeInputError(field, f"{what}不能超过 {limit} 个字。")
    return names


# --- the editable lists -------------------------------------------------------------------------

def kind_names(session: Session, list_name: str) -> list[str]:
    stored = list(session.exec(select(OutcomeKind.name).where(OutcomeKind.list_name == list_name)
                               .order_by(OutcomeKind.sort_order, OutcomeKind.id)))
    return stored or list(DEFAULT_KINDS[list_name])


def list_kinds(db: Database, list_name: str) -> list[str]:
    """The entries of a list (会议类型, 纠纷类型, 实事类别) as the clerk left them."""
    _check_list(list_name)
    with db.session() as session:
        return kind_names(session, list_name)


def save_kinds(db: Database, list_name: str, names: Sequence[str]) -> list[str]:
    """Replace a list. An entry records still use cannot be dropped (rename it in the records first)."""
    from gridoffice.domain import Dispute, Meeting, Project

    _check_list(list_name)
    label = KIND_LIST_LABELS[list_name]
    cleaned = [normalize_text(n) for n in names]
    if not cleaned or any(not n for n in cleaned):
        raise OutcomeInputError("name", f"{label}不能为空。")
    too_long = [n for n in cleaned if len(n) > 30]
    if too_long:
        raise OutcomeInputError("name", f"“{too_long[0]}”超过 30 个字。")
    repeated = sorted({n for n in cleaned if cleaned.count(n) > 1})
    if repeated:
        raise OutcomeInputError("name", f"“{'、'.join(repeated)}”重复了。")
    model = {"meeting": Meeting, "dispute": Dispute, "project": Project}[list_name]
    with db.session() as session:
        used = dict(session.exec(select(model.kind, func.count()).group_by(model.kind)).all())
        dropped = [n for n in kind_names(session, list_name) if n not in cleaned and used.get(n)]
        if dropped:
            raise OutcomeInputError("name", f"“{dropped[0]}”已有 {used[dropped[0]]} 条记录使用，不能删除。")
        for row in session.exec(select(OutcomeKind).where(OutcomeKind.list_name == list_name)).all():
            session.delete(row)
        session.flush()
        for order, name in enumerate(cleaned):
            session.add(OutcomeKind(list_name=list_name, name=name, sort_order=order))
    return cleaned


def _check_list(list_name: str) -> None:
    if list_name not in DEFAULT_KINDS:
        raise ValueError(f"unknown list {list_name!r}")


def check_kind(session: Session, list_name: str, kind: str) -> str:
    kind = normalize_text(kind)
    if kind not in kind_names(session, list_name):
        raise OutcomeInputError("kind", f"请从列表中选择{KIND_LIST_LABELS[list_name]}（“{kind}”不在列表中）。")
    return kind


def first_sentence(text: str, limit: int) -> str:
    """The first sentence, short enough for a title."""
    first = re.split(r"[。；;！!？?\n]", (text or "").strip(), maxsplit=1)[0].strip("，, ")
    return first if len(first) <= limit else first[:limit - 1] + "…"


def opinion_summaries(db: Database, opinion_ids: Iterable[int]) -> list[tuple[int, str]]:
    """(id, '2026-0042 交通：东湖路口早晚高峰拥堵…（已关闭）') of the opinions, in the order given: how a form
    lists the opinions a record answers (the resident is never named)."""
    ids = list(dict.fromkeys(opinion_ids))
    with db.session() as session:
        found = {i: (serial, category, content, status) for i, serial, category, content, status in session.exec(
            select(Opinion.id, Opinion.serial, Opinion.category, Opinion.content, Opinion.status)
            .where(Opinion.id.in_(ids)))} if ids else {}
    return [(i, f"{found[i][0]} {found[i][1]}：{first_sentence(found[i][2], 40)}（{found[i][3]}）")
            for i in ids if i in found]
