"""九必访: the office's list of events that must be followed by a visit, within how many days and
for which categories. A default list comes with every office (migration 0002, and
office/setup.py for a new one); the clerk edits it."""
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import HouseholdCategory, HouseholdEvent, MustVisitRule, MustVisitRuleCategory
from gridoffice.domain.enums import DEFAULT_MUST_VISIT_RULES
from gridoffice.domain.errors import FieldError
from gridoffice.domain.rules import normalize_text

MAX_DAYS = 90


class RuleInputError(FieldError):
    """Bad input for the must-visit list; `field` is "rules", the message names the row."""


@dataclass(frozen=True)
class MustVisitKind:
    id: int | None            # None for a rule the clerk is adding
    event: str
    within_days: int
    category_ids: tuple[int, ...] = ()
    categories: str = ""      # names joined by "、"; "" = every category

    @property
    def applies_to(self) -> str:
        return self.categories or "全部重点户"


def read_kinds(session: Session) -> list[MustVisitKind]:
    names = dict(session.exec(select(HouseholdCategory.id, HouseholdCategory.name)).all())
    order = dict(session.exec(select(HouseholdCategory.id, HouseholdCategory.sort_order)).all())
    links: dict[int, list[int]] = defaultdict(list)
    for rule_id, category_id in session.exec(select(MustVisitRuleCategory.rule_id, MustVisitRuleCategory.category_id)):
        links[rule_id].append(category_id)
    result = []
    for rule in session.exec(select(MustVisitRule).order_by(MustVisitRule.sort_order, MustVisitRule.id)):
        ids = tuple(sorted(links.get(rule.id, []), key=lambda c: (order.get(c, 0), c)))
        result.append(MustVisitKind(rule.id, rule.event, rule.within_days, ids, "、".join(names.get(c, "") for c in ids)))
    return result


def list_kinds(db: Database) -> list[MustVisitKind]:
    with db.session() as session:
        return read_kinds(session)


def save_kinds(db: Database, rows: Sequence[MustVisitKind]) -> list[int]:
    """The list becomes `rows`, in that order. A removed event's records keep their text (and
    their due date); returns the rules' ids."""
    with db.session() as session:
        return _store_kinds(session, rows)


def _store_kinds(session: Session, rows: Sequence[MustVisitKind]) -> list[int]:
    seen: set[str] = set()
    categories = set(session.exec(select(HouseholdCategory.id)))
    cleaned = []
    for number, row in enumerate(rows, start=1):
        event = normalize_text(row.event)
        if not event:
            raise RuleInputError("rules", f"第 {number} 项没有填写事由。")
        if len(event) > 30:
            raise RuleInputError("rules", f"事由“{event[:10]}…”太长，不能超过 30 个字。")
        if event in seen:
            raise RuleInputError("rules", f"事由“{event}”重复了。")
        if not 0 <= int(row.within_days) <= MAX_DAYS:
            raise RuleInputError("rules", f"“{event}”的走访时限应在 0 到 {MAX_DAYS} 天之间（0 表示当天）。")
        if not set(row.category_ids) <= categories:
            raise RuleInputError("rules", f"“{event}”所选的类别有已被删除的，请重新选择。")
        seen.add(event)
        cleaned.append(MustVisitKind(row.id, event, int(row.within_days), tuple(dict.fromkeys(row.category_ids))))
    existing = {r.id: r for r in session.exec(select(MustVisitRule))}
    kept = {row.id for row in cleaned if row.id is not None}
    for rule_id, rule in existing.items():
        if rule_id not in kept:
            for event in session.exec(select(HouseholdEvent).where(HouseholdEvent.rule_id == rule_id)):
                event.rule_id = None
                session.add(event)
            for link in session.exec(select(MustVisitRuleCategory).where(MustVisitRuleCategory.rule_id == rule_id)):
                session.delete(link)
            session.flush()
            session.delete(rule)
    session.flush()   # a removed event's name may be reused below
    ids = []
    for order, row in enumerate(cleaned, start=1):
        rule = existing.get(row.id) if row.id is not None else None
        rule = rule or MustVisitRule(event=row.event)
        rule.event, rule.within_days, rule.sort_order = row.event, row.within_days, order
        session.add(rule)
        session.flush()
        current = {link.category_id: link for link in session.exec(
            select(MustVisitRuleCategory).where(MustVisitRuleCategory.rule_id == rule.id))}
        for category_id, link in current.items():
            if category_id not in row.category_ids:
                session.delete(link)
        for category_id in row.category_ids:
            if category_id not in current:
                session.add(MustVisitRuleCategory(rule_id=rule.id, category_id=category_id))
        ids.append(rule.id)
    session.flush()
    return ids


def ensure_default_kinds(session: Session, *, link_categories: bool = False) -> None:
    """The default 九必访 list where the office has none. `link_categories`: the default categories
    were just made (a new office: its migration ran before it had categories), so the default rules
    limited to categories get them, where the rule has none yet."""
    names = dict(session.exec(select(HouseholdCategory.name, HouseholdCategory.id)).all())
    rules = {r.event: r for r in session.exec(select(MustVisitRule))}
    if not rules:
        for order, (event, days, _categories) in enumerate(DEFAULT_MUST_VISIT_RULES, start=1):
            rule = MustVisitRule(event=event, within_days=days, sort_order=order)
            session.add(rule)
            rules[event] = rule
        session.flush()
    if not link_categories:
        return
    linked = set(session.exec(select(MustVisitRuleCategory.rule_id)))
    for event, _days, category_names in DEFAULT_MUST_VISIT_RULES:
        rule = rules.get(event)
        if rule is None or rule.id in linked or not category_names:
            continue
        for name in category_names:
            if name in names:
                session.add(MustVisitRuleCategory(rule_id=rule.id, category_id=names[name]))
    session.flush()
