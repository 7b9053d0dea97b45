"""The deputies: who they are, their station (进站), their grids (进网格) and busy dates.

Coverage follows 两个全覆盖 with deliberate gaps for the clerk's checks to find: two grids
whose deputy left office, one crowded grid with four deputies, and two newly elected
deputies not yet placed in a grid.
"""
import datetime as dt
import random

from gridoffice.domain.enums import DeputyLevel, DeputyStatus, StationScope
from gridoffice.domain.rules import format_levels, join_multi

from gridoffice.services.demo import words
from gridoffice.services.demo.people import NameMaker, PhoneMaker, weighted
from gridoffice.services.demo.scale import DemoOffice, DeputyInfo, GridInfo, StationInfo
from gridoffice.services.common.pinyin import pinyin_of

EMPTY_GRIDS = 2
CROWDED_GRID_SIZE = 4
MAX_PER_GRID = 3
MIN_AREA_STATION = 7
# posts many people hold in one unit; any other (unit, post) pair is given to one deputy only
SHARED_POSTS = {"教师", "律师", "合伙人律师", "委员", "全科医生", "技术员", "经营者", "法官", "主任医师"}
SENIOR_MARKS = ("书记", "长", "主任", "董事", "总经理", "教授")
RETIRE_NOTES = ("工作调动，辞去代表职务", "退休后迁居外地，辞去代表职务", "因工作变动离任")


def build_deputies(office: DemoOffice, names: NameMaker, phones: PhoneMaker) -> None:
    rng = office.rng("deputies")
    names.reserve(words.RARE_NAME)
    term_start = dt.date(office.first_day.year - 1, 1, 8)
    posts_taken: set[tuple[str, str]] = set()
    for station, size in zip(office.stations, _station_sizes(office)):
        for index in range(size):
            profile = "leader" if station.profile == "central" and index < _leader_count(office) else (
                "local" if station.profile == "central" else station.profile)
            _add_deputy(office, station, profile, term_start, names, phones, posts_taken, rng)
    _use_rare_name(office)
    _assign_levels(office, rng)
    _retire_and_elect(office, rng)
    for row in office.table("deputy"):
        row["name_pinyin"], row["name_initials"] = pinyin_of(row["name"])
    place_in_grids(office, office.rng("coverage"))
    _add_busy_dates(office, office.rng("busy"))


def _leader_count(office: DemoOffice) -> int:
    return office.spec.national + office.spec.provincial + 2


def _station_sizes(office: DemoOffice) -> list[int]:
    """Central about 10 %, each specialised station 7 %, the rest by the area stations' grid counts
    (at least MIN_AREA_STATION each, so every station can fill a reception pool)."""
    total = office.spec.serving_deputies + office.spec.retired_deputies
    central = max(round(total * 0.10), _leader_count(office) + 3)
    specialised = round(total * 0.07)
    sizes = [central] + [specialised] * office.spec.specialised_stations
    areas = [s for s in office.stations if s.scope == StationScope.AREA.value]
    grids_of = [sum(1 for g in office.grids if g.station_id == s.id) for s in areas]
    left = total - sum(sizes)
    floor = min(MIN_AREA_STATION, left // len(areas))
    spare = left - floor * len(areas)
    area_sizes = [floor + spare * n // sum(grids_of) for n in grids_of]
    for index in range(left - sum(area_sizes)):
        area_sizes[index % len(area_sizes)] += 1
    return sizes + area_sizes


def _add_deputy(office, station: StationInfo, profile: str, term_start, names, phones, posts_taken, rng) -> None:
    unit, post, tags = _unique_work(office, station, profile, posts_taken, rng)
    gender = "女" if rng.random() < 0.38 else "男"
    name = names.make(gender)
    senior = profile == "leader" or any(mark in post for mark in SENIOR_MARKS)
    age = rng.randint(40, 60) if senior else rng.randint(28, 55)
    deputy_id = len(office.deputies) + 1
    office.deputies.append(DeputyInfo(deputy_id, name, station.id, term_start))
    office.table("deputy").append({
        "id": deputy_id, "name": name, "gender": gender,
        "ethnicity": weighted(rng, words.ETHNICITIES),
        "birth_month": f"{office.today.year - age}-{rng.randint(1, 12):02d}",
        "party": weighted(rng, words.PARTIES), "levels": DeputyLevel.DISTRICT.value,
        "work_unit": unit, "post": post, "expertise": join_multi(tags),
        "mobile": phones.mobile(), "office_phone": phones.landline() if rng.random() < 0.5 else "",
        "mobile_public": rng.random() < 0.34, "station_id": station.id,
        "status": DeputyStatus.SERVING.value, "took_office_on": term_start, "left_office_on": None,
        "notes": "",
    })


def _unique_work(office, station: StationInfo, profile: str, taken: set, rng) -> tuple[str, str, list[str]]:
    """No two deputies are 所长 of the same 派出所; after many tries a repeat is accepted."""
    for _ in range(50):
        unit, post, tags = _work(office, station, profile, rng)
        if post in SHARED_POSTS or (unit, post) not in taken:
            break
    taken.add((unit, post))
    return unit, post, tags


def _work(office, station: StationInfo, profile: str, rng) -> tuple[str, str, list[str]]:
    """(work unit, post, expertise tags) from a profile, places filled from the station's area."""
    template, posts, tags, _ = rng.choices(words.PROFILES[profile], weights=[p[3] for p in words.PROFILES[profile]])[0]
    communities = office.table("community")
    home = [communities[cid - 1] for cid in station.community_ids] or communities
    villages = [c for c in home if c["kind"] == "村"] or [c for c in communities if c["kind"] == "村"] or home
    unit = template.format(
        street=words.STREET, district=words.DISTRICT, city=words.CITY,
        community=rng.choice(home)["name"].removesuffix("社区").removesuffix("村"),
        village=rng.choice(villages)["name"], brand=rng.choice(words.BRANDS), bank=rng.choice(words.BANKS),
        company=f"{words.CITY[:2]}{rng.choice(words.BRANDS)}{rng.choice(words.INDUSTRIES)}",
        law_firm=f"{words.CITY[:2]}{rng.choice(words.LAW_FIRMS)}",
    )
    tags = list(tags)
    if rng.random() < 0.25:
        extra = rng.choice(words.EXTRA_EXPERTISE)
        if extra not in tags:
            tags.append(extra)
    return unit, rng.choice(posts), tags


def _use_rare_name(office: DemoOffice) -> None:
    """The first male deputy of the first area station is 刘䶮 (a character outside common fonts)."""
    area = next(s for s in office.stations if s.scope == StationScope.AREA.value)
    row = next(r for r in office.table("deputy") if r["station_id"] == area.id and r["gender"] == "男")
    row["name"] = office.deputy(row["id"]).name = words.RARE_NAME


def _assign_levels(office: DemoOffice, rng: random.Random) -> None:
    spec, rows = office.spec, office.table("deputy")
    leaders = [r for r in rows if r["station_id"] == 1][:_leader_count(office)]
    for row in rng.sample(leaders, spec.national):
        row["levels"] = DeputyLevel.NATIONAL.value
    provincial = rng.sample([r for r in leaders if r["levels"] == DeputyLevel.DISTRICT.value], spec.provincial)
    for index, row in enumerate(provincial):
        # one provincial deputy also sits in the city congress
        row["levels"] = format_levels(["省", "市"] if index == 0 else ["省"])
    rest = [r for r in rows if r["levels"] == DeputyLevel.DISTRICT.value]
    chosen = rng.sample(rest, spec.city_and_district + spec.city_only)
    for index, row in enumerate(chosen):
        row["levels"] = format_levels(["市", "区"] if index < spec.city_and_district else ["市"])


def _retire_and_elect(office: DemoOffice, rng: random.Random) -> None:
    """Some 区 deputies of area stations have left office; a few newcomers were elected lately."""
    spec, rows = office.spec, office.table("deputy")
    area_ids = {s.id for s in office.stations if s.scope == StationScope.AREA.value}
    plain = [r for r in rows if r["station_id"] in area_ids and r["levels"] == DeputyLevel.DISTRICT.value
             and r["name"] != words.RARE_NAME]
    chosen = _one_per_station(plain, spec.retired_deputies + spec.newcomers, rng)
    span = 365 * spec.years
    for row in chosen[:spec.retired_deputies]:
        left = office.today - dt.timedelta(days=rng.randint(30, span - 30))
        row.update(status=DeputyStatus.RETIRED.value, left_office_on=left, notes=rng.choice(RETIRE_NOTES),
                   mobile_public=False)
        office.deputy(row["id"]).left_office_on = left
    for row in chosen[spec.retired_deputies:]:
        took = office.today - dt.timedelta(days=rng.randint(15, 60))
        row.update(took_office_on=took, notes="补选产生，待编入网格")
        info = office.deputy(row["id"])
        info.took_office_on, info.newcomer = took, True


def _one_per_station(rows: list[dict], count: int, rng: random.Random) -> list[dict]:
    """`count` rows at random, taking from each station in turn so no station is left short."""
    queues: dict[int, list[dict]] = {}
    for row in rng.sample(rows, len(rows)):
        queues.setdefault(row["station_id"], []).append(row)
    chosen: list[dict] = []
    while len(chosen) < count:
        for queue in queues.values():
            if queue and len(chosen) < count:
                chosen.append(queue.pop(0))
    return chosen


def place_in_grids(office: DemoOffice, rng: random.Random) -> None:
    """Every grid 1-3 deputies and every serving deputy in a grid, except the deliberate gaps."""
    grids = office.grids
    empty_ids = rng.sample([g.id for g in grids], EMPTY_GRIDS)
    crowded = max((g for g in grids if g.id not in empty_ids), key=lambda g: (g.households, -g.id))
    capacity = {g.id: 0 if g.id in empty_ids else MAX_PER_GRID for g in grids}
    capacity[crowded.id] = CROWDED_GRID_SIZE
    placeable = [d for d in office.deputies if d.serving and not d.newcomer]
    _give_every_grid_one(office, grids, capacity, placeable, rng)
    _give_every_deputy_one(office, capacity, placeable, rng)
    while len(crowded.deputy_ids) < CROWDED_GRID_SIZE:
        _link(_fewest_grids([d for d in placeable if d.id not in crowded.deputy_ids], crowded.station_id, rng),
              crowded)
    _second_grids(office, capacity, placeable, rng)
    _note_gaps(office, empty_ids, crowded)
    office.table("deputy_grid").extend(
        {"deputy_id": d.id, "grid_id": grid_id} for d in office.deputies for grid_id in sorted(d.grid_ids))


def _give_every_grid_one(office, grids, capacity, placeable, rng) -> None:
    order = [g for g in grids if capacity[g.id] > 0]
    rng.shuffle(order)
    for grid in order:
        unplaced = [d for d in placeable if not d.grid_ids]
        own = [d for d in unplaced if d.station_id == grid.station_id]
        roaming = [d for d in unplaced if not office.station(d.station_id).community_ids]
        pool = own or roaming or unplaced
        _link(rng.choice(pool) if pool else _fewest_grids(placeable, grid.station_id, rng), grid)


def _give_every_deputy_one(office, capacity, placeable, rng) -> None:
    for deputy in placeable:
        if deputy.grid_ids:
            continue
        home = office.station(deputy.station_id).community_ids
        open_grids = [g for g in office.grids if len(g.deputy_ids) < min(capacity[g.id], MAX_PER_GRID)]
        nearby = [g for g in open_grids if g.community_id in home] or open_grids
        fewest = min(len(g.deputy_ids) for g in nearby)
        _link(deputy, rng.choice([g for g in nearby if len(g.deputy_ids) == fewest]))


def _second_grids(office, capacity, placeable, rng) -> None:
    """About one deputy in twelve also looks after a neighbouring grid."""
    for deputy in rng.sample(placeable, len(placeable) // 12):
        home = office.station(deputy.station_id).community_ids
        options = [g for g in office.grids if g.community_id in home and 0 < len(g.deputy_ids) < capacity[g.id]
                   and len(g.deputy_ids) < MAX_PER_GRID and g.id not in deputy.grid_ids]
        if options:
            _link(deputy, rng.choice(options))


def _fewest_grids(deputies: list[DeputyInfo], station_id: int, rng: random.Random) -> DeputyInfo:
    own = [d for d in deputies if d.station_id == station_id] or deputies
    fewest = min(len(d.grid_ids) for d in own)
    return rng.choice([d for d in own if len(d.grid_ids) == fewest])


def _link(deputy: DeputyInfo, grid: GridInfo) -> None:
    deputy.grid_ids.append(grid.id)
    grid.deputy_ids.append(deputy.id)


def _note_gaps(office: DemoOffice, empty_ids: list[int], crowded: GridInfo) -> None:
    rows = office.table("grid")
    for grid_id in empty_ids:
        rows[grid_id - 1]["notes"] = "原联系代表离任，待重新编入代表"
    rows[crowded.id - 1]["notes"] = "户数多，安排4名代表联系"


def _add_busy_dates(office: DemoOffice, rng: random.Random) -> None:
    serving = [d for d in office.deputies if d.serving]
    seen: set[tuple[int, dt.date]] = set()
    while len(seen) < office.spec.busy_dates:
        deputy = rng.choice(serving)
        day = office.today + dt.timedelta(days=rng.randint(1, 92))
        if (deputy.id, day) in seen:
            continue
        seen.add((deputy.id, day))
        office.table("deputy_busy_date").append({
            "id": len(seen), "deputy_id": deputy.id, "date": day, "reason": rng.choice(words.BUSY_REASONS)})
