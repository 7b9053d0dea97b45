"""接待日排班: the dates of each station's rule, a fair duty rotation, and duty conflicts.

The core (`make_plan`) takes plain data and no database, so the demo generator and the
benchmark use it too; `generate_plan` / `save_plan` read and write the office's tables.

Fairness, in order of priority, for each station's pool over the planned period:
1. counts: each day takes the deputies with the fewest duties so far (counts differ by at most one);
2. no pair repeats while an unused pair of equally low counts exists;
3. the order pairs come in: a fixed sequence that walks through every pair of the pool once
   (round-robin matchings for an even pool, Walecki's Hamiltonian cycles for an odd one, both of
   which keep counts within one at every step), with pairs of mixed level or expertise first.
When nothing constrains the choice, the days follow that sequence exactly; busy dates and duty at
another station the same day make a deputy unavailable, and the counts let them catch up later.
"""
import calendar
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import (Deputy, DeputyBusyDate, ReceptionDay, ReceptionDutyLink, ReceptionPoolLink,
                               ReceptionRule, Station)
from gridoffice.domain.dates import chinese_date, weekday_name
from gridoffice.domain.enums import DeputyStatus, ReceptionStatus, RecurrenceKind
from gridoffice.domain.rules import split_multi

from gridoffice.services.reception.holidays import PROBABLE, PROBABLE_LABEL, HolidayCalendar, calendar_of

Pair = tuple[int, int]


# --- plain data in and out ---------------------------------------------------------------------

@dataclass(frozen=True)
class RuleSpec:
    """A station's rule and pool as the scheduler needs them."""
    station_id: int
    station_name: str
    recurrence: str
    nth: int = 1
    weekday: int = 2
    day_of_month: int = 15
    months: tuple[int, ...] = ()
    start_time: dt.time = dt.time(9, 0)
    end_time: dt.time = dt.time(11, 30)
    place: str = ""
    per_day: int = 2
    pool: tuple[int, ...] = ()


@dataclass(frozen=True)
class Member:
    """A deputy as the scheduler sees them: who they are for mixing, when they serve."""
    id: int
    name: str
    levels: str = ""
    expertise: str = ""
    serving_from: dt.date | None = None
    serving_until: dt.date | None = None

    def serves_on(self, day: dt.date) -> bool:
        return (self.serving_from is None or self.serving_from <= day) and (
            self.serving_until is None or day <= self.serving_until)


@dataclass(frozen=True)
class ExistingDay:
    """A reception day already in the database. `replaceable` ones are dropped and planned anew."""
    id: int
    date: dt.date
    station_id: int
    deputy_ids: tuple[int, ...]
    status: str
    replaceable: bool = False


@dataclass
class PlannedDay:
    date: dt.date
    station_id: int
    station_name: str
    start_time: dt.time
    end_time: dt.time
    place: str
    deputy_ids: list[int]
    nominal: dt.date          # the date the rule gives, before 遇节假日顺延

    @property
    def moved(self) -> bool:
        return self.nominal != self.date

    @property
    def notes(self) -> str:
        return f"遇节假日顺延（原定{chinese_date(self.nominal)}）" if self.moved else ""


@dataclass
class Plan:
    start: dt.date
    end: dt.date
    station_ids: list[int]
    days: list[PlannedDay] = field(default_factory=list)
    # per station: deputy id → duties in the period (kept days held in the period included)
    counts: dict[int, dict[int, int]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    replaced_ids: list[int] = field(default_factory=list)   # planned days the save removes
    kept: int = 0                                           # held/cancelled days left as they are
    names: dict[int, str] = field(default_factory=dict)     # deputy id → name
    station_names: dict[int, str] = field(default_factory=dict)

    def spread(self, station_id: int) -> int:
        values = list(self.counts.get(station_id, {}).values())
        return max(values) - min(values) if values else 0


# --- dates from a rule ----------------------------------------------------------------------

def _months_between(first: dt.date, last: dt.date) -> Iterable[tuple[int, int]]:
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def date_in_month(rule: RuleSpec, year: int, month: int) -> dt.date | None:
    """The rule's date in a month (monthly rules), or None when the month has none."""
    if rule.recurrence == RecurrenceKind.MONTH_DAY.value:
        if rule.months and month not in rule.months:
            return None
        return dt.date(year, month, min(rule.day_of_month, calendar.monthrange(year, month)[1]))
    days = [week[rule.weekday] for week in calendar.monthcalendar(year, month) if week[rule.weekday]]
    if rule.nth == 0 or abs(rule.nth) > len(days):
        return None
    return dt.date(year, month, days[rule.nth - 1 if rule.nth > 0 else rule.nth])


def nominal_dates(rule: RuleSpec, first: dt.date, last: dt.date) -> list[dt.date]:
    if rule.recurrence == RecurrenceKind.WEEKLY.value:
        day = first + dt.timedelta(days=(rule.weekday - first.weekday()) % 7)
        result = []
        while day <= last:
            result.append(day)
            day += dt.timedelta(days=7)
        return result
    return [day for year, month in _months_between(first, last)
            if (day := date_in_month(rule, year, month)) is not None and first <= day <= last]


def rule_dates(rule: RuleSpec, start: dt.date, end: dt.date, holidays: HolidayCalendar) -> list[tuple[dt.date, dt.date]]:
    """(date, nominal date) of the rule whose date, moved past holidays, falls in [start, end].

    A date the previous month's rule moved into the period counts; two dates moved onto the same
    working day (a weekly rule over a long holiday) give one reception.
    """
    lookback = dt.date(start.year - (start.month == 1), 12 if start.month == 1 else start.month - 1, 1)
    result: dict[dt.date, dt.date] = {}
    for nominal in nominal_dates(rule, lookback, end):
        day = holidays.next_workday(nominal)
        if start <= day <= end:
            result.setdefault(day, nominal)
    return sorted(result.items())


def slot_of(rule: RuleSpec, day: dt.date) -> tuple[int, int]:
    """The rule's slot a date belongs to: its ISO week for weekly rules, else its month."""
    if rule.recurrence == RecurrenceKind.WEEKLY.value:
        iso = day.isocalendar()
        return iso[0], iso[1]
    return day.year, day.month


# --- the pair sequence ------------------------------------------------------------------------

def mix_score(a: Member, b: Member) -> int:
    """How much a pair mixes: 2 for different levels, 1 more for different expertise."""
    score = 2 if a.levels != b.levels else 0
    if set(split_multi(a.expertise)) != set(split_multi(b.expertise)):
        score += 1
    return score


def _round_robin(order: Sequence[int]) -> list[list[Pair]]:
    """n - 1 perfect matchings of an even pool (the circle method)."""
    fixed, circle = order[-1], order[:-1]
    size = len(circle)
    rounds = []
    for r in range(size):
        pairs = [(fixed, circle[r])]
        pairs += [(circle[(r + i) % size], circle[(r - i) % size]) for i in range(1, len(order) // 2)]
        rounds.append(pairs)
    return rounds


def _walecki_cycles(order: Sequence[int]) -> list[list[int]]:
    """(n - 1) / 2 edge-disjoint Hamiltonian cycles of an odd pool, as vertex lists."""
    infinity, rest = order[-1], order[:-1]
    half = len(rest) // 2
    cycles = []
    for i in range(half):
        path = [i]
        for j in range(1, half + 1):
            path.append(i + j)
            if j < half:
                path.append(i - j)
        cycles.append([infinity] + [rest[k % len(rest)] for k in path])
    return cycles


def _cycle_walk(cycle: Sequence[int], start: int) -> list[Pair]:
    """Every other edge of an odd cycle from `start`: each member serves twice, evenly."""
    n = len(cycle)
    return [(cycle[j], cycle[(j + 1) % n]) for j in ((start + 2 * step) % n for step in range(n))]


def pair_sequence(members: Sequence[Member]) -> list[Pair]:
    """Every pair of the pool once, in an order that keeps counts within one at each step,
    pairs of mixed level or expertise as early as the structure allows."""
    order = [m.id for m in members]
    by_id = {m.id: m for m in members}

    def mix(pair: Pair) -> int:
        return mix_score(by_id[pair[0]], by_id[pair[1]])

    if len(order) < 2:
        return []
    if len(order) % 2 == 0:
        rounds = [sorted(r, key=mix, reverse=True) for r in _round_robin(order)]
        rounds.sort(key=lambda r: -sum(mix(p) for p in r))
        return [pair for r in rounds for pair in r]
    walks = []
    for cycle in _walecki_cycles(order):
        n = len(cycle)
        best = max(range(n), key=lambda s: (sum(mix(p) * (n - k) for k, p in enumerate(_cycle_walk(cycle, s))), -s))
        walks.append(_cycle_walk(cycle, best))
    walks.sort(key=lambda w: -sum(mix(p) for p in w))
    return [pair for walk in walks for pair in walk]


def _key(a: int, b: int) -> Pair:
    return (a, b) if a < b else (b, a)


class Rotation:
    """One station's pool over a period: counts, pairs used, and the order to prefer."""

    def __init__(self, members: Sequence[Member], per_day: int, history: Iterable[Sequence[int]] = ()):
        self.members = list(members)
        self.per_day = per_day
        self.index = {m.id: i for i, m in enumerate(self.members)}
        self.rank = {_key(*pair): i for i, pair in enumerate(pair_sequence(self.members))}
        self.counts: Counter[int] = Counter({m.id: 0 for m in self.members})
        self.pair_uses: Counter[Pair] = Counter()
        self.past_counts: Counter[int] = Counter()
        self.past_pairs: Counter[Pair] = Counter()
        for ids in history:
            ids = [i for i in ids if i in self.index]
            self.past_counts.update(ids)
            self.past_pairs.update(_key(a, b) for k, a in enumerate(ids) for b in ids[k + 1:])

    def record(self, ids: Sequence[int]) -> None:
        ids = [i for i in ids if i in self.index]
        self.counts.update(ids)
        self.pair_uses.update(_key(a, b) for k, a in enumerate(ids) for b in ids[k + 1:])

    def choose(self, available: Sequence[int]) -> list[int]:
        """The deputies on duty, from those available that day, in pool order."""
        available = sorted((i for i in available if i in self.index), key=self.index.__getitem__)
        if len(available) <= self.per_day:
            return available
        if self.per_day == 2:
            return list(min(((a, b) for k, a in enumerate(available) for b in available[k + 1:]),
                            key=lambda p: self._pair_cost(*p)))
        chosen: list[int] = []
        for _ in range(self.per_day):
            rest = [i for i in available if i not in chosen]
            chosen.append(min(rest, key=lambda i: self._member_cost(i, chosen)))
        return sorted(chosen, key=self.index.__getitem__)

    def _pair_cost(self, a: int, b: int) -> tuple:
        pair = _key(a, b)
        c = self.counts
        return (c[a] + c[b], max(c[a], c[b]), self.pair_uses[pair], self.past_pairs[pair],
                self.past_counts[a] + self.past_counts[b], self.rank.get(pair, len(self.rank)))

    def _member_cost(self, candidate: int, chosen: Sequence[int]) -> tuple:
        return (self.counts[candidate], sum(self.pair_uses[_key(candidate, o)] for o in chosen),
                sum(self.past_pairs[_key(candidate, o)] for o in chosen), self.past_counts[candidate],
                self.index[candidate])


# --- the plan -------------------------------------------------------------------------------

def make_plan(rules: Sequence[RuleSpec], members: dict[int, Member], holidays: HolidayCalendar,
              start: dt.date, end: dt.date, *, busy: Iterable[tuple[int, dt.date]] = (),
              existing: Sequence[ExistingDay] = (), history: dict[int, list[Sequence[int]]] | None = None) -> Plan:
    """Plan every station of `rules` together over [start, end] (no one on duty twice a day).

    `existing` are the days already stored that touch the period: the replaceable ones (planned
    days of these stations) are left out, the others block their deputies on their date, and
    their station's slot (a month, or a week for weekly rules) is not planned again.
    `history` is each station's earlier duty, so a new period continues the rotation.
    """
    history = history or {}
    busy_set = set(busy)
    plan = Plan(start, end, [r.station_id for r in rules], names={m.id: m.name for m in members.values()},
                station_names={r.station_id: r.station_name for r in rules})
    plan.warnings.extend(holidays.warnings(start, end))
    booked: dict[dt.date, set[int]] = defaultdict(set)
    kept_slots: set[tuple[int, tuple[int, int]]] = set()
    rules_by_station = {r.station_id: r for r in rules}
    rotations: dict[int, Rotation] = {}
    for rule in rules:
        pool = [members[i] for i in dict.fromkeys(rule.pool) if i in members]
        rotations[rule.station_id] = Rotation(pool, max(1, rule.per_day), history.get(rule.station_id, ()))
        plan.counts[rule.station_id] = {m.id: 0 for m in pool}
        _pool_warnings(plan, rule, pool)
    for day in existing:
        if day.replaceable:
            plan.replaced_ids.append(day.id)
            continue
        booked[day.date].update(day.deputy_ids)
        rule = rules_by_station.get(day.station_id)
        if rule is not None and start <= day.date <= end:
            plan.kept += 1
            kept_slots.add((rule.station_id, slot_of(rule, day.date)))
            if day.status != ReceptionStatus.CANCELLED.value:
                rotations[rule.station_id].record(day.deputy_ids)

    slots = [(day, nominal, rule) for rule in rules if rotations[rule.station_id].members
             for day, nominal in rule_dates(rule, start, end, holidays)
             if (rule.station_id, slot_of(rule, nominal)) not in kept_slots
             and (rule.station_id, slot_of(rule, day)) not in kept_slots]
    slots.sort(key=lambda s: (s[0], s[2].start_time, s[2].station_id))
    for day, nominal, rule in slots:
        rotation = rotations[rule.station_id]
        available = [m.id for m in rotation.members
                     if m.serves_on(day) and (m.id, day) not in busy_set and m.id not in booked[day]]
        chosen = rotation.choose(available)
        rotation.record(chosen)
        booked[day].update(chosen)
        plan.days.append(PlannedDay(day, rule.station_id, rule.station_name, rule.start_time, rule.end_time,
                                    rule.place, chosen, nominal))
        probable = _probable_between(holidays, nominal, day)
        if probable:
            plan.warnings.append(f"{chinese_date(nominal)}（{weekday_name(nominal)}）{rule.station_name}的接待日"
                                 f"{PROBABLE_LABEL}（{probable}），已顺延到{chinese_date(day)}（{weekday_name(day)}）；"
                                 "放假安排公布后请导入通知并重新排班。")
        if len(chosen) < min(rule.per_day, len(rotation.members)):
            plan.warnings.append(f"{chinese_date(day)}（{weekday_name(day)}）{rule.station_name}：只有 {len(chosen)} "
                                 f"名代表可以值班（其余代表当天不便或已在别处值班），请手工补充。")
    for station_id, rotation in rotations.items():
        plan.counts[station_id] = {m.id: rotation.counts[m.id] for m in rotation.members}
        if plan.spread(station_id) > 1:
            plan.warnings.append(f"{plan.station_names[station_id]}：值班次数最多与最少相差 {plan.spread(station_id)} 次"
                                 "（代表不便日期或跨站值班所致），可在日历中手工调整。")
    return plan


def _probable_between(holidays: HolidayCalendar, nominal: dt.date, day: dt.date) -> str:
    """The festival of a probable holiday a date was moved over ("" when none was)."""
    current = nominal
    while current < day:
        info = holidays.info(current)
        if info.source == PROBABLE:
            return info.name
        current += dt.timedelta(days=1)
    return ""


def _pool_warnings(plan: Plan, rule: RuleSpec, pool: list[Member]) -> None:
    if not pool:
        plan.warnings.append(f"{rule.station_name}的接待代表库是空的，没有为它排班。请先在“接待规则”中选择代表。")
    elif len(pool) < rule.per_day:
        plan.warnings.append(f"{rule.station_name}的接待代表库只有 {len(pool)} 人，少于每次值班的 {rule.per_day} 人。")


# --- reading and writing the office's tables ---------------------------------------------------

def parse_months(text: str) -> tuple[int, ...]:
    return tuple(sorted({int(part) for part in split_multi(text.replace(",", "、")) if part.isdigit()}))


def load_rules(db: Database, station_ids: Iterable[int] | None = None) -> list[RuleSpec]:
    """The stations' rules with their pools (all, or those of these stations), in station order."""
    with db.session() as session:
        return rules_of(session, station_ids)


def rules_of(session: Session, station_ids: Iterable[int] | None = None) -> list[RuleSpec]:
    query = (select(ReceptionRule, Station.name).join(Station, Station.id == ReceptionRule.station_id)
             .order_by(Station.id))
    wanted = set(station_ids) if station_ids is not None else None
    pools: dict[int, list[int]] = defaultdict(list)
    for rule_id, deputy_id in session.exec(select(ReceptionPoolLink.rule_id, ReceptionPoolLink.deputy_id)
                                           .order_by(ReceptionPoolLink.rule_id, ReceptionPoolLink.deputy_id)):
        pools[rule_id].append(deputy_id)
    return [RuleSpec(rule.station_id, name, rule.recurrence, rule.nth, rule.weekday, rule.day_of_month,
                     parse_months(rule.months), rule.start_time, rule.end_time, rule.place,
                     rule.deputies_per_day, tuple(pools.get(rule.id, ())))
            for rule, name in session.exec(query) if wanted is None or rule.station_id in wanted]


def load_members(session: Session) -> dict[int, Member]:
    """Serving deputies (a retired deputy stays in a pool but is never planned)."""
    query = select(Deputy).where(Deputy.status == DeputyStatus.SERVING.value).order_by(Deputy.id)
    return {d.id: Member(d.id, d.name, d.levels, d.expertise, d.took_office_on, d.left_office_on)
            for d in session.exec(query)}


def load_busy(session: Session, start: dt.date, end: dt.date) -> set[tuple[int, dt.date]]:
    query = select(DeputyBusyDate.deputy_id, DeputyBusyDate.date).where(
        DeputyBusyDate.date >= start, DeputyBusyDate.date <= end)
    return {(deputy_id, day) for deputy_id, day in session.exec(query)}


def _duty_of_days(session: Session, day_ids: Sequence[int]) -> dict[int, tuple[int, ...]]:
    duty: dict[int, list[int]] = defaultdict(list)
    for start in range(0, len(day_ids), 500):
        query = (select(ReceptionDutyLink.reception_day_id, ReceptionDutyLink.deputy_id)
                 .where(ReceptionDutyLink.reception_day_id.in_(day_ids[start:start + 500]))
                 .order_by(ReceptionDutyLink.reception_day_id, ReceptionDutyLink.deputy_id))
        for day_id, deputy_id in session.exec(query):
            duty[day_id].append(deputy_id)
    return {day_id: tuple(ids) for day_id, ids in duty.items()}


def load_existing(session: Session, start: dt.date, end: dt.date, station_ids: Iterable[int]) -> list[ExistingDay]:
    """The stored days of the period; planned days of the stations being planned are replaceable,
    unless opinions were already registered on them."""
    from gridoffice.domain import Opinion   # here: printing a roster loads this module, not the opinions' tables

    planning = set(station_ids)
    days = list(session.exec(select(ReceptionDay).where(ReceptionDay.date >= start, ReceptionDay.date <= end)
                             .order_by(ReceptionDay.date, ReceptionDay.id)))
    ids = [d.id for d in days]
    duty = _duty_of_days(session, ids)
    with_opinions = set(session.exec(select(Opinion.reception_day_id).where(Opinion.reception_day_id.in_(ids)))) \
        if ids else set()
    return [ExistingDay(d.id, d.date, d.station_id, duty.get(d.id, ()), d.status,
                        replaceable=(d.station_id in planning and d.status == ReceptionStatus.PLANNED.value
                                     and d.id not in with_opinions))
            for d in days]


def load_history(session: Session, station_ids: Iterable[int], before: dt.date) -> dict[int, list[tuple[int, ...]]]:
    """Each station's duty before the period (cancelled days left out), oldest first."""
    query = (select(ReceptionDay.id, ReceptionDay.station_id)
             .where(ReceptionDay.date < before, ReceptionDay.station_id.in_(list(station_ids)),
                    ReceptionDay.status != ReceptionStatus.CANCELLED.value)
             .order_by(ReceptionDay.date, ReceptionDay.id))
    days = list(session.exec(query))
    duty = _duty_of_days(session, [day_id for day_id, _ in days])
    history: dict[int, list[tuple[int, ...]]] = defaultdict(list)
    for day_id, station_id in days:
        history[station_id].append(duty.get(day_id, ()))
    return dict(history)


def month_range(first_month: dt.date, months: int) -> tuple[dt.date, dt.date]:
    """The first day of `first_month`'s month and the last day `months` months on."""
    start = first_month.replace(day=1)
    index = start.year * 12 + start.month - 1 + months - 1
    year, month = divmod(index, 12)
    return start, dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def generate_plan(db: Database, start: dt.date, end: dt.date, *,
                  station_ids: Iterable[int] | None = None) -> Plan:
    """A plan for the stations (all with a rule when None) over [start, end]; nothing is written."""
    with db.session() as session:
        rules = rules_of(session, station_ids)
        chosen = [r.station_id for r in rules]
        plan = make_plan(rules, load_members(session), calendar_of(session), start, end,
                         busy=load_busy(session, start, end), existing=load_existing(session, start, end, chosen),
                         history=load_history(session, chosen, start))
    if not rules:
        plan.warnings.insert(0, "所选联络站还没有接待规则，请先在“工具 → 接待规则”中设置。")
    return plan


@dataclass(frozen=True)
class SaveResult:
    added: int
    removed: int


def save_plan(db: Database, plan: Plan) -> SaveResult:
    """Replace the period's planned days by the plan's (one transaction, every row audited)."""
    with db.session() as session:
        return _store_plan(session, plan)


def _store_plan(session: Session, plan: Plan) -> SaveResult:
    removed = 0
    for day_id in plan.replaced_ids:
        day = session.get(ReceptionDay, day_id)
        if day is not None and day.status == ReceptionStatus.PLANNED.value:
            session.delete(day)
            removed += 1
    session.flush()
    deputies = {d.id: d for d in session.exec(select(Deputy).where(
        Deputy.id.in_({i for day in plan.days for i in day.deputy_ids})))}
    for planned in plan.days:
        session.add(ReceptionDay(date=planned.date, start_time=planned.start_time, end_time=planned.end_time,
                                 station_id=planned.station_id, place=planned.place, notes=planned.notes,
                                 status=ReceptionStatus.PLANNED.value,
                                 deputies=[deputies[i] for i in planned.deputy_ids if i in deputies]))
    session.flush()
    return SaveResult(len(plan.days), removed)


# --- conflicts of a hand-made change -------------------------------------------------------------

@dataclass(frozen=True)
class Conflict:
    kind: str        # 重复值班 / 不便日期 / 节假日 / 不在代表库 / 已离任
    message: str


def duty_conflicts(db: Database, day: dt.date, deputy_ids: Sequence[int], *, station_id: int,
                   exclude_day_ids: Sequence[int] = ()) -> list[Conflict]:
    """What is wrong with these deputies on duty at this station on this date, in sentences.

    `exclude_day_ids`: the day being edited (and, for a move, the days the deputies leave).
    """
    with db.session() as session:
        return conflicts_of(session, day, deputy_ids, station_id=station_id, exclude_day_ids=exclude_day_ids)


def conflicts_of(session: Session, day: dt.date, deputy_ids: Sequence[int], *, station_id: int,
                 exclude_day_ids: Sequence[int] = (), holidays: HolidayCalendar | None = None) -> list[Conflict]:
    holidays = holidays or calendar_of(session)
    conflicts = []
    info = holidays.info(day)
    if not info.is_workday:
        what = f"节假日（{info.name}）" if info.name else "休息日"
        conflicts.append(Conflict("节假日", f"{chinese_date(day)}是{what}，不是工作日。"))
    if not deputy_ids:
        return conflicts
    names = {d.id: d for d in session.exec(select(Deputy).where(Deputy.id.in_(list(deputy_ids))))}
    query = (select(ReceptionDutyLink.deputy_id, Station.name)
             .join(ReceptionDay, ReceptionDay.id == ReceptionDutyLink.reception_day_id)
             .join(Station, Station.id == ReceptionDay.station_id)
             .where(ReceptionDay.date == day, ReceptionDutyLink.deputy_id.in_(list(deputy_ids)),
                    ReceptionDay.status != ReceptionStatus.CANCELLED.value)
             .order_by(ReceptionDay.station_id, ReceptionDutyLink.deputy_id))
    if exclude_day_ids:
        query = query.where(ReceptionDay.id.not_in(list(exclude_day_ids)))
    for deputy_id, station in session.exec(query):
        conflicts.append(Conflict("重复值班", f"{names[deputy_id].name}当天已在{station}值班。"))
    busy = session.exec(select(DeputyBusyDate).where(DeputyBusyDate.date == day,
                                                     DeputyBusyDate.deputy_id.in_(list(deputy_ids))))
    for row in busy:
        reason = f"（{row.reason}）" if row.reason else ""
        conflicts.append(Conflict("不便日期", f"{names[row.deputy_id].name}登记了当天不便{reason}。"))
    rule = session.exec(select(ReceptionRule).where(ReceptionRule.station_id == station_id)).first()
    pool = set(session.exec(select(ReceptionPoolLink.deputy_id).where(ReceptionPoolLink.rule_id == rule.id))) \
        if rule is not None else set()
    for deputy_id in deputy_ids:
        deputy = names.get(deputy_id)
        if deputy is None:
            continue
        if deputy.status != DeputyStatus.SERVING.value:
            conflicts.append(Conflict("已离任", f"{deputy.name}已离任。"))
        elif pool and deputy_id not in pool:
            conflicts.append(Conflict("不在代表库", f"{deputy.name}不在本站的接待代表库中。"))
    return conflicts
