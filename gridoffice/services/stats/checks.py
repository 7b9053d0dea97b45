"""Checks before the director sees the figures: records that contradict each other or that the figures
would count wrongly, each listed with the record to open and correct.

    for check in run_checks(db, period, scope, today=today):
        print(check.title, len(check.items))
        for item in check.items: print("  ", item.text)      # item.kind, item.id: the record to open
"""
import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.engine import Connection

from gridoffice.db import Database
from gridoffice.domain import (Activity, ActivityDeputyLink, Deputy, Meeting, MeetingDeputyLink, Opinion,
                               ReceptionDay, ReceptionDutyLink, Station)
from gridoffice.domain.enums import ActivityKind, OpinionStatus, ReceptionStatus
from gridoffice.domain.outcome_rules import MeetingStatus
from gridoffice.domain.stations import short_station_name

from .period import Period, Scope
from .records import Names
from .selection import FINISHED, Selection

S = OpinionStatus
REPLY_WITHIN_DAYS = 15     # 办结 and still not told to the resident after this many days: listed


@dataclass(frozen=True)
class CheckItem:
    kind: str             # the record to open: activity, opinion, reception_day, deputy
    id: int
    text: str             # one line: what the record is and what is wrong


@dataclass(frozen=True)
class Check:
    key: str
    title: str
    explanation: str      # what is checked, and how to correct it
    items: list[CheckItem] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.items

    def as_json(self) -> dict:
        return {"key": self.key, "title": self.title, "count": len(self.items),
                "items": [{"kind": i.kind, "id": i.id, "text": i.text} for i in self.items]}


def _day(value: dt.date | None) -> str:
    return f"{value:%Y-%m-%d}" if value else "（无日期）"


def _place(names: Names, station: int | None, grid: int | None) -> str:
    return " ".join(part for part in (names.station(station), names.grid(grid)) if part)


def _opinion_text(serial: str, received: dt.date, status: str, problem: str) -> str:
    return f"意见 {serial}（{received:%Y-%m-%d} 登记，{status}）：{problem}"


def resolved_versus_collected(c: Connection, sel: Selection, today: dt.date) -> Check:
    """办结 can only count what was collected, with a result dated after it was registered: these
    records' status and dates contradict each other, so 办结 would be counted wrong."""
    query = sel.opinions(
        and_(or_(sel.collected_where(), and_(Opinion.resolved_on >= sel.start, Opinion.resolved_on <= sel.end,
                                             sel.opinion_scope())),
             or_(and_(Opinion.status.in_(FINISHED), Opinion.resolved_on.is_(None)),
                 and_(Opinion.resolved_on.is_not(None), ~Opinion.status.in_(FINISHED)),
                 Opinion.resolved_on < Opinion.received_on,
                 Opinion.resolved_on > today)),
        Opinion.id, Opinion.serial, Opinion.received_on, Opinion.status, Opinion.resolved_on).order_by(Opinion.serial)
    items = []
    for id_, serial, received, status, resolved in c.execute(query):
        if resolved is None:
            problem = "状态是办结，却没有办结日期，不计入办结数"
        elif status not in FINISHED:
            problem = f"有办结日期（{resolved:%Y-%m-%d}），状态却是“{status}”"
        elif resolved < received:
            problem = f"办结日期 {resolved:%Y-%m-%d} 早于登记日期"
        else:
            problem = f"办结日期 {resolved:%Y-%m-%d} 晚于今天"
        items.append(CheckItem("opinion", id_, _opinion_text(serial, received, status, problem)))
    return Check("resolved_versus_collected", "办结与收集对不上的意见",
                 "办结数只计本期收集、办结日期不早于登记日期的意见，因此不会多于收集数。下列意见的状态和日期互相矛盾，"
                 "会让办结数多算或少算：请打开意见，核对办理记录。", items)


def without_deputies(c: Connection, sel: Selection, names: Names) -> Check:
    linked = exists().where(ActivityDeputyLink.activity_id == Activity.id)
    items = [CheckItem("activity", id_, f"{day:%Y-%m-%d} {kind} {_place(names, station, grid)}：没有登记参加的代表")
             for id_, day, kind, station, grid in c.execute(
                 sel.activities(Activity.id, Activity.date, Activity.kind, Activity.station_id, Activity.grid_id)
                 .where(~linked).order_by(Activity.date, Activity.id))]
    if sel.reception_applies:
        on_duty = exists().where(ReceptionDutyLink.reception_day_id == ReceptionDay.id)
        items += [CheckItem("reception_day", id_, f"{day:%Y-%m-%d} {names.station(station)}接待日（已举行）：没有值班代表")
                  for id_, day, station in c.execute(
                      sel.reception_days(ReceptionDay.id, ReceptionDay.date, ReceptionDay.station_id,
                                         statuses=(ReceptionStatus.HELD.value,))
                      .where(~on_duty).order_by(ReceptionDay.date))]
    return Check("without_deputies", "没有代表参加的活动和接待日",
                 "这些记录不计代表人次，也不给任何代表计积分：请打开记录，补上参加的代表；如记录有误，删除它。", items)


def closed_without_reply(c: Connection, sel: Selection, today: dt.date) -> Check:
    in_period = or_(sel.collected_where(),
                    and_(Opinion.closed_on >= sel.start, Opinion.closed_on <= sel.end, sel.opinion_scope()))
    missing = or_(Opinion.reply == "", Opinion.replied_on.is_(None), Opinion.reply_method == "")
    items = [CheckItem("opinion", id_, _opinion_text(serial, received, status, "已关闭，但没有回复群众的记录"
                                                     + ("（回复内容）" if not reply else "（回复日期或方式）")))
             for id_, serial, received, status, reply in c.execute(
                 sel.opinions(and_(in_period, Opinion.status == S.CLOSED.value, missing),
                              Opinion.id, Opinion.serial, Opinion.received_on, Opinion.status, Opinion.reply)
                 .order_by(Opinion.serial))]
    overdue = today - dt.timedelta(days=REPLY_WITHIN_DAYS)
    items += [CheckItem("opinion", id_, _opinion_text(serial, received, status,
                                                      f"{resolved:%Y-%m-%d} 办结，已 {(today - resolved).days} 天未回复群众"))
              for id_, serial, received, status, resolved in c.execute(
                  sel.opinions(and_(sel.collected_where(), Opinion.status == S.RESOLVED.value,
                                    Opinion.resolved_on < overdue),
                               Opinion.id, Opinion.serial, Opinion.received_on, Opinion.status, Opinion.resolved_on)
                  .order_by(Opinion.resolved_on))]
    return Check("closed_without_reply", "关闭了却没有回复群众的意见",
                 f"事事有回音：关闭的意见都应记录回复群众的内容、日期和方式；办结超过 {REPLY_WITHIN_DAYS} 天仍未回复的也列在这里。"
                 "请打开意见补记回复（已关闭的意见可先“重办”再回复）。", items)


def past_days_still_planned(c: Connection, sel: Selection, today: dt.date, names: Names) -> Check:
    items = []
    if sel.reception_applies:
        items = [CheckItem("reception_day", id_, f"{day:%Y-%m-%d} {names.station(station)}接待日：日期已过，仍为“计划”")
                 for id_, day, station in c.execute(
                     sel.reception_days(ReceptionDay.id, ReceptionDay.date, ReceptionDay.station_id,
                                        statuses=(ReceptionStatus.PLANNED.value,))
                     .where(ReceptionDay.date < today).order_by(ReceptionDay.date, ReceptionDay.station_id))]
    return Check("past_days_still_planned", "已过去仍为“计划”的接待日",
                 "这些接待日不计入“举行”，也不给值班代表计分：请打开接待日，记为已举行（填写接待群众人数）或已取消。", items)


def idle_deputies(c: Connection, sel: Selection) -> Check:
    """Deputies serving in the period with no activity, no reception duty and no meeting attended."""
    in_activity = exists().where(ActivityDeputyLink.deputy_id == Deputy.id,
                                 ActivityDeputyLink.activity_id.in_(select(Activity.id).where(
                                     Activity.date >= sel.start, Activity.date <= sel.end)))
    on_duty = exists().where(ReceptionDutyLink.deputy_id == Deputy.id,
                             ReceptionDutyLink.reception_day_id.in_(select(ReceptionDay.id).where(
                                 ReceptionDay.status == ReceptionStatus.HELD.value,
                                 ReceptionDay.date >= sel.start, ReceptionDay.date <= sel.end)))
    at_meeting = exists().where(MeetingDeputyLink.deputy_id == Deputy.id, MeetingDeputyLink.attended,
                                MeetingDeputyLink.meeting_id.in_(select(Meeting.id).where(
                                    Meeting.date >= sel.start, Meeting.date <= sel.end)))
    query = (select(Deputy.id, Deputy.name, Station.name, Deputy.took_office_on, Deputy.left_office_on)
             .outerjoin(Station, Station.id == Deputy.station_id)
             .where(sel.deputies_where(), ~in_activity, ~on_duty, ~at_meeting).order_by(Deputy.name_pinyin))
    items = []
    for id_, name, station, took, left in c.execute(query):
        served = ""
        if took and took > sel.start:
            served = f"（{took:%Y-%m-%d} 起任代表）"
        if left and left < sel.end:
            served = f"（{left:%Y-%m-%d} 离任）"
        items.append(CheckItem("deputy", id_, f"{name}（{short_station_name(station) if station else '未进站'}）{served}"
                                              "：本期没有走访活动、接待值班或出席会议的记录"))
    return Check("idle_deputies", "本期没有履职记录的代表",
                 "也可能是记录漏登：请核对代表的履职情况，补登走访记录、接待日值班或会议出席；"
                 "确无履职的，可在“履职积分”中约谈提醒。", items)


def possible_duplicates(c: Connection, sel: Selection, names: Names) -> Check:
    """The same event entered twice: a 走访记录 of kind 接待日 on the day and station of a held reception
    day; a 议事会 or 座谈会 on the day of a held meeting at the same station or grid. The figures count
    each log apart (never added together), but the points would count both."""
    items = [CheckItem("activity", id_, f"{day:%Y-%m-%d} {names.station(station)}：走访记录中的“接待日”活动，"
                                        "接待日历中同日同站已有已举行的接待日，可能重复登记")
             for id_, day, station in c.execute(
                 sel.activities(Activity.id, Activity.date, Activity.station_id).distinct()
                 .join(ReceptionDay, and_(ReceptionDay.date == Activity.date,
                                          ReceptionDay.station_id == Activity.station_id))
                 .where(Activity.kind == ActivityKind.RECEPTION.value,
                        ReceptionDay.status == ReceptionStatus.HELD.value)
                 .order_by(Activity.date, Activity.id))]
    same_place = or_(and_(Meeting.station_id.is_not(None), Meeting.station_id == Activity.station_id),
                     and_(Meeting.grid_id.is_not(None), Meeting.grid_id == Activity.grid_id))
    meetings: dict[int, list] = {}
    for id_, day, kind, station, grid, meeting_kind, title in c.execute(
            sel.activities(Activity.id, Activity.date, Activity.kind, Activity.station_id, Activity.grid_id,
                           Meeting.kind, Meeting.title)
            .join(Meeting, Meeting.date == Activity.date)
            .where(Activity.kind.in_((ActivityKind.COUNCIL.value, ActivityKind.FORUM.value)),
                   Meeting.status == MeetingStatus.HELD.value, same_place)
            .order_by(Activity.date, Activity.id, Meeting.id)):
        meetings.setdefault(id_, [day, kind, station, grid, []])[4].append(f"{meeting_kind}“{title}”")
    items += [CheckItem("activity", id_, f"{day:%Y-%m-%d} {kind}（{_place(names, station, grid)}）"
                                         f"：同日同地点已有会议{'、'.join(held)}，可能重复登记")
              for id_, (day, kind, station, grid, held) in meetings.items()]
    return Check("possible_duplicates", "可能重复登记的活动",
                 "走访记录、会议和接待日历分开统计，不相加；同一件事在两处都登记了，代表会重复得分。"
                 "请打开走访记录核对：确属同一件事的，删除走访记录中的这一条。", items)


def run_checks(db: Database, period: Period, scope: Scope, *, today: dt.date) -> list[Check]:
    sel = Selection(period, scope)
    with db.session() as session:
        c = session.connection()
        names = Names(c)
        return [resolved_versus_collected(c, sel, today), without_deputies(c, sel, names),
                closed_without_reply(c, sel, today), past_days_still_planned(c, sel, today, names),
                idle_deputies(c, sel), possible_duplicates(c, sel, names)]


def checks_summary(checks: list[Check]) -> str:
    failing = [check for check in checks if check.items]
    if not failing:
        return "核对通过：没有发现前后矛盾或漏登的记录。"
    return (f"发现 {len(failing)} 类问题，共 {sum(len(c.items) for c in failing)} 条记录需要核对："
            + "；".join(f"{check.title} {len(check.items)} 条" for check in failing) + "。")
