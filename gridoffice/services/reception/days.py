"""接待日历: the reception days, the stations' rules (三定), and the clerk's edits of a day.

The functions the screens and commands call take the Database and open their own session;
those taking a session are building blocks for the other reception services.
"""
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Deputy, ReceptionDay, ReceptionDutyLink, ReceptionRule, Station
from gridoffice.domain.dates import WEEKDAYS, chinese_date
from gridoffice.domain.enums import DeputyStatus, ReceptionStatus, RecurrenceKind
from gridoffice.domain.stations import short_station_name

from gridoffice.services.office.setup import OfficeInputError
from gridoffice.services.reception.holidays import PROBABLE, DayInfo, calendar_of, month_days
from gridoffice.services.reception.schedule import Conflict, RuleSpec, conflicts_of, rules_of

MAX_PER_DAY = 6
NTH_NAMES = {1: "第一个", 2: "第二个", 3: "第三个", 4: "第四个", 5: "第五个", -1: "最后一个"}


class ReceptionInputError(OfficeInputError):
    """Bad input for a rule or a reception day: `field` names the form field, the message is Chinese."""


@dataclass(frozen=True)
class ReceptionRow:
    id: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    station: str
    place: str
    deputies: str          # names with levels: "张三（市、区）、李四（区）"
    status: str
    residents_received: int
    station_id: int = 0
    deputy_ids: tuple[int, ...] = ()
    deputy_names: tuple[str, ...] = ()
    notes: str = ""
    opinions: int = 0      # opinions registered on the day
    deputy_spellings: str = ""   # the deputies' names in pinyin and initials, for search (zs finds 张三)

    @property
    def time_range(self) -> str:
        return f"{self.start_time:%H:%M}-{self.end_time:%H:%M}"

    @property
    def station_short(self) -> str:
        return short_station_name(self.station)


def _duty(session: Session, days: Sequence = ()) -> dict[int, list[tuple[int, str, str, str]]]:
    """day id → [(deputy id, "name（levels）", name, "pinyin initials")] in deputy order, for the
    days the conditions on ReceptionDay choose (all days without any)."""
    duty: dict[int, list[tuple[int, str, str, str]]] = defaultdict(list)
    query = (select(ReceptionDutyLink.reception_day_id, Deputy.id, Deputy.name, Deputy.levels, Deputy.name_pinyin,
                    Deputy.name_initials)
             .join(Deputy, Deputy.id == ReceptionDutyLink.deputy_id)
             .order_by(ReceptionDutyLink.reception_day_id, Deputy.id))
    if days:
        query = query.join(ReceptionDay, ReceptionDay.id == ReceptionDutyLink.reception_day_id).where(*days)
    for day_id, deputy_id, name, levels, full, initials in session.exec(query):
        duty[day_id].append((deputy_id, f"{name}（{levels}）" if levels else name, name, f"{full} {initials}"))
    return duty


def opinions_by_day(session: Session, days: Sequence = ()) -> dict[int, int]:
    """day id → opinions registered on it, for the days the conditions on ReceptionDay choose."""
    from gridoffice.domain import Opinion   # here: a printed roster counts no opinions, nor loads their tables

    query = (select(Opinion.reception_day_id, func.count()).where(Opinion.reception_day_id.is_not(None))
             .group_by(Opinion.reception_day_id))
    if days:
        query = query.join(ReceptionDay, ReceptionDay.id == Opinion.reception_day_id).where(*days)
    return dict(session.exec(query).all())


def list_reception_days(db: Database, *, start: dt.date | None = None, end: dt.date | None = None,
                        station_id: int | None = None) -> list[ReceptionRow]:
    """The reception days (all, or those of a range and a station), in date order."""
    with db.session() as session:
        return reception_rows(session, start=start, end=end, station_id=station_id)


def reception_rows(session: Session, *, start: dt.date | None = None, end: dt.date | None = None,
                   station_id: int | None = None, with_opinions: bool = True) -> list[ReceptionRow]:
    """The days' rows; `opinions` stays 0 without `with_opinions` (a paper that shows no count)."""
    days = []
    if start:
        days.append(ReceptionDay.date >= start)
    if end:
        days.append(ReceptionDay.date <= end)
    if station_id:
        days.append(ReceptionDay.station_id == station_id)
    query = (select(ReceptionDay, Station.name).join(Station, Station.id == ReceptionDay.station_id).where(*days)
             .order_by(ReceptionDay.date, ReceptionDay.start_time, Station.id))
    duty = _duty(session, days)   # the duty and the opinions of these days only, not of every year kept
    opinions = opinions_by_day(session, days) if with_opinions else {}
    rows = []
    for day, station in session.exec(query):
        on_duty = duty.get(day.id, [])
        rows.append(ReceptionRow(
            id=day.id, date=day.date, start_time=day.start_time, end_time=day.end_time, station=station,
            place=day.place, deputies="、".join(label for _, label, _, _ in on_duty), status=day.status,
            residents_received=day.residents_received, station_id=day.station_id,
            deputy_ids=tuple(i for i, _, _, _ in on_duty), deputy_names=tuple(n for _, _, n, _ in on_duty),
            notes=day.notes, opinions=opinions.get(day.id, 0),
            deputy_spellings=" ".join(spelling for _, _, _, spelling in on_duty),
        ))
    return rows


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    following = dt.date(year + (month == 12), 1 if month == 12 else month + 1, 1)
    return first, following - dt.timedelta(days=1)


def list_month(db: Database, year: int, month: int, station_id: int | None = None) -> list[ReceptionRow]:
    first, last = month_bounds(year, month)
    return list_reception_days(db, start=first, end=last, station_id=station_id)


@dataclass(frozen=True)
class MonthView:
    """What the month view shows: each day's kind, the receptions, and the year's holiday warning."""
    days: dict[dt.date, DayInfo]
    rows: list[ReceptionRow]
    warning: str          # "" when the year's holiday arrangement is known; else it names the month's 可能放假 days


def month_view(db: Database, year: int, month: int, station_id: int | None = None) -> MonthView:
    first, last = month_bounds(year, month)
    with db.session() as session:
        holidays = calendar_of(session)
        rows = reception_rows(session, start=first, end=last, station_id=station_id)
    # the year's warning, the month's probable holidays named, and the planned days that fall on one
    warnings = holidays.warnings(first, last)
    on_probable = [row for row in rows if row.status == ReceptionStatus.PLANNED.value
                   and holidays.info(row.date).source == PROBABLE]
    if on_probable:
        listed = "、".join(f"{row.date.month}月{row.date.day}日{row.station_short}" for row in on_probable)
        warnings.append(f"以下接待日排在可能放假的日子，请考虑改期或重新排班：{listed}。")
    return MonthView(month_days(holidays, year, month), rows, "".join(warnings))


# --- rules ---------------------------------------------------------------------------------

def describe_recurrence(recurrence: str, nth: int, weekday: int, day_of_month: int, months: tuple[int, ...]) -> str:
    """每月第一个周三 / 每周五 / 每单月15日 / 每年3、6、9、12月10日."""
    if recurrence == RecurrenceKind.WEEKLY.value:
        return f"每周{WEEKDAYS[weekday]}"
    if recurrence == RecurrenceKind.MONTH_DAY.value:
        months = tuple(sorted(months))
        if not months or months == tuple(range(1, 13)):
            which = "每月"
        elif months == (1, 3, 5, 7, 9, 11):
            which = "每单月"
        elif months == (2, 4, 6, 8, 10, 12):
            which = "每双月"
        else:
            which = f"每年{'、'.join(str(m) for m in months)}月"
        return f"{which}{day_of_month}日"
    return f"每月{NTH_NAMES.get(nth, f'第{nth}个')}周{WEEKDAYS[weekday]}"


def read_rule(db: Database, station_id: int) -> RuleSpec:
    """The station's rule, or a new one with the defaults (the station's reception room)."""
    with db.session() as session:
        return rule_or_default(session, station_id)


def rule_or_default(session: Session, station_id: int) -> RuleSpec:
    stored = rules_of(session, [station_id])
    if stored:
        return stored[0]
    station = session.get(Station, station_id)
    name = station.name if station else ""
    return RuleSpec(station_id, name, RecurrenceKind.NTH_WEEKDAY.value,
                    place=f"{name}{station.reception_room}" if station else "")


def _checked_time_and_place(start: dt.time, end: dt.time, place: str) -> str:
    """The place trimmed; raises when the time range is reversed or the place empty or too long."""
    if end <= start:
        raise ReceptionInputError("time", "结束时间应晚于开始时间。")
    place = place.strip()
    if not place:
        raise ReceptionInputError("place", "请填写接待地点，例如“某某联络站代表接待室”。")
    if len(place) > 200:
        raise ReceptionInputError("place", "接待地点不能超过 200 个字。")
    return place


def validate_rule(form: RuleSpec, *, pool_later: bool = False) -> RuleSpec:
    """The rule trimmed and checked; `pool_later`: a rule set before the station has deputies (the
    first-run guide), whose pool is filled when they are entered."""
    if form.recurrence not in {k.value for k in RecurrenceKind}:
        raise ReceptionInputError("recurrence", "请选择接待日期的规律。")
    if form.recurrence == RecurrenceKind.NTH_WEEKDAY.value and form.nth not in NTH_NAMES:
        raise ReceptionInputError("nth", "“第几个”应为第一至第五个，或最后一个。")
    if not 0 <= form.weekday <= 6:
        raise ReceptionInputError("weekday", "请选择星期几。")
    if form.recurrence == RecurrenceKind.MONTH_DAY.value:
        if not 1 <= form.day_of_month <= 31:
            raise ReceptionInputError("day_of_month", "日期应在 1 到 31 日之间（小月自动取月末）。")
        if not form.months:
            raise ReceptionInputError("months", "请至少选择一个月份。")
    if any(not 1 <= m <= 12 for m in form.months):
        raise ReceptionInputError("months", "月份应在 1 到 12 之间。")
    place = _checked_time_and_place(form.start_time, form.end_time, form.place)
    if not 1 <= form.per_day <= MAX_PER_DAY:
        raise ReceptionInputError("per_day", f"每次值班人数应在 1 到 {MAX_PER_DAY} 人之间。")
    pool = tuple(dict.fromkeys(form.pool))
    if len(pool) < form.per_day and not (pool_later and not pool):
        raise ReceptionInputError("pool", f"代表库至少要有 {form.per_day} 名代表（每次值班 {form.per_day} 人）。")
    return replace(form, months=tuple(sorted(set(form.months))), place=place, pool=pool)


def save_rule(db: Database, form: RuleSpec) -> RuleSpec:
    """Create or change the station's rule and its pool (audited); returns the rule as saved."""
    form = validate_rule(form)
    with db.session() as session:
        _store_rule(session, form)
    return form


def store_rule(session: Session, form: RuleSpec) -> None:
    """Write a checked rule and its pool (a building block: save_rule, the first-run guide)."""
    _store_rule(session, form)


def _store_rule(session: Session, form: RuleSpec) -> None:
    deputies = list(session.exec(select(Deputy).where(Deputy.id.in_(form.pool))))
    retired = [d.name for d in deputies if d.status != DeputyStatus.SERVING.value]
    if retired:
        raise ReceptionInputError("pool", f"{'、'.join(retired)}已离任，不能进入接待代表库。")
    rule = session.exec(select(ReceptionRule).where(ReceptionRule.station_id == form.station_id)).first()
    if rule is None:
        rule = ReceptionRule(station_id=form.station_id)
    rule.recurrence = form.recurrence
    rule.nth = form.nth
    rule.weekday = form.weekday
    rule.day_of_month = form.day_of_month
    rule.months = ",".join(str(m) for m in form.months) if form.recurrence == RecurrenceKind.MONTH_DAY.value else ""
    rule.start_time = form.start_time
    rule.end_time = form.end_time
    rule.place = form.place
    rule.deputies_per_day = form.per_day
    order = {deputy_id: i for i, deputy_id in enumerate(form.pool)}
    rule.pool = sorted(deputies, key=lambda d: order[d.id])
    session.add(rule)
    session.flush()


# --- one reception day ------------------------------------------------------------------------

@dataclass(frozen=True)
class DutyDeputy:
    id: int
    name: str
    levels: str
    work_unit: str
    post: str
    photo_file: str


@dataclass
class DayForm:
    """A reception day as the day dialog edits it; id None for a new day."""
    id: int | None
    date: dt.date
    station_id: int
    start_time: dt.time
    end_time: dt.time
    place: str
    deputy_ids: list[int] = field(default_factory=list)
    status: str = ReceptionStatus.PLANNED.value
    residents_received: int = 0
    notes: str = ""


def read_day(db: Database, day_id: int) -> DayForm:
    with db.session() as session:
        return _day_form(session, day_id)


def _day_form(session: Session, day_id: int) -> DayForm:
    day = session.get(ReceptionDay, day_id)
    if day is None:
        raise ReceptionInputError("id", "这个接待日已被删除。")
    return DayForm(day.id, day.date, day.station_id, day.start_time, day.end_time, day.place,
                   sorted(d.id for d in day.deputies), day.status, day.residents_received, day.notes)


def new_day_form(db: Database, station_id: int, day: dt.date) -> DayForm:
    """A new day at a station: time and place from its rule when it has one."""
    rule = read_rule(db, station_id)
    return DayForm(None, day, station_id, rule.start_time, rule.end_time, rule.place)


def deputies_on_duty(session: Session, day_id: int) -> list[DutyDeputy]:
    day = session.get(ReceptionDay, day_id)
    if day is None:
        return []
    return [DutyDeputy(d.id, d.name, d.levels, d.work_unit, d.post, d.photo_file)
            for d in sorted(day.deputies, key=lambda d: d.id)]


def _deputy_names(session: Session, deputy_ids: list[int]) -> dict[int, str]:
    return dict(session.exec(select(Deputy.id, Deputy.name).where(Deputy.id.in_(deputy_ids))).all())


def count_opinions(db: Database, day_id: int) -> int:
    """The opinions registered at this reception."""
    with db.session() as session:
        return _count_opinions(session, day_id)


def _count_opinions(session: Session, day_id: int) -> int:
    from gridoffice.domain import Opinion

    return session.exec(select(func.count()).select_from(Opinion).where(Opinion.reception_day_id == day_id)).one()


def validate_day(form: DayForm) -> DayForm:
    if form.status not in {s.value for s in ReceptionStatus}:
        raise ReceptionInputError("status", "请选择接待日的状态。")
    place = _checked_time_and_place(form.start_time, form.end_time, form.place)
    if not 0 <= form.residents_received <= 10_000:
        raise ReceptionInputError("residents_received", "接待群众人数应在 0 到 10000 之间。")
    if form.status != ReceptionStatus.HELD.value and form.residents_received:
        raise ReceptionInputError("residents_received", "只有已举行的接待日才能填写接待群众人数。")
    if len(set(form.deputy_ids)) > MAX_PER_DAY:
        raise ReceptionInputError("deputies", f"一次值班最多 {MAX_PER_DAY} 名代表。")
    return DayForm(form.id, form.date, form.station_id, form.start_time, form.end_time, place,
                   list(dict.fromkeys(form.deputy_ids)), form.status, form.residents_received, form.notes.strip())


def save_day(db: Database, form: DayForm, *, today: dt.date) -> int:
    """Create or change a reception day (conflicts are the caller's to show; they do not block);
    returns its id."""
    form = validate_day(form)
    if form.status == ReceptionStatus.HELD.value and form.date > today:
        raise ReceptionInputError("status", f"{chinese_date(form.date)}还没到，不能标记为已举行。")
    with db.session() as session:
        return _store_day(session, form)


def _store_day(session: Session, form: DayForm) -> int:
    if session.get(Station, form.station_id) is None:
        raise ReceptionInputError("station", "请选择联络站。")
    day = session.get(ReceptionDay, form.id) if form.id is not None else ReceptionDay()
    if day is None:
        raise ReceptionInputError("id", "这个接待日已被删除。")
    deputies = {d.id: d for d in session.exec(select(Deputy).where(Deputy.id.in_(form.deputy_ids)))}
    day.date = form.date
    day.station_id = form.station_id
    day.start_time = form.start_time
    day.end_time = form.end_time
    day.place = form.place
    day.status = form.status
    day.residents_received = form.residents_received
    day.notes = form.notes
    day.deputies = [deputies[i] for i in form.deputy_ids if i in deputies]
    session.add(day)
    session.flush()
    return day.id


def delete_day(db: Database, day_id: int) -> None:
    with db.session() as session:
        day = session.get(ReceptionDay, day_id)
        if day is None:
            return
        if _count_opinions(session, day_id):
            raise ReceptionInputError("id", "这个接待日已登记了民情意见，不能删除；可以把它标记为已取消。")
        session.delete(day)


# --- checks while editing --------------------------------------------------------------------------

@dataclass(frozen=True)
class DayCheck:
    """What the day dialog says beside the date, and the conflicts of the deputies chosen."""
    info: DayInfo
    estimated: bool        # the year's holiday arrangement is not known: holidays are estimated
    conflicts: list[Conflict]


def check_day(db: Database, day: dt.date, deputy_ids: Sequence[int], *, station_id: int,
              exclude_day_ids: Sequence[int] = ()) -> DayCheck:
    with db.session() as session:
        holidays = calendar_of(session)
        conflicts = conflicts_of(session, day, deputy_ids, station_id=station_id, exclude_day_ids=exclude_day_ids,
                                 holidays=holidays)
    return DayCheck(holidays.info(day), bool(holidays.year_warning(day.year)), conflicts)


@dataclass(frozen=True)
class MoveContext:
    """A deputy dragged from one day onto another: both days, how many the target takes, the names."""
    source: DayForm
    target: DayForm
    per_day: int
    names: dict[int, str]


def move_context(db: Database, deputy_id: int, from_day_id: int, to_day_id: int) -> MoveContext:
    with db.session() as session:
        source, target = _day_form(session, from_day_id), _day_form(session, to_day_id)
        return MoveContext(source, target, rule_or_default(session, target.station_id).per_day,
                           _deputy_names(session, [deputy_id, *target.deputy_ids]))


def move_conflicts(db: Database, move: MoveContext, deputy_id: int, swap_with: int | None) -> list[Conflict]:
    """The moving deputy on the target's date, and the one swapped back on the source's date."""
    both = [move.source.id, move.target.id]
    with db.session() as session:
        found = conflicts_of(session, move.target.date, [deputy_id], station_id=move.target.station_id,
                             exclude_day_ids=both)
        if swap_with is not None:
            found += conflicts_of(session, move.source.date, [swap_with], station_id=move.source.station_id,
                                  exclude_day_ids=both)
    return found


def move_duty(db: Database, deputy_id: int, from_day_id: int, to_day_id: int, swap_with: int | None = None) -> None:
    """Drag and drop: the deputy leaves one day for another; `swap_with` goes the other way."""
    with db.session() as session:
        _move(session, deputy_id, from_day_id, to_day_id, swap_with)


def _move(session: Session, deputy_id: int, from_day_id: int, to_day_id: int, swap_with: int | None) -> None:
    source = session.get(ReceptionDay, from_day_id)
    target = session.get(ReceptionDay, to_day_id)
    if source is None or target is None:
        raise ReceptionInputError("id", "接待日已被删除，请刷新后再试。")
    for day in (source, target):
        if day.status != ReceptionStatus.PLANNED.value:
            raise ReceptionInputError("status", f"{chinese_date(day.date)}的接待日{day.status}，不能再调整值班代表。")
    moving = session.get(Deputy, deputy_id)
    if moving is None or moving not in source.deputies:
        raise ReceptionInputError("deputies", "这名代表不在原接待日的值班名单中。")
    if from_day_id == to_day_id:
        return
    if moving in target.deputies:
        raise ReceptionInputError("deputies", f"{moving.name}已在{chinese_date(target.date)}值班。")
    source.deputies = [d for d in source.deputies if d.id != deputy_id]
    if swap_with is not None:
        other = next((d for d in target.deputies if d.id == swap_with), None)
        if other is None:
            raise ReceptionInputError("deputies", "要对调的代表不在目标接待日的值班名单中。")
        target.deputies = [d for d in target.deputies if d.id != swap_with]
        source.deputies = source.deputies + [other]
    target.deputies = target.deputies + [moving]
    session.add(source)
    session.add(target)
    session.flush()
