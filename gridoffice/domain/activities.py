"""走访记录: the activities deputies take part in (进站入网格, 三进, 接待, 议事会...)."""
import datetime as dt
from typing import TYPE_CHECKING, Optional

from sqlmodel import Field, Relationship, SQLModel

from .base import Versioned
from . import deputies, grids, people, stations  # noqa: F401  (the tables its keys and relationships point to)

if TYPE_CHECKING:
    from .deputies import Deputy


class ActivityDeputyLink(SQLModel, table=True):
    __tablename__ = "activity_deputy"

    activity_id: int = Field(foreign_key="activity.id", primary_key=True, ondelete="CASCADE")
    deputy_id: int = Field(foreign_key="deputy.id", primary_key=True, ondelete="CASCADE", index=True)


class ActivityPersonLink(SQLModel, table=True):
    """A person who is not a deputy (网格员, 志愿者, 律师…) named in an activity."""
    __tablename__ = "activity_person"

    activity_id: int = Field(foreign_key="activity.id", primary_key=True, ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id", primary_key=True, ondelete="CASCADE", index=True)


class Activity(Versioned, table=True):
    __tablename__ = "activity"

    id: Optional[int] = Field(default=None, primary_key=True)
    date: dt.date = Field(index=True)
    kind: str = Field(max_length=10, index=True)
    grid_id: Optional[int] = Field(default=None, foreign_key="grid.id", index=True)
    station_id: Optional[int] = Field(default=None, foreign_key="station.id", index=True)
    place: str = Field(default="", max_length=200)
    other_participants: str = Field(default="", max_length=200)  # 网格员, 民警, 律师… as free text
    team_id: Optional[int] = Field(default=None, foreign_key="team.id", index=True)  # credited to a team
    residents_contacted: int = Field(default=0)
    online: bool = Field(default=False)  # 网上履职: held online (数字人大 platform, WeChat group…)
    summary: str = Field(default="")

    deputies: list["Deputy"] = Relationship(link_model=ActivityDeputyLink)


class ActivityPhoto(SQLModel, table=True):
    __tablename__ = "activity_photo"

    id: Optional[int] = Field(default=None, primary_key=True)
    activity_id: int = Field(foreign_key="activity.id", index=True, ondelete="CASCADE")
    file: str = Field(max_length=260)  # relative to the attachments folder
    caption: str = Field(default="", max_length=200)
