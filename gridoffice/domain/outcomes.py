"""履职成果 as records of their own: 代表建议, 为民办实事, meetings, 述职评议会, campaigns,
follow-up calls (回访) and mediation (调解).

Links to other areas' records (deputies, grids, departments, opinions, activities) are
plain foreign keys without ON DELETE CASCADE where losing the link would lose a fact
(who attended, who signed): deleting such a deputy or grid is refused by the database, and
`services.outcomes.references` says what holds it. Rows that only tag or join (a campaign's
tag on an activity, an opinion's link to a suggestion) go with either side.
"""
import datetime as dt
from typing import Optional

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import Versioned
from . import activities, deputies, grids, opinions, stations  # noqa: F401  (the tables its keys and relationships point to)
from .outcome_rules import (AppraisalScale, AppraisalStatus, DisputeStatus, MeetingStatus, ProjectStatus,
                            SuggestionRole, SuggestionStatus)


class OutcomeKind(SQLModel, table=True):
    """An entry of a list the clerk edits (meeting kinds, dispute kinds, project kinds).
    A list with no rows here is the default list of domain.outcome_rules.DEFAULT_KINDS."""
    __tablename__ = "outcome_kind"
    __table_args__ = (UniqueConstraint("list_name", "name"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    list_name: str = Field(max_length=20, index=True)
    name: str = Field(max_length=30)
    sort_order: int = Field(default=0)


# --- campaigns (专项活动) -----------------------------------------------------------------------

class Campaign(Versioned, table=True):
    __tablename__ = "campaign"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=100)
    start_on: dt.date = Field(index=True)
    end_on: Optional[dt.date] = None
    description: str = Field(default="")


class CampaignActivityLink(SQLModel, table=True):
    __tablename__ = "campaign_activity"

    campaign_id: int = Field(foreign_key="campaign.id", primary_key=True, ondelete="CASCADE")
    activity_id: int = Field(foreign_key="activity.id", primary_key=True, ondelete="CASCADE", index=True)


class CampaignOpinionLink(SQLModel, table=True):
    __tablename__ = "campaign_opinion"

    campaign_id: int = Field(foreign_key="campaign.id", primary_key=True, ondelete="CASCADE")
    opinion_id: int = Field(foreign_key="opinion.id", primary_key=True, ondelete="CASCADE", index=True)


# --- 代表建议 -------------------------------------------------------------------------------

class Suggestion(Versioned, table=True):
    __tablename__ = "suggestion"

    id: Optional[int] = Field(default=None, primary_key=True)
    serial: str = Field(unique=True, max_length=20)   # 编号, e.g. "JY2026-003"
    title: str = Field(max_length=200)
    content: str = Field(default="")
    category: str = Field(default="", max_length=30)
    submitted_on: dt.date = Field(index=True)           # 提出日期
    department_id: Optional[int] = Field(default=None, foreign_key="department.id", index=True)
    assigned_on: Optional[dt.date] = None                # 交办日期
    due_on: Optional[dt.date] = Field(default=None, index=True)
    status: str = Field(default=SuggestionStatus.SUBMITTED.value, max_length=4, index=True)
    reply: str = Field(default="")                       # the department's reply
    replied_on: Optional[dt.date] = Field(default=None, index=True)   # 办结: the date of the reply
    verdict: str = Field(default="", max_length=6)       # the deputies' verdict on the reply
    verdict_on: Optional[dt.date] = None
    campaign_id: Optional[int] = Field(default=None, foreign_key="campaign.id", index=True, ondelete="SET NULL")
    notes: str = Field(default="")


class SuggestionDeputyLink(SQLModel, table=True):
    """领衔 (one per suggestion) and 附议 deputies."""
    __tablename__ = "suggestion_deputy"

    suggestion_id: int = Field(foreign_key="suggestion.id", primary_key=True, ondelete="CASCADE")
    deputy_id: int = Field(foreign_key="deputy.id", primary_key=True, index=True)
    role: str = Field(default=SuggestionRole.COSIGN.value, max_length=4)


class SuggestionOpinionLink(SQLModel, table=True):
    """The opinions a suggestion grew from (many; an opinion may feed more than one)."""
    __tablename__ = "suggestion_opinion"

    suggestion_id: int = Field(foreign_key="suggestion.id", primary_key=True, ondelete="CASCADE")
    opinion_id: int = Field(foreign_key="opinion.id", primary_key=True, ondelete="CASCADE", index=True)


class SuggestionAttachment(SQLModel, table=True):
    __tablename__ = "suggestion_attachment"

    id: Optional[int] = Field(default=None, primary_key=True)
    suggestion_id: int = Field(foreign_key="suggestion.id", index=True, ondelete="CASCADE")
    file: str = Field(max_length=260)   # relative to the attachments folder
    caption: str = Field(default="", max_length=200)


class SuggestionHistory(SQLModel, table=True):
    __tablename__ = "suggestion_history"

    id: Optional[int] = Field(default=None, primary_key=True)
    suggestion_id: int = Field(foreign_key="suggestion.id", index=True, ondelete="CASCADE")
    on: dt.date
    action: str = Field(max_length=10)
    from_status: str = Field(default="", max_length=4)
    to_status: str = Field(default="", max_length=4)
    note: str = Field(default="")


# --- 为民办实事 ------------------------------------------------------------------------------

class Project(Versioned, table=True):
    __tablename__ = "project"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    year: int = Field(index=True)                        # the year whose list it is on
    kind: str = Field(default="其他", max_length=30)
    community_id: Optional[int] = Field(default=None, foreign_key="community.id", index=True)
    grid_id: Optional[int] = Field(default=None, foreign_key="grid.id", index=True)
    quantity: Optional[float] = None                     # 37 (处), 126 (个), 1.2 (公里)
    unit: str = Field(default="", max_length=10)
    responsible_unit: str = Field(default="", max_length=100)
    suggestion_id: Optional[int] = Field(default=None, foreign_key="suggestion.id", index=True,
                                         ondelete="SET NULL")
    started_on: Optional[dt.date] = None
    planned_on: Optional[dt.date] = None                 # planned completion
    completed_on: Optional[dt.date] = Field(default=None, index=True)
    status: str = Field(default=ProjectStatus.PLANNED.value, max_length=4, index=True)
    campaign_id: Optional[int] = Field(default=None, foreign_key="campaign.id", index=True, ondelete="SET NULL")
    description: str = Field(default="")


class ProjectOpinionLink(SQLModel, table=True):
    __tablename__ = "project_opinion"

    project_id: int = Field(foreign_key="project.id", primary_key=True, ondelete="CASCADE")
    opinion_id: int = Field(foreign_key="opinion.id", primary_key=True, ondelete="CASCADE", index=True)


class ProjectDeputyLink(SQLModel, table=True):
    """Deputies who follow the project (民生实事监督员)."""
    __tablename__ = "project_deputy"

    project_id: int = Field(foreign_key="project.id", primary_key=True, ondelete="CASCADE")
    deputy_id: int = Field(foreign_key="deputy.id", primary_key=True, index=True)


class ProjectPhoto(SQLModel, table=True):
    __tablename__ = "project_photo"

    id: Optional[int] = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    stage: str = Field(max_length=4)     # 实施前 / 实施中 / 实施后
    file: str = Field(max_length=260)    # relative to the attachments folder
    caption: str = Field(default="", max_length=200)


# --- meetings (例会, 议事会, 圆桌会, 现场会…) ---------------------------------------------------

class Meeting(Versioned, table=True):
    __tablename__ = "meeting"

    id: Optional[int] = Field(default=None, primary_key=True)
    kind: str = Field(max_length=30, index=True)
    title: str = Field(max_length=200)
    date: dt.date = Field(index=True)
    start_time: Optional[dt.time] = None
    place: str = Field(default="", max_length=200)
    station_id: Optional[int] = Field(default=None, foreign_key="station.id", index=True)
    grid_id: Optional[int] = Field(default=None, foreign_key="grid.id", index=True)
    agenda: str = Field(default="")
    host: str = Field(default="", max_length=50)          # 主持人
    recorder: str = Field(default="", max_length=50)      # 记录人
    others: str = Field(default="", max_length=500)       # other people present: departments, grid workers…
    residents_present: int = Field(default=0)             # residents (人次) at the meeting
    minutes: str = Field(default="")                      # what was discussed, for the 纪要
    status: str = Field(default=MeetingStatus.PLANNED.value, max_length=4, index=True)
    campaign_id: Optional[int] = Field(default=None, foreign_key="campaign.id", index=True, ondelete="SET NULL")


class MeetingDeputyLink(SQLModel, table=True):
    """A deputy invited to the meeting; `attended` once the minutes say who came."""
    __tablename__ = "meeting_deputy"

    meeting_id: int = Field(foreign_key="meeting.id", primary_key=True, ondelete="CASCADE")
    deputy_id: int = Field(foreign_key="deputy.id", primary_key=True, index=True)
    attended: bool = Field(default=False)


class MeetingDecision(SQLModel, table=True):
    """One decision of the meeting; it may open an opinion or feed a suggestion."""
    __tablename__ = "meeting_decision"

    id: Optional[int] = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    seq: int = Field(default=1)
    text: str
    opinion_id: Optional[int] = Field(default=None, foreign_key="opinion.id", index=True, ondelete="SET NULL")
    suggestion_id: Optional[int] = Field(default=None, foreign_key="suggestion.id", index=True,
                                         ondelete="SET NULL")


# --- 述职评议会 -------------------------------------------------------------------------------

class Appraisal(Versioned, table=True):
    """One 述职评议会: some deputies report to voter representatives at a station."""
    __tablename__ = "appraisal"

    id: Optional[int] = Field(default=None, primary_key=True)
    year: int = Field(index=True)                         # the year of duty reported on
    station_id: Optional[int] = Field(default=None, foreign_key="station.id", index=True)
    date: dt.date = Field(index=True)
    start_time: Optional[dt.time] = None
    place: str = Field(default="", max_length=200)
    scale: str = Field(default=AppraisalScale.SATISFACTION.value, max_length=4)
    voters_present: int = Field(default=0)                # 选民代表 present
    host: str = Field(default="", max_length=50)
    status: str = Field(default=AppraisalStatus.PLANNED.value, max_length=4, index=True)
    notes: str = Field(default="")


class AppraisalDeputy(SQLModel, table=True):
    """A deputy reporting at the meeting, with the votes: good/fair/poor are 满意/基本满意/不满意
    or 称职/基本称职/不称职 by the meeting's scale."""
    __tablename__ = "appraisal_deputy"

    appraisal_id: int = Field(foreign_key="appraisal.id", primary_key=True, ondelete="CASCADE")
    deputy_id: int = Field(foreign_key="deputy.id", primary_key=True, index=True)
    seq: int = Field(default=1)
    votes_good: int = Field(default=0)
    votes_fair: int = Field(default=0)
    votes_poor: int = Field(default=0)
    result: str = Field(default="", max_length=6)
    remarks: str = Field(default="")                      # e.g. the plan to improve a 不满意 asks for


class AppraisalQuestion(SQLModel, table=True):
    """A question raised at the meeting, entered as an opinion (channel 述职会)."""
    __tablename__ = "appraisal_question"

    appraisal_id: int = Field(foreign_key="appraisal.id", primary_key=True, ondelete="CASCADE")
    opinion_id: int = Field(foreign_key="opinion.id", primary_key=True, ondelete="CASCADE", index=True)
    deputy_id: Optional[int] = Field(default=None, foreign_key="deputy.id", index=True, ondelete="SET NULL")


# --- 回访 -------------------------------------------------------------------------------------

class FollowUp(Versioned, table=True):
    """A call or visit after an opinion closed, with the resident's verdict."""
    __tablename__ = "followup"

    id: Optional[int] = Field(default=None, primary_key=True)
    opinion_id: int = Field(foreign_key="opinion.id", index=True, ondelete="CASCADE")
    on: dt.date = Field(index=True)
    method: str = Field(max_length=4)
    verdict: str = Field(max_length=6)
    caller: str = Field(default="", max_length=50)
    note: str = Field(default="")


# --- 调解 ---------------------------------------------------------------------------------------

class Dispute(Versioned, table=True):
    __tablename__ = "dispute"

    id: Optional[int] = Field(default=None, primary_key=True)
    serial: str = Field(unique=True, max_length=20)       # "TJ2026-007"
    received_on: dt.date = Field(index=True)
    kind: str = Field(max_length=30, index=True)
    grid_id: Optional[int] = Field(default=None, foreign_key="grid.id", index=True)
    parties: str = Field(max_length=200)                   # names joined by "、": masked everywhere but the form
    summary: str = Field(default="")
    other_mediators: str = Field(default="", max_length=200)   # 律师, 网格员, 民警…
    status: str = Field(default=DisputeStatus.PENDING.value, max_length=4, index=True)
    result_on: Optional[dt.date] = Field(default=None, index=True)
    agreement: str = Field(default="")                     # what was agreed, or why it failed
    referred_to: str = Field(default="", max_length=100)
    reject_reason: str = Field(default="", max_length=10)  # 诉讼 / 仲裁 / 信访 / 其他
    campaign_id: Optional[int] = Field(default=None, foreign_key="campaign.id", index=True, ondelete="SET NULL")


class DisputeDeputyLink(SQLModel, table=True):
    __tablename__ = "dispute_deputy"

    dispute_id: int = Field(foreign_key="dispute.id", primary_key=True, ondelete="CASCADE")
    deputy_id: int = Field(foreign_key="deputy.id", primary_key=True, index=True)
