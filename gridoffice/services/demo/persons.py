"""The people beside the deputies: a 网格员 in every grid (the grid's worker), community workers,
fixed volunteers, residents' council members (居民议事会议代表), lawyers and police; mixed teams
(敲门小组, 调解团); two more sites some deputies also serve at (a 实践基地 and a company's 联系点);
and the deputies' 五员 roles."""
import random
from dataclasses import dataclass, field

from gridoffice.domain.enums import DEFAULT_DEPUTY_ROLES, PersonRole, StationKind
from gridoffice.services.common.pinyin import pinyin_of
from gridoffice.services.demo import words
from gridoffice.services.demo.people import NameMaker, PhoneMaker
from gridoffice.services.demo.scale import DemoOffice

ROLE_BY_EXPERTISE = {"法律": "调解员", "人民调解": "调解员", "治安": "守护员", "基层治理": "联络员", "城建": "监督员",
                     "企业管理": "联络员", "财经": "监督员", "教育": "宣传员", "医疗": "守护员", "养老服务": "守护员"}


@dataclass
class PeopleOfOffice:
    """What later stages (duties, households) need to know of the people made here."""
    workers: dict[int, int] = field(default_factory=dict)              # grid id → its 网格员's person id
    by_community: dict[int, dict[str, list[int]]] = field(default_factory=dict)   # community → role → ids
    lawyers: list[int] = field(default_factory=list)
    police: list[int] = field(default_factory=list)
    teams: dict[int, tuple[int, list[int], list[int]]] = field(default_factory=dict)  # team → (grid, deputies, people)


def build_people(office: DemoOffice, names: NameMaker, phones: PhoneMaker) -> PeopleOfOffice:
    rng = office.rng("people")
    people = PeopleOfOffice()
    rows = office.table("person")

    def add(name: str, role: str, *, community_id=None, grid_id=None, organisation="", phone="", public=False) -> int:
        person_id = len(rows) + 1
        full, initials = pinyin_of(name)
        rows.append({"id": person_id, "name": name, "name_pinyin": full, "name_initials": initials, "role": role,
                     "community_id": community_id, "grid_id": grid_id, "organisation": organisation,
                     "phone": phone, "phone_public": public, "active": True, "notes": ""})
        if community_id is not None:
            people.by_community.setdefault(community_id, {}).setdefault(role, []).append(person_id)
        return person_id

    grid_rows = office.table("grid")
    for grid in office.grids:
        people.workers[grid.id] = add(grid.worker_name, PersonRole.GRID_WORKER.value, community_id=grid.community_id,
                                      grid_id=grid.id, organisation=f"{grid.community_name}网格站",
                                      phone=grid_rows[grid.id - 1]["worker_phone"], public=True)
    for community in office.table("community"):
        cid, cname = community["id"], community["name"]
        for _ in range(rng.randint(1, 2)):
            add(names.make(rng.choice("男女女")), PersonRole.COMMUNITY_WORKER.value, community_id=cid,
                organisation=f"{cname}{'村委会' if cname.endswith('村') else '居委会'}", phone=phones.mobile())
        for _ in range(rng.randint(2, 4)):
            add(names.make(rng.choice("男女")), PersonRole.VOLUNTEER.value, community_id=cid,
                organisation=f"{cname}志愿服务队", phone=phones.mobile(), public=rng.random() < 0.3)
        for _ in range(rng.randint(3, 5)):
            add(names.make(rng.choice("男女")), PersonRole.COUNCIL_MEMBER.value, community_id=cid,
                phone=phones.mobile() if rng.random() < 0.7 else "")
    for index in range(max(4, len(office.table("community")) // 3)):
        firm = f"{words.CITY[:2]}{words.LAW_FIRMS[index % len(words.LAW_FIRMS)]}律师事务所"
        people.lawyers.append(add(names.make(rng.choice("男女")), PersonRole.LAWYER.value, organisation=firm,
                                  phone=phones.landline(), public=True))
    for community in office.table("community")[::3]:
        people.police.append(add(names.make("男"), PersonRole.POLICE.value, community_id=community["id"],
                                 organisation=f"{words.STREET}派出所（{community['name']}社区民警）",
                                 phone=phones.landline(), public=True))
    _add_teams(office, people, rng)
    _add_sites(office, rng)
    _add_roles(office, rng)
    return people


def _add_teams(office: DemoOffice, people: PeopleOfOffice, rng: random.Random) -> None:
    """A 敲门小组 in one grid of each of the first communities (a deputy, the grid worker, a volunteer and
    a community worker), and a 调解团 (two deputies, a lawyer, a police officer)."""
    teams, team_deputies, team_people = office.table("team"), office.table("team_deputy"), office.table("team_person")
    covered = [g for g in office.grids if g.deputy_ids]
    chosen, seen = [], set()
    for grid in covered:
        if grid.community_id not in seen and len(chosen) < max(3, len(office.table("community")) // 2):
            seen.add(grid.community_id)
            chosen.append(grid)
    for grid in chosen:
        roles = people.by_community.get(grid.community_id, {})
        members = [people.workers[grid.id]]
        members += rng.sample(roles.get(PersonRole.VOLUNTEER.value, []), 1)
        members += rng.sample(roles.get(PersonRole.COMMUNITY_WORKER.value, []), 1)
        deputies = sorted(grid.deputy_ids[:1])
        team_id = len(teams) + 1
        teams.append({"id": team_id, "name": f"{grid.community_name}第{grid.code[-2:].lstrip('0')}网格敲门小组",
                      "grid_id": grid.id, "task": "每周入户走访独居、高龄老人，了解需求、排查隐患", "active": True,
                      "notes": ""})
        team_deputies.extend({"team_id": team_id, "deputy_id": d} for d in deputies)
        team_people.extend({"team_id": team_id, "person_id": p} for p in members)
        people.teams[team_id] = (grid.id, deputies, members)
    legal = [d.id for d in office.deputies if d.serving and office.station(d.station_id).profile == "legal"]
    if len(legal) >= 2 and people.lawyers and people.police:
        team_id = len(teams) + 1
        deputies = sorted(rng.sample(legal, 2))
        members = [people.lawyers[0], people.police[0]]
        teams.append({"id": team_id, "name": f"{words.STREET}街道“代表+律师+民警”调解团", "grid_id": None,
                      "task": "调解邻里、租赁和家庭纠纷，每月一次以案说法", "active": True, "notes": ""})
        team_deputies.extend({"team_id": team_id, "deputy_id": d} for d in deputies)
        team_people.extend({"team_id": team_id, "person_id": p} for p in members)
        people.teams[team_id] = (0, deputies, members)


def _add_sites(office: DemoOffice, rng: random.Random) -> None:
    """Every deputy's station is their primary site; a 实践基地 and a company's 联系点 are added, with some
    deputies serving there too (the seeds' 联络室 of 12 deputies and 实践基地 of 36, at a street's scale)."""
    links = office.table("deputy_station")
    links.extend({"deputy_id": d.id, "station_id": d.station_id, "is_primary": True} for d in office.deputies)
    stations = office.table("station")
    base_id, point_id = len(stations) + 1, len(stations) + 2
    stations.append({"id": base_id, "name": f"{words.STREET}街道全过程人民民主基层实践基地",
                     "kind": StationKind.PRACTICE_BASE.value, "scope": "", "reception_room": "议事厅",
                     "address": f"{rng.choice(words.ROADS)}{rng.randint(2, 188)}号", "phone": "",
                     "notes": "代表、居民议事代表共同开展议事协商和监督活动"})
    stations.append({"id": point_id, "name": f"{words.CITY[:2]}{rng.choice(words.BRANDS)}电子有限公司民营经济人大代表联系点",
                     "kind": StationKind.CONTACT_POINT.value, "scope": "", "reception_room": "企业会议室",
                     "address": f"{words.STREET}工业园{rng.choice(words.ROADS)}{rng.randint(2, 188)}号", "phone": "",
                     "notes": "政企圆桌会每季度一次"})
    serving = [d for d in office.deputies if d.serving]
    for deputy in sorted(rng.sample(serving, min(len(serving), max(6, len(serving) // 9))), key=lambda d: d.id):
        links.append({"deputy_id": deputy.id, "station_id": base_id, "is_primary": False})
    enterprise = [d for d in serving if office.station(d.station_id).profile == "enterprise"]
    for deputy in enterprise[:6]:
        links.append({"deputy_id": deputy.id, "station_id": point_id, "is_primary": False})


def _add_roles(office: DemoOffice, rng: random.Random) -> None:
    for row in office.table("deputy"):
        roles = [ROLE_BY_EXPERTISE[tag] for tag in row["expertise"].split("、") if tag in ROLE_BY_EXPERTISE]
        roles.append(rng.choice(DEFAULT_DEPUTY_ROLES))
        ordered = [role for role in DEFAULT_DEPUTY_ROLES if role in roles]
        row["roles"] = "、".join(ordered[:2])
