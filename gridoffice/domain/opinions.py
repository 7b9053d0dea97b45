"""民情意见: residents' opinions and the closed loop (三单制, 四办) with its history."""
import datetime as dt
from typing import Optional

from sqlmodel import Field, Relationship, SQLModel

from .base import Versioned
from . import activities, deputies, grids, reception, stations  # noqa: F401  (the tables its keys and relationships point to)
from .enums import OpinionStatus, Urgency


class OpinionCategory(SQLModel, table=True):
    """The clerk-editable list of categories (养老, 停车, 环境卫生...)."""
    __tablename__ = "opinion_category"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=30)
    sort_order: int = Field(default=0)


class Opinion(Versioned, table=True):
    __tablename__ = "opinion"

    id: Optional[int] = Field(default=None, primary_key=True)
    serial: str = Field(unique=True, max_length=20)  # 编号, e.g. "2026-0042"
    received_on: dt.date = Field(index=True)
    channel: str = Field(max_length=10)
    # the resident: personal information, masked everywhere but the form
    resident_name: str = Field(default="", max_length=50)
    resident_phone: str = Field(default="", max_length=30)
    resident_address: str = Field(default="", max_length=200)
    grid_id: Optional[int] = Field(default=None, foreign_key="grid.id", index=True)
    category: str = Field(default="其他", max_length=30)
    content: str
    urgency: str = Field(default=Urgency.NORMAL.value, max_length=4)
    activity_id: Optional[int] = Field(default=None, foreign_key="activity.id", index=True)
    reception_day_id: Optional[int] = Field(default=None, foreign_key="reception_day.id", index=True)
    deputy_id: Optional[int] = Field(default=None, foreign_key="deputy.id", index=True)  # 认领代表
    department_id: Optional[int] = Field(default=None, foreign_key="department.id", index=True)
    handling_mode: str = Field(default="", max_length=4)
    due_on: Optional[dt.date] = Field(default=None, index=True)
    status: str = Field(default=OpinionStatus.REGISTERED.value, max_length=6, index=True)
    result: str = Field(default="")
    resolved_on: Optional[dt.date] = Field(default=None, index=True)   # indexed: the year's figures count by it
    reply: str = Field(default="")
    reply_method: str = Field(default="", max_length=10)
    replied_on: Optional[dt.date] = None
    satisfaction: str = Field(default="", max_length=6)
    closed_on: Optional[dt.date] = None
    reject_reason: str = Field(default="", max_length=10)
    referred_to: str = Field(default="", max_length=100)
    # where the closed matter was settled (网格/社区/街道/区, 小事不出格); "" until the office says.
    # 代表建议 and 为民办实事 made from an opinion are records of their own (domain/outcomes.py)
    settled_level: str = Field(default="", max_length=4)

    history: list["OpinionHistory"] = Relationship(
        sa_relationship_kwargs={"order_by": "OpinionHistory.id", "cascade": "all, delete-orphan"},
    )


class OpinionHistory(SQLModel, table=True):
    """One step of an opinion's loop: every status change and progress note."""
    __tablename__ = "opinion_history"

    id: Optional[int] = Field(default=None, primary_key=True)
    opinion_id: int = Field(foreign_key="opinion.id", index=True, ondelete="CASCADE")
    on: dt.date
    action: str = Field(max_length=10)  # 登记, 认领, 交办, 进展, 办结, 回复, 评价, 重办, 不予受理
    from_status: str = Field(default="", max_length=6)
    to_status: str = Field(default="", max_length=6)
    note: str = Field(default="")
