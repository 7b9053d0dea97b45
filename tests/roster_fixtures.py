"""A small office for the roster tests: two stations, four grids, one reception rule."""
import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from sqlmodel import select

from gridoffice.db import Database
from gridoffice.domain import Community, Grid, ReceptionRule, Station
from gridoffice.services.common.settings import set_setting

TODAY = dt.date(2026, 5, 20)
FIRST_STATION = "东城片区代表联络站（第一站）"
LAW_STATION = "法律服务专业代表联络站"


def build_small_office(db: Database) -> None:
    with db.session() as session:
        set_setting(session, "office_name", "东城街道人大工委")
        set_setting(session, "hotline", "0395-1234567")
        first, law = Station(name=FIRST_STATION), Station(name=LAW_STATION)
        community = Community(name="东城社区")
        session.add_all([first, law, community])
        session.flush()
        session.add_all([Grid(code=f"DC-01-0{i}", name=f"东城社区第{i}网格", community_id=community.id)
                         for i in range(1, 5)])
        session.add(ReceptionRule(station_id=first.id, nth=1, weekday=2, start_time=dt.time(9, 0),
                                  end_time=dt.time(11, 30)))


def ids(db: Database, model, key) -> dict:
    with db.session() as session:
        return {getattr(row, key): row.id for row in session.exec(select(model))}


def write_xlsx(path: Path, rows: list[list]) -> Path:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


GOOD_ROWS = [
    ["  备注 ", "手机", "姓名", "代表层级", "所属联络站", "所在网格", "出生年月", "性别", "工作单位及职务"],
    ["", "１３８００００１２３４", " 张利霞 ", "市、区", FIRST_STATION, "DC-01-01，DC-01-02", "1975年3月", "女", "东城小学校长"],
    [None, None, None, None, None, None, None, None, None],
    ["补选产生，待编入网格", "13900001111", "刘䶮", "区", LAW_STATION, "", "1980-11", "男", "@律师事务所"],
    ["", 13700002222, "𠀾明", "区县", FIRST_STATION, "东城社区第3网格", "198002", "", "个体工商户"],
]
