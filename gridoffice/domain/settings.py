"""Office settings (key/value) and the audit log every write adds to."""
import datetime as dt
from typing import Optional

from sqlalchemy import DateTime
from sqlmodel import Field, SQLModel

from . import base  # noqa: F401


class Setting(SQLModel, table=True):
    """office_name, hotline, default_reception_time, default_reception_place, and later keys."""
    __tablename__ = "setting"

    key: str = Field(primary_key=True, max_length=50)
    value: str = Field(default="")


class AuditLog(SQLModel, table=True):
    __tablename__ = "audit_log"

    id: Optional[int] = Field(default=None, primary_key=True)
    at: dt.datetime = Field(index=True, sa_type=DateTime())  # local time, as the clerk reads it
    table_name: str = Field(max_length=50)
    record_id: str = Field(max_length=50)
    action: str = Field(max_length=10)  # insert / update / delete
    changes: str = Field(default="")     # JSON: {field: [old, new]} or the inserted/deleted values


# The setting keys the foundation knows; later features add theirs here.
OFFICE_NAME = "office_name"
HOTLINE = "hotline"
DEFAULT_RECEPTION_TIME = "default_reception_time"   # "09:00-11:30"
DEFAULT_RECEPTION_PLACE = "default_reception_place"
