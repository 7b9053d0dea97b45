"""Several clerks at once on one district database: four processes, each registering opinions, saving
the same deputy's form and importing a roster, a fixed number of times. At the end no acknowledged
write is lost, no serial number is taken twice, every refused save was reported to its clerk, and
the audit log accounts for every change."""
import datetime as dt
import json
import subprocess
import sys
from collections import Counter

import pytest
from sqlmodel import func, select

from gridoffice.db import Database
from gridoffice.domain import AuditLog, Deputy, Opinion
from gridoffice.services.office.setup import add_default_lists
from gridoffice.services.roster.deputies import DeputyData, create_deputy
from tests.conftest import ROOT
from tests.roster_fixtures import TODAY, build_small_office, write_xlsx

CLERKS = 4
OPERATIONS = 12
ROSTER_ROWS = 20

pytestmark = pytest.mark.slow


@pytest.fixture
def district(pg_cluster, server_databases):
    name = server_databases.new_name("clerks")
    url = pg_cluster.create_database(name)
    Database.upgrade_server(url, now=dt.datetime(2026, 11, 20, 8, 0))
    with Database.open(url) as db:
        build_small_office(db)
        add_default_lists(db)
        deputy_id = create_deputy(db, DeputyData(name="共用代表", levels="区", mobile="13800001234"), today=TODAY)
    yield url, deputy_id
    pg_cluster.drop_database(name)


def test_clerks_at_once_lose_nothing_share_no_serial_and_are_all_audited(district, tmp_path):
    url, deputy_id = district
    rosters = [write_xlsx(tmp_path / f"名册 {clerk}.xlsx",
                          [["姓名", "代表层级", "手机"]] +
                          [[f"干事{clerk}导入{row}", "区", f"1390{clerk:03d}{row:04d}"] for row in range(ROSTER_ROWS)])
               for clerk in range(CLERKS)]
    processes = [subprocess.Popen([sys.executable, str(ROOT / "tests" / "clerk_worker.py"), url, f"clerk{clerk}",
                                   str(OPERATIONS), str(deputy_id), str(rosters[clerk])],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", cwd=ROOT)
                 for clerk in range(CLERKS)]
    said = []
    for process in processes:
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
        said += [json.loads(line) for line in out.splitlines()]
    registered = [line for line in said if line["op"] == "register"]
    saved = [line["saved"] for line in said if line["op"] == "edit" and "saved" in line]
    refused = [line for line in said if line["op"] == "edit" and "refused" in line]
    imported = [line["added"] for line in said if line["op"] == "import"]
    print(f"{len(registered)} registered, {len(saved)} saves of the same deputy, {len(refused)} refused, "
          f"{sum(imported)} imported")

    assert len(registered) == CLERKS * OPERATIONS and len(saved) + len(refused) == CLERKS * OPERATIONS
    assert imported == [ROSTER_ROWS] * CLERKS and saved
    assert all("另一位干事" in line["message"] for line in refused)   # each refused clerk was told why
    with Database.open(url) as db, db.session() as session:
        # every acknowledged registration is there, under the serial its clerk was given, none twice
        stored = dict(session.exec(select(Opinion.serial, Opinion.content)).all())
        assert stored == {line["serial"]: line["content"] for line in registered}
        assert len(set(stored)) == CLERKS * OPERATIONS
        # every acknowledged save of the deputy went in one after another; no refused one did
        deputy = session.get(Deputy, deputy_id)
        assert deputy.version == 1 + len(saved)
        updates = session.exec(select(AuditLog).where(AuditLog.table_name == "deputy", AuditLog.action == "update",
                                                      AuditLog.record_id == str(deputy_id))
                               .order_by(AuditLog.id)).all()
        written = [json.loads(row.changes)["notes"][1] for row in updates]
        assert sorted(written) == sorted(saved) and deputy.notes == written[-1]
        assert not {line["refused"] for line in refused} & set(written)
        # the imports: every row, and one audit note per file
        assert session.exec(select(func.count()).select_from(Deputy).where(Deputy.name.like("干事%导入%"))).one() \
            == CLERKS * ROSTER_ROWS
        notes = Counter(row.table_name for row in session.exec(
            select(AuditLog).where(AuditLog.action == "insert", AuditLog.record_id == "*")))
        assert notes["deputy"] == CLERKS
        # and every registration has its audit row, with who wrote it
        opinion_rows = session.exec(select(AuditLog).where(AuditLog.table_name == "opinion",
                                                           AuditLog.action == "insert")).all()
        assert len(opinion_rows) == CLERKS * OPERATIONS and all(row.computer for row in opinion_rows)
