"""Reception days (三定): a rule and a pool per station, past days held, the next months planned."""
import datetime as dt
import random

from gridoffice.domain.enums import DeputyStatus, ReceptionStatus, RecurrenceKind

from gridoffice.services.demo import words
from gridoffice.services.demo.people import NameMaker
from gridoffice.services.demo.scale import DemoOffice, StationInfo
from gridoffice.services.reception.holidays import HolidayCalendar
from gridoffice.services.reception.notice import contact_key
from gridoffice.services.reception.schedule import Member, PlannedDay, RuleSpec, make_plan, parse_months

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
    """Rules and pools first, then every day from the first day to three months ahead, planned
    by the same scheduler the clerk uses (all stations together, busy dates respected)."""
    rng = office.rng("reception")
    busy = {(row["deputy_id"], row["date"]) for row in office.table("deputy_busy_date")}
    rules = []
    for station in office.stations:
        rule = _add_rule(office, station)
        pool = _add_pool(office, station, rule["id"], rng)
        rules.append(_rule_spec(rule, station, pool))
    members = {row["id"]: Member(row["id"], row["name"], row["levels"], row["expertise"], row["took_office_on"],
                                 row["left_office_on"])
               for row in office.table("deputy") if row["status"] == DeputyStatus.SERVING.value}
    plan = make_plan(rules, members, HolidayCalendar(), office.first_day,
                     office.today + dt.timedelta(days=PLAN_AHEAD_DAYS), busy=busy)
    for day_id, planned in enumerate(plan.days, start=1):
        _add_day(office, day_id, planned, rng)


def station_contacts(office: DemoOffice) -> dict[str, str]:
    """Each station's contact person for its notices (a setting per station), from its own names."""
    rng = office.rng("station contacts")
    names = NameMaker(rng)
    return {contact_key(station.id): names.make(rng.choice("男女女")) for station in office.stations}


def _rule_spec(rule: dict, station: StationInfo, pool: list[int]) -> RuleSpec:
    return RuleSpec(station.id, station.name, rule["recurrence"], rule["nth"], rule["weekday"], rule["day_of_month"],
                    parse_months(rule["months"]), rule["start_time"], rule["end_time"], rule["place"],
                    rule["deputies_per_day"], tuple(pool))


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
    return pool


def _add_day(office: DemoOffice, day_id: int, planned: PlannedDay, rng: random.Random) -> None:
    day = planned.date
    status, received, notes = ReceptionStatus.PLANNED.value, 0, planned.notes
    if day < office.today:
        if rng.random() < CANCEL_SHARE:
            reasons = words.CANCEL_REASONS + (words.STORM_CANCEL_REASONS if 5 <= day.month <= 10 else ())
            status, notes = ReceptionStatus.CANCELLED.value, rng.choice(reasons)
        else:
            status, received = ReceptionStatus.HELD.value, max(0, round(rng.gauss(5, 3)))
    office.table("reception_day").append({
        "id": day_id, "date": day, "start_time": planned.start_time, "end_time": planned.end_time,
        "station_id": planned.station_id, "place": planned.place, "status": status, "residents_received": received,
        "notes": notes,
    })
    office.table("reception_duty").extend({"reception_day_id": day_id, "deputy_id": d} for d in planned.deputy_ids)
