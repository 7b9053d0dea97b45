"""重点户台账 (五类十色九必访): the special households one by one, the events that call for a visit
(九必访) and the visits made.

A household may be in several categories (独居 and 高龄). An entry with `placeholder_count` > 0 is
not a household but "未逐户登记": a count the office kept before the ledger (one category, that
many households), which the clerk replaces by households one by one. Names, phones and health or
hardship are sensitive personal information (PIPL art. 28): lists and prints mask them by default.
"""
import datetime as dt
from typing import Optional

from sqlmodel import Field, SQLModel

from . import base  # noqa: F401
from . import activities, deputies, grids, people  # noqa: F401  (the tables its keys and relationships point to)


class Household(SQLModel, table=True):
    __tablename__ = "household"

    id: Optional[int] = Field(default=None, primary_key=True)
    grid_id: int = Field(foreign_key="grid.id", index=True)
    place: str = Field(default="", max_length=100)      # 小区、村民小组或街巷门牌: 幸福花园
    building: str = Field(default="", max_length=20)    # 3栋
    unit: str = Field(default="", max_length=20)        # 2单元
    room: str = Field(default="", max_length=20)        # 501室
    address: str = Field(default="", max_length=200, index=True)   # the whole address, as stored and looked up
    name: str = Field(default="", max_length=50)        # the person or the household's name
    phone: str = Field(default="", max_length=30)
    color: str = Field(default="", max_length=9)        # #rrggbb from the office's 十色
    deputy_id: Optional[int] = Field(default=None, foreign_key="deputy.id", index=True)
    worker_id: Optional[int] = Field(default=None, foreign_key="person.id", index=True)   # the grid worker
    registered_on: Optional[dt.date] = None             # entered in the ledger: a regular cycle counts from here
    last_visit_on: Optional[dt.date] = Field(default=None, index=True)   # kept in step by the visit services
    # the regular visit's due date: (last visit or registered) + the shortest cycle of its categories;
    # None without a cycle. Kept in step by the ledger services (households.ledger.refresh_cycle_due)
    cycle_due_on: Optional[dt.date] = Field(default=None, index=True)
    placeholder_count: int = Field(default=0)           # > 0: "未逐户登记", that many households of one category
    notes: str = Field(default="")


class HouseholdCategoryLink(SQLModel, table=True):
    __tablename__ = "household_category_link"

    household_id: int = Field(foreign_key="household.id", primary_key=True, ondelete="CASCADE")
    category_id: int = Field(foreign_key="household_category.id", primary_key=True, ondelete="CASCADE",
                             index=True)


class MustVisitRule(SQLModel, table=True):
    """九必访: an event that must be followed by a visit within `within_days` (遇节假日顺延)."""
    __tablename__ = "must_visit_rule"

    id: Optional[int] = Field(default=None, primary_key=True)
    event: str = Field(unique=True, max_length=30)
    within_days: int = Field(default=3)
    sort_order: int = Field(default=0)


class MustVisitRuleCategory(SQLModel, table=True):
    """The categories a rule applies to; a rule without any applies to every household."""
    __tablename__ = "must_visit_rule_category"

    rule_id: int = Field(foreign_key="must_visit_rule.id", primary_key=True, ondelete="CASCADE")
    category_id: int = Field(foreign_key="household_category.id", primary_key=True, ondelete="CASCADE")


class HouseholdEvent(SQLModel, table=True):
    """Something that happened in a household and calls for a visit by `due_on`; closed by a visit."""
    __tablename__ = "household_event"

    id: Optional[int] = Field(default=None, primary_key=True)
    household_id: int = Field(foreign_key="household.id", index=True)
    rule_id: Optional[int] = Field(default=None, foreign_key="must_visit_rule.id", index=True)
    kind: str = Field(max_length=30)                    # the rule's event, kept if the rule is renamed
    date: dt.date = Field(index=True)
    due_on: dt.date = Field(index=True)
    notes: str = Field(default="")
    visit_id: Optional[int] = Field(default=None, foreign_key="household_visit.id", index=True)  # closed by


class HouseholdVisit(SQLModel, table=True):
    """A visit made to a household. With deputies, it is also an activity of the visit log (one
    activity for the same deputies' round of one grid on one day, so person-times count once)."""
    __tablename__ = "household_visit"

    id: Optional[int] = Field(default=None, primary_key=True)
    household_id: int = Field(foreign_key="household.id", index=True)
    date: dt.date = Field(index=True)
    summary: str = Field(default="")                    # what was done
    services: str = Field(default="", max_length=200)   # services or devices provided, joined by "、"
    activity_id: Optional[int] = Field(default=None, foreign_key="activity.id", index=True)
    team_id: Optional[int] = Field(default=None, foreign_key="team.id", index=True)


class HouseholdVisitDeputy(SQLModel, table=True):
    __tablename__ = "household_visit_deputy"

    visit_id: int = Field(foreign_key="household_visit.id", primary_key=True, ondelete="CASCADE")
    deputy_id: int = Field(foreign_key="deputy.id", primary_key=True, ondelete="CASCADE", index=True)


class HouseholdVisitPerson(SQLModel, table=True):
    __tablename__ = "household_visit_person"

    visit_id: int = Field(foreign_key="household_visit.id", primary_key=True, ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id", primary_key=True, ondelete="CASCADE", index=True)
