"""Duty posts: a kind, a place (grid, station or both), a recurrence, the hours, how many people a
shift takes and the pool they are drawn from (deputies and other people)."""
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import (Deputy, Duty, DutyKind, DutyPoolDeputy, DutyPoolPerson, DutyShift, DutyShiftDeputy,
                               DutyShiftPerson, Grid, Person, Station)
from gridoffice.domain.dates import WEEKDAYS
from gridoffice.domain.duty_rules import format_terms, format_weekdays, parse_terms, weekday_labels
from gridoffice.domain.enums import DeputyStatus, DutyRecurrence, DutyStatus
from gridoffice.domain.errors import FieldError
from gridoffice.domain.rules import normalize_text

MAX_PER_SHIFT = 30
NTH_LABELS = {1: "第一个", 2: "第二个", 3: "第三个", 4: "第四个", -1: "最后一个"}


class DutyInputError(FieldError):
    """Bad input for a duty post: `field` names the form field, the message is Chinese."""


@dataclass
class DutyInput:
    kind_id: int | None
    name: str
    recurrence: str = DutyRecurrence.WEEKLY.value
    weekdays: Sequence[int] = (0,)
    nth: int = 1
    terms: str = ""
    start_time: dt.time = dt.time(9, 0)
    end_time: dt.time = dt.time(11, 0)
    per_shift: int = 2
    grid_id: int | None = None
    station_id: int | None = None
    place: str = ""
    deputy_ids: Sequence[int] = field(default_factory=list)
    person_ids: Sequence[int] = field(default_factory=list)
    active: bool = True
    notes: str = ""


def describe_recurrence(recurrence: str, weekdays: Sequence[int], nth: int, start: dt.time, end: dt.time) -> str:
    """'每周一 09:00-11:00', '每月第一个周五 …', '每季度首月第二个周三 …', '上学日（周一、周二）07:20-08:00'."""
    hours = f"{start:%H:%M}-{end:%H:%M}"
    first = f"周{WEEKDAYS[weekdays[0]]}" if weekdays else "周一"
    if recurrence == DutyRecurrence.WEEKLY.value:
        return f"每{weekday_labels(weekdays) or '周一'} {hours}"
    if recurrence == DutyRecurrence.MONTHLY.value:
        return f"每月{NTH_LABELS.get(nth, f'第{nth}个')}{first} {hours}"
    if recurrence == DutyRecurrence.QUARTERLY.value:
        return f"每季度首月{NTH_LABELS.get(nth, f'第{nth}个')}{first} {hours}"
    return f"上学日（{weekday_labels(weekdays) or '每天'}）{hours}"


def clean_duty(session: Session, data: DutyInput) -> DutyInput:
    """The input trimmed and checked; raises DutyInputError naming the field."""
    if data.kind_id is None or session.get(DutyKind, data.kind_id) is None:
        raise DutyInputError("kind", "请选择值守类型（如网格巡查、护学岗）。")
    name = normalize_text(data.name)
    if not name:
        raise DutyInputError("name", "请填写岗位名称，例如“育英小学护学岗”或“东湖社区第1网格巡查”。")
    if len(name) > 100:
        raise DutyInputError("name", "岗位名称不能超过 100 个字。")
    if data.recurrence not in {r.value for r in DutyRecurrence}:
        raise DutyInputError("recurrence", "请选择重复方式：每周、每月、每季度或上学日。")
    weekdays = tuple(sorted(set(data.weekdays)))
    if any(not 0 <= d <= 6 for d in weekdays):
        raise DutyInputError("weekdays", "星期应在周一到周日之间。")
    if data.recurrence != DutyRecurrence.SCHOOL_DAYS.value and not weekdays:
        raise DutyInputError("weekdays", "请选择在星期几值守。")
    if data.recurrence in (DutyRecurrence.MONTHLY.value, DutyRecurrence.QUARTERLY.value) and data.nth not in NTH_LABELS:
        raise DutyInputError("nth", "请选择每月第几个星期几（第一个到第四个，或最后一个）。")
    terms = ""
    if data.recurrence == DutyRecurrence.SCHOOL_DAYS.value:
        try:
            parsed = parse_terms(data.terms)
        except ValueError as error:
            raise DutyInputError("terms", f"{error}。") from None
        if not parsed:
            raise DutyInputError("terms", "上学日的岗位要填写学期的起止日期，例如 2026-09-01~2027-01-22。")
        terms = format_terms(parsed)
    if data.end_time <= data.start_time:
        raise DutyInputError("start_time", "结束时间应晚于开始时间。")
    if not 1 <= int(data.per_shift) <= MAX_PER_SHIFT:
        raise DutyInputError("per_shift", f"每次值守人数应在 1 到 {MAX_PER_SHIFT} 之间。")
    if data.grid_id is not None and session.get(Grid, data.grid_id) is None:
        raise DutyInputError("grid", "所选网格已不存在，请重新选择。")
    if data.station_id is not None and session.get(Station, data.station_id) is None:
        raise DutyInputError("station", "所选联络站已不存在，请重新选择。")
    place = normalize_text(data.place)
    if len(place) > 200:
        raise DutyInputError("place", "地点不能超过 200 个字。")
    deputy_ids = list(dict.fromkeys(data.deputy_ids))
    person_ids = list(dict.fromkeys(data.person_ids))
    if deputy_ids:
        serving = set(session.exec(select(Deputy.id).where(Deputy.id.in_(deputy_ids),
                                                           Deputy.status == DeputyStatus.SERVING.value)))
        if len(serving) != len(deputy_ids):
            raise DutyInputError("pool", "值守人员库只能有在任代表，请重新选择。")
    if person_ids and len(set(session.exec(select(Person.id).where(Person.id.in_(person_ids))))) != len(person_ids):
        raise DutyInputError("pool", "值守人员库中有人已从人员名册中删除，请重新选择。")
    return DutyInput(data.kind_id, name, data.recurrence, weekdays, data.nth, terms, data.start_time, data.end_time,
                     int(data.per_shift), data.grid_id, data.station_id, place, deputy_ids, person_ids,
                     bool(data.active), (data.notes or "").strip())


def save_duty(db: Database, data: DutyInput, duty_id: int | None = None) -> int:
    with db.session() as session:
        return store_duty(session, data, duty_id)


def store_duty(session: Session, data: DutyInput, duty_id: int | None = None) -> int:
    clean = clean_duty(session, data)
    duty = session.get(Duty, duty_id) if duty_id is not None else Duty(kind_id=clean.kind_id, name=clean.name)
    if duty is None:
        raise DutyInputError("name", "这个岗位已被删除，请关闭后重新打开。")
    values = {"kind_id": clean.kind_id, "name": clean.name, "recurrence": clean.recurrence,
              "weekdays": format_weekdays(clean.weekdays), "nth": clean.nth, "terms": clean.terms,
              "start_time": clean.start_time, "end_time": clean.end_time, "per_shift": clean.per_shift,
              "grid_id": clean.grid_id, "station_id": clean.station_id, "place": clean.place,
              "active": clean.active, "notes": clean.notes}
    for key, value in values.items():
        if getattr(duty, key) != value:
            setattr(duty, key, value)
    session.add(duty)
    session.flush()
    _set_pool(session, DutyPoolDeputy, "deputy_id", duty.id, clean.deputy_ids)
    _set_pool(session, DutyPoolPerson, "person_id", duty.id, clean.person_ids)
    return duty.id


def _set_pool(session: Session, model, key: str, duty_id: int, wanted: Sequence[int]) -> None:
    current = {getattr(link, key): link for link in session.exec(select(model).where(model.duty_id == duty_id))}
    for member_id, link in current.items():
        if member_id not in wanted:
            session.delete(link)
    for member_id in wanted:
        if member_id not in current:
            session.add(model(duty_id=duty_id, **{key: member_id}))
    session.flush()


def delete_duty(db: Database, duty_id: int) -> None:
    """A post with shifts done or missed cannot go (they are its record): mark it inactive instead.
    Its planned shifts and pool go with it, each row audited."""
    with db.session() as session:
        duty = session.get(Duty, duty_id)
        if duty is None:
            return
        recorded = session.exec(select(func.count()).select_from(DutyShift).where(
            DutyShift.duty_id == duty_id, DutyShift.status != DutyStatus.PLANNED.value)).one()
        if recorded:
            raise DutyInputError("name", f"“{duty.name}”已有 {recorded} 次值守记录，不能删除；可以取消“启用”，不再排班。")
        shift_ids = list(session.exec(select(DutyShift.id).where(DutyShift.duty_id == duty_id)))
        for model in (DutyShiftDeputy, DutyShiftPerson):
            for link in session.exec(select(model).where(model.shift_id.in_(shift_ids))):
                session.delete(link)
        for model in (DutyPoolDeputy, DutyPoolPerson):
            for link in session.exec(select(model).where(model.duty_id == duty_id)):
                session.delete(link)
        session.flush()
        for shift in session.exec(select(DutyShift).where(DutyShift.duty_id == duty_id)):
            session.delete(shift)
        session.flush()
        session.delete(duty)


@dataclass(frozen=True)
class DutyRow:
    id: int
    kind_id: int
    kind: str
    color: str
    name: str
    when: str              # the recurrence in words
    grid: str
    station: str
    place: str
    per_shift: int
    pool_size: int
    active: bool
    recurrence: str


def list_duties(db: Database, *, kind_id: int | None = None) -> list[DutyRow]:
    with db.session() as session:
        return read_duties(session, kind_id=kind_id)


def read_duties(session: Session, *, kind_id: int | None = None) -> list[DutyRow]:
    pools: dict[int, int] = defaultdict(int)
    for model in (DutyPoolDeputy, DutyPoolPerson):
        for duty_id, count in session.exec(select(model.duty_id, func.count()).group_by(model.duty_id)):
            pools[duty_id] += count
    query = (select(Duty, DutyKind.name, DutyKind.color, Grid.code, Station.name)
             .join(DutyKind, DutyKind.id == Duty.kind_id).join(Grid, Grid.id == Duty.grid_id, isouter=True)
             .join(Station, Station.id == Duty.station_id, isouter=True)
             .order_by(DutyKind.sort_order, DutyKind.id, Duty.name, Duty.id))
    if kind_id is not None:
        query = query.where(Duty.kind_id == kind_id)
    rows = []
    for duty, kind, color, grid, station in session.exec(query):
        weekdays = tuple(int(d) for d in duty.weekdays.split(",") if d.strip().isdigit())
        rows.append(DutyRow(duty.id, duty.kind_id, kind, color, duty.name,
                            describe_recurrence(duty.recurrence, weekdays, duty.nth, duty.start_time, duty.end_time),
                            grid or "", station or "", duty.place, duty.per_shift, pools.get(duty.id, 0), duty.active,
                            duty.recurrence))
    return rows


def duty_input(db: Database, duty_id: int) -> DutyInput:
    """A post as its form shows it."""
    with db.session() as session:
        duty = session.get(Duty, duty_id)
        if duty is None:
            raise DutyInputError("name", "这个岗位已被删除，请刷新列表。")
        deputies = list(session.exec(select(DutyPoolDeputy.deputy_id).where(DutyPoolDeputy.duty_id == duty_id)
                                     .order_by(DutyPoolDeputy.deputy_id)))
        people = list(session.exec(select(DutyPoolPerson.person_id).where(DutyPoolPerson.duty_id == duty_id)
                                   .order_by(DutyPoolPerson.person_id)))
        weekdays = tuple(int(d) for d in duty.weekdays.split(",") if d.strip().isdigit())
        return DutyInput(duty.kind_id, duty.name, duty.recurrence, weekdays, duty.nth, duty.terms, duty.start_time,
                         duty.end_time, duty.per_shift, duty.grid_id, duty.station_id, duty.place, deputies, people,
                         duty.active, duty.notes)
