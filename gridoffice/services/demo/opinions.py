"""民情意见 and their closed loop (三单制): 登记 → 认领 → 交办 → 办结 → 回复.

Each opinion is first planned as a timeline of dates; what happened by `today` decides its
status, fields and history. A few plans are then cut short so the clerk's lists always show
every status, overdue matters and matters due this week.
"""
import datetime as dt
import random
from dataclasses import dataclass, field
from typing import NamedTuple

from gridoffice.domain.enums import HandlingMode, OpinionChannel, OpinionStatus, ReceptionStatus, Urgency
from gridoffice.domain.opinion_rules import default_due_days

from gridoffice.services.demo import words
from gridoffice.services.demo.activities import Visit
from gridoffice.services.demo.people import NameMaker, PhoneMaker, weighted
from gridoffice.services.demo.scale import DemoOffice, GridInfo

S = OpinionStatus
CHANNELS = (("接待日", 20), ("走访", 30), ("电话", 12), ("微信群", 15), ("意见箱", 8), ("网上", 10), ("其他", 5))
CATEGORIES = (("养老", 12), ("停车", 14), ("环境卫生", 16), ("交通", 10), ("安全隐患", 12), ("物业", 12),
              ("就业", 5), ("医疗", 6), ("教育", 6), ("其他", 7))
HANDLING = (("交办", 65), ("转办", 20), ("分办", 15))
SATISFACTION = (("满意", 88), ("基本满意", 10), ("不满意", 2))
REPLY_METHODS = (("电话", 50), ("当面", 25), ("微信", 15), ("短信", 5), ("书面", 5))
REJECT_SHARE, URGENT_SHARE = 0.025, 0.08
SUGGESTION_MIN_AGE = dt.timedelta(days=120)   # 代表建议 of the year are formed and closed
STUCK_SHARE, LATE_REPLY_SHARE = 0.05, 0.05
DUE_DAYS = {"urgent": default_due_days(Urgency.URGENT), "suggestion": 60,   # 代表建议 take longer
            "normal": default_due_days(Urgency.NORMAL)}
EXAMPLES_WANTED = 2


class Resident(NamedTuple):
    name: str
    phone: str
    address: str
    place: str                    # the estate or village group the address is in


@dataclass
class Plan:
    """One opinion's intended course; a step dated after today has not happened yet."""
    received_on: dt.date
    channel: str
    grid: GridInfo
    resident: Resident
    category: str
    content: str
    result: str
    deputy_candidates: tuple[int, ...]
    activity_id: int | None = None
    reception_day_id: int | None = None
    urgent: bool = False
    suggestion: bool = False
    practical: bool = False
    reject: tuple[str, str] | None = None      # (reason, referred to)
    reject_on: dt.date | None = None
    claim_on: dt.date | None = None
    assign_on: dt.date | None = None
    due_on: dt.date | None = None
    resolve_on: dt.date | None = None
    reply_on: dt.date | None = None
    progress_on: list[dt.date] = field(default_factory=list)

    def done(self, step: dt.date | None, today: dt.date) -> bool:
        return step is not None and step <= today

    def status(self, today: dt.date) -> str:
        if self.reject:
            return S.REJECTED.value if self.done(self.reject_on, today) else S.REGISTERED.value
        for step, reached in ((self.reply_on, S.CLOSED), (self.resolve_on, S.RESOLVED), (self.assign_on, S.ASSIGNED),
                              (self.claim_on, S.CLAIMED)):
            if self.done(step, today):
                return reached.value
        return S.REGISTERED.value

    def stop_before(self, step: str) -> None:
        """Cut the plan so `step` and everything after it has not happened."""
        order = ("claim_on", "assign_on", "resolve_on", "reply_on")
        for name in order[order.index(step):]:
            setattr(self, name, None)
        if step in ("claim_on", "assign_on"):
            self.due_on = None
        if self.resolve_on is None:
            self.progress_on = [d for d in self.progress_on if self.assign_on and d > self.assign_on]


class Residents:
    """Residents met per grid; one in five opinions comes from someone who raised one before."""

    def __init__(self, names: NameMaker, phones: PhoneMaker, rng: random.Random):
        self._names, self._phones, self._rng = names, phones, rng
        self._by_grid: dict[int, list[Resident]] = {}

    def pick(self, grid: GridInfo) -> Resident:
        known = self._by_grid.setdefault(grid.id, [])
        if known and self._rng.random() < 0.2:
            return self._rng.choice(known)
        rng = self._rng
        name = self._names.make(rng.choice("男女"))
        phone = self._phones.mobile() if rng.random() < 0.85 else self._phones.landline()
        place = rng.choice(grid.places)
        if grid.is_village:
            address = f"{place}{rng.randint(1, 60)}号"
        else:
            address = f"{place}{rng.randint(1, 24)}栋{rng.randint(1, 18)}{rng.randint(1, 4):02d}室"
        resident = Resident(name, phone, address, place)
        known.append(resident)
        return resident


def build_opinions(office: DemoOffice, visits: list[Visit], names: NameMaker, phones: PhoneMaker) -> None:
    rng = office.rng("opinions")
    sources = _Sources(office, visits, rng)
    residents = Residents(names, phones, rng)
    total = office.spec.opinions_per_year * office.spec.years
    plans = [_plan(office, sources, residents, rng) for _ in range(total)]
    _flag_suggestions_and_deeds(office, plans, rng)
    plans.sort(key=lambda plan: plan.received_on)  # stable: ties keep their drawing order
    _ensure_examples(plans, office.today)
    serials: dict[int, int] = {}
    for opinion_id, plan in enumerate(plans, start=1):
        year = plan.received_on.year
        serials[year] = serials.get(year, 0) + 1
        _write(office, opinion_id, f"{year}-{serials[year]:04d}", plan, rng)


class _Sources:
    """Where opinions come from: residents met at reception days and visits, or anyone, any day.

    Each resident received or contacted is one ticket, so no event yields more opinions than
    residents it met; when tickets run out, opinions arrive by phone instead.
    """

    def __init__(self, office: DemoOffice, visits: list[Visit], rng: random.Random):
        self.office, self._rng = office, rng
        self._visit_tickets = [v for v in visits for _ in range(v.residents)]
        rng.shuffle(self._visit_tickets)
        duty: dict[int, list[int]] = {}
        for row in office.table("reception_duty"):
            duty.setdefault(row["reception_day_id"], []).append(row["deputy_id"])
        self._reception_tickets = [(day, tuple(duty.get(day["id"], ()))) for day in office.table("reception_day")
                                   if day["status"] == ReceptionStatus.HELD.value for _ in range(day["residents_received"])]
        rng.shuffle(self._reception_tickets)
        self._grids_of = {s.id: [g for g in office.grids if g.station_id == s.id] for s in office.stations}
        self._deputies_of = {s.id: tuple(d.id for d in office.deputies if d.station_id == s.id)
                             for s in office.stations}

    def draw(self, channel: str) -> tuple[str, dt.date, GridInfo, tuple[int, ...], int | None, int | None]:
        """(channel, received on, grid, deputies who could claim it, activity id, reception day id)."""
        rng, office = self._rng, self.office
        if channel == OpinionChannel.VISIT.value and self._visit_tickets:
            visit = self._visit_tickets.pop()
            return channel, visit.date, office.grid(visit.grid_id), visit.deputy_ids, visit.activity_id, None
        if channel == OpinionChannel.RECEPTION.value and self._reception_tickets:
            day, on_duty = self._reception_tickets.pop()
            grid = rng.choice(self._grids_of[day["station_id"]] or office.grids)
            return channel, day["date"], grid, on_duty, None, day["id"]
        if channel in (OpinionChannel.VISIT.value, OpinionChannel.RECEPTION.value):
            channel = OpinionChannel.PHONE.value
        day = office.first_day + dt.timedelta(days=rng.randint(0, (office.today - office.first_day).days))
        grid = rng.choice(office.grids)
        return channel, day, grid, tuple(grid.deputy_ids) or self._deputies_of[grid.station_id], None, None


def _plan(office: DemoOffice, sources: _Sources, residents: Residents, rng: random.Random) -> Plan:
    channel, received, grid, candidates, activity_id, day_id = sources.draw(weighted(rng, CHANNELS))
    plan = Plan(received, channel, grid, residents.pick(grid), "", "", "", candidates, activity_id, day_id)
    if rng.random() < REJECT_SHARE:
        content, reason, referred = rng.choice(words.REJECTED_TEXTS)
        plan.category, plan.content, plan.reject = "其他", content, (reason, referred)
        plan.reject_on = received + dt.timedelta(days=rng.choice((0, 1, 1, 2, 3)))
        return plan
    plan.category, content, result = _opinion_text(grid, rng)
    fill = {"estate": plan.resident.place, "road": rng.choice(words.ROADS), "community": grid.community_name}
    plan.content, plan.result = content.format(**fill), result.format(**fill)
    plan.urgent = rng.random() < URGENT_SHARE
    _schedule(plan, rng)
    return plan


def _flag_suggestions_and_deeds(office: DemoOffice, plans: list[Plan], rng: random.Random) -> None:
    """A set number become 代表建议 (with their longer deadline) and 为民办实事, as the office reports them."""
    spec = office.spec
    accepted = [p for p in plans if not p.reject]
    older = [p for p in accepted if not p.urgent and p.received_on <= office.today - SUGGESTION_MIN_AGE]
    for plan in rng.sample(older, min(len(older), spec.suggestions_per_year * spec.years)):
        plan.suggestion, plan.progress_on = True, []
        _schedule(plan, rng)
    for plan in rng.sample(accepted, min(len(accepted), spec.practical_deeds_per_year * spec.years)):
        plan.practical = True


def _opinion_text(grid: GridInfo, rng: random.Random) -> tuple[str, str, str]:
    """(category, content, result) that fits the grid: no lifts or property fees in a village."""
    where = ("", "村") if grid.is_village else ("", "城")
    while True:
        category = weighted(rng, CATEGORIES)
        texts = [(content, result) for content, result, place in words.OPINION_TEXTS[category] if place in where]
        if texts:
            return (category, *rng.choice(texts))


def _schedule(plan: Plan, rng: random.Random) -> None:
    days = dt.timedelta
    plan.claim_on = plan.received_on + days(rng.choice((0, 0, 1, 1, 2, 3, 4, 6)))
    plan.assign_on = plan.claim_on + days(rng.choice((0, 1, 1, 2, 3, 5)))
    kind = "urgent" if plan.urgent else "suggestion" if plan.suggestion else "normal"
    plan.due_on = plan.assign_on + days(DUE_DAYS[kind])
    # most matters are done well within their deadline; a few get stuck for weeks
    duration = {"urgent": rng.randint(2, 7), "suggestion": rng.randint(20, 75),
                "normal": round(rng.triangular(2, 20, 7))}[kind]
    if rng.random() < STUCK_SHARE:
        duration += rng.randint(30, 90)
    plan.resolve_on = plan.assign_on + days(duration)
    plan.reply_on = plan.resolve_on + days(rng.choice((0, 1, 1, 2, 3, 5)))
    if rng.random() < LATE_REPLY_SHARE:
        plan.reply_on += days(rng.randint(10, 30))
    if duration > 10:
        plan.progress_on.append(plan.assign_on + days(duration // 2))


def _ensure_examples(plans: list[Plan], today: dt.date) -> None:
    """Cut the newest fitting plans short until each open state has a few examples."""
    def open_assigned(plan: Plan) -> bool:
        return plan.status(today) == S.ASSIGNED.value

    def overdue(plan: Plan) -> bool:
        return open_assigned(plan) and plan.due_on < today

    def due_this_week(plan: Plan) -> bool:
        return open_assigned(plan) and today <= plan.due_on <= today + dt.timedelta(days=6)

    def within(day: dt.date | None, days: int) -> bool:
        return day is not None and today - dt.timedelta(days=days) <= day <= today

    closed, handling = (S.CLOSED.value,), (S.CLOSED.value, S.ASSIGNED.value)
    wanted = (  # (what to show, can this plan be cut to show it, statuses it may be cut from, step to cut before)
        (lambda p: p.status(today) == S.REGISTERED.value, lambda p: within(p.received_on, 10), handling, "claim_on"),
        (lambda p: p.status(today) == S.CLAIMED.value, lambda p: within(p.claim_on, 20), handling, "assign_on"),
        (lambda p: p.status(today) == S.RESOLVED.value, lambda p: within(p.resolve_on, 15), closed, "reply_on"),
        (overdue, lambda p: within(p.assign_on, 90) and within(p.due_on, 60) and p.due_on < today, closed,
         "resolve_on"),
        (due_this_week, lambda p: within(p.assign_on, 60) and today <= p.due_on <= today + dt.timedelta(days=6),
         closed, "resolve_on"),
    )
    # newest first; 办理中 ones are plentiful, and the checks after these only cut closed plans
    newest_first = [p for p in reversed(plans) if not p.reject]
    for shows, fits, sources, step in wanted:
        missing = EXAMPLES_WANTED - sum(1 for p in plans if shows(p))
        for plan in newest_first:
            if missing <= 0:
                break
            if plan.status(today) in sources and fits(plan):
                plan.stop_before(step)
                missing -= 1

def _write(office: DemoOffice, opinion_id: int, serial: str, plan: Plan, rng: random.Random) -> None:
    today = office.today
    status = plan.status(today)
    name, phone, address, _place = plan.resident
    row = {
        "id": opinion_id, "serial": serial, "received_on": plan.received_on, "channel": plan.channel,
        "resident_name": name, "resident_phone": phone, "resident_address": address, "grid_id": plan.grid.id,
        "category": plan.category, "content": plan.content,
        "urgency": Urgency.URGENT.value if plan.urgent else Urgency.NORMAL.value,
        "activity_id": plan.activity_id, "reception_day_id": plan.reception_day_id, "deputy_id": None,
        "department_id": None, "handling_mode": "", "due_on": None, "status": status, "result": "",
        "resolved_on": None, "reply": "", "reply_method": "", "replied_on": None, "satisfaction": "",
        "closed_on": None, "reject_reason": "", "referred_to": "", "settled_level": "",
    }
    # 代表建议 and 为民办实事 are records of their own, made from these by demo/outcomes.py
    if plan.suggestion:
        office.suggestion_opinions.append(opinion_id)
    if plan.practical:
        office.practical_opinions.append(opinion_id)
    history = [(plan.received_on, "登记", "", S.REGISTERED.value, f"{_channel_note(plan.channel)}，登记需求单")]
    if plan.reject:
        history += _reject(plan, row, today)
    else:
        history += _handle(office, plan, row, today, rng)
    office.table("opinion").append(row)
    rows = office.table("opinion_history")
    for on, action, from_status, to_status, note in sorted(history, key=lambda step: step[0]):
        rows.append({"id": len(rows) + 1, "opinion_id": opinion_id, "on": on, "action": action,
                     "from_status": from_status, "to_status": to_status, "note": note})


def _channel_note(channel: str) -> str:
    return {"接待日": "接待日当面反映", "走访": "代表走访时收集", "电话": "电话反映", "微信群": "网格微信群反映",
            "意见箱": "民情意见箱投递", "网上": "网上留言"}.get(channel, "群众反映")


def _reject(plan: Plan, row: dict, today: dt.date) -> list[tuple]:
    if not plan.done(plan.reject_on, today):
        return []
    reason, referred = plan.reject
    row.update(reject_reason=reason, referred_to=referred, closed_on=plan.reject_on)
    return [(plan.reject_on, "不予受理", S.REGISTERED.value, S.REJECTED.value,
             f"属{reason}事项，不予受理，已引导至{referred}")]


def _handle(office: DemoOffice, plan: Plan, row: dict, today: dt.date, rng: random.Random) -> list[tuple]:
    steps = []
    if not plan.done(plan.claim_on, today):
        return steps
    deputy_id = _claimant(office, plan, rng)
    row["deputy_id"] = deputy_id
    steps.append((plan.claim_on, "认领", S.REGISTERED.value, S.CLAIMED.value,
                  f"{office.deputy(deputy_id).name}代表认领，形成任务单"))
    if not plan.done(plan.assign_on, today):
        return steps
    department = rng.choice(words.DEPARTMENTS_BY_CATEGORY[plan.category])
    supervise_on = plan.due_on + dt.timedelta(days=1)  # 督办 the day after a missed deadline
    supervised = supervise_on <= today and (plan.resolve_on is None or supervise_on < plan.resolve_on)
    mode = HandlingMode.SUPERVISE.value if supervised else weighted(rng, HANDLING)
    row.update(department_id=office.department_ids[department], handling_mode=mode, due_on=plan.due_on)
    steps.append((plan.assign_on, "交办", S.CLAIMED.value, S.ASSIGNED.value,
                  f"{'交办' if mode == '督办' else mode}至{department}，形成责任单，限{plan.due_on:%m月%d日}前办结"))
    for on in plan.progress_on:
        if on <= today and (plan.resolve_on is None or on < plan.resolve_on):
            steps.append((on, "进展", S.ASSIGNED.value, S.ASSIGNED.value, rng.choice(words.PROGRESS_TEXTS)))
    if supervised:
        steps.append((supervise_on, "进展", S.ASSIGNED.value, S.ASSIGNED.value, "已超过办理期限，工委发函督办"))
    if not plan.done(plan.resolve_on, today):
        return steps
    row.update(result=plan.result, resolved_on=plan.resolve_on)
    steps.append((plan.resolve_on, "办结", S.ASSIGNED.value, S.RESOLVED.value, plan.result))
    if not plan.done(plan.reply_on, today):
        return steps
    method, satisfaction = weighted(rng, REPLY_METHODS), weighted(rng, SATISFACTION)
    reply = f"{rng.choice(words.REPLY_TEXTS)}：{plan.result}"
    row.update(reply=reply, reply_method=method, replied_on=plan.reply_on, satisfaction=satisfaction,
               closed_on=plan.reply_on)
    steps.append((plan.reply_on, "回复", S.RESOLVED.value, S.CLOSED.value, f"{method}回复，群众评价：{satisfaction}"))
    return steps


def _claimant(office: DemoOffice, plan: Plan, rng: random.Random) -> int:
    serving = [d for d in plan.deputy_candidates if office.deputy(d).serves_on(plan.claim_on)]
    if serving:
        return rng.choice(serving)
    return rng.choice([d.id for d in office.deputies if d.serves_on(plan.claim_on)])
