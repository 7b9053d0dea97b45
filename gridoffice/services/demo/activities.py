"""走访记录: the deputies' activities over the span ending today."""
import datetime as dt
import random
from dataclasses import dataclass

from gridoffice.domain.enums import ActivityKind, StationScope

from gridoffice.services.demo import words
from gridoffice.services.demo.scale import DemoOffice, GridInfo

# kinds that happen in one grid, and those a resident's opinion can come from (channel 走访)
GRID_KINDS = {"入户走访", "网格巡查", "议事会", "志愿服务", "进社区", "进乡村"}
VISIT_KINDS = GRID_KINDS


@dataclass(frozen=True)
class Visit:
    """An activity in a grid where residents were met: the source of opinions by channel 走访."""
    activity_id: int
    date: dt.date
    grid_id: int
    deputy_ids: tuple[int, ...]
    residents: int


def build_activities(office: DemoOffice) -> list[Visit]:
    rng = office.rng("activities")
    total = office.spec.activities_per_year * office.spec.years - office.reserved_activities
    kinds = _kind_sequence(total, rng)
    dates = sorted(_activity_date(office, rng) for _ in range(total))
    maker = _ActivityMaker(office, rng)
    visits = [maker.add(activity_id, day, kind) for activity_id, (day, kind) in enumerate(zip(dates, kinds), 1)]
    return [visit for visit in visits if visit]


def _kind_sequence(total: int, rng: random.Random) -> list[str]:
    """Every kind at least once, the rest by weight (largest remainder), in random order."""
    plan = words.ACTIVITY_PLAN
    weight_sum = sum(weight for weight, _, _ in plan.values())
    shares = {kind: total * weight / weight_sum for kind, (weight, _, _) in plan.items()}
    counts = {kind: max(1, int(share)) for kind, share in shares.items()}
    by_remainder = sorted(plan, key=lambda kind: shares[kind] - int(shares[kind]), reverse=True)
    index = 0
    while sum(counts.values()) < total:
        counts[by_remainder[index % len(by_remainder)]] += 1
        index += 1
    while sum(counts.values()) > total:  # only when total is smaller than the number of kinds
        largest = max(counts, key=counts.get)
        counts[largest] -= 1
    kinds = [kind for kind in plan for _ in range(counts[kind])]
    rng.shuffle(kinds)
    return kinds


def _activity_date(office: DemoOffice, rng: random.Random) -> dt.date:
    """Mostly weekdays; some weekend visits stay on the weekend."""
    span = (office.today - office.first_day).days
    day = office.first_day + dt.timedelta(days=rng.randint(0, span))
    if day.weekday() >= 5 and rng.random() < 0.7:
        day -= dt.timedelta(days=day.weekday() - 4)  # back to Friday
    return max(day, office.first_day)


class _ActivityMaker:
    """Adds one activity at a time, with the lookups a district-sized run needs precomputed."""

    def __init__(self, office: DemoOffice, rng: random.Random):
        self._office, self._rng = office, rng
        self._deputies_of = {s.id: [d.id for d in office.deputies if d.station_id == s.id] for s in office.stations}
        self._grids_of = {s.id: [g for g in office.grids if g.station_id == s.id] for s in office.stations}
        self._everyone = [d.id for d in office.deputies]
        self._village_grids = [g for g in office.grids if g.is_village] or office.grids
        self._urban_grids = [g for g in office.grids if not g.is_village] or office.grids
        self._central = next(s.id for s in office.stations if s.scope == StationScope.CENTRAL.value)
        self._enterprise = next((s.id for s in office.stations if s.profile == "enterprise"), self._central)

    def add(self, activity_id: int, day: dt.date, kind: str) -> Visit | None:
        rng = self._rng
        _, (dep_lo, dep_hi), (res_lo, res_hi) = words.ACTIVITY_PLAN[kind]
        grid = self._grid_for(kind) if kind in GRID_KINDS else None
        station_id = grid.station_id if grid else self._station_for(kind)
        deputy_ids = self._deputies(day, rng.randint(dep_lo, dep_hi), grid, station_id)
        residents = rng.randint(res_lo, res_hi)
        fill = self._text_fill(grid, station_id)
        self._office.table("activity").append({
            "id": activity_id, "date": day, "kind": kind, "grid_id": grid.id if grid else None,
            "station_id": station_id, "place": _place(kind, fill),
            "other_participants": words.OTHER_PARTICIPANTS[kind].format(**fill),
            "residents_contacted": residents, "summary": rng.choice(words.ACTIVITY_SUMMARIES[kind]).format(**fill),
        })
        self._office.table("activity_deputy").extend(
            {"activity_id": activity_id, "deputy_id": d} for d in deputy_ids)
        if grid and kind in VISIT_KINDS and residents:
            return Visit(activity_id, day, grid.id, tuple(deputy_ids), residents)
        return None

    def _deputies(self, day: dt.date, count: int, grid: GridInfo | None, station_id: int) -> list[int]:
        """The grid's deputies first, then the station's, then anyone serving that day."""
        office, rng = self._office, self._rng
        chosen: list[int] = []
        for group in (grid.deputy_ids if grid else [], self._deputies_of[station_id]):
            candidates = [d for d in group if d not in chosen and office.deputy(d).serves_on(day)]
            rng.shuffle(candidates)
            chosen += candidates[:max(0, count - len(chosen))]
        for _ in range(20 * count):
            if len(chosen) >= count:
                break
            deputy_id = rng.choice(self._everyone)
            if deputy_id not in chosen and office.deputy(deputy_id).serves_on(day):
                chosen.append(deputy_id)
        return sorted(chosen)

    def _grid_for(self, kind: str) -> GridInfo:
        if kind == ActivityKind.VILLAGE.value:
            return self._rng.choice(self._village_grids)
        if kind == ActivityKind.COMMUNITY.value:
            return self._rng.choice(self._urban_grids)
        return self._rng.choice(self._office.grids)

    def _station_for(self, kind: str) -> int:
        rng = self._rng
        if kind == ActivityKind.ENTERPRISE.value and rng.random() < 0.5:
            return self._enterprise
        if kind in (ActivityKind.INSPECTION.value, ActivityKind.OTHER.value) and rng.random() < 0.6:
            return self._central
        return rng.choice(self._office.stations).id

    def _text_fill(self, grid: GridInfo | None, station_id: int) -> dict[str, str]:
        rng = self._rng
        home = grid or (self._grids_of[station_id] or self._office.grids)[0]
        return {
            "grid": home.name, "community": home.community_name, "estate": rng.choice(home.places),
            "worker": home.worker_name, "station": self._office.station(station_id).name,
            "topic": rng.choice(words.TOPICS), "project": rng.choice(words.PROJECTS),
            "company": f"{words.CITY[:2]}{rng.choice(words.BRANDS)}{rng.choice(words.INDUSTRIES)}有限公司",
        }


def _place(kind: str, fill: dict[str, str]) -> str:
    if kind in ("入户走访", "网格巡查", "志愿服务"):
        return fill["estate"]
    if kind in ("议事会", "进社区"):
        return f"{fill['community']}党群服务中心"
    if kind == "进乡村":
        return f"{fill['community']}村委会" if fill["community"].endswith("村") else fill["estate"]
    if kind == "进企业":
        return fill["company"]
    if kind == "视察调研":
        return f"{fill['project']}现场"
    return fill["station"]
