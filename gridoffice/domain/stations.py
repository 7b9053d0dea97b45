"""联络站 and the other sites of deputies (代表之家, 工作站, 联络室, 实践基地, 联系点) and 职能部门."""
import re
from typing import Optional

from sqlmodel import Field

from .base import Versioned
from .enums import StationKind, StationScope

_STATION_NOISE = re.compile(r"(人大代表|代表)?(联络总站|联络站|联络室|联系点|工作站|之家)$")


class Station(Versioned, table=True):
    __tablename__ = "station"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=100)
    kind: str = Field(default=StationKind.LIAISON_STATION.value, max_length=10)
    # 中心 / 专业 / 片区 in the office's network, "" for a site outside it (a company's 联系点)
    scope: str = Field(default=StationScope.AREA.value, max_length=10)
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


def kind_from_name(name: str) -> str:
    """The kind a station's name says it is: '北山社区人大代表联络室' → 代表联络室; 代表联络站 otherwise."""
    for word, kind in (("之家", StationKind.HOME), ("工作站", StationKind.WORKSTATION),
                       ("联络室", StationKind.LIAISON_ROOM), ("实践基地", StationKind.PRACTICE_BASE),
                       ("联系点", StationKind.CONTACT_POINT)):
        if word in name:
            return kind.value
    return StationKind.LIAISON_STATION.value
