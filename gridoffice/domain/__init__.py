"""The office's tables and value rules. No Qt, no I/O."""
from .base import metadata
from .stations import Department, Station
from .grids import Community, Grid, GridHouseholdCount, HouseholdCategory
from .deputies import Deputy, DeputyBusyDate, DeputyGridLink
from .activities import Activity, ActivityDeputyLink, ActivityPhoto
from .reception import HolidayOverride, ReceptionDay, ReceptionDutyLink, ReceptionPoolLink, ReceptionRule
from .opinions import Opinion, OpinionCategory, OpinionHistory
from .settings import AuditLog, Setting

__all__ = [
    "metadata", "Station", "Department", "Community", "Grid", "HouseholdCategory",
    "GridHouseholdCount", "Deputy", "DeputyGridLink", "DeputyBusyDate", "Activity",
    "ActivityDeputyLink", "ActivityPhoto", "ReceptionDay", "ReceptionDutyLink",
    "ReceptionRule", "ReceptionPoolLink", "HolidayOverride", "Opinion", "OpinionCategory",
    "OpinionHistory", "Setting", "AuditLog",
]
