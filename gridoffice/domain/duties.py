"""Grid duties besides the reception day: 网格巡查, 护学岗, 板凳议事会, 以案说法… Each duty (a post) has
a recurrence and a pool of deputies and other people; its shifts are planned by a fair rota."""
import datetime as dt
from typing import Optional

from sqlmodel import Field, SQLModel

from . import base  # noqa: F401
from . import activities, deputies, grids, people, stations  # noqa: F401  (the tables its keys and relationships point to)
from .enums import DutyRecurrence, DutyStatus


class DutyKind(SQLModel, table=True):
    """A kind of duty, its colour in the calendar, and the activity kind a shift done becomes."""
    __tablename__ = "duty_kind"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=20)
    color: str = Field(default="#5d4037", max_length=9)
    activity_kind: str = Field(default="其他", max_length=10)
    sort_order: int = Field(default=0)


class Duty(SQLModel, table=True):
    """A post: where, when (recurrence), who may be drawn (the pool) and how many each time.

    WEEKLY: every weekday in `weekdays`; MONTHLY: the `nth` weekday (first of `weekdays`) of each
    month; QUARTERLY: the same in the first month of each quarter; these move past holidays
    (遇节假日顺延). SCHOOL_DAYS: the working days within `terms` ("2026-09-01~2027-01-22;…") on
    `weekdays` (every working day when empty) — no holidays, weekends or term breaks.
    """
    __tablename__ = "duty"

    id: Optional[int] = Field(default=None, primary_key=True)
    kind_id: int = Field(foreign_key="duty_kind.id", index=True)
    name: str = Field(max_length=100)
    grid_id: Optional[int] = Field(default=None, foreign_key="grid.id", index=True)
    station_id: Optional[int] = Field(default=None, foreign_key="station.id", index=True)
    place: str = Field(default="", max_length=200)
    recurrence: str = Field(default=DutyRecurrence.WEEKLY.value, max_length=10)
    weekdays: str = Field(default="0", max_length=20)   # "0,1" = Monday and Tuesday
    nth: int = Field(default=1)
    terms: str = Field(default="", max_length=300)
    start_time: dt.time = Field(default=dt.time(9, 0))
    end_time: dt.time = Field(default=dt.time(11, 0))
    per_shift: int = Field(default=2)
    active: bool = Field(default=True)
    notes: str = Field(default="")


class DutyPoolDeputy(SQLModel, table=True):
    __tablename__ = "duty_pool_deputy"

    duty_id: int = Field(foreign_key="duty.id", primary_key=True, ondelete="CASCADE")
    deputy_id: int = Field(foreign_key="deputy.id", primary_key=True, ondelete="CASCADE", index=True)


class DutyPoolPerson(SQLModel, table=True):
    __tablename__ = "duty_pool_person"

    duty_id: int = Field(foreign_key="duty.id", primary_key=True, ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id", primary_key=True, ondelete="CASCADE", index=True)


class DutyShift(SQLModel, table=True):
    """One occurrence of a duty. Marked done it becomes an activity; a planned one past its date is missed."""
    __tablename__ = "duty_shift"

    id: Optional[int] = Field(default=None, primary_key=True)
    duty_id: int = Field(foreign_key="duty.id", index=True)
    date: dt.date = Field(index=True)
    start_time: dt.time
    end_time: dt.time
    status: str = Field(default=DutyStatus.PLANNED.value, max_length=4)
    activity_id: Optional[int] = Field(default=None, foreign_key="activity.id", index=True)
    notes: str = Field(default="")


class DutyShiftDeputy(SQLModel, table=True):
    __tablename__ = "duty_shift_deputy"

    shift_id: int = Field(foreign_key="duty_shift.id", primary_key=True, ondelete="CASCADE")
    deputy_id: int = Field(foreign_key="deputy.id", primary_key=True, ondelete="CASCADE", index=True)


class DutyShiftPerson(SQLModel, table=True):
    __tablename__ = "duty_shift_person"

    shift_id: int = Field(foreign_key="duty_shift.id", primary_key=True, ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id", primary_key=True, ondelete="CASCADE", index=True)
