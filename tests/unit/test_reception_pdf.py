"""What goes on the wall: the 接待日公告 (one large A4 page) and the month's 值班表."""
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from gridoffice.db import Database
from gridoffice.domain import Deputy
from gridoffice.services.common.lookups import find_station
from gridoffice.services.demo.build import build_demo
from gridoffice.services.reception.days import list_month
from gridoffice.services.reception.notice import (DEFAULT_NOTICE_TITLE, NoticeInputError, NoticeSettings,
                                                  late_notice_warning, load_notices, month_notice_day_ids,
                                                  notice_day_ids, notices_file_name, read_notice_settings,
                                                  save_notice_settings, upcoming_notice_days)
from gridoffice.services.reception.pdf import duty_roster, notice_lines, write_notices_pdf

TODAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    folder = tmp_path_factory.mktemp("公告 测试")
    path = folder / "演示 办公室.sqlite"
    with Database.open(path) as db:
        build_demo(db, today=TODAY)
    database = Database.open(path)
    yield database
    database.close()


def pdf_pages(path: Path) -> list[str]:
    """Each page's text without white space (line breaks fall anywhere in Chinese text)."""
    return [re.sub(r"\s", "", page.extract_text()) for page in PdfReader(path).pages]


def test_the_notice_holds_date_time_place_deputies_and_hotline(office, tmp_path):
    centre = find_station(office, "中心站")
    [day_id] = notice_day_ids(office, dt.date(2026, 12, 2), centre.id)
    [notice] = load_notices(office, [day_id])
    with office.session() as session:
        deputies = [session.get(Deputy, i) for i in list_month(office, 2026, 12, centre.id)[0].deputy_ids]
    target = write_notices_pdf(tmp_path / "公告 一份.pdf", [notice], issued_on=TODAY)
    [flat] = pdf_pages(target)
    assert DEFAULT_NOTICE_TITLE in flat
    assert "2026年12月2日（星期三）" in flat and "09:00—11:30" in flat
    assert notice.place in flat and "凤凰路155号" in flat
    for deputy in deputies:
        assert deputy.name in flat and deputy.work_unit[:6] in flat
        assert deputy.mobile not in flat   # no phone numbers of deputies on a public notice
    assert "人大代表" in flat and notice.hotline in flat and "锦塘街道人大工委" in flat and "2026年11月20日" in flat
    assert "第1页" not in flat      # a wall notice has no page footer
    assert notice_lines(notice)[1] == "接待时间：2026年12月2日（星期三）上午 09:00—11:30"
    assert notices_file_name([notice]) == "接待日公告-20261202-中心站.pdf"


def test_settings_change_the_title_topics_and_add_a_qr_code(office, tmp_path):
    with pytest.raises(NoticeInputError, match="标题") as error:
        save_notice_settings(office, NoticeSettings("", "", ""))
    assert error.value.field == "title"
    with pytest.raises(NoticeInputError) as error:
        save_notice_settings(office, NoticeSettings("标题", "", "x" * 501))
    assert error.value.field == "qr_text"
    save_notice_settings(office, NoticeSettings("代表接待日通知", "小区停车和加装电梯。", "https://example.org/预约"))
    assert read_notice_settings(office).qr_text == "https://example.org/预约"
    notices = load_notices(office, notice_day_ids(office, dt.date(2026, 12, 2)))
    target = write_notices_pdf(tmp_path / "公告 二维码.pdf", notices, issued_on=TODAY)
    flat = pdf_pages(target)[0]
    assert "代表接待日通知" in flat and "小区停车和加装电梯。" in flat and "扫码了解更多" in flat
    save_notice_settings(office, NoticeSettings(DEFAULT_NOTICE_TITLE, "", ""))
    assert read_notice_settings(office).topics  # empty topics fall back to the default text


def test_photos_are_printed_where_deputies_have_one(office, tmp_path):
    [day_id] = notice_day_ids(office, dt.date(2026, 12, 2))
    deputy_id = list_month(office, 2026, 12, None)[0].deputy_ids[0]
    folder = office.attachments_dir / "代表照片"
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (300, 400), (200, 120, 90)).save(folder / "照片 1.jpg")
    with office.session() as session:
        session.get(Deputy, deputy_id).photo_file = "代表照片/照片 1.jpg"
    [notice] = load_notices(office, [day_id])
    with office.session() as session:
        session.get(Deputy, deputy_id).photo_file = ""
    assert notice.deputies[0].photo is not None and notice.deputies[1].photo is None
    target = write_notices_pdf(tmp_path / "公告 照片.pdf", [notice], issued_on=TODAY)
    reader = PdfReader(target)
    assert len(reader.pages) == 1 and len(reader.pages[0].images) == 1
    shutil.rmtree(folder)


def test_a_month_of_notices_prints_one_page_each(office, tmp_path):
    day_ids = month_notice_day_ids(office, 2026, 12, today=TODAY)
    rows = [r for r in list_month(office, 2026, 12, None) if r.status == "计划"]
    notices = load_notices(office, day_ids)
    assert len(day_ids) == len(rows) >= 8
    assert notices_file_name(notices) == f"接待日公告-2026年12月-{len(rows)}份.pdf"
    assert [r.id for r in upcoming_notice_days(office, TODAY) if r.date.month == 12] == day_ids
    pages = pdf_pages(write_notices_pdf(tmp_path / "十二月 公告.pdf", notices, issued_on=TODAY))
    assert len(pages) == len(rows)
    for flat, row in zip(pages, rows):
        assert f"{row.date.year}年{row.date.month}月{row.date.day}日" in flat
        assert all(name in flat for name in row.deputy_names)
    # days before today are not posted any more
    assert len(month_notice_day_ids(office, 2026, 12, today=dt.date(2026, 12, 20))) < len(day_ids)
    with pytest.raises(NoticeInputError):
        write_notices_pdf(tmp_path / "空.pdf", [], issued_on=TODAY)


def test_a_notice_less_than_three_days_ahead_is_warned():
    assert late_notice_warning([dt.date(2026, 12, 2)], TODAY) == ""
    warning = late_notice_warning([dt.date(2026, 11, 22), dt.date(2026, 12, 2)], TODAY)
    assert "2026年11月22日" in warning and "12月2日" not in warning and "3 天" in warning


def test_the_duty_roster_for_all_stations_and_for_one(office, tmp_path):
    rows = list_month(office, 2026, 12, None)
    every = duty_roster(office, tmp_path / "值班表 全部.pdf", year=2026, month=12, station_id=None, today=TODAY)
    centre = find_station(office, "中心站")
    one = duty_roster(office, tmp_path / "值班表 中心站.pdf", year=2026, month=12, station_id=centre.id, today=TODAY)
    empty = duty_roster(office, tmp_path / "值班表 空.pdf", year=2030, month=1, station_id=None, today=TODAY)
    text = "".join(pdf_pages(every))
    assert "锦塘街道人大工委2026年12月人大代表接待选民值班表" in text and "第1页，共1页" in text
    assert "联络站：全部" in text and "星期三" in text
    for row in rows:
        assert f"{row.date.month}月{row.date.day}日" in text and row.station_short in text
        assert row.deputies.split("、")[0] in text   # names with their levels
    single = "".join(pdf_pages(one))
    assert f"联络站：{centre.name}" in single and "西园片区" not in single
    assert "本月没有安排接待日" in "".join(pdf_pages(empty))
