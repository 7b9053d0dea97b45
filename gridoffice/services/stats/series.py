"""What the charts draw, the same in the tab (QtCharts) and in the printed report (charts.py):
activities and person-times per month, opinions by category, the loop as a funnel
(登记 → 认领 → 交办 → 办结 → 回复), the time from 登记 to 办结, and the residents' satisfaction.

Each bar or slice carries the figure and group whose records it stands for, so clicking it in the
tab opens them (records.py).
"""
from dataclasses import dataclass, field

from sqlalchemy import func, select

from gridoffice.db import Database
from gridoffice.db.portable import days_between
from gridoffice.domain import Opinion
from gridoffice.domain.enums import Satisfaction

from .breakdowns import _Counter, by_month
from .period import Period, Scope
from .selection import Selection

CLOSE_BUCKETS = (("7天以内", 0, 7), ("8–15天", 8, 15), ("16–30天", 16, 30), ("31–60天", 31, 60), ("60天以上", 61, None))
FUNNEL = (("登记", "opinions_collected"), ("认领", "funnel_claimed"), ("交办", "funnel_assigned"),
          ("办结", "opinions_resolved"), ("回复", "opinions_replied"))


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    figure: str                      # the figure whose records it stands for
    dimension: str | None = None     # and the breakdown row (None: the whole figure)
    group: object = None


@dataclass(frozen=True)
class Charts:
    period: Period
    scope: Scope
    months: list[tuple[str, int, int]] = field(default_factory=list)   # ("3月", activities, person-times)
    month_keys: list[str] = field(default_factory=list)                # "2026-03", for the records
    categories: list[Bar] = field(default_factory=list)
    funnel: list[Bar] = field(default_factory=list)
    close_times: list[Bar] = field(default_factory=list)
    close_days_mean: float | None = None
    close_days_median: float | None = None
    satisfaction: list[Bar] = field(default_factory=list)

    @property
    def followed_up(self) -> int:
        return sum(bar.value for bar in self.satisfaction)

    def as_json(self) -> dict:
        def bars(items):
            return [{"label": b.label, "value": b.value} for b in items]
        return {"months": [{"month": key, "activities": a, "person_times": p}
                           for key, (_label, a, p) in zip(self.month_keys, self.months)],
                "categories": bars(self.categories), "funnel": bars(self.funnel),
                "close_times": bars(self.close_times), "close_days_mean": self.close_days_mean,
                "close_days_median": self.close_days_median, "satisfaction": bars(self.satisfaction)}


def month_label(key: str, period: Period) -> str:
    """'3月', or '2025年12月' when the period crosses a year."""
    year, month = key.split("-")
    return f"{int(month)}月" if period.within_one_year else f"{year}年{int(month)}月"


def charts(db: Database, period: Period, scope: Scope) -> Charts:
    selection = Selection(period, scope)
    with db.session() as session:
        c = session.connection()
        monthly = by_month(_Counter(c, selection))
        counts = {key: c.execute(selection.opinions(where, func.count(), joined=False)).scalar_one()
                  for key, where in (("opinions_collected", selection.collected_where()),
                                     ("funnel_claimed", selection.claimed_where()),
                                     ("funnel_assigned", selection.assigned_where()),
                                     ("opinions_resolved", selection.resolved_where()),
                                     ("opinions_replied", selection.replied_where()))}
        categories = c.execute(selection.opinions(selection.collected_where(), Opinion.category, func.count(),
                                                  joined=False)
                               .group_by(Opinion.category).order_by(func.count().desc(), Opinion.category)).all()
        days = sorted(int(round(d)) for (d,) in c.execute(selection.opinions(
            selection.resolved_where(), days_between(Opinion.received_on, Opinion.resolved_on),
            joined=False)))
        latest = selection.latest_followups()
        verdicts = dict(c.execute(select(latest.c.verdict, func.count()).group_by(latest.c.verdict)).all())
    buckets = [Bar(label, sum(1 for d in days if d >= low and (high is None or d <= high)), "opinions_resolved",
                   "close_days", f"{low}-{high if high is not None else ''}") for label, low, high in CLOSE_BUCKETS]
    return Charts(
        period, scope,
        months=[(month_label(row.group, period), row.values[0], row.values[1]) for row in monthly.rows],
        month_keys=[row.group for row in monthly.rows],
        categories=[Bar(category or "（未填）", count, "opinions_collected", "category", category)
                    for category, count in categories],
        funnel=[Bar(label, counts[key], key) for label, key in FUNNEL],
        close_times=buckets,
        close_days_mean=round(sum(days) / len(days), 1) if days else None,
        close_days_median=_median(days),
        satisfaction=[Bar(verdict.value, verdicts.get(verdict.value, 0), "followups", "verdict", verdict.value)
                      for verdict in Satisfaction],
    )


def _median(values: list[int]) -> float | None:
    if not values:
        return None
    middle = len(values) // 2
    return float(values[middle]) if len(values) % 2 else (values[middle - 1] + values[middle]) / 2
