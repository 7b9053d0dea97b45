"""Demo data: a believable street office, or a whole district for benchmarks, in one call.

    summary = build_demo(db, scale="office", today=clock.today())   # refuses a database that holds data
    print(summary.describe())

Everything is generated in memory first (plain rows with their ids), then written with Core
bulk inserts in one transaction, one summary audit row per table. The same (scale, today,
seed) always gives the same rows: each stage draws from its own `random.Random` seeded from
them, and nothing depends on set or hash order. People, places and phone numbers are
fictional (see demo_people for why the numbers cannot reach anyone).
"""
import datetime as dt
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection, delete, func, select
from sqlalchemy.orm import Session

from gridoffice.db import audit
from gridoffice.db.database import Database
from gridoffice.db.portable import bulk_insert, reset_id_sequences
from gridoffice.domain import metadata
from gridoffice.domain.enums import DeputyStatus

from gridoffice.services.demo.activities import build_activities
from gridoffice.services.demo.deputies import build_deputies
from gridoffice.services.demo.duties import add_duty_activities, build_duties
from gridoffice.services.demo.households import build_households
from gridoffice.services.demo.opinions import build_opinions
from gridoffice.services.demo.outcomes import TABLE_LABELS as OUTCOME_LABELS, build_outcomes, outcome_facts
from gridoffice.services.demo.org import build_organisation, settings_values
from gridoffice.services.demo.points import TABLE_LABELS as POINT_LABELS, build_points
from gridoffice.services.demo.people import NameMaker, PhoneMaker
from gridoffice.services.demo.persons import build_people
from gridoffice.services.demo.reception import build_reception, station_contacts
from gridoffice.services.demo.scale import SCALES, DemoOffice
from gridoffice.services.common.settings import set_setting

SCALE_LABELS = {"office": "街道规模", "district": "全区规模"}
BATCH_ROWS = 10_000
# the audit log is the history of the file, not the office's data: kept, and not counted
NOT_OFFICE_DATA = {"audit_log"}
# the default category lists every new database gets: not data to protect, but replaced by the demo's own
CONFIGURATION_TABLES = {"opinion_category", "household_category", "must_visit_rule", "must_visit_rule_category",
                        "duty_kind"}
TABLE_LABELS = {
    "station": "联络站", "department": "职能部门", "community": "社区/村", "grid": "网格",
    "household_category": "重点户类别", "opinion_category": "意见分类",
    "deputy": "代表", "deputy_grid": "代表进网格", "deputy_busy_date": "代表不便日期", "activity": "走访活动",
    "activity_deputy": "活动参与人次", "activity_photo": "活动照片", "reception_rule": "接待规则",
    "reception_pool": "接待代表库", "reception_day": "接待日", "reception_duty": "接待值班",
    "holiday_override": "节假日调整", "opinion": "民情意见", "opinion_history": "意见办理记录", "setting": "设置",
    **OUTCOME_LABELS, **POINT_LABELS,
    "deputy_station": "代表进站", "person": "人员名册", "team": "队伍", "team_deputy": "队伍中的代表",
    "team_person": "队伍中的人员", "activity_person": "活动参加人员", "household": "重点户",
    "household_category_link": "重点户类别", "must_visit_rule": "必访事由", "must_visit_rule_category": "必访事由适用类别",
    "household_event": "必访事由登记", "household_visit": "重点户走访", "household_visit_deputy": "走访代表",
    "household_visit_person": "走访人员", "duty_kind": "值守类型", "duty": "值守岗位", "duty_pool_deputy": "岗位代表库",
    "duty_pool_person": "岗位人员库", "duty_shift": "值守排班", "duty_shift_deputy": "值守代表",
    "duty_shift_person": "值守人员",
}


class DemoRefusedError(Exception):
    """The database already holds the office's data; building the demo would overwrite it."""


@dataclass
class DemoSummary:
    scale: str
    office_name: str
    today: dt.date
    seed: int
    counts: dict[str, int]                       # rows per table after the build
    facts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def describe(self) -> str:
        c, f = self.counts, self.facts
        lines = [
            f"已生成演示数据：{self.office_name}（{SCALE_LABELS.get(self.scale, self.scale)}，"
            f"以 {self.today:%Y-%m-%d} 为今天）",
            f"联络站 {f.get('network_stations', c.get('station', 0))} 个"
            + (f"（另有实践基地、联系点等站点 {f['other_sites']} 个）" if f.get("other_sites") else "") + "，"
            f"社区/村 {c.get('community', 0)} 个，网格 {c.get('grid', 0)} 个，"
            f"职能部门 {c.get('department', 0)} 个",
            f"代表 {c.get('deputy', 0)} 名（在任 {f.get('serving', 0)} 名，离任 {f.get('retired', 0)} 名）",
            f"走访活动 {c.get('activity', 0)} 次，代表参与 {c.get('activity_deputy', 0)} 人次，"
            f"联系群众 {f.get('residents_contacted', 0)} 人次",
            f"民情意见 {c.get('opinion', 0)} 件：已关闭 {f.get('已关闭', 0)}，已办结待回复 {f.get('已办结', 0)}，"
            f"办理中 {f.get('办理中', 0)}（超期 {f.get('overdue', 0)}），已认领 {f.get('已认领', 0)}，"
            f"待认领 {f.get('待认领', 0)}，不予受理 {f.get('不予受理', 0)}",
            f"接待日 {c.get('reception_day', 0)} 个：已举行 {f.get('已举行', 0)}，已取消 {f.get('已取消', 0)}，"
            f"计划 {f.get('计划', 0)}",
            f"代表建议 {c.get('suggestion', 0)} 件（办结 {f.get('suggestions_done', 0)}），为民办实事 {c.get('project', 0)} 件"
            f"（完成 {f.get('projects_done', 0)}），会议 {f.get('meetings_held', 0)} 次，述职评议会 {c.get('appraisal', 0)} 场，"
            f"回访 {c.get('followup', 0)} 件，调解纠纷 {c.get('dispute', 0)} 件（成功 {f.get('disputes_settled', 0)}），"
            f"网上履职 {f.get('online_activities', 0)} 次",
            f"重点户 {f.get('households', 0)} 户逐户登记（另有未逐户登记 {f.get('unregistered', 0)} 户），"
            f"必访事由 {c.get('household_event', 0)} 项，入户走访 {c.get('household_visit', 0)} 次",
            f"网格员、志愿者等人员 {c.get('person', 0)} 名，队伍 {c.get('team', 0)} 支，"
            f"网格值守岗位 {c.get('duty', 0)} 个、值守 {c.get('duty_shift', 0)} 次",
            "所有人名、地址和电话均为虚构，电话号码使用未分配号段，不会打给真实的人。",
        ]
        return "\n".join(lines)


def database_has_data(db: Database) -> bool:
    """True if the office holds records or settings; the audit log and category lists do not count."""
    with db.engine.connect() as connection:
        return _has_data(connection)


def build_demo(db: Database, *, today: dt.date, scale: str = "office", force: bool = False,
               seed: int = 2024, progress: Callable[[str], None] | None = None) -> DemoSummary:
    """Fill the database with demo data in one transaction; a failure leaves it as it was."""
    if scale not in SCALES:
        raise ValueError(f"未知的演示数据规模“{scale}”，应为 {'、'.join(SCALES)} 之一")
    report = progress or (lambda _message: None)
    started = time.perf_counter()
    if not force and database_has_data(db):  # refuse before spending time generating
        raise DemoRefusedError(_REFUSAL)
    office, settings = generate(scale, today, seed, report)
    with db.session() as session:
        connection = session.connection()
        if _has_data(connection) and not force:
            raise DemoRefusedError(_REFUSAL)
        if _has_any_rows(connection):
            report("正在清空现有数据…")
            _empty_office_tables(session)
        _write(session, office, settings, report)
        counts = _count_rows(connection)
    return DemoSummary(scale, office.spec.office_name, today, seed, counts, _facts(office),
                       round(time.perf_counter() - started, 2))


_REFUSAL = ("数据库中已经有数据，为免覆盖，没有生成演示数据。"
            "如确需清空现有全部数据并改为演示数据，请使用 --force（清空后无法恢复，请先备份）。")


def generate(scale: str, today: dt.date, seed: int, report: Callable[[str], None]) -> tuple[DemoOffice, dict]:
    """All rows of the demo, in memory, nothing written yet."""
    office = DemoOffice(SCALES[scale], today, seed)
    names = NameMaker(office.rng("names"))
    phones = PhoneMaker(office.rng("phones"))
    report("正在生成联络站、社区和网格…")
    build_organisation(office, names, phones)
    settings = settings_values(office, phones)
    report("正在生成代表…")
    build_deputies(office, names, phones)
    report("正在生成网格员、志愿者和队伍…")
    people = build_people(office, names, phones)
    report("正在生成接待日…")
    build_reception(office)
    settings.update(station_contacts(office))
    report("正在生成网格值守…")
    done_shifts = build_duties(office, people)
    office.reserved_activities = len(done_shifts)
    report("正在生成走访活动…")
    visits = build_activities(office)
    add_duty_activities(office, done_shifts)
    report("正在生成重点户台账…")
    build_households(office, names, phones, people)
    report("正在生成民情意见…")
    build_opinions(office, visits, names, phones)
    report("正在生成代表建议、实事、会议、述职评议和调解…")
    build_outcomes(office, names)
    build_points(office)
    return office, settings


def _office_tables():
    return [table for table in metadata.sorted_tables if table.name not in NOT_OFFICE_DATA]


def _has_data(connection: Connection) -> bool:
    """True if the office holds records or settings (not only the default category lists)."""
    return any(connection.execute(select(1).select_from(table).limit(1)).first()
               for table in _office_tables() if table.name not in CONFIGURATION_TABLES)


def _has_any_rows(connection: Connection) -> bool:
    return any(connection.execute(select(1).select_from(table).limit(1)).first() for table in _office_tables())


def _empty_office_tables(session: Session) -> None:
    """Children before parents, each deletion summed up in one audit row."""
    connection = session.connection()
    for table in reversed(_office_tables()):
        deleted = connection.execute(delete(table)).rowcount
        if deleted:
            audit.write_bulk_note(session, table.name, "delete", {"来源": "演示数据（--force 清空）", "行数": deleted})


def _write(session: Session, office: DemoOffice, settings: dict[str, str], report) -> None:
    connection = session.connection()
    note = {"来源": "演示数据", "规模": office.spec.name, "种子": office.seed, "今天": office.today.isoformat()}
    for table in _office_tables():
        rows = office.rows.get(table.name)
        if not rows:
            continue
        report(f"正在写入{TABLE_LABELS.get(table.name, table.name)}（{len(rows)} 行）…")
        rows = _with_defaults(table, rows)
        for start in range(0, len(rows), BATCH_ROWS):
            bulk_insert(connection, table, rows[start:start + BATCH_ROWS])
        audit.write_bulk_note(session, table.name, "insert", {**note, "行数": len(rows)})
    reset_id_sequences(connection, _office_tables())   # the rows came with their ids (PostgreSQL)
    for key, value in settings.items():  # a few rows: the ordinary service, audited row by row
        set_setting(session, key, value)
    session.flush()


def _with_defaults(table, rows: list[dict]) -> list[dict]:
    """Fill columns the generator left out with their declared defaults (bulk inserts need every key)."""
    missing = {column.name: column.default.arg for column in table.columns
               if column.name not in rows[0] and column.default is not None and column.default.is_scalar}
    return [{**missing, **row} for row in rows] if missing else rows


def _count_rows(connection: Connection) -> dict[str, int]:
    return {table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in _office_tables()}


def _facts(office: DemoOffice) -> dict[str, int]:
    deputies = office.rows.get("deputy", [])
    opinions = office.rows.get("opinion", [])
    facts = Counter(row["status"] for row in opinions)
    facts.update(row["status"] for row in office.rows.get("reception_day", []))
    facts["serving"] = sum(1 for row in deputies if row["status"] == DeputyStatus.SERVING.value)
    facts["retired"] = len(deputies) - facts["serving"]
    facts["residents_contacted"] = sum(row["residents_contacted"] for row in office.rows.get("activity", []))
    stations = office.rows.get("station", [])
    facts["network_stations"] = sum(1 for row in stations if row.get("scope"))
    facts["other_sites"] = len(stations) - facts["network_stations"]
    households = office.rows.get("household", [])
    facts["households"] = sum(1 for row in households if not row["placeholder_count"])
    facts["unregistered"] = sum(row["placeholder_count"] for row in households)
    facts["overdue"] = sum(1 for row in opinions if row["status"] in ("已认领", "办理中")
                           and row["due_on"] is not None and row["due_on"] < office.today)
    facts.update(outcome_facts(office))
    return dict(facts)
