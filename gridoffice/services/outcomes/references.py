"""What outcome records hold a deputy, grid, community, station or department.

The tables link to them without ON DELETE CASCADE (who attended or signed is a fact to keep),
so a delete elsewhere would be refused by the database: the delete services of the roster, grids,
stations and departments call `outcome_uses` to refuse with a Chinese sentence instead.
"""
from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.domain import (AppraisalDeputy, Appraisal, Dispute, DisputeDeputyLink, Meeting, MeetingDeputyLink,
                               Project, ProjectDeputyLink, Suggestion, SuggestionDeputyLink)


def outcome_uses(session: Session, *, deputy_id: int | None = None, grid_id: int | None = None,
                 community_id: int | None = None, station_id: int | None = None,
                 department_id: int | None = None) -> list[str]:
    """['2 件代表建议', '5 次会议'…]: the records that name the given one; empty when none do."""
    checks = []
    if deputy_id is not None:
        checks += [(SuggestionDeputyLink, SuggestionDeputyLink.deputy_id == deputy_id, "件代表建议（领衔或附议）"),
                   (MeetingDeputyLink, MeetingDeputyLink.deputy_id == deputy_id, "次会议"),
                   (AppraisalDeputy, AppraisalDeputy.deputy_id == deputy_id, "次述职评议"),
                   (ProjectDeputyLink, ProjectDeputyLink.deputy_id == deputy_id, "个为民办实事项目"),
                   (DisputeDeputyLink, DisputeDeputyLink.deputy_id == deputy_id, "件矛盾纠纷调解")]
    if grid_id is not None:
        checks += [(Project, Project.grid_id == grid_id, "个为民办实事项目"), (Meeting, Meeting.grid_id == grid_id, "次会议"),
                   (Dispute, Dispute.grid_id == grid_id, "件矛盾纠纷")]
    if community_id is not None:
        checks += [(Project, Project.community_id == community_id, "个为民办实事项目")]
    if station_id is not None:
        checks += [(Meeting, Meeting.station_id == station_id, "次会议"),
                   (Appraisal, Appraisal.station_id == station_id, "次述职评议会")]
    if department_id is not None:
        checks += [(Suggestion, Suggestion.department_id == department_id, "件代表建议")]
    uses = []
    for model, condition, what in checks:
        count = session.exec(select(func.count()).select_from(model).where(condition)).one()
        if count:
            uses.append(f"{count} {what}")
    return uses
