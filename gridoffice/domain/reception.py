"""接待日: the reception days of the stations, their rules (三定) and holiday overrides."""
import datetime as dt
from typing import TYPE_CHECKING, Optional

from sqlmodel import Field, Relationship, SQLModel

from .base import Versioned
from . import deputies, stations  # noqa: F401  (the tables its keys and relationships point to)
from .enums import ReceptionStatus, RecurrenceKind

if TYPE_CHECKING:
    from .deputies import Deputy


class ReceptionDutyLink(SQLModel, table=True):
    __tablename__ = "reception_duty"

    reception_day_id: int = Field(foreign_key="reception_day.id", primary_key=True, ondelete="CASCADE")
    deputy_id: int = Field(foreign_key="deputy.id", primary_key=True, ondelete="CASCADE", index=True)


class ReceptionDay(Versioned, table=True):
    __tablename__ = "reception_day"

    id: Optional[int] = Field(default=None, primary_key=True)
    date: dt.date = Field(index=True)
    start_time: dt.time
    end_time: dt.time
    station_id: int = Field(foreign_key="station.id", index=True)
    place: str = Field(default="", max_length=200)
    status: str = Field(default=ReceptionStatus.PLANNED.value, max_length=4)
    residents_received: int = Field(default=0)
    notes: str = Field(default="")

    deputies: list["Deputy"] = Relationship(link_model=ReceptionDutyLink)


class ReceptionPoolLink(SQLModel, table=True):
    __tablename__ = "reception_pool"

    rule_id: int = Field(foreign_key="reception_rule.id", primary_key=True, ondelete="CASCADE")
    deputy_id: int = Field(foreign_key="deputy.id", primary_key=True, ondelete="CASCADE")


class ReceptionRule(Versioned, table=True):
    """A station's 定时/定点/定人 rule.

    NTH_WEEKDAY: the `nth` (1-5, -1 = last) `weekday` (0 = Monday) of each month;
    WEEKLY: every `weekday`; MONTH_DAY: `day_of_month` of the months listed in `months`
    (e.g. "1,3,5,7,9,11" for 每单月15日). `months` empty means every month.
    """
    __tablename__ = "reception_rule"

    id: Optional[int] = Field(default=None, primary_key=True)
    station_id: int = Field(foreign_key="station.id", unique=True)
    recurrence: str = Field(default=RecurrenceKind.NTH_WEEKDAY.value, max_length=20)
    nth: int = Field(default=1)
    weekday: int = Field(default=2)
    day_of_month: int = Field(default=15)
    months: str = Field(default="", max_length=40)
    start_time: dt.time = Field(default=dt.time(9, 0))
    end_time: dt.time = Field(default=dt.time(11, 30))
    place: str = Field(default="", max_length=200)
    deputies_per_day: int = Field(default=2)

    pool: list["Deputy"] = Relationship(link_model=ReceptionPoolLink)


class HolidayOverride(SQLModel, table=True):
    """A day the clerk entered by hand for a year the official calendar does not know yet."""
    __tablename__ = "holiday_override"

    date: dt.date = Field(primary_key=True)
    is_workday: bool = Field(default=False)  # True for a make-up workday (调休)
    name: str = Field(default="", max_length=50)
