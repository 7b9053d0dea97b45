"""The office's organisation: settings, stations, departments, communities, grids, categories."""
import random

from gridoffice.domain.enums import (DEFAULT_HOUSEHOLD_CATEGORIES, DEFAULT_OPINION_CATEGORIES, DEFAULT_VISIT_CYCLES,
                                     CommunityKind, StationScope)
from gridoffice.domain.stations import kind_from_name
from gridoffice.domain.settings import DEFAULT_RECEPTION_PLACE, DEFAULT_RECEPTION_TIME, HOTLINE, OFFICE_NAME

from gridoffice.services.demo import words
from gridoffice.services.demo.map import Block, layout_grid_areas
from gridoffice.services.demo.people import NameMaker, PhoneMaker
from gridoffice.services.demo.scale import DemoOffice, GridInfo, StationInfo

# share of a grid's households in each special category (五类十色), urban and village
HOUSEHOLD_RATES = {
    "独居老人": (0.020, 0.025), "高龄老人": (0.030, 0.040), "退役军人": (0.015, 0.015),
    "困难家庭": (0.010, 0.020), "残疾人": (0.015, 0.020), "留守儿童": (0.003, 0.035),
}
MUST_VISIT = ("独居老人", "高龄老人", "困难家庭", "留守儿童")


def settings_values(office: DemoOffice, phones: PhoneMaker) -> dict[str, str]:
    """Call after build_organisation: the default place is the central station's reception room."""
    central = office.stations[0]
    return {
        OFFICE_NAME: office.spec.office_name,
        HOTLINE: phones.landline(),
        DEFAULT_RECEPTION_TIME: "09:00-11:30",
        DEFAULT_RECEPTION_PLACE: f"{central.name}{central.reception_room}",
    }


def build_organisation(office: DemoOffice, names: NameMaker, phones: PhoneMaker) -> None:
    rng = office.rng("organisation")
    communities = _community_names(office, rng)
    chunks = _split_evenly(len(communities), office.spec.area_stations)
    _add_stations(office, communities, chunks, phones, rng)
    _add_communities_and_grids(office, communities, names, phones, rng)
    _add_departments(office, names, phones)
    _add_categories(office, rng)


def _community_names(office: DemoOffice, rng: random.Random) -> list[tuple[str, str]]:
    """(short name, kind): urban 社区 first, villages (on the outskirts) last."""
    spec = office.spec
    urban = _pick_place_names(words.COMMUNITY_NAMES, spec.communities - spec.villages, rng, taken=set())
    villages = _pick_place_names(words.VILLAGE_NAMES, spec.villages, rng, taken=set(urban))
    return ([(name, CommunityKind.COMMUNITY.value) for name in urban]
            + [(name, CommunityKind.VILLAGE.value) for name in villages])


def _pick_place_names(curated: tuple[str, ...], count: int, rng: random.Random, taken: set[str]) -> list[str]:
    names = [name for name in curated if name not in taken][:count]
    rng.shuffle(names)
    while len(names) < count:
        name = rng.choice(words.PLACE_FIRST) + rng.choice(words.PLACE_SECOND)
        if name not in taken and name not in names:
            names.append(name)
    return names


def _split_evenly(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if index < extra else 0) for index in range(parts)]


def _full_name(short: str, kind: str) -> str:
    return short + kind


def _add_stations(office, communities, chunks, phones, rng) -> None:
    """1 central, the specialised and the area stations (片区, each serving a few communities)."""
    is_office = office.spec.name == "office"
    owner = f"{words.STREET}街道" if is_office else words.DISTRICT
    central = f"{owner}人大代表联络站（中心站）" if is_office else f"{words.DISTRICT}人大代表之家（中心站）"
    plan = [(central, StationScope.CENTRAL.value, "central", [], "{road}{number}号{street}街道党群服务中心")]
    for part, profile, address in words.SPECIALISED_STATIONS[:office.spec.specialised_stations]:
        plan.append((f"{owner}{part}专业代表联络站", StationScope.SPECIALISED.value, profile, [], address))
    start = 0
    for size in chunks:
        members = list(range(start + 1, start + size + 1))  # community ids, in creation order
        start += size
        short, kind = communities[members[0] - 1]
        has_village = any(communities[i - 1][1] == CommunityKind.VILLAGE.value for i in members)
        address = f"{short}村委会办公楼" if kind == CommunityKind.VILLAGE.value else \
            f"{{road}}{{number}}号{short}社区党群服务中心"
        plan.append((f"{short}片区代表联络站", StationScope.AREA.value, "village" if has_village else "local",
                     members, address))
    for station_id, (name, scope, profile, members, address) in enumerate(plan, start=1):
        floor = rng.choice("一二三")
        room = f"代表接待室（{floor}楼{'一二三'.index(floor) + 1}0{rng.randint(1, 9)}室）"
        office.stations.append(StationInfo(station_id, name, scope, profile, room, members))
        office.table("station").append({
            "id": station_id, "name": name, "kind": kind_from_name(name), "scope": scope, "reception_room": room,
            "phone": phones.landline(),
            "address": address.format(road=rng.choice(words.ROADS), number=rng.randint(2, 188), street=words.STREET),
            "notes": f"服务{'全街道' if is_office else '全区'}代表和群众" if not members else "联系" + "、".join(
                _full_name(*communities[i - 1]) for i in members),
        })


def _add_communities_and_grids(office, communities, names, phones, rng) -> None:
    grid_counts = _grid_counts(office, communities, rng)
    station_of = {cid: s.id for s in office.stations for cid in s.community_ids}
    blocks = [Block(count, kind == CommunityKind.VILLAGE.value) for (_, kind), count in zip(communities, grid_counts)]
    areas = layout_grid_areas(blocks, office.rng("map"))
    estate_names: set[str] = set()
    for community_id, ((short, kind), count) in enumerate(zip(communities, grid_counts), start=1):
        is_village = kind == CommunityKind.VILLAGE.value
        office.table("community").append({
            "id": community_id, "name": _full_name(short, kind), "kind": kind,
            "notes": f"辖{count}个网格",
        })
        places = _village_groups(short, count) if is_village else _estates(short, count, estate_names, rng)
        for number in range(1, count + 1):
            _add_grid(office, community_id, short, kind, number, places[number - 1], station_of[community_id],
                      areas[community_id - 1][number - 1], names, phones, rng)


def _grid_counts(office, communities, rng) -> list[int]:
    """Every community gets at least 2 grids; urban ones are denser and get more of the rest."""
    counts = [2] * len(communities)
    weights = [1.0 if kind == CommunityKind.COMMUNITY.value else 0.6 for _, kind in communities]
    for _ in range(office.spec.grids - sum(counts)):
        counts[rng.choices(range(len(communities)), weights=weights)[0]] += 1
    return counts


def _estates(short: str, count: int, taken: set[str], rng: random.Random) -> list[list[str]]:
    """1-3 estates (小区) per grid, the first ones named after the community."""
    wanted = sum(rng.choice((1, 2, 2, 3)) for _ in range(count))
    suffixes = list(words.ESTATE_SUFFIXES)
    rng.shuffle(suffixes)
    pool = [short + suffix for suffix in suffixes if short + suffix not in taken]
    while len(pool) < wanted:
        name = rng.choice(words.PLACE_FIRST) + rng.choice(words.PLACE_SECOND) + rng.choice(words.ESTATE_SUFFIXES)
        if name not in taken and name not in pool:
            pool.append(name)
    pool = pool[:max(wanted, count)]
    taken.update(pool)
    per_grid = [[] for _ in range(count)]
    for index, estate in enumerate(pool):
        per_grid[index % count].append(estate)
    return per_grid


def _village_groups(short: str, count: int) -> list[list[str]]:
    """About two neighbouring 村民小组 per grid."""
    total = max(count, min(2 * count, len(words.VILLAGE_GROUPS)))
    groups = [f"{short}村{words.VILLAGE_GROUPS[i]}" if i < len(words.VILLAGE_GROUPS) else f"{short}村{i + 1}组"
              for i in range(total)]
    per_grid, start = [], 0
    for size in _split_evenly(total, count):
        per_grid.append(groups[start:start + size])
        start += size
    return per_grid


def _add_grid(office, community_id, short, kind, number, places, station_id, area, names, phones, rng) -> None:
    is_village = kind == CommunityKind.VILLAGE.value
    grid_id = len(office.grids) + 1
    households = rng.randint(150, 380) if is_village else rng.randint(280, 620)
    worker = names.make(rng.choice("男女女"))
    code = f"{words.GRID_CODE_PREFIX}-{community_id:02d}-{number:02d}"
    name = f"{_full_name(short, kind)}第{number}网格"
    office.grids.append(GridInfo(grid_id, code, name, community_id, _full_name(short, kind), station_id,
                                 is_village, households, worker, places))
    roads = rng.sample(words.ROADS, 4)
    office.table("grid").append({
        "id": grid_id, "code": code, "name": name, "community_id": community_id,
        "worker_name": worker, "worker_phone": phones.mobile(), "households": households,
        "population": round(households * rng.uniform(2.4, 3.1)),
        "boundary": f"东至{roads[0]}，南至{roads[1]}，西至{roads[2]}，北至{roads[3]}；含{'、'.join(places)}",
        "area_geojson": area, "notes": "",
    })


def _add_departments(office, names, phones) -> None:
    rng = office.rng("departments")
    for department_id, (name, duties) in enumerate(words.DEPARTMENTS, start=1):
        office.department_ids[name] = department_id
        office.table("department").append({
            "id": department_id, "name": name, "contact": names.make(rng.choice("男女")),
            "phone": phones.landline(), "notes": f"主要承办：{duties}",
        })


def _add_categories(office, _rng) -> None:
    office.table("opinion_category").extend(
        {"id": index, "name": name, "sort_order": index} for index, name in enumerate(DEFAULT_OPINION_CATEGORIES, 1))
    for index, (name, color) in enumerate(DEFAULT_HOUSEHOLD_CATEGORIES, start=1):
        office.table("household_category").append(
            {"id": index, "name": name, "color": color, "must_visit": name in MUST_VISIT, "sort_order": index,
             "visit_every_days": DEFAULT_VISIT_CYCLES.get(name, 0)})
