"""The period a statistic covers (a year, a quarter, a month, any range) and the part of the office
it covers (the whole office, one station or one community), named as the office writes them.

    period = Period.quarter(2026, 3)     # 2026年第三季度: 2026-07-01 … 2026-09-30
    scope = Scope.station(3, "西园片区")
"""
import datetime as dt
from dataclasses import dataclass

from gridoffice.domain.errors import FieldError

QUARTER_NAMES = ("第一季度", "第二季度", "第三季度", "第四季度")


class PeriodError(FieldError):
    """A period that cannot be counted (the end before the start, a year out of range)."""


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + (month == 12), 1 if month == 12 else month + 1, 1)
    return following - dt.timedelta(days=1)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    def __post_init__(self):
        if self.end < self.start:
            raise PeriodError("end", f"结束日期（{self.end:%Y-%m-%d}）早于开始日期（{self.start:%Y-%m-%d}）。")

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> "Period":
        if not 1 <= quarter <= 4:
            raise PeriodError("quarter", "季度应为 1 到 4。")
        first = 3 * quarter - 2
        return cls(dt.date(year, first, 1), _month_end(year, first + 2))

    @classmethod
    def month(cls, year: int, month: int) -> "Period":
        if not 1 <= month <= 12:
            raise PeriodError("month", "月份应为 1 到 12。")
        return cls(dt.date(year, month, 1), _month_end(year, month))

    # --- what it is -------------------------------------------------------------------------------
    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def is_year(self) -> bool:
        return self.start == dt.date(self.start.year, 1, 1) and self.end == dt.date(self.start.year, 12, 31)

    @property
    def quarter_number(self) -> int | None:
        """1–4 when the period is exactly a calendar quarter."""
        if self.start.day != 1 or self.start.month % 3 != 1 or self.start.year != self.end.year:
            return None
        quarter = (self.start.month + 2) // 3
        return quarter if self.end == Period.quarter(self.start.year, quarter).end else None

    @property
    def is_month(self) -> bool:
        return self.start.day == 1 and self.end == _month_end(self.start.year, self.start.month)

    @property
    def within_one_year(self) -> bool:
        return self.start.year == self.end.year

    def label(self) -> str:
        """2026年, 2026年第三季度, 2026年3月, 2026年3月5日至6月30日."""
        if self.is_year:
            return f"{self.start.year}年"
        quarter = self.quarter_number
        if quarter:
            return f"{self.start.year}年{QUARTER_NAMES[quarter - 1]}"
        if self.is_month:
            return f"{self.start.year}年{self.start.month}月"
        if self.within_one_year:
            return f"{self.start.year}年{self.start.month}月{self.start.day}日至{self.end.month}月{self.end.day}日"
        return (f"{self.start.year}年{self.start.month}月{self.start.day}日至"
                f"{self.end.year}年{self.end.month}月{self.end.day}日")

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every month the period touches, in order."""
        result, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            result.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result

    def year_before(self) -> "Period":
        """The same period a year earlier (29 February becomes the 28th)."""
        def back(day: dt.date) -> dt.date:
            try:
                return day.replace(year=day.year - 1)
            except ValueError:
                return day.replace(year=day.year - 1, day=28)
        end = _month_end(self.end.year - 1, self.end.month) if self.end == _month_end(self.end.year, self.end.month) \
            else back(self.end)
        return Period(back(self.start), end)

    def as_json(self) -> dict:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "label": self.label()}


@dataclass(frozen=True)
class Scope:
    """The whole office, or one station (联络站) or one community (社区/村)."""
    station_id: int | None = None
    community_id: int | None = None
    name: str = ""

    @classmethod
    def station(cls, station_id: int, name: str) -> "Scope":
        return cls(station_id=station_id, name=name)

    @classmethod
    def community(cls, community_id: int, name: str) -> "Scope":
        return cls(community_id=community_id, name=name)

    @property
    def is_whole(self) -> bool:
        return self.station_id is None and self.community_id is None

    def label(self, office: str = "全街道") -> str:
        return self.name if not self.is_whole else office

    def as_json(self) -> dict:
        kind = "station" if self.station_id else "community" if self.community_id else "office"
        return {"kind": kind, "id": self.station_id or self.community_id, "name": self.name}


WHOLE_OFFICE = Scope()
