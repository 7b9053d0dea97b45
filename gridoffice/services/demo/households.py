"""The household ledger of the demo (五类十色九必访): special households one by one in every grid at
the shares a street reports, a few grids still keeping only counts ("未逐户登记"), the 九必访 list,
events of the last two months with their visits (most on time, a few overdue, a few due this week),
regular visits by the grid workers and, on the days deputies walked a grid (入户走访), visits with them
(each joining that activity, so person-times count once) — some credited to the grid's 敲门小组."""
import datetime as dt
import random
from collections import defaultdict

from gridoffice.domain.enums import DEFAULT_HOUSEHOLD_CATEGORIES, DEFAULT_MUST_VISIT_RULES, DEFAULT_VISIT_CYCLES
from gridoffice.domain.household_rules import PLACEHOLDER_NAME, compose_address
from gridoffice.services.demo.org import HOUSEHOLD_RATES
from gridoffice.services.demo.people import NameMaker, PhoneMaker
from gridoffice.services.demo.persons import PeopleOfOffice
from gridoffice.services.demo.scale import DemoOffice, GridInfo
from gridoffice.services.households.events import visit_due_on
from gridoffice.services.reception.holidays import HolidayCalendar

HISTORY_DAYS = 56            # regular visits are generated for the last eight weeks (four for a district)
ROUNDS_DAYS = 365            # visits with deputies: the grid walks of the last year
EVENT_DAYS = 60
EVENT_SHARE = 0.06
COUNT_ONLY_GRIDS = 3         # the last grids of the office still keep counts only
OPEN_OVERDUE, OPEN_SOON = 4, 4
SERVICES = ("送医送药", "代办代购", "政策宣传", "心理疏导", "助餐", "安装烟感报警器", "安装扶手", "安装紧急呼叫设备",
            "燃气安全检查", "送慰问品")
VISIT_SUMMARIES = ("询问身体和生活情况，老人精神状态良好", "了解用药和就医情况，提醒按时复诊", "检查水电燃气使用安全",
                   "帮助联系社区家政服务", "宣传养老服务补贴政策", "陪同聊天，了解子女探望情况",
                   "了解孩子学习和假期安排", "询问困难诉求，协助申请临时救助")
NAMES_OF_CATEGORY = [name for name, _color in DEFAULT_HOUSEHOLD_CATEGORIES]


def build_households(office: DemoOffice, names: NameMaker, phones: PhoneMaker, people: PeopleOfOffice) -> None:
    rng = office.rng("households")
    categories = {name: index for index, name in enumerate(NAMES_OF_CATEGORY, start=1)}
    colors = dict(DEFAULT_HOUSEHOLD_CATEGORIES)
    _add_rules(office, categories)
    count_only = {g.id for g in office.grids[-COUNT_ONLY_GRIDS:]} if office.spec.name == "office" else set()
    ledger = _Ledger(office, categories)
    for grid in office.grids:
        for name in NAMES_OF_CATEGORY:
            urban_rate, village_rate = HOUSEHOLD_RATES.get(name, (0.01, 0.01))
            rate = village_rate if grid.is_village else urban_rate
            count = round(grid.households * rate * rng.uniform(0.5, 1.5))
            if grid.id in count_only:
                if count:
                    ledger.placeholder(grid, categories[name], colors[name], count)
                continue
            for _ in range(count):
                ledger.household(grid, name, colors[name], names, phones, people, rng)
    _visits_and_events(office, ledger, people, rng)


def _add_rules(office: DemoOffice, categories: dict[str, int]) -> None:
    for order, (event, days, names) in enumerate(DEFAULT_MUST_VISIT_RULES, start=1):
        office.table("must_visit_rule").append({"id": order, "event": event, "within_days": days, "sort_order": order})
        office.table("must_visit_rule_category").extend({"rule_id": order, "category_id": categories[n]} for n in names)


class _Ledger:
    def __init__(self, office: DemoOffice, categories: dict[str, int]):
        self.office = office
        self.categories = categories
        self.rows = office.table("household")
        self.links = office.table("household_category_link")
        self.addresses: set[str] = set()
        self.by_grid: dict[int, list[dict]] = defaultdict(list)
        self.category_of: dict[int, list[str]] = {}

    def placeholder(self, grid: GridInfo, category_id: int, color: str, count: int) -> None:
        household_id = len(self.rows) + 1
        self.rows.append({"id": household_id, "grid_id": grid.id, "place": "", "building": "", "unit": "", "room": "",
                          "address": "", "name": PLACEHOLDER_NAME, "phone": "", "color": color, "deputy_id": None,
                          "worker_id": None, "registered_on": None, "last_visit_on": None, "cycle_due_on": None,
                          "placeholder_count": count,
                          "notes": "网格只报了户数，尚未逐户登记"})
        self.links.append({"household_id": household_id, "category_id": category_id})

    def household(self, grid: GridInfo, category: str, color: str, names: NameMaker, phones: PhoneMaker,
                  people: PeopleOfOffice, rng: random.Random) -> None:
        own = [category]
        if category == "独居老人" and rng.random() < 0.35:
            own.append("高龄老人")
        elif category == "困难家庭" and rng.random() < 0.2:
            own.append("残疾人")
        place = rng.choice(grid.places)
        for _ in range(20):
            if grid.is_village:
                parts = (f"{place}{rng.randint(1, 60)}号", "", "", "")
            else:
                floor = rng.randint(1, 18)
                parts = (place, str(rng.randint(1, 24)), str(rng.randint(1, 4)), f"{floor}0{rng.randint(1, 4)}")
            address = compose_address(*parts)
            if address not in self.addresses:
                break
        else:
            return
        self.addresses.add(address)
        gender = "女" if category in ("独居老人", "高龄老人") and rng.random() < 0.6 else rng.choice("男女")
        household_id = len(self.rows) + 1
        first_day = self.office.first_day
        registered = first_day + dt.timedelta(days=rng.randint(0, max(0, (self.office.today - first_day).days - 90)))
        row = {"id": household_id, "grid_id": grid.id, "place": parts[0], "building": parts[1] and f"{parts[1]}栋",
               "unit": parts[2] and f"{parts[2]}单元", "room": parts[3] and f"{parts[3]}室", "address": address,
               "name": names.make(gender), "phone": phones.mobile() if rng.random() < 0.75 else "", "color": color,
               "deputy_id": rng.choice(grid.deputy_ids) if grid.deputy_ids else None,
               "worker_id": people.workers.get(grid.id), "registered_on": registered, "last_visit_on": None,
               "cycle_due_on": None,
               "placeholder_count": 0, "notes": ""}
        self.rows.append(row)
        self.links.extend({"household_id": household_id, "category_id": self.categories[c]} for c in own)
        self.by_grid[grid.id].append(row)
        self.category_of[household_id] = own


def _cycle(own: list[str]) -> int:
    days = [DEFAULT_VISIT_CYCLES.get(c, 0) for c in own if DEFAULT_VISIT_CYCLES.get(c, 0)]
    return min(days) if days else 0


def _visits_and_events(office: DemoOffice, ledger: _Ledger, people: PeopleOfOffice, rng: random.Random) -> None:
    holidays = HolidayCalendar()
    history = HISTORY_DAYS if office.spec.name == "office" else HISTORY_DAYS // 2
    today, start = office.today, office.today - dt.timedelta(days=history)
    rounds_from = office.today - dt.timedelta(days=ROUNDS_DAYS)
    visits = office.table("household_visit")
    visit_deputies, visit_people = office.table("household_visit_deputy"), office.table("household_visit_person")
    teams_by_grid = {grid_id: team_id for team_id, (grid_id, _d, _p) in people.teams.items() if grid_id}
    team_members = {team_id: set(members) for team_id, (_g, _d, members) in people.teams.items()}
    activities = office.table("activity")
    for row in activities:
        row.setdefault("team_id", None)
    activity_people = office.table("activity_person")
    linked = {(link["activity_id"], link["person_id"]) for link in activity_people}
    made_by_visits: dict[int, list[str]] = defaultdict(list)

    def visit(row: dict, day: dt.date, deputy_ids=(), person_ids=(), activity=None) -> int:
        visit_id = len(visits) + 1
        services = "、".join(rng.sample(SERVICES, rng.choice((0, 0, 1, 1, 2))))
        team = teams_by_grid.get(row["grid_id"])
        credited = team if team is not None and set(person_ids) & team_members[team] and rng.random() < 0.7 else None
        visits.append({"id": visit_id, "household_id": row["id"], "date": day, "summary": rng.choice(VISIT_SUMMARIES),
                       "services": services, "activity_id": activity["id"] if activity else None, "team_id": credited})
        visit_deputies.extend({"visit_id": visit_id, "deputy_id": d} for d in deputy_ids)
        visit_people.extend({"visit_id": visit_id, "person_id": p} for p in person_ids)
        if row["last_visit_on"] is None or day > row["last_visit_on"]:
            row["last_visit_on"] = day
        if activity is not None:
            made_by_visits[activity["id"]].append(services)
            if credited is not None and activity["team_id"] is None:
                activity["team_id"] = credited
        return visit_id

    # rounds with deputies: on each 入户走访 day in a grid, one to four of its households
    deputies_of = defaultdict(list)
    for link in office.table("activity_deputy"):
        deputies_of[link["activity_id"]].append(link["deputy_id"])
    for activity in activities:
        if activity["kind"] != "入户走访" or activity["grid_id"] is None or activity["date"] < rounds_from:
            continue
        households = [r for r in ledger.by_grid.get(activity["grid_id"], []) if r["registered_on"] <= activity["date"]]
        chosen = rng.sample(households, min(len(households), rng.randint(1, 4)))
        worker = people.workers.get(activity["grid_id"])
        for row in chosen:
            visit(row, activity["date"], sorted(deputies_of[activity["id"]]), [worker] if worker else [], activity)
        if worker and chosen and (activity["id"], worker) not in linked:
            linked.add((activity["id"], worker))
            activity_people.append({"activity_id": activity["id"], "person_id": worker})
    # the grid workers' regular visits: on time mostly, a few late (the clerk's list shows them)
    for grid_id, households in ledger.by_grid.items():
        worker = people.workers.get(grid_id)
        for row in households:
            cycle = _cycle(ledger.category_of[row["id"]])
            if not cycle or not worker:
                continue
            window = min(start, today - dt.timedelta(days=cycle))     # a 90-day cycle needs 90 days of history
            day = max(window, row["registered_on"]) + dt.timedelta(days=rng.randint(0, cycle - 1))
            while day < today:
                if row["last_visit_on"] is None or day > row["last_visit_on"]:
                    visit(row, day, (), (worker,))
                late = rng.random() < 0.012
                day += dt.timedelta(days=cycle + (rng.randint(cycle // 2, cycle) if late else rng.randint(-2, 0)))
    _events(office, ledger, holidays, visits, rng, visit, people)
    for rows in ledger.by_grid.values():          # the regular visit's due date, as the ledger services keep it
        for row in rows:
            days = _cycle(ledger.category_of[row["id"]])
            baseline = row["last_visit_on"] or row["registered_on"]
            row["cycle_due_on"] = baseline + dt.timedelta(days=days) if days and baseline else None
    for activity_id, services in made_by_visits.items():
        done = "、".join(dict.fromkeys(s for text in services for s in text.split("、") if s))
        activity = activities[activity_id - 1] if activities[activity_id - 1]["id"] == activity_id else next(
            a for a in activities if a["id"] == activity_id)
        if done and "提供" not in activity["summary"]:
            activity["summary"] = f"{activity['summary']}（入户走访重点户 {len(services)} 户，提供：{done}）"


def _events(office, ledger: _Ledger, holidays: HolidayCalendar, visits: list[dict], rng: random.Random, visit,
            people: PeopleOfOffice) -> None:
    """Events of the last two months; a later visit closes each, but for a few left open on purpose:
    some overdue, some due this week."""
    today = office.today
    rules = [(rule["id"], rule["event"], rule["within_days"]) for rule in office.table("must_visit_rule")]
    limited = defaultdict(set)
    for link in office.table("must_visit_rule_category"):
        limited[link["rule_id"]].add(link["category_id"])
    events = office.table("household_event")
    visits_of = defaultdict(list)
    for row in visits:
        visits_of[row["household_id"]].append(row)
    households = [row for rows in ledger.by_grid.values() for row in rows]
    chosen = rng.sample(households, round(len(households) * EVENT_SHARE))
    overdue_left = soon_left = 0
    for row in sorted(chosen, key=lambda r: r["id"]):
        own = {ledger.categories[c] for c in ledger.category_of[row["id"]]}
        rule_id, event, days = rng.choice([r for r in rules if not limited[r[0]] or limited[r[0]] & own])
        day = today - dt.timedelta(days=rng.randint(0, EVENT_DAYS))
        due = visit_due_on(holidays, day, days)
        later = sorted((v for v in visits_of[row["id"]] if v["date"] >= day), key=lambda v: (v["date"], v["id"]))
        closed_by = later[0]["id"] if later else None
        if closed_by is None:
            worker = people.workers.get(row["grid_id"])
            keep_open = (due < today and overdue_left < OPEN_OVERDUE) or (due >= today and soon_left < OPEN_SOON)
            if keep_open:
                overdue_left += due < today
                soon_left += due >= today
            elif worker:
                on = min(today, day + dt.timedelta(days=rng.randint(0, max(0, (due - day).days))))
                closed_by = visit(row, on, (), (worker,))
        events.append({"id": len(events) + 1, "household_id": row["id"], "rule_id": rule_id, "kind": event,
                       "date": day, "due_on": due, "notes": "", "visit_id": closed_by})
