"""Every export opens cleanly in Excel, WPS and LibreOffice: phones and codes as text, real date
and time cells, an autofilter, print settings, formula-like text kept as text with the quote
prefix, and text too long for a cell refused rather than cut."""
import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from gridoffice.cli import main
from gridoffice.db import Database
from gridoffice.domain import Grid, ReceptionDay, Station
from gridoffice.services.activities.excel import export_activities
from gridoffice.services.common.excel_io import CellTooLongError, write_sheet
from gridoffice.services.opinions.excel import export_opinions
from gridoffice.services.reception.excel import export_reception
from gridoffice.services.roster.deputies import DeputyData, create_deputy
from gridoffice.services.roster.excel import HEADERS, export_deputies, import_deputies, write_template
from gridoffice.services.roster.rows import list_deputies
from tests.conftest import DEMO_TODAY
from tests.roster_fixtures import FIRST_STATION, TODAY, build_small_office, ids


@pytest.fixture
def demo(demo_file):
    with Database.open(demo_file) as db:
        yield db


def column(sheet, header: str) -> list:
    """The cells of the column headed `header`, below the header."""
    index = [c.value for c in sheet[1]].index(header)
    return [row[index] for row in sheet.iter_rows(min_row=2)]


def check_layout(sheet, *, landscape: bool) -> None:
    """What every export has: frozen bold header with a filter, printed fitted to the page width."""
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == ("landscape" if landscape else "portrait")
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.page_setup.paperSize == 9     # A4
    assert all(cell.font.b for cell in sheet[1])


def test_the_roster_export_has_text_phones_month_cells_and_prints_landscape(db, tmp_path):
    build_small_office(db)
    stations, grids = ids(db, Station, "name"), ids(db, Grid, "code")
    create_deputy(db, DeputyData(name="刘䶮", levels="区", mobile="13900001111", office_phone="0395-1234567",
                                 birth_month="1975-10", work_unit="=律师事务所", station_id=stations[FIRST_STATION],
                                 grid_ids=[grids["DC-01-01"]]), today=TODAY)
    path = export_deputies(tmp_path / "名册.xlsx", list_deputies(db), full_phone=True)
    sheet = load_workbook(path).active
    check_layout(sheet, landscape=True)
    assert load_workbook(path, read_only=True).active.calculate_dimension() == "A1:N2"   # the dimension is recorded
    assert tuple(c.value for c in sheet[1]) == HEADERS
    mobile, office, month, unit, grid = (column(sheet, h)[0] for h in ("手机", "办公电话", "出生年月", "工作单位及职务", "所在网格"))
    assert (mobile.value, mobile.data_type, mobile.number_format) == ("13900001111", "s", "@")
    assert (office.value, office.number_format, grid.value, grid.number_format) == ("0395-1234567", "@", "DC-01-01", "@")
    assert (month.value, month.number_format) == (dt.datetime(1975, 10, 1), "yyyy-mm")   # a real date, shown 1975-10
    assert (unit.value, unit.data_type, unit.quotePrefix) == ("=律师事务所", "s", True)
    assert sheet.column_dimensions["I"].number_format == "@"     # numbers typed below the list stay text too

    # the export reads back as it was written: the month cell as 1975-10, the quoted text without an apostrophe
    result = import_deputies(db, path, today=TODAY, on_duplicate="update")
    assert (result.added, result.updated, result.unchanged) == (0, 0, 1)


def test_the_template_has_text_phone_columns_and_instructions(tmp_path):
    workbook = load_workbook(write_template(tmp_path / "模板.xlsx"))
    sheet, notes = workbook.worksheets
    assert tuple(c.value for c in sheet[1]) == HEADERS and sheet.max_row == 1
    assert sheet.column_dimensions["I"].number_format == "@" and sheet.column_dimensions["J"].number_format == "@"
    assert notes.title == "填写说明" and notes["A2"].value == "姓名" and notes["B2"].alignment.wrap_text


def test_the_reception_export_has_real_date_and_time_cells(demo, tmp_path):
    count = export_reception(demo, tmp_path / "接待.xlsx")
    sheet = load_workbook(tmp_path / "接待.xlsx").active
    check_layout(sheet, landscape=True)
    dates, starts, ends = column(sheet, "日期"), column(sheet, "开始时间"), column(sheet, "结束时间")
    assert len(dates) == count > 0
    assert all(isinstance(c.value, dt.datetime) and c.number_format == "yyyy-mm-dd" for c in dates)
    assert all(isinstance(c.value, dt.time) and c.number_format == "hh:mm" for c in starts + ends)
    with demo.session() as session:
        first = session.exec(select(ReceptionDay).order_by(ReceptionDay.date, ReceptionDay.id)).first()
    assert (dates[0].value.date(), starts[0].value) == (first.date, first.start_time)


def test_the_opinion_and_activity_exports_have_date_cells_and_text_codes(demo, tmp_path):
    export_opinions(demo, tmp_path / "意见.xlsx", today=DEMO_TODAY, with_contact=True)
    export_activities(demo, tmp_path / "走访.xlsx")
    opinions = load_workbook(tmp_path / "意见.xlsx").active
    check_layout(opinions, landscape=True)
    serial, received, phone = column(opinions, "编号")[0], column(opinions, "登记日期")[0], column(opinions, "联系电话")[0]
    assert serial.number_format == "@" and phone.number_format == "@" and isinstance(phone.value, str)
    assert isinstance(received.value, dt.datetime) and received.number_format == "yyyy-mm-dd"
    activities = load_workbook(tmp_path / "走访.xlsx").active
    check_layout(activities, landscape=True)
    dates = column(activities, "日期")
    assert all(isinstance(c.value, dt.datetime) for c in dates[:-1]) and dates[-1].value == "合计"


def test_text_longer_than_a_cell_holds_is_refused_naming_the_cells_and_nothing_is_written(tmp_path):
    long_text = "情况说明" * 8200             # 32,800 characters
    rare = "𠀾" * 16_400                       # 16,400 characters but 32,800 UTF-16 units, as Excel counts
    target = tmp_path / "意见.xlsx"
    with pytest.raises(CellTooLongError) as caught:
        write_sheet(target, title="意见", headers=["编号", "内容"],
                    rows=[["2026-0001", "短"], ["2026-0002", long_text], ["2026-0003", rare]])
    assert caught.value.cells == ["第 3 行（编号：2026-0002）“内容”有 32,800 字", "第 4 行（编号：2026-0003）“内容”有 32,800 字"]
    assert str(caught.value).startswith("有 2 处文字超过了 Excel 一个单元格最多能存的 32,767 字，为免内容被截断，没有导出：")
    assert list(tmp_path.iterdir()) == []
    write_sheet(target, title="意见", headers=["编号", "内容"], rows=[["2026-0004", "情" * 32_767]])
    assert len(load_workbook(target).active["B2"].value) == 32_767


def test_the_command_line_reports_a_refused_export_in_chinese(demo, tmp_path, capsys):
    with demo.session() as session:
        day = session.exec(select(ReceptionDay)).first()
        day.notes = "很长的备注" * 7000
        session.add(day)
    path = str(demo.location)
    demo.close()
    code = main(["export", "reception", str(tmp_path / "接待.xlsx"), "--db", path])
    out, err = capsys.readouterr()
    assert code == 2 and "“备注”有 35,000 字" in err and "Traceback" not in err
    assert not (tmp_path / "接待.xlsx").exists()


def test_the_grid_export_has_text_codes_and_phones(demo, tmp_path):
    from gridoffice.services.grids.excel import export_grids

    count = export_grids(demo, tmp_path / "网格.xlsx")
    sheet = load_workbook(tmp_path / "网格.xlsx").active
    check_layout(sheet, landscape=True)
    codes, phones = column(sheet, "网格编号"), column(sheet, "网格员电话")
    assert len(codes) == count > 0
    assert all(c.number_format == "@" and isinstance(c.value, str) for c in codes)
    assert all(c.number_format == "@" for c in phones if c.value)
