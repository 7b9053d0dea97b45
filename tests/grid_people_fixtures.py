"""A small office built by hand for the household, people and duty tests: two grids of one
community, four deputies (one retired), a grid worker, a volunteer and a lawyer."""
import datetime as dt
from dataclasses import dataclass

from gridoffice.db import Database
from gridoffice.domain import Community, Deputy, Grid, Station
from gridoffice.domain.enums import DeputyStatus, PersonRole
from gridoffice.services.office.setup import ensure_default_lists
from gridoffice.services.people.register import PersonInput, save_person

TODAY = dt.date(2026, 11, 20)   # a Friday
DAY = dt.timedelta(days=1)


@dataclass
class Office:
    community: int
    station: int
    grids: list[int]
    deputies: list[int]     # serving
    retired: int
    worker: int
    volunteer: int
    lawyer: int
    categories: dict[str, int]


def small_office(db: Database) -> Office:
    from sqlmodel import select

    from gridoffice.domain import HouseholdCategory

    with db.session() as session:
        ensure_default_lists(session)
        community = Community(name="东湖社区")
        station = Station(name="东湖片区代表联络站")
        session.add_all([community, station])
        session.flush()
        grids = [Grid(code=f"DH-0{n}", name=f"东湖第{n}网格", community_id=community.id, households=400) for n in (1, 2)]
        deputies = [Deputy(name=name, levels="区", station_id=station.id, took_office_on=dt.date(2022, 1, 8))
                    for name in ("张利霞", "李明", "王芳")]
        retired = Deputy(name="赵老", levels="区", status=DeputyStatus.RETIRED.value, left_office_on=TODAY - 100 * DAY)
        session.add_all([*grids, *deputies, retired])
        session.flush()
        categories = dict(session.exec(select(HouseholdCategory.name, HouseholdCategory.id)).all())
        ids = ([g.id for g in grids], [d.id for d in deputies], retired.id)
    worker = save_person(db, PersonInput("陈网格", PersonRole.GRID_WORKER.value, grid_id=ids[0][0], phone="15400001111"))
    volunteer = save_person(db, PersonInput("周志愿", PersonRole.VOLUNTEER.value, community_id=community.id))
    lawyer = save_person(db, PersonInput("吴律师", PersonRole.LAWYER.value, organisation="江澜律师事务所"))
    return Office(community.id, station.id, ids[0], ids[1], ids[2], worker, volunteer, lawyer, categories)
