"""Duty shifts after planning: the month's shifts (the calendar, the list, the printed rota), a
shift marked done (it becomes an activity of the visit log, with its deputies and people),
marked missed or cancelled, its people changed by hand, and the shifts missed."""
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import (Activity, ActivityPersonLink, Deputy, Duty, DutyKind, DutyShift, DutyShiftDeputy,
                               DutyShiftPerson, Grid, Person, Station)
from gridoffice.domain.enums import DutyStatus
from gridoffice.domain.errors import FieldError
from gridoffice.domain.stations import short_station_name

from gridoffice.services.activities.records import ActivityInput, ActivityInputError, validate_activity
from gridoffice.services.duties.schedule import Clash, deputy_key, person_key, read_clashes, shift_members, split_keys

S = DutyStatus


class ShiftInputError(FieldError):
    """A change to a shift that cannot be made: `field` names the form field, the message is Chinese."""


@dataclass(frozen=True)
class ShiftRow:
    id: int
    duty_id: int
    duty: str
    kind: str
    color: str
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    status: str
    member_keys: tuple[int, ...]
    people: str             # "张三（代表）、李四（网格员）"
    names: tuple[str, ...]  # for the calendar's chips
    place: str
    grid: str
    notes: str
    activity_id: int | None
    missed: bool            # planned, and its day has passed without being marked done
    station_id: int | None = None

    @property
    def time_range(self) -> str:
        return f"{self.start_time:%H:%M}-{self.end_time:%H:%M}"

    @property
    def shown_status(self) -> str:
        return "未记录（可能漏岗）" if self.missed else self.status


def read_shifts(session: Session, *, start: dt.date, end: dt.date, today: dt.date, kind_id: int | None = None,
                duty_id: int | None = None) -> list[ShiftRow]:
    query = (select(DutyShift, Duty.name, DutyKind.name, DutyKind.color, Duty.place, Grid.code, Station.name,
                    Duty.station_id)
             .join(Duty, Duty.id == DutyShift.duty_id).join(DutyKind, DutyKind.id == Duty.kind_id)
             .join(Grid, Grid.id == Duty.grid_id, isouter=True).join(Station, Station.id == Duty.station_id, isouter=True)
             .where(DutyShift.date >= start, DutyShift.date <= end)
             .order_by(DutyShift.date, DutyShift.start_time, DutyKind.sort_order, Duty.id, DutyShift.id))
    if kind_id is not None:
        query = query.where(Duty.kind_id == kind_id)
    if duty_id is not None:
        query = query.where(DutyShift.duty_id == duty_id)
    found = session.exec(query).all()
    members = shift_members(session, [row[0].id for row in found])
    deputies = dict(session.exec(select(Deputy.id, Deputy.name)).all())
    people = {p.id: (p.name, p.role) for p in session.exec(select(Person))}
    rows = []
    for shift, duty, kind, color, place, grid, station, station_id in found:
        keys = tuple(members.get(shift.id, ()))
        labels, names = [], []
        for key in keys:
            if key > 0:
                name = deputies.get(key, "?")
                labels.append(f"{name}（代表）")
            else:
                name, role = people.get(-key, ("?", ""))
                labels.append(f"{name}（{role}）")
            names.append(name)
        where = place or (short_station_name(station) if station else "") or (grid or "")
        rows.append(ShiftRow(shift.id, shift.duty_id, duty, kind, color, shift.date, shift.start_time, shift.end_time,
                             shift.status, keys, "、".join(labels), tuple(names), where, grid or "", shift.notes,
                             shift.activity_id, shift.status == S.PLANNED.value and shift.date < today, station_id))
    return rows


def list_shifts(db: Database, *, start: dt.date, end: dt.date, today: dt.date, kind_id: int | None = None,
                duty_id: int | None = None) -> list[ShiftRow]:
    with db.session() as session:
        return read_shifts(session, start=start, end=end, today=today, kind_id=kind_id, duty_id=duty_id)


def missed_shifts(db: Database, *, today: dt.date, since: dt.date | None = None) -> list[ShiftRow]:
    """Shifts marked 未到岗, and planned ones whose day passed without being marked done (the last year
    unless `since`)."""
    start = since or today - dt.timedelta(days=365)
    with db.session() as session:
        rows = read_shifts(session, start=start, end=today - dt.timedelta(days=1), today=today)
    return [row for row in rows if row.missed or row.status == S.MISSED.value]


@dataclass(frozen=True)
class DutyMonth:
    """What the duty tab and the calendar show for a month: the shifts and the clashes with reception duty."""
    shifts: list[ShiftRow]
    clashes: list[Clash]


def duty_month(db: Database, year: int, month: int, *, today: dt.date, kind_id: int | None = None) -> DutyMonth:
    first = dt.date(year, month, 1)
    last = dt.date(year + (month == 12), 1 if month == 12 else month + 1, 1) - dt.timedelta(days=1)
    with db.session() as session:
        return DutyMonth(read_shifts(session, start=first, end=last, today=today, kind_id=kind_id),
                         read_clashes(session, first, last))


def _shift(session: Session, shift_id: int) -> DutyShift:
    shift = session.get(DutyShift, shift_id)
    if shift is None:
        raise ShiftInputError("status", "这次值守已被删除，请刷新后再试。")
    return shift


def mark_done(db: Database, shift_id: int, *, today: dt.date, residents: int = 0, summary: str = "") -> int | None:
    """The shift happened: with deputies on it, it becomes an activity of the visit log (the duty
    kind's activity kind, its grid, station and place, its deputies and people). Returns the
    activity's id (None when only people who are not deputies were on duty)."""
    if not 0 <= residents <= 100_000:
        raise ShiftInputError("residents", "联系群众人数应在 0 到 100000 之间。")
    with db.session() as session:
        shift = _shift(session, shift_id)
        if shift.status == S.DONE.value:
            raise ShiftInputError("status", "这次值守已经记为完成。")
        if shift.date > today:
            raise ShiftInputError("status", "还没到值守的日子，不能记为完成。")
        duty = session.get(Duty, shift.duty_id)
        kind = session.get(DutyKind, duty.kind_id)
        deputy_ids, person_ids = split_keys(shift_members(session, [shift_id]).get(shift_id, ()))
        activity_id = None
        if deputy_ids:
            try:
                validate_activity(session, ActivityInput(shift.date, kind.activity_kind, deputy_ids, duty.grid_id,
                                                         duty.station_id), today)
            except ActivityInputError as error:
                raise ShiftInputError("status", str(error)) from None
            people = dict(session.exec(select(Person.id, Person.name).where(Person.id.in_(person_ids))).all())
            activity = Activity(date=shift.date, kind=kind.activity_kind, grid_id=duty.grid_id,
                                station_id=duty.station_id, place=duty.place,
                                other_participants="、".join(people[i] for i in person_ids if i in people)[:200],
                                residents_contacted=residents,
                                summary=(summary or "").strip() or f"{kind.name}：{duty.name}",
                                deputies=list(session.exec(select(Deputy).where(Deputy.id.in_(deputy_ids)))))
            session.add(activity)
            session.flush()
            session.add_all([ActivityPersonLink(activity_id=activity.id, person_id=i) for i in person_ids])
            activity_id = activity.id
        shift.status, shift.activity_id = S.DONE.value, activity_id
        session.add(shift)
        return activity_id


def set_status(db: Database, shift_id: int, status: str, *, note: str = "") -> None:
    """未到岗 / 已取消 / back to 计划. A shift done keeps its activity: undo that in the visit log first."""
    if status not in (S.MISSED.value, S.CANCELLED.value, S.PLANNED.value):
        raise ShiftInputError("status", "状态应为 未到岗、已取消 或 计划。")
    with db.session() as session:
        shift = _shift(session, shift_id)
        if shift.status == S.DONE.value and shift.activity_id is not None:
            activity = session.get(Activity, shift.activity_id)
            if activity is not None:
                raise ShiftInputError("status", f"这次值守已记为完成并生成了走访记录（{activity.date:%Y-%m-%d}），"
                                                "请先在“走访记录”中删除那条记录。")
        shift.status = status
        shift.activity_id = None
        if note.strip():
            shift.notes = note.strip()
        session.add(shift)


def set_people(db: Database, shift_id: int, deputy_ids: Sequence[int], person_ids: Sequence[int]) -> list[Clash]:
    """Change who is on a planned shift; returns the clashes with reception duty it now has."""
    with db.session() as session:
        shift = _shift(session, shift_id)
        if shift.status != S.PLANNED.value:
            raise ShiftInputError("people", "只能调整计划中的值守人员。")
        wanted = {deputy_key(i) for i in deputy_ids} | {person_key(i) for i in person_ids}
        for link in session.exec(select(DutyShiftDeputy).where(DutyShiftDeputy.shift_id == shift_id)):
            if deputy_key(link.deputy_id) not in wanted:
                session.delete(link)
        for link in session.exec(select(DutyShiftPerson).where(DutyShiftPerson.shift_id == shift_id)):
            if person_key(link.person_id) not in wanted:
                session.delete(link)
        current = set(shift_members(session, [shift_id]).get(shift_id, ()))
        for key in wanted - current:
            session.add(DutyShiftDeputy(shift_id=shift_id, deputy_id=key) if key > 0
                        else DutyShiftPerson(shift_id=shift_id, person_id=-key))
        session.flush()
        return [c for c in read_clashes(session, shift.date, shift.date) if c.shift_id == shift_id]
