"""Reception days (三定): a rule and a pool per station, past days held, the next months planned."""
import calendar
import datetime as dt
import random

import chinese_calendar

from gridoffice.domain.enums import ReceptionStatus, RecurrenceKind

from . import demo_words as words
from .demo_scale import DemoOffice, StationInfo

PLAN_AHEAD_DAYS = 92
MORNING = (dt.time(9, 0), dt.time(11, 30))
AFTERNOON = (dt.time(14, 30), dt.time(17, 0))
ODD_MONTHS = "1,3,5,7,9,11"
# (nth, weekday 0=Monday, hours) for each station in turn; nth -1 is the last one of the month
NTH_WEEKDAY_PATTERNS = (
    (1, 2, MORNING),     # the centre: every first Wednesday morning (domain.md)
    (2, 3, AFTERNOON), (3, 1, MORNING), (2, 2, MORNING), (3, 4, MORNING), (-1, 4, AFTERNOON),
    (1, 4, MORNING), (2, 1, AFTERNOON), (4, 3, MORNING), (1, 0, AFTERNOON), (3, 2, AFTERNOON),
)
CANCEL_SHARE = 0.04


def build_reception(office: DemoOffice) -> None:
    rng = office.rng("reception")
    busy = {(row["deputy_id"], row["date"]) for row in office.table("deputy_busy_date")}
    days = []
    for station in office.stations:
        rule = _add_rule(office, station)
        pool = _add_pool(office, station, rule["id"], rng)
        days += [(day, station, rule, pool) for day in _rule_dates(rule, office.first_day,
                                                                 office.today + dt.timedelta(days=PLAN_AHEAD_DAYS))]
    days.sort(key=lambda item: (item[0][0], item[2]["start_time"], item[1].id))
    turn = {station.id: 0 for station in office.stations}
    for day_id, ((day, moved), station, rule, pool) in enumerate(days, start=1):
        on_duty = _on_duty(pool, turn[station.id], day, busy)
        turn[station.id] += 1
        _add_day(office, day_id, day, moved, station, rule, on_duty, rng)


def _add_rule(office: DemoOffice, station: StationInfo) -> dict:
    index = station.id - 1
    first_area = next(s.id for s in office.stations if s.community_ids)
    nth, weekday, (start, end) = NTH_WEEKDAY_PATTERNS[index % len(NTH_WEEKDAY_PATTERNS)]
    rule = {
        "id": station.id, "station_id": station.id, "recurrence": RecurrenceKind.NTH_WEEKDAY.value,
        "nth": nth, "weekday": weekday, "day_of_month": 15, "months": "", "start_time": start, "end_time": end,
        "place": f"{station.name}{station.reception_room}", "deputies_per_day": 2,
    }
    if station.id == first_area:  # 每单月15日, the other rule the seeds mention
        rule.update(recurrence=RecurrenceKind.MONTH_DAY.value, months=ODD_MONTHS, nth=1, weekday=2,
                    start_time=MORNING[0], end_time=MORNING[1])
    office.table("reception_rule").append(rule)
    return rule


def _add_pool(office: DemoOffice, station: StationInfo, rule_id: int, rng: random.Random) -> list[int]:
    members = [d.id for d in office.deputies if d.station_id == station.id and d.serving and not d.newcomer]
    pool = sorted(rng.sample(members, min(len(members), rng.randint(5, 10))))
    office.table("reception_pool").extend({"rule_id": rule_id, "deputy_id": deputy_id} for deputy_id in pool)
    rng.shuffle(pool)  # the order pairs rotate in
    return pool


def _rule_dates(rule: dict, first: dt.date, last: dt.date) -> list[tuple[dt.date, bool]]:
    """(date, moved by a holiday) for every month between first and last."""
    dates = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        day = _date_in_month(rule, year, month)
        if day is not None:
            shifted = _next_workday(day)
            if first <= shifted <= last:
                dates.append((shifted, shifted != day))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return dates


def _date_in_month(rule: dict, year: int, month: int) -> dt.date | None:
    if rule["recurrence"] == RecurrenceKind.MONTH_DAY.value:
        months = [int(m) for m in rule["months"].split(",") if m]
        if months and month not in months:
            return None
        return dt.date(year, month, min(rule["day_of_month"], calendar.monthrange(year, month)[1]))
    weekdays = [week[rule["weekday"]] for week in calendar.monthcalendar(year, month) if week[rule["weekday"]]]
    nth = rule["nth"]
    return dt.date(year, month, weekdays[nth - 1 if nth > 0 else nth]) if len(weekdays) >= abs(nth) else None


def _next_workday(day: dt.date) -> dt.date:
    """遇节假日顺延: the official calendar where it is known, weekends beyond it."""
    while not _is_workday(day):
        day += dt.timedelta(days=1)
    return day


def _is_workday(day: dt.date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:  # a year the installed calendar does not cover yet
        return day.weekday() < 5


def _on_duty(pool: list[int], turn: int, day: dt.date, busy: set) -> list[int]:
    """Pairs rotate through the pool (两两搭档轮流); a busy deputy is replaced by the next one."""
    if not pool:
        return []
    chosen = []
    for step in range(len(pool)):
        deputy_id = pool[(2 * turn + step) % len(pool)]
        if deputy_id not in chosen and (deputy_id, day) not in busy:
            chosen.append(deputy_id)
        if len(chosen) == 2:
            break
    return chosen


def _add_day(office: DemoOffice, day_id: int, day: dt.date, moved: bool, station: StationInfo, rule: dict,
             on_duty: list[int], rng: random.Random) -> None:
    status, received, notes = ReceptionStatus.PLANNED.value, 0, "遇节假日顺延" if moved else ""
    if day < office.today:
        if rng.random() < CANCEL_SHARE:
            reasons = words.CANCEL_REASONS + (words.STORM_CANCEL_REASONS if 5 <= day.month <= 10 else ())
            status, notes = ReceptionStatus.CANCELLED.value, rng.choice(reasons)
        else:
            status, received = ReceptionStatus.HELD.value, max(0, round(rng.gauss(5, 3)))
    office.table("reception_day").append({
        "id": day_id, "date": day, "start_time": rule["start_time"], "end_time": rule["end_time"],
        "station_id": station.id, "place": rule["place"], "status": status, "residents_received": received,
        "notes": notes,
    })
    office.table("reception_duty").extend({"reception_day_id": day_id, "deputy_id": d} for d in on_duty)
