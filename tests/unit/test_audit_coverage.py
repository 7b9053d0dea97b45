"""Every row the office's write paths leave has its audit row: a walk over every table.

Rows written through the ORM get theirs on flush; rows written through Core (the fast roster
import, a category rename across opinions) write them explicitly. A link row (deputy ↔ grid)
counts as audited when it has its own row or when the record it hangs on names it in its changes.
"""
import datetime as dt
import json

from sqlmodel import select

from gridoffice.domain import AuditLog, Opinion, metadata
from gridoffice.services.activities.records import ActivityInput, save_activity
from gridoffice.services.opinions.lists import CategoryEntry, list_categories, save_categories
from gridoffice.services.outcomes.suggestions import SuggestionForm, create_suggestion
from gridoffice.services.roster.excel import import_deputies
from tests.outcomes_fixtures import TODAY, build_office, close, register
from tests.roster_fixtures import write_xlsx

NOT_RECORDS = {"audit_log", "alembic_version", "setting", "serial_counter", "attachment_blob"}   # bookkeeping, not records


def audited(db) -> dict[tuple[str, str], list[dict]]:
    with db.session() as session:
        rows = session.exec(select(AuditLog)).all()
    by_record: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        by_record.setdefault((row.table_name, row.record_id), []).append(json.loads(row.changes or "{}"))
    return by_record


def names(changes: list[dict], other_id: str) -> bool:
    """Does any of these changes list `other_id` among a relationship's ids?"""
    for change in changes:
        for value in change.values():
            ids = value.get("added", []) if isinstance(value, dict) else value
            if isinstance(ids, list) and other_id in (str(i) for i in ids):
                return True
    return False


def unaudited(db) -> list[str]:
    log = audited(db)
    missing = []
    with db.engine.connect() as connection:
        for table in metadata.sorted_tables:
            if table.name in NOT_RECORDS:
                continue
            keys = list(table.primary_key.columns)
            for row in connection.execute(table.select()).mappings():
                record_id = "/".join(str(row[c.name]) for c in keys)
                if (table.name, record_id) in log:
                    continue
                if len(keys) == 2 and all(c.foreign_keys for c in keys):   # a link row
                    (a, b) = keys
                    a_table = next(iter(a.foreign_keys)).column.table.name
                    b_table = next(iter(b.foreign_keys)).column.table.name
                    if names(log.get((a_table, str(row[a.name])), []), str(row[b.name])) or \
                            names(log.get((b_table, str(row[b.name])), []), str(row[a.name])):
                        continue
                missing.append(f"{table.name} {record_id}")
    return missing


def test_every_row_written_by_the_office_has_its_audit_row(db, tmp_path):
    office = build_office(db)
    roster = write_xlsx(tmp_path / "区里的 名册.xlsx", [
        ["姓名", "手机", "代表层级", "所属联络站", "所在网格"],
        ["陈新", "13800007777", "区", "锦塘街道人大代表联络站（中心站）", "JT-01，JT-02"],
        ["孙立", "13800008888", "区", "西园片区代表联络站", "XY-01"],
    ])
    import_deputies(db, roster, today=TODAY)
    save_activity(db, ActivityInput(date=TODAY - dt.timedelta(days=3), kind="入户走访",
                                    deputy_ids=office.deputies[:2], grid_id=office.grids[0],
                                    residents_contacted=4, summary="走访独居老人"), TODAY)
    opinions = [register(office, category="交通") for _ in range(3)]
    close(office, opinions[0])
    create_suggestion(db, SuggestionForm("关于路口信号灯的建议", TODAY - dt.timedelta(days=1),
                                         lead_deputy_id=office.deputies[0], opinion_ids=opinions[:2]), today=TODAY)
    entries = [CategoryEntry(e.id, "道路交通" if e.name == "交通" else e.name) for e in list_categories(db)]
    save_categories(db, entries)   # renames the category of the three opinions

    assert unaudited(db) == []
    log = audited(db)
    with db.session() as session:
        renamed = session.exec(select(Opinion.id).where(Opinion.category == "道路交通")).all()
    assert sorted(renamed) == sorted(opinions)
    assert all(any(c.get("category") == ["交通", "道路交通"] for c in log[("opinion", str(i))]) for i in opinions)


def test_the_walk_finds_a_row_written_without_its_audit_row(db):
    build_office(db)
    with db.engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO community (name, kind, notes, map_file) VALUES ('暗中社区', '社区', '', '')")
    assert [entry for entry in unaudited(db) if entry.startswith("community ")] == ["community 3"]
