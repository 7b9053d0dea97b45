"""Next year's holidays from the State Council's own text: pasted (or a file), parsed, saved in one
transaction as the year's entries, and then followed by the scheduler. 2027's notice is not out yet:
the fixture 2027-invented.txt is a made-up text in the real notices' format."""
import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import select

from gridoffice.cli import main as cli_main
from gridoffice.db import Database
from gridoffice.domain import HolidayOverride
from gridoffice.domain.holiday_notice import NoticeParseError
from gridoffice.services.reception.holidays import (OVERRIDE, PROBABLE, HolidayInputError, import_holiday_notice,
                                                    list_overrides, load_calendar, read_holiday_notice,
                                                    save_holiday_range)
from gridoffice.services.reception.schedule import generate_plan, month_range

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "holiday_notices"
INVENTED_2027 = FIXTURES / "2027-invented.txt"
TODAY = dt.date(2026, 11, 20)
D = dt.date


def invented() -> str:
    return INVENTED_2027.read_text(encoding="utf-8")


@pytest.fixture
def office(demo_file):
    database = Database.open(demo_file)
    yield database
    database.close()


def test_the_invented_notice_says_it_is_invented_and_parses():
    text = invented()
    assert "虚构" in text
    notice = read_holiday_notice(text)
    assert notice.year == 2027 and len(notice.breaks) == 7
    assert notice.days_off()[D(2027, 2, 4)] == "春节" and notice.workdays()[D(2027, 1, 31)] == "春节"


def test_paste_save_schedule_for_2027(office):
    start, end = month_range(D(2027, 2, 1), 1)
    before = generate_plan(office, start, end)
    assert any("2027年2月9日至12日（春节）" in w for w in before.warnings)          # the days affected, named
    moved = [w for w in before.warnings if "可能放假（春节）" in w]
    assert moved and all("已顺延到2027年2月15日" in w for w in moved)
    assert not {d.date for d in before.days} & {D(2027, 2, d) for d in range(9, 13)}
    assert load_calendar(office).info(D(2027, 2, 10)).source == PROBABLE

    save_holiday_range(office, D(2027, 3, 3), D(2027, 3, 3), "手工录入的一天")     # replaced by the import
    result = import_holiday_notice(office, read_holiday_notice(invented()), today=TODAY)
    assert (result.year, result.days_off, result.workdays, result.replaced) == (2027, 29, 5, 1)
    with office.session() as session:
        rows = {row.date: row for row in session.exec(select(HolidayOverride))}
    assert D(2027, 3, 3) not in rows
    assert not rows[D(2027, 2, 4)].is_workday and rows[D(2027, 2, 4)].name == "春节"
    assert rows[D(2027, 2, 20)].is_workday and rows[D(2027, 2, 20)].name == "春节调休上班"

    calendar = load_calendar(office)
    assert calendar.year_known(2027) and calendar.warnings(D(2027, 1, 1), D(2027, 12, 31)) == []
    assert calendar.info(D(2027, 2, 4)).source == OVERRIDE and calendar.info(D(2027, 2, 15)).is_workday
    assert calendar.info(D(2027, 1, 31)).badge == "班"
    assert calendar.info(D(2027, 3, 10)).source == "ordinary"
    after = generate_plan(office, start, end)
    assert not [w for w in after.warnings if "2027" in w and ("放假安排" in w or "可能放假" in w)]
    off = set(read_holiday_notice(invented()).days_off())
    assert after.days and not {d.date for d in after.days} & off
    assert all(calendar.is_workday(d.date) for d in after.days)

    # importing again replaces the year's entries, in one go
    again = import_holiday_notice(office, read_holiday_notice(invented()), today=TODAY)
    assert again.replaced == 34 and len(list_overrides(office, 2027)) == 34


def test_the_month_view_names_planned_days_left_on_a_probable_holiday(office):
    from gridoffice.domain import ReceptionDay
    from gridoffice.services.reception.days import list_month, month_view

    row = next(r for r in list_month(office, 2027, 2, None) if r.status == "计划")
    with office.session() as session:
        session.get(ReceptionDay, row.id).date = D(2027, 2, 10)
    warning = month_view(office, 2027, 2).warning
    assert "2027年2月9日至12日（春节）" in warning and f"2月10日{row.station_short}" in warning


def test_a_year_the_calendar_knows_is_refused_unless_replacing(office):
    notice = read_holiday_notice((FIXTURES / "2026.txt").read_text(encoding="utf-8"))
    with pytest.raises(HolidayInputError, match="2026 年的放假安排程序已经内置"):
        import_holiday_notice(office, notice, today=TODAY)
    assert list_overrides(office, 2026) == []
    assert import_holiday_notice(office, notice, today=TODAY, replace_official=True).days_off == 33


def test_a_bad_text_is_refused_with_the_parsers_sentence():
    with pytest.raises(NoticeParseError, match="5月8日是星期日"):
        read_holiday_notice(invented().replace("5月8日（周六）上班", "5月8日（周日）上班"))


def test_the_command_imports_a_file_and_refuses_bad_ones(demo_file, tmp_path, capsys):
    def run(*args: str) -> tuple[int, str, str]:
        code = cli_main(["--db", str(demo_file), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    code, out, err = run("holidays", "import", str(INVENTED_2027))
    assert code == 0, err
    assert "已导入 2027 年放假安排：放假 29 天，调休上班 5 天" in out and "春节：2月4日至12日放假；1月31日、2月20日上班" in out
    gbk = tmp_path / "通知 GBK.txt"
    gbk.write_bytes("\n".join(line for line in invented().splitlines() if "、" in line[:3]).encode("gb18030"))
    code, out, err = run("holidays", "import", str(gbk))
    assert code == 2 and "没有找到通知的年份" in err
    code, out, err = run("holidays", "import", str(gbk), "--year", "2027")
    assert code == 0 and "替换了该年原有的 34 条录入" in out, err
    bad = tmp_path / "坏.txt"
    bad.write_text(invented().replace("共9天", "共8天"), encoding="utf-8")
    code, out, err = run("holidays", "import", str(bad))
    assert code == 2 and "共8天" in err
    code, out, err = run("holidays", "import", str(FIXTURES / "2026.txt"))
    assert code == 2 and "已经内置" in err
    code, out, err = run("holidays", "import", str(tmp_path / "没有这个文件.txt"))
    assert code == 2 and "无法读取文件" in err
