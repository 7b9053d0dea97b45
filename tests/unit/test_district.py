"""A district's database on a PostgreSQL server: opening it, upgrading it, who wrote what, attachments
every clerk's PC sees. These need the server whatever --backend says (a throw-away cluster)."""
import datetime as dt
import json
import subprocess
import sys

import pytest
from sqlalchemy import make_url, text
from sqlmodel import select

from gridoffice.db import Database, DatabaseOpenError, MigrationError, NewerSchemaError, NotOurDatabaseError, audit
from gridoffice.db.migrate import expected_version
from gridoffice.db.server import META_TABLE
from gridoffice.domain import AuditLog, Deputy, Station
from gridoffice.services.roster.deputies import DeputyData, create_deputy, load_deputy, update_deputy
from gridoffice.services.roster.photos import photo_path
from tests.conftest import ROOT, run_cli

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def new_server_db(pg_cluster, server_databases):
    """An empty database on the server (CREATE DATABASE by its administrator, no tables yet)."""
    name = server_databases.new_name("empty")
    url = pg_cluster.create_database(name)
    yield url
    pg_cluster.drop_database(name)


@pytest.fixture
def server_db(new_server_db):
    Database.upgrade_server(new_server_db, now=dt.datetime(2026, 11, 20, 9, 0))
    return new_server_db


def test_an_empty_server_database_is_refused_naming_who_must_create_the_tables(new_server_db):
    with pytest.raises(DatabaseOpenError) as refused:
        Database.open(new_server_db)
    assert "还是空的" in str(refused.value) and "数据库管理员" in str(refused.value)
    assert "gridoffice db upgrade --db postgresql://" in str(refused.value)


def test_db_upgrade_creates_the_tables_once_and_the_database_opens(new_server_db):
    result = run_cli("db", "upgrade", "--db", new_server_db)
    assert result.returncode == 0 and "已在" in result.stdout and f"第 {expected_version()} 版" in result.stdout
    again = run_cli("db", "upgrade", "--db", new_server_db)
    assert again.returncode == 0 and "不需要升级" in again.stdout
    with Database.open(new_server_db) as db:
        assert db.is_server and db.path is None and db.backend == "postgresql"
        assert "上的数据库 empty" in db.describe() and "gridoffice" in db.describe()   # server, database, user
        assert db.check().ok
        with db.engine.connect() as connection:
            facts = dict(connection.execute(text(f"SELECT key, value FROM {META_TABLE}")).all())
    assert facts["application"] == "gridoffice" and facts["schema_version"] == str(expected_version())
    assert "@" in facts["upgraded_by"]   # who upgraded it, and on which PC


def test_a_database_at_an_older_version_is_refused_and_says_who_upgrades_it(server_db, pg_cluster):
    name = make_url(server_db).database
    pg_cluster.execute(f"UPDATE {META_TABLE} SET value = '2' WHERE key = 'schema_version'", name)
    with pytest.raises(MigrationError) as refused:
        Database.open(server_db)
    message = str(refused.value)
    assert "第 2 版" in message and f"需要第 {expected_version()} 版" in message
    assert "数据库管理员" in message and "pg_dump" in message and "gridoffice db upgrade" in message
    pg_cluster.execute(f"UPDATE {META_TABLE} SET value = '99' WHERE key = 'schema_version'", name)
    with pytest.raises(NewerSchemaError, match="更新版本"):
        Database.open(server_db)


def test_another_programs_database_is_refused_untouched(new_server_db, pg_cluster):
    name = make_url(new_server_db).database
    pg_cluster.execute("CREATE TABLE invoices (id int)", name)
    with pytest.raises(NotOurDatabaseError, match="其他程序"):
        Database.open(new_server_db)


def test_a_database_that_does_not_exist_is_said_in_chinese(pg_cluster):
    with pytest.raises(DatabaseOpenError) as refused:
        Database.open(pg_cluster.url("no_such_office"))
    assert "服务器上没有数据库“no_such_office”" in str(refused.value)
    result = run_cli("overdue", "--db", pg_cluster.url("no_such_office"))
    assert result.returncode == 2 and "没有数据库" in result.stderr


def test_opening_a_current_database_imports_no_alembic(server_db):
    """Checking the schema reads the metadata row: Alembic (0.4 s) stays off the start-up path."""
    script = ("import sys; from gridoffice.db import Database; db = Database.open(sys.argv[1]); "
              "print('alembic' in sys.modules); db.close()")
    result = subprocess.run([sys.executable, "-c", script, server_db], capture_output=True, text=True, cwd=ROOT,
                            timeout=120)
    assert result.stdout.strip() == "False", result.stderr


def test_the_audit_log_says_who_and_uses_the_servers_clock(server_db, monkeypatch):
    class WrongClock:   # this PC's clock is off by years: the server's time is written anyway
        @staticmethod
        def now():
            return dt.datetime(2001, 1, 1)

    monkeypatch.setattr(audit, "SYSTEM_CLOCK", WrongClock)
    with Database.open(server_db) as db:
        deputy_id = create_deputy(db, DeputyData(name="王审计", levels="区"), today=TODAY)
        with db.session() as session:
            row = session.exec(select(AuditLog).where(AuditLog.table_name == "deputy",
                                                      AuditLog.record_id == str(deputy_id))).one()
            server_now = session.connection().execute(text("SELECT LOCALTIMESTAMP")).scalar()
    assert row.user_name == audit.who()["user_name"] and row.computer == audit.who()["computer"] != ""
    assert row.at.year != 2001 and abs(server_now - row.at) < dt.timedelta(minutes=5)
    assert "version" not in json.loads(row.changes)   # the record's version is no change of its own


def test_a_photo_stored_on_one_pc_is_seen_on_another(server_db, tmp_path):
    from PIL import Image

    picture = tmp_path / "证件 照.png"
    Image.new("RGB", (300, 400), (10, 120, 200)).save(picture)
    with Database.open(server_db) as first_pc, Database.open(server_db) as second_pc:
        second_pc._server_attachments.folder = tmp_path / "另一台电脑的缓存"   # another PC's own cache
        deputy_id = create_deputy(first_pc, DeputyData(name="李照片", levels="区"), today=TODAY, new_photo=picture)
        stored = load_deputy(second_pc, deputy_id).photo_file
        seen = photo_path(second_pc.attachments_dir, stored)
        assert seen is not None and seen.is_relative_to(tmp_path / "另一台电脑的缓存")
        assert seen.read_bytes() == photo_path(first_pc.attachments_dir, stored).read_bytes()


def test_a_rolled_back_save_leaves_no_attachment_on_the_server(server_db, tmp_path):
    from gridoffice.domain.settings import AttachmentBlob

    picture = tmp_path / "p.png"
    from PIL import Image

    Image.new("RGB", (30, 40)).save(picture)
    with Database.open(server_db) as db:
        deputy_id = create_deputy(db, DeputyData(name="赵回滚", levels="区"), today=TODAY)
        with pytest.raises(Exception, match="手机号"):
            update_deputy(db, deputy_id, DeputyData(name="赵回滚", levels="区", mobile="123"), today=TODAY,
                          new_photo=picture)
        with db.session() as session:
            assert session.exec(select(AttachmentBlob)).all() == []


def test_two_clerks_registering_at_once_never_share_a_serial(server_db):
    """Clerk A's registration holds the year's counter until it commits; clerk B's waits, then follows."""
    import threading

    from gridoffice.services.opinions.register import next_serial

    with Database.open(server_db) as db:
        a_has_number, serials = threading.Event(), []
        with db.session() as session_a:
            serials.append(next_serial(session_a, 2026))
            a_has_number.set()

            def clerk_b():
                with db.session() as session_b:
                    serials.append(next_serial(session_b, 2026))

            b = threading.Thread(target=clerk_b)
            b.start()
            b.join(0.3)
            assert b.is_alive()   # B waits for A's transaction: it cannot take the same number
        b.join(30)
    assert serials == ["2026-0001", "2026-0002"]


def test_station_ids_continue_after_the_demo(demo_file, backend):
    """The demo writes explicit ids: the next station gets the next id (PostgreSQL's sequences reset)."""
    with Database.open(demo_file) as db, db.session() as session:
        highest = max(session.exec(select(Station.id)).all())
        station = Station(name="新建联络站")
        session.add(station)
        session.flush()
        assert station.id == highest + 1
        deputy = Deputy(name="新代表", levels="区")
        session.add(deputy)
        session.flush()
        assert deputy.id is not None


def test_the_nightly_pg_dump_restores_into_a_database_that_opens_with_everything(demo_file, backend, pg_cluster,
                                                                                   server_databases, tmp_path):
    """README's nightly backup: pg_dump -Fc, and the restore the district's IT would run after a loss."""
    if backend != "postgresql":
        pytest.skip("the demo office is on the server only with --backend postgresql")
    source = make_url(demo_file).database
    dump = tmp_path / "jinxi-夜间备份.dump"
    subprocess.run([str(pg_cluster.bin / "pg_dump"), "-Fc", "-f", str(dump), pg_cluster.dsn(source)], check=True)
    restored = server_databases.new_name("restored")
    pg_cluster.create_database(restored)
    try:
        subprocess.run([str(pg_cluster.bin / "pg_restore"), "--no-owner", "--exit-on-error", "-d",
                        pg_cluster.dsn(restored), str(dump)], check=True)
        with Database.open(demo_file) as original, Database.open(pg_cluster.url(restored)) as copy:
            with original.session() as a, copy.session() as b:
                for model in (Deputy, Station, AuditLog):
                    assert a.exec(select(model)).all() == b.exec(select(model)).all()
            station_id = create_deputy(copy, DeputyData(name="恢复后新增", levels="区"), today=TODAY)
            assert station_id   # the sequences came back too: the next insert gets a free id
    finally:
        pg_cluster.drop_database(restored)
