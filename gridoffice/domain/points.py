"""履职积分: the rule table the clerk edits (a full set of rules per year, so a year's ranking never
changes when a later year's rules do) and the manual adjustments, each with its reason.

The default rule table is built from reference/duty-points.md (figures read in district and street
schemes; the items no document gives a value for are marked 推定 in their note): the clerk edits it.
"""
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Optional

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from . import base  # noqa: F401  (naming convention first)
from . import deputies, reception  # noqa: F401  (the tables its keys and relationships point to)
from .enums import ActivityKind


class DutyPointRule(SQLModel, table=True):
    """One item of one year's rule table. A year without rows of its own uses the latest earlier
    year's rows (or the defaults); saving a year's rules writes the whole set for that year."""
    __tablename__ = "duty_point_rule"
    __table_args__ = (UniqueConstraint("year", "key"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    year: int = Field(index=True)
    key: str = Field(max_length=30)                 # RuleKey, or "activity:<kind>"
    points: float = Field(default=0)                # per occurrence; negative for a deduction
    cap: Optional[float] = None                     # the most one deputy earns from the item in a year
    threshold: Optional[int] = None                 # minimums: how many a year; grades: the lowest score


class DutyPointAdjustment(SQLModel, table=True):
    """Points the clerk adds or takes off by hand (加分, 扣分) or a missed reception duty (接待日缺岗,
    valued by the year's rule), always with the reason; every change is in the audit log."""
    __tablename__ = "duty_point_adjustment"

    id: Optional[int] = Field(default=None, primary_key=True)
    deputy_id: int = Field(foreign_key="deputy.id", index=True, ondelete="CASCADE")
    on: dt.date = Field(index=True)                 # the day it concerns; its year is the points' year
    kind: str = Field(max_length=6)                 # AdjustmentKind
    points: float = Field(default=0)                # for 加分/扣分 (signed); 缺岗 takes the rule's value
    reason: str = Field(max_length=500)
    reception_day_id: Optional[int] = Field(default=None, foreign_key="reception_day.id", index=True,
                                            ondelete="SET NULL")


class AdjustmentKind(StrEnum):
    BONUS = "加分"
    PENALTY = "扣分"
    MISSED_DUTY = "接待日缺岗"


class RuleGroup(StrEnum):
    BASE = "基础分"
    ACTIVITY = "走访活动（每人次）"
    DUTY = "接待与会议"
    OPINION = "民情意见"
    OUTCOME = "建议、实事、调解、述职"
    DEDUCTION = "扣分"
    MINIMUM = "底线要求（全年）"
    GRADE = "等级（全年总分）"


class RuleKey(StrEnum):
    BASE = "base"
    RECEPTION_DUTY = "reception_duty"
    MEETING = "meeting"
    OPINION_CLAIMED = "opinion_claimed"
    OPINION_RESOLVED = "opinion_resolved"
    SUGGESTION_LEAD = "suggestion_lead"
    SUGGESTION_COSIGN = "suggestion_cosign"
    PROJECT = "project"
    DISPUTE = "dispute"
    APPRAISAL = "appraisal"
    MISSED_DUTY = "missed_duty"
    MISSED_MEETING = "missed_meeting"
    MIN_CONTACTS = "min_contacts"
    MIN_RECEPTIONS = "min_receptions"
    GRADE_EXCELLENT = "grade_excellent"
    GRADE_PASS = "grade_pass"
    GRADE_BASIC = "grade_basic"


ACTIVITY_PREFIX = "activity:"


def activity_rule_key(kind: str) -> str:
    return f"{ACTIVITY_PREFIX}{kind}"


@dataclass(frozen=True)
class RuleSpec:
    """An item of the rule table as the program knows it: what it counts and its default value."""
    key: str
    group: str
    label: str
    unit: str                     # what one occurrence is: 人次, 次, 件, 条; "" for base and grades
    points: float
    cap: float | None = None
    threshold: int | None = None
    note: str = ""                # where the default comes from, or what it counts
    short: str = ""               # a minimum's name in a table's remark: 联系群众, 接待值班

    @property
    def is_minimum(self) -> bool:
        return self.group == RuleGroup.MINIMUM

    @property
    def is_grade(self) -> bool:
        return self.group == RuleGroup.GRADE


INFERRED = "推定，由本办公室确定"

_ACTIVITY_DEFAULTS = {
    ActivityKind.HOME_VISIT: (2, 20, "入户走访选民；S7：联系10户并走访一次记5分"),
    ActivityKind.GRID_PATROL: (2, 20, INFERRED),
    ActivityKind.ENTERPRISE: (2, 20, "三进：进企业"),
    ActivityKind.COMMUNITY: (2, 20, "三进：进社区"),
    ActivityKind.VILLAGE: (2, 20, "三进：进乡村"),
    ActivityKind.RECEPTION: (2, 20, "走访记录中登记的接待活动；接待日历中的值班另计"),
    ActivityKind.COUNCIL: (3, None, "代表小组活动；S7：全年4次无缺席记10分"),
    ActivityKind.FORUM: (3, None, INFERRED),
    ActivityKind.INSPECTION: (3, None, "S1：视察、调研每次3分"),
    ActivityKind.VOLUNTEER: (2, 10, "公益活动；A2（政协）：每次2分，最多10分"),
    ActivityKind.OTHER: (1, 10, INFERRED),
}

DEFAULT_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(RuleKey.BASE, RuleGroup.BASE, "基础分", "", 60, note="S3：每年60分基础分，另加履职得分，总分不设上限"),
    *(RuleSpec(activity_rule_key(kind.value), RuleGroup.ACTIVITY, kind.value, "人次", points, cap, note=note)
      for kind, (points, cap, note) in _ACTIVITY_DEFAULTS.items()),
    RuleSpec(RuleKey.RECEPTION_DUTY, RuleGroup.DUTY, "联络站接待日值班", "次", 5,
             note="S4：进站接待每次5分；只计已举行的接待日"),
    RuleSpec(RuleKey.MEETING, RuleGroup.DUTY, "出席会议（例会、议事会等）", "次", 2, 20,
             note="只计已召开且记为出席的会议；" + INFERRED),
    RuleSpec(RuleKey.OPINION_CLAIMED, RuleGroup.OPINION, "认领群众意见（任务单）", "条", 1, 20,
             note="按意见的登记日期计；" + INFERRED),
    RuleSpec(RuleKey.OPINION_RESOLVED, RuleGroup.OPINION, "认领的意见办结", "条", 2,
             note="按办结日期计；" + INFERRED),
    RuleSpec(RuleKey.SUGGESTION_LEAD, RuleGroup.OUTCOME, "领衔提出代表建议", "件", 3, note="S1：提出建议每件3分"),
    RuleSpec(RuleKey.SUGGESTION_COSIGN, RuleGroup.OUTCOME, "附议代表建议", "件", 1, note=INFERRED),
    RuleSpec(RuleKey.PROJECT, RuleGroup.OUTCOME, "监督为民办实事项目", "个", 2, 10,
             note="年度清单上的项目；A2（政协）：每件2分，最多10分"),
    RuleSpec(RuleKey.DISPUTE, RuleGroup.OUTCOME, "参与调解矛盾纠纷成功", "件", 2, 10, note=INFERRED),
    RuleSpec(RuleKey.APPRAISAL, RuleGroup.OUTCOME, "向选民述职", "次", 5, note="述职评议是计分项目（S6）；分值" + INFERRED),
    RuleSpec(RuleKey.MISSED_DUTY, RuleGroup.DEDUCTION, "接待日无故缺岗", "次", -5,
             note="在“加减分”中登记；请假获准的不登记。" + INFERRED),
    RuleSpec(RuleKey.MISSED_MEETING, RuleGroup.DEDUCTION, "受邀未出席会议", "次", -1,
             note="S1：请假每半天扣1分"),
    RuleSpec(RuleKey.MIN_CONTACTS, RuleGroup.MINIMUM, "联系群众不少于", "人次", -5, threshold=10,
             note="S10：每年联系选民不少于10人次（代表参加的走访活动和接待日登记的群众人次）；未达到时扣的分"
                  + INFERRED, short="联系群众"),
    RuleSpec(RuleKey.MIN_RECEPTIONS, RuleGroup.MINIMUM, "接待日值班不少于", "次", -5, threshold=2,
             note="S13：每年进站接待不少于2次；未达到时扣的分" + INFERRED, short="接待值班"),
    RuleSpec(RuleKey.GRADE_EXCELLENT, RuleGroup.GRADE, "优秀", "", 0, threshold=85, note="全年总分不低于此分"),
    RuleSpec(RuleKey.GRADE_PASS, RuleGroup.GRADE, "合格", "", 0, threshold=70, note="全年总分不低于此分"),
    RuleSpec(RuleKey.GRADE_BASIC, RuleGroup.GRADE, "基本合格", "", 0, threshold=60,
             note="全年总分不低于此分；再低为“不合格”"),
)
RULE_SPECS = {spec.key: spec for spec in DEFAULT_RULES}
GRADE_BELOW = "不合格"
