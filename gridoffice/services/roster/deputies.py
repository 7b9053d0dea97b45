"""Adding, editing, retiring (离任) and deleting deputies, with the checks the form and the import share.

Every change goes through ORM objects, so the audit log records it. No ID-card number is
asked for or stored anywhere.
"""
import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import (ActivityDeputyLink, Deputy, DeputyBusyDate, DeputyStationLink, Grid, Opinion,
                               OpinionHistory, ReceptionDay, ReceptionDutyLink, ReceptionPoolLink, Station)
from gridoffice.domain.dates import chinese_date
from gridoffice.domain.enums import DeputyStatus, Gender, OpinionStatus, ReceptionStatus
from gridoffice.domain.rules import (format_levels, is_landline, is_mobile, join_multi, normalize_name,
                                     normalize_phone, normalize_text, parse_birth_month, parse_levels, split_multi)

from gridoffice.domain.errors import FieldError
from gridoffice.services.common.pinyin import pinyin_of
from gridoffice.services.common.versions import refuse_stale
from gridoffice.services.roster.photos import PhotoError, remove_photo_if_unused, store_photo
from gridoffice.services.outcomes.references import outcome_uses
from gridoffice.services.roster.sites import clean_roles, other_station_ids, set_sites

GENDERS = frozenset(["", *(g.value for g in Gender)])
STATUSES = frozenset(s.value for s in DeputyStatus)
CLOSED_OPINION_STATUSES = (OpinionStatus.CLOSED.value, OpinionStatus.REJECTED.value)
HANDOVER_ACTION = "移交"
MAX_LENGTHS = {"name": 50, "ethnicity": 20, "party": 30, "work_unit": 200, "post": 100, "expertise": 200}
FIELD_LABELS = {
    "name": "姓名", "gender": "性别", "ethnicity": "民族", "birth_month": "出生年月", "party": "政治面貌",
    "levels": "代表层级", "work_unit": "工作单位", "post": "职务", "expertise": "专长", "mobile": "手机",
    "office_phone": "办公电话", "station_id": "所属联络站", "grid_ids": "所在网格", "status": "状态",
    "took_office_on": "任职日期", "notes": "备注", "photo": "照片", "other_station_ids": "其他站点",
    "roles": "五员角色",
}


@dataclass
class DeputyData:
    """What the form (or one row of an import) says about a deputy, before it is checked."""
    name: str = ""
    gender: str = ""
    ethnicity: str = ""
    birth_month: str = ""
    party: str = ""
    levels: str = ""             # any separators: "市、区", "市,区"
    work_unit: str = ""
    post: str = ""
    expertise: str = ""          # tags, any separators
    mobile: str = ""
    office_phone: str = ""
    mobile_public: bool = False  # consent to show the mobile on the station's wall board
    station_id: int | None = None   # the primary station
    grid_ids: list[int] = field(default_factory=list)
    other_station_ids: list[int] | None = None   # the other sites; None leaves them as they are
    roles: str = ""              # 五员 tags, any separators
    status: str = DeputyStatus.SERVING.value
    took_office_on: dt.date | None = None
    notes: str = ""
    photo_file: str = ""
    version: int | None = None   # the record's version when the form was loaded (None: new, or not checked)


@dataclass(frozen=True)
class FieldProblem:
    field: str       # a DeputyData field name
    message: str     # a complete Chinese sentence

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field)


class DeputyInputError(ValueError):
    """The data cannot be saved; `problems` says what is wrong with which field."""

    def __init__(self, problems: list[FieldProblem]):
        self.problems = list(problems)
        super().__init__("\n".join(f"{p.label}：{p.message}" for p in self.problems))


class DeputyActionError(ValueError):
    """An action that is refused as a whole (delete a deputy with opinions, retire twice...)."""


# --- checking -------------------------------------------------------------------------------
def clean_deputy(data: DeputyData, today: dt.date) -> tuple[DeputyData, list[FieldProblem]]:
    """The data trimmed and normalised, and every problem found (empty when it can be saved)."""
    problems: list[FieldProblem] = []

    def problem(field_name: str, message: str) -> None:
        problems.append(FieldProblem(field_name, message))

    name = normalize_name(data.name)
    if not name:
        problem("name", "请填写姓名。")
    clean = replace(
        data, name=name, gender=normalize_text(data.gender), ethnicity=normalize_text(data.ethnicity),
        party=normalize_text(data.party), work_unit=normalize_text(data.work_unit), post=normalize_text(data.post),
        expertise=join_multi(split_multi(data.expertise)), mobile=normalize_phone(data.mobile),
        office_phone=normalize_phone(data.office_phone), status=normalize_text(data.status) or DeputyStatus.SERVING.value,
        notes=(data.notes or "").strip(), grid_ids=list(dict.fromkeys(data.grid_ids)),
    )
    for key, limit in MAX_LENGTHS.items():
        if len(getattr(clean, key)) > limit:
            problem(key, f"{FIELD_LABELS[key]}不能超过 {limit} 个字。")
    if clean.gender not in GENDERS:
        problem("gender", "性别应为“男”或“女”。")
    try:
        clean.birth_month = parse_birth_month(data.birth_month, today)
    except ValueError as error:
        problem("birth_month", f"{error}。")
    try:
        levels = parse_levels(data.levels)
        clean.levels = format_levels(levels)
        if not levels:
            problem("levels", "请至少选择一个代表层级（全国、省、市、区、乡镇）。")
    except ValueError as error:
        problem("levels", f"{error}。")
    if clean.mobile and not is_mobile(clean.mobile):
        problem("mobile", "手机号应为 11 位数字，以 13-19 开头，例如 13812345678。")
    if clean.office_phone and not is_landline(clean.office_phone):
        problem("office_phone", "办公电话应带区号，例如 0395-1234567 或 0395-1234567-801。")
    if clean.mobile_public and not clean.mobile:
        clean.mobile_public = False
    try:
        clean.roles = clean_roles(data.roles)
    except FieldError as error:
        problem("roles", str(error))
    if clean.status not in STATUSES:
        problem("status", "状态应为“在任”或“离任”。")
    if clean.took_office_on and clean.took_office_on > today:
        problem("took_office_on", "任职日期不能晚于今天。")
    return clean, problems


def _checked(session: Session, data: DeputyData, today: dt.date, *, deputy_id: int | None) -> DeputyData:
    clean, problems = clean_deputy(data, today)
    if clean.station_id is not None and session.get(Station, clean.station_id) is None:
        problems.append(FieldProblem("station_id", "所选联络站已不存在，请重新选择。"))
    if clean.other_station_ids:
        clean.other_station_ids = [i for i in dict.fromkeys(clean.other_station_ids) if i != clean.station_id]
        found = set(session.exec(select(Station.id).where(Station.id.in_(clean.other_station_ids))))
        if len(found) != len(clean.other_station_ids):
            problems.append(FieldProblem("other_station_ids", "所选的其他站点中有已删除的，请重新选择。"))
    if clean.grid_ids:
        found = set(session.exec(select(Grid.id).where(Grid.id.in_(clean.grid_ids))))
        if len(found) != len(clean.grid_ids):
            problems.append(FieldProblem("grid_ids", "所选网格中有已删除的网格，请重新选择。"))
    if clean.name and clean.mobile:  # without a mobile, two 王伟 are two people, not a duplicate
        twin = _same_person(session, clean.name, clean.mobile, exclude=deputy_id)
        if twin is not None:
            problems.append(FieldProblem("name", f"名册中已有姓名和手机号都相同的代表（{twin.status}），请勿重复录入。"))
    if problems:
        raise DeputyInputError(problems)
    return clean


def _same_person(session: Session, name: str, mobile: str, *, exclude: int | None) -> Deputy | None:
    query = select(Deputy).where(Deputy.name == name, Deputy.mobile == mobile)
    if exclude is not None:
        query = query.where(Deputy.id != exclude)
    return session.exec(query).first()


# --- saving -----------------------------------------------------------------------------------
def apply_data(deputy: Deputy, data: DeputyData, grids: list[Grid] | None) -> None:
    """Copy checked data onto the ORM object (pinyin kept in step with the name)."""
    for key in ("name", "gender", "ethnicity", "birth_month", "party", "levels", "work_unit", "post", "expertise",
                "mobile", "office_phone", "mobile_public", "station_id", "status", "took_office_on", "notes",
                "photo_file", "roles"):
        if getattr(deputy, key) != getattr(data, key):
            setattr(deputy, key, getattr(data, key))
    full, initials = pinyin_of(data.name)
    if (deputy.name_pinyin, deputy.name_initials) != (full, initials):
        deputy.name_pinyin, deputy.name_initials = full, initials
    if grids is not None and {g.id for g in deputy.grids} != {g.id for g in grids}:
        deputy.grids = grids


def _grids(session: Session, ids: list[int]) -> list[Grid]:
    return list(session.exec(select(Grid).where(Grid.id.in_(ids)).order_by(Grid.code))) if ids else []


def create_deputy(db: Database, data: DeputyData, *, today: dt.date, new_photo: Path | None = None) -> int:
    """Check and add a deputy; `new_photo` (a file the clerk chose) is scaled down and stored with it."""
    data = _with_photo(db, data, new_photo)
    with db.session() as session:
        clean = _checked(session, data, today, deputy_id=None)
        deputy = Deputy(name=clean.name)
        apply_data(deputy, clean, _grids(session, clean.grid_ids))
        session.add(deputy)
        session.flush()
        set_sites(session, deputy.id, clean.station_id, clean.other_station_ids)
        return deputy.id


def update_deputy(db: Database, deputy_id: int, data: DeputyData, *, today: dt.date,
                  new_photo: Path | None = None) -> None:
    """Save the form. Status changes go through retire/reinstate, so the form keeps the current one."""
    data = _with_photo(db, data, new_photo)
    with db.session() as session:
        deputy = _get(session, deputy_id)
        clean = _checked(session, replace(data, status=deputy.status), today, deputy_id=deputy_id)
        refuse_stale(deputy, data.version, mine=_as_shown(session, clean), stored=_as_shown(session, _as_data(deputy, session)),
                     labels=FIELD_LABELS)
        apply_data(deputy, clean, _grids(session, clean.grid_ids))
        session.add(deputy)
        session.flush()
        set_sites(session, deputy.id, clean.station_id, clean.other_station_ids)


def _as_shown(session: Session, data: DeputyData) -> dict[str, object]:
    """The form's values as the clerk reads them (station and grids by name), for a conflict message."""
    shown = {key: getattr(data, key) for key in FIELD_LABELS if hasattr(data, key)}
    station = session.get(Station, data.station_id) if data.station_id is not None else None
    shown["station_id"] = station.name if station else ""
    shown["grid_ids"] = [grid.code for grid in _grids(session, data.grid_ids)]
    shown["photo"] = "有" if data.photo_file else ""
    return shown


def _with_photo(db: Database, data: DeputyData, new_photo: Path | None) -> DeputyData:
    """The data with the new photo stored (before the checks, as the form shows a bad photo alone)."""
    if new_photo is None:
        return data
    try:
        return replace(data, photo_file=store_photo(db.attachments_dir, new_photo))
    except (PhotoError, OSError) as error:
        raise DeputyInputError([FieldProblem("photo", str(error))]) from error


def load_deputy(db: Database, deputy_id: int) -> DeputyData:
    """A deputy as the form shows it."""
    with db.session() as session:
        return _as_data(_get(session, deputy_id), session)


def _as_data(deputy: Deputy, session: Session) -> DeputyData:
    return DeputyData(
        name=deputy.name, gender=deputy.gender, ethnicity=deputy.ethnicity, birth_month=deputy.birth_month,
        party=deputy.party, levels=deputy.levels, work_unit=deputy.work_unit, post=deputy.post,
        expertise=deputy.expertise, mobile=deputy.mobile, office_phone=deputy.office_phone,
        mobile_public=deputy.mobile_public, station_id=deputy.station_id,
        grid_ids=[g.id for g in sorted(deputy.grids, key=lambda g: g.code)], status=deputy.status,
        took_office_on=deputy.took_office_on, notes=deputy.notes, photo_file=deputy.photo_file,
        version=deputy.version, other_station_ids=other_station_ids(session, deputy.id), roles=deputy.roles,
    )


def _get(session: Session, deputy_id: int) -> Deputy:
    deputy = session.get(Deputy, deputy_id)
    if deputy is None:
        raise DeputyActionError("这位代表的记录已不存在（可能已被删除），请刷新名册。")
    return deputy


# --- retiring (离任) and handing over -----------------------------------------------------------
@dataclass(frozen=True)
class HandoverGrid:
    id: int
    code: str
    name: str
    other_deputies: str     # the grid's other serving deputies, so the clerk sees if it stays covered


@dataclass(frozen=True)
class HandoverOpinion:
    id: int
    serial: str
    received_on: dt.date
    category: str
    status: str
    content: str


@dataclass(frozen=True)
class Handover:
    """What a leaving deputy must pass on: their grids and their open opinions."""
    deputy_name: str
    grids: list[HandoverGrid]
    opinions: list[HandoverOpinion]


def handover_items(db: Database, deputy_id: int) -> Handover:
    """The deputy's grids and open opinions: what must go to someone else when they leave."""
    with db.session() as session:
        deputy = _get(session, deputy_id)
        grids = []
        for grid in sorted(deputy.grids, key=lambda g: g.code):
            others = session.exec(
                select(Deputy.name).join(Deputy.grids).where(Grid.id == grid.id, Deputy.id != deputy_id,
                                                             Deputy.status == DeputyStatus.SERVING.value)).all()
            grids.append(HandoverGrid(grid.id, grid.code, grid.name, "、".join(others)))
        opinions = [
            HandoverOpinion(o.id, o.serial, o.received_on, o.category, o.status, o.content)
            for o in session.exec(select(Opinion).where(Opinion.deputy_id == deputy_id,
                                                        Opinion.status.not_in(CLOSED_OPINION_STATUSES))
                                  .order_by(Opinion.received_on, Opinion.id))
        ]
        return Handover(deputy.name, grids, opinions)


def retire_deputy(db: Database, deputy_id: int, *, on: dt.date, today: dt.date,
                  grid_successors: dict[int, int | None] | None = None,
                  opinion_successors: dict[int, int | None] | None = None) -> list[str]:
    """Mark the deputy 离任 on `on`; hand each grid / open opinion to the serving deputy given for it.

    A grid or opinion mapped to None (or not mapped) stays with the retired deputy, and the
    grid list and opinion list show it as lacking a serving deputy. The deputy is taken off the
    reception days still planned after `on` (a notice must not announce them); returns those
    days ("2026年12月2日 中心联络站") so the clerk can put someone else on duty.
    """
    with db.session() as session:
        deputy = _get(session, deputy_id)
        if deputy.status == DeputyStatus.RETIRED.value:
            raise DeputyActionError(f"{deputy.name}已经是离任状态。")
        if on > today:
            raise DeputyActionError("离任日期不能晚于今天。")
        if deputy.took_office_on and on < deputy.took_office_on:
            raise DeputyActionError(f"离任日期不能早于任职日期（{deputy.took_office_on:%Y-%m-%d}）。")
        successors = _serving_successors(session, deputy_id, grid_successors, opinion_successors)
        _hand_over_grids(session, deputy, grid_successors or {}, successors)
        _hand_over_opinions(session, deputy, opinion_successors or {}, successors, on)
        for link in session.exec(select(ReceptionPoolLink).where(ReceptionPoolLink.deputy_id == deputy_id)):
            session.delete(link)  # a retired deputy is no longer drawn for reception duty
        dropped = _drop_planned_duties(session, deputy_id, after=on)
        deputy.status = DeputyStatus.RETIRED.value
        deputy.left_office_on = on
        session.add(deputy)
        return dropped


def _drop_planned_duties(session: Session, deputy_id: int, *, after: dt.date) -> list[str]:
    query = (select(ReceptionDay, Station.name).join(Station, Station.id == ReceptionDay.station_id)
             .join(ReceptionDutyLink, ReceptionDutyLink.reception_day_id == ReceptionDay.id)
             .where(ReceptionDutyLink.deputy_id == deputy_id, ReceptionDay.date > after,
                    ReceptionDay.status == ReceptionStatus.PLANNED.value)
             .order_by(ReceptionDay.date, ReceptionDay.start_time))
    dropped = []
    for day, station in session.exec(query).all():
        day.deputies = [d for d in day.deputies if d.id != deputy_id]
        session.add(day)
        dropped.append(f"{chinese_date(day.date)} {station}")
    return dropped


def _serving_successors(session: Session, deputy_id: int, *mappings: dict[int, int | None] | None) -> dict[int, Deputy]:
    wanted = {successor for mapping in mappings if mapping for successor in mapping.values() if successor}
    if deputy_id in wanted:
        raise DeputyActionError("不能移交给离任的代表本人。")
    found = {d.id: d for d in session.exec(select(Deputy).where(Deputy.id.in_(wanted)))} if wanted else {}
    for successor_id in wanted:
        successor = found.get(successor_id)
        if successor is None or successor.status != DeputyStatus.SERVING.value:
            raise DeputyActionError("只能移交给在任的代表，请重新选择接手的代表。")
    return found


def _hand_over_grids(session: Session, deputy: Deputy, mapping: dict[int, int | None],
                     successors: dict[int, Deputy]) -> None:
    for grid in list(deputy.grids):
        successor = successors.get(mapping.get(grid.id) or 0)
        if successor is None:
            continue
        deputy.grids.remove(grid)
        if grid.id not in {g.id for g in successor.grids}:
            successor.grids.append(grid)
            session.add(successor)


def _hand_over_opinions(session: Session, deputy: Deputy, mapping: dict[int, int | None],
                        successors: dict[int, Deputy], on: dt.date) -> None:
    for opinion_id, successor_id in mapping.items():
        successor = successors.get(successor_id or 0)
        opinion = session.get(Opinion, opinion_id)
        if successor is None or opinion is None or opinion.deputy_id != deputy.id:
            continue
        opinion.deputy_id = successor.id
        session.add(opinion)
        session.add(OpinionHistory(opinion_id=opinion.id, on=on, action=HANDOVER_ACTION, from_status=opinion.status,
                                   to_status=opinion.status, note=f"{deputy.name}离任，移交{successor.name}代表办理"))


def reinstate_deputy(db: Database, deputy_id: int) -> None:
    """Undo a 离任 recorded by mistake: the deputy is 在任 again (grids handed over stay handed over)."""
    with db.session() as session:
        deputy = _get(session, deputy_id)
        if deputy.status == DeputyStatus.SERVING.value:
            raise DeputyActionError(f"{deputy.name}本来就是在任状态。")
        deputy.status = DeputyStatus.SERVING.value
        deputy.left_office_on = None
        session.add(deputy)


# --- deleting a record entered by mistake -----------------------------------------------------
def delete_deputy(db: Database, deputy_id: int) -> None:
    """Delete the record (audited). Refused once the deputy has opinions or a record of duties.

    Its photo file goes too, once the deletion is committed, unless another record shares it.
    """
    with db.session() as session:
        deputy = _get(session, deputy_id)
        opinions = _count(session, Opinion, Opinion.deputy_id == deputy_id)
        activities = _count(session, ActivityDeputyLink, ActivityDeputyLink.deputy_id == deputy_id)
        duties = _count(session, ReceptionDutyLink, ReceptionDutyLink.deputy_id == deputy_id)
        uses = [f"{n} 条{what}" for n, what in ((opinions, "民情意见"), (activities, "走访活动记录"),
                                               (duties, "接待日值班安排")) if n]
        uses += outcome_uses(session, deputy_id=deputy_id)   # suggestions, meetings, 述职, projects, mediation
        if uses:
            raise DeputyActionError(
                f"{deputy.name}已有{'、'.join(uses)}，删除会让这些记录失去代表信息，因此不能删除。"
                "如果这位代表已不再履职，请使用“离任”。")
        photo = deputy.photo_file
        # deleted here rather than by the database's ON DELETE CASCADE, so each one is audited
        for model in (DeputyBusyDate, ReceptionPoolLink, DeputyStationLink):
            for row in session.exec(select(model).where(model.deputy_id == deputy_id)):
                session.delete(row)
        session.flush()   # before the deputy's own row, whose deletion would cascade them away unaudited
        session.delete(deputy)
    if photo:
        with db.session() as session:
            still_used = _count(session, Deputy, Deputy.photo_file == photo) > 0
        remove_photo_if_unused(db, photo, still_used)


def _count(session: Session, model, condition) -> int:
    return session.exec(select(func.count()).select_from(model).where(condition)).one()
