"""值守排班: the dates of each post and a fair rota of its pool, deputies and other people together.

Fairness is the reception rota's (services/reception/schedule.py, `Rotation`): each shift takes the
members with the fewest shifts so far, then the least-repeated company, then the fixed order that
walks through every pair. Members are keyed by int: a deputy by their id, a person by minus theirs.

Dates: 每周 / 每月 / 每季度 follow the reception rules' dates (遇节假日顺延, reused from there); 上学日
are the working days inside the post's terms on its weekdays: no holidays, no weekends (except a
调休 working Saturday, when schools are open), no term breaks. A member is not drawn when they are
busy (登记的不便日期), on reception duty or on another shift at overlapping hours that day; a shift
that cannot be filled is reported.
"""
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import (Deputy, DeputyBusyDate, Duty, DutyKind, DutyPoolDeputy, DutyPoolPerson, DutyShift,
                               DutyShiftDeputy, DutyShiftPerson, Person, ReceptionDay, ReceptionDutyLink, Station)
from gridoffice.domain.dates import chinese_date, weekday_name
from gridoffice.domain.duty_rules import parse_terms
from gridoffice.domain.enums import DeputyStatus, DutyRecurrence, DutyStatus, ReceptionStatus, RecurrenceKind
from gridoffice.domain.stations import short_station_name

from gridoffice.services.reception.holidays import HolidayCalendar, calendar_of
from gridoffice.services.reception.schedule import Member, Rotation, RuleSpec, month_range, rule_dates

QUARTER_MONTHS = (1, 4, 7, 10)
Interval = tuple[dt.time, dt.time]


def deputy_key(deputy_id: int) -> int:
    return deputy_id


def person_key(person_id: int) -> int:
    return -person_id


def split_keys(keys: Iterable[int]) -> tuple[list[int], list[int]]:
    """(deputy ids, person ids) of member keys."""
    keys = list(keys)
    return [k for k in keys if k > 0], [-k for k in keys if k < 0]


@dataclass(frozen=True)
class DutySpec:
    duty_id: int
    name: str
    recurrence: str
    weekdays: tuple[int, ...] = (0,)
    nth: int = 1
    terms: tuple[tuple[dt.date, dt.date], ...] = ()
    start_time: dt.time = dt.time(9, 0)
    end_time: dt.time = dt.time(11, 0)
    per_shift: int = 2
    pool: tuple[int, ...] = ()          # member keys


@dataclass
class PlannedShift:
    duty_id: int
    duty_name: str
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    member_keys: list[int]
    nominal: dt.date

    @property
    def moved(self) -> bool:
        return self.nominal != self.date

    @property
    def notes(self) -> str:
        return f"遇节假日顺延（原定{chinese_date(self.nominal)}）" if self.moved else ""


@dataclass(frozen=True)
class ExistingShift:
    id: int
    duty_id: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    member_keys: tuple[int, ...]
    status: str
    replaceable: bool


@dataclass
class Rota:
    start: dt.date
    end: dt.date
    duty_ids: list[int]
    shifts: list[PlannedShift] = field(default_factory=list)
    counts: dict[int, dict[int, int]] = field(default_factory=dict)   # duty id → member key → shifts
    warnings: list[str] = field(default_factory=list)
    replaced_ids: list[int] = field(default_factory=list)
    kept: int = 0
    names: dict[int, str] = field(default_factory=dict)               # member key → name
    duty_names: dict[int, str] = field(default_factory=dict)

    def spread(self, duty_id: int) -> int:
        values = list(self.counts.get(duty_id, {}).values())
        return max(values) - min(values) if values else 0

    def label(self, key: int) -> str:
        return self.names.get(key, str(key))


# --- dates -----------------------------------------------------------------------------------------

def _rule(spec: DutySpec, weekday: int, recurrence: str) -> RuleSpec:
    return RuleSpec(spec.duty_id, spec.name, recurrence, nth=spec.nth, weekday=weekday,
                    start_time=spec.start_time, end_time=spec.end_time, per_day=spec.per_shift)


def duty_dates(spec: DutySpec, start: dt.date, end: dt.date, holidays: HolidayCalendar) -> list[tuple[dt.date, dt.date]]:
    """(date, nominal date) of the post's shifts in [start, end], in order."""
    if spec.recurrence == DutyRecurrence.SCHOOL_DAYS.value:
        days = []
        for first, last in spec.terms:
            day = max(first, start)
            while day <= min(last, end):
                if holidays.is_workday(day) and _is_school_day(spec.weekdays, day):
                    days.append((day, day))
                day += dt.timedelta(days=1)
        return days
    if spec.recurrence == DutyRecurrence.WEEKLY.value:
        found: dict[dt.date, dt.date] = {}
        for weekday in spec.weekdays or (0,):
            for day, nominal in rule_dates(_rule(spec, weekday, RecurrenceKind.WEEKLY.value), start, end, holidays):
                found.setdefault(day, nominal)
        return sorted(found.items())
    weekday = (spec.weekdays or (0,))[0]
    dates = rule_dates(_rule(spec, weekday, RecurrenceKind.NTH_WEEKDAY.value), start, end, holidays)
    if spec.recurrence == DutyRecurrence.QUARTERLY.value:
        dates = [(day, nominal) for day, nominal in dates if nominal.month in QUARTER_MONTHS]
    return dates


def _is_school_day(weekdays: tuple[int, ...], day: dt.date) -> bool:
    """A working day on one of the post's weekdays; a 调休 working weekend day only for a post of
    every school day (its timetable is another weekday's)."""
    if day.weekday() >= 5:
        return not weekdays
    return not weekdays or day.weekday() in weekdays


class DutyRotation(Rotation):
    """The reception rota's Rotation, choosing among the few members who can win only.

    Every cost Rotation compares begins with the count (a pair: the sum of the two counts), so a member
    whose count is above the per_day-th lowest count can never be chosen: leaving them out gives the
    same choice, and a pool of thirty for a weekly patrol costs a tenth as much."""

    def choose(self, available: Sequence[int]) -> list[int]:
        known = [i for i in available if i in self.index]
        if len(known) > self.per_day:
            ceiling = sorted(self.counts[i] for i in known)[self.per_day - 1]
            known = [i for i in known if self.counts[i] <= ceiling]
        return super().choose(known)


def mixed_order(pool: Sequence[Member]) -> list[Member]:
    """Deputies spread evenly among the other people: the rota's tie-breaks follow the pool's order,
    so every shift of a mixed pool gets deputies and people alike (人大代表护学岗 has deputies)."""
    deputies = [m for m in pool if m.id > 0]
    people = [m for m in pool if m.id < 0]
    if not deputies or not people:
        return list(pool)
    few, many = (deputies, people) if len(deputies) <= len(people) else (people, deputies)
    result, step = [], len(many) / len(few)
    for index, member in enumerate(few):
        result.append(member)
        result.extend(many[round(index * step):round((index + 1) * step)])
    return result


def _overlaps(a: Interval, b: Interval) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# --- the rota ------------------------------------------------------------------------------------------

def make_rota(specs: Sequence[DutySpec], members: dict[int, Member], holidays: HolidayCalendar, start: dt.date,
              end: dt.date, *, busy: Iterable[tuple[int, dt.date]] = (),
              booked: dict[dt.date, list[tuple[int, dt.time, dt.time]]] | None = None,
              existing: Sequence[ExistingShift] = (), history: dict[int, list[Sequence[int]]] | None = None) -> Rota:
    """Plan the posts of `specs` together over [start, end]. `booked`: who is already on duty when
    (reception days, posts of other kinds); `existing`: the stored shifts of these posts in the
    period (planned ones are replaced, the others kept); `history`: each post's earlier shifts."""
    busy_set = set(busy)
    taken: dict[dt.date, list[tuple[int, dt.time, dt.time]]] = defaultdict(list)
    for day, entries in (booked or {}).items():
        taken[day].extend(entries)
    rota = Rota(start, end, [s.duty_id for s in specs], names={k: m.name for k, m in members.items()},
                duty_names={s.duty_id: s.name for s in specs})
    rota.warnings.extend(holidays.warnings(start, end))
    rotations: dict[int, Rotation] = {}
    for spec in specs:
        pool = mixed_order([members[k] for k in dict.fromkeys(spec.pool) if k in members])
        rotations[spec.duty_id] = DutyRotation(pool, max(1, spec.per_shift), (history or {}).get(spec.duty_id, ()))
        if not pool:
            rota.warnings.append(f"{spec.name}的值守人员库是空的，没有为它排班。")
        elif len(pool) < spec.per_shift:
            rota.warnings.append(f"{spec.name}的值守人员库只有 {len(pool)} 人，少于每次值守的 {spec.per_shift} 人。")
    kept_slots: set[tuple[int, dt.date]] = set()
    for shift in existing:
        if shift.replaceable:
            rota.replaced_ids.append(shift.id)
            continue
        taken[shift.date].extend((k, shift.start_time, shift.end_time) for k in shift.member_keys)
        if shift.duty_id in rotations and start <= shift.date <= end:
            rota.kept += 1
            kept_slots.add((shift.duty_id, shift.date))
            if shift.status != DutyStatus.CANCELLED.value:
                rotations[shift.duty_id].record(shift.member_keys)
    slots = [(day, nominal, spec) for spec in specs if rotations[spec.duty_id].members
             for day, nominal in duty_dates(spec, start, end, holidays) if (spec.duty_id, day) not in kept_slots]
    slots.sort(key=lambda s: (s[0], s[2].start_time, s[2].duty_id))
    for day, nominal, spec in slots:
        rotation = rotations[spec.duty_id]
        hours = (spec.start_time, spec.end_time)
        on_duty = {k for k, s, e in taken.get(day, ()) if _overlaps(hours, (s, e))}
        available = [m.id for m in rotation.members
                     if m.serves_on(day) and (m.id, day) not in busy_set and m.id not in on_duty]
        chosen = rotation.choose(available)
        rotation.record(chosen)
        taken[day].extend((k, spec.start_time, spec.end_time) for k in chosen)
        rota.shifts.append(PlannedShift(spec.duty_id, spec.name, day, spec.start_time, spec.end_time, chosen, nominal))
        if len(chosen) < min(spec.per_shift, len(rotation.members)):
            rota.warnings.append(f"{chinese_date(day)}（{weekday_name(day)}）{spec.name}：只有 {len(chosen)} 人可以值守"
                                 "（其余人员当天不便、在接待日值班或已在别处值守），请手工补充。")
    for duty_id, rotation in rotations.items():
        rota.counts[duty_id] = {m.id: rotation.counts[m.id] for m in rotation.members}
        if rota.spread(duty_id) > 1:
            rota.warnings.append(f"{rota.duty_names[duty_id]}：值守次数最多与最少相差 {rota.spread(duty_id)} 次"
                                 "（不便日期、接待值班或跨岗位值守所致），可手工调整。")
    return rota


# --- reading and writing the office's tables ----------------------------------------------------------

def duty_specs(session: Session, kind_id: int, *, duty_ids: Iterable[int] | None = None) -> list[DutySpec]:
    """The active posts of a kind with their pools."""
    query = select(Duty).where(Duty.kind_id == kind_id, Duty.active).order_by(Duty.id)
    if duty_ids is not None:
        query = query.where(Duty.id.in_(list(duty_ids)))
    duties = session.exec(query).all()
    pools: dict[int, list[int]] = defaultdict(list)
    ids = [d.id for d in duties]
    for duty_id, deputy_id in session.exec(select(DutyPoolDeputy.duty_id, DutyPoolDeputy.deputy_id)
                                           .where(DutyPoolDeputy.duty_id.in_(ids))
                                           .order_by(DutyPoolDeputy.duty_id, DutyPoolDeputy.deputy_id)):
        pools[duty_id].append(deputy_key(deputy_id))
    for duty_id, person_id in session.exec(select(DutyPoolPerson.duty_id, DutyPoolPerson.person_id)
                                           .where(DutyPoolPerson.duty_id.in_(ids))
                                           .order_by(DutyPoolPerson.duty_id, DutyPoolPerson.person_id)):
        pools[duty_id].append(person_key(person_id))
    specs = []
    for duty in duties:
        weekdays = tuple(int(d) for d in duty.weekdays.split(",") if d.strip().isdigit())
        terms = tuple(parse_terms(duty.terms)) if duty.terms else ()
        specs.append(DutySpec(duty.id, duty.name, duty.recurrence, weekdays, duty.nth, terms, duty.start_time,
                              duty.end_time, duty.per_shift, tuple(pools.get(duty.id, ()))))
    return specs


def load_members(session: Session) -> dict[int, Member]:
    """Serving deputies and active people, by member key; people mix with deputies (no level)."""
    members = {deputy_key(d.id): Member(deputy_key(d.id), d.name, d.levels, d.expertise, d.took_office_on,
                                        d.left_office_on)
               for d in session.exec(select(Deputy).where(Deputy.status == DeputyStatus.SERVING.value)
                                     .order_by(Deputy.id))}
    members.update({person_key(p.id): Member(person_key(p.id), p.name, "", p.role)
                    for p in session.exec(select(Person).where(Person.active).order_by(Person.id))})
    return members


def load_busy(session: Session, start: dt.date, end: dt.date) -> set[tuple[int, dt.date]]:
    return {(deputy_key(deputy_id), day) for deputy_id, day in session.exec(
        select(DeputyBusyDate.deputy_id, DeputyBusyDate.date).where(DeputyBusyDate.date >= start,
                                                                   DeputyBusyDate.date <= end))}


def reception_bookings(session: Session, start: dt.date, end: dt.date) -> dict[dt.date, list[tuple[int, dt.time, dt.time]]]:
    booked: dict[dt.date, list[tuple[int, dt.time, dt.time]]] = defaultdict(list)
    query = (select(ReceptionDay.date, ReceptionDay.start_time, ReceptionDay.end_time, ReceptionDutyLink.deputy_id)
             .join(ReceptionDutyLink, ReceptionDutyLink.reception_day_id == ReceptionDay.id)
             .where(ReceptionDay.date >= start, ReceptionDay.date <= end,
                    ReceptionDay.status != ReceptionStatus.CANCELLED.value))
    for day, first, last, deputy_id in session.exec(query):
        booked[day].append((deputy_key(deputy_id), first, last))
    return booked


def shift_members(session: Session, shift_ids: Sequence[int]) -> dict[int, list[int]]:
    """shift id → member keys (deputies first, then people)."""
    members: dict[int, list[int]] = defaultdict(list)
    for start in range(0, len(shift_ids), 900):
        chunk = list(shift_ids[start:start + 900])
        for shift_id, deputy_id in session.exec(select(DutyShiftDeputy.shift_id, DutyShiftDeputy.deputy_id)
                                                .where(DutyShiftDeputy.shift_id.in_(chunk))
                                                .order_by(DutyShiftDeputy.shift_id, DutyShiftDeputy.deputy_id)):
            members[shift_id].append(deputy_key(deputy_id))
        for shift_id, person_id in session.exec(select(DutyShiftPerson.shift_id, DutyShiftPerson.person_id)
                                                .where(DutyShiftPerson.shift_id.in_(chunk))
                                                .order_by(DutyShiftPerson.shift_id, DutyShiftPerson.person_id)):
            members[shift_id].append(person_key(person_id))
    return members


def load_existing(session: Session, start: dt.date, end: dt.date, duty_ids: Iterable[int]) -> list[ExistingShift]:
    """Every stored shift of the period: the planned ones of the posts being planned are replaceable."""
    planning = set(duty_ids)
    shifts = session.exec(select(DutyShift).where(DutyShift.date >= start, DutyShift.date <= end)
                          .order_by(DutyShift.date, DutyShift.id)).all()
    members = shift_members(session, [s.id for s in shifts])
    return [ExistingShift(s.id, s.duty_id, s.date, s.start_time, s.end_time, tuple(members.get(s.id, ())), s.status,
                          replaceable=s.duty_id in planning and s.status == DutyStatus.PLANNED.value)
            for s in shifts]


def load_history(session: Session, duty_ids: Iterable[int], before: dt.date) -> dict[int, list[tuple[int, ...]]]:
    shifts = session.exec(select(DutyShift.id, DutyShift.duty_id).where(
        DutyShift.date < before, DutyShift.duty_id.in_(list(duty_ids)),
        DutyShift.status != DutyStatus.CANCELLED.value).order_by(DutyShift.date, DutyShift.id)).all()
    members = shift_members(session, [shift_id for shift_id, _ in shifts])
    history: dict[int, list[tuple[int, ...]]] = defaultdict(list)
    for shift_id, duty_id in shifts:
        history[duty_id].append(tuple(members.get(shift_id, ())))
    return dict(history)


def generate_rota(db: Database, kind_id: int, start: dt.date, end: dt.date, *,
                  duty_ids: Iterable[int] | None = None) -> Rota:
    """A rota for the active posts of a kind over [start, end]; nothing is written."""
    with db.session() as session:
        specs = duty_specs(session, kind_id, duty_ids=duty_ids)
        chosen = [s.duty_id for s in specs]
        rota = make_rota(specs, load_members(session), calendar_of(session), start, end,
                         busy=load_busy(session, start, end), booked=reception_bookings(session, start, end),
                         existing=load_existing(session, start, end, chosen), history=load_history(session, chosen, start))
        if not specs:
            kind = session.get(DutyKind, kind_id)
            rota.warnings.insert(0, f"“{kind.name if kind else ''}”还没有启用的岗位，请先新增岗位并选择值守人员。")
    return rota


@dataclass(frozen=True)
class SaveResult:
    added: int
    removed: int


def save_rota(db: Database, rota: Rota) -> SaveResult:
    """Replace the period's planned shifts of these posts by the rota's (one transaction, audited)."""
    with db.session() as session:
        removed = 0
        for shift_id in rota.replaced_ids:
            shift = session.get(DutyShift, shift_id)
            if shift is None or shift.status != DutyStatus.PLANNED.value:
                continue
            for model in (DutyShiftDeputy, DutyShiftPerson):
                for link in session.exec(select(model).where(model.shift_id == shift_id)):
                    session.delete(link)
            session.flush()
            session.delete(shift)
            removed += 1
        session.flush()
        for planned in rota.shifts:
            shift = DutyShift(duty_id=planned.duty_id, date=planned.date, start_time=planned.start_time,
                              end_time=planned.end_time, notes=planned.notes)
            session.add(shift)
            session.flush()
            deputies, people = split_keys(planned.member_keys)
            session.add_all([DutyShiftDeputy(shift_id=shift.id, deputy_id=i) for i in deputies])
            session.add_all([DutyShiftPerson(shift_id=shift.id, person_id=i) for i in people])
        session.flush()
        return SaveResult(len(rota.shifts), removed)


def rota_period(first_month: dt.date, months: int) -> tuple[dt.date, dt.date]:
    return month_range(first_month, months)


# --- clashes with reception duty ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Clash:
    shift_id: int
    date: dt.date
    duty: str
    name: str            # the deputy on both
    station: str         # where they receive residents that day
    hours: str           # "09:00-11:30 接待 / 09:00-11:00 值守"

    @property
    def message(self) -> str:
        return (f"{chinese_date(self.date)}（{weekday_name(self.date)}）{self.name}既在{self.station}接待值班，"
                f"又排在“{self.duty}”值守（{self.hours}）。")


def read_clashes(session: Session, start: dt.date, end: dt.date) -> list[Clash]:
    """Deputies on a duty shift and on reception duty at overlapping hours the same day."""
    reception = defaultdict(list)
    query = (select(ReceptionDay.date, ReceptionDay.start_time, ReceptionDay.end_time, ReceptionDutyLink.deputy_id,
                    Station.name)
             .join(ReceptionDutyLink, ReceptionDutyLink.reception_day_id == ReceptionDay.id)
             .join(Station, Station.id == ReceptionDay.station_id)
             .where(ReceptionDay.date >= start, ReceptionDay.date <= end,
                    ReceptionDay.status != ReceptionStatus.CANCELLED.value))
    for day, first, last, deputy_id, station in session.exec(query):
        reception[(day, deputy_id)].append((first, last, station))
    if not reception:
        return []
    shifts = (select(DutyShift.id, DutyShift.date, DutyShift.start_time, DutyShift.end_time, Duty.name,
                     DutyShiftDeputy.deputy_id, Deputy.name)
              .join(Duty, Duty.id == DutyShift.duty_id)
              .join(DutyShiftDeputy, DutyShiftDeputy.shift_id == DutyShift.id)
              .join(Deputy, Deputy.id == DutyShiftDeputy.deputy_id)
              .where(DutyShift.date >= start, DutyShift.date <= end,
                     DutyShift.status.in_([DutyStatus.PLANNED.value, DutyStatus.DONE.value]))
              .order_by(DutyShift.date, DutyShift.start_time, DutyShift.id, Deputy.id))
    clashes = []
    for shift_id, day, first, last, duty, deputy_id, name in session.exec(shifts):
        for r_first, r_last, station in reception.get((day, deputy_id), ()):
            if _overlaps((first, last), (r_first, r_last)):
                clashes.append(Clash(shift_id, day, duty, name, short_station_name(station),
                                     f"{r_first:%H:%M}-{r_last:%H:%M} 接待 / {first:%H:%M}-{last:%H:%M} 值守"))
    return clashes


def find_clashes(db: Database, start: dt.date, end: dt.date) -> list[Clash]:
    with db.session() as session:
        return read_clashes(session, start, end)
