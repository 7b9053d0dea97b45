"""联络站 (liaison stations, the deputies' 阵地) and 职能部门 (government departments)."""
import re
from typing import Optional

from sqlmodel import Field

from .base import Versioned
from .enums import StationKind

_STATION_NOISE = re.compile(r"(人大代表|代表)?(联络总站|联络站|联络室|联系点|工作站|之家)$")


class Station(Versioned, table=True):
    __tablename__ = "station"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=100)
    kind: str = Field(default=StationKind.AREA.value, max_length=10)
    address: str = Field(default="", max_length=200)
    reception_room: str = Field(default="", max_length=100)
    phone: str = Field(default="", max_length=30)
    notes: str = Field(default="")


class Department(Versioned, table=True):
    __tablename__ = "department"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=100)
    contact: str = Field(default="", max_length=50)
    phone: str = Field(default="", max_length=30)
    notes: str = Field(default="")


def short_station_name(name: str) -> str:
    """'锦塘街道人大代表联络站（中心站）' → '中心站', '西园片区代表联络站' → '西园片区'."""
    inner = re.search(r"[（(]([^）)]+)[）)]\s*$", name)
    if inner:
        return inner[1]
    short = _STATION_NOISE.sub("", name)
    if "街道" in short[:-1]:
        short = short.split("街道", 1)[1]
    return short or name
