"""Migration 0002: an office made at 0001 with flagged opinions keeps every fact as records of their own."""
import datetime as dt
import json
import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import select

from gridoffice.db import Database, migrate
from gridoffice.db.engine import APPLICATION_ID, make_engine
from gridoffice.db.server import META_TABLE
from gridoffice.domain import (Opinion, Project, ProjectOpinionLink, Suggestion, SuggestionDeputyLink,
                               SuggestionHistory, SuggestionOpinionLink, metadata)

OPINION_COLUMNS = ("id, serial, received_on, channel, resident_name, resident_phone, resident_address, grid_id, "
                   "category, content, urgency, deputy_id, department_id, handling_mode, due_on, status, result, "
                   "resolved_on, reply, reply_method, replied_on, satisfaction, closed_on, reject_reason, "
                   "referred_to, is_suggestion, is_practical")


def _office_at_0001(path: Path) -> None:
    """A file as gridoffice left it before this revision: schema 0001 and some flagged opinions."""
    engine = make_engine(path)
    config = migrate.alembic_config()
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        connection.exec_driver_sql("PRAGMA user_version=1")
        connection.commit()
    engine.dispose()
    raw = sqlite3.connect(path)
    with raw:
        raw.execute("INSERT INTO community (id, name, kind, map_file, notes) VALUES (1, '锦塘社区', '社区', '', '')")
        raw.execute("INSERT INTO grid (id, code, name, community_id, worker_name, worker_phone, households, "
                    "population, boundary, map_file, area_geojson, notes) "
                    "VALUES (1, 'JT-01', '锦塘第1网格', 1, '', '', 0, 0, '', '', '', '')")
        raw.execute("INSERT INTO department (id, name, contact, phone, notes) VALUES (1, '区交通运输局', '', '', '')")
        raw.execute("INSERT INTO deputy (id, name, name_pinyin, name_initials, gender, ethnicity, birth_month, party, "
                    "levels, work_unit, post, expertise, mobile, office_phone, mobile_public, status, photo_file, "
                    "notes) VALUES (1, '张利霞', '', '', '', '', '', '', '区', '', '', '', '', '', 0, '在任', '', '')")
        rows = [
            # a suggestion the department answered and the resident was told of
            (1, "2025-0007", "2025-03-02", "走访", "李秀英", "13812345678", "幸福花园12栋", 1, "交通",
             "东湖路口早晚高峰拥堵。建议增设左转信号灯。", "一般", 1, 1, "交办", "2025-06-01", "已关闭",
             "已增设左转信号灯", "2025-05-20", "已电话告知", "电话", "2025-05-21", "满意", "2025-05-21", "", "", 1, 0),
            # both: a suggestion still in hand that is also a practical deed
            (2, "2026-0003", "2026-01-10", "接待日", "", "", "", 1, "停车", "小区停车位不足，建议划设夜间停车位", "一般",
             1, 1, "交办", "2026-04-10", "办理中", "", None, "", "", None, "", None, "", "", 1, 1),
            # a practical deed not yet assigned
            (3, "2026-0004", "2026-02-01", "电话", "", "", "", None, "环境卫生", "河边垃圾堆放", "一般", None, None, "",
             None, "待认领", "", None, "", "", None, "", None, "", "", 0, 1),
            # not flagged: stays an opinion only
            (4, "2026-0005", "2026-02-02", "电话", "", "", "", None, "其他", "咨询医保", "一般", None, None, "", None,
             "待认领", "", None, "", "", None, "", None, "", "", 0, 0),
        ]
        raw.executemany(f"INSERT INTO opinion ({OPINION_COLUMNS}) VALUES ({', '.join('?' * 27)})", rows)
        raw.executemany('INSERT INTO opinion_history (opinion_id, "on", action, from_status, to_status, note) '
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        [(1, "2025-03-02", "登记", "", "待认领", ""), (1, "2025-03-03", "认领", "待认领", "已认领", ""),
                         (1, "2025-03-04", "交办", "已认领", "办理中", ""), (2, "2026-01-10", "登记", "", "待认领", ""),
                         (2, "2026-01-12", "交办", "已认领", "办理中", ""), (3, "2026-02-01", "登记", "", "待认领", ""),
                         (4, "2026-02-02", "登记", "", "待认领", "")])
        raw.execute("INSERT INTO activity (id, date, kind, place, other_participants, residents_contacted, summary) "
                    "VALUES (1, '2026-01-05', '入户走访', '', '', 12, '')")
    raw.close()


def test_flagged_opinions_become_suggestions_and_projects(tmp_path: Path):
    path = tmp_path / "旧版 办公室.sqlite"
    _office_at_0001(path)
    with Database.open(path) as db:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        assert db.migration_backup is not None     # the 0001 file was copied aside first
        with db.session() as session:
            suggestions = session.exec(select(Suggestion).order_by(Suggestion.id)).all()
            assert [(s.serial, s.status, s.department_id, s.submitted_on) for s in suggestions] == [
                ("JY2025-001", "办结", 1, dt.date(2025, 3, 2)), ("JY2026-001", "办理中", 1, dt.date(2026, 1, 10))]
            done, in_hand = suggestions
            assert (done.reply, done.replied_on, done.assigned_on) == ("已增设左转信号灯", dt.date(2025, 5, 20),
                                                                    dt.date(2025, 3, 4))
            assert done.title == "东湖路口早晚高峰拥堵" and "左转信号灯" in done.content
            assert (in_hand.due_on, in_hand.assigned_on) == (dt.date(2026, 4, 10), dt.date(2026, 1, 12))
            links = session.exec(select(SuggestionOpinionLink.suggestion_id, SuggestionOpinionLink.opinion_id)).all()
            assert sorted(links) == [(done.id, 1), (in_hand.id, 2)]
            assert sorted(session.exec(select(SuggestionDeputyLink.suggestion_id, SuggestionDeputyLink.deputy_id,
                                              SuggestionDeputyLink.role)).all()) == [(done.id, 1, "领衔"),
                                                                                     (in_hand.id, 1, "领衔")]
            steps = session.exec(select(SuggestionHistory.action).where(SuggestionHistory.suggestion_id == done.id)
                                 .order_by(SuggestionHistory.id)).all()
            assert steps == ["提出", "交办", "答复"]

            projects = session.exec(select(Project).order_by(Project.id)).all()
            assert [(p.status, p.grid_id, p.community_id, p.suggestion_id, p.responsible_unit, p.year)
                    for p in projects] == [("实施中", 1, 1, in_hand.id, "区交通运输局", 2026),
                                           ("计划", None, None, None, "", 2026)]
            assert projects[0].started_on == dt.date(2026, 1, 12)
            assert sorted(session.exec(select(ProjectOpinionLink.project_id, ProjectOpinionLink.opinion_id)).all()) \
                == [(projects[0].id, 2), (projects[1].id, 3)]
            assert [o.settled_level for o in session.exec(select(Opinion).order_by(Opinion.id))] == [""] * 4
    raw = sqlite3.connect(path)
    opinion_columns = {row[1] for row in raw.execute("PRAGMA table_info(opinion)")}
    activity = raw.execute("SELECT online, residents_contacted FROM activity").fetchall()
    history_rows = raw.execute("SELECT count(*) FROM opinion_history").fetchone()[0]
    audit = raw.execute("SELECT changes FROM audit_log WHERE table_name = 'opinion' AND record_id = '*'").fetchall()
    problems = raw.execute("PRAGMA foreign_key_check").fetchall()
    raw.close()
    assert not {"is_suggestion", "is_practical"} & opinion_columns and "settled_level" in opinion_columns
    assert activity == [(0, 12)]
    assert history_rows == 7          # the opinion table was rebuilt; its children were not cascaded away
    assert json.loads(audit[0][0])["代表建议"] == 2 and problems == []


def test_an_office_without_flags_upgrades_with_no_records(tmp_path: Path):
    path = tmp_path / "空 办公室.sqlite"
    _office_at_0001(path)
    raw = sqlite3.connect(path)
    with raw:
        raw.execute("UPDATE opinion SET is_suggestion = 0, is_practical = 0")
    raw.close()
    with Database.open(path) as db, db.session() as session:
        assert session.exec(select(Suggestion)).all() == [] and session.exec(select(Project)).all() == []


def test_the_migrations_build_exactly_the_tables_of_the_models(db):
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    # a server's own metadata row (gridoffice/db/server.py) is no model: it is what SQLite's header is
    assert [d for d in differences if not (d[0] == "remove_table" and d[1].name == META_TABLE)] == []
