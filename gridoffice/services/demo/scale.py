"""How big each demo scale is, and the records later steps share while rows are generated."""
import datetime as dt
import random
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ScaleSpec:
    name: str
    office_name: str
    specialised_stations: int
    area_stations: int
    communities: int
    villages: int                 # how many of the communities are 村
    grids: int
    serving_deputies: int
    retired_deputies: int
    newcomers: int                # serving deputies elected lately, not yet in a grid
    national: int
    provincial: int
    city_and_district: int        # hold both 市 and 区
    city_only: int
    years: int
    activities_per_year: int
    opinions_per_year: int
    suggestions_per_year: int     # opinions raised as formal 代表建议
    practical_deeds_per_year: int  # opinions done as 为民办实事
    busy_dates: int


SCALES = {
    # figures of one street (domain.md: 9 stations, 13 村居, 51 grids, 111 deputies, 134 activities...)
    "office": ScaleSpec(
        name="office", office_name="锦塘街道人大工委", specialised_stations=2, area_stations=6,
        communities=13, villages=4, grids=51, serving_deputies=111, retired_deputies=4, newcomers=2,
        national=1, provincial=2, city_and_district=6, city_only=18, years=1,
        activities_per_year=134, opinions_per_year=398, suggestions_per_year=8, practical_deeds_per_year=32,
        busy_dates=12,
    ),
    # a whole district, for benchmarks (415 deputies, 696 grids in the seeds)
    "district": ScaleSpec(
        name="district", office_name="锦溪区人大常委会", specialised_stations=4, area_stations=35,
        communities=60, villages=15, grids=700, serving_deputies=400, retired_deputies=15, newcomers=2,
        national=3, provincial=11, city_and_district=20, city_only=27, years=5,
        activities_per_year=20_000, opinions_per_year=10_000, suggestions_per_year=200,
        practical_deeds_per_year=800, busy_dates=120,
    ),
}


@dataclass
class StationInfo:
    id: int
    name: str
    scope: str                    # 中心 / 专业 / 片区
    profile: str                  # which work profiles its deputies come from (demo_words.PROFILES)
    reception_room: str
    community_ids: list[int] = field(default_factory=list)


@dataclass
class GridInfo:
    id: int
    code: str
    name: str
    community_id: int
    community_name: str
    station_id: int
    is_village: bool
    households: int
    worker_name: str
    places: list[str]             # estates (小区) or village groups (村民小组) in the grid
    deputy_ids: list[int] = field(default_factory=list)


@dataclass
class DeputyInfo:
    id: int
    name: str
    station_id: int
    took_office_on: dt.date
    left_office_on: dt.date | None = None
    newcomer: bool = False
    grid_ids: list[int] = field(default_factory=list)

    def serves_on(self, day: dt.date) -> bool:
        return self.took_office_on <= day and (self.left_office_on is None or day <= self.left_office_on)

    @property
    def serving(self) -> bool:
        return self.left_office_on is None


@dataclass
class DemoOffice:
    """Everything generated so far: rows per table (ids assigned) plus the records to link them."""
    spec: ScaleSpec
    today: dt.date
    seed: int
    rows: dict[str, list[dict]] = field(default_factory=dict)
    stations: list[StationInfo] = field(default_factory=list)
    grids: list[GridInfo] = field(default_factory=list)
    deputies: list[DeputyInfo] = field(default_factory=list)
    department_ids: dict[str, int] = field(default_factory=dict)
    # opinions planned to grow into a 代表建议 / be done as 为民办实事 (demo/outcomes.py makes the records)
    suggestion_opinions: list[int] = field(default_factory=list)
    practical_opinions: list[int] = field(default_factory=list)
    # activities another stage adds after build_activities (grid duty shifts done), within the year's count
    reserved_activities: int = 0

    @property
    def first_day(self) -> dt.date:
        """The first day of the activities and opinions: `years` before today."""
        return self.today - dt.timedelta(days=365 * self.spec.years - 1)

    def rng(self, stage: str) -> random.Random:
        """One generator per stage, so changing one stage leaves the others' data alone.
        A str seed is hashed with SHA-512 by `random`, independent of PYTHONHASHSEED."""
        return random.Random(f"gridoffice-demo:{self.seed}:{self.spec.name}:{stage}")

    def table(self, name: str) -> list[dict]:
        return self.rows.setdefault(name, [])

    def station(self, station_id: int) -> StationInfo:
        return self.stations[station_id - 1]

    def grid(self, grid_id: int) -> GridInfo:
        return self.grids[grid_id - 1]

    def deputy(self, deputy_id: int) -> DeputyInfo:
        return self.deputies[deputy_id - 1]
