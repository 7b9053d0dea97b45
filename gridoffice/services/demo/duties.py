"""Grid duties of the demo: a weekly 网格巡查 in two grids, a 护学岗 at the central primary school on
school days (Mondays and Tuesdays), a monthly 板凳议事会 and a quarterly 以案说法. The posts began four
weeks before today; their rota is made by the rota service the clerk uses (reception duty and busy
dates respected), past shifts are done (each an activity of the visit log, counted within the
year's activities) except a few missed, and the coming two months are planned."""
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from gridoffice.domain.enums import DEFAULT_DUTY_KINDS, DutyRecurrence, DutyStatus, PersonRole
from gridoffice.domain.rules import join_multi
from gridoffice.services.demo import words
from gridoffice.services.demo.persons import PeopleOfOffice
from gridoffice.services.demo.scale import DemoOffice
from gridoffice.services.duties.schedule import DutySpec, make_rota, person_key, split_keys
from gridoffice.services.reception.holidays import HolidayCalendar
from gridoffice.services.reception.schedule import Member

SINCE_DAYS = 28
AHEAD_DAYS = 61
MISSED_EVERY = 9        # about one past shift in nine was missed (未到岗, or never recorded)


@dataclass(frozen=True)
class DoneShift:
    """A past shift done with deputies on it: it becomes an activity once the others are made."""
    shift_id: int
    date: dt.date
    activity_kind: str
    grid_id: int | None
    station_id: int | None
    place: str
    deputy_ids: tuple[int, ...]
    person_ids: tuple[int, ...]
    residents: int
    summary: str


def school_terms(today: dt.date) -> tuple[tuple[dt.date, dt.date], ...]:
    """The school year around today: autumn term 9月1日 to late January, spring term late February to early July."""
    year = today.year if today.month >= 8 else today.year - 1
    return ((dt.date(year, 9, 1), dt.date(year + 1, 1, 22)), (dt.date(year + 1, 2, 24), dt.date(year + 1, 7, 3)))


def build_duties(office: DemoOffice, people: PeopleOfOffice) -> list[DoneShift]:
    rng = office.rng("duties")
    kinds = {}
    for order, (name, color, activity_kind) in enumerate(DEFAULT_DUTY_KINDS, start=1):
        office.table("duty_kind").append({"id": order, "name": name, "color": color, "activity_kind": activity_kind,
                                          "sort_order": order})
        kinds[name] = (order, activity_kind)
    posts = _posts(office, people, rng)
    duties, pools_d, pools_p = office.table("duty"), office.table("duty_pool_deputy"), office.table("duty_pool_person")
    specs = []
    for duty_id, post in enumerate(posts, start=1):
        kind_id, _ = kinds[post["kind"]]
        duties.append({"id": duty_id, "kind_id": kind_id, "name": post["name"], "grid_id": post["grid_id"],
                       "station_id": post["station_id"], "place": post["place"], "recurrence": post["recurrence"],
                       "weekdays": ",".join(map(str, post["weekdays"])), "nth": post.get("nth", 1),
                       "terms": "; ".join(f"{a}~{b}" for a, b in post.get("terms", ())),
                       "start_time": post["hours"][0], "end_time": post["hours"][1], "per_shift": post["per_shift"],
                       "active": True, "notes": post.get("notes", "")})
        pools_d.extend({"duty_id": duty_id, "deputy_id": d} for d in post["deputies"])
        pools_p.extend({"duty_id": duty_id, "person_id": p} for p in post["people"])
        specs.append(DutySpec(duty_id, post["name"], post["recurrence"], tuple(post["weekdays"]), post.get("nth", 1),
                              tuple(post.get("terms", ())), post["hours"][0], post["hours"][1], post["per_shift"],
                              tuple(post["deputies"]) + tuple(person_key(p) for p in post["people"])))
    start, end = office.today - dt.timedelta(days=SINCE_DAYS), office.today + dt.timedelta(days=AHEAD_DAYS)
    rota = make_rota(specs, _members(office), HolidayCalendar(), start, end, busy=_busy(office),
                     booked=_reception(office, start, end))
    return _store_shifts(office, rota, posts, kinds, rng)


def _posts(office: DemoOffice, people: PeopleOfOffice, rng) -> list[dict]:
    grids = [g for g in office.grids if g.deputy_ids]
    villages = [g for g in grids if g.is_village] or grids
    urban = [g for g in grids if not g.is_village] or grids
    serving = [d for d in office.deputies if d.serving and not d.newcomer]
    by_station = defaultdict(list)
    for deputy in serving:
        by_station[deputy.station_id].append(deputy.id)
    posts = []
    for number, grid in enumerate(sorted(rng.sample(villages, min(2, len(villages))), key=lambda g: g.id)):
        neighbours = [d for d in by_station[grid.station_id] if d not in grid.deputy_ids][:3]
        roles = people.by_community.get(grid.community_id, {})
        police = [p for p in people.police[:1]]
        posts.append({"kind": "网格巡查", "name": f"{grid.name}每周巡查", "grid_id": grid.id, "station_id": None,
                      "place": grid.places[0], "recurrence": DutyRecurrence.WEEKLY.value, "weekdays": (1 + 2 * number,),
                      "hours": (dt.time(9, 0), dt.time(11, 0)), "per_shift": 3,
                      "deputies": sorted(set(grid.deputy_ids) | set(neighbours)),
                      "people": [people.workers[grid.id], *police],
                      "notes": "每周一次网格巡查，主动“找问题”"})
    school_grid = urban[0]
    teachers = [d.id for d in office.deputies if d.serving and not d.newcomer
                and office.station(d.station_id).profile in ("education", "local")][:8]
    volunteers = [p for roles in people.by_community.values() for p in roles.get(PersonRole.VOLUNTEER.value, [])][:6]
    posts.append({"kind": "护学岗", "name": f"{words.STREET}中心小学人大代表护学岗", "grid_id": school_grid.id,
                  "station_id": None, "place": f"{words.STREET}中心小学校门口", "recurrence": DutyRecurrence.SCHOOL_DAYS.value,
                  "weekdays": (0, 1), "terms": school_terms(office.today), "hours": (dt.time(7, 20), dt.time(8, 0)),
                  "per_shift": 6, "deputies": sorted(teachers), "people": volunteers[:4],
                  "notes": "上学高峰护学，疏导交通、守护学生安全"})
    council_grid = next((g for g in urban if people.by_community.get(g.community_id, {}).get(PersonRole.COUNCIL_MEMBER.value)),
                        urban[0])
    members = people.by_community.get(council_grid.community_id, {}).get(PersonRole.COUNCIL_MEMBER.value, [])
    posts.append({"kind": "板凳议事会", "name": f"{council_grid.community_name}板凳议事会", "grid_id": council_grid.id,
                  "station_id": council_grid.station_id, "place": f"{council_grid.places[0]}小广场",
                  "recurrence": DutyRecurrence.MONTHLY.value, "weekdays": (4,), "nth": 1,
                  "hours": (dt.time(15, 0), dt.time(16, 30)), "per_shift": 4,
                  "deputies": sorted(council_grid.deputy_ids), "people": members[:4],
                  "notes": "每月一场，集中“议对策”"})
    legal = [d.id for d in serving if office.station(d.station_id).profile == "legal"][:4]
    posts.append({"kind": "以案说法", "name": f"{villages[0].community_name}以案说法", "grid_id": villages[0].id,
                  "station_id": None, "place": f"{villages[0].community_name}村委会",
                  "recurrence": DutyRecurrence.QUARTERLY.value, "weekdays": (2,), "nth": 2,
                  "hours": (dt.time(9, 30), dt.time(11, 0)), "per_shift": 3,
                  "deputies": sorted(legal), "people": [*people.lawyers[:2], *people.police[:1]],
                  "notes": "每季度一次，公开“普法律”"})
    return posts


def _members(office: DemoOffice) -> dict[int, Member]:
    members = {row["id"]: Member(row["id"], row["name"], row["levels"], row["expertise"], row["took_office_on"],
                                 row["left_office_on"])
               for row in office.table("deputy") if row["status"] == "在任"}
    members.update({person_key(row["id"]): Member(person_key(row["id"]), row["name"], "", row["role"])
                    for row in office.table("person")})
    return members


def _busy(office: DemoOffice) -> set[tuple[int, dt.date]]:
    return {(row["deputy_id"], row["date"]) for row in office.table("deputy_busy_date")}


def _reception(office: DemoOffice, start: dt.date, end: dt.date) -> dict[dt.date, list]:
    days = {row["id"]: row for row in office.table("reception_day") if start <= row["date"] <= end}
    booked = defaultdict(list)
    for duty in office.table("reception_duty"):
        day = days.get(duty["reception_day_id"])
        if day is not None:
            booked[day["date"]].append((duty["deputy_id"], day["start_time"], day["end_time"]))
    return booked


def _store_shifts(office: DemoOffice, rota, posts: list[dict], kinds: dict, rng) -> list[DoneShift]:
    shifts, shift_d, shift_p = office.table("duty_shift"), office.table("duty_shift_deputy"), office.table("duty_shift_person")
    done: list[DoneShift] = []
    past = 0
    for shift_id, planned in enumerate(rota.shifts, start=1):
        post = posts[planned.duty_id - 1]
        status, notes = DutyStatus.PLANNED.value, planned.notes
        deputies, people = split_keys(planned.member_keys)
        if planned.date < office.today:
            past += 1
            if past % MISSED_EVERY == 0:
                status, notes = DutyStatus.MISSED.value, rng.choice(("临时有事未到岗", "雨天未到岗，已补巡"))
            elif past % MISSED_EVERY == MISSED_EVERY // 2:
                pass    # left 计划: the clerk never recorded it, so the duty tab lists it as missed
            else:
                status = DutyStatus.DONE.value
        shifts.append({"id": shift_id, "duty_id": planned.duty_id, "date": planned.date,
                       "start_time": planned.start_time, "end_time": planned.end_time, "status": status,
                       "activity_id": None, "notes": notes})
        shift_d.extend({"shift_id": shift_id, "deputy_id": d} for d in deputies)
        shift_p.extend({"shift_id": shift_id, "person_id": p} for p in people)
        if status == DutyStatus.DONE.value and deputies:
            _, activity_kind = kinds[post["kind"]]
            residents = {"网格巡查": rng.randint(2, 8), "护学岗": rng.randint(6, 15),
                         "板凳议事会": rng.randint(8, 20), "以案说法": rng.randint(15, 40)}.get(post["kind"], 0)
            done.append(DoneShift(shift_id, planned.date, activity_kind, post["grid_id"], post["station_id"],
                                  post["place"], tuple(deputies), tuple(people), residents,
                                  f"{post['kind']}：{post['name']}"))
    return done


def add_duty_activities(office: DemoOffice, done: list[DoneShift]) -> None:
    """The activities of the shifts done, numbered after the others (the year's count includes them)."""
    activities = office.table("activity")
    people = {row["id"]: row["name"] for row in office.table("person")}
    next_id = max((row["id"] for row in activities), default=0) + 1
    shifts = office.table("duty_shift")
    for offset, shift in enumerate(done):
        activity_id = next_id + offset
        activities.append({"id": activity_id, "date": shift.date, "kind": shift.activity_kind, "grid_id": shift.grid_id,
                           "station_id": shift.station_id, "place": shift.place,
                           "other_participants": join_multi(people[p] for p in shift.person_ids)[:200],
                           "residents_contacted": shift.residents, "summary": shift.summary, "team_id": None})
        office.table("activity_deputy").extend({"activity_id": activity_id, "deputy_id": d} for d in shift.deputy_ids)
        office.table("activity_person").extend({"activity_id": activity_id, "person_id": p} for p in shift.person_ids)
        shifts[shift.shift_id - 1]["activity_id"] = activity_id
