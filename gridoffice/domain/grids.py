"""社区/村居, 网格 and the 五类十色 categories of special households (the ledger is in households.py)."""
from typing import Optional

from sqlmodel import Field, SQLModel

from .base import Versioned
from .enums import CommunityKind


class Community(Versioned, table=True):
    __tablename__ = "community"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=100)
    kind: str = Field(default=CommunityKind.COMMUNITY.value, max_length=10)
    # a scanned map laid under the grid map, relative to the attachments folder
    map_file: str = Field(default="", max_length=260)
    notes: str = Field(default="")


class Grid(Versioned, table=True):
    __tablename__ = "grid"

    id: Optional[int] = Field(default=None, primary_key=True)
    code: str = Field(index=True, unique=True, max_length=30)
    name: str = Field(max_length=100)
    community_id: int = Field(foreign_key="community.id", index=True)
    worker_name: str = Field(default="", max_length=50)
    worker_phone: str = Field(default="", max_length=30)
    households: int = Field(default=0)
    population: int = Field(default=0)
    boundary: str = Field(default="")
    # a map image of the grid, relative to the attachments folder
    map_file: str = Field(default="", max_length=260)
    # the grid's area as a GeoJSON geometry (Polygon/MultiPolygon), map units
    area_geojson: str = Field(default="")
    notes: str = Field(default="")


class HouseholdCategory(SQLModel, table=True):
    """A configurable special-household category (五类十色), e.g. 独居老人."""
    __tablename__ = "household_category"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=50)
    color: str = Field(default="#607d8b", max_length=9)
    must_visit: bool = Field(default=False)
    sort_order: int = Field(default=0)
    # a regular visit every N days to each household of the category (独居老人: 7); 0 = none
    visit_every_days: int = Field(default=0)
