"""Office settings (key/value), the audit log every write adds to, serial-number counters and the
attachments stored in the database (on a district's PostgreSQL server)."""
import datetime as dt
from typing import Optional

from sqlalchemy import DateTime, LargeBinary
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
    # local time as the clerk reads it: the PC's clock on a single PC, the server's clock on a district server
    at: dt.datetime = Field(index=True, sa_type=DateTime())
    table_name: str = Field(max_length=50)
    record_id: str = Field(max_length=50)
    action: str = Field(max_length=10)  # insert / update / delete
    changes: str = Field(default="")     # JSON: {field: [old, new]} or the inserted/deleted values
    user_name: str = Field(default="", max_length=100)   # who: the Windows login name
    computer: str = Field(default="", max_length=100)    # and the PC's name


class SerialCounter(SQLModel, table=True):
    """The last serial number handed out per kind and year (opinion 2026-0042, suggestion JY2026-001…):
    two clerks registering at the same moment get two numbers (gridoffice.db.serials)."""
    __tablename__ = "serial_counter"

    kind: str = Field(primary_key=True, max_length=30)
    year: int = Field(primary_key=True)
    last: int = Field(default=0)


class AttachmentBlob(SQLModel, table=True):
    """An attachment's bytes in the database, keyed by its path relative to the attachments folder.
    Used on a district server (every clerk's PC sees the same photos and maps); a single PC keeps its
    attachments as files beside the database file, and this table stays empty."""
    __tablename__ = "attachment_blob"

    path: str = Field(primary_key=True, max_length=260)
    data: bytes = Field(sa_type=LargeBinary())
    size: int = Field(default=0)


# The setting keys the foundation knows; later features add theirs here.
OFFICE_NAME = "office_name"
HOTLINE = "hotline"
DEFAULT_RECEPTION_TIME = "default_reception_time"   # "09:00-11:30"
DEFAULT_RECEPTION_PLACE = "default_reception_place"
