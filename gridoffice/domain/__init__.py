"""The office's tables and value rules. No Qt, no I/O.

The value rules (enums, dates, phone rules, opinion rules...) import no database code, so the command
line can build its options from them without loading SQLModel. The tables are in the modules
`tables.py` gathers; a table named here (`from gridoffice.domain import Deputy`) loads its own module,
which loads the modules of the tables its keys and relationships point to: a command that prints a
month's reception days does not build the 37 tables of 履职成果, the households and the duties
(a tenth of a second). `metadata` (every table, for backups and the demo) loads them all.
"""

import importlib

# where each table is declared (tables.py imports them all; tests/unit/test_domain_modules.py checks the two agree)
TABLE_MODULES = {
    "stations": ("Department", "Station"),
    "grids": ("Community", "Grid", "HouseholdCategory"),
    "deputies": ("Deputy", "DeputyBusyDate", "DeputyGridLink", "DeputyStationLink"),
    "people": ("Person", "Team", "TeamDeputyLink", "TeamPersonLink"),
    "activities": ("Activity", "ActivityDeputyLink", "ActivityPersonLink", "ActivityPhoto"),
    "reception": ("HolidayOverride", "ReceptionDay", "ReceptionDutyLink", "ReceptionPoolLink", "ReceptionRule"),
    "opinions": ("Opinion", "OpinionCategory", "OpinionHistory"),
    "settings": ("AttachmentBlob", "AuditLog", "SerialCounter", "Setting"),
    "outcomes": ("Appraisal", "AppraisalDeputy", "AppraisalQuestion", "Campaign", "CampaignActivityLink",
                 "CampaignOpinionLink", "Dispute", "DisputeDeputyLink", "FollowUp", "Meeting", "MeetingDecision",
                 "MeetingDeputyLink", "OutcomeKind", "Project", "ProjectDeputyLink", "ProjectOpinionLink",
                 "ProjectPhoto", "Suggestion", "SuggestionAttachment", "SuggestionDeputyLink", "SuggestionHistory",
                 "SuggestionOpinionLink"),
    "points": ("DutyPointAdjustment", "DutyPointRule"),
    "households": ("Household", "HouseholdCategoryLink", "HouseholdEvent", "HouseholdVisit", "HouseholdVisitDeputy",
                   "HouseholdVisitPerson", "MustVisitRule", "MustVisitRuleCategory"),
    "duties": ("Duty", "DutyKind", "DutyPoolDeputy", "DutyPoolPerson", "DutyShift", "DutyShiftDeputy",
               "DutyShiftPerson"),
}
_MODULE_OF = {name: module for module, names in TABLE_MODULES.items() for name in names}


def _tables():
    # import_module, not `from . import tables`: that would ask this __getattr__ for "tables" first
    return importlib.import_module("gridoffice.domain.tables")


def __getattr__(name: str):
    if not (name[:1].isupper() or name == "metadata"):   # a submodule being imported (base, enums...)
        raise AttributeError(f"module 'gridoffice.domain' has no attribute {name!r}")
    module = _MODULE_OF.get(name)
    if module is not None:
        return getattr(importlib.import_module(f"gridoffice.domain.{module}"), name)
    tables = _tables()
    if name in tables.__all__:
        return getattr(tables, name)
    raise AttributeError(f"module 'gridoffice.domain' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(_tables().__all__)
