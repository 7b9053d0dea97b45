"""Read the State Council's yearly holiday notice (国务院办公厅关于20XX年部分节假日安排的通知).

The clerk pastes the text as published each November; this finds every 放假 range and every
上班 make-up day, and checks the parse against the notice itself: each stated weekday must match
its date, and each 共N天 must equal its range. A text that fails a check is refused, never guessed.

    一、元旦：1月1日放假，与周末连休。                              (2024: a single day)
    二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。
    二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。
"""
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from .errors import FieldError

WEEKDAYS = "一二三四五六日"
# the characters of the notice that reprints write in traditional form
TRADITIONAL = str.maketrans("國務辦廳關於節假慶勞動農曆臘週調連個單區轄屬機構準現將體職帶鼓勵結實號發電",
                            "国务办厅关于节假庆劳动农历腊周调连个单区辖属机构准现将体职带鼓励结实号发电")
NUMERALS = "一二三四五六七八九十"

_DATE = r"(?:(?P<{p}y>\d{{4}})年)?(?:(?P<{p}m>\d{{1,2}})月)?(?P<{p}d>\d{{1,2}})日(?:\((?P<{p}note>[^)]*)\))?"
RANGE = re.compile(_DATE.format(p="a") + r"(?:至" + _DATE.format(p="b") + r")?(?=[^。]*?放假)")
DAY = re.compile(_DATE.format(p="a"))
ITEM = re.compile(rf"^\s*[{NUMERALS}]+、(?P<name>[^:]+):(?P<body>.+)$")
TITLE_YEAR = re.compile(r"关于(\d{4})年部分节假日安排")
TOTAL = re.compile(r"共(\d+)天")


class NoticeParseError(FieldError):
    def __init__(self, message: str):
        super().__init__("notice_text", message)


@dataclass(frozen=True)
class HolidayBreak:
    """One item of the notice: a festival's days off and the weekend days worked for it."""
    name: str
    first: dt.date
    last: dt.date
    workdays: tuple[dt.date, ...] = ()

    @property
    def days(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=n) for n in range((self.last - self.first).days + 1)]


@dataclass(frozen=True)
class HolidayNotice:
    year: int
    breaks: tuple[HolidayBreak, ...]

    def days_off(self) -> dict[dt.date, str]:
        return {day: item.name for item in self.breaks for day in item.days}

    def workdays(self) -> dict[dt.date, str]:
        return {day: item.name for item in self.breaks for day in item.workdays}

    def is_workday(self, day: dt.date) -> bool:
        """As the notice says: a day off is off, a make-up day is worked, weekends are off."""
        if day in self.days_off():
            return False
        return day in self.workdays() or day.weekday() < 5


def normalize(text: str) -> str:
    """Full-width to half-width (（）：，→ ():,), traditional to simplified, no spaces."""
    text = unicodedata.normalize("NFKC", text).translate(TRADITIONAL)
    return re.sub(r"[ \t\u3000]+", "", text)


def parse_holiday_notice(text: str, year: int | None = None) -> HolidayNotice:
    text = normalize(text)
    found_year = TITLE_YEAR.search(text)
    year = int(found_year[1]) if found_year else year
    if year is None:
        raise NoticeParseError("没有找到通知的年份：请把标题（国务院办公厅关于20XX年部分节假日安排的通知）一起粘贴进来。")
    breaks = [_parse_item(match["name"], match["body"], year)
              for line in text.splitlines() if (match := ITEM.match(line))]
    if not breaks:
        raise NoticeParseError("没有找到放假安排：请粘贴通知的全文（含“一、元旦：……”各条）。")
    _check_no_overlap(breaks)
    return HolidayNotice(year, tuple(breaks))


def _parse_item(name: str, body: str, year: int) -> HolidayBreak:
    sentences = [s for s in body.split("。") if s]
    off = next((s for s in sentences if "放假" in s), None)
    if off is None:
        raise NoticeParseError(f"“{name}”一条没有写放假日期。")
    match = RANGE.search(off)
    if match is None or match["am"] is None:
        raise NoticeParseError(f"“{name}”一条的放假日期读不出来：{off}。")
    first = _date(match, "a", year, None, name)
    last = _date(match, "b", year, first, name) if match["bd"] else first
    if last < first:
        raise NoticeParseError(f"“{name}”的放假结束日期早于开始日期。")
    total = TOTAL.search(off)
    if total and int(total[1]) != (last - first).days + 1:
        raise NoticeParseError(f"“{name}”写的是共{total[1]}天，但{first.month}月{first.day}日至{last.month}月{last.day}日"
                               f"是{(last - first).days + 1}天：请核对粘贴的文字。")
    workdays = []
    for sentence in sentences:
        if sentence.endswith("上班") and "放假" not in sentence:
            for day_match in DAY.finditer(sentence):
                if day_match["am"] is None:
                    raise NoticeParseError(f"“{name}”的调休上班日期没有写月份：{sentence}。")
                workdays.append(_date(day_match, "a", year, None, name))
    return HolidayBreak(name, first, last, tuple(workdays))


def _date(match: re.Match, prefix: str, year: int, start: dt.date | None, name: str) -> dt.date:
    """A date of the item; the end of a range takes the start's year and month when it leaves them out."""
    y, m, d, note = (match[prefix + key] for key in ("y", "m", "d", "note"))
    year = int(y) if y else (start.year if start else year)
    month = int(m) if m else start.month
    try:
        day = dt.date(year, month, int(d))
    except ValueError:
        raise NoticeParseError(f"“{name}”一条有不存在的日期：{year}年{month}月{d}日。") from None
    weekday = _stated_weekday(note)
    if weekday is not None and weekday != day.weekday():
        raise NoticeParseError(f"“{name}”一条写{month}月{int(d)}日是星期{WEEKDAYS[weekday]}，"
                               f"但这一天是星期{WEEKDAYS[day.weekday()]}：请核对年份和粘贴的文字。")
    return day


def _stated_weekday(note: str | None) -> int | None:
    """The weekday in brackets (周二, 星期日; after a lunar label such as 农历除夕、周二)."""
    if not note:
        return None
    last = note.split("、")[-1]
    found = re.fullmatch(r"(?:周|星期)([一二三四五六日天])", last)
    if not found:
        return None
    return WEEKDAYS.index(found[1].replace("天", "日"))


def _check_no_overlap(breaks: list[HolidayBreak]) -> None:
    seen: dict[dt.date, str] = {}
    for item in breaks:
        for day in (*item.days, *item.workdays):
            if day in seen and seen[day] != item.name:
                raise NoticeParseError(f"{day.month}月{day.day}日同时出现在“{seen[day]}”和“{item.name}”两条里。")
            seen[day] = item.name
