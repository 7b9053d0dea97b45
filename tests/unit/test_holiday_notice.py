"""The State Council's notices for 2024–2026, parsed and compared day by day with chinesecalendar."""
import datetime as dt
from pathlib import Path

import chinese_calendar
import pytest

from gridoffice.domain.holiday_notice import NoticeParseError, normalize, parse_holiday_notice

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "holiday_notices"
SIMPLIFIED_TO_TRADITIONAL = str.maketrans("国务办厅关于节庆劳动农历腊周调连", "國務辦廳關於節慶勞動農曆臘週調連")


def notice(year: int) -> str:
    return (FIXTURES / f"{year}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_every_day_of_the_year_agrees_with_chinesecalendar(year):
    parsed = parse_holiday_notice(notice(year))
    assert parsed.year == year
    day = dt.date(year, 1, 1)
    while day.year == year:
        assert parsed.is_workday(day) == chinese_calendar.is_workday(day), day
        day += dt.timedelta(days=1)


def test_the_items_of_2025():
    parsed = parse_holiday_notice(notice(2025))
    assert [(b.name, b.first, b.last, b.workdays) for b in parsed.breaks] == [
        ("元旦", dt.date(2025, 1, 1), dt.date(2025, 1, 1), ()),
        ("春节", dt.date(2025, 1, 28), dt.date(2025, 2, 4), (dt.date(2025, 1, 26), dt.date(2025, 2, 8))),
        ("清明节", dt.date(2025, 4, 4), dt.date(2025, 4, 6), ()),
        ("劳动节", dt.date(2025, 5, 1), dt.date(2025, 5, 5), (dt.date(2025, 4, 27),)),
        ("端午节", dt.date(2025, 5, 31), dt.date(2025, 6, 2), ()),
        ("国庆节、中秋节", dt.date(2025, 10, 1), dt.date(2025, 10, 8), (dt.date(2025, 9, 28), dt.date(2025, 10, 11))),
    ]


def test_the_rest_day_of_2024_s_new_year_s_eve_is_not_a_holiday():
    parsed = parse_holiday_notice(notice(2024))
    assert dt.date(2024, 2, 9) not in parsed.days_off()     # 鼓励……在除夕（2月9日）休息
    assert parsed.days_off()[dt.date(2024, 6, 10)] == "端午节"


def test_a_traditional_reprint_in_half_width_punctuation_reads_the_same():
    text = notice(2026).translate(SIMPLIFIED_TO_TRADITIONAL).replace("（", "(").replace("）", ")").replace("：", ":")
    assert parse_holiday_notice(text) == parse_holiday_notice(notice(2026))


def test_a_wrong_weekday_is_refused_naming_the_day():
    text = notice(2026).replace("5月9日（周六）上班", "5月9日（周日）上班")
    with pytest.raises(NoticeParseError, match="5月9日是星期日，但这一天是星期六"):
        parse_holiday_notice(text)


def test_a_wrong_count_of_days_is_refused():
    text = notice(2025).replace("共8天。1月26日", "共7天。1月26日")
    with pytest.raises(NoticeParseError, match="共7天"):
        parse_holiday_notice(text)


def test_a_text_without_the_title_needs_the_year():
    body = "\n".join(line for line in notice(2026).splitlines() if "、" in line[:3])
    with pytest.raises(NoticeParseError, match="年份"):
        parse_holiday_notice(body)
    assert parse_holiday_notice(body, year=2026) == parse_holiday_notice(notice(2026))


def test_a_range_across_the_new_year_keeps_its_years():
    text = "国务院办公厅关于2023年部分节假日安排的通知\n一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。"
    parsed = parse_holiday_notice(text)
    assert parsed.breaks[0].first == dt.date(2022, 12, 31) and parsed.breaks[0].last == dt.date(2023, 1, 2)


def test_unrelated_text_is_refused():
    with pytest.raises(NoticeParseError, match="没有找到放假安排"):
        parse_holiday_notice("国务院办公厅关于2027年部分节假日安排的通知\n各省、自治区：今天天气很好。")


def test_normalize_makes_punctuation_half_width():
    assert normalize("一、元旦：1月1日（周四）") == "一、元旦:1月1日(周四)"
