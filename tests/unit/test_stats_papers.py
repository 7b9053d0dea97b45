"""The statistics on paper and on the command line: the JSON, the PDF and the Word text say what the
services count; bad input exits 2 in Chinese and writes nothing."""
import json
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlmodel import func, select

from gridoffice.db import Database
from gridoffice.domain import AuditLog
from gridoffice.services.stats.figures import office_figures
from gridoffice.services.stats.period import Period, Scope
from gridoffice.services.stats.points import rank_deputies
from tests.conftest import run_cli
from tests.stats_fixtures import AFTER_YEAR, TODAY, build_stats_office

YEAR = Period.year(2026)


@pytest.fixture
def office(db):
    return build_stats_office(db)


def squeeze(text: str) -> str:
    return "".join(text.split())


def pdf_text(path: Path) -> str:
    return squeeze("".join(page.extract_text() for page in PdfReader(path).pages))


def docx_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return squeeze("".join(parts))


def audit_count(office) -> int:
    """The audit log's length: any write would add to it (on SQLite and PostgreSQL alike)."""
    with Database.open(office.db.location) as db, db.session() as session:
        return session.exec(select(func.count()).select_from(AuditLog)).one()


def cli(office, *args):
    return run_cli(*args, "--db", office.db.location, "--today", TODAY.isoformat())


def test_stats_json_is_what_the_services_count(office):
    office.db.close()
    result = cli(office, "stats", "--year", "2026", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["period"] == {"start": "2026-01-01", "end": "2026-12-31", "label": "2026年"}
    assert data["figures"]["person_times"]["value"] == 11 and data["figures"]["resolve_rate"]["value"] == 50.0
    assert data["sentence"].startswith("2026年，东园街道人大工委组织代表11人次开展活动8次")
    checks = {check["key"]: check["count"] for check in data["checks"]}
    assert checks == {"resolved_versus_collected": 1, "without_deputies": 2, "closed_without_reply": 2,
                      "past_days_still_planned": 1, "idle_deputies": 1, "possible_duplicates": 2}
    assert [item["value"] for item in data["charts"]["funnel"]] == [8, 6, 5, 4, 2]
    kinds = next(t for t in data["breakdowns"] if t["key"] == "kind")
    assert kinds["total"] == {"活动次数": 8, "代表人次": 11, "联系群众": 33}


def test_stats_by_range_and_station_in_words(office):
    office.db.close()
    result = cli(office, "stats", "--from", "2026-01-01", "--to", "2026-03-31", "--station", "东园片区")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2026年第一季度，东园片区组织代表5人次开展活动2次，接待（联系）群众24人次；"
                                    "收集群众意见3条，办结3条，办结率100.0%，回复率33.3%")


def test_points_json(office):
    office.db.close()
    result = run_cli("points", "--year", "2026", "--json", "--db", office.db.location, "--today", AFTER_YEAR.isoformat())
    assert result.returncode == 0, result.stderr
    items = {item["name"]: item for item in json.loads(result.stdout)["items"]}
    # 张一: 27 earned (see test_stats_points) + 60 base - 5 (one duty of the two asked)
    assert (items["张一"]["total"], items["张一"]["grade"], items["钱五"]["total"]) == (82, "合格", 60)


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_the_annual_report_says_what_the_tab_and_the_json_say(office, tmp_path, suffix):
    sentence = office_figures(office.db, YEAR, Scope()).sentence()
    ranking = rank_deputies(office.db, YEAR, Scope(), today=TODAY)
    office.db.close()
    target = tmp_path / f"2026 年度 报告{suffix}"
    result = cli(office, "print", "annual-report", "--year", "2026", "-o", target)
    assert result.returncode == 0, result.stderr
    assert "注意：发现" in result.stderr                       # the planted records are mentioned
    text = pdf_text(target) if suffix == ".pdf" else docx_text(target)
    assert squeeze(sentence) in text
    assert "东园街道人大工委2026年度工作统计报告" in text and "五、各联络站情况" in text
    assert f"1{ranking.scores[0].name}" in text                # the ranking's first line
    if suffix == ".pdf":
        assert 2 <= len(PdfReader(target).pages) <= 4
    else:
        assert len(Document(str(target)).inline_shapes) == 5  # the five charts, as pictures


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_the_first_year_with_the_program_is_not_compared_with_a_part_of_the_year_before(office, tmp_path, suffix):
    """The records begin on 6 January 2025: 2026 is compared with 2025; 2025 is not with 2024, of which
    nothing was recorded (no "增加 100%" on an empty year)."""
    whole, first = office_figures(office.db, YEAR, Scope()), office_figures(office.db, Period.year(2025), Scope())
    assert whole["activities"].records_from is None and whole["activities"].change == 7   # 8 against 1
    assert first["activities"].records_from is not None and first["activities"].change is None
    office.db.close()
    target = tmp_path / f"2025 年度 报告{suffix}"
    assert cli(office, "print", "annual-report", "--year", "2025", "-o", target).returncode == 0
    text = pdf_text(target) if suffix == ".pdf" else docx_text(target)
    assert "记录不全，不作比较" in text
    assert squeeze("本办公室的记录从2025年1月6日开始，上年同期只记录了其中一部分") in text
    earlier = tmp_path / f"2026 年度 报告{suffix}"
    assert cli(office, "print", "annual-report", "--year", "2026", "-o", earlier).returncode == 0
    assert "记录不全" not in (pdf_text(earlier) if suffix == ".pdf" else docx_text(earlier))


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_the_deputys_file(office, tmp_path, suffix):
    office.db.close()
    target = tmp_path / f"张一 档案{suffix}"
    result = run_cli("print", "deputy-file", "--deputy", "张一", "--year", "2026", "-o", target,
                     "--db", office.db.location, "--today", AFTER_YEAR.isoformat())
    assert result.returncode == 0, result.stderr
    text = pdf_text(target) if suffix == ".pdf" else docx_text(target)
    assert "张一代表2026年度履职档案" in text
    assert "参加走访等活动4次（联系群众24人次），在联络站接待日值班1次，出席会议1次；认领群众意见2条，办结2条" in text
    assert "全年履职积分82分，等级“合格”" in text
    assert "反映的问题" in text and "2026-0003" in text


def test_the_scoreboard_in_excel_and_pdf(office, tmp_path):
    office.db.close()
    target = tmp_path / "亮分表.xlsx"
    assert cli(office, "print", "scoreboard", "--year", "2026", "--quarter", "3", "-o", target).returncode == 0
    sheet = load_workbook(target).active
    rows = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert sheet.cell(1, 1).value == "联络站" and rows["张一"][0] == "东园片区"
    assert rows["张一"][2:6] == (23, 0, 2, 25)                 # quarters 1–3 (no adjustment here) and the sum
    pdf = tmp_path / "亮分表.pdf"
    assert cli(office, "print", "scoreboard", "--year", "2026", "--quarter", "3", "-o", pdf).returncode == 0
    text = pdf_text(pdf)
    assert "东园街道人大工委2026年人大代表履职积分亮分表" in text and "西园片区（3名代表）" in text


@pytest.mark.parametrize("args, message", [
    (("stats", "--from", "2026-05-01", "--to", "2026-01-01"), "晚于结束日期"),
    (("stats", "--from", "2026-05-01"), "要一起给出"),
    (("stats", "--year", "2026", "--from", "2026-01-01", "--to", "2026-02-01"), "不能同时使用"),
    (("stats", "--station", "北园"), "没有名为“北园”的联络站"),
    (("stats", "--community", "北园社区"), "没有名为“北园社区”的社区"),
    (("stats", "--year", "1999"), "2000 到 2099"),
    (("points", "--year", "2026", "--quarter", "5"), "1 到 4"),
    (("print", "annual-report", "--year", "2026", "-o", "报告.txt"), ".pdf 或 .docx"),
    (("print", "deputy-file", "--deputy", "无名", "--year", "2026", "-o", "档案.pdf"), "没有“无名”"),
    (("print", "scoreboard", "--year", "2026", "--quarter", "2", "-o", "亮分表.docx"), ".pdf 或 .xlsx"),
])
def test_bad_input_exits_2_in_chinese_and_writes_nothing(office, tmp_path, monkeypatch, args, message):
    office.db.close()
    monkeypatch.chdir(tmp_path)
    before = audit_count(office)
    result = cli(office, *args)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == [] or all(p.suffix not in (".pdf", ".docx", ".xlsx", ".txt")
                                                   for p in tmp_path.iterdir())
    assert audit_count(office) == before
