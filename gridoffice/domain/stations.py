"""联络站 (liaison stations, the deputies' 阵地) and 职能部门 (government departments)."""
from typing import Optional

from sqlmodel import Field, SQLModel

from . import base  # noqa: F401  (naming convention first)
from .enums import StationKind


class Station(SQLModel, table=True):
    __tablename__ = "station"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=100)
    kind: str = Field(default=StationKind.AREA.value, max_length=10)
    address: str = Field(default="", max_length=200)
    reception_room: str = Field(default="", max_length=100)
    phone: str = Field(default="", max_length=30)
    notes: str = Field(default="")


class Department(SQLModel, table=True):
    __tablename__ = "department"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=100)
    contact: str = Field(default="", max_length=50)
    phone: str = Field(default="", max_length=30)
    notes: str = Field(default="")
