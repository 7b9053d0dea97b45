"""What goes on the wall: the 接待日公告 (one large A4 page) and the month's 值班表, read back as text."""
import datetime as dt
import shutil

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlmodel import select

from gridoffice.db import Database
from gridoffice.domain import Deputy, ReceptionDay, Station
from gridoffice.domain.rules import level_label
from gridoffice.services.common.lookups import find_station
from gridoffice.services.reception.days import list_month
from gridoffice.services.reception.duty import EmptyRosterError, load_duty_roster, roster_file_name
from gridoffice.services.reception.notice import (DEFAULT_NOTICE_TITLE, NoticeInputError, NoticeSettings,
                                                  late_notice_warning, load_notices, month_notice_day_ids,
                                                  notice_day_ids, notices_file_name, past_notice_refusal,
                                                  read_notice_settings, read_station_contacts, save_notice_settings,
                                                  save_station_contacts, upcoming_notice_days)
from gridoffice.services.reception.pdf import duty_roster, notice_lines, write_notices_pdf
from tests.paper_checks import assert_posted_paper, pdf_lines, pdf_pages

TODAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def office(demo_module):
    return demo_module


def deputies_of(db: Database, day_id: int) -> list[Deputy]:
    with db.session() as session:
        return sorted(session.get(ReceptionDay, day_id).deputies, key=lambda d: d.id)


def test_the_notice_carries_every_fact_a_resident_needs(office, tmp_path):
    centre = find_station(office, "中心站")
    demo_contact = read_station_contacts(office)[centre.id]      # the demo gives every station one
    save_station_contacts(office, {centre.id: "王丽萍"})
    assert read_station_contacts(office)[centre.id] == "王丽萍"
    [day_id] = notice_day_ids(office, dt.date(2026, 12, 2), centre.id)
    [notice] = load_notices(office, [day_id])
    with office.session() as session:
        station = session.get(Station, centre.id)
    target = write_notices_pdf(tmp_path / "公告 一份.pdf", [notice], issued_on=TODAY)
    [flat] = pdf_pages(target)
    assert DEFAULT_NOTICE_TITLE in flat
    assert f"{station.name}定于2026年12月2日（星期三）上午09:00—11:30" in flat     # the full name as subject
    assert "代表接待室（三楼308室）" in flat and station.address in flat
    for deputy in deputies_of(office, day_id):
        assert deputy.name in flat and level_label(deputy.levels) in flat
        assert deputy.work_unit in flat and deputy.post in flat
        assert deputy.mobile not in flat   # no phone numbers of deputies on a public notice
    assert "反映内容" in flat and "涉及诉讼、仲裁" in flat
    assert "联系人：王丽萍" in flat and f"联系电话：{station.phone}" in flat and "预约" in flat
    assert f"锦塘街道人大工委热线：{notice.hotline}" in flat
    assert "注意事项" in flat and "依法有序" in flat and "推选代表" in flat
    assert flat.endswith("锦塘街道人大工委2026年11月20日")      # issuer and date at the foot
    assert "照片" in flat            # a tidy placeholder where a deputy has no photo
    assert "第1页" not in flat      # a wall notice has no page footer
    assert_posted_paper(target)
    assert notice_lines(notice)[1] == "一、接待时间：2026年12月2日（星期三）上午 09:00—11:30"
    assert notices_file_name([notice]) == "接待日公告-20261202-中心站.pdf"
    save_station_contacts(office, {centre.id: ""})
    assert centre.id not in read_station_contacts(office)
    save_station_contacts(office, {centre.id: demo_contact})


def test_a_specialised_station_is_named_in_full_and_a_station_without_phone_or_contact_points_to_the_hotline(
        office, tmp_path):
    law = find_station(office, "法律服务")
    day = next(r for r in list_month(office, 2026, 12, law.id))
    demo_contact = read_station_contacts(office)[law.id]
    save_station_contacts(office, {law.id: ""})
    with office.session() as session:
        station = session.get(Station, law.id)
        phone, station.phone = station.phone, ""
    [notice] = load_notices(office, [day.id])
    with office.session() as session:
        session.get(Station, law.id).phone = phone
    save_station_contacts(office, {law.id: demo_contact})
    flat = pdf_pages(write_notices_pdf(tmp_path / "专业站.pdf", [notice], issued_on=TODAY))[0]
    assert f"{law.name}定于" in flat and "法律服务专业定于" not in flat
    assert "联系人" not in flat and "联系电话" not in flat and notice.hotline in flat


def test_a_notice_for_a_day_already_past_is_refused(office, tmp_path):
    [day_id] = notice_day_ids(office, dt.date(2026, 12, 2), find_station(office, "中心站").id)
    notices = load_notices(office, [day_id])
    target = tmp_path / "过期.pdf"
    with pytest.raises(NoticeInputError) as error:
        write_notices_pdf(target, notices, issued_on=dt.date(2026, 12, 3))
    assert str(error.value) == past_notice_refusal([dt.date(2026, 12, 2)], dt.date(2026, 12, 3))
    assert "2026年12月2日已经过去，不能再打印接待日公告" in str(error.value)
    assert not target.exists() and not list(tmp_path.iterdir())
    assert past_notice_refusal([dt.date(2026, 12, 2)], dt.date(2026, 12, 2)) == ""   # the day itself may print


def test_settings_change_the_title_topics_and_add_a_qr_code(office, tmp_path):
    with pytest.raises(NoticeInputError, match="标题") as error:
        save_notice_settings(office, NoticeSettings("", "", ""))
    assert error.value.field == "title"
    with pytest.raises(NoticeInputError) as error:
        save_notice_settings(office, NoticeSettings("标题", "", "x" * 501))
    assert error.value.field == "qr_text"
    with pytest.raises(NoticeInputError) as error:
        save_station_contacts(office, {1: "长" * 21})
    assert error.value.field == "contacts"
    save_notice_settings(office, NoticeSettings("代表接待日通知", "小区停车和加装电梯。", "https://example.org/预约"))
    assert read_notice_settings(office).qr_text == "https://example.org/预约"
    notices = load_notices(office, notice_day_ids(office, dt.date(2026, 12, 2)))
    target = write_notices_pdf(tmp_path / "公告 二维码.pdf", notices, issued_on=TODAY)
    flat = pdf_pages(target)[0]
    assert "代表接待日通知" in flat and "小区停车和加装电梯。" in flat and "扫码了解更多" in flat
    assert flat.endswith("锦塘街道人大工委2026年11月20日")
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
    assert "照片" in pdf_pages(target)[0]    # the other deputy's placeholder
    shutil.rmtree(folder)


def test_a_month_of_notices_prints_one_page_each(office, tmp_path):
    day_ids = month_notice_day_ids(office, 2026, 12, today=TODAY)
    rows = [r for r in list_month(office, 2026, 12, None) if r.status == "计划"]
    notices = load_notices(office, day_ids)
    assert len(day_ids) == len(rows) >= 8
    assert notices_file_name(notices) == f"接待日公告-2026年12月-{len(rows)}份.pdf"
    assert [r.id for r in upcoming_notice_days(office, TODAY) if r.date.month == 12] == day_ids
    target = write_notices_pdf(tmp_path / "十二月 公告.pdf", notices, issued_on=TODAY)
    pages = pdf_pages(target)
    assert len(pages) == len(rows)
    for flat, row in zip(pages, rows):
        assert f"{row.station}定于{row.date.year}年{row.date.month}月{row.date.day}日" in flat
        assert all(name in flat for name in row.deputy_names)
    assert_posted_paper(target)
    # days before today are not posted any more
    assert len(month_notice_day_ids(office, 2026, 12, today=dt.date(2026, 12, 20))) < len(day_ids)
    with pytest.raises(NoticeInputError):
        write_notices_pdf(tmp_path / "空.pdf", [], issued_on=TODAY)


def test_a_notice_less_than_three_days_ahead_is_warned():
    assert late_notice_warning([dt.date(2026, 12, 2)], TODAY) == ""
    warning = late_notice_warning([dt.date(2026, 11, 22), dt.date(2026, 12, 2)], TODAY)
    assert "2026年11月22日" in warning and "12月2日" not in warning and "3 天" in warning


def test_the_duty_roster_gives_each_stations_address_phone_and_each_deputys_unit_and_post(office, tmp_path):
    centre = find_station(office, "中心站")
    contacts = read_station_contacts(office)
    rows = list_month(office, 2026, 12, None)
    target = duty_roster(office, tmp_path / "值班表 全部.pdf", year=2026, month=12, station_id=None, today=TODAY)
    pages = pdf_pages(target)
    text = "".join(pages)
    assert "锦塘街道人大工委2026年12月人大代表接待选民值班表" in text and "全部联络站" in text
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页，共{len(pages)}页" in page      # every page numbered
    with office.session() as session:
        stations = {s.id: s for s in session.exec(select(Station))}
    for row in rows:
        station = stations[row.station_id]
        assert station.name in text and station.address in text and f"电话：{station.phone}" in text
        assert f"{row.date.month}月{row.date.day}日" in text
        for deputy in deputies_of(office, row.id):
            assert f"{deputy.name}（{level_label(deputy.levels)}）" in text
            assert deputy.work_unit in text and deputy.post in text
    assert all(f"联系人：{contacts[row.station_id]}" in text for row in rows)
    assert text.endswith(f"锦塘街道人大工委2026年11月20日第{len(pages)}页，共{len(pages)}页")   # the issuer at the foot
    assert_posted_paper(target)
    assert centre.name in text


def test_the_duty_roster_of_one_station_named_by_its_short_name(office, tmp_path):
    centre = find_station(office, "中心站")
    roster = load_duty_roster(office, 2026, 12, centre.id)
    assert roster_file_name(roster) == "值班表-2026年12月-中心站.pdf"
    target = duty_roster(office, tmp_path / "值班表 中心站.pdf", year=2026, month=12, station_id=centre.id,
                         today=TODAY)
    single = "".join(pdf_pages(target))
    assert centre.name in single and "西园片区代表联络站" not in single and "第1页，共1页" in single


def test_brackets_never_end_a_line_of_the_roster(office, tmp_path):
    """A remark like 遇节假日顺延（原定2027年1月1日） in a narrow column, and names with levels."""
    rows = [r for r in list_month(office, 2027, 1, None) if r.status == "计划"]
    moved = [r for r in rows if "原定" in r.notes]
    assert moved    # the demo has a reception moved past 元旦
    with office.session() as session:
        for row in rows:
            session.get(ReceptionDay, row.id).notes = "遇节假日顺延（原定2027年1月1日），请相互转告（区）"
    target = duty_roster(office, tmp_path / "值班表 一月.pdf", year=2027, month=1, station_id=None, today=TODAY)
    lines = pdf_lines(target)
    assert_posted_paper(target)
    assert not [(a, b) for a, b in zip(lines, lines[1:]) if a.endswith("2027年1") and b.startswith("月")]
    assert "".join(lines).count("遇节假日顺延（原定2027年1月1日）") == len(rows)


def test_an_empty_month_writes_nothing(office, tmp_path):
    target = tmp_path / "值班表 空.pdf"
    with pytest.raises(EmptyRosterError, match="2030年1月各联络站没有安排接待日"):
        duty_roster(office, target, year=2030, month=1, station_id=None, today=TODAY)
    centre = find_station(office, "中心站")
    with pytest.raises(EmptyRosterError, match=centre.name):
        duty_roster(office, target, year=2030, month=1, station_id=centre.id, today=TODAY)
    assert not list(tmp_path.iterdir())
