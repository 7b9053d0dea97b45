"""People who are not deputies (网格员, 志愿者, 居民议事代表, 律师, 民警, 社区工作者…) and the teams
(敲门小组, 调解团…) they form with deputies."""
from typing import Optional

from sqlmodel import Field, SQLModel

from . import base  # noqa: F401
from . import deputies, grids  # noqa: F401  (the tables its keys and relationships point to)
from .enums import PersonRole


class Person(SQLModel, table=True):
    __tablename__ = "person"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True, max_length=50)
    name_pinyin: str = Field(default="", max_length=200)
    name_initials: str = Field(default="", max_length=50)
    role: str = Field(default=PersonRole.VOLUNTEER.value, max_length=10, index=True)
    community_id: Optional[int] = Field(default=None, foreign_key="community.id", index=True)
    grid_id: Optional[int] = Field(default=None, foreign_key="grid.id", index=True)
    organisation: str = Field(default="", max_length=100)   # 派出所, 律师事务所, 社区居委会…
    phone: str = Field(default="", max_length=30)
    phone_public: bool = Field(default=False)   # consent to print the phone on a rota or a board
    active: bool = Field(default=True)          # False: no longer serving (kept for the records)
    notes: str = Field(default="")


class Team(SQLModel, table=True):
    """A mixed team: deputies and people, often of one grid, with a regular task."""
    __tablename__ = "team"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=50)
    grid_id: Optional[int] = Field(default=None, foreign_key="grid.id", index=True)
    task: str = Field(default="", max_length=200)
    active: bool = Field(default=True)
    notes: str = Field(default="")


class TeamDeputyLink(SQLModel, table=True):
    __tablename__ = "team_deputy"

    team_id: int = Field(foreign_key="team.id", primary_key=True, ondelete="CASCADE")
    deputy_id: int = Field(foreign_key="deputy.id", primary_key=True, ondelete="CASCADE", index=True)


class TeamPersonLink(SQLModel, table=True):
    __tablename__ = "team_person"

    team_id: int = Field(foreign_key="team.id", primary_key=True, ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id", primary_key=True, ondelete="CASCADE", index=True)
