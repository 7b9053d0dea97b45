"""A small hand-built office for the 履职成果 tests: every count in them can be made by hand."""
import datetime as dt
from dataclasses import dataclass

from sqlmodel import select

from gridoffice.db import Database
from gridoffice.domain import Activity, AuditLog, Community, Department, Deputy, Grid, Opinion, Station
from gridoffice.services.office.setup import ensure_default_lists
from gridoffice.services.opinions import loop
from gridoffice.services.opinions.register import OpinionForm, register_opinion

TODAY = dt.date(2026, 11, 20)
DAY = dt.timedelta(days=1)


@dataclass
class Office:
    db: Database
    stations: list[int]          # 中心站, 西园片区
    communities: list[int]       # 锦塘社区, 西园社区
    grids: list[int]             # JT-01, JT-02 (锦塘), XY-01 (西园)
    deputies: list[int]          # 张利霞 (中心站), 王建华 (中心站), 李梅 (西园), 赵离任 (retired)
    departments: list[int]       # 区交通运输局, 区住建局


def build_office(db: Database) -> Office:
    with db.session() as session:
        ensure_default_lists(session)
        stations = [Station(name="锦塘街道人大代表联络站（中心站）", kind="中心", reception_room="一楼接待室"),
                    Station(name="西园片区代表联络站", kind="片区")]
        communities = [Community(name="锦塘社区"), Community(name="西园社区")]
        session.add_all([*stations, *communities])
        session.flush()
        grids = [Grid(code="JT-01", name="锦塘第1网格", community_id=communities[0].id),
                 Grid(code="JT-02", name="锦塘第2网格", community_id=communities[0].id),
                 Grid(code="XY-01", name="西园第1网格", community_id=communities[1].id)]
        deputies = [Deputy(name="张利霞", levels="市、区", station_id=stations[0].id, name_pinyin="zhanglixia"),
                    Deputy(name="王建华", levels="区", station_id=stations[0].id, name_pinyin="wangjianhua"),
                    Deputy(name="李梅", levels="区", station_id=stations[1].id, name_pinyin="limei"),
                    Deputy(name="赵离任", levels="区", station_id=stations[1].id, status="离任",
                           left_office_on=dt.date(2025, 12, 31), name_pinyin="zhaoliren")]
        departments = [Department(name="区交通运输局"), Department(name="区住建局")]
        session.add_all([*grids, *deputies, *departments])
        session.flush()
        return Office(db, [s.id for s in stations], [c.id for c in communities], [g.id for g in grids],
                      [d.id for d in deputies], [d.id for d in departments])


def register(office: Office, *, received_on: dt.date = TODAY - 60 * DAY, content: str = "东湖路口早晚高峰拥堵。",
             grid: int = 0, category: str = "交通", channel: str = "电话", **extra) -> int:
    return register_opinion(office.db, OpinionForm(received_on=received_on, channel=channel, content=content,
                                                   grid_id=office.grids[grid], category=category, **extra), TODAY).id


def close(office: Office, opinion_id: int, *, deputy: int = 0, department: int = 0, resolved_on: dt.date | None = None,
          satisfaction: str = "满意") -> None:
    """Take an opinion round the loop to 已关闭, resolved on `resolved_on`."""
    with office.db.session() as session:
        start = session.get(Opinion, opinion_id).received_on
    resolved_on = resolved_on or start + 10 * DAY
    loop.claim(office.db, opinion_id, deputy_id=office.deputies[deputy], on=start, today=TODAY)
    loop.assign(office.db, opinion_id, department_id=office.departments[department], mode="交办",
                due_on=start + 30 * DAY, on=start, today=TODAY)
    loop.resolve(office.db, opinion_id, result="已处理完毕", on=resolved_on, today=TODAY)
    loop.reply(office.db, opinion_id, text="已电话告知", method="电话", on=resolved_on, today=TODAY,
               satisfaction=satisfaction)


def claim(office: Office, opinion_id: int, deputy: int) -> None:
    with office.db.session() as session:
        received_on = session.get(Opinion, opinion_id).received_on
    loop.claim(office.db, opinion_id, deputy_id=office.deputies[deputy], on=received_on, today=TODAY)


def add_activity(office: Office, *, date: dt.date, grid: int | None, residents: int, deputies: list[int],
                 online: bool = False) -> int:
    from gridoffice.domain import ActivityDeputyLink

    with office.db.session() as session:
        activity = Activity(date=date, kind="入户走访", grid_id=office.grids[grid] if grid is not None else None,
                            residents_contacted=residents, online=online)
        session.add(activity)
        session.flush()
        for index in deputies:
            session.add(ActivityDeputyLink(activity_id=activity.id, deputy_id=office.deputies[index]))
        return activity.id


def audit_rows(db: Database, table: str) -> list[AuditLog]:
    with db.session() as session:
        return list(session.exec(select(AuditLog).where(AuditLog.table_name == table).order_by(AuditLog.id)))
