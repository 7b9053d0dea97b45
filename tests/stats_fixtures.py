"""A small office built by hand for the statistics tests: every figure, check and point can be counted
on paper. The records are written as rows (some deliberately inconsistent: the checks must find them).

2026, today 2026-12-20 (or 2027-01-10 once the year is over):

| activity | date  | kind     | station | grid | deputies      | residents |
|----------|-------|----------|---------|------|---------------|-----------|
| A1       | 01-10 | 入户走访 | 东园    | G1   | 张一 李二     | 5         |
| A2       | 02-15 | 议事会   | 东园    | G2   | 张一 李二 王三 | 12        |  (also meeting M1: a duplicate)
| A3       | 03-20 | 视察调研 | 西园    | —    | 王三          | 0         |
| A4       | 04-05 | 网格巡查 | 西园    | G3   | 王三 赵四     | 3         |
| A5       | 07-01 | 其他（网上）| 西园 | G3   | 赵四          | 2         |
| A6       | 08-08 | 入户走访 | 东园    | G1   | (none)        | 4         |  planted: no deputies
| A7       | 09-09 | 接待日   | 东园    | —    | 张一          | 6         |  planted: same day as R2
| A9       | 10-10 | 入户走访 | 东园    | G1   | 张一          | 1         |
→ 8 activities, 11 person-times, 33 residents; A8 (2025-01-06, the office's first record) is last year's.

Reception days: R1 03-04 东园 held 7 (张一 李二); R2 09-09 东园 held 3 (李二); R3 06-03 西园 cancelled (王三);
R4 10-14 西园 still planned, past (王三 赵四); R5 12-30 西园 planned (赵四); R6 05-06 西园 held 0, nobody on duty.
→ held 3, scheduled 5, on duty 3 person-times, 10 residents.

Opinions of 2026: O1 closed with reply; O2 已办结 03-01, never replied; O3 closed without a reply (planted);
O4 办理中; O5 不予受理; O6 closed with reply; O7 待认领; O8 已认领 with a 办结 date (planted).
→ collected 8, 办结 4 (O1 O2 O3 O6), 回复 2 (O1 O6), rejected 1, open 3; O9 (2025) 办结 2026-01-05.
"""
import datetime as dt
from dataclasses import dataclass, field

from gridoffice.db import Database
from gridoffice.domain import (Activity, ActivityDeputyLink, Community, Department, Deputy, DeputyGridLink, FollowUp,
                               Grid, Meeting, MeetingDeputyLink, Opinion, OpinionHistory, Project, ProjectDeputyLink,
                               ReceptionDay, ReceptionDutyLink, Station, Suggestion, SuggestionDeputyLink)
from gridoffice.services.office.setup import ensure_default_lists
from gridoffice.services.common.settings import set_setting

TODAY = dt.date(2026, 12, 20)
AFTER_YEAR = dt.date(2027, 1, 10)
D = dt.date


@dataclass
class Office:
    db: Database
    ids: dict[str, int] = field(default_factory=dict)

    def __getitem__(self, name: str) -> int:
        return self.ids[name]


def build_stats_office(db: Database) -> Office:
    office = Office(db)
    ids = office.ids
    with db.session() as session:
        ensure_default_lists(session)
        set_setting(session, "office_name", "东园街道人大工委")

        def add(name, record):
            session.add(record)
            session.flush()
            ids[name] = record.id
            return record

        add("S1", Station(name="东园片区代表联络站", kind="片区"))
        add("S2", Station(name="西园片区代表联络站", kind="片区"))
        add("C1", Community(name="东园社区"))
        add("C2", Community(name="西园社区"))
        add("G1", Grid(code="DY-01", name="东园第1网格", community_id=ids["C1"]))
        add("G2", Grid(code="DY-02", name="东园第2网格", community_id=ids["C1"]))
        add("G3", Grid(code="XY-01", name="西园第1网格", community_id=ids["C2"]))
        add("dept", Department(name="区城管局"))
        for name, key, pinyin, station, grid, took in (
                ("张一", "D1", "zhangyi", "S1", "G1", None), ("李二", "D2", "lier", "S1", "G2", None),
                ("王三", "D3", "wangsan", "S2", "G3", None), ("赵四", "D4", "zhaosi", "S2", "G3", None),
                ("钱五", "D5", "qianwu", "S2", "G3", D(2026, 11, 1))):
            add(key, Deputy(name=name, name_pinyin=pinyin, levels="区", station_id=ids[station], took_office_on=took))
            session.add(DeputyGridLink(deputy_id=ids[key], grid_id=ids[grid]))

        def activity(name, day, kind, station, grid, deputies, residents, online=False):
            add(name, Activity(date=day, kind=kind, station_id=ids[station], grid_id=ids[grid] if grid else None,
                               residents_contacted=residents, online=online, place=f"{name}地点", summary=f"{name}内容"))
            for deputy in deputies:
                session.add(ActivityDeputyLink(activity_id=ids[name], deputy_id=ids[deputy]))

        activity("A1", D(2026, 1, 10), "入户走访", "S1", "G1", ["D1", "D2"], 5)
        activity("A2", D(2026, 2, 15), "议事会", "S1", "G2", ["D1", "D2", "D3"], 12)
        activity("A3", D(2026, 3, 20), "视察调研", "S2", None, ["D3"], 0)
        activity("A4", D(2026, 4, 5), "网格巡查", "S2", "G3", ["D3", "D4"], 3)
        activity("A5", D(2026, 7, 1), "其他", "S2", "G3", ["D4"], 2, online=True)
        activity("A6", D(2026, 8, 8), "入户走访", "S1", "G1", [], 4)
        activity("A7", D(2026, 9, 9), "接待日", "S1", None, ["D1"], 6)
        activity("A8", D(2025, 1, 6), "入户走访", "S1", "G1", ["D1"], 2)
        activity("A9", D(2026, 10, 10), "入户走访", "S1", "G1", ["D1"], 1)

        def day(name, on, station, status, residents, deputies):
            add(name, ReceptionDay(date=on, start_time=dt.time(9), end_time=dt.time(11, 30), station_id=ids[station],
                                   status=status, residents_received=residents))
            for deputy in deputies:
                session.add(ReceptionDutyLink(reception_day_id=ids[name], deputy_id=ids[deputy]))

        day("R1", D(2026, 3, 4), "S1", "已举行", 7, ["D1", "D2"])
        day("R2", D(2026, 9, 9), "S1", "已举行", 3, ["D2"])
        day("R3", D(2026, 6, 3), "S2", "已取消", 0, ["D3"])
        day("R4", D(2026, 10, 14), "S2", "计划", 0, ["D3", "D4"])
        day("R5", D(2026, 12, 30), "S2", "计划", 0, ["D4"])
        day("R6", D(2026, 5, 6), "S2", "已举行", 0, [])

        def opinion(name, serial, received, channel, grid, category, status, *, deputy=None, activity_=None,
                    reception=None, claimed=None, assigned=None, resolved=None, replied=None, reply="",
                    closed=None):
            add(name, Opinion(serial=serial, received_on=received, channel=channel, content=f"{name}反映的问题。",
                              grid_id=ids[grid] if grid else None, category=category, status=status,
                              deputy_id=ids[deputy] if deputy else None,
                              activity_id=ids[activity_] if activity_ else None,
                              reception_day_id=ids[reception] if reception else None,
                              department_id=ids["dept"] if assigned else None, resolved_on=resolved,
                              result="已处理" if resolved else "", replied_on=replied, reply=reply,
                              reply_method="电话" if reply else "", closed_on=closed or replied))
            steps = [(received, "登记", "", "待认领")]
            if claimed:
                steps.append((claimed, "认领", "待认领", "已认领"))
            if assigned:
                steps.append((assigned, "交办", "已认领", "办理中"))
            if resolved and status in ("已办结", "已关闭"):
                steps.append((resolved, "办结", "办理中", "已办结"))
            for on, action, before, after in steps:
                session.add(OpinionHistory(opinion_id=ids[name], on=on, action=action, from_status=before,
                                           to_status=after))

        opinion("O1", "2026-0001", D(2026, 1, 10), "走访", "G1", "停车", "已关闭", deputy="D1", activity_="A1",
                claimed=D(2026, 1, 11), assigned=D(2026, 1, 12), resolved=D(2026, 1, 20), replied=D(2026, 1, 22),
                reply="已告知")
        opinion("O2", "2026-0002", D(2026, 2, 15), "议事会", "G2", "环境卫生", "已办结", deputy="D2", activity_="A2",
                claimed=D(2026, 2, 16), assigned=D(2026, 2, 17), resolved=D(2026, 3, 1))
        opinion("O3", "2026-0003", D(2026, 3, 4), "接待日", "G1", "停车", "已关闭", deputy="D1", reception="R1",
                claimed=D(2026, 3, 5), assigned=D(2026, 3, 6), resolved=D(2026, 3, 20), closed=D(2026, 3, 21))
        opinion("O4", "2026-0004", D(2026, 4, 5), "电话", "G3", "养老", "办理中", deputy="D3",
                claimed=D(2026, 4, 6), assigned=D(2026, 4, 7))
        opinion("O5", "2026-0005", D(2026, 5, 6), "电话", "G3", "其他", "不予受理", closed=D(2026, 5, 7))
        opinion("O6", "2026-0006", D(2026, 6, 1), "微信群", "G3", "养老", "已关闭", deputy="D4",
                claimed=D(2026, 6, 2), assigned=D(2026, 6, 3), resolved=D(2026, 6, 20), replied=D(2026, 6, 21),
                reply="已答复")
        opinion("O7", "2026-0007", D(2026, 12, 1), "电话", None, "交通", "待认领")
        opinion("O8", "2026-0008", D(2026, 7, 1), "网上", "G3", "养老", "已认领", deputy="D4",
                claimed=D(2026, 7, 2), resolved=D(2026, 7, 10))
        opinion("O9", "2025-0001", D(2025, 11, 1), "电话", "G1", "停车", "已关闭", deputy="D1",
                claimed=D(2025, 11, 2), assigned=D(2025, 11, 3), resolved=D(2026, 1, 5), replied=D(2026, 1, 6),
                reply="已告知")
        for opinion_key, on, verdict in (("O1", D(2026, 1, 25), "满意"), ("O6", D(2026, 6, 25), "不满意"),
                                         ("O6", D(2026, 7, 1), "基本满意")):
            session.add(FollowUp(opinion_id=ids[opinion_key], on=on, method="电话", verdict=verdict))

        add("SG1", Suggestion(serial="JY2026-001", title="关于增设停车位的建议", submitted_on=D(2026, 3, 1),
                              status="办结", replied_on=D(2026, 6, 1), reply="已增设"))
        add("SG2", Suggestion(serial="JY2025-001", title="关于养老服务的建议", submitted_on=D(2025, 10, 1),
                              status="办结", replied_on=D(2026, 2, 1), reply="已答复"))
        for suggestion, deputy, role in (("SG1", "D1", "领衔"), ("SG1", "D2", "附议"), ("SG2", "D3", "领衔")):
            session.add(SuggestionDeputyLink(suggestion_id=ids[suggestion], deputy_id=ids[deputy], role=role))
        add("P1", Project(name="东园社区增设充电桩", year=2026, community_id=ids["C1"], status="已完成",
                          completed_on=D(2026, 9, 30)))
        add("P2", Project(name="西园社区道路修缮", year=2026, community_id=ids["C2"], status="计划"))
        session.add(ProjectDeputyLink(project_id=ids["P1"], deputy_id=ids["D2"]))
        add("M1", Meeting(kind="议事会", title="东园第2网格议事会", date=D(2026, 2, 15), station_id=ids["S1"],
                          grid_id=ids["G2"], status="已召开"))
        add("M2", Meeting(kind="例会", title="西园片区例会", date=D(2026, 5, 20), station_id=ids["S2"], status="已召开"))
        add("M3", Meeting(kind="例会", title="西园片区11月例会", date=D(2026, 11, 30), station_id=ids["S2"], status="计划"))
        for meeting, deputy, attended in (("M1", "D1", True), ("M1", "D2", True), ("M1", "D4", False),
                                          ("M2", "D3", True), ("M2", "D4", True)):
            session.add(MeetingDeputyLink(meeting_id=ids[meeting], deputy_id=ids[deputy], attended=attended))
    return office
