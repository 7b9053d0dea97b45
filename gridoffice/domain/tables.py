"""Every table of the office, imported together so SQLModel can resolve the relationships between them.

A new table module is added here (and its names to __all__)."""
from .base import metadata
from .stations import Department, Station
from .grids import Community, Grid, HouseholdCategory
from .deputies import Deputy, DeputyBusyDate, DeputyGridLink, DeputyStationLink
from .people import Person, Team, TeamDeputyLink, TeamPersonLink
from .activities import Activity, ActivityDeputyLink, ActivityPersonLink, ActivityPhoto
from .reception import HolidayOverride, ReceptionDay, ReceptionDutyLink, ReceptionPoolLink, ReceptionRule
from .opinions import Opinion, OpinionCategory, OpinionHistory
from .settings import AttachmentBlob, AuditLog, SerialCounter, Setting
from .outcomes import (Appraisal, AppraisalDeputy, AppraisalQuestion, Campaign, CampaignActivityLink,
                       CampaignOpinionLink, Dispute, DisputeDeputyLink, FollowUp, Meeting, MeetingDecision,
                       MeetingDeputyLink, OutcomeKind, Project, ProjectDeputyLink, ProjectOpinionLink, ProjectPhoto,
                       Suggestion, SuggestionAttachment, SuggestionDeputyLink, SuggestionHistory,
                       SuggestionOpinionLink)
from .points import DutyPointAdjustment, DutyPointRule
from .households import (Household, HouseholdCategoryLink, HouseholdEvent, HouseholdVisit, HouseholdVisitDeputy,
                         HouseholdVisitPerson, MustVisitRule, MustVisitRuleCategory)
from .duties import Duty, DutyKind, DutyPoolDeputy, DutyPoolPerson, DutyShift, DutyShiftDeputy, DutyShiftPerson

__all__ = [
    "metadata", "Station", "Department", "Community", "Grid", "HouseholdCategory",
    "Deputy", "DeputyGridLink", "DeputyStationLink", "DeputyBusyDate", "Activity",
    "ActivityDeputyLink", "ActivityPersonLink", "ActivityPhoto", "ReceptionDay", "ReceptionDutyLink",
    "ReceptionRule", "ReceptionPoolLink", "HolidayOverride", "Opinion", "OpinionCategory",
    "OpinionHistory", "Setting", "AuditLog", "SerialCounter", "AttachmentBlob",
    # 履职成果 (domain/outcomes.py)
    "OutcomeKind", "Campaign", "CampaignActivityLink", "CampaignOpinionLink", "Suggestion", "SuggestionDeputyLink",
    "SuggestionOpinionLink", "SuggestionAttachment", "SuggestionHistory", "Project", "ProjectOpinionLink",
    "ProjectDeputyLink", "ProjectPhoto", "Meeting", "MeetingDeputyLink", "MeetingDecision", "Appraisal",
    "AppraisalDeputy", "AppraisalQuestion", "FollowUp", "Dispute", "DisputeDeputyLink",
    # 履职积分 (domain/points.py)
    "DutyPointRule", "DutyPointAdjustment",
    # 网格里的人和事 (domain/people.py, households.py, duties.py)
    "Person", "Team", "TeamDeputyLink", "TeamPersonLink", "Household", "HouseholdCategoryLink", "HouseholdEvent",
    "HouseholdVisit", "HouseholdVisitDeputy", "HouseholdVisitPerson", "MustVisitRule", "MustVisitRuleCategory",
    "Duty", "DutyKind", "DutyPoolDeputy", "DutyPoolPerson", "DutyShift", "DutyShiftDeputy", "DutyShiftPerson",
]
