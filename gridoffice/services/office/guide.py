"""The first-run guide: from an empty office to its first posted reception notice.

What the office still lacks (`guide_status`: "还差：接待规则、代表"), and the steps the guide's
pages take: a station saved with its reception rule (三定) before it has deputies, whose pool is
filled with the station's deputies once they are typed or imported (`place_deputies`); the month
the first schedule is for (`next_unplanned_month`); the notice of its first reception day.
"""
import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import func
from sqlmodel import select

from gridoffice.db import Database
from gridoffice.domain import Deputy, ReceptionDay, ReceptionRule, Station
from gridoffice.domain.dates import add_months
from gridoffice.domain.enums import DeputyStatus, ReceptionStatus, RecurrenceKind
from gridoffice.domain.settings import OFFICE_NAME

from gridoffice.services.common.settings import get_setting, set_setting
from gridoffice.services.office.stations import StationForm, clean_station, store_station
from gridoffice.services.reception.days import store_rule, validate_rule
from gridoffice.services.reception.schedule import RuleSpec, rules_of

NOTICE_DONE = "guide.first_notice"     # when the first notice was saved or printed from the guide
SEARCH_MONTHS = 24

# the guide's steps, in order, with the word the checklist uses for each
STEPS = (("office", "办公室名称"), ("stations", "联络站"), ("rules", "接待规则"), ("deputies", "代表"),
         ("schedule", "排班"), ("notice", "第一张公告"))
STEP_WORDS = dict(STEPS)


@dataclass(frozen=True)
class StationGap:
    id: int
    name: str


@dataclass(frozen=True)
class GuideStatus:
    office_named: bool
    stations: int
    without_rule: tuple[StationGap, ...]     # stations with no reception rule
    short_pools: tuple[StationGap, ...]      # rules with fewer deputies in the pool than on duty each time
    deputies: int                            # serving deputies
    unplaced: int                            # serving deputies attached to no station
    planned: int                             # planned reception days from today on
    notice_done: bool

    def done(self, step: str) -> bool:
        return {
            "office": self.office_named,
            "stations": self.stations > 0,
            "rules": self.stations > 0 and not self.without_rule,
            "deputies": self.deputies > 0 and not self.short_pools,
            "schedule": self.planned > 0,
            "notice": self.notice_done or not self.office_named,
        }[step]

    def missing(self) -> list[str]:
        """The steps not done yet, in the guide's order."""
        return [step for step, _word in STEPS if not self.done(step)]

    @property
    def complete(self) -> bool:
        return not self.missing()

    def sentence(self) -> str:
        """还差：接待规则、代表 ("" once nothing is missing)."""
        missing = self.missing()
        return f"还差：{'、'.join(STEP_WORDS[step] for step in missing)}" if missing else ""


def guide_status(db: Database, today: dt.date) -> GuideStatus:
    with db.session() as session:
        stations = {id_: name for id_, name in session.exec(select(Station.id, Station.name))}
        rules = {rule.station_id: rule for rule in rules_of(session)}
        serving = Deputy.status == DeputyStatus.SERVING.value
        deputies = session.exec(select(func.count()).select_from(Deputy).where(serving)).one()
        unplaced = session.exec(select(func.count()).select_from(Deputy)
                                .where(serving, Deputy.station_id.is_(None))).one()
        serving_ids = set(session.exec(select(Deputy.id).where(serving)))
        planned = session.exec(select(func.count()).select_from(ReceptionDay).where(
            ReceptionDay.date >= today, ReceptionDay.status == ReceptionStatus.PLANNED.value)).one()
        named = bool(get_setting(session, OFFICE_NAME))
        notice_done = bool(get_setting(session, NOTICE_DONE))
    without_rule = tuple(StationGap(i, n) for i, n in stations.items() if i not in rules)
    short = tuple(StationGap(i, stations[i]) for i, rule in rules.items()
                  if i in stations and len(set(rule.pool) & serving_ids) < rule.per_day)
    return GuideStatus(named, len(stations), without_rule, short, deputies, unplaced, planned, notice_done)


# --- the station page: a station and its rule together ---------------------------------------
def save_station_with_rule(db: Database, station_id: int | None, station: StationForm,
                           rule: RuleSpec | None) -> int:
    """The station and its rule (三定) in one transaction; returns the station's id. The rule's pool
    may still be empty: the station's deputies fill it when they are entered (place_deputies).
    `rule` None: the station holds no reception days (a rule it had is removed; its days stay)."""
    station = clean_station(station)
    checked = None
    if rule is not None:
        checked = validate_rule(replace(rule, station_id=station_id or 0, station_name=station.name), pool_later=True)
    with db.session() as session:
        saved_id = store_station(session, station_id, station)
        if checked is not None:
            store_rule(session, replace(checked, station_id=saved_id, station_name=station.name))
        else:
            stored = session.exec(select(ReceptionRule).where(ReceptionRule.station_id == saved_id)).first()
            if stored is not None:
                session.delete(stored)
        return saved_id


def default_rule(station_name: str, reception_room: str = "") -> RuleSpec:
    """A new station's rule before the clerk changes it: the first Wednesday of every month,
    09:00-11:30, two deputies on duty, in the station's reception room."""
    place = f"{station_name}{reception_room or '接待室'}" if station_name else ""
    return RuleSpec(0, station_name, RecurrenceKind.NTH_WEEKDAY.value, place=place)


# --- the deputies page: each deputy in a station, each station's pool filled ----------------------
@dataclass(frozen=True)
class Placement:
    attached: int      # deputies given the station
    pooled: int        # deputies added to reception pools

    def describe(self, station_name: str) -> str:
        parts = []
        if self.attached:
            parts.append(f"{self.attached} 名代表进了“{station_name}”")
        if self.pooled:
            parts.append(f"{self.pooled} 人次进入接待代表库")
        return "，".join(parts)


def place_deputies(db: Database, station_id: int | None) -> Placement:
    """Serving deputies attached to no station join `station_id` (when given); every rule with
    fewer deputies in its pool than it puts on duty takes its station's serving deputies."""
    with db.session() as session:
        attached = 0
        if station_id is not None and session.get(Station, station_id) is not None:
            for deputy in session.exec(select(Deputy).where(Deputy.status == DeputyStatus.SERVING.value,
                                                            Deputy.station_id.is_(None))):
                deputy.station_id = station_id
                session.add(deputy)
                attached += 1
            session.flush()
        pooled = 0
        for rule in session.exec(select(ReceptionRule)):
            pool = [d for d in rule.pool if d.status == DeputyStatus.SERVING.value]
            if len(pool) >= rule.deputies_per_day:
                continue
            members = session.exec(select(Deputy).where(Deputy.station_id == rule.station_id,
                                                        Deputy.status == DeputyStatus.SERVING.value)
                                   .order_by(Deputy.id)).all()
            new = [d for d in members if d not in rule.pool]
            if new:
                rule.pool = list(rule.pool) + new
                session.add(rule)
                pooled += len(new)
        return Placement(attached, pooled)


# --- the schedule and notice pages --------------------------------------------------------------
def next_unplanned_month(db: Database, today: dt.date) -> dt.date:
    """The first month from next month on with no reception day at all: where a new schedule starts."""
    first = add_months(today, 1)
    last = add_months(first, SEARCH_MONTHS)
    with db.session() as session:
        dates = session.exec(select(ReceptionDay.date).where(ReceptionDay.date >= first,
                                                              ReceptionDay.date < last)).all()
    planned = {(day.year, day.month) for day in dates}
    month = first
    while (month.year, month.month) in planned and month < last:
        month = add_months(month, 1)
    return month


def mark_notice_done(db: Database, when: dt.date) -> None:
    with db.session() as session:
        set_setting(session, NOTICE_DONE, when.isoformat())
