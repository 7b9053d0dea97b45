"""The household and duty commands, run in-process: each JSON has an `items` array; bad input exits 2
with a Chinese message and writes nothing."""
import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from grid_people_fixtures import TODAY, small_office
from openpyxl import Workbook
from pypdf import PdfReader
from sqlalchemy import select

from gridoffice.cli import main as cli_main
from gridoffice.db import Database
from gridoffice.domain import metadata
from gridoffice.domain.enums import DutyRecurrence
from gridoffice.services.duties.kinds import find_duty_kind
from gridoffice.services.duties.plans import DutyInput, save_duty
from gridoffice.services.households.ledger import HouseholdInput, save_household

HEADERS = ["所属网格", "地址", "楼栋", "单元", "房号", "姓名", "电话", "类别", "颜色", "联系代表", "网格员", "备注"]


@pytest.fixture
def run_cli(capsys):
    def run(*args: str) -> SimpleNamespace:
        try:
            code = cli_main(list(args))
        except SystemExit as exit_:     # argparse refusing an argument
            code = exit_.code
        printed = capsys.readouterr()
        return SimpleNamespace(returncode=code, stdout=printed.out, stderr=printed.err)

    return run


@pytest.fixture
def office_file(db_path: Path) -> Path:
    with Database.open(db_path) as db:
        office = small_office(db)
        save_household(db, HouseholdInput(office.grids[0], "幸福花园", "3", "2", "501", "刘秀英", "15400002222",
                                          [office.categories["独居老人"]]), today=TODAY - dt.timedelta(days=30))
        kind = find_duty_kind(db, "护学岗").id
        save_duty(db, DutyInput(kind, "育英小学护学岗", DutyRecurrence.SCHOOL_DAYS.value, (0, 1), 1,
                                "2026-09-01~2027-01-22", dt.time(7, 20), dt.time(8, 0), 2, office.grids[0],
                                None, "育英小学校门口", office.deputies, [office.volunteer, office.worker]))
    return db_path


def table_rows(path: Path) -> dict[str, list]:
    """Every table's rows but the audit log's, in primary-key order (on SQLite and PostgreSQL)."""
    with Database.open(path) as db, db.engine.connect() as connection:
        return {table.name: [tuple(row) for row in connection.execute(select(table).order_by(*table.primary_key))]
                for table in metadata.sorted_tables if table.name != "audit_log"}


def workbook(path: Path, *rows: list) -> Path:
    book = Workbook()
    book.active.append(HEADERS)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_kinds_and_due_as_json(office_file, run_cli):
    kinds = run_cli("households", "kinds", "--json", "--db", str(office_file))
    assert kinds.returncode == 0, kinds.stderr
    items = json.loads(kinds.stdout)["items"]
    assert items[0] == {"event": "生病住院", "within_days": 3, "categories": []}
    due = run_cli("households", "due", "--today", "2026-11-20", "--json", "--db", str(office_file))
    payload = json.loads(due.stdout)
    assert payload["overdue"] == 1 and payload["items"][0]["address"] == "幸福花园3栋2单元***"
    assert payload["items"][0]["name"] == "刘**"
    text = run_cli("households", "due", "--today", "2026-11-20", "--grid", "dh-01", "--db", str(office_file))
    assert "超期 1 项（1 户）" in text.stdout and "刘秀英" not in text.stdout


def test_event_then_visit(office_file, run_cli):
    event = run_cli("households", "event", "幸福花园3栋2单元501室", "--kind", "生病住院", "--date", "2026-11-18",
                    "--db", str(office_file))
    assert event.returncode == 0, event.stderr
    assert "应于 2026-11-23 前走访" in event.stdout          # 11-21 is a Saturday
    visit = run_cli("households", "visit", "1", "--date", "2026-11-19", "--by", "张利霞,陈网格",
                    "--services", "送医送药", "--db", str(office_file))
    assert visit.returncode == 0, visit.stderr
    assert "记入走访记录" in visit.stdout and "生病住院（11月18日）" in visit.stdout


@pytest.mark.parametrize("args", [
    ("households", "event", "幸福花园9栋", "--kind", "生病住院", "--date", "2026-11-18"),
    ("households", "event", "1", "--kind", "中彩票", "--date", "2026-11-18"),
    ("households", "event", "1", "--kind", "生病住院", "--date", "2026-13-01"),
    ("households", "visit", "1", "--date", "2026-11-19", "--by", "不存在的人"),
    ("households", "due", "--grid", "ZZ-99"),
    ("duties", "schedule", "--kind", "站岗", "--from", "2026-11"),
    ("duties", "schedule", "--kind", "护学岗", "--from", "2026-11", "--months", "30"),
    ("print", "rota", "--kind", "护学岗", "--month", "2026-11", "-o", "值守表.txt"),
])
def test_bad_input_exits_2_in_chinese_and_writes_nothing(office_file, run_cli, args):
    before = table_rows(office_file)
    result = run_cli(*args, "--db", str(office_file))
    assert result.returncode == 2
    assert any("\u4e00" <= ch <= "\u9fff" for ch in result.stderr)
    assert table_rows(office_file) == before


def test_import_refuses_a_file_with_any_bad_row(office_file, tmp_path, run_cli):
    path = workbook(tmp_path / "重点户 名单.xlsx",
                    ["DH-01", "幸福花园", 1, 1, 101, "王大爷", "", "高龄老人", "", "", "", ""],
                    ["DH-09", "幸福花园", 1, 1, 102, "李奶奶", "", "独居老人", "", "", "", ""],
                    ["DH-01", "幸福花园", 1, 1, 101, "王大爷", "", "高龄老人", "", "", "", ""],
                    ["DH-01", "幸福花园", 1, 1, 103, "赵", "12", "外星人", "金", "", "", ""])
    before = table_rows(office_file)
    result = run_cli("households", "import", str(path), "--db", str(office_file))
    assert result.returncode == 2
    for expected in ("第 3 行“所属网格”列", "第 4 行“房号”列：地址“幸福花园1栋1单元101室”与第 2 行相同",
                     "第 5 行“类别”列", "第 5 行“颜色”列"):
        assert expected in result.stderr
    assert table_rows(office_file) == before


def test_import_adds_flags_duplicates_and_exports_masked(office_file, tmp_path, run_cli):
    path = workbook(tmp_path / "重点户.xlsx",
                    ["DH-01", "幸福花园", 1, 1, 101, "王大爷", "15400003333", "高龄老人、独居老人", "橙", "李明", "陈网格", ""],
                    ["DH-01", "幸福花园", 3, 2, 501, "刘秀英", "", "独居老人", "", "", "", "已在台账"])
    result = run_cli("households", "import", str(path), "--db", str(office_file))
    assert result.returncode == 0, result.stderr
    assert "第 3 行：台账中已有“幸福花园3栋2单元501室”" in result.stdout and "新增 1 户" in result.stdout
    assert "跳过 1 户" in result.stdout
    target = tmp_path / "导出.xlsx"
    exported = run_cli("households", "export", str(target), "--db", str(office_file))
    assert exported.returncode == 0 and "已导出 2 户" in exported.stdout
    from openpyxl import load_workbook

    cells = [[c.value for c in row] for row in load_workbook(target).active.iter_rows()]
    assert "王**" in cells[1] + cells[2] and "154****3333" in cells[1] + cells[2]
    assert not any("王大爷" == value for row in cells for value in row)


def test_schedule_json_save_and_print(office_file, tmp_path, run_cli):
    preview = run_cli("duties", "schedule", "--kind", "护学岗", "--from", "2026-12", "--json", "--db", str(office_file))
    assert preview.returncode == 0, preview.stderr
    items = json.loads(preview.stdout)["items"]
    assert items[0]["date"] == "2026-12-01" and len(items[0]["people"]) == 2
    saved = run_cli("duties", "schedule", "--kind", "护学岗", "--from", "2026-12", "--save", "--db", str(office_file))
    assert "已保存：新增" in saved.stdout
    target = tmp_path / "护学岗.pdf"
    printed = run_cli("print", "rota", "--kind", "护学岗", "--month", "2026-12", "-o", str(target),
                      "--db", str(office_file))
    assert printed.returncode == 0, printed.stderr
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "2026年12月护学岗值守表" in text and "育英小学护学岗" in text


def test_household_ledger_is_masked_unless_asked(office_file, tmp_path, run_cli):
    masked, full = tmp_path / "台账.pdf", tmp_path / "台账 全.pdf"
    assert run_cli("print", "household-ledger", "--grid", "DH-01", "-o", str(masked), "--today", "2026-11-20",
                   "--db", str(office_file)).returncode == 0
    text = "".join(page.extract_text() for page in PdfReader(masked).pages)
    assert "重点户走访台账" in text and "刘**" in text and "***" in text
    assert "刘秀英" not in text and "15400002222" not in text and "501" not in text
    assert "不得张贴" in text
    run_cli("print", "household-ledger", "--grid", "DH-01", "-o", str(full), "--with-contact", "--db", str(office_file))
    text = "".join(page.extract_text() for page in PdfReader(full).pages)
    assert "刘秀英" in text and "15400002222" in text
