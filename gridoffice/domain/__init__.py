"""The office's tables and value rules. No Qt, no I/O."""
from .base import metadata
from .stations import Department, Station
from .grids import Community, Grid, HouseholdCategory
from .deputies import Deputy, DeputyBusyDate, DeputyGridLink, DeputyStationLink
from .people import Person, Team, TeamDeputyLink, TeamPersonLink
from .activities import Activity, ActivityDeputyLink, ActivityPersonLink, ActivityPhoto
from .reception import HolidayOverride, ReceptionDay, ReceptionDutyLink, ReceptionPoolLink, ReceptionRule
from .opinions import Opinion, OpinionCategory, OpinionHistory
from .households import (Household, HouseholdCategoryLink, HouseholdEvent, HouseholdVisit, HouseholdVisitDeputy,
                         HouseholdVisitPerson, MustVisitRule, MustVisitRuleCategory)
from .duties import Duty, DutyKind, DutyPoolDeputy, DutyPoolPerson, DutyShift, DutyShiftDeputy, DutyShiftPerson
from .settings import AuditLog, Setting

__all__ = [
    "metadata", "Station", "Department", "Community", "Grid", "HouseholdCategory", "Deputy", "DeputyGridLink",
    "DeputyStationLink", "DeputyBusyDate", "Person", "Team", "TeamDeputyLink", "TeamPersonLink", "Activity",
    "ActivityDeputyLink", "ActivityPersonLink", "ActivityPhoto", "ReceptionDay", "ReceptionDutyLink",
    "ReceptionRule", "ReceptionPoolLink", "HolidayOverride", "Opinion", "OpinionCategory", "OpinionHistory",
    "Household", "HouseholdCategoryLink", "HouseholdEvent", "HouseholdVisit", "HouseholdVisitDeputy",
    "HouseholdVisitPerson", "MustVisitRule", "MustVisitRuleCategory", "Duty", "DutyKind", "DutyPoolDeputy",
    "DutyPoolPerson", "DutyShift", "DutyShiftDeputy", "DutyShiftPerson", "Setting", "AuditLog",
]
