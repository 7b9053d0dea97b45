"""人大代表, their grids (进网格) and sites (进站: one primary, maybe others), and the dates a deputy
cannot be on duty."""
import datetime as dt
from typing import TYPE_CHECKING, Optional

from sqlmodel import Field, Relationship, SQLModel

from .base import Versioned
from . import grids, stations  # noqa: F401  (the tables its keys and relationships point to)
from .enums import DeputyStatus

if TYPE_CHECKING:
    from .grids import Grid


class DeputyGridLink(SQLModel, table=True):
    __tablename__ = "deputy_grid"

    deputy_id: int = Field(foreign_key="deputy.id", primary_key=True, ondelete="CASCADE")
    grid_id: int = Field(foreign_key="grid.id", primary_key=True, ondelete="CASCADE", index=True)


class DeputyStationLink(SQLModel, table=True):
    """A site the deputy serves at. Exactly one link per deputy with a station is primary, and it is
    the deputy's `station_id` (kept in step by services/roster/sites.py)."""
    __tablename__ = "deputy_station"

    deputy_id: int = Field(foreign_key="deputy.id", primary_key=True, ondelete="CASCADE")
    station_id: int = Field(foreign_key="station.id", primary_key=True, ondelete="CASCADE", index=True)
    is_primary: bool = Field(default=False)


class Deputy(Versioned, table=True):
    __tablename__ = "deputy"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True, max_length=50)
    # pinyin of the name, kept in step by services, so search needs no conversion at query time
    name_pinyin: str = Field(default="", max_length=200)
    name_initials: str = Field(default="", max_length=50)
    gender: str = Field(default="", max_length=2)
    ethnicity: str = Field(default="", max_length=20)
    birth_month: str = Field(default="", max_length=7)  # "YYYY-MM"
    party: str = Field(default="", max_length=30)
    # one or several of 全国/省/市/区/乡镇, joined by "、" from the highest level down
    levels: str = Field(default="", max_length=30)
    work_unit: str = Field(default="", max_length=200)
    post: str = Field(default="", max_length=100)
    expertise: str = Field(default="", max_length=200)  # tags joined by "、"
    mobile: str = Field(default="", max_length=20)
    office_phone: str = Field(default="", max_length=30)
    mobile_public: bool = Field(default=False)  # consent to show the mobile on public boards
    # the primary station (进站); every site, this one included, is in deputy_station
    station_id: Optional[int] = Field(default=None, foreign_key="station.id", index=True)
    # 五员 roles (宣传员, 联络员...), joined by "、"
    roles: str = Field(default="", max_length=100)
    status: str = Field(default=DeputyStatus.SERVING.value, max_length=4, index=True)
    took_office_on: Optional[dt.date] = None
    left_office_on: Optional[dt.date] = None
    photo_file: str = Field(default="", max_length=260)  # relative to the attachments folder
    notes: str = Field(default="")

    grids: list["Grid"] = Relationship(link_model=DeputyGridLink)


class DeputyBusyDate(SQLModel, table=True):
    """A date the clerk entered on which the deputy cannot take reception duty."""
    __tablename__ = "deputy_busy_date"

    id: Optional[int] = Field(default=None, primary_key=True)
    deputy_id: int = Field(foreign_key="deputy.id", index=True, ondelete="CASCADE")
    date: dt.date
    reason: str = Field(default="", max_length=100)
