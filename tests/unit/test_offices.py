"""export-office and import-office: a district's data as a single-PC backup, a street's single-PC
office merged into the district's database (new ids, duplicates reported, all or nothing)."""
import datetime as dt

import pytest
from sqlalchemy import func
from sqlmodel import select

from gridoffice.db import Database, audit
from gridoffice.domain import Deputy, Grid, Opinion, OpinionHistory, Station, metadata
from gridoffice.services.backup.create import create_backup
from gridoffice.services.backup.offices import NOT_MOVED, import_office
from gridoffice.services.backup.restore import restore_backup
from tests.conftest import run_cli

NOW = dt.datetime(2026, 11, 20, 18, 0)


def counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as connection:
        return {table.name: connection.execute(select(func.count()).select_from(table)).scalar()
                for table in metadata.sorted_tables if table.name not in NOT_MOVED}


@pytest.fixture(scope="module")
def street_backup(tmp_path_factory):
    """A street's single-PC office (the demo office on a PC), backed up to a .gobak."""
    from gridoffice.services.demo.build import build_demo
    from tests.conftest import DEMO_TODAY

    folder = tmp_path_factory.mktemp("街道 单机")
    with Database.open(folder / "东城 街道.sqlite") as street:
        build_demo(street, today=DEMO_TODAY)
        street_counts = counts(street)
    result = create_backup(folder / "东城 街道.sqlite", folder, now=NOW, file_name="东城街道.gobak")
    return result.path, street_counts


def test_export_office_writes_a_verified_backup_a_pc_can_restore(demo_file, tmp_path):
    target = tmp_path / "带回 街道.gobak"
    result = run_cli("export-office", "--to", target, "--db", demo_file)
    assert result.returncode == 0, result.stderr
    assert target.is_file() and "已导出并校验" in result.stdout
    on_the_pc = tmp_path / "街道 电脑" / "台账.sqlite"
    on_the_pc.parent.mkdir()
    restore_backup(target, on_the_pc, now=NOW)
    with Database.open(demo_file) as district, Database.open(on_the_pc) as single:
        assert counts(single) == counts(district)
        assert not single.is_server and single.check().ok


def test_a_street_merges_into_an_empty_database_whole(db, street_backup):
    backup, street_counts = street_backup
    report = import_office(db, backup)
    assert counts(db) == street_counts
    assert report.duplicates == [] and report.renumbered == []
    assert report.office_name == "锦塘街道人大工委" and "已合并街道办公室" in report.describe()
    with db.session() as session:   # the references followed the new ids
        orphans = session.exec(select(func.count()).select_from(OpinionHistory)
                               .where(~OpinionHistory.opinion_id.in_(select(Opinion.id)))).one()
    assert orphans == 0


def test_merging_into_a_district_that_has_the_same_places_reuses_and_renumbers(demo_file, street_backup):
    """The district holds the same office already: stations, grids and deputies are the district's,
    reported, not doubled; the opinions come in with new serials, reported; nothing dangles."""
    backup, street_counts = street_backup
    with Database.open(demo_file) as district:
        before = counts(district)
        report = import_office(district, backup)
        after = counts(district)
        with district.session() as session:
            serials = session.exec(select(Opinion.serial)).all()
            history_orphans = session.exec(select(func.count()).select_from(OpinionHistory).where(
                ~OpinionHistory.opinion_id.in_(select(Opinion.id)))).one()
    for table in ("station", "grid", "community", "department", "deputy"):
        assert after[table] == before[table], table   # the same places and people: reused
    assert after["opinion"] == before["opinion"] + street_counts["opinion"]
    assert len(serials) == len(set(serials)) and history_orphans == 0
    assert len(report.renumbered) == street_counts["opinion"] + street_counts["suggestion"] + street_counts["dispute"]
    assert any(line.startswith("联络站“") for line in report.duplicates)
    assert any(line.startswith("网格“") for line in report.duplicates)
    assert "沿用原记录" in report.describe() and "已改号" in report.describe()


def test_a_merge_that_fails_halfway_changes_nothing(db, street_backup, monkeypatch):
    backup, _ = street_backup
    real = audit.write_bulk_note

    def fail_at_opinions(session, table_name, action, note):
        if table_name == "opinion":
            raise RuntimeError("断网")
        real(session, table_name, action, note)

    monkeypatch.setattr(audit, "write_bulk_note", fail_at_opinions)
    before = counts(db)
    with pytest.raises(RuntimeError):
        import_office(db, backup)
    assert counts(db) == before
    with db.session() as session:
        assert session.exec(select(Station)).all() == [] and session.exec(select(Grid)).all() == []
        assert session.exec(select(Deputy)).all() == []


def test_import_office_from_the_command_line_reports_and_a_bad_file_changes_nothing(db, street_backup, tmp_path):
    backup, street_counts = street_backup
    location = str(db.location)
    db.close()
    broken = tmp_path / "坏的.gobak"
    broken.write_bytes(backup.read_bytes()[:5000])
    refused = run_cli("import-office", broken, "--db", location)
    assert refused.returncode == 2 and "没有做任何改动" in refused.stderr
    result = run_cli("import-office", backup, "--db", location)
    assert result.returncode == 0, result.stderr
    assert f"民情意见：新增 {street_counts['opinion']}" in result.stdout
