"""The papers of the loop (交办单, 督办单, 告知书), the Excel exports and their commands."""
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from conftest import run_cli
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlmodel import select

from gridoffice.cli import main as cli_main
from gridoffice.db import Database
from gridoffice.domain import Activity, Opinion
from gridoffice.services.activities.excel import export_activities
from gridoffice.services.opinions.excel import export_opinions
from gridoffice.services.opinions.papers import (SlipError, write_assignment_slip, write_reply_notice,
                                             write_supervision_slip)
from gridoffice.services.opinions.listing import OpinionFilter, due_summary
from gridoffice.domain.rules import place_of_address
from tests.paper_checks import ISO_DATE, assert_numbered, assert_posted_paper, pdf_pages

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def demo(demo_file):
    with Database.open(demo_file) as db:
        yield db


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def overdue_opinion(db: Database) -> Opinion:
    overdue_id = due_summary(db, TODAY).overdue[0].id
    with db.session() as session:
        return session.get(Opinion, overdue_id)


def closed_opinion(db: Database) -> Opinion:
    with db.session() as session:
        return session.exec(select(Opinion).where(Opinion.status == "已关闭", Opinion.resident_name != "")
                            .order_by(Opinion.id.desc())).first()


def test_the_assignment_slip_names_the_matter_but_not_the_resident(demo, tmp_path):
    opinion = overdue_opinion(demo)
    target = tmp_path / "交办 单.pdf"
    write_assignment_slip(demo, opinion.id, target, today=TODAY)
    text = pdf_text(target)
    for expected in ("民情意见交办单", opinion.serial, opinion.content[:10], "承办部门", "办理期限", "签字", "认领代表"):
        assert expected in text, expected
    assert opinion.resident_name not in text and opinion.resident_phone not in text
    assert opinion.resident_address not in text   # the estate and building, no door number
    assert len(PdfReader(target).pages) == 1
    assert_posted_paper(target)
    assert_numbered(target)


def test_the_slips_give_the_full_place_one_date_style_and_a_seal_field(demo, tmp_path):
    opinion = overdue_opinion(demo)
    place = place_of_address(opinion.resident_address)
    assert place and place != opinion.resident_address and "…" not in place
    for writer in (write_assignment_slip, write_supervision_slip):
        target = tmp_path / f"{writer.__name__}.pdf"
        writer(demo, opinion.id, target, today=TODAY)
        flat = "".join(pdf_pages(target))
        assert f"问题地点{place}（JT-" in flat and "…" not in flat        # the place in full, and its grid
        assert not ISO_DATE.search(flat)                                   # every date as 2026年11月20日
        assert "锦塘街道人大工委（盖章）" in flat                           # the issuing office's seal
        assert f"{opinion.received_on.year}年{opinion.received_on.month}月{opinion.received_on.day}日" in flat
        assert_posted_paper(target)
    assert "承办部门（盖章）" in "".join(pdf_pages(tmp_path / "write_assignment_slip.pdf"))


def test_the_assignment_slip_carries_contact_only_when_asked(demo, tmp_path):
    opinion = overdue_opinion(demo)
    target = tmp_path / "交办单-联系.pdf"
    write_assignment_slip(demo, opinion.id, target, today=TODAY, with_contact=True)
    text = pdf_text(target).replace("\n", "")
    assert opinion.resident_name in text and opinion.resident_phone in text


def test_no_assignment_slip_before_a_department_has_the_matter(demo, tmp_path):
    with demo.session() as session:
        waiting = session.exec(select(Opinion).where(Opinion.status == "待认领")).first()
    with pytest.raises(SlipError, match="还没有交办"):
        write_assignment_slip(demo, waiting.id, tmp_path / "x.pdf", today=TODAY)
    assert not (tmp_path / "x.pdf").exists()


def test_the_supervision_slip_says_how_late(demo, tmp_path):
    opinion = overdue_opinion(demo)
    target = tmp_path / "督办单.pdf"
    write_supervision_slip(demo, opinion.id, target, today=TODAY)
    text = pdf_text(target)
    late = (TODAY - opinion.due_on).days
    assert "民情意见督办单" in text and f"已超期 {late} 天" in text and "办理经过" in text
    assert opinion.resident_name not in text


def test_no_supervision_slip_for_a_matter_in_time(demo, tmp_path):
    in_time_id = due_summary(demo, TODAY).due_soon[0].id
    with demo.session() as session:
        in_time = session.get(Opinion, in_time_id)
        closed = session.exec(select(Opinion).where(Opinion.status == "已关闭")).first()
    if in_time.handling_mode != "督办":
        with pytest.raises(SlipError, match="不需要督办单"):
            write_supervision_slip(demo, in_time.id, tmp_path / "x.pdf", today=TODAY)
    with pytest.raises(SlipError):
        write_supervision_slip(demo, closed.id, tmp_path / "y.pdf", today=TODAY)


def test_the_reply_notice_is_addressed_to_the_resident(demo, tmp_path):
    opinion = closed_opinion(demo)
    target = tmp_path / "告知书.pdf"
    write_reply_notice(demo, opinion.id, target, today=TODAY)
    text = pdf_text(target).replace("\n", "")
    assert "办理结果告知书" in text and f"尊敬的{opinion.resident_name}" in text
    assert opinion.result[:12] in text and "满意" in text
    assert opinion.resident_phone not in text
    assert_posted_paper(target)
    assert not ISO_DATE.search(text)


def test_the_reply_slip_has_five_millimetre_boxes_under_a_cut_line(demo, tmp_path):
    opinion = closed_opinion(demo)
    target = tmp_path / "告知书 回执.pdf"
    write_reply_notice(demo, opinion.id, target, today=TODAY)
    flat = "".join(pdf_pages(target))
    cut = flat.index("剪切线")
    assert flat.index("群众评价回执") > cut and flat.index("满意") > cut          # the slip is below the cut line
    assert "满意" in flat and "基本满意" in flat and "不满意" in flat and "评价人（签名）" in flat
    assert "锦塘街道人大工委" in flat[:cut] and "日" in flat[cut - 12:cut]        # signed and dated above it
    page = PdfReader(target).pages[0]
    content = page.get_contents().get_data().decode("latin-1")
    five_mm = 5 * 72 / 25.4
    boxes = [(float(w), float(h)) for w, h in re.findall(r"[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+) re", content)
             if abs(float(w) - five_mm) < 0.05 and abs(float(h) - five_mm) < 0.05]
    assert len(boxes) == 3                                                        # 满意, 基本满意, 不满意


def test_no_reply_notice_without_a_result(demo, tmp_path):
    with demo.session() as session:
        claimed = session.exec(select(Opinion).where(Opinion.status == "已认领")).first()
    with pytest.raises(SlipError, match="还没有办理结果"):
        write_reply_notice(demo, claimed.id, tmp_path / "x.pdf", today=TODAY)


@pytest.mark.parametrize("reason", ["诉讼", "仲裁", "信访", "其他"])
def test_a_matter_not_accepted_gets_a_written_reply_with_the_reason_and_where_to_go(demo, tmp_path, reason):
    with demo.session() as session:
        opinion = session.exec(select(Opinion).where(Opinion.status == "不予受理",
                                                     Opinion.reject_reason == reason)).first()
    target = tmp_path / f"不予受理 {reason}.pdf"
    write_reply_notice(demo, opinion.id, target, today=TODAY)
    flat = "".join(pdf_pages(target))
    assert "民情意见不予受理告知书" in flat and f"尊敬的{opinion.resident_name}" in flat
    assert opinion.content[:10] in flat and "不予受理" in flat
    assert f"请您向{opinion.referred_to}反映" in flat                              # where to go instead
    if reason != "其他":
        assert f"通过{reason}" in flat                                            # and why
    assert opinion.resident_phone not in flat and "回执" not in flat
    assert flat.endswith(f"锦塘街道人大工委{opinion.closed_on.year}年{opinion.closed_on.month}月"
                         f"{opinion.closed_on.day}日第1页，共1页锦塘街道人大工委联系电话：0750-09715861")
    assert_posted_paper(target)


def test_opinion_export_masks_the_resident_unless_asked(demo, tmp_path):
    masked, full = tmp_path / "意见.xlsx", tmp_path / "意见-完整.xlsx"
    count = export_opinions(demo, masked, today=TODAY)
    export_opinions(demo, full, today=TODAY, with_contact=True)
    with demo.session() as session:
        total = len(session.exec(select(Opinion.id)).all())
    overdue = due_summary(demo, TODAY).overdue[0]
    assert count == total
    sheet = load_workbook(masked).active
    headers = [c.value for c in sheet[1]]
    rows = {r[0]: dict(zip(headers, r)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == total and "当前状态" in headers
    row = rows[overdue.serial]
    assert row["当前状态"] == "办理中" and row["超期天数"] == (TODAY - overdue.due_on).days
    assert "*" in row["群众姓名"] and "****" in row["联系电话"]
    full_rows = {r[0]: r for r in load_workbook(full).active.iter_rows(min_row=2, values_only=True)}
    assert "*" not in full_rows[overdue.serial][3]


def test_opinion_export_of_a_filter(demo, tmp_path):
    target = tmp_path / "办理中.xlsx"
    count = export_opinions(demo, target, today=TODAY, where=OpinionFilter(status="办理中"))
    statuses = {r[14] for r in load_workbook(target).active.iter_rows(min_row=2, values_only=True)}
    assert count > 0 and statuses == {"办理中"}


def test_activity_export_has_a_totals_row(demo, tmp_path):
    target = tmp_path / "走访.xlsx"
    count = export_activities(demo, target)
    with demo.session() as session:
        activities = len(session.exec(select(Activity.id)).all())
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert count == activities == len(rows) - 2
    assert rows[0][6] == "代表人次" and rows[-1][0] == "合计"
    assert rows[-1][6] == sum(r[6] for r in rows[1:-1])


# --- the commands --------------------------------------------------------------------------------

@pytest.fixture
def demo_copy(demo_file, tmp_path) -> Path | str:
    """The office the commands open while `demo` has it open too: a copy of the file (the window's
    lock), the same database on a server (no lock: several clerks at once)."""
    if isinstance(demo_file, str):
        return demo_file
    copy = tmp_path / "副本 办公室.sqlite"
    shutil.copyfile(demo_file, copy)
    return copy


def test_cli_prints_an_assignment_slip_and_exports(demo_copy, tmp_path, demo):
    opinion = overdue_opinion(demo)
    slip = tmp_path / "输出 文件" / "交办单.pdf"
    result = run_cli("print", "assignment", "--opinion", opinion.serial, "-o", str(slip), "--db", str(demo_copy),
                     "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    assert opinion.serial in pdf_text(slip)
    for what in ("activities", "opinions"):
        target = tmp_path / f"{what}.xlsx"
        exported = run_cli("export", what, str(target), "--db", str(demo_copy))
        assert exported.returncode == 0, exported.stderr
        assert "已导出" in exported.stdout and target.is_file()


def test_cli_prints_the_written_reply_of_a_matter_not_accepted(demo_copy, tmp_path, demo):
    with demo.session() as session:
        rejected = session.exec(select(Opinion).where(Opinion.status == "不予受理")).first()
    target = tmp_path / "不予受理 告知书.pdf"
    result = run_cli("print", "reply-notice", "--opinion", rejected.serial, "-o", str(target), "--db", str(demo_copy))
    assert result.returncode == 0, result.stderr
    assert "不予受理告知书" in "".join(pdf_pages(target)) and rejected.referred_to in "".join(pdf_pages(target))


def test_cli_refuses_bad_input_in_chinese_and_writes_nothing(demo_copy, tmp_path, capsys):
    """In-process (the subprocess path is covered above): the exit code and the message."""
    target = tmp_path / "x.pdf"
    for args, words in (
        (("print", "assignment", "--opinion", "1999-0001", "-o", str(target)), "找不到"),
        (("print", "assignment", "--opinion", "abc", "-o", str(target)), "不是意见编号"),
        (("print", "reply-notice", "--opinion", "1", "-o", str(tmp_path / "x.txt")), ".pdf"),
        (("export", "opinions", str(tmp_path / "x.xlsx"), "--from", "2026-05-01", "--to", "2026-01-01"), "晚于"),
    ):
        code = cli_main([*args, "--db", str(demo_copy)])
        stderr = capsys.readouterr().err
        assert code == 2 and words in stderr, (args, stderr)
    assert not target.exists() and not (tmp_path / "x.xlsx").exists()


def test_cli_lists_overdue_matters_for_a_given_day(demo_copy, capsys):
    assert cli_main(["overdue", "--db", str(demo_copy), "--today", TODAY.isoformat()]) == 0
    stdout = capsys.readouterr().out
    assert stdout.startswith(f"截至 {TODAY.isoformat()}：超期 ") and "\n超期  " in stdout
